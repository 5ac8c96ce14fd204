"""Publication, written, heading and event dates are kept apart (issue 13, item 5)."""

from __future__ import annotations

from witness.claims import build_timeline
from witness.model import Claim, Record, Span
from witness.record import reference_date
from witness.report import format_timeline, timeline_json


def test_reference_date_is_written_then_published_never_the_heading():
    assert reference_date(Record(written="1936-05", date="1937-08-28", heading_date="1938-08")) == "1936-05"
    assert reference_date(Record(date="1937-08-28", heading_date="1938-08")) == "1937-08-28"
    assert reference_date(Record(heading_date="1938-08")) is None


def test_an_undated_claim_is_shown_undated_and_placed_by_its_document():
    arrest = Claim("trotsky-leon", "arrested", evidence=Span(0, 5))             # the text gives no date
    exile = Claim("trotsky-leon", "exiled", date="1928-01", evidence=Span(0, 5))
    tl = build_timeline([(arrest, "memoir", "My Life", "1925"), (exile, "news", "News", "1929")],
                        subject="trotsky-leon")
    lines = format_timeline("trotsky-leon", tl)
    arrest_line = next(line for line in lines if "arrested" in line)
    assert arrest_line.strip().startswith("undated (doc. 1925)")
    assert next(line for line in lines if "exiled" in line).strip().startswith("1928-01")
    js = {e["predicate"]: e for e in map(timeline_json, tl)}
    assert js["arrested"]["claim_date"] is None and js["arrested"]["placed_by"] == "document"
    assert js["exiled"]["claim_date"] == "1928-01" and js["exiled"]["placed_by"] == "claim"


# ------------------------------------------------------------------ search by written or published

def _archive(tmp_path, monkeypatch, engine):
    from witness.model import Document, Source
    from witness.store import open_store
    if engine == "fts5":
        monkeypatch.setenv("WITNESS_SEARCH_ENGINE", "fts5")
    s = open_store(tmp_path / f"{engine}.db")
    for i, (written, date) in enumerate([("1936-05", "1938-01"), (None, "1937-03"), ("1917", "1925")]):
        s.put_document(Document(f"d{i}", Source(f"archive/x/d{i}.htm", "mia-html", f"{i:064d}"),
                                Record(title=f"Doc {i}", written=written, date=date),
                                f"A text about the opposition, number {i}."))
    return s


def test_search_filters_on_written_or_published(tmp_path, monkeypatch):
    from witness.store.base import SearchQuery
    for engine in ("fts5", "tantivy"):
        s = _archive(tmp_path, monkeypatch, engine)
        try:
            s.sync_index()

            def ids(**kw):
                return sorted(h.id for h in s.search(SearchQuery(**kw)).hits)
            for q in ("", "opposition"):
                assert ids(q=q, date_from=1936, date_to=1937, date_field="written") == ["d0", "d1"], engine
                assert ids(q=q, date_from=1936, date_to=1937, date_field="published") == ["d1"], engine
                assert ids(q=q, date_from=1917, date_to=1917, date_field="written") == ["d2"], engine
                assert ids(q=q, date_from=1938, date_to=1938) == ["d0"], engine   # default: the best date
        finally:
            s.close()
        monkeypatch.delenv("WITNESS_SEARCH_ENGINE", raising=False)


def test_cli_search_date_field(tmp_path):
    from click.testing import CliRunner
    from witness.cli import cli
    from witness.model import Document, Source
    from witness.store import open_store
    db = tmp_path / "c.db"
    with open_store(db) as s:
        s.put_document(Document("speech", Source("archive/x/speech.htm", "mia-html", "1" * 64),
                                Record(title="A speech", written="1964-01-24", date="1967"),
                                "The speech about the opposition."))
    run = CliRunner().invoke
    out = run(cli, ["--db", str(db), "search", "opposition", "--from", "1964", "--to", "1964",
                    "--date-field", "written", "--json"])
    assert out.exit_code == 0, out.output
    assert '"total": 1' in out.output
    out = run(cli, ["--db", str(db), "search", "opposition", "--from", "1964", "--to", "1964",
                    "--date-field", "published", "--json"])
    assert '"total": 0' in out.output


def test_migration_fills_the_years_of_an_older_archive(tmp_path):
    import json
    import sqlite3
    import zlib
    from witness.model import Document, Source
    from witness.store import migrations, open_store
    from witness.store.base import SearchQuery
    db = tmp_path / "v9.db"
    conn = sqlite3.connect(db, isolation_level=None)
    migrations.migrate(conn, upto=9)
    doc = Document("y", Source("a/y.htm", "mia-html", "s"), Record(title="T", written="1936", date="1938"), "opposition")
    conn.execute("INSERT INTO documents(id, path, version, sha256, digest, format, title, authors, date, year,"
                 " updated_at) VALUES ('y', 'a/y.htm', 1, 's', 'd', 'mia-html', 'T', '[]', '1938', 1938, 'now')")
    conn.execute("INSERT INTO doc_text(rowid, title, authors, body) VALUES (1, 'T', '', 'opposition')")
    conn.execute("INSERT INTO versions VALUES ('y', 1, 's', 'a/y.htm', 'then', ?)",
                 (zlib.compress(json.dumps(doc.to_json()).encode()),))
    conn.close()
    with open_store(db) as s:
        assert s.conn.execute("SELECT published_year, written_year FROM documents").fetchone() == (1938, 1936)
        assert s.search(SearchQuery(date_from=1936, date_to=1936, date_field="written")).total == 1
