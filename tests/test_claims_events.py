"""Events said by how a state ended or was endured (issue 10's recall): "escaped from Siberia",
"returned from exile", "placed on trial", "set at liberty", "served two sentences" — each from a
miss of the blind set's dev or train pages or a corpus sentence, with controls where the same
words say no such event. A state named by its end is not dated by the end's date."""

from __future__ import annotations

import pytest

from witness.claims import extract_claims
from witness.claims.gold import make_document

PETROV = {"Petrov": "petrov", "Ivanov": "ivanov"}


def claims(nlp, text):
    return {(c.subject, c.predicate, c.certainty, c.date)
            for c in extract_claims(make_document(text, PETROV, "1990"), nlp=nlp)}


@pytest.mark.parametrize("text,expected", [
    # train hallas-works-1970-08-trotsky: "Trotsky escaped again from Siberia in 1907" (the exile,
    # not dated by the escape)
    ("Petrov escaped again from Siberia in 1907.", {("petrov", "exiled", "asserted", None)}),
    # corpus krupskaya: "Stalin, who had escaped from exile, had arrived on the 12th"
    ("The police did not know yet that Petrov, who had escaped from exile, had arrived.",
     {("petrov", "exiled", "asserted", None)}),
    # corpus gluckstein: "Kamenev and Stalin returned from Siberian exile"
    ("Petrov and Ivanov returned from Siberian exile in March.",
     {("petrov", "exiled", "asserted", None), ("ivanov", "exiled", "asserted", None)}),
    # a presupposed state stands under the negation of its end
    ("Petrov had not returned from his self-imposed exile in the U.S.A.", {("petrov", "exiled", "asserted", None)}),
    ("Petrov escaped from prison.", {("petrov", "imprisoned", "asserted", None)}),
    # train braverman-1959-01-nasser
    ("Petrov was placed on trial as a counterrevolutionary with two dozen of his subalterns.",
     {("petrov", "tried", "asserted", None)}),
    # train krupskaya-works-rol-rol16: "He was amnestied in 1905"
    ("Petrov was amnestied in 1905.", {("petrov", "released", "asserted", "1905")}),
    # train ciliga-1938-xx-lo1: "he was placed at liberty"; corpus: "Purishkevich was quietly set at liberty"
    ("Petrov was transferred to Moscow, where he was placed at liberty.", {("petrov", "released", "asserted", None)}),
    ("The ultra-reactionary leader Petrov was quietly set at liberty.", {("petrov", "released", "asserted", None)}),
    # train hardcastle-1967-objectors: "who had served two sentences"; arnot: "had already suffered imprisonment"
    ("Petrov had served two sentences.", {("petrov", "imprisoned", "asserted", None)}),
    ("Petrov, who had already suffered imprisonment more than once, spoke.", {("petrov", "imprisoned", "asserted", None)}),
    # train dauve-authier-ch03: "Radek was excluded from Polish Social Democracy in 1912 for embezzlement"
    ("Petrov was excluded from Polish Social Democracy in 1912 for embezzlement.",
     {("petrov", "expelled", "asserted", "1912")}),
    # corpus broue: "Urbahns, Scholem and Schwan were excluded from the party in their turn"
    ("Petrov and Ivanov were excluded from the party in their turn.",
     {("petrov", "expelled", "asserted", None), ("ivanov", "expelled", "asserted", None)}),
])
def test_a_state_said_by_its_end_or_its_enduring(nlp, text, expected):
    assert claims(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Petrov tried to escape from prison.",          # an attempt: not even the prison is said
    "Petrov served in the army.",
    "Petrov returned from Paris in 1917.",
    "Petrov escaped the fate of Ivanov.",
    "Petrov set the prisoners at liberty.",         # the agent is not the one released
    "Petrov took many prisoners.",
    "Petrov was excluded from the discussion.",     # no body: not an expulsion
    # corpus: "Having carefully excluded himself from all chance of high office by his biting jibes"
    "Having carefully excluded himself from all chance of high office, Petrov became a jester.",
])
def test_the_same_words_without_the_event(nlp, text):
    assert not {c for c in claims(nlp, text) if c[0] == "petrov"}


@pytest.mark.parametrize("text,expected", [
    # dev mehring-1918-marx-ch02b: "In Dresden he met Ruge", with a name: "In [Dresden Petrov]"
    ("In Dresden Petrov met Ivanov.", {("petrov", "met", "asserted", None)}),
    ("In Moscow Petrov was arrested.", {("petrov", "arrested", "asserted", None)}),
    # corpus: "On 25 April Roldán Cortada, UGT leader …, was murdered at Mollis de Llobregat"
    ("On 25 April Petrov, UGT leader and member of the PSUC, was murdered at Mollis de Llobregat.",
     {("petrov", "died", "asserted", None)}),
])
def test_a_subject_the_parser_took_into_an_opening_place(nlp, text, expected):
    assert {c for c in claims(nlp, text) if c[1] not in ("held_office", "member_of")} == expected


@pytest.mark.parametrize("text", [
    "In Moscow Petrov's friends were arrested.",     # the name is a possessor, not the subject
    "In Soviet Russia the arrests went on.",
])
def test_an_opening_place_gives_no_subject_of_its_own(nlp, text):
    assert not {c for c in claims(nlp, text) if c[0] == "petrov" and c[1] == "arrested"}


@pytest.mark.parametrize("text,expected", [
    # old gold serge-1937-08-nin: "Tomorrow he's going to send a letter to the Central Committee"
    ("Tomorrow Petrov is going to send a letter to the Central Committee.", {("petrov", "wrote", "predicted", None)}),
    ("Tomorrow Petrov is going to write a letter to the Central Committee.", {("petrov", "wrote", "predicted", None)}),
    ("They are going to shoot Petrov.", {("petrov", "executed", "predicted", None)}),
])
def test_going_to_is_still_to_come(nlp, text, expected):
    """Issue 10's inflation kind "a plan read as the event": "be going to" is a future."""
    assert claims(nlp, text) == expected
