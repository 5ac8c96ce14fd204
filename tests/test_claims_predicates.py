"""Whether the text says the predicate: the "a predicate the text does not say" and "no person"
errors of the blind judgement's dev half (issue 10), each on its corpus sentence, with a control
that the same words keep the claim where the text does say it.

Declining (no claim) is preferred to a predicate the text does not say."""

from __future__ import annotations

import pytest


from claims_cases import pairs as got


CASES = [
    # shachtma-1946-04-wp-6years: "the camp of the Axis" is a side, not a prison camp
    ("When the Second World War began, with Stalin in the camp of the Axis, we declared that we would not "
     "support or defend Russia in the war.", {"Stalin": "stalin"}, set()),
    ("Petrov was in the camp of the Mensheviks.", {"Petrov": "petrov"}, set()),
    # shachtma-1933-02-shutdown: his Black Shirts are his followers, not a text he wrote
    ("Nowhere did fascism meet less resistance than did Mussolini’s Black Shirts before their march on Rome.",
     {"Mussolini": "mussolini"}, set()),
    # grant-1946-11-germany: a review given in the House of Commons is a speech
    ("Bevin has emphasised the new policy in his latest review of foreign policy in the House of Commons.",
     {"Bevin": "bevin"}, set()),
    # subject-germany-1918-23-dauve-authier-appendix3: "the Senator Schröder" is a ship
    ("The ship hijacked by Jung for his journey to Russia in 1920 was re-christened the Laufenberg (it had "
     "previously been known as the Senator Schröder).", {"Schröder": "schroder"}, set()),
    ("The hall was opened by the General Petrov.", {"Petrov": "petrov"}, set()),
    # novack-works-1965-mar-01: a spokesman of no body is a figure of speech, no post
    ("Malcolm, whose memory they can patronize now that he has been silenced, was the herald and authentic "
     "spokesman of its future.", {"Malcolm": "malcolm"}, set()),
    ("Petrov was a representative of the petty bourgeoisie.", {"Petrov": "petrov"}, set()),
    # foot-paul-1992-07-shelley: a rank and name after a work or a vessel is its title
    ("Shelley’s first long poem, Queen Mab, is a ferocious and sometimes magnificent diatribe against the social "
     "order.", {"Mab": "mab"}, set()),
    ("The cruiser Admiral Petrov sank.", {"Petrov": "petrov"}, set()),
    # sedova-natalia-1947-04-19: what someone needed is a goal, not an event
    ("Stalin needed more potent means for achieving the deportation of Trotsky from Norway, i.e., his being in "
     "effect handed over to the GPU.", {"Trotsky": "trotsky", "Stalin": "stalin"}, set()),
    # kautsky-1902-10-aims-limitations: not quoting says nothing about his writing (no denied "wrote")
    ("Marx, Engels, each of the “neo-Marxists” have frequently expressed themselves on the materialist conception "
     "of history, but Bax does not quote a single sentence to hang his criticism on.", {"Bax": "bax"}, set()),
    # mayer-schweitzer pages: a body the NER took for a person, "the General Meeting"
    ("The real breach with the traditions of Lassalle was made by Schweitzer himself at the General Meeting.",
     {"Meeting": "meeting"}, set()),
]


@pytest.mark.parametrize("text, people, expected", CASES)
def test_no_claim_the_text_does_not_say(nlp, text, people, expected):
    assert got(nlp, text, people) == expected


CONTROLS = [
    # a camp of a place, or a qualified camp, is still a prison
    ("Petrov spent two years in the camp of Vorkuta.", {"Petrov": "petrov"}, {("petrov", "imprisoned")}),
    ("Petrov was in a labour camp.", {"Petrov": "petrov"}, {("petrov", "imprisoned")}),
    # a possessive before a title is still a work
    ("Petrov’s Decline and Fall of Stalinism appeared in 1953.", {"Petrov": "petrov"}, {("petrov", "wrote")}),
    # a review placed in a paper is still written
    ("Petrov has emphasised the new policy in his latest review of the situation in Pravda.",
     {"Petrov": "petrov"}, {("petrov", "wrote")}),
    # a rank without "the", and a royal title with it, are still the person's
    ("The ship was commanded by Senator Petrov.", {"Petrov": "petrov"}, {("petrov", "held_office")}),
    ("The army of the Emperor Petrov was beaten.", {"Petrov": "petrov"}, {("petrov", "held_office")}),
    # quoting words is writing them; a negated "write" is still denied
    ("Petrov quotes these words.", {"Petrov": "petrov"}, {("petrov", "wrote")}),
    ("Petrov did not write the letter.", {"Petrov": "petrov"}, {("petrov", "wrote")}),
    # a person after a work noun that is no apposition, and "need" outside the event's chain
    ("In his poem Ivanov praised Admiral Petrov.", {"Petrov": "petrov", "Ivanov": "ivanov"},
     {("petrov", "held_office"), ("ivanov", "wrote")}),
    ("Petrov needed medical care after he was released from prison.", {"Petrov": "petrov"}, {("petrov", "released")}),
    ("Petrov needed no introduction; he had been exiled in 1929.", {"Petrov": "petrov"}, {("petrov", "exiled")}),
    # a spokesman or representative of a body holds a post
    ("Petrov, the spokesman of the party, spoke.", {"Petrov": "petrov"}, {("petrov", "held_office")}),
    ("Petrov was the representative of the Comintern in China.", {"Petrov": "petrov"}, {("petrov", "held_office")}),
    # sedgwick-1971-xx-fifties (gold): the body is the possessive, "on" names the portfolio
    ("Petrov was restored to official Transport House favour as the Party’s spokesman on social services.",
     {"Petrov": "petrov"}, {("petrov", "held_office")}),
    # mehring-1910-absrev: "the Elector Frederick William", "the Minister von Hertzberg"
    ("The expulsion of the Huguenots gave the Elector Frederick William the first opportunity.",
     {"Frederick William": "frederick-william"}, {("frederick-william", "held_office")}),
    ("In the 23 years from 1763 to 1786, according to the calculations of the Minister von Hertzberg, he spent "
     "no more than 24,399,838 talers for that purpose.", {"von Hertzberg": "hertzberg"}, {("hertzberg", "held_office")}),
]


@pytest.mark.parametrize("text, people, expected", CONTROLS)
def test_the_claim_stays_where_the_text_says_it(nlp, text, people, expected):
    assert got(nlp, text, people) == expected
