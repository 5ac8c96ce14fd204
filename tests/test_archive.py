"""The archive layer: persons, timelines, contradictions, findings and curation as every
reader sees them, from the store's typed queries, over a real archive of hand-made
documents (no corpus needed)."""

from __future__ import annotations

import pytest

from witness.model import Claim, Document, Entity, Finding, Mention, Record, Source, Span
from witness.store import open_store
from witness.archive import Archive

SOSNOVSKY = Entity("sosnovsky-lev", "person", "Lev Sosnovsky", ["Leon Sosnovsky"])
RAKOVSKY = Entity("rakovsky-christian", "person", "Christian Rakovsky", ["Rakowsky"])
NOBODY = Entity("nobody-ivan", "person", "Ivan Nobody", provisional=True)


def make(doc_id, text, *, date=None, authors=("Victor Serge",), periodical=None, people=(), claims=(),
         findings=()):
    """people: (surface text, entity); claims: (subject, predicate, certainty, evidence phrase, date);
    findings: (rule, severity, matched text, suggestion).  Offsets are found in `text`."""
    doc = Document(doc_id, Source(f"fixtures/{doc_id}.txt", "text", doc_id.ljust(64, "0")),
                   Record(authors=list(authors), title=f"Title of {doc_id}", date=date, periodical=periodical),
                   text)
    seen = {}
    for surface, ent in people:
        at = -1
        while (at := text.find(surface, at + 1)) >= 0:
            doc.mentions.append(Mention(at, at + len(surface), surface, "person", ent.id))
        seen[ent.id] = ent
    doc.entities = list(seen.values())
    for subject, predicate, certainty, phrase, when in claims:
        at = text.index(phrase)
        doc.claims.append(Claim(subject, predicate, None, when, None, certainty, None, Span(at, at + len(phrase))))
    for rule, severity, match, suggestion in findings:
        at = text.index(match)
        doc.findings.append(Finding(rule, severity, at, at + len(match), f"“{match}”: {rule}", suggestion))
    return doc


DOCS = [
    make("d-rumor", "There are rumors that Leon Sosnovsky has been shot in prison. The arrest of Christian "
         "Rakovsky has been confirmed. It is not true that Rakowsky was released in 1939. Of of course.",
         date="1937-08-28", periodical="Socialist Appeal",
         people=[("Leon Sosnovsky", SOSNOVSKY), ("Christian Rakovsky", RAKOVSKY), ("Rakowsky", RAKOVSKY)],
         claims=[("sosnovsky-lev", "executed", "rumored", "rumors that Leon Sosnovsky has been shot", "1937"),
                 ("rakovsky-christian", "arrested", "confirmed", "The arrest of Christian Rakovsky", None),
                 ("rakovsky-christian", "released", "denied", "not true that Rakowsky was released in 1939", "1939")],
         findings=[("doubled-word", "warning", "Of of", "Of")]),
    make("d-alive", "Sosnovsky was held in the Tomsk isolator in October 1938.\n\nSosnovsky was not shot in 1937.",
         date="1938-11-02", authors=("A. Correspondent",),
         people=[("Sosnovsky", SOSNOVSKY)],
         claims=[("sosnovsky-lev", "imprisoned", "asserted", "Sosnovsky was held in the Tomsk isolator in October 1938",
                  "1938-10"),
                 ("sosnovsky-lev", "executed", "denied", "Sosnovsky was not shot in 1937", "1937")]),
    make("d-executed", "Lev Sosnovsky was executed on 3 July 1937. His friend Christian Rakovsky was "
         "sentenced in March 1938, and Ivan Nobody wrote about it that that year.",
         date="1965", authors=("A. Historian",),
         people=[("Lev Sosnovsky", SOSNOVSKY), ("Christian Rakovsky", RAKOVSKY), ("Ivan Nobody", NOBODY)],
         claims=[("sosnovsky-lev", "executed", "asserted", "Lev Sosnovsky was executed on 3 July 1937",
                  "1937-07-03"),
                 ("rakovsky-christian", "sentenced", "asserted", "Christian Rakovsky was sentenced in March 1938",
                  "1938-03")],
         findings=[("doubled-word", "warning", "that that", "that"), ("markup-leak", "error", "Ivan", None)]),
    make("d-undated", "A page without a date or any person.", authors=("Victor Serge",)),
]


@pytest.fixture
def store(archive_target):
    s = open_store(archive_target)
    for doc in DOCS:
        s.put_document(doc)
    yield s
    s.close()


@pytest.fixture
def views(store):
    return Archive(store)


def claim_key(store, doc_id, index):
    return doc_id, store.get_document(doc_id).claims[index].evidence.start


