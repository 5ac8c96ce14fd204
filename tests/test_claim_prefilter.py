"""The claims' prefilter: which sentences are worth parsing.

It must take every surface form the rules can read a claim from (a form the parser's lemmatizer
turns into a lexicon word, or an authorship pattern the rules read without a trigger), and it
should leave the sentences whose only "trigger" is a common word that merely begins like one
(a sentence parsed for nothing costs as much as one that yields a claim).
"""

from __future__ import annotations

import re

import pytest

from witness.claims import extract_claims
from witness.claims.correspondence import SENT_NOUNS
from witness.claims.context import Context
from witness.claims.gold import make_document
from witness.claims.meetings import MEET_NOUNS, MEET_VERBS, WITH_VERBS
from witness.claims.predicates import NOUNS, PREFILTER, VERBS
from witness.claims.role_words import MEMBER_NOUNS, OFFICE_NOUNS, TITLES
from witness.claims.works import WORK_NOUNS, WRITING_VERBS

from claims_cases import PEOPLE

_VOWELS = "aeiou"


def _lexicon() -> list[tuple[str, str]]:
    verbs = set(VERBS) | MEET_VERBS | WITH_VERBS | set(WRITING_VERBS)
    nouns = set(NOUNS) | MEET_NOUNS | set(WORK_NOUNS) | SENT_NOUNS | set(MEMBER_NOUNS) | set(OFFICE_NOUNS) | set(TITLES)
    out = [(w, "VERB") for w in verbs] + [(w, "NOUN") for w in nouns]
    # (abbreviations, "Gen." or "Lt", are matched as they are printed)
    return sorted((w, pos) for w, pos in out if "_" not in w and not w.endswith(".") and " " not in w
                  and (len(w) > 3 or w in ("pen", "try", "die")))


def _inflections(w: str) -> set[str]:
    """The regular English inflections of a word, spelled by the usual rules (with and without a
    doubled final consonant, which English spells both ways: "traveled", "travelled")."""
    out = {w}
    if w[-1] == "y" and w[-2] not in _VOWELS:
        out |= {w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    elif w.endswith("ie"):
        out |= {w + "s", w + "d", w[:-2] + "ying"}
    elif w[-1] == "e":
        out |= {w + "s", w + "d", w + "ing" if w[-2] in _VOWELS else w[:-1] + "ing"}
    else:
        out.add(w + ("es" if w.endswith(("s", "x", "z", "ch", "sh")) else "s"))
        doubled = {w + w[-1] + "ed", w + w[-1] + "ing"}
        if w[-1] not in _VOWELS + "wxy" and w[-2] in _VOWELS and w[-3:-2] not in tuple(_VOWELS):
            one_syllable = len(re.findall(f"[{_VOWELS}]+", w)) == 1
            out |= doubled if one_syllable else doubled | {w + "ed", w + "ing"}
        else:
            out |= {w + "ed", w + "ing"}
    return out


def _forms(nlp, lemma: str, pos: str) -> set[str]:
    """The inflections the parser's lemmatizer maps back to `lemma` under `pos`, and the irregular
    forms its exception table lists for it."""
    from spacy.tokens import Doc
    lemmatizer = nlp.get_pipe("lemmatizer")
    candidates = sorted(_inflections(lemma))
    doc = Doc(nlp.vocab, words=candidates, pos=[pos] * len(candidates))
    lemmatizer(doc)
    forms = {t.text for t in doc if t.lemma_ == lemma}
    table = lemmatizer.lookups.get_table("lemma_exc")[pos.lower()]
    irregular = {form for form, lemmas in table.items() if lemma in lemmas}
    if irregular:                                   # "met", not "meeted"
        forms = {f for f in forms if not f.endswith("ed")}
    return forms | irregular | {lemma}


def test_every_form_of_every_lexicon_word_passes(nlp):
    missed = [(lemma, form) for lemma, pos in _lexicon() for form in _forms(nlp, lemma, pos)
              if not PREFILTER.search(f"x {form} x")]
    assert missed == []


@pytest.mark.parametrize("word", ["method", "sense", "freedom", "international", "authority", "significant",
                                  "nameless", "generation", "metaphysics", "ledger", "senior"])
def test_common_words_that_begin_like_a_trigger_do_not(word):
    assert not PREFILTER.search(f"Petrov spoke of the {word} of it.".replace("spoke", "thought"))


def test_a_sentence_without_trigger_or_authorship_pattern_is_not_parsed():
    text = "Petrov thought the method sound. Ivanov's freedom of mind was international."
    ctx = Context(make_document(text, PEOPLE))
    assert ctx.candidates() == []


@pytest.mark.parametrize("text,expected", [
    # authorship the rules read from the surface, with no trigger word in the sentence
    ("As Petrov put it, the party must lead.", {("petrov", "wrote", "asserted")}),
    ("HITLER’S PROGRAM by Petrov\n\nHitler is regarded as a demagogue.", {("petrov", "wrote", "asserted")}),
    ("Politics is “concentrated economics” (Petrov), and nothing else.", {("petrov", "wrote", "asserted")}),
    ("The A.B.C. of Communism By Petrov and Ivanov. Translated from the Russian by Sidorov.",
     {("petrov", "wrote", "asserted"), ("ivanov", "wrote", "asserted")}),
    # a credit's "by" names who made the copy, not who wrote the work
    ("The Coming Storm, translated from the Russian by Ivanov.", set()),
    ("Transcribed by Ivanov for the archive.", set()),
    ("After the Revolution by Petrov. Trans. from the Spanish by Ivanov 127 pp.", {("petrov", "wrote", "asserted")}),
    # a group speaking with two people is no meeting of those two
    ("Petrov and Ivanov spoke alone, but today millions speak with them.", set()),
])
def test_claims_no_trigger_word_announces(nlp, text, expected):
    claims = extract_claims(make_document(text, PEOPLE), nlp=nlp)
    assert {(c.subject, c.predicate, c.certainty) for c in claims} == expected
