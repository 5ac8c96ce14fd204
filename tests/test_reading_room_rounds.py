"""The reading room as volunteers, curators and readers use it, in real headless Chromium:
a proofreading round on /checks, a curator's round on /contradictions, plain and annotated
reading with the margin, the API reference served locally, and the 404 page."""

from __future__ import annotations

import json
import os
import re

import pytest
from click.testing import CliRunner

from witness.cli import cli
from witness.web import create_app
from witness.web.demo import build_demo_archive, running_server

from conftest import CHROMIUM

expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = [
    pytest.mark.browser, pytest.mark.corpus,
    pytest.mark.skipif(not os.path.exists(CHROMIUM),
                       reason=f"{CHROMIUM} not found: install Debian's chromium (.ci/run does)"),
]
TOKEN = "volunteers-2026"
# A chronicle told in the historical present, dated 1950: the date-after-death findings a
# volunteer's round marks "not an error".  (The demo's own were false ones — Serge's diary of
# 1937 taken as of its 1950 printing — and went when the reader took the diary's heading date,
# "(1937)", as when it was written.)
CHRONICLE = ("A chronicle of the year, told in the present as the diaries were.\n\n"
             "In January 1937 Trotsky is in Mexico, at Coyoacán, and the second Moscow trial opens. "
             "In Paris Sedov is working on the Red Book, and Sneevliet is organising the Dutch party "
             "against the trials.")


def _chronicle():
    import hashlib

    from witness.annotate import annotate
    from witness.model import Document, Record, Source

    source = Source("fixtures/demo/chronicle.txt", "text", hashlib.sha256(CHRONICLE.encode()).hexdigest(), "utf-8")
    return annotate(Document("demo-chronicle", source, Record(authors=["A. Chronicler"], title="The Year 1937",
                                                               date="1950"), CHRONICLE))


@pytest.fixture(scope="module")
def served(corpus_root, tmp_path_factory):
    db = tmp_path_factory.mktemp("rounds") / "a.db"
    store = build_demo_archive(db, corpus_root)
    store.put_document(_chronicle())
    with running_server(create_app(store, token=TOKEN)) as url:
        yield url, db
    store.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    p.dialogs, p.errors, p.requests = [], [], []
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    p.on("request", lambda r: p.requests.append(r.url))
    yield p
    context.close()


def sign_in(page, name="Ana Volunteer", token=TOKEN):
    page.get_by_role("link", name=re.compile("Sign in")).first.click()
    page.get_by_label("Your name").fill(name)
    page.get_by_label("The reading room's token").fill(token)
    page.get_by_role("button", name="Sign in").click()


