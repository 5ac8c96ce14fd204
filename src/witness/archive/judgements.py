"""Verdicts meeting their items: findings and contradictions as readers see them, each with
its key and the judgement in force; finding an item from what a person types; giving and
withdrawing judgements (stored by the store's verdicts family, logged there)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..errors import NotFound
from ..model import Document, Finding
from ..verdicts import Item, Verdict, VerdictError, finding_item, row_item
from .views import EXCERPT_RADIUS

REF = re.compile(r"(?P<doc>.+)#(?P<n>\d+)")
MIN_PREFIX = 6


def with_verdicts(store, rows: list) -> list:
    """Set `key` and `verdict` on archive FindingRows (in place); returns them."""
    for row in rows:
        row.key = row_item(row).key
    found = store.verdicts.get(r.key for r in rows)
    for row in rows:
        row.verdict = found.get(row.key)
    return rows


@dataclass
class DocFinding:
    index: int
    finding: Finding
    key: str
    verdict: Verdict | None
    quote: str

    def to_json(self) -> dict:
        f = self.finding
        return {"index": self.index, "key": self.key, "rule": f.rule, "severity": f.severity,
                "start": f.start, "end": f.end, "message": f.message, "suggestion": f.suggestion,
                "quote": self.quote, "verdict": self.verdict.to_json() if self.verdict else None}


@dataclass
class JudgedContradiction:
    contradiction: object          # claims.Contradiction
    key: str
    against: int                   # sources (documents, or the authority file) the outlier stands against
    verdict: Verdict | None = None


class Judgements:
    def __init__(self, archive) -> None:
        self.archive = archive
        self.store = archive.store

    # -- items with their verdicts -------------------------------------------------------------
    def document(self, doc: Document) -> list[DocFinding]:
        """A document's findings, each with its key and verdict (what its page and
        `witness check --json` list)."""
        items = [finding_item(doc.id, doc.text, f) for f in doc.findings]
        found = self.store.verdicts.get(i.key for i in items)
        return [DocFinding(k, f, it.key, found.get(it.key), it.quote)
                for k, (f, it) in enumerate(zip(doc.findings, items))]

    def contradictions(self, views: list) -> list:
        """Set `verdict` on ContradictionViews (their keys are set when they are made)."""
        found = self.store.verdicts.get(c.key for c in views)
        for c in views:
            c.verdict = found.get(c.key)
        return views

    def raw_contradictions(self, found: list) -> list["JudgedContradiction"]:
        """claims.Contradiction objects with their key, the sources they stand against and
        their verdict, the outliers standing against the most sources first."""
        from ..verdicts import contradiction_item
        from .views import outlier_of
        out = []
        for c in found:
            outlier, against = outlier_of(c)
            key = contradiction_item(c.kind, c.subject, outlier.document_id, outlier.quote or "").key
            out.append(JudgedContradiction(c, key, against))
        verdicts = self.store.verdicts.get(j.key for j in out)
        for j in out:
            j.verdict = verdicts.get(j.key)
        out.sort(key=lambda j: -j.against)
        return out

    def _all_finding_items(self) -> list[Item]:
        return [row_item(r) for r in self.store.findings.rows(limit=10**7, radius=EXCERPT_RADIUS)]

    # -- finding an item -----------------------------------------------------------------------
    def item(self, ref: str) -> Item:
        """The item a person means: `DOC#N` (finding N of a document, as `witness check DOC`
        numbers them) or a key, or a unique prefix of one of at least 6 characters."""
        ref = ref.strip()
        m = REF.fullmatch(ref)
        if m:
            doc = self.archive.document(m["doc"])
            n = int(m["n"])
            if n >= len(doc.findings):
                raise NotFound(f"{doc.id} has {len(doc.findings)} findings, no #{n}",
                               hint=f"`witness check {doc.id}` numbers them")
            return finding_item(doc.id, doc.text, doc.findings[n])
        key = ref.lower()
        if len(key) < MIN_PREFIX or not re.fullmatch(r"[0-9a-f]+", key):
            raise VerdictError(f"{ref!r} is neither DOC#N nor a key",
                               hint="`witness check DOC` and `witness contradictions` show the keys")
        hits = {c.key: c for c in self.archive.contradiction_views() if c.key.startswith(key)}
        items = {k: _contradiction_item(c) for k, c in hits.items()}
        for it in self._all_finding_items():
            if it.key.startswith(key):
                items[it.key] = it
        if not items:          # judged earlier, no longer found (the slip was corrected)
            for v in self.store.verdicts.matching(key):
                items[v.key] = Item(v.kind, v.key, v.doc_id, v.subject, v.quote)
        if len(items) > 1:
            raise VerdictError(f"{ref!r} is the start of {len(items)} keys: {', '.join(sorted(items)[:5])}",
                               hint="give more of the key")
        if not items:
            raise NotFound(f"no finding or contradiction with key {ref!r}")
        return next(iter(items.values()))

    # -- judging -------------------------------------------------------------------------------
    def judge(self, ref: str | Item, verdict: str, *, who: str, note: str | None = None,
              cause: str | None = None) -> Verdict:
        item = ref if isinstance(ref, Item) else self.item(ref)
        v = self.store.verdicts.set(item, verdict, who=who, note=note, cause=cause)
        self.archive.refresh()
        return v

    def clear(self, ref: str, *, who: str, note: str | None = None) -> Verdict:
        ref = ref.strip()
        key = ref if re.fullmatch(r"[0-9a-f]{16}", ref) else self.item(ref).key
        v = self.store.verdicts.clear(key, who=who, note=note)
        self.archive.refresh()
        return v

    # -- counts --------------------------------------------------------------------------------
    def by_rule(self) -> dict[str, Counter]:
        """{rule: Counter(verdict → findings)} over the findings the checks report now."""
        rows = self.store.findings.rows(limit=10**7, radius=EXCERPT_RADIUS)
        keys = [(r.rule, row_item(r).key) for r in rows]
        judged = self.store.verdicts.get(k for _, k in keys)
        out: dict[str, Counter] = {}
        for rule, key in keys:
            if key in judged:
                out.setdefault(rule, Counter())[judged[key].verdict] += 1
        return out

    def summary(self) -> dict:
        """Findings and contradictions by verdict: {"findings": {"total", "open", "not-an-error",
        "fixed", "no-longer-found"}, "contradictions": {"total", "open", "artefact", "real"}}.
        "no-longer-found": verdicts whose finding the checks no longer report (a fixed slip,
        corrected in a later version)."""
        keys = Counter(it.key for it in self._all_finding_items())
        judged = self.store.verdicts.get(keys)
        findings = {"total": sum(keys.values()), "not-an-error": 0, "fixed": 0}
        for key, v in judged.items():
            findings[v.verdict] = findings.get(v.verdict, 0) + keys[key]
        findings["open"] = findings["total"] - sum(keys[k] for k in judged)
        findings["no-longer-found"] = len([v for v in self.store.verdicts.all("finding") if v.key not in keys])
        views = self.archive.contradiction_views()
        cons = {"total": len(views), "artefact": 0, "real": 0}
        for c in views:
            if c.verdict is not None:
                cons[c.verdict.verdict] += 1
        cons["open"] = cons["total"] - cons["artefact"] - cons["real"]
        return {"findings": findings, "contradictions": cons}


def _contradiction_item(c) -> Item:
    return Item("contradiction", c.key, c.a.doc_id, f"{c.kind} {c.entity}", c.a.quote or "")
