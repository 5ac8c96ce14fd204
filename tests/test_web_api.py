"""The JSON API over a real SQLite archive built from corpus pages (plus annotated fixtures)."""

from __future__ import annotations

import logging

import pytest
from conftest import BACKENDS, new_archive

from fastapi.testclient import TestClient

from witness.store import open_store
from witness.web import create_app
from witness.web.demo import build_demo_archive

pytestmark = pytest.mark.corpus

SPEC_KEYS = {"schema", "id", "source", "record", "text", "notes", "findings", "mentions", "entities", "claims",
             "same_text_as", "variants"}  # variants: added by issue 14 (spec: add fields freely)


@pytest.fixture(scope="module", params=BACKENDS)
def archive(request, corpus_root, tmp_path_factory):
    store = build_demo_archive(new_archive(request, tmp_path_factory.mktemp("webapi"), "webapi"), corpus_root)
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(archive):
    with TestClient(create_app(archive, token=None)) as c:
        assert c.get("/").status_code == 200          # builds the people/findings index
        yield c


def assert_envelope(resp, status, code):
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert err["status"] == status and err["code"] == code
    assert isinstance(err["message"], str) and err["message"]
    return err


# -- documents ------------------------------------------------------------------------------
def test_documents_are_paged_and_filterable(client):
    everything = client.get("/api/documents", params={"limit": 100}).json()
    assert everything["total"] == 15 and len(everything["results"]) == 15
    first = client.get("/api/documents", params={"limit": 5, "offset": 0}).json()
    second = client.get("/api/documents", params={"limit": 5, "offset": 5}).json()
    assert [d["id"] for d in first["results"] + second["results"]] == \
        [d["id"] for d in everything["results"][:10]]
    serge = client.get("/api/documents", params={"author": "Victor Serge", "limit": 100}).json()
    assert serge["total"] == 9 and all(d["authors"] == ["Victor Serge"] for d in serge["results"])
    y1937 = client.get("/api/documents", params={"year_from": 1937, "year_to": 1937}).json()
    assert y1937["total"] >= 5 and all(d["date"].startswith("1937") for d in y1937["results"])
    appeal = client.get("/api/documents", params={"periodical": "Socialist Appeal"}).json()
    assert {"serge-1937-08-yagoda", "serge-1937-10-envoy"} <= {d["id"] for d in appeal["results"]}
    assert all(d["periodical"] == "Socialist Appeal" for d in appeal["results"])


def test_page_size_limit_is_refused_not_clamped(client):
    err = assert_envelope(client.get("/api/documents", params={"limit": 101}), 400, "page-size-limit")
    assert "100" in err["message"]
    assert_envelope(client.get("/api/search", params={"q": "yagoda", "limit": 1000}), 400, "page-size-limit")
    assert_envelope(client.get("/api/contradictions", params={"limit": 500}), 400, "page-size-limit")


def test_document_is_exactly_the_document_json(client, archive):
    resp = client.get("/api/documents/serge-1937-08-yagoda")
    assert resp.status_code == 200
    body = resp.json()
    assert set(body) == SPEC_KEYS
    assert body == archive.get_document("serge-1937-08-yagoda").to_json()
    assert body["schema"] == "witness/1"
    assert body["record"]["title"] == "The End of Henry Yagoda"
    assert body["source"]["path"] == "archive/serge/1937/08/yagoda.htm"
    claim = next(c for c in body["claims"] if c["certainty"] == "rumored")
    assert set(claim["evidence"]) == {"start", "end"}
    # What the pipeline reads on this page: two rumored executions, one confirmed arrest.
    rumors = {(c["subject"], c["predicate"]) for c in body["claims"]
              if c["certainty"] == "rumored" and c["predicate"] != "held_office"}   # ("General Putna" inside the rumor is too)
    assert rumors == {("sosnovsky-lev", "executed"), ("putna-vitovt", "executed")}
    assert ("rakovsky-christian", "arrested", "confirmed") in \
        {(c["subject"], c["predicate"], c["certainty"]) for c in body["claims"]}
    linked = {(m["text"], m["entity"]) for m in body["mentions"] if m["type"] == "person"}
    assert {("Leon Sosnovsky", "sosnovsky-lev"), ("Christian Rakowsky", "rakovsky-christian")} <= linked


def test_unknown_document_is_404_in_the_envelope(client):
    err = assert_envelope(client.get("/api/documents/no-such-document"), 404, "not-found")
    assert "no-such-document" in err["message"]
    assert_envelope(client.get("/api/documents/no-such-document/history"), 404, "not-found")


