"""The store's one explicit interface, the same for every backend (SQLite, PostgreSQL).

`Store` is what callers above the store (pipeline, archive layer, cli, web, exports) use,
and nothing else: the document methods on the store itself, and one object per query
family — `store.documents`, `store.people`, `store.findings`, `store.curation`,
`store.verdicts`, `store.duplicates`.  Everything is keyed by document and entity ids;
rows come back as the dataclasses below (or small tuples of ids, names and counts), never
as database row ids.  Backends keep every version of a document: a changed file is a new
version, never an overwrite.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ContextManager, Iterable, Iterator, Protocol

from ..model import Claim, Document, Entity, Mention
from ..verdicts import Item, LogEntry, Verdict

if TYPE_CHECKING:                      # (documents.py and duplicates.py import this module)
    from ..duplicates import Group, Sketch
    from .curation_rules import Rules
    from .documents import Prepared


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
    # Which date --from/--to read: None = the best the record has (published, else written,
    # else heading); "published" = first publication only; "written" = when it was written,
    # else its publication (a text is written by the time it is printed).
    date_field: str | None = None
    periodical: str | None = None
    person: str | None = None         # entity id; names are expanded before reaching the store
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
    # Set when the answer may miss the newest documents (the search index is catching up).
    note: str | None = None


# ---- rows of the query families ------------------------------------------------------------

@dataclass
class DocRef:
    id: str
    title: str | None
    date: str | None
    mentions: int = 0


@dataclass
class MentionRow:
    doc_id: str
    doc_title: str | None
    doc_date: str | None
    start: int
    end: int
    text: str
    sentence: str          # the sentence around the mention, for the person record


@dataclass
class EntityCount:
    entity: Entity
    documents: int
    mentions: int


@dataclass
class ClaimRow:
    claim: Claim
    doc_id: str
    doc_title: str | None
    doc_date: str | None
    index: int             # position in the document's claims (anchor #claim-N)
    quote: str | None      # the evidence words


@dataclass
class FindingRow:
    rule: str
    severity: str
    message: str
    doc_id: str
    doc_title: str | None
    index: int             # position in the document's findings (anchor #finding-N)
    start: int
    end: int
    before: str
    match: str
    after: str


@dataclass
class ArchiveCounts:
    documents: int
    authors: list[tuple[str, int]]     # most prolific first
    author_count: int
    years: dict[int | None, int]       # documents per year of their date (None: undated)
    findings: int


@dataclass
class CurationOp:
    """One logged curation operation (`op` holds what it did and what undo needs)."""
    seq: int
    at: str                # ISO 8601 UTC
    who: str
    why: str | None
    undone: bool
    op: dict

    def to_json(self) -> dict:
        return {"seq": self.seq, "at": self.at, "who": self.who, "why": self.why, "undone": self.undone,
                **self.op}


@dataclass(frozen=True)
class DocAlias:
    """An old id or old source path that still names a document (store/identity.py)."""
    alias: str
    doc_id: str            # the document's id now
    kind: str              # "id" | "path"
    at: str                # ISO 8601 UTC: when the document was re-identified


@dataclass(frozen=True)
class LegacyDoc:
    """A document stored before archive-rooted paths, not yet re-identified (identity.py)."""
    doc_id: str
    reread: bool           # True: its path is rooted, the file is read once more; False: may be adopted


# ---- the interface -------------------------------------------------------------------------

class DocumentQueries(Protocol):
    """Stored documents as JSON, and the identities by which they were known before."""
    def stored_json(self, doc_id: str, version: int | None = None) -> dict:
        """The stored JSON of a version (the current one by default).  Raises NotFound."""
    def iter_json(self, ids: list[str] | None = None) -> Iterator[dict]: ...
    def aliases(self) -> list[DocAlias]:
        """Every old id and path that still resolves, by alias."""
    def legacy(self) -> list[LegacyDoc]:
        """The documents from before archive-rooted paths that an ingest may still re-identify."""
    def restore_identities(self, aliases: list[DocAlias], legacy: list[LegacyDoc]) -> None:
        """Moving an archive: record these exactly as given (their documents are already stored)."""


class DuplicateQueries(Protocol):
    """Documents with the same text (witness.duplicates keeps it current)."""
    def stale(self) -> list[str]: ...
    def texts(self, ids: list[str]) -> list[tuple[str, int, str]]: ...
    def put_sketches(self, sketches: list[Sketch]) -> None: ...
    def candidates(self, doc_id: str, bands: list[int]) -> list[str]: ...
    def put_pairs(self, doc_id: str, found: list[tuple[str, float]]) -> None: ...
    def pair_count(self) -> int: ...
    def groups(self) -> list[Group]: ...
    def briefs(self, ids: list[str]) -> dict[str, dict]: ...
    def representatives(self) -> dict[str, str]: ...
    def same_text_as(self) -> dict[str, list[str]]: ...
    def sketches(self) -> list[Sketch]:
        """Every document's sketch (band keys included), by document id."""
    def pairs(self) -> list[tuple[str, str, float]]:
        """Every same-text pair: (id, id, Jaccard), the ids in order."""
    def add_pairs(self, pairs: list[tuple[str, str, float]]) -> None:
        """Moving an archive: record these pairs (their documents are already stored)."""


