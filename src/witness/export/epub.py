"""EPUB 3 books: title page, table of contents, one chapter per document (date order) with
its citation, working footnotes (noteref ↔ footnote with back-links) and an optional index of
persons linked from the names in the text.  Every book must pass ``epubcheck``.

The zip is written by hand (``mimetype`` first and stored, as OCF requires); timestamps inside
are fixed so the same documents give the same bytes, except ``dcterms:modified``, which the
caller can pin with ``modified=``.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import uuid
import zipfile
from pathlib import Path
from typing import Any, Iterable

from lxml import etree

from ..model import Document, Entity
from ._html import Renderer, citation, clean, date_key, el, frag_id, original_url
from .tei import collect_entities

XHTML = "http://www.w3.org/1999/xhtml"
EPUB = "http://www.idpf.org/2007/ops"
OPF = "http://www.idpf.org/2007/opf"
DC = "http://purl.org/dc/elements/1.1/"
NCX = "http://www.daisy.org/z3986/2005/ncx/"
_LANG = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$")
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)

CSS = """\
body { font-family: serif; line-height: 1.45; margin: 0 5%; }
h1 { font-size: 1.5em; margin: 1.5em 0 0.3em; }
h2.subtitle { font-size: 1.1em; font-style: italic; font-weight: normal; margin-top: 0; }
p { margin: 0 0 0.6em; text-indent: 0; }
p.byline { font-weight: bold; }
p.citation, p.rights { font-size: 0.85em; color: #444; }
a.noteref { vertical-align: super; font-size: 0.75em; text-decoration: none; }
a.person { color: inherit; text-decoration: none; border-bottom: 1px dotted #888; }
aside.footnote, div.footnote { font-size: 0.85em; margin: 0.4em 0; }
h2.notes-heading { font-size: 1em; margin-top: 2em; border-top: 1px solid #999; padding-top: 0.5em; }
.titlepage { text-align: center; margin-top: 20%; }
ul.persons { list-style: none; padding: 0; }
ul.persons li { margin-bottom: 0.5em; }
"""


def _lang(value: str | None, default: str = "en") -> str:
    return value if value and _LANG.match(value) else default


def _xhtml(title: str, lang: str) -> tuple[etree._Element, etree._Element]:
    html = etree.Element(f"{{{XHTML}}}html", nsmap={None: XHTML, "epub": EPUB})
    html.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
    html.set("lang", lang)
    head = el("head", parent=html, ns=XHTML)
    el("title", title or "Untitled", parent=head, ns=XHTML)
    el("link", parent=head, ns=XHTML, rel="stylesheet", type="text/css", href="style.css")
    return html, el("body", parent=html, ns=XHTML)


def _bytes(html) -> bytes:
    return etree.tostring(html, xml_declaration=True, encoding="UTF-8",
                          doctype="<!DOCTYPE html>", pretty_print=False)


def _life(e: Entity) -> str:
    if not (e.born or e.died):
        return ""
    return f" ({(e.born or '?')[:4]}–{(e.died or '')[:4]})"


def _sort_name(name: str) -> tuple:
    words = name.split()
    return ((words[-1] if words else "").lower(), name.lower())


def write_epub(docs: Iterable[Document], out_path: Path | str, title: str, *,
               persons_index: bool = True, authority: Any = None,
               modified: str | None = None) -> Path:
    """Write one EPUB 3 book of ``docs`` to ``out_path``; returns the path."""
    docs = sorted(docs, key=date_key)
    out_path = Path(out_path)
    title = clean(title) or "Witness anthology"
    book_lang = _lang(next((d.record.language for d in docs if d.record.language), None))
    files: dict[str, bytes] = {}
    chapters: list[tuple[str, str]] = []                  # (file name, chapter title)
    persons: dict[str, Entity] = {}
    occurrences: dict[str, list[tuple[str, str, str]]] = {}   # entity → (file, id, title)

    def person_href(eid: str) -> str | None:
        return f"persons.xhtml#{frag_id('p-', eid)}" if persons_index else None

    for n, doc in enumerate(docs, 1):
        name = f"ch{n:03d}.xhtml"
        ch_title = clean(doc.record.title) or doc.id
        entities = {e.id: e for e in collect_entities(doc, authority)}
        html, body = _xhtml(ch_title, _lang(doc.record.language, book_lang))
        sec = el("section", parent=body, ns=XHTML, id="chapter")
        sec.set(f"{{{EPUB}}}type", "chapter")
        el("h1", ch_title, parent=sec, ns=XHTML)
        if doc.record.subtitle:
            el("h2", doc.record.subtitle, parent=sec, ns=XHTML, class_="subtitle")
        if doc.record.authors:
            el("p", ", ".join(doc.record.authors), parent=sec, ns=XHTML, class_="byline")
        cite = citation(doc.record)
        if cite:
            el("p", cite, parent=sec, ns=XHTML, class_="citation")
        url = original_url(doc)
        if url:
            orig = el("p", "Original: ", parent=sec, ns=XHTML, class_="original")
            el("a", url, parent=orig, ns=XHTML, href=url)
        r = Renderer(doc, note_href=lambda k: f"#fn-{k}", person_href=person_href, ns=XHTML,
                     epub_ns=EPUB)
        r.paragraphs(sec)
        if doc.record.rights:
            el("p", doc.record.rights, parent=sec, ns=XHTML, class_="rights")
        r.notes(sec)
        files[name] = _bytes(html)
        chapters.append((name, ch_title))
        for m in doc.mentions:
            if m.type == "person" and m.entity:
                persons.setdefault(m.entity, entities.get(m.entity) or Entity(m.entity, "person", m.text))
                where = occurrences.setdefault(m.entity, [])
                if not any(f == name for f, _, _ in where):
                    where.append((name, r.mention_ids.get(m.entity, "chapter"), ch_title))

    has_index = persons_index and bool(persons)
    if has_index:
        files["persons.xhtml"] = _persons_page(persons, occurrences, book_lang)
    files["title.xhtml"] = _title_page(title, docs, book_lang)
    toc = [("title.xhtml", "Title page")] + chapters + (
        [("persons.xhtml", "Index of persons")] if has_index else [])
    files["nav.xhtml"] = _nav(title, toc, book_lang)
    ident = "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL,
                                         "witness-epub:" + title + "|" + "|".join(d.id for d in docs)))
    files["toc.ncx"] = _ncx(title, ident, toc)
    files["style.css"] = CSS.encode()
    modified = modified or _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    authors = list(dict.fromkeys(a for d in docs for a in d.record.authors))
    files["content.opf"] = _opf(title, ident, book_lang, modified, authors, toc)
    _zip(out_path, files)
    return out_path


def _title_page(title: str, docs: list[Document], lang: str) -> bytes:
    html, body = _xhtml(title, lang)
    sec = el("section", parent=body, ns=XHTML, class_="titlepage")
    sec.set(f"{{{EPUB}}}type", "titlepage")
    el("h1", title, parent=sec, ns=XHTML)
    authors = list(dict.fromkeys(a for d in docs for a in d.record.authors))
    if authors:
        el("p", ", ".join(authors[:12]) + (" and others" if len(authors) > 12 else ""),
           parent=sec, ns=XHTML, class_="byline")
    years = sorted(d.record.date[:4] for d in docs if d.record.date)
    span = f", {years[0]}–{years[-1]}" if years and years[0] != years[-1] else (
        f", {years[0]}" if years else "")
    el("p", f"{len(docs)} document{'s' if len(docs) != 1 else ''}{span}, from the Marxists’ "
       "Internet Archive as kept by Witness. Each chapter cites its source and rights statement.",
       parent=sec, ns=XHTML)
    return _bytes(html)


def _persons_page(persons: dict[str, Entity], occurrences, lang: str) -> bytes:
    html, body = _xhtml("Index of persons", lang)
    sec = el("section", parent=body, ns=XHTML)
    sec.set(f"{{{EPUB}}}type", "index")
    el("h1", "Index of persons", parent=sec, ns=XHTML)
    ul = el("ul", parent=sec, ns=XHTML, class_="persons")
    for eid, e in sorted(persons.items(), key=lambda kv: _sort_name(kv[1].name)):
        li = el("li", parent=ul, ns=XHTML, id=frag_id("p-", eid))
        el("strong", e.name, parent=li, ns=XHTML).tail = clean(_life(e))
        if e.aliases:
            el("span", "; also " + ", ".join(e.aliases), parent=li, ns=XHTML, class_="aliases")
        el("br", parent=li, ns=XHTML)
        for k, (f, ident, ch_title) in enumerate(occurrences.get(eid, [])):
            a = el("a", ch_title, parent=li, ns=XHTML, href=f"{f}#{ident}")
            if k:
                prev = a.getprevious()
                prev.tail = (prev.tail or "") + " · "
    return _bytes(html)


def _nav(title: str, toc, lang: str) -> bytes:
    html, body = _xhtml(title, lang)
    nav = el("nav", parent=body, ns=XHTML, id="toc")
    nav.set(f"{{{EPUB}}}type", "toc")
    el("h1", "Contents", parent=nav, ns=XHTML)
    ol = el("ol", parent=nav, ns=XHTML)
    for href, label in toc:
        el("a", label, parent=el("li", parent=ol, ns=XHTML), ns=XHTML, href=href)
    land = el("nav", parent=body, ns=XHTML, id="landmarks", hidden="hidden")
    land.set(f"{{{EPUB}}}type", "landmarks")
    ol = el("ol", parent=land, ns=XHTML)
    for href, label, kind in (("title.xhtml", "Title page", "titlepage"),
                              (toc[1][0] if len(toc) > 1 else "title.xhtml", "Start", "bodymatter")):
        a = el("a", label, parent=el("li", parent=ol, ns=XHTML), ns=XHTML, href=href)
        a.set(f"{{{EPUB}}}type", kind)
    return _bytes(html)


def _ncx(title: str, ident: str, toc) -> bytes:
    root = etree.Element(f"{{{NCX}}}ncx", nsmap={None: NCX}, version="2005-1")
    head = el("head", parent=root, ns=NCX)
    el("meta", parent=head, ns=NCX, name="dtb:uid", content=ident)
    el("meta", parent=head, ns=NCX, name="dtb:depth", content="1")
    el("text", title, parent=el("docTitle", parent=root, ns=NCX), ns=NCX)
    nav_map = el("navMap", parent=root, ns=NCX)
    for k, (href, label) in enumerate(toc, 1):
        pt = el("navPoint", parent=nav_map, ns=NCX, id=f"np{k}", playOrder=str(k))
        el("text", label, parent=el("navLabel", parent=pt, ns=NCX), ns=NCX)
        el("content", parent=pt, ns=NCX, src=href)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _opf(title: str, ident: str, lang: str, modified: str, authors: list[str], toc) -> bytes:
    root = etree.Element(f"{{{OPF}}}package", nsmap={None: OPF}, version="3.0",
                         **{"unique-identifier": "bookid"})
    md = etree.SubElement(root, f"{{{OPF}}}metadata", nsmap={"dc": DC})
    el("identifier", ident, parent=md, ns=DC, id="bookid")
    el("title", title, parent=md, ns=DC)
    el("language", lang, parent=md, ns=DC)
    for a in authors:
        el("creator", a, parent=md, ns=DC)
    el("publisher", "Witness", parent=md, ns=DC)
    el("meta", modified, parent=md, ns=OPF, property="dcterms:modified")
    man = el("manifest", parent=root, ns=OPF)
    el("item", parent=man, ns=OPF, id="nav", href="nav.xhtml",
       **{"media-type": "application/xhtml+xml", "properties": "nav"})
    el("item", parent=man, ns=OPF, id="ncx", href="toc.ncx",
       **{"media-type": "application/x-dtbncx+xml"})
    el("item", parent=man, ns=OPF, id="css", href="style.css", **{"media-type": "text/css"})
    spine = el("spine", parent=root, ns=OPF, toc="ncx")
    for href, _label in toc:
        item_id = "x-" + href.rsplit(".", 1)[0]
        el("item", parent=man, ns=OPF, id=item_id, href=href,
           **{"media-type": "application/xhtml+xml"})
        el("itemref", parent=spine, ns=OPF, idref=item_id)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _zip(out_path: Path, files: dict[str, bytes]) -> None:
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(out_path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w") as z:
        info = zipfile.ZipInfo("mimetype", _ZIP_TIME)
        info.compress_type = zipfile.ZIP_STORED
        z.writestr(info, b"application/epub+zip")
        container = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
                     b'<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
                     b'<rootfiles><rootfile full-path="OEBPS/content.opf" '
                     b'media-type="application/oebps-package+xml"/></rootfiles></container>\n')
        for name, data in [("META-INF/container.xml", container)] + [
                (f"OEBPS/{n}", d) for n, d in files.items()]:
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    os.replace(tmp, out_path)
