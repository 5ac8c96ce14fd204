"""Two kinds read from the judged population rounds (fifteenth session):

- the second of coordinated verbs after "would have …" takes the modal: "they would probably have
  been impressed … and accused Lenin of …" (round 7: an asserted charge; the tagger reads the second
  -ed form as a past tense, so the conjunct looked like a tense of its own);
- "charged with maintaining relations", "charged … to make a record": a job, not an accusation
  (round 8, twice).
Each on its corpus sentence and on a control that keeps its claim."""

from __future__ import annotations

import pytest


def claims(nlp, text, people):
    from witness.claims import extract_claims
    from witness.claims.gold import make_document
    return {(c.subject, c.predicate, c.certainty) for c in extract_claims(make_document(text, people, "1950"), nlp=nlp)}


COUNTERFACTUAL = [
    ("Had these flimsy-minded “analysts” been politicians in Lenin’s day, they would probably have been impressed "
     "by the initial might of the “Russian steamroller” and accused Lenin of “underestimating” Czarism.",
     "charged"),
    ("The police would have arrested him and shot Lenin.", "executed"),
]


@pytest.mark.parametrize("text,predicate", COUNTERFACTUAL)
def test_the_second_verb_after_would_have_is_not_asserted(nlp, text, predicate):
    got = claims(nlp, text, {"Lenin": "lenin"})
    assert not any(s == "lenin" and p == predicate and c in ("asserted", "confirmed") for s, p, c in got), got


def test_a_past_tense_of_its_own_stays_asserted(nlp):
    assert ("lenin", "executed", "asserted") in claims(nlp, "The police had arrested him and shot Lenin.",
                                                       {"Lenin": "lenin"})
    got = claims(nlp, "Trotsky could not reconcile himself to it, and even attacked Lenin. Then the police arrested "
                      "him and shot Lenin.", {"Lenin": "lenin", "Trotsky": "trotsky"})
    assert ("lenin", "executed", "asserted") in got, got


TASKS = [
    ("A. González, the Mexican-American charged with maintaining relations between the United States Trotskyists "
     "and their Latin American counterparts, reported on the situation.", {"A. González": "gonzalez"}, "gonzalez"),
    ("In Stockholm Parvus tried to meet Lenin, but Ilyich not only refused to meet him, but charged Comrade "
     "Vorovsky to make a record of the visit.", {"Vorovsky": "vorovsky", "Parvus": "parvus", "Lenin": "lenin"},
     "vorovsky"),
]


@pytest.mark.parametrize("text,people,who", TASKS)
def test_charged_with_a_job_is_no_charge(nlp, text, people, who):
    got = claims(nlp, text, people)
    assert not any(s == who and p == "charged" for s, p, _ in got), got


def test_charged_with_an_offence_stays_a_charge(nlp):
    for text in ("Coco Chanel was arrested and charged with treason against the French state.",
                 "Coco Chanel was arrested in June, charged with organising a street demonstration.",
                 "Coco Chanel was charged with maintaining contact with the enemy."):
        assert ("chanel", "charged", "asserted") in claims(nlp, text, {"Coco Chanel": "chanel"}), text
