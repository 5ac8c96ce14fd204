"""False claims found by the two population judgements of 7 December 2026 (issue 10): 400 claims
each from 300 random corpus pages outside every gold set, judged blind by four judges
(tests/gold/claims-judged/population-2.json is the first). Each kind on its corpus sentence
(document named) and on a written control that must keep its claim.

First round: scare quotes after a possessive read as a title; a glossary entry's opening verb
whose object the parse makes everyone's subject; streets, schools and tanks named after people;
a fronted "to the Pope," read as an apposition; a post after a possessive read as a work; "no
acquaintance with procedures" read as a meeting; a subject pronoun given to its own verb's
addressee; "He told me his story" as writing and the story that follows as the author's.
Second round: a writer's or debater's reproach read as a charge; a campaign "for the release"
read as the release; "presented himself as"; an interjection, a publisher, a rank fragment;
talking "about" read as meeting; presupposed authorship under a question or a hedge."""

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


REPROACHES = [
    # trotsky (Stalin in Pravda, 1923), a critic on Guillen, Lenin on Stalin, a poet on himself
    ("He accused Trotsky of “duplicity”, on the ground that his letter supported the opposition.", {"Trotsky": "trotsky"}),
    ("I agree with Gabriel Alomar when he accuses Guillen of strangling the poet of Deucalion with his own hands.",
     {"Gabriel Alomar": "alomar", "Guillen": "guillen"}),
    ("Lenin accused Stalin of showing himself a Great-Russian chauvinist.", {"Lenin": "lenin", "Stalin": "stalin"}),
    ("And then Vallejo accuses himself.", {"Vallejo": "vallejo"}),
]
CHARGES = [
    ("Vyshinsky accused Bukharin of treason.", {"Vyshinsky": "vyshinsky", "Bukharin": "bukharin"}, "bukharin"),
    ("The prosecutor accused Petrov of sabotage.", {"Petrov": "petrov"}, "petrov"),
    ("Stalin accused Trotsky of being a Gestapo agent.", {"Stalin": "stalin", "Trotsky": "trotsky"}, "trotsky"),
    ("Petrov was accused of anti-Soviet activity.", {"Petrov": "petrov"}, "petrov"),
    ("Zinoviev accused Trotsky of factionalism.", {"Zinoviev": "zinoviev", "Trotsky": "trotsky"}, "trotsky"),
    # serge-1938-02-sedov (old gold): the falsifiers' accusation is the trials' charge
    ("He answered the falsifiers who accused Sedov of meeting people in Copenhagen.", {"Sedov": "sedov"}, "sedov"),
]


@pytest.mark.parametrize("text, people", REPROACHES)
def test_a_reproach_is_no_charge(nlp, text, people):
    assert not {p for p in got(nlp, text, people) if p[1] == "charged"}


@pytest.mark.parametrize("text, people, who", CHARGES)
def test_an_accusation_of_an_offence_or_by_an_authority_is_a_charge(nlp, text, people, who):
    assert (who, "charged") in got(nlp, text, people)


def test_a_fight_for_a_release_is_a_campaign_not_the_release(nlp):
    # a Militant article (Ferrero and Salitto): "the fight for the release" — a demand
    text = "The fight for the release of Ferrero and Salitto is a fight for free speech."
    assert not got(nlp, text, {"Ferrero": "ferrero", "Salitto": "salitto"})
    assert ("petrov", "released") in got(nlp, "After a long struggle Petrov was released.", {"Petrov": "petrov"})


def test_presenting_oneself_as_a_representative_is_no_post(nlp):
    text = "Landau presented himself as a “representative of the Russian Opposition” and seemed unwilling to talk."
    assert ("landau", "held_office") not in got(nlp, text, {"Landau": "landau"})
    assert ("landau", "held_office") in got(nlp, "Landau served as representative of the Opposition.",
                                            {"Landau": "landau"})


