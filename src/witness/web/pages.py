"""The server-rendered HTML pages (no JavaScript needed)."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import astuple, replace
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..errors import BadQuery
from ..model import HEDGED
from ..archive.views import fold
from ..store.base import SearchQuery, SearchResults
from . import proofreading, reading, render
from .errors import WebError

router = APIRouter(include_in_schema=False)
PER_PAGE = 20
MAX_OFFSET = 10_000
LIST_PAGE = 50

FACET_LABELS = {"author": "Author", "authors": "Author", "decade": "Decade", "year": "Year",
                "periodical": "Periodical", "person": "Person mentioned", "persons": "Person mentioned",
                "has_findings": "Findings", "has-findings": "Findings",
                "persons_here": "Persons in these results"}


def page(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    from .verdicts import signed_in
    templates = request.app.state.templates
    html = templates.get_template(template).render(request=request, curator=signed_in(request),
                                                   curation=bool(request.app.state.token), **context)
    return HTMLResponse(html, status_code=status)


def paginate(request: Request, rows, per_page: int) -> tuple[list, int, int, int]:
    """(the rows of the asked page, its number, how many pages, index of its first row); a
    page past the end shows the last one, a typo the first."""
    pages = max(1, (len(rows) + per_page - 1) // per_page)
    pageno = min(_int(request.query_params.get("page"), 1, 1, 10**6), pages)
    first = (pageno - 1) * per_page
    return rows[first:first + per_page], pageno, pages, first


def _int(value: str | None, default: int | None = None, lo: int = 0, hi: int = 10**9) -> int | None:
    """Lenient parsing for HTML forms: a reader's typo falls back to the default, not an error."""
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return min(max(n, lo), hi)


class TTLCache:
    """A small LRU of recent answers that expire after `ttl` seconds.

    Readers page back and forth and the same queries come again and again; entries are
    short-lived because an ingest in another process does not tell us it wrote."""

    def __init__(self, size: int = 512, ttl: float = 60.0) -> None:
        self.size, self.ttl, self.items = size, ttl, OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            hit = self.items.get(key)
            if hit and time.monotonic() - hit[0] < self.ttl:
                self.items.move_to_end(key)
                return hit[1]
        return None

    def put(self, key, value) -> None:
        with self.lock:
            self.items[key] = (time.monotonic(), value)
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.items.clear()


class SearchCache(TTLCache):
    def search(self, store, query: SearchQuery) -> SearchResults:
        key = astuple(query)
        results = self.get(key)
        if results is None:
            results = store.search(query)          # BadQuery propagates, and is not cached
            self.put(key, results)
        return results


def cached_search(request: Request, query: SearchQuery) -> SearchResults:
    return request.app.state.search_cache.search(request.app.state.store, query)


def extra_facets(request: Request, query: SearchQuery, results: SearchResults) -> dict:
    """Facets the store does not compute: has-findings (one count query) and the persons
    mentioned in the shown results (from the index)."""
    facets = dict(results.facets)
    if "has_findings" not in facets and query.has_findings is None and results.total:
        with_findings = cached_search(request, replace(query, has_findings=True, limit=0, offset=0)).total
        facets["has_findings"] = [(v, n) for v, n in (("1", with_findings),
                                                      ("0", results.total - with_findings)) if n]
    if "person" not in facets and not query.person:
        persons = request.app.state.archive.persons_in([h.id for h in results.hits])
        if persons:
            facets["persons_here"] = persons[:12]
    return facets


def _facet_link(base: dict, name: str, value) -> str | None:
    params = dict(base)
    params.pop("page", None)
    if name in ("author", "authors"):
        params["author"] = value
    elif name in ("periodical",):
        params["periodical"] = value
    elif name in ("person", "persons", "persons_here"):
        params["person"] = value
    elif name == "decade":
        y = _int(str(value).rstrip("s"))
        if y is None:
            return None
        params["year_from"], params["year_to"] = y, y + 9
    elif name == "year":
        params["year_from"] = params["year_to"] = value
    elif name in ("has_findings", "has-findings"):
        params["has_findings"] = "1" if str(value).lower() in ("1", "true", "yes") else "0"
    else:
        return None
    return "/search?" + urlencode({k: v for k, v in params.items() if v not in (None, "")})


def _facet_label(views, name: str, value) -> str:
    if name in ("person", "persons", "persons_here"):
        return views.person_name(str(value)) or str(value)
    if name in ("has_findings", "has-findings"):
        return "with findings" if str(value).lower() in ("1", "true", "yes") else "without findings"
    if name == "decade" and not str(value).endswith("s"):
        return f"{value}s"
    return str(value)


