"""Which heading of an MIA page is its title, and which the work (the book) it belongs to.

A chapter page's ``h1`` is often the book and the heading after it the chapter; a book's
headings can stand above the header rule and the chapter's below it; the ``<title>`` tag and
the breadcrumbs say which.  ``choose_title`` decides from the headings and a ``TitleFacts``
of the page (its ``<title>``, description, breadcrumbs, the chapter below the header's rule),
which the header reader (``mia_record.HeaderReader``) gathers with the finders of
``mia_chapters``; it returns the work with the title instead of setting it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..record import clean
from .textbuild import classes as _classes, inline_text, tc as _tc

# ("PART FIVE (§3)": a label with the section of it the page holds, still only a label.)
LABEL_LINE = re.compile(r"^(?:chapter|chap\.|part|book|section|lecture|letter|article)\s+[\w\-]+\.?(?:\s*\(§\s*\d{1,3}\))?$"
                         r"|^[IVXLC]+\.?$|^\d{1,3}\.?$", re.I)
NUMERAL = re.compile(r"^(?:[IVXLC]+|\d{1,3}|[A-Z])\.?$")
_CHAPTERISH = re.compile(r"^(?:chapter|chap\.|part|book|section|appendix|preface|introduction|foreword|"
                         r"afterword|postscript|lecture|letter|article)\b|^(?:[IVXLC]+|\d{1,3})[.:)\s–-]", re.I)
NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)(?:[-\s](?:one|two|three|four|five|"
                r"six|seven|eight|nine))?")
_CHAPTER_HEAD = re.compile(rf"^(?:chapter|chap\.)\s+(?:[IVXLC]+|\d{{1,3}}|{NUMBER_WORD})\b", re.I)
# A part or book of a work groups chapters: the chapter under it is the page's title.
_PART_HEAD = re.compile(rf"^(?:part|book)\s+(?:[IVXLC]+|\d{{1,3}}|{NUMBER_WORD})\b", re.I)


def heading_lines(el) -> list[str]:
    """A heading's lines (split at <br>), without its note calls ("…Bonaparte[39]")."""
    return [line for line, _ in info_lines(el, calls=False)]


_CALL_TEXT = re.compile(r"^[\[(]?\s*(?:\d{1,3}[a-z]?|[*†‡]+)\s*[\])]?$")


def _is_call(el) -> bool:
    """A note call: a superscript, or an in-page link whose text is a marker ("[39]", "2", "*")."""
    if el.tag == "sup":
        return True
    return el.tag == "a" and (el.get("href") or "").startswith("#") and bool(_CALL_TEXT.match(clean(_tc(el))))


def is_label(line: str) -> bool:
    """Is the line only a chapter's or part's label ("CHAPTER III", "Part 2", "IV.")?"""
    return bool(LABEL_LINE.match(line))


def join_label(lines: list[str]) -> str:
    """"CHAPTER III" / "Family or Consanguine Collectivism" → "CHAPTER III: Family or …"."""
    if LABEL_LINE.match(lines[0]):
        return f"{lines[0].rstrip('.')}: {' '.join(lines[1:])}"
    return " ".join(lines)


def _label_joined(titles: list[tuple[str, str]], k: int) -> tuple[str, set[int]]:
    """Title k, joined by the heading after it when it is a label ("PART THREE" / "The French
    Revolution" → "PART THREE: The French Revolution"), and the indices it took."""
    if LABEL_LINE.match(titles[k][1]) and k + 1 < len(titles):
        return join_label([titles[k][1], titles[k + 1][1]]), {k, k + 1}
    return titles[k][1], {k}


def norm(s: str) -> str:
    return re.sub(r"\W+", " ", s.casefold()).strip()


def _similar_in(needle: str, hay: str) -> bool:
    n = norm(needle)
    return bool(n) and n in norm(hay)


