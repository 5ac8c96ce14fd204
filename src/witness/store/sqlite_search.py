"""SQLite's own text index (FTS5), the fallback of the tantivy side index.

FTS5 holds exactly the doc_text rows with rowid <= meta 'fts_upto' (schema step 7): an
ingest indexes the text once, in tantivy, and FTS5 takes in the newer rows when a process
that searches with FTS5 only opens the archive or commits (`catch_up`).  A search never
catches it up (that is a write, which would wait for another process's transaction): it
reads FTS5 as it is and says how many documents it is missing.
"""

from __future__ import annotations

import sqlite3

from .. import search as qlang
from ..errors import BadQuery
from .db import SQLiteDatabase
from .search_service import SearchService

# Column weights for bm25: a word in the title counts ten body words, in the authors four.
_BM25 = "bm25(fts, 10.0, 4.0, 1.0)"


class FTS5Search(SearchService):
    name = "fts5"

    def __init__(self, db: SQLiteDatabase, side_index, **kw) -> None:
        super().__init__(db, side_index, **kw)

    def _upto(self) -> int:
        return self.db.one("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'fts_upto'")

    def fallback_behind(self) -> int:
        with self.db.lock:
            return self.db.one("SELECT count(*) FROM doc_text WHERE rowid > ?", (self._upto(),))

    def catch_up(self) -> int:
        """Index the doc_text rows FTS5 has not seen; returns how many.  Inside the caller's
        write transaction when it has one, else in a transaction of its own (a write)."""
        db = self.db
        with db.lock:
            upto = self._upto()
            top = db.one("SELECT coalesce(max(rowid), 0) FROM doc_text")
            if top <= upto:
                return 0            # the usual case: no write transaction (it would end search caches)
            if not db.in_transaction:
                with db.tx():
                    return self.catch_up()
            n = db.execute("INSERT INTO fts(rowid, title, authors, body) SELECT rowid, title, authors, body"
                           " FROM doc_text WHERE rowid > ?", (upto,)).rowcount
            db.execute("UPDATE meta SET value = ? WHERE key = 'fts_upto'", (str(top),))
            return n

    def _rank_fallback(self, parsed: qlang.Query) -> list[tuple[float, int]]:
        try:
            return [(score, rowid) for rowid, score in self.db.execute(
                f"SELECT rowid, {_BM25} FROM fts WHERE fts MATCH ?", (qlang.to_fts5(parsed),))]
        except sqlite3.OperationalError as e:      # defence in depth: parse() quotes everything
            raise BadQuery(f"the search engine rejected the query: {e}") from e

    def integrity(self) -> str:
        try:
            # FTS5's check compares the index with every doc_text row: give it them all.
            self.catch_up()
            self.db.execute("INSERT INTO fts(fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as e:
            return f"fts: {e}"
        return "ok"