def test_history_lists_versions(client):
    body = client.get("/api/documents/serge-1937-08-yagoda/history").json()
    assert body["versions"][0]["path"] == "archive/serge/1937/08/yagoda.htm"
    assert body["versions"][-1]["current"] is True


# -- search ---------------------------------------------------------------------------------
def test_search_results_carry_the_contract_fields(client):
    body = client.get("/api/search", params={"q": "Kronstadt"}).json()
    assert body["total"] >= 1
    hit = body["results"][0]
    assert {"id", "title", "authors", "date", "snippet", "score"} <= set(hit)
    assert "«" in hit["snippet"] and "»" in hit["snippet"]
    assert "serge-1938-04-kronstadt" in [h["id"] for h in body["results"]]
    assert {"author", "decade", "periodical"} <= set(body["facets"])


def test_a_name_in_another_script_finds_the_person(client):
    # The Yagoda page only ever writes "Rakowsky"; the Cyrillic spelling must still find it.
    body = client.get("/api/search", params={"q": "Раковский"}).json()
    assert body["person"] == "rakovsky-christian"
    assert "serge-1937-08-yagoda" in [h["id"] for h in body["results"]]
    plain = client.get("/api/search", params={"q": "Rakovsky"}).json()
    assert "serge-1937-08-yagoda" in [h["id"] for h in plain["results"]]


def test_filters_and_person_filter(client):
    body = client.get("/api/search", params={"q": "Stalin", "year_from": 1938, "year_to": 1938}).json()
    assert body["total"] >= 1 and all(h["date"].startswith("1938") for h in body["results"])
    by_person = client.get("/api/search", params={"person": "sosnovsky-lev"}).json()
    assert {h["id"] for h in by_person["results"]} == {"serge-1937-08-yagoda", "demo-sosnovsky-alive",
                                                       "demo-sosnovsky-executed"}


def test_bad_and_empty_queries_are_400(client):
    err = assert_envelope(client.get("/api/search", params={"q": '"unclosed phrase'}), 400, "bad-query")
    assert "quote" in err["message"]
    assert_envelope(client.get("/api/search", params={"q": "(stalin"}), 400, "bad-query")
    assert_envelope(client.get("/api/search", params={"q": "   "}), 400, "bad-query")


# -- persons, timelines, contradictions ------------------------------------------------------
def test_person(client):
    body = client.get("/api/persons/sosnovsky-lev").json()
    assert body["name"] == "Lev Sosnovsky"
    # Life dates and death manner come from the authority file, not the demo annotations.
    assert body["born"] == "1886" and body["died"] == "1937-07-03"
    assert body["death_manner"] == "executed"
    assert "Leon Sosnovsky" in body["variants"]
    assert {d["id"] for d in body["documents"]} == {"serge-1937-08-yagoda", "demo-sosnovsky-alive",
                                                    "demo-sosnovsky-executed"}
    assert "rakovsky-christian" in [p["id"] for p in body["co_mentioned"]]
    kinds = {c["kind"] for c in body["contradictions"]}
    assert "asserted-vs-denied" in kinds and kinds & {"after-death", "alive-after-death"}


def person_document_counts(archive) -> dict[str, int]:
    """What the pipeline marked: person id → documents with a mention of that person."""
    counts: dict[str, int] = {}
    for doc in archive.iter_documents():
        for pid in {m.entity for m in doc.mentions if m.type == "person" and m.entity}:
            counts[pid] = counts.get(pid, 0) + 1
    return counts


def test_persons_list(client, archive):
    counts = person_document_counts(archive)
    body = client.get("/api/persons", params={"limit": 3}).json()
    assert body["total"] == len(counts) and len(body["results"]) == 3
    assert [p["documents"] for p in body["results"]] == sorted(counts.values(), reverse=True)[:3]
    assert all(counts[p["id"]] == p["documents"] for p in body["results"])
    # Stalin is named on nine of the fifteen pages, more than anyone but Lenin.
    top = {p["id"]: p for p in client.get("/api/persons", params={"limit": 2}).json()["results"]}
    assert top["stalin-joseph"] == {"id": "stalin-joseph", "name": "Joseph Stalin", "documents": 9}
    more = client.get("/api/persons", params={"limit": 100, "offset": 100}).json()
    assert more["total"] == len(counts) and len(more["results"]) == min(100, len(counts) - 100)


