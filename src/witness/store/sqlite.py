"""The embedded archive: one SQLite file in WAL mode, a tantivy side index beside it
(`<db>.search/`) and FTS5 as its fallback (sqlite_search.py).

Every `put_document` is one transaction (or one savepoint inside `batch()`), so a process
killed at any moment leaves the archive as it was after the last commit.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

from ..errors import StoreError
from . import migrations
from .core import ArchiveStore
from .db import SQLiteDatabase
from .documents import Prepared  # noqa: F401 - pipeline workers pickle it from here
from .sqlite_search import FTS5Search


class SQLiteStore(ArchiveStore):
    def __init__(self, path: str | Path, *, timeout: float = 30.0, rank_cache_size: int = 32,
                 engine: str | None = None):
        db = SQLiteDatabase(path, timeout=timeout)
        import sqlite3
        try:
            migrations.migrate(db.conn)
        except sqlite3.DatabaseError as e:
            db.close()
            raise StoreError(f"cannot open archive {db.path}: {e}",
                             hint="is this a witness archive? (it must be an SQLite file)") from e
        self.path = db.path
        self.engine = engine or os.environ.get("WITNESS_SEARCH_ENGINE", "tantivy")
        if self.engine not in ("tantivy", "fts5"):
            db.close()
            raise StoreError(f"unknown search engine {self.engine!r}", hint="use tantivy or fts5")
        tindex = None
        if self.engine == "tantivy":
            archive_id = db.one("SELECT value FROM meta WHERE key = 'archive_id'")
            try:
                from .textindex import TantivyIndex

                tindex = TantivyIndex(Path(str(db.path) + ".search"), archive_id)
            except (ImportError, OSError, ValueError) as e:
                # The side index only makes search faster; FTS5 answers the same queries.
                warnings.warn(f"search side index unavailable ({e}); searching with SQLite FTS5")
                self.engine = "fts5"
        search = FTS5Search(db, tindex, rank_cache_size=rank_cache_size)
        super().__init__(db, search, str(db.path))
        if self.engine == "fts5":
            # FTS5 is this store's only text index: bring it up to date now (opening may
            # write, as a migration does) and keep it current at every commit.
            search.catch_up()
            db._on_commit.append(search.catch_up)

    # -- SQLite maintenance (tests and benchmarks look inside) ------------------------------
    @property
    def conn(self):
        return self.db.conn

    @property
    def _tindex(self):
        return self.searcher.tindex

    def fts_behind(self) -> int:
        return self.searcher.fallback_behind()

    def fts_catch_up(self) -> int:
        return self.searcher.catch_up()

    def integrity_check(self) -> str:
        """'ok', or SQLite's description of what is broken (also checks the FTS index)."""
        with self.db.lock:
            result = self.db.one("PRAGMA integrity_check")
            if result != "ok":
                return result
            result = super().integrity_check()
            return self.searcher.integrity() if result == "ok" else result
