"""People and claims across the archive: queries over the mention/claim/entity index tables.

These answer the person page, the timeline and the contradictions view with indexed
lookups (never a scan of every document); rows describe current versions only.
"""

from __future__ import annotations

import json
import re

from ..model import Claim, Entity, Mention, Span
from .base import ArchiveCounts, ClaimRow, DocRef, EntityCount, MentionRow
from .db import Database, marks

_ENTITY_COLS = "e.id, e.type, e.name, e.aliases, e.born, e.died, e.external, e.provisional"


def _entity(row) -> Entity:
    id_, type_, name, aliases, born, died, external, provisional = row
    return Entity(id=id_, type=type_, name=name, aliases=json.loads(aliases or "[]"), born=born,
                  died=died, external=json.loads(external or "{}"), provisional=bool(provisional))


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence holding text[start:end]: cut at sentence ends or paragraph breaks."""
    a = max(text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0,
            text.rfind("\n", 0, start) + 1, start - limit)
    ends = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    b = min(min(ends) + 1 if ends else len(text), end + limit)
    return text[a:b].strip()


_YEAR = re.compile(r"\d{4}")


class People:
    """The people query family over one Database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._co_cache = None

    def entity(self, entity_id: str) -> Entity | None:
        with self.db.lock:
            row = self.db.execute(f"SELECT {_ENTITY_COLS} FROM entities e WHERE e.id = ?", (entity_id,)).fetchone()
        return _entity(row) if row else None

    def entities(self, *, type: str | None = None, provisional: bool | None = None,
                 limit: int = 100, offset: int = 0) -> list[EntityCount]:
        """Entities mentioned in current documents, most mentioned first."""
        where, args = ["1 = 1"], []
        if type:
            where.append("e.type = ?")
            args.append(type)
        if provisional is not None:
            where.append("e.provisional = ?")
            args.append(int(provisional))
        sql = (f"SELECT {_ENTITY_COLS}, count(DISTINCT m.doc_rowid), sum(m.n) FROM entities e"
               f" JOIN doc_entities m ON m.entity_id = e.id WHERE {' AND '.join(where)}"
               f" GROUP BY {_ENTITY_COLS} ORDER BY 10 DESC, e.name, e.id LIMIT ? OFFSET ?")
        with self.db.lock:
            rows = self.db.all(sql, args + [limit, offset])
        return [EntityCount(_entity(r[:8]), r[8], int(r[9])) for r in rows]

    def find_entities(self, name: str, limit: int = 10) -> list[Entity]:
        """Entities whose name or an alias equals `name` (case-insensitive), then those whose
        name ends with it as a word."""
        key = name.strip().casefold()
        with self.db.lock:
            rows = self.db.all(
                f"SELECT {_ENTITY_COLS} FROM entities e WHERE lower(e.name) = ? OR lower(e.name) LIKE ?"
                f" OR {self.db.alias_equals('e.aliases')} ORDER BY e.id LIMIT ?",
                (key, "% " + key, key, limit))
        return [_entity(r) for r in rows]

    def documents_mentioning(self, entity_id: str, limit: int = 500) -> list[DocRef]:
        with self.db.lock:
            rows = self.db.all(
                "SELECT d.id, d.title, d.date, sum(m.n) FROM doc_entities m JOIN documents d ON d.rowid = m.doc_rowid"
                " WHERE m.entity_id = ? GROUP BY d.rowid, d.id, d.title, d.date"
                " ORDER BY d.date IS NULL, d.date, d.id LIMIT ?", (entity_id, limit))
        return [DocRef(i, t, d, int(n)) for i, t, d, n in rows]

    def mentions_of(self, entity_id: str, limit: int = 1000) -> list[MentionRow]:
        with self.db.lock:
            rows = self.db.all(
                'SELECT d.id, d.title, d.date, m.start, m."end", m.text, m.doc_rowid FROM mentions m'
                " JOIN documents d ON d.rowid = m.doc_rowid"
                " WHERE m.entity_id = ? ORDER BY d.date IS NULL, d.date, d.id, m.start LIMIT ?",
                (entity_id, limit))
            keys = sorted({r[6] for r in rows})
            bodies = dict(self.db.all(f"SELECT rowid, body FROM doc_text WHERE rowid IN ({marks(keys)})", keys))
        return [MentionRow(i, t, d, s, e, x, sentence_around(bodies.get(k, ""), s, e))
                for i, t, d, s, e, x, k in rows]

    def co_mentioned(self, entity_id: str, *, type: str | None = "person", limit: int = 20) -> list[EntityCount]:
        """Entities mentioned in the same documents, by number of shared documents."""
        # From doc_entities loaded as arrays once per archive generation (comention.py):
        # grouping Lenin's ~6·10^4 rows in SQL took 30 ms per cold person page, this ~1 ms.
        top = self._co_mentions().top(entity_id, type, limit)
        if not top:
            return []
        ids = [eid for eid, _, _ in top]
        with self.db.lock:
            found = {r[0]: _entity(r) for r in self.db.all(
                f"SELECT {_ENTITY_COLS} FROM entities e WHERE e.id IN ({marks(ids)})", ids)}
        return [EntityCount(found[eid], docs, n) for eid, docs, n in top if eid in found]

    def _co_mentions(self):
        from .comention import CoMentions

        generation = self.db.generation()
        with self.db.lock:
            cached = self._co_cache
            if cached is None or cached[0] != generation:
                cached = self._co_cache = (generation, CoMentions(self.db))
        return cached[1]

    def claims(self, subjects: list[str] | None = None) -> list[ClaimRow]:
        """Claims about these subjects (every claim when None), in document-id then claim order."""
        sql = ("SELECT c.subject, c.predicate, c.object, c.date, c.place, c.certainty, c.attributed_to,"
               " c.ev_start, c.ev_end, d.id, d.title, d.date, c.idx, c.quote"
               " FROM claims c JOIN documents d ON d.rowid = c.doc_rowid")
        args: list = []
        if subjects is not None:
            sql += f" WHERE c.subject IN ({marks(subjects)})"
            args = list(subjects)
        sql += " ORDER BY d.id, c.idx"
        with self.db.lock:
            rows = self.db.all(sql, args)
        return [ClaimRow(Claim(s, p, o, dt, pl, cert, att, Span(es, ee)), did, title, ddate, idx, quote)
                for s, p, o, dt, pl, cert, att, es, ee, did, title, ddate, idx, quote in rows]

    def counts(self, top: int = 15) -> ArchiveCounts:
        """Counts for the home page: documents, authors, documents per year."""
        with self.db.lock:
            docs = self.db.one("SELECT count(*) FROM documents")
            authors = self.db.all("SELECT author, count(*) FROM doc_authors GROUP BY author"
                                  " ORDER BY 2 DESC, 1 LIMIT ?", (top,))
            author_count = self.db.one("SELECT count(DISTINCT author) FROM doc_authors")
            dates = self.db.all("SELECT substr(date, 1, 4), count(*) FROM documents GROUP BY substr(date, 1, 4)")
            findings = self.db.one("SELECT count(*) FROM findings")
        years: dict[int | None, int] = {}
        for y, n in dates:
            key = int(y) if y and _YEAR.fullmatch(y) else None
            years[key] = years.get(key, 0) + n
        return ArchiveCounts(docs, [(a, n) for a, n in authors], author_count, years, findings)

    def person_counts(self) -> list[tuple[str, str | None, int]]:
        """(entity id, stored name or None, documents mentioning) for every person mentioned."""
        with self.db.lock:
            return self.db.all(
                "SELECT m.entity_id, e.name, count(*) FROM doc_entities m"
                " LEFT JOIN entities e ON e.id = m.entity_id"
                " WHERE m.type = 'person' GROUP BY m.entity_id, e.name")

    def persons_in(self, doc_ids: list[str]) -> list[tuple[str, int]]:
        """(person entity id, documents) over these documents, most frequent first."""
        if not doc_ids:
            return []
        with self.db.lock:
            rows = self.db.all(
                "SELECT m.entity_id, count(*) AS n, coalesce(e.name, m.entity_id) FROM documents d"
                " JOIN doc_entities m ON m.doc_rowid = d.rowid AND m.type = 'person'"
                " LEFT JOIN entities e ON e.id = m.entity_id"
                f" WHERE d.id IN ({marks(doc_ids)})"
                " GROUP BY m.entity_id, e.name", list(doc_ids))
        rows.sort(key=lambda r: (-r[1], r[2].casefold(), r[0]))
        return [(pid, n) for pid, n, _ in rows]

    def spellings(self, entity_id: str) -> list[tuple[str, int]]:
        """How the documents write this entity: (mention text, times), most used first."""
        with self.db.lock:
            return self.db.all(
                "SELECT text, count(*) FROM mentions WHERE entity_id = ? GROUP BY text ORDER BY 2 DESC, 1",
                (entity_id,))

    def evidence(self, doc_id: str, entity_id: str, start: int, end: int) -> tuple[str, list[Mention]]:
        """The text of a document's current version and `entity_id`'s person mentions that start
        in [start, end) — what the identity tests of an outlier claim read (archive/identity.py),
        without decoding the whole stored document ("" and [] for an unknown id)."""
        with self.db.lock:
            found = self.db.all("SELECT d.rowid, t.body FROM documents d JOIN doc_text t ON t.rowid = d.rowid"
                                " WHERE d.id = ?", (doc_id,))
            if not found:
                return "", []
            row = found[0]
            rows = self.db.all(
                'SELECT start, "end", text FROM mentions WHERE doc_rowid = ? AND entity_id = ?'
                " AND type = 'person' AND start >= ? AND start < ? ORDER BY start", (row[0], entity_id, start, end))
        return row[1], [Mention(a, b, t, "person", entity_id) for a, b, t in rows]

    def spelling_counts(self) -> list[tuple[str, str, int]]:
        """(entity id, mention text, times) for every person mention text: who the documents give
        each name, and each bare surname, to."""
        with self.db.lock:
            return self.db.all(
                "SELECT entity_id, text, count(*) FROM mentions WHERE entity_id IS NOT NULL AND type = 'person'"
                " GROUP BY entity_id, text ORDER BY 1, 2")

    def person_spellings(self) -> list[tuple[str, str]]:
        """(entity id, a spelling) for every person: stored names, aliases and mention texts."""
        rows = self.spelling_counts()
        with self.db.lock:
            names = self.db.all("SELECT id, name, aliases FROM entities WHERE type = 'person' ORDER BY id")
        out = [(i, n) for i, n, _ in names]
        out += [(i, a) for i, _, aliases in names for a in json.loads(aliases or "[]")]
        return out + [(i, t) for i, t, _n in rows]
