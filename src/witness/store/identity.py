"""Document identity across the change to archive-root paths (issue 13): aliases and adoption.

Before schema step 11 a document's source path (and the id derived from it) was relative to
whatever folder had been given to `ingest`: ``1937/08/yagoda.htm`` / ``1937-08-yagoda``.  Now
it is relative to the archive root: ``archive/serge/1937/08/yagoda.htm`` /
``serge-1937-08-yagoda``.  The step cannot know the archive root of a stored document (its
file is not in the archive), so it records what it can (``doc_legacy``) and the next ingest
finishes the work:

- a document whose path is not archive-rooted (does not start with ``archive/``,
  ``history/``…) may be *adopted* by a new path that ends with its old path, when the file's
  bytes are the same (sha256) and no other such document matches: the row is renamed, every
  version kept, and the old id and old path stay as aliases that `resolve`, `get_document`
  and `history` follow (CLI, web URLs and API alike);
- a document whose path is already archive-rooted keeps it, and its file is read once more
  (known_shas leaves it out) so that its JSON gains the page's URL.

Only documents stored before the step take part: two copies of one file in later runs are
two documents, never a rename.  A document whose file is never ingested again keeps its id.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

from .base import DocAlias, LegacyDoc
from .db import Database

# 11: aliases (old ids and paths that still resolve) and the documents stored before archive roots.
# Replayable (tests rewind user_version by hand): nothing is created twice, nothing marked twice.
V11 = """
CREATE TABLE IF NOT EXISTS doc_aliases (
    alias  TEXT PRIMARY KEY,                 -- an old id or an old source path
    doc_id TEXT NOT NULL,                    -- the document's id now
    kind   TEXT NOT NULL CHECK (kind IN ('id', 'path')),
    at     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_aliases_doc ON doc_aliases(doc_id);
CREATE TABLE IF NOT EXISTS doc_legacy (                    -- stored before archive roots (see the module doc)
    doc_id TEXT PRIMARY KEY,
    reread INTEGER NOT NULL                  -- 1: rooted path, read once more; 0: may be adopted
);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256);  -- adoption looks documents up by their bytes
"""


def v11_fill(conn: sqlite3.Connection) -> None:
    from ..ingest.paths import MIA_TOP     # the one list of MIA top folders

    rows = conn.execute("SELECT id, path FROM documents").fetchall()
    conn.executemany("INSERT OR IGNORE INTO doc_legacy(doc_id, reread) VALUES (?, ?)",
                     [(i, int("/" in p and p.split("/", 1)[0] in MIA_TOP)) for i, p in rows])


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def alias_target(db: Database, key: str) -> str | None:
    """The current id of a document once known by `key` (an old id or an old path)."""
    for _ in range(8):      # an alias of an alias: a document re-identified twice
        target = db.one("SELECT doc_id FROM doc_aliases WHERE alias = ?", (key,))
        if target is None:
            return None
        if db.one("SELECT 1 FROM documents WHERE id = ?", (target,)) is not None:
            return target
        key = target
    return None


def canonical(db: Database, key: str) -> str | None:
    """`key` if it is a document id, else the document an alias names, else None."""
    if db.one("SELECT 1 FROM documents WHERE id = ?", (key,)) is not None:
        return key
    return alias_target(db, key)


def id_taken(db: Database, doc_id: str) -> bool:
    """An id is taken by a document or by an alias: an old permalink keeps its document."""
    return (db.one("SELECT 1 FROM documents WHERE id = ?", (doc_id,)) is not None
            or db.one("SELECT 1 FROM doc_aliases WHERE alias = ? AND kind = 'id'", (doc_id,)) is not None)


def adopt(db: Database, path: str, sha256: str | None, wanted: str, free_id) -> tuple | None:
    """Re-identify the legacy document that the file at `path` is (see the module doc);
    returns its row (rowid, id, version, sha256, digest) under the new identity, or None.

    Inside the caller's write transaction.  `free_id(wanted)` picks the new id."""
    if not sha256:
        return None
    rows = db.all("SELECT d.rowid, d.id, d.path FROM documents d JOIN doc_legacy l ON l.doc_id = d.id"
                  " WHERE l.reread = 0 AND d.sha256 = ?", (sha256,))
    tails = [r for r in rows if path.endswith("/" + r[2])]
    if len(tails) != 1:
        return None                      # none, or ambiguous: a new document is safer than a wrong merge
    rowid, old_id, old_path = tails[0]
    new_id = old_id if old_id == wanted else free_id(wanted)
    at = _now()
    if db.dialect == "sqlite":
        db.execute("PRAGMA defer_foreign_keys = ON")     # versions.doc_id follows in this transaction
    db.execute("UPDATE documents SET id = ?, path = ? WHERE rowid = ?", (new_id, path, rowid))
    if new_id != old_id:
        db.execute("UPDATE versions SET doc_id = ? WHERE doc_id = ?", (new_id, old_id))
        db.execute("UPDATE doc_aliases SET doc_id = ? WHERE doc_id = ?", (new_id, old_id))
        _alias(db, old_id, new_id, "id", at)
    _alias(db, old_path, new_id, "path", at)
    db.execute("DELETE FROM outcomes WHERE path = ?", (old_path,))
    db.execute("DELETE FROM doc_legacy WHERE doc_id = ?", (old_id,))
    return db.execute("SELECT rowid, id, version, sha256, digest FROM documents WHERE rowid = ?",
                      (rowid,)).fetchone()


def _alias(db: Database, alias: str, doc_id: str, kind: str, at: str) -> None:
    db.execute("INSERT INTO doc_aliases(alias, doc_id, kind, at) VALUES (?, ?, ?, ?) ON CONFLICT(alias)"
               " DO UPDATE SET doc_id = excluded.doc_id, kind = excluded.kind, at = excluded.at",
               (alias, doc_id, kind, at))


def settled(db: Database, doc_id: str, data: dict) -> None:
    """A rooted legacy document stored again with its URL needs no more reading."""
    if (data.get("source") or {}).get("url"):
        db.execute("DELETE FROM doc_legacy WHERE doc_id = ? AND reread = 1", (doc_id,))


def aliases(db: Database) -> list[DocAlias]:
    """Every old id and path that still names a document, by alias."""
    return [DocAlias(*r) for r in db.all("SELECT alias, doc_id, kind, at FROM doc_aliases ORDER BY alias")]


def legacy(db: Database) -> list[LegacyDoc]:
    return [LegacyDoc(d, bool(r)) for d, r in db.all("SELECT doc_id, reread FROM doc_legacy ORDER BY doc_id")]


def restore(db: Database, aliases: list[DocAlias], legacy: list[LegacyDoc]) -> None:
    """Moving an archive: the aliases and legacy marks exactly as given, inside the caller's
    transaction.  An alias must name a stored document (or an alias of one)."""
    db.executemany("INSERT INTO doc_aliases(alias, doc_id, kind, at) VALUES (?, ?, ?, ?)",
                   [(a.alias, a.doc_id, a.kind, a.at) for a in aliases])
    db.executemany("INSERT INTO doc_legacy(doc_id, reread) VALUES (?, ?)",
                   [(d.doc_id, int(d.reread)) for d in legacy])
