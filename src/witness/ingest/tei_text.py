"""Reading TEI text content back into ``Document.text`` with offsets (used by ingest/tei.py).

The inverse of the writer (``export.tei``): every element it writes into a paragraph has its
inverse here; reading code lives with the readers, so ingest never imports an exporter.  ``TextBuilder(exact=True)`` reproduces Witness's own
files character for character; ``exact=False`` applies XML whitespace normalisation for TEI
written by others (runs of whitespace become one space, ``<lb/>`` a newline, blocks a
paragraph break) while keeping every offset consistent with the text it produces.
"""

from __future__ import annotations

import re

from lxml import etree

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_WS = re.compile(r"\s+")

MENTION_TYPES = {"persName": "person", "orgName": "organization", "placeName": "place",
                 "date": "date", "geogName": "place", "settlement": "place", "country": "place"}
# Elements that hold paragraphs (walked as blocks) and elements that are paragraphs.
CONTAINERS = {"body", "front", "back", "div", "div1", "div2", "div3", "div4", "div5", "div6",
              "div7", "lg", "list", "listBibl", "table", "row", "sp", "opener", "closer",
              "cit", "figure", "floatingText", "group", "text", "epigraph", "argument",
              "titlePage", "postscript", "letter", "spGrp", "castList", "castGroup"}
PARAS = {"p", "ab", "head", "l", "item", "cell", "speaker", "byline", "dateline", "salute",
         "signed", "trailer", "label", "docTitle", "stage", "titlePart", "docAuthor", "docDate",
         "docImprint", "bibl", "castItem", "figDesc", "u"}
SKIP = {"pb", "cb", "milestone", "fw", "teiHeader", "facsimile", "standOff", "gap", "space",
        "graphic", "media", "binaryObject",
        # An edition's indexes feed entities, not the text (tei_foreign reads them).
        "listPerson", "listPlace", "listOrg", "listEvent", "listRelation", "listNym", "listWit",
        "witDetail"}
# In <back>, a list of works is an index too.
SKIP_IN_BACK = {"listBibl"}
# Alternatives inside <choice>: the first found is the text as printed.
PRINTED = ("sic", "orig", "abbr", "seg", "unclear")
EDITED = ("corr", "reg", "expan")


def mention_origin(el) -> str | None:
    """A Witness file's mention origin (persName/@source="#w-origin.tei")."""
    src = el.get("source") or ""
    return src[len("#w-origin."):] if src.startswith("#w-origin.") else None


