"""Reading the authority YAML files (packaged or a curator-edited copy), with a cache."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from witness.authority.entries import AuthorityEntry, AuthorityError, _date

if TYPE_CHECKING:
    from witness.authority import Authority

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "authority"
FILES = ("persons.yaml", "organizations.yaml", "places.yaml",
         "mia_authors.yaml", "periodicals.yaml")   # the last two: creators and periodicals (witness.creators)

_FIELDS = {f for f in AuthorityEntry.__dataclass_fields__}


def _entry(raw: dict, default_type: str, where: str) -> AuthorityEntry:
    if not isinstance(raw, dict) or "id" not in raw or "name" not in raw:
        raise AuthorityError(f"entry without id or name: {raw!r}", path=where)
    data = {k: v for k, v in raw.items() if k in _FIELDS}
    data.setdefault("type", default_type)
    for k in ("born", "died"):
        data[k] = _date(data.get(k))
    for k in ("variants", "roles", "pseudonyms", "titles"):
        v = data.get(k) or []
        data[k] = [str(x) for x in (v if isinstance(v, list) else [v])]
    for k in ("common_surname", "primary_for_surname"):
        data[k] = bool(data.get(k, False))
    data["name_order"] = data.get("name_order") or "western"
    if data["type"] == "person" and not data.get("surname"):
        data["surname"] = str(data["name"]).split()[-1]
    return AuthorityEntry(**data)


def _amend(entries: dict[str, AuthorityEntry], amendments: list[tuple[dict, str]]) -> None:
    """Apply `amend:` items (mia_authors.yaml, periodicals.yaml) to entries of other files:
    they add forms and an MIA folder, never change a name or a date."""
    for raw, where in amendments:
        e = entries.get(raw.get("id")) if isinstance(raw, dict) else None
        if e is None:
            raise AuthorityError(f"amend: no entry {raw.get('id') if isinstance(raw, dict) else raw!r} to amend",
                                 path=where)
        for k in ("variants", "pseudonyms", "titles"):
            extra = [str(x) for x in raw.get(k) or [] if str(x) not in getattr(e, k)]
            setattr(e, k, getattr(e, k) + extra)
        e.pseudonym_sources = {**e.pseudonym_sources, **(raw.get("pseudonym_sources") or {})}
        e.mia_folder = raw.get("mia_folder") or e.mia_folder
        e.between = raw.get("between") or e.between


def _read(path: Path) -> tuple[list[AuthorityEntry], list[str]]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
    except yaml.YAMLError as exc:
        raise AuthorityError(f"not valid YAML: {exc}", path=str(path)) from exc
    entries: list[AuthorityEntry] = []
    for section, typ in (("persons", "person"), ("organizations", "organization"),
                         ("periodicals", "periodical"), ("places", "place"), ("works", "work")):
        for raw in doc.get(section) or []:
            entries.append(_entry(raw, typ, str(path)))
    _READ_AMEND[str(path)] = [(raw, str(path)) for raw in doc.get("amend") or []]
    return entries, list(doc.get("shared_variants") or [])


_READ_AMEND: dict[str, list[tuple[dict, str]]] = {}


_CACHE: dict[tuple, "Authority"] = {}


def _common_words() -> frozenset[str]:
    path = DATA_DIR / "common_words.txt"
    if not path.exists():
        return frozenset()
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


COMMON_WORDS = _common_words()


def load(path: str | os.PathLike | None = None) -> "Authority":
    """Load (and cache) the authority file: the packaged data by default, or a folder/file."""
    from witness.authority import Authority  # the index class imports this module
    p = Path(path) if path else DATA_DIR
    files = [p / f for f in FILES if (p / f).exists()] if p.is_dir() else [p]
    if not files or not all(f.exists() for f in files):
        raise AuthorityError("authority file not found", path=str(p),
                             hint="pass a folder with persons.yaml or one YAML file")
    stamp = (str(p.resolve()), tuple(f.stat().st_mtime_ns for f in files))
    if stamp in _CACHE:
        return _CACHE[stamp]
    entries, shared, amendments = [], [], []
    for f in files:
        e, s = _read(f)
        entries.extend(e)
        shared.extend(s)
        amendments += _READ_AMEND.pop(str(f), [])
    if amendments:
        _amend({e.id: e for e in entries}, amendments)
    auth = Authority(entries, shared, p)
    _CACHE[stamp] = auth
    return auth
