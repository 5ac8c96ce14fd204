"""Linking mentions to authority entries, with in-document coreference of surnames.

Per document: full names ("Henry Grigorievitch Yagoda", "I.N. Smirnov") are linked first
through the authority's lookup; a later (or earlier) bare surname ("Yagoda") joins the full
name in the same document that bears that surname, and only falls back to the authority
when the document gives no full name.  Two people who share a surname stay apart because
chains are keyed by the surname's matching key, which keeps Serebriakov and Serebriakova
apart, and a bare surname joins the nearest full name before it.

Lookups are cached per surface form: the corpus repeats a few thousand names millions of
times, so linking costs dict hits, not fuzzy scans.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from witness.authority import Authority, clean_query, provisional_id
from witness.authority.names import name_key

from witness.authority.loader import COMMON_WORDS

from .lexicon import INITIALS, PARTICLES, clearly_female, common_surnames, given_words, place_names
from .ocr import Joined
from .rules import Raw
from .titles import title_start

# A candidate below this score is not linked (measured on bench/entities.py: the phonetic
# and fuzzy hits of the authority start at 0.6, and below 0.7 they were mostly wrong).
MIN_SCORE = 0.7
# Types the authority may give a non-person mention (a periodical stays a periodical).
_TYPES = ("organization", "place", "periodical", "event", "work")
_SPLIT = re.compile(r"\s+")
# A fronted place or title the model ran into the name after it ("In Anti-Dühring Engels develops",
# "In The German Ideology Marx charted", "in Western Europe Lenin saw")
_A_TITLE_BEFORE = re.compile(r"(?:\b(?i:in|into|from|on)\s+The\s+(?:[A-Z][\w’'\-]*\s+){0,3}|Anti-)$")
# Initials and printed abbreviations of given names right before a surname ("Wm. G.⏎").
_GIVEN_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z][a-z]{0,3}\.[ \t]*\n?[ \t]*){1,3}$")
# Title words that, in lower case, are as often a verb or an adjective.
# Capitalised names in an authority entry's roles ("Workers Party", "Partisan Review", "Labour").
_ROLE_NAMES = re.compile(r"[A-Z][\w’'\-]+(?:\s+(?:of\s+|and\s+)?[A-Z][\w’'\-]+)*")
_VERB_TITLES = {"judge", "general", "major", "count", "marshal", "engineer", "deputy", "accused"}
# A ruler's title before a bare given name: "Tsar Alexander" is one person across texts.
_REGNAL = re.compile(r"\b(Tsar|Czar|Tsarina|Czarina|King|Queen|Emperor|Empress|Kaiser|Pope|"
                     r"Grand Duke|Grand Duchess|Saint|St\.)\s+$")


_YEAR = re.compile(r"(?<![\d/.\-])(1[5-9]\d\d|20[0-4]\d)(?![\d/])")


def _period(text: str, at: int, reach: int = 1500) -> int | None:
    """The median of the years written within `reach` characters of `at`, if any."""
    years = sorted(int(y) for y in _YEAR.findall(text, max(0, at - reach), at + reach))
    return years[len(years) // 2] if years else None


def _active(lifespan: tuple[int | None, int | None], year: int) -> bool:
    born, died = lifespan
    return born is not None and born + 25 <= year and (died is None or year <= died)


@dataclass
class Linked:
    start: int
    end: int
    text: str
    type: str
    entity: str | None


@dataclass
class Provisional:
    id: str
    type: str
    names: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()), len(n)))


def _tied(cands) -> list:
    """The candidates tied at the top score, when it is a surname's at least (0.45)."""
    return [c for c in cands if c.score == cands[0].score and c.score >= 0.45] if cands else []


def _surname(words: list[str]) -> str:
    return words[-1] if words else ""


