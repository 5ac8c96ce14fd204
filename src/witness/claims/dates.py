"""Dates in claims: explicit ("in September 1934", "on 12 March 1937") and relative ("last July",
"three months ago", "the following year"), resolved against the document's date.

Rule: no date rather than a wrong one.  A relative expression that needs more precision than the
document date has ("last July" in a document dated only "1937") resolves to None; so does one in a
paragraph that has already named a year (a narrative's "yesterday" is not the document's);
"the following year" needs an explicit year earlier in the same paragraph.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHS = {m[:3].lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
_YEAR = r"(1[789]\d\d|20[0-4]\d)"
NUMBERS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
           "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
           "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
           "seventy": 70, "eighty": 80, "ninety": 90}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = "|".join(w.capitalize() for w in _WEEKDAYS)
# A weekday counted back from the document's day is wrong for what is still to come.
_FUTURE = re.compile(r"\b(?:will|shall|won't|going\s+to|is\s+to|are\s+to|to\s+be|next|until|till)\b|'ll\b",
                     re.I)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# "twenty-five", "thirty six", "a hundred", "one hundred and twenty": read whole, never as their
# last word ("twenty-five years ago" is not "five years ago").
_NUMBER = (rf"(?:\d+|(?:(?:a|one|two|three)\s+hundred(?:\s+and)?\s+)?(?:(?:{_TENS})(?:[-\s](?:{_UNITS}))?|"
           rf"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|{_UNITS})"
           rf"|a\s+hundred|one\s+hundred|an?)")


def number_value(words: str) -> int | None:
    """The value of a written number: "twenty-five" → 25, "a hundred and ten" → 110."""
    words = words.lower().replace("-", " ").replace(" and ", " ")
    if words.isdigit():
        return int(words)
    total, seen = 0, False
    for w in words.split():
        if w == "hundred":
            total = (total or 1) * 100
        elif w in NUMBERS:
            total += NUMBERS[w]
        else:
            return None
        seen = True
    return total if seen else None

DATE_RE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"
    rf"|{_MONTH}\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+){_YEAR}"   # "December 11,1884" too
    rf"|{_MONTH},?\s+{_YEAR}"
    rf"|(?:in|of|by|from|since|until|during|early|late|mid|summer|spring|autumn|winter|fall)\s+(?:the\s+(?:year|end\s+of)\s+)?{_YEAR}\b(?![-–]\d)"
    # "during the 1905 revolution": an event named by its year dates what happens in it
    rf"|(?:in|during)\s+the\s+{_YEAR}(?=\s+(?:[Rr]evolution|general\s+strike|strike|elections?|[Cc]ongress|"
    rf"[Cc]onference|uprising|insurrection|[Ww]ar|campaign|[Cc]ommune)\b)"
    rf"|(?:week|day),\s+{_YEAR}(?=\s*[,.;:)]|\s*$)"  # "Easter week, 1916," (not "That day, 1800 workers")
    rf"|(?P<last>last|this|next)\s+(?P<lunit>year|month|{_MONTH[1:-1]}|spring|summer|autumn|fall|winter)"
    rf"|(?P<approx>(?:nearly|almost|about|some|over|more\s+than|less\s+than|around|roughly|approximately)\s+)?"
    rf"(?<![\w-])(?P<num>{_NUMBER})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago"
    rf"|the\s+(?P<rel>following|next|previous|preceding)\s+year|a\s+year\s+(?P<later>later|earlier)"
    rf"|(?P<yday>yesterday)"
    # "died on Sunday" in a report of Saturday 24 July 2004: the Sunday before (not "Bloody
    # Sunday", "the Sunday Times", nor "on Sunday, 12 May" whose date is printed)
    rf"|(?P<wday>(?:on|last)\s+(?-i:{_WEEKDAY}))\b(?!,?\s+(?:\d|the\s+\d|(?-i:[A-Z])))"
    # a day and month, or a month after a preposition, without a year: the document's year
    # when the document has reached that month and its paragraph names no other year
    # ("on 16 January" in a report of 20 January 1937)
    rf"|(?P<ctx>(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?![\w,]*\s+\d)"
    rf"|(?-i:{_MONTH})\s+(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d)"
    rf"|(?:in|on|by|since|until|till|during|early|late|mid|of)\s+(?-i:{_MONTH})\b(?![\w,]*\s+\d))"
    rf")", re.I)
_SEASON = {"spring": None, "summer": None, "autumn": None, "fall": None, "winter": None}
_EXPLICIT_YEAR = re.compile(rf"\b{_YEAR}\b")


def document_now(record) -> str | None:
    """The document's own "now", which "last July" and "three years ago" count from: when it was
    written (a letter's date) before when it was published (a reprint's date is not its now)."""
    return record.written or record.date or record.heading_date


def parse_iso(value: str | None) -> tuple[int, int | None, int | None] | None:
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None


def _fmt(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _month_of(name: str) -> int | None:
    return MONTHS.get(name[:3].lower())


def resolve(m: re.Match, doc_date: str | None, text_before: str = "", present: bool = False) -> str | None:
    """ISO date for one DATE_RE match, or None when it cannot be resolved safely. `present`: the
    sentence speaks in the present or future (its time is the document's, not the narrative's)."""
    s = m.group(0)
    ref = parse_iso(doc_date)
    if (m.group("yday") or m.group("wday") or m.group("last") or m.group("num")) \
            and _EXPLICIT_YEAR.search(text_before):
        # "June 1937. … arrested yesterday": relative to the narrative's time, not the document's
        return None
    if m.group("yday"):
        if ref and ref[2]:
            d = dt.date(*ref) - dt.timedelta(days=1)
            return d.isoformat()
        return None
    if m.group("wday"):
        return _weekday_before(m.group("wday").split()[-1], ref, text_before)
    if m.group("last"):
        which, unit = m.group("last").lower(), m.group("lunit").lower()
        if not ref:
            return None
        y, mo, _ = ref
        if unit == "year":
            return _fmt(y + {"last": -1, "this": 0, "next": 1}[which])
        if unit == "month":
            if mo is None:
                return None
            k = {"last": -1, "this": 0, "next": 1}[which]
            yy, mm = divmod((y * 12 + mo - 1) + k, 12)
            return _fmt(yy, mm + 1)
        if unit in _SEASON:
            return None
        target = _month_of(unit)
        if target is None or mo is None:
            return None
        if which == "last":
            return _fmt(y if target < mo else y - 1, target)
        if which == "next":
            return _fmt(y if target > mo else y + 1, target)
        return _fmt(y, target)
    if m.group("num"):
        if m.group("approx"):
            return None                              # "nearly 20 years ago": no date rather than a wrong one
        n = number_value(m.group("num"))
        unit = m.group("unit").lower().rstrip("s")
        if not ref or n is None:
            return None
        y, mo, d = ref
        if unit == "year":
            return _fmt(y - n)
        if unit == "month":
            if mo is None:
                return None
            yy, mm = divmod((y * 12 + mo - 1) - n, 12)
            return _fmt(yy, mm + 1)
        if d is None:
            return None
        delta = dt.timedelta(days=n if unit == "day" else 7 * n)
        return (dt.date(y, mo, d) - delta).isoformat()
    if m.group("rel") or m.group("later"):
        years = _EXPLICIT_YEAR.findall(text_before)
        if not years:
            return None
        base = int(years[-1])
        word = (m.group("rel") or m.group("later")).lower()
        return _fmt(base + (1 if word in ("following", "next", "later") else -1))
    # explicit
    year_m = _EXPLICIT_YEAR.findall(s)
    mon = None
    # With its year printed, a month in capitals is a dateline's ("12 MAY 1937"); without one
    # the day-month form matches in any case and only a capitalised month is taken.
    for word in re.findall(r"[A-Z][a-z]+" if m.group("ctx") else r"[A-Z][a-z]+|[A-Z]{3,}", s):
        if word[:3].lower() in MONTHS and len(word) >= 3:
            mon = MONTHS[word[:3].lower()]
            break
    day = m.group("d1") or m.group("d2") or m.group("d3") or m.group("d4")
    if m.group("ctx"):
        if mon is None:
            return None              # a month the expression's case hid ("12 MAY", "3 march")
        if s[:2].lower() == "of" and not _PART_OF.search(text_before):
            return None              # "a few months before the triumph of October": a name, not a date
        if _EXPLICIT_YEAR.search(text_before):
            # Not the paragraph's last year whatever it was (on the dev pages that was another
            # event's three times in three: "on 16 January" after Trotsky's birth year) — only
            # the year the narrative has set its time to ("In August 1945 … On September 25th").
            year_m = [] if present else _narrative_year(text_before, mon, int(day or 0), ref)
        elif ref and (mon, int(day or 0)) > (ref[1] or 0, ref[2] or 0):
            return None              # after the document's own day: not this year's
        else:
            year_m = _year_before(ref)
    if not year_m:
        return None
    y = int(year_m[-1])
    if mon and day:
        try:
            dt.date(y, mon, int(day))
        except ValueError:
            # a day the month does not have: with its year printed, the month stands; borrowed
            # from the document ("On June 31 Lenin wrote", a 1975 text on 1917 — judged
            # 2026-12-06), nothing says the year is right either
            return None if m.group("ctx") else _fmt(y, mon)
        return _fmt(y, mon, int(day))
    if mon:
        return _fmt(y, mon)
    return _fmt(y)


def _weekday_before(name: str, ref, text_before: str) -> str | None:
    """The last such weekday before the document's day; None without a day to count from, on
    the document's own weekday (that day, or a week before?) and in a sentence about the future."""
    if not (ref and ref[2]) or _FUTURE.search(re.split(r"[.!?]\s", text_before)[-1]):
        return None
    day = dt.date(*ref)
    back = (day.weekday() - _WEEKDAYS.index(name.lower())) % 7
    return (day - dt.timedelta(days=back)).isoformat() if back else None


