"""The command line over a real SQLite archive: the contract outside tools use."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from witness.cli import cli
from witness.store import open_store


def run(db: Path, *args: str, ok: bool = True):
    result = CliRunner().invoke(cli, ["--db", str(db), *args], obj={}, catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def small_tree(tmp_path: Path, corpus_root: Path, seed_text: Path) -> Path:
    """A folder shaped like the archive: the seed page, a labelled page, an index page, the seed text."""
    root = tmp_path / "pages"
    for rel in ["archive/serge/1937/08/yagoda.htm", "archive/piatnitsky/1925/02/11.htm",
                "archive/serge/index.htm"]:
        src = corpus_root / rel
        if src.exists():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, root / rel)
    shutil.copy(seed_text, root / seed_text.name)
    return root


def test_ingest_show_search_history_export(tmp_path, small_tree, archive_target):
    db = archive_target
    out = run(db, "ingest", "--no-nlp", "--quiet", str(small_tree)).output
    assert "3 new" in out and "1 skipped" in out, out

    shown = json.loads(run(db, "show", "serge-1937-08-yagoda", "--json").output)
    assert shown["schema"] == "witness/1"
    assert shown["source"]["path"] == "archive/serge/1937/08/yagoda.htm"
    assert shown["record"]["periodical"] == "Socialist Appeal"
    assert shown["record"]["heading_date"] == "1938-08"
    assert any(f["rule"] == "date-conflict" for f in shown["findings"])

    hits = json.loads(run(db, "search", "Rakowsky", "--json").output)
    assert {r["id"] for r in hits["results"]} >= {"serge-1937-08-yagoda"}
    filtered = json.loads(run(db, "search", "Rakowsky", "--from", "1920", "--to", "1930", "--json").output)
    assert "serge-1937-08-yagoda" not in {r["id"] for r in filtered["results"]}

    # Re-ingesting unchanged files changes nothing.
    again = run(db, "ingest", "--no-nlp", "--quiet", str(small_tree)).output
    assert "3 unchanged" in again and "0 new" in again, again

    # A changed file becomes a new version; the old one is kept.
    page = small_tree / "archive/serge/1937/08/yagoda.htm"
    page.write_bytes(page.read_bytes().replace(b"The vast police", b"The vast, vast police"))
    assert "1 updated" in run(db, "ingest", "--no-nlp", "--quiet", str(small_tree)).output
    hist = run(db, "history", "serge-1937-08-yagoda").output.strip().splitlines()
    assert len(hist) == 2 and hist[-1].startswith("*") or hist[0].startswith("*"), hist
    old = json.loads(run(db, "show", "serge-1937-08-yagoda", "--json", "--version", "1").output)
    assert "The vast police" in old["text"]

    out_dir = tmp_path / "json"
    assert "wrote 3 files" in run(db, "export", "json", "--out", str(out_dir)).output
    exported = json.loads((out_dir / "serge-1937-08-yagoda.json").read_text("utf-8"))
    assert "vast, vast police" in exported["text"]
    assert set(exported) >= {"schema", "id", "source", "record", "text", "notes", "findings",
                             "mentions", "entities", "claims"}

    stats = json.loads(run(db, "stats", "--json").output)
    assert stats["documents"] == 3


def test_check_file_and_id(tmp_path, small_tree, seed_text, archive_target):
    out = run(archive_target, "check", str(seed_text), "--json").output
    rules = [f["rule"] for f in json.loads(out)["findings"]]
    assert "date-conflict" in rules and "doubled-word" in rules and "unbalanced-bracket" in rules

    human = run(archive_target, "check", str(seed_text)).output
    assert "of of" in human


def test_errors_are_messages_not_tracebacks(tmp_path):
    db = tmp_path / "w.db"
    r = run(db, "show", "no-such-document", ok=False)
    assert r.exit_code == 1 and "error [not-found]: no archive at" in r.output and not db.exists()
    open_store(db).close()
    r = run(db, "show", "no-such-document", ok=False)
    assert r.exit_code == 1 and "error [not-found]" in r.output and "Traceback" not in r.output
    r = run(db, "search", '"unclosed phrase', ok=False)
    assert r.exit_code == 1 and "error [bad-query]" in r.output
    empty = tmp_path / "empty.htm"
    empty.write_bytes(b"")
    r = run(db, "check", str(empty), ok=False)
    assert r.exit_code == 1 and "empty.htm" in r.output


def test_bad_inputs_in_a_batch_are_reported_and_the_rest_go_on(tmp_path, corpus_root, archive_target):
    root = tmp_path / "mixed"
    root.mkdir()
    (root / "empty.htm").write_bytes(b"")
    (root / "binary.htm").write_bytes(bytes(range(256)) * 40)
    good = corpus_root / "archive/serge/1937/08/yagoda.htm"
    (root / "truncated.htm").write_bytes(good.read_bytes()[:900])
    shutil.copy(good, root / "good.htm")
    db = archive_target
    r = run(db, "ingest", "--no-nlp", "--quiet", str(root), ok=False)
    out = r.output
    assert "1 new" in out and r.exit_code == 3          # some files failed: the status says so
    stats = json.loads(run(db, "stats", "--json").output)
    assert stats["documents"] == 1
    reported = json.dumps(stats)
    assert "empty.htm" in reported or "empty" in reported
    # Nothing broken was stored: the database is consistent and holds only the good page.
    from witness.store import open_store
    with open_store(db) as store:
        assert store.integrity_check() == "ok" and store.document_ids() == ["good"]
