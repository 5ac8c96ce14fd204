"""The people, claims and publishing commands end to end: real NLP over real pages."""

from __future__ import annotations

import csv
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import BACKENDS, new_archive
from click.testing import CliRunner

from witness.cli import cli

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(db: Path, *args: str, ok: bool = True):
    result = CliRunner().invoke(cli, ["--db", str(db), *args], obj={}, catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module", params=BACKENDS)
def archive(request, tmp_path_factory, corpus_root) -> str:
    """The seed page, the example set, and two short pages written to disagree with them."""
    root = tmp_path_factory.mktemp("pages")
    page = root / "archive/serge/1937/08/yagoda.htm"
    page.parent.mkdir(parents=True)
    shutil.copy(corpus_root / "archive/serge/1937/08/yagoda.htm", page)
    shutil.copytree(EXAMPLES / "archive", root / "archive", dirs_exist_ok=True)
    (root / "claims").mkdir()
    (root / "claims/shot.txt").write_text(
        "Example Reporter\n\nThe Fate of Rakovsky\n\n(May 1938)\n\n"
        "From The Example Courier, 3 May 1938, p. 2.\n\n"
        "Christian Rakovsky was shot in prison in May 1937, as the whole world now knows.\n\n"
        "Last updated on 1 January 2026\n", encoding="utf-8")
    (root / "claims/late.txt").write_text(
        "Example Reporter\n\nA Late Report\n\n(June 1946)\n\n"
        "From The Example Courier, 2 June 1946, p. 4.\n\n"
        "In May 1946 Genrikh Yagoda was arrested again in Moscow.\n\n"
        "Last updated on 1 January 2026\n", encoding="utf-8")
    db = new_archive(request, root.parent, "people")
    out = run(db, "ingest", "--quiet", str(root)).output
    assert "5 new" in out, out
    return db


def test_person_in_any_spelling_or_script(archive):
    by_latin = json.loads(run(archive, "person", "Rakowsky", "--json").output)
    by_cyrillic = json.loads(run(archive, "person", "Раковский", "--json").output)
    assert by_latin["id"] == by_cyrillic["id"] == "rakovsky-christian"
    assert by_latin["born"] == "1873-08-13" and by_latin["died"]
    docs = {d["id"] for d in by_latin["documents"]}
    assert "serge-1937-08-yagoda" in docs and "witness-examples-1937-letter" in docs
    seed_mention = next(m for m in by_latin["mentions"] if m["doc_id"] == "serge-1937-08-yagoda")
    assert seed_mention["text"] == "Christian Rakowsky" and "firmly been confirmed" in seed_mention["sentence"]
    assert {"sosnovsky-lev", "putna-vitovt"} <= {c["id"] for c in by_latin["co_mentioned"]}


def test_search_by_person_expands_spellings(archive):
    hits = json.loads(run(archive, "search", "--person", "Раковский", "--json").output)
    ids = {h["id"] for h in hits["results"]}
    assert {"serge-1937-08-yagoda", "witness-examples-1937-letter", "claims-shot"} <= ids
    plain = json.loads(run(archive, "search", "Раковский", "--json").output)
    assert "serge-1937-08-yagoda" not in {h["id"] for h in plain["results"]}


def test_timeline_keeps_the_certainty_the_text_gives(archive):
    tl = json.loads(run(archive, "person", "Rakovsky", "--timeline", "--json").output)["timeline"]
    by_doc = {(e["document_id"], e["predicate"]): e for e in tl}
    assert by_doc[("serge-1937-08-yagoda", "arrested")]["certainty"] == "confirmed"
    assert by_doc[("witness-examples-1937-letter", "executed")]["certainty"] == "denied"
    assert by_doc[("claims-shot", "executed")]["certainty"] == "asserted"
    assert by_doc[("claims-shot", "executed")]["date"] == "1937-05"
    dates = [e["date"] for e in tl if e["date"]]
    assert dates == sorted(dates)
    sosnovsky = json.loads(run(archive, "person", "Sosnovsky", "--timeline", "--json").output)["timeline"]
    shot = [e for e in sosnovsky if e["predicate"] == "executed"]
    assert shot and all(e["certainty"] == "rumored" for e in shot), "a rumor never becomes a fact"


def test_contradictions_show_both_sides(archive):
    found = json.loads(run(archive, "contradictions", "--json").output)
    kinds = {(c["kind"], c["subject"]) for c in found}
    assert ("asserted-vs-denied", "rakovsky-christian") in kinds
    assert any(k.endswith("after-death") and subj == "yagoda-genrikh" for k, subj in kinds)
    after = next(c for c in found if c["subject"] == "yagoda-genrikh" and c["kind"].endswith("after-death"))
    assert "authority file" in after["consensus"]["sources"] and after["against"] >= 1
    denied = next(c for c in found if c["kind"] == "asserted-vs-denied")
    docs = {denied["first"]["document_id"], denied["second"]["document_id"]}
    assert docs == {"claims-shot", "witness-examples-1937-letter"}
    assert "not executed" in denied["first"]["quote"] + denied["second"]["quote"]
    only = json.loads(run(archive, "contradictions", "--person", "Jagoda", "--json").output)
    assert only and {c["subject"] for c in only} == {"yagoda-genrikh"}


def test_exports(archive, tmp_path):
    run(archive, "export", "claims", "--format", "csv", "--out", str(tmp_path / "claims.csv"))
    rows = list(csv.DictReader((tmp_path / "claims.csv").open(encoding="utf-8")))
    rumored = [r for r in rows if r["subject"] == "sosnovsky-lev" and r["predicate"] == "executed"]
    assert rumored and rumored[0]["certainty"] == "rumored" and "Socialist Appeal" in rumored[0]["citation"]

    run(archive, "export", "claims", "--format", "jsonl", "--out", str(tmp_path / "claims.jsonl"))
    assert len((tmp_path / "claims.jsonl").read_text("utf-8").splitlines()) == len(rows)

    run(archive, "export", "tei", "--out", str(tmp_path / "tei"), "serge-1937-08-yagoda")
    tei = (tmp_path / "tei/serge-1937-08-yagoda.xml").read_text("utf-8")
    assert "<persName" in tei and "rakovsky-christian" in tei and "listEvent" in tei

    run(archive, "export", "epub", "--out", str(tmp_path / "serge.epub"), "--author", "Victor Serge")
    with zipfile.ZipFile(tmp_path / "serge.epub") as z:
        assert z.namelist()[0] == "mimetype" and z.read("mimetype") == b"application/epub+zip"

    run(archive, "export", "csv", "--out", str(tmp_path / "docs.csv"))
    assert len(list(csv.DictReader((tmp_path / "docs.csv").open(encoding="utf-8")))) == 5
    run(archive, "export", "jsonl", "--out", str(tmp_path / "docs.jsonl"))
    first = json.loads((tmp_path / "docs.jsonl").read_text("utf-8").splitlines()[0])
    assert first["schema"] == "witness/1"

    out = run(archive, "publish", "--out", str(tmp_path / "site")).output
    assert "5 document pages" in out and (tmp_path / "site/index.html").exists()


@pytest.fixture(params=BACKENDS)
def copy_target(request, tmp_path):
    return new_archive(request, tmp_path, "copy")


def test_reprocess_keeps_annotations_stable(archive, copy_target):
    copy = copy_target           # `witness migrate` copies the archive, to either backend
    out = run(archive, "migrate", "--quiet", "--to", copy).output
    assert "documents 5, versions 5" in out and "identical on both sides" in out, out
    before = json.loads(run(copy, "show", "serge-1937-08-yagoda", "--json").output)
    out = run(copy, "reprocess", "--quiet").output
    assert "5 unchanged" in out, out  # same model, same text: nothing new to version
    after = json.loads(run(copy, "show", "serge-1937-08-yagoda", "--json").output)
    assert after["mentions"] == before["mentions"] and after["claims"] == before["claims"]


def test_reprocess_claims_only_recomputes_claims_from_the_stored_mentions(archive, copy_target):
    from witness.store import open_store
    copy = copy_target
    run(archive, "migrate", "--quiet", "--to", copy)
    before = json.loads(run(copy, "show", "serge-1937-08-yagoda", "--json").output)
    assert before["claims"]
    with open_store(copy) as store:             # an archive whose claims are out of date
        doc = store.get_document("serge-1937-08-yagoda")
        doc.claims = []
        assert store.put_document(doc).status == "updated"
    out = run(copy, "reprocess", "--claims-only", "--quiet").output
    assert "1 changed" in out and "4 unchanged" in out, out
    after = json.loads(run(copy, "show", "serge-1937-08-yagoda", "--json").output)
    assert after["mentions"] == before["mentions"] and after["claims"] == before["claims"]
    bad = run(copy, "reprocess", "--claims-only", "--no-nlp", ok=False)
    assert bad.exit_code == 2 and "--claims-only" in bad.output
