"""Source lines: where a text was (first) published, read from the words of an MIA header.

"From Socialist Appeal, Vol. 1 No. 3, 28 August 1937, p. 9." names a periodical; "From Robert
Hessen (ed.), Breaking with Communism (1990), pp. 37–40" names a later book that reprinted
the text; "L’An 1 de la révolution russe, 1930" a book.  `parse_source_line` returns the
fields and says which kind it read (``kind``: periodical | book | unknown), so the record can
take a periodical's date as the publication date and leave a reprint's alone.
"""

from __future__ import annotations

import re
from typing import Iterable

from .record import LANGUAGE_NAMES, MONTHS, SEASON_NAMES, YEAR_SPAN, clean, parse_date

_VOL = re.compile(r"\bVol(?:ume)?\.?\s*(?P<v>[IVXLC]+|\d+)\b(?:\s*:\s*(?P<i>\d{1,4})\b)?", re.I)  # "volume 13:4"
# "The Liberator [New York], v. 3, no. 11, whole no. 32": a volume abbreviated to "v." (or "vv."),
# known by the issue's number after it.
_V_VOL = re.compile(r"(?<![\w.])v{1,2}\.\s*(?P<v>\d{1,3}|[IVXLC]+)\s*,?\s*(?=No\.?\s*\d)", re.I)
_MONTH_NEXT = re.compile(rf"\s+(?:{'|'.join(MONTHS)})\b", re.I)
_ACTUALLY = re.compile(r"\(\s*actually\s+(?P<c>[^)]{3,40})\)", re.I)
_YEAR_VOL = re.compile(r"\b(?P<v>\d{1,2})(?:st|nd|rd|th)\s+Year\b")
# "International Socialism 2 : 121": a series number and the issue (ISJ's own numbering).
_SERIES_ISSUE = re.compile(r"(?<![\d.:])(?<!pp\.)(?<!p\.)\s(?P<s>\d)\s*:\s*(?P<n>\d{1,4})\b(?!\s*[:.]\d)")
# "Socialist Review, 1980 : 4, 20 April–17 May 1980": the year's fourth issue (the paper numbered
# its issues within each year); the year stays for the date.
_YEAR_ISSUE = re.compile(r",\s*(?:19|20)\d\d(?P<n>\s*:\s*(?P<i>\d{1,2}))\s*,")
# A first sentence that ends with its date, then another ("… Politics (1945). This excerpt was
# published by Solidarity (January 1, 1975)"): the later sentence is a reprint.
_SENTENCE_END = re.compile(r"(?<=[\d)])\.\s+(?=[A-Z][a-z]+\s)(?!(?:Vol|No|Nos|Number|Issue|Pages?)\b)")
# ("No.1843a": a special issue's number, with its letter)
_NO = re.compile(r"\b(?:Nos?|Number|Issue|Whole\s+No)(?:\.|\b)\s*(?P<n>\d+(?:\s*[-–/&]\s*\d+|[a-z](?![\w’']))?|[IVXLC]+\b)", re.I)
# (A year after the pages, "pp. 373-75, 1892", is no further page.)
_PAGES = re.compile(r"\bpp?\.?\s*(?P<p>[IVXLC]+(?:\s*[-–]\s*[IVXLC]+)?\b|\d+(?:\s*[-–]\s*\d+)?(?:\s*(?:,|&|and)\s*(?!(?:1[5-9]|20)\d\d\b)\d+"
                    r"(?:\s*[-–]\s*\d+)?)*)", re.I)
_SOURCE_LEAD = re.compile(r"^(?:(?:(?:first|originally|re-?)\s*)?(?:published|printed|appeared)\s*:?\s*(?:in\s+)?"
                          r"|from\s+|source\s*:?\s*|in\s+|reprinted\s+(?:from|in)\s+|taken\s+from\s+|copied\s+from\s+)",
                          re.I)
# "in French in Faits et Documents", "in Russian as …": the language of the original, not a title.
_LANGUAGE = re.compile(rf"^(?:in\s+)?(?:{'|'.join(LANGUAGE_NAMES)}|Serbo-Croat)\s+(?:in|as)\s+", re.I)
_DATE_IN = re.compile(r"^[^;:]{0,30}?\d{4}\)?\s*,?\s+in\s+(?:the\s+)?(?:(?:newspaper|journal|magazine)\s+)?((?:(?:French|German|Russian|Spanish|Italian)\s+in\s+)?"
                      r"[A-Z][^,;:()]{2,50})")
