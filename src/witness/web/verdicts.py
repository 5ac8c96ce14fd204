"""Volunteers and curators judging findings and contradictions in the reading room.

Signing in takes the server's curation token (WITNESS_TOKEN) and a name; the browser keeps a
cookie holding the name and an HMAC of it under the token (HttpOnly, SameSite=Strict), never
the token itself.  The forms on /checks, document pages and /contradictions then post to
/verdicts, which records the verdict through the archive layer (logged with who and when)
and sends the reader back to where they were.  Scripts use the JSON API with the token as a
Bearer header.  Without a token the reading room is read-only and these routes say so.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel, Field

from ..verdicts import CAUSES, LABELS, VERDICTS
from .errors import WebError

COOKIE = "witness_curator"
MAX_AGE = 30 * 24 * 3600

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api", tags=["verdicts"])


# -- the session cookie ---------------------------------------------------------------------
def _sign(token: str, who: str) -> str:
    return hmac.new(token.encode(), b"witness-curator\x00" + who.encode(), hashlib.sha256).hexdigest()


def cookie_value(token: str, who: str) -> str:
    name = base64.urlsafe_b64encode(who.encode()).decode().rstrip("=")
    return f"{name}.{_sign(token, who)}"


def signed_in(request: Request) -> str | None:
    """The name of the signed-in volunteer or curator, or None."""
    token = request.app.state.token
    raw = request.cookies.get(COOKIE)
    if not token or not raw or "." not in raw:
        return None
    name, _, mac = raw.rpartition(".")
    try:
        who = base64.urlsafe_b64decode(name + "=" * (-len(name) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    return who if hmac.compare_digest(mac, _sign(token, who)) else None


def _back(value: str | None, fallback: str = "/checks") -> str:
    """Where to send the reader after a form: a path on this site only."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return fallback
    parts = urlsplit(value)
    return value if not parts.scheme and not parts.netloc else fallback


def _same_origin(request: Request) -> None:
    """Forms are posted from this site's own pages (with SameSite=Strict, a second guard)."""
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        raise WebError(403, "forbidden", "this form was posted from another site")


def _changed(request: Request) -> None:
    for cache in (request.app.state.search_cache, request.app.state.page_cache, request.app.state.api_cache):
        cache.clear()


# -- pages and forms ------------------------------------------------------------------------
@router.get("/sign-in", response_class=HTMLResponse)
def sign_in_page(request: Request):
    from .pages import page
    return page(request, "sign_in.html", back=_back(request.query_params.get("back")), problem=None,
                enabled=bool(request.app.state.token), query="")


@router.post("/sign-in")
def sign_in(request: Request, token: str = Form("", max_length=500), name: str = Form("", max_length=100),
            back: str = Form("/checks", max_length=2000)):
    from .pages import page
    _same_origin(request)
    configured = request.app.state.token
    who = " ".join(name.split())
    problem = None
    if not configured:
        problem = "This reading room has no curation token, so nobody can sign in."
    elif not who:
        problem = "Please give your name: it is kept with every verdict you give."
    elif not hmac.compare_digest(token.strip().encode(), configured.encode()):
        problem = "That token is not the one this reading room was started with."
    if problem:
        return page(request, "sign_in.html", status=403 if configured and who else 400, back=_back(back),
                    problem=problem, enabled=bool(configured), query="")
    response = RedirectResponse(_back(back), status_code=303)
    response.set_cookie(COOKIE, cookie_value(configured, who), max_age=MAX_AGE, httponly=True,
                        samesite="strict", secure=request.url.scheme == "https", path="/")
    return response


@router.post("/sign-out")
def sign_out(request: Request, back: str = Form("/", max_length=2000)):
    _same_origin(request)
    response = RedirectResponse(_back(back, "/"), status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


@router.post("/verdicts")
def verdict_form(request: Request, key: str = Form(..., max_length=300), verdict: str = Form(..., max_length=40),
                 note: str = Form("", max_length=2000), cause: str = Form("", max_length=40),
                 back: str = Form("/checks", max_length=2000)):
    """A verdict from a form in the reading room (signed in); "clear" withdraws one."""
    _same_origin(request)
    who = signed_in(request)
    if who is None:
        raise WebError(401, "unauthorized", "sign in to give verdicts")
    archive = request.app.state.archive
    if verdict == "clear":
        archive.unjudge(key, who=who, note=note.strip() or None)
    else:
        archive.judge(key, verdict, who=who, note=note.strip() or None,
                      cause=(cause or None) if verdict == "artefact" else None)
    _changed(request)
    return RedirectResponse(_back(back), status_code=303)


# -- the JSON API ---------------------------------------------------------------------------
class VerdictIn(BaseModel):
    ref: str = Field(..., max_length=300, description="a key, a unique prefix of one (6+), or DOC#N for a finding")
    verdict: str = Field(..., description="not-an-error | fixed (findings); artefact | real (contradictions)")
    cause: str | None = Field(None, description=f"an artefact's cause: {', '.join(CAUSES)}")
    note: str | None = Field(None, max_length=2000)
    curator: str | None = Field(None, max_length=200, description="who (default: api@client address)")


class ClearIn(BaseModel):
    note: str | None = Field(None, max_length=2000)
    curator: str | None = Field(None, max_length=200)


def _authorize(request: Request) -> None:
    from .api import authorize
    if not request.app.state.token:
        raise WebError(404, "not-found", "this server takes no verdicts (it was started without a token)")
    authorize(request)


def _who(request: Request, given: str | None) -> str:
    return given or f"api@{request.client.host if request.client else 'unknown'}"


@api_router.get("/verdicts", summary="The verdicts in force on findings and contradictions, newest first")
def list_verdicts(request: Request, kind: str | None = Query(None, pattern="^(finding|contradiction)$")) -> dict[str, Any]:
    return {"verdicts": [v.to_json() for v in request.app.state.store.verdicts.all(kind)],
            "values": {k: list(v) for k, v in VERDICTS.items()}, "causes": CAUSES}


@api_router.get("/verdicts/log", summary="Every verdict given or withdrawn, oldest first")
def verdict_log(request: Request) -> dict[str, Any]:
    return {"log": [e.to_json() for e in request.app.state.store.verdicts.log()]}


@api_router.post("/verdicts", summary="Mark a finding or a contradiction (token required)",
                 dependencies=[Depends(_authorize)])
def give_verdict(request: Request, body: VerdictIn) -> dict[str, Any]:
    v = request.app.state.archive.judge(body.ref, body.verdict, who=_who(request, body.curator),
                                        note=body.note, cause=body.cause)
    _changed(request)
    return {"status": "applied", "verdict": v.to_json(), "label": LABELS.get(v.verdict, v.verdict)}


@api_router.post("/verdicts/{key}/clear", summary="Withdraw a verdict (token required)",
                 dependencies=[Depends(_authorize)])
def clear_verdict(request: Request, key: str, body: ClearIn) -> dict[str, Any]:
    v = request.app.state.archive.unjudge(key, who=_who(request, body.curator), note=body.note)
    _changed(request)
    return {"status": "applied", "cleared": v.to_json()}