def test_person_view_from_store_and_authority(views):
    p = views.person_view("sosnovsky-lev")
    assert p.name == "Lev Sosnovsky"
    # Life dates and manner of death are the authority file's, not the document's entity.
    assert (p.born, p.died, p.death_manner) == ("1886", "1937-07-03", "executed")
    assert p.provisional is False
    assert {"Sosnovsky", "Leon Sosnovsky"} <= set(p.variants) and p.name not in p.variants
    assert [d.id for d in p.documents] == ["d-rumor", "d-alive", "d-executed"]      # date order
    assert [(o.id, o.count) for o in p.co_mentioned] == [("rakovsky-christian", 2), ("nobody-ivan", 1)]
    nobody = views.person_view("nobody-ivan")
    assert nobody.provisional is True and nobody.born is None and nobody.death_manner is None
    assert views.person_view("no-such-person") is None and views.timeline_rows("no-such-person") is None


def test_timeline_order_and_hedging(views, store):
    rows = views.timeline_rows("sosnovsky-lev")
    assert [(r.date, r.doc_id, r.certainty) for r in rows] == [
        ("1937", "d-alive", "denied"), ("1937", "d-rumor", "rumored"),
        ("1937-07-03", "d-executed", "asserted"), ("1938-10", "d-alive", "asserted")]
    assert [r.hedged for r in rows] == [True, True, False, False]
    assert [r.contradicted for r in rows] == [True, False, True, True]   # the rumor stands against nothing
    # claim_index is the claim's position in its document (the #claim-N anchor).
    for r in rows:
        claim = store.get_document(r.doc_id).claims[r.claim_index]
        assert (claim.subject, claim.certainty) == ("sosnovsky-lev", r.certainty)
    undated = views.timeline_rows("rakovsky-christian")[0]
    assert (undated.predicate, undated.date, undated.date_is_document_date) == ("arrested", "1937-08-28", True)
    assert undated.quote == "The arrest of Christian Rakovsky"


def test_contradictions_are_find_contradictions(views, store):
    expected = sorted(
        (c.kind, c.subject, (c.first.document_id, c.first.claim.evidence.start),
         (c.second.document_id, c.second.claim.evidence.start) if c.second else None)
        for c in Archive(store).contradictions())
    shown = views.contradiction_views()
    got = sorted((c.kind, c.entity, claim_key(store, c.a.doc_id, c.a.claim_index),
                  claim_key(store, c.b.doc_id, c.b.claim_index) if c.b else None) for c in shown)
    assert got == expected
    kinds = {c.kind for c in shown}
    assert "asserted-vs-denied" in kinds and kinds & {"after-death", "alive-after-death"}
    denial = next(c for c in shown if c.kind == "asserted-vs-denied")
    # the outlier first: one source denying what another asserts
    assert (denial.a.doc_id, denial.a.certainty, denial.b.doc_id, denial.b.certainty) == \
        ("d-alive", "denied", "d-executed", "asserted")
    # A rumor and a denial of a different predicate are not a contradiction.
    assert not [c for c in shown if c.entity == "rakovsky-christian"]
    # Per person: the same pairs, restricted to the person.
    mine = views.person_view("sosnovsky-lev").contradictions
    assert sorted((c.kind, c.a.doc_id, c.a.claim_index) for c in mine) == \
        sorted((c.kind, c.a.doc_id, c.a.claim_index) for c in shown if c.entity == "sosnovsky-lev")


def test_findings_views_match_the_documents(views, store):
    assert views.finding_rules() == [("doubled-word", "warning", 2), ("markup-leak", "error", 1)]
    found = views.findings_for("doubled-word")
    assert len(found) == 2 and len(views.findings_for("no-such-rule")) == 0
    row = found[0]                                         # document id order
    assert (row.doc_id, row.match, row.suggestion, row.index) == ("d-executed", "that that", "that", 0)
    assert row.before.endswith("wrote about it ") and row.after.startswith(" year.")
    leak = views.findings_for("markup-leak")[0]
    assert (leak.index, leak.severity, leak.suggestion) == (1, "error", None)


def test_overview_counts(views):
    ov = views.overview()
    assert ov.documents == 4 and ov.undated == 1
    assert ov.author_count == 3 and ov.authors[0] == ("Victor Serge", 2)
    assert ov.histogram[0] == (1937, 1) and ov.histogram[1] == (1938, 1) and ov.histogram[-1] == (1965, 1)
    assert len(ov.histogram) == 1965 - 1937 + 1
    assert ov.person_count == 3 and [(p.id, p.count) for p in ov.persons] == \
        [("sosnovsky-lev", 3), ("rakovsky-christian", 2), ("nobody-ivan", 1)]
    assert ov.findings_total == 3
    # Most recently dated documents first, at most two findings each.
    assert [(f.doc_id, f.rule) for f in ov.recent_findings] == \
        [("d-executed", "doubled-word"), ("d-executed", "markup-leak"), ("d-rumor", "doubled-word")]


