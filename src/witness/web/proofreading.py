"""/checks for proofreaders: each rule explained, its findings grouped by document.

A proofreading round is "this rule, page by page": the findings of a rule are grouped by
document (most findings first), each group with its count, and paged by documents so a
document's findings are never split across two pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..checks.explain import EXPLANATIONS, Explanation

DOCS_PER_PAGE = 20


@dataclass
class DocGroup:
    doc_id: str
    title: str | None
    rows: list = field(default_factory=list)      # FindingRow, in the document's order

    @property
    def count(self) -> int:
        return len(self.rows)


@dataclass
class RuleSummary:
    rule: str
    severity: str
    count: int
    explanation: Explanation | None


def rule_summaries(rules: list[tuple[str, str, int]]) -> list[RuleSummary]:
    """The rules with findings (most first), then the rules with none, all explained."""
    out = [RuleSummary(r, sev, n, EXPLANATIONS.get(r)) for r, sev, n in rules]
    seen = {r for r, _, _ in rules}
    out += [RuleSummary(e.rule, e.severity, 0, e) for e in sorted(EXPLANATIONS.values(), key=lambda e: e.rule)
            if e.rule not in seen]
    return out


def group_by_document(rows) -> list[DocGroup]:
    """FindingRows (any order) → one group per document, most findings first."""
    groups: dict[str, DocGroup] = {}
    for row in rows:
        g = groups.get(row.doc_id)
        if g is None:
            g = groups[row.doc_id] = DocGroup(row.doc_id, row.doc_title)
        g.rows.append(row)
    for g in groups.values():
        g.rows.sort(key=lambda r: r.index)
    return sorted(groups.values(), key=lambda g: (-g.count, (g.title or g.doc_id).casefold(), g.doc_id))
