"""Dates as MIA pages print them: "28 August 1937", "August 28, 1937", "Spring 1937", a span of
days or months, a congress's span and the day a speech names inside it.  record.py builds the
record from these; sourceline.py and the readers use them directly."""

from __future__ import annotations

import re

# The month names every date pattern and name tail reads (one list: they must agree).
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
_MONTH_ABBREVIATIONS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sept": 9,
                        "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12}   # ("Sept" before "Sep" in the pattern)
MONTHS = {name.lower(): n for n, name in enumerate(MONTH_NAMES, 1)} | \
    {abbr.lower(): n for abbr, n in _MONTH_ABBREVIATIONS.items()}
_MON = rf"(?P<mon>{'|'.join(MONTH_NAMES + tuple(_MONTH_ABBREVIATIONS))})\.?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
SEASON_NAMES = ("Spring", "Summer", "Autumn", "Fall", "Winter")
_SEASON = rf"(?:Early|Mid|Late|Mid-)?[- ]?(?:{'|'.join(SEASON_NAMES)})"

_MON2 = _MON.replace("?P<mon>", "?:")
_DASH = r"\s*[-–—/]\s*"
_SPAN_DASH = r"\s*[-–—]\s*"     # (not "31 October/13 November 1917": the Old Style and the New)
# Most specific first: a day-month-year anywhere beats a bare year elsewhere in the line.
# A span of days gives its month, the precision both ends share ("12-17 April 1871" → 1871-04:
# the guide's reduced precision, not a first day the page never names alone); a span of months
# its first month ("March–April 1967" → 1967-03, an issue's date), and so does a span of days
# across two months ("18 May–14 June 1980", a fortnightly's issue: not its last day); a bare year
# inside a span of years ("Memoirs, 1901-1941") is no date at all.
_DATE_PATTERNS = [
    re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MON}(?P<across>{_SPAN_DASH}[0-3]?\d(?:st|nd|rd|th)?\s+{_MON2}),?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MON}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?P<across>{_SPAN_DASH}{_MON2}\s+[0-3]?\d(?:st|nd|rd|th)?),?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}(?:{_DASH}(?P<to>[0-3]?\d)(?:st|nd|rd|th)?)?\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b", re.I),  # 28 August 1937
    re.compile(rf"\b{_MON}\s+{_DAY}(?:{_DASH}(?P<to>[0-3]?\d)(?:st|nd|rd|th)?)?(?:,\s*|\s+){_YEAR}\b", re.I),  # August 28, 1937 (or 28,1937)
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<monn>[01]?\d)\.(?P<year>1[5-9]\d\d|20\d\d)\b"),  # 15.04.2010
    re.compile(r"\b(?P<year>1[5-9]\d\d|20\d\d)-(?P<monn>[01]\d)-(?P<day>[0-3]\d)\b"),     # 1937-08-28
    re.compile(rf"\b{_MON}(?:{_DASH}{_MON2})?,?\s+{_YEAR}\b", re.I),               # August 1938, March–April 1967
    re.compile(rf"\b{_SEASON},?\s+{_YEAR}\b", re.I),                             # Spring 1937
    re.compile(rf"(?<![\w.])(?<!No\.)(?<!No\. )(?<!Vol\. )(?<!\d[-–]){_YEAR}(?![-–]\d)(?!s\b)\b"),  # 1937
]
YEAR_SPAN = re.compile(r"(?<![\w.])(?P<a>1[5-9]\d\d|20\d\d)\s*[-–/]\s*(?P<b>1[5-9]\d\d|20\d\d|\d\d)\b")


_ANY_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")


