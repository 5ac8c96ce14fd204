"""Reader for Marxists' Internet Archive HTML pages (HTML Tidy and WebWriter generations).

Header: free-text ``p.info`` between ``hr.infotop``/``hr.infobot``, or labelled
``p.information`` with ``span.info`` labels; h1 title, h2 author, h4 subtitle, h3 heading date,
``p.updat`` last update.  Footnotes: ``mia_notes`` finds the calls and the note blocks, which
leave the body text.
"""

from __future__ import annotations

import re

from lxml import etree

from ..model import Document, Note, Source
from ..record import RecordBuilder, clean, is_credit_line, opens_with_credit
from .base import Decline, RawInput, Skipped
from .encoding import declared_charset, decode, resource_limit
from .ids import doc_id
from .mia_notes import NOTE_CLASSES, NOTES_HEADING, find_calls, read_notes
from .mia_info import header_line
from .mia_record import HeaderReader
from .mia_titles import info_lines
from .mia_sniff import sniff
from .textbuild import HEADINGS, TextBuilder, classes as _classes, inline_text, tc as _tc

NAME = "mia-html"

NAV_CLASSES = frozenset({"toplink", "link", "footer", "updat", "skip", "next", "linkback"})
# The elements _scan acts on (any other only holds a position and maybe an id).
_SCANNED = frozenset(("a", "hr", *HEADINGS, "p", "div", "span", "blockquote", "pre", "li", "td", "dd"))
_NO_CLASS: frozenset = frozenset()
_WRAPPED = frozenset(("div", "p", *HEADINGS, "table", "blockquote"))
_CONTENTS = re.compile(r"^(?:table\s+of\s+)?contents:?$", re.I)
_LOCAL_PAGE = re.compile(r"^(?![a-z]+:|/|\.\./|#)[^/]+\.html?(?:#.*)?$", re.I)   # a page of the same folder
_QUOTE_CLASSES = frozenset({"quote", "quoteb", "quotec", "epigraph"})
# "<p. 38>", "[p. 38]": the printed book's page number set as a paragraph of its own, above the
# chapter's heading — no text yet, the header runs past it.
_PAGE_MARK = re.compile(r"^[<\[{(]\s*(?:p|pp|page)\.?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[>\]})]$", re.I)
_UPDATED = re.compile(r"\s*last\s+updated\b", re.I)


