"""When an MIA page says its text was written: a dateline at the head of the text, at its
foot (a signature and a place), or a letter's.

These are the dates a text gives itself, as opposed to those of its header block
(mia_record.py reads those): "London / October 8, 1885" over the first paragraph, "Karl Marx /
London, January 1859" under the last, "London, 20 June, 1873" over a letter.
"""

from __future__ import annotations

import re

from ..record import RecordBuilder, clean, parse_date
from .textbuild import classes, inline_text

# A word of a signature or a place line: capitalised ("Moscow", "ZINOVIEV"), an initial, a particle.
_SIGNATURE_WORD = re.compile(r"^(?:[A-Z][\w’'\-]*|[A-Z]\.(?:[A-Z]\.?)*|de|von|van|der|la|le|du|y|[-–—])$")
_CLOSING_SOURCE = re.compile(r"^(?:first\s+)?published\s+(?:in|according)\b", re.I)
_NOTE_START = re.compile(r"^(?:[\[(]?\d{1,3}[\])]?\.?|[*†‡]+)\s")
_DATELINE = re.compile(r"^\[?[A-Z][\w\- ]{1,30}\]?,?\s+.{0,40}\d{4}\.?$")
_LETTER = re.compile(r"[^\W\d_]")
_SAYS_UPDATED = re.compile(r"\bupdated\b", re.I)


def datelines(page, rb: RecordBuilder, body_paras: list[str], tail_paras: list[str], is_letter: bool) -> None:
    """Fill ``rb``'s written date from the text's own datelines, if the header gave none."""
    if is_letter:
        _letter_dateline(page, rb, body_paras)
    elif body_paras:
        _opening_dateline(rb, body_paras)
    _closing_dateline(page, rb, tail_paras)


def _letter_dateline(page, rb: RecordBuilder, body_paras: list[str]) -> None:
    """A letter's date: its dateline ("London, 20 June, 1873"), before or at the top of the body."""
    for el in page.header_headings:
        t = inline_text(el)
        if _DATELINE.match(t) and rb.written(t, t):
            return
    for para in body_paras[:3]:
        if len(para) < 90 and parse_date(para) and rb.written(para, para):
            return
    for el in page.date_ps:         # <p class="date">January 27, 1956</p> over "Dear Sir:"
        t = inline_text(el)
        if len(t) < 90 and parse_date(t) and rb.written(t, t):
            return


def _opening_dateline(rb: RecordBuilder, body_paras: list[str]) -> None:
    """A text that opens with where and when it was written ("London / October 8, 1885")."""
    para = clean(body_paras[0].replace("\n", " "))
    d = date_line(para)
    # (Not "(Die Presse, July 7, 1862)": a citation of where it appeared.)
    if d and len(d[0]) == 10 and not para.startswith("(") and para.replace(d[1], "").strip(" ,.[]"):
        rb.written(d[1], para)


def _closing_dateline(page, rb: RecordBuilder, tail_paras: list[str]) -> None:
    """A text signed and dated at its end ("Frederick Engels / London, June 16, 1891",
    "G. ZINOVIEV / Moscow, / July 7th, 1924.", "June 15, 1979") was written on that date."""
    if rb.rec.written is not None:
        return
    updat, dated = [], []                      # (one pass over the page's paragraphs for both)
    for el in page.body.iter("p"):
        cls = classes(el)
        if "updat" in cls:
            updat.append(el)
        if "date" in cls and el not in page.date_ps:
            dated.append(el)
    # ("February 24, 1946" set as p.updat at the text's end: its dateline, not a last update)
    closing = [t for el in updat if (t := clean(inline_text(el))) and len(t) < 100 and not _SAYS_UPDATED.search(t)]
    if closing:
        tail_paras = [*tail_paras, closing[-1]]
    if dated and _closing_date_p(rb, clean(inline_text(dated[-1])), tail_paras):
        return
    if len(page.sig_ps) > 1:
        return              # several signed texts on one page (the Manifesto's prefaces)
    if page.sig_ps and _signed_date(rb, clean(inline_text(page.sig_ps[0]))):
        return              # the signature MIA marks as such (p.sig), whatever notes follow it
    if len(tail_paras) < 2:
        return
    for para in reversed(tail_paras[1:]):      # (the first may be the text's only paragraph)
        if _CLOSING_SOURCE.match(para) and len(para) < 400:
            # The Lenin library's closing note ("Published in 1918 in the pamphlet: …"),
            # read when the header named no publication.
            if not rb.has_source_line():
                rb.info_line(para.split("\n")[0])
            continue
        if len(para) > 100:
            if _NOTE_START.match(para):
                continue    # a footnote after the signature
            return          # text after it: a date inside the text, not its close
        if _signed_date(rb, para):
            return


