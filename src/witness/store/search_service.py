"""Search, the same for both backends: the tantivy side index when it can answer, else the
database's own text index (SQLite FTS5: sqlite_search.py; PostgreSQL tsvector: pg_search.py).

Filters and facets are computed in Python over a per-document metadata cache (≈100 bytes a
document, rebuilt when the archive's generation changes); snippets are cut here from the
stored text, the same way for every engine.

A search never writes to the archive and never waits for another process: when the side
index is behind and this process cannot bring it up to date at once (another process holds
its writer, or there is too much to take in during a request), the answer comes from the
index as it is, with `SearchResults.note` saying that the newest documents may be missing,
and the index catches up in the background.  An index that fails to read (a lost segment
file) is rebuilt from the database.
"""

from __future__ import annotations

import heapq
import json
import re
import threading
import warnings
import unicodedata
from collections import Counter, OrderedDict
from dataclasses import dataclass
from operator import attrgetter

from .. import search as qlang
from ..errors import BadQuery
from .base import SearchHit, SearchQuery, SearchResults
from .db import Database, marks

FACET_SIZE = 20


def _fold(text: str) -> tuple[str, ...]:
    """Words of a name, case- and accent-insensitive, for author/periodical filters."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return tuple(re.findall(r"[^\W_]+", plain))



def _in_range(year: int | None, date_from: int | None, date_to: int | None) -> bool:
    if year is None:
        return date_from is None and date_to is None
    return (date_from is None or year >= date_from) and (date_to is None or year <= date_to)


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
    published_year: int | None = None
    written_year: int | None = None

    facet_key: tuple = ()

    def year_of(self, field: str | None) -> int | None:
        """The year --from/--to read (SearchQuery.date_field)."""
        return {"published": self.published_year, "written": self.written_year}.get(field, self.year)

    def __post_init__(self):
        self.facet_key = (self.authors, self.decade, self.periodical, self.n_findings > 0)



CATCH_UP_INLINE = 200      # log entries a search may take in itself; more is left to the background


class SearchService:
    """Answers `Store.search`.  Subclasses give the database's own ranked matching
    (`_rank_fallback`) and say how far behind it is (`fallback_behind`)."""

    name = "?"

    def __init__(self, db: Database, side_index, *, rank_cache_size: int = 32) -> None:
        self.db = db
        self._dups = None            # duplicate_index.DuplicateIndex, made on first search
        self.tindex = side_index            # TantivyIndex or None
        self.rank_cache_size = rank_cache_size
        self.last_engine: str | None = None
        self._meta_key = None
        self._meta: dict[int, _Meta] = {}
        self._names: dict[str, dict[str, tuple[str, ...]]] = {"author": {}, "periodical": {}}
        self._rank_cache: OrderedDict[tuple, list[tuple[float, int]]] = OrderedDict()
        self._bg: threading.Thread | None = None
        self._bg_lock = threading.Lock()
        self._reader: Database | None = None

    # -- the side index ---------------------------------------------------------------------
    def sync_index(self) -> bool:
        """Bring the side index up to date with what is committed (True when it is)."""
        if self.tindex is None or self.db.batching:
            return False
        try:
            return self.tindex.sync(self._sync_db())
        except Exception as e:            # unreadable: it is only a cache of the database
            return self._rebuild(e)

    def _sync_db(self) -> Database:
        """A connection of its own for catching up, so that a long catch-up never holds the
        connection (and its lock) that the requests of this process share."""
        with self._bg_lock:
            if self._reader is None:
                self._reader = self.db.clone()
            return self._reader

    def close(self) -> None:
        if self._bg is not None:
            self._bg.join()
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def _rebuild(self, error: Exception) -> bool:
        warnings.warn(f"search side index {self.tindex.dir} failed ({error}); rebuilding it")
        try:
            if not self.tindex.reset():
                return False              # another process holds it: it will rebuild it
            return self.tindex.sync(self._sync_db())
        except Exception as e:             # still broken: search with the database alone
            warnings.warn(f"search side index {self.tindex.dir} could not be rebuilt ({e})")
            self.tindex = None
            return False

    def catch_up_later(self) -> None:
        """Start one background catch-up of the side index (if none is running)."""
        with self._bg_lock:
            if self.tindex is None or (self._bg is not None and self._bg.is_alive()):
                return
            self._bg = threading.Thread(target=self.sync_index, name="witness-index-sync", daemon=True)
            self._bg.start()

    def _side_index_state(self) -> str:
        """"current", "stale" (usable, behind) or "none"."""
        if self.tindex is None or self.db.batching:
            return "none"
        try:
            behind = self.tindex.behind(self.db)
        except Exception as e:
            return "current" if self._rebuild(e) else "none"
        if behind is None:                 # empty, or another archive's index
            return "current" if self.sync_index() else "none"
        if behind == 0:
            return "current"
        if behind <= CATCH_UP_INLINE and self.sync_index():
            return "current"
        self.catch_up_later()
        return "stale"

    # -- search -----------------------------------------------------------------------------
    def _metadata(self) -> dict[int, _Meta]:
        key = self.db.generation()
        if key != self._meta_key:
            meta = {}
            for rowid, id_, title, authors, date, year, periodical, nf, pub, written in self.db.all(
                    "SELECT rowid, id, title, authors, date, year, periodical, n_findings, published_year,"
                    " written_year FROM documents"):
                names = tuple(json.loads(authors))
                meta[rowid] = _Meta(id_, title, names, date, year, periodical, nf,
                                    tuple(_fold(a) for a in names), _fold(periodical or ""),
                                    f"{year // 10 * 10}s" if year is not None else None, pub, written)
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
        state = "none" if parsed.empty else self._side_index_state()
        note = None
        with self.db.lock:
            meta = self._metadata()
            hidden = self._hidden()        # a text is listed once, as its representative
            if state != "none":
                try:
                    self.last_engine = "tantivy"
                    found = self._search_tantivy(parsed, query, meta, hidden)
                    if state == "stale":
                        found.note = "the search index is catching up: the newest documents may be missing"
                    return found
                except BadQuery:
                    raise
                except Exception as e:
                    if not self._rebuild(e):
                        note = "the search index is being rebuilt"
                    else:
                        return self._search_tantivy(parsed, query, self._metadata(), hidden)
            self.last_engine = self.name
            if parsed.empty:
                ranked = [(0.0, r) for r in meta]
            else:
                ranked = self._ranked(parsed)
                behind = self.fallback_behind()
                if behind:
                    note = f"the search index is catching up: {behind} newest documents are not searchable yet"
            person_docs = None
            if query.person:
                person_docs = {r[0] for r in self.db.all(
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
            # Ranked matching gives lower-is-better; scores handed out are higher-is-better.
            page = [(-s, r) for s, r in heapq.nsmallest(want, matched)[query.offset:]]
        hits = self._hits(page, meta, parsed)
        return SearchResults(total=len(matched), hits=hits, facets=facets, note=note)

    def fallback_behind(self) -> int:
        """Documents the database's own text index does not hold yet (0: it is current)."""
        return 0

    def _rank_fallback(self, parsed: qlang.Query) -> list[tuple[float, int]]:
        raise NotImplementedError

    def _ranked(self, parsed: qlang.Query) -> list[tuple[float, int]]:
        """(score, rowid) of every match, lower is better.  This is the expensive part of a
        search and does not depend on filters, offset or limit, so it is cached per archive
        state: paging and facet drill-down reuse it."""
        key = (repr(parsed.tree), self._meta_key)
        hit = self._rank_cache.get(key)
        if hit is not None:
            self._rank_cache.move_to_end(key)
            return hit
        ranked = self._rank_fallback(parsed)
        if self.rank_cache_size:
            self._rank_cache[key] = ranked
            while len(self._rank_cache) > self.rank_cache_size:
                self._rank_cache.popitem(last=False)
        return ranked

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

    def _hidden(self) -> set[int]:
        if self._dups is None:
            from .duplicate_index import DuplicateIndex
            self._dups = DuplicateIndex(self.db)
        return self._dups.hidden_rowids()

    def _search_tantivy(self, parsed: qlang.Query, query: SearchQuery, meta: dict[int, _Meta],
                        hidden: set[int] = frozenset()) -> SearchResults:
        date_from, date_to = query.date_from, query.date_to
        if query.date_field and (date_from is not None or date_to is not None):
            # The side index knows the best year only: another date's range is kept out by rowid.
            out_of_range = {rowid for rowid, m in meta.items()
                            if not _in_range(m.year_of(query.date_field), date_from, date_to)}
            hidden = set(hidden) | out_of_range
            date_from = date_to = None
        total, page, facets = self.tindex.search(
            parsed, authors=self._names_matching(query.author, "author"),
            periodicals=self._names_matching(query.periodical, "periodical"),
            date_from=date_from, date_to=date_to, has_findings=query.has_findings,
            person=query.person, limit=query.limit, offset=query.offset, facet_size=FACET_SIZE,
            exclude=sorted(hidden))
        page = [(score, rowid) for score, rowid in page if rowid in meta]
        return SearchResults(total=total, hits=self._hits(page, meta, parsed), facets=facets)

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
            if (query.date_from is not None or query.date_to is not None) and \
                    not _in_range(m.year_of(query.date_field), query.date_from, query.date_to):
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
        # A browse (no words) shows the opening of the text; no need to read whole bodies.
        body_sql = "substr(body, 1, 600)" if parsed.empty else "body"
        with self.db.lock:
            bodies = dict(self.db.all(f"SELECT rowid, {body_sql} FROM doc_text WHERE rowid IN ({marks(rowids)})",
                                      rowids))
        pattern = qlang.highlighter(parsed.terms)
        hits = []
        for score, rowid in page:
            m = meta[rowid]
            hits.append(SearchHit(id=m.id, title=m.title, authors=list(m.authors), date=m.date,
                                  periodical=m.periodical,
                                  snippet=qlang.make_snippet(bodies.get(rowid, ""), pattern, terms=parsed.terms),
                                  score=score))
        return hits
