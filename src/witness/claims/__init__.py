"""Claims with source-given certainty, person timelines and contradictions (issue 4, claims.md).

A rumor never becomes a fact: the certainty of a claim comes from the frames governing it (a plot,
an intention or a demand yields no claim at all), and a hedged frame anywhere in its scope always
beats a confirming one (frames.py, scope.py).

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
``find_contradictions(items, authority=None, subject=None, source_of=None) -> list[Contradiction]``
    Same items; `authority` has ``.get(id)`` → entry with ``died``/``born``/``death_manner``
    (``witness.authority.load()`` fits); `source_of` maps a document id to its source (duplicate
    texts are one source).  For each person and once-only event, the consensus of the sources and
    the authority file, and each outlier claim flagged once against it: ``Contradiction(kind,
    subject, outlier, consensus, against, reason, others)`` with kind ``asserted-vs-denied``,
    ``date``, ``after-death``, ``alive-after-death``, ``authority`` (the file is the outlier) or
    ``self-correction``; ``first``/``second`` give the outlier and the consensus's example claim.
    Most-contested first.  Nothing is resolved.
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
