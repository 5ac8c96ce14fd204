"""The bibliographic record: source lines, credits and header labels (dates as printed:
record_dates.py; names as credits print them: record_names.py).

Both the MIA HTML reader and the plain-text reader feed the same lines through these
functions, so one document read from either form gets the same record.
"""

from __future__ import annotations

import re
from typing import Iterable

from .model import Record
# Dates as printed are read in record_dates.py; readers import them from here with the rest of
# the record's vocabulary.
from .record_dates import (MONTH_NAMES, MONTHS, SEASON_NAMES, YEAR_SPAN, day_of_speech,  # noqa: F401
                           issue_date_from_heading, names_a_day, parse_date)
# Names as credits and bylines print them are read in record_names.py.
from .record_names import LANGUAGE_NAMES, clean, normalise_name, parse_names  # noqa: F401


def reference_date(rec: Record) -> str | None:
    """The date a document speaks from, for checks: when it was written if the page says so,
    else its first publication.  The heading date (a typo's or an event's, at times) only as a
    ``written`` record_dates.heading_as_written let in; never an event the text reports."""
    return rec.written or rec.date


# --------------------------------------------------------------------------- roles and labels

# ("Scanned and prepared … by", "Digitalized by": put into digital form, which is what a transcriber does)
_R_TRANSCRIBED = re.compile(r"trans(?:cri|cip|crit|ript)|scann|digiti[sz]|digitali[sz]")
_R_MARKUP = re.compile(r"mark(?:ed)?[- ]?up|html|xhtml")
_R_PROOF = re.compile(r"proo?f")
_R_TRANSLATED = re.compile(r"translat")


def roles_of(words: str) -> list[str]:
    """Record fields credited by a role phrase: "Transcription/HTML Markup" → transcribed_by, marked_up_by."""
    w = words.lower().replace("\\", "/")
    roles = []
    if _R_TRANSCRIBED.search(w):  # "Transciption", "Transcrition"
        roles.append("transcribed_by")
    if _R_MARKUP.search(w):
        roles.append("marked_up_by")
    if _R_PROOF.search(w):
        roles.append("proofread_by")
    if _R_TRANSLATED.search(w):
        roles.append("translated_by")
    return roles


# Labelled header (span.info) → the record field it fills.  Credits are recognised by
# roles_of() (which covers every slash/ampersand combination); this table holds the rest.
LABELS: dict[str, str] = {
    "written": "written", "delivered": "written", "spoken": "written", "date": "written",
    "first published": "published", "published": "published", "originally published": "published",
    "first published in": "published", "first printed": "published", "first publshed": "published",
    "re-published": "published", "republished": "published", "copied from": "source",
    "written by": "authors", "recorded": "written",
    "source": "source", "taken from": "source", "from": "source",
    "publisher": "publisher", "printer": "publisher", "published by": "publisher",
    "public domain": "rights", "pubic domain": "rights", "copyleft": "rights",
    "copyright": "rights", "fair use": "rights", "creative commons": "rights", "license": "rights",
    "rights": "rights", "licence": "rights",
    "author": "authors",
}
# Known labels that carry nothing the record keeps (not counted as unknown).
IGNORED_LABELS = {"also published", "this edition", "original title", "signed", "location",
                  "speaker", "digital version", "reformatted", "copyedited", "online version", "this version", "section", "note", "notes", "editor",
                  "edited", "editing", "html", "format", "formatted"}


_NUMBER_LABEL = re.compile(r"\d+\.?")
_PUBLISHED_LABEL = re.compile(r"^(?:first|originally)\s+(?:published|printed|appeared)\b(?!.*\bby\b)")


def label_key(label: str) -> str:
    return clean(label.replace("&amp;", "&")).strip(" :").lower()


