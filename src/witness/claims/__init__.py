"""Claims with source-given certainty, person timelines and contradictions (issue 4, claims.md).

A rumor never becomes a fact: the certainty of a claim comes from the words governing it, and a
hedged cue anywhere in its scope always beats a confirming one (see certainty.py).

API (all offsets are into ``Document.text``):

``extract_claims(doc: Document, nlp=None) -> list[Claim]``
    Uses doc.text, doc.mentions (type "person" with an entity id) and doc.record.date (else
    heading_date) for relative dates.  `nlp`: a spaCy pipeline with a parser; default: the
    cached ``get_parser()`` (en_core_web_sm without NER).  Only sentences with a trigger word and
    a person (or a resolvable pronoun) are parsed.  Does not modify `doc`.
``extract_claims_many(docs, nlp=None, n_process=1, batch_size=64) -> list[list[Claim]]``
    The same for many documents in one ``nlp.pipe`` stream (what ingest should call per batch);
    one list per document, in input order.  A pipeline without a parser is replaced by
    ``get_parser()``.  Set ``doc.claims = …`` yourself.
``build_timeline(items, subject=None) -> list[TimelineEntry]``
    `items`: iterable of ``(claim, document_id, document_title, document_date[, quote])`` tuples
    or ``ClaimItem``; ``items_from_document(doc)`` makes them (quote filled).  Date order;
    undated claims are placed by their document's date with ``dated=False``.
``find_contradictions(items, authority=None, subject=None) -> list[Contradiction]``
    Same items; `authority` has ``.get(id)`` → entry with ``died``/``death_manner`` (object or
    dict; ``witness.authority.load()`` fits).  ``Contradiction(kind, subject, first, second,
    authority, reason)``: kind is ``asserted-vs-denied``, ``after-authority-death`` (second is
    None, authority = {"died", "death_manner"}), ``after-claimed-death`` or ``alive-after-death``
    (first = the dated executed/died claim); first/second are ClaimItems (claim, document id,
    title, date, quote).  Nothing is resolved.
``claim_rows(doc, claims=None) -> list[dict]``, ``write_csv(rows, fp)``, ``write_jsonl(rows, fp)``
    Export, one row per claim with the document citation (columns: export.COLUMNS).

Quality and speed: ``bench/claims.py``, ``docs/quality-claims.md``; gold set ``tests/gold/claims/``.
"""

from .contradictions import Contradiction, find_contradictions
from .export import COLUMNS, citation, claim_rows, write_csv, write_jsonl
from .extract import extract_claims, extract_claims_many, get_parser
from .timeline import ClaimItem, TimelineEntry, build_timeline, items_from_document

__all__ = [
    "extract_claims", "extract_claims_many", "get_parser", "build_timeline", "items_from_document",
    "ClaimItem", "TimelineEntry", "find_contradictions", "Contradiction", "claim_rows",
    "write_csv", "write_jsonl", "citation", "COLUMNS",
]
