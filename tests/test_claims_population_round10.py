"""Population round 10 (population-11.json, seed 2036), read after its blind totals (sixteenth
session): its kinds, each on its corpus sentence and on a control that keeps its claim — a reply
given as words, "succumbed to" a pressure, "the condemnation to death", strikes "for his
liberation", "pushed for the expulsion", "any accusation", a profession's school, an agent of a
power, a political "camp", a quoted campaign name, an edition's voice and a state's initials as
persons, the sides of a meeting, "used to", and "writes Marx" inside the quotation it frames."""

from __future__ import annotations

import pytest


def claims(nlp, text, people):
    from witness.claims import extract_claims
    from witness.claims.gold import make_document
    return {(c.subject, c.predicate, c.certainty) for c in extract_claims(make_document(text, people, "1950"), nlp=nlp)}


def objects(nlp, text, people, predicate):
    from witness.claims import extract_claims
    from witness.claims.gold import make_document
    return {(c.subject, c.object) for c in extract_claims(make_document(text, people, "1950"), nlp=nlp)
            if c.predicate == predicate}


SPOKEN_REPLIES = [
    ("In reply, Jim said that he would to the best of his ability carry through the new line.", {"Jim": "jim"}),
    ("Roger’s reply was that the foreman might know he was doing a ‘homer’.", {"Roger": "roger"}),
    ("‘We are not travelling the same road’ was Lenin’s laconic reply.", {"Lenin": "lenin"}),
    ("Zinoviev, Kamenev and Trotsky all spoke in reply.", {"Zinoviev": "zinoviev", "Kamenev": "kamenev",
                                                          "Trotsky": "trotsky"}),
]


@pytest.mark.parametrize("text,people", SPOKEN_REPLIES)
def test_a_reply_given_as_words_is_no_text(nlp, text, people):
    got = claims(nlp, text, people)
    assert not any(p == "wrote" for _, p, _ in got), got


def test_a_reply_with_its_owner_or_a_writing_verb_stays_a_text(nlp):
    got = claims(nlp, "Rothstein’s excellent reply, in World News of April 5, was splendid.", {"Rothstein": "rothstein"})
    assert ("rothstein", "wrote", "asserted") in got, got
    got = claims(nlp, "In his reply to Zinoviev, Trotsky declared that it would be monstrous.",
                 {"Trotsky": "trotsky", "Zinoviev": "zinoviev"})
    assert ("trotsky", "wrote", "asserted") in got, got


def test_succumbing_to_a_pressure_is_no_death(nlp):
    got = claims(nlp, "In 1917 Stalin, Kamenev and Zinoviev wavered and succumbed to the pressure of the bourgeoisie.",
                 {"Stalin": "stalin", "Kamenev": "kamenev", "Zinoviev": "zinoviev"})
    assert not any(p == "died" for _, p, _ in got), got
    got = claims(nlp, "Comrade Brandler succumbed to fantastic revolutionary visions.", {"Brandler": "brandler"})
    assert not any(p == "died" for _, p, _ in got), got
    for text in ("Lenin succumbed to his wounds.", "Lenin succumbed in 1924.", "Trotsky succumbed to the terrible repression."):
        name = text.split()[0]
        got = claims(nlp, text, {name: name.lower()})
        assert (name.lower(), "died", "asserted") in got, (text, got)


def test_the_condemnation_to_death_is_no_death(nlp):
    got = claims(nlp, "The suppression of Red-Republican journals by General Vinoy, the treacherous condemnation to death "
                      "of Flourens and Blanqui for the part taken by them in the affair, were acts of war.",
                 {"Flourens": "flourens", "Blanqui": "blanqui"})
    assert not any(p == "died" for _, p, _ in got), got
    got = claims(nlp, "The death of Flourens shocked Paris.", {"Flourens": "flourens"})
    assert ("flourens", "died", "asserted") in got, got


