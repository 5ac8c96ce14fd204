"""Turn an lxml element tree into paragraphs of plain text, keeping offsets of marked elements.

Block elements end a paragraph; whitespace (including <br>) collapses to one space; script,
style and comments never give text (a comment's tail does: WebWriter writes
``<!-- AutoDato -->3.10.2008<!-- WW -->``).
"""

from __future__ import annotations

import re

from lxml import etree

BLOCK = frozenset("""p div h1 h2 h3 h4 h5 h6 blockquote li ul ol dl dt dd table tr td th tbody thead
tfoot caption pre center hr form section article address header footer nav main aside figure
figcaption body html fieldset legend menu dir""".split())
SKIP = frozenset("""script style noscript head title meta link iframe object embed select button
textarea input svg map applet option""".split())
_ALNUM = re.compile(r"[^\W_]")


class TextBuilder:
    """Collects paragraphs; `exclude` elements give no text, `marks` elements get their offsets."""

    __slots__ = ("paras", "_parts", "_len", "_pending", "exclude", "marks", "spans", "_link",
                 "link_chars", "page_links", "all_chars", "_plinks", "_ppage", "_ptext", "drop_nav")

    def __init__(self, exclude=frozenset(), marks=frozenset()):
        self.paras: list[str] = []
        self._parts: list[str] = []
        self._len = 0
        self._pending = False
        self.exclude = exclude
        self.marks = marks
        self.spans: dict = {}     # marked element → (paragraph index, start, end) inside that paragraph
        self._link = 0
        self.link_chars = 0       # characters inside <a href> (for the index-page signal)
        self.page_links = 0       # links to other pages (not "#anchor" links)
        self.all_chars = 0        # paragraph characters, navigation paragraphs included
        self._plinks = 0          # link characters in the current paragraph
        self._ppage = 0           # page links in the current paragraph
        self._ptext = 0           # characters of words outside links in the current paragraph
        self.drop_nav = True      # drop paragraphs that are nothing but links to other pages

    # -- text accumulation
    def add(self, s: str) -> None:
        if not s:
            return
        words = s.split()  # splits on every Unicode space, NBSP included
        if not words:
            self._pending = True
            return
        piece = " ".join(words)
        if (self._pending or s[0].isspace()) and self._len:
            self._parts.append(" ")
            self._len += 1
        self._parts.append(piece)
        self._len += len(piece)
        self._pending = s[-1].isspace()
        if self._link:
            self._plinks += len(piece)
        elif _ALNUM.search(piece):  # "|" and "–" separators between links don't count as text
            self._ptext += len(piece)

    def space(self) -> None:
        self._pending = True

    def end_para(self) -> None:
        if self._len:
            self.all_chars += self._len
            self.link_chars += self._plinks
            if self.drop_nav and self._ppage and self._ptext <= 0.1 * (self._ptext + self._plinks):
                # "Previous chapter | Contents", "Marxist Writers’ Archives": navigation.
                idx = len(self.paras)
                for el in [el for el, v in self.spans.items() if v[0] == idx]:
                    del self.spans[el]
            else:
                self.paras.append("".join(self._parts))
        self._plinks = self._ppage = self._ptext = 0
        self._parts = []
        self._len = 0
        self._pending = False

    # -- tree walk
    def content(self, el) -> None:
        if el.text:
            self.add(el.text)
        for child in el:
            self.node(child)
            if child.tail:
                self.add(child.tail)

    def node(self, el) -> None:
        tag = el.tag
        if not isinstance(tag, str):  # comment or processing instruction: its tail is the caller's
            return
        if tag in SKIP:
            return
        if el in self.exclude:
            if tag in BLOCK:
                self.end_para()
            else:
                self.space()
            return
        if tag == "br":
            self._pending = True
            return
        if tag in BLOCK:
            self.end_para()
            self.content(el)
            self.end_para()
            return
        if el in self.marks:
            if self._pending and self._len:
                self._parts.append(" ")
                self._len += 1
            self._pending = False
            start = self._len
            self.content(el)
            self.spans[el] = (len(self.paras), start, self._len)
            return
        if tag == "a" and el.get("href"):
            href = el.get("href")
            if not href.startswith(("#", "mailto:")):
                self.page_links += 1
                self._ppage += 1
            elif href.lower() in ("#top", "#contents", "#toc", "#index"):
                self._ppage += 1  # "Top of the page" in a heading is navigation too
            self._link += 1
            self.content(el)
            self._link -= 1
            return
        self.content(el)

    def finish(self) -> tuple[str, dict]:
        """(text with paragraphs joined by a blank line, marked element → (start, end) in text)."""
        self.end_para()
        offsets, pos = [], 0
        for p in self.paras:
            offsets.append(pos)
            pos += len(p) + 2
        spans = {}
        for el, (pi, s, e) in self.spans.items():
            if pi < len(offsets):
                base = offsets[pi]
                end = min(e, len(self.paras[pi]))
                spans[el] = (base + min(s, end), base + end)
        return "\n\n".join(self.paras), spans


def element_text(el, marks=frozenset()) -> tuple[str, dict]:
    """One element's text (paragraphs joined by a blank line) and offsets of marked descendants."""
    tb = TextBuilder(marks=marks)
    tb.drop_nav = False
    if isinstance(el.tag, str) and el.tag not in SKIP:
        tb.content(el)
    return tb.finish()


def inline_text(el) -> str:
    """An element's text on one line (header fields): paragraphs joined by a space."""
    return element_text(el)[0].replace("\n\n", " ")


# -- small tree helpers shared by the HTML reader

def tc(el) -> str:
    """All text under an element (comments excluded), like lxml.html's text_content()."""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def classes(el) -> set[str]:
    c = el.get("class")
    return set(c.lower().split()) if c else set()


def block_of(el):
    while el is not None and el.tag not in BLOCK:
        el = el.getparent()
    return el


def lines(block) -> list[str]:
    """A free-text header block split at <br> and paragraph breaks."""
    out, cur = [], []

    def walk(el):
        if isinstance(el.tag, str) and el.tag not in ("script", "style"):
            if el.tag == "br":
                out.append("".join(cur))
                cur.clear()
            elif el.text:
                cur.append(el.text)
            for c in el:
                walk(c)
        if el is not block and el.tail:
            cur.append(el.tail)

    walk(block)
    out.append("".join(cur))
    return [" ".join(x.split()) for x in out if x.split()]