def ln(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def exact_text(el) -> str:
    """Verbatim content of a Witness-written element (lb → newline, g[@type=control] → char)."""
    if el is None:
        return ""
    b = TextBuilder(exact=True)
    Walker(b).inline_content(el)
    return b.text()


def norm_text(el) -> str:
    """Whitespace-normalised text of an element written by others (notes left out)."""
    if el is None:
        return ""
    b = TextBuilder(exact=False)
    w = Walker(b)
    w.inline_content(el)
    return b.text()


class TextBuilder:
    """Accumulates text; in lenient mode whitespace and breaks are held back until real text
    follows, so nothing dangles at paragraph ends and offsets never point into dropped space."""

    _RANK = {"": 0, " ": 1, "\n": 2, "\n\n": 3}

    def __init__(self, exact: bool):
        self.exact = exact
        self.parts: list[str] = []
        self.length = 0
        self.pending = ""
        self.paragraphs = 0
        self.para_has_text = False

    def _emit(self, s: str) -> None:
        if s:
            self.parts.append(s)
            self.length += len(s)

    def _want(self, sep: str) -> None:
        if self._RANK[sep] > self._RANK[self.pending]:
            self.pending = sep

    def text(self) -> str:
        return "".join(self.parts)

    def start_para(self) -> None:
        if self.exact:
            if self.paragraphs:
                self._emit("\n\n")
        elif self.length:
            self._want("\n\n")
        self.paragraphs += 1
        self.para_has_text = False

    def line_break(self) -> None:
        if self.exact:
            self._emit("\n")
        elif self.para_has_text:
            self._want("\n")

    def add(self, s: str | None) -> None:
        if not s:
            return
        if self.exact:
            self._emit(s)
            self.para_has_text = True
            return
        for k, piece in enumerate(_WS.split(s)):
            if k:
                if self.para_has_text:
                    self._want(" ")
            if piece:
                self.raw(piece)

    def raw(self, s: str) -> None:
        """Text that must not be normalised (a control character, a word)."""
        if not self.exact:
            if self.length:
                self._emit(self.pending)
            self.pending = ""
        self._emit(s)
        self.para_has_text = True

    def mark_start(self) -> int:
        """Where the next character will land (held-back whitespace included)."""
        return self.length + (len(self.pending) if self.length else 0)

    def mark_end(self) -> int:
        return self.length


class Walker:
    """Walks TEI blocks and inline content, recording what Document needs by offset."""

    def __init__(self, builder: TextBuilder):
        self.b = builder
        self.anchors: dict[str, int] = {}
        self.id_spans: dict[str, tuple[int, int]] = {}
        self.mentions: list[tuple[str | None, object]] = []   # (@n, Mention)
        self.choices: dict[str, tuple[int, int, str]] = {}    # id → (start, end, corrected)
        self.alternatives: list[tuple[int, int, str, str]] = []  # lenient: (s, e, kind, edited)
        self.ref_targets: dict[str, tuple[int, int]] = {}    # "#id" a ref points to → its span
        self.inline_notes: list[tuple[int, object]] = []      # lenient: (offset, note element)
        self.block_notes: list[object] = []
        self.in_back = False
        self.quotes: list[tuple[int, int]] = []                # block quotes (start, end)
        # apparatus entries: (start, end, lemma's @wit, [(reading text, @wit, @type, @resp)])
        self.apparatus: list[tuple[int, int, str | None, list[tuple]]] = []

    @staticmethod
    def mention_type(el) -> str:
        name = ln(el)
        if name in MENTION_TYPES:
            return MENTION_TYPES[name]
        if name == "title" and el.get("level") == "j":
            return "periodical"
        return el.get("type") or "name"

    # -- blocks

    def block(self, el) -> None:
        loose = False
        if el.text and el.text.strip():
            self.b.start_para()
            loose = True
            self.b.add(el.text)
        for child in el:
            name = ln(child)
            if not isinstance(child.tag, str) or name in SKIP or (self.in_back and name in SKIP_IN_BACK):
                pass
            elif name == "anchor":
                self._anchor(child, between=not loose)
            elif name == "note" and not loose:
                if self.in_back or child.get("target") or child.get(XML_ID):
                    self.block_notes.append(child)
                else:  # a note standing between paragraphs: in place, where it stands
                    self.inline_notes.append((self.b.mark_end(), child))
            elif name == "lg" and not self.b.exact and not any(ln(c) == "lg" for c in child):
                loose = False  # a stanza is one paragraph, one line per <l>
                self.b.start_para()
                for k, line in enumerate(c for c in child if ln(c) in ("l", "head")):
                    if k:
                        self.b.line_break()
                    self.inline_content(line)
            elif self._is_container(child):
                loose = False
                self.block(child)
            elif self._is_block_quote(child):
                loose = False
                start = self.b.length + (2 if self.b.exact and self.b.paragraphs else 0)
                self.block(child)
                self.quotes.append((start, self.b.mark_end()))
            elif name in PARAS:
                loose = False
                self.b.start_para()
                start = self.b.mark_start()
                self.inline_content(child)
                self._remember_id(child, start)
            else:
                if not loose:
                    self.b.start_para()
                    loose = True
                self.inline(child)
            if child.tail and child.tail.strip():
                if not loose:
                    self.b.start_para()
                    loose = True
                self.b.add(child.tail)

    def _is_block_quote(self, el) -> bool:
        return ln(el) in ("quote", "q", "said") and any(
            ln(c) in PARAS or ln(c) in CONTAINERS for c in el if isinstance(c.tag, str))

    def _is_container(self, el) -> bool:
        name = ln(el)
        if name in CONTAINERS:
            return True
        if name in PARAS or name in MENTION_TYPES or self._is_block_quote(el):
            return False
        # Unknown wrapper: a container when it holds paragraphs, else inline (kept as text).
        return any(ln(c) in PARAS or ln(c) in CONTAINERS for c in el if isinstance(c.tag, str))

    def _anchor(self, el, between: bool) -> None:
        ident = el.get(XML_ID)
        if ident:
            # Witness writes an anchor between two paragraphs for an offset inside "\n\n".
            self.anchors[ident] = (self.b.mark_end() + 1) if (between and self.b.exact) \
                else self.b.mark_end()

    def _remember_id(self, el, start) -> None:
        ident = el.get(XML_ID)
        if ident:
            self.id_spans[ident] = (start, self.b.mark_end())

    def finish(self) -> str:
        """The text; mention texts are filled in here (slicing once, not per mention)."""
        text = self.b.text()
        for _, m in self.mentions:
            m.end = max(m.start, min(m.end, len(text)))
            m.start = min(m.start, m.end)
            m.text = text[m.start:m.end]
        return text

    # -- inline

    def inline_content(self, el) -> None:
        self.b.add(el.text)
        for child in el:
            self.inline(child)
            self.b.add(child.tail)

    def inline(self, el) -> None:
        if not isinstance(el.tag, str):
            return
        name = ln(el)
        b = self.b
        if name == "lb":
            if el.get("break") != "no":
                b.line_break()
            return
        if name == "anchor":
            self._anchor(el, between=False)
            return
        if name == "space" and not b.exact:
            # A transcribed blank (schnitzler-briefe marks word spaces so): words stay apart.
            b.add(" ")
            return
        if name in SKIP:
            return
        if name == "note":
            self.inline_notes.append((b.mark_end(), el))
            return
        if name == "g" and el.get("type") == "control" and (el.get("n") or "").isdigit():
            b.raw(chr(int(el.get("n"))))
            return
        if name == "choice":
            self._choice(el)
            return
        if name == "app":
            self._app(el)
            return
        if name in PARAS or self._is_container(el) or self._is_block_quote(el):
            # A block inside running text (a list in a paragraph): its own paragraph.
            if b.exact:
                self.inline_content(el)
            else:
                b.start_para()
                self.block(el) if self._is_container(el) or self._is_block_quote(el) \
                    else self.inline_content(el)
                b.start_para()
            return
        start = b.mark_start()
        self.inline_content(el)
        end = b.mark_end()
        self._remember_id(el, start)
        if name in MENTION_TYPES or name in ("rs", "name") or (
                name == "title" and el.get("level") == "j" and not b.exact):
            self._mention(el, start, end)
        if name in ("ref", "ptr") and el.get("target"):
            for t in el.get("target").split():
                self.ref_targets.setdefault(t, (start, end))

    def _mention(self, el, start: int, end: int) -> None:
        from ..model import Mention
        key = el.get("key") if self.b.exact else (el.get("ref") or el.get("key"))
        self.mentions.append((el.get("n"), Mention(start, end, "", self.mention_type(el), key,
                                                   origin=mention_origin(el) if self.b.exact else None)))

    def _choice(self, el) -> None:
        children = [c for c in el if isinstance(c.tag, str)]
        printed = next((c for name in PRINTED for c in children if ln(c) == name), None)
        if printed is None and children:
            printed = children[0]
        edited = next((c for name in EDITED for c in children if ln(c) == name), None)
        start = self.b.mark_start()
        if printed is not None:
            self.inline_content(printed)
        end = self.b.mark_end()
        corrected = exact_text(edited) if self.b.exact else norm_text(edited)
        if self.b.exact:
            ident = el.get(XML_ID)
            if ident:
                self.choices[ident] = (start, max(start, end), corrected)
        elif edited is not None and printed is not None:
            self.alternatives.append((start, max(start, end), ln(printed), corrected))

    def _app(self, el) -> None:
        """A critical apparatus entry: the lemma (or, with none, the edition's base reading —
        the first rdg) is the text; every other reading is kept apart, as a variant."""
        readings, lem = [], None
        for c in el.iter():
            if c is el or not isinstance(c.tag, str):
                continue
            if ln(c) == "lem" and lem is None:
                lem = c
            elif ln(c) == "rdg":
                readings.append(c)
        base = lem if lem is not None else (readings.pop(0) if readings else None)
        start = self.b.mark_start()
        if base is not None:
            self.inline_content(base)
        end = self.b.mark_end()
        # An editor's note on the entry itself (PTA: "ergänzt nach versio B") is a note there.
        self.inline_notes.extend((end, c) for c in el if isinstance(c.tag, str) and ln(c) == "note")
        text = exact_text if self.b.exact else norm_text
        self.apparatus.append((start, max(start, end), base.get("wit") if base is not None else None,
                               [(text(r), r.get("wit"), r.get("type"), r.get("resp")) for r in readings]))
