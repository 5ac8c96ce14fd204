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


# -- round 11's other kinds, read in the seventeenth session (population-12.json, after its totals)

def _got(nlp, text, people):
    return {(s, p, c) for s, p, c, _ in claims(nlp, text, people)}


@pytest.mark.parametrize("text,charged", [
    # a debater's reproach whose words only look like an offence: "implanting" held "plan", and a
    # clause the reproach embeds ("thus killing ‘the goose …’") is not what he is accused of
    ("Accordingly, at the Eighth Party Congress, V. Osinsky accused Trotsky of ‘implanting bureaucracy under the flag "
     "of militarisation ... within our civilian apparatus there is an organic gravitation towards the military "
     "methods’.", False),
    ("Bukharin accused Preobrazhensky of saying the state economy should ‘devour’ the peasant economy, thus killing "
     "‘the goose that lays the golden eggs for our state industry’.", False),
    ("Radek accused Trotsky of planning the murder of Kirov.", True),
    ("Bukharin accused Preobrazhensky of organising a faction.", True),
])
def test_a_reproach_is_read_in_its_own_words(nlp, text, charged):
    people = {"Trotsky": "trotsky", "Preobrazhensky": "preobrazhensky", "Bukharin": "bukharin", "Radek": "radek",
              "Kirov": "kirov", "V. Osinsky": "osinsky"}
    got = {s for s, p, _c in _got(nlp, text, people) if p == "charged"}
    assert bool(got & {"trotsky", "preobrazhensky"}) is charged, got


def test_a_title_after_two_names_is_the_nearer_ones(nlp):
    people = {"Stalin": "stalin", "Ordzhonikidze": "ordzhonikidze", "Zinoviev": "zinoviev", "Kamenev": "kamenev"}
    got = _got(nlp, "Stalin and Ordzhonikidze, political and military leader of the Caucasian front during the civil "
                    "war, wanted to combine the republics of Georgia, Azerbaidzhan and Armenia.", people)
    offices = {s for s, p, _c in got if p in ("held_office", "member_of")}
    assert offices == {"ordzhonikidze"}, got
    # a plural title is the whole list's
    got = _got(nlp, "Zinoviev and Kamenev, former leaders of the party, were shot.", people)
    assert {("zinoviev", "member_of", "asserted"), ("kamenev", "member_of", "asserted")} <= got, got


def test_applying_to_join_is_no_membership(nlp):
    people = {"Slonim": "slonim"}
    assert not {p for _s, p, _c in _got(nlp, "In 1939 Slonim applied to join the British army.", people)}
    assert ("slonim", "member_of", "asserted") in _got(nlp, "In 1939 Slonim joined the British army.", people)


def test_a_party_set_off_by_a_comma_describes_no_one(nlp):
    people = {"Lenin": "lenin", "Dan": "dan"}
    got = _got(nlp, "Unlike the Mensheviks, Lenin, in line with his own position, called for Social Democratic "
                    "participation in a revolutionary insurrectional government.", people)
    assert not any(p == "member_of" for _s, p, _c in got), got
    assert ("dan", "member_of", "asserted") in _got(nlp, "The Menshevik Dan spoke first.", people)


def test_the_leader_of_a_country_is_no_member_of_it(nlp):
    got = claims(nlp, "When the Russian workers yearn for greater equality, what does Stalin, the leader of the "
                      "country, say?", {"Stalin": "stalin"})
    assert not any(p == "member_of" for _s, p, _c, _a in got), got
    assert any(p == "held_office" for _s, p, _c, _a in got), got


@pytest.mark.parametrize("text,name", [
    ("In 1975 Tory MPs elected a new leader, Margaret Thatcher, and were arrested.", "MPs"),
    ("The ornamental chains hung down the back (Figs. 3 and 4) were executed in silver.", "Figs"),
])
def test_plural_initials_and_figure_references_are_no_persons(nlp, text, name):
    assert not any(s == "x-thing" for s, _p, _c in _got(nlp, text, {name: "x-thing", "Margaret Thatcher": "x-thatcher"}))


def test_a_possessed_subject_with_a_name_in_apposition_is_no_pronouns_antecedent(nlp):
    people = {"Kerensky": "kerensky", "Preobrazhensky": "preobrazhensky"}
    got = _got(nlp, "His defence lawyer at the trial, Kerensky, declared that Preobrazhensky was not involved in any "
                    "revolutionary movement: Preobrazhensky immediately disavowed his lawyer and proclaimed his "
                    "revolutionary convictions. In the winter of 1911 he escaped from exile, but was re-arrested late "
                    "in 1912 and exiled again until 1915.", people)
    assert not any(s == "kerensky" for s, _p, _c in got), got
    # an opening phrase before the subject still leaves the subject the antecedent
    got = _got(nlp, "In the spring of 1917, Kerensky declared that Preobrazhensky was free. He was arrested in 1918.",
               people)
    assert ("kerensky", "arrested", "asserted") in got, got
