"""Shared fixtures: the real corpus from ../shared/corpus, unpacked once into .corpus/."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("WITNESS_SHARED", ROOT.parent / "shared"))
CORPUS_DIR = SHARED / "corpus"
SEED_TEXT = CORPUS_DIR / "seed-000_48f42ec88d016539.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Debian's Chromium, driven by Playwright (its own browser download does not work here).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def _need_corpus() -> None:
    if not (CORPUS_DIR / "mia-9k.tar.xz").exists():
        pytest.skip(f"corpus not found at {CORPUS_DIR} (set WITNESS_SHARED to the shared/ folder)")


@pytest.fixture(scope="session")
def corpus_root() -> Path:
    """The unpacked MIA pages folder (the one holding archive/, history/, …)."""
    _need_corpus()
    dest = ROOT / ".corpus"
    dest.mkdir(exist_ok=True)
    import fcntl
    # Unpacked here once, under a lock, with a marker written when tar is done: shared's
    # unpack.sh takes one page as its sign that the corpus is there, and a second test worker
    # saw it while the first was still unpacking the rest (a flaky corpus test under -n 2).
    with open(dest / ".corpus.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        marker = dest / ".corpus-unpacked"
        if not marker.exists():          # (also after an unpack that was cut short)
            subprocess.run(["tar", "-xJf", str(CORPUS_DIR / "mia-9k.tar.xz"), "-C", str(dest)], check=True)
            marker.touch()
    return dest / "corpus"


@pytest.fixture(scope="session")
def mia_extra_root() -> Path:
    """The unpacked mia-extra pages (192 MIA pages the 9k corpus lacks), folder holding archive/."""
    tarball = CORPUS_DIR / "mia-extra.tar.xz"
    if not tarball.exists():
        pytest.skip(f"mia-extra not found at {tarball} (set WITNESS_SHARED to the shared/ folder)")
    dest = ROOT / ".corpus"
    dest.mkdir(exist_ok=True)
    import fcntl
    with open(dest / ".mia-extra.lock", "w") as lock:   # test workers unpack it once
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (dest / "mia-extra" / ".unpacked").exists():
            subprocess.run(["tar", "-xJf", str(tarball), "-C", str(dest)], check=True)
            (dest / "mia-extra" / ".unpacked").touch()
    return dest / "mia-extra"


@pytest.fixture(scope="session")
def seed_text() -> Path:
    if not SEED_TEXT.exists():
        pytest.skip(f"seed text not found at {SEED_TEXT}")
    return SEED_TEXT


@pytest.fixture(scope="session")
def seed_html(corpus_root: Path) -> Path:
    return corpus_root / "archive/serge/1937/08/yagoda.htm"


@pytest.fixture(scope="session")
def nlp():
    """The claim stage's parsing pipeline (loaded once per process)."""
    from witness.claims import get_parser
    return get_parser()


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium per test module; skipped with a reason when it is not installed."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (.ci/run does)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


# ---- both backends ---------------------------------------------------------------------------
import itertools  # noqa: E402

_databases = itertools.count()


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL 15 (tests/pg_server.py), one per test process."""
    if os.environ.get("WITNESS_TEST_PG") == "off":
        pytest.skip("WITNESS_TEST_PG=off: the PostgreSQL half of the suite is skipped")
    from pg_server import PostgresServer

    server = PostgresServer().start()
    yield server
    server.stop()


BACKENDS = ["sqlite", "postgresql"]


def new_archive(request, folder: Path, name: str = "archive") -> str:
    """A new, empty archive for `request.param` (a backend name): a file in `folder`, or a
    fresh database on the test PostgreSQL server."""
    if request.param == "sqlite":
        return str(folder / f"{name}.db")
    server = request.getfixturevalue("pg_server")
    return server.create_database(f"{name}_{os.getpid()}_{next(_databases)}".lower())


@pytest.fixture(scope="session", autouse=True)
def _side_indexes_in_a_temporary_folder(tmp_path_factory):
    """PostgreSQL archives keep their search side index in WITNESS_SEARCH_DIR: not ~/.cache."""
    os.environ.setdefault("WITNESS_SEARCH_DIR", str(tmp_path_factory.mktemp("search-indexes")))


@pytest.fixture(params=BACKENDS)
def archive_target(request, tmp_path):
    """Where a test's archive lives: an SQLite file, or a fresh database on the test
    PostgreSQL server.  Tests taking it run once on each backend."""
    return new_archive(request, tmp_path)