def label_field(label: str) -> tuple[str, list[str]]:
    """("table", field) | ("credit", roles) | ("ignored", []) | ("unknown", [])."""
    key = label_key(label)
    if key in LABELS:
        return "table", [LABELS[key]]
    if _PUBLISHED_LABEL.match(key):
        return "table", ["published"]       # "First Published in full", "… (in German)", "… as"
    roles = roles_of(key)
    if roles and len(key) < 60:
        return "credit", roles
    if key in IGNORED_LABELS or _NUMBER_LABEL.fullmatch(key):
        return "ignored", []
    return "unknown", []


# --------------------------------------------------------------------------- source line

def parse_source_line(line: str | None, marked=(), skip=()) -> dict:
    """Fields of a source line (periodical, volume, issue, pages, date, kind): see sourceline.py."""
    from .sourceline import parse_source_line as parse
    return parse(line, marked, skip)


# --------------------------------------------------------------------------- free-text lines

# ("Transcribed &anp; marked up by …": the ampersand's entity mistyped on five corpus pages.)
_CREDIT_LINE = re.compile(
    r"^(?P<roles>(?:[\w\\/&,\- ]|&amp;|&anp;)*?(?:transcri\w*|scanned|digit\w*|mark(?:ed)?[- ]?up|html\w*|proof\w*|translat\w*)"
    # ("Transcribed:Sally Ryan for marxists.org": a label's colon with no space after it)
    r"(?:[\w\\/&,\- ]*?))\s*(?::\s*by\s+|:\s*|\bby\s+)(?P<names>.+)$", re.I)


def is_credit_line(line: str) -> bool:
    """"Transcribed for the Internet by …": a credit, even when no name can be read from it."""
    m = _CREDIT_LINE.match(clean(line))
    return bool(m and roles_of(m.group("roles")))


def opens_with_credit(line: str) -> bool:
    """A credit line that opens with its role ("Transcribed by …", "Html Markup by …"), not a
    sentence that mentions one ("Taken from the Penguin edition of Capital, translated by Ben
    Fowkes" credits a quoted edition's translator, not this page's)."""
    return is_credit_line(line) and bool(roles_of(" ".join(clean(line).split()[:2])))


def parse_credit_line(line: str) -> dict[str, list[str]]:
    """"Transcribed & marked up by Einde O’Callaghan for the MIA." → {role field: names}."""
    m = _CREDIT_LINE.match(clean(line))
    if not m:
        return {}
    roles = roles_of(m.group("roles"))
    names = parse_names(m.group("names"), credit=True) or _email_credit(m.group("names"))
    return {r: names for r in roles} if names else {}


# The end of a source's sentence and a credit sentence after it (its role word first).
_CREDIT_SENTENCE = re.compile(r"[.)]\s+(?=(?:Transcri|Scanned|Digit|Marked|Proof|Translat|HTML|Html)\w*\b)"
                              r"|;\s+(?=(?i:transcri|scanned|digit|marked|proof|translat|html)\w*\b)")

_EMAIL = re.compile(r"^(?:by\s+)?([\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+?)\.?$", re.I)


def _email_credit(value: str) -> list[str]:
    """"Transcribed by: zodiac@io.org.": the address is the only name the credit prints."""
    m = _EMAIL.match(clean(value))
    return [m.group(1)] if m else []


# Precompiled for the header lines of every page (see parse_names).
_SOURCE_LINE = re.compile(r"(?:from|first published|published in|originally published|originally appeared|"
                          r"source|reprinted from|taken from|copied from)\b")
_PUBLISHED_LINE = re.compile(r"(?:first published|published in|originally published|originally appeared|"
                             r"first appeared|appeared in)\b")
_RIGHTS_LINE = re.compile(r"(?:copyright|copyleft|public domain|©)")
_UPDATED_LEAD = re.compile(r"^\s*(?:last\s+)?updated(?:\s+on)?\s*:?", re.I)
# "Speech made in New York on 9 March 1938.", "Delivered at the Congress, 12 May 1919.", "Text of a
# speech made at *Marxism 1992*." (a speech's occasion, never its source)
_WRITTEN_LINE = re.compile(r"^(?:(?:the\s+)?(?:first|original)\s+(?:version|draft)\s+)?written")
_SPOKEN_LINE = re.compile(r"^(?:(?:(?:the\s+)?text\s+of\s+)?(?:an?\s+)?(?:speech|address|lecture|talk|report)\b.{0,80}\b(?:made|delivered|given|read)"
                          r"|(?:delivered|spoken|given|read)\s+(?:at|in|on|to|before))\b", re.I)
