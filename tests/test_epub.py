"""EPUB 3 books: structure, footnotes, person index, escaping; epubcheck on real books."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from witness.export.epub import write_epub
from witness.ingest import read_path
from witness.ingest.base import Read

from test_tei_support import enrich, hand_document

XHTML = {"h": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}


def epubcheck_command() -> list[str] | None:
    """epubcheck as installed by Debian is a jar behind a symlink (run by binfmt when present)."""
    exe = shutil.which("epubcheck")
    if exe is None:
        return None
    real = os.path.realpath(exe)
    if real.endswith(".jar"):
        java = shutil.which("java")
        return [java, "-jar", real] if java else None
    return [exe]


def epubcheck(path: Path) -> None:
    cmd = epubcheck_command()
    if cmd is None:
        pytest.skip("epubcheck not installed (Debian package `epubcheck`; .ci/run installs it)")
    out = subprocess.run(cmd + [str(path)], capture_output=True, text=True, timeout=600)
    report = out.stdout + out.stderr
    assert out.returncode == 0 and re.search(r"\b0 errors\b", report) \
        and re.search(r"\b0 fatals\b", report), report[-4000:]


def read_book(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        first = z.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert z.read("mimetype") == b"application/epub+zip"
        return {n: z.read(n) for n in z.namelist()}


def corpus_docs(corpus_root: Path, *relpaths: str, folder: str | None = None):
    paths = [corpus_root / r for r in relpaths]
    if folder:
        paths += sorted(p for p in (corpus_root / folder).rglob("*") if p.suffix in (".htm", ".html"))
    docs = []
    for p in paths:
        out = read_path(p, corpus_root)
        if isinstance(out, Read):
            docs.append(out.document)
    return docs


def test_book_structure_footnotes_and_links(tmp_path):
    a, b = hand_document(), hand_document()
    b.id, b.record.title, b.record.date = "earlier", "An Earlier Piece", "1921"
    book = write_epub([a, b], tmp_path / "t.epub", "Serge <&> friends", modified="2026-01-01T00:00:00Z")
    files = read_book(book)
    opf = etree.fromstring(files["OEBPS/content.opf"])
    spine = [i.get("idref") for i in opf.iter("{http://www.idpf.org/2007/opf}itemref")]
    assert spine == ["x-title", "x-ch001", "x-ch002", "x-persons"]
    ch1 = etree.fromstring(files["OEBPS/ch001.xhtml"])
    assert ch1.xpath("string(//h:h1)", namespaces=XHTML) == "An Earlier Piece"   # date order
    assert "Socialist Appeal, Vol. 1 No. 3" in ch1.xpath("string(//h:p[@class='citation'])",
                                                          namespaces=XHTML)
    # each chapter links to its original page
    originals = [etree.fromstring(files[f"OEBPS/ch00{n}.xhtml"]).xpath("string(//h:p[@class='original']/h:a/@href)",
                                                                       namespaces=XHTML) for n in (1, 2)]
    assert "https://www.marxists.org/archive/serge/1937/08/yagoda.htm" in originals
    # every internal link lands on an element that exists
    ids = {name: set(etree.fromstring(data).xpath("//@id"))
           for name, data in files.items() if name.endswith(".xhtml")}
    for name, data in files.items():
        if not name.endswith(".xhtml"):
            continue
        for href in etree.fromstring(data).xpath("//h:a/@href", namespaces=XHTML):
            if href.startswith("https://www.marxists.org/"):
                continue                    # the original page, outside the book
            target, _, frag = href.partition("#")
            target = "OEBPS/" + target if target else name
            assert target in ids, href
            assert not frag or frag in ids[target], f"{name}: {href}"
    # footnote: call → aside(footnote) → back-link to the call
    call = ch1.xpath("//h:a[@epub:type='noteref']", namespaces=XHTML)[0]
    note = ch1.xpath(f"//h:aside[@id='{call.get('href')[1:]}']", namespaces=XHTML)[0]
    assert note.get("{http://www.idpf.org/2007/ops}type") == "footnote"
    assert note.xpath("string(.//h:a[@class='backlink']/@href)", namespaces=XHTML) == "#" + call.get("id")
    # person names link into the index
    assert ch1.xpath("//h:a[@class='person' and .='Yagoda']/@href", namespaces=XHTML) == [
        "persons.xhtml#p-yagoda-genrikh"]
    # text is data
    assert not ch1.xpath("//h:script | //h:img", namespaces=XHTML) and b"&lt;script&gt;" in files["OEBPS/ch001.xhtml"]
    nav = files["OEBPS/nav.xhtml"].decode()
    assert "Serge &lt;&amp;&gt; friends" in nav and "Index of persons" in nav


def test_no_link_inside_a_link(tmp_path):
    doc = hand_document()
    call = doc.notes[0]
    doc.notes.append(type(call)("1a", call.start, call.end, "a second note on the same call"))
    m = doc.mentions[0]                         # a call inside a person name
    doc.notes.append(type(call)("1b", m.start + 1, m.start + 3, "inside a name"))
    ch = etree.fromstring(read_book(write_epub([doc], tmp_path / "t.epub", "T"))["OEBPS/ch001.xhtml"])
    assert not ch.xpath("//h:a//h:a", namespaces=XHTML)
    for k in range(len(doc.notes)):             # every back-link still has its target
        assert ch.xpath(f"//*[@id='fnref-{k}']", namespaces=XHTML) or not doc.notes[k].called


def test_without_person_index(tmp_path):
    files = read_book(write_epub([hand_document()], tmp_path / "t.epub", "T", persons_index=False))
    assert "OEBPS/persons.xhtml" not in files
    assert b'class="person"' in files["OEBPS/ch001.xhtml"] and b"persons.xhtml" not in files["OEBPS/ch001.xhtml"]


def test_same_documents_same_book(tmp_path):
    one = write_epub([hand_document()], tmp_path / "1.epub", "T", modified="2026-01-01T00:00:00Z")
    two = write_epub([hand_document()], tmp_path / "2.epub", "T", modified="2026-01-01T00:00:00Z")
    assert one.read_bytes() == two.read_bytes()


@pytest.mark.corpus
def test_epubcheck_seed_page(corpus_root, tmp_path):
    docs = corpus_docs(corpus_root, "archive/serge/1937/08/yagoda.htm")
    assert len(docs) == 1
    book = write_epub([enrich(docs[0], seed=1)], tmp_path / "seed.epub", "The End of Henry Yagoda")
    assert b"Socialist Appeal" in read_book(book)["OEBPS/ch001.xhtml"]
    epubcheck(book)


@pytest.mark.corpus
def test_epubcheck_page_with_footnotes(corpus_root, tmp_path):
    docs = corpus_docs(corpus_root, "archive/serge/1923/xx/observations.html")
    assert len(docs[0].notes) >= 10
    rich = enrich(docs[0], seed=3)                  # linked person names around the note calls
    book = write_epub([rich], tmp_path / "notes.epub", "Observations")
    files = read_book(book)
    ch = etree.fromstring(files["OEBPS/ch001.xhtml"])
    calls = ch.xpath("//h:a[@epub:type='noteref']", namespaces=XHTML)
    notes = ch.xpath("//h:aside[@epub:type='footnote']", namespaces=XHTML)
    assert len(notes) == len(rich.notes) and len(calls) == sum(n.called for n in rich.notes)
    epubcheck(book)


@pytest.mark.corpus
def test_epubcheck_whole_author_folder(corpus_root, tmp_path):
    docs = corpus_docs(corpus_root, folder="archive/serge")
    assert len(docs) > 50
    docs = [enrich(d, seed=k) for k, d in enumerate(docs)]
    book = write_epub(docs, tmp_path / "serge.epub", "Victor Serge: writings in the archive")
    files = read_book(book)
    assert sum(n.startswith("OEBPS/ch") for n in files) == len(docs)
    first = etree.fromstring(files["OEBPS/ch001.xhtml"]).xpath("string(//h:h1)", namespaces=XHTML)
    earliest = min((d for d in docs if d.record.date), key=lambda d: d.record.date)
    assert first == earliest.record.title
    epubcheck(book)
