"""False claims of population round 6 (population-7.json, seed 2032), read after its blind totals
(thirteenth session): posts that are no posts — a candidacy, a body part, a person's agent, praise
of an organiser — and a king given the page's namesake ("King George" linked to George
Washington). Each kind on its corpus sentence and on a written control that keeps its claim."""

from __future__ import annotations

import pytest

from witness.model import Document, Record, Source


def claims(nlp, text, people):
    from witness.claims import extract_claims
    from witness.claims.gold import make_document
    return {(c.subject, c.predicate, c.certainty) for c in extract_claims(make_document(text, people, "1950"), nlp=nlp)}


NOT_POSTS = [
    # a party's candidacy is not the office (a page on the French elections of 2002)
    ("Millions of people refused to vote for Jospin, the Socialist candidate for president.", {"Jospin": "jospin"}),
    ("Cash is organising the campaign of Phil Bialyk, the centre-right candidate for general secretary of the RMT.",
     {"Phil Bialyk": "bialyk"}),
    # orwell-1938-homage-catalonia: the parse hangs the name on "head"
    ("But every time I raised my head Benjamin, close beside me, whispered fiercely in my ear.",
     {"Benjamin": "benjamin"}),
    # a person's agent is a verdict on him (a quoted article title in Lenin)
    ("Remember articles in the spirit of Witte Is the Agent of the Bourse, Struve Is the Agent of Witte.",
     {"Struve": "struve", "Witte": "witte"}),
    ("The framing of Nin, the agent of Franco, was prepared in Moscow.", {"Nin": "nin", "Franco": "franco"}),
    # praise of an organiser
    ("Above all he is a collective worker, probably more so than Lenin, a superb organiser of men and work.",
     {"Lenin": "lenin"}),
]
POSTS = [
    ("Harold Wilson, President of the Board of Trade, arranged a meeting.", {"Harold Wilson": "wilson"}),
    ("Kukushkin, an agent of the Okhrana, became secretary of the district.", {"Kukushkin": "kukushkin"}),
    ("Frank was replaced by Abern as city organiser.", {"Abern": "abern"}),
    ("These men, Clemenceau at their head, went and came between Paris and Versailles.", {"Clemenceau": "clemenceau"}),
]


def test_a_friendship_is_no_meeting(nlp):
    text = ("The Soviet workers were repelled by the spectacle of the friendship and collaboration between "
            "Stalin and Hitler.")
    assert not any(p == "met" for _, p, _ in claims(nlp, text, {"Stalin": "stalin", "Hitler": "hitler"}))
    # the control: a conversation between them is
    text = "The conversation between Stalin and Hitler lasted an hour."
    assert ("stalin", "met", "asserted") in claims(nlp, text, {"Stalin": "stalin", "Hitler": "hitler"})




def _persons(text: str, date: str = "1935"):
    from witness.nlp import annotate
    d = annotate(Document(id="t", source=Source("t.txt", "text", ""),
                          record=Record(date=date, language="en"), text=text))
    return [(m.text, m.entity) for m in d.mentions if m.type == "person"]


def test_a_rulers_given_name_is_not_the_pages_namesake(nlp):
    # weisbord-conquest2: "George Washington" named twice before "several times during 1778 King
    # George wanted to end the War" — the King's "George" had joined Washington's provisional person
    got = _persons("Later, Congress was to give the Ohio Land Company, in which George Washington himself was "
                   "interested, five million acres. As a matter of fact, several times during 1778 King George "
                   "wanted to end the War, but was blocked by his Whig ministry.")
    washington = {e for t, e in got if t == "George Washington"}
    assert washington and all(e not in washington for t, e in got if t == "George"), got
    # the control: a king named in full keeps his bare given name after the title
    got = _persons("King Frederick William IV was crowned. Ten years later King Frederick refused the crown.")
    full = {e for t, e in got if t.endswith("William IV")}
    assert full and {e for t, e in got if t == "Frederick"} <= full, got


