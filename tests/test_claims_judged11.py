"""False claims found by the population judgement of 7 December 2026 (issue 10): 400 claims from
300 random corpus pages outside every gold set, judged blind by four judges. Each kind on its
corpus sentence (document named) and on a written control that must keep its claim.

Kinds: scare quotes after a possessive read as a title; a glossary entry's opening verb whose
object the parse makes everyone's subject; streets, schools and tanks named after people; a
fronted "to the Pope," read as an apposition; a post after a possessive read as a work; "no
acquaintance with procedures" read as a meeting; a subject pronoun given to its own verb's
addressee; "He told me his story" as writing and the story that follows as the author's."""

from __future__ import annotations

import pytest

from claims_cases import pairs as got


def claims(nlp, text, people):
    from witness.claims import extract_claims
    from witness.claims.gold import make_document
    return {(c.subject, c.predicate, c.certainty) for c in extract_claims(make_document(text, people, "1950"), nlp=nlp)}


NOT_CLAIMS = [
    # grant-1944-xx-hayek: the writer's scare quotes, not a title
    ("Hayek’s “liberal principles” even envisage an “active” state that would not permit violence.",
     {"Hayek": "hayek"}),
    # trotsky on the Duma (Grigorovich): an attitude in quotation marks
    ("Grigorovich’s “liberalism” at once vanished into thin air; I could get no definite answer.",
     {"Grigorovich": "grigorovich"}),
    ("The answer is clear enough: Trotsky’s “new” position on Germany was a retreat.", {"Trotsky": "trotsky"}),
    ("Of course, if the reader shares already all of Althusser’s ‘common sense’, he is lost.",
     {"Althusser": "althusser"}),
    # a glossary entry (Revolutionary History's notes): "Supported Bukharin", so Bukharin is no subject
    ("Supported Bukharin in 1928, arrested and seems to have been executed as terrorist in 1937.",
     {"Bukharin": "bukharin"}),
    ("Defended Luxemburg in 1913, member of nucleus around her in 1914.", {"Luxemburg": "luxemburg"}),
    # things named after people
    ("It is Wellington bombers, Spitfires, General Sherman tanks and British parachutists that have "
     "taken over this bloody role.", {"Sherman": "sherman"}),
    ("Such were the two eminent Socialists who came to stay with us in Queen Anne’s Gate.", {"Anne": "anne"}),
    ("He taught at Sun-Yat-Sen University in Moscow.", {"Sun-Yat-Sen": "sun-yat-sen"}),
    # a post after a possessive is no work: Delianov's circular, not Alexander II's
    ("One cannot but be reminded of the circular issued in 1887 by Delianov, Tsar Alexander II’s "
     "Minister of Education.", {"Alexander II": "alexander-ii"}, ("wrote",)),
    # an acquaintance with procedures is no meeting of the two subjects
    ("Neither Popper nor Althusser show any close acquaintance with the historian’s procedures.",
     {"Popper": "popper", "Althusser": "althusser"}),
]


EVENTS = ("wrote", "held_office", "member_of", "met", "arrested", "executed", "died")


@pytest.mark.parametrize("case", NOT_CLAIMS)
def test_no_claim_of_the_kind_the_judges_rejected(nlp, case):
    text, people, predicates = case if len(case) == 3 else (*case, EVENTS)
    bad = {p for p in got(nlp, text, people) if p[1] in predicates}
    assert bad == set(), bad


CONTROLS = [
    ("Trotsky’s “The Revolution Betrayed” appeared in 1937.", {"Trotsky": "trotsky"}, ("trotsky", "wrote")),
    ("Lenin’s ‘Left-Wing Communism’ was published in 1920.", {"Lenin": "lenin"}, ("lenin", "wrote")),
    ("Bukharin, arrested in 1937, was shot in 1938.", {"Bukharin": "bukharin"}, ("bukharin", "arrested")),
    ("Arrested in 1937, Bukharin was shot in 1938.", {"Bukharin": "bukharin"}, ("bukharin", "executed")),
    ("Appointed Hitler as chancellor January 1933.", {"Hitler": "hitler"}, ("hitler", "held_office")),
    ("General Sherman burned Atlanta.", {"Sherman": "sherman"}, ("sherman", "held_office")),
    ("Trotsky’s History of the Russian Revolution appeared in 1932.", {"Trotsky": "trotsky"}, ("trotsky", "wrote")),
    ("Savinkov's acquaintance with Kornilov began in 1917.", {"Savinkov": "savinkov", "Kornilov": "kornilov"},
     ("savinkov", "met")),
]


