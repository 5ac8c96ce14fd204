"""The reading room's people, claims and findings views, answered by the store's indexed queries.

`StoreViews(store, authority)` has the public query methods of `views.ArchiveIndex` (what
pages.py and api.py call) but loads nothing at start-up: a person page is a handful of
indexed lookups (store/sqlite_people.py), and whole-archive answers (overview, persons,
contradictions, the name map) are computed on first use and kept until the archive changes
(`store.generation()`, asked on every request) or MAX_AGE passes.

Timelines come from `claims.build_timeline` and contradictions from
`claims.find_contradictions(store.claim_items(...), authority)` — the same call
`witness contradictions` makes — converted to the view dataclasses by views.py.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Callable

from ..claims import find_contradictions
from .views import (EXCERPT_RADIUS, RECENT_FINDINGS, ContradictionView, DocRef, FindingRow, Overview,
                    PersonRef, PersonView, TimelineRow, _entry, contradiction_views, default_authority,
                    fold, timeline_rows)

MAX_AGE = 300.0            # whole-archive answers are recomputed at least this often
PERSON_CACHE = 1024        # person views kept per archive generation
DOCUMENTS_SHOWN = 500      # documents listed on a person page (the search has them all)
CO_MENTIONED = 12


class FindingList:
    """Findings for one rule as a sequence: len() and slices are count and LIMIT/OFFSET
    queries, so /checks never holds every finding of a rule in memory."""

    def __init__(self, store, rule: str) -> None:
        self.store, self.rule = store, rule
        self._len: int | None = None

    def __len__(self) -> int:
        if self._len is None:
            self._len = self.store.count_findings(self.rule)
        return self._len

    def __bool__(self) -> bool:
        return len(self) > 0

    def __getitem__(self, key):
        if isinstance(key, int):
            n = len(self)
            i = key + n if key < 0 else key
            if not 0 <= i < n:
                raise IndexError(key)
            return self[i:i + 1][0]
        start, stop, step = key.indices(len(self))
        if step != 1:
            return list(self)[key]
        if stop <= start:
            return []
        rows = self.store.finding_rows(rule=self.rule, limit=stop - start, offset=start, radius=EXCERPT_RADIUS)
        return with_suggestions(self.store, [finding_row(r) for r in rows])

    def __iter__(self):
        step = 500
        for start in range(0, len(self), step):
            yield from self[start:start + step]

    def bare(self) -> list[FindingRow]:
        """Every row of the rule without suggestions (those cost a document read each: callers
        add them to the rows they show with `suggest`)."""
        return [finding_row(r) for r in
                self.store.finding_rows(rule=self.rule, limit=10**7, radius=EXCERPT_RADIUS)]

    def suggest(self, rows: list[FindingRow]) -> list[FindingRow]:
        return with_suggestions(self.store, rows)


def finding_row(r: tuple) -> FindingRow:
    rule, sev, msg, did, title, idx, start, end, before, match, after = r
    return FindingRow(rule, sev, msg, None, did, title, idx, start, end, before, match, after)


def with_suggestions(store, rows: list[FindingRow]) -> list[FindingRow]:
    """Suggestions are not in the findings table: read them from the (few) documents shown."""
    docs = {}
    for row in rows:
        if row.doc_id not in docs:
            try:
                docs[row.doc_id] = store.get_document(row.doc_id).findings
            except Exception:      # a document replaced meanwhile: show the row without one
                docs[row.doc_id] = []
        found = docs[row.doc_id]
        if row.index < len(found) and found[row.index].rule == row.rule:
            row.suggestion = found[row.index].suggestion
    return rows


class StoreViews:
    """People, timelines, contradictions, findings and overview counts from store queries."""

    def __init__(self, store, authority=None, *, max_age: float = MAX_AGE) -> None:
        self.store = store
        self.authority = authority if authority is not None else default_authority()
        self.max_age = max_age
        self._lock = threading.RLock()
        self._generation = None
        self._whole: dict[str, tuple[float, object]] = {}
        self._persons: OrderedDict[str, PersonView | None] = OrderedDict()
        self._building: dict[str, threading.Lock] = {}

    # -- caching --------------------------------------------------------------------------
    def generation(self):
        """The archive's write generation (part of the rendered-page cache key).  Asked on
        every request: two pragma reads, far cheaper than serving a stale page after a write."""
        current = self.store.generation()
        with self._lock:
            if current != self._generation:
                self._generation = current
                self._whole.clear()
                self._persons.clear()
        return current

    def refresh(self) -> None:
        """Forget every cached answer (after a curation or an ingest in this process)."""
        with self._lock:
            self._generation = None
            self._whole.clear()
            self._persons.clear()

    def _cached(self, key: str, compute: Callable[[], object]):
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

    # The LazyIndex handle's interface, so app.state.index works the same for both providers.
    def ready(self) -> bool:
        return True

    def start(self) -> None:
        pass

    def ready_or_start(self) -> bool:
        return True

    # -- names ----------------------------------------------------------------------------
    def _person_table(self) -> dict[str, tuple[str, int]]:
        """entity id → (display name, documents mentioning), for every person mentioned."""
        def compute():
            out = {}
            for pid, name, n in self.store.person_counts():
                auth = _entry(self.authority, pid)
                out[pid] = (name or (auth.name if auth is not None else pid), n)
            return out
        return self._cached("persons", compute)

    def person_name(self, pid: str) -> str | None:
        hit = self._person_table().get(pid)
        if hit:
            return hit[0]
        ent = self.store.entity(pid)
        return ent.name if ent else None

    def _name(self, pid: str) -> str:
        return self.person_name(pid) or pid

    def _names(self) -> dict[str, str]:
        def compute():
            names: dict[str, str] = {}
            for pid, text in self.store.person_spellings():
                names.setdefault(fold(text), pid)
            names.pop("", None)
            return names
        return self._cached("names", compute)

    def person_for_name(self, text: str) -> str | None:
        """Entity id whose name or any recorded spelling equals `text` (case/accents ignored)."""
        return self._names().get(fold(text)) if text.strip() else None

    def spellings(self, pid: str, limit: int = 32) -> list[str]:
        """Every recorded spelling of a person (name, mention texts, aliases), most used first."""
        ent = self.store.entity(pid)
        used = [t for t, _ in self.store.spellings(pid)]
        if ent is None and not used:
            return []
        out = ([ent.name] if ent else []) + used + (list(ent.aliases) if ent else [])
        return list(dict.fromkeys(out))[:limit]

    # -- persons --------------------------------------------------------------------------
    def persons(self) -> list[PersonRef]:
        """Every person with the number of documents mentioning them, most mentioned first."""
        def compute():
            table = self._person_table()
            return [PersonRef(pid, name, n) for pid, (name, n) in
                    sorted(table.items(), key=lambda t: (-t[1][1], t[1][0].casefold()))]
        return self._cached("persons-list", compute)

    def persons_in(self, doc_ids: list[str]) -> list[tuple[str, int]]:
        """(entity id, documents) over these documents, most frequent first."""
        return self.store.persons_in(list(doc_ids))

    def _items(self, pid: str):
        return self.store.claim_items(pid, with_index=True)

    def timeline(self, pid: str) -> list[TimelineRow] | None:
        view = self.person(pid)
        return None if view is None else list(view.timeline)

    def person(self, pid: str) -> PersonView | None:
        self.generation()
        with self._lock:
            if pid in self._persons:
                self._persons.move_to_end(pid)
                return self._persons[pid]
        view = self._person(pid)
        with self._lock:
            self._persons[pid] = view
            while len(self._persons) > PERSON_CACHE:
                self._persons.popitem(last=False)
        return view

    def _person(self, pid: str) -> PersonView | None:
        store = self.store
        ent = store.entity(pid)
        used = store.spellings(pid)
        if ent is None and not used:
            return None
        auth = _entry(self.authority, pid)
        name = auth.name if auth is not None else ent.name if ent else used[0][0]
        variants = [t for t, _ in used] + (list(ent.aliases) if ent else [])
        if auth is not None:
            variants += list(auth.variants)
        variants = [v for v in dict.fromkeys(variants) if v != name][:40]
        born, died = (auth.born, auth.died) if auth is not None else (ent.born, ent.died) if ent else (None, None)
        docs = [DocRef(d.id, d.title, d.date) for d in store.documents_mentioning(pid, limit=DOCUMENTS_SHOWN)]
        co = [PersonRef(c.entity.id, c.entity.name, c.documents)
              for c in store.co_mentioned(pid, type="person", limit=CO_MENTIONED)]
        items = self._items(pid)
        rows, by_claim = timeline_rows(items, subject=pid)
        found = find_contradictions([it for _, it in items], self.authority, subject=pid)
        cons = contradiction_views(found, by_claim, lambda _: name)
        provisional = auth is None and (ent.provisional if ent else True)
        total = self._person_table().get(pid, (None, len(docs)))[1]
        return PersonView(pid, name, variants, born, died, provisional, docs, co, rows, cons,
                          getattr(auth, "death_manner", None), max(total, len(docs)))

    # -- whole archive --------------------------------------------------------------------
    def contradictions(self) -> list[ContradictionView]:
        def compute():
            items = self.store.claim_items(with_index=True)
            _, by_claim = timeline_rows(items)
            found = find_contradictions([it for _, it in items], self.authority)
            out = contradiction_views(found, by_claim, self._name)
            out.sort(key=lambda c: (c.entity_name.casefold(), c.kind))
            return out
        return self._cached("contradictions", compute)

    def overview(self) -> Overview:
        def compute():
            o = self.store.archive_overview(top=15)
            years = dict(o["years"])
            undated = years.pop(None, 0)
            hist = [(y, years.get(y, 0)) for y in range(min(years), max(years) + 1)] if years else []
            persons = self.persons()
            return Overview(documents=o["documents"], authors=o["authors"], author_count=o["author_count"],
                            persons=persons[:15], person_count=len(persons), histogram=hist,
                            undated=undated, recent_findings=self._recent_findings(),
                            findings_total=o["findings"])
        return self._cached("overview", compute)

    def _recent_findings(self) -> list[FindingRow]:
        """The first two findings of each of the most recently dated documents with findings."""
        order = self.store.recent_finding_docs(RECENT_FINDINGS)
        if not order:
            return []
        by_doc: dict[str, list[FindingRow]] = {did: [] for _, did in order}
        for r in self.store.finding_rows(doc_rowids=[rowid for rowid, _ in order], limit=10**6,
                                         radius=EXCERPT_RADIUS):
            by_doc[r[3]].append(finding_row(r))
        recent = [row for rows in by_doc.values() for row in rows[:2]]
        return with_suggestions(self.store, recent[:RECENT_FINDINGS])

    def finding_rules(self) -> list[tuple[str, str, int]]:
        """(rule, worst severity, count), most frequent first."""
        return self._cached("rules", lambda: [tuple(r) for r in self.store.finding_rules()])

    def findings_for(self, rule: str) -> FindingList:
        return FindingList(self.store, rule)

