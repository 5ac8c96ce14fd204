"""Versioned schema for the SQLite archive (PostgreSQL: pg_schema.py).

``PRAGMA user_version`` holds the number of steps applied.  Steps are only ever appended:
an archive written by an older release is brought forward on open, step by step, each
step in its own transaction, so an interrupted migration resumes where it stopped.
"""

from __future__ import annotations

import sqlite3
from typing import Callable

from ..errors import StoreError

Step = str | Callable[[sqlite3.Connection], None]

# 1: documents, their versions, and the outcome of every file that did not become a document.
_V1 = """
CREATE TABLE documents (
    rowid        INTEGER PRIMARY KEY,            -- also the FTS rowid
    id           TEXT NOT NULL UNIQUE,
    path         TEXT NOT NULL UNIQUE,           -- source path; the identity of a document
    version      INTEGER NOT NULL,               -- the current version
    sha256       TEXT NOT NULL,                  -- of the current version's raw bytes
    digest       TEXT NOT NULL,                  -- of the current version's JSON
    format       TEXT,
    title        TEXT,
    authors      TEXT NOT NULL DEFAULT '[]',     -- JSON list
    date         TEXT,
    year         INTEGER,
    periodical   TEXT,
    n_findings   INTEGER NOT NULL DEFAULT 0,
    updated_at   TEXT NOT NULL
);
CREATE INDEX documents_year ON documents(year);
CREATE INDEX documents_periodical ON documents(periodical);

CREATE TABLE doc_authors (
    doc_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    author    TEXT NOT NULL,
    PRIMARY KEY (doc_rowid, author)
) WITHOUT ROWID;
CREATE INDEX doc_authors_author ON doc_authors(author);

-- Every version ever stored: nothing is overwritten.  json is zlib-compressed Document.to_json.
CREATE TABLE versions (
    doc_id      TEXT NOT NULL REFERENCES documents(id),
    version     INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    path        TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    json        BLOB NOT NULL,
    PRIMARY KEY (doc_id, version)
);

-- Latest outcome per path for files that were skipped or failed (for `stats`).
CREATE TABLE outcomes (
    path   TEXT PRIMARY KEY,
    kind   TEXT NOT NULL CHECK (kind IN ('skipped', 'failed')),
    reason TEXT NOT NULL,
    sha256 TEXT,
    at     TEXT NOT NULL
);
"""

# 2: full-text index over the current version only.  External content (doc_text) so that
# FTS5 can rebuild itself, and triggers so the index cannot drift from its content.
_V2 = """
CREATE TABLE doc_text (
    rowid   INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
    title   TEXT NOT NULL DEFAULT '',
    authors TEXT NOT NULL DEFAULT '',
    body    TEXT NOT NULL DEFAULT ''
);
CREATE VIRTUAL TABLE fts USING fts5(
    title, authors, body,
    content='doc_text', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER doc_text_ai AFTER INSERT ON doc_text BEGIN
    INSERT INTO fts(rowid, title, authors, body) VALUES (new.rowid, new.title, new.authors, new.body);
END;
CREATE TRIGGER doc_text_ad AFTER DELETE ON doc_text BEGIN
    INSERT INTO fts(fts, rowid, title, authors, body) VALUES ('delete', old.rowid, old.title, old.authors, old.body);
END;
CREATE TRIGGER doc_text_au AFTER UPDATE ON doc_text BEGIN
    INSERT INTO fts(fts, rowid, title, authors, body) VALUES ('delete', old.rowid, old.title, old.authors, old.body);
    INSERT INTO fts(rowid, title, authors, body) VALUES (new.rowid, new.title, new.authors, new.body);
END;
"""


def _v2_fill(conn: sqlite3.Connection) -> None:
    """Archives from step 1 already hold documents: give them their text, then index it."""
    import json
    import zlib

    rows = conn.execute(
        "SELECT d.rowid, v.json FROM documents d JOIN versions v ON v.doc_id = d.id AND v.version = d.version"
    ).fetchall()
    for rowid, blob in rows:
        data = json.loads(zlib.decompress(blob))
        rec = data.get("record") or {}
        conn.execute("INSERT INTO doc_text(rowid, title, authors, body) VALUES (?, ?, ?, ?)",
                     (rowid, rec.get("title") or "", " ; ".join(rec.get("authors") or []), data.get("text") or ""))


