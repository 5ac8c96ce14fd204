"""Population round 9 (population-10.json, seed 2035), read after its blind totals (fifteenth
session): its inflations — a goal that is the event ("The goal of the conspirators was the
assassination of Kirov, …": four persons "died"), a list of charges in bare "That …" clauses
(the Parnell Commission), an "until" clause still to come, and an imperative. Each kind on its
corpus sentence and on a written control that keeps its claim."""

from __future__ import annotations

import pytest


def claims(nlp, text, people):
    from witness.claims import extract_claims
    from witness.claims.gold import make_document
    return {(c.subject, c.predicate, c.certainty) for c in extract_claims(make_document(text, people, "1950"), nlp=nlp)}


def test_a_goal_that_is_the_event_is_no_death(nlp):
    got = claims(nlp, "The goal of the conspirators was the assassination of Kirov, Stalin, Kalinin, Kaganovitch, "
                      "Molotov and other leading figures of the present regime.",
                 {"Kirov": "kirov", "Stalin": "stalin", "Kalinin": "kalinin", "Molotov": "molotov"})
    assert not any(p == "died" for _, p, _ in got), got
    got = claims(nlp, "The result was the assassination of Kirov.", {"Kirov": "kirov"})
    assert ("kirov", "died", "asserted") in got, got


CHARGES = [
    ("That Mr. Parnell met Frank Byrne when released on parole in April, 1882, and became cognisant of, and privy "
     "to, the Invincible plans.", "released"),
    ("That Mr. Parnell wrote out of Kilmainham prison urging them ‘to make it hot for Old Forster.’", "wrote"),
]


@pytest.mark.parametrize("text,predicate", CHARGES)
def test_a_bare_that_clause_is_a_charge_listed_not_the_authors_word(nlp, text, predicate):
    got = claims(nlp, text, {"Mr. Parnell": "parnell", "Frank Byrne": "byrne"})
    assert ("parnell", predicate, "reported") in got, got
    assert ("parnell", predicate, "asserted") not in got, got


def test_a_that_clause_after_its_verb_keeps_its_reporter(nlp):
    got = claims(nlp, "The Times said that Parnell was released on parole in 1882.", {"Parnell": "parnell"})
    assert ("parnell", "released", "reported") in got, got
    got = claims(nlp, "Parnell was released on parole in 1882.", {"Parnell": "parnell"})
    assert ("parnell", "released", "asserted") in got, got


def test_an_until_clause_still_to_come_is_no_death(nlp):
    got = claims(nlp, "Tony Blair can go on saying until he is strangled in his own rhetoric that we are not waging "
                      "war on the Afghan people.", {"Tony Blair": "blair"})
    assert ("blair", "died", "asserted") not in got, got
    got = claims(nlp, "Trotsky fought on until he was killed.", {"Trotsky": "trotsky"})
    assert ("trotsky", "died", "asserted") in got, got


IMPERATIVES = [
    ("Arrest Trotsky and shoot Zinoviev at once!", {"Trotsky": "trotsky", "Zinoviev": "zinoviev"}),
    ("Expel Zinoviev from the party!", {"Zinoviev": "zinoviev"}),
]


@pytest.mark.parametrize("text,people", IMPERATIVES)
def test_an_imperative_demands_the_event(nlp, text, people):
    got = claims(nlp, text, people)
    assert not any(c in ("asserted", "confirmed") for _, _, c in got), got


def test_a_told_command_is_still_told(nlp):
    got = claims(nlp, "They arrested Trotsky and shot Zinoviev at once.", {"Trotsky": "trotsky", "Zinoviev": "zinoviev"})
    assert ("trotsky", "arrested", "asserted") in got and ("zinoviev", "executed", "asserted") in got, got


def test_what_the_reader_is_asked_to_look_at_is_told(nlp):
    # "See his letter", "Remember what Trotsky wrote": the imperative is the reader's; the event in its
    # object stays the author's (a first version lost 95 such claims on the cached pages)
    got = claims(nlp, "Remember what Trotsky wrote about the conditions of the workers.", {"Trotsky": "trotsky"})
    assert ("trotsky", "wrote", "asserted") in got, got
    got = claims(nlp, "Let the leadership learn from the example of Jimmy Symes, chairman of the Liverpool dock "
                      "shop-stewards’ committee.", {"Jimmy Symes": "symes"})
    assert ("symes", "held_office", "asserted") in got, got