def test_a_volunteers_round(page, served):
    base, db = served
    page.goto(base + "/checks")
    # every rule is explained, with an example
    card = page.locator("#rule-date-after-death")
    card.get_by_text("What it means, with an example").click()
    assert "Not an error when" in card.inner_text() and "Trotsky writes" in card.inner_text()
    sign_in(page)
    assert page.url.endswith("/checks")
    assert "Signed in as Ana Volunteer" in page.inner_text("header")
    # pick a rule: its findings, grouped by document, each with its count
    page.locator("#rule-date-after-death h2 a").click()
    assert "What to do" in page.inner_text(".rule-explained")
    status = page.locator("p.result-count").inner_text()
    total = int(re.match(r"(\d+) finding", status).group(1))
    assert total >= 1 and "with a verdict" not in status
    groups = page.locator("section.doc-group")
    counts = [int(re.match(r"(\d+) findings?", t).group(1)) for t in groups.locator(".count").all_inner_texts()]
    assert counts and sum(counts) == total and counts == sorted(counts, reverse=True)
    first_doc = re.match(r"/documents/([^?]+)", page.locator("section.doc-group h2 a").first.get_attribute("href"))[1]
    # work through them: every one here is the historical present, not an error
    for done in range(1, total + 1):
        item = page.locator("ol.finding-rows li.open").first
        item.get_by_label("Note on this finding").fill("the historical present, not a living man")
        item.get_by_role("button", name="Not an error").click()
        expect(page.locator("p.result-count")).to_contain_text(f"{total - done} open, {done} with a verdict")
    assert "Every finding of this rule has a verdict." in page.inner_text("main")
    page.get_by_role("link", name=re.compile(r"Show the \d+ with a verdict too")).click()
    # the link navigates: wait for the new page (counting at once read the old one, now and then)
    expect(page.locator("ol.finding-rows li.judged .verdict.v-not-an-error")).to_have_count(total)
    assert "by Ana Volunteer" in page.locator(".verdict-note").first.inner_text()
    # counted apart on the rules page, and in `witness stats`
    page.goto(base + "/checks")
    assert f"0 open · {total} not an error" in page.locator("#rule-date-after-death .count").inner_text()
    stats = json.loads(CliRunner().invoke(cli, ["--db", str(db), "stats", "--json"]).output)
    assert stats["verdicts"]["findings"]["not-an-error"] >= total
    # the document page lists the same findings as `witness check --json`, verdicts included
    page.goto(base + "/documents/" + first_doc)
    listed = page.locator("ol.doc-findings > li")
    shown_keys = [k.inner_text() for k in page.locator("ol.doc-findings .key code").all()]
    checked = json.loads(CliRunner().invoke(cli, ["--db", str(db), "check", first_doc, "--json"]).output)
    assert shown_keys == [f["key"] for f in checked["findings"]] and listed.count() == len(checked["findings"])
    judged = [f for f in checked["findings"] if f["verdict"]]
    assert judged and all(f["verdict"]["who"] == "Ana Volunteer" for f in judged)
    assert page.locator("ol.doc-findings .verdict.v-not-an-error").count() == len(judged)
    # a slip marked fixed on the document page, then reopened
    page.goto(base + "/documents/serge-1937-08-yagoda")
    doubled = page.locator("ol.doc-findings > li", has_text="doubled-word")
    doubled.get_by_role("button", name="Fixed").click()
    doubled = page.locator("ol.doc-findings > li", has_text="doubled-word")
    expect(doubled.locator(".verdict.v-fixed")).to_have_count(1)
    doubled.get_by_role("button", name="Reopen").click()
    expect(page.locator("ol.doc-findings > li", has_text="doubled-word").locator(".verdict")).to_have_count(0)
    assert page.dialogs == [] and page.errors == []


def test_signing_in_needs_the_token_and_verdicts_need_signing_in(page, served):
    base, _ = served
    page.goto(base + "/checks?rule=date-conflict")
    assert page.locator("form.verdict-form").count() == 0          # read-only until signed in
    sign_in(page, token="wrong")
    assert "not the one this reading room was started with" in page.inner_text("main")
    response = page.request.post(base + "/verdicts", form={"key": "d#0", "verdict": "fixed"})
    assert response.status == 401


def test_a_curators_round_on_contradictions(page, served):
    base, _ = served
    page.goto(base + "/contradictions")
    items = page.locator("ol.contradictions > li")
    n = items.count()
    assert n >= 2
    against = [int(re.search(r"stands against (\d+)", t).group(1)) for t in items.locator(".against").all_inner_texts()]
    assert against == sorted(against, reverse=True)          # the most contested first
    # filters: person, event, kind
    page.get_by_label("Person").fill("Sosnovsky")
    page.get_by_label("Event").select_option("died")            # a death of any manner
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"person=Sosnovsky"))   # the new page, not the one clicked on
    assert items.count() >= 1
    assert all("Sosnovsky" in t for t in items.locator(".con-title").all_inner_texts())
    page.get_by_label("Kind").select_option("asserted-vs-denied")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"kind=asserted-vs-denied"))
    expect(items).to_have_count(1)
    assert "asserted vs denied" in items.first.inner_text().lower()
    page.goto(base + "/contradictions")
    sign_in(page, name="Cura Tor")
    assert page.url.endswith("/contradictions")
    first = items.first
    key = first.locator(".key code").inner_text()
    first.get_by_label("Cause").select_option("certainty")
    first.get_by_label("Note on this contradiction").fill("the negation belongs to another verb")
    first.get_by_role("button", name="Artefact").click()
    # it leaves the list, and stays countable
    expect(items).to_have_count(n - 1)
    assert "1 marked as artefact of the extraction" in page.locator("p.result-count").inner_text()
    page.get_by_role("link", name="list them too").click()
    judged = page.locator(f"#c-{key}")
    assert judged.locator(".verdict.v-artefact").inner_text().lower() == "artefact: certainty"
    assert "Cura Tor" in judged.locator(".verdict-note").inner_text()
    other = page.locator("ol.contradictions > li.open").first
    other.get_by_role("button", name="Real").click()
    expect(page.locator("ol.contradictions .verdict.v-real")).to_have_count(1)
    assert page.errors == []


