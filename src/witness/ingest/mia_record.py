"""The record of an MIA page, from its header: headings, ``p.title``, ``p.info(rmation)``, meta.

MIA pages come in house styles that use the same elements for different things:

* the ETOL / author-archive style: ``h2`` author, ``h1`` title, ``h3`` "(28 August 1937)",
  then ``p.info`` — and for a chapter, ``h1`` is the *book* and the ``h3`` after it the chapter;
* the Marx–Engels / Lenin library style: ``p.title`` is the work ("Value, Price and Profit",
  "Karl Marx. Capital Volume One", "Frederick Engels 1847"), or a breadcrumb ("MIA: Marxists:
  Marx & Engels: Library: …"), ``h1``/``h3`` the chapter or letter ("Engels to August Bebel"),
  a dateline heading ("London, 20 June, 1873") the letter's date.

Who wrote it comes from the page itself — a byline heading, a name leading ``p.title``, a
letter's sender, the ``<meta name="author">`` tag — and only then from the folder (Engels's
works live under ``archive/marx/``).  When the meta tag prints a fuller form of the byline's
name ("E. Belfort Bax" / "Ernest Belfort Bax"), the fuller form is taken.
"""

from __future__ import annotations

import re

from ..model import Record
from ..sourceline import whole_issue
from ..record import (RecordBuilder, clean, names_a_day, normalise_name,
                      parse_date)
from ..record_dates import bare_day
from .mia_authors import (BANNER, FRONT_MATTER, archive_names, closing_signer, editorial_authors, expand_initials,
                          folder_token, front_matter_title, front_matter_writer, interviewee, is_initials,
                          meta_authors, meta_contradicted, other_person, path_author, prefatory, printed_folder_writer)
from .mia_info import marked_phrases, read_info, source_heading
from .mia_record_dates import LONE_YEAR, Dated, settle_dates
from .mia_datelines import date_line as _date_line, datelines
from .mia_names import full_form, fuller, people, surname_key
from .mia_chapters import chapter_after_rule, described_chapter, label_sequel, labelled_part, numbered_sections
from .mia_titles import (TitleFacts, choose_title, heading_lines, heading_text, is_label, is_title_tag, join_label,
                         without_life_dates)
from .textbuild import HEADINGS, inline_text

_HONORIFIC = re.compile(r"^(?:Dr|Prof|Professor)\.?\s+(?=\S+\s+\S)")
_PAREN_SOURCE = re.compile(r"\((?P<src>From\s+[^()]{5,200})\)$")
_LETTER_BY = re.compile(r"^(?:[\w.]+\s+){0,2}(?:open\s+)?letter\s+by\s+(?P<who>[A-Z][^,;:()]{2,60})$", re.I)
_BY = re.compile(r"^\s*by\s+(?P<who>.+)$", re.I)
_LETTER = re.compile(r"^(?P<from>[A-Z][\w.’' \-]{1,40}?)\s+to\s+(?P<to>[A-Z][^,;]{1,80}?)"
                     r"(?:\s+In\s+(?P<place>[A-Z][\w\-’' ]{1,40}))?(?:,\s*(?P<date>[^,]{0,20}\d{1,2},?\s*\d{4}|[^,]{0,25}\d{4}))?\.?$")
_SPOKEN = re.compile(r"^(?:speech|address|lecture|talk|report|reporter’s record|record of)\b.{0,200}\d{4}", re.I)
_ABSTRACT = re.compile(r"^(?:abstract|extracts?|excerpts?|\[?abridged\]?|(?:table of )?contents|notes)$", re.I)
_YEARISH = re.compile(r"(?:,|\.)?\s*\(?(?:1[5-9]\d\d|20\d\d)(?:[-–/](?:1[5-9]\d\d|20\d\d|\d\d))?\)?\s*$")
_LANG_BY_FOLDER = {"espanol": "es", "italiano": "it", "polski": "pl", "suomi": "fi", "norsk": "no",
                   "eesti": "et", "ellinika": "el", "esperanto": "eo", "islenska": "is", "shqip": "sq"}