def test_strikes_for_his_liberation_demand_it(nlp):
    got = claims(nlp, "At the time of Liebknecht’s trial and his subsequent imprisonment there were large demonstrations "
                      "and several strikes for his liberation.", {"Liebknecht": "liebknecht"})
    assert ("liebknecht", "released", "asserted") not in got, got
    assert ("liebknecht", "imprisoned", "asserted") in got, got
    got = claims(nlp, "There were large demonstrations against the arrest of Tom Mooney.", {"Tom Mooney": "mooney"})
    assert ("mooney", "arrested", "asserted") in got, got      # a protest presupposes what it is against


def test_pushing_for_an_expulsion_is_no_expulsion(nlp):
    got = claims(nlp, "At the Plenum of the Central Committee Zinoviev pushed for the expulsion of Trotsky from the party.",
                 {"Zinoviev": "zinoviev", "Trotsky": "trotsky"})
    assert ("trotsky", "expelled", "asserted") not in got, got
    got = claims(nlp, "At the Plenum Zinoviev carried the expulsion of Trotsky from the party.",
                 {"Zinoviev": "zinoviev", "Trotsky": "trotsky"})
    assert ("trotsky", "expelled", "asserted") in got, got


def test_any_accusation_tells_of_none(nlp):
    got = claims(nlp, "The fraction had no facts on which to base any accusation against Malinovsky, but it violently "
                      "condemned his undisciplined action.", {"Malinovsky": "malinovsky"})
    assert ("malinovsky", "charged", "asserted") not in got, got
    got = claims(nlp, "The accusation against Malinovsky was read out.", {"Malinovsky": "malinovsky"})
    assert ("malinovsky", "charged", "asserted") in got, got


def test_evidence_to_warrant_a_prosecution_is_no_trial(nlp):
    got = claims(nlp, "Nosow did mention that he could obtain sufficient evidence to warrant Weisbord’s prosecution.",
                 {"Weisbord": "weisbord", "Nosow": "nosow"})
    assert not any(p == "tried" for _, p, _ in got), got


def test_a_profession_of_a_school_is_no_post(nlp):
    got = claims(nlp, "The notion also plays a role in the explanation of the crisis by Ernest Mandel, the Belgian "
                      "Marxist economist.", {"Ernest Mandel": "mandel"})
    assert not any(p == "held_office" for _, p, _ in got), got
    got = claims(nlp, "One of the best-known Keynesian economists, Paul Samuelson, has said he is now attracted in "
                      "this direction.", {"Paul Samuelson": "samuelson"})
    assert not any(p == "held_office" for _, p, _ in got), got
    got = claims(nlp, "Former International Monetary Fund chief economist Raghuram Rajan blames the bankers.",
                 {"Raghuram Rajan": "rajan"})
    assert ("rajan", "held_office", "asserted") in got, got
    # before an office, "-ist" is a party's following: "the Stalinist spokesman, Irving Potash"
    got = claims(nlp, "At the city conference the Stalinist spokesman, Irving Potash, made his main point.",
                 {"Irving Potash": "potash"})
    assert ("potash", "held_office", "asserted") in got, got


def test_an_agent_of_a_power_is_a_verdict(nlp):
    got = claims(nlp, "Your principal error lies in the theses of your book, namely that Trotsky was an open, deliberate "
                      "agent of Wall Street.", {"Trotsky": "trotsky"})
    assert not any(p == "held_office" for _, p, _ in got), got
    got = claims(nlp, "Radek was an agent of Germany.", {"Radek": "radek"})
    assert not any(p == "held_office" for _, p, _ in got), got
    got = claims(nlp, "Weber Palm was a secret agent of the Berlin police.", {"Weber Palm": "palm"})
    assert ("palm", "held_office", "asserted") in got, got


def test_a_political_camp_is_no_prison(nlp):
    got = claims(nlp, "Thus Dr. Petioni takes a further step and finds himself in the Stalinist camp.", {"Petioni": "petioni"})
    assert not any(p == "imprisoned" for _, p, _ in got), got
    for text in ("Petioni spent three years in a labour camp.", "Petioni was sent to the Ukht-Pecherski camp."):
        got = claims(nlp, text, {"Petioni": "petioni"})
        assert ("petioni", "imprisoned", "asserted") in got, (text, got)


