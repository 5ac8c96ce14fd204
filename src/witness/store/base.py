"""The one narrow interface every backend (SQLite now, PostgreSQL later) implements.

Callers (pipeline, cli, web, export) use only what is here.  Backends keep every version
of a document: a changed file is a new version, never an overwrite.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ContextManager, Iterator, Protocol

from ..model import Document


@dataclass
class PutResult:
    id: str
    status: str          # "new" | "unchanged" | "updated"
    version: int


@dataclass
class VersionInfo:
    version: int
    sha256: str
    path: str
    ingested_at: str     # ISO 8601 UTC
    current: bool


@dataclass
class SearchQuery:
    q: str = ""
    author: str | None = None
    date_from: int | None = None      # year, inclusive
    date_to: int | None = None        # year, inclusive
    periodical: str | None = None
    person: str | None = None         # entity id (issue 3); names are expanded before reaching the store
    has_findings: bool | None = None
    limit: int = 20
    offset: int = 0


@dataclass
class SearchHit:
    id: str
    title: str | None
    authors: list[str]
    date: str | None
    periodical: str | None
    snippet: str          # text with matches wrapped in «» markers (callers render/escape them)
    score: float          # higher is better


@dataclass
class SearchResults:
    total: int
    hits: list[SearchHit]
    # "author", "decade" ("1930s"), "periodical", "has_findings" ("1"/"0"): (value, count) over
    # all matches, filters applied; most frequent first (decades in order), at most 20 each.
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


class Store(Protocol):
    def put_document(self, doc: Document) -> PutResult:
        """Store `doc` as the current version of its id (keyed by source path); idempotent on sha256."""

    def batch(self, every: int = 500) -> ContextManager["Store"]:
        """Group the puts made inside the block into transactions of `every` documents.

        Each put stays all-or-nothing; a crash loses at most the last uncommitted group,
        which re-running the ingest redoes (unchanged files are skipped via known_sha)."""

    def known_sha(self, relpath: str) -> str | None:
        """sha256 of the current version stored for this source path, if any (lets ingest skip unchanged files)."""

    def known_shas(self) -> dict[str, str]:
        """known_sha for every stored path at once: {source path: sha256 of the current version}."""

    def get_document(self, doc_id: str, version: int | None = None) -> Document:
        """Raises NotFound."""

    def resolve(self, id_or_path: str) -> str | None:
        """A document id from an id or a source path."""

    def history(self, doc_id: str) -> list[VersionInfo]: ...

    def iter_documents(self) -> Iterator[Document]: ...

    def document_ids(self) -> list[str]: ...

    def search(self, query: SearchQuery) -> SearchResults:
        """Raises BadQuery for a malformed query."""

    def record_outcome(self, relpath: str, kind: str, reason: str, sha256: str | None = None) -> None:
        """kind: "skipped" | "failed".  Kept so `stats` can list failures and skips."""

    def stats(self) -> dict:
        """{"documents": n, "versions": n, "by_author"|"by_decade"|"by_periodical"|"by_format":
        [(value, n)] most frequent first (decades in order, "undated" last), "skipped"|"failed":
        {"total": files, "reasons": [{"reason", "count", "example"}] most frequent first},
        "findings": {"documents": n, "by_rule": [(rule, n)]}}.  Outcomes are the latest per path;
        a path later stored as a document no longer counts."""

    def close(self) -> None: ...
