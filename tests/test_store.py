"""The SQLite archive: versions, ids, migrations, WAL, outcomes, stats, search, crash safety.

Every test uses a real SQLite file under tmp_path."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pytest

from witness.errors import BadQuery, NotFound, StoreError
from witness.model import Claim, Document, Entity, Finding, Mention, Record, Source, Span
from witness.store import open_store
from witness.store import migrations
from witness.store.base import SearchQuery

SRC = Path(__file__).resolve().parent.parent / "src"


def make_doc(path: str, text: str, *, id: str | None = None, sha: str | None = None, title: str = "Untitled",
             authors=("Victor Serge",), date: str | None = "1937-08-28", periodical: str | None = None,
             **extra) -> Document:
    return Document(id=id or Path(path).stem, source=Source(path, "mia-html", sha or f"sha-{hash(text)}"),
                    record=Record(authors=list(authors), title=title, date=date, periodical=periodical),
                    text=text, **extra)


@pytest.fixture(params=["sqlite tantivy", "sqlite fts5", "postgresql tantivy", "postgresql tsvector"])
def store(tmp_path, request, monkeypatch):
    """Every test runs on both backends and on each one's two search engines: the tantivy
    side index and the database's own text index (FTS5, tsvector)."""
    backend, engine = request.param.split()
    monkeypatch.setenv("WITNESS_SEARCH_ENGINE", engine)
    monkeypatch.setenv("WITNESS_SEARCH_DIR", str(tmp_path / "search-indexes"))
    if backend == "sqlite":
        target = str(tmp_path / "archive.db")
    else:
        server = request.getfixturevalue("pg_server")
        target = server.create_database(f"store_{os.getpid()}_{next(_dbs)}")
    s = open_store(target)
    yield s
    s.close()


_dbs = __import__("itertools").count()


def sqlite_only(store):
    if not str(store.url).endswith(".db"):
        pytest.skip("SQLite's own file format")


# ---- opening, pragmas, migrations -------------------------------------------------------

