"""The embedded archive: one SQLite file in WAL mode (search: sqlite_search.py, textindex.py).

Every `put_document` is one transaction (or one savepoint inside `batch()`), so a process
killed at any moment leaves the archive as it was after the last commit.  The current
version of each document is denormalised into `documents` (filters, facets), `doc_text`
(the FTS5 content) and the annotation tables; `versions` keeps every version's full JSON.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import threading
import warnings
import zlib
from collections import Counter, OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from ..errors import NotFound, StoreError
from ..model import Document
from . import migrations
from .base import PutResult, VersionInfo
from . import sqlite_identity as identity
from .sqlite_curation import CurationMixin, curate
from .sqlite_identity import IdentityMixin
from .sqlite_people import PeopleMixin
from .sqlite_search import SearchMixin, _Meta

_FETCH_CHUNK = 200


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def _year(record: dict) -> int | None:
    for key in ("date", "written", "heading_date"):
        value = record.get(key) or ""
        if len(value) >= 4 and value[:4].isdigit():
            return int(value[:4])
    return None


def index_annotations(conn: sqlite3.Connection, rowid: int, data: dict, *, schema: int | None = None) -> None:
    """Replace the mention/claim/finding rows of one document by those of `data` (its JSON).

    schema: the schema step the tables are at (only migrations pass an older one; step 6
    added doc_entities and claims.quote, and fills them itself from the older rows)."""
    derived = schema is None or schema >= 6
    data = curate(conn, data)   # curators' merges, splits and links (the JSON itself stays as is)
    for table in ("mentions", "doc_entities", "claims", "findings") if derived else ("mentions", "claims", "findings"):
        conn.execute(f"DELETE FROM {table} WHERE doc_rowid = ?", (rowid,))
    mentions = data.get("mentions", [])
    conn.executemany(
        'INSERT INTO mentions(doc_rowid, entity_id, start, "end", text, type) VALUES (?, ?, ?, ?, ?, ?)',
        [(rowid, m.get("entity"), m["start"], m["end"], m["text"], m["type"]) for m in mentions])
    text = data.get("text") or ""
    claims = [(rowid, i, c["subject"], c["predicate"], c.get("object"), c.get("date"), c.get("place"),
               c.get("certainty", "asserted"), c.get("attributed_to"), start, end, text[start:end])
              for i, c in enumerate(data.get("claims", []))
              for start, end in [((c.get("evidence") or {}).get("start", 0), (c.get("evidence") or {}).get("end", 0))]]
    if derived:
        counts = Counter((m["entity"], m["type"]) for m in mentions if m.get("entity"))
        conn.executemany("INSERT INTO doc_entities(entity_id, doc_rowid, type, n) VALUES (?, ?, ?, ?)",
                         [(eid, rowid, kind, n) for (eid, kind), n in counts.items()])
    else:
        claims = [c[:-1] for c in claims]      # no quote column before step 6
    cols = ("doc_rowid, idx, subject, predicate, object, date, place, certainty, attributed_to, ev_start, ev_end"
            + (", quote" if derived else ""))
    conn.executemany(f"INSERT INTO claims({cols}) VALUES ({', '.join('?' * (12 if derived else 11))})", claims)
    conn.executemany(
        'INSERT INTO findings(doc_rowid, rule, severity, start, "end", message) VALUES (?, ?, ?, ?, ?, ?)',
        [(rowid, f["rule"], f["severity"], f["start"], f["end"], f["message"]) for f in data.get("findings", [])])
    # The latest document to describe an entity wins; entities are reference data that the
    # authority work (issue 3) owns, not document content, so this is not a lost version.
    conn.executemany(
        "INSERT INTO entities(id, type, name, aliases, born, died, external, provisional)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET type = excluded.type,"
        " name = excluded.name, aliases = excluded.aliases, born = excluded.born, died = excluded.died,"
        " external = excluded.external, provisional = excluded.provisional",
        [(e["id"], e["type"], e["name"], json.dumps(e.get("aliases", []), ensure_ascii=False),
          e.get("born"), e.get("died"), json.dumps(e.get("external") or {}, ensure_ascii=False),
          int(bool(e.get("provisional")))) for e in data.get("entities", [])])


@dataclass
class Prepared:
    """A document's JSON with the digest and compressed form of its canonical bytes (the
    bytes themselves are not kept: this crosses the pipe from each ingest worker)."""
    data: dict
    digest: str
    blob: bytes

    @classmethod
    def of(cls, data: dict) -> "Prepared":
        raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
        return cls(data, hashlib.sha256(raw).hexdigest(), zlib.compress(raw, 1))


@dataclass
class _Batch:
    every: int
    pending: int = 0


class SQLiteStore(SearchMixin, PeopleMixin, CurationMixin, IdentityMixin):
    def __init__(self, path: str | Path, *, timeout: float = 30.0, rank_cache_size: int = 32,
                 engine: str | None = None):
        self.path = Path(path)
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a directory, not an archive file", hint="pass --db FILE")
        if self.path.parent and not self.path.parent.exists():
            raise StoreError(f"folder {self.path.parent} does not exist", hint="create it or choose another --db")
        try:
            self.conn = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False,
                                        timeout=timeout)
            self._configure(timeout)
            migrations.migrate(self.conn)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open archive {self.path}: {e}",
                             hint="is this a witness archive? (it must be an SQLite file)") from e
        self._lock = threading.RLock()
        self._batch: _Batch | None = None
        self._local_writes = 0
        self._meta_key: tuple | None = None
        self._meta: dict[int, _Meta] = {}
        self._names: dict[str, dict[str, tuple[str, ...]]] = {"author": {}, "periodical": {}}
        self.rank_cache_size = rank_cache_size
        self._dirty = False          # this process wrote since the side index last caught up
        self.last_engine: str | None = None
        self._tindex = None
        self.engine = engine or os.environ.get("WITNESS_SEARCH_ENGINE", "tantivy")
        if self.engine not in ("tantivy", "fts5"):
            raise StoreError(f"unknown search engine {self.engine!r}", hint="use tantivy or fts5")
        if self.engine == "tantivy":
            archive_id = self.conn.execute("SELECT value FROM meta WHERE key = 'archive_id'").fetchone()[0]
            try:
                from .textindex import TantivyIndex

                self._tindex = TantivyIndex(Path(str(self.path) + ".search"), archive_id)
            except (ImportError, OSError, ValueError) as e:
                # The side index only makes search faster; FTS5 answers the same queries.
                warnings.warn(f"search side index unavailable ({e}); searching with SQLite FTS5")
                self.engine = "fts5"
        self._rank_cache: OrderedDict[tuple, list[tuple[float, int]]] = OrderedDict()

    def _configure(self, timeout: float) -> None:
        c = self.conn
        mode = c.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise StoreError(f"could not switch {self.path} to WAL mode (got {mode})")
        c.execute("PRAGMA foreign_keys = ON")
        c.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        # NORMAL in WAL mode survives a killed process; only a power cut may lose the last commits.
        c.execute("PRAGMA synchronous = NORMAL")
        c.execute("PRAGMA cache_size = -65536")

    # ---- transactions ------------------------------------------------------------------

    def _begin(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            if "locked" in str(e) or "busy" in str(e):
                raise StoreError(f"the archive {self.path} is busy: another process has been writing to it "
                                 f"for longer than the busy timeout", hint="wait for it to finish, then retry") from e
            raise

    def _commit(self, c: sqlite3.Connection) -> None:
        if self.engine == "fts5":          # FTS5 is this store's only text index: keep it current
            self.fts_catch_up(c)
        c.execute("COMMIT")

    @staticmethod
    def _fts_upto(c: sqlite3.Connection) -> int:
        """The doc_text rowid up to which FTS5 holds every row (migrations.py, step 7)."""
        return c.execute("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'fts_upto'").fetchone()[0]

    def fts_behind(self, c: sqlite3.Connection | None = None) -> int:
        """How many doc_text rows the FTS5 index has not taken in yet."""
        c = c or self.conn
        return c.execute("SELECT count(*) FROM doc_text WHERE rowid > ?", (self._fts_upto(c),)).fetchone()[0]

    def fts_catch_up(self, c: sqlite3.Connection | None = None) -> int:
        """Index the doc_text rows FTS5 has not seen; returns how many.  Inside the caller's
        write transaction when it has one, else in a transaction of its own."""
        with self._lock:
            c = c or self.conn
            upto = self._fts_upto(c)
            top = c.execute("SELECT coalesce(max(rowid), 0) FROM doc_text").fetchone()[0]
            if top <= upto:
                return 0            # the usual case: no write transaction (it would end search caches)
            if not c.in_transaction:
                with self._tx() as c:
                    return self.fts_catch_up(c)
            n = c.execute("INSERT INTO fts(rowid, title, authors, body) SELECT rowid, title, authors, body"
                          " FROM doc_text WHERE rowid > ?", (upto,)).rowcount
            c.execute("UPDATE meta SET value = ? WHERE key = 'fts_upto'", (str(top),))
            return n

    @contextmanager
    def _tx(self):
        with self._lock:
            c = self.conn
            if self._batch is None:
                self._begin()
                try:
                    yield c
                    self._commit(c)
                except BaseException:
                    c.execute("ROLLBACK")
                    raise
                finally:
                    self._local_writes += 1
                return
            c.execute("SAVEPOINT put")
            try:
                yield c
                c.execute("RELEASE put")
            except BaseException:
                c.execute("ROLLBACK TO put")
                c.execute("RELEASE put")
                raise
            self._local_writes += 1
            self._batch.pending += 1
            if self._batch.pending >= self._batch.every:
                self._commit(c)
                self._begin()
                self._batch.pending = 0

    @contextmanager
    def batch(self, every: int = 500):
        """Group puts into transactions of `every` documents (much faster than one each).

        A crash loses at most the uncommitted puts of the current group; each put is still
        all-or-nothing (a savepoint), and an error in one put does not undo the others."""
        with self._lock:
            if self._batch is not None:     # nested: the outer batch decides
                yield self
                return
            self._begin()
            self._batch = _Batch(max(1, every))
            try:
                yield self
                self._commit(self.conn)
            except BaseException:
                # Puts that completed are kept: commit them, then let the error through.
                self._commit(self.conn)
                raise
            finally:
                self._batch = None
            self.sync_index()

    # ---- writing -----------------------------------------------------------------------

    @staticmethod
    def prepare(doc: Document) -> "Prepared":
        """Serialise a document for put_prepared: CPU work that ingest workers do in parallel,
        so the single writer only writes."""
        return Prepared.of(doc.to_json())

    def put_document(self, doc: Document) -> PutResult:
        return self.put_prepared(self.prepare(doc))

    def put_prepared(self, prep: "Prepared") -> PutResult:
        data = prep.data
        path = (data.get("source") or {}).get("path")
        sha256 = (data.get("source") or {}).get("sha256")
        if not path:
            raise StoreError("document has no source path", hint="readers must set source.path")
        with self._tx() as c:
            row = c.execute("SELECT rowid, id, version, sha256, digest FROM documents WHERE path = ?",
                            (path,)).fetchone()
            if row is None:     # maybe a document stored before archive roots, under its old path
                row = identity.adopt(c, path, sha256, data.get("id") or _slug(path), self._free_id)
            doc_id = row[1] if row else self._free_id(c, data.get("id") or _slug(path))
            identity.settled(c, doc_id, data)
            if doc_id != data.get("id"):  # an id collision renamed it: the JSON must say so
                prep = Prepared.of({**data, "id": doc_id})
                data = prep.data
            digest = prep.digest
            if row and row[3] == sha256 and row[4] == digest:
                return PutResult(doc_id, "unchanged", row[2])
            version = row[2] + 1 if row else 1
            rec = data.get("record") or {}
            authors = [a for a in rec.get("authors") or [] if a]
            now = _now()
            cols = (version, sha256, digest, (data.get("source") or {}).get("format"), rec.get("title"),
                    json.dumps(authors, ensure_ascii=False), rec.get("date"), _year(rec), rec.get("periodical"),
                    len(data.get("findings") or []), now)
            if row:
                rowid = row[0]
                c.execute("UPDATE documents SET version = ?, sha256 = ?, digest = ?, format = ?, title = ?,"
                          " authors = ?, date = ?, year = ?, periodical = ?, n_findings = ?, updated_at = ?"
                          " WHERE rowid = ?", cols + (rowid,))
                c.execute("DELETE FROM doc_authors WHERE doc_rowid = ?", (rowid,))
                c.execute("UPDATE doc_text SET title = ?, authors = ?, body = ? WHERE rowid = ?",
                          (rec.get("title") or "", " ; ".join(authors), data.get("text") or "", rowid))
            else:
                rowid = c.execute(
                    "INSERT INTO documents(id, path, version, sha256, digest, format, title, authors, date, year,"
                    " periodical, n_findings, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (doc_id, path) + cols).lastrowid
                c.execute("INSERT INTO doc_text(rowid, title, authors, body) VALUES (?, ?, ?, ?)",
                          (rowid, rec.get("title") or "", " ; ".join(authors), data.get("text") or ""))
            c.executemany("INSERT OR IGNORE INTO doc_authors(doc_rowid, author) VALUES (?, ?)",
                          [(rowid, a) for a in authors])
            c.execute("INSERT INTO versions(doc_id, version, sha256, path, ingested_at, json) VALUES (?, ?, ?, ?, ?, ?)",
                      (doc_id, version, sha256, path, now, prep.blob))
            index_annotations(c, rowid, data)
            c.execute("INSERT INTO search_log(doc_rowid) VALUES (?)", (rowid,))
            c.execute("DELETE FROM outcomes WHERE path = ?", (path,))
            self._dirty = True
            return PutResult(doc_id, "updated" if row else "new", version)

    @staticmethod
    def _free_id(c: sqlite3.Connection, wanted: str) -> str:
        """`wanted`, or the first of wanted-2, wanted-3 … not yet taken by a document or an old
        id kept as an alias (deterministic for a given order)."""
        if not identity.id_taken(c, wanted):
            return wanted
        n = 2
        while identity.id_taken(c, f"{wanted}-{n}"):
            n += 1
        return f"{wanted}-{n}"

    def record_outcome(self, relpath: str, kind: str, reason: str, sha256: str | None = None) -> None:
        if kind not in ("skipped", "failed"):
            raise ValueError(f"outcome kind must be 'skipped' or 'failed', not {kind!r}")
        with self._tx() as c:
            c.execute("INSERT INTO outcomes(path, kind, reason, sha256, at) VALUES (?, ?, ?, ?, ?)"
                      " ON CONFLICT(path) DO UPDATE SET kind = excluded.kind, reason = excluded.reason,"
                      " sha256 = excluded.sha256, at = excluded.at", (relpath, kind, reason, sha256, _now()))

    # ---- reading -----------------------------------------------------------------------

    def known_sha(self, relpath: str) -> str | None:
        with self._lock:
            row = self.conn.execute("SELECT sha256 FROM documents WHERE path = ?", (relpath,)).fetchone()
        return row[0] if row else None

    def known_shas(self) -> dict[str, str]:
        """Every source path with the sha256 of its current version (one query, for ingest)."""
        with self._lock:
            # Legacy documents (sqlite_identity.py) are read again once, to be re-identified.
            return dict(self.conn.execute("SELECT path, sha256 FROM documents"
                                          " WHERE id NOT IN (SELECT doc_id FROM doc_legacy WHERE reread = 1)"))

    def get_document(self, doc_id: str, version: int | None = None) -> Document:
        doc_id = self.canonical_id(doc_id) or doc_id      # an old id still resolves
        with self._lock:
            if version is None:
                row = self.conn.execute("SELECT v.json FROM documents d JOIN versions v ON v.doc_id = d.id"
                                        " AND v.version = d.version WHERE d.id = ?", (doc_id,)).fetchone()
            else:
                row = self.conn.execute("SELECT json FROM versions WHERE doc_id = ? AND version = ?",
                                        (doc_id, version)).fetchone()
        if row is None:
            what = f"document {doc_id!r}" + (f" version {version}" if version is not None else "")
            raise NotFound(f"{what} is not in the archive", hint="`witness search` or `witness history ID` lists what is")
        return Document.from_json(json.loads(zlib.decompress(row[0])))

    def resolve(self, id_or_path: str) -> str | None:
        key = id_or_path.strip()
        with self._lock:
            for sql, arg in (("SELECT id FROM documents WHERE id = ?", key),
                             ("SELECT id FROM documents WHERE path = ?", key.removeprefix("./"))):
                row = self.conn.execute(sql, (arg,)).fetchone()
                if row:
                    return row[0]
            return (identity.alias_target(self.conn, key)
                    or identity.alias_target(self.conn, key.removeprefix("./")))

    def history(self, doc_id: str) -> list[VersionInfo]:
        doc_id = self.canonical_id(doc_id) or doc_id
        with self._lock:
            cur = self.conn.execute("SELECT version FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if cur is None:
                raise NotFound(f"document {doc_id!r} is not in the archive")
            rows = self.conn.execute("SELECT version, sha256, path, ingested_at FROM versions WHERE doc_id = ?"
                                     " ORDER BY version", (doc_id,)).fetchall()
        return [VersionInfo(v, sha, path, at, v == cur[0]) for v, sha, path, at in rows]

    def document_ids(self) -> list[str]:
        with self._lock:
            return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY id")]

    def iter_documents(self) -> Iterator[Document]:
        # Ids first, then bodies in chunks: no read cursor stays open while the caller
        # (e.g. a reprocess run) writes through this same connection.
        ids = self.document_ids()
        for i in range(0, len(ids), _FETCH_CHUNK):
            chunk = ids[i:i + _FETCH_CHUNK]
            with self._lock:
                rows = self.conn.execute(
                    "SELECT v.json FROM documents d JOIN versions v ON v.doc_id = d.id AND v.version = d.version"
                    f" WHERE d.id IN ({','.join('?' * len(chunk))}) ORDER BY d.id", chunk).fetchall()
            for (blob,) in rows:
                yield Document.from_json(json.loads(zlib.decompress(blob)))

    # ---- stats -------------------------------------------------------------------------

    def stats(self) -> dict:
        with self._lock:
            q = self.conn.execute
            docs = q("SELECT count(*) FROM documents").fetchone()[0]
            versions = q("SELECT count(*) FROM versions").fetchone()[0]
            by_author = q("SELECT author, count(*) FROM doc_authors GROUP BY author ORDER BY 2 DESC, 1").fetchall()
            by_decade = q("SELECT year / 10 * 10 AS decade, count(*) FROM documents GROUP BY decade"
                          " ORDER BY decade IS NULL, decade").fetchall()
            by_periodical = q("SELECT coalesce(periodical, ''), count(*) FROM documents GROUP BY 1"
                              " ORDER BY 2 DESC, 1").fetchall()
            by_format = q("SELECT coalesce(format, ''), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC").fetchall()
            outcomes = q("SELECT kind, reason, count(*), min(path) FROM outcomes GROUP BY kind, reason"
                         " ORDER BY kind, 3 DESC, reason").fetchall()
            findings = q("SELECT rule, count(*) FROM findings GROUP BY rule ORDER BY 2 DESC, 1").fetchall()
            with_findings = q("SELECT count(*) FROM documents WHERE n_findings > 0").fetchone()[0]
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

    def integrity_check(self) -> str:
        """'ok', or SQLite's description of what is broken (also checks the FTS index)."""
        with self._lock:
            result = self.conn.execute("PRAGMA integrity_check").fetchone()[0]
            if result == "ok":
                try:
                    # FTS5's check compares the index with every doc_text row: give it them all.
                    self.fts_catch_up()
                    self.conn.execute("INSERT INTO fts(fts, rank) VALUES ('integrity-check', 1)")
                except sqlite3.DatabaseError as e:
                    return f"fts: {e}"
            return result

    def sync_index(self) -> bool:
        """Bring the search side index up to date with what is committed (True when it is)."""
        with self._lock:
            if self._tindex is None or self._batch is not None:
                return False
            done = self._tindex.sync(self.conn)
            if done:
                self._dirty = False
            return done

    def close(self) -> None:
        with self._lock:
            if self._batch is not None:
                self.conn.execute("COMMIT")
                self._batch = None
            if self._dirty:
                self.sync_index()
            self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()



def _slug(path: str) -> str:
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", path)
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "document"