def _closing_date_p(rb: RecordBuilder, t: str, tail_paras: list[str]) -> bool:
    """A month set as MIA's date line (``p.date``, its text `t`) at the text's end ("May 1918"
    under the last paragraph): the page marks it a date, so it is the text's, as a bare closing
    month in a plain paragraph is not (_signed_date)."""
    last = {clean(" ".join(p.split())) for p in tail_paras[-3:]}
    d = date_line(t)
    # (Not "Il Risveglio (Geneva), December 1929": the paper's issue, as in _signed_date.)
    return bool(t in last and d and len(d[0]) == 7 and "(" not in t and rb.written(d[1], t))


def _signed_date(rb: RecordBuilder, para: str) -> bool:
    # (A bare closing "March 1924" is as often the date as the writing's: a day, or a
    # month after a place or signature, "London, January 1859" — not after a paper's name,
    # "Il Risveglio (Geneva), October 1927".)
    d = date_line(para, words=6, longest=100)
    if d and (len(d[0]) >= 10 or (len(d[0]) == 7 and "(" not in para and _LETTER.search(para.replace(d[1], "")))):
        return rb.written(d[1], para)
    return False


def date_line(text: str, words: int = 5, longest: int = 80) -> tuple[str, str] | None:
    """The date of a line that is a date, or a place and a date ("Highgate Cemetery, London.
    March 17, 1883"), or a signature and a date ("G. ZINOVIEV / Moscow, / July 7th, 1924."):
    besides the date at most `words` words, each capitalised, an initial or a particle."""
    if len(text) > longest:
        return None
    d = parse_date(text)
    if d is None:
        return None
    rest = [w for w in re.split(r"[\s,.;:()\[\]]+", text.replace(d[1], " ")) if w]
    return d if len(rest) <= words and all(_SIGNATURE_WORD.match(w) for w in rest) else None


def closing_citation(tail_paras: list[str], iso: str | None) -> bool:
    """Does a short closing line give the month `iso` as a paper's issue does ("Malatesta / Il
    Risveglio (Geneva), / October 1927" under the heading "(October 1927)")?  Then the heading
    dates that issue.  (A closing day, "for the SWP Minority / November 15, 1945", is a dateline,
    as _signed_date reads one.)"""
    return iso is not None and len(iso) < 10 and any(
        len(p) < 120 and (d := parse_date(p)) is not None and d[0] == iso for p in tail_paras[-3:])


def header_cites(lines: list[str], iso: str | None) -> bool:
    """Does a header line date a publication in the heading's month ("(January 1941)" over
    "Originally published in New Leader (London), 4 January 1941")?  Then the heading dates
    that publication, not the writing."""
    return iso is not None and len(iso) >= 7 and any(
        _PUBLICATION_LINE.match(line) and (d := parse_date(line)) is not None and d[0].startswith(iso[:7])
        for line in lines)


# A line that says where the text appeared (not "Speech: delivered in August 1934").
_PUBLICATION_LINE = re.compile(r"^(?:(?:first|originally|also)\s+)?(?:published|printed|appeared|reprinted)\b", re.I)
