"""Document text → (X)HTML elements, shared by the EPUB and the static site.

Everything is built as lxml elements, never by string concatenation, so document text can
only ever become text nodes: a ``<script>`` or ``onerror=`` in a page is escaped by the
serializer like any other character data.
"""

from __future__ import annotations

import hashlib
import re
from typing import Callable

from lxml import etree

from ..model import Document, Record
from . import _layout
from ._layout import ILLEGAL_XML, Item

_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]")


def clean(s: str | None) -> str:
    return ILLEGAL_XML.sub("\ufffd", s or "")


# Bidirectional formatting characters: embeddings and overrides (closed by PDF), isolates
# (closed by PDI).  A title holding U+202E (RIGHT-TO-LEFT OVERRIDE) reverses whatever follows
# it on the line unless it is isolated (issue 17).
_BIDI_OPEN_E = frozenset("\u202a\u202b\u202d\u202e")     # LRE RLE LRO RLO
_BIDI_OPEN_I = frozenset("\u2066\u2067\u2068")           # LRI RLI FSI
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def isolate_bidi(s: str) -> str:
    """`s` unable to reorder the text around it: the embeddings and isolates it opens are
    closed at its end and the whole is a first-strong isolate (FSI … PDI, <bdi> in plain
    text).  Strings without bidi controls come back as they are."""
    if not s or s.isascii() or not _BIDI.search(s):     # isascii: C speed, most values
        return s
    stack: list[str] = []
    for ch in s:
        if ch in _BIDI_OPEN_E:
            stack.append("\u202c")
        elif ch in _BIDI_OPEN_I:
            stack.append("\u2069")
        elif ch == "\u202c" and stack and stack[-1] == "\u202c":
            stack.pop()
        elif ch == "\u2069" and "\u2069" in stack:       # a PDI also closes embeddings inside it
            while stack.pop() != "\u2069":
                pass
    return "\u2068" + s + "".join(reversed(stack)) + "\u2069"


def bdi(text: str | None, parent, ns: str | None = None, **attrs):
    """`text` in a <bdi> element: a listing's title or name keeps its direction to itself."""
    return el("bdi", text, parent=parent, ns=ns, **attrs)


def frag_id(prefix: str, key: str) -> str:
    """An id/file-name-safe token for an arbitrary key (stable, collision-resistant)."""
    safe = _UNSAFE_ID.sub("_", key)[:48]
    if safe == key:
        return f"{prefix}{safe}"
    return f"{prefix}{safe}-{hashlib.sha1(key.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


def citation(r: Record) -> str:
    """One-line citation: Authors, “Title”, Periodical, Vol. V No. I, date, p. P."""
    parts = []
    if r.authors:
        parts.append(", ".join(r.authors))
    if r.title:
        parts.append(f"“{r.title}”")
    if r.periodical:
        parts.append(r.periodical)
    vol = " ".join(x for x in (f"Vol. {r.volume}" if r.volume else "",
                               f"No. {r.issue}" if r.issue else "") if x)
    if vol:
        parts.append(vol)
    if r.date_text or r.date:
        parts.append(r.date_text or r.date)
    if r.pages:
        parts.append(("pp. " if re.search(r"[–-]", r.pages) else "p. ") + r.pages)
    return clean(", ".join(parts) + ("." if parts else ""))


def original_url(doc: Document) -> str | None:
    """The original page (source.url); for a document stored before URLs were recorded, its
    marxists.org address when its path is relative to an MIA tree (archive/…, history/…).
    Only web addresses: an imported JSON could say anything."""
    url = doc.source.url
    if url:
        return url if url.startswith(("https://", "http://")) else None
    from ..ingest.paths import MIA_TOP, MIA_URL
    path = doc.source.path.lstrip("/")
    if doc.source.format == "mia-html" and "/" in path and path.split("/", 1)[0] in MIA_TOP:
        return MIA_URL + path
    return None


def date_key(doc: Document) -> tuple:
    """Chronological order: undated last, then title."""
    d = doc.record.date or ""
    return (d == "", d, (doc.record.title or "").lower(), doc.id)


def el(tag: str, text: str | None = None, parent=None, ns: str | None = None, **attrs):
    tag = f"{{{ns}}}{tag}" if ns else tag
    e = etree.SubElement(parent, tag) if parent is not None else etree.Element(tag)
    for k, v in attrs.items():
        if v is not None:
            e.set("class" if k == "class_" else k, clean(str(v)))
    if text is not None:
        e.text = clean(text)
    return e