def parse_date(text: str | None, spans: bool = False) -> tuple[str, str] | None:
    """(ISO 8601 with reduced precision, the words it was read from), or None.

    "28 August 1937" → ("1937-08-28", "28 August 1937"); "(August 1938)" → ("1938-08",
    "August 1938"); "Spring 1937" → ("1937", "Spring 1937").  With ``spans`` (when a text
    was written: "1925–1928"), a span of years is an ISO interval "1925/1928".
    """
    if not text or not _ANY_YEAR.search(text):  # every pattern needs a year: most lines have none
        return None
    if spans and (m := YEAR_SPAN.search(text)) and parse_date(text.replace(m.group(0), "")) is None:
        a, b = m.group("a"), m.group("b")
        b = a[:2] + b if len(b) == 2 else b
        if a < b:
            return f"{a}/{b}", m.group(0)
    for pat in _DATE_PATTERNS:
        for m in pat.finditer(text):
            g = m.groupdict()
            year = int(g["year"])
            month = MONTHS[g["mon"].lower()] if g.get("mon") else (int(g["monn"]) if g.get("monn") else None)
            day = int(g["day"]) if g.get("day") else None
            if month is not None and not 1 <= month <= 12:
                continue
            if day is not None and not 1 <= day <= 31:
                continue
            if month is None:
                iso = f"{year:04d}"
            elif day is None or g.get("across") or (g.get("to") and int(g["to"]) > day and "/" not in m.group(0)):
                # (not "October 11/24, 1917": one day in the Old Style and the New)
                iso = f"{year:04d}-{month:02d}"
            else:
                iso = f"{year:04d}-{month:02d}-{day:02d}"
            return iso, m.group(0).strip()
    return None


_DAY_SPAN = re.compile(r"\b([0-3]?\d)\s*[-–]\s*([0-3]?\d)\b")


def names_a_day(iso: str | None, words: str) -> bool:
    """Does a date name a day, or a span of days ("MARCH 6-8, 1918", read as its month)?"""
    return bool(iso) and (len(iso) == 10 or (len(iso) == 7 and _DAY_SPAN.search(words or "") is not None))


def day_of_speech(heading: tuple[str, str], day: str | None = None) -> tuple[str, str]:
    """When a speech dated by its heading (ISO, words) was made: a congress's "14-21 July, 1889"
    gives only the month, unless the speech names its day in that span ("March 8" under
    "MARCH 6-8, 1918")."""
    iso, words = heading
    if not (span := _DAY_SPAN.search(words)):
        return iso, words
    on = parse_date(f"{day}, {iso[:4]}") if day else None
    if on and on[0][:7] == iso[:7] and len(on[0]) == 10 and int(span[1]) <= int(on[0][8:]) <= int(span[2]):
        return on[0], day                  # the words the page prints: the speech's own "March 8"
    return iso[:7], words


_MONTH_WORD = re.compile(rf"\b{_MON}(?:\s+|,|$)", re.I)
_WEBSITE = re.compile(r"\b(?:website|web\s+site|blog|online)\b", re.I)


def issue_date_from_heading(source: str, heading: tuple[str, str] | None) -> tuple[str, str] | None:
    """The date of a periodical's issue that the source line cites without a year ("From
    Socialist Review, No.145, September, pp.5-7.", "From Fourth International, Vol.5 No.4,
    pp.112-118.") when the page's heading dates the text ("(September 1991)"): the heading's,
    if it names the same month as the line, or the line names none.  (Not a website's page.)"""
    if heading is None or not heading[0] or _WEBSITE.search(source):
        return None
    iso, words = heading
    if (m := _MONTH_WORD.search(source)) and not (len(iso) >= 7 and int(iso[5:7]) == MONTHS[m.group("mon").lower()]):
        return None
    return iso, words


_PATH_YEAR = re.compile(r"(?:^|/)(1[5-9]\d\d|20\d\d)(?=/)")
_PAREN_YEAR = re.compile(r"^\(\s*(?:1[5-9]\d\d|20\d\d)\s*\)$")
# "Published 1 May 1921", "The Commonwealth. No. 192, 10 November 1866": the heading cites an issue.
_ISSUE_WORDS = re.compile(r"\b(?:publish\w*|printed|appeared|issue|No\.|Vol\.|pp?\.)", re.I)
_ANY_MONTH = re.compile(rf"\b{_MON2}(?![a-z])", re.I)


