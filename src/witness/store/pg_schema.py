"""Versioned schema for a PostgreSQL archive: the tables of the SQLite schema (migrations.py)
at its latest step, in PostgreSQL's words, plus a tsvector column for the fallback text
search (pg_search.py).  `meta.schema` holds the steps applied; steps are only appended, and
run under an advisory lock so two servers starting at once do not both migrate.

Text columns use the "C" collation: ordering is then by code point, as in SQLite, so both
backends list, page and tie-break identically.
"""

from __future__ import annotations

from ..errors import StoreError

_C = 'COLLATE "C"'

_V1 = f"""
CREATE TABLE meta (key TEXT {_C} PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    rowid      BIGSERIAL PRIMARY KEY,
    id         TEXT {_C} NOT NULL UNIQUE,
    path       TEXT {_C} NOT NULL UNIQUE,
    version    INTEGER NOT NULL,
    sha256     TEXT NOT NULL,
    digest     TEXT NOT NULL,
    format     TEXT {_C},
    title      TEXT {_C},
    authors    TEXT NOT NULL DEFAULT '[]',
    date       TEXT {_C},
    year       INTEGER,
    periodical TEXT {_C},
    n_findings INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
CREATE INDEX documents_year ON documents(year);
CREATE INDEX documents_periodical ON documents(periodical);
CREATE TABLE doc_authors (
    doc_rowid BIGINT NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    author    TEXT {_C} NOT NULL,
    PRIMARY KEY (doc_rowid, author)
);
CREATE INDEX doc_authors_author ON doc_authors(author);
CREATE TABLE versions (
    doc_id      TEXT {_C} NOT NULL REFERENCES documents(id),
    version     INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    path        TEXT {_C} NOT NULL,
    ingested_at TEXT NOT NULL,
    json        BYTEA NOT NULL,
    PRIMARY KEY (doc_id, version)
);
CREATE TABLE outcomes (
    path   TEXT {_C} PRIMARY KEY,
    kind   TEXT NOT NULL CHECK (kind IN ('skipped', 'failed')),
    reason TEXT {_C} NOT NULL,
    sha256 TEXT,
    at     TEXT NOT NULL
);
-- The searchable text of the current version; tsv is the fallback text index (a tsvector
-- holds at most 1 MB, so very long texts are indexed by their first 250,000 characters here;
-- the tantivy side index holds them whole).
CREATE TABLE doc_text (
    rowid   BIGINT PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
    title   TEXT NOT NULL DEFAULT '',
    authors TEXT NOT NULL DEFAULT '',
    body    TEXT NOT NULL DEFAULT '',
    tsv     tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', witness_fold(title)), 'A')
        || setweight(to_tsvector('simple', witness_fold(authors)), 'B')
        || setweight(to_tsvector('simple', witness_fold(left(body, 250000))), 'D')) STORED
);
CREATE INDEX doc_text_tsv ON doc_text USING GIN (tsv);
CREATE TABLE entities (
    id          TEXT {_C} PRIMARY KEY,
    type        TEXT {_C} NOT NULL,
    name        TEXT {_C} NOT NULL,
    aliases     TEXT NOT NULL DEFAULT '[]',
    born        TEXT,
    died        TEXT,
    external    TEXT NOT NULL DEFAULT '{{}}',
    provisional INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE mentions (
    doc_rowid BIGINT NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    entity_id TEXT {_C},
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT {_C} NOT NULL,
    type      TEXT {_C} NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity_id, text, doc_rowid);
CREATE INDEX mentions_doc ON mentions(doc_rowid);
CREATE TABLE claims (
    doc_rowid     BIGINT NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    subject       TEXT {_C} NOT NULL,
    predicate     TEXT {_C} NOT NULL,
    object        TEXT {_C},
    date          TEXT {_C},
    place         TEXT {_C},
    certainty     TEXT NOT NULL,
    attributed_to TEXT {_C},
    ev_start      INTEGER NOT NULL,
    ev_end        INTEGER NOT NULL,
    quote         TEXT,
    PRIMARY KEY (doc_rowid, idx)
);
CREATE INDEX claims_subject ON claims(subject);
CREATE INDEX claims_object ON claims(object);
CREATE TABLE findings (
    doc_rowid BIGINT NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    rule      TEXT {_C} NOT NULL,
    severity  TEXT NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    message   TEXT NOT NULL,
    idx       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX findings_rule ON findings(rule);
CREATE INDEX findings_doc ON findings(doc_rowid, idx);
CREATE TABLE doc_entities (
    entity_id TEXT {_C} NOT NULL,
    doc_rowid BIGINT NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    type      TEXT {_C} NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (entity_id, doc_rowid, type)
);
CREATE INDEX doc_entities_doc ON doc_entities(doc_rowid, type, entity_id, n);
CREATE TABLE search_log (seq BIGSERIAL PRIMARY KEY, doc_rowid BIGINT NOT NULL);
CREATE TABLE curation_log (
    seq    BIGSERIAL PRIMARY KEY,
    at     TEXT NOT NULL,
    op     TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0,
    who    TEXT NOT NULL DEFAULT 'unknown',
    why    TEXT,
    undoes BIGINT
);
CREATE TABLE entity_redirects (from_id TEXT {_C} PRIMARY KEY, to_id TEXT {_C} NOT NULL, names TEXT NOT NULL DEFAULT '[]');
CREATE INDEX entity_redirects_to ON entity_redirects(to_id);
CREATE TABLE entity_splits (from_id TEXT {_C} NOT NULL, text TEXT {_C} NOT NULL, to_id TEXT {_C} NOT NULL,
                            PRIMARY KEY (from_id, text));
CREATE TABLE entity_links (id TEXT {_C} PRIMARY KEY, wikidata TEXT);
CREATE TABLE entity_new (id TEXT {_C} PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL,
                         aliases TEXT NOT NULL DEFAULT '[]');
INSERT INTO meta(key, value) VALUES ('archive_id', gen_random_uuid()::text);
"""