def test_timeline_keeps_rumors_apart_from_facts(client):
    rows = client.get("/api/persons/sosnovsky-lev/timeline").json()["timeline"]
    rumor = next(r for r in rows if r["certainty"] == "rumored")
    fact = next(r for r in rows if r["certainty"] == "asserted")
    assert rumor["hedged"] is True and fact["hedged"] is False
    assert rumor["doc_id"] == "serge-1937-08-yagoda" and "rumors" in rumor["quote"]
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)


def test_unknown_person_is_404(client):
    assert_envelope(client.get("/api/persons/nobody-at-all"), 404, "not-found")
    assert_envelope(client.get("/api/persons/nobody-at-all/timeline"), 404, "not-found")


def test_contradictions(client):
    body = client.get("/api/contradictions").json()
    kinds = {(c["entity"], c["kind"]) for c in body["results"]}
    assert ("sosnovsky-lev", "asserted-vs-denied") in kinds
    denial = next(c for c in body["results"] if c["kind"] == "asserted-vs-denied")
    assert {denial["a"]["certainty"], denial["b"]["certainty"]} == {"asserted", "denied"}
    assert denial["a"]["doc_id"] != denial["b"]["doc_id"]


# -- the error envelope on every path ----------------------------------------------------------
def test_unknown_route_405_and_422(client):
    assert_envelope(client.get("/api/no/such/route"), 404, "not-found")
    assert_envelope(client.post("/api/documents", json={}), 405, "method-not-allowed")
    err = assert_envelope(client.get("/api/documents", params={"limit": "many"}), 422, "invalid-request")
    assert "limit" in err["message"]
    assert_envelope(client.get("/api/documents", params={"offset": -1}), 422, "invalid-request")


def test_request_too_large_is_413(client):
    resp = client.post("/api/search", content=b"x" * (1024 * 1024 + 1),
                       headers={"content-type": "application/octet-stream"})
    assert_envelope(resp, 413, "request-too-large")


def test_crash_is_500_without_internals(corpus_root, tmp_path):
    store = build_demo_archive(tmp_path / "crash.db", corpus_root, pages=["archive/serge/1937/08/yagoda.htm"])
    app = create_app(store)
    store.close()            # a real failure: every query now raises inside the store
    with TestClient(app, raise_server_exceptions=False) as c:
        resp = c.get("/api/documents/serge-1937-08-yagoda")
        err = assert_envelope(resp, 500, resp.json()["error"]["code"])
        assert err["code"] in ("internal-error", "store-error")
        assert "Traceback" not in resp.text and "sqlite" not in resp.text.lower()
        assert resp.headers["x-content-type-options"] == "nosniff"


def test_openapi_documents_the_api(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/search", "/api/persons/{pid}",
                 "/api/persons/{pid}/timeline", "/api/contradictions"):
        assert path in spec["paths"], path
    assert not any("merge" in p or "corrections" in p for p in spec["paths"])
    assert "/" not in spec["paths"]        # HTML pages are not part of the API schema


# -- curation --------------------------------------------------------------------------------
def test_curation_does_not_exist_without_a_token(client):
    assert_envelope(client.post("/api/entities/merge", json={"into": "a", "merge": ["b"]}), 404, "not-found")
    assert_envelope(client.post("/api/corrections", json={}), 404, "not-found")
    assert_envelope(client.post("/api/entities/x/link", json={}), 404, "not-found")


def test_curation_with_a_token(archive, caplog, monkeypatch):
    monkeypatch.setenv("WITNESS_TOKEN", "s3cret-token")
    app = create_app(archive)          # token from the environment
    link = {"wikidata": "Q318176", "note": "checked"}
    with TestClient(app) as c:
        resp = c.post("/api/entities/rakovsky-christian/link", json=link)
        assert_envelope(resp, 401, "unauthorized")
        assert resp.headers["www-authenticate"] == "Bearer"
        assert_envelope(c.post("/api/entities/merge", json={"bad": 1}), 401, "unauthorized")
        assert_envelope(c.post("/api/entities/rakovsky-christian/link", json=link,
                               headers={"Authorization": "Bearer nope"}), 403, "forbidden")
        auth = {"Authorization": "Bearer s3cret-token"}
        assert_envelope(c.post("/api/entities/merge", json={"into": "x"}, headers=auth), 422, "invalid-request")
        assert_envelope(c.post("/api/entities/merge", json={"into": "rakovsky-christian", "merge": ["no-such-x"]},
                               headers=auth), 404, "not-found")
        assert_envelope(c.post("/api/entities/rakovsky-christian/link", json={"wikidata": "nope"},
                               headers=auth), 422, "invalid-request")
        with caplog.at_level(logging.INFO, logger="witness.web.audit"):
            ok = c.post("/api/entities/rakovsky-christian/link", json=link, headers=auth)
        assert ok.status_code == 200 and ok.json()["status"] == "applied"
        assert ok.json()["operations"][0]["who"].startswith("api@")
        assert c.get("/api/persons/rakovsky-christian").json()["wikidata"] == "Q318176"
        assert any("curation #" in r.getMessage() for r in caplog.records)
        assert c.post("/api/curation/undo", json={}, headers=auth).status_code == 200
        assert c.get("/api/persons/rakovsky-christian").json()["wikidata"] != "Q318176"