def test_wal_foreign_keys_and_schema_version(tmp_path, store):
    sqlite_only(store)
    conn = sqlite3.connect(tmp_path / "archive.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    assert store.integrity_check() == "ok"


def test_old_archive_is_migrated_on_open(tmp_path):
    """An archive at schema step 1 (documents and versions only) gains text search and the
    people tables on open, filled from the versions already stored."""
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    assert migrations.migrate(conn, upto=1) == 1
    doc = make_doc("archive/serge/1937/08/yagoda.htm", "Yagoda was head of the G.P.U.", id="yagoda",
                   mentions=[Mention(0, 6, "Yagoda", "person", "yagoda-genrikh")],
                   entities=[Entity("yagoda-genrikh", "person", "Genrikh Yagoda")])
    data = doc.to_json()
    conn.execute("INSERT INTO documents(id, path, version, sha256, digest, format, title, authors, date, year,"
                 " updated_at) VALUES ('yagoda', ?, 1, ?, 'd', 'mia-html', 'Untitled', '[\"Victor Serge\"]',"
                 " '1937-08-28', 1937, 'now')", (doc.source.path, doc.source.sha256))
    conn.execute("INSERT INTO versions VALUES ('yagoda', 1, ?, ?, 'then', ?)",
                 (doc.source.sha256, doc.source.path, zlib.compress(json.dumps(data).encode())))
    conn.close()

    s = open_store(db)
    try:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
        assert s.fts_behind() == 0          # the rows indexed before step 7 stay indexed
        assert [h.id for h in s.search(SearchQuery(q="G.P.U.")).hits] == ["yagoda"]
        assert s.search(SearchQuery(person="yagoda-genrikh")).total == 1
        assert s.get_document("yagoda").text == doc.text
        assert s.integrity_check() == "ok"
    finally:
        s.close()


def test_archive_from_step_5_gains_per_document_counts_and_quotes(tmp_path):
    """Step 6 fills doc_entities and claims.quote from the rows an older archive already has."""
    db = tmp_path / "v5.db"
    conn = sqlite3.connect(db, isolation_level=None)
    migrations.migrate(conn, upto=5)
    conn.close()
    text = "Yagoda was shot, it is said. Yagoda and Bukharin were tried."
    doc = make_doc("a/y.htm", text, id="y",
                   mentions=[Mention(0, 6, "Yagoda", "person", "yagoda-genrikh"),
                             Mention(29, 35, "Yagoda", "person", "yagoda-genrikh"),
                             Mention(40, 48, "Bukharin", "person", "bukharin-nikolai")],
                   entities=[Entity("yagoda-genrikh", "person", "Genrikh Yagoda"),
                             Entity("bukharin-nikolai", "person", "Nikolai Bukharin")],
                   claims=[Claim("yagoda-genrikh", "executed", None, None, None, "rumored", None, Span(0, 27))])
    # Written at step 5, by hand: the step-3 rows, as that release wrote them.
    from witness.store.annotations import index_annotations
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("INSERT INTO documents(id, path, version, sha256, digest, format, title, authors, date, year,"
                 " updated_at) VALUES ('y', 'a/y.htm', 1, 's', 'd', 'mia-html', 'T', '[]', '1937', 1937, 'now')")
    conn.execute("INSERT INTO doc_text(rowid, title, authors, body) VALUES (1, 'T', '', ?)", (text,))
    index_annotations(conn, 1, doc.to_json(), schema=5)
    conn.close()

    with open_store(db) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
        assert s.conn.execute("SELECT entity_id, n FROM doc_entities ORDER BY 1").fetchall() == \
            [("bukharin-nikolai", 1), ("yagoda-genrikh", 2)]
        assert [i.quote for i in s.people.claims(["yagoda-genrikh"])] == ["Yagoda was shot, it is said"]
        assert [(c.entity.id, c.documents, c.mentions) for c in s.people.co_mentioned("yagoda-genrikh")] == \
            [("bukharin-nikolai", 1, 1)]
        assert [(d.id, d.mentions) for d in s.people.documents_mentioning("yagoda-genrikh")] == [("y", 2)]


def test_newer_archive_is_refused(tmp_path):
    db = tmp_path / "future.db"
    sqlite3.connect(db).execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    with pytest.raises(StoreError, match="newer than this program"):
        open_store(db)


def test_not_an_archive(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="cannot open archive"):
        open_store(bad)


def test_sqlite_url_and_plain_path_open_the_same_archive(tmp_path):
    s = open_store(f"sqlite:///{tmp_path}/u.db")
    s.put_document(make_doc("a/u.htm", "text", id="u"))
    s.close()
    s = open_store(tmp_path / "u.db")
    assert s.document_ids() == ["u"]
    s.close()


def test_an_unknown_url_scheme_is_refused():
    with pytest.raises(StoreError, match="unknown archive URL scheme"):
        open_store("mysql://localhost/witness")


# ---- versions -----------------------------------------------------------------------------

def test_new_unchanged_updated_and_history(store):
    doc = make_doc("archive/serge/1937/08/yagoda.htm", "First text.", sha="a1")
    assert (store.put_document(doc).status, store.put_document(doc).status) == ("new", "unchanged")
    assert store.known_sha("archive/serge/1937/08/yagoda.htm") == "a1"
    assert store.known_shas() == {"archive/serge/1937/08/yagoda.htm": "a1"}
    assert store.known_sha("archive/other.htm") is None
    before = store.db.execute("SELECT count(*) FROM versions").fetchone()[0]
    assert store.put_document(doc).status == "unchanged"
    assert store.db.execute("SELECT count(*) FROM versions").fetchone()[0] == before

    changed = make_doc("archive/serge/1937/08/yagoda.htm", "Second text.", sha="b2")
    result = store.put_document(changed)
    assert (result.status, result.version, result.id) == ("updated", 2, "yagoda")
    history = store.history("yagoda")
    assert [(v.version, v.sha256, v.current) for v in history] == [(1, "a1", False), (2, "b2", True)]
    assert store.get_document("yagoda").text == "Second text."
    assert store.get_document("yagoda", version=1).text == "First text."
    # The old text is no longer searchable; the new one is.
    assert store.search(SearchQuery(q="first")).total == 0
    assert store.search(SearchQuery(q="second")).total == 1


def test_same_bytes_but_new_reading_is_a_new_version(store):
    """A reprocess (same file, new annotations) is kept as a version, not written over."""
    doc = make_doc("a/x.htm", "Text about Yagoda.", sha="same")
    store.put_document(doc)
    doc.mentions = [Mention(11, 17, "Yagoda", "person", "yagoda-genrikh")]
    assert store.put_document(doc).status == "updated"
    assert len(store.history("x")) == 2 and store.get_document("x", 1).mentions == []


def test_unknown_document(store):
    with pytest.raises(NotFound):
        store.get_document("nope")
    with pytest.raises(NotFound):
        store.get_document("nope", version=3)
    with pytest.raises(NotFound):
        store.history("nope")
    assert store.resolve("nope") is None


def test_id_collision_gets_a_deterministic_suffix(store):
    a = store.put_document(make_doc("archive/a/index.htm", "A", id="index"))
    b = store.put_document(make_doc("archive/b/index.htm", "B", id="index"))
    c = store.put_document(make_doc("archive/c/index.htm", "C", id="index"))
    assert (a.id, b.id, c.id) == ("index", "index-2", "index-3")
    # The same path keeps its id on every later put, changed or not.
    again = store.put_document(make_doc("archive/b/index.htm", "B changed", id="index"))
    assert (again.id, again.status) == ("index-2", "updated")
    assert store.get_document("index-2").id == "index-2"
    assert store.get_document("index-2").source.path == "archive/b/index.htm"
    assert store.resolve("archive/c/index.htm") == "index-3"
    assert store.resolve("index") == "index"
    assert sorted(store.document_ids()) == ["index", "index-2", "index-3"]


def test_iter_documents_gives_current_versions(store):
    for i in range(5):
        store.put_document(make_doc(f"p/{i}.htm", f"Text {i}"))
    store.put_document(make_doc("p/3.htm", "Text 3 revised"))
    texts = {d.id: d.text for d in store.iter_documents()}
    assert len(texts) == 5 and texts["3"] == "Text 3 revised"


def test_annotations_are_indexed_for_the_current_version_only(store):
    doc = make_doc("a/y.htm", "Rakowsky was arrested.", id="y",
                   mentions=[Mention(0, 8, "Rakowsky", "person", "rakovsky-christian")],
                   entities=[Entity("rakovsky-christian", "person", "Christian Rakovsky", ["Раковский"])],
                   claims=[Claim("rakovsky-christian", "arrested", certainty="confirmed", evidence=Span(0, 22))],
                   findings=[Finding("doubled-word", "warning", 0, 3, "of of")])
    store.put_document(doc)
    q = store.db.execute
    assert q("SELECT entity_id, text FROM mentions").fetchall() == [("rakovsky-christian", "Rakowsky")]
    assert q("SELECT subject, predicate, certainty, ev_end FROM claims").fetchall() == [
        ("rakovsky-christian", "arrested", "confirmed", 22)]
    assert json.loads(q("SELECT aliases FROM entities").fetchone()[0]) == ["Раковский"]
    assert [h.id for h in store.search(SearchQuery(q="arrested", person="rakovsky-christian")).hits] == ["y"]
    assert store.search(SearchQuery(q="arrested", has_findings=True)).total == 1
    doc.mentions, doc.claims, doc.findings = [], [], []
    store.put_document(doc)
    assert store.search(SearchQuery(q="arrested", person="rakovsky-christian")).total == 0
    assert store.search(SearchQuery(q="arrested", has_findings=True)).total == 0
    assert store.last_engine == store.engine
    assert q("SELECT count(*) FROM mentions").fetchone()[0] == 0
    assert q("SELECT count(*) FROM claims").fetchone()[0] == 0
    assert store.get_document("y", 1).claims[0].certainty == "confirmed"     # still in history


# ---- outcomes and stats ---------------------------------------------------------------

def test_outcomes_and_stats(store):
    store.put_document(make_doc("archive/serge/a.htm", "x", authors=["Victor Serge"], date="1937-08-28",
                                periodical="Socialist Appeal"))
    store.put_document(make_doc("archive/serge/b.htm", "y", authors=["Victor Serge"], date="1941",
                                findings=[Finding("doubled-word", "warning", 0, 1, "of of")]))
    store.put_document(make_doc("archive/trotsky/c.htm", "z", authors=["Leon Trotsky", "Victor Serge"], date=None))
    store.record_outcome("archive/serge/index.htm", "skipped", "index page", "s1")
    store.record_outcome("archive/trotsky/index.htm", "skipped", "index page")
    store.record_outcome("css/style.css", "skipped", "stylesheet")
    store.record_outcome("bad.htm", "failed", "mia-html: truncated")
    store.record_outcome("bad.htm", "failed", "mia-html: empty file")       # latest per path wins
    with pytest.raises(ValueError):
        store.record_outcome("x", "exploded", "?")

    st = store.stats()
    assert st["documents"] == 3 and st["versions"] == 3
    assert st["by_author"][0] == ("Victor Serge", 3) and ("Leon Trotsky", 1) in st["by_author"]
    assert st["by_decade"] == [("1930s", 1), ("1940s", 1), ("undated", 1)]
    assert ("Socialist Appeal", 1) in st["by_periodical"]
    assert st["by_format"] == [("mia-html", 3)]
    assert st["skipped"]["total"] == 3
    assert st["skipped"]["reasons"] == [{"reason": "index page", "count": 2, "example": "archive/serge/index.htm"},
                                        {"reason": "stylesheet", "count": 1, "example": "css/style.css"}]
    assert st["failed"] == {"total": 1, "reasons": [{"reason": "mia-html: empty file", "count": 1,
                                                     "example": "bad.htm"}]}                  # latest per path
    assert st["findings"] == {"documents": 1, "by_rule": [("doubled-word", 1)]}

    # A file that failed once and is later read is no longer counted as failed.
    store.put_document(make_doc("bad.htm", "fixed now"))
    assert store.stats()["failed"] == {"total": 0, "reasons": []}


# ---- batches ------------------------------------------------------------------------------

def test_batch_commits_every_n_and_keeps_good_puts_after_an_error(tmp_path, store):
    other = open_store(store.url)
    with store.batch(every=3):
        for i in range(4):
            store.put_document(make_doc(f"b/{i}.htm", f"doc {i}"))
        # The first three are committed (visible to another connection), the fourth not yet.
        assert len(other.document_ids()) == 3
        with pytest.raises(StoreError):
            store.put_document(make_doc("", "no path"))
        store.put_document(make_doc("b/9.htm", "doc 9"))
    assert len(other.document_ids()) == 5
    other.close()
    assert store.integrity_check() == "ok"


def test_a_long_foreign_write_gives_a_clear_busy_error(tmp_path):
    from witness.store.sqlite import SQLiteStore

    s = SQLiteStore(tmp_path / "busy.db", timeout=0.2, engine="fts5")
    other = sqlite3.connect(tmp_path / "busy.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="busy"):
            s.put_document(make_doc("a/b.htm", "text"))
    finally:
        other.execute("ROLLBACK")
    assert s.put_document(make_doc("a/b.htm", "text")).status == "new"
    s.close()


# ---- search -------------------------------------------------------------------------------

@pytest.fixture
def library(store):
    docs = [
        make_doc("a/perm.htm", "The theory of permanent revolution. The permanent revolution again; revolution.",
                 id="perm", title="The Permanent Revolution", authors=["Leon Trotsky"], date="1930",
                 periodical="New International"),
        make_doc("a/once.htm", "Among many other things, one revolution is mentioned once here.",
                 id="once", title="Miscellany", authors=["Victor Serge"], date="1937-08-28",
                 periodical="Socialist Appeal",
                 findings=[Finding("doubled-word", "warning", 0, 3, "of of")]),
        make_doc("a/rev.htm", "Revolution is permanent, said nobody.", id="rev", title="Notes",
                 authors=["Victor Serge"], date="1941-01", periodical="Socialist Appeal"),
        make_doc("a/ru.htm", "Раковский был арестован. Einde O’Callaghan transcribed it; Trótsky wrote.",
                 id="ru", title="Cyrillic", authors=["Христиан Раковский"], date="1938",
                 mentions=[Mention(0, 9, "Раковский", "person", "rakovsky-christian")]),
        make_doc("a/fr.htm", "Il dit « la révolution permanente » à Paris.", id="fr", title="Français",
                 authors=["Victor Serge"], date="1945", periodical="Masses"),
    ]
    for d in docs:
        store.put_document(d)
    return store


def ids(results):
    return [h.id for h in results.hits]


def test_ranking_title_and_frequency_beat_a_single_mention(library):
    r = library.search(SearchQuery(q="revolution"))
    assert library.last_engine == library.engine
    # "révolution" matches too: accents are folded in the index.
    assert ids(r)[0] == "perm" and set(ids(r)) == {"perm", "once", "rev", "fr"}
    assert r.hits[0].score > r.hits[-1].score
    assert r.total == 4


def test_phrase_versus_words(library):
    assert ids(library.search(SearchQuery(q='"permanent revolution"'))) == ["perm"]
    assert set(ids(library.search(SearchQuery(q="permanent revolution")))) == {"perm", "rev"}
    assert ids(library.search(SearchQuery(q='"revolution is permanent"'))) == ["rev"]


def test_prefix_or_not(library):
    assert set(ids(library.search(SearchQuery(q="perman*")))) == {"perm", "rev", "fr"}
    assert set(ids(library.search(SearchQuery(q="nobody OR miscellany")))) == {"rev", "once"}
    assert set(ids(library.search(SearchQuery(q="revolution NOT permanent")))) == {"once", "fr"}


def test_snippets_mark_matches(library):
    hit = library.search(SearchQuery(q='"permanent revolution"')).hits[0]
    assert "«permanent revolution»" in hit.snippet
    hit = next(h for h in library.search(SearchQuery(q="révolution")).hits if h.id == "fr")
    assert hit.snippet.count("«") == 1 and "«révolution»" in hit.snippet


def test_filters(library):
    def q(**kw):
        return set(ids(library.search(SearchQuery(**kw))))

    assert q(q="revolution", author="Trotsky") == {"perm"}
    assert q(q="revolution", author="victor serge") == {"once", "rev", "fr"}
    assert q(q="revolution", author="Serge Victor") == {"once", "rev", "fr"}      # words, any order
    assert q(q="revolution", author="Serg") == set()                             # whole words only
    assert q(q="revolution", date_from=1931) == {"once", "rev", "fr"}
    assert q(q="revolution", date_to=1937) == {"perm", "once"}
    assert q(q="revolution", date_from=1937, date_to=1937) == {"once"}
    assert q(q="revolution", periodical="socialist appeal") == {"once", "rev"}
    assert q(q="revolution", has_findings=True) == {"once"}
    assert q(q="revolution", has_findings=False) == {"perm", "rev", "fr"}
    assert q(person="rakovsky-christian") == {"ru"}
    assert q(q="revolution", person="rakovsky-christian") == set()
    assert q(author="Раковский") == {"ru"}


def test_cyrillic_apostrophes_and_diacritics(library):
    assert ids(library.search(SearchQuery(q="Раковский"))) == ["ru"]
    assert ids(library.search(SearchQuery(q="раковский"))) == ["ru"]
    assert ids(library.search(SearchQuery(q="O'Callaghan"))) == ["ru"]           # straight vs curly
    assert "ru" in ids(library.search(SearchQuery(q="trotsky")))                 # Trótsky, folded


def test_total_limit_offset_and_facets(library):
    full = library.search(SearchQuery(q="revolution", limit=10))
    page1 = library.search(SearchQuery(q="revolution", limit=2))
    page2 = library.search(SearchQuery(q="revolution", limit=2, offset=2))
    assert full.total == page1.total == page2.total == 4
    assert ids(page1) + ids(page2) == ids(full) and len(ids(full)) == 4
    assert dict(full.facets["author"]) == {"Victor Serge": 3, "Leon Trotsky": 1}
    assert dict(full.facets["decade"]) == {"1930s": 2, "1940s": 2}
    assert dict(full.facets["periodical"]) == {"Socialist Appeal": 2, "New International": 1, "Masses": 1}
    assert full.facets["has_findings"] == [("0", 3), ("1", 1)]
    filtered = library.search(SearchQuery(q="revolution", author="Serge", date_to=1939))
    assert filtered.total == 1 and dict(filtered.facets["author"]) == {"Victor Serge": 1}


def test_browse_without_words(library):
    r = library.search(SearchQuery(q="", limit=3))
    assert r.total == 5 and ids(r) == ["perm", "once", "ru"]                    # by date
    assert all("«" not in h.snippet for h in r.hits)


@pytest.mark.parametrize("bad", ['"unclosed', "AND", "*", "NEAR(", ")", "NOT x", "stalin OR"])
def test_malformed_queries_reach_the_caller_as_bad_query(library, bad):
    with pytest.raises(BadQuery):
        library.search(SearchQuery(q=bad))


def test_negative_paging_is_a_bad_query(library):
    with pytest.raises(BadQuery):
        library.search(SearchQuery(q="revolution", offset=-1))


def test_search_sees_writes_from_another_process(tmp_path, library):
    assert library.search(SearchQuery(q="zimmerwald")).total == 0
    other = open_store(library.url)
    other.put_document(make_doc("z/zim.htm", "The Zimmerwald conference.", id="zim"))
    other.close()
    assert ids(library.search(SearchQuery(q="zimmerwald"))) == ["zim"]


# ---- real corpus ------------------------------------------------------------------------

def test_seed_page_through_the_reader_chain(store, seed_html, corpus_root):
    ingest = pytest.importorskip("witness.ingest")
    from witness.ingest.base import Read

    out = ingest.read_path(seed_html, corpus_root)
    assert isinstance(out, Read)
    res = store.put_document(out.document)
    assert res.status == "new"
    assert store.put_document(out.document).status == "unchanged"
    hits = store.search(SearchQuery(q="Sosnovsky Putna")).hits
    assert [h.id for h in hits] == [res.id] and "«" in hits[0].snippet
    assert store.get_document(res.id).to_json() == {**out.document.to_json(), "id": res.id}


# ---- crash safety ---------------------------------------------------------------------

WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {src!r})
    from witness.model import Document, Record, Source
    from witness.store import open_store

    store = open_store({db!r})
    def doc(i):
        body = " ".join(f"word{{i}}-{{k}}" for k in range(2000))
        return Document(id=f"doc-{{i}}", source=Source(f"p/{{i}}.htm", "mia-html", f"sha{{i}}"),
                        record=Record(authors=["A"], title=f"T{{i}}"), text=f"marker{{i}} " + body)
    with store.batch(every=7):
        for i in range(100000):
            store.put_document(doc(i))
            if i % 5 == 0:
                print(i, flush=True)
""")


def kill_writer_after(script: str, db: Path, progress: int) -> int:
    """Run a writer script in a real process, SIGKILL it once it has printed `progress`;
    returns its exit code."""
    proc = subprocess.Popen([sys.executable, "-c", script.format(src=str(SRC), db=str(db))],
                            stdout=subprocess.PIPE, text=True)
    try:
        for line in proc.stdout:
            if int(line) >= progress:
                break
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    return proc.returncode


def test_killed_writer_leaves_a_consistent_archive_and_resumes(tmp_path):
    db = tmp_path / "crash.db"
    # Killed after several batches were committed, with one in flight.
    assert kill_writer_after(WRITER, db, 60) == -signal.SIGKILL

    s = open_store(db)                     # the tantivy side index by default
    try:
        assert s.integrity_check() == "ok"
        stored = s.document_ids()
        assert len(stored) >= 56
        for doc in s.iter_documents():                 # every stored document is complete
            i = int(doc.id.split("-")[1])
            assert doc.text.startswith(f"marker{i} ") and doc.text.endswith(f"word{i}-1999")
            assert s.search(SearchQuery(q=f"marker{i}")).total == 1
        assert s.last_engine == "tantivy"          # the side index caught up from SQLite
        n = len(stored)
        # Run the "same batch" again: what was stored is unchanged, the rest is added.
        sys.path.insert(0, str(SRC))
        statuses = []
        with s.batch(every=7):
            for i in range(n + 10):
                body = " ".join(f"word{i}-{k}" for k in range(2000))
                d = Document(id=f"doc-{i}", source=Source(f"p/{i}.htm", "mia-html", f"sha{i}"),
                             record=Record(authors=["A"], title=f"T{i}"), text=f"marker{i} " + body)
                statuses.append(s.put_document(d).status)
        assert statuses[:n] == ["unchanged"] * n and statuses[n:] == ["new"] * 10
        assert len(s.document_ids()) == n + 10 and s.integrity_check() == "ok"
    finally:
        s.close()


# ---- the tantivy side index follows SQLite ------------------------------------------------

def test_side_index_of_another_archive_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("WITNESS_SEARCH_ENGINE", "tantivy")
    a = open_store(tmp_path / "a.db")
    a.put_document(make_doc("x/a.htm", "Kronstadt sailors.", id="a"))
    a.close()
    b = open_store(tmp_path / "b.db")
    b.put_document(make_doc("x/b.htm", "Zimmerwald conference.", id="b"))
    b.close()
    # Replace b's index by a's (a restored backup, a copied folder…): b must not trust it.
    import shutil
    shutil.rmtree(tmp_path / "b.db.search")
    shutil.copytree(tmp_path / "a.db.search", tmp_path / "b.db.search")
    b = open_store(tmp_path / "b.db")
    try:
        assert [h.id for h in b.search(SearchQuery(q="zimmerwald")).hits] == ["b"]
        assert b.search(SearchQuery(q="kronstadt")).total == 0 and b.last_engine == "tantivy"
    finally:
        b.close()


def test_search_never_waits_while_another_process_holds_the_index(tmp_path, monkeypatch):
    """Issue 17: a search whose side index is behind while another process holds its writer
    answers at once from the index as it is, saying it is catching up; it neither writes nor
    waits.  Once the writer is free the next search catches up."""
    monkeypatch.setenv("WITNESS_SEARCH_ENGINE", "tantivy")
    reader = open_store(tmp_path / "a.db")
    writer = open_store(tmp_path / "a.db")
    try:
        writer.put_document(make_doc("x/0.htm", "Kronstadt sailors, earlier.", id="early"))
        assert reader.search(SearchQuery(q="kronstadt")).total == 1
        held = writer._tindex.index.writer(15_000_000, 1)       # as during another's ingest
        writer.put_document(make_doc("x/a.htm", "Kronstadt sailors.", id="a"))
        writes = reader.db.local_writes
        found = reader.search(SearchQuery(q="kronstadt"))
        assert [h.id for h in found.hits] == ["early"] and "catching up" in found.note
        assert reader.last_engine == "tantivy" and reader.db.local_writes == writes
        held.rollback()
        del held
        import gc
        gc.collect()
        reader.searcher._bg.join()              # the background catch-up that search started
        found = reader.search(SearchQuery(q="kronstadt"))
        assert sorted(h.id for h in found.hits) == ["a", "early"] and found.note is None
        assert reader.last_engine == "tantivy"
    finally:
        writer.close()
        reader.close()


SYNCING_WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {src!r})
    from witness.model import Document, Record, Source
    from witness.store.sqlite import SQLiteStore

    store = SQLiteStore({db!r}, engine="tantivy")
    for i in range(100000):
        body = " ".join(f"w{{i}}-{{k}}" for k in range(3000))
        store.put_document(Document(id=f"d-{{i}}", source=Source(f"p/{{i}}.htm", "mia-html", f"s{{i}}"),
                                    record=Record(title=f"T{{i}}"), text=f"common marker{{i}} " + body))
        store.sync_index()           # side-index commits all the time, so the kill lands in one
        print(i, flush=True)
""")


