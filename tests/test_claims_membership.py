"""Memberships (and the offices beside them) a text gives a person, from the blind gold's dev and
training MISS lines (issue 10) and sentences written for the rules: a party word before or after
a name, "X, of the Y", "X and other members of Y", "the Bolsheviks under the leadership of X",
footnote numbers after a name; each with controls where the same words must give no membership
(an enemy of a party, "anti-", a list after a plural party word, a name used as a modifier).

Each case asserts the (subject, predicate, certainty) triples of member_of and held_office
exactly, so a claim too many fails as well as a claim too few."""

from __future__ import annotations

import pytest

from claims_cases import PEOPLE

ROLES = ("member_of", "held_office")


def roles(nlp, text, people=PEOPLE, date="1950"):
    from witness.claims import extract_claims
    from witness.claims.gold import make_document
    return {(c.subject, c.predicate, c.certainty)
            for c in extract_claims(make_document(text, people, date), nlp=nlp) if c.predicate in ROLES}


M, O = "member_of", "held_office"

CASES = [
    # -- a party word by its surface --------------------------------------------------------
    # train 58 (ciliga-1940-russian-enigma-ch09): the faction words of the isolator
    ("“The proletariat is socially homogenous,” the Decemist Davidov wrote.", {"Davidov": "davidov"},
     {("davidov", M, "asserted")}),
    ("Another Decemist, Misha Shapiro, wrote a refutation.", {"Misha Shapiro": "shapiro"},
     {("shapiro", M, "asserted")}),
    ("Applying himself to these questions, the Myasnikovist, Tiyunov, wrote an essay.", {"Tiyunov": "tiyunov"},
     {("tiyunov", M, "asserted")}),
    # train 49 (krupskaya rol16)
    ("I forget exactly what the dispute was about, but Savva was a Plekhanovite.", {"Savva": "savva"},
     {("savva", M, "asserted")}),
    ("The other Plekhanovite, David, sided with the Bolsheviks.", {"David": "david"}, {("david", M, "asserted")}),
    # train 05, 55, 03: a party before a name with a form of address, after it as an apposition,
    # Labour before a noun of membership
    ("The Liberal Sir Herbert (later Lord) Samuel carried on the open negotiations, on behalf of the "
     "government.", {"Herbert": "samuel"}, {("samuel", M, "asserted")}),
    ("The chairman of the Advisory Committee was Sir John Anderson, a Conservative and notoriously "
     "anti-Labour in his attitudes.", {"John Anderson": "anderson"},
     {("anderson", M, "asserted"), ("anderson", O, "asserted")}),
    ("The life of Labour left winger Barbara Castle.", {"Barbara Castle": "castle"}, {("castle", M, "asserted")}),
    # dev 48 (dutt-articles-1922-02-25): "the Labour spokesman" is an office and a party
    ("Colonel Wedgwood, the Labour spokesman, arrived in this country.", {"Wedgwood": "wedgwood"},
     {("wedgwood", M, "asserted"), ("wedgwood", O, "asserted")}),
    # train 08 (serge-1945-xx-assassin): a parenthesis between the name and its apposition; a
    # report around it reaches the apposition
    ("The police looked for a person named Mercader (or Mercadet), a Catalan Communist.",
     {"Mercader": "mercader"}, {("mercader", M, "asserted")}),
    ("According to the newspaper, the police looked for a person named Mercader (or Mercadet), a Catalan "
     "Communist.", {"Mercader": "mercader"}, {("mercader", M, "reported")}),
    ("Petrov, a Bolshevik since 1903, spoke first.", PEOPLE, {("petrov", M, "asserted")}),
    ("Petrov, the Menshevik, spoke first.", PEOPLE, {("petrov", M, "asserted")}),
    # train 39 (deutscher-1953-russiaafterstalin): a bare participle of election to a body
    ("Three days later, Ignatiev, the former Minister of State Security, so recently elected to the General "
     "Secretariat of the Party, was dismissed with ignominy from his new post.", {"Ignatiev": "ignatiev"},
     {("ignatiev", M, "asserted"), ("ignatiev", O, "asserted")}),
    # train 09 (dauve-authier-ch03), train 57 (bauer-1912-04-buried-hopes): a party's thinker
    ("Gorter was the theoretician of the SDP.", {"Gorter": "gorter"}, {("gorter", M, "asserted")}),
    ("Alfred J. Fried, the theoretician of the Peace movement, wrote a book.", {"Alfred J. Fried": "fried"},
     {("fried", M, "asserted")}),
    # train 50 (ciliga-1938-xx-lo1), train 60 (arnot-page-1937-russ-rev-1-04): "named" after a
    # member, a party word as the subject of a copula whose predicate is the name
    ("Then a member of the Opposition named Bagratian came forward.", {"Bagratian": "bagratian"},
     {("bagratian", M, "asserted")}),
    ("This young Georgian Bolshevik was Joseph Vissarionovich Djugashvilli.",
     {"Joseph Vissarionovich Djugashvilli": "stalin"}, {("stalin", M, "asserted")}),
    # -- "X, of the Y" -----------------------------------------------------------------------
    # dev 58 (murphy-jt-1930-01-social-fascism)
    ("The Labour Government flung troops into the situation, and Mr. Brailsford, of the New Leader, wrote:",
     {"Brailsford": "brailsford"}, {("brailsford", M, "asserted")}),
    ("Petrov, of the I.L.P., joined the committee.", PEOPLE, {("petrov", M, "asserted")}),
    # -- a footnote number between a name and its apposition (train 43, broue-1987-03-pci-war)
    ("The current was influenced by Amadeo Bordiga [3], the real founder of the Communist Party of Italy, as "
     "we know.", {"Amadeo Bordiga": "bordiga"}, {("bordiga", M, "asserted")}),
    # -- one person's two descriptions joined by "and" (train 44, paul-william-articles-1922-06-24)
    ("Mr. J. R. Macdonald, the well-known indemnity champion and leader of the Second International is now "
     "anxious to become popular.", {"J. R. Macdonald": "macdonald"}, {("macdonald", M, "asserted")}),
    # -- "X and other members of Y" (train 51, james-clr-works-1946-02-tenth3)
    ("It is by procedure of this kind that Senator Bilbo and other members of the Democratic Party are able "
     "to get themselves elected.", {"Bilbo": "bilbo"}, {("bilbo", M, "asserted"), ("bilbo", O, "asserted")}),
    ("Petrov, Ivanov and other leaders of the Opposition were arrested.", PEOPLE,
     {("petrov", M, "asserted"), ("ivanov", M, "asserted")}),
    # -- a list of names after its body's members or leaders (dev 56, hallas-works-1985-comintern-ch5;
    # train 50, ciliga-1938-xx-lo1)
    ("Two leading members of the military organisation of the Bulgarian Communist Party, Yankov and Minkov, "
     "were killed resisting arrest.", {"Yankov": "yankov", "Minkov": "minkov"},
     {("yankov", M, "asserted"), ("minkov", M, "asserted")}),
    ("One of the Decist leaders – V.M. Smirnov [1] – who was there at the time, wrote:",
     {"V.M. Smirnov": "smirnov"}, {("smirnov", M, "asserted")}),
    ("They denounced the Communist leaders (Petrov, Ivanov, Radek, etc.) as agents.", PEOPLE,
     {("petrov", M, "asserted"), ("ivanov", M, "asserted"), ("radek", M, "asserted")}),
    # -- a list of names after a plural office (train 49, krupskaya-works-rol-rol16; train 55,
    # saville-1987-xx-usbases)
    ("The fact that the meeting with the representatives of the Third Duma, Poletayev and Shurkanov, held in "
     "Leipzig after the conference, had also become known to the police – all this was no great harm.",
     {"Poletayev": "poletayev", "Shurkanov": "shurkanov"},
     {("poletayev", O, "asserted"), ("shurkanov", O, "asserted")}),
    ("The Prime Minister, Malenkov, together with his four First Deputies (Beria, Molotov and Bulganin) have "
     "been purged.", {"Malenkov": "malenkov", "Beria": "beria", "Molotov": "molotov", "Bulganin": "bulganin"},
     {("malenkov", O, "asserted"), ("beria", O, "asserted"), ("molotov", O, "asserted"), ("bulganin", O, "asserted")}),
    # -- a body "headed by" or "chaired by" someone: its head (train 60, arnot-page-1937-russ-rev-1-04;
    # dev 04, chicherin-1921-12-orient; train 35, missile-crisis-ch04)
    ("First, the Cadets, the party of the Liberal capitalists, headed by Paul Miliukoff, with the Octobrists "
     "on the right of them.", {"Paul Miliukoff": "milyukov"}, {("milyukov", O, "asserted"), ("milyukov", M, "asserted")}),
    ("Our commercial mission headed by Comrade Balgor, has been in Persia since July 13th.", {"Balgor": "balgor"},
     {("balgor", O, "asserted")}),
    ("The Special Group Augmented is replaced by a different oversight organization, the Special Group, chaired "
     "by McGeorge Bundy.", {"McGeorge Bundy": "bundy"}, {("bundy", O, "asserted")}),   # (a chair: no member_of)
    # -- a body and its leadership, "under" hung elsewhere by the parser (train 40, 36)
    ("Stalin’s frame-up system bears no resemblance to the outlook of the Bolsheviks under the leadership of "
     "Lenin and Trotsky.", {"Lenin": "lenin", "Trotsky": "trotsky", "Stalin": "stalin"},
     {("lenin", M, "asserted"), ("trotsky", M, "asserted")}),
    ("Thousands had died in the prisons of the Kuomintang under the leadership of Chiang Kai-Shek.",
     {"Chiang Kai-Shek": "chiang"}, {("chiang", M, "asserted")}),
    # -- the one leader holds a post as well (dev 01, 04, 11, 56; train 58, 60: the blind
    # annotators, five of them, give "the leader of X" both; "a leader", "one of the leaders" only
    # the membership)
    ("The leader of the MIR, Miguel Enriquez, was not impressed.", {"Miguel Enriquez": "enriquez"},
     {("enriquez", M, "asserted"), ("enriquez", O, "asserted")}),
    ("Noah Jordania, leader of the Caucasian Mensheviks, said that it was impossible.",
     {"Noah Jordania": "jordania"}, {("jordania", M, "asserted"), ("jordania", O, "asserted")}),
    ("Victor Adler, the Austrian Socialist leader, was in the chair.", {"Victor Adler": "adler"},
     {("adler", M, "asserted"), ("adler", O, "asserted")}),
    ("Stalin was now the leader, though still only the ‘first among equals’.", {"Stalin": "stalin"},
     {("stalin", O, "asserted")}),
    ("Petrov, a leader of the Communist Party, spoke.", PEOPLE, {("petrov", M, "asserted")}),
    ("Petrov, one of the leaders of the Communist Party, spoke.", PEOPLE, {("petrov", M, "asserted")}),
    ("Petrov and Ivanov, the real leaders of the Left bloc, declared that they would resign.", PEOPLE,
     {("petrov", M, "asserted"), ("ivanov", M, "asserted")}),
]

