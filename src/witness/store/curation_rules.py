"""Curators' decisions as rules applied to a document's JSON (pure: no database here).

The documents' JSON (in `versions`) is never changed by curation: it stays as the NLP
extracted it.  Indexing a document (annotations.py) and showing it (the archive layer)
apply the rules in force, so a re-ingest or `witness reprocess` keeps every decision and
an undo is deleting the decision.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

_HOPS = 64   # longest chain of merges/splits followed (chains cannot loop; this is a guard)


@dataclass
class Rules:
    redirects: dict[str, str]
    names: dict[str, list[str]]              # to_id → names merged into it
    splits: dict[tuple[str, str], str]       # (from_id, surface text) → to_id
    split_away: dict[str, set[str]]          # from_id → texts moved away
    links: dict[str, str | None]
    new: dict[str, tuple[str, str, list[str]]]  # id → (type, name, aliases)

    def resolve(self, entity: str, text: str | None = None) -> str:
        """Where a mention of `entity` written `text` (or a claim subject) belongs now."""
        cur, used = entity, set()
        for _ in range(_HOPS):
            key = (cur, text)
            if text is not None and key in self.splits and key not in used:
                used.add(key)    # a split undone by a later merge back must not loop
                cur = self.splits[key]
                continue
            nxt = self.redirects.get(cur)
            if nxt is None:
                break
            cur = nxt
        return cur


def load_rules(db) -> "Rules | None":
    """The decisions in force, or None when there are none (the usual case: nothing to do)."""
    if db.execute("SELECT 1 FROM curation_log WHERE undone = 0 AND undoes IS NULL LIMIT 1").fetchone() is None:
        return None
    redirects, names = {}, {}
    for f, t, n in db.execute("SELECT from_id, to_id, names FROM entity_redirects").fetchall():
        redirects[f] = t
        names.setdefault(t, []).extend(json.loads(n))
    splits, away = {}, {}
    for f, text, t in db.execute("SELECT from_id, text, to_id FROM entity_splits").fetchall():
        splits[(f, text)] = t
        away.setdefault(f, set()).add(text)
    links = dict(db.execute("SELECT id, wikidata FROM entity_links").fetchall())
    new = {i: (ty, n, json.loads(a)) for i, ty, n, a in db.execute("SELECT id, type, name, aliases FROM entity_new").fetchall()}
    return Rules(redirects, names, splits, away, links, new)


def curate(rules: "Rules | None", data: dict) -> dict:
    """`data` (a document's JSON) as curators decided: a new dict, or `data` itself when no
    decision is in force.  Mentions and claims follow merges and splits; merged-away
    entities disappear from the list, their names becoming aliases of the entity kept."""
    if rules is None:
        return data
    out = dict(data)
    out["mentions"] = [dict(m, entity=rules.resolve(m["entity"], m.get("text"))) if m.get("entity") else m
                       for m in data.get("mentions") or []]
    claims = []
    for c in data.get("claims") or []:
        c = dict(c)
        for k in ("subject", "object", "attributed_to"):
            if c.get(k) and c[k] in rules.redirects:
                c[k] = rules.resolve(c[k])
        claims.append(c)
    out["claims"] = claims
    entities: dict[str, dict] = {}
    for e in data.get("entities") or []:
        if rules.resolve(e["id"]) == e["id"]:
            entities[e["id"]] = dict(e)
    for m in out["mentions"]:
        eid = m.get("entity")
        if eid and eid not in entities and eid in rules.new:
            entities[eid] = {"id": eid, "provisional": False, "external": {"wikidata": None}}
    for eid, e in entities.items():
        if eid in rules.new:
            e["type"], e["name"], e["aliases"] = rules.new[eid][0], rules.new[eid][1], list(rules.new[eid][2])
        away = rules.split_away.get(eid, set())
        aliases = []
        for a in [*(e.get("aliases") or []), *rules.names.get(eid, [])]:
            if a not in aliases and a != e["name"] and a not in away:
                aliases.append(a)
        e["aliases"] = aliases
        if eid in rules.links:
            e["external"] = dict(e.get("external") or {}, wikidata=rules.links[eid])
    out["entities"] = list(entities.values())
    return out