def _year_before(ref) -> list[str]:
    """The year of `ref`, the document's date, for a day and month without one ("on 16 January"
    in a report of 20 January 1937; resolve() declines a day the document has not reached).
    Only a date to the day (an article, a letter): a book or a chapter dated "1879-10" by its
    subject's birth tells its own story's years."""
    return [str(ref[0])] if ref and ref[2] is not None else []


# The year a narrative has set its time to: "In 1862", "in August 1945", "On 12 May 1937", "the
# year 1862", "By the spring of 1917" — a year printed as when what follows happens.
_SETTING = re.compile(
    rf"(?:\b(?:[Ii]n|[Oo]n|[Bb]y|[Dd]uring|[Tt]he\s+year|(?:[Ee]arly|[Ll]ate)\s+in|[Tt]he\s+(?:spring|summer|"
    rf"autumn|fall|winter|end|beginning|middle)\s+of)\s+(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
    rf"(?:(?-i:{_MONTH[1:-1]})\s+(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?)?"
    rf"|\b(?-i:{_MONTH[1:-1]}),?\s+)(?P<y>{_YEAR})$")
# What makes a year another event's, not the narrative's: a life's dates, a span's start, a year
# the text then leaves ("the following year", "later").
_NOT_SETTING = re.compile(r"\b(?:born|birth|died|death|since|from|until|till|founded|aged?)\b[^.;]{0,40}$", re.I)
_MOVES_ON = re.compile(r"\b(?:following|next|previous|preceding)\s+(?:year|spring|summer|autumn|winter)|"
                       r"\b(?:years?|decades?)\s+(?:later|earlier|before|after)|\b(?:later|earlier|afterwards|now)\b", re.I)