def test_persons_names_and_spellings(views):
    assert [(p.id, p.count) for p in views.persons()] == \
        [("sosnovsky-lev", 3), ("rakovsky-christian", 2), ("nobody-ivan", 1)]
    assert views.persons_in(["d-rumor", "d-executed", "d-undated", "missing"]) == \
        [("rakovsky-christian", 2), ("sosnovsky-lev", 2), ("nobody-ivan", 1)]
    assert views.persons_in([]) == []
    assert views.person_for_name("rakowsky") == "rakovsky-christian"
    assert views.person_for_name("  ") is None and views.person_for_name("Bukharin") is None
    assert views.spellings("rakovsky-christian") == ["Christian Rakovsky", "Rakowsky"]
    assert views.person_name("nobody-ivan") == "Ivan Nobody" and views.person_name("x") is None


def test_whole_archive_answers_follow_writes(views, store):
    first = views.contradiction_views()
    assert views.contradiction_views() is first                 # cached while nothing changes
    doc = make("d-later", "Rakowsky was released in 1939.", date="1939",
               people=[("Rakowsky", RAKOVSKY)],
               claims=[("rakovsky-christian", "released", "asserted", "Rakowsky was released in 1939", "1939")])
    store.put_document(doc)
    after = views.contradiction_views()
    assert after is not first
    assert ("asserted-vs-denied", "rakovsky-christian") in {(c.kind, c.entity) for c in after}
    assert views.overview().documents == 5
    assert "d-later" in [d.id for d in views.person_view("rakovsky-christian").documents]


# ---- curation through the API changes every view, and undo restores them --------------------

SOSNOWSKI = Entity("x-sosnowski", "person", "L. Sosnowski", provisional=True)