def test_killed_while_updating_the_side_index(tmp_path):
    db = tmp_path / "crash.db"
    kill_writer_after(SYNCING_WRITER, db, 25)
    from witness.store.sqlite import SQLiteStore

    s = SQLiteStore(db, engine="tantivy")
    try:
        assert s.integrity_check() == "ok"
        n = len(s.document_ids())
        assert n >= 26
        result = s.search(SearchQuery(q="common", limit=n + 5))
        assert s.last_engine == "tantivy"
        assert result.total == n and sorted(h.id for h in result.hits) == sorted(s.document_ids())
    finally:
        s.close()


# ---- the FTS5 fallback follows lazily (schema step 7) ----------------------------------------

def fts_rows(store, word: str) -> set[int]:
    return {r[0] for r in store.conn.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (word,))}


def test_fts5_is_caught_up_only_when_used_with_tantivy(tmp_path):
    from witness.store.sqlite import SQLiteStore

    db = tmp_path / "lazy.db"
    s = SQLiteStore(db, engine="tantivy")
    with s.batch(2):
        for i in range(5):
            s.put_document(make_doc(f"x/{i}.htm", f"Kronstadt sailors, report {i}.", id=f"d{i}"))
    assert s.fts_behind() == 5 and fts_rows(s, "kronstadt") == set()      # not indexed twice
    assert s.search(SearchQuery(q="kronstadt")).total == 5 and s.last_engine == "tantivy"
    assert s.fts_behind() == 5
    # A changed document whose row FTS5 has not taken in yet: nothing to delete from FTS5.
    s.put_document(make_doc("x/0.htm", "Zimmerwald conference.", id="d0", sha="changed"))
    s.close()

    f = SQLiteStore(db, engine="fts5")          # a process that searches with FTS5 only
    try:
        assert {h.id for h in f.search(SearchQuery(q="kronstadt")).hits} == {"d1", "d2", "d3", "d4"}
        assert f.last_engine == "fts5" and f.fts_behind() == 0
        assert [h.id for h in f.search(SearchQuery(q="zimmerwald")).hits] == ["d0"]
        # Rows FTS5 holds are kept current at once: the update trigger swaps old for new words.
        f.put_document(make_doc("x/1.htm", "Brest-Litovsk treaty.", id="d1", sha="changed"))
        assert fts_rows(f, "kronstadt") == {3, 4, 5} and len(fts_rows(f, "brest")) == 1
        assert f.integrity_check() == "ok"
    finally:
        f.close()


