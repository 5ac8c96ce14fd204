"""The archive as readers see it: the one place that assembles documents (as curated),
persons, timelines, contradictions, findings and person search from the store's typed
queries.  The CLI, the reading room, the JSON API, `publish` and the exports all read
through an `Archive`; curation goes through it too, so every view changes at once.

    archive = open_archive("witness.db")          # or a postgresql:// URL
    archive.person("Rakowsky")                    # any spelling → PersonView
    archive.document("serge-1937-08-yagoda")      # a Document with curators' decisions applied
    archive.merge("rakovsky-christian", "rakowsky-x", who="ed", why="same man")

Whole-archive answers (overview, persons, contradictions, the name map) are computed on
first use and kept until the archive's generation changes (any commit by any process) or
MAX_AGE passes; person views are kept per generation.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Callable, Iterator

from ..errors import NotFound
from ..model import Document
from ..store.base import CurationOp, SearchQuery, SearchResults, Store
from .documents import DocumentViews
from .findings import FindingList, recent_findings
from .judgements import Judgements
from .people import PeopleViews
from .views import ContradictionView, Overview, PersonRef, PersonView, TimelineRow, default_authority

MAX_AGE = 300.0            # whole-archive answers are recomputed at least this often
PERSON_CACHE = 1024        # person views kept per archive generation


class Archive:
    def __init__(self, store: Store, authority=None, *, max_age: float = MAX_AGE,
                 name_lookup: Callable[[str], str | None] | None = None) -> None:
        self.store = store
        self.authority = authority if authority is not None else default_authority()
        self.max_age = max_age
        self._lock = threading.RLock()
        self._generation = None
        self._whole: dict[str, tuple[float, object]] = {}
        self._persons: OrderedDict[tuple, PersonView | None] = OrderedDict()
        self._building: dict[str, threading.Lock] = {}
        self.docs = DocumentViews(store)
        self.people = PeopleViews(self, name_lookup)
        self.judgements = Judgements(self)

    # -- caching --------------------------------------------------------------------------
    def generation(self):
        """The archive's write generation (part of every cache key).  Asked on every request:
        far cheaper than serving a stale page after a write by any process."""
        current = self.store.generation()
        with self._lock:
            if current != self._generation:
                self._generation = current
                self._whole.clear()
                self._persons.clear()
        return current

    def refresh(self) -> None:
        """Forget every cached answer."""
        with self._lock:
            self._generation = None
            self._whole.clear()
            self._persons.clear()

    def cached(self, key: str, compute: Callable[[], object]):
        self.generation()
        with self._lock:
            hit = self._whole.get(key)
            if hit and time.monotonic() - hit[0] < self.max_age:
                return hit[1]
            gate = self._building.setdefault(key, threading.Lock())
        with gate:        # concurrent first requests wait for one computation, not start their own
            with self._lock:
                hit = self._whole.get(key)
                if hit and time.monotonic() - hit[0] < self.max_age:
                    return hit[1]
            value = compute()
            with self._lock:
                self._whole[key] = (time.monotonic(), value)
            return value

    # -- documents ------------------------------------------------------------------------
    def document(self, id_or_path: str, version: int | None = None) -> Document:
        """A document as readers see it: curators' merges, splits and links applied, its
        version history attached (`extra["versions"]`, which the TEI export lists)."""
        return self.docs.document(id_or_path, version)

    def document_json(self, id_or_path: str, version: int | None = None) -> dict:
        """The document-json.md shape of `document`."""
        return self.docs.document_json(id_or_path, version)

    def documents(self, ids=None) -> Iterator[Document]:
        """The given documents (ids or paths), or every current one, as readers see them."""
        return self.docs.documents(ids)

    def history(self, id_or_path: str):
        return self.store.history(self.docs.resolve(id_or_path))

    def select(self, ids=(), *, author: str | None = None, query: str | None = None,
               limit: int = 10_000) -> list[Document]:
        """Documents by ids, by author, by a search, or every document when nothing is given."""
        if ids:
            return list(self.documents(ids))
        if author or query:
            res = self.store.search(SearchQuery(q=query or "", author=author, limit=limit))
            return list(self.documents([h.id for h in res.hits]))
        return list(self.documents())

    # -- persons --------------------------------------------------------------------------
    def resolve_person(self, name_or_id: str) -> str:
        """An entity id for an id, a name or a variant (Rakowsky, Раковский…); NotFound otherwise."""
        return self.people.resolve(name_or_id)

    def person(self, name_or_id: str, *, mentions: bool = False) -> PersonView:
        """A person's page: names, life dates, documents, co-mentions, timeline, contradictions
        (and every mention with its sentence when `mentions`).  NotFound when unknown."""
        pid = self.resolve_person(name_or_id)
        view = self.person_view(pid, mentions=mentions)
        if view is None:
            raise NotFound(f"no person {pid!r} in this archive")
        return view

    def person_view(self, pid: str, *, mentions: bool = False) -> PersonView | None:
        """The person with exactly this id, or None (the reading room's lookup; cached)."""
        self.generation()
        key = (pid, mentions)
        with self._lock:
            if key in self._persons:
                self._persons.move_to_end(key)
                return self._persons[key]
        view = self.people.person(pid, mentions=mentions)
        with self._lock:
            self._persons[key] = view
            while len(self._persons) > PERSON_CACHE:
                self._persons.popitem(last=False)
        return view

    def timeline(self, name_or_id: str):
        """(entity id, claims.TimelineEntry list) for a person in any spelling."""
        return self.people.timeline_entries(self.resolve_person(name_or_id))

    def timeline_rows(self, pid: str) -> list[TimelineRow] | None:
        view = self.person_view(pid)
        return None if view is None else list(view.timeline)

    def contradictions(self, person: str | None = None):
        """claims.Contradiction objects: every one in the archive, or one person's."""
        return self.people.contradictions(self.resolve_person(person) if person else None)

    def judged_contradictions(self, person: str | None = None):
        """`contradictions` with their keys, the sources each outlier stands against and the
        verdicts in force, the most contested first (judgements.JudgedContradiction)."""
        return self.judgements.raw_contradictions(self.contradictions(person))

    def contradiction_views(self) -> list[ContradictionView]:
        """Every contradiction with its verdict, the outliers standing against the most sources first."""
        def compute():
            views = self.judgements.contradictions(self.people.contradiction_views())
            views.sort(key=lambda c: -c.against)        # stable: by person and kind within a count
            return views
        return self.cached("contradictions", compute)

    def persons(self) -> list[PersonRef]:
        """Every person with the number of documents mentioning them, most mentioned first."""
        return self.cached("persons-list", self.people.persons)

    def person_name(self, pid: str) -> str | None:
        return self.people.name(pid)

    def person_for_name(self, text: str) -> str | None:
        """Entity id whose name or any recorded spelling equals `text` (case/accents ignored)."""
        return self.people.for_name(text)

    def spellings(self, pid: str, limit: int = 32) -> list[str]:
        return self.people.spellings(pid, limit)

    def persons_in(self, doc_ids: list[str]) -> list[tuple[str, int]]:
        return self.store.people.persons_in(list(doc_ids))

    # -- search ---------------------------------------------------------------------------
    def search(self, query: SearchQuery, *, read_names: bool = True) -> tuple[SearchResults, str | None, SearchQuery]:
        """Search; a query that is a person's name in any spelling finds their documents.
        Returns the results, the person id the query was read as (or None) and the query run."""
        return self.people.search(query, read_names=read_names)

    def search_person(self, q: str, person: str | None, **filters) -> SearchResults:
        """`witness search [--person NAME]`: a person in any spelling (ranked and highlighted
        by the ways the documents write the name when no words are given)."""
        return self.people.search_person(q, person, **filters)

    # -- overview and findings ------------------------------------------------------------
    def overview(self) -> Overview:
        def compute():
            o = self.store.people.counts(top=15)
            years = dict(o.years)
            undated = years.pop(None, 0)
            hist = [(y, years.get(y, 0)) for y in range(min(years), max(years) + 1)] if years else []
            persons = self.persons()
            return Overview(documents=o.documents, authors=o.authors, author_count=o.author_count,
                            persons=persons[:15], person_count=len(persons), histogram=hist,
                            undated=undated, recent_findings=recent_findings(self.store),
                            findings_total=o.findings)
        return self.cached("overview", compute)

    def finding_rules(self) -> list[tuple[str, str, int]]:
        """(rule, worst severity, count), most frequent first."""
        return self.cached("rules", lambda: [tuple(r) for r in self.store.findings.rules()])

    def findings_for(self, rule: str) -> FindingList:
        return FindingList(self.store, rule)

    # -- verdicts on findings and contradictions ------------------------------------------
    def document_findings(self, doc: Document):
        """A document's findings with their keys and verdicts (judgements.DocFinding)."""
        return self.judgements.document(doc)

    def judge(self, ref, verdict: str, *, who: str, note: str | None = None, cause: str | None = None):
        """Mark a finding (not-an-error | fixed) or a contradiction (artefact with a cause |
        real); `ref` is DOC#N, a key or a unique prefix of one.  Stored and logged."""
        return self.judgements.judge(ref, verdict, who=who, note=note, cause=cause)

    def unjudge(self, ref, *, who: str, note: str | None = None):
        return self.judgements.clear(ref, who=who, note=note)

    def verdicts_by_rule(self) -> dict:
        """{rule: Counter(verdict → findings)} of the findings reported now."""
        return self.cached("verdicts-by-rule", self.judgements.by_rule)

    def verdict_summary(self) -> dict:
        return self.judgements.summary()

    # -- curation -------------------------------------------------------------------------
    def merge(self, keep: str, drop: str, *, who: str, why: str | None = None) -> CurationOp:
        """Fold `drop` into `keep` everywhere: pages, search, exports; logged, undoable."""
        return self._curated(self.store.curation.merge(keep, drop, who=who, why=why, authority=self.authority))

    def split(self, entity_id: str, new_id: str, names: list[str], label: str | None = None, *,
              who: str, why: str | None = None) -> CurationOp:
        return self._curated(self.store.curation.split(entity_id, new_id, list(names), label, who=who,
                                                       why=why, authority=self.authority))

    def link(self, entity_id: str, wikidata: str, *, who: str, why: str | None = None) -> CurationOp:
        return self._curated(self.store.curation.link(entity_id, wikidata, who=who, why=why,
                                                      authority=self.authority))

    def undo(self, *, who: str, why: str | None = None) -> CurationOp:
        return self._curated(self.store.curation.undo(who=who, why=why))

    def curation_log(self, entity_id: str | None = None) -> list[CurationOp]:
        return self.store.curation.log(entity_id)

    def _curated(self, op: CurationOp) -> CurationOp:
        self.refresh()
        self.store.sync_index()          # the side index's entity field follows at once
        return op


def open_archive(target: str, **kwargs) -> Archive:
    from ..store import open_store

    return Archive(open_store(target), **kwargs)


__all__ = ["Archive", "open_archive", "PersonView", "PersonRef", "TimelineRow", "ContradictionView", "Overview"]
