"""One error envelope for every failure: {"error": {"status", "code", "message"}}.

API paths (/api/…, /openapi.json) get the JSON envelope; every other path gets an HTML
page carrying the same status, code and message.  FastAPI's default 422 body and
Starlette's plain-text 404/405/500 are all replaced here.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import WitnessError

log = logging.getLogger("witness.web")

CODES = {400: "bad-request", 401: "unauthorized", 403: "forbidden", 404: "not-found",
         405: "method-not-allowed", 413: "request-too-large", 422: "invalid-request",
         500: "internal-error"}


class WebError(Exception):
    """An error raised by a route with an explicit code (e.g. page-size-limit)."""

    def __init__(self, status: int, code: str, message: str, headers: dict | None = None):
        self.status, self.code, self.message, self.headers = status, code, message, headers
        super().__init__(message)


def envelope(status: int, code: str, message: str, hint: str | None = None) -> dict:
    err = {"status": status, "code": code, "message": message}
    if hint:
        err["hint"] = hint
    return {"error": err}


def wants_json(path: str) -> bool:
    return path.startswith("/api/") or path == "/api" or path == "/openapi.json"


def error_response(request: Request, status: int, code: str, message: str, *,
                   hint: str | None = None, headers: dict | None = None):
    if wants_json(request.url.path):
        return JSONResponse(envelope(status, code, message, hint), status_code=status, headers=headers)
    templates = request.app.state.templates
    html = templates.get_template("error.html").render(
        request=request, status=status, code=code, message=message, query="",
        hint=None if hint and "`" in hint else hint,     # a command-line hint means nothing here
        kind=_page_kind(request.url.path), words=_words_of(request.url.path))
    return HTMLResponse(html, status_code=status, headers=headers)


def _page_kind(path: str) -> str:
    """What the reader was looking for, from the address."""
    for prefix, kind in (("/documents/", "document"), ("/persons/", "person")):
        if path.startswith(prefix):
            return kind
    return "page"


def _words_of(path: str) -> str:
    """Words of the address's last part, to search for instead ("serge-1937-08-yagoda" →
    "serge yagoda"): a renamed document is usually found by them."""
    last = unquote(path.rstrip("/").rsplit("/", 1)[-1])
    words = [w for w in re.split(r"[\W_]+", last) if w and not w.isdigit() and len(w) > 1]
    return " ".join(words[:8])[:100]


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        code = CODES.get(exc.status_code, f"http-{exc.status_code}")
        message = exc.detail if isinstance(exc.detail, str) else code
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page or endpoint at {request.url.path}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return error_response(request, exc.status_code, code, message,
                              headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        return error_response(request, 422, "invalid-request", _validation_message(exc),
                              hint="see /openapi.json for the parameters this endpoint takes")

    @app.exception_handler(WebError)
    async def web_error(request: Request, exc: WebError):
        return error_response(request, exc.status, exc.code, exc.message, headers=exc.headers)

    @app.exception_handler(WitnessError)
    async def witness_error(request: Request, exc: WitnessError):
        if exc.status >= 500:
            log.error("store failure on %s: %s", request.url.path, exc)
            return error_response(request, exc.status, exc.code, "the archive could not answer",
                                  hint="try again; if it persists, check the server log")
        return error_response(request, exc.status, exc.code, exc.message, hint=exc.hint)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception):
        # Details go to the log, never to the client.
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(request, 500, "internal-error", "internal server error",
                              hint="the error was logged on the server")