@pytest.mark.parametrize("text, people, bad", [
    ("(Interjection by Weinstone: “It was not a revolutionary situation.”)", {"Weinstone": "weinstone"},
     ("weinstone", "wrote")),
    ("Max Eastman published Lenin’s Testament in the New York Times.", {"Max Eastman": "eastman", "Lenin": "lenin"},
     ("eastman", "wrote")),
    ("Rusk, Humphrey and the other leading hawks are talking more and more about the alleged threat.",
     {"Rusk": "rusk", "Humphrey": "humphrey"}, ("rusk", "met")),
    ("He freed himself inwardly from all the illusions produced in Petrov.", {"Petrov": "petrov"},
     ("petrov", "released")),
    ("Deli Serdang Military Commander Lt. Col. B. Sinuhaji told The Jakarta Post that the riots were separate.",
     {"Col": "col"}, ("col", "held_office")),
])
def test_no_claim_the_second_judges_rejected(nlp, text, people, bad):
    assert bad not in got(nlp, text, people)


def test_a_hyphenated_title_is_kept_whole(nlp):
    text = "The reply, presented by Vice-President Walter Reuther, was a blunt no."
    found = {(c.subject, c.object) for c in _extract(nlp, text, {"Walter Reuther": "reuther"})}
    assert ("reuther", "Vice-President") in found


def test_a_name_inside_the_quoted_words_is_not_the_writer(nlp):
    # deutscher on Lenin's testament: "“Comrade Stalin,” he wrote" — Lenin wrote, about Stalin
    text = ("Lenin was ill. “Comrade Stalin,” he wrote on December 25, 1922, “having become General "
            "Secretary, has concentrated an enormous power in his hands.”")
    found = got(nlp, text, {"Lenin": "lenin", "Stalin": "stalin"})
    assert ("lenin", "wrote") in found and ("stalin", "wrote") not in found


@pytest.mark.parametrize("text, people, who", [
    ("Have you read the chapter on Communism in Hyndman's book, The Evolution of Revolution?",
     {"Hyndman": "hyndman"}, "hyndman"),
    ("In view of this letter it is possible to understand Lassalle’s well-known telegram to Bismarck of "
     "September 27, 1863.", {"Lassalle": "lassalle", "Bismarck": "bismarck"}, "lassalle"),
])
def test_a_possessive_presupposes_the_author_whatever_the_sentence_asks(nlp, text, people, who):
    assert (who, "wrote", "asserted") in claims(nlp, text, people)


@pytest.mark.parametrize("text", [
    "Trotsky planned his book on Lenin for years.",
    "Trotsky intended to publish his pamphlet in 1917.",
])
def test_a_work_in_the_making_is_still_governed_by_its_plan(nlp, text):
    people = {"Lenin": "lenin", "Trotsky": "trotsky"}
    assert not {c for c in claims(nlp, text, people) if c[1] == "wrote" and c[2] == "asserted"}
    assert ("trotsky", "wrote", "asserted") in claims(nlp, "Trotsky published his pamphlet in 1917.", people)


def _extract(nlp, text, people):
    from witness.claims import extract_claims
    from witness.claims.gold import make_document
    return extract_claims(make_document(text, people, "1950"), nlp=nlp)


# third round (same procedure, 300 further pages)

@pytest.mark.parametrize("text, people, who, predicate", [
    ("Instead of arresting Petrov, the police released Ivanov.", {"Petrov": "petrov", "Ivanov": "ivanov"},
     "petrov", "arrested"),
    ("Rather than arresting Petrov, the police released Ivanov.", {"Petrov": "petrov", "Ivanov": "ivanov"},
     "petrov", "arrested"),
    # bench/claims_frames_matrix.py: the parse hangs "rather" on the main verb for these
    ("Rather than shooting Petrov, they praised him.", {"Petrov": "petrov"}, "petrov", "executed"),
    ("Rather than sentencing Petrov, they praised him.", {"Petrov": "petrov"}, "petrov", "sentenced"),
    ("Far from arresting Petrov, the police protected him.", {"Petrov": "petrov"}, "petrov", "arrested"),
    # a Trotskyist on the Stalinists and Chiang
    ("Instead of indicting Chiang and his regime as assassins of the people, they praised him.",
     {"Chiang": "chiang"}, "chiang", "charged"),
])
def test_what_was_done_instead_of_the_event_denies_it(nlp, text, people, who, predicate):
    found = claims(nlp, text, people)
    assert (who, predicate, "denied") in found
    assert not {c for c in found if c[:2] == (who, predicate) and c[2] in ("asserted", "confirmed")}


