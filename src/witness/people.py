"""Persons across the archive: resolve a name in any spelling or script, a person's record,
timeline and contradictions.  Library functions behind `witness person`, `witness search
--person`, `witness contradictions` and the reading room's person pages."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .errors import NotFound


def _authority():
    from .authority import load
    return load()


def resolve_person(store, name_or_id: str) -> str:
    """An entity id for an id, a name or a variant (Rakowsky, Раковский…); NotFound otherwise."""
    key = name_or_id.strip()
    if hasattr(store, "canonical_entity"):
        key = store.canonical_entity(key)   # an id merged away by a curator means the one kept
    if store.entity(key) is not None or _authority().get(key) is not None:
        return key
    found = store.find_entities(key, limit=2)
    if len(found) == 1:
        return found[0].id
    best = _authority().resolve(key, type="person")
    if best is not None:
        return best.id
    candidates = _authority().lookup(key, type="person", limit=3)
    if found:
        return found[0].id
    if candidates:
        names = ", ".join(c.id for c in candidates)
        raise NotFound(f"{key!r} matches several persons: {names}", hint="give one of these ids")
    raise NotFound(f"no person called {key!r} in the archive or the authority file",
                   hint="`witness entity list` lists the persons the archive knows")


@dataclass
class PersonRecord:
    id: str
    name: str
    type: str
    variants: list[str]
    born: str | None
    died: str | None
    death_manner: str | None
    wikidata: str | None
    provisional: bool
    documents: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    co_mentioned: list[dict] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def person_record(store, name_or_id: str, *, mention_limit: int = 1000) -> PersonRecord:
    pid = resolve_person(store, name_or_id)
    ent = store.entity(pid)
    auth = _authority().get(pid)
    if ent is None and auth is None:
        raise NotFound(f"no person {pid!r}")
    name = auth.name if auth else ent.name
    variants = list(auth.variants) if auth else list(ent.aliases)
    if auth and ent:   # names a curator merged in live on the archive's row
        variants += [a for a in ent.aliases if a not in variants and a != name]
    # A curator's link (witness entity link) is on the archive's row; else the file's.
    wikidata = ((ent.external or {}).get("wikidata") if ent else None) or getattr(auth, "wikidata", None)
    return PersonRecord(
        id=pid, name=name, type=(auth.type if auth else ent.type), variants=variants,
        born=auth.born if auth else ent.born, died=auth.died if auth else ent.died,
        death_manner=getattr(auth, "death_manner", None), wikidata=wikidata,
        provisional=auth is None and bool(ent and ent.provisional),
        documents=[asdict(d) for d in store.documents_mentioning(pid)],
        mentions=[asdict(m) for m in store.mentions_of(pid, limit=mention_limit)],
        co_mentioned=[{"id": c.entity.id, "name": c.entity.name, "documents": c.documents}
                      for c in store.co_mentioned(pid)])


def timeline(store, name_or_id: str):
    from .claims import build_timeline
    pid = resolve_person(store, name_or_id)
    return pid, build_timeline(store.claim_items(pid), subject=pid)


def contradictions(store, person: str | None = None):
    from .claims import find_contradictions
    pid = resolve_person(store, person) if person else None
    return find_contradictions(store.claim_items(pid), _authority(), subject=pid)
