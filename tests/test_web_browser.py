"""The reading room in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright)."""

from __future__ import annotations

import os
import re

import pytest

from witness.web import create_app
from witness.web.demo import build_demo_archive, running_server

from conftest import CHROMIUM

pytestmark = [
    pytest.mark.browser, pytest.mark.corpus,
    pytest.mark.skipif(not os.path.exists(CHROMIUM),
                       reason=f"{CHROMIUM} not found: install Debian's chromium (.ci/run does)"),
]


@pytest.fixture(scope="module")
def base_url(corpus_root, tmp_path_factory):
    store = build_demo_archive(tmp_path_factory.mktemp("webbrowser") / "a.db", corpus_root)
    with running_server(create_app(store)) as url:
        yield url
    store.close()



@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    p.dialogs = []
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    yield p
    context.close()


def style(page, selector: str, prop: str) -> str:
    return page.eval_on_selector(selector, f"e => getComputedStyle(e).getPropertyValue('{prop}')")


def test_journey_person_search_to_rumored_timeline(page, base_url):
    page.goto(base_url + "/")
    page.get_by_label("Search texts, titles, authors, or a person's name in any spelling").fill("Rakovsky")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=Rakovsky"))
    assert "is a person" in page.inner_text("main")
    page.get_by_role("link", name="The End of Henry Yagoda").click()
    page.wait_for_url(re.compile(r"/documents/serge-1937-08-yagoda$"))
    person_link = page.locator("a.mention.m-person", has_text="Leon Sosnovsky").first
    assert person_link.is_visible()
    # Plain reading (the default): a person is a link marked by a dotted underline, no highlight.
    assert style(page, "a.mention.m-person", "text-decoration-style") == "dotted"
    person_link.click()
    page.wait_for_url(re.compile(r"/persons/sosnovsky-lev$"))
    rumor = page.locator("li.tl-row.c-rumored").first
    fact = page.locator("li.tl-row.c-asserted").first
    assert rumor.is_visible() and fact.is_visible()
    # The rumor is the one the pipeline read on the page we came from.
    assert rumor.locator('a[href^="/documents/serge-1937-08-yagoda#claim-"]').count() >= 1
    assert "rumors" in rumor.inner_text()
    badge = rumor.locator(".badge")
    assert badge.inner_text().strip().lower() == "rumored"
    rumor_badge = badge.evaluate("e => [getComputedStyle(e).borderTopStyle, getComputedStyle(e).fontStyle]")
    fact_badge = fact.locator(".badge").evaluate(
        "e => [getComputedStyle(e).borderTopStyle, getComputedStyle(e).fontStyle]")
    assert rumor_badge == ["dashed", "normal"]      # hedged: dashed and labelled, never italic
    assert fact_badge == ["solid", "normal"]
    rumor_body = rumor.locator(".tl-body").evaluate("e => getComputedStyle(e).borderLeftStyle")
    fact_body = fact.locator(".tl-body").evaluate("e => getComputedStyle(e).borderLeftStyle")
    assert (rumor_body, fact_body) == ("dashed", "solid")
    assert page.locator(".flag", has_text="contradicted").count() >= 1
    assert page.dialogs == []


def test_hostile_page_shows_text_and_runs_nothing(page, base_url):
    page.goto(base_url + "/documents/demo-hostile")
    page.wait_for_load_state("load")
    assert page.dialogs == []
    body = page.inner_text("main")
    assert "<script>alert('xss')</script>" in body
    assert "<img src=x onerror=alert(1)>" in body
    assert page.locator("main img").count() == 0
    assert page.title().startswith("On <script>alert('title')</script> Safety")
    page.hover("text=Henry Yagoda")
    assert page.dialogs == []


def test_findings_toggle_works_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/documents/serge-1937-08-yagoda")
    note = page.locator(".finding-note", has_text="doubled-word").first
    assert not note.is_visible()
    page.get_by_text("Show transcription findings in place").click()
    assert note.is_visible() and "“of of”: word repeated" in note.inner_text()
    context.close()


def test_keyboard_skip_link_and_focus_style(page, base_url):
    page.goto(base_url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.className, document.activeElement.textContent]")
    assert focused == ["skip-link", "Skip to main content"]
    assert page.locator(".skip-link").is_visible()
    outline = page.evaluate("() => parseFloat(getComputedStyle(document.activeElement).outlineWidth)")
    assert outline >= 2
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.tagName") in ("INPUT", "A", "BUTTON", "SUMMARY")


@pytest.mark.parametrize("path", ["/", "/search?q=Stalin", "/documents/serge-1937-08-yagoda",
                                  "/persons/sosnovsky-lev", "/contradictions", "/checks"])
def test_landmarks_and_labels(page, base_url, path):
    page.goto(base_url + path)
    for role in ("banner", "navigation", "main", "contentinfo"):
        assert page.get_by_role(role).count() >= 1, role
    assert page.locator("h1").count() == 1
    unlabeled = page.evaluate("""() => [...document.querySelectorAll('input, textarea, select')]
        .filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
        .map(e => e.outerHTML)""")
    assert unlabeled == []
    assert page.dialogs == []


CONTRAST_JS = """sel => {
  const el = document.querySelector(sel);
  if (!el) return null;
  const parse = c => (c.match(/[\\d.]+/g) || []).map(Number);
  let bg = null, node = el;
  while (node && node.nodeType === 1) {
    const c = parse(getComputedStyle(node).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.99)) { bg = c.slice(0, 3); break; }
    node = node.parentElement;
  }
  return {fg: parse(getComputedStyle(el).color).slice(0, 3), bg: bg || [255, 255, 255]};
}"""


def _luminance(rgb):
    def ch(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (ch(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg, bg) -> float:
    hi, lo = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("path,selectors", [
    ("/", ["body", "main a", ".site-header nav a", ".brand", ".counts dt", ".n", ".sev.sev-warning", ".sev.sev-error",
           ".histogram figcaption", ".site-footer", "button"]),
    ("/search?q=Kronstadt", ["mark", ".meta", ".facets a", ".snippet"]),
    ("/documents/serge-1937-08-yagoda", ["a.mention", "mark.evidence", "mark.evidence.hedged", ".badge-firm",
                                         ".badge-hedged", ".toggle-label", "textarea", ".margin a", ".m-label"]),
    ("/documents/serge-1937-08-yagoda?view=annotated", ["a.mention", "mark.evidence", "mark.evidence.hedged",
                                                        ".cert-label", ".m-claims a", ".view-switch a"]),
    ("/checks?rule=doubled-word", [".excerpt", ".msg", ".count", "q.example"]),
    ("/documents/demo-hostile?findings=1", [".finding.sev-error", ".finding-note.sev-error", "mark.evidence.hedged"]),
    ("/persons/sosnovsky-lev", [".badge-firm", ".badge-hedged", ".flag", ".tl-quote", ".muted", ".tl-date"]),
])
def test_contrast_is_wcag_aa(page, base_url, path, selectors):
    page.goto(base_url + path)
    for sel in selectors:
        colours = page.evaluate(CONTRAST_JS, sel)
        assert colours is not None, f"{sel} not on {path}"
        ratio = contrast(colours["fg"], colours["bg"])
        assert ratio >= 4.5, f"{sel} on {path}: {ratio:.2f} ({colours})"