def test_store_opened_by_path_serves_the_same(archive, tmp_path):
    """A second connection (as `witness serve` opens) sees what the builder wrote."""
    other = open_store(archive.url)
    try:
        with TestClient(create_app(other)) as c:
            assert c.get("/api/documents").json()["total"] == 15
    finally:
        other.close()



def test_pages_never_scan_the_archive(archive, monkeypatch):
    """Every view is indexed store queries: no document is ever iterated to answer a page."""
    app = create_app(archive)
    monkeypatch.setattr(type(archive), "iter_documents", lambda self: pytest.fail("scanned the archive"))
    monkeypatch.setattr(type(archive.documents), "iter_json", lambda self, ids=None: pytest.fail("scanned"))
    with TestClient(app) as c:
        for url in ("/", "/persons/sosnovsky-lev", "/contradictions", "/checks?rule=doubled-word",
                    "/api/persons", "/api/contradictions", "/api/persons/sosnovsky-lev/timeline"):
            assert c.get(url).status_code == 200, url
        assert c.get("/api/search", params={"q": "Раковский"}).json()["person"] == "rakovsky-christian"


def test_huge_version_numbers_are_not_found(client):
    """Issue 17: ?version=<huge> is a 404 (or 400), never a 500."""
    for v in ("99999999999999999999999", str(2**63), "0"):
        r = client.get("/api/documents/serge-1937-08-yagoda", params={"version": v})
        assert r.status_code in (400, 404, 422), (v, r.status_code)
        page = client.get("/documents/serge-1937-08-yagoda", params={"version": v})
        assert page.status_code in (200, 400, 404), (v, page.status_code)
    assert client.get("/api/documents/serge-1937-08-yagoda", params={"version": 99}).status_code == 404


def test_name_lookup_hook_reads_unrecorded_spellings(archive):
    """A spelling no document uses (Trotzkij) still finds the person through the lookup hook."""
    def lookup(name):
        return "trotsky-leon" if name.casefold().startswith("trotz") else None

    with TestClient(create_app(archive, name_lookup=lookup)) as c:
        c.get("/")
        body = c.get("/api/search", params={"q": "Trotzkij"}).json()
        assert body["person"] == "trotsky-leon" and body["total"] >= 5
        assert c.get("/api/search", params={"q": "Zinovievski"}).json()["person"] is None


def test_co_mentions_equal_a_plain_sql_count(archive):
    """The array-backed co-mention counts (store/comention.py) give what a plain GROUP BY over
    the raw mentions gives, for every entity of a real annotated archive, with and without a type."""
    oracle = (
        "WITH mine AS (SELECT DISTINCT doc_rowid FROM mentions WHERE entity_id = ?)"
        " SELECT e.name, count(DISTINCT m.doc_rowid), count(*) FROM mine JOIN mentions m ON m.doc_rowid = mine.doc_rowid"
        " JOIN entities e ON e.id = m.entity_id WHERE m.entity_id != ?"
        " AND (CAST(? AS TEXT) IS NULL OR (m.type = ? AND e.type = ?)) GROUP BY m.entity_id, e.name"
        " ORDER BY 2 DESC, 3 DESC, 1 LIMIT ?")
    ids = [r[0] for r in archive.db.all("SELECT DISTINCT entity_id FROM mentions WHERE entity_id IS NOT NULL")]
    assert len(ids) > 50
    compared = 0
    for eid in ids:
        for kind in ("person", None):
            got = [(c.entity.name, c.documents, c.mentions) for c in archive.people.co_mentioned(eid, type=kind, limit=12)]
            want = archive.db.all(oracle, (eid, eid, kind, kind, kind, 12))
            assert got == want, (eid, kind)
            compared += bool(want)
    assert compared > 50
