"""Issue 13, item 1: a document's identity does not depend on the folder given to ingest.

The id and source path are relative to the archive root (the folder holding archive/,
history/…), the original page's URL is kept and linked, and archives stored the old way are
migrated with their old ids kept as aliases that still resolve (CLI, web, API).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from lxml import etree

from witness.pipeline import ingest
from witness.store import open_store
from witness.store import migrations
from witness.store.sqlite import Prepared

pytestmark = pytest.mark.corpus

CLI = [sys.executable, "-m", "witness.cli"]
YAGODA = "archive/serge/1937/08/yagoda.htm"
URL = "https://www.marxists.org/archive/serge/1937/08/yagoda.htm"


def cli(*args, cwd=None, check=0):
    proc = subprocess.run(CLI + [str(a) for a in args], capture_output=True, text=True, timeout=300, cwd=cwd)
    assert proc.returncode == check, proc.stdout + proc.stderr
    return proc.stdout


def test_the_same_page_from_three_roots_is_one_document_with_one_version(tmp_path, corpus_root):
    mirror = tmp_path / "mirror/mia"                   # a copy of the page in another archive tree
    (mirror / YAGODA).parent.mkdir(parents=True)
    shutil.copy(corpus_root / YAGODA, mirror / YAGODA)
    (mirror / "history").mkdir()
    with open_store(tmp_path / "w.db") as store:
        for given in (corpus_root / YAGODA, corpus_root / "archive/serge/1937/08", corpus_root / "archive/serge",
                      mirror / "archive", mirror / YAGODA):
            ingest(store, [given], nlp=False, progress=False, workers=1)
        row = store.conn.execute("SELECT id, path, version FROM documents WHERE path LIKE '%yagoda%'").fetchall()
        assert row == [("serge-1937-08-yagoda", YAGODA, 1)]
        doc = store.get_document("serge-1937-08-yagoda")
        assert doc.source.path == YAGODA and doc.source.url == URL
        assert not store.conn.execute("SELECT 1 FROM documents WHERE id LIKE '1937%'").fetchall()


def test_the_readmes_examples_work_after_the_demos_ingest(tmp_path, corpus_root, seed_text):
    db = tmp_path / "witness.db"
    cli("--db", db, "ingest", "--no-nlp", "--quiet", corpus_root / "archive/serge", seed_text)
    shown = cli("--db", db, "show", "serge-1937-08-yagoda", "--json", cwd=tmp_path)
    assert json.loads(shown)["source"]["url"] == URL
    checked = cli("--db", db, "check", YAGODA, cwd=tmp_path)        # a stored path, not a file here
    assert checked.startswith("serge-1937-08-yagoda:")
    assert cli("--db", db, "history", "serge-1937-08-yagoda", cwd=tmp_path).strip().endswith(YAGODA)


def _make_old(db: Path) -> None:
    """What a release before schema step 8 left: no source.url, the step's tables absent,
    user_version 10."""
    con = sqlite3.connect(db, isolation_level=None)
    for doc_id, version, blob in con.execute("SELECT doc_id, version, json FROM versions").fetchall():
        data = json.loads(zlib.decompress(blob))
        data["source"].pop("url", None)
        prep = Prepared.of(data)
        con.execute("UPDATE versions SET json = ? WHERE doc_id = ? AND version = ?", (prep.blob, doc_id, version))
        con.execute("UPDATE documents SET digest = ? WHERE id = ? AND version = ?", (prep.digest, doc_id, version))
    con.execute("DROP TABLE doc_aliases")
    con.execute("DROP TABLE doc_legacy")
    con.execute("DROP TABLE verdict_log")         # step 12, after this one
    con.execute("DROP TABLE verdicts")
    con.execute("DROP INDEX documents_sha256")
    con.execute("PRAGMA user_version = 10")
    con.close()


def test_an_archive_stored_the_old_way_is_migrated_and_old_ids_still_resolve(tmp_path, corpus_root):
    db = tmp_path / "old.db"
    serge = corpus_root / "archive/serge"
    with open_store(db) as store:
        # the old behaviour: paths relative to the folder given (--root reproduces it exactly);
        # one folder had been given from the corpus root, so its paths were rooted already
        for month in ("03", "06", "08", "12"):
            ingest(store, [serge / "1937" / month], root=serge, nlp=False, progress=False, workers=1)
        ingest(store, [serge / "1937/10"], root=corpus_root, nlp=False, progress=False, workers=1)
        rooted = dict(store.conn.execute("SELECT id, path FROM documents WHERE path LIKE 'archive/%'"))
        old = dict(store.conn.execute("SELECT id, path FROM documents WHERE path NOT LIKE 'archive/%'"))
    assert rooted and all(p.startswith("archive/serge/1937/10/") for p in rooted.values())
    assert old["1937-08-yagoda"] == "1937/08/yagoda.htm"
    _make_old(db)

    with open_store(db) as store:                     # opening applies step 8
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
        assert store.get_document("1937-08-yagoda").id == "1937-08-yagoda"     # nothing moved yet
        summary = ingest(store, [serge / "1937"], nlp=False, progress=False, workers=1)
        assert summary.updated == len(old) + len(rooted) and summary.new == 0
        new = dict(store.conn.execute("SELECT id, path FROM documents"))
        assert new["serge-1937-08-yagoda"] == YAGODA and len(new) == len(old) + len(rooted)
        for doc_id in rooted:                         # rooted already: same id, now with its URL
            assert store.get_document(doc_id).source.url == "https://www.marxists.org/" + rooted[doc_id]
        assert [v.version for v in store.history("serge-1937-08-yagoda")] == [1, 2]   # every version kept
        for old_id, old_path in old.items():
            doc_id = store.resolve(old_id)
            assert doc_id == "serge-" + old_id and store.resolve(old_path) == doc_id
            assert store.get_document(old_id).id == doc_id
            assert [v.version for v in store.history(old_id)] == [1, 2]
        assert store.get_document("serge-1937-08-yagoda").source.url == URL
        again = ingest(store, [serge / "1937"], nlp=False, progress=False, workers=1)
        assert again.unchanged == len(old) + len(rooted)

    # the command line and the web follow the aliases too
    assert json.loads(cli("--db", db, "show", "1937-08-yagoda", "--json"))["id"] == "serge-1937-08-yagoda"
    assert "v2" in cli("--db", db, "history", "1937-08-yagoda")
    from witness.web import create_app
    with open_store(db) as store, TestClient(create_app(store, token=None)) as client:
        moved = client.get("/documents/1937-08-yagoda", follow_redirects=False)
        assert moved.status_code == 301 and moved.headers["location"] == "/documents/serge-1937-08-yagoda"
        page = client.get("/documents/1937-08-yagoda")
        assert page.status_code == 200 and f'href="{URL}"' in page.text
        assert client.get("/api/documents/1937-08-yagoda").json()["id"] == "serge-1937-08-yagoda"
        assert [v["version"] for v in client.get("/api/documents/1937-08-yagoda/history").json()["versions"]] == [1, 2]


def test_a_new_document_never_takes_an_old_id(tmp_path, corpus_root):
    """An alias keeps its permalink: a later file whose path slugs to the old id gets another."""
    db = tmp_path / "w.db"
    serge = corpus_root / "archive/serge"
    with open_store(db) as store:
        ingest(store, [serge / "1937/08"], root=serge, nlp=False, progress=False, workers=1)
    _make_old(db)
    with open_store(db) as store:
        ingest(store, [serge / "1937/08"], nlp=False, progress=False, workers=1)
        loose = tmp_path / "loose/1937/08"
        loose.mkdir(parents=True)
        (loose / "yagoda.htm").write_bytes((serge / "1937/08/yagoda.htm").read_bytes() + b"\n<!-- edited -->")
        ingest(store, [tmp_path / "loose"], nlp=False, progress=False, workers=1)
        assert store.resolve("1937/08/yagoda.htm") == "1937-08-yagoda-2"      # the new file, by its path
        assert store.get_document("1937-08-yagoda").id == "serge-1937-08-yagoda"   # the old permalink


def test_the_original_page_is_linked_from_the_tei(tmp_path, corpus_root):
    from witness.export.tei import export_tei
    from witness.ingest import read_path
    doc = read_path(corpus_root / YAGODA).document
    export_tei([doc], tmp_path)
    tree = etree.parse(str(tmp_path / "serge-1937-08-yagoda.xml"))
    assert tree.xpath("//t:sourceDesc//t:ptr[@type='original']/@target",
                      namespaces={"t": "http://www.tei-c.org/ns/1.0"}) == [URL]
