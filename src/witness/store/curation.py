"""Curators' decisions on entities: merge, split by surface form, link to Wikidata, undo.

The documents' JSON (in `versions`) is never changed: it stays as the NLP extracted it.  The
decisions live in their own tables (migration step 5) and curation_rules.py applies them
each time a document is indexed or shown, so a re-ingest or `witness reprocess` keeps them.
An operation writes its table rows, re-indexes the documents it touches from their stored
JSON and logs itself with who, when and why, all in one transaction; undo deletes the rows
and re-indexes again.  Each log record holds what undo needs (the rows as they were), so
operations undo last-first.  The same SQL runs on both backends.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import NotFound, WitnessError
from .annotations import ENTITY_COLS as _COLS, index_annotations
from .base import CurationOp
from .curation_rules import _HOPS, Rules, load_rules
from .db import Database
from .documents import now

WIKIDATA = re.compile(r"Q[1-9]\d*")
NEW_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")


class CurationError(WitnessError):
    code = "curation-invalid"
    status = 400


def _row_dict(row) -> dict[str, Any]:
    id_, type_, name, aliases, born, died, external, provisional = row
    return {"id": id_, "type": type_, "name": name, "aliases": json.loads(aliases or "[]"), "born": born,
            "died": died, "external": json.loads(external or "{}"), "provisional": bool(provisional)}


class Curation:
    """The curation family over one Database: decisions, their log, and undo."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._rules_cache: tuple | None = None

    # -- reading ---------------------------------------------------------------------------
    def canonical(self, entity_id: str) -> str:
        """The id an entity is known by now (following merges; itself when never merged)."""
        with self.db.lock:
            cur = entity_id
            for _ in range(_HOPS):
                row = self.db.execute("SELECT to_id FROM entity_redirects WHERE from_id = ?", (cur,)).fetchone()
                if row is None:
                    return cur
                cur = row[0]
            return cur

    def log(self, entity_id: str | None = None, *, include_undone: bool = True) -> list[CurationOp]:
        """Logged operations, oldest first; only those touching `entity_id` when given."""
        with self.db.lock:
            rows = self.db.all("SELECT seq, at, who, why, op, undone FROM curation_log ORDER BY seq")
        out = []
        for seq, at, who, why, op, undone in rows:
            rec = json.loads(op)
            if undone and not include_undone:
                continue
            if entity_id and entity_id not in {rec.get(k) for k in ("keep", "drop", "id", "new_id")}:
                continue
            out.append(CurationOp(seq, at, who, why, bool(undone), rec))
        return out

    def rules(self) -> Rules | None:
        """The decisions in force (for showing documents as curated), cached per archive state."""
        generation = self.db.generation()
        with self.db.lock:
            if self._rules_cache is None or self._rules_cache[0] != generation:
                self._rules_cache = (generation, load_rules(self.db))
            return self._rules_cache[1]

    # -- operations ------------------------------------------------------------------------
    def merge(self, keep: str, drop: str, *, who: str, why: str | None = None, authority=None) -> CurationOp:
        """Fold `drop` into `keep`: its mentions, claims and names become `keep`'s."""
        if keep == drop:
            raise CurationError("cannot merge an entity with itself")
        with self.db.tx() as c:
            c.write_lock(exclusive=True)
            self._canonical_or_fail(c, keep)
            self._canonical_or_fail(c, drop)
            drow = self._row(c, drop)
            if drow is None:
                raise NotFound(f"no entity {drop!r} in the archive", hint="`witness entity list` lists them")
            krow, created = self._row(c, keep), False
            if krow is None:
                entry = authority.get(keep) if authority is not None else None
                if entry is None:
                    raise NotFound(f"no entity {keep!r} in the archive or the authority file",
                                   hint="`witness entity list` lists them")
                e = entry.to_entity()
                krow, created = {"id": e.id, "type": e.type, "name": e.name, "aliases": list(e.aliases),
                                 "born": e.born, "died": e.died, "external": dict(e.external),
                                 "provisional": False}, True
            if krow["type"] != drow["type"]:
                raise CurationError(f"cannot merge a {drow['type']} ({drop}) into a {krow['type']} ({keep})")
            names = list(dict.fromkeys([drow["name"], *drow["aliases"]]))
            added = [n for n in names if n != krow["name"] and n not in krow["aliases"]]
            rowids = self._docs_with(c, drop)
            c.execute("INSERT INTO entity_redirects(from_id, to_id, names) VALUES (?, ?, ?)",
                      (drop, keep, json.dumps(names, ensure_ascii=False)))
            self._write_row(c, dict(krow, aliases=krow["aliases"] + added))
            c.execute("DELETE FROM entities WHERE id = ?", (drop,))
            op = {"op": "merge", "keep": keep, "drop": drop, "added": added, "keep_created": created,
                  "keep_row": krow, "drop_row": drow}
            seq = self._log(c, op, who, why)
            self._reindex(c, rowids)
        return CurationOp(seq, c.one("SELECT at FROM curation_log WHERE seq = ?", (seq,)), who, why, False, op)

    def split(self, entity_id: str, new_id: str, names: list[str], label: str | None = None, *,
              who: str, why: str | None = None, authority=None) -> CurationOp:
        """Mentions of `entity_id` written as one of `names` become a new entity `new_id`."""
        names = list(dict.fromkeys(n for n in names if n))
        if not names:
            raise CurationError("give the surface forms to split off", hint='--name "Surface form" (repeatable)')
        if not NEW_ID.fullmatch(new_id):
            raise CurationError(f"not a usable entity id: {new_id!r}",
                                hint="lower-case letters, digits, '-', '.' or '_', e.g. smirnov-vladimir")
        with self.db.tx() as c:
            c.write_lock(exclusive=True)
            self._canonical_or_fail(c, entity_id)
            row = self._row(c, entity_id)
            if row is None:
                raise NotFound(f"no entity {entity_id!r} in the archive", hint="`witness entity list` lists them")
            taken = (self._row(c, new_id) is not None
                     or c.execute("SELECT 1 FROM entity_redirects WHERE from_id = ?", (new_id,)).fetchone()
                     or c.execute("SELECT 1 FROM entity_new WHERE id = ?", (new_id,)).fetchone()
                     or (authority is not None and authority.get(new_id) is not None))
            if taken:
                raise CurationError(f"entity {new_id!r} exists already", hint="choose another id")
            forms = dict(c.execute("SELECT text, count(*) FROM mentions WHERE entity_id = ? GROUP BY text",
                                   (entity_id,)).fetchall())
            unknown = [n for n in names if n not in forms]
            if unknown:
                seen = ", ".join(repr(f) for f in sorted(forms, key=lambda f: -forms[f])[:12])
                raise CurationError(f"{entity_id!r} is never written {', '.join(map(repr, unknown))}",
                                    hint=f"its surface forms are: {seen}")
            if any(c.execute("SELECT 1 FROM entity_splits WHERE from_id = ? AND text = ?", (entity_id, n)).fetchone()
                   for n in names):
                raise CurationError("one of those forms was split off before and merged back",
                                    hint="undo those operations first")
            label = label or names[0]
            aliases = [n for n in names if n != label]
            marks = ",".join("?" * len(names))
            rowids = [r[0] for r in c.execute(
                f"SELECT DISTINCT doc_rowid FROM mentions WHERE entity_id = ? AND text IN ({marks})",
                [entity_id, *names])]
            c.execute("INSERT INTO entity_new(id, type, name, aliases) VALUES (?, ?, ?, ?)",
                      (new_id, row["type"], label, json.dumps(aliases, ensure_ascii=False)))
            c.executemany("INSERT INTO entity_splits(from_id, text, to_id) VALUES (?, ?, ?)",
                          [(entity_id, n, new_id) for n in names])
            removed = [a for a in row["aliases"] if a in names]
            self._write_row(c, dict(row, aliases=[a for a in row["aliases"] if a not in names]))
            self._write_row(c, {"id": new_id, "type": row["type"], "name": label, "aliases": aliases,
                                "born": None, "died": None, "external": {"wikidata": None}, "provisional": False})
            op = {"op": "split", "id": entity_id, "new_id": new_id, "moved": names, "name": label,
                  "removed": removed, "row": row}
            seq = self._log(c, op, who, why)
            self._reindex(c, rowids)
        return CurationOp(seq, c.one("SELECT at FROM curation_log WHERE seq = ?", (seq,)), who, why, False, op)

    def link(self, entity_id: str, wikidata: str, *, who: str, why: str | None = None,
             authority=None) -> CurationOp:
        if not WIKIDATA.fullmatch(wikidata or ""):
            raise CurationError(f"not a Wikidata id: {wikidata!r}", hint="use the form Q12345")
        with self.db.tx() as c:
            c.write_lock(exclusive=True)
            self._canonical_or_fail(c, entity_id)
            row = self._row(c, entity_id)
            entry = authority.get(entity_id) if authority is not None else None
            if row is None and entry is None:
                raise NotFound(f"no entity {entity_id!r} in the archive or the authority file",
                               hint="`witness entity list` lists them")
            prev = c.execute("SELECT wikidata FROM entity_links WHERE id = ?", (entity_id,)).fetchone()
            old = (row["external"].get("wikidata") if row else None) or (entry.wikidata if entry else None)
            c.execute("INSERT INTO entity_links(id, wikidata) VALUES (?, ?)"
                      " ON CONFLICT(id) DO UPDATE SET wikidata = excluded.wikidata", (entity_id, wikidata))
            if row is not None:
                self._write_row(c, dict(row, external=dict(row["external"], wikidata=wikidata)))
            op = {"op": "link", "id": entity_id, "wikidata": wikidata, "old": old,
                  "had_link": prev is not None, "old_link": prev[0] if prev else None,
                  "row": row}
            seq = self._log(c, op, who, why)
        return CurationOp(seq, c.one("SELECT at FROM curation_log WHERE seq = ?", (seq,)), who, why, False, op)

    def undo(self, *, who: str, why: str | None = None) -> CurationOp:
        """Reverse the last operation not yet undone; logs the undo and returns the operation undone."""
        with self.db.tx() as c:
            c.write_lock(exclusive=True)
            last = c.execute("SELECT seq, op FROM curation_log WHERE undone = 0 AND undoes IS NULL"
                             " ORDER BY seq DESC LIMIT 1").fetchone()
            if last is None:
                raise NotFound("nothing to undo", hint="`witness entity log` lists the operations")
            seq, op = last[0], json.loads(last[1])
            c.execute("UPDATE curation_log SET undone = 1 WHERE seq = ?", (seq,))
            self._log(c, {"op": "undo", "of": seq}, who, why)
            kind = op["op"]
            if kind == "merge":
                keep, drop = op["keep"], op["drop"]
                origins = self._origins(c, drop)    # before the redirect goes
                c.execute("DELETE FROM entity_redirects WHERE from_id = ?", (drop,))
                self._reindex(c, self._docs_with(c, keep), contains=origins)
                krow = self._row(c, keep)
                if op["keep_created"] and not self._docs_with(c, keep):
                    c.execute("DELETE FROM entities WHERE id = ?", (keep,))
                elif krow is not None:
                    self._write_row(c, dict(krow, aliases=[a for a in krow["aliases"] if a not in op["added"]]))
                if self._row(c, drop) is None:
                    self._write_row(c, op["drop_row"])
            elif kind == "split":
                src, new = op["id"], op["new_id"]
                rowids = self._docs_with(c, new)
                c.execute("DELETE FROM entity_splits WHERE to_id = ? AND from_id = ?", (new, src))
                c.execute("DELETE FROM entity_new WHERE id = ?", (new,))
                c.execute("DELETE FROM entities WHERE id = ?", (new,))
                row = self._row(c, src)
                if row is not None:
                    self._write_row(c, dict(row, aliases=row["aliases"] + [a for a in op["removed"]
                                                                           if a not in row["aliases"]]))
                self._reindex(c, rowids)
            elif kind == "link":
                if op["had_link"]:
                    c.execute("UPDATE entity_links SET wikidata = ? WHERE id = ?", (op["old_link"], op["id"]))
                else:
                    c.execute("DELETE FROM entity_links WHERE id = ?", (op["id"],))
                row = self._row(c, op["id"])
                if row is not None:
                    self._write_row(c, dict(row, external=dict(row["external"], wikidata=op["old"])))
            else:
                raise CurationError(f"unknown curation operation {kind!r} in the log")
            at = c.one("SELECT at FROM curation_log WHERE seq = ?", (seq,))
            by, reason = c.execute("SELECT who, why FROM curation_log WHERE seq = ?", (seq,)).fetchone()
        return CurationOp(seq, at, by, reason, True, op)

    # -- helpers (inside a transaction) ----------------------------------------------------
    @staticmethod
    def _row(c: Database, entity_id: str) -> dict | None:
        row = c.execute(f"SELECT {_COLS} FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return _row_dict(row) if row else None

    @staticmethod
    def _write_row(c: Database, e: dict) -> None:
        c.execute(f"INSERT INTO entities({_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
                  " type = excluded.type, name = excluded.name, aliases = excluded.aliases, born = excluded.born,"
                  " died = excluded.died, external = excluded.external, provisional = excluded.provisional",
                  (e["id"], e["type"], e["name"], json.dumps(e.get("aliases") or [], ensure_ascii=False),
                   e.get("born"), e.get("died"), json.dumps(e.get("external") or {}, ensure_ascii=False),
                   int(bool(e.get("provisional")))))

    @staticmethod
    def _canonical_or_fail(c: Database, entity_id: str) -> None:
        row = c.execute("SELECT to_id FROM entity_redirects WHERE from_id = ?", (entity_id,)).fetchone()
        if row:
            raise CurationError(f"{entity_id!r} was merged into {row[0]!r}",
                                hint=f"use {row[0]}, or `witness entity undo` the merge")

    @staticmethod
    def _docs_with(c: Database, entity_id: str) -> list[int]:
        return [r[0] for r in c.execute(
            "SELECT doc_rowid FROM mentions WHERE entity_id = ? UNION SELECT doc_rowid FROM claims"
            " WHERE subject = ? OR object = ? OR attributed_to = ?", (entity_id,) * 4).fetchall()]

    @staticmethod
    def _origins(c: Database, entity_id: str) -> set[str]:
        """The ids whose mentions end up at `entity_id` through merges or splits (and itself)."""
        found, todo = {entity_id}, [entity_id]
        while todo:
            cur = todo.pop()
            for (f,) in c.execute("SELECT from_id FROM entity_redirects WHERE to_id = ? UNION"
                                  " SELECT from_id FROM entity_splits WHERE to_id = ?", (cur, cur)).fetchall():
                if f not in found:
                    found.add(f)
                    todo.append(f)
        return found

    def _reindex(self, c: Database, rowids: list[int], contains: set[str] | None = None) -> None:
        """Index these documents again from their stored JSON (the current version), so the
        rows follow the decisions now in force; `contains` skips documents whose JSON names
        none of those ids (nothing would change)."""
        import zlib
        rules = load_rules(c)
        needles = [f'"{json.dumps(i, ensure_ascii=False)[1:-1]}"' for i in contains] if contains else None
        for rowid in rowids:
            row = c.execute("SELECT v.json FROM documents d JOIN versions v ON v.doc_id = d.id"
                            " AND v.version = d.version WHERE d.rowid = ?", (rowid,)).fetchone()
            if row is None:
                continue
            raw = zlib.decompress(row[0]).decode()
            if needles and not any(n in raw for n in needles):
                continue
            index_annotations(c, rowid, json.loads(raw), rules=rules)
            c.log_change(rowid)          # the search index's entity field

    @staticmethod
    def _log(c: Database, op: dict, who: str, why: str | None) -> int:
        return c.insert_id("INSERT INTO curation_log(at, who, why, op, undoes) VALUES (?, ?, ?, ?, ?) RETURNING seq",
                           (now(), who, why, json.dumps(op, ensure_ascii=False), op.get("of")))
