"""The JSON API under /api (schema at /openapi.json)."""

from __future__ import annotations

import hmac
import logging
from dataclasses import asdict, astuple
from typing import Literal, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from ..errors import BadQuery
from ..store.base import SearchQuery
from .errors import WebError

MAX_LIMIT = 100
router = APIRouter(prefix="/api", tags=["archive"])
audit_log = logging.getLogger("witness.web.audit")

LIMIT_DOC = f"page size, 1–{MAX_LIMIT}; larger values are refused with 400 page-size-limit (never clamped)"


def check_limit(limit: int) -> int:
    if limit > MAX_LIMIT:
        raise WebError(400, "page-size-limit", f"limit must be at most {MAX_LIMIT} (got {limit})")
    return limit


def archive(request: Request):
    return request.app.state.archive


def hit_json(h) -> dict:
    return {"id": h.id, "title": h.title, "authors": h.authors, "date": h.date,
            "periodical": h.periodical, "snippet": h.snippet, "score": h.score}


def paged(rows, limit: int, offset: int, item=lambda r: r) -> dict[str, Any]:
    """The envelope of every paged list: total, limit, offset and the page's results."""
    return {"total": len(rows), "limit": limit, "offset": offset,
            "results": [item(r) for r in rows[offset:offset + limit]]}


def facets_json(facets: dict) -> dict:
    return {name: [{"value": v, "count": n} for v, n in values] for name, values in facets.items()}


@router.get("/documents", summary="List documents, paged and filterable",
            description="Documents in date order. author and periodical match whole words "
                        "(case and accents ignored), as the search filters do.")
def list_documents(request: Request,
                         limit: int = Query(20, ge=1, description=LIMIT_DOC),
                         offset: int = Query(0, ge=0),
                         author: str | None = Query(None, max_length=200),
                         year_from: int | None = Query(None, ge=0, le=9999),
                         year_to: int | None = Query(None, ge=0, le=9999),
                         periodical: str | None = Query(None, max_length=200)) -> dict[str, Any]:
    check_limit(limit)
    from .pages import cached_search

    # A browse is a search without words: the store filters and orders; no index needed.
    found = cached_search(request, SearchQuery(q="", author=author, date_from=year_from, date_to=year_to,
                                         periodical=periodical, limit=limit, offset=offset))
    return {"total": found.total, "limit": limit, "offset": offset,
            "results": [{"id": h.id, "title": h.title, "authors": h.authors, "date": h.date,
                         "periodical": h.periodical} for h in found.hits]}


@router.get("/documents/{doc_id}", summary="One document, exactly the witness/1 document JSON")
def get_document(request: Request, doc_id: str,
                 version: int | None = Query(None, ge=1, le=2**31 - 1)) -> dict[str, Any]:
    # As curated; JSONResponse directly: the dict is already JSON-ready.
    return JSONResponse(archive(request).document_json(doc_id, version))


@router.get("/documents/{doc_id}/history", summary="Every stored version of a document")
def document_history(request: Request, doc_id: str) -> dict[str, Any]:
    return {"id": doc_id, "versions": [asdict(v) for v in archive(request).history(doc_id)]}


def build_query(q, author, year_from, year_to, periodical, person, has_findings, limit, offset,
                date_field=None):
    return SearchQuery(q=q or "", author=author, date_from=year_from, date_to=year_to,
                       periodical=periodical, person=person, has_findings=has_findings,
                       limit=limit, offset=offset, date_field=date_field)


@router.get("/search", summary="Full-text search with ranked, highlighted snippets",
            description="`snippet` marks matched words with « and ». A query that is exactly a "
                        "person's name in any recorded spelling also finds the documents that "
                        "mention that person (see `person`).")
def search(request: Request,
                 q: str = Query("", max_length=500),
                 author: str | None = Query(None, max_length=200),
                 year_from: int | None = Query(None, ge=0, le=9999),
                 year_to: int | None = Query(None, ge=0, le=9999),
                 periodical: str | None = Query(None, max_length=200),
                 person: str | None = Query(None, max_length=200, description="entity id"),
                 has_findings: bool | None = None,
                 date_field: Literal["published", "written"] | None = Query(
                     None, description="which date year_from/year_to read: `published` (first "
                                       "publication) or `written` (when written, else published); "
                                       "default: the best date the record has"),
                 limit: int = Query(20, ge=1, description=LIMIT_DOC),
                 offset: int = Query(0, ge=0, le=10000)) -> dict[str, Any]:
    check_limit(limit)
    if not q.strip() and not any((author, year_from, year_to, periodical, person, has_findings)):
        raise BadQuery("empty query", hint="pass q=words, or at least one filter")
    query = build_query(q, author, year_from, year_to, periodical, person, has_findings, limit, offset,
                        date_field)
    cache = request.app.state.api_cache
    key = (astuple(query), archive(request).generation())
    body = cache.get(key)
    if body is None:
        results, matched_person, _ = archive(request).search(query)
        out = {"query": q, "person": matched_person, "total": results.total, "limit": limit,
               "offset": offset, "results": [hit_json(h) for h in results.hits],
               "facets": facets_json(results.facets)}
        if results.note:
            out["note"] = results.note
        body = JSONResponse(out).body
        if not results.note:
            cache.put(key, body)
    return Response(body, media_type="application/json")


