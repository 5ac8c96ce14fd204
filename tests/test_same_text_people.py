"""A person's page counts a text once (issue 13 item 4): Cliff's *Rosa Luxemburg* foreword
exists twice in the corpus (the 1959 edition and the 1969 reprint, the same text), and
both copies say that Luxemburg wrote; Lenin's 1913 note on her book and Reed's 1919 piece on
Liebknecht are other texts about her.  Real pages, the real NLP, the real store."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from witness.archive import Archive
from witness.cli import cli
from witness.pipeline import ingest
from witness.publish import publish
from witness.store import open_store
from witness.web.app import create_app

pytestmark = pytest.mark.corpus

FIRST = "cliff-works-1959-rosalux-0-foreword"       # stands for the text (same format, no date: smaller id)
REPRINT = "cliff-works-1969-rosalux-0-foreword"
OTHERS = ["lenin-works-1913-apr-rl-acc-capital-article", "reed-1919-karll"]
PAGES = ["archive/cliff/works/1959/rosalux/0-foreword.htm", "archive/cliff/works/1969/rosalux/0-foreword.htm",
         "archive/lenin/works/1913/apr/rl-acc-capital-article.htm", "archive/reed/1919/karll.htm"]
ROSA = "luxemburg-rosa"


@pytest.fixture(scope="module")
def db(corpus_root, tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("same-text")
    root = tmp / "pages"
    for rel in PAGES:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(corpus_root / rel, root / rel)
    path = tmp / "a.db"
    with open_store(path) as store:
        summary = ingest(store, [root], nlp=True, progress=False, workers=1)
        assert summary.new == 4 and not summary.failed
        assert [g.members for g in store.duplicate_groups()] == [[FIRST, REPRINT]]
    return path


@pytest.fixture
def archive(db):
    store = open_store(db)
    yield Archive(store)
    store.close()


def _raw_claims(archive) -> list:
    """Every stored claim about her, copies included (what the page folds)."""
    return archive.store.people.claims([ROSA])


def test_the_pair_says_the_same_claims_twice_in_the_store(archive):
    """The premise: without folding, the timeline would hold each of the foreword's claims twice."""
    by_doc = {}
    for r in _raw_claims(archive):
        by_doc.setdefault(r.doc_id, []).append((r.claim.predicate, r.claim.object))
    assert by_doc[FIRST] and sorted(by_doc[FIRST]) == sorted(by_doc[REPRINT])
    assert all(by_doc.get(d) for d in OTHERS)


def test_person_timeline_has_one_row_per_text(archive):
    raw = _raw_claims(archive)
    view = archive.person(ROSA)
    copies = sum(1 for r in raw if r.doc_id == REPRINT)
    assert len(view.timeline) == len(raw) - copies
    pair = [r for r in view.timeline if r.doc_id in (FIRST, REPRINT)]
    assert pair and all(r.doc_id == FIRST and r.also_in == [REPRINT] for r in pair)
    # Claims of texts without a duplicate stay listed, each from its own document.
    for other in OTHERS:
        mine = [r for r in view.timeline if r.doc_id == other]
        assert len(mine) == sum(1 for r in raw if r.doc_id == other) and all(r.also_in == [] for r in mine)
    assert len(archive.timeline_rows(ROSA)) == len(view.timeline)


def test_person_documents_list_each_text_once_with_its_copies(archive):
    view = archive.person(ROSA)
    listed = {d.id: d.same_text_as for d in view.documents}
    assert listed == {FIRST: [REPRINT], OTHERS[0]: [], OTHERS[1]: []}
    assert view.document_count == 3
    assert {p.id: p.count for p in archive.persons()}[ROSA] == 3
    # The store's own list still has both copies: the folding is the archive's.
    assert {d.id for d in archive.store.people.documents_mentioning(ROSA)} == {FIRST, REPRINT, *OTHERS}
    # Contradictions still see every claim (the copies as one source) and point at rows shown.
    for c in archive.contradiction_views():
        assert c.a.doc_id != REPRINT


