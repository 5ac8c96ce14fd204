"""The JSON API under /api (schema at /openapi.json)."""

from __future__ import annotations

import hmac
import logging
from dataclasses import asdict, astuple
from datetime import datetime, timezone
from typing import Any

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


def views(request: Request):
    return request.app.state.views()


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
async def list_documents(request: Request,
                         limit: int = Query(20, ge=1, description=LIMIT_DOC),
                         offset: int = Query(0, ge=0),
                         author: str | None = Query(None, max_length=200),
                         year_from: int | None = Query(None, ge=0, le=9999),
                         year_to: int | None = Query(None, ge=0, le=9999),
                         periodical: str | None = Query(None, max_length=200)) -> dict[str, Any]:
    check_limit(limit)
    from .pages import _search

    # A browse is a search without words: the store filters and orders; no index needed.
    found = _search(request, SearchQuery(q="", author=author, date_from=year_from, date_to=year_to,
                                         periodical=periodical, limit=limit, offset=offset))
    return {"total": found.total, "limit": limit, "offset": offset,
            "results": [{"id": h.id, "title": h.title, "authors": h.authors, "date": h.date,
                         "periodical": h.periodical} for h in found.hits]}


@router.get("/documents/{doc_id}", summary="One document, exactly the witness/1 document JSON")
async def get_document(request: Request, doc_id: str,
                       version: int | None = Query(None, ge=1)) -> dict[str, Any]:
    store = request.app.state.store
    # JSONResponse directly: the dict is already JSON-ready, FastAPI's encoder pass is pure cost.
    return JSONResponse(store.get_document(doc_id, version).to_json())


@router.get("/documents/{doc_id}/history", summary="Every stored version of a document")
async def document_history(request: Request, doc_id: str) -> dict[str, Any]:
    store = request.app.state.store
    store.get_document(doc_id)      # NotFound → 404 envelope
    return {"id": doc_id, "versions": [asdict(v) for v in store.history(doc_id)]}


def build_query(q, author, year_from, year_to, periodical, person, has_findings, limit, offset):
    return SearchQuery(q=q or "", author=author, date_from=year_from, date_to=year_to,
                       periodical=periodical, person=person, has_findings=has_findings,
                       limit=limit, offset=offset)


@router.get("/search", summary="Full-text search with ranked, highlighted snippets",
            description="`snippet` marks matched words with « and ». A query that is exactly a "
                        "person's name in any recorded spelling also finds the documents that "
                        "mention that person (see `person`).")
async def search(request: Request,
                 q: str = Query("", max_length=500),
                 author: str | None = Query(None, max_length=200),
                 year_from: int | None = Query(None, ge=0, le=9999),
                 year_to: int | None = Query(None, ge=0, le=9999),
                 periodical: str | None = Query(None, max_length=200),
                 person: str | None = Query(None, max_length=200, description="entity id"),
                 has_findings: bool | None = None,
                 limit: int = Query(20, ge=1, description=LIMIT_DOC),
                 offset: int = Query(0, ge=0, le=10000)) -> dict[str, Any]:
    check_limit(limit)
    if not q.strip() and not any((author, year_from, year_to, periodical, person, has_findings)):
        raise BadQuery("empty query", hint="pass q=words, or at least one filter")
    from .pages import run_search

    query = build_query(q, author, year_from, year_to, periodical, person, has_findings, limit, offset)
    cache = request.app.state.api_cache
    key = (astuple(query), request.app.state.views_ready())   # person reading changes once ready
    body = cache.get(key)
    if body is None:
        results, matched_person, _ = run_search(request, query)
        body = JSONResponse({"query": q, "person": matched_person, "total": results.total, "limit": limit,
                             "offset": offset, "results": [hit_json(h) for h in results.hits],
                             "facets": facets_json(results.facets)}).body
        cache.put(key, body)
    return Response(body, media_type="application/json")


