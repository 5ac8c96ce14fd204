"""Verdicts on findings and contradictions: keyed by fingerprint, stored and logged, kept
across re-ingest, new versions and `reprocess`; the CLI and the JSON API that give them."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from witness.archive import Archive
from witness.cli import cli
from witness.model import Document, Finding, Record, Source
from witness.store import open_store
from witness.verdicts import VerdictError, finding_item, finding_key

TEXT = ("The delegates met on the second day. It was the responsibility of of this committee to "
        "answer the charge, and nobody answered it.\n\nA second paragraph follows here.")


def doc_with(text: str, version_note: str = "") -> Document:
    at = text.index("of of")
    d = Document("d1", Source("pages/d1.txt", "text", "sha-" + version_note), Record(title="D1"), text)
    d.findings = [Finding("doubled-word", "warning", at, at + 5, "“of of”: word repeated", "of"),
                  Finding("empty-field", "info", 0, 0, "Header: “Proofread:” is empty")]
    return d


@pytest.fixture
def archive(archive_target):
    """The same tests on both backends (SQLite, PostgreSQL): one SQL for the verdicts family."""
    store = open_store(archive_target)
    store.put_document(doc_with(TEXT))
    yield Archive(store)
    store.close()


def test_a_finding_keeps_its_key_from_the_text_and_from_the_archive_rows(archive):
    doc = archive.document("d1")
    items = [finding_item(doc.id, doc.text, f) for f in doc.findings]
    rows = archive.findings_for("doubled-word").bare()
    assert [r.key for r in rows] == [items[0].key]
    assert items[0].quote == "of of" and items[1].quote.startswith("Header")
    # the words and 16 characters either side make the key; offsets do not
    assert items[0].key == finding_key("d1", "doubled-word", "the responsibility ", "of of", " this committee to a",
                                       "ignored")


def test_verdict_stored_logged_and_kept_across_reingest_and_versions(archive):
    v = archive.judge("d1#0", "not-an-error", who="ana", note="the original has it")
    assert (v.verdict, v.who, v.note, v.doc_id, v.subject, v.quote) == (
        "not-an-error", "ana", "the original has it", "d1", "doubled-word", "of of")
    store = archive.store
    # the same text ingested again
    store.put_document(doc_with(TEXT, "again"))
    assert archive.document_findings(archive.document("d1"))[0].verdict.verdict == "not-an-error"
    # a new version, changed elsewhere: the span still matches, the verdict still holds
    edited = TEXT.replace("A second paragraph", "Another paragraph")
    assert store.put_document(doc_with(edited, "v2")).status == "updated"
    found = archive.document_findings(archive.document("d1"))
    assert found[0].verdict is not None and found[0].verdict.note == "the original has it"
    assert archive.verdict_summary()["findings"] == {"total": 2, "not-an-error": 1, "fixed": 0, "open": 1,
                                                      "no-longer-found": 0}
    # the slip corrected in a new version: the finding is gone, the verdict stays in the log
    archive.judge("d1#1", "fixed", who="ben")
    fixed = doc_with(edited, "v3")
    fixed.findings = fixed.findings[:1]
    store.put_document(fixed)
    summary = archive.verdict_summary()["findings"]
    assert summary["fixed"] == 0 and summary["no-longer-found"] == 1 and summary["open"] == 0
    log = store.verdicts.log()
    assert [(e.action, e.verdict, e.who) for e in log] == [("set", "not-an-error", "ana"), ("set", "fixed", "ben")]


def test_reopening_and_bad_verdicts(archive):
    key = archive.judge("d1#0", "fixed", who="ana").key
    assert archive.unjudge(key[:8], who="cy", note="not fixed upstream yet").verdict == "fixed"
    assert archive.document_findings(archive.document("d1"))[0].verdict is None
    assert [e.action for e in archive.store.verdicts.log(key)] == ["set", "clear"]
    with pytest.raises(VerdictError):
        archive.judge("d1#0", "artefact", who="ana", cause="date")     # a finding is no artefact
    with pytest.raises(VerdictError):
        archive.judge("d1#0", "fixed", who=" ")                         # who is required
    with pytest.raises(VerdictError):
        archive.judge("abc", "fixed", who="ana")                        # too short to be a key


@pytest.mark.corpus
def test_contradiction_verdicts_survive_reprocess(corpus_root, tmp_path):
    from witness.reprocess import reprocess
    from witness.web.demo import build_demo_archive
    store = build_demo_archive(tmp_path / "c.db", corpus_root, pages=["archive/serge/1937/08/yagoda.htm"])
    archive = Archive(store)
    views = archive.contradiction_views()
    assert views, "the demo's Sosnovsky documents contradict each other"
    assert [c.against for c in views] == sorted((c.against for c in views), reverse=True)
    target = views[0]
    archive.judge(target.key, "artefact", who="curator", cause="certainty", note="a negation of another verb")
    with pytest.raises(VerdictError):
        archive.judge(target.key, "artefact", who="curator")            # an artefact needs its cause
    summary = reprocess(store, progress=False)
    assert summary.files == len(store.document_ids())
    again = {c.key: c for c in Archive(store).contradiction_views()}
    assert again[target.key].verdict.verdict == "artefact" and again[target.key].verdict.cause == "certainty"
    store.close()


def run(db, *args, ok=True):
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert (result.exit_code == 0) == ok, result.output
    return result.output


def test_cli_round(archive, archive_target):
    db = archive_target
    out = run(db, "check", "d1")
    assert "#0" in out and "key " in out
    key = json.loads(run(db, "check", "d1", "--json"))["findings"][0]["key"]
    assert "marked not an error" in run(db, "verdict", "set", "d1#0", "not-an-error", "--note", "in the original",
                                        "--by", "ana")
    checked = json.loads(run(db, "check", "d1", "--json"))["findings"][0]
    assert checked["verdict"]["verdict"] == "not-an-error" and checked["verdict"]["who"] == "ana"
    assert key in run(db, "verdict", "list")
    assert "set not-an-error — in the original" in run(db, "verdict", "log", key[:10])
    assert "1 finding of doubled-word in 1 document; 1 with a verdict, 0 open" in run(db, "check", "--rule",
                                                                                       "doubled-word")
    stats = run(db, "stats")
    assert "findings by verdict: 1 open, 1 marked not an error, 0 marked fixed" in stats
    assert json.loads(run(db, "stats", "--json"))["verdicts"]["findings"]["not-an-error"] == 1
    assert "is open again" in run(db, "verdict", "clear", key, "--by", "ana")
    assert "unknown-rule" in CliRunner().invoke(cli, ["--db", str(db), "check", "--rule", "nope"]).output


def test_json_api(archive):
    from fastapi.testclient import TestClient
    from witness.web import create_app
    with TestClient(create_app(archive.store, token="tok")) as client:
        assert client.post("/api/verdicts", json={"ref": "d1#0", "verdict": "fixed"}).status_code == 401
        bad = client.post("/api/verdicts", json={"ref": "d1#0", "verdict": "artefact"},
                          headers={"Authorization": "Bearer tok"})
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "verdict-invalid"
        ok = client.post("/api/verdicts", json={"ref": "d1#0", "verdict": "fixed", "note": "done", "curator": "bot"},
                         headers={"Authorization": "Bearer tok"})
        assert ok.status_code == 200 and ok.json()["verdict"]["who"] == "bot"
        key = ok.json()["verdict"]["key"]
        listed = client.get("/api/verdicts").json()
        assert [v["key"] for v in listed["verdicts"]] == [key] and "certainty" in listed["causes"]
        cleared = client.post(f"/api/verdicts/{key}/clear", json={"note": "not yet"},
                              headers={"Authorization": "Bearer tok"})
        assert cleared.json()["cleared"]["verdict"] == "fixed"
        assert [e["action"] for e in client.get("/api/verdicts/log").json()["log"]] == ["set", "clear"]
    with TestClient(create_app(archive.store, token=None)) as client:       # read-only reading room
        assert client.post("/api/verdicts", json={"ref": "d1#0", "verdict": "fixed"},
                           headers={"Authorization": "Bearer x"}).status_code == 404
        assert client.get("/api/verdicts").status_code == 200
        page = client.get("/sign-in").text
        assert "read-only" in page
