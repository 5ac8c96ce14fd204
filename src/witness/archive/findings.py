"""Findings for proofreaders: per rule as a paged sequence, and the latest few for the home page."""

from __future__ import annotations

from .judgements import with_verdicts
from .views import EXCERPT_RADIUS, RECENT_FINDINGS, FindingRow


def _row(r) -> FindingRow:
    return FindingRow(r.rule, r.severity, r.message, None, r.doc_id, r.doc_title, r.index, r.start, r.end,
                      r.before, r.match, r.after)


def with_suggestions(store, rows: list[FindingRow]) -> list[FindingRow]:
    """Suggestions are not in the findings table: read them from the (few) documents shown."""
    docs = {}
    for row in rows:
        if row.doc_id not in docs:
            try:
                docs[row.doc_id] = store.get_document(row.doc_id).findings
            except Exception:      # a document replaced meanwhile: show the row without one
                docs[row.doc_id] = []
        found = docs[row.doc_id]
        if row.index < len(found) and found[row.index].rule == row.rule:
            row.suggestion = found[row.index].suggestion
    return rows


class FindingList:
    """Findings for one rule as a sequence: len() and slices are count and LIMIT/OFFSET
    queries, so /checks never holds every finding of a rule in memory."""

    def __init__(self, store, rule: str) -> None:
        self.store, self.rule = store, rule
        self._len: int | None = None

    def __len__(self) -> int:
        if self._len is None:
            self._len = self.store.findings.count(self.rule)
        return self._len

    def __bool__(self) -> bool:
        return len(self) > 0

    def __getitem__(self, key):
        if isinstance(key, int):
            n = len(self)
            i = key + n if key < 0 else key
            if not 0 <= i < n:
                raise IndexError(key)
            return self[i:i + 1][0]
        start, stop, step = key.indices(len(self))
        if step != 1:
            return list(self)[key]
        if stop <= start:
            return []
        rows = self.store.findings.rows(rule=self.rule, limit=stop - start, offset=start, radius=EXCERPT_RADIUS)
        return with_verdicts(self.store, with_suggestions(self.store, [_row(r) for r in rows]))

    def __iter__(self):
        step = 500
        for start in range(0, len(self), step):
            yield from self[start:start + step]

    def bare(self) -> list[FindingRow]:
        """Every row of the rule without suggestions (those cost a document read each: callers
        add them to the rows they show with `suggest`)."""
        rows = [_row(r) for r in self.store.findings.rows(rule=self.rule, limit=10**7, radius=EXCERPT_RADIUS)]
        return with_verdicts(self.store, rows)

    def suggest(self, rows: list[FindingRow]) -> list[FindingRow]:
        return with_suggestions(self.store, rows)


def recent_findings(store) -> list[FindingRow]:
    """The first two findings of each of the most recently dated documents with findings."""
    order = store.findings.recent_documents(RECENT_FINDINGS)
    if not order:
        return []
    by_doc: dict[str, list[FindingRow]] = {did: [] for did in order}
    for r in store.findings.rows(doc_ids=order, limit=10**6, radius=EXCERPT_RADIUS):
        by_doc[r.doc_id].append(_row(r))
    recent = [row for rows in by_doc.values() for row in rows[:2]]
    return with_verdicts(store, with_suggestions(store, recent[:RECENT_FINDINGS]))