def read(raw: RawInput) -> Document | Skipped:
    rel = raw.relpath.replace("\\", "/")
    low = rel.lower()
    if "@eadir/" in low or "@synoresource" in low:
        return Skipped(raw.relpath, NAME, "file-system metadata (Synology @eaDir), not a document")
    if low.endswith(".css"):
        return Skipped(raw.relpath, NAME, "stylesheet (.css), not a document")
    sniff(raw.data)
    declared = declared_charset(raw.data)
    text, encoding = decode(raw.data, declared)
    try:
        # Plain etree elements: lxml.html's per-element class lookup costs a third of the walk.
        data = raw.data if encoding == "utf-8" and not raw.data.startswith(b"\xef\xbb\xbf") \
            and "\ufffd" not in text else text.encode("utf-8")
        parser = etree.HTMLParser(encoding="utf-8", huge_tree=True)
        root = etree.fromstring(data, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as e:
        raise Decline(f"HTML could not be parsed: {e}") from None
    limit = resource_limit(parser)
    if limit:  # libxml2 stops there and returns what it had: half a page, silently
        raise Decline(f"HTML beyond the parser's limits, not read rather than cut short ({limit})")
    if root is None:
        raise Decline("HTML could not be parsed: no elements")
    name = low.rsplit("/", 1)[-1]
    if re.fullmatch(r"40[034]\.html?", name):
        return Skipped(raw.relpath, NAME, "error page (404), not a document")
    if low.startswith("admin/") or "/admin/" in low:
        return Skipped(raw.relpath, NAME, "admin page of the archive, not a document")
    body = root.find("body")
    if body is None:
        body = root
    page = _Page(root, body, rel)
    doc_text, call_spans = page.body_text()
    if reason := page.index_reason(doc_text, name):
        return Skipped(raw.relpath, NAME, reason)
    if not page.has_header:
        doc_text, call_spans = page.credits_in_body(doc_text, call_spans)
    rec = page.record(doc_text.split("\n\n", 4)[:4], doc_text.rsplit("\n\n", 8)[-8:])
    if _ABBREVIATIONS.fullmatch(rec.title or "") and _mostly_short_lines(doc_text):
        # A book's list of abbreviations ("BZK" / "Biulletien’ zaochnoi konsul’tatsii" …) is its
        # apparatus, not a text anyone wrote to be read and cited on its own.
        return Skipped(raw.relpath, NAME, "a list of abbreviations, not a document")
    notes, calls = page.notes(doc_text, call_spans)
    doc = Document(id=doc_id(rel), source=Source(path=raw.relpath, format=NAME, sha256=raw.sha256,
                                                 encoding=encoding),
                   record=rec, text=doc_text, notes=notes)
    doc.extra["note_calls"] = calls
    doc.extra["link_ratio"] = round(page.link_chars / max(1, page.all_chars), 3)
    doc.extra["link_density"] = round(page.page_links * 1000 / max(1, page.all_chars), 2)
    if page.unknown_labels:
        doc.extra["unknown_labels"] = page.unknown_labels
    if b"</html" not in raw.data[-4096:].lower():
        doc.extra["truncated"] = True
    return doc


_ABBREVIATIONS = re.compile(r"(?:(?:a\s+)?list\s+of\s+)?abbreviations(?:\s+(?:and|&)\s+acronyms)?\.?", re.I)


def _mostly_short_lines(text: str) -> bool:
    paras = text.split("\n\n")
    return len(paras) >= 6 and sum(len(p) < 80 for p in paras) >= 0.7 * len(paras)


def _opens_with_label(el) -> bool:
    """A p of another class (p.fst) that opens with a span.info label ("Source:", then
    "Transcription:") is the header block, set in the body's first paragraph on some layouts."""
    if (el.text or "").strip():
        return False
    first = next((c for c in el if isinstance(c.tag, str) and c.tag != "br"), None)
    return first is not None and first.tag == "span" and "info" in _classes(first) \
        and clean(_tc(first)).rstrip(":").casefold() in ("source", "first published", "published")


class _Page:
    """One parsed page: finds the header, navigation and notes, then the body text."""

    def __init__(self, root, body, rel: str):
        self.root, self.body, self.rel = root, body, rel
        self.rb = RecordBuilder()
        self.unknown_labels: list[str] = []       # set by record()
        self.exclude: set = set()
        self.header_headings: list = []
        self.info_blocks: list = []
        self.title_ps: list = []
        self.date_ps: list = []
        self.sig_ps: list = []          # p.sig: signature lines, wherever they stand
        self.updat = None
        self.has_header = False
        self.body_info: list = []
        self.late_info: list = []
        self.short_info: list = []
        self.header_closed_at = None
        self._scan()

    # -- structure
    def _scan(self) -> None:
        ids: dict = {}
        links: list = []
        order: dict = {}
        in_info = False
        headings: list = []        # (order, element)
        title_ps: list = []
        date_ps: list = []
        note_class: list = []
        first_para = first_long = None
        info_first = info_last = None
        for i, el in enumerate(self.body.iter()):
            tag = el.tag
            if tag not in _SCANNED:
                # Most elements (i, em, br, font, tr, comments…) only hold a position and an id.
                if isinstance(tag, str):
                    order[el] = i
                    key = el.get("id")
                    if key and key not in ids:
                        ids[key] = el
                continue
            order[el] = i
            key = el.get("id") or (el.get("name") if tag == "a" else None)
            if key and key not in ids:
                ids[key] = el
            if tag == "a":
                href = el.get("href")
                if href and href.startswith("#") and len(href) > 1:
                    links.append(el)
                continue
            cls = el.get("class")
            cls = set(cls.lower().split()) if cls else _NO_CLASS  # as _classes(el); never mutated
            if cls and tag == "p" and "sig" in cls:
                self.sig_ps.append(el)
            if tag == "hr":
                # Some pages close the header with a second hr.infotop, or a plain hr.
                if in_info and (self.info_blocks or "infobot" in cls):
                    in_info = False
                if self.info_blocks and self.header_closed_at is None:
                    self.header_closed_at = i
                elif "infotop" in cls:
                    in_info = True
                continue
            if in_info and tag == "p" and cls and not cls & {"info", "information"}:
                in_info = False  # a classed paragraph (p.fst…) is body: the header was not closed
            if tag in HEADINGS:
                headings.append((i, el))
                continue
            if tag not in ("p", "div", "span", "blockquote", "pre", "li", "td", "dd"):
                continue
            if cls and cls & NAV_CLASSES:  # (most elements have no class: skip the set tests)
                self.exclude.add(el)
                if "updat" in cls:
                    self.updat = el
                continue
            if (in_info and tag == "p") or cls and tag in ("p", "div") and (
                    "information" in cls or ("info" in cls and tag == "p")) or (
                    first_long is None and tag == "p" and _opens_with_label(el)):
                self.exclude.add(el)
                self.info_blocks.append(el)
                info_first = i if info_first is None else info_first
                info_last = i + sum(1 for _ in el.iterdescendants())
                continue
            if tag == "p" and self.updat is None and (t := el.text) and len(t) < 60 \
                    and _UPDATED.match(t):  # (el.text builds a new string on every access)
                self.exclude.add(el)
                self.updat = el
                continue
            if cls:
                if "title" in cls:
                    title_ps.append((i, el))
                    continue
                if "date" in cls and tag == "p":
                    date_ps.append((i, el))
                    continue
                if cls & NOTE_CLASSES:
                    note_class.append((i, el))
            if tag != "span" and (first_long is None or first_para is None):
                # Containers (td, div, li) count by their own text: a layout table holding the
                # h2/h1 heading is not the first paragraph.
                # (A blockquote that wraps the whole page, headings and all, counts by its own text.)
                whole = tag in ("p", "pre") or (tag == "blockquote" and not any(
                    c.tag in _WRAPPED for c in el))
                text = clean(_tc(el) if whole else el.text)
                n = len(text)
                if n and not self._inside_excluded(el) and not (n < 20 and _PAGE_MARK.match(text)):
                    if first_para is None:
                        first_para = i
                    if n >= 200 and first_long is None:
                        first_long = i
        # The header runs to the first paragraph of text, or past the header block when that
        # block comes before the first long paragraph (a caption or sig line does not end it).
        end = first_para if first_para is not None else len(order)
        if info_first is not None and (first_long is None or info_first < first_long):
            end = max(end, info_last)
        self._body_info(order)
        self.first_long = first_long
        self.has_header = bool(self.info_blocks)
        self.header_headings = [el for i, el in headings if i < end]
        self.exclude.update(self.header_headings)
        self.title_ps = [el for i, el in title_ps if i < end]
        self.date_ps = [el for i, el in date_ps if i < end]
        self.exclude.update(self.title_ps)
        self.exclude.update(self.date_ps)
        self.notes_headings = [el for i, el in headings
                               if i >= end and NOTES_HEADING.match(clean(_tc(el)))]
        first_notes = order[self.notes_headings[0]] if self.notes_headings else None
        self.class_notes = [el for i, el in note_class if first_notes is not None and i > first_notes]
        self.ids, self.links, self.order = ids, links, order

    def _body_info(self, order) -> None:
        """p.information blocks that hold the text, not the header: free text (no span.info
        labels) without a header line in it, either long or standing after the first long
        paragraph.  (Some pages set their whole body in p.information.)"""
        for el in list(self.info_blocks):
            if any("info" in _classes(s) for s in el.iter("span")):
                continue
            text = inline_text(el)
            if self.header_closed_at is not None and order.get(el, 0) > self.header_closed_at and len(text) >= 100:
                # After the header's closing rule: text (body_text) — unless it is only credits
                # ("Transcribed by Bert Schultz (1993) / Html Markup by …" closing a chapter).
                if not all(opens_with_credit(line) for line, _ in info_lines(el)):
                    self.late_info.append(el)
            elif not header_line(text) and len(text) >= 200:
                self.body_info.append(el)        # text only if the page has no other (body_text)
            elif not header_line(text) and len(text) >= 40:
                self.short_info.append(el)       # (a study guide's questions, block by block)

    def _inside_excluded(self, el) -> bool:
        for a in el.iterancestors():
            if a in self.exclude:
                return True
        return False

    def _find_calls(self) -> None:
        # (A method of its own: bench/reader_speed.py times it as a stage, and so notes.)
        self.calls, self.note_blocks = find_calls(self.links, self.ids, self.order, self.body)

    def body_text(self) -> tuple[str, dict]:
        text, spans = self._body_text()
        name = self.rel.rsplit("/", 1)[-1].lower()
        links = sum(1 for el in self.body_info for a in el.iter("a") if a.get("href"))
        chars = sum(len(inline_text(el)) for el in self.body_info)
        late = [el for el in self.late_info if not re.match(r"(?:index|contents|toc|bibliography|biblio|works)\b", name)
                and sum(1 for a in el.iter("a") if a.get("href")) * 200 < len(inline_text(el))]
        if late:
            # Free text after the header's closing rule (an editor's introduction) is text.
            for el in late:
                self.info_blocks.remove(el)
                self.exclude.discard(el)
            self.late_info = []
            text, spans = self._body_text()
        # No text of its own outside p.information: almost none, or little and mostly links.
        thin = len(text) < 200 or (len(text) < 1000 and self.link_chars * 2 > self.all_chars)
        if thin and not self.body_info and len(self.short_info) >= 3 \
                and sum(len(inline_text(el)) for el in self.short_info) >= 400:
            # Many short free-text blocks and no other text (a study guide's questions, one
            # block per thesis): they are the text together.
            self.body_info, self.short_info = self.short_info, []
            links = sum(1 for el in self.body_info for a in el.iter("a") if a.get("href"))
            chars = sum(len(inline_text(el)) for el in self.body_info)
        if thin and self.body_info and links * 300 < chars and \
                not re.match(r"(?:index|contents|toc|bibliography|biblio|works)\b", name):
            # The whole body sits in p.information: it is the text, not the header.
            for el in self.body_info:
                self.info_blocks.remove(el)
                self.exclude.discard(el)
            self.body_info = []
            text, spans = self._body_text()
        return text, spans

    def _body_text(self) -> tuple[str, dict]:
        self._find_calls()
        exclude = set(self.exclude)
        exclude.update(self.note_blocks)
        for el in self.class_notes:
            exclude.add(el)
        if self.note_blocks or self.class_notes:
            exclude.update(self.notes_headings)
        marks = {a for a, _, _ in self.calls}
        tb = TextBuilder(exclude=exclude, marks=marks)
        tb.content(self.body)
        text, spans = tb.finish()
        self.link_chars = tb.link_chars
        self.page_links = tb.page_links
        self.all_chars = tb.all_chars
        return text, spans

    def credits_in_body(self, text: str, spans: dict) -> tuple[str, dict]:
        """Pages without a header block often print "Translated by …", "Transcribed by …" as
        the first paragraphs: they go to the record, not the text."""
        paras = text.split("\n\n")
        cut = []
        for i, para in enumerate(paras[:8]):
            if len(para) < 200 and is_credit_line(para):
                cut.append(i)
        if not cut or len(cut) == len(paras):
            return text, spans
        for i in cut:
            self.rb.info_line(paras[i])
        starts, pos = [], 0
        for para in paras:
            starts.append(pos)
            pos += len(para) + 2
        keep = [i for i in range(len(paras)) if i not in cut]
        shift, new_start = {}, 0
        for i in keep:
            shift[i] = new_start - starts[i]
            new_start += len(paras[i]) + 2
        moved = {}
        for el, (a, b) in spans.items():
            i = max(k for k in range(len(starts)) if starts[k] <= a)
            if i in shift:
                moved[el] = (a + shift[i], b + shift[i])
        return "\n\n".join(paras[i] for i in keep), moved

    # -- skip decision
    def index_reason(self, text: str, name: str) -> str | None:
        n = len(text)
        # Navigation paragraphs count for the link signals, and so do lists of links set as
        # header blocks (a year's index of works in p.information, one linked title a line).
        listed, listed_links, listed_n = self._link_lists()
        total = max(self.all_chars + listed, 1)
        ratio = (self.link_chars + listed_links) / total
        links = self.page_links + listed_n
        density = links * 1000 / total
        if n < 80 or (n < 200 and not self.has_header):
            return f"almost no body text ({n} characters, {links} links to other pages)"
        if ratio > 0.6:
            return f"index or table of contents ({ratio:.0%} of the text is links)"
        if density >= 8 and total < 15000:
            return (f"table of contents or index ({links} links to other pages "
                    f"in {total} characters of text)")
        if name.startswith("index.") and not self.has_header and (ratio > 0.3 or density > 4):
            return f"index page ({ratio:.0%} of the text is links, no document header)"
        if name.startswith("index.") and self._front_page():
            return "a book's front page (its header and a table of contents, no text of its own)"
        if name.startswith("index."):
            paras = text.split("\n\n")
            short = sum(1 for p in paras if len(p) < 80)
            if len(paras) >= 15 and short >= 0.8 * len(paras):
                # "Engels to Mrs Zadek. c. 1 January" × 40: a list of items, not a text.
                return f"index page (a list: {short} of {len(paras)} paragraphs are one short line)"
        return None

    def _link_lists(self) -> tuple[int, int, int]:
        """(characters, link characters, links) of the header blocks that are lists of links to
        other pages: three or more links making at least half the block's text."""
        chars = link_chars = links = 0
        for block in self.info_blocks:
            anchors = [a for a in block.iter("a") if (a.get("href") or "#")[0] != "#"]
            if len(anchors) < 3:
                continue
            n = len(inline_text(block))
            in_links = sum(len(clean(_tc(a))) for a in anchors)
            if n and in_links * 2 >= n:
                chars, link_chars, links = chars + n, link_chars + in_links, links + len(anchors)
        return chars, link_chars, links

    def _front_page(self) -> bool:
        """A "Contents" heading followed by links to three or more pages of the book, and before
        it nothing but the header, editors' notes and epigraphs (no paragraph of text)."""
        order = self.order
        heading = next((h for h in self.body.iter(*HEADINGS) if _CONTENTS.match(clean(_tc(h)))), None)
        if heading is None:
            return False
        at = order.get(heading, 0)
        pages = {a.get("href").split("#")[0] for a in self.body.iter("a")
                 if order.get(a, 0) > at and _LOCAL_PAGE.match(a.get("href") or "")}
        if len(pages) < 3:
            return False
        for p in self.body.iter("p", "div", "blockquote"):
            if order.get(p, 0) >= at:
                break
            if p in self.exclude or self._inside_excluded(p) or _classes(p) & (NOTE_CLASSES | _QUOTE_CLASSES):
                continue
            if len(clean(_tc(p))) >= 200 and p.tag == "p":
                return False
        return True

    # -- record
    def record(self, body_paras: list[str] = (), tail_paras: list[str] = ()):
        rec = HeaderReader(self, list(body_paras), list(tail_paras)).record()
        self.unknown_labels = self.rb.unknown_labels     # the header's labels no field takes
        return rec

    # -- notes
    def notes(self, text: str, call_spans: dict) -> tuple[list[Note], list[dict]]:
        return read_notes(text, call_spans, self.calls, self.note_blocks, self.class_notes)