"""The embedded archive: one SQLite file, WAL mode, FTS5 for search.

Every `put_document` is one transaction (or one savepoint inside `batch()`), so a process
killed at any moment leaves the archive as it was after the last commit.  The current
version of each document is denormalised into `documents` (filters, facets), `doc_text`
(the FTS5 content) and the annotation tables; `versions` keeps every version's full JSON.
"""

from __future__ import annotations

import hashlib
import os
import heapq
import json
import re
import sqlite3
import threading
import unicodedata
import zlib
from collections import Counter, OrderedDict
from operator import attrgetter
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from .. import search as qlang
from ..errors import BadQuery, NotFound, StoreError
from ..model import Document
from . import migrations
from .base import PutResult, SearchHit, SearchQuery, SearchResults, VersionInfo

# Column weights for bm25: a word in the title counts ten body words, in the authors four.
_BM25 = "bm25(fts, 10.0, 4.0, 1.0)"
FACET_SIZE = 20
_FETCH_CHUNK = 200


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def _fold(text: str) -> tuple[str, ...]:
    """Words of a name, case- and accent-insensitive, for author/periodical filters."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return tuple(re.findall(r"[^\W_]+", plain))


def _year(record: dict) -> int | None:
    for key in ("date", "written", "heading_date"):
        value = record.get(key) or ""
        if len(value) >= 4 and value[:4].isdigit():
            return int(value[:4])
    return None


def index_annotations(conn: sqlite3.Connection, rowid: int, data: dict) -> None:
    """Replace the mention/claim/finding rows of one document by those of `data` (its JSON)."""
    for table in ("mentions", "claims", "findings"):
        conn.execute(f"DELETE FROM {table} WHERE doc_rowid = ?", (rowid,))
    conn.executemany(
        'INSERT INTO mentions(doc_rowid, entity_id, start, "end", text, type) VALUES (?, ?, ?, ?, ?, ?)',
        [(rowid, m.get("entity"), m["start"], m["end"], m["text"], m["type"]) for m in data.get("mentions", [])])
    conn.executemany(
        "INSERT INTO claims(doc_rowid, idx, subject, predicate, object, date, place, certainty, attributed_to,"
        " ev_start, ev_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(rowid, i, c["subject"], c["predicate"], c.get("object"), c.get("date"), c.get("place"),
          c.get("certainty", "asserted"), c.get("attributed_to"),
          (c.get("evidence") or {}).get("start", 0), (c.get("evidence") or {}).get("end", 0))
         for i, c in enumerate(data.get("claims", []))])
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
class _Meta:
    """What search needs per document, cached in memory (≈100 bytes × documents)."""
    id: str
    title: str | None
    authors: tuple[str, ...]
    date: str | None
    year: int | None
    periodical: str | None
    n_findings: int
    author_keys: tuple[tuple[str, ...], ...]
    periodical_key: tuple[str, ...]
    decade: str | None

    @property
    def facet_key(self) -> tuple:
        return (self.authors, self.decade, self.periodical)


@dataclass
class _Batch:
    every: int
    pending: int = 0


class SQLiteStore:
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
            from .textindex import TantivyIndex

            archive_id = self.conn.execute("SELECT value FROM meta WHERE key = 'archive_id'").fetchone()[0]
            self._tindex = TantivyIndex(Path(str(self.path) + ".search"), archive_id)
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

    @contextmanager
    def _tx(self):
        with self._lock:
            c = self.conn
            if self._batch is None:
                c.execute("BEGIN IMMEDIATE")
                try:
                    yield c
                    c.execute("COMMIT")
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
                c.execute("COMMIT")
                c.execute("BEGIN IMMEDIATE")
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
            self.conn.execute("BEGIN IMMEDIATE")
            self._batch = _Batch(max(1, every))
            try:
                yield self
                self.conn.execute("COMMIT")
            except BaseException:
                # Puts that completed are kept: commit them, then let the error through.
                self.conn.execute("COMMIT")
                raise
            finally:
                self._batch = None
            self.sync_index()

    # ---- writing -----------------------------------------------------------------------

    def put_document(self, doc: Document) -> PutResult:
        data = doc.to_json()
        path = doc.source.path
        if not path:
            raise StoreError("document has no source path", hint="readers must set source.path")
        with self._tx() as c:
            row = c.execute("SELECT rowid, id, version, sha256, digest FROM documents WHERE path = ?",
                            (path,)).fetchone()
            doc_id = row[1] if row else self._free_id(c, doc.id or _slug(path))
            data["id"] = doc_id
            raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
            digest = hashlib.sha256(raw).hexdigest()
            if row and row[3] == doc.source.sha256 and row[4] == digest:
                return PutResult(doc_id, "unchanged", row[2])
            version = row[2] + 1 if row else 1
            rec = data.get("record") or {}
            authors = [a for a in rec.get("authors") or [] if a]
            now = _now()
            cols = (version, doc.source.sha256, digest, doc.source.format, rec.get("title"),
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
                      (doc_id, version, doc.source.sha256, path, now, zlib.compress(raw, 1)))
            index_annotations(c, rowid, data)
            c.execute("INSERT INTO search_log(doc_rowid) VALUES (?)", (rowid,))
            c.execute("DELETE FROM outcomes WHERE path = ?", (path,))
            self._dirty = True
            return PutResult(doc_id, "updated" if row else "new", version)

    @staticmethod
    def _free_id(c: sqlite3.Connection, wanted: str) -> str:
        """`wanted`, or the first of wanted-2, wanted-3 … not yet taken (deterministic for a given order)."""
        if not c.execute("SELECT 1 FROM documents WHERE id = ?", (wanted,)).fetchone():
            return wanted
        n = 2
        while c.execute("SELECT 1 FROM documents WHERE id = ?", (f"{wanted}-{n}",)).fetchone():
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

    def get_document(self, doc_id: str, version: int | None = None) -> Document:
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
        return None

    def history(self, doc_id: str) -> list[VersionInfo]:
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

    # ---- search ------------------------------------------------------------------------

    def _metadata(self) -> dict[int, _Meta]:
        key = (self.conn.execute("PRAGMA data_version").fetchone()[0], self._local_writes)
        if key != self._meta_key:
            meta = {}
            for rowid, id_, title, authors, date, year, periodical, nf in self.conn.execute(
                    "SELECT rowid, id, title, authors, date, year, periodical, n_findings FROM documents"):
                names = tuple(json.loads(authors))
                meta[rowid] = _Meta(id_, title, names, date, year, periodical, nf,
                                    tuple(_fold(a) for a in names), _fold(periodical or ""),
                                    f"{year // 10 * 10}s" if year is not None else None)
            self._meta, self._meta_key = meta, key
            self._names = {"author": {}, "periodical": {}}
            for m in meta.values():
                self._names["author"].update(zip(m.authors, m.author_keys))
                if m.periodical:
                    self._names["periodical"][m.periodical] = m.periodical_key
            self._rank_cache.clear()
        return self._meta

    def search(self, query: SearchQuery) -> SearchResults:
        parsed = qlang.parse(query.q)
        if query.limit < 0 or query.offset < 0:
            raise BadQuery("limit and offset must not be negative")
        with self._lock:
            meta = self._metadata()
            if not parsed.empty and self._side_index_ready():
                self.last_engine = "tantivy"
                return self._search_tantivy(parsed, query, meta)
            self.last_engine = "fts5"
            if parsed.empty:
                ranked = [(0.0, r) for r in meta]
            else:
                ranked = self._ranked(qlang.to_fts5(parsed))
            person_docs = None
            if query.person:
                person_docs = {r[0] for r in self.conn.execute(
                    "SELECT DISTINCT doc_rowid FROM mentions WHERE entity_id = ?", (query.person,))}
        keep = self._filter(query, person_docs)
        if keep is None:
            matched = [sr for sr in ranked if sr[1] in meta]
        else:
            matched = [sr for sr in ranked if sr[1] in meta and keep(sr[1], meta[sr[1]])]
        facets = self._facets([meta[r] for _, r in matched])
        want = query.offset + query.limit
        if parsed.empty:
            matched.sort(key=lambda sr: (meta[sr[1]].date or "9999", meta[sr[1]].id))
            page = matched[query.offset:want]
        else:
            # FTS5's bm25 is lower-is-better; scores handed out are higher-is-better.
            page = [(-s, r) for s, r in heapq.nsmallest(want, matched)[query.offset:]]
        hits = self._hits(page, meta, parsed)
        return SearchResults(total=len(matched), hits=hits, facets=facets)

    def _side_index_ready(self) -> bool:
        if self._tindex is None or self._batch is not None:
            return False
        if self._dirty or not self._tindex.is_current(self.conn):
            return self.sync_index()
        return True

    def _names_matching(self, wanted: str | None, attr: str) -> list[str] | None:
        """The distinct author (or periodical) names whose words include all of `wanted`'s
        (case and accents ignored, any order: "serge victor" finds "Victor Serge")."""
        if not wanted:
            return None
        words = _fold(wanted)
        return sorted(name for name, key in self._names[attr].items() if all(w in key for w in words))

    def _search_tantivy(self, parsed: qlang.Query, query: SearchQuery, meta: dict[int, _Meta]) -> SearchResults:
        total, page, facets = self._tindex.search(
            parsed, authors=self._names_matching(query.author, "author"),
            periodicals=self._names_matching(query.periodical, "periodical"),
            date_from=query.date_from, date_to=query.date_to, has_findings=query.has_findings,
            person=query.person, limit=query.limit, offset=query.offset, facet_size=FACET_SIZE)
        page = [(score, rowid) for score, rowid in page if rowid in meta]
        return SearchResults(total=total, hits=self._hits(page, meta, parsed), facets=facets)

    def _ranked(self, match: str) -> list[tuple[float, int]]:
        """(bm25, rowid) of every match.  This is the expensive part of a search and does not
        depend on filters, offset or limit, so it is cached per archive state: paging and
        facet drill-down reuse it."""
        key = (match, self._meta_key)
        hit = self._rank_cache.get(key)
        if hit is not None:
            self._rank_cache.move_to_end(key)
            return hit
        try:
            ranked = [(score, rowid) for rowid, score in self.conn.execute(
                f"SELECT rowid, {_BM25} FROM fts WHERE fts MATCH ?", (match,))]
        except sqlite3.OperationalError as e:      # defence in depth: parse() quotes everything
            raise BadQuery(f"the search engine rejected the query: {e}") from e
        if self.rank_cache_size:
            self._rank_cache[key] = ranked
            while len(self._rank_cache) > self.rank_cache_size:
                self._rank_cache.popitem(last=False)
        return ranked

    def _filter(self, query: SearchQuery, person_docs: set[int] | None):
        authors = self._names_matching(query.author, "author")
        periodicals = self._names_matching(query.periodical, "periodical")
        if (authors is None and periodicals is None and person_docs is None and query.has_findings is None
                and query.date_from is None and query.date_to is None):
            return None
        authors = set(authors) if authors is not None else None
        periodicals = set(periodicals) if periodicals is not None else None

        def keep(rowid: int, m: _Meta) -> bool:
            if authors is not None and not any(a in authors for a in m.authors):
                return False
            if periodicals is not None and m.periodical not in periodicals:
                return False
            if query.date_from is not None and (m.year is None or m.year < query.date_from):
                return False
            if query.date_to is not None and (m.year is None or m.year > query.date_to):
                return False
            if query.has_findings is not None and (m.n_findings > 0) != query.has_findings:
                return False
            if person_docs is not None and rowid not in person_docs:
                return False
            return True

        return keep

    @staticmethod
    def _facets(metas: list[_Meta]) -> dict[str, list[tuple[str, int]]]:
        # One C-speed pass over the matches counting facet keys; the (few hundred) distinct
        # keys are then spread over the three facets.
        by_key = Counter(map(attrgetter("facet_key"), metas))
        authors, decades, periodicals = Counter(), Counter(), Counter()
        for (names, decade, periodical), n in by_key.items():
            for a in names:
                authors[a] += n
            if decade:
                decades[decade] += n
            if periodical:
                periodicals[periodical] += n

        def top(counter: Counter) -> list[tuple[str, int]]:
            return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_SIZE]

        return {"author": top(authors), "decade": sorted(decades.items()), "periodical": top(periodicals)}

    def _hits(self, page, meta: dict[int, _Meta], parsed: qlang.Query) -> list[SearchHit]:
        if not page:
            return []
        rowids = [r for _, r in page]
        marks = ",".join("?" * len(rowids))
        # A browse (no words) shows the opening of the text; no need to read whole bodies.
        body_sql = "substr(body, 1, 600)" if parsed.empty else "body"
        with self._lock:
            bodies = dict(self.conn.execute(f"SELECT rowid, {body_sql} FROM doc_text WHERE rowid IN ({marks})",
                                            rowids).fetchall())
        pattern = qlang.highlighter(parsed.terms)
        hits = []
        for score, rowid in page:
            m = meta[rowid]
            hits.append(SearchHit(id=m.id, title=m.title, authors=list(m.authors), date=m.date,
                                  periodical=m.periodical,
                                  snippet=qlang.make_snippet(bodies.get(rowid, ""), pattern, terms=parsed.terms),
                                  score=score))
        return hits

    # ---- stats -------------------------------------------------------------------------

    def stats(self) -> dict:
        with self._lock:
            q = self.conn.execute
            docs = q("SELECT count(*) FROM documents").fetchone()[0]
            versions = q("SELECT count(*) FROM versions").fetchone()[0]
            by_author = q("SELECT author, count(*) FROM doc_authors GROUP BY author ORDER BY 2 DESC, 1").fetchall()
            by_decade = q("SELECT year / 10 * 10, count(*) FROM documents GROUP BY 1 ORDER BY 1").fetchall()
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
            "authors": [(a, n) for a, n in by_author],
            "decades": [(f"{d}s" if d is not None else "undated", n) for d, n in by_decade],
            "periodicals": [(p or "(none)", n) for p, n in by_periodical],
            "formats": [(f or "(unknown)", n) for f, n in by_format],
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