# An ETOL-style citation with no lead word: "Socialist Review, No. 172, February 1994, pp. 30–1."
# A citation of part of a book ("Extract from Socialism Made Easy, by James Connolly, 1909.",
# "Chapter XVII of L’histoire de l’Internationale Communiste, Paris 1997."), not of a paper.
_PART_OF = re.compile(r"^(?:extracts?|excerpts?|chapter|part|section)\b", re.I)
# A "name" read from a sentence ("The article was first published in the June 1972 issue of …").
_SENTENCE_WORD = re.compile(r"\b(?:was|were|is|published|printed|appeared)\b")
_CITATION_HINT = re.compile(r"\b(?:Vol(?:ume)?\.?\s*[IVXLC\d]|No\.?\s*\d|pp?\.\s*\d)", re.I)


class RecordBuilder:
    """Collects header facts in the order a reader meets them and fills a Record.

    Dates keep their meaning apart: ``date`` is the first publication (a "First published"
    line, else a source line that names a periodical, else a book's year unless the text is
    older than that book), ``written`` when it was written or delivered, ``heading_date`` the
    date printed in the page's heading."""

    def __init__(self) -> None:
        self.rec = Record()
        self.unknown_labels: list[str] = []
        self._published: tuple[str, tuple] | None = None
        self._source: tuple[str, tuple] | None = None
        self._citation: tuple[str, tuple] | None = None
        self.skip_phrases: list[str] = []      # the title and authors: not a periodical's name
        self.text_year: str | None = None      # the year the page's banner gives the text ("Karl Marx 1859")
        self.reprint_dropped = False           # a later book's year was not taken as the date

    def credit(self, field: str, names: Iterable[str]) -> None:
        current = getattr(self.rec, field)
        for n in names:
            if n not in current:
                current.append(n)

    def heading_date(self, text: str) -> bool:
        d = parse_date(text)
        if not d:
            return False
        self.rec.heading_date = d[0]
        self.rec.heading_date_text = clean(text)
        return True

    def written(self, text: str, words: str | None = None) -> bool:
        """A date the text was written (or delivered), unless one is known already."""
        if self.rec.written is not None:
            return False
        d = parse_date(text, spans=True)
        if not d:
            return False
        self.rec.written, self.rec.written_text = d[0], clean(words or d[1])
        return True

    def info_line(self, line: str, marked: tuple = ()) -> None:
        """One line of a free-text header (p.info, or a plain-text export's header);
        ``marked``: its emphasised phrases (where a periodical's name is set)."""
        line = clean(line)
        if not line:
            return
        low = line.lower()
        if (m := _CREDIT_SENTENCE.search(line)) and is_credit_line(line[:m.start() + 1]) \
                and is_credit_line(line[m.end():]):
            # "Digitalized by X on November 11, 2010. Marked-up by Y …": two credits, each its
            # own names (read as one, the last "by" named Y for both).
            self.info_line(line[:m.start() + 1], marked)
            self.info_line(line[m.end():], marked)
            return
        credits = parse_credit_line(line)
        if credits:
            for f, names in credits.items():
                self.credit(f, names)
            return
        if _SPOKEN_LINE.match(line):
            self.written(line, line)
            rest = re.split(r"(?<=\.)\s+(?=From\b|First published\b|Published\b)", line, maxsplit=1)
            if len(rest) == 2:
                self.info_line(rest[1], marked)
            return
        if _PUBLISHED_LINE.match(low):
            if self._published is None:
                self._published = (line, marked)
            return
        if _SOURCE_LINE.match(low):
            if self._source is None:
                self._source = (line, marked)
            return
        if (m := _WRITTEN_LINE.match(low)):
            # ("First version written on 20 December 1943.": the text's first writing)
            self.labelled("Written", line[m.end():].lstrip(" :"))
            return
        if _RIGHTS_LINE.match(low) and self.rec.rights is None:
            self.rec.rights = line
            return
        if self._citation is None and (_CITATION_HINT.search(line) or marked) and parse_date(line) \
                and len(line) < 300:
            self._citation = (line, marked)

    def has_source_line(self) -> bool:
        """Has a line said where the text was published or taken from?"""
        return self._published is not None or self._source is not None

    def labelled(self, label: str, value: str, marked: tuple = ()) -> None:
        value = clean(value).strip()
        kind, fields = label_field(label)
        if kind == "unknown":
            self.unknown_labels.append(label_key(label))
            return
        if kind == "ignored":
            return
        if kind == "credit":
            names = parse_names(value, credit=True) or _email_credit(value)
            if not value.strip(" :.-–—"):  # a value that is not a name is still a value
                self._empty(fields[0])
            for f in fields:
                self.credit(f, names)
            return
        field = fields[0]
        if field in ("source", "published") and (m := _CREDIT_SENTENCE.search(value)) and is_credit_line(value[m.end():]):
            # "Source: Karl Marx, Letters to Dr Kugelmann (…). Scanned and prepared for the
            # Marxist Internet Archive by Paul Flewers.": the credit is no part of the source.
            self.info_line(value[m.end():])
            value = value[:m.start() + 1]
        if not value and field == "rights":
            # "Public Domain" or "Copyleft" alone is the statement itself, not an empty field.
            self.rec.rights = self.rec.rights or clean(label).strip(" :")
            return
        if not value:
            self._empty("date" if field == "published" else field)
            return
        if field == "written":
            self.written(value)
        elif field == "published":
            if self._published is None:
                self._published = (value, marked)
        elif field == "source":
            if self._source is None:
                self._source = (value, marked)
        elif field == "publisher":
            self.rec.publisher = self.rec.publisher or value
        elif field == "rights":
            self.rec.rights = self.rec.rights or f"{clean(label).strip(' :')}: {value}"
        elif field == "authors":
            for n in parse_names(value):
                self.credit("authors", [n])

    def _empty(self, field: str) -> None:
        if field not in self.rec.empty_fields:
            self.rec.empty_fields.append(field)

    def last_updated(self, text: str | None) -> None:
        value = clean(_UPDATED_LEAD.sub("", clean(text)))
        d = parse_date(value) or _month_day_year(value)
        if d:
            self.rec.last_updated = d[0]
        elif not value.strip(" :.-–—"):  # only a blank value is an empty field
            self._empty("last_updated")

    def _parse(self, held):
        return parse_source_line(held[0], held[1], self.skip_phrases) if held else None

    def finish(self) -> Record:
        rec = self.rec
        pub = self._parse(self._published)
        src = self._parse(self._source) or self._parse(self._citation)
        if src and src["date"] is None and src["kind"] != "periodical" and (d := parse_date(rec.publisher)):
            # "Source: *We Have Met Lenin*, pp. 39-47 / Publisher: Foreign Languages Publishing
            # House, Moscow, 1939": the book's year stands on its publisher's line.
            src["date"], src["date_text"] = d
        for line in (src, pub):
            if line and not rec.source_text:
                rec.source_text = line["source_text"]
        # Where it first appeared: the "First published" line, else a source line that
        # names a periodical ("From Socialist Appeal, …" is how ETOL pages say it).
        first = pub if pub and (pub["periodical"] or pub["kind"] == "periodical") else None
        if first is None and src and src["kind"] == "periodical":
            first = src
        if pub is None and src is not None and src["date"] and (cit := self._earlier_citation(src["date"])):
            # "From Revolutionary History, Vol. 9 No. 4, 2008 / Un trotskyste à New York…, in
            # Cahiers Léon Trotsky, April 1990 (43)": the header cites the text's earlier
            # appearance in a paper too; the source is where this version was taken from.
            first = src = cit
        if first is src and src is not None and src["date"] and pub and pub["title"] and not pub["date"] \
                and not pub["issue"] and not pub["volume"]:
            # "From Justice, 13 June 1903, p.3. / Originally published in Droit du Peuple.": the
            # source is a reprint; the text first appeared in what the other line names, whose
            # date and numbers the page does not give (the heading's date, if no later, is its).
            rec.periodical = pub["title"]
            if rec.heading_date and rec.heading_date[:len(src["date"])] <= src["date"]:
                rec.date, rec.date_text = rec.heading_date, rec.heading_date_text
            return rec
        if first is not None:
            rec.periodical, rec.volume = first["periodical"], first["volume"]
            rec.issue, rec.pages = first["issue"], first["pages"]
        # The date: the earliest publication the lines give, a reprint's excepted ("From
        # Robert Hessen (ed.), Breaking with Communism (1990)" for a speech of 1938).
        dated = [line for line in (pub, first, src) if line is not None and line["date"]
                 and not (line is src and src["kind"] != "periodical" and self._older_than(src["date"]))]
        self.reprint_dropped = bool(src and src["date"] and src not in dated and src is not first)
        from .sourceline import names_edition      # (sourceline imports this module)
        if first is None and src and src["kind"] == "book" and src["pages"] and not self.reprint_dropped \
                and not names_edition(src["source_text"]):
            # "From Essays in Socialism New & Old (1907), pp.35-39": where in the book the text
            # stands (not a later reprint's, a collected edition's pages: no first publication).
            rec.pages = src["pages"]
        if dated:
            best = min(dated, key=lambda line: line["date"][:4])
            rec.date, rec.date_text = best["date"], best["date_text"]
        elif src is None and pub is None and (d := parse_date(rec.publisher)) and not self._older_than(d[0]):
            # "Publisher: The Socialist League, …, London, 1935" and no source line: a pamphlet's
            # own printing is its first publication (not a reprint of a text dated years before).
            rec.date, rec.date_text = d
        elif first is not None and first["periodical"] and rec.heading_date:
            rec.date, rec.date_text = issue_date_from_heading(first["source_text"], (
                rec.heading_date, rec.heading_date_text)) or (None, None)
        return rec

    def _earlier_citation(self, later: str) -> dict | None:
        """A second citation line naming a periodical, dated in a year before `later` — the
        heading's year when the heading is dated (not "…where it was called *1917 was a
        democratic revolution!*", a reprint's title)."""
        if self._citation is None or _PART_OF.match(self._citation[0]):
            return None     # ("Extract from Socialism Made Easy, 1909", "Chapter XVII of …": a book)
        cit = self._parse(self._citation)
        year = cit["date"][:4] if cit["date"] else None
        if cit["kind"] != "periodical" or not cit["periodical"] or _SENTENCE_WORD.search(cit["periodical"]) \
                or year is None or year >= later[:4] \
                or (self.rec.heading_date is not None and self.rec.heading_date[:4] != year):
            return None
        return cit

    def _older_than(self, iso: str) -> bool:
        """The text is dated (heading or written) at least two years before `iso`."""
        year = int(iso[:4])
        for known in (self.rec.heading_date, self.rec.written, self.text_year):
            if known and int(known[:4]) <= year - 2:
                return True
        return False


def _month_day_year(text: str) -> tuple[str, str] | None:
    """US numeric dates on update lines ("6.14.2009", "6/14/2009"): day > 12 makes them unambiguous."""
    m = re.fullmatch(r"\s*(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)\.?\s*", text or "")
    if not m or not (1 <= int(m.group(1)) <= 12 < int(m.group(2)) <= 31):
        return None
    return f"{m.group(3)}-{int(m.group(1)):02d}-{int(m.group(2)):02d}", m.group(0).strip()