_NAME_YEAR_WORK = re.compile(r"^(?P<who>[A-Z][^:\d]{1,40}?)\s+(?P<year>1[5-9]\d\d|20\d\d)\s*:\s*(?P<work>\S.*)$")
# "Preface to the Second Edition (1870)", "1892 English Edition Introduction": the preface first
# appeared in that edition.
_CONTINUED = re.compile(r"^(?:of|and|for|to|on|in)\s+(?:the\s+)?[A-Z]")   # a heading that goes on from the last
_ADOPTED = re.compile(r"^\(?(?:as\s+)?adopted\s+(?:by|at)\s+(?:the\s+)?(?P<body>[A-Z][^,;()]{3,80}?)"
                      r"(?:,|\s+(?:on|in))\s+(?P<when>[^()]{0,30}\d{4})\)?\.?$")
_STUDY_GUIDE = re.compile(r"^(?:an?\s+)?(?:study|reading|discussion)\s+guide\b", re.I)
_SIGNED_YEAR = re.compile(r"^(?P<who>[A-Z][\w.’' \-]{2,40}?),?\s+(?P<year>1[89]\d\d|20\d\d)\.?$")


class HeaderReader:
    """Reads one page's header elements into a Record (see the module docstring)."""

    def __init__(self, page, body_paras: list[str], tail_paras: list[str] = ()):
        self.p = page
        self.root = page.root
        self.rb: RecordBuilder = page.rb
        self.body_paras = body_paras
        self.tail_paras = list(tail_paras)
        self.work: str | None = None
        self.title_day: str | None = None
        t = self.root.find(".//title")
        self.title_raw: str | None = t.text if t is not None else None   # the <title> as printed
        self.title_tag = clean(self.title_raw)
        self.meta_authors = meta_authors(self._meta("author"))

    # -- page-level facts
    def _meta(self, name: str) -> str | None:
        for m in self.root.iter("meta"):
            if (m.get("name") or "").lower() == name and m.get("content"):
                return clean(m.get("content"))
        return None

    def record(self) -> Record:
        rb = self.rb
        items = sorted(self.p.header_headings + self.p.title_ps, key=lambda el: self.p.order.get(el, 0))
        bylines: list[str] = []
        lead_names: list[str] = []
        letter = None
        titles: list[tuple[str, str]] = []      # (tag, text) candidates, in order
        subtitles: list[str] = []
        crumb_title = None
        adopted_by: list[str] = []
        front_by: list[str] = []
        for el in items:
            lines = heading_lines(el)
            if len(lines) > 1 and el.tag in HEADINGS and lines[-1].startswith("By ") and (m := _BY.match(lines[-1])) \
                    and (who := people(m.group("who"))):
                # "The Berlin Debate on the Revolution / By Friedrich Engels": a byline set as
                # the heading’s last line, set apart by its capital (not a headline’s second half,
                # "Shachtman Takes Chair Vacated / by Professor Burnham")
                bylines = bylines or who
                lines = lines[:-1]
            if len(lines) > 1 and el.tag in HEADINGS and _date_line(lines[-1]) \
                    and not (len(lines) == 2 and is_label(lines[0]) and not _date_line(lines[-1], words=0)):
                # "The Third Address / May, 1871", "…Speech at the Grave of Karl Marx / Highgate
                # Cemetery, London. March 17, 1883": the heading's last line dates it (but
                # "Chapter Two / Social Democracy Before 1914" is a chapter's title).
                if rb.rec.heading_date is None:
                    rb.heading_date(lines[-1])
                lines = lines[:-1]
            text = " ".join(lines)
            if not text:
                continue
            if el.tag in ("h3", "h4", "h5", "h6") and (line := source_heading(lines)):
                # "1892 / From <em>Die Neue Zeit</em> / Vol. XI, No. I, pp. 373-75" set as a heading
                rb.info_line(line, marked_phrases(el))
                continue
            if el.tag not in HEADINGS:
                kind, value = self._title_p(el, lines)
                if kind == "crumbs":
                    crumb_title = value
                elif kind == "author":
                    lead_names = lead_names or value
                continue
            if not bylines and (m := _LETTER_BY.match(text)) and (who := people(m.group("who"))):
                bylines = who       # "First Letter by John Sandgren": a letter is its writer's (the title stays)
            if _BY.match(text) and (who := people(_BY.match(text).group("who"))):
                if titles and FRONT_MATTER.match(titles[-1][1]):
                    front_by = front_by or who      # "Introduction" / "by Paul Foot": not the book's writer
                bylines = bylines or who
                continue
            if el.tag in ("h2", "h4") and not bylines and not titles and (who := people(text)) \
                    and not (not self._known_author(who) and is_title_tag(self.title_tag, text)):
                # (not "Lenin", the book's name, over a page Zinoviev wrote; not "Feminism and
                # Family Names", the <title> itself, with no meta tag to check it against)
                bylines = who
                continue
            if el.tag in ("h2", "h3", "h4") and not bylines and not titles and is_initials(text):
                bylines = [expand_initials(text, self.meta_authors + archive_names(self.root))]
                continue
            if el.tag in ("h1", "h3", "h5") and not bylines and not titles and (who := people(text)) \
                    and self._known_author(who) and not self._titled_by(text):
                bylines = who           # "T. Cliff" as an h3 above the book's title
                continue
            if self.title_day is None and bare_day(text):
                self.title_day = text       # "March 7" under a congress's speech
            # (Not an h1 the <title> names before its date: "Brian Pearce: 1921 and All That (October 1960)".)
            if len(text) < 60 and self._is_date_heading(text) and not (el.tag == "h1" and f"{text} (" in self.title_tag):
                if rb.rec.heading_date is None:
                    rb.heading_date(text)
                continue
            if _ABSTRACT.match(text.strip(" :.[]")) or not re.search(r"[^\W\d_]", text):
                continue            # "Abstract", "* * *"
            first = lines[0] if lines else text
            if letter is None and (m := _LETTER.match(first)) and len(first) < 160 and self._is_letter_heading(m):
                letter = m
                place = m.group("place") or (lines[1][3:] if len(lines) > 1 and lines[1].lower().startswith("in ") else None)
                rb.rec.written_place = rb.rec.written_place or (clean(place) if place else None)
                if m.group("date"):
                    rb.written(m.group("date"), m.group("date"))
                title = first[:m.start("place") - 4] if m.group("place") else first   # "… In Zwickau"
                title = " ".join([title] + [x for x in lines[1:] if not x.lower().startswith("in ")])
                titles.append((el.tag, clean(title).rstrip(" .")))
                rb.rec.addressees = rb.rec.addressees or [clean(m.group("to"))]
                continue
            if (m := _ADOPTED.match(text)) and rb.written(m.group("when"), text):
                # "as adopted by the London Conference of the International, September, 1871"
                adopted_by = adopted_by or [clean(m.group("body"))]
                subtitles.append(text)
                continue
            if _SPOKEN.match(text) and rb.written(text, text):
                subtitles.append(text)
                continue
            text = join_label(lines) if len(lines) > 1 else text
            if titles and _CONTINUED.match(text):
                # "Inaugural Address" / "of the International Working Men’s Association": one title
                titles[-1] = (titles[-1][0], f"{titles[-1][1]} {clean(text)}")
                continue
            titles.append((el.tag, clean(text)))
        facts = TitleFacts(
            title_tag=self.title_tag,
            chapter_after_rule=chapter_after_rule(self.p.header_headings, self.p.order, self.p.body,
                                                  self.p.info_blocks, self.title_tag),
            numbered_sections=numbered_sections(self.p.body), label_sequel=label_sequel(self.p.header_headings),
            description=self._meta("description"),
            root=self.root, chapter_file=bool(re.match(r"(?:ch|chap|chapter)\d+\w?\.html?$",
                                                        self.p.rel.rsplit("/", 1)[-1], re.I)))
        title, rest, self.work = choose_title(titles, facts, self.work)
        if facts.label_sequel and title == facts.label_sequel[2] and facts.label_sequel[3]:
            self.title_day = facts.label_sequel[3]      # "… December 22": the day of a congress's speech
        subtitles.extend(t for _, t in rest)
        if (chapter := described_chapter(facts.description, title, self.p.body)) is not None:
            title, self.work = chapter, self.work or title     # the book, its chapter after an epigraph
        elif (part := labelled_part(self.title_tag, title, self.p.body)) is not None:
            subtitles = [t for t in subtitles if t != part]
            title, self.work = part, self.work or title         # "Working For Wages (Conclusion)"
        if title is None:
            title = crumb_title
        if title is None and self.title_raw:
            title = self.title_tag
        rb.rec.title = title = without_life_dates(title)    # "Peter Sedgwick (1934-1983)"
        rb.rec.subtitle = " ".join(subtitles) or None
        rb.rec.work = self.work
        # The text's own title and people are never the periodical's name.
        rb.skip_phrases = [x for x in (title, self.work) if x]
        first_long = self.p.first_long
        if not self.p.info_blocks and (source := self._paren_source()):
            # (The paper's name is set in quotes there, as elsewhere in italics.)
            rb.info_line(source, tuple(re.findall(r"[“\"]([^”\"]{2,80})[”\"]", source)))
        for block in self.p.info_blocks:
            # A free-text block inside the text (a citation set as p.information) gives only
            # its credits; the header proper comes before the first paragraph, or is labelled.
            late = first_long is not None and self.p.order.get(block, 0) > first_long
            read_info(rb, block, credits_only=late)
        if self.p.updat is not None:
            rb.last_updated(inline_text(self.p.updat))
        is_letter = letter is not None or "/letters/" in self.p.rel
        datelines(self.p, rb, self.body_paras, self.tail_paras, is_letter)
        if self.p.date_ps and rb.rec.heading_date is None:
            for p in self.p.date_ps:
                if rb.heading_date(inline_text(p)):
                    break
        if self._work_year is not None:
            rb.text_year = self._work_year[0]
        rec = rb.finish()
        sender = people(letter.group("from")) if letter is not None else []
        credited = {normalise_name(n).casefold() for f in ("transcribed_by", "marked_up_by", "proofread_by",
                                                            "translated_by") for n in getattr(rec, f)}
        meta = [n for n in self.meta_authors if normalise_name(n).casefold() not in credited]
        if rec.periodical and len(lead_names) > 1:
            # "Harry Quelch, *Justice*, 27 July 1889": the periodical after the name is no author
            lead_names = [n for n in lead_names if n.casefold() != rec.periodical.casefold()]
        if meta and not (bylines or lead_names or sender) and meta_contradicted(self.p.rel, self.title_raw, meta):
            meta = []       # a template's author tag left on another writer's page
        authors = bylines or lead_names or sender or self._body_byline() or meta or rec.authors or adopted_by \
            or self._folder_writer()
        # (A title before the name, "Dr. Alex Bebler", is no part of it: the annotators drop it.)
        rec.authors = [normalise_name(fuller(_HONORIFIC.sub("", a), self.meta_authors)) for a in authors]
        if any(" " not in a for a in rec.authors):
            # A bare "Engels" (meta tag, letter heading) takes the fuller form the page prints
            # ("Works of Frederick Engels 1885", "Frederick Engels’ Speech…", a signature).
            printed = self._printed_names()
            rec.authors = [full_form(a, printed) if " " not in a else a for a in rec.authors]
        if _STUDY_GUIDE.match(rec.title or ""):
            self._guide_signature(rec)
        elif prefatory(rec.title, self.body_paras) and (signer := closing_signer(self.tail_paras, self.p.body)) and other_person(signer, rec.authors):
            rec.authors = [normalise_name(signer)]     # an editor's introduction to the writer's book
        elif (others := editorial_authors(rec, self.title_tag, self.body_paras[:2], self.meta_authors)) is not None:
            rec.authors = others        # "Editor’s Note", unsigned: not the writer of the work it presents
        elif writer := front_matter_writer(rec.title, front_by, [self.title_tag, self._meta("description")]):
            rec.authors = [normalise_name(n) for n in writer]   # another's introduction to the book
            front_matter_title(rec, writer)
        elif (spoken := interviewee([heading_text(h) for h in self.p.header_headings], self.title_tag)) \
                and not any(surname_key(a) == surname_key(n) for a in rec.authors for n in spoken) \
                and (not (bylines or lead_names) or any(self._known_by_meta(n) for n in spoken)):
            # The interviewed, not the interviewer — unless the page credits the interviewer alone
            # (byline and author tag: "Michael Kidron" / "Interview with Dick Barrett", his article).
            rec.authors = [normalise_name(n) for n in spoken]
        settle_dates(rec, self.p, Dated(self.title_raw, self._work_year, self.title_day, rb.reprint_dropped, is_letter),
                     self.body_paras, self.tail_paras)
        if not rb.has_source_line():      # ("Class Struggle, Volume 2 Number 3—March 1932": a whole issue)
            whole_issue(rec, self.title_tag, (inline_text(e) for e in self.p.body.iter("p", "h3", "h4")))
        rec.language = self._language()
        return rec

    def _body_byline(self) -> list[str]:
        """A text's first line "By Albert Weisbord" set in the body, not in a heading — also
        after the title and before a "(From …)" source line, all in one paragraph."""
        first = clean(self.body_paras[0]) if self.body_paras else ""
        if len(first) < 300:
            first = _PAREN_SOURCE.sub("", first).strip()
            title = self.rb.rec.title or ""
            if title and first.casefold().startswith(title.casefold()):
                # (past the title and a note on it: "… in the West (Incomplete) by Albert Weisbord")
                rest = re.sub(r"^\s*\([^)]*\)", "", first[len(title):]).strip()
                first = rest if _BY.match(rest) else first
        m = _BY.match(first)
        return people(m.group("who")) if m and len(first) < 60 else []

    def _paren_source(self) -> str | None:
        """A source set in parentheses in the text's first paragraph, below its title or byline,
        when the page has no header block: "(From “Class Struggle” Volume 6 Number 5, September
        1936)", "By Albert Weisbord / (From the magazine “La Parola del Popolo” …)"."""
        first = clean(self.body_paras[0]) if self.body_paras else ""
        m = _PAREN_SOURCE.search(first) if len(first) < 300 else None
        return m.group("src") if m else None

    def _folder_writer(self) -> list[str]:
        """The folder's writer, in the form the page prints as its archive's name ("A. Weisbord
        Internet Archive") rather than the folder's ("Weisbord")."""
        found = path_author(self.p.rel, self.title_raw)
        printed = printed_folder_writer(self.p.rel, archive_names(self.root))
        if printed and len(found) == 1 and surname_key(found[0]) == surname_key(printed) and len(printed) > len(found[0]):
            return [printed]
        return found

    def _is_letter_heading(self, m: re.Match) -> bool:
        """Is an "X to Y" heading a letter's?  "Engels to August Bebel" is, but so would be
        "Aims to Distract Attention…", "Reply to Comrade Bojarsky", "Miller Goes Over to Muste"
        (a headline's "to" reads the same): a sender who is not the page's author (meta tag or
        folder) needs the page to say it is a letter (its folder, its <title>)."""
        sender = m.group("from")
        if re.match(r"^(?:an?\s+|open\s+)*letter$", sender, re.I):
            return True
        who = people(sender)
        if not who:
            return False
        return self._known_author(who) or "/letters/" in self.p.rel or \
            bool(re.search(r"\bletters?\b", self.title_tag or "", re.I))

    def _titled_by(self, text: str) -> bool:
        """Does the <title> name `text` as the title of someone's text ("Karl Marx by Frederick
        Engels 1877"), or as the whole title?  Then a heading reading like a name is the title."""
        if not self.title_tag:
            return False
        return bool(re.match(re.escape(text) + r"\s*(?:,|:)?\s+by\s+\S", self.title_tag, re.I)) or \
            (self.meta_authors != [] and is_title_tag(self.title_tag, text) and not self._known_by_meta(text))

    def _known_by_meta(self, text: str) -> bool:
        return any(surname_key(n) == surname_key(text) for n in self.meta_authors)

    def _printed_names(self) -> list[str]:
        """The header's texts where a fuller form of the author's name may stand: the meta
        author, the <title>, p.title, the header headings and signature lines."""
        out = list(self.meta_authors)
        if self.title_raw:
            out.append(self.title_tag)
        out += [inline_text(el) for el in self.p.title_ps + self.p.header_headings]
        out += [inline_text(el) for el in self.p.sig_ps]
        return out

    def _guide_signature(self, rec: Record) -> None:
        """A study guide is its writer's text, not the studied author's (the meta tag names
        Marx): it is signed at its end, "Andy Blunden, 2002"."""
        for para in reversed(self.tail_paras[-3:]):
            m = _SIGNED_YEAR.match(para.strip())
            if m and (who := people(m.group("who"))):
                rec.authors = who
                if rec.written is None:
                    rec.written, rec.written_text = m.group("year"), para.strip()
                return

    def _known_author(self, names: list[str]) -> bool:
        """Do these names agree with the page's meta author or its folder (by surname)?"""
        folder = folder_token(self.p.rel)
        known = {surname_key(n) for n in self.meta_authors} | ({folder} if folder else set())
        return any(surname_key(n) in known for n in names)

    _work_year: tuple[str, str] | None = None

    def _is_date_heading(self, text: str) -> bool:
        d = parse_date(text)
        if not d:
            return False
        rest = text.replace(d[1], "").strip(" ()[].,–-")
        # (A dateline, "San Francisco—December 5, 1936": a place, a dash, the day it ends with.)
        return len(rest) <= 12 or bool(re.fullmatch(r"[A-Z][\w.’' ]{2,30}\s*[—–]\s*", text[:-len(d[1])])
                                       and text.endswith(d[1]) and names_a_day(d[0], d[1]))

    def _title_p(self, el, lines: list[str]) -> tuple[str, object]:
        """What a p.title holds: ("crumbs", last crumb) | ("author", names) | ("work", None)."""
        text = clean(" ".join(lines))
        links = [a for a in el.iter("a")]
        if text.startswith("MIA") or (len(links) >= 2 and text.count(":") >= 2):
            crumbs = [c.strip() for c in text.split(":") if c.strip()]
            crumbs = [c for c in crumbs if not re.fullmatch(r"\[.*\]", c)]  # "[German Original]"
            if len(crumbs) >= 2:
                self.work = self.work or crumbs[-2]
            return "crumbs", (crumbs[-1] if crumbs else None)
        if BANNER.search(text):
            return "banner", None
        if (m := _NAME_YEAR_WORK.match(text)) and people(m.group("who")):
            # "Engels 1894: The Peasant Question in France and Germany"
            self._work_year = (m.group("year"), m.group("year"))
            text, lines = f"{m.group('who')}: {m.group('work')}", [f"{m.group('who')}: {m.group('work')}"]
        year = next((m for m in map(LONE_YEAR.search, [text, *lines]) if m), None)   # "Karl Marx 1859 / A Contribution…"
        if year:
            self._work_year = (year.group(1), year.group(1))
        # "Frederick Engels <br> Origins of the Family", "Karl Marx. Capital Volume One",
        # "The Peasant War in Germany by Frederick Engels", "Karl Marx: The Civil War in France"
        names = self.meta_authors or []
        if (m := re.search(r"\s+by\s+(?P<who>[A-Z][\w.’' \-]+)$", text)) and (who := people(m.group("who"))):
            self.work = self.work or _work(text[:m.start()])
            return "author", who
        if len(lines) > 1 and (who := people(lines[0])):
            self.work = self.work or _work(" ".join(lines[1:]))
            return "author", who
        for n in names + [n for n in (people(text.split(":")[0]) if ":" in text else [])]:
            if text.casefold().startswith(n.casefold()):
                head, sep, tail = text.partition(":")
                if sep and (who := people(head)) and who[0].casefold() == n.casefold():
                    self.work = self.work or _work(tail)
                    return "author", who            # "N.I. Bukharin and E. Preobrazhensky: The ABC …"
                rest = _work(text[len(n):])
                if rest:
                    self.work = self.work or rest
                return "author", [n]
        if (who := people(_YEARISH.sub("", text))):
            return "author", who
        self.work = self.work or _work(text)
        return "work", None

    def _language(self) -> str:
        lang = self.root.get("lang") or self.root.get("{http://www.w3.org/XML/1998/namespace}lang")
        if lang:
            return lang.split("-")[0].lower()
        return _LANG_BY_FOLDER.get(self.p.rel.split("/", 1)[0], "en")


def _work(text: str) -> str | None:
    t = clean(_YEARISH.sub("", text)).strip(" .:,–-")
    return t or None

