"""Screenshots of the reading room (home, search, document, person) for reviewers.

    python tools/screenshots.py [--corpus DIR] [--out docs/screenshots]

Builds the small demo archive (witness.web.demo: twelve corpus pages and three hand-written
documents, annotated by the real pipeline) in a temporary folder, serves it on 127.0.0.1 and
photographs the pages with Debian's headless Chromium through Playwright.
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
SHOTS = [
    ("home.png", "/"),
    ("search.png", "/search?q=Rakovsky"),
    ("document.png", "/documents/serge-1937-08-yagoda?findings=1"),
    ("person.png", "/persons/sosnovsky-lev"),
    ("contradictions.png", "/contradictions"),
    ("hostile.png", "/documents/demo-hostile?findings=1"),
]


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
    with tempfile.TemporaryDirectory() as tmp:
        store = build_demo_archive(Path(tmp) / "demo.db", args.corpus or default_corpus())
        with running_server(create_app(store)) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for name, path in SHOTS:
                page.goto(base + path)
                page.screenshot(path=str(args.out / name), full_page=True)
                print(f"wrote {args.out / name}")
            browser.close()
        store.close()


if __name__ == "__main__":
    main()
