"""How one document's annotations become index rows (mentions, per-document entity counts,
claims with their evidence quote, findings, entity rows) — the one place that knows it,
for both backends and for the schema migrations that fill new tables."""

from __future__ import annotations

import json
from collections import Counter

from .curation_rules import Rules, curate, load_rules

_UNSET = object()


def index_annotations(db, rowid: int, data: dict, *, schema: int | None = None, rules=_UNSET) -> None:
    """Replace the mention/claim/finding rows of one document by those of `data` (its JSON).

    db: anything with execute/executemany taking `?` placeholders (a Database, or a raw
    sqlite3 connection during a migration).  schema: the schema step the tables are at (only
    migrations pass an older one; step 6 added doc_entities and claims.quote).  rules: the
    curation rules in force, when the caller already has them."""
    derived = schema is None or schema >= 6
    if rules is _UNSET:
        rules = load_rules(db) if schema is None or schema >= 8 else None
    data = curate(rules, data)   # curators' merges, splits and links (the stored JSON stays as is)
    for table in ("mentions", "doc_entities", "claims", "findings") if derived else ("mentions", "claims", "findings"):
        db.execute(f"DELETE FROM {table} WHERE doc_rowid = ?", (rowid,))
    mentions = data.get("mentions", [])
    db.executemany(
        'INSERT INTO mentions(doc_rowid, entity_id, start, "end", text, type) VALUES (?, ?, ?, ?, ?, ?)',
        [(rowid, m.get("entity"), m["start"], m["end"], m["text"], m["type"]) for m in mentions])
    text = data.get("text") or ""
    claims = [(rowid, i, c["subject"], c["predicate"], c.get("object"), c.get("date"), c.get("place"),
               c.get("certainty", "asserted"), c.get("attributed_to"), start, end, text[start:end])
              for i, c in enumerate(data.get("claims", []))
              for start, end in [((c.get("evidence") or {}).get("start", 0), (c.get("evidence") or {}).get("end", 0))]]
    if derived:
        counts = Counter((m["entity"], m["type"]) for m in mentions if m.get("entity"))
        db.executemany("INSERT INTO doc_entities(entity_id, doc_rowid, type, n) VALUES (?, ?, ?, ?)",
                       [(eid, rowid, kind, n) for (eid, kind), n in counts.items()])
    else:
        claims = [c[:-1] for c in claims]      # no quote column before step 6
    cols = ("doc_rowid, idx, subject, predicate, object, date, place, certainty, attributed_to, ev_start, ev_end"
            + (", quote" if derived else ""))
    db.executemany(f"INSERT INTO claims({cols}) VALUES ({', '.join('?' * (12 if derived else 11))})", claims)
    findings = [(rowid, f["rule"], f["severity"], f["start"], f["end"], f["message"], i)
                for i, f in enumerate(data.get("findings", []))]
    if schema is None or schema >= 8:       # step 8 numbered them (idx)
        db.executemany('INSERT INTO findings(doc_rowid, rule, severity, start, "end", message, idx)'
                       " VALUES (?, ?, ?, ?, ?, ?, ?)", findings)
    else:
        db.executemany('INSERT INTO findings(doc_rowid, rule, severity, start, "end", message)'
                       " VALUES (?, ?, ?, ?, ?, ?)", [f[:-1] for f in findings])
    # The latest document to describe an entity wins; entities are reference data that the
    # authority work owns, not document content, so this is not a lost version.
    write_entities(db, data.get("entities", []))


ENTITY_COLS = "id, type, name, aliases, born, died, external, provisional"


def write_entities(db, entities: list[dict]) -> None:
    db.executemany(
        f"INSERT INTO entities({ENTITY_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
        " type = excluded.type, name = excluded.name, aliases = excluded.aliases, born = excluded.born,"
        " died = excluded.died, external = excluded.external, provisional = excluded.provisional",
        [(e["id"], e["type"], e["name"], json.dumps(e.get("aliases") or [], ensure_ascii=False),
          e.get("born"), e.get("died"), json.dumps(e.get("external") or {}, ensure_ascii=False),
          int(bool(e.get("provisional")))) for e in entities])


__all__ = ["index_annotations", "write_entities", "ENTITY_COLS", "Rules"]