def test_merge_through_the_api_shows_on_every_page_and_export(tmp_path):
    """POST /api/entities/merge applies the merge: the person page, the document page, the
    JSON export and the TEI export all show the merged person at once; undo restores them."""
    import json

    from click.testing import CliRunner
    from starlette.testclient import TestClient

    from witness.cli import cli
    from witness.web import create_app

    db = tmp_path / "cur.db"
    s = open_store(db)
    for doc in DOCS:
        s.put_document(doc)
    s.put_document(make("d-spelled", "A letter from L. Sosnowski arrived in Paris.", date="1936-05-01",
                        people=[("L. Sosnowski", SOSNOWSKI)]))

    def export(fmt: str) -> str:
        out = tmp_path / f"{fmt}-out"
        result = CliRunner().invoke(cli, ["--db", str(db), "export", fmt, "--out", str(out), "d-spelled"],
                                    obj={}, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return next(out.iterdir()).read_text("utf-8")

    def shown(c):
        person = c.get("/persons/sosnovsky-lev").text
        page = c.get("/documents/d-spelled").text
        api = c.get("/api/persons/sosnovsky-lev").json()
        doc = c.get("/api/documents/d-spelled").json()
        return person, page, api, doc

    auth = {"Authorization": "Bearer tok"}
    app = create_app(s, token="tok")
    with TestClient(app) as c:
        person, page, api, doc = shown(c)
        assert "d-spelled" not in {d["id"] for d in api["documents"]} and "d-spelled" not in person
        assert "/persons/x-sosnowski" in page and "/persons/sosnovsky-lev" not in page
        assert json.loads(export("json"))["mentions"][0]["entity"] == "x-sosnowski"
        assert "x-sosnowski" in export("tei")
        ok = c.post("/api/entities/merge", headers=auth,
                    json={"into": "sosnovsky-lev", "merge": ["x-sosnowski"], "note": "same man", "curator": "ed"})
        assert ok.status_code == 200 and ok.json()["status"] == "applied"
        person, page, api, doc = shown(c)
        assert "d-spelled" in {d["id"] for d in api["documents"]} and "d-spelled" in person
        assert "L. Sosnowski" in api["variants"]
        assert "/persons/sosnovsky-lev" in page and "/persons/x-sosnowski" not in page
        assert {m["entity"] for m in doc["mentions"]} == {"sosnovsky-lev"}
        assert json.loads(export("json"))["mentions"][0]["entity"] == "sosnovsky-lev"
        tei = export("tei")
        assert "sosnovsky-lev" in tei and "x-sosnowski" not in tei
        assert c.get("/persons/x-sosnowski").status_code == 404
        # The log says who, when and why, for the API and the CLI alike.
        log = c.get("/api/curation/log").json()["operations"]
        assert [(o["op"], o["who"], o["why"]) for o in log] == [("merge", "ed", "same man")]
        undone = c.post("/api/curation/undo", headers=auth, json={"note": "wrong man"})
        assert undone.status_code == 200
        person, page, api, doc = shown(c)
        assert "d-spelled" not in {d["id"] for d in api["documents"]}
        assert "/persons/x-sosnowski" in page and {m["entity"] for m in doc["mentions"]} == {"x-sosnowski"}
        assert json.loads(export("json"))["mentions"][0]["entity"] == "x-sosnowski"
        log = c.get("/api/curation/log").json()["operations"]
        assert [(o["op"], o["undone"], o["why"]) for o in log] == [("merge", True, "same man"), ("undo", False, "wrong man")]
    # The stored JSON never changed: every version is as extracted.
    assert s.get_document("d-spelled").mentions[0].entity == "x-sosnowski"
    s.close()


def test_merge_survives_reprocess_and_the_same_merge_from_the_cli_matches(tmp_path):
    """A merge made through the CLI changes the archive exactly as the API's does, and a
    reprocess (which rewrites every document's annotations) keeps it."""
    from click.testing import CliRunner
    from starlette.testclient import TestClient

    from witness.cli import cli
    from witness.reprocess import reprocess
    from witness.web import create_app

    def build(name):
        s = open_store(tmp_path / name)
        for doc in DOCS:
            s.put_document(doc)
        s.put_document(make("d-spelled", "A letter from L. Sosnowski arrived in Paris.", date="1936-05-01",
                            people=[("L. Sosnowski", SOSNOWSKI)]))
        return s

    api_store = build("api.db")
    with TestClient(create_app(api_store, token="tok")) as c:
        assert c.post("/api/entities/merge", headers={"Authorization": "Bearer tok"},
                      json={"into": "sosnovsky-lev", "merge": ["x-sosnowski"]}).status_code == 200
    cli_store = build("cli.db")
    cli_store.close()
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "cli.db"), "entity", "merge", "sosnovsky-lev",
                                      "x-sosnowski", "--by", "ed", "--why", "same man"], obj={})
    assert result.exit_code == 0, result.output
    cli_store = open_store(tmp_path / "cli.db")

    def seen(store):
        a = Archive(store)
        p = a.person_view("sosnovsky-lev")
        return ([d.id for d in p.documents], sorted(p.variants), a.document_json("d-spelled")["mentions"],
                store.people.spellings("sosnovsky-lev"))

    assert seen(api_store) == seen(cli_store)
    before = seen(cli_store)
    # reprocess: annotations recomputed from the text (here: the same annotator output).
    reprocess(cli_store, progress=False, annotate=lambda docs: docs)
    assert seen(cli_store) == before
    assert cli_store.curation.log()[0].who == "ed"
    api_store.close()
    cli_store.close()


def test_document_extra_survives_the_store(tmp_path):
    """Reader-side facts (Document.extra: TEI quote blocks, note calls) come back from the store."""
    s = open_store(tmp_path / "x.db")
    doc = make("d-extra", "A quoted block.\n\nAnd the rest.")
    doc.extra = {"blocks": [{"start": 0, "end": 15, "kind": "quote"}], "note_calls": []}
    s.put_document(doc)
    assert s.get_document("d-extra").extra == doc.extra
    assert "extra" not in Archive(s).document_json("d-extra")       # not part of the public JSON
    assert "<quote" in __import__("witness.export.tei", fromlist=["to_tei"]).to_tei(
        Archive(s).document("d-extra")).decode()
    s.close()


def test_a_claims_evidence_mentions_come_from_the_index_as_from_the_document(store):
    """store.people.evidence (what the outlier identity test reads) gives the text and the
    subject's person mentions inside a span exactly as the stored document has them."""
    doc = store.get_document("d-executed")
    for claim in doc.claims:
        ev = claim.evidence
        text, mine = store.people.evidence("d-executed", claim.subject, ev.start, ev.end)
        assert text == doc.text
        want = [m for m in doc.mentions if m.entity == claim.subject and m.type == "person"
                and ev.start <= m.start < ev.end]
        assert want and [(m.start, m.end, m.text, m.entity) for m in mine] == \
            [(m.start, m.end, m.text, m.entity) for m in want]
    assert store.people.evidence("d-executed", "nobody-ivan", 0, 10) == (doc.text, [])
    assert store.people.evidence("no-such-doc", "sosnovsky-lev", 0, 10) == ("", [])
