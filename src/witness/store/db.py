"""One connection to an archive database and its transactions, for either backend.

Every query family (documents.py, people.py, findings.py, curation.py) is written once in
the SQL both SQLite and PostgreSQL understand, with `?` placeholders, and runs through a
`Database`.  What differs between the engines — how a write transaction starts, how a
commit is ordered against other writers, what "the archive changed" looks like — is here
and in the two subclasses (SQLite in this module, PostgreSQL in pg.py).

Transactions: `tx()` is one all-or-nothing unit.  Inside `batch()` each `tx()` is a
savepoint and the batch commits every `every` units, so a crash loses at most the last
uncommitted group, each unit of which is redone by running the same command again.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Sequence

from ..errors import StoreError


@dataclass
class _Batch:
    every: int
    pending: int = 0


class Database:
    """What the query families need: execute, executemany, insert-returning-id, tx, batch."""

    dialect = "?"
    for_update = ""          # appended to a SELECT that reads a row the transaction will change

    @staticmethod
    def blob(data: bytes):
        return data
    integrity_errors: tuple[type[BaseException], ...] = ()

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self._batch: _Batch | None = None
        self._on_commit: list = []          # callables run just before each COMMIT (in the tx)
        self._after_commit: list = []       # callables run after each COMMIT
        self.local_writes = 0               # units this process committed (a cheap generation part)
        self._changed: list[int] = []       # documents changed in the open transaction (search_log)

    # -- statements (subclasses) ----------------------------------------------------------
    def execute(self, sql: str, args: Sequence | dict = ()):
        raise NotImplementedError

    def executemany(self, sql: str, rows) -> None:
        raise NotImplementedError

    def insert_id(self, sql: str, args: Sequence = ()) -> int:
        """Run an INSERT … RETURNING rowid and return that id."""
        return self.execute(sql, args).fetchone()[0]

    def one(self, sql: str, args: Sequence = ()):
        row = self.execute(sql, args).fetchone()
        return row[0] if row else None

    def all(self, sql: str, args: Sequence = ()) -> list[tuple]:
        return [tuple(r) for r in self.execute(sql, args).fetchall()]

    @property
    def in_transaction(self) -> bool:
        raise NotImplementedError

    def _begin(self) -> None:
        raise NotImplementedError

    def log_change(self, rowid: int) -> None:
        """Note that a document's rows changed; the search change log gets it at commit."""
        self._changed.append(rowid)

    def _flush_changes(self) -> None:
        self.executemany("INSERT INTO search_log(doc_rowid) VALUES (?)", [(r,) for r in self._changed])

    def _commit(self) -> None:
        if self._changed:
            self._flush_changes()
            self._changed = []
        for hook in self._on_commit:
            hook()
        self.execute("COMMIT")

    def _rollback(self) -> None:
        self._changed = []
        self.execute("ROLLBACK")

    def write_lock(self, exclusive: bool = False) -> None:
        """Called at the start of a unit that changes annotation rows: curation takes it
        exclusive, document puts shared, so a merge never misses a document being written
        (PostgreSQL; SQLite has one writer at a time anyway)."""

    def restart_sequence(self, table: str, column: str) -> None:
        """After rows were inserted with their numbers given (moving an archive), the next
        number the database hands out for `column` follows the largest one.  SQLite does
        that by itself (INTEGER PRIMARY KEY)."""

    def generation(self) -> tuple:
        """Changes whenever anything was committed, by any process."""
        raise NotImplementedError

    def log_head(self) -> int:
        """The newest entry of the search change log (search_log.seq) that is committed."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # -- transactions ---------------------------------------------------------------------
    @contextmanager
    def tx(self) -> Iterator["Database"]:
        with self.lock:
            if self._batch is None:
                self._begin()
                try:
                    yield self
                    self._commit()
                except BaseException:
                    self._rollback()
                    raise
                finally:
                    self.local_writes += 1
                self._run_after_commit()
                return
            self.execute("SAVEPOINT put")
            mark = len(self._changed)
            try:
                yield self
                self.execute("RELEASE put")
            except BaseException:
                self.execute("ROLLBACK TO put")
                self.execute("RELEASE put")
                del self._changed[mark:]
                raise
            self.local_writes += 1
            self._batch.pending += 1
            if self._batch.pending >= self._batch.every:
                self._commit()
                self._run_after_commit()
                self._begin()
                self._batch.pending = 0

    @contextmanager
    def batch(self, every: int = 500):
        """Group units into transactions of `every` (much faster than one each); a unit that
        fails is undone alone and the others are kept."""
        with self.lock:
            if self._batch is not None:      # nested: the outer batch decides
                yield self
                return
            self._begin()
            self._batch = _Batch(max(1, every))
            try:
                yield self
            finally:
                # Units that completed are kept, also when an error ends the batch.
                self._batch = None
                self._commit()
                self._run_after_commit()

    @property
    def batching(self) -> bool:
        return self._batch is not None

    def _run_after_commit(self) -> None:
        for hook in self._after_commit:
            hook()


# ---- SQLite ------------------------------------------------------------------------------

class SQLiteDatabase(Database):
    dialect = "sqlite"
    integrity_errors = (sqlite3.IntegrityError,)

    def __init__(self, path: str | Path, *, timeout: float = 30.0) -> None:
        super().__init__()
        self.timeout = timeout
        self.path = Path(path)
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a directory, not an archive file", hint="pass --db FILE")
        if self.path.parent and not self.path.parent.exists():
            raise StoreError(f"folder {self.path.parent} does not exist", hint="create it or choose another --db")
        try:
            self.conn = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False,
                                        timeout=timeout)
            mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise StoreError(f"could not switch {self.path} to WAL mode (got {mode})")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            # NORMAL in WAL mode survives a killed process; only a power cut may lose the last commits.
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA cache_size = -65536")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open archive {self.path}: {e}",
                             hint="is this a witness archive? (it must be an SQLite file)") from e

    def execute(self, sql: str, args: Sequence | dict = ()):
        return self.conn.execute(sql, args)

    def executemany(self, sql: str, rows) -> None:
        self.conn.executemany(sql, rows)

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def _begin(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            if "locked" in str(e) or "busy" in str(e):
                raise StoreError(f"the archive {self.path} is busy: another process has been writing to it "
                                 f"for longer than the busy timeout", hint="wait for it to finish, then retry") from e
            raise

    def generation(self) -> tuple:
        with self.lock:
            return self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes

    def log_head(self) -> int:
        row = self.conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'search_log'").fetchone()
        return row[0] if row else 0

    @contextmanager
    def snapshot(self):
        """Several reads that must see one state of the archive."""
        with self.lock:
            if self.conn.in_transaction:
                yield self
                return
            self.conn.execute("BEGIN")
            try:
                yield self
            finally:
                self.conn.execute("COMMIT")

    def clone(self) -> "SQLiteDatabase":
        return SQLiteDatabase(self.path, timeout=self.timeout)

    def alias_equals(self, column: str) -> str:
        """SQL true when a JSON list column holds `?` (lower-cased)."""
        return f"EXISTS (SELECT 1 FROM json_each({column}) WHERE lower(value) = ?)"

    def close(self) -> None:
        self.conn.close()


_PLACEHOLDER = re.compile(r"'[^']*'|\?|%")


def to_pyformat(sql: str) -> str:
    """`?` placeholders → `%s` (psycopg), a literal % doubled; quoted strings left alone."""
    def sub(m: re.Match) -> str:
        tok = m.group(0)
        return "%s" if tok == "?" else "%%" if tok == "%" else tok
    return _PLACEHOLDER.sub(sub, sql)


def marks(values: Sequence[Any]) -> str:
    """`?, ?, …` for an IN list (never empty: an empty list gets a NULL, which matches nothing)."""
    return ",".join("?" * len(values)) or "NULL"
