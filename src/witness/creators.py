"""Creators and periodicals under authority control: the step after the record.

A record keeps its names as printed ("Cannon", "J.R. Johnson", "New International"); this
step adds who they are: `record.creators` (authors, translators, transcribers as person
entities, a pen name marked with the person it belongs to) and `record.periodical_entity`.
Lists, facets and indexes then group by the entity: "Cannon" and "James P. Cannon" are one
author, "J.R. Johnson" is shown as "J.R. Johnson (pseudonym of C. L. R. James)".

How a printed name is linked, in order:
  1. a pseudonym listed for exactly one person (mia_authors.yaml, each with its source);
  2. the person whose MIA folder holds the page, when the name fits them at all (a bare
     "Cannon" in archive/cannon/, "Weisbord" in archive/weisbord/);
  3. an unambiguous authority match of at least 0.9 (exact, key, or unique surname with
     fitting given names — never a fuzzy or phonetic guess);
  4. otherwise a provisional id from the name key (Pierre Broue = Pierre Broué), when the
     words look like a personal name; else no entity (a heading such as "Introduction").
Runs at ingest (in the reader workers, after the record) and on `witness reprocess`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .authority import Authority, load, provisional_id
from .authority.names import exact_form
from .model import Creator, Document

ROLES = (("author", "authors"), ("translator", "translated_by"), ("transcriber", "transcribed_by"))
MATCH_MIN = 0.9          # an authority match a byline may take without the folder's support
FOLDER_MIN = 0.4         # a folder person the lookup offers at all (a bare shared surname)

# Words that never occur in a personal name as these records print them.
_NOT_A_NAME = re.compile(
    r"\b(?:party|press|library|publishers?|committee|international|socialist|bureau|group|league|union|"
    r"review|offset|unknown|editorial|editors?|introduction|foreword|preface|archive|writers|survey|"
    r"appendix|notes|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|the|of|and|for|in|workers|communist|militant|appeal|translation|official|staff|"
    r"collective|artroom|anonymous|various|socialism|history|marxist|marxism|supplement|interview)\b", re.I)
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w’'\-]*\.?|[A-Z]\.(?:[A-Z]\.)*|(?:de|van|von|der|la|le|du|da|di|y|O’)\b)$")


def folder_of(path: str | None) -> str | None:
    """The MIA author folder of a source path ("archive/cannon/works/x.htm" → "cannon")."""
    parts = (path or "").split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "archive" else None


def looks_like_a_person(name: str) -> bool:
    words = name.split()
    return (1 < len(words) <= 5 and not any(ch.isdigit() for ch in name) and not _NOT_A_NAME.search(name)
            and all(_NAME_WORD.match(w) for w in words))


class _Index:
    """Record-only forms of the authority (pseudonyms, periodical titles) and MIA folders."""

    def __init__(self, auth: Authority):
        self.auth = auth
        self.pseudonyms: dict[str, set[str]] = {}
        self.folders: dict[str, list[str]] = {}
        self.titles: dict[str, list[str]] = {}
        for e in auth.entries.values():
            if e.type == "person":
                for p in e.pseudonyms:
                    self.pseudonyms.setdefault(exact_form(p), set()).add(e.id)
                if e.mia_folder:
                    self.folders.setdefault(e.mia_folder, []).append(e.id)
            elif e.type == "periodical":
                for t in {e.name, *e.variants, *e.titles}:
                    self.titles.setdefault(exact_form(_bare_title(t)), []).append(e.id)

    def person(self, printed: str, folder: str | None) -> tuple[str | None, str | None]:
        """(entity id, pseudonym_of) for a printed name."""
        owners = self.pseudonyms.get(exact_form(printed), set())
        in_folder = set(self.folders.get(folder or "", ()))
        if len(owners) > 1 and owners & in_folder:
            owners = owners & in_folder
        if len(owners) == 1:
            pid = next(iter(owners))
            return pid, pid
        cands = self.auth.lookup(printed, type="person", limit=5)
        for c in cands:
            if c.id in in_folder and c.score >= FOLDER_MIN:
                return c.id, None
        if cands and cands[0].score >= MATCH_MIN and (len(cands) == 1 or cands[1].score < cands[0].score):
            return cands[0].id, None
        if looks_like_a_person(printed):
            return provisional_id(printed), None
        return None, None

    def periodical(self, printed: str, date: str | None) -> str | None:
        ids = list(dict.fromkeys(self.titles.get(exact_form(_bare_title(printed)), [])))
        if len(ids) <= 1:
            return ids[0] if ids else None
        year = int(date[:4]) if date and date[:4].isdigit() else None
        if year is None:
            return None
        spans = {i: self.auth.get(i).between for i in ids}
        held = [i for i, s in spans.items() if s and s[0] <= year <= s[1]]
        if len(held) == 1:
            return held[0]
        open_ = [i for i, s in spans.items() if not s]
        return open_[0] if not held and len(open_) == 1 else None


def _bare_title(title: str) -> str:
    return re.sub(r"^(?:the|la|le|l’|l')\s*", "", title.strip(), flags=re.I)


@lru_cache(maxsize=4)
def _index(auth: Authority) -> _Index:
    return _Index(auth)


def link_creators(doc: Document, authority: Authority | None = None) -> Document:
    """Fill doc.record.creators and doc.record.periodical_entity from the printed record."""
    auth = authority or load()
    idx = _index(auth)
    rec = doc.record
    folder = folder_of(doc.source.path)
    creators: list[Creator] = []
    for role, attr in ROLES:
        for printed in getattr(rec, attr) or []:
            for part in [p.strip() for p in printed.split("/")] if role != "author" else [printed.strip()]:
                if not part:
                    continue
                entity, pseudonym_of = idx.person(part, folder if role == "author" else None)
                entry = auth.get(entity) if entity else None
                creators.append(Creator(role=role, as_printed=part, entity=entity, pseudonym_of=pseudonym_of,
                                        name=entry.name if entry else None))
    rec.creators = creators
    rec.periodical_entity = idx.periodical(rec.periodical, rec.date) if rec.periodical else None
    entry = auth.get(rec.periodical_entity) if rec.periodical_entity else None
    rec.periodical_name = entry.name if entry else None
    return doc


def link_many(docs, authority: Authority | None = None):
    auth = authority or load()
    for doc in docs:
        yield link_creators(doc, auth)


def display(c: Creator) -> str:
    """How a creator is shown: "J.R. Johnson (pseudonym of C. L. R. James)", else as printed."""
    if c.pseudonym_of and c.name:
        return f"{c.as_printed} (pseudonym of {c.name})"
    return c.as_printed


def group_name(c: Creator) -> str:
    """The name lists and facets group a creator under: the entity's, else as printed."""
    return c.name or c.as_printed


