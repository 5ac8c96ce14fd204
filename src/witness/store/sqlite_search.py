"""Search over the SQLite archive: the part of SQLiteStore that answers `search`.

Filters and facets are computed in Python over a per-document metadata cache (≈100 bytes a
document, rebuilt when `PRAGMA data_version` says another connection committed); ranked
matching is done by the tantivy side index when it is current (store/textindex.py), else by
FTS5.  Snippets are cut here from the stored text, the same way for both engines.
"""

from __future__ import annotations

import heapq
import json
import re
import sqlite3
import unicodedata
from collections import Counter
from dataclasses import dataclass
from operator import attrgetter

from .. import search as qlang
from ..errors import BadQuery
from .base import SearchHit, SearchQuery, SearchResults

# Column weights for bm25: a word in the title counts ten body words, in the authors four.
_BM25 = "bm25(fts, 10.0, 4.0, 1.0)"
FACET_SIZE = 20


def _fold(text: str) -> tuple[str, ...]:
    """Words of a name, case- and accent-insensitive, for author/periodical filters."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return tuple(re.findall(r"[^\W_]+", plain))



@dataclass
class _Meta:
    """What search needs per document, cached in memory (≈100 bytes × documents)."""
    id: str
    title: str | None
    authors: tuple[str, ...]
    date: str | None
    year: int | None
    periodical: str | None
    n_findings: int
    author_keys: tuple[tuple[str, ...], ...]
    periodical_key: tuple[str, ...]
    decade: str | None

    facet_key: tuple = ()

    def __post_init__(self):
        self.facet_key = (self.authors, self.decade, self.periodical, self.n_findings > 0)



class SearchMixin:
    """Needs from the store: conn, _lock, _batch, _tindex, _dirty, _local_writes, rank_cache_size,
    sync_index(); and sets last_engine."""

    # ---- search ------------------------------------------------------------------------

    def _metadata(self) -> dict[int, _Meta]:
        key = (self.conn.execute("PRAGMA data_version").fetchone()[0], self._local_writes)
        if key != self._meta_key:
            meta = {}
            for rowid, id_, title, authors, date, year, periodical, nf in self.conn.execute(
                    "SELECT rowid, id, title, authors, date, year, periodical, n_findings FROM documents"):
                names = tuple(json.loads(authors))
                meta[rowid] = _Meta(id_, title, names, date, year, periodical, nf,
                                    tuple(_fold(a) for a in names), _fold(periodical or ""),
                                    f"{year // 10 * 10}s" if year is not None else None)
            self._meta, self._meta_key = meta, key
            self._names = {"author": {}, "periodical": {}}
            for m in meta.values():
                self._names["author"].update(zip(m.authors, m.author_keys))
                if m.periodical:
                    self._names["periodical"][m.periodical] = m.periodical_key
            self._rank_cache.clear()
        return self._meta

    def search(self, query: SearchQuery) -> SearchResults:
        parsed = qlang.parse(query.q)
        if query.limit < 0 or query.offset < 0:
            raise BadQuery("limit and offset must not be negative")
        with self._lock:
            meta = self._metadata()
            hidden = self._dup_hidden_rowids()   # a text is listed once, as its representative
            if not parsed.empty and self._side_index_ready():
                self.last_engine = "tantivy"
                return self._search_tantivy(parsed, query, meta, hidden)
            self.last_engine = "fts5"
            if parsed.empty:
                ranked = [(0.0, r) for r in meta]
            else:
                self.fts_catch_up()           # FTS5 takes in new rows only when it is used
                ranked = self._ranked(qlang.to_fts5(parsed))
            person_docs = None
            if query.person:
                person_docs = {r[0] for r in self.conn.execute(
                    "SELECT DISTINCT doc_rowid FROM mentions WHERE entity_id = ?", (query.person,))}
        keep = self._filter(query, person_docs)
        if keep is None:
            matched = [sr for sr in ranked if sr[1] in meta and sr[1] not in hidden]
        else:
            matched = [sr for sr in ranked if sr[1] in meta and sr[1] not in hidden and keep(sr[1], meta[sr[1]])]
        facets = self._facets([meta[r] for _, r in matched])
        want = query.offset + query.limit
        if parsed.empty:
            matched.sort(key=lambda sr: (meta[sr[1]].date or "9999", meta[sr[1]].id))
            page = matched[query.offset:want]
        else:
            # FTS5's bm25 is lower-is-better; scores handed out are higher-is-better.
            page = [(-s, r) for s, r in heapq.nsmallest(want, matched)[query.offset:]]
        hits = self._hits(page, meta, parsed)
        return SearchResults(total=len(matched), hits=hits, facets=facets)

    def _side_index_ready(self) -> bool:
        if self._tindex is None or self._batch is not None:
            return False
        if self._dirty or not self._tindex.is_current(self.conn):
            return self.sync_index()
        return True

    def _names_matching(self, wanted: str | None, attr: str) -> list[str] | None:
        """The distinct author (or periodical) names whose words include all of `wanted`'s
        (case and accents ignored, any order: "serge victor" finds "Victor Serge")."""
        words = _fold(wanted or "")
        if not words:
            return None
        found = {name for name, key in self._names[attr].items() if all(w in key for w in words)}
        if attr == "author":
            # Authors are listed under the entity's name (witness.creators): a pen name,
            # variant or surname the authority knows finds that person ("J.R. Johnson").
            from ..creators import author_filter
            person = _fold(author_filter(wanted) or "")
            if person != words:
                found |= {name for name, key in self._names[attr].items() if key == person}
        return sorted(found)

    def _search_tantivy(self, parsed: qlang.Query, query: SearchQuery, meta: dict[int, _Meta],
                        hidden: set[int] = frozenset()) -> SearchResults:
        total, page, facets = self._tindex.search(
            parsed, authors=self._names_matching(query.author, "author"),
            periodicals=self._names_matching(query.periodical, "periodical"),
            date_from=query.date_from, date_to=query.date_to, has_findings=query.has_findings,
            person=query.person, limit=query.limit, offset=query.offset, facet_size=FACET_SIZE,
            exclude=sorted(hidden))
        page = [(score, rowid) for score, rowid in page if rowid in meta]
        return SearchResults(total=total, hits=self._hits(page, meta, parsed), facets=facets)

    def _ranked(self, match: str) -> list[tuple[float, int]]:
        """(bm25, rowid) of every match.  This is the expensive part of a search and does not
        depend on filters, offset or limit, so it is cached per archive state: paging and
        facet drill-down reuse it."""
        key = (match, self._meta_key)
        hit = self._rank_cache.get(key)
        if hit is not None:
            self._rank_cache.move_to_end(key)
            return hit
        try:
            ranked = [(score, rowid) for rowid, score in self.conn.execute(
                f"SELECT rowid, {_BM25} FROM fts WHERE fts MATCH ?", (match,))]
        except sqlite3.OperationalError as e:      # defence in depth: parse() quotes everything
            raise BadQuery(f"the search engine rejected the query: {e}") from e
        if self.rank_cache_size:
            self._rank_cache[key] = ranked
            while len(self._rank_cache) > self.rank_cache_size:
                self._rank_cache.popitem(last=False)
        return ranked

    def _filter(self, query: SearchQuery, person_docs: set[int] | None):
        authors = self._names_matching(query.author, "author")
        periodicals = self._names_matching(query.periodical, "periodical")
        if (authors is None and periodicals is None and person_docs is None and query.has_findings is None
                and query.date_from is None and query.date_to is None):
            return None
        authors = set(authors) if authors is not None else None
        periodicals = set(periodicals) if periodicals is not None else None

        def keep(rowid: int, m: _Meta) -> bool:
            if authors is not None and not any(a in authors for a in m.authors):
                return False
            if periodicals is not None and m.periodical not in periodicals:
                return False
            if query.date_from is not None and (m.year is None or m.year < query.date_from):
                return False
            if query.date_to is not None and (m.year is None or m.year > query.date_to):
                return False
            if query.has_findings is not None and (m.n_findings > 0) != query.has_findings:
                return False
            if person_docs is not None and rowid not in person_docs:
                return False
            return True

        return keep

    @staticmethod
    def _facets(metas: list[_Meta]) -> dict[str, list[tuple[str, int]]]:
        # One C-speed pass over the matches counting facet keys; the (few hundred) distinct
        # keys are then spread over the three facets.
        by_key = Counter(map(attrgetter("facet_key"), metas))
        authors, decades, periodicals, findings = Counter(), Counter(), Counter(), Counter()
        for (names, decade, periodical, has_findings), n in by_key.items():
            for a in names:
                authors[a] += n
            if decade:
                decades[decade] += n
            if periodical:
                periodicals[periodical] += n
            findings["1" if has_findings else "0"] += n

        def top(counter: Counter) -> list[tuple[str, int]]:
            return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_SIZE]

        return {"author": top(authors), "decade": sorted(decades.items()), "periodical": top(periodicals),
                "has_findings": top(findings)}

    def _hits(self, page, meta: dict[int, _Meta], parsed: qlang.Query) -> list[SearchHit]:
        if not page:
            return []
        rowids = [r for _, r in page]
        marks = ",".join("?" * len(rowids))
        # A browse (no words) shows the opening of the text; no need to read whole bodies.
        body_sql = "substr(body, 1, 600)" if parsed.empty else "body"
        with self._lock:
            bodies = dict(self.conn.execute(f"SELECT rowid, {body_sql} FROM doc_text WHERE rowid IN ({marks})",
                                            rowids).fetchall())
        pattern = qlang.highlighter(parsed.terms)
        hits = []
        for score, rowid in page:
            m = meta[rowid]
            hits.append(SearchHit(id=m.id, title=m.title, authors=list(m.authors), date=m.date,
                                  periodical=m.periodical,
                                  snippet=qlang.make_snippet(bodies.get(rowid, ""), pattern, terms=parsed.terms),
                                  score=score))
        return hits

