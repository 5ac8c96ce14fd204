"""Authority entries, candidates and the cleaning of a name as written before lookup."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

from witness.errors import WitnessError

LINK_MIN = 0.6   # resolve(): below this a candidate is only a hint for context to weigh
PHONETIC_HINT = 0.6  # key similarity for a phonetic look-alike to be offered as a hint
ENTRY_TYPES = ("person", "organization", "periodical", "place", "event", "work")

# Words that precede a name in this literature and are not part of it.
TITLES = {
    "general", "marshal", "comrade", "comrades", "dr", "doctor", "professor", "prof", "mr", "mrs",
    "miss", "mme", "madame", "monsieur", "m", "herr", "frau", "citizen", "commissar", "admiral",
    "colonel", "commander", "army", "corps", "divisional", "brigade", "kommandarm", "komkor",
    "komdiv", "academician", "president", "premier", "prosecutor", "judge", "ambassador",
    "minister", "senor", "señor", "don", "the", "old", "bolshevik", "defendant", "accused",
    "prisoner", "engineer", "chairman", "secretary", "leader", "captain", "lieutenant", "sir",
    "lord", "lady", "saint", "st", "père", "pere", "father", "genosse", "camarade", "tovarishch",
}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# Words derived from a surname ("Trotskyist", "Stalinism", "Lovestoneite") are not mentions.
_DERIVED = re.compile(r"(?:ism|isms|ist|ists|ite|ites|ian|ians|ized|ised|ist's)$", re.I)
_PATRONYMIC = re.compile(r"(?:ovich|evich|ovitch|evitch|owitsch|ewitsch|ovna|evna|ievich|yevich)$")


class AuthorityError(WitnessError):
    code = "authority-invalid"
    status = 500


@dataclass
class AuthorityEntry:
    id: str
    type: str
    name: str
    variants: list[str] = field(default_factory=list)
    born: str | None = None
    died: str | None = None
    death_manner: str | None = None
    wikidata: str | None = None
    cyrillic: str | None = None
    roles: list[str] = field(default_factory=list)
    source: str | None = None
    surname: str | None = None       # persons: the family name as written in `name`
    note: str | None = None
    # Persons only.  A bare surname that is also an everyday name ("David", "Frank", "Ivanov")
    # never links on its own; the dominant bearer of a shared surname (Lev Kamenev beside
    # Sergei Kamenev) gets a higher score for the bare surname than the others.
    common_surname: bool = False
    primary_for_surname: bool = False
    name_order: str = "western"      # "eastern": family name first (Mao Zedong, Chen Duxiu)
    # Forms for records only (creators and periodicals, witness.creators), never for finding
    # mentions in a text: a pen name such as "Lucifer", a title such as "Fourth International".
    pseudonyms: list[str] = field(default_factory=list)        # persons: other names they wrote under
    pseudonym_sources: dict[str, str] = field(default_factory=dict)
    mia_folder: str | None = None      # persons: their folder under the MIA's archive/
    titles: list[str] = field(default_factory=list)            # periodicals: titles as records print them
    between: list[int] | None = None   # periodicals: [first, last] year a shared title means this one

    @property
    def all_names(self) -> list[str]:
        """Preferred name, variants and the Cyrillic form, without repeats."""
        out: list[str] = []
        for n in [self.name, *self.variants, *( [self.cyrillic] if self.cyrillic else [])]:
            if n and n not in out:
                out.append(n)
        return out

    def to_entity(self):
        """The spec's ``entities[]`` item for this entry (witness.model.Entity)."""
        from witness.model import Entity
        aliases = list(self.variants) + [p for p in self.pseudonyms if p not in self.variants]
        return Entity(id=self.id, type=self.type, name=self.name, aliases=aliases,
                      born=self.born, died=self.died, external={"wikidata": self.wikidata},
                      provisional=False)


@dataclass(frozen=True)
class Candidate:
    id: str
    score: float            # 0–1; 1.0 only for an unambiguous exact hit
    how: str                # exact | key | phonetic | fuzzy
    name: str = ""          # the entry's preferred name, for display


def _date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s,]+", text.strip()) if w]


def clean_query(text: str) -> str:
    """Strip titles ("General Putna"), possessives ("Stalin's") and stray punctuation."""
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" ,;:()[]\"“”‘'")
    words = _words(text)
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    return " ".join(words)