def test_a_quoted_campaign_name_is_no_text(nlp):
    got = claims(nlp, "Our country is still mentally entangled in the web of Hitler’s ‘Antikomintern’ propaganda in "
                      "dealing with our neighbors.", {"Hitler": "hitler"})
    assert not any(p == "wrote" for _, p, _ in got), got
    got = claims(nlp, "Marx’s “Capital” appeared in 1867.", {"Marx": "marx"})
    assert ("marx", "wrote", "asserted") in got, got


def test_an_editions_voice_and_a_states_initials_are_no_persons(nlp):
    got = claims(nlp, "[Transcriber’s Note: This quote was shortened in the original English translation].",
                 {"Transcriber": "x-transcriber"})
    assert not got, got
    got = claims(nlp, "Write to L. Smith, Chairman of Children’s Kitchen Committee, 743 Main Avenue, Passaic, N. J. Also "
                      "send money.", {"N. J. Also": "x-n-j-also", "L. Smith": "x-l-smith"})
    assert ("x-n-j-also", "held_office", "asserted") not in got, got
    assert ("x-l-smith", "held_office", "asserted") in got, got
    got = claims(nlp, "Labour leaders are in the field, of the type of Joseph Baptista, N.M. Joshi, who is labour member "
                      "in the Bombay Legislative Council.", {"N.M. Joshi": "x-n-m-joshi"})
    assert any(s == "x-n-m-joshi" for s, _, _ in got), got       # initials that are a name stay one


def test_the_sides_of_a_meeting_meet_each_other_not_themselves(nlp):
    got = objects(nlp, "When Brunko, Thomas Regan, and Philip Maddalena, all active on the picket line, spoke to Thomas "
                       "Branch, a scab in the Lodi mill, he refused.",
                  {"Brunko": "brunko", "Thomas Regan": "regan", "Philip Maddalena": "maddalena",
                   "Thomas Branch": "branch"}, "met")
    assert ("brunko", "regan") not in got and ("brunko", "branch") in got, got
    got = objects(nlp, "Marx and Engels met in Paris.", {"Marx": "marx", "Engels": "engels"}, "met")
    assert ("marx", "engels") in got, got


def test_a_conversation_over_the_wires_is_no_meeting(nlp):
    got = claims(nlp, "Later, conversing with Trotsky over the wires, Lenin said, “Stalin has just arrived.”",
                 {"Trotsky": "trotsky", "Lenin": "lenin"})
    assert not any(p == "met" for _, p, _ in got), got
    got = claims(nlp, "Later, conversing with Trotsky in the Kremlin, Lenin said, “Stalin has just arrived.”",
                 {"Trotsky": "trotsky", "Lenin": "lenin"})
    assert ("lenin", "met", "asserted") in got, got


def test_used_to_is_a_habit_that_happened(nlp):
    got = claims(nlp, "The police used to arrest Malinovsky together with others present at an illegal meeting.",
                 {"Malinovsky": "malinovsky"})
    assert ("malinovsky", "arrested", "asserted") in got, got
    got = claims(nlp, "The police planned to arrest Malinovsky.", {"Malinovsky": "malinovsky"})
    assert ("malinovsky", "arrested", "asserted") not in got, got


def test_the_writer_inside_the_quotation_he_frames_is_asserted(nlp):
    got = claims(nlp, "“When the proletariat,” writes Marx, “announces the dissolution of the existing social order, it "
                      "reveals the secret of its own existence.”", {"Marx": "marx"})
    assert ("marx", "wrote", "asserted") in got, got
    got = claims(nlp, "“The Tsar,” wrote Lenin, “has arrested Trotsky.”", {"Lenin": "lenin", "Trotsky": "trotsky"})
    assert ("trotsky", "arrested", "reported") in got, got


def test_before_she_dies_in_a_hope_is_still_to_come(nlp):
    got = claims(nlp, "Natalia hopes, before she dies, to witness the rehabilitation of Trotsky.", {"Natalia": "sedova"})
    assert ("sedova", "died", "asserted") not in got, got
    # a narrative present is told as it happened
    got = claims(nlp, "Martin Luther King starts this movement for economic justice just before he's assassinated.",
                 {"Martin Luther King": "king"})
    assert ("king", "died", "asserted") in got, got