def _similar(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    return bool(a and b) and (a == b or a.startswith(b) or b.startswith(a))


def info_lines(block, calls: bool = True) -> list[tuple[str, tuple]]:
    """A free-text header block split at <br> and paragraph breaks, each line with its
    emphasised phrases (without note calls unless `calls`)."""
    out: list[tuple[str, tuple]] = []
    cur: list[str] = []
    marks: list[str] = []

    def flush():
        line = " ".join("".join(cur).split())
        if line:
            out.append((line, tuple(m for m in marks if m in line)))
        cur.clear()
        marks.clear()

    def walk(el, top=False):
        if isinstance(el.tag, str) and el.tag not in ("script", "style") and (calls or top or not _is_call(el)):
            if el.tag == "br":
                flush()
            else:
                if el.tag in ("strong", "b", "em", "i") and clean(_tc(el)):
                    marks.append(clean(_tc(el)))
                if el.text:
                    cur.append(el.text)
                for c in el:
                    walk(c)
        if not top and el.tail:
            cur.append(el.tail)

    walk(block, top=True)
    flush()
    return out


def is_title_tag(title_tag: str, text: str, sides: bool = False) -> bool:
    """Is `text` what the <title> says (or, with `sides`, either side of its first colon:
    "Trotskyism: Counter-Revolution in Disguise")?  Not the "Author:" lead alone."""
    parts = [title_tag] + ([p for p in title_tag.split(":", 1)] if sides and ":" in title_tag else [])
    if not sides and ":" in title_tag:
        parts.append(title_tag.split(":", 1)[1])
    n = norm(text)
    return bool(n) and any(n == norm(p) for p in parts)


# "Foundations of Christianity (2. After the Exile 2)": the book, then its chapter's number and
# short title (and the page's part of it).
_CHAPTER_PAREN = re.compile(r"\s*\((?P<n>\d{1,3}|[IVXLC]+)\.\s*(?P<short>[^()]+?)(?:\s+\d{1,2})?\)$")
_LEAD_NUMBER = re.compile(r"^(?:chapter\s+|chap\.\s*)?(\d{1,3}|[IVXLC]+)[.:]\s", re.I)


def _number(s: str) -> int:
    """"12" or "XII" as a number."""
    if s.isdigit():
        return int(s)
    vals = [{"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}[c] for c in s.upper()]
    return sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))


def names_book(title_tag: str, text: str, chapter: str, sides: bool = True) -> bool:
    """Is the heading `text` the book the <title> names: the whole <title> (or a side of its
    colon), or the <title> before a parenthesis naming `chapter`, the heading below the header's
    rule, by its number and words ("(3. Roman Thought 1)" over "III. Thought and Sentiment in
    the Age of the Roman Empire") or as its whole ("(1. Why we need Marxist theory)")?  (Not a
    part's heading whose words hold the chapter's: "THE SPLIT IN THE SOCIAL-DEMOCRATIC DUMA
    FRACTION" under "(13. The Split)".)  Without `sides`, not the writer the <title> names
    before its colon ("E. Belfort Bax: Outlooks From a New Standpoint (1. …)"); never a heading
    holding the chapter's own (an unclosed h4 running over the book's and the chapter's)."""
    if norm(chapter) in norm(text):
        return False
    if is_title_tag(title_tag, text, sides=sides):
        return True
    m = _CHAPTER_PAREN.search(title_tag or "")
    if not m or not is_title_tag(title_tag[:m.start()], text, sides=sides):
        return False
    words, held = norm(m["short"]).split(), norm(chapter).split()
    if not words or not all(w in held for w in words):
        return False
    lead = _LEAD_NUMBER.match(chapter)
    return (lead is not None and _number(lead[1]) == _number(m["n"])) or words == held


def heading_text(el) -> str:
    """A heading as the header reader reads it: its lines joined, without note calls."""
    return clean(" ".join(heading_lines(el)))


@dataclass(frozen=True)
class TitleFacts:
    """What choosing the title reads of a page besides its headings (the header reader gathers it)."""

    title_tag: str                      # the page's <title>, cleaned
    chapter_after_rule: str | None      # see mia_chapters.chapter_after_rule()
    numbered_sections: int              # see mia_chapters.numbered_sections()
    label_sequel: tuple[str, str, str, str | None] | None   # see mia_chapters.label_sequel()
    description: str | None             # <meta name="description">
    root: Any = field(repr=False, compare=False)    # the page, read for its breadcrumbs only
    chapter_file: bool = False          # the page's file is named as a book's chapter ("ch29.htm")

    @cached_property
    def crumbs(self) -> list[str]:
        """The breadcrumbs of p.toplink (found only when a choice needs them)."""
        for p in self.root.iter("p"):
            if "toplink" in _classes(p):
                return [c.strip() for c in inline_text(p).split(">") if c.strip()]
        return []


def choose_title(titles: list[tuple[str, str]], facts: TitleFacts,
                 work: str | None) -> tuple[str | None, list, str | None]:
    """The title among the headings ((tag, text), in order), the headings left over, and the
    work: an h1 that is the book a chapter belongs to gives way to the chapter heading after
    it (and becomes the work, unless `work` already names one); a title that is only a label
    takes the heading after it (see mia_chapters.label_sequel), or the h1 above it that the <title> names as
    the page's own (see _part_of)."""
    title, rest, work = _choose_title(titles, facts, work)
    if facts.label_sequel and title == facts.label_sequel[0]:
        _, sequel, titled, _ = facts.label_sequel
        # (Only when the header reader kept the heading as a title candidate, not as a date or byline.)
        if any(t == sequel for _, t in rest):
            title, rest = titled, [x for x in rest if x[1] != sequel]
    elif title and LABEL_LINE.match(title) and (h1 := next((t for g, t in titles if g == "h1"), None)) \
            and h1 == work and _similar_in(h1, facts.title_tag) and not _CHAPTER_TAG.search(facts.title_tag):
        title, work = _part_of(h1, title, facts.root), None
    return title, rest, work


# "Peter Sedgwick (1934-1983)", "Life and Teachings of Friedrich Engels (1820-1895)": a name's
# years of birth and death after it are no part of the title (the annotators drop them); a span
# of a few years is a period the text is about ("War Communism (1918–1921)", "Twenty Years of
# the Fourth International (1938–1958)") and stays.
_LIFE_DATES = re.compile(r"\s*\((1[6-9]\d\d)\s*[-–]\s*((?:1[6-9]|20)\d\d)\)$")


def without_life_dates(title: str | None) -> str | None:
    """The title without the years of a life that end it, after a capitalised name."""
    if title and (m := _LIFE_DATES.search(title)) and 25 <= int(m[2]) - int(m[1]) <= 105 \
            and re.search(r"\b[A-Z][\w’'\-]*[a-z]$", title[:m.start()]) and title.count("(") == 1:
        return title[:m.start()]
    return title


# A book's front matter, titled by its label alone ("Preface", "Introduction").
_FRONT_MATTER = re.compile(r"^(?:preface|introduction|foreword)\W*$", re.I)
# "Marat (Chap.1)", "A New Champion of Autocracy (Part 1)": the <title> of a book's chapter.
_CHAPTER_TAG = re.compile(r"\((?:chap|ch\.|part|book|section|app|lecture)", re.I)


def _part_of(h1: str, label: str, root) -> str:
    """The title of a text whose h1 names it and a later heading is only a label: the h1 made the
    work a book of chapters ("Chapter 5" under "The 1918 “November Revolution”"), but the
    <title> names the h1 as the page's own (not "Book (Chap.5)"): "Chapter 5: The 1918 …"; a
    part of an article in instalments, as the annotators cite one, "Poland: Crisis of State
    Capitalism (Part I)"; just the h1 when the label is the first of the text's sections
    ("Part 1" … "Part 2", "I" … "II. Human Welfare in Neo-Classical Economics")."""
    if re.match(r"^(?:chapter|chap\.)\s", label, re.I):
        return f"{label.rstrip('.')}: {h1}"
    kind = re.compile(r"^part\s", re.I) if label.lower().startswith("part") else re.compile(
        r"^(?:\[\s*)?(?:[IVXLC]+|\d{1,3})\s*(?:[.:)\]–-]|$)")
    if sum(1 for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6") if kind.match(heading_text(h))) > 1:
        return h1
    return f"{h1} ({label.rstrip('.')})"


def _choose_title(titles: list[tuple[str, str]], facts: TitleFacts,
                  work: str | None) -> tuple[str | None, list, str | None]:
    if not titles:
        return None, [], work
    k = next((k for k, (_, t) in enumerate(titles) if t == facts.chapter_after_rule), None) \
        if facts.chapter_after_rule else None
    if k is not None and k > 0:          # (at 0 it is the first heading: nothing above it)
        # "Trotskyism / Counter-Revolution in Disguise", a rule, "The Communist Party": the
        # book above the rule, the chapter below it.
        tags = [t for t, _ in titles[:k]]
        # (the heading the <title> names as the book, not a byline read as a title: "E.Belfort Bax")
        w = titles[tags.index("h1")] if "h1" in tags else titles[0]
        if _CHAPTER_PAREN.search(facts.title_tag) and not names_book(facts.title_tag, w[1], titles[k][1], sides=False):
            w = next((x for x in titles[:k] if names_book(facts.title_tag, x[1], titles[k][1], sides=False)), w)
        work = work or w[1]
        if facts.label_sequel and titles[k][1] == facts.label_sequel[0]:
            chapter, used = titles[k][1], {k}       # "TWO" / "The Aims …": choose_title joins them
        else:
            chapter, used = _label_joined(titles, k)       # "PART THREE" / "The French Revolution"
        if (section := _own_section(titles, max(used), facts)) is not None:
            chapter, used = titles[section][1], used | {section}
        return chapter, [x for j, x in enumerate(titles) if j not in used and x is not w], work
    # A title set as several h1 in a row ("Study Guide for" / "Marx’s" / "Theses on Feuerbach").
    joined: list[tuple[str, str]] = []
    for tag, t in titles:
        if joined and tag == "h1" == joined[-1][0] and not NUMERAL.match(t) and len(joined[-1][1]) < 40:
            joined[-1] = ("h1", f"{joined[-1][1]} {t}")
        else:
            joined.append((tag, t))
    titles = joined
    tags = [t for t, _ in titles]
    if "h1" in tags and (i := tags.index("h1")) > 0 and re.search(r"\s[–—-]$", titles[i - 1][1]) \
            and _similar_in(titles[i - 1][1].rstrip(" –—-"), facts.title_tag):
        # A headline's first half set as a kicker above the h1 ("105,000 UAM Workers Vote –" /
        # "Against No-Strike Pledge") when the <title> has both halves (else it is a kicker).
        titles = titles[:i - 1] + [("h1", f"{titles[i - 1][1]} {titles[i][1]}")] + titles[i + 1:]
        tags = [t for t, _ in titles]
    if "h1" in tags:
        i = tags.index("h1")
        h1 = titles[i][1]
        later = [(k, t) for k, (tag, t) in enumerate(titles) if k > i and tag in ("h2", "h3", "h4", "h5")]
        if later and _h1_is_work(h1, later[0][1], facts, work, titles[later[0][0]][0]):
            # The chapter: a "Chapter …" or numbered heading if there is one, else the first.
            pick = next((x for x in later if re.match(r"^(?:chapter|chap\.)\s", x[1], re.I)
                         or NUMERAL.match(x[1])), later[0])
            chapter, used = _label_joined(titles, pick[0])
            if (section := _own_section(titles, max(used), facts)) is not None:
                chapter, used = titles[section][1], used | {section}
            used.add(i)
            return chapter, [x for j, x in enumerate(titles) if j not in used], work or h1
        # "Victor Serge / Year One of the Russian Revolution / I – The October Insurrection":
        # a heading above the h1 is the book the h1 belongs to.
        if i > 0 and not work and titles[i - 1][0] in ("h3", "h4") and not _CHAPTERISH.match(titles[i - 1][1]) \
                and (_CHAPTERISH.match(h1) or NUMERAL.match(h1)):
            work = titles[i - 1][1]       # (a kicker over an article's h1 is no book)
        return h1, [x for j, x in enumerate(titles) if j != i], work
    # No h1, in a chapter's file: a first heading that is the whole <title> (the book's, which
    # every chapter's page repeats) over a heading of a lower level ("Peace and Greece" h3 /
    # "All Greece Rises" h4): the book, then the chapter.
    if len(titles) > 1 and (facts.chapter_file or _FRONT_MATTER.match(titles[1][1])) \
            and is_title_tag(facts.title_tag, titles[0][1]) \
            and titles[1][0] > titles[0][0] and not _CHAPTERISH.match(titles[0][1]):
        return titles[1][1], titles[2:], work or titles[0][1]
    # No h1: the <title> is a later heading, not the first ("From a Victorian to a Modern" h3
    # over "Work for Adult Suffrage …" h2, titled so): the book above, its chapter named.
    if len(titles) > 1 and facts.title_tag and not _similar_in(titles[0][1], facts.title_tag):
        k = next((k for k, (tag, t) in enumerate(titles[1:], 1) if tag <= titles[0][0]
                  and is_title_tag(facts.title_tag, t)), None)
        if k is not None:
            return titles[k][1], [x for j, x in enumerate(titles) if j != k], work
    # No h1: a later heading the <title> tag names after the first ("Lenin's Karl Marx:
    # III: Marx's Economic Doctrine") is the chapter, the first the work.
    folded = facts.title_tag.casefold()
    if len(titles) > 1 and titles[0][1].casefold() in folded:
        after = folded[folded.find(titles[0][1].casefold()) + len(titles[0][1]):]
        for k, (tag, t) in enumerate(titles[1:], 1):
            if len(t) > 3 and re.search(r"[^\W\d_]{3}", t) and _similar_in(t, after):
                return t, [x for j, x in enumerate(titles) if j not in (0, k)], work or titles[0][1]
    # No h1, and a "Chapter II. Landed Property" heading under the book's: that is the title.
    chapter_at = next((k for k, (_, t) in enumerate(titles) if k and _CHAPTER_HEAD.match(t)), None)
    if chapter_at is not None and (not _CHAPTERISH.match(titles[0][1]) or _PART_HEAD.match(titles[0][1])):
        chapter, used = _label_joined(titles, chapter_at)
        used.add(0)
        return chapter, [x for j, x in enumerate(titles) if j not in used], work or titles[0][1]
    # No h1: the first heading that is not the work itself.
    for k, (tag, t) in enumerate(titles):
        if work and t.casefold() == work.casefold() and len(titles) > k + 1:
            continue
        return t, [x for j, x in enumerate(titles) if j != k], work
    return titles[0][1], titles[1:], work


# "The Labour Revolution (Chap.3-10)": the <title> of one part of a chapter set over several pages.
_SUBPART_TAG = re.compile(r"\((?:chap|ch|part)\.?\s*\d+[a-z]?\s*-\s*\w+\)", re.I)
# A section heading's numbering: "X. MONEY" (Roman), "1. Social Reform…", "(a) Inflation".
_SECTION_STYLE = (re.compile(r"^[IVXLC]+\.\s"), re.compile(r"^\d{1,2}\.\s"), re.compile(r"^\(\w\)\s"))


def _own_section(titles: list[tuple[str, str]], k: int, facts: TitleFacts) -> int | None:
    """The heading after the chapter's (title k) when it names the part of the chapter this page
    holds: the <title> names a part ("(Chap.3-10)"), the chapter heading does not ("… (Part 2)"),
    and it is the page's only heading of its level and numbering ("X. MONEY" over "(a) Inflation";
    not "1. Social Reform …" of a page that holds sections 1 to 6)."""
    if not _SUBPART_TAG.search(facts.title_tag) or re.search(r"\(part\b", titles[k][1], re.I) \
            or k + 1 >= len(titles) or titles[k + 1][0] <= titles[k][0]:
        return None
    tag, text = titles[k + 1]
    style = next((rx for rx in _SECTION_STYLE if rx.match(text)), None)
    if style is None and not (text.isupper() and len(text) > 3):
        return None
    alike = [t for h in facts.root.iter(tag) if (t := heading_text(h))
             and (style.match(t) if style else (t.isupper() and not any(rx.match(t) for rx in _SECTION_STYLE)))]
    return k + 1 if len(alike) == 1 else None


# "Chapter 3", "Part II", "Essay two: “The Problem of the Indian”": a numbered part of a book.
# (Not "Part Two" or "Book One: The Person of Jesus" spelt out: an instalment's label, a part
# over the chapter's own heading.)
_NUMBERED_PART = re.compile(rf"^(?:chapter|part|book)\s+[\dIVXLC]+\b|^essay\s+(?:[\dIVXLC]+|{NUMBER_WORD})\b", re.I)


def _numbered_after(desc: str, h1: str, chapter: str) -> bool:
    """Does the description name the h1, then the chapter by its number and its words ("The
    Third Chinese Revolution - 2. Nature and …" under the h4 "II. Nature and …")?"""
    lead = _LEAD_NUMBER.match(chapter)
    if not lead or not desc or not norm(h1):
        return False
    m = re.search(re.escape(norm(h1)) + r" (\d{1,3}|[ivxlc]+) " + re.escape(norm(chapter[lead.end():])), norm(desc))
    return m is not None and _number(m[1]) == _number(lead[1])


def _h1_is_work(h1: str, chapter: str, facts: TitleFacts, work: str | None, tag: str = "h3") -> bool:
    low = h1.casefold()
    if _CHAPTERISH.match(h1) or NUMERAL.match(h1) or chapter.startswith("("):
        return False
    if NUMERAL.match(chapter) and facts.numbered_sections > 1:
        return False        # "1", "2", "3"… under the h1: the text's own sections
    crumbs = facts.crumbs
    if crumbs and len(crumbs) >= 4 and _similar(crumbs[-1], h1):
        return True
    desc = facts.description or ""
    # "Robert Tressell: The Ragged Trousered Philanthropists (21. The Reign of Terror…)":
    # the chapter in parentheses after the book.
    in_parens = re.search(re.escape(low) + r".*\([^)]*" + re.escape(chapter.casefold()[:25]), desc.casefold())
    # ("Struggle for the New Course (Introduction)": the book's front matter, as its chapters)
    if re.search(r"\((?:chap|ch\.|part|section|introduction|preface|foreword|afterword|appendix)", facts.title_tag, re.I) or (in_parens and low != chapter.casefold()):
        return True
    if _numbered_after(desc, h1, chapter):
        return True     # "Ernest Germain: The Third Chinese Revolution - 2. Nature and Perspectives …"
    if NUMERAL.match(chapter) or _NUMBERED_PART.match(chapter):
        return True
    # "PRRK: What Is Internationalism?" over the h1 "The Proletarian Revolution and the Renegade
    # Kautsky" and the h3 "What Is Internationalism?": the <title> names the chapter, not the book.
    # (An h4 under the h1 is its subtitle: "Orwell's Proposed Preface to Animal Farm".)
    if tag in ("h2", "h3") and facts.title_tag and is_title_tag(facts.title_tag, chapter, sides=True) \
            and not _similar_in(h1, facts.title_tag):
        return True
    return bool(work and _similar(work, h1))