def test_plain_and_annotated_reading_with_the_margin(page, served):
    base, _ = served
    page.goto(base + "/documents/serge-1937-08-yagoda")
    # plain reading by default: no claim marks, no certainty labels
    assert page.locator(".view-switch a[aria-current]").inner_text() == "Plain reading"
    mark = page.locator("mark.evidence").first
    assert mark.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
    assert not page.locator(".cert-label").first.is_visible()
    # the margin beside a paragraph: its persons (and notes), to the right of the text
    row = page.locator(".para-row", has=page.locator(".margin")).first
    p_box, m_box = row.locator("p").first.bounding_box(), row.locator(".margin").bounding_box()
    assert m_box["x"] >= p_box["x"] + p_box["width"] and abs(m_box["y"] - p_box["y"]) < 40
    assert "persons" in row.locator(".margin").inner_text().lower()
    assert row.locator(".m-claims").count() == 0               # claims only in the annotated view
    page.get_by_role("link", name=re.compile("Annotated")).click()
    assert "view=annotated" in page.url
    hedged = page.locator("mark.evidence.hedged").first
    style = hedged.evaluate("e => [getComputedStyle(e).fontStyle, getComputedStyle(e).borderBottomStyle,"
                            " getComputedStyle(e).backgroundColor]")
    assert style[0] == "normal" and style[1] == "dashed" and style[2] != "rgba(0, 0, 0, 0)"
    label = page.locator(".cert-label").first
    assert label.is_visible() and label.inner_text().lower() in ("rumored", "reported", "denied", "uncertain",
                                                                 "predicted")
    assert page.locator(".margin .m-claims li").count() >= 1
    # no gaps: inline marks carry no horizontal padding
    pads = page.evaluate("""() => [...document.querySelectorAll('.doc-text mark, .doc-text a.mention')]
        .map(e => getComputedStyle(e)).filter(s => s.paddingLeft !== '0px' || s.paddingRight !== '0px').length""")
    assert pads == 0
    # narrow screen: the margin folds under its paragraph
    page.set_viewport_size({"width": 600, "height": 900})
    row = page.locator(".para-row", has=page.locator(".margin")).first
    p_box, m_box = row.locator("p").first.bounding_box(), row.locator(".margin").bounding_box()
    assert m_box["y"] >= p_box["y"] + p_box["height"] - 1 and m_box["x"] < p_box["x"] + p_box["width"] / 2
    assert page.errors == []


def test_api_reference_is_served_locally(page, served):
    base, _ = served
    page.goto(base + "/docs")
    page.wait_for_selector(".opblock")
    assert page.locator(".opblock").count() >= 8
    assert "/api/search" in page.inner_text("#swagger-ui")
    hosts = {re.match(r"https?://([^/]+)/", u).group(1) for u in page.requests if u.startswith("http")}
    assert hosts == {base.split("//")[1]}                      # nothing fetched from anywhere else
    assert page.errors == []


def test_the_404_page_speaks_to_a_reader(page, served):
    base, _ = served
    response = page.goto(base + "/documents/serge-1937-08-yagod")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "We could not find that document"
    assert page.get_by_label("Search texts, titles, authors, or a person's name in any spelling").input_value() \
        == "serge yagod"
    assert "witness " not in page.inner_text("main") and "`" not in page.inner_text("main")
    page.get_by_role("button", name="Search").last.click()
    assert "/search?q=serge+yagod" in page.url
