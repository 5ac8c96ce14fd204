"""Population round 8 (population-9.json, seed 2034), read after its blind totals (fourteenth
session): its inflations — a verb's object that is none of it ("he wrote scarcely a paragraph"),
a post someone would prefer to see a person in, a post at whose head someone might one day be.
Each kind on its corpus sentence and on a written control that keeps its claim."""

from __future__ import annotations

import pytest


def claims(nlp, text, people):
    from witness.claims import extract_claims
    from witness.claims.gold import make_document
    return {(c.subject, c.predicate, c.certainty) for c in extract_claims(make_document(text, people, "1950"), nlp=nlp)}


NONE_OF_IT = [
    "Shachtman spoke. But he wrote scarcely a paragraph on the laws of motion of the ‘Bureaucratic Collectivist’ "
    "economy, and made no analysis at all of the specific character of the class struggle within it.",
    "Shachtman spoke. He wrote no book on the economy.",
    "Shachtman spoke. He wrote hardly a line about it.",
    "Shachtman spoke. He wrote not a word about it.",
]


@pytest.mark.parametrize("text", NONE_OF_IT)
def test_an_object_that_is_none_of_it_denies_the_event(nlp, text):
    got = claims(nlp, text, {"Shachtman": "shachtman"})
    assert ("shachtman", "wrote", "denied") in got, got
    assert ("shachtman", "wrote", "asserted") not in got, got


def test_the_controls_of_an_object_stay_asserted(nlp):
    for text in ("Shachtman spoke. He wrote no fewer than ten books.",
                 "Shachtman spoke. He wrote not only books but pamphlets.",
                 "Shachtman spoke. He wrote a book on the economy."):
        assert ("shachtman", "wrote", "asserted") in claims(nlp, text, {"Shachtman": "shachtman"}), text


def test_a_post_someone_would_like_to_see_a_person_in_is_not_held(nlp):
    got = claims(nlp, "It does not ask whether the worker wants to restore the Wittelsbach dynasty, is an "
                      "enthusiastic fan of Ebert, or would prefer to see our friend Brandler as president of the "
                      "German Soviet Republic.", {"Brandler": "brandler", "Ebert": "ebert"})
    assert not any(s == "brandler" and p == "held_office" for s, p, _ in got), got
    got = claims(nlp, "Stalin appointed Kamenev as ambassador to Italy.", {"Kamenev": "kamenev", "Stalin": "stalin"})
    assert ("kamenev", "held_office", "asserted") in got, got


def test_a_post_at_whose_head_someone_might_be_is_not_held(nlp):
    got = claims(nlp, "Change does not just happen, and it certainly doesn’t just come because one day Tony Benn "
                      "might be prime minister at the head of a left-wing Labour government.", {"Tony Benn": "benn"})
    assert ("benn", "held_office", "asserted") not in got, got
    got = claims(nlp, "Later Lenin was at the head of the Moscow Soviet.", {"Lenin": "lenin"})
    assert ("lenin", "held_office", "asserted") in got, got


def test_who_speak_to_others_do_not_meet_each_other(nlp):
    got = claims(nlp, "Speaking to their adherents, who called themselves communists, Marx and Engels said: the "
                      "time has come.", {"Marx": "marx", "Engels": "engels"})
    assert not any(p == "met" for _, p, _ in got), got
    # but persons who meet, with no one else named, meet each other
    got = claims(nlp, "Marx and Engels first met in 1844 in Paris.", {"Marx": "marx", "Engels": "engels"})
    assert {("marx", "met", "asserted"), ("engels", "met", "asserted")} <= got, got
    got = claims(nlp, "Marx and Engels never met.", {"Marx": "marx", "Engels": "engels"})
    assert ("marx", "met", "denied") in got and ("marx", "met", "asserted") not in got, got
    got = claims(nlp, "Marx and Engels met the workers.", {"Marx": "marx", "Engels": "engels"})
    assert not any(p == "met" for _, p, _ in got), got


def test_they_after_the_heirs_of_a_list_are_the_heirs(nlp):
    got = claims(nlp, "Some at least of the ideological heirs of John Stuart Mill, Jevons and Böhm-Bawerk do not try "
                      "to conceal the fact – at least when they are writing for an elite audience.",
                 {"John Stuart Mill": "mill", "Jevons": "jevons", "Böhm-Bawerk": "bohm"})
    assert not any(p == "wrote" for _, p, _ in got), got
    got = claims(nlp, "Babeuf and Darthé were tried. They were sentenced to death.", {"Babeuf": "babeuf", "Darthé": "darthe"})
    assert ("darthe", "sentenced", "asserted") in got, got


def test_a_writer_s_sentence_is_no_court_s(nlp):
    for text in ("There Shachtman ended the quotation, breaking Lenin’s sentence off at a comma.",
                 "Marx’s famous sentence reads: the real history of humanity will begin.",
                 "Nobody can read Morrow’s indignant sentences without coming to our conclusion."):
        got = claims(nlp, text, {"Lenin": "lenin", "Marx": "marx", "Morrow": "morrow", "Shachtman": "shachtman"})
        assert not any(p == "sentenced" for _, p, _ in got), (text, got)
    got = claims(nlp, "Kostov’s sentence was subsequently commuted to life imprisonment.", {"Kostov": "kostov"})
    assert ("kostov", "sentenced", "asserted") in got, got
    got = claims(nlp, "In 1935, Smirnov, having served his sentence, was able to live two months at liberty.",
                 {"Smirnov": "smirnov"})
    assert ("smirnov", "sentenced", "asserted") in got, got
