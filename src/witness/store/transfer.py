"""Moving an archive between backends (`witness migrate --to URL`): every version of every
document exactly as stored (numbers, sha256, ingest times, JSON), the curation log and the
decisions in force, the outcomes of files that were skipped or failed, the proofreading
verdicts and their log, the old ids and paths that still resolve (and the documents an
ingest may still re-identify), and the same-text index (sketches and pairs, so the
duplicate groups are there at once); annotations and the search log are rebuilt in the
target from the current versions, with the decisions applied.

The copy is verified: document and version counts and a checksum over every
(id, version, sha256) must be the same on both sides, and so must a checksum over what
people did and what was derived from the whole archive (curation log, verdicts, verdict
log, aliases, same-text sketches and pairs), read back through the store's query families — or the
command fails.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass
from itertools import groupby
from typing import Callable

from ..errors import StoreError
from .annotations import ENTITY_COLS, index_annotations
from .documents import decode

_CURATION_TABLES = {
    "curation_log": "seq, at, op, undone, who, why, undoes",
    "entity_redirects": "from_id, to_id, names",
    "entity_splits": "from_id, text, to_id",
    "entity_links": "id, wikidata",
    "entity_new": "id, type, name, aliases",
}
_GROUP = 200


@dataclass
class Records:
    """What people did, and what was derived from the whole archive, as one archive holds it
    (read through the query families: the same on both backends)."""
    curation_ops: int
    verdicts: int
    verdict_log: int
    aliases: int
    legacy: int
    groups: int
    pairs: int
    checksum: str

    @classmethod
    def of(cls, store) -> "Records":
        ops = store.curation.log()
        verdicts = sorted(store.verdicts.all(), key=lambda v: v.key)
        log = store.verdicts.log()
        aliases, legacy = store.documents.aliases(), store.documents.legacy()
        pairs = store.duplicates.pairs()
        sketches = [[s.doc_id, s.version, s.shingles, s.signature.hex() if s.signature is not None else None, s.bands]
                    for s in store.duplicates.sketches()]
        h = hashlib.sha256()
        for part in ([o.to_json() for o in ops], [v.to_json() for v in verdicts], [e.to_json() for e in log],
                     [vars(a) for a in aliases], [vars(d) for d in legacy], sketches,
                     [[a, b, repr(j)] for a, b, j in pairs]):
            h.update(json.dumps(part, ensure_ascii=False, sort_keys=True).encode())
            h.update(b"\n")
        return cls(len(ops), len(verdicts), len(log), len(aliases), len(legacy),
                   len(store.duplicate_groups()), len(pairs), h.hexdigest())


@dataclass
class Transfer:
    documents: int
    versions: int
    checksum: str
    outcomes: int
    records: Records

    def lines(self, source: str, target: str) -> list[str]:
        r = self.records
        return [f"copied {source} → {target}",
                f"  documents {self.documents}, versions {self.versions}, outcomes {self.outcomes}, "
                f"curation operations {r.curation_ops}",
                f"  verdicts {r.verdicts} (log entries {r.verdict_log}), document aliases {r.aliases} "
                f"(documents still to re-identify {r.legacy}), same-text groups {r.groups} (pairs {r.pairs})",
                f"  checksum over (id, version, sha256): {self.checksum} — identical on both sides",
                f"  checksum over curation, verdicts, aliases and the same-text index: {r.checksum}"
                " — identical on both sides"]


def copy_archive(src, dst, progress: Callable[[int], None] | None = None) -> Transfer:
    """Copy archive `src` into the empty archive `dst` (both open stores); verify; return counts."""
    if dst.document_ids():
        raise StoreError(f"the target archive {dst.url} already holds documents",
                         hint="migrate into a new, empty archive (a new file or an empty database)")
    sdb, ddb = src.db, dst.db
    # Decisions first, so that indexing the documents applies them.
    with ddb.tx():
        ddb.write_lock(exclusive=True)
        for table, cols in _CURATION_TABLES.items():
            rows = sdb.all(f"SELECT {cols} FROM {table}")
            n = len(cols.split(","))
            ddb.executemany(f"INSERT INTO {table}({cols}) VALUES ({', '.join('?' * n)})", rows)
        ddb.restart_sequence("curation_log", "seq")
        ddb.executemany("INSERT INTO outcomes(path, kind, reason, sha256, at) VALUES (?, ?, ?, ?, ?)",
                        sdb.all("SELECT path, kind, reason, sha256, at FROM outcomes"))
    done = 0
    with dst.batch(_GROUP):
        for doc_id, group in groupby(src.documents.all_versions(), key=lambda v: v[0]):
            _restore(dst, doc_id, list(group))
            done += 1
            if progress:
                progress(done)
    # Entity rows as the source has them (curators' rows included), after the documents'.
    with ddb.tx():
        ddb.executemany(
            f"INSERT INTO entities({ENTITY_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
            " type = excluded.type, name = excluded.name, aliases = excluded.aliases, born = excluded.born,"
            " died = excluded.died, external = excluded.external, provisional = excluded.provisional",
            sdb.all(f"SELECT {ENTITY_COLS} FROM entities"))
    # What volunteers and curators did that is not a document version, and the same-text
    # index (keyed by document ids, so after the documents).
    dst.verdicts.restore(src.verdicts.all(), src.verdicts.log())
    dst.documents.restore_identities(src.documents.aliases(), src.documents.legacy())
    dst.duplicates.put_sketches(src.duplicates.sketches())
    dst.duplicates.add_pairs(src.duplicates.pairs())
    dst.sync_index()
    a, b = src.documents.checksum(), dst.documents.checksum()
    if a != b:
        raise StoreError(f"the copy does not match its source: source {a}, target {b}",
                         hint="the target is incomplete; delete it and run the migration again")
    before, after = Records.of(src), Records.of(dst)
    if before != after:
        raise StoreError(f"the curation, verdicts, aliases or same-text index were not copied whole:"
                         f" source {before}, target {after}",
                         hint="the target is incomplete; delete it and run the migration again")
    return Transfer(a[0], a[1], a[2], sdb.one("SELECT count(*) FROM outcomes"), before)


def _restore(dst, doc_id: str, versions: list[tuple]) -> None:
    """One document with all its versions, the last one current."""
    db = dst.db
    with db.tx():
        db.write_lock()
        _, version, sha256, path, at, blob = versions[-1]
        data = decode(blob)
        digest = hashlib.sha256(zlib.decompress(blob)).hexdigest()   # as Prepared.of made it
        rowid = dst.documents.write_current(doc_id, path, version, sha256, digest, data, at)
        db.executemany("INSERT INTO versions(doc_id, version, sha256, path, ingested_at, json) VALUES (?, ?, ?, ?, ?, ?)",
                       [(doc_id, v, s, p, t, db.blob(b)) for _, v, s, p, t, b in versions])
        index_annotations(db, rowid, data)
        db.log_change(rowid)
