"""A group and the persons named as its examples, leaders or inclusions (claims/inclusions.py,
claims/rosters.py): "generals like Suvorov" holds an office; "the executive committee of the
SDF, including Morris, …", "the council of generals led by Nasution …", "The majority of the
Decemist faction, Davidov, Shapiro" gives membership.  Corpus sentences cite their blind-gold
page; each rule has controls where the same words must give no claim (an enemy of a party,
men who are no office, a strike instead of a body, a ship named after an admiral).

Each case asserts the (subject, predicate, certainty) triples of member_of and held_office
exactly."""

from __future__ import annotations

import pytest

from test_claims_membership import roles

M, O = "member_of", "held_office"

CASES = [
    # -- a body "including" persons ---------------------------------------------------------
    # dev 35 (pearce-1959-10-marxism)
    ("By 1885 a majority of the executive committee of the SDF, including Morris, Bax and Aveling, whom Engels "
     "regarded as the only honest ones, were at odds with Hyndman.",
     {"Morris": "morris", "Bax": "bax", "Aveling": "aveling", "Hyndman": "hyndman"},
     {("morris", M, "asserted"), ("bax", M, "asserted"), ("aveling", M, "asserted")}),
    ("The Central Committee, including Petrov and Ivanov, met in May.", None,
     {("petrov", M, "asserted"), ("ivanov", M, "asserted")}),
    # controls: the enemies of a body are not in it; countries are no body; a doctrine is no body
    ("The enemies of the party, including Petrov, attacked it.", None, set()),
    ("Many countries, including France and Petrov's homeland, protested.", None, set()),
    ("The critics of Marxism, including Petrov, were silent.", None, set()),
    # -- a body "led by" persons, the participle hung on its description ------------------------
    # dev 32 (mandel-1968-01-indonesia): the rest of the sentence is the newspaper's account
    ("If we are to believe l’Humanité in its issue of December 11, 1967, the council of generals led by Nasution "
     "and Suharto had indeed set up a conspiracy to seize power.", {"Nasution": "nasution", "Suharto": "suharto"},
     {("nasution", M, "reported"), ("suharto", M, "reported")}),
    ("The council of generals led by Petrov met.", None, {("petrov", M, "asserted")}),
    # dev2 28 (kerensky-1927-catastrophe-ch02): a bloc, and the participle on its apposition
    ("While the country as a whole joined in the demand for radical constitutional reforms, the Progressive Bloc "
     "in the Duma (the majority), led by Miliukoff, Shidloffsky and Shulgin, was still clinging to the vague slogan.",
     {"Miliukoff": "miliukov", "Shidloffsky": "shidlovsky", "Shulgin": "shulgin"},
     {("miliukov", M, "asserted"), ("shidlovsky", M, "asserted"), ("shulgin", M, "asserted")}),
    ("The Bolshevik faction, led by Petrov, walked out.", None, {("petrov", M, "asserted")}),
    # controls: the workers one leads are no body; nor a strike
    ("The enemies of the workers led by Petrov struck.", None, set()),
    ("A crowd of workers led by Petrov marched to the palace.", None, set()),
    # -- a list after "the majority of" a body, "the leaders of this tendency" --------------------
    # train 58 (ciliga-1940-russian-enigma-ch09)
    ("The majority of the Decemist faction, Davidov, Shapiro, etc. voted for the theses.",
     {"Davidov": "davidov", "Shapiro": "shapiro"}, {("davidov", M, "asserted"), ("shapiro", M, "asserted")}),
    # dev 43 (broue-1983-12-carrillo), as a list closed by its verb
    ("The leaders of this tendency, Indalecio Prieto and González Peña, were arrested.",
     {"Indalecio Prieto": "prieto", "González Peña": "pena"}, {("prieto", M, "asserted"), ("pena", M, "asserted")}),
    # controls: the majority of no body; the leaders of a strike
    ("The majority of the workers, Petrov and Ivanov, agreed.", None, set()),
    ("The leaders of this strike, Petrov and Ivanov, were arrested.", None, set()),
    # -- the examples of a plural office --------------------------------------------------------
    # train 24 (shachtma-1946-09-swine), dev2 33 (hansen-1938-12-goldigger)
    ("Stalin now honours old Czarist generals like Suvorov.", {"Suvorov": "suvorov"}, {("suvorov", O, "asserted")}),
    ("The book was praised by such foreign correspondents as Eugene Lyons, Walter Duranty, and Louis Fischer.",
     {"Eugene Lyons": "lyons", "Walter Duranty": "duranty", "Louis Fischer": "fischer"},
     {("lyons", O, "asserted"), ("duranty", O, "asserted"), ("fischer", O, "asserted")}),
    ("The Whites were led by generals such as Denikin and Kolchak.", {"Denikin": "denikin", "Kolchak": "kolchak"},
     {("denikin", O, "asserted"), ("kolchak", O, "asserted")}),
    # controls: men are no office (train 38, froelich-1922-03-polpris); officials need a body;
    # a ship named after an admiral; a person compared with generals is not one
    ("Men like Albert Thomas and their accomplices stayed in the cabinet.", {"Albert Thomas": "thomas"}, set()),
    ("Officials like Petrov signed everything.", None, set()),
    ("Cruisers like the Admiral Scheer sailed.", {"Scheer": "scheer"}, set()),
    ("Petrov, like the generals, wanted order.", None, set()),
]


@pytest.mark.parametrize("text, people, expected", CASES)
def test_inclusions_and_examples(nlp, text, people, expected):
    assert (roles(nlp, text, people) if people else roles(nlp, text)) == expected