_SOURCE_HEAD_END = re.compile(r",|\s\(|;|:\s|\s[-–—]\s")
_NOT_PERIODICAL = re.compile(r"(?:Vol(?:ume)?\b|Vol\.|No\b|No\.|pp?\.|\d|by\s)", re.I)   # (not "Volks-Kalender")
# Heads that name a document, an archive or a collection, not a periodical.
_NOT_A_TITLE = re.compile(r"^(?:as\b|an?\s+|the\s+)?(?:as\b|original|internal|draft|introduction|preface|document|letter|manuscript|typescript|archives?|notes?|speech|"
                          r"mimeograph\w*|pamphlet|leaflet|photocopy|microfilm|author|this|his|her|their|our|"
                          r"collected|selected|complete|unknown|not\s+known)\b", re.I)
_EDITOR = re.compile(r"^\s*(?:\((?:eds?|editors?|ed\.\s*by)\.?\)|,\s*eds?\.|,\s*editors?\b)", re.I)
_BOOKISH = re.compile(r"\b(?:Publishers?|Publishing|Publ\.|Press|Books|Verlag|Editions?|Éditions|Library|Collected\s+Works|"
                      r"Selected\s+Works|Complete\s+Works|Works|Werke|Gesamtausgabe|Anthology|Reader|[Cc]ollection|"
                      r"Pamphlet|Co\.,?\s+Inc|Ltd)\b", re.I)
# A publisher's name: what it ends with says so, whatever paper-like words precede it.
_PUBLISHER_NAME = re.compile(r"\b(?:Publishers|Publishing(?:\s+(?:House|Co\.?|Company))?|Publications)\s*$", re.I)
# A collected or selected edition, which reprints what appeared elsewhere.
_EDITION = re.compile(r"\b(?:Collected|Selected|Complete)\s+(?:Works|Writings)|\bWerke\b|Gesamtausgabe|\bMECW\b|"
                      r"\bLCW\b|\bCW\b")
# A collection of essays is a book whatever else its title says ("World Crisis: Essays in
# Revolutionary Socialism" names no paper though "Socialism" often does).
_ESSAYS = re.compile(r"\bEssays\b")
# Words that make a name a periodical's even when the line gives no volume or issue.
_PERIODICAL_WORD = re.compile(r"\b(?:Review|Journal|Register|Bulletin|News|Times|Worker|Workers|Quarterly|"
                              r"Monthly|Weekly|Daily|Magazine|Gazette|Herald|Tribune|Militant|Appeal|Socialist|"
                              r"Socialism|Communist|Labour|Labor|Struggle|Voice|Call|Clarion|Leader|Post|"
                              r"Star|Standard|Observer|Chronicle|Forward|Pravda|Iskra|Izvestia|Vperyod|"
                              r"Sotsial|Zeitung|Vorwärts|Humanité|Neue|Zeit|Die|La|Le|Il|El|Avanti|"
                              r"International|Internationale|Age|World|Spark|Truth|Masses|Liberator|"
                              r"Nation|Statesman|Week|Today|Digest|Survey|Notes|Papers|Annual|Yearbook|"
                              r"Bulletin|Organ|Newsletter|Paper|Press|Kalender|Almanac|Almanach|Jahrbuch|"
                              r"Jahrbücher)\b")
_PERSON = re.compile(r"^(?:[A-Z][a-zà-ÿ’'\-]+|[A-Z]\.(?:\s?[A-Z]\.)*)(?:\s+(?:[A-Z][a-zà-ÿ’'\-]+|[A-Z]\.|de|van|von|der|la|le))*"
                     r"\s+[A-Z][a-zà-ÿ’'\-]+$")
