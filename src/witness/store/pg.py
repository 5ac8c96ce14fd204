"""A PostgreSQL archive: the same tables and the same query families as SQLite (db.py), on
a server that several `witness serve` processes, editors and ingest workers share.

    witness --db postgresql://user@host/dbname ingest pages/

What differs from SQLite is only here: transactions start with BEGIN and order their entry
in the search change log under an advisory lock (so `search_log` sequence numbers commit in
order, which the side index relies on), curation takes an exclusive advisory lock that
document writes take shared (a merge never misses a document being written), and the
archive's generation is the server's transaction snapshot.  Search: pg_search.py.
"""

from __future__ import annotations

import functools
import os
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Sequence

from ..errors import StoreError
from .core import ArchiveStore
from .db import Database, to_pyformat

_CURATION_LOCK = 7_341_002
_LOG_LOCK = 7_341_003


@functools.lru_cache(maxsize=4096)
def _sql(sql: str) -> str:
    return to_pyformat(sql)


class PostgresDatabase(Database):
    dialect = "postgresql"
    for_update = " FOR UPDATE"

    def __init__(self, url: str) -> None:
        super().__init__()
        try:
            import psycopg
        except ImportError as e:     # pragma: no cover - a dependency of the package
            raise StoreError("PostgreSQL archives need the psycopg package", hint="pip install psycopg[binary]") from e
        self.url = url
        self._psycopg = psycopg
        self.integrity_errors = (psycopg.errors.UniqueViolation,)
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.OperationalError as e:
            raise StoreError(f"cannot connect to the PostgreSQL archive {_redact(url)}: {str(e).strip()}",
                             hint="is the server running, and does the database exist?") from e
        self._tx_lock_mode: str | None = None

    def execute(self, sql: str, args: Sequence | dict = ()):
        if args:
            return self.conn.execute(_sql(sql), args)
        return self.conn.execute(sql)

    def executemany(self, sql: str, rows) -> None:
        rows = list(rows)
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(_sql(sql), rows)

    @property
    def in_transaction(self) -> bool:
        return self.conn.info.transaction_status != self._psycopg.pq.TransactionStatus.IDLE

    def _begin(self) -> None:
        self.conn.execute("BEGIN")
        self._tx_lock_mode = None

    def _flush_changes(self) -> None:
        # Log entries must commit in sequence order: the side index applies "everything up
        # to the newest entry", which must not skip an entry committed later with a lower
        # number.  The lock is held only from here to the COMMIT just after.
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOG_LOCK,))
        super()._flush_changes()

    def _commit(self) -> None:
        super()._commit()
        self._tx_lock_mode = None

    def _rollback(self) -> None:
        super()._rollback()
        self._tx_lock_mode = None

    def write_lock(self, exclusive: bool = False) -> None:
        want = "exclusive" if exclusive else "shared"
        if self._tx_lock_mode == want or self._tx_lock_mode == "exclusive":
            return
        fn = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
        self.conn.execute(f"SELECT {fn}(%s)", (_CURATION_LOCK,))
        self._tx_lock_mode = want

    def restart_sequence(self, table: str, column: str) -> None:
        # setval(…, max, true): the next is max + 1; setval(…, 1, false): the next is 1.
        self.execute(f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'),"
                     f" coalesce((SELECT max({column}) FROM {table}), 1),"
                     f" (SELECT max({column}) FROM {table}) IS NOT NULL)")

    def generation(self) -> tuple:
        with self.lock:
            snap = self.conn.execute("SELECT pg_current_snapshot()::text").fetchone()[0]
        return snap, self.local_writes

    def log_head(self) -> int:
        return self.conn.execute("SELECT coalesce(max(seq), 0) FROM search_log").fetchone()[0]

    @contextmanager
    def snapshot(self):
        with self.lock:
            if self.in_transaction:
                yield self
                return
            self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try:
                yield self
            finally:
                self.conn.execute("COMMIT")

    def alias_equals(self, column: str) -> str:
        return f"EXISTS (SELECT 1 FROM jsonb_array_elements_text(({column})::jsonb) AS a(v) WHERE lower(a.v) = ?)"

    def clone(self) -> "PostgresDatabase":
        return PostgresDatabase(self.url)

    def close(self) -> None:
        self.conn.close()


def _redact(url: str) -> str:
    """The URL without its password (for messages)."""
    import re
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def index_dir(url: str, archive_id: str) -> Path:
    """Where this process keeps its side index of a PostgreSQL archive: WITNESS_SEARCH_DIR,
    else the user's cache folder; one folder per archive (each server keeps its own)."""
    base = os.environ.get("WITNESS_SEARCH_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "witness")
    return Path(base) / f"{archive_id}.search"


class PostgresStore(ArchiveStore):
    def __init__(self, url: str, *, rank_cache_size: int = 32, engine: str | None = None):
        from . import pg_schema
        from .pg_search import TsvectorSearch

        db = PostgresDatabase(url)
        try:
            pg_schema.migrate(db)
        except self_errors(db) as e:
            db.close()
            raise StoreError(f"cannot open the PostgreSQL archive {_redact(url)}: {str(e).strip()}") from e
        self.engine = engine or os.environ.get("WITNESS_SEARCH_ENGINE", "tantivy")
        if self.engine not in ("tantivy", "tsvector", "fts5"):
            db.close()
            raise StoreError(f"unknown search engine {self.engine!r}", hint="use tantivy or tsvector")
        tindex = None
        if self.engine == "tantivy":
            archive_id = db.one("SELECT value FROM meta WHERE key = 'archive_id'")
            try:
                from .textindex import TantivyIndex

                tindex = TantivyIndex(index_dir(url, archive_id), archive_id)
            except (ImportError, OSError, ValueError) as e:
                warnings.warn(f"search side index unavailable ({e}); searching with PostgreSQL tsvector")
                self.engine = "tsvector"
        else:
            self.engine = "tsvector"
        super().__init__(db, TsvectorSearch(db, tindex, rank_cache_size=rank_cache_size), url)
        self.display_url = _redact(url)
        ctype = db.one("SHOW lc_ctype")
        if ctype.upper() in ("C", "POSIX"):
            warnings.warn(f"the database's LC_CTYPE is {ctype}: PostgreSQL lower-cases only ASCII there, so"
                          " names and search in other scripts (Раковский) match case-sensitively;"
                          " create the database with LC_CTYPE C.UTF-8 (or any UTF-8 locale)")


def self_errors(db: PostgresDatabase):
    return (db._psycopg.Error,)