def append_text(parent, s: str, ns: str | None = None) -> None:
    """Text with newlines as <br/>."""
    for k, line in enumerate(clean(s).split("\n")):
        if k:
            el("br", parent=parent, ns=ns)
        if not line:
            continue
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + line
        else:
            parent.text = (parent.text or "") + line


class Renderer:
    """Paragraphs of one document with note calls and (optionally linked) person mentions.

    ``person_href(entity_id)`` gives the link target for a person, or None for no link;
    ``note_href(k)`` the target of note k's call.  Mentions and calls that cross are resolved
    by ``_layout.place`` (calls win); a mention inside a call is not linked (no <a> in <a>).
    """

    def __init__(self, doc: Document, *, note_href: Callable[[int], str],
                 person_href: Callable[[str], str | None] | None = None,
                 ns: str | None = None, epub_ns: str | None = None):
        self.doc = doc
        self.note_href = note_href
        self.person_href = person_href
        self.ns = ns
        self.epub_ns = epub_ns
        self.mention_ids: dict[str, str] = {}   # entity → id of its first mention here

    def paragraphs(self, parent, cls: str | None = None) -> None:
        doc = self.doc
        paras = doc.paragraphs()
        n = len(doc.text)
        items = []
        for k, note in enumerate(doc.notes):
            if note.called:
                s = max(0, min(note.start, n))
                items.append(Item(s, max(s, min(note.end, n)), "call", k, 0, k))
        for k, m in enumerate(doc.mentions):
            if m.type == "person" and m.entity and m.end > m.start:
                s = max(0, min(m.start, n))
                items.append(Item(s, max(s, min(m.end, n)), "mention", (k, m), 1, k))
        inline, _demoted = _layout.place(items, paras)
        for ps, pe in paras:
            if ps == pe:
                continue
            p = el("p", parent=parent, ns=self.ns, class_=cls)
            mine = [i for i in inline if ps <= i.start and i.end <= pe]
            self._render(p, _layout.tree(doc.text, ps, pe, mine), in_link=False)

    def _render(self, parent, node, in_link: bool) -> None:
        for child in node.children:
            if isinstance(child, str):
                append_text(parent, child, self.ns)
                continue
            it = child.item
            if it.kind == "call":
                k = it.data
                # Two calls on the same words: the inner one cannot be a link inside a link.
                a = el("span" if in_link else "a", parent=parent, ns=self.ns, id=f"fnref-{k}",
                       href=None if in_link else self.note_href(k), class_="noteref")
                if self.epub_ns and not in_link:
                    a.set(f"{{{self.epub_ns}}}type", "noteref")
                if child.children:
                    self._render(a, child, True)
                else:  # a bare call marker in the text: show the note's label
                    a.text = clean(f"[{self.doc.notes[k].label}]")
            else:
                k, m = it.data
                href = None if in_link or self.person_href is None or _has_call(child) \
                    else self.person_href(m.entity)
                ident = frag_id("m-", str(k))
                self.mention_ids.setdefault(m.entity, ident)
                if href:
                    tag = el("a", parent=parent, ns=self.ns, href=href, class_="person", id=ident)
                else:
                    tag = el("span", parent=parent, ns=self.ns, class_="person", id=ident)
                self._render(tag, child, in_link or bool(href))

    def notes(self, parent, *, heading: str = "Notes") -> None:
        if not self.doc.notes:
            return
        el("h2", heading, parent=parent, ns=self.ns, class_="notes-heading")
        for k, note in enumerate(self.doc.notes):
            box = el("aside" if self.epub_ns else "div", parent=parent, ns=self.ns,
                     id=f"fn-{k}", class_="footnote")
            if self.epub_ns:
                box.set(f"{{{self.epub_ns}}}type", "footnote")
            for j, para in enumerate(note.text.split("\n\n") or [""]):
                p = el("p", parent=box, ns=self.ns)
                if j == 0:
                    if note.called:
                        back = el("a", f"[{note.label}]", parent=p, ns=self.ns,
                                  href=f"#fnref-{k}", class_="backlink")
                        back.tail = " "
                    else:
                        el("span", f"[{note.label}]", parent=p, ns=self.ns,
                           class_="label").tail = " "
                append_text(p, para, self.ns)


def _has_call(node) -> bool:
    return any(not isinstance(c, str) and (c.item.kind == "call" or _has_call(c))
               for c in node.children)