_TRAILING_NUMBER = re.compile(r"^(?P<name>.*?[^\d\s:])\s+(?:No\.?\s*)?(?P<n>\d{1,4}|[IVX]+/\d{1,4})(?:\s*:\s*(?P<n2>\d{1,4})?)?$")
# A bare number right after the paper's (emphasised) name, before a comma: its issue (not a year).
_NUMBER_AFTER = re.compile(r"^\s+(?P<n>(?!(?:1[5-9]|20)\d\d\b)\d{1,4})\s*,")
# A paper's motto printed after its name: ": A Monthly Organ of Revolutionary Marxism", "– Official Organ of …".
_MOTTO = re.compile(r"\s*[:–—-]\s*(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}organ\s+of\b.*$", re.I)
_ON_DAY = re.compile(rf"^on\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{'|'.join(MONTHS)})\b", re.I)
_TRAILING_YEAR = re.compile(r"\s+(?:1[5-9]\d\d|20\d\d)$")
_HEAD_NUMBERS = re.compile(r"\s+(?:Vol(?:ume)?\.?|No\.?|Nos\.?|Number|Issue)\s*\S+.*$", re.I)


# A season or a university term before the year dates an issue of a quarterly or a termly
# paper ("Oxford Left, Michaelmas 1954", "Winter 1957"), as a month does.
_SEASON_DATE = re.compile(rf"\b(?:{'|'.join(SEASON_NAMES)}|Michaelmas|Hilary|Trinity|Lent)\s+"
                          r"(?:1[89]|20)\d\d\b")


def _month_precision(iso: str | None) -> bool:
    return bool(iso) and len(iso) >= 7


