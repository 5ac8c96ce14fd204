"""Curation: provisional entities, reversible merges/splits/links, and re-export of the file.

The CLI (``witness entity list|show|merge|split|link``) and the store keep the state; this
module is the logic they share:

* ``ProvisionalRegistry`` — names the authority file does not know become provisional
  entities, deduplicated across documents by the same matching as the file (name keys,
  surname + given names, Double Metaphone with the measured floor).
* ``Curator`` — a mutable copy of the authority entries with an operation log.  Every
  operation is a JSON-serialisable dict holding what is needed to undo it, so merges are
  logged and reversible; ``replay(log)`` rebuilds the curated state from the pristine file.
* ``export_yaml`` — writes persons/organizations/places YAML in the file's own layout, so a
  curated copy can be loaded with ``witness.authority.load(path)`` and reviewed as a diff.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from pathlib import Path
from typing import Any, Iterable

import yaml
from rapidfuzz import fuzz

from witness.authority import Authority, AuthorityEntry, AuthorityError, clean_query, provisional_id
from witness.authority.names import PHONETIC_FLOOR, gender_compatible, name_key, phonetic_keys


@dataclasses.dataclass
class ProvisionalEntry:
    id: str
    type: str
    name: str                                  # the fullest form seen
    variants: list[str] = dataclasses.field(default_factory=list)
    mentions: int = 0

    def to_entry(self) -> AuthorityEntry:
        return AuthorityEntry(id=self.id, type=self.type, name=self.name,
                              variants=[v for v in self.variants if v != self.name],
                              source="provisional", surname=self.name.split()[-1])


class ProvisionalRegistry:
    """Resolve names to authority ids, or to provisional ids shared across documents."""

    def __init__(self, authority: Authority):
        self.authority = authority
        self.entries: dict[str, ProvisionalEntry] = {}
        self._by_key: dict[tuple[str, str], str] = {}       # (type, full key) → id
        self._by_surname: dict[tuple[str, str], set[str]] = {}  # (type, surname key) → ids

    def resolve(self, name: str, type: str = "person") -> tuple[str, bool]:
        """(id, provisional?) for a name as written."""
        hit = self.authority.resolve(name, type=type)
        if hit:
            return hit.id, False
        q = clean_query(name)
        key = name_key(q)
        pid = self._by_key.get((type, key)) or self._match(q, key, type)
        if pid is None:
            pid = provisional_id(q)
            while pid in self.entries and self.entries[pid].type != type:
                pid += "-" + type[0]
            self.entries.setdefault(pid, ProvisionalEntry(pid, type, q))
        e = self.entries[pid]
        e.mentions += 1
        if q not in e.variants:
            e.variants.append(q)
        if len(q.split()) > len(e.name.split()):
            e.name = q  # keep the fullest form as the display name
        self._by_key[(type, key)] = pid
        if type == "person" and key:
            self._by_surname.setdefault((type, key.split()[-1]), set()).add(pid)
        return pid, True

    def _match(self, q: str, key: str, type: str) -> str | None:
        if type != "person" or not key:
            return None
        words = key.split()
        ids = set(self._by_surname.get((type, words[-1]), set()))
        if not ids:
            # A spelling variant of a surname seen before (Sidortchuk / Sidorchuk).
            codes = phonetic_keys(q.split()[-1])
            for (t, sk), pids in self._by_surname.items():
                if (t == type and gender_compatible(words[-1], sk)
                        and fuzz.ratio(words[-1], sk) / 100 >= PHONETIC_FLOOR
                        and codes & phonetic_keys(sk)):
                    ids |= pids
        if len(words) == 1:
            return next(iter(ids)) if len(ids) == 1 else None  # one bearer seen: that one
        fits = [pid for pid in sorted(ids) if self._given_fits(words[0], self.entries[pid])]
        return fits[0] if len(fits) == 1 else None  # "I. Sidorchuk" after "Ivan Sidorchuk"

    @staticmethod
    def _given_fits(first: str, e: ProvisionalEntry) -> bool:
        for v in e.variants:
            vw = name_key(v).split()
            if len(vw) > 1 and (vw[0] == first or (len(first) == 1 and vw[0][:1] == first)
                                or (len(vw[0]) == 1 and first[:1] == vw[0])):
                return True
        return False

    def listed(self) -> list[ProvisionalEntry]:
        """Provisional entities for curators, most mentioned first."""
        return sorted(self.entries.values(), key=lambda e: (-e.mentions, e.id))


def _entry_dict(e: AuthorityEntry) -> dict[str, Any]:
    return dataclasses.asdict(e)


class Curator:
    """A curated copy of the authority entries with a reversible operation log."""

    def __init__(self, authority: Authority):
        self.base = authority
        self.entries: dict[str, AuthorityEntry] = copy.deepcopy(authority.entries)
        self.log: list[dict[str, Any]] = []

    def _get(self, id: str) -> AuthorityEntry:
        if id not in self.entries:
            raise AuthorityError(f"no entity {id!r}", hint="see `witness entity list`")
        return self.entries[id]

    # ---- operations (each returns its log record) ----------------------------------------
    def add(self, entry: AuthorityEntry) -> dict:
        if entry.id in self.entries:
            raise AuthorityError(f"entity {entry.id!r} exists already")
        self.entries[entry.id] = entry
        return self._record({"op": "add", "entry": _entry_dict(entry)})

    def merge(self, keep: str, drop: str) -> dict:
        """Fold ``drop`` into ``keep``: its names become variants of ``keep``."""
        if keep == drop:
            raise AuthorityError("cannot merge an entity with itself")
        k, d = self._get(keep), self._get(drop)
        if k.type != d.type:
            raise AuthorityError(f"cannot merge a {d.type} into a {k.type}")
        added = [n for n in d.all_names if n not in k.all_names]
        k.variants.extend(added)
        del self.entries[drop]
        return self._record({"op": "merge", "keep": keep, "drop": drop, "added": added,
                             "entry": _entry_dict(d)})

    def split(self, id: str, new_id: str, names: Iterable[str], name: str | None = None) -> dict:
        """Move ``names`` (variants of ``id``) to a new entity ``new_id``."""
        src = self._get(id)
        if new_id in self.entries:
            raise AuthorityError(f"entity {new_id!r} exists already")
        moved = [n for n in names if n in src.variants]
        if not moved:
            raise AuthorityError(f"none of those names is a variant of {id!r}")
        src.variants = [v for v in src.variants if v not in moved]
        new = AuthorityEntry(id=new_id, type=src.type, name=name or moved[0],
                             variants=[m for m in moved if m != (name or moved[0])],
                             source="curator split", surname=(name or moved[0]).split()[-1])
        self.entries[new_id] = new
        return self._record({"op": "split", "id": id, "new_id": new_id, "moved": moved,
                             "name": new.name})

    def link(self, id: str, wikidata: str | None) -> dict:
        if wikidata is not None and not re.fullmatch(r"Q\d+", wikidata):
            raise AuthorityError(f"not a Wikidata id: {wikidata!r}", hint="use the form Q12345")
        e = self._get(id)
        old, e.wikidata = e.wikidata, wikidata
        return self._record({"op": "link", "id": id, "wikidata": wikidata, "old": old})

    def _record(self, rec: dict) -> dict:
        self.log.append(rec)
        return rec

    # ---- undo and replay ------------------------------------------------------------------
    def undo(self) -> dict:
        """Reverse the last operation and drop it from the log."""
        if not self.log:
            raise AuthorityError("nothing to undo")
        rec = self.log.pop()
        op = rec["op"]
        if op == "add":
            del self.entries[rec["entry"]["id"]]
        elif op == "merge":
            k = self.entries[rec["keep"]]
            k.variants = [v for v in k.variants if v not in rec["added"]]
            self.entries[rec["drop"]] = AuthorityEntry(**rec["entry"])
        elif op == "split":
            src = self.entries[rec["id"]]
            src.variants.extend(m for m in rec["moved"] if m not in src.variants)
            del self.entries[rec["new_id"]]
        elif op == "link":
            self.entries[rec["id"]].wikidata = rec["old"]
        return rec

    def replay(self, log: Iterable[dict]) -> None:
        """Apply a stored log to this (pristine) copy."""
        for rec in log:
            op = rec["op"]
            if op == "add":
                self.add(AuthorityEntry(**rec["entry"]))
            elif op == "merge":
                self.merge(rec["keep"], rec["drop"])
            elif op == "split":
                self.split(rec["id"], rec["new_id"], rec["moved"], rec.get("name"))
            elif op == "link":
                self.link(rec["id"], rec["wikidata"])
            else:
                raise AuthorityError(f"unknown curation operation {op!r}")

    def to_authority(self) -> Authority:
        return Authority(list(self.entries.values()), sorted(self.base.shared_variants))

    def export_yaml(self, folder: str | Path) -> list[Path]:
        return export_yaml(self.entries.values(), folder, self.base.shared_variants)


_ORDER = ["id", "type", "name", "surname", "cyrillic", "variants", "born", "died", "death_manner",
          "source", "wikidata", "roles", "note", "common_surname", "primary_for_surname",
          "name_order"]
_DEFAULTS = {"common_surname": False, "primary_for_surname": False, "name_order": "western",
             "note": None, "surname": None}


def export_yaml(entries: Iterable[AuthorityEntry], folder: str | Path,
                shared_variants: Iterable[str] = ()) -> list[Path]:
    """Write persons.yaml, organizations.yaml, places.yaml (loadable by ``load(folder)``)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    groups: dict[str, list[dict]] = {"persons": [], "organizations": [], "periodicals": [],
                                     "places": []}
    section = {"person": "persons", "periodical": "periodicals", "place": "places"}
    for e in entries:
        d = _entry_dict(e)
        row = {k: d[k] for k in _ORDER if k in d and not (k in _DEFAULTS and d[k] == _DEFAULTS[k])}
        groups[section.get(e.type, "organizations")].append(row)
    header = ("# Witness authority file, exported with curators' changes "
              "(witness.authority.curation.export_yaml).\n"
              "# Field meanings: see the header of the packaged persons.yaml.\n")
    out = []
    for fname, sections in (("persons.yaml", ["persons"]),
                            ("organizations.yaml", ["organizations", "periodicals"]),
                            ("places.yaml", ["places"])):
        doc: dict[str, Any] = {}
        if fname == "persons.yaml":
            doc["shared_variants"] = sorted(shared_variants)
        for s in sections:
            doc[s] = groups[s]
        path = folder / fname
        path.write_text(header + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False,
                                                width=100), encoding="utf-8")
        out.append(path)
    return out
