"""What the reading room shows about people, claims and findings, as plain dataclasses.

Two providers fill them: `store_views.StoreViews` answers from the store's indexed queries
(the default for an SQLite archive), and `ArchiveIndex` builds everything in memory from the
documents (for stores without those queries, and for demo annotations that exist only in
memory).  Both take timelines from `witness.claims.build_timeline` and contradictions from
`witness.claims.find_contradictions`, converted here, so the two cannot disagree.
"""

from __future__ import annotations

import threading
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from ..claims import ClaimItem, build_timeline, find_contradictions
from ..model import HEDGED, Document, Entity

QUOTE_MAX = 320          # characters of evidence shown in a timeline row
EXCERPT_RADIUS = 60      # characters either side of a finding on /checks
RECENT_FINDINGS = 12



@dataclass
class DocRef:
    id: str
    title: str | None
    date: str | None
    authors: list[str] = field(default_factory=list)
    periodical: str | None = None
    findings: int = 0


@dataclass
class PersonRef:
    id: str
    name: str
    count: int = 0


@dataclass
class TimelineRow:
    date: str | None              # the claim's own date, else the document's date
    date_is_document_date: bool   # True when the claim gave no date and the document's date stands in
    predicate: str
    object: str | None
    certainty: str
    hedged: bool                  # certainty in model.HEDGED: never shown as a fact
    attributed_to: str | None
    quote: str
    doc_id: str
    doc_title: str | None
    claim_index: int              # position in the document's claims (anchor #claim-N)
    contradicted: bool = False


@dataclass
class ContradictionView:
    entity: str
    entity_name: str
    kind: str                     # asserted-vs-denied | after-death | before-birth | dates-disagree
    reason: str
    a: TimelineRow
    b: TimelineRow | None         # None when the other side is the authority file
    also: int = 0                 # more claims like a (asserted-vs-denied) or like b (after a death)


@dataclass
class PersonView:
    id: str
    name: str
    variants: list[str]
    born: str | None
    died: str | None
    provisional: bool
    documents: list[DocRef]
    co_mentioned: list[PersonRef]
    timeline: list[TimelineRow]
    contradictions: list[ContradictionView]
    death_manner: str | None = None       # authority file: executed, killed, natural …
    document_count: int | None = None     # all documents mentioning them (`documents` may be cut)


@dataclass
class FindingRow:
    rule: str
    severity: str
    message: str
    suggestion: str | None
    doc_id: str
    doc_title: str | None
    index: int                    # position in the document's findings (anchor #finding-N)
    start: int
    end: int
    before: str
    match: str
    after: str


@dataclass
class Overview:
    documents: int
    authors: list[tuple[str, int]]        # most prolific first
    author_count: int
    persons: list[PersonRef]               # most mentioned first
    person_count: int
    histogram: list[tuple[int, int]]       # (year, documents), every year in range
    undated: int
    recent_findings: list[FindingRow]
    findings_total: int


def fold(name: str) -> str:
    """Name key that ignores case, accents and punctuation (Rakowsky ~ rakowsky, Trotzki ~ trotzki)."""
    norm = unicodedata.normalize("NFKD", name.casefold())
    kept = "".join(ch for ch in norm if not unicodedata.combining(ch))
    return " ".join("".join(ch if ch.isalnum() else " " for ch in kept).split())