CONTROLS = [
    # a party word made its opposite, or a party the person opposes
    ("The anti-Communist Petrov spoke at the meeting of the committee.", PEOPLE, set()),
    ("Petrov, a non-Bolshevik, spoke.", PEOPLE, set()),
    ("Petrov, an enemy of the Communists, spoke.", PEOPLE, set()),
    # a party word before a noun that is no membership
    ("Petrov, a Communist sympathizer, spoke.", PEOPLE, set()),
    # a name used as a modifier: the government is Labour, not said of the person
    ("The Labour Petrov government fell after the strike of the members.", PEOPLE, set()),
    # a plural party word, then a list: different things ("along with the Communists, Thomas, …")
    ("The faction lined up behind it along with the Communists, Petrov, Ivanov and Radek, as members expected.",
     PEOPLE, set()),
    ("They remain as frozen under Allied occupation as they were under the Nazis, Petrov, and Vichy, said the "
     "member.", PEOPLE, set()),
    # "of the" a place or institution, or the name in a list of genitives
    ("Petrov, of the University of Kiev, wrote to us.", PEOPLE, set()),
    ("We read the letters of Petrov, of the Communist Manifesto, and of Engels, the members said.", PEOPLE, set()),
    # a list after members or leaders of no body, or of a doctrine
    ("He met the leaders of the strike, Petrov and Ivanov, yesterday.", PEOPLE, set()),
    ("He was arrested with the other leaders, Petrov and Ivanov, yesterday.", PEOPLE, set()),
    ("The founders of modern scientific Socialism, Petrov and Ivanov, belonged by social status to the "
     "intelligentsia.", PEOPLE, set()),
    # a thinker of a doctrine belongs to no body
    ("The phrase of the theoretician of German imperialism, Petrov: “War is the continuation of policy,” has "
     "become a truism.", PEOPLE, set()),
    ("The secret execution of one of the most remarkable theoreticians of Bolshevism, Petrov, was announced.",
     PEOPLE, set()),
    # a party word that names the body before the name, not the person
    ("Only so recently as the Fourth Congress of the Communist International Comrade Petrov expounded his "
     "error, the members said.", PEOPLE, set()),
    # a plural office of nothing, or a list that is a new clause's subject
    ("He wrote to two representatives, Petrov and Ivanov, about the matter.", PEOPLE, set()),
    ("Against the generals, Petrov and Ivanov fought bravely for the committee members.", PEOPLE, set()),
    # "headed by" a description (its members stay the party's members), or heading no body
    ("There was a balance between the war party headed by the German general staff (Petrov, Ivanov and Radek).",
     PEOPLE, {("petrov", M, "asserted")}),
    ("The procession was headed by Petrov.", PEOPLE, set()),
    ("The article headed by a quotation from Petrov was printed.", PEOPLE, set()),
    # "named" after a member of no body
    ("A member of the audience named Petrov spoke.", PEOPLE, set()),
    ("He knew a man named Petrov in the Party.", PEOPLE, set()),
    # "other members" of no body
    ("Petrov and other members of the audience applauded.", PEOPLE, set()),
    # "under" a body's leader only with a noun of leadership ("a commission under Count X")
    ("The King set up a commission under Count Petrov, a member of the court.", PEOPLE,
     {("petrov", M, "asserted")}),
    ("The workers fought under the leadership of Petrov.", PEOPLE, set()),
    # others' praise is no post (blind judgement, 7 December 2026)
    ("Next to the Russians themselves, Petrov was lauded by the international Stalinist press as its outstanding "
     "leader.", PEOPLE, set()),
    # "leader of" no body
    ("Petrov, the well-known champion and leader of the strikers, spoke.", PEOPLE, set()),
]


