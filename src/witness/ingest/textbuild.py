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
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
SKIP = frozenset("""script style noscript head title meta link iframe object embed select button
textarea input svg map applet option""".split())
_ALNUM = re.compile(r"[^\W_]")
_BLANKS = re.compile(r"  +")
# What an element's end event must undo in TextBuilder.content (compared by identity).
_ROOT, _NONE, _BLOCK, _MARK, _LINK = (object() for _ in range(5))


def _collapse(s: str) -> str:
    """" ".join(s.split()) (every Unicode space, NBSP included), without a string per word.

    isprintable() is False for every Unicode space but the blank, so once newlines, NBSP, tabs
    and CRs are blanks, a printable string has no other space and runs of blanks are all
    that is left to fold (a regex only then: most strings have none).  Anything else (soft hyphens, controls, rare spaces) splits.
    """
    t = s.replace("\n", " ")
    if not t.isprintable():
        t = t.replace("\xa0", " ").replace("\t", " ").replace("\r", " ")
        if not t.isprintable():
            return " ".join(s.split())
    if "  " in t:
        t = _BLANKS.sub(" ", t)
    return t.strip(" ")


def _flush(parts: list, plen: int, pending: bool, raw: list, done: int) -> tuple[int, bool]:
    """Collapse raw[done:] onto parts as add() would piece by piece: (new length, pending)."""
    seg = "".join(raw[done:]) if done else "".join(raw)
    piece = _collapse(seg)
    if not piece:
        return plen, True
    if (pending or seg[0].isspace()) and plen:
        parts.append(" ")
        plen += 1
    parts.append(piece)
    return plen + len(piece), seg[-1].isspace()


