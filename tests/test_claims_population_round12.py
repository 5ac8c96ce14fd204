"""Population round 12 (population-13.json, seed 2038), its inflations read after its blind totals
(seventeenth session): an event that causes what a counterfactual imagines is imagined with it
("the gap that would have been left … by the early death of Raphael"), a proof hedged is no
confirmation ("perhaps proof that the GPU murdered Leon Sedov"). Each on its sentence and a control that keeps
the firmer reading. ("Stendhal observed that …" as a report was tried and dropped: in this corpus
"it is worth noting that", "let it be noted that", "one notes that" are the author's own voice.)"""

from __future__ import annotations

import pytest


def claims(nlp, text, people):
    from witness.claims import extract_claims
    from witness.claims.gold import make_document
    return {(c.subject, c.predicate, c.certainty, c.attributed_to)
            for c in extract_claims(make_document(text, people, "1950"), nlp=nlp)}


PEOPLE = {"Raphael": "raphael", "Michelangelo": "michelangelo", "Leonardo da Vinci": "leonardo",
          "Stendhal": "stendhal", "Leon Sedov": "sedov", "Trotsky": "trotsky", "Marx": "marx", "Lassalle": "lassalle"}


def test_an_event_causing_what_is_imagined_is_imagined_with_it(nlp):
    got = claims(nlp, "That is why the gap that would have been left in Italian art by the early death of Raphael, "
                      "Michelangelo and Leonardo da Vinci would have been filled.", PEOPLE)
    died = {(s, c) for s, p, c, _a in got if p == "died"}
    assert died == {("raphael", "uncertain"), ("michelangelo", "uncertain"), ("leonardo", "uncertain")}, got
    got = claims(nlp, "The gap left by the death of Raphael was never filled.", PEOPLE)
    assert ("raphael", "died", "asserted", None) in got, got


@pytest.mark.parametrize("text,certainty", [
    ("The identity of a provocateur – perhaps proof that the GPU murdered Leon Sedov, was preparing the "
     "assassination of Trotsky.", "uncertain"),
    ("This is proof that the GPU murdered Leon Sedov.", "confirmed"),
])
def test_a_hedged_proof_confirms_nothing(nlp, text, certainty):
    assert ("sedov", "died", certainty) in {(s, p, c) for s, p, c, _a in claims(nlp, text, PEOPLE)}


# -- round 12's deflations, read after its totals: a title the author gives the speaker of a
#    testimony, or the one a report is told to, is the author's, not the report's

PEOPLE_12 = {"Earl Browder": "browder", "Juan Garces": "garces", "Allende": "allende", "Trujillo": "trujillo",
             "Jacson": "jacson", "Trotsky": "trotsky", "Petrov": "petrov"}


@pytest.mark.parametrize("text,expected", [
    ("Of that breed, there are few in history to match the hypocrisy that marked the testimony of Earl Browder, "
     "Stalin’s viceroy for the United States, before the committee.", ("browder", "held_office", "asserted", None)),
    ("This is the testimony of Juan Garces, one of Allende’s personal political advisers, who escaped from the "
     "Moneda Palace.", ("garces", "held_office", "asserted", None)),
    ("“By accident,” Jacson told Judge Trujillo, he gave his business address.",
     ("trujillo", "held_office", "asserted", None)),
    # what the report tells stays reported
    ("The report of Petrov's arrest reached us in May.", ("petrov", "arrested", "reported", "report")),
    ("Jacson told the police that Trotsky had been arrested.", ("trotsky", "arrested", "reported", "Jacson")),
])
def test_a_title_of_the_speaker_or_the_one_told_is_the_authors(nlp, text, expected):
    assert expected in claims(nlp, text, PEOPLE_12)