@pytest.mark.parametrize("text, people, expected", CASES)
def test_membership_read(nlp, text, people, expected):
    assert roles(nlp, text, people) == expected


@pytest.mark.parametrize("text, people, expected", CONTROLS)
def test_no_membership_the_text_does_not_say(nlp, text, people, expected):
    assert roles(nlp, text, people) == expected


def author_roles(nlp, text):
    """Roles of a document whose author is known (the blind gold's AUTHOR)."""
    from witness.claims import extract_claims
    from witness.claims.gold import make_document
    from witness.model import Creator
    doc = make_document(text, PEOPLE, "1950")
    doc.record.creators = [Creator("author", "AUTHOR", entity="AUTHOR")]
    return {(c.subject, c.predicate, c.certainty) for c in extract_claims(doc, nlp=nlp) if c.predicate in ROLES}


WE_CASES = [
    # train 12 (shachtma-1945-11-practical): the writer's "we" with its body, in sentences without
    # any other trigger word
    ("But we of the Workers Party believe there is an alternative.", {("AUTHOR", M, "asserted")}),
    ("They are the things that we, the Workers Party, stand for.", {("AUTHOR", M, "asserted")}),
    ("We Communists have no illusions as to the character of any peace.", {("AUTHOR", M, "asserted")}),
    ("We members of the Political Bureau received protocols from the doctors.", {("AUTHOR", M, "asserted")}),
    # no body: a view, a century, an audience, a government speaking for its country (dev 52,
    # chicherin-1918-10-diplomacy)
    ("We Marxists know better than the leaders.", set()),
    ("We of the twentieth century know better than the leaders.", set()),
    ("We members of the audience applauded the leader.", set()),
    ("We feel as alien to you as we, the Workmen’s and Peasants’ Revolutionary Government, feel to the leaders.",
     set()),
]


