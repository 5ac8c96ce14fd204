"""Co-mention counts from doc_entities held as arrays.

"Persons most often mentioned with Lenin" is a GROUP BY over the ~6·10^4 (entity, document)
rows of his 2,572 documents: 30 ms in SQLite, every time a cold person page asks.  The
whole doc_entities table is only ~1.6·10^5 rows, so it is loaded once per archive generation
(~0.25 s) into numpy arrays, and each question becomes a mask and a bincount (~1 ms).
"""

from __future__ import annotations

import sqlite3

import numpy as np


class CoMentions:
    """doc_entities rows (entity, document, mention type, mentions) as parallel arrays."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        # Ordered by the primary key, so each entity's rows are one contiguous slice.
        rows = conn.execute("SELECT entity_id, doc_rowid, type, n FROM doc_entities"
                            " ORDER BY entity_id, doc_rowid, type").fetchall()
        entities = {eid: (typ, name) for eid, typ, name in conn.execute("SELECT id, type, name FROM entities")}
        self.ids: list[str] = []
        self.index: dict[str, int] = {}
        kinds: dict[str, int] = {}
        ent, kind = [], []
        for eid, _, typ, _ in rows:
            j = self.index.get(eid)
            if j is None:
                j = self.index[eid] = len(self.ids)
                self.ids.append(eid)
            ent.append(j)
            kind.append(kinds.setdefault(typ, len(kinds)))
        self.ent = np.array(ent, np.int32)
        self.kind = np.array(kind, np.int32)
        self.doc = np.array([r[1] for r in rows], np.int32)
        self.n = np.array([r[3] for r in rows], np.int32)
        self.kinds = kinds
        # An entity without a row in `entities` is never listed (the SQL joined them);
        # ties are broken by name, in the byte order SQLite's ORDER BY name uses.
        known = [e in entities for e in self.ids]
        self.known = np.array(known, bool)
        self.etype = np.array([kinds.setdefault(entities[e][0], len(kinds)) if k else -1
                               for e, k in zip(self.ids, known)], np.int32)
        by_name = sorted(range(len(self.ids)), key=lambda j: entities.get(self.ids[j], ("", ""))[1].encode())
        self.name_rank = np.empty(len(self.ids), np.int32)
        self.name_rank[by_name] = np.arange(len(self.ids), dtype=np.int32)
        self.bounds = np.searchsorted(self.ent, np.arange(len(self.ids) + 1))
        self.max_doc = int(self.doc.max()) if len(rows) else 0
        # The same rows ordered by document, so a question touches only the rows of the
        # entity's own documents (a rare name: a few hundred rows, not the whole table).
        by_doc = np.argsort(self.doc, kind="stable")
        self.d_ent, self.d_doc, self.d_kind, self.d_n = (a[by_doc] for a in (self.ent, self.doc, self.kind, self.n))
        self.doc_start = np.searchsorted(self.d_doc, np.arange(self.max_doc + 2))

    def top(self, entity_id: str, type: str | None, limit: int) -> list[tuple[str, int, int]]:
        """(entity id, shared documents, their mentions in those documents) for the entities
        mentioned with `entity_id`: most shared documents first, then most mentions, then
        name.  `type` filters both the mention and the entity type."""
        i = self.index.get(entity_id)
        if i is None or limit <= 0:
            return []
        mine = np.unique(self.doc[self.bounds[i]:self.bounds[i + 1]])
        starts, lengths = self.doc_start[mine], self.doc_start[mine + 1] - self.doc_start[mine]
        # Every row index of those documents: each slice start repeated over its length, plus 0, 1, 2…
        rows = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())
        ent, doc, kind, n = self.d_ent[rows], self.d_doc[rows], self.d_kind[rows], self.d_n[rows]
        sel = ent != i
        if type is not None:
            code = self.kinds.get(type)
            if code is None:
                return []
            sel &= (kind == code) & (self.etype[ent] == code)
        ent, doc, n = ent[sel], doc[sel], n[sel]
        size = len(self.ids)
        mentions = np.bincount(ent, weights=n, minlength=size).astype(np.int64)
        if type is None:
            # One entity may be mentioned as two types in one document: count the document once.
            pairs = np.unique(ent.astype(np.int64) * (self.max_doc + 1) + doc)
            docs = np.bincount(pairs // (self.max_doc + 1), minlength=size)
        else:
            docs = np.bincount(ent, minlength=size)
        found = np.flatnonzero((docs > 0) & self.known)
        order = found[np.lexsort((self.name_rank[found], -mentions[found], -docs[found]))][:limit]
        return [(self.ids[j], int(docs[j]), int(mentions[j])) for j in order]
