"""Duplicate texts: the seed export and its MIA page are one text, recognised at ingest,
listed once, shown as "the same text as", grouped by `witness duplicates`."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from witness import duplicates
from witness.cli import cli
from witness.model import Source
from witness.archive import Archive
from witness.pipeline import ingest
from witness.store import migrations, open_store
from witness.store.base import SearchQuery

YAGODA = "archive/serge/1937/08/yagoda.htm"
OTHERS = ["archive/serge/1938/01/hangman.htm", "archive/serge/1937/03/twenty-years.htm"]


def run(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), *args], obj={}, catch_exceptions=False)


@pytest.fixture
def pages(tmp_path, corpus_root, seed_text) -> Path:
    """The seed text beside a copy of three Serge pages, under an archive root."""
    root = tmp_path / "pages"
    for rel in [YAGODA, *OTHERS]:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(corpus_root / rel, root / rel)
    shutil.copy(seed_text, root / seed_text.name)
    return root


# ---- the sketch --------------------------------------------------------------------------

def _words(n: int, seed: int) -> list[str]:
    import random
    rnd = random.Random(seed)
    return [rnd.choice(["party", "the", "of", "workers", "Stalin", "trial", "Moscow", "in", "a", "letter",
                        "Rakovsky", "exile", "arrest", "prison", "camp", "Trotsky", "wrote", "and"])
            + str(rnd.randint(0, 40)) for _ in range(n)]


def test_near_copy_is_the_same_text_and_another_text_is_not():
    text = " ".join(_words(600, 1))
    edited = text.replace("party3 ", "Party3, ").upper()          # case and punctuation differ
    words = text.split()
    words[100:110] = _words(10, 7)                               # and ten words changed
    altered = " ".join(words)
    other = " ".join(_words(600, 2))
    a, b, c, d = (duplicates.shingles(t) for t in (text, edited, altered, other))
    assert duplicates.jaccard(a, b) == 1.0
    assert duplicates.THRESHOLD <= duplicates.jaccard(a, c) < 1.0
    assert duplicates.jaccard(a, d) < 0.1
    # Near copies share an LSH band; the signatures are stable (they are stored).
    sa, sc = duplicates.sketch("a", 1, text), duplicates.sketch("c", 1, altered)
    assert set(sa.bands) & set(sc.bands)
    assert duplicates.sketch("a", 1, text).signature == sa.signature
    assert duplicates.sketch("x", 1, "too short to say").signature is None


def test_groups_and_representative():
    info = {"t": {"id": "t", "format": "text", "date": "1937"},
            "h": {"id": "h", "format": "mia-html", "date": "1937-08-28"},
            "h2": {"id": "h2", "format": "mia-html", "date": "1964"},
            "x": {"id": "x", "format": "mia-html", "date": None}, "y": {"id": "y", "format": "mia-html", "date": "1950"}}
    groups = duplicates.build_groups([("t", "h", 0.97), ("h2", "t", 0.9), ("x", "y", 1.0)], info)
    assert [(g.representative, g.members) for g in groups] == [("h", ["h", "h2", "t"]), ("y", ["y", "x"])]
    assert groups[0].similarity == 0.9


# ---- in the archive ----------------------------------------------------------------------

def test_seed_text_and_its_page_are_one_text(tmp_path, pages, seed_text):
    db = tmp_path / "a.db"
    store = open_store(db)
    summary = ingest(store, [pages], nlp=False, progress=False, workers=1)
    assert summary.new == 4 and summary.duplicates.groups == 1 and summary.duplicates.documents == 2
    groups = store.duplicate_groups()
    assert len(groups) == 1
    seed_id = store.resolve(seed_text.name)
    page_id = store.resolve(YAGODA)
    assert groups[0].members == [page_id, seed_id]            # the MIA page stands for the text
    assert groups[0].similarity >= duplicates.THRESHOLD
    archive = Archive(store)
    assert archive.document(seed_id).same_text_as == [page_id]
    assert archive.document(page_id).same_text_as == [seed_id]
    assert store.get_document(seed_id).same_text_as == []       # the store keeps versions as stored
    assert duplicates.representative(store, seed_id) == page_id
    assert duplicates.representative(store, store.resolve(OTHERS[0])) == store.resolve(OTHERS[0])
    # Lists count the text once, under both search engines.
    for hit_ids in ([h.id for h in store.search(SearchQuery(q="Yagoda", limit=50)).hits],
                    [h.id for h in store.search(SearchQuery(q="", limit=50)).hits]):
        assert page_id in hit_ids and seed_id not in hit_ids
    assert store.search(SearchQuery(q="", limit=50)).total == 3
    # The stored JSON does not carry the relation (it would version both documents).
    raw = store.conn.execute("SELECT json FROM versions WHERE doc_id = ?", (seed_id,)).fetchone()[0]
    import zlib
    assert json.loads(zlib.decompress(raw))["same_text_as"] == []
    # Nothing to redo the second time; a re-ingest changes nothing.
    assert duplicates.update(store).sketched == 0
    again = ingest(store, [pages], nlp=False, progress=False, workers=1)
    assert again.unchanged == 4 and again.duplicates.sketched == 0
    store.close()

    out = run(db, "duplicates")
    assert out.exit_code == 0
    assert "1 groups of the same text (2 documents" in out.output
    assert f"* {page_id}  [mia-html]" in out.output and f"= {seed_id}  [text]" in out.output
    data = json.loads(run(db, "duplicates", "--json").output)
    assert data["groups"] == 1 and [m["id"] for m in data["items"][0]["members"]] == [page_id, seed_id]
    shown = run(db, "show", seed_id).output
    assert f"the same text as {page_id}" in shown


def test_changed_text_leaves_its_group(tmp_path, pages, seed_text):
    store = open_store(tmp_path / "a.db")
    ingest(store, [pages], nlp=False, progress=False, workers=1)
    seed_id = store.resolve(seed_text.name)
    doc = store.get_document(seed_id)
    doc.text = " ".join(_words(800, 3))
    doc.source = Source(doc.source.path, doc.source.format, "changed", doc.source.encoding)
    assert store.put_document(doc).status == "updated"
    assert store.duplicates.stale() == [seed_id]
    summary = duplicates.update(store)
    assert summary.sketched == 1 and summary.groups == 0
    assert Archive(store).document(seed_id).same_text_as == []
    store.close()


def test_archive_from_before_duplicates_catches_up(tmp_path, pages):
    """An archive at schema step 8 gains the tables on open; the next `witness duplicates`
    sketches what it holds."""
    db = tmp_path / "old.db"
    store = open_store(db)
    ingest(store, [pages], nlp=False, progress=False, workers=1)
    store.close()
    conn = sqlite3.connect(db, isolation_level=None)
    for t in ("dup_pairs", "dup_bands", "dup_sketch", "doc_aliases", "doc_legacy", "verdict_log", "verdicts"):   # steps 9, 11, 12
        conn.execute(f"DROP TABLE {t}")
    conn.execute("DROP INDEX documents_sha256")
    conn.execute("PRAGMA user_version = 8")
    conn.close()
    out = run(db, "duplicates")
    assert "1 groups of the same text" in out.output
    with open_store(db) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
        assert s.conn.execute("SELECT count(*) FROM dup_sketch").fetchone()[0] == 4


def test_reader_room_and_export_say_same_text(tmp_path, pages, seed_text):
    from fastapi.testclient import TestClient

    from witness.web.app import create_app
    store = open_store(tmp_path / "a.db")
    ingest(store, [pages], nlp=False, progress=False, workers=1)
    seed_id, page_id = store.resolve(seed_text.name), store.resolve(YAGODA)
    client = TestClient(create_app(store))
    html = client.get(f"/documents/{seed_id}").text
    assert "The same text as" in html and f'href="/documents/{page_id}"' in html
    assert "The same text as" not in client.get(f"/documents/{store.resolve(OTHERS[0])}").text
    assert client.get(f"/api/documents/{seed_id}").json()["same_text_as"] == [page_id]
    store.close()




def test_shingles_of_a_long_text_are_those_of_the_whole(corpus_root):
    """A long page is hashed by pieces (bounded memory); the shingles are the same as hashing its
    words at once, whatever the piece boundaries cut."""
    import unicodedata
    import zlib

    import numpy as np

    from witness import duplicates as D
    from witness.ingest import read_path
    text = read_path(corpus_root / "archive/serge/1937/08/yagoda.htm").document.text
    long = "\n\n".join([text, "Grève générale à Paris"] * 1000)      # ≈ 4 million characters
    assert len(long) > 3 << 20
    folded = D._COMBINING.sub("", unicodedata.normalize("NFKD", long.casefold()))
    words = D._WORD.findall(folded)
    wh = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))
    n = len(wh) - D.SHINGLE + 1
    h = np.zeros(n, dtype=np.uint64)
    for j in range(D.SHINGLE):
        h = h * D._MULT + wh[j:j + n]
    assert np.array_equal(D.shingles(long), np.unique(h))