def heading_as_written(heading: str | None, words: str | None, published: str | None,
                       path: str = "", title: str | None = None) -> bool:
    """Is the date printed under a page's title ("(January 24, 1964)", "September 9, 1870",
    "(1932)") when the text was written or delivered?  The annotators file it so when the page
    gives no first publication, or one in a later year (a talk of 1932 printed in 1944) or two
    months or more later ("(October 1949)" over "Fourth International, December 1949"), or a day
    before the issue's day ("(18 February 1922)" over an issue of 28 February 1922).

    A heading date of the month of first publication, or the month before, is the issue's
    (ETOL's "(March 1962)" over "From Socialist Review, March 1962"; a monthly's issue out before
    its cover date).  A bare year over the title is as often a book's or a
    chapter's own ("1917", "Cracow 1914"), so a year alone counts only in the archive's
    parenthesised form.  Headings can carry a misprinted year ("(16 September 1930)" over a
    source of 16 September 1940, "MARCH 6-8, 1910" in the 1918 folder): one whose month and day
    are the publication's, or that falls outside the year before the folder's year and that
    year, is not taken.  Nor is a heading that cites an issue ("Published 1 May 1921"), nor a
    span across months or years ("July-August 1903", a chapter of memoirs; "23 December 1928 - 8
    May 1998", a life; "25 August-22 September 1923", a serial's run), nor one the title holds
    ("Canton, December 1927": the event the text is about)."""
    if not heading or not words:
        return False
    if len(heading) == 4 and not _PAREN_YEAR.match(words.strip()):
        return False
    if _ISSUE_WORDS.search(words) or len(_ANY_YEAR.findall(words)) > 1 or len(_ANY_MONTH.findall(words)) > 1 \
            or (title and _bare_words(words) in title):
        return False
    if published is not None:
        # (A day before the issue's own day is not the issue's date, however close: "(18 February
        # 1922)" over "International Press Correspondence, …, 28 February 1922" was written then.)
        earlier_day = len(heading) == len(published) == 10 and heading < published
        if heading[:4] > published[:4] or heading[:4] == published[:4] and not _months_before(heading, published, 2) \
                and not earlier_day:
            return False
        if len(heading) == len(published) == 10 and heading[4:] == published[4:]:
            return False
    if (year := folder_year(path)) and not int(year) - 1 <= int(heading[:4]) <= int(year):
        return False
    return True


def _bare_words(text: str) -> str:
    return " ".join(text.split()).strip(" ()[].,")


_BARE_DAY = re.compile(rf"^{_MON2}\s+[0-3]?\d(?:st|nd|rd|th)?$", re.I)


def bare_day(text: str) -> bool:
    """A heading that is a day without a year: "March 7", "December 22"."""
    return _BARE_DAY.match(text.strip(" .,()")) is not None


def day_in_year(day: str | None, heading: str | None, path: str = "") -> tuple[str, str] | None:
    """When a text dated only by a day without a year ("March 8" under "MARCH 6-8, 1918", a title
    ending "… December 22" in the 1920 folder) was made: that day in the year the page's heading
    dates it, or, when the heading gives no year or a misprinted one ("MARCH 6-8, 1910" in the
    1918 folder), in the folder's year.  A congress's speeches and resolutions are printed so."""
    if not day:
        return None
    folder = int(year) if (year := folder_year(path)) else None
    if heading and (folder is None or folder - 1 <= int(heading[:4]) <= folder):
        year = heading[:4]
    elif folder is not None:
        year = str(folder)
    else:
        return None
    d = parse_date(f"{day.strip(' .,()')}, {year}")
    return (d[0], day) if d and len(d[0]) == 10 else None


def folder_year(path: str) -> str | None:
    """The year of the archive's folder a page stands in ("archive/foot-paul/1995/10/…" → "1995")."""
    m = _PATH_YEAR.search(path)
    return m.group(1) if m else None


def _months_before(a: str, b: str, n: int) -> bool:
    """Is month-precision date `a` at least `n` months before `b` (same year)?"""
    return len(a) >= 7 and len(b) >= 7 and int(b[5:7]) - int(a[5:7]) >= n