def parse_source_line(line: str | None, marked: Iterable[str] = (), skip: Iterable[str] = ()) -> dict:
    """Fields of a source line: "From Socialist Appeal, Vol. 1 No. 3, 28 August 1937, p. 9.".

    ``title``: the name the line gives, periodical or not ("Originally published in *Droit du
    Peuple*" reads as no periodical alone, but names where a reprinted text first appeared).

    ``marked``: the line's emphasised phrases (HTML strong/em), where a periodical's name is
    usually set; ``skip``: phrases that are not it (the text's own title, its authors).
    ``kind`` is "periodical" when the line names one (a volume or issue number, a date to the
    month, or a name with a periodical's word), "book" when it names a publisher, an editor
    or a collected edition instead, else "unknown".
    """
    out = {"periodical": None, "volume": None, "issue": None, "date": None,
           "date_text": None, "pages": None, "source_text": None, "kind": "unknown", "title": None}
    line = clean(line)
    if not line:
        return out
    out["source_text"] = line
    for m in _SENTENCE_END.finditer(line):
        first = line[:m.start()]
        if (d := parse_date(first)) and first.rstrip(" )").endswith(d[1]):
            line = first
            break
    body = _LANGUAGE.sub("", _SOURCE_LEAD.sub("", line))
    # "Vol. 22 No. 5 (actually Vol. 2 No. 52)": the transcriber's correction of a misprint
    # is the issue's number; the misprint is read no further.
    if (fix := _ACTUALLY.search(body)) and _VOL.search(fix.group("c")):
        body = _VOL.sub("", body[:fix.start()], count=1) + " " + fix.group("c") + body[fix.end():]
        body = _NO.sub("", body, count=1) if len(_NO.findall(body)) > 1 else body
    numbers = False
    if (m := _VOL.search(body)):
        out["volume"] = m.group("v")
        out["issue"] = m.group("i")
        numbers = True
    elif (m := _V_VOL.search(body)):
        out["volume"] = m.group("v")
        numbers = True
    elif (m := _YEAR_VOL.search(body)):
        out["volume"] = m.group("v")   # "Socialist Review, 8th Year No. 6": the paper's year is its volume
    elif (m := _SERIES_ISSUE.search(body)) and not _NO.search(body):
        out["issue"] = m.group("n")
        numbers = True
        body = body[:m.start()] + body[m.end():]
    elif (m := _YEAR_ISSUE.search(body)) and not _NO.search(body):
        out["issue"] = m.group("i")
        numbers = True
        body = body[:m.start("n")] + body[m.end("n"):]
    dated = body
    if out["issue"] is None and (m := _NO.search(body)):
        out["issue"] = re.sub(r"\s+", "", m.group("n"))
        numbers = True
        if _MONTH_NEXT.match(body, m.end("n")):
            # ("Vol. XIII No. 10 October 1909": the issue's number is no day of the month)
            dated = body[:m.start("n")] + ";" + body[m.end("n"):]
    if (m := _PAGES.search(body)):
        out["pages"] = re.sub(r"\s*([-–])\s*", r"\1", m.group("p").strip())
    if (d := parse_date(dated)):
        out["date"], out["date_text"] = d
    head, rest = _head(body)
    # the season right after the name ("Oxford Left, Michaelmas 1954"), not after a book's
    # title ("Victor Serge, Memoirs of a Revolutionary, Winter 1945")
    season = bool(_SEASON_DATE.match(rest.lstrip(" ,;")))
    numbers = numbers or season
    starts_with_date = parse_date(head) is not None or (head.split() and head.split()[0].lower().strip(".,") in MONTHS) \
        or bool(_ON_DAY.match(head))     # ("Published on April 28, 1918 in Pravda No. 83")
    if starts_with_date and (m := _DATE_IN.match(body)):
        head, rest = _LANGUAGE.sub("", m.group(1)).strip(" ."), body[m.end():]   # "Nov 12-26, 1885 in Sozialdemokrat"
    editor = bool(_EDITOR.match(rest))
    bookish = editor or bool(_BOOKISH.search(body))
    skip = {clean(s).casefold() for s in skip if s}
    name = _marked_name(body, marked, skip) if marked else None
    if name is None:
        name = _periodical_name(head, rest, skip, numbers, out)
    elif (m := _TRAILING_NUMBER.match(name)) and out["issue"] is None:
        name, out["issue"] = m.group("name").strip(), m.group("n2") or m.group("n")
    elif out["issue"] is None and (m := _NUMBER_AFTER.match(body[body.find(name) + len(name):])):
        out["issue"] = m.group("n")     # "*Socialist Worker Review* 121, July/August 1989"
    month = _month_precision(out["date"]) or season
    issue = out["issue"] is not None
    out["title"] = name if name is not None and not _BOOKISH.search(name) else None   # what the line names, of any kind
    if name is not None and _PUBLISHER_NAME.search(name):
        name, bookish = None, True      # "Workers Library Publishers": its "Workers" makes no paper
    if name is not None and _BOOKISH.search(name):
        name = None if not _PERIODICAL_WORD.search(name) else name
    if name is not None and _ESSAYS.search(name):
        name, bookish = None, True      # "Essays in Socialism New & Old": its "Socialism" makes no paper
    evidence = issue or month or (name is not None and _PERIODICAL_WORD.search(name) is not None) or (
        out["volume"] is not None and not bookish)
    if name is not None and not editor and evidence and (issue or month or not bookish):
        out["periodical"] = _MOTTO.sub("", name)    # ("The New International: A Monthly Organ of …")
        out["kind"] = "periodical"
    elif bookish or editor or (name is None and _PERSON.match(head or "")):
        out["kind"] = "book"
        out["volume"] = out["issue"] = None       # a collected edition's volume is not the text's
    elif issue or month:
        out["kind"] = "periodical"
    elif name is not None:
        out["kind"] = "book"                      # a title and a year: a book (or a pamphlet)
    if out["kind"] == "book" and out["date"] and (title := next(
            (p for p in map(clean, marked) if out["date_text"] in p and p in body
             and not _NOT_A_TITLE.match(p)), None)):                  # ("*Pamphlet, 1934*" is no title)
        # "Published in *To the Masses: Proceedings of the Third Congress …, 1921*": a year in
        # the book's title names what it holds, not when it was published.
        d = parse_date(body.replace(title, " "))
        out["date"], out["date_text"] = d if d else (None, None)
    if out["kind"] == "periodical" and out["date"] is None and (m := YEAR_SPAN.search(body)):
        out["date"], out["date_text"] = m.group("a"), m.group(0)   # "Die Neue Zeit, 1894–95": from 1894
    return out


def names_edition(line: str | None) -> bool:
    """Does a source line cite a collected or selected edition (which reprints a text)?"""
    return bool(_EDITION.search(line or ""))