# Accents are ignored in search (révolution = revolution), as FTS5's remove_diacritics and the
# side index's ascii_fold do.  unaccent is a trusted extension; where it cannot be created,
# words are only lower-cased.
_FOLD_UNACCENT = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE OR REPLACE FUNCTION witness_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT lower(unaccent('unaccent'::regdictionary, t)) $$;
"""
_FOLD_PLAIN = """
CREATE OR REPLACE FUNCTION witness_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT lower(t) $$;
"""


def _fold_function(db) -> None:
    db.execute("SAVEPOINT fold")
    try:
        db.execute(_FOLD_UNACCENT)
        db.execute("RELEASE fold")
    except db._psycopg.Error:
        db.execute("ROLLBACK TO fold")
        db.execute(_FOLD_PLAIN)


# 2: duplicate texts (SQLite step 9; store/duplicate_index.py): derived data, refilled by
# witness.duplicates.update() at the end of every ingest and reprocess.
_V2 = """
CREATE TABLE dup_sketch (
    doc_rowid BIGINT PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
    version   INTEGER NOT NULL,
    shingles  INTEGER NOT NULL,
    signature BYTEA
);
CREATE TABLE dup_bands (
    band      INTEGER NOT NULL,
    key       BIGINT NOT NULL,
    doc_rowid BIGINT NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE
);
CREATE INDEX dup_bands_key ON dup_bands(band, key);
CREATE INDEX dup_bands_doc ON dup_bands(doc_rowid);
CREATE TABLE dup_pairs (
    a       BIGINT NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    b       BIGINT NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    jaccard DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (a, b)
);
CREATE INDEX dup_pairs_b ON dup_pairs(b);
"""

# 3: the years search can filter on besides the best date (SQLite step 10): first publication,
# and written (else published); store/documents.py fills them on every put.
_V3 = """
ALTER TABLE documents ADD COLUMN published_year INTEGER;
ALTER TABLE documents ADD COLUMN written_year INTEGER;
"""


def _v3_fill(db) -> None:
    from .documents import date_years, decode

    rows = db.all("SELECT d.rowid, v.json FROM documents d JOIN versions v ON v.doc_id = d.id"
                  " AND v.version = d.version")
    db.executemany("UPDATE documents SET published_year = ?, written_year = ? WHERE rowid = ?",
                   [(*date_years(decode(blob).get("record") or {}), rowid) for rowid, blob in rows])


# 4: document aliases and legacy identities (SQLite step 11, store/identity.py).  A PostgreSQL
# archive has no documents from before archive-rooted paths, so doc_legacy starts empty; a
# renamed document's versions follow its id within the transaction (deferred key).
_V4 = f"""
CREATE TABLE doc_aliases (
    alias  TEXT {_C} PRIMARY KEY,
    doc_id TEXT {_C} NOT NULL,
    kind   TEXT NOT NULL CHECK (kind IN ('id', 'path')),
    at     TEXT NOT NULL
);
CREATE INDEX doc_aliases_doc ON doc_aliases(doc_id);
CREATE TABLE doc_legacy (doc_id TEXT {_C} PRIMARY KEY, reread INTEGER NOT NULL);
CREATE INDEX documents_sha256 ON documents(sha256);
ALTER TABLE versions DROP CONSTRAINT versions_doc_id_fkey;
ALTER TABLE versions ADD CONSTRAINT versions_doc_id_fkey FOREIGN KEY (doc_id) REFERENCES documents(id)
    DEFERRABLE INITIALLY DEFERRED;
