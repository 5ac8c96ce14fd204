"""/checks for proofreaders: each rule explained, its findings grouped by document.

A proofreading round is "this rule, page by page": the findings of a rule are grouped by
document (most findings first), each group with its count, and paged by documents so a
document's findings are never split across two pages.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..checks.explain import EXPLANATIONS, Explanation

DOCS_PER_PAGE = 20


@dataclass
class DocGroup:
    doc_id: str
    title: str | None
    rows: list = field(default_factory=list)      # FindingRow, in the document's order
    shown: list = field(default_factory=list)     # the rows listed (the open ones, or all)

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def open(self) -> int:
        return sum(1 for r in self.rows if r.verdict is None)


@dataclass
class RuleSummary:
    rule: str
    severity: str
    count: int
    explanation: Explanation | None
    judged: Counter = field(default_factory=Counter)    # verdict → findings

    @property
    def open(self) -> int:
        return self.count - sum(self.judged.values())


def rule_summaries(rules: list[tuple[str, str, int]], judged: dict | None = None) -> list[RuleSummary]:
    """The rules with findings (most first), then the rules with none, all explained."""
    judged = judged or {}
    out = [RuleSummary(r, sev, n, EXPLANATIONS.get(r), Counter(judged.get(r, {}))) for r, sev, n in rules]
    seen = {r for r, _, _ in rules}
    out += [RuleSummary(e.rule, e.severity, 0, e) for e in sorted(EXPLANATIONS.values(), key=lambda e: e.rule)
            if e.rule not in seen]
    return out


def group_by_document(rows, *, judged_too: bool = False) -> list[DocGroup]:
    """FindingRows (any order) → one group per document with something to show (open
    findings, or any with judged_too), most findings first."""
    groups: dict[str, DocGroup] = {}
    for row in rows:
        g = groups.get(row.doc_id)
        if g is None:
            g = groups[row.doc_id] = DocGroup(row.doc_id, row.doc_title)
        g.rows.append(row)
    for g in groups.values():
        g.rows.sort(key=lambda r: r.index)
        g.shown = [r for r in g.rows if judged_too or r.verdict is None]
    return sorted((g for g in groups.values() if g.shown),
                  key=lambda g: (-len(g.shown), (g.title or g.doc_id).casefold(), g.doc_id))