def author_groups(record: dict) -> list[str]:
    """A record's (JSON) authors as lists group them: one name per entity, in byline order."""
    creators = [c for c in record.get("creators") or [] if c.get("role") == "author"]
    if not creators:
        return [a for a in record.get("authors") or [] if a]
    return list(dict.fromkeys(c.get("name") or c["as_printed"] for c in creators))


def periodical_group(record: dict) -> str | None:
    """A record's (JSON) periodical as lists group it: the entity's title, else as printed."""
    return record.get("periodical_name") or record.get("periodical")


def author_filter(name: str | None, authority: Authority | None = None) -> str | None:
    """An --author filter as the lists group authors: a pen name, variant or bare surname
    becomes the person's name ("J.R. Johnson" → "C. L. R. James"); anything else unchanged."""
    if not name or not name.strip():
        return name
    auth = authority or load()
    idx = _index(auth)
    owners = idx.pseudonyms.get(exact_form(name), set())
    if len(owners) == 1:
        return auth.get(next(iter(owners))).name
    best = auth.resolve(name, type="person")
    if best is not None and best.score >= MATCH_MIN:
        return auth.get(best.id).name
    return name


def byline(record) -> list[str]:
    """A Record's authors for display: pen names with their person, else as printed."""
    shown = [display(c) for c in record.creators if c.role == "author"]
    return shown or [a for a in record.authors if a]


def author_names(record) -> list[str]:
    """A Record's authors grouped by entity (the dataclass form of author_groups)."""
    names = [group_name(c) for c in record.creators if c.role == "author"]
    return list(dict.fromkeys(names)) or [a for a in record.authors if a]
