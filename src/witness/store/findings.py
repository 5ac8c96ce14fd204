"""Findings across the archive, for proofreaders: rules with counts, rows with an excerpt."""

from __future__ import annotations

from .base import FindingRow
from .db import Database, marks


class Findings:
    """The findings query family over one Database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def rules(self) -> list[tuple[str, str, int]]:
        """(rule, worst severity, findings), most frequent first."""
        with self.db.lock:
            return self.db.all(
                "SELECT rule, CASE min(CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1"
                " WHEN 'info' THEN 2 ELSE 3 END) WHEN 0 THEN 'error' WHEN 1 THEN 'warning'"
                " WHEN 2 THEN 'info' ELSE max(severity) END, count(*) FROM findings GROUP BY rule"
                " ORDER BY 3 DESC, 1")

    def count(self, rule: str) -> int:
        with self.db.lock:
            return self.db.one("SELECT count(*) FROM findings WHERE rule = ?", (rule,))

    def rows(self, *, rule: str | None = None, doc_ids: list[str] | None = None,
             limit: int = 50, offset: int = 0, radius: int = 60) -> list[FindingRow]:
        """Findings with the text around them, cut from the stored text, in document order."""
        where, args = [], []
        if rule is not None:
            where.append("f.rule = ?")
            args.append(rule)
        if doc_ids is not None:
            where.append(f"d.id IN ({marks(doc_ids)})")
            args += list(doc_ids)
        lo = "CASE WHEN f.start > ? THEN f.start - ? ELSE 0 END"
        sql = (f'SELECT f.rule, f.severity, f.message, d.id, d.title, f.idx, f.start, f."end",'
               f' substr(t.body, {lo} + 1, f."end" - {lo} + ?), {lo}, length(t.body)'
               " FROM findings f JOIN documents d ON d.rowid = f.doc_rowid JOIN doc_text t ON t.rowid = f.doc_rowid"
               + (" WHERE " + " AND ".join(where) if where else "") +
               " ORDER BY d.id, f.idx LIMIT ? OFFSET ?")
        with self.db.lock:
            rows = self.db.all(sql, [radius] * 7 + args + [limit, offset])
        out = []
        for rule_, sev, msg, did, title, idx, start, end, piece, lo_, size in rows:
            a, b = start - lo_, end - lo_
            hi = lo_ + len(piece)
            out.append(FindingRow(rule_, sev, msg, did, title, idx, start, end,
                                  ("…" if lo_ else "") + piece[:a], piece[a:b],
                                  piece[b:] + ("…" if hi < size else "")))
        return out

    def recent_documents(self, limit: int = 12) -> list[str]:
        """Ids of the most recently dated documents that have findings, latest first."""
        with self.db.lock:
            return [r[0] for r in self.db.all(
                "SELECT id FROM documents WHERE n_findings > 0 ORDER BY coalesce(date, '') DESC, id LIMIT ?",
                (limit,))]