@pytest.mark.parametrize("text, people, bad", [
    # the POUM's suppression: "the framing-up of Andres Nin as an agent of Franco" is the lie
    ("The suppression of the POUM and the framing-up of Andres Nin as an agent of Franco followed.",
     {"Andres Nin": "nin", "Franco": "franco"}, ("nin", "held_office")),
    ("They framed Nin as an agent of Franco.", {"Nin": "nin", "Franco": "franco"}, ("nin", "held_office")),
    # the post taken back by a relative clause
    ("He hastens to add that Gorki was editor of Pravda, which of course he never was.", {"Gorki": "gorky"},
     ("gorky", "held_office")),
    # praise is no post
    ("Long, long years of life and health to our dear and beloved leader and teacher, the great Stalin!",
     {"Stalin": "stalin"}, ("stalin", "held_office")),
    ("Even Trotsky, the most talented leader, second only to Lenin in authority, could not.",
     {"Trotsky": "trotsky", "Lenin": "lenin"}, ("trotsky", "held_office")),
    ("The spiritual leader of the Menshevik Labour Party, Mr. Ramsay Macdonald, writes.",
     {"Ramsay Macdonald": "macdonald"}, ("macdonald", "held_office")),
    # an apposition closed by "and" is its own name's alone
    ("Notwithstanding the efforts of Herbert Smith, the President of the MFGB, and A.J. Cook, the opposition "
     "was large.", {"Herbert Smith": "smith", "A.J. Cook": "cook"}, ("cook", "held_office")),
])
def test_no_claim_the_third_judges_rejected(nlp, text, people, bad):
    assert bad not in got(nlp, text, people)


@pytest.mark.parametrize("text, people, expected", [
    ("Nin served as an agent of the Comintern.", {"Nin": "nin"}, ("nin", "held_office")),
    ("Thorez, leader of the French party, spoke.", {"Thorez": "thorez"}, ("thorez", "held_office")),
    ("Nkrumah’s ideological adviser, George Padmore, has not failed to goad him.",
     {"George Padmore": "padmore", "Nkrumah": "nkrumah"}, ("padmore", "held_office")),
    ("Notwithstanding the efforts of Herbert Smith, the President of the MFGB, and A.J. Cook, the opposition "
     "was large.", {"Herbert Smith": "smith", "A.J. Cook": "cook"}, ("smith", "held_office")),
])
def test_the_third_rounds_controls_keep_their_claim(nlp, text, people, expected):
    assert expected in got(nlp, text, people)


def test_a_book_still_to_come_is_not_presupposed(nlp):
    text = "Waugh is a novelist. We suggest that his next book should bear the title, Leporello in Heaven and Hell."
    assert not {c for c in claims(nlp, text, {"Waugh": "waugh"}) if c[1] == "wrote" and c[2] == "asserted"}


def test_a_town_run_into_a_name_is_cut_from_it():
    from witness.model import Document, Record, Source
    from witness.nlp import annotate
    text = "Lenin lived in Geneva. He wrote a lot in Geneva Lenin said, and in Switzerland Lenin rested."
    d = annotate(Document(id="t", source=Source("t.txt", "text", ""), record=Record(date="1942", language="en"),
                          text=text))
    assert {m.entity for m in d.mentions if m.type == "person"} == {"lenin-vladimir"}


@pytest.mark.parametrize("text, people, expected", [
    ("Tito, or Josip Broz, is not only the leader of the Partisans, but also of the Communist Party.",
     {"Tito": "tito", "Josip Broz": "tito"}, ("tito", "member_of", "asserted")),
    ("But Eastman is not the only member of the Modern Monthly group.", {"Eastman": "eastman"},
     ("eastman", "member_of", "asserted")),
    ("Petrov was not only arrested but also shot.", {"Petrov": "petrov"}, ("petrov", "arrested", "asserted")),
    ("Petrov was not a member of the party.", {"Petrov": "petrov"}, ("petrov", "member_of", "denied")),
])
def test_not_only_grants_the_fact(nlp, text, people, expected):
    assert expected in claims(nlp, text, people)


