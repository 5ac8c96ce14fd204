"""Persons as readers see them: resolving a name in any spelling or script, the person
page, timelines, contradictions, the persons list and search by a person's name — one
implementation for the CLI, the reading room, the API and the static edition."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, replace

from ..claims import ClaimItem, build_timeline, find_contradictions
from ..errors import BadQuery, NotFound
from ..store.base import SearchQuery, SearchResults
from .identity import Surnames, identified
from .same_text import fold_claims, fold_documents, members_of
from .views import DocRef, PersonRef, PersonView, _entry, contradiction_views, fold, timeline_rows

DOCUMENTS_SHOWN = 500      # documents listed on a person page (the search has them all)
CO_MENTIONED = 20
MENTIONS_SHOWN = 1000
NAME_LIKE = re.compile(r"[^\W\d_][\w .'’\-]*")
OPERATORS = re.compile(r"\b(?:OR|AND|NOT)\b")


def _items(rows) -> list[tuple[int, ClaimItem]]:
    return [(r.index, ClaimItem(r.claim, r.doc_id, r.doc_title, r.doc_date, r.quote)) for r in rows]


class PeopleViews:
    def __init__(self, archive, name_lookup=None) -> None:
        self.archive = archive
        self.store = archive.store
        self.name_lookup = name_lookup    # e.g. the authority file's fuzzy resolve ("Trotzki")

    @property
    def authority(self):
        return self.archive.authority

    def surnames(self) -> Surnames:
        """Who the archive gives each bare surname to, for this generation (built once, half a
        second on the whole corpus; the reading room builds it at start, off the request path)."""
        return self.archive.cached("surnames", lambda: Surnames(self.store, self.authority))

    def _identity(self) -> dict:
        """find_contradictions' tests of whether a claim's own sentence names its subject (and,
        for an outlier, prints its year) firmly enough to stand against the sources
        (archive/identity.py)."""
        ident = identified(self.store, self.authority, self.surnames)
        return {"named": ident.firm, "identifies": ident.names}

    def _members(self) -> dict[str, list[str]]:
        """Document id → its group of duplicate texts, representative first."""
        return members_of(self.store.duplicates.groups())

    def _copies_mentioning(self) -> Counter:
        """Person id → documents mentioning them that are another copy of a text already
        counted (so a person's count is of texts, as their page lists them)."""
        extra: Counter = Counter()
        for g in self.store.duplicates.groups():
            for pid, n in self.store.people.persons_in(g.members):
                extra[pid] += n - 1
        return extra

    def _source_of(self):
        """Document id → its source: duplicate texts (the same article stored twice) are one
        source when contradictions count how many sources agree."""
        reps = self.store.duplicates.representatives()
        return lambda doc_id: reps.get(doc_id, doc_id)

    # -- names ----------------------------------------------------------------------------
    def resolve(self, name_or_id: str) -> str:
        key = name_or_id.strip()
        key = self.store.curation.canonical(key)   # an id merged away by a curator means the one kept
        people = self.store.people
        if people.entity(key) is not None or _entry(self.authority, key) is not None:
            return key
        found = people.find_entities(key, limit=2)
        if len(found) == 1:
            return found[0].id
        pid = self.for_name(key)
        if pid:
            return pid
        auth = self.authority
        best = auth.resolve(key, type="person") if auth is not None else None
        if best is not None:
            return best.id
        if found:
            return found[0].id
        candidates = auth.lookup(key, type="person", limit=3) if auth is not None else []
        if candidates:
            names = ", ".join(c.id for c in candidates)
            raise NotFound(f"{key!r} matches several persons: {names}", hint="give one of these ids")
        raise NotFound(f"no person called {key!r} in the archive or the authority file",
                       hint="`witness entity list` lists the persons the archive knows")

    def _table(self) -> dict[str, tuple[str, int]]:
        """entity id → (display name, texts mentioning: a duplicate text counts once), for
        every person mentioned."""
        def compute():
            out = {}
            copies = self._copies_mentioning()
            for pid, name, n in self.store.people.person_counts():
                auth = _entry(self.authority, pid)
                out[pid] = (name or (auth.name if auth is not None else pid), n - copies[pid])
            return out
        return self.archive.cached("persons", compute)

    def name(self, pid: str) -> str | None:
        hit = self._table().get(pid)
        if hit:
            return hit[0]
        ent = self.store.people.entity(pid)
        return ent.name if ent else None

    def _names(self) -> dict[str, str]:
        def compute():
            names: dict[str, str] = {}
            for pid, text in self.store.people.person_spellings():
                names.setdefault(fold(text), pid)
            names.pop("", None)
            return names
        return self.archive.cached("names", compute)

    def for_name(self, text: str) -> str | None:
        return self._names().get(fold(text)) if text.strip() else None

    def spellings(self, pid: str, limit: int = 32) -> list[str]:
        """Every recorded spelling of a person (name, mention texts, aliases), most used first."""
        ent = self.store.people.entity(pid)
        used = [t for t, _ in self.store.people.spellings(pid)]
        if ent is None and not used:
            return []
        out = ([ent.name] if ent else []) + used + (list(ent.aliases) if ent else [])
        return list(dict.fromkeys(out))[:limit]

    # -- a person -------------------------------------------------------------------------
    def person(self, pid: str, *, mentions: bool = False) -> PersonView | None:
        people = self.store.people
        ent = people.entity(pid)
        used = people.spellings(pid)
        auth = _entry(self.authority, pid)
        if ent is None and not used and auth is None:
            return None
        name = auth.name if auth is not None else ent.name if ent else used[0][0]
        variants = [t for t, _ in used] + (list(ent.aliases) if ent else [])
        if auth is not None:
            variants += list(auth.variants)
        variants = [v for v in dict.fromkeys(variants) if v != name][:40]
        born, died = (auth.born, auth.died) if auth is not None else (ent.born, ent.died) if ent else (None, None)
        members = self._members()
        # Enough rows that DOCUMENTS_SHOWN texts remain once the copies are folded.
        copies = len(members) - len({g[0] for g in members.values()})
        found_docs = people.documents_mentioning(pid, limit=DOCUMENTS_SHOWN + copies)
        docs = [DocRef(d.id, d.title, d.date, mentions=d.mentions, same_text_as=others)
                for d, others in fold_documents(found_docs, members)][:DOCUMENTS_SHOWN]
        co = [PersonRef(c.entity.id, c.entity.name, c.documents)
              for c in people.co_mentioned(pid, type="person", limit=CO_MENTIONED)]
        items = _items(people.claims([pid]))
        rows, by_claim = self._timeline(items, members, pid)
        found = find_contradictions([it for _, it in items], self.authority, subject=pid,
                                    source_of=self._source_of(), **self._identity())
        cons = contradiction_views(found, by_claim, lambda _: name)
        provisional = auth is None and (ent.provisional if ent else True)
        total = self._table().get(pid, (None, len(docs)))[1]
        wikidata = ((ent.external or {}).get("wikidata") if ent else None) or getattr(auth, "wikidata", None)
        return PersonView(pid, name, variants, born, died, provisional, docs, co, rows, cons,
                          getattr(auth, "death_manner", None), max(total, len(docs)),
                          type=(auth.type if auth is not None else ent.type if ent else "person"),
                          wikidata=wikidata,
                          mentions=[asdict(m) for m in people.mentions_of(pid, limit=MENTIONS_SHOWN)]
                          if mentions else [])

    def _timeline(self, items, members, subject=None):
        """Timeline rows with each claim of a duplicate text once (naming the copies it is
        also in); `by_claim` also maps a folded copy's claim to its row, so contradictions,
        which still see every claim, point at the row shown."""
        kept, also, folded = fold_claims([it for _, it in items], members)
        keep = {id(it.claim) for it in kept}
        rows, by_claim = timeline_rows([(i, it) for i, it in items if id(it.claim) in keep], subject=subject)
        for row_claim, ids in also.items():
            if row_claim in by_claim:
                by_claim[row_claim].also_in = ids
        for claim_id, holder in folded.items():
            if id(holder.claim) in by_claim:
                by_claim[claim_id] = by_claim[id(holder.claim)]
        return rows, by_claim

    def timeline_entries(self, pid: str):
        """(pid, claims.TimelineEntry list): each claim of a duplicate text once, with
        `also_in` naming the copies."""
        kept, also, _ = fold_claims([it for _, it in _items(self.store.people.claims([pid]))], self._members())
        entries = build_timeline(kept, subject=pid)
        for e in entries:
            e.also_in = also.get(id(e.claim), [])
        return pid, entries

    def contradictions(self, pid: str | None = None):
        rows = self.store.people.claims([pid] if pid else None)
        return find_contradictions([it for _, it in _items(rows)], self.authority, subject=pid,
                                   source_of=self._source_of(), **self._identity())

    def contradiction_views(self):
        items = _items(self.store.people.claims())
        _, by_claim = self._timeline(items, self._members())
        found = find_contradictions([it for _, it in items], self.authority, source_of=self._source_of(),
                                    **self._identity())
        out = contradiction_views(found, by_claim, lambda pid: self.name(pid) or pid)
        out.sort(key=lambda c: (-c.against, c.entity_name.casefold(), c.kind))   # most contested first
        return out

    def persons(self) -> list[PersonRef]:
        table = self._table()
        return [PersonRef(pid, name, n) for pid, (name, n) in
                sorted(table.items(), key=lambda t: (-t[1][1], t[1][0].casefold(), t[0]))]

    # -- search by a person's name -----------------------------------------------------------
    def search(self, query: SearchQuery, *, read_names: bool = True):
        """A query that is a plain name in any recorded spelling is read as that person: the
        name is expanded into every spelling ("Rakovsky" OR "Rakowsky" OR "Раковский" …), so
        ranking and snippets still come from the text."""
        pid = None
        name = query.q.strip()
        if name.startswith('"') and name.endswith('"') and len(name) > 1:
            name = name[1:-1]
        if read_names and name and not query.person and NAME_LIKE.fullmatch(name) and not OPERATORS.search(name):
            pid = self.for_name(name)
            if pid is None and self.name_lookup is not None:
                pid = self.name_lookup(name)
                pid = pid if pid and self.name(pid) else None
        if pid:
            expanded = " OR ".join(f'"{n}"' for n in (s.replace('"', " ").strip() for s in self.spellings(pid)) if n)
            try:
                run = replace(query, q=expanded)
                found = self.store.search(run)
                if not found.total:
                    run = replace(query, q="", person=pid)
                    found = self.store.search(run)
                return found, pid, run
            except BadQuery:
                pass
        return self.store.search(query), None, query

    def search_person(self, q: str, person: str | None, **filters) -> SearchResults:
        person_id = None
        if person:
            person_id = self.resolve(person)
            if not q.strip():
                # Rank and highlight by the ways these documents write the name (Rakowsky, Раковский…).
                forms = [t.replace('"', "") for t, _ in self.store.people.spellings(person_id)[:12]]
                q = " OR ".join(f'"{t}"' for t in forms if t.strip())
        return self.store.search(SearchQuery(q=q, person=person_id, **filters))