def cached_page(request: Request, key, render) -> HTMLResponse:
    """Pages computed only from the archive are rendered once per archive generation, so
    a write by any process (an ingest, a curation) shows at once.  Who is signed in is part of
    the key: their name and forms are on the page."""
    from .verdicts import signed_in
    cache = request.app.state.page_cache
    full = (request.app.state.archive.generation(), signed_in(request), key)
    html = cache.get(full)
    if html is None:
        response = render()
        if response.status_code == 200:
            cache.put(full, response.body)
        return response
    return HTMLResponse(html)


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    def render():
        ov = request.app.state.archive.overview()
        peak = max((n for _, n in ov.histogram), default=0)
        return page(request, "home.html", ov=ov, peak=peak, query="")

    return cached_page(request, "/", render)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request):
    p = request.query_params
    q = (p.get("q") or "")[:500]
    filters = {
        "author": (p.get("author") or "")[:200] or None,
        "periodical": (p.get("periodical") or "")[:200] or None,
        "person": (p.get("person") or "")[:200] or None,
        "year_from": _int(p.get("year_from"), None, 0, 9999),
        "year_to": _int(p.get("year_to"), None, 0, 9999),
    }
    hf = (p.get("has_findings") or "").lower()
    has_findings = True if hf in ("1", "true", "yes", "on") else False if hf in ("0", "false", "no") else None
    pageno = _int(p.get("page"), 1, 1, MAX_OFFSET // PER_PAGE)
    base = {"q": q, **filters, "has_findings": {True: "1", False: "0"}.get(has_findings)}
    base = {k: v for k, v in base.items() if v not in (None, "")}
    views = request.app.state.archive
    ctx = dict(hint=None, query=q, filters=filters, has_findings=has_findings, base=base, results=None,
               problem=None, person=None, pageno=pageno, pages=0, facets=[])
    if not q.strip() and not any(v is not None for v in filters.values()) and has_findings is None:
        return page(request, "search.html", **ctx)
    query = SearchQuery(q=q, author=filters["author"], date_from=filters["year_from"],
                        date_to=filters["year_to"], periodical=filters["periodical"],
                        person=filters["person"], has_findings=has_findings, limit=PER_PAGE,
                        offset=(pageno - 1) * PER_PAGE)
    try:
        results, pid, ran = views.search(query)
        all_facets = extra_facets(request, ran, results)
    except BadQuery as exc:
        ctx["problem"] = exc.message
        ctx["hint"] = exc.hint
        return page(request, "search.html", **ctx)
    facets = []
    for name, values in all_facets.items():
        items = []
        for value, count in values[:12]:
            href = _facet_link(base, name, value)
            if href:
                items.append((_facet_label(views, name, value), count, href))
        if items:
            facets.append((FACET_LABELS.get(name, name.replace("_", " ").title()), items))
    pages = min((results.total + PER_PAGE - 1) // PER_PAGE, MAX_OFFSET // PER_PAGE)

    def link(n):
        return "/search?" + urlencode({**base, "page": n})

    ctx.update(results=results, pages=pages, facets=facets, link=link,
               person=(pid, views.person_name(pid)) if pid else None,
               filter_person=views.person_name(filters["person"]) if filters["person"] else None,
               snippet=render.snippet_html, note=results.note)
    return page(request, "search.html", **ctx)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str):
    archive = request.app.state.archive
    version = _int(request.query_params.get("version"), None, 1, 2**31 - 1)
    doc = archive.document(doc_id, version)          # as curated: the person pages' ids
    if doc.id != doc_id:        # an old id (store/identity.py): the permalink moved here
        query = request.url.query
        return RedirectResponse(f"/documents/{quote(doc.id)}" + (f"?{query}" if query else ""), 301)
    history = archive.history(doc.id)
    names = {e.id: e for e in doc.entities}
    claims = []
    for i, c in enumerate(doc.claims):
        subject = names.get(c.subject)
        claims.append({"i": i, "c": c, "hedged": c.certainty in HEDGED,
                       "subject": subject.name if subject else c.subject,
                       "quote": doc.text[c.evidence.start:c.evidence.end]})
    show = request.query_params.get("findings") in ("1", "on", "true")
    view = reading.view_of(request.query_params.get("view"))
    findings = [(d, reading.excerpt(doc.text, d.finding.start, d.finding.end))
                for d in archive.document_findings(doc)] if not version else []
    persons = sorted({m.entity for m in doc.mentions if m.type == "person" and m.entity})
    briefs = archive.store.duplicates.briefs(doc.same_text_as) if doc.same_text_as else {}
    same_text = [briefs.get(i, {"id": i}) for i in doc.same_text_as]
    from ..creators import byline
    return page(request, "document.html", doc=doc, same_text=same_text, byline=byline(doc.record),
                rec=doc.record, rows=reading.reading_rows(doc), view=view,
                history=history, claims=claims, names=names, persons=persons,
                chicago=render.chicago(doc), bibtex=render.bibtex(doc), csl=render.csl_json(doc),
                original=render.mia_url(doc),
                show_findings=show, version=version, findings=findings,
                here=str(request.url.path) + (f"?{request.url.query}" if request.url.query else ""), query="")


TIMELINE_PAGE = 100      # claims per page of a person's timeline (Trotsky has ~2,000)


@router.get("/persons/{pid}", response_class=HTMLResponse)
def person(request: Request, pid: str):
    def render():
        view = request.app.state.archive.person_view(pid)
        if view is None:
            raise WebError(404, "not-found", f"no person with id {pid!r} in this archive")
        rows, pageno, pages, first = paginate(request, view.timeline, TIMELINE_PAGE)
        return page(request, "person.html", p=view, query="", rows=rows, first=first, pageno=pageno,
                    pages=pages)

    return cached_page(request, ("person", pid, _int(request.query_params.get("page"), 1, 1, 10**6)), render)


@router.get("/contradictions", response_class=HTMLResponse)
def contradictions(request: Request):
    from ..verdicts import CAUSES
    p = request.query_params
    every = request.app.state.archive.contradiction_views()      # most contested first
    person = (p.get("person") or "").strip()[:200]
    event = (p.get("event") or "").strip()[:50]
    kind = (p.get("kind") or "").strip()[:50]
    show_artefacts = p.get("artefacts") in ("1", "on", "true")
    wanted = fold(person) if person else ""
    matching = [c for c in every
                if (not person or c.entity == person or wanted in fold(c.entity_name))
                and (not event or _event(c) == event) and (not kind or c.kind == kind)]
    artefacts = [c for c in matching if c.verdict is not None and c.verdict.verdict == "artefact"]
    rows = matching if show_artefacts else [c for c in matching if c not in artefacts]
    shown, pageno, pages, first = paginate(request, rows, LIST_PAGE)
    base = {k: v for k, v in (("person", person), ("event", event), ("kind", kind),
                              ("artefacts", "1" if show_artefacts else "")) if v}

    def link(n, **change):
        return "/contradictions?" + urlencode({**base, **change, "page": n} if n else {**base, **change})

    here = link(pageno)
    return page(request, "contradictions.html", rows=shown, total=len(matching), artefacts=len(artefacts),
                real=sum(1 for c in matching if c.verdict is not None and c.verdict.verdict == "real"),
                everything=len(every), person=person, event=event, kind=kind, show_artefacts=show_artefacts,
                kinds=sorted({c.kind for c in every}), events=sorted({_event(c) for c in every}),
                pageno=pageno, pages=pages, first=first, link=link, here=here, causes=CAUSES, query="")


def _event(c) -> str:
    """What a contradiction is about: the event the sources agree or disagree on."""
    return c.event


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    return page(request, "api_docs.html", query="")


@router.get("/checks", response_class=HTMLResponse)
def checks(request: Request):
    archive = request.app.state.archive
    rule = request.query_params.get("rule")
    judged_too = request.query_params.get("judged") in ("1", "on", "true")
    rules = proofreading.rule_summaries(archive.finding_rules(), archive.verdicts_by_rule())
    current = next((r for r in rules if r.rule == rule), None)
    groups, pages, pageno, total, judged, documents = [], 1, 1, 0, 0, 0
    if rule:
        found = archive.findings_for(rule)
        rows = found.bare()
        total = len(rows)
        judged = sum(1 for r in rows if r.verdict is not None)
        every = proofreading.group_by_document(rows, judged_too=judged_too)
        documents = len(every)
        groups, pageno, pages, _ = paginate(request, every, proofreading.DOCS_PER_PAGE)
        found.suggest([row for g in groups for row in g.shown])
    else:
        total = sum(r.count for r in rules)
        judged = sum(r.count - r.open for r in rules)
    base = {"rule": rule, **({"judged": "1"} if judged_too else {})}

    def link(n):
        return "/checks?" + urlencode({**base, "page": n})

    here = "/checks?" + urlencode({**base, "page": pageno}) if rule else "/checks"
    return page(request, "checks.html", rules=rules, rule=rule, current=current, groups=groups,
                total=total, judged=judged, documents=documents, judged_too=judged_too, pageno=pageno,
                pages=pages, link=link, here=here, query="")
