"""The reading room application: `create_app(store)` and `serve(db_path)`."""

from __future__ import annotations

import gc
import importlib.util
import logging
import os
import threading
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.requests import Request

from . import errors, render

HERE = Path(__file__).resolve().parent
# Swagger UI's files ship in the fastapi-offline package: /docs works without a network.
DOCS_ASSETS = Path(importlib.util.find_spec("fastapi_offline").origin).parent / "static"
MAX_BODY = 1024 * 1024          # bytes; larger request bodies get 413

log = logging.getLogger("witness.web")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class Guard:
    """Pure ASGI middleware: body-size limit, security headers, and a last-resort 500.

    It sits outside FastAPI's routing so a 413 is answered before any endpoint reads the
    body, and inside Starlette's ServerErrorMiddleware so crashes get the envelope and the
    security headers too.
    """

    def __init__(self, app, fastapi_app: FastAPI, max_body: int) -> None:
        self.app, self.fastapi_app, self.max_body = app, fastapi_app, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                have = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in have]
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        request = Request(scope)
        length = request.headers.get("content-length")
        if length is not None:
            if not length.isdigit() or int(length) > self.max_body:
                return await self._reject(scope, receive, send_with_headers)
        elif request.headers.get("transfer-encoding", "").lower() == "chunked":
            # No declared length: read up to the limit, then replay the body to the app.
            chunks, size, more = [], 0, True
            while more:
                msg = await receive()
                if msg["type"] != "http.request":
                    break
                chunks.append(msg.get("body", b""))
                size += len(chunks[-1])
                more = msg.get("more_body", False)
                if size > self.max_body:
                    return await self._reject(scope, receive, send_with_headers)
            body = b"".join(chunks)
            done = False

            async def receive():  # noqa: F811 - the replaying receive
                nonlocal done
                if done:
                    return {"type": "http.disconnect"}
                done = True
                return {"type": "http.request", "body": body, "more_body": False}
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            response = errors.error_response(Request(scope), 500, "internal-error",
                                             "internal server error",
                                             hint="the error was logged on the server")
            await response(scope, receive, send_with_headers)

    async def _reject(self, scope, receive, send):
        request = Request(scope)
        request.scope["app"] = self.fastapi_app
        response = errors.error_response(
            request, 413, "request-too-large",
            f"request body larger than {self.max_body} bytes", headers={"connection": "close"})
        await response(scope, receive, send)


def create_app(store, *, token: str | None = None, max_body: int = MAX_BODY, name_lookup=None,
               authority=None) -> FastAPI:
    """The reading room over `store` (a witness.store.base.Store, or an Archive over one).

    token: enables the curation endpoints (else WITNESS_TOKEN; absent → they do not exist).
    name_lookup: optional callable(name) -> person entity id | None, tried when a search for a
    plain name matches no recorded spelling (e.g. the authority file's transliteration and
    fuzzy resolve: "Trotzki" → trotsky-leon).

    Handlers are plain `def` functions: FastAPI runs them in its thread pool, so a slow
    store call never holds up the event loop (static files, other requests).
    """
    from ..archive import Archive
    from . import api, pages, verdicts

    if token is None:
        token = os.environ.get("WITNESS_TOKEN") or None
    archive = store if isinstance(store, Archive) else Archive(store, authority, name_lookup=name_lookup)
    app = FastAPI(title="Witness reading room", version="1",
                  description="JSON API of the Witness archive. Every error has the shape "
                              '{"error": {"status", "code", "message"}}.',
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.archive = archive
    app.state.store = archive.store
    app.state.token = token
    app.state.search_cache = pages.SearchCache(512, ttl=60.0)
    app.state.page_cache = pages.TTLCache(2048, ttl=300.0)   # keyed by the archive's generation
    app.state.api_cache = pages.TTLCache(512, ttl=60.0)      # encoded /api/search answers
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.state.templates.env.globals["asset_version"] = "1"
    # Listings put titles and names in <bdi>; every other value printed is isolated as text.
    app.state.templates.env.finalize = render.isolated
    errors.install(app)
    app.include_router(api.router)
    if token:
        app.include_router(api.curation_router)
    app.include_router(verdicts.api_router)
    app.include_router(pages.router)
    app.include_router(verdicts.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.mount("/docs-assets", StaticFiles(directory=str(DOCS_ASSETS)), name="docs-assets")
    app.add_middleware(Guard, fastapi_app=app, max_body=max_body)
    # The person pages' contradictions ask who the archive gives each bare surname to: built
    # here in the background (a request arriving first waits for this one build, not its own).
    threading.Thread(target=_prepare, args=(archive,), name="witness-surnames", daemon=True).start()
    return app


def _prepare(archive) -> None:
    """Warm the archive's per-generation tables; a failure here is only a cold first request
    (which then says what went wrong itself)."""
    try:
        archive.people.surnames()
    except Exception:
        logging.getLogger("witness.web").debug("warming the surname table failed", exc_info=True)


class IndexFollower:
    """Keeps the search side index of a serving process following the archive: other
    processes (an ingest, another server's curation) write, this thread catches up, so no
    reader's search ever does the catching up itself."""

    def __init__(self, store, every: float = 2.0) -> None:
        self.store, self.every = store, every
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="witness-index-follower", daemon=True)

    def start(self) -> "IndexFollower":
        self.thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.store.sync_index()
            except Exception:          # logged, never fatal: search still answers (with a note)
                log.exception("search index catch-up failed")
            self._stop.wait(self.every)

    def stop(self) -> None:
        self._stop.set()


def tune_gc() -> None:
    """Garbage-collector settings for a serving process (call once the app is built).

    A page allocates thousands of small objects (a document's mentions, a timeline's rows),
    so the default thresholds ran a full collection every few requests, each walking every
    object the process holds — pauses of tens of ms that every queued reader waited out.
    Objects alive at start-up are frozen out of collection, and young collections run less
    often (bench/web.py: document page p95 78–97 → 53 ms with 20 clients)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def app_from_env() -> FastAPI:
    """uvicorn factory for multi-process serving: the archive path comes from WITNESS_DB."""
    from ..store import open_store

    app = create_app(open_store(os.environ["WITNESS_DB"]), name_lookup=authority_lookup())
    IndexFollower(app.state.store).start()
    tune_gc()
    return app


def authority_lookup():
    """name → person id through the authority file's resolve (transliterations, fuzzy)."""
    from ..authority import load

    return lambda q: (c := load().resolve(q, type="person")) and c.id


def serve(db_path, host: str = "127.0.0.1", port: int = 8000, *, token: str | None = None,
          workers: int = 1) -> None:
    """Serve the archive at db_path with uvicorn (loopback only unless host says otherwise).

    workers > 1 runs that many processes (each opens the archive and keeps its own caches).
    """
    import uvicorn

    log.info("serving %s on http://%s:%d", db_path, host, port)
    if workers > 1:
        os.environ["WITNESS_DB"] = str(db_path)
        if token:
            os.environ["WITNESS_TOKEN"] = token
        uvicorn.run("witness.web.app:app_from_env", factory=True, host=host, port=port,
                    workers=workers, log_level="info")
        return
    from ..store import open_store

    app = create_app(open_store(db_path), token=token, name_lookup=authority_lookup())
    IndexFollower(app.state.store).start()
    tune_gc()
    uvicorn.run(app, host=host, port=port, log_level="info")
