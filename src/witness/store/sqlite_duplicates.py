"""Duplicate texts in the SQLite archive: the query family behind witness.duplicates.

Three tables (migrations.py, step 8): each current document's MinHash sketch with the
version it was made from, its LSH band keys, and the same-text pairs.  All derived: a
document's rows are replaced when its current version changes, and the groups are the
connected components of the pairs, computed when asked (there are few).
"""

from __future__ import annotations

from ..duplicates import Group, Sketch, build_groups


class DuplicatesMixin:
    """Mixed into SQLiteStore; uses its `conn`, `_lock` and `_tx`."""

    _dup_cache: tuple | None = None

    def dup_stale(self) -> list[str]:
        """Ids of current documents whose sketch is missing or from an older version."""
        with self._lock:
            return [r[0] for r in self.conn.execute(
                "SELECT d.id FROM documents d LEFT JOIN dup_sketch s ON s.doc_rowid = d.rowid"
                " WHERE s.version IS NULL OR s.version != d.version ORDER BY d.rowid")]

    def dup_texts(self, ids: list[str]) -> list[tuple[str, int, str]]:
        """(id, current version, body text) of each document, in the order given."""
        with self._lock:
            rows = {r[0]: r for r in self.conn.execute(
                "SELECT d.id, d.version, t.body FROM documents d JOIN doc_text t ON t.rowid = d.rowid"
                f" WHERE d.id IN ({','.join('?' * len(ids))})", ids)}
        return [rows[i] for i in ids if i in rows]

    def dup_put_sketches(self, sketches: list[Sketch]) -> None:
        with self._tx() as c:
            for sk in sketches:
                row = c.execute("SELECT rowid FROM documents WHERE id = ?", (sk.doc_id,)).fetchone()
                if row is None:
                    continue
                rowid = row[0]
                c.execute("DELETE FROM dup_bands WHERE doc_rowid = ?", (rowid,))
                c.execute("INSERT OR REPLACE INTO dup_sketch(doc_rowid, version, shingles, signature)"
                          " VALUES (?, ?, ?, ?)", (rowid, sk.version, sk.shingles, sk.signature))
                c.executemany("INSERT INTO dup_bands(band, key, doc_rowid) VALUES (?, ?, ?)",
                              [(b, k, rowid) for b, k in enumerate(sk.bands)])

    def dup_candidates(self, doc_id: str, bands: list[int]) -> list[str]:
        """Other documents sharing at least one LSH band with these keys."""
        if not bands:
            return []
        where = " OR ".join("(b.band = ? AND b.key = ?)" for _ in bands)
        args = [x for pair in enumerate(bands) for x in pair]
        with self._lock:
            return [r[0] for r in self.conn.execute(
                f"SELECT DISTINCT d.id FROM dup_bands b JOIN documents d ON d.rowid = b.doc_rowid"
                f" WHERE ({where}) AND d.id != ? ORDER BY d.id", args + [doc_id])]

    def dup_put_pairs(self, doc_id: str, found: list[tuple[str, float]]) -> None:
        """Replace `doc_id`'s same-text pairs by `found` [(other id, Jaccard)]."""
        with self._tx() as c:
            row = c.execute("SELECT rowid FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                return
            me = row[0]
            c.execute("DELETE FROM dup_pairs WHERE a = ? OR b = ?", (me, me))
            for other, j in found:
                o = c.execute("SELECT rowid FROM documents WHERE id = ?", (other,)).fetchone()
                if o is not None and o[0] != me:
                    c.execute("INSERT OR REPLACE INTO dup_pairs(a, b, jaccard) VALUES (?, ?, ?)",
                              (min(me, o[0]), max(me, o[0]), j))

    def dup_pair_count(self) -> int:
        with self._lock:
            return self.conn.execute("SELECT count(*) FROM dup_pairs").fetchone()[0]

    def duplicate_groups(self) -> list[Group]:
        """Every group of documents with the same text, largest first."""
        with self._lock:
            key = (self.conn.execute("PRAGMA data_version").fetchone()[0], self._local_writes)
            if self._dup_cache is not None and self._dup_cache[0] == key:
                return self._dup_cache[1]
            pairs = self.conn.execute(
                "SELECT da.id, db.id, p.jaccard FROM dup_pairs p JOIN documents da ON da.rowid = p.a"
                " JOIN documents db ON db.rowid = p.b").fetchall()
            ids = sorted({i for a, b, _ in pairs for i in (a, b)})
            info = {}
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                for id_, fmt, date in self.conn.execute(
                        f"SELECT id, format, date FROM documents WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                    info[id_] = {"id": id_, "format": fmt, "date": date}
        groups = build_groups(pairs, info)
        self._dup_cache = (key, groups)
        return groups

    def doc_briefs(self, ids: list[str]) -> dict[str, dict]:
        """id → {id, title, date, format, path} of each document (for listing groups)."""
        out = {}
        with self._lock:
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                for id_, title, date, fmt, path in self.conn.execute(
                        "SELECT id, title, date, format, path FROM documents"
                        f" WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                    out[id_] = {"id": id_, "title": title, "date": date, "format": fmt, "path": path}
        return out

    def dup_representatives(self) -> dict[str, str]:
        """Each document that has a duplicate → its group's representative."""
        return {m: g.representative for g in self.duplicate_groups() for m in g.members}

    def same_text_as(self, doc_id: str) -> list[str]:
        """The other documents with the same text as `doc_id` (representative first)."""
        for g in self.duplicate_groups():
            if doc_id in g.members:
                return [m for m in g.members if m != doc_id]
        return []

    def _dup_hidden_rowids(self) -> set[int]:
        """Rowids of the documents a list leaves out because another stands for their text."""
        hidden = [m for g in self.duplicate_groups() for m in g.members[1:]]
        if not hidden:
            return set()
        with self._lock:
            out = set()
            for i in range(0, len(hidden), 500):
                chunk = hidden[i:i + 500]
                out.update(r[0] for r in self.conn.execute(
                    f"SELECT rowid FROM documents WHERE id IN ({','.join('?' * len(chunk))})", chunk))
            return out