@router.get("/persons", summary="Persons, most mentioned first (paged)")
def list_persons(request: Request, limit: int = Query(50, ge=1, description=LIMIT_DOC),
                       offset: int = Query(0, ge=0)) -> dict[str, Any]:
    check_limit(limit)
    return paged(archive(request).persons(), limit, offset,
                 lambda p: {"id": p.id, "name": p.name, "documents": p.count})


def _person_or_404(request: Request, pid: str):
    view = archive(request).person_view(pid)
    if view is None:
        raise WebError(404, "not-found", f"no person with id {pid!r}")
    return view


@router.get("/persons/{pid}", summary="A person: names, life dates, documents, co-mentions, contradictions")
def get_person(request: Request, pid: str) -> dict[str, Any]:
    view = _person_or_404(request, pid)
    out = asdict(view)
    out.pop("timeline")
    out["timeline"] = f"/api/persons/{pid}/timeline"
    return JSONResponse(out)


@router.get("/persons/{pid}/timeline", summary="The person's claims across documents, in date order")
def get_timeline(request: Request, pid: str) -> dict[str, Any]:
    view = _person_or_404(request, pid)
    return JSONResponse({"id": pid, "timeline": [asdict(r) for r in view.timeline]})


@router.get("/contradictions", summary="Contradicting claims across the archive")
def contradictions(request: Request, limit: int = Query(50, ge=1, description=LIMIT_DOC),
                         offset: int = Query(0, ge=0)) -> dict[str, Any]:
    check_limit(limit)
    return paged(archive(request).contradiction_views(), limit, offset, asdict)


# -- curation (only mounted when a token is configured) ---------------------------------------
# Each request changes the archive at once, through the archive layer (the same calls as
# `witness entity …`), and is logged in the archive with who, when and why.
class Curated(BaseModel):
    note: str | None = Field(None, max_length=2000, description="why (kept in the curation log)")
    curator: str | None = Field(None, max_length=200, description="who (default: api@client address)")


class Merge(Curated):
    into: str = Field(..., max_length=200, description="entity id that survives")
    merge: list[str] = Field(..., min_length=1, max_length=50, description="entity ids merged into it")


class Split(Curated):
    new_id: str = Field(..., max_length=200, description="id of the new entity")
    names: list[str] = Field(..., min_length=1, max_length=50, description="surface forms that move to it")
    label: str | None = Field(None, max_length=300, description="its name (default: the first form)")


class Link(Curated):
    wikidata: str = Field(..., pattern=r"^Q[1-9][0-9]*$")


class Undo(Curated):
    pass


def authorize(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise WebError(401, "unauthorized", "curation needs Authorization: Bearer <token>",
                       headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode(), request.app.state.token.encode()):
        raise WebError(403, "forbidden", "the token is not valid for curation")
    return given


# Auth is a router dependency so it is decided before the body is validated (401 before 422).
curation_router = APIRouter(prefix="/api", tags=["curation"], dependencies=[Depends(authorize)])


def _who(request: Request, body: Curated) -> str:
    client = request.client.host if request.client else "unknown"
    return body.curator or f"api@{client}"


def _applied(request: Request, ops) -> dict[str, Any]:
    for cache in (request.app.state.search_cache, request.app.state.page_cache, request.app.state.api_cache):
        cache.clear()
    out = [op.to_json() for op in ops]
    for op in out:
        audit_log.info("curation #%s %s by %s: %s", op["seq"], op["op"], op["who"], op.get("why"))
    return {"status": "applied", "operations": out}


@curation_router.post("/entities/merge", summary="Merge entities (token required)")
def merge_entities(request: Request, body: Merge) -> dict[str, Any]:
    a, who = archive(request), _who(request, body)
    return _applied(request, [a.merge(body.into, drop, who=who, why=body.note) for drop in body.merge])


@curation_router.post("/entities/{eid}/split", summary="Split surface forms off an entity (token required)")
def split_entity(request: Request, eid: str, body: Split) -> dict[str, Any]:
    op = archive(request).split(eid, body.new_id, body.names, body.label, who=_who(request, body), why=body.note)
    return _applied(request, [op])


@curation_router.post("/entities/{eid}/link", summary="Link an entity to Wikidata (token required)")
def link_entity(request: Request, eid: str, body: Link) -> dict[str, Any]:
    op = archive(request).link(eid, body.wikidata, who=_who(request, body), why=body.note)
    return _applied(request, [op])


@curation_router.post("/curation/undo", summary="Undo the last curation operation (token required)")
def undo(request: Request, body: Undo) -> dict[str, Any]:
    return _applied(request, [archive(request).undo(who=_who(request, body), why=body.note)])


@router.get("/curation/log", summary="Every curation operation, oldest first")
def curation_log(request: Request, entity: str | None = Query(None, max_length=200)) -> dict[str, Any]:
    return {"operations": [op.to_json() for op in archive(request).curation_log(entity)]}