# 3: per-document index tables for people and claims (issues 3 and 4) and findings (checks
# pages).  Rows describe the current version only; the full history stays in versions.json.
_V3 = """
CREATE TABLE entities (
    id          TEXT PRIMARY KEY,
    type        TEXT NOT NULL,
    name        TEXT NOT NULL,
    aliases     TEXT NOT NULL DEFAULT '[]',   -- JSON list
    born        TEXT,
    died        TEXT,
    external    TEXT NOT NULL DEFAULT '{}',   -- JSON object
    provisional INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE mentions (
    doc_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    entity_id TEXT,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    type      TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity_id, doc_rowid);
CREATE INDEX mentions_doc ON mentions(doc_rowid);
CREATE TABLE claims (
    doc_rowid     INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,             -- position in Document.claims
    subject       TEXT NOT NULL,
    predicate     TEXT NOT NULL,
    object        TEXT,
    date          TEXT,
    place         TEXT,
    certainty     TEXT NOT NULL,
    attributed_to TEXT,
    ev_start      INTEGER NOT NULL,
    ev_end        INTEGER NOT NULL,
    PRIMARY KEY (doc_rowid, idx)
);
CREATE INDEX claims_subject ON claims(subject);
CREATE TABLE findings (
    doc_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    rule      TEXT NOT NULL,
    severity  TEXT NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    message   TEXT NOT NULL
);
CREATE INDEX findings_rule ON findings(rule);
CREATE INDEX findings_doc ON findings(doc_rowid);
"""


def _v3_fill(conn: sqlite3.Connection) -> None:
    from .annotations import index_annotations  # the one place that knows how a document maps to rows

    rows = conn.execute(
        "SELECT d.rowid, v.json FROM documents d JOIN versions v ON v.doc_id = d.id AND v.version = d.version"
    ).fetchall()
    import json
    import zlib

    for rowid, blob in rows:
        index_annotations(conn, rowid, json.loads(zlib.decompress(blob)), schema=3)


# 4: an identity for the archive and a log of changed documents, which a search side index
# (store/textindex.py) follows; it knows which archive it belongs to and how far it got.
_V4 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE search_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, doc_rowid INTEGER NOT NULL);
"""


def _v4_fill(conn: sqlite3.Connection) -> None:
    import uuid

    conn.execute("INSERT INTO meta(key, value) VALUES ('archive_id', ?)", (str(uuid.uuid4()),))


# 5: curators' decisions (witness entity merge|split|link, store/curation.py).  Kept
# apart from the documents' JSON, which stays as extracted: indexing a document applies them,
# so a re-ingest or reprocess keeps them, and undo is deleting a row and re-indexing.
_V5 = """
CREATE TABLE curation_log (
    seq    INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    op     TEXT NOT NULL,                     -- JSON: the operation and what undo needs
    undone INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE entity_redirects (                -- merges: from_id now means to_id
    from_id TEXT PRIMARY KEY,
    to_id   TEXT NOT NULL,
    names   TEXT NOT NULL DEFAULT '[]'         -- JSON: from_id's names, now aliases of to_id
);
CREATE INDEX entity_redirects_to ON entity_redirects(to_id);
CREATE TABLE entity_splits (                   -- mentions of from_id written `text` mean to_id
    from_id TEXT NOT NULL,
    text    TEXT NOT NULL,
    to_id   TEXT NOT NULL,
    PRIMARY KEY (from_id, text)
);
CREATE TABLE entity_links (id TEXT PRIMARY KEY, wikidata TEXT);
CREATE TABLE entity_new (                      -- entities a curator created (split-off)
    id      TEXT PRIMARY KEY,
    type    TEXT NOT NULL,
    name    TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]'
);
"""

# 6: per-document entity counts and stored evidence quotes, so a person page reads small
# rows instead of every mention and every document body (Lenin: 0.24 s → see docs/performance.md).
_V6 = """
CREATE TABLE doc_entities (                   -- mentions counted per (entity, document, type)
    entity_id TEXT NOT NULL,
    doc_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    type      TEXT NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (entity_id, doc_rowid, type)
) WITHOUT ROWID;
CREATE INDEX doc_entities_doc ON doc_entities(doc_rowid, type, entity_id, n);
INSERT INTO doc_entities(entity_id, doc_rowid, type, n)
    SELECT entity_id, doc_rowid, type, count(*) FROM mentions WHERE entity_id IS NOT NULL
    GROUP BY entity_id, doc_rowid, type;