"""

# 5: curated judgements on findings and contradictions (SQLite step 12, store/verdicts.py),
# keyed by the items' fingerprints, so re-ingest and reprocess leave them in force.
_V5 = f"""
CREATE TABLE verdicts (
    key     TEXT {_C} PRIMARY KEY,
    kind    TEXT NOT NULL CHECK (kind IN ('finding', 'contradiction')),
    verdict TEXT NOT NULL,
    doc_id  TEXT {_C} NOT NULL,
    subject TEXT NOT NULL,
    quote   TEXT NOT NULL,
    who     TEXT NOT NULL,
    at      TEXT NOT NULL,
    note    TEXT,
    cause   TEXT
);
CREATE INDEX verdicts_kind ON verdicts(kind, verdict);
CREATE TABLE verdict_log (
    seq     BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    key     TEXT {_C} NOT NULL,
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

STEPS: list = [[_fold_function, _V1], [_V2], [_V3, _v3_fill], [_V4], [_V5]]
LATEST = len(STEPS)
_MIGRATE_LOCK = 7_341_001


def current_version(db) -> int:
    if db.one("SELECT to_regclass('meta')") is None:
        return 0
    value = db.one("SELECT value FROM meta WHERE key = 'schema'")
    return int(value) if value is not None else 0


def migrate(db, upto: int | None = None) -> int:
    upto = LATEST if upto is None else upto
    db.execute("SELECT pg_advisory_lock(?)", (_MIGRATE_LOCK,))
    try:
        have = current_version(db)
        if have > LATEST:
            raise StoreError(f"this archive has schema version {have}, newer than this program knows ({LATEST})",
                             hint="upgrade witness")
        for number in range(have + 1, upto + 1):
            db.execute("BEGIN")
            try:
                for step in STEPS[number - 1]:
                    step(db) if callable(step) else db.execute(step)
                db.execute("INSERT INTO meta(key, value) VALUES ('schema', ?) ON CONFLICT(key)"
                           " DO UPDATE SET value = excluded.value", (str(number),))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return current_version(db)
    finally:
        db.execute("SELECT pg_advisory_unlock(?)", (_MIGRATE_LOCK,))