@pytest.mark.parametrize("text, people, expected", CONTROLS)
def test_the_control_keeps_its_claim(nlp, text, people, expected):
    assert expected in got(nlp, text, people)


def test_a_fronted_phrase_ending_in_a_title_gives_no_one_that_title(nlp):
    # novack/1940s on the Vatican: "letter to the Pope, Roosevelt expressed" is no apposition, so
    # "the Pope" later is not Roosevelt
    text = ("In his December 23, 1939 letter to the Pope, Roosevelt expressed the view that a new order was "
            "at hand. In June 1943 the Pope delivered an address.")
    assert ("roosevelt", "held_office") not in got(nlp, text, {"Roosevelt": "roosevelt"})
    text = "The young Emperor, Kuang-Hsu, announced reforms. The Emperor was arrested."
    assert ("kuang", "held_office") in got(nlp, text, {"Kuang-Hsu": "kuang"})


def test_a_subject_pronoun_is_not_its_own_verbs_addressee(nlp):
    # mehring on Darwin: "To Lassalle he wrote" — Marx wrote, to Lassalle
    text = "Marx praised Darwin. To Lassalle he wrote in the next month that the book was very important."
    found = got(nlp, text, {"Marx": "marx", "Lassalle": "lassalle", "Darwin": "darwin"})
    assert ("lassalle", "wrote") not in found
    assert ("marx", "wrote") in found


def test_a_story_told_is_not_written_and_what_follows_is_the_tellers(nlp):
    # rosmer-1955-xx-moscow (held-out dev2): Doriot told the story; the author did not assert it
    text = ("Doriot came to see me. He told me his story. It came down to a few words: he had been "
            "prosecuted and sentenced to a few months in prison.")
    found = claims(nlp, text, {"Doriot": "doriot"})
    assert ("doriot", "wrote") not in {(s, p) for s, p, _ in found}
    assert ("doriot", "sentenced", "reported") in found
    assert not {c for c in found if c[2] in ("asserted", "confirmed")}
    assert ("doriot", "wrote", "asserted") in claims(nlp, "Doriot wrote his story in 1940.", {"Doriot": "doriot"})


def test_a_place_run_into_a_name_does_not_capture_the_authoritys_person():
    # morrow-felix-1942-04-leninwar: "Europe Lenin" was minted and took all 75 "Lenin"s of the page
    from witness.model import Document, Record, Source
    from witness.nlp import annotate
    text = ("Lenin lived for six years after the October revolution. To apply to this situation in Europe "
            "Lenin’s hypothesis of what could happen is absurd. Lenin wrote “improbable”.")
    d = annotate(Document(id="t", source=Source("t.txt", "text", ""), record=Record(date="1942", language="en"),
                          text=text))
    lenins = {m.entity for m in d.mentions if m.type == "person" and "Lenin" in m.text}
    assert lenins == {"lenin-vladimir"}, lenins


def test_the_plural_killers_of_a_possessive_are_his_men(nlp):
    # broue glossary (Maslow): "Stalin’s assassins" killed Maslow, not Stalin
    text = "Ruth Fischer was to attribute his death to Stalin’s assassins."
    assert ("stalin", "died") not in got(nlp, text, {"Ruth Fischer": "fischer", "Stalin": "stalin"})
    assert ("kirov", "died") in got(nlp, "Nikolaev, Kirov’s assassin, was shot.", {"Kirov": "kirov", "Nikolaev": "nik"})


def test_a_possessive_standing_for_its_noun_is_no_antecedent(nlp):
    # a review of Skvorecky: "far from Ronald Reagan’s. His novel …" is Skvorecky's novel
    text = ("Skvorecky left in 1968. Yet his present political opinions would not seem that far from Ronald "
            "Reagan’s. His novel pokes gentle fun at spies.")
    assert ("reagan", "wrote") not in got(nlp, text, {"Skvorecky": "sk", "Ronald Reagan": "reagan"})
