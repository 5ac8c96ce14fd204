"""The model's attribute ruler (fine tag → part of speech and morphology, plus its exceptions)
and its lemmatizer, applied by table lookups.

spaCy's `attribute_ruler` runs its ~180 rules through a token Matcher, which tries every rule at
every token: a quarter of the claim stage's parse. Nearly all of them are single-token rules on
exact values ({"TAG": "NN"}, {"LOWER": "'s", "TAG": "POS"}); those are looked up in dicts keyed
by the attributes they test, and the few others (two-token rules, value sets, regexes) still go
through a Matcher of their own. Matches are then applied exactly as the ruler does, in the
order of its rules, so later rules win. The lemmatizer caches a word's lemma by its form, part
of speech and morphology but looks at every uninflected word afresh; here every word is cached
on that key. tests/test_claim_tagging.py compares both with the model's own on corpus sentences,
token by token.
"""

from __future__ import annotations

from itertools import product
from operator import itemgetter

from spacy.matcher import Matcher
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# token attributes a single-token rule may test by plain value
_ATTRS = ("TAG", "LOWER", "DEP", "ORTH", "POS", "IS_SPACE")


class LookupAttributeRuler:
    """Callable on a Doc like the `attribute_ruler` it is built from, with the same result."""

    def __init__(self, ruler):
        self.attrs, self.indices = ruler.attrs, ruler.indices
        strings = ruler.vocab.strings
        value = lambda v: int(v) if isinstance(v, bool) else strings.add(v)  # noqa: E731 (as to_array gives it)
        # positions of the attributes tested → {their values: [rule numbers]}
        self.tables: dict[tuple[int, ...], dict[tuple, list[int]]] = {}
        self.rest = Matcher(ruler.vocab)
        for i, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                spec = {("ORTH" if k == "TEXT" else k): v for k, v in pattern[0].items()}
                # a value, or a set of values ({"IN": [...]}): a key per combination
                options = {k: [v] if isinstance(v, (str, bool)) else v.get("IN") if list(v) == ["IN"] else None
                           for k, v in spec.items()}
                if len(pattern) == 1 and rule["index"] in (0, -1) and all(
                        k in _ATTRS and vs is not None for k, vs in options.items()):
                    names = sorted(spec)
                    cols = tuple(_ATTRS.index(n) for n in names)
                    for combo in product(*(options[n] for n in names)):
                        key = tuple(value(v) for v in combo)
                        key = key[0] if len(key) == 1 else key          # as itemgetter reads it
                        self.tables.setdefault(cols, {}).setdefault(key, []).append(i)
                else:
                    self.rest.add(str(i), [pattern])
        self._lookups = [(itemgetter(*cols), table) for cols, table in self.tables.items()]

    def __call__(self, doc: Doc) -> Doc:
        # the rules each token matches, read before any is set; then per token the rules' attributes
        # in rule order, later ones winning, as the ruler sets them one match after the other
        hits: dict[int, list[int]] = {}
        for k, row in enumerate(doc.to_array(list(_ATTRS)).tolist()):
            for read, table in self._lookups:
                rules = table.get(read(row))
                if rules:
                    hits.setdefault(k, []).extend(rules)
        if len(self.rest):
            strings = doc.vocab.strings
            for m_id, start, end in self.rest(doc, allow_missing=True):
                i = int(strings[m_id])
                index = self.indices[i]
                hits.setdefault(start + index if index >= 0 else end + index, []).append(i)
        for k, rules in hits.items():
            merged: dict = {}
            for i in sorted(rules):
                merged.update(self.attrs[i])
            set_token_attrs(doc[k], merged)
        return doc


_CACHE_SIZE = 200_000


# Verb forms the model's rule lemmatizer gets wrong where a frame depends on them: its suffix
# rules try "hoped" → "hop" before "hope" and keep "hop", a word of its index, so "they hoped for
# his release" read no intent and asserted the release (found by an inflection matrix, 7 Dec 2026).
VERB_FIXES = {"hoped": "hope", "hoping": "hope", "hopes": "hope", "decreed": "decree", "menacing": "menace",
              "frustrating": "frustrate", "telegraphs": "telegraph"}


class CachedLemmatizer:
    """Callable on a Doc like the model's rule lemmatizer, with every word's lemma cached on the
    key the lemmatizer itself caches on (form, part of speech, morphology), and `fixes` (verb
    form → lemma) applied over the model's answer."""

    def __init__(self, lemmatizer, fixes: dict[str, str] = VERB_FIXES):
        self.lemmatizer = lemmatizer
        self.fixes = fixes
        self.cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        strings, overwrite = doc.vocab.strings, self.lemmatizer.overwrite
        for k, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = self.cache.get(key)
            if value is None:
                if len(self.cache) >= _CACHE_SIZE:     # a whole corpus in one worker: keep memory flat
                    self.cache.clear()
                tok = doc[k]
                fixed = self.fixes.get(tok.lower_) if tok.pos_ in ("VERB", "AUX") else None
                value = self.cache[key] = strings.add(fixed or self.lemmatizer.lemmatize(tok)[0])
            rows[k, 3] = value
        doc.from_array([LEMMA], rows[:, 3:4])
        return doc