@pytest.mark.parametrize("text, expected", WE_CASES)
def test_the_writers_we(nlp, text, expected):
    assert author_roles(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # train hallas-works-1970-08-trotsky: "by the autumn he had joined Lenin in London" — a companion
    ("By the autumn Petrov had joined Ivanov in London.", set()),
    ("Petrov joined Ivanov and Sidorov in the opposition.", {("petrov", "member_of", "asserted")}),
    ("Petrov joined Ivanov's group.", {("petrov", "member_of", "asserted")}),
])
def test_a_person_joined_is_no_body(nlp, text, expected):
    assert roles(nlp, text) == expected


@pytest.mark.parametrize("text", [
    # judged wrong blind on random archive pages (7 December 2026)
    "It is remarkable that the great leaders of Marxist thought – Petrov, Ivanov and Sidorov – took an interest in it.",
    "Jones stood as a candidate against the two great representatives of capitalism, Petrov and Ivanov.",
])
def test_a_group_of_no_body_gives_no_role(nlp, text):
    assert roles(nlp, text) == set()


def test_a_creed_is_not_a_party(nlp):
    """"The complete communisation to which we Socialists look forward" (Bax): a conviction."""
    assert author_roles(nlp, "The complete communisation to which we Socialists look forward cannot be "
                             "arrived at per saltum.") == set()
