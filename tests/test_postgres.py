"""One PostgreSQL archive shared by several processes: two `witness serve` processes and an
ingest at the same time; curation through one server is seen at once by the other."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest

from witness.store import open_store
from witness.web.demo import build_demo_archive

CLI = [sys.executable, "-m", "witness.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, token: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "WITNESS_TOKEN": token}
    proc = subprocess.Popen(CLI + ["--db", url, "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode()
        try:
            if httpx.get(base + "/api/documents", timeout=5).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError("server did not start")


def test_two_servers_and_an_ingest_share_one_archive(pg_server, corpus_root, tmp_path):
    url = pg_server.create_database(f"shared_{os.getpid()}")
    build_demo_archive(url, corpus_root, pages=["archive/serge/1937/08/yagoda.htm"]).close()
    token = "tok-shared"
    a, base_a = start_server(url, token)
    b, base_b = start_server(url, token)
    folder = tmp_path / "pages"              # 120 pages of one author: long enough to overlap everything
    import shutil
    for f in sorted((corpus_root / "archive/harman").rglob("*.htm"))[:120]:
        dest = folder / f.relative_to(corpus_root)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, dest)
    errors: list[str] = []
    done = threading.Event()
    served = [0]

    def read_both():
        paths = ["/api/documents?limit=5", "/api/search?q=revolution", "/persons/sosnovsky-lev",
                 "/api/persons", "/", "/api/documents/serge-1937-08-yagoda"]
        while not done.is_set():
            for base in (base_a, base_b):
                for p in paths:
                    try:
                        r = httpx.get(base + p, timeout=60)
                        if r.status_code != 200:
                            errors.append(f"{base}{p}: {r.status_code} {r.text[:200]}")
                        served[0] += 1
                    except httpx.HTTPError as e:
                        errors.append(f"{base}{p}: {e!r}")

    readers = [threading.Thread(target=read_both) for _ in range(2)]
    try:
        for t in readers:
            t.start()
        ingest = subprocess.Popen(CLI + ["--db", url, "ingest", "--no-nlp", "--quiet", "--workers", "1",
                                         str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # Curation through A while the ingest writes: B shows it at once.
        auth = {"Authorization": f"Bearer {token}"}
        r = httpx.post(base_a + "/api/entities/sosnovsky-lev/link", json={"wikidata": "Q2395432", "note": "t"},
                       headers=auth, timeout=120)
        assert r.status_code == 200, r.text
        assert httpx.get(base_b + "/api/persons/sosnovsky-lev", timeout=60).json()["wikidata"] == "Q2395432"
        out, err = ingest.communicate(timeout=600)
        assert ingest.returncode == 0, err
        summary = out.splitlines()[0]     # "120 files (… MB) in … s: N new, …, K skipped, 0 failed."
        assert summary.startswith("120 files") and summary.endswith(", 0 failed."), out
        r = httpx.post(base_b + "/api/curation/undo", json={}, headers=auth, timeout=120)
        assert r.status_code == 200, r.text
        assert httpx.get(base_a + "/api/persons/sosnovsky-lev", timeout=60).json()["wikidata"] != "Q2395432"
    finally:
        done.set()
        for t in readers:
            t.join(120)
        for p in (a, b):
            p.terminate()
            p.wait(30)
    assert not errors, errors[:5]
    assert served[0] > 20
    with open_store(url) as s:
        assert s.integrity_check() == "ok"
        n = len(s.document_ids())
        # Both servers list every document the ingest wrote, and find them in search.
        assert n > 40
        log = [op.op["op"] for op in s.curation.log()]
        assert log == ["link", "undo"]


def run_cli(db: str, *args: str) -> str:
    from click.testing import CliRunner

    from witness.cli import cli
    result = CliRunner().invoke(cli, ["--db", db, *args], obj={}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_every_command_answers_the_same_on_both_backends(pg_server, corpus_root, tmp_path):
    """The same archive on SQLite and (moved by `witness migrate`) on PostgreSQL: show, history,
    search, person, timeline, contradictions, stats, entity list and the exports agree."""
    import json
    import shutil
    from pathlib import Path

    root = tmp_path / "pages"
    page = root / "archive/serge/1937/08/yagoda.htm"
    page.parent.mkdir(parents=True)
    shutil.copy(corpus_root / "archive/serge/1937/08/yagoda.htm", page)
    shutil.copytree(Path(__file__).resolve().parent.parent / "examples/archive", root / "archive",
                    dirs_exist_ok=True)
    lite = str(tmp_path / "lite.db")
    assert "new " in run_cli(lite, "ingest", "--quiet", str(root))          # with NLP
    run_cli(lite, "entity", "link", "rakovsky-christian", "--wikidata", "Q318176", "--by", "ed")
    pg = pg_server.create_database(f"same_{os.getpid()}")
    out = run_cli(lite, "migrate", "--quiet", "--to", pg)
    assert "identical on both sides" in out
    asked = [
        ("show", "serge-1937-08-yagoda", "--json"), ("history", "serge-1937-08-yagoda"),
        ("search", "Rakowsky", "--json"), ("search", "revolution", "--author", "Serge", "--json"),
        ("search", "--person", "Раковский", "--json"), ("person", "Rakowsky", "--json"),
        ("person", "Sosnovsky", "--timeline", "--json"), ("contradictions", "--json"), ("stats", "--json"),
        ("entity", "list", "--json"), ("entity", "show", "rakovsky-christian", "--json"), ("entity", "log", "--json"),
    ]
    for args in asked:
        a, b = run_cli(lite, *args), run_cli(pg, *args)
        if "--json" in args and args[0] == "search":
            a, b = json.loads(a), json.loads(b)
            for r in a["results"] + b["results"]:
                r.pop("score")          # each side index scores with its own segment statistics
        assert a == b, args
    for fmt in ("json", "tei"):
        run_cli(lite, "export", fmt, "--out", str(tmp_path / f"lite-{fmt}"))
        run_cli(pg, "export", fmt, "--out", str(tmp_path / f"pg-{fmt}"))
        names = sorted(p.name for p in (tmp_path / f"lite-{fmt}").iterdir())
        assert names == sorted(p.name for p in (tmp_path / f"pg-{fmt}").iterdir()) and names
        for n in names:
            assert (tmp_path / f"lite-{fmt}" / n).read_bytes() == (tmp_path / f"pg-{fmt}" / n).read_bytes(), n


def _kept(store) -> dict:
    """What volunteers and curators did beside the documents, and the same-text groups, as
    `store` holds them (each item as a reader sees it)."""
    return {"verdicts": sorted((v.to_json() for v in store.verdicts.all()), key=lambda v: v["key"]),
            "log": [e.to_json() for e in store.verdicts.log()],
            "aliases": [(a.alias, a.doc_id, a.kind, a.at) for a in store.documents.aliases()],
            "legacy": [(d.doc_id, d.reread) for d in store.documents.legacy()],
            "groups": [(g.representative, g.members, g.similarity) for g in store.duplicate_groups()]}


def test_migrate_keeps_verdicts_aliases_and_duplicates_both_ways(pg_server, corpus_root, seed_text, tmp_path):
    """`witness migrate` SQLite → PostgreSQL → SQLite loses nothing a volunteer or curator did:
    verdicts and their log, old ids and paths that still resolve, documents an ingest may still
    re-identify, and the same-text groups (present at once, nothing left to recompute).  Each
    copy carries on: a new verdict is numbered after the copied log, adoption still works."""
    import json

    from test_identity import _make_old          # an archive as a release before step 11 left it

    from witness.pipeline import ingest

    serge = corpus_root / "archive/serge"
    lite = str(tmp_path / "old.db")
    with open_store(lite) as store:               # paths relative to the folder given, as then
        ingest(store, [serge / "1937/08"], root=serge, nlp=False, progress=False, workers=1)
        ingest(store, [seed_text], nlp=False, progress=False, workers=1)
    _make_old(tmp_path / "old.db")
    with open_store(lite) as store:               # read again from the archive root: re-identified
        assert ingest(store, [serge / "1937/08/yagoda.htm"], nlp=False, progress=False, workers=1).updated == 1
    keys = sorted(f["key"] for d in json.loads(run_cli(lite, "check", "--json"))["documents"] for f in d["findings"])
    assert len(keys) >= 2
    run_cli(lite, "verdict", "set", keys[0], "fixed", "--by", "ann", "--note", "corrected against the print")
    run_cli(lite, "verdict", "set", keys[1], "not-an-error", "--by", "bob")
    run_cli(lite, "verdict", "clear", keys[1], "--by", "bob", "--note", "it is one after all")
    with open_store(lite) as store:
        before = _kept(store)
    assert [v["key"] for v in before["verdicts"]] == [keys[0]] and len(before["log"]) == 3
    assert [a[:3] for a in before["aliases"]] == [("1937-08-yagoda", "serge-1937-08-yagoda", "id"),
                                                  ("1937/08/yagoda.htm", "serge-1937-08-yagoda", "path")]
    assert ("1937-08-25", False) in before["legacy"] and len(before["legacy"]) == 2
    assert before["groups"] and "serge-1937-08-yagoda" in before["groups"][0][1]

    pg = pg_server.create_database(f"kept_{os.getpid()}")
    out = run_cli(lite, "migrate", "--quiet", "--to", pg)
    assert ("verdicts 1 (log entries 3), document aliases 2 (documents still to re-identify 2),"
            " same-text groups 1 (pairs 1)") in out, out
    assert out.count("identical on both sides") == 2, out
    with open_store(pg) as store:
        assert _kept(store) == before
        assert store.duplicates.stale() == []     # the sketches came along: nothing to recompute
    assert json.loads(run_cli(pg, "show", "1937-08-yagoda", "--json"))["id"] == "serge-1937-08-yagoda"
    assert "v2" in run_cli(pg, "history", "1937/08/yagoda.htm")
    shown = {f["key"]: f["verdict"] for d in json.loads(run_cli(pg, "check", "--json"))["documents"]
             for f in d["findings"]}
    assert shown[keys[0]]["verdict"] == "fixed" and shown[keys[0]]["who"] == "ann" and shown[keys[1]] is None

    # The PostgreSQL copy carries on: a verdict after the copied log, a legacy document adopted.
    out = run_cli(pg, "verdict", "set", keys[1], "fixed", "--by", "cy")
    assert "marked fixed by cy" in out
    with open_store(pg) as store:
        assert [e.seq for e in store.verdicts.log()] == [1, 2, 3, 4]
        assert ingest(store, [serge / "1937/08/25.htm"], nlp=False, progress=False, workers=1).updated == 1
        assert store.resolve("1937-08-25") == "serge-1937-08-25" == store.resolve("1937/08/25.htm")
        on_pg = _kept(store)
    assert len(on_pg["aliases"]) == 4 and len(on_pg["legacy"]) == 1 and len(on_pg["verdicts"]) == 2

    back = str(tmp_path / "back.db")
    out = run_cli(pg, "migrate", "--quiet", "--to", back)
    assert ("verdicts 2 (log entries 4), document aliases 4 (documents still to re-identify 1),"
            " same-text groups 1 (pairs 1)") in out, out
    with open_store(back) as store:
        assert _kept(store) == on_pg
        assert store.duplicates.stale() == []
    assert json.loads(run_cli(back, "show", "1937-08-25", "--json"))["id"] == "serge-1937-08-25"
    assert json.loads(run_cli(back, "verdict", "log", "--json")) == json.loads(run_cli(pg, "verdict", "log", "--json"))


def test_a_newer_postgresql_archive_is_refused(pg_server):
    from witness.errors import StoreError
    from witness.store import pg_schema

    url = pg_server.create_database(f"newer_{os.getpid()}")
    with open_store(url) as s:
        assert pg_schema.current_version(s.db) == pg_schema.LATEST
        s.db.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (str(pg_schema.LATEST + 1),))
    with pytest.raises(StoreError, match="newer than this program"):
        open_store(url)


def test_an_older_postgresql_archive_is_brought_forward(pg_server, tmp_path):
    """An archive made at schema step 2 (before the published/written years) keeps its
    documents and gains the later steps when opened, filled from the stored versions."""
    from witness.model import Document, Record, Source
    from witness.store import pg_schema
    from witness.store.documents import prepare
    from witness.store.pg import PostgresDatabase

    url = pg_server.create_database(f"older_{os.getpid()}")
    db = PostgresDatabase(url)
    assert pg_schema.migrate(db, upto=2) == 2
    doc = Document("d1", Source("x/d1.htm", "mia-html", "a" * 64), Record(title="One", date="1937-08"),
                   "Kronstadt sailors.")
    prep = prepare(doc)
    # What a release at step 2 wrote for this document.
    rowid = db.insert_id("INSERT INTO documents(id, path, version, sha256, digest, title, date, year, updated_at)"
                         " VALUES ('d1', 'x/d1.htm', 1, ?, ?, 'One', '1937-08', 1937, 'now') RETURNING rowid",
                         ("a" * 64, prep.digest))
    db.execute("INSERT INTO doc_text(rowid, title, body) VALUES (?, 'One', 'Kronstadt sailors.')", (rowid,))
    db.execute("INSERT INTO versions(doc_id, version, sha256, path, ingested_at, json) VALUES"
               " ('d1', 1, ?, 'x/d1.htm', 'now', ?)", ("a" * 64, prep.blob))
    db.execute("INSERT INTO search_log(doc_rowid) VALUES (?)", (rowid,))
    db.close()
    with open_store(url) as s:
        assert pg_schema.current_version(s.db) == pg_schema.LATEST
        assert s.document_ids() == ["d1"]
        assert s.db.one("SELECT published_year FROM documents WHERE id = 'd1'") == 1937
        from witness.store import SearchQuery
        assert s.search(SearchQuery(q="kronstadt")).total == 1
        assert s.search(SearchQuery(q="kronstadt", date_field="published", date_from=1937)).total == 1
