"""Bulk exports: CSV (one row per document: its record) and JSON Lines (the document JSON).

Both stream (documents are not held in memory) and write atomically (temp file + rename).
CSV cells are neutralised as OWASP recommends against formula injection (a title such as
``=HYPERLINK(…)`` or ``@SUM(…)`` is text in a spreadsheet, not a formula): every cell is
quoted, inner quotes doubled, and a cell that starts with = + - @, a tab, CR, LF or NUL
(or their full-width forms) gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import json
import os
from dataclasses import fields
from pathlib import Path
from typing import Iterable

from ..creators import display
from ..model import Document, Record

LIST_SEP = "; "
# What makes a spreadsheet read a cell as a formula (OWASP "CSV Injection"; ASVS 1.2.10 adds NUL).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\0", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralize(value):
    """A cell value a spreadsheet shows as text: strings that could start a formula (also after
    leading blanks) get a leading apostrophe; numbers and None pass as they are."""
    if isinstance(value, str) and value and (value.startswith(FORMULA_START)
                                             or value.lstrip(" ").startswith(FORMULA_START)):
        return "'" + value
    return value


def csv_writer(fh, fieldnames):
    """The CSV writer every export uses: all cells quoted (quotes doubled)."""
    return csv.DictWriter(fh, fieldnames=fieldnames, extrasaction="ignore", quoting=csv.QUOTE_ALL)
COLUMNS = ["id", "source_path", "source_format", "source_sha256"] + [
    f.name for f in fields(Record)] + ["notes", "findings", "mentions", "claims"]


def _row(doc: Document) -> dict:
    row = {"id": doc.id, "source_path": doc.source.path, "source_format": doc.source.format,
           "source_sha256": doc.source.sha256, "notes": len(doc.notes),
           "findings": len(doc.findings), "mentions": len(doc.mentions), "claims": len(doc.claims)}
    for f in fields(Record):
        value = getattr(doc.record, f.name)
        if f.name == "creators":      # "role: as printed (pseudonym of …) [entity]"
            value = [f"{c.role}: {display(c)}" + (f" [{c.entity}]" if c.entity else "") for c in value]
        row[f.name] = LIST_SEP.join(value) if isinstance(value, list) else value
    return row


def _atomic(path: Path):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path, path.with_name(path.name + ".tmp")


def export_csv(docs: Iterable[Document], path: Path | str) -> int:
    """UTF-8 CSV with a header row; list fields (authors, credits) are joined with "; "."""
    path, tmp = _atomic(path)
    n = 0
    with open(tmp, "w", encoding="utf-8", newline="", errors="replace") as fh:
        w = csv_writer(fh, COLUMNS)
        w.writeheader()
        for doc in docs:
            w.writerow({k: neutralize(v) for k, v in _row(doc).items()})
            n += 1
    os.replace(tmp, path)
    return n


def export_jsonl(docs: Iterable[Document], path: Path | str) -> int:
    """One document JSON (shared/spec/document-json.md) per line."""
    path, tmp = _atomic(path)
    n = 0
    with open(tmp, "wb") as fh:
        for doc in docs:
            data = doc.to_json()
            try:
                line = json.dumps(data, ensure_ascii=False).encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate: \\u-escape keeps the line valid JSON
                line = json.dumps(data, ensure_ascii=True).encode("ascii")
            fh.write(line + b"\n")
            n += 1
    os.replace(tmp, path)
    return n
