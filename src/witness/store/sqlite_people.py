"""People and claims across the archive: queries over the mention/claim/entity index tables.

These answer the person page, the timeline and the contradictions view with indexed
lookups (never a scan of every document); rows describe current versions only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..model import Claim, Entity, Span


@dataclass
class DocRef:
    id: str
    title: str | None
    date: str | None
    mentions: int = 0


@dataclass
class MentionRow:
    doc_id: str
    doc_title: str | None
    doc_date: str | None
    start: int
    end: int
    text: str
    sentence: str          # the sentence around the mention, for the person record


@dataclass
class EntityCount:
    entity: Entity
    documents: int
    mentions: int


def _entity(row) -> Entity:
    id_, type_, name, aliases, born, died, external, provisional = row
    return Entity(id=id_, type=type_, name=name, aliases=json.loads(aliases or "[]"), born=born,
                  died=died, external=json.loads(external or "{}"), provisional=bool(provisional))


_ENTITY_COLS = "e.id, e.type, e.name, e.aliases, e.born, e.died, e.external, e.provisional"


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence holding text[start:end]: cut at sentence ends or paragraph breaks."""
    a = max(text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0,
            text.rfind("\n", 0, start) + 1, start - limit)
    ends = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    b = min(min(ends) + 1 if ends else len(text), end + limit)
    return text[a:b].strip()


class PeopleMixin:
    """Mixed into SQLiteStore; uses its `conn` and `_lock`."""

    def entity(self, entity_id: str) -> Entity | None:
        with self._lock:
            row = self.conn.execute(f"SELECT {_ENTITY_COLS} FROM entities e WHERE e.id = ?", (entity_id,)).fetchone()
        return _entity(row) if row else None

    def entities(self, *, type: str | None = None, provisional: bool | None = None,
                 limit: int = 100, offset: int = 0) -> list[EntityCount]:
        """Entities mentioned in current documents, most mentioned first."""
        where, args = ["1"], []
        if type:
            where.append("e.type = ?")
            args.append(type)
        if provisional is not None:
            where.append("e.provisional = ?")
            args.append(int(provisional))
        sql = (f"SELECT {_ENTITY_COLS}, count(DISTINCT m.doc_rowid), count(m.doc_rowid) FROM entities e"
               f" JOIN mentions m ON m.entity_id = e.id WHERE {' AND '.join(where)}"
               " GROUP BY e.id ORDER BY 10 DESC, e.name LIMIT ? OFFSET ?")
        with self._lock:
            rows = self.conn.execute(sql, args + [limit, offset]).fetchall()
        return [EntityCount(_entity(r[:8]), r[8], r[9]) for r in rows]

    def find_entities(self, name: str, limit: int = 10) -> list[Entity]:
        """Entities whose name or an alias equals `name` (case-insensitive), then prefix matches."""
        key = name.strip().casefold()
        with self._lock:
            rows = self.conn.execute(
                f"SELECT {_ENTITY_COLS} FROM entities e WHERE lower(e.name) = ? OR lower(e.name) LIKE ?"
                " OR EXISTS (SELECT 1 FROM json_each(e.aliases) WHERE lower(value) = ?) LIMIT ?",
                (key, f"% {key}", key, limit)).fetchall()
        return [_entity(r) for r in rows]

    def documents_mentioning(self, entity_id: str, limit: int = 500) -> list[DocRef]:
        with self._lock:
            rows = self.conn.execute(
                "SELECT d.id, d.title, d.date, count(*) FROM mentions m JOIN documents d ON d.rowid = m.doc_rowid"
                " WHERE m.entity_id = ? GROUP BY d.rowid ORDER BY d.date IS NULL, d.date, d.id LIMIT ?",
                (entity_id, limit)).fetchall()
        return [DocRef(*r) for r in rows]

    def mentions_of(self, entity_id: str, limit: int = 1000) -> list[MentionRow]:
        with self._lock:
            rows = self.conn.execute(
                'SELECT d.id, d.title, d.date, m.start, m."end", m.text, t.body FROM mentions m'
                " JOIN documents d ON d.rowid = m.doc_rowid JOIN doc_text t ON t.rowid = m.doc_rowid"
                " WHERE m.entity_id = ? ORDER BY d.date IS NULL, d.date, d.id, m.start LIMIT ?",
                (entity_id, limit)).fetchall()
        return [MentionRow(i, t, d, s, e, x, sentence_around(body, s, e)) for i, t, d, s, e, x, body in rows]

    def co_mentioned(self, entity_id: str, *, type: str | None = "person", limit: int = 20) -> list[EntityCount]:
        """Entities mentioned in the same documents, by number of shared documents."""
        with self._lock:
            rows = self.conn.execute(
                f"SELECT {_ENTITY_COLS}, count(DISTINCT o.doc_rowid), count(*) FROM mentions m"
                " JOIN mentions o ON o.doc_rowid = m.doc_rowid AND o.entity_id != m.entity_id"
                " JOIN entities e ON e.id = o.entity_id"
                " WHERE m.entity_id = ? AND (? IS NULL OR e.type = ?)"
                " GROUP BY e.id ORDER BY 9 DESC, 10 DESC, e.name LIMIT ?",
                (entity_id, type, type, limit)).fetchall()
        return [EntityCount(_entity(r[:8]), r[8], r[9]) for r in rows]

    def claim_items(self, subject: str | None = None, *, subjects: list[str] | None = None):
        """Claims (about `subject`, or every claim) as claims.ClaimItem with the evidence quote."""
        from ..claims.timeline import ClaimItem
        sql = ("SELECT c.subject, c.predicate, c.object, c.date, c.place, c.certainty, c.attributed_to,"
               " c.ev_start, c.ev_end, d.id, d.title, d.date,"
               " substr(t.body, c.ev_start + 1, c.ev_end - c.ev_start)"
               " FROM claims c JOIN documents d ON d.rowid = c.doc_rowid JOIN doc_text t ON t.rowid = c.doc_rowid")
        args: list = []
        wanted = [subject] if subject else subjects
        if wanted:
            sql += f" WHERE c.subject IN ({','.join('?' * len(wanted))})"
            args = list(wanted)
        sql += " ORDER BY d.id, c.idx"
        with self._lock:
            rows = self.conn.execute(sql, args).fetchall()
        return [ClaimItem(Claim(s, p, o, dt, pl, cert, att, Span(es, ee)), did, title, ddate, quote)
                for s, p, o, dt, pl, cert, att, es, ee, did, title, ddate, quote in rows]

    def findings_by_rule(self, rule: str | None = None, limit: int = 200, offset: int = 0) -> list[tuple]:
        """(rule, severity, doc id, doc title, start, end, message) for proofreaders."""
        sql = ('SELECT f.rule, f.severity, d.id, d.title, f.start, f."end", f.message FROM findings f'
               " JOIN documents d ON d.rowid = f.doc_rowid" + (" WHERE f.rule = ?" if rule else "") +
               " ORDER BY f.rule, d.id, f.start LIMIT ? OFFSET ?")
        with self._lock:
            return self.conn.execute(sql, ([rule] if rule else []) + [limit, offset]).fetchall()