def test_cli_person_timeline_and_documents(db):
    run = lambda *a: CliRunner().invoke(cli, ["--db", str(db), "person", ROSA, *a],  # noqa: E731
                                        obj={}, catch_exceptions=False)
    data = json.loads(run("--timeline", "--json").output)
    entries = data["timeline"]
    assert not any(e["document_id"] == REPRINT for e in entries)
    pair = [e for e in entries if e["document_id"] == FIRST]
    assert pair and all(e["also_in"] == [REPRINT] for e in pair)
    assert {e["document_id"] for e in entries} >= set(OTHERS)
    text = run("--timeline").output
    assert f"({FIRST}; also in: {REPRINT})" in text and f"({REPRINT}" not in text
    person = json.loads(run("--json").output)
    assert [d["id"] for d in person["documents"] if d["same_text_as"]] == [FIRST]
    assert REPRINT not in [d["id"] for d in person["documents"]]
    assert f"{FIRST}" in run().output and f"the same text as {REPRINT}" in run().output


def test_api_and_reading_room_name_the_other_copy(db):
    with open_store(db) as store, TestClient(create_app(store, token=None)) as client:
        rows = client.get(f"/api/persons/{ROSA}/timeline").json()["timeline"]
        assert [r["also_in"] for r in rows if r["doc_id"] == FIRST] and \
            all(r["also_in"] == [REPRINT] for r in rows if r["doc_id"] == FIRST)
        assert not any(r["doc_id"] == REPRINT for r in rows)
        assert any(r["doc_id"] == OTHERS[0] and r["also_in"] == [] for r in rows)
        person = client.get(f"/api/persons/{ROSA}").json()
        assert [(d["id"], d["same_text_as"]) for d in person["documents"] if d["id"] in (FIRST, REPRINT)] \
            == [(FIRST, [REPRINT])]
        html = client.get(f"/persons/{ROSA}").text
        assert "also in:" in html and f'href="/documents/{REPRINT}"' in html
        assert f'href="/documents/{REPRINT}#claim-' not in html      # no timeline row from the copy
        assert f'href="/documents/{OTHERS[1]}#claim-' in html


def test_static_edition_person_page_counts_a_text_once(db, tmp_path):
    with open_store(db) as store:
        archive = Archive(store)
        raw = _raw_claims(archive)
        publish(archive.documents(), tmp_path / "site")
    page = (tmp_path / "site" / "p" / f"{ROSA}.html").read_text(encoding="utf-8")
    claims = page.split("What the documents say", 1)[1]
    assert claims.count(f"d/{REPRINT}.html#claim-") == 0
    assert claims.count(f"d/{FIRST}.html#claim-") == sum(1 for r in raw if r.doc_id == FIRST)
    assert claims.count("the same text, also in:") == sum(1 for r in raw if r.doc_id == FIRST)
    assert f"d/{OTHERS[0]}.html#claim-" in claims
    listed = page.split("Documents that name this person", 1)[1].split("What the documents say", 1)[0]
    assert listed.count("<li>") == 3 and listed.count("the same text as") == 1
    assert f"d/{FIRST}.html" in listed and listed.index(f"d/{FIRST}.html") < listed.index(f"d/{REPRINT}.html")


def test_folding_matches_claims_by_what_they_say_and_keeps_what_only_a_copy_says():
    from witness.archive.same_text import fold_claims, fold_documents
    from witness.claims import ClaimItem
    from witness.model import Claim, Span

    def item(doc, start, obj, subject="x"):
        return ClaimItem(Claim(subject, "held_office", obj, evidence=Span(start, start + 5)), doc, None, None)

    members = {d: ["page", "reprint", "export"] for d in ("page", "reprint", "export")}
    items = [item("reprint", 10, "Admiral"), item("reprint", 90, "admiral"),        # twice in each copy
             item("export", 3, "ADMIRAL,"), item("page", 50, "Admiral"), item("page", 7, "Admiral"),
             item("reprint", 60, "Shadow Cabinet"),                                  # only the reprint has it
             item("other", 5, "Admiral")]                                            # another text
    kept, also, folded = fold_claims(items, members)
    assert [(it.document_id, it.claim.evidence.start) for it in kept] == [("page", 50), ("page", 7),
                                                                          ("reprint", 60), ("other", 5)]
    assert also[id(items[4].claim)] == ["reprint", "export"]      # the first occurrence in each copy
    assert also[id(items[3].claim)] == ["reprint"]                # the second
    assert id(items[5].claim) not in also and folded[id(items[1].claim)] is items[3]
    docs = [type("D", (), {"id": i}) for i in ("reprint", "other", "page", "export")]
    assert [(d.id, o) for d, o in fold_documents(docs, members)] == [("other", []), ("page", ["reprint", "export"])]