def test_fts5_only_store_keeps_fts5_current_at_every_commit(tmp_path):
    from witness.store.sqlite import SQLiteStore

    with SQLiteStore(tmp_path / "f.db", engine="fts5") as s:
        s.put_document(make_doc("x/a.htm", "Kronstadt sailors.", id="a"))
        assert s.fts_behind() == 0 and len(fts_rows(s, "kronstadt")) == 1
        with s.batch(2):
            for i in range(3):
                s.put_document(make_doc(f"x/{i}.htm", f"Kronstadt {i}.", id=f"d{i}"))
            assert s.fts_behind() == 1          # the group of two was committed with its words
        assert s.fts_behind() == 0 and len(fts_rows(s, "kronstadt")) == 4


def test_integrity_check_brings_fts5_up_to_date_first(tmp_path):
    from witness.store.sqlite import SQLiteStore

    with SQLiteStore(tmp_path / "i.db", engine="tantivy") as s:
        s.put_document(make_doc("x/a.htm", "Kronstadt sailors.", id="a"))
        assert s.fts_behind() == 1
        assert s.integrity_check() == "ok" and s.fts_behind() == 0


def test_fts5_search_on_a_current_index_writes_nothing(tmp_path):
    """Catching up is a write; when there is nothing to catch up a search must not open one
    (an empty write transaction per search ended the search caches: 6 → 80 ms a query)."""
    from witness.store.sqlite import SQLiteStore

    with SQLiteStore(tmp_path / "r.db", engine="fts5") as s:
        s.put_document(make_doc("x/a.htm", "Kronstadt sailors.", id="a"))
        before = (s.db.local_writes, s.generation())
        for _ in range(3):
            assert s.search(SearchQuery(q="kronstadt")).total == 1
        assert (s.db.local_writes, s.generation()) == before


