"""A small annotated archive for the reading room's tests, screenshots and demos.

Twelve real corpus pages are read with the reader chain, and three hand-written documents
add a denial and a dated contradiction about one man's fate and a hostile page.  Every
document then goes through the real annotation pipeline (`witness.annotate.annotate_many`:
names and linking, claims, the checks), so what the reading room shows is what an ingest
would store: nothing here marks a person or a claim by hand.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

from ..annotate import annotate, annotate_many
from ..model import Document, Note, Record, Source

__all__ = ["PAGES", "annotate", "build_demo_archive", "demo_documents", "hostile_document",
           "running_server", "synthetic_documents"]

PAGES = [
    "archive/serge/1937/08/yagoda.htm",
    "archive/serge/1937/03/twenty-years.htm",
    "archive/serge/1938/02/sedov.htm",
    "archive/serge/1938/01/hangman.htm",
    "archive/trotsky/1937/1937-ultra.htm",
    "archive/mandel/1988/bukharin_rehabilitation.htm",
    "archive/harman/1983/06/bukharin.htm",
    "archive/serge/1937/10/envoy.htm",
    "archive/serge/1937/10/barbaric.htm",
    "archive/serge/1938/04/kronstadt.htm",
    "archive/serge/1937/12/diary2.htm",
    "archive/serge/1937/06/02.htm",
]

# Written so the real stages find, about Lev Sosnovsky: a denial of his execution and a
# report of his imprisonment after it (demo-sosnovsky-alive), and a dated execution
# (demo-sosnovsky-executed) — with the rumor on the Yagoda page, a timeline that holds a
# rumor, a denial, an assertion and contradictions.
SYNTHETIC = [
    {"id": "demo-sosnovsky-alive", "path": "fixtures/demo/sosnovsky-alive.txt",
     "title": "A Letter from Tomsk", "authors": ["A. Correspondent"], "date": "1938-11-02",
     "periodical": "Bulletin of the Opposition",
     "text": ("Contrary to the reports in the Paris press, Leon Sosnovsky was not shot in 1937.\n\n"
              "In October 1938 Sosnovsky was imprisoned in the Tomsk isolator, a comrade reported. "
              "Stalin has not yet dared to put him on trial.")},
    {"id": "demo-sosnovsky-executed", "path": "fixtures/demo/sosnovsky-executed.txt",
     "title": "The Victims of the Purge", "authors": ["A. Historian"], "date": "1965",
     "periodical": None,
     "text": ("Lev Sosnovsky was executed on 3 July 1937, after a closed session of the Military "
              "Collegium.\n\nHis friend Christian Rakovsky was sentenced in March 1938.")},
]

# Hostile strings wherever the pipeline will carry them: in the text (and so in mentions,
# claim evidence and the stray-markup findings' messages), the record and a footnote.  The
# mis-decoded "â€™" and the lost "\ufffd" give the checks two error-severity findings, first
# in the text so the home page's recent findings show them.
HOSTILE_TEXT = ("The scanner turned the printerâ€™s apostrophe into three signs and lost a letter in "
                "\"Mosc\ufffdw\".\n\n"
                "It is rumored that Henry Yagoda was arrested in April 1937. The editor wrote "
                "<script>alert('xss')</script> in the margin, and a reader added "
                "<img src=x onerror=alert(1)> next to it.\n\n"
                "Then came \"quotes\" & ampersands, </p></div> stray closing tags, and Yagoda's "
                "name inside <b onmouseover=alert(2)>Henry Yagoda</b>.")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _synthetic_raw() -> list[Document]:
    return [Document(spec["id"], Source(spec["path"], "text", _sha(spec["text"]), "utf-8"),
                     Record(authors=spec["authors"], title=spec["title"], date=spec["date"],
                            periodical=spec["periodical"]), spec["text"])
            for spec in SYNTHETIC]


def _hostile_raw() -> Document:
    """A page whose text, record and footnote try to be markup (not yet annotated)."""
    text = HOSTILE_TEXT
    doc = Document("demo-hostile", Source("fixtures/demo/hostile.htm", "mia-html", _sha(text), "utf-8"),
                   Record(authors=["<i>Nobody</i>"], title="On <script>alert('title')</script> Safety",
                          date="1937-09", periodical="The <b>Bold</b> Review"), text)
    i = text.index("<img")
    doc.notes.append(Note("1<script>", i, i + 4, "Note text <script>alert('note')</script>"))
    return doc


# The pipeline's results, per process: annotation is the slow part (spaCy), so every archive
# built in one test session or screenshot run reuses it and only writes SQLite afresh.
_CACHE: dict[tuple[str, str], Document] = {}
_LOCK = threading.Lock()


def _copy(doc: Document) -> Document:
    return Document.from_json(doc.to_json())


def demo_documents(corpus_root: str | Path | None, pages: list[str] = PAGES) -> list[Document]:
    """`pages` read and annotated, then the synthetic and hostile documents (fresh copies)."""
    wanted = [("page", f"{Path(corpus_root).resolve()}::{rel}") for rel in pages] if pages else []
    wanted += [("demo", d.id) for d in (*_synthetic_raw(), _hostile_raw())]
    with _LOCK:
        missing = [key for key in wanted if key not in _CACHE]
        if missing:
            _annotate_into_cache(missing, corpus_root)
        return [_copy(_CACHE[key]) for key in wanted if key in _CACHE]


def _annotate_into_cache(keys: list[tuple[str, str]], corpus_root) -> None:
    from ..ingest import read_path
    from ..ingest.base import Read

    raw = {d.id: d for d in (*_synthetic_raw(), _hostile_raw())}
    todo: list[tuple[tuple[str, str], Document]] = []
    for key in keys:
        kind, name = key
        if kind == "demo":
            todo.append((key, raw[name]))
            continue
        root = Path(corpus_root)
        path = root / name.split("::", 1)[1]
        if not path.is_file():
            raise FileNotFoundError(f"demo page not in the corpus: {path}")
        outcome = read_path(path, root)
        if isinstance(outcome, Read):          # an unreadable page is left out, as ingest would
            todo.append((key, outcome.document))
    for (key, _), doc in zip(todo, annotate_many([d for _, d in todo], n_process=1)):
        _CACHE[key] = doc


def synthetic_documents() -> list[Document]:
    """The two hand-written Sosnovsky documents, annotated by the pipeline."""
    return demo_documents(None, pages=[])[:len(SYNTHETIC)]


def hostile_document() -> Document:
    """The hostile page, annotated by the pipeline."""
    return demo_documents(None, pages=[])[-1]


def build_demo_archive(db_path: str | Path, corpus_root: str | Path, pages: list[str] = PAGES):
    """A SQLite archive of `pages` plus the synthetic and hostile documents, all annotated."""
    from ..store import open_store

    store = open_store(db_path)
    for doc in demo_documents(corpus_root, pages):
        store.put_document(doc)
    return store


class running_server:
    """`with running_server(app) as base_url:` — uvicorn on 127.0.0.1, a free port, in a thread."""

    def __init__(self, app, host: str = "127.0.0.1") -> None:
        import socket

        import uvicorn

        with socket.socket() as sock:
            sock.bind((host, 0))
            self.port = sock.getsockname()[1]
        self.host = host
        self.server = uvicorn.Server(uvicorn.Config(app, host=host, port=self.port, log_level="warning",
                                                    lifespan="off"))
        self.thread = None

    def __enter__(self) -> str:
        import threading
        import time

        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return f"http://{self.host}:{self.port}"

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
