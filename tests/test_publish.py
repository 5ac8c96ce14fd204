"""The static edition: structure and links on disk, then real headless Chromium over file://."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html as lhtml

from witness.model import Claim, Entity, Mention, Note, Span
from witness.publish import fold_tokens, publish

from test_tei_support import enrich, hand_document

EVIL = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


def evil_document():
    """Markup everywhere a document carries text: it must all render as visible text."""
    doc = hand_document()
    doc.id = "evil"
    doc.record.title = "Title " + EVIL
    doc.record.authors = ["Author " + EVIL]
    doc.record.periodical = "Paper " + EVIL
    doc.text += "\n\nBody " + EVIL + " ends."
    doc.notes.append(Note("x", len(doc.text) - 1, len(doc.text), "Note " + EVIL))
    start = doc.text.index("Body")
    doc.mentions.append(Mention(start, start + 4, "Body", "person", "evil-person"))
    doc.entities.append(Entity("evil-person", "person", "Person " + EVIL, ["Alias " + EVIL]))
    doc.claims.append(Claim("evil-person", "arrested", EVIL, None, None, "rumored", EVIL,
                            Span(start, len(doc.text))))
    return doc


def site_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.html"))


def check_links(root: Path) -> int:
    """Every relative link in every page points at an existing file (and fragment)."""
    ids: dict[Path, set[str]] = {}
    checked = 0
    for page in site_files(root):
        tree = lhtml.parse(str(page))
        for ref in tree.xpath("//a[not(@class='original')]/@href | //link/@href | //script/@src"):
            parts = urlsplit(ref)
            assert not parts.scheme and not parts.netloc, f"{page}: absolute link {ref}"
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert target.exists(), f"{page.relative_to(root)}: {ref}"
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(lhtml.parse(str(target)).xpath("//@id"))
                assert parts.fragment in ids[target], f"{page.relative_to(root)}: {ref}"
            checked += 1
    for ref in (r for page in site_files(root) for r in lhtml.parse(str(page)).xpath("//a[@class='original']/@href")):
        assert ref.startswith("https://www.marxists.org/"), ref    # the only links leaving the edition
    return checked


def load_index(root: Path) -> dict:
    js = (root / "search-index.js").read_text("utf-8")
    assert js.startswith("window.WITNESS_SEARCH = ") and js.rstrip().endswith(";")
    return json.loads(js[len("window.WITNESS_SEARCH = "):].rstrip().rstrip(";"))


def test_site_structure_links_and_escaping(tmp_path):
    other = hand_document()
    other.id, other.record.title, other.record.date = "earlier", "Earlier", "1921-03"
    counts = publish([evil_document(), other], tmp_path / "site", title="Serge <edition>")
    root = tmp_path / "site"
    assert counts == {"documents": 2, "persons": 5}
    for name in ("index.html", "authors.html", "chronology.html", "persons.html", "search.html",
                 "d/evil.html", "d/earlier.html", "p/rakovsky-christian.html", "p/evil-person.html"):
        assert (root / name).exists(), name
    assert check_links(root) > 40
    for page in site_files(root):
        text = page.read_text("utf-8")
        # the only script elements are the search page's own two, and no handler attributes
        scripts = lhtml.fromstring(text).xpath("//script")
        assert [s.get("src") for s in scripts] == (["search-index.js", "search.js"]
                                                   if page.name == "search.html" else [])
        assert not lhtml.fromstring(text).xpath("//@onerror | //img")
    evil = (root / "d/evil.html").read_text("utf-8")
    assert "Body &lt;script&gt;window.__pwned=1&lt;/script&gt;" in evil
    index = load_index(root)
    assert "</script" not in (root / "search-index.js").read_text("utf-8")
    titles = [d[1] for d in index["docs"]]
    assert titles[0] == "Earlier" and EVIL in titles[1]             # chronological
    assert index["terms"]["rakowsky"] == [0, 1] and 1 in index["terms"]["pwned"]
    chrono = (root / "chronology.html").read_text("utf-8")
    assert chrono.index("1921") < chrono.index("1937")


def test_tokens_match_the_search_script():
    assert fold_tokens("Trotsky’s «Révolution» trahie, 1936!") == [
        "trotsky", "revolution", "trahie", "1936"]


@pytest.mark.corpus
def test_publish_an_author_folder(corpus_root, tmp_path):
    from test_epub import corpus_docs
    docs = [enrich(d, seed=k) for k, d in enumerate(corpus_docs(corpus_root, folder="archive/serge"))]
    counts = publish(docs, tmp_path / "serge")
    assert counts["documents"] == len(docs) > 50 and counts["persons"] > 20
    assert check_links(tmp_path / "serge") > 1000
    assert len(list((tmp_path / "serge/d").iterdir())) == len(docs)
    page = lhtml.parse(str(tmp_path / "serge/d/serge-1937-08-yagoda.html"))
    assert page.xpath("//a[@class='original']/@href") == ["https://www.marxists.org/archive/serge/1937/08/yagoda.htm"]


# ---------------------------------------------------------------------------- browser



@pytest.fixture
def page(browser):
    context = browser.new_context()
    p = context.new_page()
    p.dialogs, p.errors = [], []
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    yield p
    context.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("published") / "site"
    other = hand_document()
    other.id, other.record.title, other.record.date = "earlier", "Earlier piece", "1921-03"
    publish([evil_document(), other], root, title="Test edition")
    return root


@pytest.mark.browser
def test_markup_in_documents_renders_as_text(page, site):
    for name in ("d/evil.html", "p/evil-person.html", "persons.html", "authors.html",
                 "chronology.html", "index.html"):
        page.goto((site / name).as_uri())
        assert page.evaluate("window.__pwned") is None, name
        assert page.locator("img").count() == 0, name
    page.goto((site / "d/evil.html").as_uri())
    body = page.inner_text("main")
    assert "Body <script>window.__pwned=1</script>" in body
    assert 'onerror="window.__pwned=2"' in body
    assert page.title().startswith("Title <script>")
    page.goto((site / "search.html").as_uri() + "?q=pwned")
    page.wait_for_selector("#results li")
    assert "<script>" in page.inner_text("#results")
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == [] and page.errors == []


def test_home_document_findings_versions_and_original(tmp_path):
    from witness.store.base import VersionInfo
    mia = hand_document()
    mia.id, mia.source.format, mia.source.path = "mia-page", "mia-html", "archive/serge/1937/08/yagoda.htm"
    other = hand_document()
    other.id, other.record.title, other.record.date = "earlier", "Earlier", "1921-03"
    other.source.url = "https://www.marxists.org/history/earlier.htm"
    versions = {"mia-page": [VersionInfo(1, "a" * 64, "archive/serge/1937/08/yagoda.htm", "2026-01-01T00:00:00Z", False),
                             VersionInfo(2, "b" * 64, "archive/serge/1937/08/yagoda.htm", "2026-02-01T00:00:00Z", True)]}
    root = tmp_path / "site"
    publish([mia, other], root, history=lambda i: versions.get(i, []))
    home = lhtml.parse(str(root / "index.html"))
    # the authors, the years and the person index, each linking into its full page
    assert home.xpath("//section[h2='Authors']//a[starts-with(@href, 'authors.html#a-Victor_Serge')][.='Victor Serge']")
    years = home.xpath("//section[h2='Years']//a/@href")
    assert "chronology.html#y-1921" in years and "chronology.html#y-1937" in years
    persons = home.xpath("//section[h2='Persons']//a")
    assert "Christian Rakovsky" in [a.text_content() for a in persons] and persons[-1].get("href") == "persons.html"
    page = lhtml.parse(str(root / "d/mia-page.html"))
    assert page.xpath("//a[@class='original']/@href") == ["https://www.marxists.org/archive/serge/1937/08/yagoda.htm"]
    assert lhtml.parse(str(root / "d/earlier.html")).xpath("//a[@class='original']/@href") == ["https://www.marxists.org/history/earlier.htm"]
    findings = page.xpath("//ol[@class='findings']/li")
    assert len(findings) == 3 and "“the the”: word repeated" in findings[0].text_content()
    assert findings[0].xpath(".//mark")[0].text == "the the"
    rows = page.xpath("//table[@class='versions']/tbody/tr")
    assert [r.xpath("td")[0].text for r in rows] == ["1", "2 (this one)"]
    assert not lhtml.parse(str(root / "d/earlier.html")).xpath("//table[@class='versions']")
    assert check_links(root) > 20


@pytest.mark.browser
def test_search_snippets_over_file_urls(page, site):
    page.goto((site / "index.html").as_uri())
    page.fill("#home-q", "sensation")
    page.keyboard.press("Enter")
    page.wait_for_selector("#results li .snippet mark")
    assert page.url.startswith("file://") and "search.html?q=sensation" in page.url
    snippet = page.locator("#results li .snippet").first
    assert "The arrest of Yagoda is the" in snippet.inner_text()
    assert snippet.locator("mark").all_inner_texts() == ["sensation"]
    # a person found under their name, spelled otherwise in the text: that spelling is marked
    page.fill("#q", "Rakovsky")
    page.wait_for_selector("#results li .snippet mark")
    assert page.locator("#results li .snippet mark").first.inner_text() == "Christian Rakowsky"
    # markup in a text stays text in its snippet
    page.fill("#q", "pwned")
    page.wait_for_selector("#results li .snippet mark")
    assert "<script>" in page.locator("#results .snippet").first.inner_text()
    assert page.evaluate("window.__pwned") is None and page.errors == []


@pytest.mark.browser
def test_navigation_footnotes_and_search_over_file_urls(page, site):
    page.goto((site / "index.html").as_uri())
    page.click("text=Persons")
    page.click("a:has(bdi:text-is('Christian Rakovsky'))")
    assert page.url.endswith("/p/rakovsky-christian.html")
    assert "confirmed" in page.inner_text("main")                 # the claim about him
    page.click("a:has(bdi:text-is('Earlier piece'))")
    assert page.url.endswith("/d/earlier.html")
    page.click("a.noteref >> nth=0")
    assert page.url.endswith("#fn-0")
    page.click("#fn-0 a.backlink")
    assert page.url.endswith("#fnref-0")
    page.click("text=Search")
    page.fill("#q", "rakow")                                     # prefix of the last word
    page.wait_for_selector("#results li")
    assert page.locator("#results li").count() == 2
    assert "2 documents found" in page.inner_text("#status")
    page.fill("#q", "sosnovsky shot")
    assert page.locator("#results li").count() == 2
    page.fill("#q", "nosuchwordanywhere")
    assert page.locator("#results li").count() == 0
    page.fill("#q", "earlier")
    page.click("#results a")
    assert page.url.endswith("/d/earlier.html") and page.url.startswith("file://")
    assert page.errors == []
