"""Whether a claim's own sentence identifies the person it is about, and states its year, firmly
enough for the claim to be flagged against the other sources (claims.md; issue 18).

A contradiction says "this source disagrees with the others about this person". That is only
worth a historian's time when the source is about that person and says what it is said to:
the judged contradictions of 2026-12-06 (tests/gold/contradictions/) lost most of their
artefacts to claims whose person was a namesake, a relative or a pronoun's guess, or whose
year the rules had worked out. An outlier must therefore rest on a mention of its subject
inside its own evidence, that mention must say who, and a dated claim must print its year
there ("twenty-six years ago" counted from a reprint's date, "on the night of 6–7 November"
given the year of the page, are no source's statement of a year). Who a mention says
(titles and honorifics aside: "General Trepov" is a bare surname):

- a bare forename never does ("Liebknecht, Karl": which Karl; "Monty" for Monty Johnstone),
  unless it is the word the archive most often calls the person by alone ("Mao", "Chen":
  surnames printed first);
- a name with a forename the person never bears, inside the mention or just before it
  ("Nicolas Ivanovich Kibalchich", a relative of Victor Serge, born Kibalchich), is someone
  else of the family; the person's forenames are the authority file's when it has them (the
  archive's own spellings may hold the very mislink in question), and a forename with the
  same first letter as one of theirs counts as a spelling of it (Lev, Leon, Léon, Lew);
- a bare surname does when the person is in the authority file or the archive knows them by a
  fuller name, and the archive's own linking gives that surname to this person nearly always
  (``SURNAME_SHARE``): "Kamenev" is Lev Kamenev in 98 % of its mentions, "MacDonald" is Ramsay
  MacDonald in 93 % and Dwight Macdonald in the rest — not enough to stand against the sources.
  Rivals are persons of the authority file or provisional persons named in full often
  (``RIVAL_FULL_MENTIONS``).

A mention that names the person as someone's kin ("Lenin's elder brother, was hanged") is not
the person; for a dated claim, the person's mention nearest the printed year is the one judged
("the brother of Alexander Ilyich Ulyanov, who was hanged in 1897" is not about the "Lenin" of
the clause before). The consensus side is held to the naming rules only: the year rule is for
the outlier, whose year is what is contested.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from ..claims.referents import bare_forename
from ..nlp.titles import HONORIFICS, LOWER_TITLES, PERSON_TITLES
from .views import _entry

# Share of a bare surname's linked mentions that must go to the subject for the bare surname to
# identify them.  Chosen after reading the judged contradictions of 2026-12-06 (Kamenev 0.98
# real, MacDonald 0.93 a namesake) — a choice, not a measurement.
SURNAME_SHARE = 0.95
# A provisional person named in full this often is somebody (Dwight Macdonald: 30); the NER's
# accidents ("Capital Marx" 17, "October Lenin" 4) are not.
RIVAL_FULL_MENTIONS = 20
_TITLES = HONORIFICS | LOWER_TITLES | PERSON_TITLES
# "Lenin's elder brother", "Marx’s daughter": the mention names a relative's kin
_KIN_OF = re.compile(r"\s*['’]s\s+(?:(?:own|late|elder|eldest|younger|youngest|only|first|second|favourite|"
                     r"favorite|little|beloved|dead|step-?)\s+)*(?:brother|sister|father|mother|son|daughter|"
                     r"wife|husband|widow|widower|uncle|aunt|nephew|niece|cousin|grandson|granddaughter|"
                     r"grandfather|grandmother|parents?|children|child|brother-in-law|sister-in-law|"
                     r"son-in-law|daughter-in-law|father-in-law|mother-in-law|companion|relative)s?\b", re.I)
_PATRONYMIC = ("ovich", "evich", "ovna", "evna", "ich")
# Capitalised words before a name that are no forename ("In Zurich Lenin wrote …").
_FUNCTION = {"in", "at", "from", "to", "of", "on", "by", "for", "with", "and", "the", "when", "after",
             "before", "since", "until", "as", "but", "while", "where", "which", "that", "this"}


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


def _words(name: str) -> list[str]:
    """A name's words without titles, honorifics and punctuation around them."""
    out = [w.strip(".,;:()“”\"'’") for w in name.split()]
    return [w for w in out if w and w.casefold().rstrip(".") not in _TITLES]


class Surnames:
    """Who the archive gives each bare surname to, from one pass over the person mentions'
    spellings (about half a second on the whole corpus), kept for the archive's generation:
    a person page then asks a dictionary, not the database (asked per surname, the popular
    persons' pages had doubled their p95 under load)."""

    def __init__(self, store, authority) -> None:
        self.authority = authority
        self.bare: dict[str, Counter] = {}
        self.in_full: dict[str, Counter] = {}
        for owner, text, n in store.people.spelling_counts():
            words = _words(text)
            if words:
                table = self.bare if len(words) == 1 else self.in_full
                table.setdefault(words[-1].casefold(), Counter())[owner] += n
        self._rivals: dict[str, set[str]] = {}

    def share(self, pid: str, surname: str) -> float:
        """The share of the bare `surname`'s linked mentions that go to `pid` rather than to a
        rival (1.0: no rival has any)."""
        if surname not in self._rivals:
            self._rivals[surname] = {o for o, n in self.in_full.get(surname, Counter()).items()
                                     if _entry(self.authority, o) is not None or n >= RIVAL_FULL_MENTIONS}
        bare = self.bare.get(surname, Counter())
        total = bare[pid] + sum(bare[r] for r in self._rivals[surname] if r != pid)
        return bare[pid] / total if total else 1.0