@router.get("/persons", summary="Persons, most mentioned first (paged)")
async def list_persons(request: Request, limit: int = Query(50, ge=1, description=LIMIT_DOC),
                       offset: int = Query(0, ge=0)) -> dict[str, Any]:
    check_limit(limit)
    return paged(views(request).persons(), limit, offset,
                 lambda p: {"id": p.id, "name": p.name, "documents": p.count})


def _person_or_404(request: Request, pid: str):
    view = views(request).person(pid)
    if view is None:
        raise WebError(404, "not-found", f"no person with id {pid!r}")
    return view


@router.get("/persons/{pid}", summary="A person: names, life dates, documents, co-mentions, contradictions")
async def get_person(request: Request, pid: str) -> dict[str, Any]:
    view = _person_or_404(request, pid)
    out = asdict(view)
    out.pop("timeline")
    out["timeline"] = f"/api/persons/{pid}/timeline"
    return JSONResponse(out)


@router.get("/persons/{pid}/timeline", summary="The person's claims across documents, in date order")
async def get_timeline(request: Request, pid: str) -> dict[str, Any]:
    view = _person_or_404(request, pid)
    return JSONResponse({"id": pid, "timeline": [asdict(r) for r in view.timeline]})


@router.get("/contradictions", summary="Contradicting claims across the archive")
async def contradictions(request: Request, limit: int = Query(50, ge=1, description=LIMIT_DOC),
                         offset: int = Query(0, ge=0)) -> dict[str, Any]:
    check_limit(limit)
    return paged(views(request).contradictions(), limit, offset, asdict)


# -- curation (only mounted when a token is configured) ---------------------------------------
class Merge(BaseModel):
    into: str = Field(..., max_length=200, description="entity id that survives")
    merge: list[str] = Field(..., min_length=1, max_length=50, description="entity ids merged into it")
    note: str | None = Field(None, max_length=2000)


class Link(BaseModel):
    wikidata: str | None = Field(None, pattern=r"^Q[0-9]+$")
    external: dict[str, str] = Field(default_factory=dict)
    note: str | None = Field(None, max_length=2000)


class Correction(BaseModel):
    document: str = Field(..., max_length=300)
    start: int = Field(..., ge=0)
    end: int = Field(..., ge=0)
    replacement: str = Field(..., max_length=10000)
    note: str | None = Field(None, max_length=2000)


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


def record(request: Request, kind: str, payload: dict) -> dict:
    """Keep the request in the audit trail and hand it to the hook that applies it, if any.

    The merge/link/correction logic belongs to the people worker; until their hook is
    registered in app.state.curation_hooks the request is recorded, not applied.
    """
    state = request.app.state
    entry = {"id": len(state.audit) + 1, "kind": kind, "payload": payload,
             "at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
             "client": request.client.host if request.client else None, "applied": False}
    hook = state.curation_hooks.get(kind)
    if hook is not None:
        hook(payload)
        entry["applied"] = True
        if state.index is not None:
            state.index.refresh()
        for cache in (state.search_cache, state.page_cache, state.api_cache):
            cache.clear()
    state.audit.append(entry)
    audit_log.info("curation %s #%d from %s: %s", kind, entry["id"], entry["client"], payload)
    return {"status": "applied" if entry["applied"] else "recorded", "audit": entry["id"],
            "kind": kind}


@curation_router.post("/entities/merge", status_code=202, summary="Merge entities (token required)")
async def merge_entities(request: Request, body: Merge) -> dict[str, Any]:
    return record(request, "merge", body.model_dump())


@curation_router.post("/entities/{eid}/link", status_code=202,
                      summary="Link an entity to an external authority (token required)")
async def link_entity(request: Request, eid: str, body: Link) -> dict[str, Any]:
    return record(request, "link", {"entity": eid, **body.model_dump()})


@curation_router.post("/corrections", status_code=202, summary="Propose a text correction (token required)")
async def correction(request: Request, body: Correction) -> dict[str, Any]:
    if body.end < body.start:
        raise WebError(400, "bad-request", "end must not be before start")
    request.app.state.store.get_document(body.document)     # 404 envelope for an unknown id
    return record(request, "correction", body.model_dump())