class PeopleQueries(Protocol):
    def entity(self, entity_id: str) -> Entity | None: ...
    def entities(self, *, type: str | None = None, provisional: bool | None = None,
                 limit: int = 100, offset: int = 0) -> list[EntityCount]: ...
    def find_entities(self, name: str, limit: int = 10) -> list[Entity]: ...
    def documents_mentioning(self, entity_id: str, limit: int = 500) -> list[DocRef]: ...
    def mentions_of(self, entity_id: str, limit: int = 1000) -> list[MentionRow]: ...
    def co_mentioned(self, entity_id: str, *, type: str | None = "person", limit: int = 20) -> list[EntityCount]: ...
    def claims(self, subjects: list[str] | None = None) -> list[ClaimRow]: ...
    def spellings(self, entity_id: str) -> list[tuple[str, int]]: ...
    def person_spellings(self) -> list[tuple[str, str]]: ...
    def spelling_counts(self) -> list[tuple[str, str, int]]: ...
    def evidence(self, doc_id: str, entity_id: str, start: int, end: int) -> tuple[str, list[Mention]]: ...
    def person_counts(self) -> list[tuple[str, str | None, int]]: ...
    def persons_in(self, doc_ids: list[str]) -> list[tuple[str, int]]: ...
    def counts(self, top: int = 15) -> ArchiveCounts: ...


class FindingQueries(Protocol):
    def rules(self) -> list[tuple[str, str, int]]: ...
    def count(self, rule: str) -> int: ...
    def rows(self, *, rule: str | None = None, doc_ids: list[str] | None = None,
             limit: int = 50, offset: int = 0, radius: int = 60) -> list[FindingRow]: ...
    def recent_documents(self, limit: int = 12) -> list[str]: ...


class CurationStore(Protocol):
    def canonical(self, entity_id: str) -> str: ...
    def log(self, entity_id: str | None = None, *, include_undone: bool = True) -> list[CurationOp]: ...
    def rules(self) -> Rules | None: ...
    def merge(self, keep: str, drop: str, *, who: str, why: str | None = None, authority=None) -> CurationOp: ...
    def split(self, entity_id: str, new_id: str, names: list[str], label: str | None = None, *,
              who: str, why: str | None = None, authority=None) -> CurationOp: ...
    def link(self, entity_id: str, wikidata: str, *, who: str, why: str | None = None,
             authority=None) -> CurationOp: ...
    def undo(self, *, who: str, why: str | None = None) -> CurationOp: ...


class VerdictQueries(Protocol):
    """Curated judgements on findings and contradictions, keyed by fingerprint (witness/verdicts.py)."""
    def set(self, item: Item, verdict: str, *, who: str, note: str | None = None,
            cause: str | None = None) -> Verdict: ...
    def clear(self, key: str, *, who: str, note: str | None = None) -> Verdict: ...
    def get(self, keys: Iterable[str]) -> dict[str, Verdict]: ...
    def all(self, kind: str | None = None) -> list[Verdict]: ...
    def matching(self, prefix: str) -> list[Verdict]: ...
    def log(self, key: str | None = None) -> list[LogEntry]: ...
    def counts(self) -> dict[str, Counter]: ...
    def restore(self, verdicts: list[Verdict], log: list[LogEntry]) -> None:
        """Moving an archive: these verdicts and log entries exactly as given (numbers, times,
        who), into an archive that has none."""


class Store(Protocol):
    documents: DocumentQueries
    people: PeopleQueries
    findings: FindingQueries
    curation: CurationStore
    verdicts: VerdictQueries
    duplicates: DuplicateQueries
    url: str                 # what open_store was given, normalised (path or postgresql://…)
    display_url: str         # the same for messages (a PostgreSQL URL without its password)

    @staticmethod
    def prepare(doc: Document) -> Prepared:
        """Serialise `doc` for `put_prepared` (CPU work that ingest workers do in parallel)."""

    def put_document(self, doc: Document) -> PutResult:
        """Store `doc` as the current version of its id (keyed by source path); idempotent on sha256."""

    def put_prepared(self, prep: Prepared) -> PutResult:
        """`put_document` for a document already serialised by `store.prepare` (in a worker)."""

    def batch(self, every: int = 500) -> ContextManager["Store"]:
        """Group the puts made inside the block into transactions of `every` documents.
        Each put stays all-or-nothing; a crash loses at most the last uncommitted group,
        which re-running the ingest redoes (unchanged files are skipped via known_shas)."""

    def known_shas(self) -> dict[str, str]:
        """{source path: sha256 of the current version} (lets ingest skip unchanged files)."""

    def get_document(self, doc_id: str, version: int | None = None) -> Document:
        """The document as stored (as extracted, curation not applied).  Raises NotFound."""

    def resolve(self, id_or_path: str) -> str | None:
        """A document id from an id or a source path."""

    def history(self, doc_id: str) -> list[VersionInfo]: ...

    def iter_documents(self) -> Iterator[Document]: ...

    def document_ids(self) -> list[str]: ...

    def duplicate_groups(self) -> list[Group]:
        """Groups of documents with the same text, largest first."""

    def search(self, query: SearchQuery) -> SearchResults:
        """Raises BadQuery for a malformed query.  Never writes and never waits for another
        process: a search index that is behind answers with `note` set."""

    def sync_index(self) -> bool:
        """Bring the search index up to date with what is committed (True when it is)."""

    def record_outcome(self, relpath: str, kind: str, reason: str, sha256: str | None = None) -> None:
        """kind: "skipped" | "failed".  Kept so `stats` can list failures and skips."""

    def stats(self) -> dict:
        """{"documents": n, "versions": n, "by_author"|"by_decade"|"by_periodical"|"by_format":
        [(value, n)] most frequent first (decades in order, "undated" last), "skipped"|"failed":
        {"total": files, "reasons": [{"reason", "count", "example"}] most frequent first},
        "findings": {"documents": n, "by_rule": [(rule, n)]}}."""

    def generation(self) -> tuple:
        """Changes whenever anything was committed to the archive, by any process."""

    def close(self) -> None: ...