class Linker:
    def __init__(self, authority: Authority, min_score: float = MIN_SCORE):
        self.authority = authority
        self.min_score = min_score
        self._cache: dict[tuple[str, str | None], list] = {}
        # Authority order stands in for prominence when context cannot choose.
        self._rank = {eid: i for i, eid in enumerate(authority.entries)}
        self._tag_of: tuple[str, str] | None = None

    def candidates(self, query: str, type: str | None):
        key = (query, type)
        hit = self._cache.get(key)
        if hit is None:
            hit = self.authority.lookup(query, type=type, limit=5) if query else []
            if len(self._cache) > 500_000:
                self._cache.clear()
            self._cache[key] = hit
        return hit

    # ---- choosing among candidates ------------------------------------------------------
    def _choose(self, cands, context_ids: set[str], year: int | None, text: str = "") -> str | None:
        """Best candidate id, or None when nothing reaches MIN_SCORE.

        Ties (a surname several persons bear, each at 0.5) are broken by context: a tied person
        the document already names in full, the company the name keeps (`_company`), a person
        old enough at the document's date, then the authority's order (most prominent first).
        """
        if not cands:
            return None
        top = cands[0]
        if top.score >= self.min_score and (len(cands) == 1 or cands[1].score < top.score):
            return top.id
        tied = _tied(cands)
        if top.score < 0.5 and not any(c.id in context_ids for c in tied):
            # Hints only: given names that contradict, or a sound-alike below the floor. Tied,
            # the authority's order had picked one ("Robert W. Dunn" → Vincent R. Dunne, "Emmeline
            # Pankhurst" → Sylvia, "Max Geldman" → Albert Goldman): 32 of 42 such links on 900
            # cached pages were wrong (population round 10)
            return None
        if len(tied) < 2:
            # A lone candidate at 0.5 (a bare surname whose given names the authority cannot
            # check) is not taken: measured, it was wrong more often than right (Medvedev →
            # Sergei for Roy, Chamberlain → Neville for Austen, Orloff → Alexander).
            return top.id if top.score >= self.min_score else None
        if any(c.id in context_ids for c in tied):
            return next(c.id for c in tied if c.id in context_ids)
        if text:
            # the company a name keeps: the bodies and papers of a namesake's roles that the
            # document names ("MacDonald, whom Burnham left … in the Workers Party" is Dwight;
            # "MacDonald" beside "Labour" and "the National Government" is Ramsay)
            known = {c.id: self._company(c.id, text) for c in tied}
            best = max(known.values())
            if best and sum(v == best for v in known.values()) == 1:
                return next(i for i, v in known.items() if v == best)
        if year is not None:
            grown = [c for c in tied if self._plausible(c.id, year)]
            tied = grown or tied

        return min(tied, key=lambda c: self._rank.get(c.id, 1 << 30)).id

    def _owns(self, eid: str, skey: str) -> bool:
        """Is skey the key of the surname in this entity's preferred name (or provisional)?"""
        e = self.authority.get(eid)
        if e is None or e.type != "person":
            return True
        own = e.surname or e.name.split()[-1]
        return name_key(own) == skey or name_key(own).split()[-1] == skey

    def _a_womans(self, eid: str, prov: dict[str, Provisional]) -> bool:
        e = self.authority.get(eid)
        names = [e.name] if e is not None else (prov[eid].names if eid in prov else [])
        return any(" " in n and clearly_female(n) for n in names)

    def _not_hers(self, chain, before, eid: str, q: str, prov, year, text) -> str:
        """A bare surname after a woman's full name, when a man bears it too: in this literature
        "Marx" after "Eleanor Marx" is Karl, "Shelley" after "Mary Shelley" is Percy (population
        round 6: "A little earlier Marx had written…", "Shelley's political writing").  The man the
        page named last with that surname, else the authority's one bearer of it, if a man."""
        men = [c for c in (before or chain) if not self._a_womans(c[1], prov)]
        if men:
            return men[-1][1]
        his = [c for c in self.candidates(q, "person") if c.score >= 0.5 and not self._a_womans(c.id, prov)]
        return self._choose(his, set(), year, text) or eid

    def _given_fits(self, eid: str, first: str, query: str) -> bool:
        """May `first` (the first given name written) be this authority person's?  The entity
        ruler matches a known surname ("Ulyanov", a variant of Lenin's) and the span is then
        widened over a given name ("Alexander") that the authority never gives him."""
        e = self.authority.get(eid)
        if e is None or e.type != "person":
            return True
        first = first.rstrip(".").casefold()
        if len(first) <= 1:
            return True                     # an initial says too little to refuse
        firsts = set()
        for name in (e.name, *e.variants):
            words = [w for w in _SPLIT.split(clean_query(name)) if w and w.lower() not in PARTICLES]
            if len(words) >= 2:
                firsts.add(words[0].rstrip(".").casefold())
        if first in firsts:
            return True
        # An initial in a variant ("V. Serge") stands for a given name the file spells out
        # ("Victor"); it vouches for "Vlady" (his son) only when no full name is known.
        if not any(len(f) > 1 for f in firsts) and first[0] in firsts:
            return True
        # A spelling the variants lack ("Aveli Yenukidze"): the authority's matcher decides.
        return any(c.id == eid and c.score >= self.min_score for c in self.candidates(query, "person"))

    def _company(self, eid: str, text: str) -> int:
        """How many of the capitalised names in the person's roles the text contains."""
        e = self.authority.get(eid)
        # (names of two words or more: "Workers Party", not "Russia" or "Anarchist")
        names = {n for role in (e.roles if e else ()) for n in _ROLE_NAMES.findall(role) if " " in n}
        return sum(n in text for n in names)

    def _lifespan(self, eid: str) -> tuple[int | None, int | None]:
        e = self.authority.get(eid)
        if e is None:
            return None, None
        return tuple(int(d[:4]) if d and d[:4].isdigit() else None for d in (e.born, e.died))

    def _of_the_period(self, eid: str | None, cands, text: str, at: int) -> str | None:
        """A bare surname the authority gives to a namesake not yet grown in the years the page
        speaks of around it is the one who was: "Liebknecht, in one of his letters to Engels"
        among the 1860s of Mehring's Marx (1918) is Wilhelm, not Karl (born 1871), though Karl is
        the surname's first bearer (population round 6)."""
        if eid is None or not cands or cands[0].id != eid:
            return eid
        then = _period(text, at)
        born = self._lifespan(eid)[0]
        if then is None or born is None or born + 25 <= then:
            return eid                                 # (dead by then is no reason: the dead are spoken of)
        grown = [c.id for c in cands[1:] if c.score >= 0.4 and _active(self._lifespan(c.id), then)]
        return grown[0] if len(grown) == 1 else eid

    def _plausible(self, eid: str, year: int) -> bool:
        e = self.authority.get(eid)
        born = int(e.born[:4]) if e and e.born else None
        return born is None or born + 12 <= year

    def _rescan(self, text: str, raws: list[Raw], out: dict[int, Linked],
                full_surnames: dict[str, list[tuple[int, str]]]) -> None:
        if not full_surnames:
            return
        # A model's organization or place exactly over the surname is overridden.
        covered = sorted((r.start, r.end) for r in raws
                         if r.type == "person" or text[r.start:r.end] not in full_surnames)
        starts = [a for a, _ in covered]
        import bisect
        for surname, chain in full_surnames.items():
            rx = re.compile(r"(?<![\w\-.])" + re.escape(surname) + r"(?![\w\-])")
            for m in rx.finditer(text):
                a, b = m.span()
                i = bisect.bisect_right(starts, a) - 1
                if (i >= 0 and covered[i][1] > a) or (i + 1 < len(covered) and covered[i + 1][0] < b):
                    continue
                before = [c for c in chain if c[0] <= a]
                eid = (before[-1] if before else chain[0])[1]
                g = _GIVEN_BEFORE.search(text, max(0, a - 16), a)
                if g is not None and g.end() == a and (i < 0 or covered[i][1] <= g.start()) \
                        and all(INITIALS.match(w) or w.casefold() in given_words()
                                for w in g.group().split()):
                    a = g.start()   # "Wm. G.⏎Daughtry" after "W. G. Daughtry"
                out[a] = Linked(a, b, text[a:b], "person", eid)

    def _provisional_bare(self, text: str, start: int, q: str) -> str:
        """The provisional id of a single name the authority does not know.  A distinctive
        surname ("Poyntz") is one person across the archive; a bare given name or a very
        common surname is not ("Alexander" is the Tsar in one text and Lenin's brother in
        another, "Wilson" Woodrow, Charles E. or Harold): it is a person of this document
        only, unless a ruler's title names him ("Tsar Alexander")."""
        word = q.casefold()
        initial = bool(re.fullmatch(r"(?:[A-Z]\.\s?){1,3}", q))   # "Capt. J.": anyone
        if (word not in given_words() and word not in common_surnames()
                and word not in COMMON_WORDS and not initial):
            return provisional_id(q)
        m = _REGNAL.search(text, max(0, start - 20), start)
        if m is not None:
            return provisional_id(f"{m.group(1)} {q}")
        return f"{provisional_id(q)}--{self._doc_tag(text)}"

    def _doc_tag(self, text: str) -> str:
        if self._tag_of is None or self._tag_of[0] is not text:
            self._tag_of = (text, hashlib.blake2b(text.encode("utf-8", "surrogatepass"),
                                                  digest_size=4).hexdigest())
        return self._tag_of[1]

    # ---- one document -------------------------------------------------------------------
    @staticmethod
    def _places_not_persons(text: str, out: dict[int, Linked], prov: dict[str, Provisional]) -> None:
        """Pass 4: a person the authority does not know, named in the whole document only by
        one word that is a place ("Yorkshire miners", "the Chesterfield Trades Council"), is that
        place — unless a title stands before it ("Mr. Chesterfield") or the word is a given
        name."""
        places, given = place_names(), given_words()
        suspects = {pid for pid, p in prov.items()
                    if all(n in places and n.casefold() not in given for n in p.names)}
        if not suspects:
            return
        keys: dict[str, list[int]] = {}
        for k, m in out.items():
            if m.entity in suspects:
                keys.setdefault(m.entity, []).append(k)
        for pid in suspects:
            mine = keys.get(pid, [])
            # A title ("Mr. Chesterfield", "comrade Moreno"), but not a verb or an adjective
            # that is also one ("to judge Russia", "in general England").
            if any((t := title_start(text, out[k].start)) < out[k].start
                   and text[t:out[k].start].split()[0] not in _VERB_TITLES for k in mine):
                continue
            for k in mine:
                m = out[k]
                out[k] = Linked(m.start, m.end, m.text, "place", None)
            del prov[pid]

    def _not_a_name(self, text: str, r: Raw, first: str, raws: list[Raw]) -> bool:
        """Is the first word of a two-word person span the end of a title or a place ("In Anti-Dühring
        Engels", "In The German Ideology Marx", "in Western Europe Lenin saw"), not a forename?"""
        if _A_TITLE_BEFORE.search(text, max(0, r.start - 40), r.start):
            return True
        return any(x.type != "person" and text[x.start:x.end] == first for x in raws) or bool(
            self.candidates(clean_query(first), "place"))

    def link(self, text: str, raws: list[Raw], year: int | None = None
             ) -> tuple[list[Linked], dict[str, Provisional]]:
        persons = [r for r in raws if r.type == "person"]
        out: dict[int, Linked] = {}
        prov: dict[str, Provisional] = {}
        chains: dict[str, list[tuple[int, str]]] = {}  # surname key → [(start, id)]

        def add_prov(pid: str, name: str) -> None:
            p = prov.setdefault(pid, Provisional(pid, "person"))
            if name not in p.names:
                p.names.append(name)

        # Single-word person spans as written (a name the page also gives on its own).
        spans = Counter(text[r.start:r.end] for r in persons)
        alone = Counter({k: v for k, v in spans.items() if " " not in k.strip()})
        # Pass 1: names with a given name or initials.
        full_surnames: dict[str, list[tuple[int, str]]] = {}  # surname as written → chain
        firsts: dict[str, set[str]] = {}   # key of a full name's first word → its entities
        crowned: set[str] = set()          # entities a full name gives a ruler's title ("King Frederick William")
        bare: list[tuple[Raw, str, str, str, str]] = []
        for r in persons:
            surface = text[r.start:r.end]
            name = Joined(surface).text            # "Harri¬⏎son" is Harrison (also as a provisional's name)
            q = clean_query(name)
            words = [w for w in _SPLIT.split(q) if w]
            skey = name_key(_surname(words))
            given = [w for w in words[:-1] if w.lower() not in PARTICLES]
            if not given:
                bare.append((r, surface, skey, name, q))
                continue
            eid, joined = r.hint, False
            if eid is not None and not self._given_fits(eid, given[0], q):
                eid = None      # "Alexander Ulyanov" (Lenin's brother) is not Vladimir Ilyich Ulyanov
            if eid is None:
                eid = self._choose(self.candidates(q, "person"), set(), year)
            if eid is None and len(given) == 1 and len(words) == 2 and given[0].casefold() not in given_words() \
                    and (alone[given[0]] and alone[words[-1]] >= 2 and spans[surface] == 1
                         or alone[words[-1]] and self._not_a_name(text, r, given[0], raws)):
                # Two names the model ran together once ("a letter to Kugelmann Marx declared",
                # "In Anti-Dühring Engels develops"): both are names the page gives on their own,
                # the first no given name, so the span is the second person's — else the
                # provisional "Kugelmann Marx" takes every "Marx" of the page through the chain
                # (not "Vlady Kibalchich": his surname is not a name the page uses alone).  Or the
                # first word ends a title or a place after a preposition ("In Anti-Dühring Engels",
                # "In The German Ideology Marx", "in Europe Lenin’s"): the page's own person decides.
                eid = self._choose(self.candidates(clean_query(words[-1]), "person"), set(), year, text)
                joined = eid is not None
            if eid is None:
                # "Juliet Poyntz" after "Juliet Stuart Poyntz": one unknown person, if the
                # first given names agree (or one is the other's initial).
                first = words[0].rstrip(".").casefold()
                for _pos, cid in chains.get(skey, []):
                    if cid in prov and any(
                            (n.split()[0].rstrip(".").casefold() == first
                             or n.split()[0].casefold()[:1] == first[:1]
                             and min(len(first), len(n.split()[0].rstrip("."))) == 1)
                            for n in prov[cid].names if len(n.split()) > 1):
                        eid = cid
                        break
            if eid is None:
                eid = provisional_id(q)
            if eid in prov or eid not in self.authority.entries:
                add_prov(eid, name)
            chains.setdefault(skey, []).append((r.start, eid))
            if eid in self.authority.entries:
                # Other spellings of this person's surname join the chain (Rakowsky/Rakovsky).
                for sk in self.authority._surname_forms.get(eid, {}):
                    if sk != skey:
                        chains.setdefault(sk, []).append((r.start, eid))
            out[r.start] = Linked(r.start, r.end, surface, "person", eid)
            if not joined:                             # ("Kugelmann" alone is still not Marx)
                firsts.setdefault(name_key(words[0]), set()).add(eid)
                if _REGNAL.search(text, max(0, r.start - 20), r.start):
                    crowned.add(eid)
            if len(words[-1]) >= 4 and words[-1][0].isupper() and "." not in words[-1]:
                full_surnames.setdefault(words[-1], []).append((r.start, eid))
        linked_ids = {m.entity for m in out.values() if m.entity}

        # Pass 2: bare surnames join a chain in this document, else the authority decides.
        for r, surface, skey, name, q in bare:
            chain = chains.get(skey)
            eid = None
            if chain:
                before = [c for c in chain if c[0] <= r.start]
                eid = (before[-1] if before else chain[0])[1]
                if self._a_womans(eid, prov):
                    eid = self._not_hers(chain, before, eid, q, prov, year, text)
                if not self._owns(eid, skey):
                    # "Natalia Trotsky" … "Trotsky": the surname is only a variant of hers,
                    # and the authority knows one person whose surname it is.
                    direct = self.candidates(q, "person")
                    if direct and direct[0].score >= 0.9 and direct[0].id != eid and (
                            len(direct) == 1 or direct[1].score < direct[0].score):
                        eid = direct[0].id
            if eid is None and " " not in q:
                # "Alexander Ulyanov … Alexander was already a revolutionary": a bare given
                # name is the one person of the document who bears it, if there is one.
                owners = {e for e in firsts.get(name_key(q), ()) }
                if _REGNAL.search(text, max(0, r.start - 20), r.start):
                    owners &= crowned              # "King George" is not the page's George Washington
                if len(owners) == 1:
                    eid = owners.pop()
                    if eid in prov:
                        add_prov(eid, name)
            if eid is None:
                cands = self.candidates(q, "person")
                # (a form two persons share goes to the ruler's first; a tie is the linker's to break)
                if r.hint and len(_tied(cands)) < 2 and (not cands or cands[0].id == r.hint or cands[0].score < 1.0):
                    eid = r.hint
                else:
                    eid = self._choose(cands, linked_ids, year, text)
                eid = self._of_the_period(eid, cands, text, r.start)   # (the entity ruler's hint too)
                if eid is None:
                    eid = self._provisional_bare(text, r.start, q)
                    add_prov(eid, name)
                chains.setdefault(skey, []).append((r.start, eid))
            elif eid in prov:
                add_prov(eid, name)
            out[r.start] = Linked(r.start, r.end, surface, "person", eid)
            if (len(q) >= 4 and q[0].isupper() and "." not in q and " " not in q
                    and title_start(text, r.start) < r.start):
                # "Mr. Vance" … "Vance was applauded": a title introduces the surname too.
                full_surnames.setdefault(q, []).append((r.start, eid))

        # Pass 3: a surname the document has introduced with a full name is that person
        # wherever else it stands alone, even where the model missed it ("Juliet Stuart
        # Poyntz" … "Poyntz had left").  One regex per surname per document.
        self._rescan(text, raws, out, full_surnames)
        self._places_not_persons(text, out, prov)

        # Other types: exact or key hits only (fuzzy matching of organisation names mostly
        # produces confident nonsense).
        for r in raws:
            if r.type == "person":
                continue
            surface = text[r.start:r.end]
            if r.type == "date":
                out[r.start] = Linked(r.start, r.end, surface, "date", None)
                continue
            if r.start in out and out[r.start].end == r.end:
                continue  # pass 3 made a person of it
            eid, typ = r.hint, r.type
            if eid is None:
                q = surface.rstrip(".’'") if not surface.endswith(".") or surface.count(".") < 2 else surface
                for c in self.candidates(q, None):
                    e = self.authority.get(c.id)
                    if c.score >= 0.95 and e is not None and e.type in _TYPES:
                        eid = c.id
                        break
            e = self.authority.get(eid) if eid else None
            if e is not None:
                typ = e.type if e.type in _TYPES else typ
            key = r.start if r.start not in out else -r.start - 1  # an event over a person
            out[key] = Linked(r.start, r.end, surface, typ, eid)
        return sorted(out.values(), key=lambda m: (m.start, -m.end)), prov