def _head(body: str) -> tuple[str, str]:
    parts = _SOURCE_HEAD_END.split(body, maxsplit=1)
    head = parts[0].strip(" .")
    return head, body[len(parts[0]):]


def _periodical_name(head: str, rest: str, skip: set, numbers: bool, out: dict) -> str | None:
    if not head or _NOT_A_TITLE.match(head) or head.casefold() in skip:
        return None
    if _ON_DAY.match(head):
        return None                             # "Published: on 25 April 1938", "… on April 28, 1918": a day
    if head.split()[0].lower().strip(".,") in MONTHS:     # "January, 1938", "August 11, 1928"
        return None
    head = _HEAD_NUMBERS.sub("", head)          # "Pravda No. 68"
    head = _TRAILING_YEAR.sub("", head)         # "The Socialist Register 1978"
    if (m := _TRAILING_NUMBER.match(head)) and out["issue"] is None:   # "Socialist Review 221"
        head, out["issue"] = m.group("name").strip(), m.group("n2") or m.group("n")
    if not head or _NOT_PERIODICAL.match(head) or parse_date(head) is not None:
        return None
    if head.split()[0].lower().strip(".,") in MONTHS:     # "January, 1938"
        return None
    if _PERSON.match(head) and not _PERIODICAL_WORD.search(head) and not numbers:
        return None                             # "From Victor Serge, Memoirs of a Revolutionary"
    return head


def _marked_name(body: str, marked: Iterable[str], skip: set) -> str | None:
    """The emphasised phrase just before the volume, issue or date: "E. Belfort Bax, *The
    Gaggers*, **Justice**, 19th March 1910" → Justice."""
    stop = len(body)
    for pat in (_VOL, _NO):
        if (m := pat.search(body)):
            stop = min(stop, m.start())
    if (d := parse_date(body)) and body.find(d[1]) > 0:
        # (A line that opens with its date names the paper after it: "1896 in the miscellany
        # *Rabotnik*, No. 1–2", "1914, Eduard Bernstein in … *Vorwärts!*".)
        stop = min(stop, body.find(d[1]))
    best = None
    for phrase in marked:
        p = clean(phrase).strip(" ,.;:")
        if not p or p.casefold() in skip or parse_date(p) or _NOT_PERIODICAL.match(p):
            continue
        at = body.find(p)
        if 0 <= at < stop:
            best = p                            # the last one before the numbers
    return best


# An editor's note opening the text that says where it appeared: "The following article by
# Cannon was published in the *Daily Worker* magazine supplement.", "[Below is an article written
# by … for the West Coast socialist newspaper Labor Action.—Editor]".
_NOTE_SOURCE = re.compile(r"\b(?:was|were|first|and)\s+(?:published|printed|appeared)\s+in\s+(?:the\s+)?(?P<a>[A-Z][^.;,()\[\]]{2,60})"
                          r"|\bwritten\b(?:[^.;]|(?<=\b[A-Z])\.){0,80}?\bfor\s+(?:the|a)\s+(?:[\w\-]+\s+){0,4}?"
                          r"(?:newspaper|paper|weekly|monthly|journal|magazine|organ)\s+(?P<b>[A-Z][^.;,()\[\]—–]{2,60})")
_NAME_RUN = re.compile(r"^(?:(?:[A-Z][\w’'\-]*|of|the|de|du|la|le)\s?)+")
_NOTE_MARK = re.compile(r"^\s*\[|\b(?:Editor|Ed\.|Eds\.)\s*\]?\s*$|^\s*(?:The following|This (?:article|speech|text|piece|"
                        r"review|talk|lecture|address|essay|report|pamphlet))\b")
# "This review … was originally presented in a San Francisco symposium with Eldridge Cleaver, May 4, 1967."
_NOTE_SPOKEN = re.compile(r"\b(?:was|were)\s+(?:originally\s+|first\s+)?(?:presented|delivered|given|read|spoken)\b[^.]{0,160}")


