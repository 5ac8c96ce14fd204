"""Per-person timelines across documents.

Items are tuples ``(claim, document_id, document_title, document_date[, quote])`` (or
``ClaimItem``); ``items_from_document(doc)`` builds them with the evidence quote filled in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..model import Claim, Document
from .dates import parse_iso


@dataclass
class ClaimItem:
    claim: Claim
    document_id: str
    document_title: str | None
    document_date: str | None
    quote: str | None = None      # document text at claim.evidence


@dataclass
class TimelineEntry:
    subject: str
    predicate: str
    object: str | None
    certainty: str
    attributed_to: str | None
    date: str | None              # the claim's own date, else its document's date
    dated: bool                   # False: the text gives no date, `date` is the document's
    quote: str | None
    document_id: str
    document_title: str | None
    document_date: str | None
    claim: Claim
    also_in: list[str] = field(default_factory=list)   # other copies of the text (set by the archive)


def as_item(item) -> ClaimItem:
    if isinstance(item, ClaimItem):
        return item
    return ClaimItem(*item)


def items_from_document(doc: Document, claims: Iterable[Claim] | None = None) -> list[ClaimItem]:
    date = doc.record.date or doc.record.heading_date
    return [ClaimItem(c, doc.id, doc.record.title, date, doc.text[c.evidence.start:c.evidence.end])
            for c in (doc.claims if claims is None else claims)]


def date_key(iso: str | None) -> tuple:
    """Sort key: earliest day the reduced-precision date can mean; undated last."""
    p = parse_iso(iso)
    if p is None:
        return (1, 9999, 99, 99)
    return (0, p[0], p[1] or 0, p[2] or 0)


def build_timeline(items, subject: str | None = None) -> list[TimelineEntry]:
    """Every claim (about `subject`, if given) in date order; undated claims take their
    document's date and are marked ``dated=False``.  At equal dates, claims dated by the text
    come before those placed by their document, then by document and position."""
    out = []
    for raw in items:
        it = as_item(raw)
        c = it.claim
        if subject is not None and c.subject != subject:
            continue
        out.append(TimelineEntry(
            subject=c.subject, predicate=c.predicate, object=c.object, certainty=c.certainty,
            attributed_to=c.attributed_to, date=c.date or it.document_date, dated=c.date is not None,
            quote=it.quote, document_id=it.document_id, document_title=it.document_title,
            document_date=it.document_date, claim=c))
    out.sort(key=lambda e: (date_key(e.date), not e.dated, e.document_id, e.claim.evidence.start))
    return out