DROP INDEX mentions_entity;                   -- now also covers "how is this entity written"
CREATE INDEX mentions_entity ON mentions(entity_id, text, doc_rowid);
ALTER TABLE claims ADD COLUMN quote TEXT;     -- the evidence words, cut from the text at index time
UPDATE claims SET quote = (SELECT substr(t.body, claims.ev_start + 1, claims.ev_end - claims.ev_start)
                           FROM doc_text t WHERE t.rowid = claims.doc_rowid);
"""

# 7: the FTS5 index becomes the fallback it is, no longer written at every put.  The tantivy
# side index answers text queries; keeping FTS5 current on every write as well was a third of
# a whole-corpus ingest (docs/performance.md).  FTS5 now holds exactly the doc_text rows with
# rowid <= meta 'fts_upto', with their current content: updates and deletes of those rows
# still go through it at once (only they have the old values FTS5 needs), new rows wait for
# `SQLiteStore.fts_catch_up`, run when a store that searches with FTS5 alone opens the archive
# and before each of its commits.  A search never runs it (a write could wait for another
# process): it reads FTS5 as it is and says how far behind it is (sqlite_search.py).
_FTS_UPTO = "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'fts_upto')"
_V7 = f"""
INSERT OR REPLACE INTO meta(key, value) VALUES ('fts_upto', (SELECT coalesce(max(rowid), 0) FROM doc_text));
DROP TRIGGER doc_text_ai;
DROP TRIGGER doc_text_ad;
DROP TRIGGER doc_text_au;
CREATE TRIGGER doc_text_ai AFTER INSERT ON doc_text WHEN new.rowid <= {_FTS_UPTO} BEGIN
    INSERT INTO fts(rowid, title, authors, body) VALUES (new.rowid, new.title, new.authors, new.body);
END;
CREATE TRIGGER doc_text_ad AFTER DELETE ON doc_text WHEN old.rowid <= {_FTS_UPTO} BEGIN
    INSERT INTO fts(fts, rowid, title, authors, body) VALUES ('delete', old.rowid, old.title, old.authors, old.body);
END;
CREATE TRIGGER doc_text_au AFTER UPDATE ON doc_text WHEN old.rowid <= {_FTS_UPTO} BEGIN
    INSERT INTO fts(fts, rowid, title, authors, body) VALUES ('delete', old.rowid, old.title, old.authors, old.body);
    INSERT INTO fts(rowid, title, authors, body) VALUES (new.rowid, new.title, new.authors, new.body);
END;
"""

# 8: who curated, and why (the log of every operation, undos included, says it), and each
# finding's position in its document (rowid order said it, which PostgreSQL has no notion of).
_V8 = """
ALTER TABLE curation_log ADD COLUMN who TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE curation_log ADD COLUMN why TEXT;
ALTER TABLE curation_log ADD COLUMN undoes INTEGER;
ALTER TABLE findings ADD COLUMN idx INTEGER NOT NULL DEFAULT 0;
UPDATE findings SET idx = (SELECT count(*) FROM findings g WHERE g.doc_rowid = findings.doc_rowid
                           AND g.rowid < findings.rowid);
