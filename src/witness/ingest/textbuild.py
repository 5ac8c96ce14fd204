"""Turn an lxml element tree into paragraphs of plain text, keeping offsets of marked elements.

Block elements end a paragraph; whitespace (including <br>) collapses to one space; script,
style and comments never give text (a comment's tail does: WebWriter writes
``<!-- AutoDato -->3.10.2008<!-- WW -->``).
"""

from __future__ import annotations

import re
from itertools import chain as _chain

from lxml import etree

BLOCK = frozenset("""p div h1 h2 h3 h4 h5 h6 blockquote li ul ol dl dt dd table tr td th tbody thead
tfoot caption pre center hr form section article address header footer nav main aside figure
figcaption body html fieldset legend menu dir""".split())
SKIP = frozenset("""script style noscript head title meta link iframe object embed select button
textarea input svg map applet option""".split())
_ALNUM = re.compile(r"[^\W_]")
# What an element's end event must undo in TextBuilder.content (compared by identity).
_ROOT, _NONE, _BLOCK, _MARK, _LINK = (object() for _ in range(5))


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
    def content(self, root) -> None:
        """Add root's text and its descendants' (not root's tail), by the rules of node().

        One flat loop over iterwalk events with the builder's state in locals: the recursive
        walk with a method call per text piece was two thirds of the reader's time.  add(),
        space() and end_para() are inlined here and must stay in step with them.
        """
        parts, plen, pending = self._parts, self._len, self._pending
        plinks, ppage, ptext, link = self._plinks, self._ppage, self._ptext, self._link
        paras, spans, exclude, marks = self.paras, self.spans, self.exclude, self.marks
        drop_nav = self.drop_nav
        all_chars = link_chars = page_links = 0
        alnum = _ALNUM.search
        stack = [_ROOT]     # per open element: what its end event must undo
        mstarts = []        # start offsets of the open marked elements
        walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
        next(walker)        # root's own start: only its text counts (no block or mark rules)
        s = root.text
        for ev, el in _chain(((None, None),), walker):
            if ev == "start":
                tag = el.tag
                if tag in SKIP:
                    walker.skip_subtree()
                    stack.append(_NONE)
                    continue
                if el in exclude or tag == "br":
                    walker.skip_subtree()
                    stack.append(_NONE)
                    if tag in BLOCK:
                        if plen:  # end_para()
                            all_chars += plen
                            link_chars += plinks
                            if drop_nav and ppage and ptext <= 0.1 * (ptext + plinks):
                                idx = len(paras)
                                for k in [k for k, v in spans.items() if v[0] == idx]:
                                    del spans[k]
                            else:
                                paras.append("".join(parts))
                        plinks = ppage = ptext = plen = 0
                        parts = []
                    pending = True if tag not in BLOCK else False
                    continue
                if tag in BLOCK:
                    if plen:  # end_para()
                        all_chars += plen
                        link_chars += plinks
                        if drop_nav and ppage and ptext <= 0.1 * (ptext + plinks):
                            idx = len(paras)
                            for k in [k for k, v in spans.items() if v[0] == idx]:
                                del spans[k]
                        else:
                            paras.append("".join(parts))
                    plinks = ppage = ptext = plen = 0
                    parts = []
                    pending = False
                    stack.append(_BLOCK)
                elif el in marks:
                    if pending and plen:
                        parts.append(" ")
                        plen += 1
                    pending = False
                    mstarts.append(plen)
                    stack.append(_MARK)
                elif tag == "a" and el.get("href"):
                    href = el.get("href")
                    if not href.startswith(("#", "mailto:")):
                        page_links += 1
                        ppage += 1
                    elif href.lower() in ("#top", "#contents", "#toc", "#index"):
                        ppage += 1  # "Top of the page" in a heading is navigation too
                    link += 1
                    stack.append(_LINK)
                else:
                    stack.append(_NONE)
                s = el.text
            elif ev == "end":
                kind = stack.pop()
                if kind is _BLOCK:
                    if plen:  # end_para()
                        all_chars += plen
                        link_chars += plinks
                        if drop_nav and ppage and ptext <= 0.1 * (ptext + plinks):
                            idx = len(paras)
                            for k in [k for k, v in spans.items() if v[0] == idx]:
                                del spans[k]
                        else:
                            paras.append("".join(parts))
                    plinks = ppage = ptext = plen = 0
                    parts = []
                    pending = False
                elif kind is _MARK:
                    spans[el] = (len(paras), mstarts.pop(), plen)
                elif kind is _LINK:
                    link -= 1
                elif kind is _ROOT:
                    break
                s = el.tail
            elif ev is None:
                pass        # the first round adds root.text
            else:           # comment or processing instruction: no text, but its tail is ours
                s = el.tail
            if not s:
                continue
            if s.isspace():  # add(): whitespace only
                pending = True
                continue
            # piece = " ".join(s.split()), which splits on every Unicode space (NBSP included),
            # without a string per word when the only spaces are newlines and single blanks
            # (nine text nodes in ten; isprintable() is False for every other Unicode space).
            piece = s.replace("\n", " ")
            if "  " in piece or not piece.isprintable():
                piece = " ".join(s.split())
            else:
                piece = piece.strip(" ")
            if (pending or s[0].isspace()) and plen:
                parts.append(" ")
                plen += 1
            parts.append(piece)
            plen += len(piece)
            pending = s[-1].isspace()
            if link:
                plinks += len(piece)
            elif alnum(piece):  # "|" and "–" separators between links don't count as text
                ptext += len(piece)
        self._parts, self._len, self._pending = parts, plen, pending
        self._plinks, self._ppage, self._ptext, self._link = plinks, ppage, ptext, link
        self.all_chars += all_chars
        self.link_chars += link_chars
        self.page_links += page_links

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
