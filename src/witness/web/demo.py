"""A small annotated archive for the reading room's tests, screenshots and demos.

Real corpus pages are read with the reader chain; until the people and claims stages
land, persons are marked by a tiny gazetteer and a few claims are attached by phrase, so
the person pages, timelines and contradictions have something true to the page to show.
Three hand-written documents add a denial, a dated contradiction and a hostile page.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from pathlib import Path

from ..model import Claim, Document, Entity, Finding, Mention, Note, Record, Source, Span

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

# id → (name, aliases, born, died, surface pattern)
PEOPLE = {
    "yagoda-genrikh": ("Genrikh Yagoda", ["Henry Yagoda", "Iagoda", "Ягода"], "1891-11-07", "1938-03-15",
                       r"(?:Henry (?:Grigorievitch )?)?Yagoda|Iagoda|Ягода"),
    "rakovsky-christian": ("Christian Rakovsky", ["Rakowsky", "Rakovski", "Раковский"], "1873-08-13",
                           "1941-09-11", r"(?:Christian )?Rakow?v?sky|Раковский"),
    "sosnovsky-lev": ("Lev Sosnovsky", ["Leon Sosnovsky", "Сосновский"], "1886-05-04", "1937-07-03",
                      r"(?:Leon |Lev )?Sosnovsky|Сосновский"),
    "stalin-joseph": ("Joseph Stalin", ["Stalin", "Сталин"], "1878-12-18", "1953-03-05", r"Stalin(?![a-z])"),
    "bukharin-nikolai": ("Nikolai Bukharin", ["Bukharin", "Бухарин"], "1888-10-09", "1938-03-15",
                         r"(?:Nikolai )?Bukharin"),
    "trotsky-leon": ("Leon Trotsky", ["Trotsky", "Trotzky", "Троцкий"], "1879-11-07", "1940-08-21",
                     r"(?:Leon )?Trotsky(?![a-z])"),
    "putna-vitovt": ("Vitovt Putna", ["General Putna"], "1893-05-12", "1937-06-12", r"(?:General )?Putna"),
    "kalinin-mikhail": ("Mikhail Kalinin", ["Kalinin"], "1875-11-19", "1946-06-03", r"Kalinin"),
    "sedov-leon": ("Leon Sedov", ["Sedov", "Leon Sedoff"], "1906-02-24", "1938-02-16",
                   r"(?:Leon )?Sedo(?:v|ff)"),
}

# (document id, subject, predicate, certainty, phrase the evidence covers, date, attributed_to, object)
CLAIMS = [
    ("serge-1937-08-yagoda", "rakovsky-christian", "arrested", "confirmed",
     "the arrest, which has firmly been confirmed, of Christian Rakowsky", None, None, None),
    ("serge-1937-08-yagoda", "sosnovsky-lev", "executed", "rumored",
     "the rumors that Leon Sosnovsky, like General Putna, has been shot in prison without trial",
     "1937", None, None),
    ("serge-1937-08-yagoda", "putna-vitovt", "executed", "rumored",
     "the rumors that Leon Sosnovsky, like General Putna, has been shot in prison without trial",
     "1937", None, None),
    ("serge-1937-08-yagoda", "yagoda-genrikh", "charged", "reported",
     "A Government communiqué, signed by Kalinin, announced the accusation of Henry Grigorievitch Yagoda",
     "1937", "Government communiqué, signed by Kalinin", "Malfeasance in office"),
    ("serge-1937-08-yagoda", "yagoda-genrikh", "arrested", "asserted", "The arrest of Yagoda", "1937-04",
     None, None),
]

SYNTHETIC = [
    {"id": "demo-sosnovsky-alive", "path": "fixtures/demo/sosnovsky-alive.txt",
     "title": "A Letter from Tomsk", "authors": ["A. Correspondent"], "date": "1938-11-02",
     "periodical": "Bulletin of the Opposition",
     "text": ("Contrary to the reports in the Paris press, Leon Sosnovsky was not shot in 1937.\n\n"
              "A comrade who was released this autumn says that Sosnovsky was held in the Tomsk "
              "isolator in October 1938, ill but unbroken. Stalin has not yet dared to put him on trial."),
     "claims": [("sosnovsky-lev", "executed", "denied", "Leon Sosnovsky was not shot in 1937", "1937", None),
                ("sosnovsky-lev", "imprisoned", "reported",
                 "Sosnovsky was held in the Tomsk isolator in October 1938", "1938-10", "a comrade")]},
    {"id": "demo-sosnovsky-executed", "path": "fixtures/demo/sosnovsky-executed.txt",
     "title": "The Victims of the Purge", "authors": ["A. Historian"], "date": "1965",
     "periodical": None,
     "text": ("Lev Sosnovsky was executed on 3 July 1937, after a closed session of the Military "
              "Collegium.\n\nHis friend Christian Rakovsky was sentenced in March 1938."),
     "claims": [("sosnovsky-lev", "executed", "asserted", "Lev Sosnovsky was executed on 3 July 1937",
                 "1937-07-03", None),
                ("rakovsky-christian", "sentenced", "asserted", "Christian Rakovsky was sentenced in March 1938",
                 "1938-03", None)]},
]

HOSTILE_TEXT = ("The editor wrote <script>alert('xss')</script> in the margin, and a reader added "
                "<img src=x onerror=alert(1)> next to it.\n\n"
                "Then came \"quotes\" & ampersands, </p></div> stray closing tags, and Yagoda's "
                "name inside <b onmouseover=alert(2)>Henry Yagoda</b>.")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


# Literal words one of which every match contains: a cheap `in` test skips the regex for
# most pages (Python's re has no literal prefilter for these alternations).
ANCHORS = {"yagoda-genrikh": ["agoda", "Ягода"], "rakovsky-christian": ["Rako", "Раковский"],
           "sosnovsky-lev": ["Sosnovsky", "Сосновский"], "stalin-joseph": ["Stalin"],
           "bukharin-nikolai": ["Bukharin"], "trotsky-leon": ["Trotsky"], "putna-vitovt": ["Putna"],
           "kalinin-mikhail": ["Kalinin"], "sedov-leon": ["Sedo"]}
_PATTERNS = {pid: re.compile(spec[4]) for pid, spec in PEOPLE.items()}


def annotate(doc: Document) -> Document:
    """Add gazetteer mentions, the listed claims and doubled-word findings to `doc`."""
    seen: dict[str, Entity] = {e.id: e for e in doc.entities}
    taken = sorted((m.start, m.end) for m in doc.mentions)
    text = doc.text
    found = []
    for pid, pattern in _PATTERNS.items():
        if any(word in text for word in ANCHORS[pid]):
            found.extend((m.start(), m.end(), pid) for m in pattern.finditer(text))
    for a, b, pid in sorted(found):
        if (a and text[a - 1].isalnum()) or (b < len(text) and text[b].isalnum()):
            continue
        k = bisect.bisect_left(taken, (b, b))
        if k and taken[k - 1][1] > a:        # overlaps a mention already taken
            continue
        bisect.insort(taken, (a, b))
        name, aliases, born, died, _ = PEOPLE[pid]
        doc.mentions.append(Mention(a, b, text[a:b], "person", pid))
        seen.setdefault(pid, Entity(pid, "person", name, list(aliases), born, died))
    doc.mentions.sort(key=lambda m: m.start)
    doc.entities = list(seen.values())
    for doc_id, subject, pred, certainty, phrase, date, by, obj in CLAIMS:
        at = doc.text.find(phrase)
        if doc_id == doc.id and at >= 0:
            doc.claims.append(Claim(subject, pred, obj, date, None, certainty, by, Span(at, at + len(phrase))))
    for m in re.finditer(r"\b(\w+) \1\b", doc.text):
        doc.findings.append(Finding("doubled-word", "warning", m.start(), m.end(),
                                    f"“{m.group(0)}”: word repeated", m.group(1)))
    return doc


def synthetic_documents() -> list[Document]:
    docs = []
    for spec in SYNTHETIC:
        doc = Document(spec["id"], Source(spec["path"], "text", _sha(spec["text"]), "utf-8"),
                       Record(authors=spec["authors"], title=spec["title"], date=spec["date"],
                              periodical=spec["periodical"]), spec["text"])
        annotate(doc)
        for subject, pred, certainty, phrase, date, by in spec["claims"]:
            at = doc.text.index(phrase)
            doc.claims.append(Claim(subject, pred, None, date, None, certainty, by, Span(at, at + len(phrase))))
        docs.append(doc)
    return docs


def hostile_document() -> Document:
    """A page whose text, title, notes and findings try to be markup."""
    text = HOSTILE_TEXT
    doc = Document("demo-hostile", Source("fixtures/demo/hostile.htm", "mia-html", _sha(text), "utf-8"),
                   Record(authors=["<i>Nobody</i>"], title="On <script>alert('title')</script> Safety",
                          date="1937-09", periodical="The <b>Bold</b> Review"), text)
    annotate(doc)
    s = text.index("<script>")
    doc.findings.append(Finding("markup-leak", "error", s, s + 30, "<script>alert('finding')</script>",
                                "<img src=x onerror=alert(3)>"))
    i = text.index("<img")
    doc.notes.append(Note("1<script>", i, i + 4, "Note text <script>alert('note')</script>"))
    j = text.index("Henry Yagoda")
    doc.claims.append(Claim("yagoda-genrikh", "charged", "<script>", "1937", None, "rumored",
                            "<img src=x onerror=alert(4)>", Span(j - 12, j + 16)))
    return doc


def build_demo_archive(db_path: str | Path, corpus_root: str | Path, pages: list[str] = PAGES):
    """A SQLite archive of `pages` (annotated) plus the synthetic and hostile documents."""
    from ..ingest import read_path
    from ..ingest.base import Read
    from ..store import open_store

    store = open_store(db_path)
    root = Path(corpus_root)
    for rel in pages:
        outcome = read_path(root / rel, root)
        if isinstance(outcome, Read):
            store.put_document(annotate(outcome.document))
    for doc in [*synthetic_documents(), hostile_document()]:
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
