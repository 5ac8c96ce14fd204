"""Duplicate texts in the archive: the query family behind witness.duplicates.

Three tables (migrations.py, step 9): each current document's MinHash sketch with the
version it was made from, its LSH band keys, and the same-text pairs.  All derived: a
document's rows are replaced when its current version changes, and the groups are the
connected components of the pairs, computed when asked (there are few) and cached per
archive generation.
"""

from __future__ import annotations

from ..duplicates import Group, Sketch, build_groups
from ..errors import StoreError
from .db import Database


def _marks(items) -> str:
    return ",".join("?" * len(items))


class DuplicateIndex:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._cache: tuple | None = None

    def stale(self) -> list[str]:
        """Ids of current documents whose sketch is missing or from an older version."""
        with self.db.lock:
            return [r[0] for r in self.db.all(
                "SELECT d.id FROM documents d LEFT JOIN dup_sketch s ON s.doc_rowid = d.rowid"
                " WHERE s.version IS NULL OR s.version != d.version ORDER BY d.rowid")]

    def texts(self, ids: list[str]) -> list[tuple[str, int, str]]:
        """(id, current version, body text) of each document, in the order given."""
        with self.db.lock:
            rows = {r[0]: r for r in self.db.all(
                "SELECT d.id, d.version, t.body FROM documents d JOIN doc_text t ON t.rowid = d.rowid"
                f" WHERE d.id IN ({_marks(ids)})", ids)}
        return [rows[i] for i in ids if i in rows]

    def _rowid(self, doc_id: str) -> int | None:
        return self.db.one("SELECT rowid FROM documents WHERE id = ?", (doc_id,))

    def put_sketches(self, sketches: list[Sketch]) -> None:
        with self.db.tx():
            for sk in sketches:
                rowid = self._rowid(sk.doc_id)
                if rowid is None:
                    continue
                self.db.execute("DELETE FROM dup_bands WHERE doc_rowid = ?", (rowid,))
                self.db.execute("DELETE FROM dup_sketch WHERE doc_rowid = ?", (rowid,))
                self.db.execute("INSERT INTO dup_sketch(doc_rowid, version, shingles, signature) VALUES (?, ?, ?, ?)",
                                (rowid, sk.version, sk.shingles,
                                 self.db.blob(sk.signature) if sk.signature is not None else None))
                self.db.executemany("INSERT INTO dup_bands(band, key, doc_rowid) VALUES (?, ?, ?)",
                                    [(b, k, rowid) for b, k in enumerate(sk.bands)])

    def candidates(self, doc_id: str, bands: list[int]) -> list[str]:
        """Other documents sharing at least one LSH band with these keys."""
        if not bands:
            return []
        where = " OR ".join("(b.band = ? AND b.key = ?)" for _ in bands)
        args = [x for pair in enumerate(bands) for x in pair]
        with self.db.lock:
            return [r[0] for r in self.db.all(
                f"SELECT DISTINCT d.id FROM dup_bands b JOIN documents d ON d.rowid = b.doc_rowid"
                f" WHERE ({where}) AND d.id != ? ORDER BY d.id", args + [doc_id])]

    def put_pairs(self, doc_id: str, found: list[tuple[str, float]]) -> None:
        """Replace `doc_id`'s same-text pairs by `found` [(other id, Jaccard)]."""
        with self.db.tx():
            me = self._rowid(doc_id)
            if me is None:
                return
            self.db.execute("DELETE FROM dup_pairs WHERE a = ? OR b = ?", (me, me))
            for other, j in found:
                o = self._rowid(other)
                if o is not None and o != me:
                    self.db.execute("DELETE FROM dup_pairs WHERE a = ? AND b = ?", (min(me, o), max(me, o)))
                    self.db.execute("INSERT INTO dup_pairs(a, b, jaccard) VALUES (?, ?, ?)",
                                    (min(me, o), max(me, o), j))

    def sketches(self) -> list[Sketch]:
        """Every document's sketch, band keys included, in document id order."""
        with self.db.lock:
            rows = self.db.all("SELECT d.id, s.version, s.shingles, s.signature, s.doc_rowid FROM dup_sketch s"
                               " JOIN documents d ON d.rowid = s.doc_rowid ORDER BY d.id")
            bands: dict[int, list[tuple[int, int]]] = {}
            for band, key, rowid in self.db.all("SELECT band, key, doc_rowid FROM dup_bands"):
                bands.setdefault(rowid, []).append((band, key))
        return [Sketch(doc_id, version, shingles, bytes(sig) if sig is not None else None,
                       [k for _, k in sorted(bands.get(rowid, []))])
                for doc_id, version, shingles, sig, rowid in rows]

    def pairs(self) -> list[tuple[str, str, float]]:
        """Every same-text pair (id, id, Jaccard), each pair's ids in order, sorted."""
        with self.db.lock:
            rows = self.db.all("SELECT da.id, db.id, p.jaccard FROM dup_pairs p JOIN documents da ON da.rowid = p.a"
                               " JOIN documents db ON db.rowid = p.b")
        return sorted((min(a, b), max(a, b), j) for a, b, j in rows)

    def add_pairs(self, pairs: list[tuple[str, str, float]]) -> None:
        """Moving an archive (`witness migrate`): record these same-text pairs as they are
        (both documents must be stored; a pair already recorded is left as it is)."""
        with self.db.tx():
            for a, b, j in pairs:
                ra, rb = self._rowid(a), self._rowid(b)
                if ra is None or rb is None or ra == rb:
                    raise StoreError(f"cannot record the same-text pair {a} / {b}: a document is missing")
                self.db.execute("INSERT INTO dup_pairs(a, b, jaccard) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                                (min(ra, rb), max(ra, rb), j))

    def pair_count(self) -> int:
        with self.db.lock:
            return self.db.one("SELECT count(*) FROM dup_pairs")

    def groups(self) -> list[Group]:
        """Every group of documents with the same text, largest first."""
        with self.db.lock:
            key = self.db.generation()
            if self._cache is not None and self._cache[0] == key:
                return self._cache[1]
            pairs = self.db.all(
                "SELECT da.id, db.id, p.jaccard FROM dup_pairs p JOIN documents da ON da.rowid = p.a"
                " JOIN documents db ON db.rowid = p.b")
            info = {i: {"id": i, "format": b["format"], "date": b["date"]}
                    for i, b in self.briefs(sorted({i for a, b, _ in pairs for i in (a, b)})).items()}
        groups = build_groups(pairs, info)
        self._cache = (key, groups)
        return groups

    def briefs(self, ids: list[str]) -> dict[str, dict]:
        """id → {id, title, date, format, path} of each document (for listing groups)."""
        out = {}
        with self.db.lock:
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                for id_, title, date, fmt, path in self.db.all(
                        f"SELECT id, title, date, format, path FROM documents WHERE id IN ({_marks(chunk)})", chunk):
                    out[id_] = {"id": id_, "title": title, "date": date, "format": fmt, "path": path}
        return out

    def representatives(self) -> dict[str, str]:
        """Each document that has a duplicate → its group's representative."""
        return {m: g.representative for g in self.groups() for m in g.members}

    def same_text_as(self) -> dict[str, list[str]]:
        """Each document that has a duplicate → the other members (representative first)."""
        return {m: [o for o in g.members if o != m] for g in self.groups() for m in g.members}

    def hidden_rowids(self) -> set[int]:
        """Rowids of the documents a list leaves out because another stands for their text."""
        hidden = [m for g in self.groups() for m in g.members[1:]]
        out: set[int] = set()
        with self.db.lock:
            for i in range(0, len(hidden), 500):
                chunk = hidden[i:i + 500]
                out.update(r[0] for r in self.db.all(
                    f"SELECT rowid FROM documents WHERE id IN ({_marks(chunk)})", chunk))
        return out
