"""The store both backends are: one Database, one object per query family, one search.

`ArchiveStore` is the `Store` of base.py.  A backend (sqlite.py, pg.py) gives it its
Database and its SearchService; everything else — how documents, people, findings and
curation are written and read — is the same code for both.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from ..model import Document
from .base import PutResult, SearchQuery, SearchResults, VersionInfo
from .curation import Curation
from .verdicts import Verdicts
from .db import Database
from .documents import Documents, Prepared, prepare
from .duplicate_index import DuplicateIndex
from .findings import Findings
from .people import People
from .search_service import SearchService


class ArchiveStore:
    def __init__(self, db: Database, search: SearchService, url: str) -> None:
        self.db = db
        self.url = url
        self.display_url = url      # for messages (a PostgreSQL URL without its password)
        self.documents = Documents(db)
        self.people = People(db)
        self.findings = Findings(db)
        self.curation = Curation(db)
        self.verdicts = Verdicts(db)
        self.duplicates = DuplicateIndex(db)      # witness.duplicates keeps it current
        self.searcher = search
        self._synced_writes = 0

    # -- writing --------------------------------------------------------------------------
    prepare = staticmethod(prepare)

    def put_document(self, doc: Document) -> PutResult:
        return self.documents.put_prepared(prepare(doc))

    def put_prepared(self, prep: Prepared) -> PutResult:
        return self.documents.put_prepared(prep)

    @contextmanager
    def batch(self, every: int = 500):
        outer = not self.db.batching
        with self.db.batch(every):
            yield self
        if outer:
            self.sync_index()

    def record_outcome(self, relpath: str, kind: str, reason: str, sha256: str | None = None) -> None:
        self.documents.record_outcome(relpath, kind, reason, sha256)

    # -- reading --------------------------------------------------------------------------
    def known_sha(self, relpath: str) -> str | None:
        return self.documents.known_sha(relpath)

    def known_shas(self) -> dict[str, str]:
        return self.documents.known_shas()

    def get_document(self, doc_id: str, version: int | None = None) -> Document:
        return self.documents.get(doc_id, version)

    def resolve(self, id_or_path: str) -> str | None:
        return self.documents.resolve(id_or_path)

    def history(self, doc_id: str) -> list[VersionInfo]:
        return self.documents.history(doc_id)

    def iter_documents(self) -> Iterator[Document]:
        return self.documents.iter()

    def duplicate_groups(self):
        """Groups of documents with the same text (witness.duplicates.Group), largest first."""
        return self.duplicates.groups()

    def document_ids(self) -> list[str]:
        return self.documents.ids()

    def stats(self) -> dict:
        return self.documents.stats()

    def generation(self) -> tuple:
        return self.db.generation()

    # -- search ---------------------------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchResults:
        return self.searcher.search(query)

    def sync_index(self) -> bool:
        done = self.searcher.sync_index()
        if done:
            self._synced_writes = self.db.local_writes
        return done

    @property
    def last_engine(self) -> str | None:
        return self.searcher.last_engine

    def integrity_check(self) -> str:
        """'ok', or what is inconsistent: every document must have its current version and
        its text row, every version a document."""
        problems = []
        checks = (
            ("documents without their current version",
             "SELECT count(*) FROM documents d LEFT JOIN versions v ON v.doc_id = d.id AND v.version = d.version"
             " WHERE v.doc_id IS NULL"),
            ("documents without their text",
             "SELECT count(*) FROM documents d LEFT JOIN doc_text t ON t.rowid = d.rowid WHERE t.rowid IS NULL"),
            ("versions newer than their document's current one",
             "SELECT count(*) FROM versions v JOIN documents d ON d.id = v.doc_id WHERE v.version > d.version"),
        )
        with self.db.lock:
            for what, sql in checks:
                n = self.db.one(sql)
                if n:
                    problems.append(f"{n} {what}")
        return "; ".join(problems) or "ok"

    # -- lifetime -------------------------------------------------------------------------
    def close(self) -> None:
        with self.db.lock:
            if self.db.local_writes > self._synced_writes and not self.db.batching:
                self.sync_index()
            self.searcher.close()
            self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
