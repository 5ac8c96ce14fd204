"""The server-rendered pages over a real SQLite archive, and the span-to-HTML builder."""

from __future__ import annotations

import dataclasses
import json
import random
import re
import xml.etree.ElementTree as ET

import pytest

from fastapi.testclient import TestClient

from witness.model import Claim, Document, Finding, Mention, Note, Record, Source, Span
from witness.store import open_store
from witness.web import create_app
from witness.web.demo import build_demo_archive, hostile_document
from witness.web.render import snippet_html, text_html

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def archive(corpus_root, tmp_path_factory):
    store = build_demo_archive(tmp_path_factory.mktemp("webpages") / "a.db", corpus_root)
    # A second version of one page, so the history has something to show.
    doc = store.get_document("serge-1937-10-barbaric")
    doc.text += "\n\nA corrected closing line."
    doc.source = dataclasses.replace(doc.source, sha256="0" * 64)
    store.put_document(doc)
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(archive):
    with TestClient(create_app(archive)) as c:
        assert c.get("/").status_code == 200          # builds the people/findings index
        yield c


def get(client, url, status=200):
    resp = client.get(url)
    assert resp.status_code == status, (url, resp.text[:500])
    assert resp.headers["content-type"].startswith("text/html")
    return resp.text


# -- home -----------------------------------------------------------------------------------
def test_home_at_a_glance(client, archive):
    html = get(client, "/")
    assert re.search(r"<dt>Documents</dt><dd>15</dd>", html)
    persons = {m.entity for d in archive.iter_documents() for m in d.mentions if m.type == "person" and m.entity}
    assert "sosnovsky-lev" in persons and f"<dt>Persons</dt><dd>{len(persons)}</dd>" in html
    assert html.count("<rect ") >= 5                     # one bar per year with documents
    assert "1937: 6 documents" in html or re.search(r"<title>1937: \d+ documents</title>", html)
    assert 'href="/search?author=Victor%20Serge"' in html
    assert 'href="/persons/stalin-joseph"' in html
    # recent findings: the latest dated pages' first findings, here the hostile page's decoding errors
    assert "mojibake" in html and 'href="/documents/demo-hostile?findings=1#finding-0"' in html
    assert '<label for="home-q">' in html and 'id="home-q"' in html


# -- search ---------------------------------------------------------------------------------
def test_search_highlights_and_facets(client):
    html = get(client, "/search?q=Kronstadt")
    assert "<mark>Kronstadt</mark>" in html
    assert 'href="/documents/serge-1938-04-kronstadt"' in html
    assert "<h3>Author</h3>" in html and "<h3>Decade</h3>" in html and "<h3>Periodical</h3>" in html
    assert "<h3>Findings</h3>" in html
    assert "year_from=1930&amp;year_to=1939" in html


def test_search_by_person_in_any_spelling(client):
    html = get(client, "/search?q=%D0%A0%D0%B0%D0%BA%D0%BE%D0%B2%D1%81%D0%BA%D0%B8%D0%B9")   # Раковский
    assert 'href="/persons/rakovsky-christian"' in html
    assert 'href="/documents/serge-1937-08-yagoda"' in html
    assert "<mark>Christian Rakowsky</mark>" in html or "<mark>Rakowsky</mark>" in html


def test_person_facet_links_filter(client):
    html = get(client, "/search?q=shot")
    assert "Persons in these results" in html
    filtered = get(client, "/search?q=shot&person=sosnovsky-lev")
    assert "Documents mentioning" in filtered and "Lev Sosnovsky" in filtered


@pytest.mark.parametrize("url", ["/search", "/search?q=", "/search?q=%20%20"])
def test_empty_query_gets_guidance(client, url):
    html = get(client, url)
    assert "What would you like to find?" in html


@pytest.mark.parametrize("q", ['"unclosed', "(stalin", "stalin OR", "*", "NOT trotsky"])
def test_malformed_query_is_a_helpful_page_not_an_error(client, q):
    html = get(client, "/search?" + __import__("urllib.parse").parse.urlencode({"q": q}))
    assert "could not be read" in html
    assert "Tips:" in html


