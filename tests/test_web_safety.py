"""Safety through the real server: uvicorn on 127.0.0.1 (free port, in a thread), fetched with httpx."""

from __future__ import annotations

import inspect
import re
from html.parser import HTMLParser

import httpx
import pytest

from witness.web import create_app, serve
from witness.web.demo import build_demo_archive, running_server

pytestmark = pytest.mark.corpus


class Tags(HTMLParser):
    """Every element the browser would build from a page: (tag, attribute names)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[str]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, [name for name, _ in attrs]))


def assert_no_injected_markup(html: str) -> None:
    tags = Tags(html).tags
    assert [t for t, _ in tags if t == "script"] == ["script"]          # our own file, below
    assert re.findall(r"<script\b[^>]*>", html, re.I) == ['<script src="/static/app.js?v=1" defer>']
    assert not [t for t, _ in tags if t in ("img", "b", "i", "iframe", "object", "embed")]
    handlers = [(t, a) for t, names in tags for a in names if a.lower().startswith("on")]
    assert handlers == []                  # no element anywhere carries an event handler


@pytest.fixture(scope="module")
def base_url(corpus_root, tmp_path_factory):
    store = build_demo_archive(tmp_path_factory.mktemp("websafety") / "a.db", corpus_root)
    with running_server(create_app(store, token=None)) as url:
        yield url
    store.close()


def test_hostile_text_renders_as_text(base_url):
    resp = httpx.get(base_url + "/documents/demo-hostile")
    assert resp.status_code == 200
    html = resp.text
    # The only script element on the page is our own external file; no img/b, no handlers.
    assert_no_injected_markup(html)
    assert not re.search(r"<img\b", html, re.I)
    assert not re.search(r"<b\b", html, re.I)
    # Outside attribute values no tag carries an on…= handler (the escaped text may say it).
    outside_values = re.sub(r'"[^"]*"', '""', html)
    assert not re.search(r"<[a-z]+[^>]*\son(error|mouseover)=", outside_values, re.I)
    # …and the hostile words are there, visibly, as escaped text.
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html
    text = re.sub(r"<[^>]+>", "", html)        # the markup we add around spans, removed
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "<h1>On &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Safety</h1>" in html
    assert "Note text &lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt;" in html
    # The pipeline's own output about the hostile text — a mention inside <b …>, the rumor's
    # evidence, the stray-markup findings quoting the tags — is escaped as well.
    assert '<a class="mention m-person" href="/persons/yagoda-genrikh"' in html
    assert re.search(r'<mark class="evidence hedged c-rumored"', html)
    assert "&lt;b onmouseover=alert(2)&gt;" in html and "stray-markup" in html


@pytest.mark.parametrize("path,hostile", [
    ("/search?q=script", "&lt;script&gt;"),
    ("/persons/yagoda-genrikh", "On &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Safety"),
    ("/checks?rule=stray-markup", "&lt;img src=x onerror=alert(1)&gt;"),
    ("/", "On &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Safety"),
    ("/contradictions", None),
])
def test_hostile_strings_stay_escaped_everywhere(base_url, path, hostile):
    resp = httpx.get(base_url + path)
    assert resp.status_code == 200
    html = resp.text
    assert_no_injected_markup(html)
    assert not re.search(r"<img\b|<b\b|<i>", html, re.I)
    if hostile:                       # the hostile page is shown here, escaped
        assert hostile in html


def test_search_box_echo_is_escaped(base_url):
    html = httpx.get(base_url + "/search", params={"q": '"><script>alert(9)</script>'}).text
    assert "<script>alert(9)" not in html
    assert 'value="&#34;&gt;&lt;script&gt;alert(9)&lt;/script&gt;"' in html


def test_api_returns_the_text_verbatim_as_json(base_url):
    resp = httpx.get(base_url + "/api/documents/demo-hostile")
    assert resp.headers["content-type"] == "application/json"
    assert "<script>alert('xss')</script>" in resp.json()["text"]


@pytest.mark.parametrize("path", ["/", "/documents/demo-hostile", "/api/documents", "/api/nope", "/nope"])
def test_security_headers(base_url, path):
    resp = httpx.get(base_url + path)
    csp = resp.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "object-src 'none'" in csp
    assert resp.headers["x-content-type-options"] == "nosniff"


def test_request_size_limit_declared_and_chunked(base_url):
    big = b"x" * (2 * 1024 * 1024)
    resp = httpx.post(base_url + "/api/corrections", content=big)
    assert resp.status_code == 413 and resp.json()["error"]["code"] == "request-too-large"

    def chunks():
        for _ in range(40):
            yield b"y" * 65536

    resp = httpx.post(base_url + "/api/search", content=chunks())
    assert resp.status_code == 413 and resp.json()["error"]["code"] == "request-too-large"
    small = httpx.post(base_url + "/api/search", content=b"{}")
    assert small.status_code == 405          # under the limit: the route answers as usual


def test_curation_is_off_without_token(base_url):
    resp = httpx.post(base_url + "/api/entities/merge", json={"into": "a", "merge": ["b"]})
    assert resp.status_code == 404 and resp.json()["error"]["code"] == "not-found"


def test_curation_with_token_through_the_server(corpus_root, tmp_path):
    store = build_demo_archive(tmp_path / "t.db", corpus_root, pages=[])
    with running_server(create_app(store, token="tok-123")) as url:
        body = {"wikidata": "Q2395432"}
        link = url + "/api/entities/sosnovsky-lev/link"
        assert httpx.post(link, json=body).status_code == 401
        assert httpx.post(link, json=body, headers={"Authorization": "Bearer wrong"}).status_code == 403
        ok = httpx.post(link, json=body, headers={"Authorization": "Bearer tok-123"})
        assert ok.status_code == 200 and ok.json()["status"] == "applied"
        assert httpx.get(url + "/api/persons/sosnovsky-lev").json()["wikidata"] == "Q2395432"
    store.close()


def test_binds_loopback_by_default():
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"


def test_serve_runs_uvicorn_on_loopback(corpus_root, tmp_path):
    import os
    import socket
    import subprocess
    import sys
    import time
    from pathlib import Path

    store = build_demo_archive(tmp_path / "s.db", corpus_root, pages=["archive/serge/1937/08/yagoda.htm"])
    store.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    src = str(Path(__file__).resolve().parent.parent / "src")
    proc = subprocess.Popen([sys.executable, "-c", f"from witness.web import serve; serve({str(tmp_path / 's.db')!r}, "
                             f"port={port})"], env={**os.environ, "PYTHONPATH": src},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                resp = httpx.get(f"http://127.0.0.1:{port}/api/documents/serge-1937-08-yagoda", timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and proc.poll() is None, "serve() did not come up"
                time.sleep(0.1)
        assert resp.status_code == 200 and resp.json()["id"] == "serge-1937-08-yagoda"
        assert httpx.get(f"http://127.0.0.1:{port}/persons/sosnovsky-lev").status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_a_blocked_store_call_does_not_hold_up_other_requests(corpus_root, tmp_path):
    """Issue 17: handlers run store calls off the event loop.  A person page whose store
    call is stuck (here: waiting on an event) must not stop the static files, documents or
    search from being answered meanwhile."""
    import threading

    from witness.archive import Archive

    store = build_demo_archive(tmp_path / "b.db", corpus_root, pages=["archive/serge/1937/08/yagoda.htm"])
    archive = Archive(store)
    release, entered = threading.Event(), threading.Event()
    plain = archive.person_view

    def stuck(pid, **kw):
        entered.set()
        release.wait(60)
        return plain(pid, **kw)

    archive.person_view = stuck
    with running_server(create_app(archive)) as url:
        slow = {}
        t = threading.Thread(target=lambda: slow.update(r=httpx.get(url + "/persons/sosnovsky-lev", timeout=90)))
        t.start()
        assert entered.wait(30)
        try:
            for path in ("/static/style.css", "/api/documents/serge-1937-08-yagoda", "/api/search?q=Kronstadt"):
                assert httpx.get(url + path, timeout=15).status_code == 200, path
            assert t.is_alive()                  # the stuck request is still waiting
        finally:
            release.set()
            t.join(60)
        assert slow["r"].status_code == 200
    store.close()