@pytest.mark.parametrize("text, people, good, bad", [
    # round 3 (a biography of Mariátegui): "He advised them to join …" — they join, not he
    ("Lenin advised Trotsky to join the party.", {"Lenin": "lenin", "Trotsky": "trotsky"},
     ("trotsky", "member_of"), ("lenin", "member_of")),
    ("Lenin persuaded Trotsky to join the Bolsheviks.", {"Lenin": "lenin", "Trotsky": "trotsky"},
     ("trotsky", "member_of"), ("lenin", "member_of")),
    ("Lenin sat down and drafted the theses.", {"Lenin": "lenin"}, ("lenin", "wrote"), None),
])
def test_an_infinitive_after_an_object_is_the_objects(nlp, text, people, good, bad):
    found = got(nlp, text, people)
    assert good in found and bad not in found


# -- pronouns (twelfth session: population rounds 1–3, other-person errors) ----------------------

def test_a_name_inside_a_fronted_participle_is_not_the_subject_pronouns_antecedent(nlp):
    # judged round 3 (Proudhon) and round 4 (Miliukov): the participle's subject is the pronoun
    got = claims(nlp, "Marx was in London. Attacking Proudhon in The Poverty of Philosophy (1847) for "
                      "misunderstanding dialectic, he wrote of the laborer in the automatic factory.",
                 {"Marx": "marx", "Proudhon": "proudhon"})
    assert ("marx", "wrote", "asserted") in got and not any(s == "proudhon" for s, _p, _c in got)
    got = claims(nlp, "Guchkov was rich. Breaking with the liberals of the type of Miliukoff, he became the "
                      "leader of the conservative Octobrist party.", {"Guchkov": "guchkov", "Miliukoff": "miliukov"})
    assert ("guchkov", "held_office", "asserted") in got and not any(s == "miliukov" for s, _p, _c in got)
    got = claims(nlp, "Guchkov spoke. Having been expelled by Miliukoff, he was arrested.",
                 {"Guchkov": "guchkov", "Miliukoff": "miliukov"})
    assert ("guchkov", "arrested", "asserted") in got and ("miliukov", "arrested", "asserted") not in got


def test_a_pronoun_continuing_a_chain_is_whoever_the_chain_is_about(nlp):
    # olgin-pamphlets-engels: "In 1842 he becomes a contributor …, of which Marx was the editor-in-chief.
    # … he goes to Manchester" — the sentence naming Marx continues Engels's chain
    text = ("Engels was born in Barmen. In 1842 he becomes a contributor to the Rheinish Gazette, of which Marx was "
            "the editor-in-chief. He was arrested in 1849.")
    got = claims(nlp, text, {"Engels": "engels", "Marx": "marx"})
    assert ("engels", "arrested", "asserted") in got and ("marx", "arrested", "asserted") not in got


def test_a_word_after_an_article_is_no_person_even_when_the_ner_says_so(nlp):
    # olgin-pamphlets-engels: "the major European languages" minted a person "European", whom the
    # next "he" then took from Engels; weisbord: "the State" — a single unknown word after an article
    text = ("Engels knew the major European languages. He was arrested in 1849. The State was arrested.")
    got = claims(nlp, text, {"Engels": "engels", "European": "x-european", "State": "x-state"})
    assert ("engels", "arrested", "asserted") in got
    assert not any(s in ("x-european", "x-state") for s, _p, _c in got)


# -- round 5 (population-6, seed 2031): kinds read after its blind totals -------------------------

