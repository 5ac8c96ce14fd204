"""Where an MIA page's chapter stands, read from the page itself for choosing its title
(``mia_titles.choose_title`` decides; these find the facts it decides from).

A chapter's heading just below the header's rule under the book's (``chapter_after_rule``); a
heading that is only a label and the real title after it (``label_sequel``); the text's own
numbered sections (``numbered_sections``); a chapter the description names whose heading stands
below the text's opening (``described_chapter``); the front or back matter the ``<title>`` names
after the book (``labelled_part``).
"""

from __future__ import annotations

import re

from ..record import MONTH_NAMES, clean
from .mia_titles import (LABEL_LINE, NUMBER_WORD, NUMERAL, heading_lines, heading_text, is_title_tag, join_label,
                         names_book, norm)
from .textbuild import inline_text, tc as _tc


def chapter_after_rule(headings: list, order: dict, body, info_blocks: list, title_tag: str) -> str | None:
    """The heading just below the header's rule when the headings above it are the book
    the <title> names and no header block stands between: a chapter's title.

    A bare number just below the rule with the chapter's heading right after it ("TWO" /
    "The Aims of the Bolsheviks", "3" / "Report On The Party Programme") is returned itself:
    ``label_sequel`` reads the pair.  The <title> may name the chapter after the book
    ("Foundations of Christianity (2. After the Exile 2)") when the chapter's heading holds
    every word of that parenthesis."""
    hs = [h for h in headings if h in order]
    if len(hs) < 2:
        return None
    rule = next((order[h] for h in body.iter("hr") if order.get(h, -1) > order[hs[0]]), None)
    before = [h for h in hs if order[h] < (rule or -1)]
    after = [h for h in hs if rule is not None and order[h] > rule]
    if not before or not after:
        return None
    head, label = after[0], None
    if _BARE_NUMBER.match(heading_text(head)) and len(after) > 1 and after[1].tag in ("h1", "h2", "h3") \
            and _next_heading(head) is after[1]:
        label, head = after[0], after[1]        # "TWO" / "The Aims of the Bolsheviks"
    if head.tag not in ("h1", "h2", "h3"):
        return None
    if any(rule < order.get(b, 0) < order[head] for b in info_blocks):
        return None
    chapter = heading_text(head)
    if LABEL_LINE.match(chapter) and sum(1 for h in body.iter(head.tag)
                                          if LABEL_LINE.match(inline_text(h).strip())) > 1:
        return None         # "Chapter V" … "Chapter VI": a part holding several chapters
    if is_title_tag(title_tag, chapter, sides=True) or not any(
            names_book(title_tag, heading_text(h), chapter)
            for h in before if h.tag in ("h1", "h2", "h3") or label is not None and h.tag == "h4"):
        return None
    if label is None:
        return chapter
    paired = label_sequel(hs)
    if paired and paired[0] != heading_text(label) and paired[1] == chapter:
        return None     # "Section Three" above the rule, then "3" / the title: label_sequel reads them
    if re.match(r"^\d", heading_text(label)):
        # (A number in figures is no title candidate: the heading after it is, unless it ends
        # with the day of a speech, which label_sequel reads.)
        return None if _DATE_TAIL.search(chapter) else chapter
    return heading_text(label) if paired and paired[0] == heading_text(label) else chapter


# A number alone, in figures or words ("3", "TWO"): a chapter's or a document's number.
_BARE_NUMBER = re.compile(rf"^(?:\d{{1,3}}|{NUMBER_WORD})\.?$", re.I)
def _next_heading(el):
    """The heading right after `el` with no text between (an anchor may stand there)."""
    for sib in el.itersiblings():
        if sib.tag in _LEVEL:
            return sib
        if sib.tag in _TEXT_BLOCKS and clean(_tc(sib)) or sib.tag == "div":
            return None
    return None


# A heading that only labels the page's place in a book ("Section Six", "Appendix", "Lecture 6").
_ONLY_LABEL = re.compile(rf"^(?:(?:chapter|chap\.|part|book|section|lecture|appendix|annex|supplement|addendum)"
                         rf"(?:\s+(?:[IVXLC]+|\d{{1,3}}|[A-Z]|{NUMBER_WORD}))?|preface|introduction|foreword|"
                         rf"afterword|postscript|conclusion|epilogue|prologue|[IVXLC]+|\d{{1,3}}|{NUMBER_WORD})\.?$", re.I)
_NOTE_HEADING = re.compile(r"^(?:author[’']s\s+|editor[’']s\s+|editorial\s+|transcriber[’']s\s+)?"
                           r"(?:foot|end)?notes?:?$|^references$|^top of the page$", re.I)
# "… March 8", "… March 8 (Evening)", "… December 22, 1920": the day a speech was made.
_DATE_TAIL = re.compile(rf"\s+(?P<day>(?:{'|'.join(MONTH_NAMES)})\s+[0-3]?\d(?:,?\s+(?:1[89]|20)\d\d)?)"
                        r"(?:\s*\((?:morning|afternoon|evening|night)\))?$", re.I)