DROP INDEX findings_doc;
CREATE INDEX findings_doc ON findings(doc_rowid, idx);
"""

# 9: duplicate texts (witness.duplicates, store/duplicate_index.py): each current document's
# MinHash sketch and the version it was made from, its LSH band keys, the same-text pairs.
# Derived data, filled by duplicates.update() (the end of every ingest and reprocess, and
# `witness duplicates`), which also catches up an archive written before this step.
_V9 = """
CREATE TABLE dup_sketch (
    doc_rowid INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
    version   INTEGER NOT NULL,                 -- the document version sketched
    shingles  INTEGER NOT NULL,
    signature BLOB                              -- NULL: too short to compare
);
CREATE TABLE dup_bands (
    band      INTEGER NOT NULL,
    key       INTEGER NOT NULL,
    doc_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE
);
CREATE INDEX dup_bands_key ON dup_bands(band, key);
CREATE INDEX dup_bands_doc ON dup_bands(doc_rowid);
CREATE TABLE dup_pairs (                        -- a < b: the same text (Jaccard >= THRESHOLD)
    a       INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    b       INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    jaccard REAL NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX dup_pairs_b ON dup_pairs(b);
"""

# 10: the years search can filter on besides the best date (issue 13: --date-field): first
# publication only, and written (else published).  store/documents.py fills them on every put.
def _v10_fill(conn: sqlite3.Connection) -> None:
    import json
    import zlib

    from .documents import date_years

    have = {row[1] for row in conn.execute("PRAGMA table_info(documents)")}
    for column in ("published_year", "written_year"):
        if column not in have:       # (a test may replay the step over a newer schema)
            conn.execute(f"ALTER TABLE documents ADD COLUMN {column} INTEGER")

    rows = conn.execute(
        "SELECT d.rowid, v.json FROM documents d JOIN versions v ON v.doc_id = d.id AND v.version = d.version"
    ).fetchall()
    for rowid, blob in rows:
        published, written = date_years(json.loads(zlib.decompress(blob)).get("record") or {})
        conn.execute("UPDATE documents SET published_year = ?, written_year = ? WHERE rowid = ?",
                     (published, written, rowid))


# 11: document aliases and legacy identities (store/identity.py, issue 13).
from .identity import V11 as _V11, v11_fill as _v11_fill  # noqa: E402

# 12: curated judgements on findings and contradictions (store/verdicts.py), keyed by the
# items' fingerprints rather than rows, so re-ingest and reprocess leave them in force.
_V12 = """
CREATE TABLE verdicts (
    key     TEXT PRIMARY KEY,
    kind    TEXT NOT NULL CHECK (kind IN ('finding', 'contradiction')),
    verdict TEXT NOT NULL,
    doc_id  TEXT NOT NULL,
    subject TEXT NOT NULL,
    quote   TEXT NOT NULL,
    who     TEXT NOT NULL,
    at      TEXT NOT NULL,
    note    TEXT,
    cause   TEXT
);
CREATE INDEX verdicts_kind ON verdicts(kind, verdict);
CREATE TABLE verdict_log (
    seq     INTEGER PRIMARY KEY,
    key     TEXT NOT NULL,
    kind    TEXT NOT NULL,
    action  TEXT NOT NULL CHECK (action IN ('set', 'clear')),
    verdict TEXT,
    cause   TEXT,
    note    TEXT,
    who     TEXT NOT NULL,
    at      TEXT NOT NULL
);
CREATE INDEX verdict_log_key ON verdict_log(key, seq);
"""

STEPS: list[list[Step]] = [
    [_V1],
    [_V2, _v2_fill],
    [_V3, _v3_fill],
    [_V4, _v4_fill],
    [_V5],
    [_V6],
    [_V7],
    [_V8],
    [_V9],
    [_v10_fill],
    [_V11, _v11_fill],
    [_V12],
]
LATEST = len(STEPS)


def current_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, upto: int = LATEST) -> int:
    """Bring the schema to step `upto` (tests use a lower `upto` to build old archives).

    `conn` must be in autocommit mode (isolation_level=None).  Returns the version reached.
    """
    have = current_version(conn)
    if have > LATEST:
        raise StoreError(f"this archive has schema version {have}, newer than this program knows ({LATEST})",
                         hint="upgrade witness, or open a copy of the archive with the newer release")
    for number in range(have + 1, upto + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for step in STEPS[number - 1]:
                if callable(step):
                    step(conn)
                else:
                    for statement in _split(step):
                        conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return current_version(conn)


def _split(script: str) -> list[str]:
    """Statements of a script (executescript would commit our open transaction)."""
    out, buf = [], []
    for line in script.splitlines():
        buf.append(line)
        joined = "\n".join(buf)
        if sqlite3.complete_statement(joined):
            out.append(joined.strip())
            buf = []
    rest = "\n".join(buf).strip()
    if rest:
        out.append(rest)
    return [s for s in out if s and not all(l.strip().startswith("--") or not l.strip() for l in s.splitlines())]