@pytest.mark.parametrize("suffix", [".idx", ".store", ".term", "meta.json"])
def test_a_lost_side_index_file_is_rebuilt_not_a_failed_search(tmp_path, monkeypatch, suffix):
    """Issue 17: one missing file of the side index must not make every search fail; the
    index is verified on read and rebuilt from the database."""
    monkeypatch.setenv("WITNESS_SEARCH_ENGINE", "tantivy")
    db = tmp_path / "s.db"
    with open_store(db) as s:
        for i in range(30):
            s.put_document(make_doc(f"x/{i}.htm", f"Kronstadt sailors, report {i}.", id=f"d{i}"))
        assert s.search(SearchQuery(q="kronstadt")).total == 30 and s.last_engine == "tantivy"
    victims = sorted(p for p in (tmp_path / "s.db.search").iterdir() if p.name.endswith(suffix))
    assert victims, sorted(p.name for p in (tmp_path / "s.db.search").iterdir())
    victims[0].unlink()
    import warnings
    with open_store(db) as s, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(2):
            found = s.search(SearchQuery(q="kronstadt", limit=50))
            assert found.total == 30 and sorted(h.id for h in found.hits) == sorted(f"d{i}" for i in range(30))
        assert s.last_engine == "tantivy"        # rebuilt, not abandoned