PUBLISHERS = [
    ("The British State, by James Harvey and Katharine Hood, published last year by Lawrence and Wishart, is a good "
     "beginning.", {"Lawrence": "x-lawrence"}, "x-lawrence"),
    ("The main protagonist in this campaign was the eight page weekly, the Poor Man’s Guardian published by Henry "
     "Hetherington and edited for much of its existence by Bronterre O’Brien.", {"Henry Hetherington": "hh"}, "hh"),
    ("In the morning Bataille Syndicaliste published their appeal and in the evening there were more "
     "demonstrations.", {"Bataille Syndicaliste": "x-bs"}, "x-bs"),
]


@pytest.mark.parametrize("text,people,who", PUBLISHERS)
def test_a_publisher_of_others_texts_or_of_a_paper_did_not_write_them(nlp, text, people, who):
    assert not any(s == who and p == "wrote" for s, p, _ in claims(nlp, text, people))


def test_who_publishes_his_own_work_wrote_it(nlp):
    got = claims(nlp, "In 1902 Lenin published his pamphlet on the tasks of the party.", {"Lenin": "lenin"})
    assert ("lenin", "wrote", "asserted") in got, got
    got = claims(nlp, "Marx and Engels published their Manifesto in 1848.", {"Marx": "marx", "Engels": "engels"})
    assert ("marx", "wrote", "asserted") in got, got


def test_a_possessor_hung_as_an_apposition_holds_nothing(nlp):
    got = claims(nlp, "This is more than can be said for Geoffrey Robinson, Blair’s first Paymaster General, who has "
                      "now been found to have been a beneficiary.", {"Geoffrey Robinson": "robinson", "Blair": "blair"})
    assert ("robinson", "held_office", "asserted") in got, got
    assert not any(s == "blair" for s, _, _ in got), got


@pytest.mark.parametrize("text,named", [
    ("Curran is a historian. Stalin, he writes, ‘was ready to fight only when the way had been made clear for him by "
     "Hiroshima and Nagasaki.’", "stalin"),
    ("Dieterich wrote a book on the revolution. Chavez, he writes, is able to “stand at a certain distance from the "
     "cases of corruption”.", "chavez"),
])
def test_the_name_before_he_writes_is_not_the_writer(nlp, text, named):
    got = claims(nlp, text, {"Stalin": "stalin", "Chavez": "chavez", "Curran": "curran", "Dieterich": "dieterich"})
    assert not any(s == named and p == "wrote" for s, p, _ in got), got
    got = claims(nlp, "When Lenin arrived in Zurich, he wrote a letter.", {"Lenin": "lenin"})
    assert ("lenin", "wrote", "asserted") in got, got


def test_a_plural_office_after_one_name_is_not_its_apposition(nlp):
    got = claims(nlp, "According to Comrade Trotsky, the leaders of the German C.P. committed this same error of "
                      "over-estimating the forces of our adversaries.", {"Comrade Trotsky": "trotsky"})
    assert not any(s == "trotsky" and p in ("member_of", "held_office") for s, p, _ in got), got
    got = claims(nlp, "I met Cannon and Shachtman, the leaders of the SWP, in 1938.", {"Cannon": "cannon",
                                                                                      "Shachtman": "shachtman"})
    assert ("shachtman", "member_of", "asserted") in got, got


def test_studies_are_studying_not_a_text(nlp):
    got = claims(nlp, "In the autumn of 1835 Karl Marx entered the University of Bonn, though it is to be feared that "
                      "his studies of jurisprudence suffered.", {"Karl Marx": "marx"})
    assert not any(p == "wrote" for _, p, _ in got), got
    got = claims(nlp, "Kautsky’s study of More and his Utopia is a feast.", {"Kautsky": "kautsky"})
    assert ("kautsky", "wrote", "asserted") in got, got


def test_who_publishes_a_paper_or_a_review_of_his_own_wrote_it(nlp):
    for text in ("In 1913 Bukharin published a paper on the theory of value.",
                 "In 1913 Bukharin published a review of Hilferding's book."):
        assert ("bukharin", "wrote", "asserted") in claims(nlp, text, {"Bukharin": "bukharin"}), text
    got = claims(nlp, "Martov, leader of the Mensheviks, published a daily paper up to 1921.", {"Martov": "martov"})
    assert not any(p == "wrote" for _, p, _ in got), got