ROUND5_NOT = [
    # an inflation: a modal before the first of coordinated verbs is the second's too
    ("Probably even Stalin would have to be sacrificed and hanged as a “Trotskyist.”", {"Stalin": "stalin"},
     ("stalin", "executed", "asserted")),
    ("Petrov was never arrested or shot.", {"Petrov": "petrov"}, ("petrov", "executed", "asserted")),
    ("Perhaps Petrov was tried and executed.", {"Petrov": "petrov"}, ("petrov", "executed", "asserted")),
    # a verdict on someone's politics is no post, nor a current named after them a party
    ("Mr. Gandhi had become an unconscious agent of reaction in the face of a growing revolutionary situation.",
     {"Gandhi": "gandhi"}, ("gandhi", "held_office", "asserted")),
    ("Robbed of his basis, Mosley logically became an agent for German imperialism - a British Quisling.",
     {"Mosley": "mosley"}, ("mosley", "held_office", "asserted")),
    ("Thus Stalin became a Stalinist, as we know Stalinism today.", {"Stalin": "stalin"},
     ("stalin", "member_of", "asserted")),
    # a trait of character is no charge
    ("Trotsky has often been accused of having been too ambitious, too “personal” in his attitude toward the party.",
     {"Trotsky": "trotsky"}, ("trotsky", "charged", "asserted")),
    # a living body
    ("Lenin came in. Lenin listened attentively, his body inclined forward slightly.", {"Lenin": "lenin"},
     ("lenin", "died", "asserted")),
    # a report commissioned is still to be written
    ("Unhappy about its conclusions, the government have commissioned yet another report by Professor Cox.",
     {"Professor Cox": "cox"}, ("cox", "wrote", "asserted")),
]
ROUND5_CONTROLS = [
    ("Petrov was not arrested but shot.", {"Petrov": "petrov"}, ("petrov", "executed", "asserted")),
    ("Petrov was arrested, tried and shot.", {"Petrov": "petrov"}, ("petrov", "executed", "asserted")),
    ("Parteniu was an agent of the Gestapo during the occupation.", {"Parteniu": "parteniu"},
     ("parteniu", "held_office", "asserted")),
    ("Trotsky became a Bolshevik in 1917.", {"Trotsky": "trotsky"}, ("trotsky", "member_of", "asserted")),
    ("Trotsky was accused of being a Gestapo agent.", {"Trotsky": "trotsky"}, ("trotsky", "charged", "asserted")),
    ("Lenin came in. His body was found in the canal.", {"Lenin": "lenin"}, ("lenin", "died", "asserted")),
    # reed-1919-karll (the page's typo kept: the parse then rests the death on her body alone)
    ("Rosa Luxemburg fled. She war beaten to death by a “white-collar mob,” and her body thrown into the canal.",
     {"Rosa Luxemburg": "luxemburg"}, ("luxemburg", "died", "asserted")),
    ("They read a report by Professor Cox.", {"Professor Cox": "cox"}, ("cox", "wrote", "asserted")),
    # buying the book later does not make its author's writing a prediction
    ("Those of you who liked Losey’s film should nip smartly out and buy 50p worth of Mosley’s book.",
     {"Mosley": "mosley"}, ("mosley", "wrote", "asserted")),
]


@pytest.mark.parametrize("text,people,claim", ROUND5_NOT, ids=[c[2][0] + "-" + c[2][1] for c in ROUND5_NOT])
def test_round5_no_such_claim(nlp, text, people, claim):
    got = claims(nlp, text, people)
    assert claim not in got, got


@pytest.mark.parametrize("text,people,claim", ROUND5_CONTROLS, ids=[c[2][0] + "-" + c[2][1] for c in ROUND5_CONTROLS])
def test_round5_control_keeps_its_claim(nlp, text, people, claim):
    got = claims(nlp, text, people)
    assert claim in got, got


def test_a_source_named_between_commas_tells_the_whole_sentence(nlp):
    from witness.claims import extract_claims
    from witness.claims.gold import make_document
    text = "From 1905, when Stalin first met Lenin, to the very end, says Duranty, the former never wavered in allegiance."
    got = {(c.subject, c.predicate, c.certainty, c.attributed_to)
           for c in extract_claims(make_document(text, {"Stalin": "stalin", "Lenin": "lenin"}, "1950"), nlp=nlp)}
    assert ("stalin", "met", "reported", "Duranty") in got
    # … but the writer's own "writes X" is his writing, not something he reports
    got = claims(nlp, "It was the most dynamic representative of the new movement, writes Jeffrey Weeks, the historian.",
                 {"Jeffrey Weeks": "weeks"})
    assert ("weeks", "wrote", "asserted") in got


def test_a_footnote_mark_after_a_full_stop_ends_the_sentence():
    from witness.claims.context import split_sentences
    text = "an end to a separate state apparatus.[29] Lenin's positions merely explain it. He wrote [1] it."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "an end to a separate state apparatus.", "Lenin's positions merely explain it.", "He wrote [1] it."]
