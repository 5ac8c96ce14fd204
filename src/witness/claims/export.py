"""Claims as flat rows (one per claim, with its document citation) for CSV / JSONL export."""

from __future__ import annotations

import csv
import json
from typing import IO, Iterable

from ..model import Document

COLUMNS = ["document_id", "document_path", "citation", "document_date", "subject", "predicate",
           "object", "date", "place", "certainty", "attributed_to", "evidence_start",
           "evidence_end", "quote"]


def citation(doc: Document) -> str:
    """"Victor Serge, The End of Henry Yagoda, Socialist Appeal, Vol. 1 No. 3, 1937-08-28, p. 9"."""
    r = doc.record
    parts = [", ".join(r.authors) if r.authors else None, r.title, r.periodical]
    if r.volume or r.issue:
        parts.append(" ".join(x for x in (f"Vol. {r.volume}" if r.volume else None,
                                           f"No. {r.issue}" if r.issue else None) if x))
    parts.append(r.date_text or r.date)
    if r.pages:
        parts.append(f"p. {r.pages}")
    return ", ".join(p for p in parts if p)


def claim_rows(doc: Document, claims=None) -> list[dict]:
    """One row per claim of `doc` (doc.claims unless `claims` is given)."""
    rows = []
    for c in (doc.claims if claims is None else claims):
        rows.append({
            "document_id": doc.id, "document_path": doc.source.path, "citation": citation(doc),
            "document_date": doc.record.date or doc.record.heading_date,
            "subject": c.subject, "predicate": c.predicate, "object": c.object, "date": c.date,
            "place": c.place, "certainty": c.certainty, "attributed_to": c.attributed_to,
            "evidence_start": c.evidence.start, "evidence_end": c.evidence.end,
            "quote": doc.text[c.evidence.start:c.evidence.end],
        })
    return rows


def write_csv(rows: Iterable[dict], fp: IO[str]) -> int:
    w = csv.DictWriter(fp, fieldnames=COLUMNS, extrasaction="ignore")
    w.writeheader()
    n = 0
    for row in rows:
        w.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in COLUMNS})
        n += 1
    return n


def write_jsonl(rows: Iterable[dict], fp: IO[str]) -> int:
    n = 0
    for row in rows:
        fp.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n