def periodical_in_note(para: str) -> tuple[str, tuple[str, str] | None] | None:
    """The periodical an editor's note at the head of the text names as where it appeared, and
    the date it gives that issue ("… in the Daily Worker on June 26, 1928"), if any."""
    para = clean(para)
    # (The note's first sentences say it; a long note goes on to the history of the text.)
    if not _NOTE_MARK.search(para) or not (m := _NOTE_SOURCE.search(para[:400])):
        return None
    start = m.start("a") if m.group("a") else m.start("b")
    run = _NAME_RUN.match(para[start:])
    name = run.group(0).strip() if run else ""
    name = re.sub(r"(?:\s+(?:of|the|de|du|la|le|No|Nos|Vol))+$", "", name)
    if len(name) < 3 or _NOT_A_TITLE.match(name) or re.search(r"[’']s$", name) \
            or (_PERSON.match(name) or _BOOKISH.search(name)) and not _PERIODICAL_WORD.search(name):
        return None             # ("the Workers Party’s internal journal": the owner, not the paper)
    rest = para[start + len(name):]
    date = parse_date(rest[:50]) if re.match(r"\s*(?:(?:Vol\.?|No\.?)\s*[\dIVXLC]+\s*)*(?:,|on\b|of\b)", rest) else None
    return name, date


def delivered_in_note(para: str) -> tuple[str, str] | None:
    """The day an editor's note at the head of the text says it was delivered, if it names one."""
    para = clean(para)
    if not _NOTE_MARK.search(para) or not (m := _NOTE_SPOKEN.search(para[:400])):
        return None
    said = re.split(r"\b(?:and\s+)?(?:published|printed|appeared|reprinted)\b", m.group(0))[0]   # (not the paper's day)
    d = parse_date(said)
    return d if d and len(d[0]) == 10 else None     # (a day: "in 1967" may be the year it was printed)


# "Class Struggle, Volume 2 Number 3—March 1932": the <title> of a page that is a whole issue of a
# periodical (its contents, then every article), and the line under the paper's name that numbers
# and dates the issue ("Volume 2 Number 3 ……… March 19, 1932").
_ISSUE_TITLE = re.compile(r"^(?P<name>[^,:]{3,60}),\s*(?P<num>Vol(?:ume|\.)\s*[\dIVXLC]+,?\s*(?:Number|No\.)\s*"
                          r"\d+(?:\s*[-+]\s*\d+)?)\s*[—–,-]?\s*(?P<when>.*)$")
_ISSUE_LINE = re.compile(r"^Vol(?:ume|\.)\s*(?P<vol>[\dIVXLC]+),?\s*(?:Number|No\.)\s*(?P<no>\d+(?:\s*[-+&–]\s*\d+)?)(?P<when>.*)$")


def whole_issue(rec, title_tag: str | None, lines) -> None:
    """A page whose <title> cites an issue of a periodical and whose header cites no source is
    that issue: the paper, its numbers and date as the page prints them under the paper's name
    (the <title>'s when it does not), titled by the <title>'s citation, and no one writer's."""
    m = _ISSUE_TITLE.match(title_tag or "")
    if m is None:
        return
    printed = next(filter(None, (_ISSUE_LINE.search(clean(line)) for line in lines)), None) \
        or _ISSUE_LINE.search(f"{m.group('num')} {m.group('when')}")
    rec.periodical, rec.authors = m.group("name"), []
    rec.volume, rec.issue = printed.group("vol"), re.sub(r"\s+", "", printed.group("no"))
    # (The <title> as printed, unless its numbers are not the page's: "Volume 3 Number 9" over
    # a page that prints "Volume 5 Number 12".)
    same = _issue_key(_ISSUE_LINE.search(m.group("num"))) == _issue_key(printed)
    rec.title = f"{m.group('name')}, " + (m.group("num") if same else f"Volume {rec.volume} Number {rec.issue}")
    dated, titled = parse_date(printed.group("when")), parse_date(m.group("when"))
    if titled and (dated is None or len(titled[0]) > len(dated[0]) and titled[0].startswith(dated[0])):
        dated = titled      # ("NEW YORK, MAY,1931" reads as the year; the <title> says "May 1931")
    if dated:
        rec.date, rec.date_text = dated


def _issue_key(m: re.Match) -> tuple[str, str]:
    return m.group("vol"), re.sub(r"\s*[-+&–]\s*", "-", m.group("no"))      # ("9+10" is "9-10")
