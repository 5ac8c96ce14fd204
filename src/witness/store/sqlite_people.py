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
        sql = (f"SELECT {_ENTITY_COLS}, count(DISTINCT m.doc_rowid), sum(m.n) FROM entities e"
               f" JOIN doc_entities m ON m.entity_id = e.id WHERE {' AND '.join(where)}"
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
                "SELECT d.id, d.title, d.date, sum(m.n) FROM doc_entities m JOIN documents d ON d.rowid = m.doc_rowid"
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
        # From doc_entities loaded as arrays once per archive generation (store/comention.py):
        # grouping Lenin's ~6·10^4 rows in SQL took 30 ms per cold person page, this ~1 ms.
        top = self._co_mentions().top(entity_id, type, limit)
        if not top:
            return []
        with self._lock:
            found = {r[0]: _entity(r) for r in self.conn.execute(
                f"SELECT {_ENTITY_COLS} FROM entities e WHERE e.id IN ({','.join('?' * len(top))})",
                [eid for eid, _, _ in top])}
        return [EntityCount(found[eid], docs, n) for eid, docs, n in top if eid in found]

    def _co_mentions(self):
        from .comention import CoMentions

        generation = self.generation()
        with self._lock:
            cached = getattr(self, "_co_cache", None)
            if cached is None or cached[0] != generation:
                cached = self._co_cache = (generation, CoMentions(self.conn))
        return cached[1]

    def claim_items(self, subject: str | None = None, *, subjects: list[str] | None = None,
                    with_index: bool = False):
        """Claims (about `subject`, or every claim) as claims.ClaimItem with the evidence quote.

        with_index: return (position in the document's claims, ClaimItem) pairs instead, for
        links to the claim (#claim-N) in the reading room."""
        from ..claims.timeline import ClaimItem
        sql = ("SELECT c.subject, c.predicate, c.object, c.date, c.place, c.certainty, c.attributed_to,"
               " c.ev_start, c.ev_end, d.id, d.title, d.date, c.idx, c.quote"
               " FROM claims c JOIN documents d ON d.rowid = c.doc_rowid")
        args: list = []
        wanted = [subject] if subject else subjects
        if wanted:
            sql += f" WHERE c.subject IN ({','.join('?' * len(wanted))})"
            args = list(wanted)
        sql += " ORDER BY d.id, c.idx"
        with self._lock:
            rows = self.conn.execute(sql, args).fetchall()
        items = [(idx, ClaimItem(Claim(s, p, o, dt, pl, cert, att, Span(es, ee)), did, title, ddate, quote))
                 for s, p, o, dt, pl, cert, att, es, ee, did, title, ddate, idx, quote in rows]
        return items if with_index else [it for _, it in items]

    def findings_by_rule(self, rule: str | None = None, limit: int = 200, offset: int = 0) -> list[tuple]:
        """(rule, severity, doc id, doc title, start, end, message) for proofreaders."""
        sql = ('SELECT f.rule, f.severity, d.id, d.title, f.start, f."end", f.message FROM findings f'
               " JOIN documents d ON d.rowid = f.doc_rowid" + (" WHERE f.rule = ?" if rule else "") +
               " ORDER BY f.rule, d.id, f.start LIMIT ? OFFSET ?")
        with self._lock:
            return self.conn.execute(sql, ([rule] if rule else []) + [limit, offset]).fetchall()

    # -- the reading room's whole-archive views (web/store_views.py) -------------------------
    def generation(self) -> tuple[int, int]:
        """Changes when anything was written: by another connection (data_version) or by this
        one (total_changes).  Cheap enough to ask before every cached answer."""
        with self._lock:
            return self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes

    def archive_overview(self, top: int = 15) -> dict:
        """Counts for the home page: documents, authors, documents per year, findings, persons."""
        year = ("CASE WHEN substr(date, 1, 4) GLOB '[0-9][0-9][0-9][0-9]'"
                " THEN CAST(substr(date, 1, 4) AS INTEGER) END")
        with self._lock:
            q = self.conn.execute
            docs = q("SELECT count(*) FROM documents").fetchone()[0]
            authors = q("SELECT author, count(*) FROM doc_authors GROUP BY author ORDER BY 2 DESC, 1 LIMIT ?",
                        (top,)).fetchall()
            author_count = q("SELECT count(DISTINCT author) FROM doc_authors").fetchone()[0]
            years = q(f"SELECT {year} AS y, count(*) FROM documents GROUP BY y").fetchall()
            findings = q("SELECT count(*) FROM findings").fetchone()[0]
        return {"documents": docs, "authors": [(a, n) for a, n in authors], "author_count": author_count,
                "years": {y: n for y, n in years}, "findings": findings}

    def person_counts(self) -> list[tuple[str, str | None, int]]:
        """(entity id, stored name or None, documents mentioning) for every person mentioned."""
        with self._lock:
            return self.conn.execute(
                "SELECT m.entity_id, e.name, count(*) FROM doc_entities m"
                " LEFT JOIN entities e ON e.id = m.entity_id"
                " WHERE m.type = 'person' GROUP BY m.entity_id").fetchall()

    def persons_in(self, doc_ids: list[str]) -> list[tuple[str, int]]:
        """(person entity id, documents) over these documents, most frequent first."""
        if not doc_ids:
            return []
        marks = ",".join("?" * len(doc_ids))
        with self._lock:
            rows = self.conn.execute(
                "SELECT m.entity_id, count(*) AS n, coalesce(e.name, m.entity_id) FROM documents d"
                " JOIN doc_entities m ON m.doc_rowid = d.rowid AND m.type = 'person'"
                " LEFT JOIN entities e ON e.id = m.entity_id"
                f" WHERE d.id IN ({marks})"
                " GROUP BY m.entity_id", list(doc_ids)).fetchall()
        rows.sort(key=lambda r: (-r[1], r[2].casefold()))
        return [(pid, n) for pid, n, _ in rows]

    def spellings(self, entity_id: str) -> list[tuple[str, int]]:
        """How the documents write this entity: (mention text, times), most used first."""
        with self._lock:
            return self.conn.execute(
                "SELECT text, count(*) FROM mentions WHERE entity_id = ? GROUP BY text ORDER BY 2 DESC, 1",
                (entity_id,)).fetchall()

    def person_spellings(self) -> list[tuple[str, str]]:
        """(entity id, a spelling) for every person: stored names, aliases and mention texts."""
        with self._lock:
            q = self.conn.execute
            rows = q("SELECT DISTINCT entity_id, text FROM mentions"
                     " WHERE entity_id IS NOT NULL AND type = 'person'").fetchall()
            names = q("SELECT id, name, aliases FROM entities WHERE type = 'person'").fetchall()
        out = [(i, n) for i, n, _ in names]
        out += [(i, a) for i, _, aliases in names for a in json.loads(aliases or "[]")]
        return out + [(i, t) for i, t in rows]

    def finding_rules(self) -> list[tuple[str, str, int]]:
        """(rule, worst severity, findings), most frequent first."""
        with self._lock:
            return self.conn.execute(
                "SELECT rule, CASE min(CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1"
                " WHEN 'info' THEN 2 ELSE 3 END) WHEN 0 THEN 'error' WHEN 1 THEN 'warning'"
                " WHEN 2 THEN 'info' ELSE max(severity) END, count(*) FROM findings GROUP BY rule"
                " ORDER BY 3 DESC, 1").fetchall()

    def count_findings(self, rule: str) -> int:
        with self._lock:
            return self.conn.execute("SELECT count(*) FROM findings WHERE rule = ?", (rule,)).fetchone()[0]

    def finding_rows(self, *, rule: str | None = None, doc_rowids: list[int] | None = None,
                     limit: int = 50, offset: int = 0, radius: int = 60) -> list[tuple]:
        """(rule, severity, message, doc id, title, index in the document's findings, start, end,
        text before, match, text after) — the excerpt cut from the stored text."""
        where, args = [], []
        if rule is not None:
            where.append("f.rule = ?")
            args.append(rule)
        if doc_rowids is not None:
            where.append(f"f.doc_rowid IN ({','.join('?' * len(doc_rowids))})")
            args += doc_rowids
        # Rows are inserted in the document's order, so rowid order within a document is its index.
        sql = ('SELECT f.rule, f.severity, f.message, d.id, d.title,'
               " (SELECT count(*) FROM findings g WHERE g.doc_rowid = f.doc_rowid AND g.rowid < f.rowid),"
               ' f.start, f."end", substr(t.body, max(f.start - ? , 0) + 1, f."end" - max(f.start - ?, 0) + ?),'
               " max(f.start - ?, 0), length(t.body)"
               " FROM findings f JOIN documents d ON d.rowid = f.doc_rowid JOIN doc_text t ON t.rowid = f.doc_rowid"
               + (" WHERE " + " AND ".join(where) if where else "") +
               " ORDER BY d.id, f.rowid LIMIT ? OFFSET ?")
        with self._lock:
            rows = self.conn.execute(sql, [radius, radius, radius, radius] + args + [limit, offset]).fetchall()
        out = []
        for rule_, sev, msg, did, title, idx, start, end, piece, lo, size in rows:
            a, b = start - lo, end - lo
            hi = lo + len(piece)
            out.append((rule_, sev, msg, did, title, idx, start, end,
                        ("…" if lo else "") + piece[:a], piece[a:b], piece[b:] + ("…" if hi < size else "")))
        return out

    def recent_finding_docs(self, limit: int = 12) -> list[tuple[int, str]]:
        """(row id, id) of the most recently dated documents that have findings, latest first."""
        with self._lock:
            return self.conn.execute(
                "SELECT rowid, id FROM documents WHERE n_findings > 0 ORDER BY coalesce(date, '') DESC, rowid"
                " LIMIT ?", (limit,)).fetchall()