# "Document No. 1", "Annex B": a label too, under the page's label.
_NUMBERED_LABEL = re.compile(r"^[^\W\d_][\w’']*\.?\s+(?:No\.?\s*)?(?:\d{1,3}|[IVXLC]+|[A-Z])\.?$")
_TEXT_BLOCKS = ("p", "blockquote", "table", "ul", "ol", "pre", "dl")
_LEVEL = {f"h{n}": n for n in range(1, 7)}


def label_sequel(headings: list) -> tuple[str, str, str, str | None] | None:
    """The page's title when its heading is only a label and the real title is the heading
    after it: (label, that heading's text, the title, the day it ends with), or None.

    "Chapter One" / "Value as an Economic Category" gives "Chapter One: Value as an Economic
    Category", as the annotators were told to cite a chapter.  Under a label, a heading that ends
    with a day ("Report On The Work Of The Council Of People’s Commissars December 22") or that
    follows its own number ("6" / "Addendum To The Resolution On War And Peace") is a document of
    a collection (a congress's speeches and resolutions): the label is only the archive's
    numbering, and the document is cited by its own title, without the day.
    """
    for label in headings:
        if label.tag not in _LEVEL or not _ONLY_LABEL.match(heading_text(label)):
            continue
        # ("3" / "Report On The Party Programme": a number in figures alone is the archive's
        # numbering of a collection's documents, as "6" under "Section Six".)
        numbered, sequel = bool(re.match(r"^\d{1,3}\.?$", heading_text(label))), None
        for el in label.itersiblings():
            if el.tag in _LEVEL:
                text = heading_text(el)
                if NUMERAL.match(text):
                    numbered = True         # "Section Six", a rule, "6", the document's title
                    continue
                sequel = el
                break
            if el.tag in _TEXT_BLOCKS and clean(_tc(el)) or el.tag == "div":
                break           # the text has begun: the label heads it alone
        if sequel is None:
            return None
        text = heading_text(sequel)
        if (not re.search(r"[^\W\d_]{3}", text) or LABEL_LINE.match(text) or _NUMBERED_LABEL.match(text)
                or _ONLY_LABEL.match(re.sub(r"^(?:an?|the)\s+", "", text, flags=re.I)) or _NOTE_HEADING.match(text)
                or text.startswith(("(", "[")) or re.match(r"^by\s", text, re.I)
                or _LEVEL[sequel.tag] > _LEVEL[label.tag] + 2):
            return None     # "Document No. 1", "(Why We Are Communists)", an h4 section under an h1
        dated = _DATE_TAIL.search(text)
        if dated or numbered:
            return heading_text(label), text, text[:dated.start()] if dated else text, \
                dated.group("day") if dated else None
        if any(heading_text(h) and not _NOTE_HEADING.match(heading_text(h)) and not NUMERAL.match(heading_text(h))
               for h in sequel.itersiblings(sequel.tag)):
            return None     # "“Centrist” organisations" … "Maoist organisations": the text's sections
        return heading_text(label), text, f"{heading_text(label).rstrip('.')}: {text}", None
    return None


def numbered_sections(body) -> int:
    """How many of the body's headings are a bare number ("1", "II.", "A")."""
    return sum(1 for h in body.iter("h2", "h3", "h4", "h5", "h6") if NUMERAL.match(inline_text(h)))


# "Paul Foot: Stop the Cuts (4. Why can't Labour help us?)": a description naming the book, then
# the chapter the page holds by its number and title.
_DESCRIBED_CHAPTER = re.compile(r"^(?:[^:]*:\s*)?(?P<book>.+?)\s*\(\d{1,3}\.\s*(?P<chapter>[^()]{3,120})\)$")


def described_chapter(description: str | None, title: str | None, body) -> str | None:
    """The chapter's heading when the title read is the book and the description names the
    chapter, whose heading stands below the text's opening (an epigraph, a part's introduction)
    rather than in the header: the first heading printing that chapter's title."""
    m = _DESCRIBED_CHAPTER.match(description or "")
    if not m or not title or norm(m["book"]) != norm(title):
        return None
    want = norm(m["chapter"])
    for h in body.iter("h1", "h2", "h3", "h4"):
        lines = heading_lines(h)
        if lines and norm(lines[-1]) == want:
            return join_label(lines) if len(lines) > 1 else lines[0]
    return None


# "Working For Wages (Conclusion)", "The Communist Left in Germany 1918-1921: Epilogue": the
# <title> names the book, then the part of it (spelt out, not "Intro") the page holds.
_BOOK_PART_TAG = re.compile(r"(?:\(|:\s*)(?P<part>introduction|preface|foreword|afterword|postscript|conclusions?|"
                            r"epilogue|prologue)\)?$", re.I)


def labelled_part(title_tag: str, title: str | None, body) -> str | None:
    """The title of a book's front or back matter read as the book's: the label the <title> gives
    after the book, as a heading prints it, else as the <title> does."""
    m = _BOOK_PART_TAG.search(title_tag or "")
    book = norm(title_tag[:m.start()].split(":", 1)[-1]) if m else ""    # (past the writer's "Bax + Quelch:")
    if not m or not title or not book or not (book in norm(title) or norm(title) in book):
        return None
    want = norm(m["part"])
    printed = next((t for h in body.iter("h1", "h2", "h3", "h4") if norm(t := heading_text(h)) == want), None)
    return printed or m["part"]
