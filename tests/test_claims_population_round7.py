"""Population round 7 (population-8.json, seed 2033), read after its blind totals (thirteenth
session): its inflations — hearsay between commas, confirmation said to be lacking, a post
proposed for someone — and a play's title, a cause led. Each kind on its corpus sentence and on a
written control that keeps its claim."""

from __future__ import annotations

import pytest


def claims(nlp, text, people):
    from witness.claims import extract_claims
    from witness.claims.gold import make_document
    return {(c.subject, c.predicate, c.certainty) for c in extract_claims(make_document(text, people, "1950"), nlp=nlp)}


NOT_ASSERTED = [
    # hearsay or a hedge set between commas
    ("John Reed, it is said, once interviewed Wm. Jennings Bryan.", {"John Reed": "reed", "Wm. Jennings Bryan": "bryan"},
     ("reed", "met"), "rumored"),
    ("Petrov, we are told, was shot in the cellars.", {"Petrov": "petrov"}, ("petrov", "executed"), "rumored"),
    ("Petrov, it seems, was shot in 1937.", {"Petrov": "petrov"}, ("petrov", "executed"), "uncertain"),
    # confirmation said to be lacking before the event
    ("Walter Held went to Norway. We have not been able to obtain confirmation in the German archives that as a "
     "result of this activity he was condemned to death in his absence by a Hitlerian court, since they are often "
     "incomplete on this sort of topic.", {"Walter Held": "held"}, ("held", "sentenced"), "uncertain"),
    ("What no documents so far published have confirmed is the charges regarding talks between Trotsky and Hess "
     "which were brought up in the notorious Moscow trials.", {"Trotsky": "trotsky", "Hess": "hess"},
     ("trotsky", "met"), "uncertain"),
]


@pytest.mark.parametrize("text,people,claim,certainty", NOT_ASSERTED, ids=[c[2][0] + "-" + c[3] for c in NOT_ASSERTED])
def test_hearsay_and_lacking_confirmation_are_not_asserted(nlp, text, people, claim, certainty):
    got = claims(nlp, text, people)
    assert (*claim, certainty) in got, got
    assert (*claim, "asserted") not in got, got


def test_the_controls_stay_asserted(nlp):
    assert ("petrov", "executed", "asserted") in claims(nlp, "Petrov, the chairman, was shot in 1937.", {"Petrov": "petrov"})
    # an aside tells its own clause, not a description inside it
    got = claims(nlp, "Messineo has been invited, it is reported, by Spalone, who is a member of the Communist Party "
                      "of Italy.", {"Spalone": "spalone"})
    assert ("spalone", "member_of", "asserted") in got, got
    # a confirmation that is given confirms
    got = claims(nlp, "The report confirmed that Petrov was shot.", {"Petrov": "petrov"})
    assert ("petrov", "executed", "confirmed") in got, got


def test_a_post_proposed_for_someone_is_not_held(nlp):
    got = claims(nlp, "He proposed Nelson as leader of a top policy council.", {"Nelson": "nelson"})
    assert not any(p in ("held_office", "member_of") for _, p, _ in got), got
    got = claims(nlp, "Rodzyanko proposed Grigorovich as Premier of a responsible cabinet.", {"Grigorovich": "g"})
    assert not any(p == "held_office" for _, p, _ in got), got
    # the controls: an appointment, a committee set up with someone as its president
    got = claims(nlp, "Stalin appointed Yezhov as head of the NKVD.", {"Yezhov": "yezhov", "Stalin": "stalin"})
    assert ("yezhov", "held_office", "asserted") in got, got
    got = claims(nlp, "On October 13, the committee was set up with Trotsky as president.", {"Trotsky": "trotsky"})
    assert ("trotsky", "held_office", "asserted") in got, got


def test_a_plays_title_is_no_exile_but_a_heading_is(nlp):
    assert not claims(nlp, "Still, Trotsky in Exile is not a pessimistic play.", {"Trotsky": "trotsky"})
    assert ("marx", "exiled", "asserted") in claims(nlp, "Marx in Exile at London", {"Marx": "marx"})
    got = claims(nlp, "Letters were also read from Comrade Malkin in Comstock Prison.", {"Malkin": "malkin"})
    assert ("malkin", "imprisoned", "asserted") in got, got


def test_the_leader_of_a_cause_or_a_class_holds_no_post(nlp):
    got = claims(nlp, "This had to happen in a completely open fashion, by Lenin, the leader of the proletarian "
                      "revolution.", {"Lenin": "lenin"})
    assert not any(p in ("held_office", "member_of") for _, p, _ in got), got
    got = claims(nlp, "Trotsky, the revolutionary leader of the proletariat, spoke.", {"Trotsky": "trotsky"})
    assert not any(p in ("held_office", "member_of") for _, p, _ in got), got
    # the control: the leader of a body
    got = claims(nlp, "Jack Jones, the leader of the biggest union, spoke.", {"Jack Jones": "jones"})
    assert ("jones", "held_office", "asserted") in got, got


def test_a_warrant_issued_for_an_arrest_is_not_the_arrest(nlp):
    # population round 7: "a warrant has been issued for the arrest of Lenin, Zinoviev and Kamenev"
    # was their asserted arrest — the parse hangs "for the arrest" on "issued", not on "warrant"
    got = claims(nlp, "I have learned that a warrant has been issued for the arrest of Lenin, Zinoviev and Kamenev, "
                      "but not for me.", {"Lenin": "lenin", "Zinoviev": "zinoviev", "Kamenev": "kamenev"})
    assert got and all(c != "asserted" for s, p, c in got if p == "arrested"), got
    # the control: the police came for the arrest and made it
    assert ("lenin", "arrested", "asserted") in claims(nlp, "The police came for the arrest of Lenin.", {"Lenin": "lenin"})


def test_a_citations_title_is_no_exile(nlp):
    assert not claims(nlp, "1446–51; Ross Dowson, Chinese Revolutionists in Exile, in International Socialist Review, "
                           "Vol. 24, no. 2.", {"Ross Dowson": "dowson"})


def test_an_account_given_before_a_colon_is_its_givers(nlp):
    # population round 7: what follows "The Georgian magazine … gives the explanation for his sudden
    # departure:" is the magazine's account, not the author's
    from witness.claims import extract_claims
    from witness.claims.gold import make_document
    text = "The Georgian magazine Brdzolis Khma gives the explanation for his sudden departure: Stalin was arrested in 1907."
    got = {(c.subject, c.predicate, c.certainty, c.attributed_to)
           for c in extract_claims(make_document(text, {"Stalin": "stalin"}, "1950"), nlp=nlp)}
    assert ("stalin", "arrested", "reported", "Georgian magazine Brdzolis Khma") in got, got
    assert ("stalin", "arrested", "asserted") in claims(nlp, "Stalin was arrested in 1907.", {"Stalin": "stalin"})