def test_lenient_form_values(client):
    html = get(client, "/search?q=Stalin&page=abc&year_from=x")
    assert "result" in html


def test_pagination(corpus_root, tmp_path):
    store = open_store(tmp_path / "many.db")
    for i in range(45):
        text = f"Report number {i} from Kronstadt about the sailors."
        store.put_document(Document(f"report-{i:02d}", Source(f"r/{i}.txt", "text", f"{i:064x}"),
                                    Record(title=f"Report {i}", date=f"1921-03-{i % 28 + 1:02d}"), text))
    with TestClient(create_app(store)) as c:
        first = get(c, "/search?q=kronstadt")
        assert "Page 1 of 3" in first and 'rel="next"' in first and 'rel="prev"' not in first
        assert first.count('class="hit-title"') == 20
        third = get(c, "/search?q=kronstadt&page=3")
        assert third.count('class="hit-title"') == 5 and 'start="41"' in third
        assert 'rel="prev"' in third and 'rel="next"' not in third
    store.close()


# -- document -------------------------------------------------------------------------------
def test_document_page(client):
    html = get(client, "/documents/serge-1937-08-yagoda")
    assert "<h1>The End of Henry Yagoda</h1>" in html
    # citations, copyable as text
    assert re.search(r'<textarea id="cite-chicago" readonly[^>]*>Victor Serge\. “The End of Henry Yagoda', html)
    assert ("Socialist Appeal 1, no. 3 (August 28, 1937): 9. Marxists Internet Archive. "
            "https://www.marxists.org/archive/serge/1937/08/yagoda.htm.") in html
    bib = re.search(r'<textarea id="cite-bibtex"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    assert bib.startswith("@article{serge-1937-08-yagoda,") and "journal = {Socialist Appeal}" in bib
    assert "url = {https://www.marxists.org/archive/serge/1937/08/yagoda.htm}" in bib
    csl = re.search(r'<textarea id="cite-csl"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    item = json.loads(csl.replace("&#34;", '"').replace("&quot;", '"').replace("&#39;", "'")
                      .replace("&amp;", "&"))[0]
    assert item["issued"] == {"date-parts": [[1937, 8, 28]]} and item["container-title"] == "Socialist Appeal"
    assert item["author"] == [{"literal": "Victor Serge"}] and item["URL"].endswith("/1937/08/yagoda.htm")
    # mentions linked, claims with badges, evidence highlighted and anchored
    # (the pipeline's claims, in text order: 0 Yagoda arrested, 1 Rakowsky arrested (confirmed),
    # 2 Sosnovsky and 3 Putna executed (rumored))
    assert '<a class="mention m-person" href="/persons/sosnovsky-lev"' in html
    assert re.search(r'<mark class="evidence c-confirmed" id="ev-1"', html)
    assert re.search(r'<mark class="evidence hedged c-rumored" id="ev-2"', html)
    assert re.search(r'<mark class="evidence hedged c-rumored" id="ev-3"', html)
    assert 'class="badge badge-hedged c-rumored">rumored</span>' in html
    assert 'class="badge badge-firm c-confirmed">confirmed</span>' in html
    assert 'href="#ev-2"' in html and 'href="#ev-3"' in html
    # findings in place, behind a CSS-only toggle
    assert '<input type="checkbox" id="show-findings" class="findings-toggle">' in html
    assert re.search(r'<span class="finding sev-warning" id="finding-\d+"[^>]*>of of</span>', html)
    assert "[doubled-word: “of of”: word repeated → of]" in html
    assert "<h2 id=\"history-h\">Version history</h2>" in html
    assert "<code>archive/serge/1937/08/yagoda.htm</code>" in html


def test_findings_toggle_can_start_checked(client):
    html = get(client, "/documents/serge-1937-08-yagoda?findings=1")
    assert '<input type="checkbox" id="show-findings" class="findings-toggle" checked>' in html


def test_footnotes_link_both_ways(client, archive):
    doc = archive.get_document("trotsky-1937-1937-ultra")
    assert doc.notes
    html = get(client, "/documents/trotsky-1937-1937-ultra")
    for i, note in enumerate(doc.notes):
        assert f'id="note-{i}"' in html
        if note.called:
            assert f'href="#note-{i}"' in html and f'id="ref-{i}"' in html and f'href="#ref-{i}"' in html


def test_version_history(client):
    html = get(client, "/documents/serge-1937-10-barbaric")
    assert "2 (current)" in html and 'href="/documents/serge-1937-10-barbaric?version=1"' in html
    old = get(client, "/documents/serge-1937-10-barbaric?version=1")
    assert "You are reading version 1" in old and "A corrected closing line." not in old
    assert "A corrected closing line." in html


def test_unknown_pages_are_html_errors(client):
    html = get(client, "/documents/no-such-doc", 404)
    assert "not-found" in html and "no-such-doc" in html and "<main" in html
    assert "not-found" in get(client, "/persons/nobody", 404)
    assert "not-found" in get(client, "/no/such/page", 404)
    resp = client.post("/")
    assert resp.status_code == 405 and "method-not-allowed" in resp.text
    assert resp.headers["content-type"].startswith("text/html")


# -- person, contradictions, checks -----------------------------------------------------------
def test_person_page(client):
    html = get(client, "/persons/sosnovsky-lev")
    assert "<h1>Lev Sosnovsky</h1>" in html
    assert "1886 – 1937-07-03" in html and "executed" in html
    assert '<span class="variant" lang="">Leon Sosnovsky</span>' in html
    rows = re.findall(r'<li class="tl-row ([^"]*)">(.*?)</li>', html, re.S)
    rumor = [body for cls, body in rows if "c-rumored" in cls]
    assert rumor and all("hedged" in cls for cls, _ in rows if "c-rumored" in cls)
    assert 'badge-hedged c-rumored">rumored<' in rumor[0]
    fact = [cls for cls, _ in rows if "c-asserted" in cls]
    assert fact and all("firm" in cls and "hedged" not in cls for cls in fact)
    assert 'class="flag">contradicted</span>' in html
    assert 'href="/documents/serge-1937-08-yagoda#claim-2"' in html          # the rumor
    assert 'href="/documents/demo-sosnovsky-executed#claim-0"' in html       # the assertion
    assert "Documents mentioning Lev Sosnovsky (3)" in html
    assert 'href="/persons/rakovsky-christian"' in html


def test_person_timeline_is_paged(archive, monkeypatch):
    """A long timeline comes in pages (Trotsky has ~2,000 claims); every claim is on exactly one."""
    from witness.web import pages

    monkeypatch.setattr(pages, "TIMELINE_PAGE", 2)
    with TestClient(create_app(archive)) as c:
        first = get(c, "/persons/sosnovsky-lev")
        total = int(re.search(r"Claims 1–2 of (\d+)", first).group(1))
        assert total > 2 and 'rel="next"' in first and 'rel="prev"' not in first
        seen, n = [], (total + 1) // 2
        for k in range(1, n + 1):
            html = get(c, f"/persons/sosnovsky-lev?page={k}")
            seen += re.findall(r'href="(/documents/[^"]+#claim-\d+)"><bdi>[^<]*</bdi></a></p>\s*</div>\s*</li>', html)
            assert f'<ol class="timeline" start="{(k - 1) * 2 + 1}">' in html
        assert len(seen) == total and len(set(seen)) == total
        last = get(c, f"/persons/sosnovsky-lev?page={n}")
        assert 'rel="prev"' in last and 'rel="next"' not in last
        assert get(c, "/persons/sosnovsky-lev?page=9999") == last          # past the end: the last page
        assert get(c, "/persons/sosnovsky-lev?page=oops") == first         # a typo: the first page


def test_contradictions_page(client):
    html = get(client, "/contradictions")
    assert "asserted vs denied" in html and 'href="/persons/sosnovsky-lev"' in html
    assert 'href="/documents/demo-sosnovsky-alive#claim-0"' in html


def test_checks_page(client):
    html = get(client, "/checks")
    assert 'href="/checks?rule=doubled-word"' in html
    rule = get(client, "/checks?rule=doubled-word")
    assert re.search(r'href="/documents/serge-1937-08-yagoda\?findings=1#finding-\d+"', rule)
    assert "<mark>of of</mark>" in rule
    assert "No findings for this rule." in get(client, "/checks?rule=no-such-rule")


# -- the builders ---------------------------------------------------------------------------
def test_snippet_markers_become_mark_after_escaping():
    assert snippet_html("<b>«Stalin»</b> & «Co") == \
        "&lt;b&gt;<mark>Stalin</mark>&lt;/b&gt; &amp; <mark>Co</mark>"
    assert snippet_html("a » b «c»") == "a  b <mark>c</mark>"


def _visible_text(root) -> str:
    """Text of the rendered document without the inserted finding notes, certainty labels and
    note markers."""
    def walk(el):
        cls = el.get("class", "")
        if "finding-note" in cls or "cert-label" in cls or el.tag == "sup":
            return el.tail or ""
        inner = (el.text or "") + "".join(walk(c) for c in el)
        return inner + ("" if el is root else (el.tail or ""))
    return walk(root)


def _check_wellformed(doc: Document) -> ET.Element:
    html = str(text_html(doc))
    root = ET.fromstring(f"<div>{html}</div>")        # raises on any mis-nesting
    expected = doc.text.replace("\n\n", "")
    assert _visible_text(root).replace("\n", "") == expected.replace("\n", "")
    return root


def test_overlapping_spans_make_wellformed_html():
    rng = random.Random(5)
    words = ["Stalin", "<script>", "a&b", "Yagoda", "\"q\"", "x<y", "shot"]
    for trial in range(200):
        paras = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 12))) for _ in range(rng.randint(1, 4))]
        text = "\n\n".join(paras)
        n = len(text)

        def span():
            a = rng.randint(0, n)
            return a, min(n, a + rng.randint(0, 30))

        doc = Document(f"t{trial}", Source("t.txt", "text", "0"), Record(), text)
        for _ in range(rng.randint(0, 6)):
            a, b = span()
            doc.mentions.append(Mention(a, b, text[a:b], rng.choice(["person", "place"]), "p-1"))
        for _ in range(rng.randint(0, 3)):
            a, b = span()
            doc.claims.append(Claim("p-1", "arrested", certainty=rng.choice(["asserted", "rumored"]),
                                    evidence=Span(a, b)))
        for _ in range(rng.randint(0, 3)):
            a, b = span()
            doc.findings.append(Finding("r", "warning", a, b, "<m>", None))
        for k in range(rng.randint(0, 3)):
            a, b = span()
            if rng.random() < 0.5:
                b = a
            doc.notes.append(Note(str(k), a, b, "note"))
        root = _check_wellformed(doc)
        for a in root.iter("a"):
            assert not list(a.iter("a"))[1:], "a link inside a link"