@dataclass
class Identity:
    """`firm(item)`: the outlier test (names its person and prints its year); `names(item)`:
    the consensus test (names its person)."""
    firm: Callable[[object], bool]
    names: Callable[[object], bool]


def identified(store, authority, surnames: Callable[[], Surnames] | None = None) -> Identity:
    """The two tests over `store`'s documents.  `surnames` gives the generation's Surnames
    (the archive caches it); built here when not given."""
    people: dict[str, tuple[set[str], list[list[str]], bool, set[str]]] = {}
    built: list[Surnames] = []

    def person(pid):
        """(name tokens the person bears, their names as word lists, known by more than a
        surname, the first words they go by alone)"""
        if pid not in people:
            entry = _entry(authority, pid)
            spelled = [(_words(t), n) for t, n in store.people.spellings(pid)]
            seen = [w for w, _ in spelled]
            alone = Counter()
            for w, n in spelled:
                if len(w) == 1:
                    alone[w[0].casefold()] += n
            if entry is not None:
                names = [_words(n) for n in (entry.name, *entry.variants) if n]
            else:
                names = [w for w in seen if len(w) > 1]
            tokens = {_fold(w) for n in names for w in n}
            # a first word the archive uses alone more than every last word: the name a person
            # goes by whose surname is printed first ("Mao", "Chen"), not a forename
            lasts = max((alone[n[-1].casefold()] for n in names if len(n) > 1), default=0)
            usual = {w for w, k in alone.items() if k > lasts}
            people[pid] = (tokens, names, entry is not None or any(len(w) > 1 for w in seen), usual)
        return people[pid]

    def share(pid, surname):
        if not built:
            built.append(surnames() if surnames is not None else Surnames(store, authority))
        return built[0].share(pid, surname)

    def stranger(word: str, known: set[str]) -> bool:
        """A forename this person does not bear: not one of their names' words, nor a spelling
        of one (the same first letter: Lev, Leon, Léon, Lew), nor an initial."""
        w = _fold(word)
        return len(w.rstrip(".")) > 2 and word[:1].isupper() and w not in known and \
            not any(k[:1] == w[:1] for k in known)

    def says_who(pid, text, m) -> bool:
        words = _words(m.text)
        if not words:
            return False
        known, names, fuller, usual = person(pid)
        if len(words) == 1 and words[0].casefold() not in usual and any(bare_forename(words[0], n) for n in names):
            return False                                # a bare forename ("Mao", "Chen": their usual name)
        if any(stranger(w, known) for w in words[:-1]):
            return False                                # "Nicolas Ivanovich Kibalchich" as one mention
        before = text[max(0, m.start - 60):m.start].split()[-2:]
        if len(before) == 2 and all(w[:1].isupper() and w.isalpha() for w in before) \
                and before[0].casefold() not in _FUNCTION and len(before[1]) >= 6 \
                and before[1].casefold().endswith(_PATRONYMIC) and any(stranger(w, known) for w in before):
            return False                                # "Nicolas Ivanovich ⟦Kibalchich⟧": a relative
        if len(words) > 1:
            return True
        if not fuller:
            return False                                # known by nothing but a surname ("General Trepov")
        return share(pid, words[0].casefold()) >= SURNAME_SHARE

    def own(pid, text, m) -> bool:
        """A mention that names the person themself, not as someone's kin ("Lenin's elder
        brother"), and says who."""
        return not _KIN_OF.match(text, m.end) and says_who(pid, text, m)

    def in_evidence(item):
        """(document text, the subject's mentions inside the claim's evidence)"""
        ev = item.claim.evidence
        return store.people.evidence(item.document_id, item.claim.subject, ev.start, ev.end)

    def names_person(item) -> bool:
        text, mine = in_evidence(item)
        return any(own(item.claim.subject, text, m) for m in mine)

    def firm(item) -> bool:
        date = item.claim.date
        if not date:
            return names_person(item)
        text, mine = in_evidence(item)
        at = text.find(date[:4], item.claim.evidence.start, item.claim.evidence.end)
        if at < 0:
            return False                # a year the rules worked out, not one the source states
        # the person's mention nearest the year is the one the dated claim is about ("… the
        # brother of Alexander Ilyich Ulyanov, who was hanged in 1897": not the "Lenin" of the
        # clause before)
        nearest = min(mine, key=lambda m: min(abs(m.start - at), abs(m.end - at)), default=None)
        return nearest is not None and own(item.claim.subject, text, nearest)

    return Identity(firm, names_person)


__all__ = ["Identity", "Surnames", "identified", "SURNAME_SHARE", "RIVAL_FULL_MENTIONS"]
