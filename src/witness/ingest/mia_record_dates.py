"""Which of an MIA record's dates is which, once its header is read: a banner year or an
edition's preface as the publication, a speech's heading day as its delivery, an editor's opening
note as the periodical's issue, a heading date as the day the text was written."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Record
from ..record import day_of_speech, names_a_day
from ..record_dates import day_in_year, folder_year, heading_as_written
from ..sourceline import delivered_in_note, periodical_in_note
from .mia_datelines import closing_citation, header_cites
from .mia_titles import info_lines

LONE_YEAR = re.compile(r"(?<![\d\-–/])(?<!of )(?<!in )(?<!since )(?<!after )(?<!from )(?<!to )"
                        r"(1[5-9]\d\d|20\d\d)\)?\.?\s*$")
_EDITION_PREFACE = re.compile(r"^(?=.*\b(?:preface|introduction|foreword|afterword|postscript)\b)(?=.*\bedition\b)"
                              r".*?(?<![\d\-–/])(?P<year>1[5-9]\d\d|20\d\d)(?![\d\-–/])", re.I)
_SPEECH_TITLE = re.compile(r"^(?:[\w.’' ]{1,40}[’']s?\s+)?(?:speech|address|lecture|remarks|talk)\b", re.I)


@dataclass
class Dated:
    """What the header reader learned on the way that dates the text."""
    title_raw: str | None           # the <title> as printed
    work_year: tuple[str, str] | None   # a banner's year ("Karl Marx 1859"), with its text
    title_day: str | None           # "March 7" under a congress's speech
    reprint_dropped: bool           # the header's only dated source was a later reprint
    is_letter: bool


def _misprinted_year(rec: Record, path: str) -> bool:
    """Is the source's day the heading's with another year, the heading's being the folder's
    ("(7 October 1995)" in folder 1995 over "Socialist Worker, No. 1463, 7 October 1963")?  The
    same day and month of another year is the source line's misprint, not a reprint's day."""
    h, pub = rec.heading_date, rec.date
    return bool(h and pub and len(h) == len(pub) == 10 and h[4:] == pub[4:] and h[:4] != pub[:4]
                and h[:4] == folder_year(path))


def settle_dates(rec: Record, p, d: Dated, body_paras: list[str], tail_paras: list[str]) -> None:
    if _misprinted_year(rec, p.rel):
        rec.date, rec.date_text = rec.heading_date, rec.heading_date_text
    early = [b for b in p.info_blocks
             if p.first_long is None or p.order.get(b, 0) < p.first_long]
    if d.work_year is None and not early:
        year = LONE_YEAR.search(d.title_raw or "")     # (as printed: "of\n1859" is no "of 1859")
        if year:
            d.work_year = (year.group(1), year.group(1))
    if rec.date is None and not early and (m := _EDITION_PREFACE.match(rec.title or "")):
        rec.date, rec.date_text = m.group("year"), rec.title
    if rec.date is None and d.work_year is not None and (not early or (d.reprint_dropped and not d.is_letter)) \
            and not (rec.written and rec.written[:4] == d.work_year[0]):
        # (A banner year that is the year the text was written or delivered is no publication.)
        # (Also when the header's only dated source is a later book: "Karl Marx 1859" over
        # "Source: …, Progress Publishers, Moscow, 1977".)
        rec.date, rec.date_text = d.work_year
    if rec.written is None and rec.date is None and names_a_day(rec.heading_date, rec.heading_date_text) \
            and _SPEECH_TITLE.match(rec.title or ""):
        # A speech with no source: the day its heading gives is the day it was delivered.
        rec.written, rec.written_text = day_of_speech((rec.heading_date, rec.heading_date_text or ""),
                                                      d.title_day)
    if rec.written is None and rec.date is None and (on := day_in_year(d.title_day, rec.heading_date, p.rel)):
        rec.written, rec.written_text = on
    if rec.periodical is None and (note := next(filter(None, map(periodical_in_note, body_paras[:2])), None)):
        # Only the editor's note opening the text says where it appeared ("… was published
        # in the Daily Worker on June 26, 1928"): its date, else the heading's (of the year the
        # record gives), is that issue's — not the later book's the header cites.
        rec.periodical, dated = note
        if dated:
            rec.date, rec.date_text = dated
        elif rec.heading_date and (rec.date is None or rec.date == rec.heading_date[:4]):
            rec.date, rec.date_text = rec.heading_date, rec.heading_date_text
    if rec.written is None and (spoken := next(filter(None, map(delivered_in_note, body_paras[:2])), None)):
        rec.written, rec.written_text = spoken      # "This review … was originally presented …, May 4, 1967."
    if rec.written is None and heading_as_written(rec.heading_date, rec.heading_date_text, rec.date, p.rel,
                                                  rec.title) and not closing_citation(tail_paras, rec.heading_date) \
            and not header_cites([ln for b in p.info_blocks for ln, _ in info_lines(b)], rec.heading_date):
        # (A congress's "MARCH 6-8, 1918" over a speech's "… March 8": that day.)
        rec.written, rec.written_text = day_of_speech((rec.heading_date, rec.heading_date_text or ""), d.title_day) \
            if d.title_day else (rec.heading_date, rec.heading_date_text)
