"""Population round 11 (population-12.json, seed 2037), its inflations read after its blind
totals (sixteenth session): a meeting noun takes the certainty of the verb that holds it ("He may
very well have had such a conversation with Ruthenberg"), a report's second noun reports too
("Browder's report and interpretation of his conversation"), and the writer's own memory hedged
("If I remember rightly, the secretary … was Teodorovich"). Each on its corpus sentence and on a
control that keeps its claim."""

from __future__ import annotations

import pytest


def claims(nlp, text, people):
    from witness.claims import extract_claims
    from witness.claims.gold import make_document
    return {(c.subject, c.predicate, c.certainty, c.attributed_to)
            for c in extract_claims(make_document(text, people, "1950"), nlp=nlp)}


PEOPLE = {"Browder": "browder", "Ruthenberg": "ruthenberg"}


@pytest.mark.parametrize("text,certainty", [
    ("Browder may very well have had such a conversation with Ruthenberg, but his impression is wrong.", "uncertain"),
    ("Browder did not have a conversation with Ruthenberg.", "denied"),
    ("Browder had a long conversation with Ruthenberg in 1923.", "asserted"),
])
def test_a_meeting_held_is_as_certain_as_its_holding(nlp, text, certainty):
    got = {(s, p, c) for s, p, c, _ in claims(nlp, text, PEOPLE)}
    assert ("browder", "met", certainty) in got and ("ruthenberg", "met", certainty) in got, got


def test_a_reports_second_noun_reports_too(nlp):
    got = claims(nlp, "Browder’s report and interpretation of his conversation and agreement with Ruthenberg in August "
                      "1923 impress me as an unwitting revelation of his own naivete.", PEOPLE)
    met = {(s, c, a) for s, p, c, a in got if p == "met"}
    assert ("ruthenberg", "reported", "Browder’s report and interpretation") in met, got
    got = claims(nlp, "Browder met Ruthenberg in August 1923.", PEOPLE)
    assert ("browder", "met", "asserted", None) in got, got
    # a description alone is no report: the book it is found in stays Burnham's
    got = claims(nlp, "Let us take, for example, the description of the regime of Nazi Germany in Burnham’s book:",
                 {"Burnham": "burnham"})
    assert ("burnham", "wrote", "asserted", None) in got, got


def test_the_writers_memory_hedged_is_uncertain(nlp):
    got = claims(nlp, "If I remember rightly, the secretary of the Central Committee at that time was Teodorovich, who "
                      "lived in St. Petersburg.", {"Teodorovich": "teodorovich"})
    assert ("teodorovich", "held_office", "uncertain", None) in got, got
    got = claims(nlp, "I remember that Teodorovich was arrested in 1905.", {"Teodorovich": "teodorovich"})
    assert ("teodorovich", "arrested", "asserted", None) in got, got