def year_of(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def default_authority():
    """The authority file (life dates, death manner), or None when it cannot be read."""
    try:
        from ..authority import load
        return load()
    except Exception:      # the reading room still serves the archive without it
        return None


def clip(quote: str | None) -> str:
    quote = (quote or "").strip()
    return quote[:QUOTE_MAX - 1].rstrip() + "…" if len(quote) > QUOTE_MAX else quote


def timeline_rows(indexed: list[tuple[int, ClaimItem]], subject: str | None = None
                  ) -> tuple[list[TimelineRow], dict[int, TimelineRow]]:
    """Rows in `build_timeline` order from (claim index, ClaimItem) pairs, and the row of each
    claim by id(claim) so contradictions can point at (and flag) the same rows."""
    position = {id(it.claim): i for i, it in indexed}
    rows, by_claim = [], {}
    for e in build_timeline([it for _, it in indexed], subject=subject):
        row = TimelineRow(date=e.date, date_is_document_date=not e.dated, predicate=e.predicate,
                          object=e.object, certainty=e.certainty, hedged=e.certainty in HEDGED,
                          attributed_to=e.attributed_to, quote=clip(e.quote), doc_id=e.document_id,
                          doc_title=e.document_title, claim_index=position[id(e.claim)])
        rows.append(row)
        by_claim[id(e.claim)] = row
    return rows, by_claim


def contradiction_views(found, by_claim: dict[int, TimelineRow], name_of) -> list[ContradictionView]:
    """claims.Contradiction → ContradictionView; both sides' timeline rows are flagged."""
    out = []
    for c in found:
        a = by_claim[id(c.first.claim)]
        b = by_claim[id(c.second.claim)] if c.second is not None else None
        others = [by_claim[id(o.claim)] for o in getattr(c, "others", ()) if id(o.claim) in by_claim]
        for row in (a, b, *others):
            if row is not None:
                row.contradicted = True
        out.append(ContradictionView(c.subject, name_of(c.subject), c.kind, c.reason, a, b,
                                     len(getattr(c, "others", ()))))
    return out


def _entry(authority, pid: str):
    if authority is None:
        return None
    try:
        return authority.get(pid)
    except Exception:
        return None


def _excerpt(text: str, start: int, end: int) -> tuple[str, str, str]:
    lo, hi = max(0, start - EXCERPT_RADIUS), min(len(text), end + EXCERPT_RADIUS)
    return (("…" if lo else "") + text[lo:start], text[start:end],
            text[end:hi] + ("…" if hi < len(text) else ""))


class ArchiveIndex:
    """People, timelines, contradictions, findings and overview counts, built in one pass."""

    def __init__(self, authority=None) -> None:
        self.authority = authority
        self.items: dict[str, list[tuple[int, ClaimItem]]] = defaultdict(list)
        self.docs: dict[str, DocRef] = {}
        self.entities: dict[str, Entity] = {}
        self.person_docs: dict[str, list[str]] = defaultdict(list)
        self.variants: dict[str, Counter] = defaultdict(Counter)
        self.co: dict[str, Counter] = defaultdict(Counter)
        self.rows: dict[str, list[TimelineRow]] = defaultdict(list)
        self.findings: dict[str, list[FindingRow]] = defaultdict(list)
        self.names: dict[str, str] = {}           # fold(name) → entity id
        self.doc_persons: dict[str, list[str]] = {}
        self._contradictions: list[ContradictionView] = []
        self._by_entity: dict[str, list[ContradictionView]] = defaultdict(list)
        self._overview: Overview | None = None
        self._person_views: dict[str, PersonView] = {}

    # -- building ---------------------------------------------------------------------------
    @classmethod
    def build(cls, documents: Iterable[Document], authority=None) -> "ArchiveIndex":
        """authority: anything with .get(id) (claims.find_contradictions); None → the file."""
        index = cls(authority if authority is not None else default_authority())
        for doc in documents:
            index.add(doc)
        index.finish()
        return index

    def add(self, doc: Document) -> None:
        rec = doc.record
        self.docs[doc.id] = DocRef(doc.id, rec.title, rec.date, list(rec.authors), rec.periodical,
                                   len(doc.findings))
        persons = set()
        for ent in doc.entities:
            if ent.type != "person":
                continue
            persons.add(ent.id)
            known = self.entities.get(ent.id)
            if known is None:
                self.entities[ent.id] = Entity(ent.id, ent.type, ent.name, list(ent.aliases), ent.born,
                                               ent.died, dict(ent.external), ent.provisional)
            else:
                known.aliases.extend(a for a in ent.aliases if a not in known.aliases)
                known.born = known.born or ent.born
                known.died = known.died or ent.died
                known.provisional = known.provisional and ent.provisional
        for m in doc.mentions:
            if m.type == "person" and m.entity:
                self.variants[m.entity][m.text] += 1
                if m.entity not in self.entities:
                    self.entities[m.entity] = Entity(m.entity, "person", m.text, provisional=True)
                persons.add(m.entity)
        self.doc_persons[doc.id] = sorted(persons)
        for pid in persons:
            self.person_docs[pid].append(doc.id)
            for other in persons:
                if other != pid:
                    self.co[pid][other] += 1
        for i, c in enumerate(doc.claims):
            self.items[c.subject].append(
                (i, ClaimItem(c, doc.id, rec.title, rec.date, doc.text[c.evidence.start:c.evidence.end])))
        for i, f in enumerate(doc.findings):
            before, match, after = _excerpt(doc.text, f.start, f.end)
            self.findings[f.rule].append(FindingRow(f.rule, f.severity, f.message, f.suggestion, doc.id,
                                                    rec.title, i, f.start, f.end, before, match, after))

    def finish(self) -> None:
        for pid, ent in self.entities.items():
            for name in [ent.name, *ent.aliases, *self.variants.get(pid, {})]:
                self.names.setdefault(fold(name), pid)
        for pid, items in self.items.items():
            rows, by_claim = timeline_rows(items)
            self.rows[pid] = rows
            found = find_contradictions([it for _, it in items], self.authority, subject=pid)
            for con in contradiction_views(found, by_claim, self._name):
                self._contradictions.append(con)
                self._by_entity[pid].append(con)
        self._contradictions.sort(key=lambda c: (c.entity_name.casefold(), c.kind))
        self._overview = self._make_overview()

    def _name(self, pid: str) -> str:
        ent = self.entities.get(pid)
        return ent.name if ent else pid

    def _make_overview(self) -> Overview:
        authors = Counter(a for d in self.docs.values() for a in d.authors)
        years = Counter(year_of(d.date) for d in self.docs.values())
        undated = years.pop(None, 0)
        hist = [(y, years.get(y, 0)) for y in range(min(years), max(years) + 1)] if years else []
        mentioned = sorted(((pid, len(ds)) for pid, ds in self.person_docs.items()),
                           key=lambda t: (-t[1], self._name(t[0]).casefold()))
        recent_docs = sorted(self.docs.values(), key=lambda d: (d.date or ""), reverse=True)
        recent: list[FindingRow] = []
        by_doc = defaultdict(list)
        for rows in self.findings.values():
            for row in rows:
                by_doc[row.doc_id].append(row)
        for d in recent_docs:
            recent.extend(by_doc.get(d.id, [])[:2])
            if len(recent) >= RECENT_FINDINGS:
                break
        return Overview(
            documents=len(self.docs), authors=authors.most_common(15), author_count=len(authors),
            persons=[PersonRef(pid, self._name(pid), n) for pid, n in mentioned[:15]],
            person_count=len(self.person_docs), histogram=hist, undated=undated,
            recent_findings=recent[:RECENT_FINDINGS],
            findings_total=sum(len(v) for v in self.findings.values()))

    # -- the queries the pages and the API use (the integrator's swap points) ---------------
    def overview(self) -> Overview:
        assert self._overview is not None
        return self._overview

    def person(self, pid: str) -> PersonView | None:
        """The person page's data; memoised (the index does not change once built)."""
        view = self._person_views.get(pid)
        if view is None:
            view = self._person(pid)
            if view is not None and len(self._person_views) < 4096:
                self._person_views[pid] = view
        return view

    def _person(self, pid: str) -> PersonView | None:
        ent = self.entities.get(pid)
        if ent is None:
            return None
        variants = [v for v, _ in self.variants.get(pid, Counter()).most_common()]
        for alias in ent.aliases:
            if alias not in variants:
                variants.append(alias)
        variants = [v for v in variants if v != ent.name]
        docs = sorted((self.docs[d] for d in dict.fromkeys(self.person_docs.get(pid, [])) if d in self.docs),
                      key=lambda d: (d.date is None, d.date or "", d.id))
        co = [PersonRef(o, self._name(o), n) for o, n in
              sorted(self.co.get(pid, Counter()).items(), key=lambda t: (-t[1], self._name(t[0])))[:12]]
        auth = _entry(self.authority, pid)
        born, died = (auth.born, auth.died) if auth is not None else (ent.born, ent.died)
        return PersonView(pid, ent.name, variants, born, died, ent.provisional and auth is None, docs, co,
                          list(self.rows.get(pid, [])), list(self._by_entity.get(pid, [])),
                          getattr(auth, "death_manner", None))

    def persons(self) -> list[PersonRef]:
        """Every person with the number of documents mentioning them, most mentioned first."""
        return [PersonRef(pid, self._name(pid), len(set(docs))) for pid, docs in
                sorted(self.person_docs.items(), key=lambda t: (-len(t[1]), self._name(t[0]).casefold()))]

    def timeline(self, pid: str) -> list[TimelineRow] | None:
        if pid not in self.entities:
            return None
        return list(self.rows.get(pid, []))

    def contradictions(self) -> list[ContradictionView]:
        return self._contradictions

    def finding_rules(self) -> list[tuple[str, str, int]]:
        """(rule, worst severity, count), most frequent first."""
        order = {"error": 0, "warning": 1, "info": 2}
        out = []
        for rule, rows in self.findings.items():
            worst = min((r.severity for r in rows), key=lambda s: order.get(s, 3))
            out.append((rule, worst, len(rows)))
        return sorted(out, key=lambda t: (-t[2], t[0]))

    def findings_for(self, rule: str) -> "FindingRows":
        return FindingRows(self.findings.get(rule, []))

    def person_for_name(self, text: str) -> str | None:
        """Entity id whose name or any recorded spelling equals `text` (case/accents ignored)."""
        return self.names.get(fold(text)) if text.strip() else None

    def spellings(self, pid: str, limit: int = 32) -> list[str]:
        """Every recorded spelling of a person (name, aliases, mention texts), most used first."""
        ent = self.entities.get(pid)
        if ent is None:
            return []
        out = [ent.name, *(v for v, _ in self.variants.get(pid, Counter()).most_common()), *ent.aliases]
        return list(dict.fromkeys(out))[:limit]

    def persons_in(self, doc_ids: list[str]) -> list[tuple[str, int]]:
        """(entity id, documents) over these documents, most frequent first."""
        counts = Counter(pid for d in doc_ids for pid in self.doc_persons.get(d, ()))
        return sorted(counts.items(), key=lambda t: (-t[1], self._name(t[0]).casefold()))

    def person_name(self, pid: str) -> str | None:
        ent = self.entities.get(pid)
        return ent.name if ent else None


class FindingRows(list):
    """A rule's findings held in memory (they already carry their suggestions)."""

    def bare(self) -> list[FindingRow]:
        return list(self)

    def suggest(self, rows: list[FindingRow]) -> list[FindingRow]:
        return rows


class LazyIndex:
    """Builds the ArchiveIndex on first use (one thread builds, the others wait)."""

    def __init__(self, store) -> None:
        self._store = store
        self._index: ArchiveIndex | None = None
        self._lock = threading.Lock()
        self._started = False

    def get(self) -> ArchiveIndex:
        if self._index is None:
            with self._lock:
                if self._index is None:
                    self._index = ArchiveIndex.build(self._store.iter_documents())
        return self._index

    def ready(self) -> bool:
        return self._index is not None

    def start(self) -> None:
        """Build in a background thread (once): the server answers document pages and
        searches at once; pages that need people or findings wait for the build."""
        with self._lock:
            if self._started or self._index is not None:
                return
            self._started = True
        threading.Thread(target=self.get, name="witness-index", daemon=True).start()

    def ready_or_start(self) -> bool:
        if self._index is None:
            self.start()
            return False
        return True

    def refresh(self) -> None:
        """Drop the index; the next request rebuilds it (after an ingest or a curation)."""
        with self._lock:
            self._index = None
            self._started = False
