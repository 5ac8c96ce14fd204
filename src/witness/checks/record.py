"""Checks on the bibliographic record (header): findings here use start = end = 0 and name the
field in their message."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from .base import Context, rule

# How the header fields are called on the page, for messages volunteers recognise.
FIELD_LABELS = {
    "last_updated": "Last updated",
    "date": "date of first publication",
    "written": "Written",
    "periodical": "Source",
    "title": "title",
    "transcribed_by": "Transcription",
    "marked_up_by": "Markup",
    "proofread_by": "Proofread",
    "translated_by": "Translated",
    "rights": "Public Domain / Copyleft",
    "publisher": "Publisher",
}


_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
# "(June/July 1930)", "(1963/1978)", "(May-June 1970)", "(January–April 1956)"
_RANGE = re.compile(r"[^\W_]\s*[/–—-]\s*[^\W_]")
# "Selected Writings and Speeches, 1920-1928", "Polemical articles 1924-1931"
_YEAR_RANGE = re.compile(r"\b(1[5-9]\d\d|20\d\d)\s*[-–—]\s*(\d{2,4})\b")


def _common_precision(a: str, b: str) -> tuple[str, str]:
    n = min(len(a), len(b))
    return a[:n], b[:n]


def _is_range_start(year: int, source_text: str | None) -> bool:
    """The source's year is only the start of a span printed in the source line (a book's
    "1920-1928" in its title): not a publication date to compare with."""
    for m in _YEAR_RANGE.finditer(source_text or ""):
        if int(m.group(1)) == year:
            return True
    return False


@rule("date-conflict", "warning",
      "the heading date is later than the source line's date (it should never be)")
def date_conflict(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A heading dated later than its source line, compared at their common precision.

    A heading *earlier* than the source is left alone: the heading often gives the date of
    writing or of first publication while the source line cites a later reprint or
    collection (measured on the corpus: 615 such pairs, the great majority legitimate).
    """
    rec = doc.record
    if not rec.heading_date or not rec.date:
        return
    a, b = _common_precision(rec.heading_date, rec.date)
    if len(a) < 4 or a <= b:
        return
    heading = rec.heading_date_text or rec.heading_date
    source = rec.date_text or rec.date
    if _RANGE.search(heading.strip("()[] ")):
        years = [int(y) for y in _YEAR.findall(heading)]
        if years and min(years) <= int(b[:4]) <= max(years):
            return  # a heading spanning several dates that include the source's
        if len(years) > 1 or not years:
            return
    if _is_range_start(int(b[:4]), rec.source_text):
        return
    if a[:4] != b[:4] and a[:4] in (rec.source_text or ""):
        return  # the source line itself names the heading's year (a second edition, a series)
    yield Finding("date-conflict", "warning", 0, 0,
                  f"Header: the heading date “{heading}” is later than the source line’s date "
                  f"“{source}”; one of them is probably wrong — check both against the original")


@rule("empty-field", "info", "a header field present but empty (“Last updated on”)")
def empty_field(doc: Document, ctx: Context) -> Iterator[Finding]:
    for name in doc.record.empty_fields:
        label = FIELD_LABELS.get(name, name.replace("_", " "))
        yield Finding("empty-field", "info", 0, 0,
                      f"Header: the “{label}” field is present but empty; fill it in or remove it")