def test_a_bare_surname_after_a_womans_full_name_is_the_man_who_bears_it(nlp):
    # Population rounds 3 and 6: "A little earlier Marx had written …" after "Eleanor Marx" was
    # Eleanor's; "Shelley's political writing" after "Mary Shelley" was Mary's
    got = _persons("Eleanor Marx spoke at the meeting of the gas workers. A little earlier Marx had written "
                   "that the Chartists had formed a political party.")
    assert got == [("Eleanor Marx", "marx-eleanor"), ("Marx", "marx-karl")], got
    got = _persons("Percy Bysshe Shelley and Mary Shelley lived in Italy. There is a lot in Shelley's political "
                   "writing which puts him to the right of many other radicals.")
    assert got[-1][1] == got[0][1] != got[1][1], got
    # the controls: no man bears it on the page or in the authority file
    got = _persons("Rosa Luxemburg was arrested. Luxemburg wrote from prison.")
    assert got == [("Rosa Luxemburg", "luxemburg-rosa"), ("Luxemburg", "luxemburg-rosa")], got
    got = _persons("Natalia Sedova wrote to the court. Sedova asked for the papers.")
    assert {e for _, e in got} == {"sedova-natalia"}, got


def test_a_namesake_not_yet_grown_in_the_years_spoken_of_gives_way(nlp):
    # Population round 6: Mehring's Marx (1918) "Liebknecht, in one of his letters to Engels,
    # writes …" among the 1860s was linked to Karl Liebknecht (born 1871), the surname's first bearer
    got = _persons("In 1868 the Eisenach party was founded. Liebknecht, in one of his letters to Engels in 1870, "
                   "writes that he had no chance of talking things over.", date="1918")
    assert ("Liebknecht", "liebknecht-wilhelm") in got, got
    # the controls: Karl where the years are his, or where the page names no year
    assert _persons("In January 1919 Liebknecht was murdered in Berlin.")[0][1] == "liebknecht-karl"
    assert _persons("Liebknecht was a great man.")[0][1] == "liebknecht-karl"
    # a person not yet born is no reason to leave the only bearer: Trotsky on the Manifesto of 1848
    got = _persons("In 1848 the Manifesto appeared; Trotsky praised it.")
    assert ("Trotsky", "trotsky-leon") in got, got


PARTY_NOT = [
    ("– Karl Marx and Frederick Engels, The Communist Manifesto.", {"Karl Marx": "marx", "Frederick Engels": "engels"}),
    ("J. D. Hicks: The Populist Revolt, p. 32.", {"J. D. Hicks": "hicks"}),
    ("But then Roosevelt, the Democrats and Browder are agents of Hitler.", {"Roosevelt": "roosevelt", "Browder": "b"}),
]
PARTY = [
    ("Three months later the Tory Prime Minister, Harold Macmillan, announced the appointment.",
     {"Harold Macmillan": "macmillan"}),
    ("Mercader, a Catalan Communist, was arrested.", {"Mercader": "mercader"}),
    ("The Menshevik Dan spoke.", {"Dan": "dan"}),
]


NONE = [(t, p, "held_office") for t, p in NOT_POSTS] + [(t, p, "member_of") for t, p in PARTY_NOT]
KEPT = [(t, p, ("held_office", "member_of")) for t, p in POSTS] + [(t, p, ("member_of",)) for t, p in PARTY]


@pytest.mark.parametrize("text,people,predicate", NONE, ids=[f"{list(p.values())[0]}-{k}" for _, p, k in NONE])
def test_no_post_or_party(nlp, text, people, predicate):
    got = claims(nlp, text, people)
    assert not any(p == predicate for _, p, _ in got), got


@pytest.mark.parametrize("text,people,predicates", KEPT, ids=[list(p.values())[0] for _, p, _ in KEPT])
def test_the_control_keeps_its_post_or_party(nlp, text, people, predicates):
    got = claims(nlp, text, people)
    who = list(people.values())[0]
    assert any(s == who and p in predicates and c == "asserted" for s, p, c in got), got