# A season or part of a year set as the time, for the order of what follows ("the end of 1916 …
# in March" is the next year's, or the text went back).
_PART_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12, "end": 12, "middle": 6}
_SENTENCE_END = re.compile(r"[.!?][”’\"')]*\s")
_PART_OF = re.compile(r"\b(?:end|beginning|middle|start|close|part|half|days|weeks?|first|last)\s*$", re.I)


def _narrative_year(text_before: str, mon: int, day: int, ref) -> list[str]:
    """The year of a day and month without one ("In March he wrote to Engels"), from the last
    year printed before it in the paragraph — only when that year sets the narrative's time
    ("Not only was the year 1862 no better for Marx …", "in August 1945"), nothing since has
    moved it, its month does not come after this one, and it does not pass the document's date."""
    years = list(_EXPLICIT_YEAR.finditer(text_before))
    last = years[-1]
    head = text_before[: last.end()]
    setting = _SETTING.search(head[-60:])
    if not setting or _NOT_SETTING.search(head[: last.start()][-60:]):
        return []
    rest, before = text_before[last.end():], text_before[: last.start()]
    if re.match(r"\s*[-–—)]|\s*(?:and|to|or)\s+\d", rest) or _MOVES_ON.search(rest) \
            or before.count("(") > before.count(")") or before.count("“") > before.count("”"):
        return []                    # a range, a parenthesis, a quotation's year, or the narrative moved on
    if "?" in rest or len(_SENTENCE_END.findall(rest)) > 4:
        # far back, or the text turned to argue in the present ("What would he have said …?"):
        # "had written in May" in a 1968 article, seven sentences after Lenin's 1920
        return []
    y = int(last.group(0))
    named = re.findall(rf"(?-i:{_MONTH[1:-1]})", setting.group(0))
    part = re.search(r"(spring|summer|autumn|fall|winter|end|middle)\s+of", setting.group(0), re.I)
    was = _month_of(named[-1]) if named else _PART_MONTH[part.group(1).lower()] if part else None
    if was is not None and (was, int(setting.group("d") or setting.group("d2") or 0)) > (mon, day or 31):
        return []                    # "in August 1945 … in March": the next year's, or an earlier one?
    if ref and (y, mon, day) > (ref[0], ref[1] or 12, ref[2] or 31):
        return []
    return [str(y)]


def is_relative(m: re.Match) -> bool:
    return bool(m.group("yday") or m.group("wday") or m.group("last") or m.group("num") or m.group("rel") or m.group("later"))


def find_dates(text: str, doc_date: str | None, base: int = 0, context: str = "",
               anchor_at=None, present: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, iso) for each resolvable date expression in `text` (offsets + `base`).

    `context` is the text before `text` in its paragraph (anchor for "the following year").
    `anchor_at(offset)`, when given, says what "now" is for a relative expression at a document
    offset: a date to resolve against, or None to leave it unresolved (a quoted speech whose
    time the text does not give: its "twenty years ago" is not the reprint's)."""
    out = []
    for m in DATE_RE.finditer(text):
        ref, before = doc_date, context + text[: m.start()]
        if anchor_at is not None and is_relative(m):
            ref = anchor_at(base + m.start())
            if ref is None:
                continue
            if ref != doc_date:
                before = ""                      # counted from the year the text gives the speech
        iso = resolve(m, ref, before, present)
        if iso:
            out.append((base + m.start(), base + m.end(), iso))
    return out