class TextBuilder:
    """Collects paragraphs; `exclude` elements give no text, `marks` elements get their offsets.

    Text is kept raw until a paragraph ends or a marked element needs its offset, then
    collapsed in one go: collapsing the concatenation gives what collapsing each piece and
    joining with one space where either side had a space would (the per-piece rule the
    reader's output was made with).  The counts the index-page signal needs are per piece
    (collapsed length of each string inside links; of each string outside links that holds a
    letter or digit), so link strings are measured as they come and the rest only for a
    paragraph that holds a page link.
    """

    __slots__ = ("paras", "_parts", "_len", "_pending", "_raw", "_done", "exclude", "marks",
                 "spans", "_link", "link_chars", "page_links", "all_chars", "_plinks", "_palnum",
                 "_ppage", "drop_nav")

    def __init__(self, exclude=frozenset(), marks=frozenset()):
        self.paras: list[str] = []
        self._parts: list[str] = []   # collapsed text of the current paragraph
        self._len = 0                 # its length
        self._pending = False         # a space is owed before the next word
        self._raw: list[str] = []     # raw strings of the current paragraph (" " for a <br>)
        self._done = 0                # how many of them are already in _parts
        self.exclude = exclude
        self.marks = marks
        self.spans: dict = {}     # marked element → (paragraph index, start, end) inside that paragraph
        self._link = 0
        self.link_chars = 0       # characters inside <a href> (for the index-page signal)
        self.page_links = 0       # links to other pages (not "#anchor" links)
        self.all_chars = 0        # paragraph characters, navigation paragraphs included
        self._plinks = 0          # link characters in the current paragraph
        self._palnum = 0          # of which in strings holding a letter or digit
        self._ppage = 0           # page links in the current paragraph
        self.drop_nav = True      # drop paragraphs that are nothing but links to other pages

    # -- text accumulation
    def add(self, s: str) -> None:
        if s:
            self._raw.append(s)
            if self._link:
                self._link_text(s)

    def _link_text(self, s: str) -> None:
        n = len(_collapse(s))
        self._plinks += n
        if n and _ALNUM.search(s):
            self._palnum += n

    def space(self) -> None:
        self._raw.append(" ")

    def _flush(self) -> None:
        if self._done < len(self._raw):
            self._len, self._pending = _flush(self._parts, self._len, self._pending, self._raw, self._done)
            self._done = len(self._raw)

    def end_para(self) -> None:
        self._flush()
        if self._len:
            self.all_chars += self._len
            self.link_chars += self._plinks
            drop = False
            if self.drop_nav and self._ppage:
                # Characters of words outside links: "|" and "–" separators don't count.
                ptext = sum(len(_collapse(s)) for s in self._raw if _ALNUM.search(s)) - self._palnum
                drop = ptext <= 0.1 * (ptext + self._plinks)
            if drop:
                # "Previous chapter | Contents", "Marxist Writers’ Archives": navigation.
                idx = len(self.paras)
                for el in [el for el, v in self.spans.items() if v[0] == idx]:
                    del self.spans[el]
            else:
                self.paras.append("".join(self._parts))
        self._plinks = self._ppage = self._palnum = 0
        self._parts = []
        self._len = 0
        self._pending = False
        self._raw.clear()
        self._done = 0

    # -- tree walk
    def content(self, root) -> None:
        """Add root's text and its descendants' (not root's tail).

        Rules: script/style… give nothing; an excluded element gives a paragraph break (block)
        or a space; <br> is a space; a block element is its own paragraph; a marked element
        gets its (paragraph, start, end); <a href> text counts as link text.
        One flat loop over iterwalk events with the state in locals, end_para() inlined: a
        recursive walk with a method call per text piece was two thirds of the reader's time.
        """
        raw, parts, plen, pending, done = self._raw, self._parts, self._len, self._pending, self._done
        plinks, palnum, ppage, link = self._plinks, self._palnum, self._ppage, self._link
        all_chars = link_chars = page_links = 0
        append = raw.append
        exclude, marks, spans, paras, drop_nav = self.exclude, self.marks, self.spans, self.paras, self.drop_nav
        alnum = _ALNUM.search
        stack = [_ROOT]     # per open element: what its end event must undo
        mstarts = []        # start offsets of the open marked elements
        walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
        next(walker)        # root's own start: only its text counts (no block or mark rules)
        s = root.text
        brk = False         # end the paragraph before adding s
        # An empty raw means nothing was flushed since the paragraph began either (_len 0,
        # pending False, parts empty): spaces that open a paragraph (the "\n" between </p> and
        # <p>) are not kept, as a space owed before a paragraph's first word is never paid.
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
                        brk, s = True, None
                    else:
                        if raw:
                            append(" ")
                        continue
                elif tag in BLOCK:
                    brk = True
                    stack.append(_BLOCK)
                    s = el.text
                elif el in marks:
                    if done < len(raw):
                        plen, pending = _flush(parts, plen, pending, raw, done)
                        done = len(raw)
                    if pending and plen:
                        parts.append(" ")
                        plen += 1
                    pending = False
                    mstarts.append(plen)
                    stack.append(_MARK)
                    s = el.text
                elif tag == "a" and el.get("href"):
                    href = el.get("href")
                    if not href.startswith(("#", "mailto:")):
                        page_links += 1
                        ppage += 1
                    elif href.lower() in ("#top", "#contents", "#toc", "#index"):
                        ppage += 1  # "Top of the page" in a heading is navigation too
                    link += 1
                    stack.append(_LINK)
                    s = el.text
                else:
                    stack.append(_NONE)
                    s = el.text
            elif ev == "end":
                kind = stack.pop()
                if kind is _BLOCK:
                    brk = True
                elif kind is _MARK:
                    if done < len(raw):
                        plen, pending = _flush(parts, plen, pending, raw, done)
                        done = len(raw)
                    spans[el] = (len(paras), mstarts.pop(), plen)
                elif kind is _LINK:
                    link -= 1
                elif kind is _ROOT:
                    break
                s = el.tail
            elif ev is not None:  # comment or processing instruction: no text, but its tail is ours
                s = el.tail
            if brk:  # end_para()
                brk = False
                if raw:
                    if done < len(raw):
                        seg = "".join(raw[done:]) if done else "".join(raw)
                        piece = _collapse(seg)
                        if piece:
                            if (pending or seg[0].isspace()) and plen:
                                parts.append(" ")
                                plen += 1
                            parts.append(piece)
                            plen += len(piece)
                    if plen:
                        all_chars += plen
                        link_chars += plinks
                        drop = False
                        if drop_nav and ppage:
                            # Characters of words outside links ("|" and "–" separators don't count).
                            ptext = sum(len(x) if (x.isprintable() and "  " not in x and x[0] != " " != x[-1])
                                        else len(_collapse(x)) for x in raw if alnum(x)) - palnum
                            drop = ptext <= 0.1 * (ptext + plinks)
                        if drop:
                            # "Previous chapter | Contents", "Marxist Writers’ Archives": navigation.
                            idx = len(paras)
                            for k in [k for k, v in spans.items() if v[0] == idx]:
                                del spans[k]
                        else:
                            paras.append("".join(parts))
                        parts = []
                        plen = 0
                    pending = False
                    raw.clear()
                    done = plinks = palnum = 0
                ppage = 0
            if s and (raw or not s.isspace()):
                append(s)
                if link:
                    # Collapsed length; a printable string without doubled or edge blanks is as is.
                    n = len(s) if (s.isprintable() and "  " not in s and s[0] != " " != s[-1]) \
                        else len(_collapse(s))
                    plinks += n
                    if n and alnum(s):
                        palnum += n
        self._parts, self._len, self._pending, self._done = parts, plen, pending, done
        self._plinks, self._palnum, self._ppage, self._link = plinks, palnum, ppage, link
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
    if not len(el):  # no children (most header fields): the walk would give just its text
        text = el.text
        return (_collapse(text) if text and isinstance(el.tag, str) and el.tag not in SKIP else ""), {}
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
    if not len(el):  # no children (most note calls and markers): skip the serialiser
        return el.text or ""
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