def test_hostile_document_text_is_escaped():
    doc = hostile_document()
    html = str(text_html(doc))
    assert "<script" not in html and "<img" not in html and "<b " not in html
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html
    _check_wellformed(doc)



def test_rendered_pages_follow_writes_at_once(corpus_root, tmp_path):
    """Person pages are cached per archive generation: a write shows at once."""
    archive = build_demo_archive(tmp_path / "own.db", corpus_root, pages=["archive/serge/1937/08/yagoda.htm"])
    app = create_app(archive)
    with TestClient(app) as c:
        before = get(c, "/persons/putna-vitovt")
        assert get(c, "/persons/putna-vitovt") == before            # served from the cache
        doc = archive.get_document("demo-sosnovsky-executed")
        doc.text += "\n\nGeneral Putna was shot in June 1937."
        at = doc.text.index("General Putna was shot")
        doc.mentions.append(Mention(at, at + 13, "General Putna", "person", "putna-vitovt"))
        doc.claims.append(Claim("putna-vitovt", "executed", None, "1937-06", None, "asserted", None,
                                Span(at, at + 36)))
        doc.source = dataclasses.replace(doc.source, sha256="1" * 64)
        archive.put_document(doc)
        assert "General Putna was shot in June 1937" in get(c, "/persons/putna-vitovt")
    archive.close()
