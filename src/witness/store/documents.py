"""Documents: writing a version, reading any version, history, outcomes and counts.

The current version of each document is denormalised into `documents` (filters, facets),
`doc_text` (the searchable text) and the annotation tables; `versions` keeps every
version's full JSON, zlib-compressed, never overwritten.  The same SQL runs on SQLite and
PostgreSQL (db.py).  `Document.extra` (reader-side facts the checks and the TEI export
use) is kept in the stored JSON beside the public shape and given back on read.
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterator

from ..errors import NotFound, StoreError
from ..creators import author_groups, periodical_group
from ..model import Document
from . import identity
from .annotations import index_annotations
from .base import DocAlias, LegacyDoc, PutResult, VersionInfo
from .db import Database, marks

_FETCH_CHUNK = 200
MAX_VERSION = 2**31 - 1       # beyond any archive; larger numbers are simply not found


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def _year(record: dict) -> int | None:
    for key in ("date", "written", "heading_date"):
        value = record.get(key) or ""
        if len(value) >= 4 and value[:4].isdigit():
            return int(value[:4])
    return None


def _year_of(value) -> int | None:
    value = value or ""
    return int(value[:4]) if len(value) >= 4 and value[:4].isdigit() else None


def date_years(record: dict) -> tuple[int | None, int | None]:
    """(year of first publication, year written — else published) for --date-field."""
    published = _year_of(record.get("date"))
    return published, _year_of(record.get("written")) or published


def slug(path: str) -> str:
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", path)
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "document"


@dataclass
class Prepared:
    """A document's stored JSON with the digest and compressed form of its canonical bytes
    (the bytes themselves are not kept: this crosses the pipe from each ingest worker)."""
    data: dict
    digest: str
    blob: bytes

    @classmethod
    def of(cls, data: dict) -> "Prepared":
        raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
        return cls(data, hashlib.sha256(raw).hexdigest(), zlib.compress(raw, 1))


def prepare(doc: Document) -> Prepared:
    """Serialise a document for `put_prepared`: CPU work that ingest workers do in parallel,
    so the single writer only writes."""
    data = doc.to_json()
    # Which other documents share the text is archive state (duplicate_index.py), filled in
    # when a document is read; stored, it would make a new version of each member.
    data["same_text_as"] = []
    if doc.extra:
        data["extra"] = doc.extra
    return Prepared.of(data)


def decode(blob) -> dict:
    return json.loads(zlib.decompress(blob))


def to_document(data: dict) -> Document:
    doc = Document.from_json(data)
    doc.extra = dict(data.get("extra") or {})
    return doc


def public_json(data: dict) -> dict:
    """The document-json.md shape: the stored JSON without the reader-side extras."""
    if "extra" not in data:
        return data
    return {k: v for k, v in data.items() if k != "extra"}


class Documents:
    """The document query family over one Database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- writing --------------------------------------------------------------------------
    def put_prepared(self, prep: Prepared) -> PutResult:
        data = prep.data
        source = data.get("source") or {}
        path, sha256 = source.get("path"), source.get("sha256")
        if not path:
            raise StoreError("document has no source path", hint="readers must set source.path")
        db = self.db
        with db.tx():
            db.write_lock()
            row = db.execute("SELECT rowid, id, version, sha256, digest FROM documents WHERE path = ?"
                             + db.for_update, (path,)).fetchone()
            if row is None:     # maybe a document stored before archive roots, under its old path
                row = identity.adopt(db, path, sha256, data.get("id") or slug(path), self._free_id)
            doc_id = row[1] if row else self._free_id(data.get("id") or slug(path))
            identity.settled(db, doc_id, data)
            if doc_id != data.get("id"):  # an id collision renamed it: the JSON must say so
                prep = Prepared.of({**data, "id": doc_id})
                data = prep.data
            if row and row[3] == sha256 and row[4] == prep.digest:
                return PutResult(doc_id, "unchanged", row[2])
            version = row[2] + 1 if row else 1
            at = now()
            rowid = self.write_current(doc_id, path, version, sha256, prep.digest, data, at,
                                       rowid=row[0] if row else None)
            db.execute("INSERT INTO versions(doc_id, version, sha256, path, ingested_at, json)"
                       " VALUES (?, ?, ?, ?, ?, ?)", (doc_id, version, sha256, path, at, db.blob(prep.blob)))
            index_annotations(db, rowid, data)
            db.log_change(rowid)
            db.execute("DELETE FROM outcomes WHERE path = ?", (path,))
            return PutResult(doc_id, "updated" if row else "new", version)

    def write_current(self, doc_id: str, path: str, version: int, sha256: str, digest: str, data: dict,
                      at: str, *, rowid: int | None = None) -> int:
        """The `documents`, `doc_text` and `doc_authors` rows of a document's current version
        (a new row when `rowid` is None); returns the row id.  Inside the caller's transaction;
        used by every put and by `witness migrate`."""
        db = self.db
        rec = data.get("record") or {}
        # Lists, facets and stats group by the entity (witness.creators); the printed
        # forms stay searchable as words.
        authors = author_groups(rec)
        printed = [a for a in rec.get("authors") or [] if a]
        cols = (version, sha256, digest, (data.get("source") or {}).get("format"), rec.get("title"),
                json.dumps(authors, ensure_ascii=False), rec.get("date"), _year(rec), periodical_group(rec),
                len(data.get("findings") or []), at) + date_years(rec)
        text_cols = (rec.get("title") or "", " ; ".join(dict.fromkeys(printed + authors)), data.get("text") or "")
        if rowid is not None:
            db.execute("UPDATE documents SET version = ?, sha256 = ?, digest = ?, format = ?, title = ?,"
                       " authors = ?, date = ?, year = ?, periodical = ?, n_findings = ?, updated_at = ?,"
                       " published_year = ?, written_year = ? WHERE rowid = ?", cols + (rowid,))
            db.execute("DELETE FROM doc_authors WHERE doc_rowid = ?", (rowid,))
            db.execute("UPDATE doc_text SET title = ?, authors = ?, body = ? WHERE rowid = ?",
                       text_cols + (rowid,))
        else:
            rowid = db.insert_id(
                "INSERT INTO documents(id, path, version, sha256, digest, format, title, authors, date, year,"
                " periodical, n_findings, updated_at, published_year, written_year)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " RETURNING rowid", (doc_id, path) + cols)
            db.execute("INSERT INTO doc_text(rowid, title, authors, body) VALUES (?, ?, ?, ?)",
                       (rowid,) + text_cols)
        db.executemany("INSERT INTO doc_authors(doc_rowid, author) VALUES (?, ?) ON CONFLICT DO NOTHING",
                       [(rowid, a) for a in authors])
        return rowid

    def _free_id(self, wanted: str) -> str:
        """`wanted`, or the first of wanted-2, wanted-3 … not yet taken by a document or by an
        old id kept as an alias (deterministic for a given order)."""
        if not identity.id_taken(self.db, wanted):
            return wanted
        n = 2
        while identity.id_taken(self.db, f"{wanted}-{n}"):
            n += 1
        return f"{wanted}-{n}"

    def record_outcome(self, relpath: str, kind: str, reason: str, sha256: str | None = None) -> None:
        if kind not in ("skipped", "failed"):
            raise ValueError(f"outcome kind must be 'skipped' or 'failed', not {kind!r}")
        with self.db.tx() as db:
            db.execute("INSERT INTO outcomes(path, kind, reason, sha256, at) VALUES (?, ?, ?, ?, ?)"
                       " ON CONFLICT(path) DO UPDATE SET kind = excluded.kind, reason = excluded.reason,"
                       " sha256 = excluded.sha256, at = excluded.at", (relpath, kind, reason, sha256, now()))

    # -- reading --------------------------------------------------------------------------
    def known_sha(self, relpath: str) -> str | None:
        with self.db.lock:
            return self.db.one("SELECT sha256 FROM documents WHERE path = ?", (relpath,))

    def known_shas(self) -> dict[str, str]:
        with self.db.lock:
            # Documents stored before archive roots are read once more (identity.py).
            return dict(self.db.all("SELECT path, sha256 FROM documents"
                                    " WHERE id NOT IN (SELECT doc_id FROM doc_legacy WHERE reread = 1)"))

    def stored_json(self, doc_id: str, version: int | None = None) -> dict:
        """The stored JSON of a version (the current one by default), extras included."""
        if version is not None and not 1 <= version <= MAX_VERSION:
            raise NotFound(f"document {doc_id!r} has no version {version}",
                           hint=f"`witness history {doc_id}` lists its versions")
        with self.db.lock:
            doc_id = identity.canonical(self.db, doc_id) or doc_id     # an old id still resolves
            if version is None:
                blob = self.db.one("SELECT v.json FROM documents d JOIN versions v ON v.doc_id = d.id"
                                   " AND v.version = d.version WHERE d.id = ?", (doc_id,))
            else:
                blob = self.db.one("SELECT json FROM versions WHERE doc_id = ? AND version = ?", (doc_id, version))
        if blob is None:
            what = f"document {doc_id!r}" + (f" version {version}" if version is not None else "")
            raise NotFound(f"{what} is not in the archive", hint="`witness search` or `witness history ID` lists what is")
        return decode(blob)

    def get(self, doc_id: str, version: int | None = None) -> Document:
        return to_document(self.stored_json(doc_id, version))

    def resolve(self, id_or_path: str) -> str | None:
        key = id_or_path.strip()
        with self.db.lock:
            return (self.db.one("SELECT id FROM documents WHERE id = ?", (key,))
                    or self.db.one("SELECT id FROM documents WHERE path = ?", (key.removeprefix("./"),))
                    or identity.alias_target(self.db, key) or identity.alias_target(self.db, key.removeprefix("./")))

    def history(self, doc_id: str) -> list[VersionInfo]:
        with self.db.lock:
            doc_id = identity.canonical(self.db, doc_id) or doc_id
            cur = self.db.one("SELECT version FROM documents WHERE id = ?", (doc_id,))
            if cur is None:
                raise NotFound(f"document {doc_id!r} is not in the archive")
            rows = self.db.all("SELECT version, sha256, path, ingested_at FROM versions WHERE doc_id = ?"
                               " ORDER BY version", (doc_id,))
        return [VersionInfo(v, sha, path, at, v == cur) for v, sha, path, at in rows]

    def ids(self) -> list[str]:
        with self.db.lock:
            return [r[0] for r in self.db.all("SELECT id FROM documents ORDER BY id")]

    def iter_json(self, ids: list[str] | None = None) -> Iterator[dict]:
        # Ids first, then bodies in chunks: no read cursor stays open while the caller
        # (e.g. a reprocess run) writes through this same connection.
        ids = self.ids() if ids is None else ids
        for i in range(0, len(ids), _FETCH_CHUNK):
            chunk = ids[i:i + _FETCH_CHUNK]
            with self.db.lock:
                rows = self.db.all(
                    "SELECT d.id, v.json FROM documents d JOIN versions v ON v.doc_id = d.id"
                    f" AND v.version = d.version WHERE d.id IN ({marks(chunk)})", chunk)
            found = dict(rows)
            for doc_id in chunk:
                if doc_id in found:
                    yield decode(found[doc_id])

    def iter(self) -> Iterator[Document]:
        for data in self.iter_json():
            yield to_document(data)

    def aliases(self) -> list[DocAlias]:
        with self.db.lock:
            return identity.aliases(self.db)

    def legacy(self) -> list[LegacyDoc]:
        with self.db.lock:
            return identity.legacy(self.db)

    def restore_identities(self, aliases: list[DocAlias], legacy: list[LegacyDoc]) -> None:
        """Moving an archive (`witness migrate`): old ids and paths, and the documents an
        ingest may still re-identify, as the source has them, into an archive without any."""
        with self.db.tx() as db:
            if db.one("SELECT count(*) FROM doc_aliases") or db.one("SELECT count(*) FROM doc_legacy"):
                raise StoreError("the target archive already holds document aliases",
                                 hint="migrate into a new, empty archive")
            identity.restore(db, aliases, legacy)

    def all_versions(self) -> Iterator[tuple[str, int, str, str, str, bytes]]:
        """(id, version, sha256, path, ingested_at, compressed JSON) of every version, for
        moving an archive (`witness migrate`)."""
        keys = self.db.all("SELECT doc_id, version FROM versions ORDER BY doc_id, version")
        for i in range(0, len(keys), _FETCH_CHUNK):
            chunk = keys[i:i + _FETCH_CHUNK]
            ids = sorted({k for k, _ in chunk})
            with self.db.lock:
                rows = self.db.all("SELECT doc_id, version, sha256, path, ingested_at, json FROM versions"
                                   f" WHERE doc_id IN ({marks(ids)})", ids)
            want = set(chunk)
            for row in sorted(r for r in rows if (r[0], r[1]) in want):
                yield row[0], row[1], row[2], row[3], row[4], bytes(row[5])

    # -- counts ---------------------------------------------------------------------------
    def stats(self) -> dict:
        with self.db.lock:
            q = self.db.all
            docs = self.db.one("SELECT count(*) FROM documents")
            versions = self.db.one("SELECT count(*) FROM versions")
            by_author = q("SELECT author, count(*) FROM doc_authors GROUP BY author ORDER BY 2 DESC, 1")
            by_decade = q("SELECT year / 10 * 10 AS decade, count(*) FROM documents GROUP BY year / 10 * 10"
                          " ORDER BY (year / 10 * 10) IS NULL, year / 10 * 10")
            by_periodical = q("SELECT coalesce(periodical, ''), count(*) FROM documents GROUP BY 1"
                              " ORDER BY 2 DESC, 1")
            by_format = q("SELECT coalesce(format, ''), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1")
            outcomes = q("SELECT kind, reason, count(*), min(path) FROM outcomes GROUP BY kind, reason"
                         " ORDER BY kind, 3 DESC, reason")
            findings = q("SELECT rule, count(*) FROM findings GROUP BY rule ORDER BY 2 DESC, 1")
            with_findings = self.db.one("SELECT count(*) FROM documents WHERE n_findings > 0")
        grouped: dict[str, dict] = {"skipped": {"total": 0, "reasons": []}, "failed": {"total": 0, "reasons": []}}
        for kind, reason, n, example in outcomes:
            grouped[kind]["total"] += n
            grouped[kind]["reasons"].append({"reason": reason, "count": n, "example": example})
        return {
            "documents": docs,
            "versions": versions,
            "by_author": [(a, n) for a, n in by_author],
            "by_decade": [(f"{d}s" if d is not None else "undated", n) for d, n in by_decade],
            "by_periodical": [(p or "(none)", n) for p, n in by_periodical],
            "by_format": [(f or "(unknown)", n) for f, n in by_format],
            "skipped": grouped["skipped"],
            "failed": grouped["failed"],
            "findings": {"documents": with_findings, "by_rule": [(r, n) for r, n in findings]},
        }

    def checksum(self) -> tuple[int, int, str]:
        """(documents, versions, sha256 over every (id, version, sha256) in order): two archives
        holding the same versions give the same triple (`witness migrate` prints it)."""
        h = hashlib.sha256()
        with self.db.lock:
            docs = self.db.one("SELECT count(*) FROM documents")
            rows = self.db.all("SELECT doc_id, version, sha256 FROM versions")
        for doc_id, version, sha in sorted(rows):
            h.update(f"{doc_id}\t{version}\t{sha}\n".encode())
        return docs, len(rows), h.hexdigest()
