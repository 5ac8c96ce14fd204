"""Screenshots of the reading room and the static edition for reviewers.

    python tools/screenshots.py [--corpus DIR] [--out docs/screenshots]

Builds the small demo archive (witness.web.demo: twelve corpus pages and three hand-written
documents, annotated by the real pipeline) in a temporary folder, serves it on 127.0.0.1 and
photographs the pages with Debian's headless Chromium through Playwright: the reading room
as a reader sees it, as a signed-in volunteer sees it, and the static edition over file://.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from witness.web import create_app  # noqa: E402
from witness.web.demo import build_demo_archive, running_server  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
# (file, path, viewport width, full page?)
SHOTS = [
    ("home.png", "/", 1280, True),
    ("search.png", "/search?q=Rakovsky", 1280, True),
    ("document.png", "/documents/serge-1937-08-yagoda", 1280, True),
    ("document-annotated.png", "/documents/serge-1937-08-yagoda?view=annotated#text-h", 1280, False),
    ("document-narrow.png", "/documents/serge-1937-08-yagoda?view=annotated#text-h", 600, False),
    ("document-findings.png", "/documents/serge-1937-08-yagoda?findings=1#findings-h", 1280, False),
    ("person.png", "/persons/sosnovsky-lev", 1280, True),
    ("contradictions.png", "/contradictions", 1280, True),
    ("checks.png", "/checks", 1280, True),
    ("checks-rule.png", "/checks?rule=date-after-death", 1280, True),
    ("hostile.png", "/documents/demo-hostile?findings=1", 1280, True),
    ("api-docs.png", "/docs", 1280, False),
    ("not-found.png", "/documents/serge-1937-08-yagod", 1280, False),
]
# A signed-in volunteer's view: the forms that mark findings and contradictions.
SIGNED_IN = [
    ("checks-volunteer.png", "/checks?rule=date-after-death", 1280, False),
    ("contradictions-curator.png", "/contradictions", 1280, False),
]
# The static edition, over file://.
EDITION = [
    ("edition-home.png", "index.html", 1280, True),
    ("edition-document.png", "d/serge-1937-08-yagoda.html#findings", 1280, False),
    ("edition-search.png", "search.html?q=Rakovsky", 1280, False),
]
TOKEN = "screenshots"


def default_corpus() -> Path:
    for cand in (ROOT / ".corpus", Path("/tmp/corpus/corpus")):
        hits = list(cand.glob("**/archive/serge/1937/08/yagoda.htm")) if cand.exists() else []
        if hits:
            return hits[0].parents[4]
    raise SystemExit("corpus not found: pass --corpus DIR (the folder holding archive/)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    from witness.publish import publish
    from witness.archive import Archive

    def shoot(page, url, name, width, full):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(url)
        page.wait_for_load_state("load")
        if name == "api-docs.png":
            page.wait_for_selector(".opblock")
        if name.startswith("edition-search"):
            page.wait_for_selector("#results .snippet mark")
        page.screenshot(path=str(args.out / name), full_page=full)
        print(f"wrote {args.out / name}")

    with tempfile.TemporaryDirectory() as tmp:
        store = build_demo_archive(Path(tmp) / "demo.db", args.corpus or default_corpus())
        with running_server(create_app(store, token=TOKEN)) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for name, path, width, full in SHOTS:
                shoot(page, base + path, name, width, full)
            page.goto(base + "/sign-in?back=/checks")
            page.get_by_label("Your name").fill("A. Volunteer")
            page.get_by_label("The reading room's token").fill(TOKEN)
            page.get_by_role("button", name="Sign in").click()
            for name, path, width, full in SIGNED_IN:
                shoot(page, base + path, name, width, full)
            archive = Archive(store)
            site = Path(tmp) / "site"
            publish(archive.documents(), site, title="Witness demo edition", history=archive.history)
            for name, path, width, full in EDITION:
                shoot(page, (site / path.split("?")[0].split("#")[0]).as_uri()
                      + path[len(path.split("?")[0].split("#")[0]):], name, width, full)
            browser.close()
        store.close()


if __name__ == "__main__":
    main()
