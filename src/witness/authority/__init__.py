"""The authority file: persons, organizations, periodicals and places, and name lookup.

    >>> from witness.authority import load
    >>> auth = load()
    >>> auth.lookup("Rakowsky")[0].id
    'rakovsky-christian'

Data lives in ``witness/data/authority/{persons,organizations,places}.yaml`` (reviewed like
code; see the header of persons.yaml for the fields).  ``load(path)`` also accepts a
curator-edited copy: a folder holding those files, or one YAML file with ``persons:``,
``organizations:`` and ``places:`` lists.

Lookup is O(1) for exact, key and phonetic hits (precomputed dicts) and fuzzy only over a
bucket of surname keys sharing a first letter, because it runs for every name mention.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from rapidfuzz import fuzz, process

from witness.authority import names as _n
from witness.authority.entries import (ENTRY_TYPES, LINK_MIN, PHONETIC_HINT, TITLES, AuthorityEntry,
                                       AuthorityError, Candidate, clean_query, _DERIVED, _PATRONYMIC)
from witness.authority.names import (FUZZY_THRESHOLD, PHONETIC_FLOOR, cyrillic_to_latin, exact_form,
                                     gender_compatible, given_key, has_cyrillic, name_key,
                                     phonetic_keys, transliterations)


class Authority:
    """The loaded authority file with its lookup indexes."""

    def __init__(self, entries: list[AuthorityEntry], shared_variants: list[str] | None = None,
                 path: Path | None = None):
        self.path = path
        self.entries: dict[str, AuthorityEntry] = {}
        for e in entries:
            if e.id in self.entries:
                raise AuthorityError(f"duplicate id {e.id!r}", path=str(path) if path else None)
            self.entries[e.id] = e
        self.shared_variants = set(shared_variants or [])
        self.fuzzy_threshold = FUZZY_THRESHOLD   # bench/names.py sweeps these two
        self.phonetic_floor = PHONETIC_FLOOR
        self._memo: dict[tuple, tuple[Candidate, ...]] = {}
        self._exact: dict[str, set[str]] = {}
        self._key: dict[str, set[str]] = {}
        self._surname: dict[str, set[str]] = {}       # surname key → person ids
        self._surname_forms: dict[str, dict[str, str]] = {}  # id → {surname key: a spelling}
        self._phon: dict[str, set[str]] = {}          # Metaphone of surname → person ids
        self._given: dict[str, set[str]] = {}         # id → given-name keys
        self._given_init: dict[str, set[str]] = {}    # id → given-name initials
        self._patr: dict[str, set[str]] = {}          # id → patronymic keys
        self._patr_init: dict[str, set[str]] = {}
        self._bucket: dict[str, dict[str, set[str]]] = {}  # first letter → key → ids (fuzzy)
        self._forms_cache: dict[str, list[str]] = {}
        self._given_words: set[str] = set(_n.GIVEN_WORDS)   # Peter, Leon, Andrew …
        # Declared surnames first: a variant such as "Natalia Trotsky" must not make
        # "Trotsky" a surname of Sedova, only of the person who bears it by declaration.
        self._declared: dict[str, set[str]] = {}
        self._declared_words: set[str] = set()   # "cannon", "held": exempt from _everyday
        for e in self.entries.values():
            if e.type == "person" and e.surname:
                self._declared.setdefault(name_key(e.surname), set()).add(e.id)
                self._declared_words.add(_n.fold(e.surname).lower())
        for e in self.entries.values():
            self._index(e)
        self._forms_cache.clear()

    # ---- index building -------------------------------------------------------------
    def _forms(self, e: AuthorityEntry) -> list[str]:
        cached = self._forms_cache.get(e.id)
        if cached is not None:
            return cached
        forms = []
        native = self._native_cyrillic(e)
        for n in e.all_names:
            if has_cyrillic(n):
                forms.append(n)
                if native:
                    # Not ISO 9: folded to ASCII its letters invent spellings (Âgoda → Agoda).
                    iso9 = cyrillic_to_latin(n, "iso9")
                    forms.extend(t for t in transliterations(n) if t != iso9)
            else:
                forms.append(n)
        self._forms_cache[e.id] = forms
        return forms

    @staticmethod
    def _native_cyrillic(e: AuthorityEntry) -> bool:
        """Whether the Cyrillic form is the name's own script, so that its transliterations
        are real spellings: the file writes Russian names with a patronymic.  For the others
        (Роберт Шелдон Харт, Рут Фишер, Чан Кайши) the transliterations invent look-alikes
        ("Hart", "Ficher", "Chan"); their Latin variants are listed anyway."""
        if not e.cyrillic or e.name_order == "eastern":
            return False
        words = e.cyrillic.split()
        return len(words) >= 3 and bool(re.search(r"(вич|вна|ична|ич|чна)$", words[-2]))

    def _index(self, e: AuthorityEntry) -> None:
        native = self._native_cyrillic(e)
        for form in self._forms(e):
            self._exact.setdefault(exact_form(form), set()).add(e.id)
            if has_cyrillic(form) and not native:
                continue  # Харт keyed as "hart" would answer for every Hart
            k = name_key(form)
            if k:
                self._key.setdefault(k, set()).add(e.id)
                if e.type != "person":
                    self._bucket.setdefault(k[0], {}).setdefault(k, set()).add(e.id)
        if e.type != "person":
            return
        sur_keys = {name_key(e.surname)} if e.surname else set()
        sur_nwords = {len(k.split()) for k in sur_keys} or {1}
        given, ginit, patr, pinit = set(), set(), set(), set()
        surname_forms: dict[str, str] = {}
        bare_keys = {name_key(f) for f in self._forms(e) if " " not in f.strip()
                     and not has_cyrillic(f)}
        for form in self._forms(e):
            if has_cyrillic(form):
                continue
            words = [w for w in re.split(r"[\s.]+", _n.fold(form)) if w]
            if not words:
                continue
            keys = [name_key(w) for w in words]
            if e.name_order == "eastern":
                # Family name first ("Mao Tse-tung"): listed forms match exactly; romanised
                # Chinese syllables are too short and too shared to match by key or sound.
                continue
            # The surname is the longest tail matching the declared surname, else the last word.
            n_sur = 1
            for n in sorted(sur_nwords, reverse=True):
                if " ".join(keys[-n:]) in sur_keys:
                    n_sur = n
                    break
            sur_key = " ".join(keys[-n_sur:])
            # The tail of a full name counts as a surname when it is the declared one or a
            # spelling of it (Rakowsky), or when the bare form is listed too (Bronstein).
            # Not: "Beatrice Potter", "Lewis Corey", "Julián Gómez García" — other names
            # a person bore, which would otherwise answer for every Potter or García.
            if len(sur_key) > 1 and (
                    len(words) == 1 or sur_key in sur_keys or sur_key in bare_keys
                    or any(fuzz.ratio(sur_key, k) >= 75 for k in sur_keys)):
                surname_forms.setdefault(sur_key, " ".join(words[-n_sur:]))
            rest = words[:-n_sur]
            for i, w in enumerate(rest[:2]):
                gk = given_key(w)
                if not gk:
                    continue
                if len(gk) > 1:
                    (given if i == 0 else patr).add(gk)
                    if i == 0:
                        self._given_words.add(_n.fold(w).lower())
                (ginit if i == 0 else pinit).add(_n.fold(w)[0].lower())
        surname_forms = {sk: sp for sk, sp in surname_forms.items()
                         if e.id in self._declared.get(sk, {e.id})}
        for sk, spelling in surname_forms.items():
            self._surname.setdefault(sk, set()).add(e.id)
            for code in phonetic_keys(spelling):
                self._phon.setdefault(code, set()).add(e.id)
            self._bucket.setdefault(sk[0], {}).setdefault(sk, set()).add(e.id)
        self._surname_forms[e.id] = surname_forms
        self._given[e.id], self._given_init[e.id] = given, ginit
        self._patr[e.id], self._patr_init[e.id] = patr, pinit

    # ---- queries ----------------------------------------------------------------------
    def get(self, id: str) -> AuthorityEntry | None:
        return self.entries.get(id)

    def __len__(self) -> int:
        return len(self.entries)

    def of_type(self, type: str) -> list[AuthorityEntry]:
        return [e for e in self.entries.values() if e.type == type]

    @property
    def surname_index(self) -> dict[str, frozenset[str]]:
        """Surname key (names.name_key) → ids of the persons bearing it."""
        return {k: frozenset(v) for k, v in self._surname.items()}

    def surname_forms(self, id: str) -> dict[str, str]:
        """A person's surname keys → one spelling each (Rakovsky: {"rakovski": "Rakovsky"});
        real names and party names count (Trotsky also has "bronstein")."""
        return dict(self._surname_forms.get(id, {}))

    def persons_with_surname(self, surname: str) -> list[str]:
        """Ids of every person whose surname key equals that of ``surname``."""
        return sorted(self._surname.get(name_key(clean_query(surname)), ()))

    def lookup(self, name: str, type: str | None = None, limit: int = 5) -> list[Candidate]:
        """Candidates for a name as written, best first.

        ``how`` says which stage matched.  Scores:
          1.0   exact form of a listed name or variant (any script), one owner;
          0.95  name key of the full name (Rakowsky = Rakovskii = Раковский);
          0.9   a unique surname, or surname + given names/initials that fit (I. N. Smirnov);
          0.8   a bare surname shared by several persons, for the declared primary bearer
                (Kamenev → Lev), the others 0.4; without a primary every bearer gets 0.5,
                so a bare "Smirnov" never links silently;
          0.81  plural family names ("the Litvinovs") at 0.9 × the above;
          ≤0.85 phonetic (Double Metaphone + key similarity ≥ PHONETIC_FLOOR);
          0.6–0.8 fuzzy (key similarity ≥ FUZZY_THRESHOLD, within the first-letter bucket);
          <0.5  hints: given names contradict, or a phonetic look-alike below the floor.
        Derived words ("Trotskyist", "Stalinism") return nothing.  Use ``resolve`` for the
        single linked entity (top ≥ LINK_MIN and unique).
        """
        # The same few thousand names recur across 9k documents: memoise per instance.
        key = (name, type, limit, self.fuzzy_threshold, self.phonetic_floor)
        hit = self._memo.get(key)
        if hit is None:
            if len(self._memo) > 200_000:
                self._memo.clear()
            hit = self._memo[key] = tuple(self._lookup(name, type, limit))
        return list(hit)

    def _lookup(self, name: str, type: str | None, limit: int) -> list[Candidate]:
        """Uncached lookup (see ``lookup``)."""
        q = clean_query(name)
        if not q:
            return []
        want = (lambda e: e.type == type) if type else (lambda e: True)
        out: dict[str, Candidate] = {}

        def add(ids, score, how):
            ids = [i for i in ids if want(self.entries[i])]
            for i in ids:
                if i not in out or out[i].score < score:
                    out[i] = Candidate(i, round(score, 3), how, self.entries[i].name)
            return bool(ids)

        ids = self._exact.get(exact_form(q), set())
        if ids and add(ids, 1.0 if len(ids) == 1 else 0.5, "exact") and len(ids) == 1:
            return self._ranked(out, limit)
        if " " not in q and self._everyday(q):
            return self._ranked(out, limit)  # "Power", "Peter": only a listed variant links
        qkey = name_key(q)
        if len(qkey.replace(" ", "")) < 2:
            return []  # a lone initial or punctuation
        ids = self._key.get(qkey, set())
        if ids and add(ids, 0.95 if len(ids) == 1 else 0.5, "key") and len(ids) == 1:
            return self._ranked(out, limit)
        if type in (None, "person"):
            if " " not in q and self._derived(q):
                return self._ranked(out, limit)
            self._lookup_person(q, qkey, add)
            if not out and " " not in q and self._plural_stem(q):
                # "the Litvinovs, Krestinskys": a plural family name stands for the person(s).
                stem = self._plural_stem(q)
                self._lookup_person(stem, name_key(stem), add, factor=0.9, phonetic=False)
        if not out:
            self._fuzzy(qkey, add, persons=type in (None, "person"), others=type != "person")
        return self._ranked(out, limit)

    def _ranked(self, out: dict[str, Candidate], limit: int) -> list[Candidate]:
        return sorted(out.values(), key=lambda c: (-c.score, c.id))[:limit]

    def _split(self, qkey: str) -> list[tuple[str, list[str]]]:
        """(surname key, given-name keys) splits of a query key, longest surname first."""
        words = qkey.split()
        return [(" ".join(words[-n:]), words[:-n]) for n in (3, 2, 1) if len(words) >= n]

    def _given_fit(self, pid: str, rest_raw: list[str]) -> float:
        """How well the given names/initials before a surname fit person ``pid``: 1, 0.5, 0."""
        if not rest_raw:
            return 0.5
        fit = 1.0
        for i, w in enumerate(rest_raw[:2]):
            keys, inits = ((self._given[pid], self._given_init[pid]) if i == 0
                           else (self._patr[pid], self._patr_init[pid]))
            if not keys and not inits:
                continue  # nothing known to compare with
            gk = given_key(w)
            if len(gk) <= 1:
                ok = _n.fold(w)[:1].lower() in inits
            else:
                ok = gk in keys or any(fuzz.ratio(gk, k) >= 80 for k in keys)
            if not ok:
                return 0.0
        return fit

    @staticmethod
    def _plural_stem(word: str) -> str | None:
        """"Litvinovs" → "Litvinov"; None for "Vargas", "Andrews" (a vowel or a given name)."""
        if len(word) < 6 or not word.endswith("s") or word.endswith("ss"):
            return None
        stem = word[:-1]
        if stem[-1].lower() in "aeiu" or given_key(stem) != _n.word_key(stem):
            return None
        return stem

    def split_compound(self, text: str) -> list[str] | None:
        """Parts of a hyphenated compound of surnames ("Zinoviev-Kamenev-Smirnov trial" →
        ["Zinoviev", "Kamenev", "Smirnov"]), or None when the whole is one name
        (Antonov-Ovseenko, Ter-Vaganyan) or some part is not a known surname."""
        q = clean_query(text)
        if "-" not in q or " " in q or self._surname.get(name_key(q)) or self._exact.get(exact_form(q)):
            return None
        parts = [p for p in re.split(r"[-‐–]", q) if p]
        if len(parts) < 2 or not all(self._surname.get(name_key(p)) for p in parts):
            return None
        return parts

    def resolve(self, name: str, type: str | None = None) -> Candidate | None:
        """The one entity ``name`` links to, or None: the top candidate when it scores at
        least LINK_MIN and strictly above the next (a bare shared surname never resolves)."""
        cands = self.lookup(name, type=type, limit=2)
        if not cands or cands[0].score < LINK_MIN:
            return None
        if len(cands) > 1 and cands[1].score >= cands[0].score:
            return None
        return cands[0]

    def _everyday(self, word: str) -> bool:
        """An everyday word, a bare given name or a bare patronymic, and not anyone's
        declared surname."""
        low = _n.fold(word).lower().strip(".")
        if low in self._declared_words:
            return False
        return bool(_PATRONYMIC.search(low)) or low in COMMON_WORDS or low in self._given_words

    def _derived(self, word: str) -> bool:
        m = _DERIVED.search(word)
        if not m or len(word) - len(m.group(0)) < 3:
            return False
        stem = word[:m.start()]
        return any(self._surname.get(name_key(s)) for s in (stem, stem + "y", stem + "e"))

    def _lookup_person(self, q: str, qkey: str, add, factor: float = 1.0,
                       phonetic: bool = True) -> None:
        if factor != 1.0:
            inner = add
            add = lambda ids, score, how: inner(ids, score * factor, how)  # noqa: E731
        raw_words = [w for w in re.split(r"[\s.]+", _n.fold(q)) if w]
        for sur, _rest in self._split(qkey):
            ids = self._surname.get(sur)
            if not ids:
                continue
            n_sur = len(sur.split())
            rest_raw = raw_words[:-n_sur] if len(raw_words) > n_sur else []
            self._score_surname_hits(ids, rest_raw, "key", 0.9, add)
            return
        if not phonetic:
            return
        # Phonetic on the surname (the last word), guarded against feminine/masculine pairs
        # and by a floor on key similarity (measured in bench/names.py).
        last = raw_words[-1] if raw_words else q
        lkey = name_key(last)
        hits: set[str] = set()
        for code in phonetic_keys(last):
            hits |= self._phon.get(code, set())
        sims = {}
        for pid in hits:
            sims[pid] = max((fuzz.ratio(lkey, sk) / 100 for sk in self._surname_forms[pid]
                             if gender_compatible(lkey, sk)), default=0.0)
        good = {p: v for p, v in sims.items() if v >= self.phonetic_floor}
        if good:
            top = max(good.values())
            best = {p for p, v in good.items() if v >= top - 0.02}
            self._score_surname_hits(best, raw_words[:-1], "phonetic", 0.55 + 0.3 * top, add)
            return
        # Sounds alike but spelled too differently to link: offered as hints (score < 0.5)
        # for context to weigh, never resolved on their own.
        for pid, v in sims.items():
            if v >= PHONETIC_HINT:
                add([pid], round(0.3 + 0.2 * v, 3), "phonetic")

    def _score_surname_hits(self, ids, rest_raw, how, top, add) -> None:
        if not rest_raw:
            # A bare surname: unique and distinctive links; shared or everyday ones stay hints.
            ids = list(ids)
            if len(ids) == 1 and not self.entries[ids[0]].common_surname:
                add(ids, top, how)
                return
            primary = [i for i in ids if self.entries[i].primary_for_surname]
            if primary:
                add(primary, min(0.8, top), how)
                add([i for i in ids if i not in primary], 0.4, how)
            else:
                add(ids, min(0.5, top), how)
            return
        fits = {pid: self._given_fit(pid, rest_raw) for pid in ids}
        if rest_raw and any(f == 1.0 for f in fits.values()):
            ids = [p for p, f in fits.items() if f == 1.0]
        elif rest_raw:
            ids = [p for p, f in fits.items() if f > 0] or list(ids)
            top = min(top, 0.4)  # given names known and contradicting: keep only as a hint
        if len(ids) == 1:
            add(ids, top, how)
        else:
            add(ids, min(0.5, top), how)

    def _fuzzy(self, qkey: str, add, persons: bool, others: bool) -> None:
        words = qkey.split()
        probes = {qkey, words[-1]} if persons else {qkey}
        for probe in probes:
            bucket = self._bucket.get(probe[0], {})
            if not bucket or len(probe) < 4:
                continue  # short keys are too close to everything to fuzz
            for key, score, _ in process.extract(probe, list(bucket), scorer=fuzz.ratio,
                                                 score_cutoff=self.fuzzy_threshold * 100, limit=5):
                if not gender_compatible(probe, key) or abs(len(key) - len(probe)) > 2:
                    continue
                ids = [i for i in bucket[key]
                       if (self.entries[i].type == "person") == persons or others]
                t = self.fuzzy_threshold
                add(ids, 0.6 + 0.2 * (score / 100 - t) / (1 - t + 1e-9)
                    if len(ids) == 1 else 0.45, "fuzzy")

    # ---- patterns for an entity ruler -------------------------------------------------
    def patterns(self, ambiguous: bool = True) -> Iterator[tuple[str, str, str | None]]:
        """(type, text, id) for every name form an entity ruler should recognise.

        Persons: preferred name, variants, Cyrillic, initials forms ("I. N. Smirnov",
        "I.N. Smirnov", "I. Smirnov" when unique), and the bare surname when it is
        distinctive.  A bare surname shared by several persons is yielded with id None
        (when ``ambiguous``) so the ruler still marks a person and linking decides by context.
        """
        seen: set[tuple[str, str]] = set()

        def emit(t, text, i):
            if text and (t, text) not in seen:
                seen.add((t, text))
                return True
            return False

        for e in self.entries.values():
            for n in e.all_names:
                if emit(e.type, n, e.id):
                    yield (e.type, n, e.id)
            if e.type != "person":
                continue
            for sk, spelling in self._surname_forms.get(e.id, {}).items():
                owners = self._surname.get(sk, set())
                linkable = len(owners) == 1
                # "Thomas", "David", "Wilson" (common_surname) are not marked on their own.
                bare = [] if e.common_surname else sorted(
                    {spelling, *(v for v in e.variants if name_key(v) == sk)})
                for form in bare:
                    if linkable and self.distinctive_surname(form):
                        if emit("person", form, e.id):
                            yield ("person", form, e.id)
                    elif ambiguous and self.distinctive_surname(form) and emit("person", form, None):
                        yield ("person", form, None)
                gi, pi = self._given_init[e.id], self._patr_init[e.id]
                for g in sorted(gi):
                    same_init = [o for o in owners if g in self._given_init[o]]
                    if len(same_init) == 1:
                        for text in (f"{g.upper()}. {spelling}",):
                            if emit("person", text, e.id):
                                yield ("person", text, e.id)
                    for p in sorted(pi):
                        for text in (f"{g.upper()}. {p.upper()}. {spelling}",
                                     f"{g.upper()}.{p.upper()}. {spelling}"):
                            if emit("person", text, e.id):
                                yield ("person", text, e.id)

    _COMMON = {"bell", "fox", "hill", "little", "young", "white", "black", "green", "brown",
               "long", "may", "march", "man", "serge", "august", "grant", "burns", "foot",
               "glass", "hall", "king", "lord", "sun", "van", "will", "rose", "field",
               "frank", "pepper", "mann", "lie", "love", "wolf", "dan", "roy", "gold"}

    def distinctive_surname(self, form: str) -> bool:
        """A surname safe to match alone: ≥ 3 letters and not an everyday word (a ruler
        pattern "Held" or "Cannon" would mark every sentence that starts with the word)."""
        low = _n.fold(form).lower()
        return len(low) >= 3 and low not in self._COMMON and low not in COMMON_WORDS


def provisional_id(name: str) -> str:
    """Deterministic id for an entity not in the authority file: "x-" + its name key.

    Spelling variants that share a key (Rakowsky / Rakovskii) get the same id, so the
    same unknown person is one provisional entity across documents.
    """
    key = name_key(clean_query(name)) or _n.slug(name)
    return "x-" + re.sub(r"[^a-z0-9]+", "-", key).strip("-")


from witness.authority.loader import COMMON_WORDS, DATA_DIR, FILES, load  # noqa: E402

__all__ = ["Authority", "AuthorityEntry", "AuthorityError", "Candidate", "load",
           "provisional_id", "clean_query", "DATA_DIR", "FILES", "FUZZY_THRESHOLD", "PHONETIC_FLOOR",
           "LINK_MIN", "ENTRY_TYPES", "TITLES", "COMMON_WORDS"]
