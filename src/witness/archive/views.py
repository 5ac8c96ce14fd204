"""What readers see about people, claims and findings, as plain dataclasses: the shapes
the archive layer hands to the CLI, the reading room, the API and the static edition.

Timelines come from `witness.claims.build_timeline` and contradictions from
`witness.claims.find_contradictions`, converted here.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..claims import ClaimItem, build_timeline
from ..model import HEDGED

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
    mentions: int = 0             # of the person whose page lists it
    same_text_as: list[str] = field(default_factory=list)   # the copies a list folds into this one


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
    also_in: list[str] = field(default_factory=list)        # copies of the text saying the same


@dataclass
class ContradictionView:
    entity: str
    entity_name: str
    kind: str                     # asserted-vs-denied | date | after-death | alive-after-death | authority | self-correction
    reason: str
    a: TimelineRow                # the outlier (the sources' example when the authority file is the outlier)
    b: TimelineRow | None         # what it stands against; None when that is the authority file alone
    also: int = 0                 # more claims of the outlier's own source saying the same
    against: int = 1              # how many sources the outlier stands against
    event: str = ""               # what it is about (the consensus's event; a death of any manner is "died")
    key: str = ""                 # the outlier's fingerprint, for verdicts (witness/verdicts.py)
    verdict: Any = None           # verdicts.Verdict in force, if a curator gave one


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
    type: str = "person"
    wikidata: str | None = None           # a curator's link, else the authority file's
    mentions: list[dict] = field(default_factory=list)   # only when asked (witness person)


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
    key: str = ""                 # fingerprint for verdicts (witness/verdicts.py)
    verdict: Any = None           # verdicts.Verdict in force, if a volunteer gave one


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


def outlier_of(c):
    """(the claim that stands out, how many sources it stands against) of a claims.Contradiction;
    when the authority file is what stands out, the sources' example stands in for the claim."""
    return c.first, c.against


def contradiction_views(found, by_claim: dict[int, TimelineRow], name_of) -> list[ContradictionView]:
    """claims.Contradiction → ContradictionView; both sides' timeline rows are flagged."""
    from ..verdicts import contradiction_item
    out = []
    for c in found:
        a = by_claim[id(c.first.claim)]
        b = by_claim[id(c.second.claim)] if c.second is not None else None
        others = [by_claim[id(o.claim)] for o in c.others if id(o.claim) in by_claim]
        for row in (a, b, *others):
            if row is not None:
                row.contradicted = True
        outlier, against = outlier_of(c)
        item = contradiction_item(c.kind, c.subject, outlier.document_id, outlier.quote or "")
        out.append(ContradictionView(c.subject, name_of(c.subject), c.kind, c.reason, a, b,
                                     len(c.others), against, c.consensus.event, item.key))
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
