"""Claims extraction: predicates, certainty, the seed document, dates, and "a rumor never becomes a fact"."""

from __future__ import annotations

import pytest

from witness.claims import extract_claims, extract_claims_many
from witness.claims.gold import make_document, place_mentions
from witness.model import HEDGED, Document, Record, Source

from claims_cases import CERTAINTY_CASES, PEOPLE, PREDICATE_CASES

FACT = ("asserted", "confirmed")


def triples(claims):
    return {(c.subject, c.predicate, c.certainty) for c in claims}


@pytest.fixture(scope="session")
def case_results(nlp):
    cases = PREDICATE_CASES + CERTAINTY_CASES
    docs = [make_document(t, PEOPLE, "1937-08-28") for t, _ in cases]
    return dict(zip([t for t, _ in cases], extract_claims_many(docs, nlp=nlp)))


@pytest.mark.parametrize("text,expected", PREDICATE_CASES, ids=[t[:40] for t, _ in PREDICATE_CASES])
def test_predicate(case_results, text, expected):
    assert triples(case_results[text]) == expected


@pytest.mark.parametrize("text,expected", CERTAINTY_CASES, ids=[t[:40] for t, _ in CERTAINTY_CASES])
def test_certainty(case_results, text, expected):
    assert triples(case_results[text]) == expected


def test_evidence_is_the_sentence(case_results):
    text = "Petrov spoke at the congress. He was arrested a week later."
    [claim] = case_results[text]
    assert text[claim.evidence.start:claim.evidence.end] == "He was arrested a week later."


def test_objects(nlp):
    doc = make_document("Petrov was charged with sabotage and sentenced to ten years of hard labour. "
                        "Ivanov was expelled from the Party.", PEOPLE)
    got = {(c.subject, c.predicate): c.object for c in extract_claims(doc, nlp=nlp)}
    assert got[("petrov", "charged")] == "sabotage"
    assert got[("petrov", "sentenced")] == "ten years of hard labour"
    assert got[("ivanov", "expelled")] == "Party"


def test_reported_names_its_source(nlp):
    doc = make_document("Pravda announced that Petrov had been charged.", PEOPLE)
    [c] = extract_claims(doc, nlp=nlp)
    assert (c.certainty, c.attributed_to) == ("reported", "Pravda")


def test_quoted_speaker_is_reported(nlp):
    text = ("Radek declared: “Petrov was arrested in May.”\n\nRADEK: Ivanov was shot.\n\n"
            "Sidorov: I was arrested in 1936.")
    claims = extract_claims(make_document(text, PEOPLE, "1937"), nlp=nlp)
    got = {(c.subject, c.predicate): (c.certainty, c.attributed_to) for c in claims}
    assert got[("petrov", "arrested")] == ("reported", "Radek")
    assert got[("ivanov", "executed")] == ("reported", "Radek")
    assert got[("sidorov", "arrested")] == ("reported", "Sidorov")


def test_ambiguous_pronoun_gives_no_claim(nlp):
    doc = make_document("Petrov met Ivanov and Sidorov at the station. Later him they shot.", PEOPLE)
    assert ("executed" not in {c.predicate for c in extract_claims(doc, nlp=nlp)})


def test_parenthetical_fates(nlp):
    doc = make_document("He worked with Petrov (shot), Ivanov (disappeared, probably shot) and "
                        "Sidorov (shot in January 1937).", PEOPLE, "1938")
    got = triples(extract_claims(doc, nlp=nlp))
    assert {("petrov", "executed", "asserted"), ("ivanov", "disappeared", "asserted"),
            ("ivanov", "executed", "uncertain"), ("sidorov", "executed", "asserted")} <= got
    dates = {c.date for c in extract_claims(doc, nlp=nlp) if c.subject == "sidorov"}
    assert dates == {"1937-01"}


def test_aside_inside_a_quotation_is_reported(nlp):
    doc = make_document("Radek declared: “I worked with Petrov (shot) for years.”", PEOPLE, "1938")
    got = {(c.subject, c.predicate): c.certainty for c in extract_claims(doc, nlp=nlp)}
    assert got[("petrov", "executed")] == "reported"


def test_dates_resolved_against_document(nlp):
    doc = make_document("Petrov was arrested last July.\n\nIvanov was arrested in September 1934 "
                        "and shot the following year.\n\nSidorov was released three months ago.",
                        PEOPLE, "1937-08-28")
    got = {(c.subject, c.predicate): c.date for c in extract_claims(doc, nlp=nlp)}
    assert got == {("petrov", "arrested"): "1937-07", ("ivanov", "arrested"): "1934-09",
                   ("ivanov", "executed"): "1935", ("sidorov", "released"): "1937-05"}


def test_no_date_rather_than_a_wrong_one(nlp):
    # "last July" in a document dated only by year; "yesterday" inside a narrative dated "June 1937"
    doc = make_document("Petrov was arrested last July.", PEOPLE, "1937")
    assert [c.date for c in extract_claims(doc, nlp=nlp)] == [None]
    doc = make_document("June 1937. Petrov was arrested yesterday in Barcelona.", PEOPLE, "1937-08-25")
    assert [c.date for c in extract_claims(doc, nlp=nlp)] == [None]


def test_weekday_counted_back_from_the_documents_day(nlp):
    # 24 July 2004 was a Saturday: "on Sunday" is the 18th
    doc = make_document("Socialists are mourning Petrov, who died on Sunday.", PEOPLE, "2004-07-24")
    assert [(c.predicate, c.date) for c in extract_claims(doc, nlp=nlp)] == [("died", "2004-07-18")]
    for text, date in (("Petrov was arrested on Saturday.", "2004-07-24"),   # the document's own weekday
                       ("Petrov was arrested on Sunday.", "2004-07")):       # no day to count from
        assert [c.date for c in extract_claims(make_document(text, PEOPLE, date), nlp=nlp)] == [None]
    doc = make_document("In 1937 Petrov was arrested on Sunday.", PEOPLE, "2004-07-24")
    assert [c.date for c in extract_claims(doc, nlp=nlp)] == ["1937"]     # the narrative's Sunday
    doc = make_document("Petrov will be released on Sunday.", PEOPLE, "2004-07-24")
    assert {c.date for c in extract_claims(doc, nlp=nlp)} <= {None}
    doc = make_document("Petrov was arrested on Sunday, 12 May 1935.", PEOPLE, "2004-07-24")
    assert [c.date for c in extract_claims(doc, nlp=nlp)] == ["1935-05-12"]


# -- the seed document -------------------------------------------------------------------------
SEED_PEOPLE = {"Yagoda": "yagoda-genrikh", "Henry Grigorievitch Yagoda": "yagoda-genrikh",
               "Christian Rakowsky": "rakovsky-christian", "Leon Sosnovsky": "sosnovsky-lev",
               "Sosnovsky": "sosnovsky-lev", "General Putna": "putna-vitovt", "Kalinin": "kalinin-mikhail",
               "Stalin": "stalin-joseph", "Zinoviev": "zinoviev-grigory"}


@pytest.fixture(scope="session")
def seed_claims(seed_text, nlp):
    text = seed_text.read_text(encoding="utf-8")
    doc = make_document(text, SEED_PEOPLE, "1937-08-28", doc_id="seed")
    return doc, extract_claims(doc, nlp=nlp)


def test_seed_rakovsky_sosnovsky_putna(seed_claims):
    doc, claims = seed_claims
    got = triples(claims)
    assert ("rakovsky-christian", "arrested", "confirmed") in got
    assert ("sosnovsky-lev", "executed", "rumored") in got
    assert ("putna-vitovt", "executed", "rumored") in got
    for c in claims:
        if c.predicate == "executed" and c.subject in ("sosnovsky-lev", "putna-vitovt"):
            assert c.certainty not in FACT
            assert "has been shot in prison without trial" in doc.text[c.evidence.start:c.evidence.end]


def test_seed_yagoda_charge_reported_from_communique(seed_claims):
    _doc, claims = seed_claims
    [c] = [c for c in claims if c.subject == "yagoda-genrikh" and c.certainty == "reported"]
    assert c.predicate == "charged"
    assert c.attributed_to == "Government communiqué, signed by Kalinin"
    assert c.object.startswith("Malfeasance in office")
    # the communiqué's own description is the author's: Kalinin signed it
    signed = {c.certainty for c in claims if c.subject == "kalinin-mikhail" and c.predicate == "signed"}
    assert signed == {"asserted"}, signed


def test_seed_html_through_the_reader(seed_html, corpus_root, nlp):
    from witness.ingest import read_path
    from witness.ingest.base import Read
    out = read_path(seed_html, corpus_root)
    assert isinstance(out, Read)
    doc = out.document
    doc.mentions = place_mentions(doc.text, SEED_PEOPLE)
    got = triples(extract_claims(doc, nlp=nlp))
    assert ("rakovsky-christian", "arrested", "confirmed") in got
    assert ("putna-vitovt", "executed", "rumored") in got


# -- a rumor never becomes a fact --------------------------------------------------------------
NEVER_INFLATED = {
    "rumored": ["It is rumored that Petrov was shot.", "Rumors say Petrov has been arrested.",
                "Petrov has reportedly been executed in his cell.",
                "It is said that Petrov, whose arrest was confirmed last week, has been shot."],
    "reported": ["Pravda reports that Petrov was shot.", "According to Izvestia, Petrov was arrested.",
                 "Ivanov testified that Petrov had been sentenced to death.",
                 "The communiqué announced the execution of Petrov."],
    "uncertain": ["Perhaps Petrov has been shot.", "Nothing is known about whether Petrov was arrested.",
                  "Petrov may have been shot.", "It is not known whether Petrov was executed.",
                  "Has Petrov been shot?"],
    "denied": ["Petrov was not arrested.", "It is false that Petrov was shot.",
               "Pravda denied that Petrov had been executed.", "Petrov was spared."],
    "predicted": ["Petrov will be shot.", "Petrov is doomed.  He will be executed.",
                  "The execution of Petrov is expected soon.",
                  "Petrov is still free. His arrest is only a matter of time."],
}


@pytest.mark.parametrize("certainty", HEDGED)
def test_never_inflated_written(nlp, certainty):
    docs = [make_document(t, PEOPLE, "1937") for t in NEVER_INFLATED[certainty]]
    for text, claims in zip(NEVER_INFLATED[certainty], extract_claims_many(docs, nlp=nlp)):
        about = [c for c in claims if c.subject == "petrov" and c.predicate != "held_office"]
        assert about, text
        assert all(c.certainty not in FACT for c in about), (text, triples(about))


# Real corpus sentences, one or more per hedged value (surface names placed by hand).
CORPUS_HEDGED = [
    # archive/serge/1937/08/yagoda.htm
    ("rumored", "sosnovsky-lev", "executed",
     "It even casts into the shade the arrest, which has firmly been confirmed, of Christian Rakowsky, "
     "and the rumors that Leon Sosnovsky, like General Putna, has been shot in prison without trial.",
     {"Christian Rakowsky": "rakovsky-christian", "Leon Sosnovsky": "sosnovsky-lev",
      "General Putna": "putna-vitovt"}),
    # archive/serge/1938/02/sedov.htm
    ("rumored", "sedov-sergei", "exiled",
     "His younger son, Sergei Sedov, disappeared in Moscow. We heard he was deported to Krasnoyarsk, and then "
     "agency despatches reported his arrest in this town.", {"Sergei Sedov": "sedov-sergei"}),
    # archive/serge/1938/02/sedov.htm: a report its teller calls "admittedly unconfirmed" is passed
    # on as a rumour (judged an artefact as "reported" by two blind judges, 2026-12-06 round 3)
    ("rumored", "wolf-erwin", "executed",
     "Erwin Wolf, who was Trotsky’s secretary in Oslo, has disappeared (and an agency report – admittedly "
     "unconfirmed – has announced that Erwin Wolf has been shot in Moscow, at the beginning of February.)",
     {"Erwin Wolf": "wolf-erwin", "Trotsky": "trotsky-leon"}),
    ("reported", "sedov-sergei", "arrested",
     "His younger son, Sergei Sedov, disappeared in Moscow. We heard he was deported to Krasnoyarsk, and then "
     "agency despatches reported his arrest in this town.", {"Sergei Sedov": "sedov-sergei"}),
    # archive/serge/1938/01/hangman.htm
    ("uncertain", "bukharin-nikolai", "executed",
     "The secret execution of one of the most remarkable theoreticians of Bolshevism, Nikolai Bukharin, "
     "appears to be confirmed.", {"Nikolai Bukharin": "bukharin-nikolai"}),
    ("uncertain", "alksnis-yakov", "executed",
     "Alksnis is believed to have been shot, as well as the pioneer in Soviet aircraft, Engineer Tupoloff.",
     {"Alksnis": "alksnis-yakov", "Engineer Tupoloff": "tupolev-andrei"}),
    # archive/serge/1937/10/envoy.htm
    ("uncertain", "sulimov-daniil", "executed",
     "Sulimov, President of the Council of the Great Russian republic (R.S.F.S.R.) up to the beginning of the "
     "current year, is likewise in prison assuming that he has not been executed in the meantime.",
     {"Sulimov": "sulimov-daniil"}),
    ("predicted", "antonov-ovseenko-vladimir", "disappeared",
     "Well, Antonov-Ovseyenko is going back. His disappearance is only a matter of time.",
     {"Antonov-Ovseyenko": "antonov-ovseenko-vladimir"}),
    ("predicted", "krylenko-nikolai", "disappeared",
     "The new People’s Commissar of Justice of the R.S.F.S.R, replacing the demoted Krylenko (who is also "
     "bound to disappear), knows this, sees it, feels that he is lost.", {"Krylenko": "krylenko-nikolai"}),
    # archive/glass/1938/03/rakovsky.htm
    ("denied", "rakovsky-christian", "executed",
     "Piatakov is dead, but presumably Yurenev and Bogomolov are still sufficiently alive to be brought into "
     "a new treason trial. This is why Rakovsky’s life has been spared.",
     {"Rakovsky": "rakovsky-christian", "Piatakov": "pyatakov-georgy"}),
    # archive/sedova-natalia/1935/06/sergei.htm
    ("denied", "sedov-sergei", "member_of",
     "Sergei never occupied himself with political questions; he was not even a member of the Communist "
     "Youth (Komsomol).", {"Sergei": "sedov-sergei"}),
]


@pytest.mark.parametrize("expected,subject,predicate,text,people", CORPUS_HEDGED,
                         ids=[f"{c[0]}-{c[1]}" for c in CORPUS_HEDGED])
def test_never_inflated_corpus(nlp, expected, subject, predicate, text, people):
    claims = extract_claims(make_document(text, people, "1938"), nlp=nlp)
    about = [c for c in claims if c.subject == subject and c.predicate == predicate]
    assert about, triples(claims)
    assert all(c.certainty not in FACT for c in about), triples(about)
    assert expected in {c.certainty for c in about}


def test_document_is_not_modified(nlp):
    doc = make_document("Petrov was arrested.", PEOPLE)
    before = doc.to_json()
    extract_claims(doc, nlp=nlp)
    assert doc.to_json() == before


def test_empty_document(nlp):
    doc = Document(id="e", source=Source("e.txt", "text", ""), record=Record(), text="")
    assert extract_claims(doc, nlp=nlp) == []


# -- false deaths found on Trotsky's person page (whole-corpus run) ------------------------------
TROTSKY = {"Leon Trotsky": "trotsky-leon", "Trotsky": "trotsky-leon", "Leon Trotzki": "trotsky-leon",
           "Radek": "radek", "Stalin": "stalin"}


def test_a_date_that_belongs_to_another_event_is_not_taken(nlp):
    """grant-1990-relevance: the birth date is not the assassination's date."""
    doc = make_document("It is now the fiftieth anniversary of the assassination of Leon Trotsky by an agent "
                        "of Stalin and more than one hundred and ten years since his birth on October 26, 1879.",
                        TROTSKY, "1990")
    died = [c for c in extract_claims(doc, nlp=nlp) if c.predicate == "died"]
    assert [(c.subject, c.date) for c in died] == [("trotsky-leon", None)]


def test_a_date_inside_an_apposition_or_another_conjunct_is_not_taken(nlp):
    """Judged artefacts (2026-12-06): shachtma's "the murder of Liebknecht and Luxemburg and the
    betrayal of the revolution of 1918" (they were killed in 1919); "the death of Malatesta,
    leader of the Ancona revolt of 1914" (he died in 1932)."""
    people = {"Liebknecht": "liebknecht", "Luxemburg": "luxemburg", "Malatesta": "malatesta"}
    doc = make_document("The Stalinists have often referred to the murder of Liebknecht and Luxemburg and the "
                        "betrayal of the revolution of 1918. Berneri, spiritual leader of Italian anarchism since "
                        "the death of Malatesta, leader of the Ancona revolt of 1914, escaped.", people, "1937")
    died = sorted((c.subject, c.date) for c in extract_claims(doc, nlp=nlp) if c.predicate == "died")
    assert died == [("liebknecht", None), ("luxemburg", None), ("malatesta", None)]
    # a date on the event itself is still taken
    doc = make_document("The murder of Liebknecht in January 1919 shocked the party.", people, "1937")
    assert [(c.subject, c.date) for c in extract_claims(doc, nlp=nlp) if c.predicate == "died"] == \
        [("liebknecht", "1919-01")]


def test_a_day_and_month_without_a_year(nlp):
    """Issue 15 (dates filled wherever the text gives them): a report dated to the day gives its
    year to "on 16 January"; a chapter dated only by month, or a paragraph naming another year,
    does not (the dev page dated 1879-10 by Trotsky's birth would have put his 1906 letters in 1879)."""
    people = {"Petrov": "petrov"}
    dated = make_document("Petrov was arrested on 16 January at his flat.", people, "1937-01-20")
    assert [c.date for c in extract_claims(dated, nlp=nlp) if c.predicate == "arrested"] == ["1937-01-16"]
    for text, date in (("Petrov was arrested on 16 January at his flat.", "1937-01"),
                       ("Petrov was arrested on 26 January at his flat.", "1937-01-20"),   # not yet reached
                       ("Petrov was born in 1879. He was arrested on 16 January.", "1937-01-20")):
        assert [c.date for c in extract_claims(make_document(text, people, date), nlp=nlp)
                if c.predicate == "arrested"] == [None], text


def test_the_date_of_a_triggers_own_complement(nlp):
    """chicherin-1921-12-orient: "appointed to represent Soviet Russia at Angora on 3 May 1921"."""
    doc = make_document("Comrade Petrov was appointed to represent Soviet Russia at Angora on May 3, 1921.",
                        {"Petrov": "petrov"}, "1921-12")
    assert [(c.predicate, c.date) for c in extract_claims(doc, nlp=nlp)] == [("held_office", "1921-05-03")]


def test_the_german_article_die_is_not_a_death(nlp):
    """radek-1922-paths-note: a German book title in a citation."""
    doc = make_document("Leon Trotzki, Vorwort zur russischen Aufgabe (4 May 1923), Die Grundfragen der "
                        "Revolution, 2. Auflage, Hamburg: C. Hoym, 1923, p. X.", TROTSKY, "1922")
    assert [c for c in extract_claims(doc, nlp=nlp) if c.predicate == "died"] == []


def test_a_counterfactual_is_not_a_fact(nlp):
    """mandel-1947-07-trotsky: "had Trotsky died in 1923" (he did not)."""
    doc = make_document("One trembles at the thought of what would have happened had Trotsky died in 1923.",
                        TROTSKY, "1947-08")
    died = [c for c in extract_claims(doc, nlp=nlp) if c.predicate == "died"]
    assert died and all(c.certainty in HEDGED for c in died)
    doc = make_document("Had Radek been arrested in 1927, the Opposition would have collapsed.", TROTSKY, "1947")
    assert [c.certainty for c in extract_claims(doc, nlp=nlp) if c.predicate == "arrested"] == ["uncertain"]


def test_wrong_subjects_behind_false_deaths(nlp):
    people = {"Trotsky": "trotsky", "Adolf Ioffe": "ioffe", "Mayakovsky": "mayakovsky", "Stalin": "stalin"}

    def got(text, date="1990"):
        return {(c.subject, c.predicate, c.certainty) for c in extract_claims(make_document(text, people, date),
                                                                              nlp=nlp)}
    # cliff-works-1993-trotsky4-04-trotussr: the relative clause is about the appositive's anchor
    assert got("She was the widow of Adolf Ioffe, an old comrade-in-arms of Trotsky, who committed "
               "suicide on 10 November 1927.") == {("ioffe", "died", "asserted")}
    # widgery-1972-xx-mayakovsky: a reflexive is the clause's own subject, and it is a suicide
    assert got("Stalin was furious. On 14th April 1930, Mayakovsky shot himself with a revolver.") == \
        {("mayakovsky", "died", "asserted")}
    # shachtma-1940-09-murder1: "almost murdered" says he was not
    assert got("Trotsky and other members of his household were almost murdered in the dead of night.") == \
        {("trotsky", "died", "denied")}


# -- false denials behind the largest contradiction groups (whole corpus) -----------------------
FALSE_DENIALS = [
    # hallas-works-1985-comintern-ch4: "not … until" says when it happened
    ("Lenin suffered a stroke. A fourth, in March 1923, ended his political life, though he did not "
     "die physically until January 1924.", ("lenin", "died", "asserted", "1924-01")),
    # hansen-1942-11-shachtman
    ("Not until Trotsky was assassinated did this self-styled friend begin writing honeyed articles.",
     ("trotsky", "died", "asserted", None)),
    # hansen-1954-xx-bernstein: the event is the subject of "denied", not what is denied
    ("Not even the death of Marx denied their ranks.", ("marx", "died", "asserted", None)),
    # klugmann-1953-04-legacy: "at his death" is when they slandered him, not what was slandered
    ("They feared and slandered Stalin in his life and they feared and slandered him at his death.",
     ("stalin", "died", "asserted", None)),
    # cliff-bio-birchall-sw: "did not fit" negates the analysis, not the death
    ("The analysis Trotsky had left at his death did not fit the post-war world.",
     ("trotsky", "died", "asserted", None)),
]


@pytest.mark.parametrize("text, expected", FALSE_DENIALS)
def test_false_denials(nlp, text, expected):
    people = {"Lenin": "lenin", "Trotsky": "trotsky", "Marx": "marx", "Stalin": "stalin"}
    got = [(c.subject, c.predicate, c.certainty, c.date)
           for c in extract_claims(make_document(text, people, "1985"), nlp=nlp) if c.predicate == "died"]
    assert got == [expected]


def test_real_denials_stay_denied(nlp):
    people = {"Petrov": "petrov", "Sosnovsky": "sosnovsky"}
    for text in ("Petrov did not die in prison.", "The execution of Petrov did not take place.",
                 "Contrary to the reports, Sosnovsky was not shot in 1937.",
                 "The government denied the death of Petrov."):
        got = {(c.subject, c.certainty) for c in extract_claims(make_document(text, people, "1937"), nlp=nlp)
               if c.predicate in ("died", "executed")}
        assert got and all(cert == "denied" for _, cert in got), (text, got)


def test_a_pronoun_in_a_relative_clause_about_someone_unnamed(nlp):
    """mehring-1918-marx-ch02: the father-in-law died in 1842, not Marx."""
    people = {"Marx": "marx", "Petrov": "petrov"}
    text = ("In addition, Marx fell ill, as also did his father-in-law, who was bedridden for three "
            "months until he died on 3 March 1842.")
    assert [c for c in extract_claims(make_document(text, people, "1918"), nlp=nlp) if c.predicate == "died"] == []
    # A named antecedent still gets its claim.
    text = "Petrov, who was ill for months until he died in 1938, never recanted."
    assert {(c.subject, c.predicate) for c in extract_claims(make_document(text, people, "1940"), nlp=nlp)} \
        == {("petrov", "died")}


def test_the_danger_of_an_event_is_not_the_event(nlp):
    """arnot-page-1937-russ-rev-2-01: "so great was the danger of his assassination"."""
    text = ("The Central Committee of the Party decided that Lenin must go into hiding, so great was "
            "the danger of his assassination.")
    got = [c.certainty for c in extract_claims(make_document(text, {"Lenin": "lenin"}, "1937"), nlp=nlp)
           if c.predicate == "died"]
    assert got and all(c in HEDGED for c in got)


def test_spare_means_a_reprieve_only_with_a_life_in_it(nlp):
    people = {"Lenin": "lenin", "Radek": "radek", "Dan": "dan"}

    def got(text):
        return {(c.subject, c.predicate, c.certainty)
                for c in extract_claims(make_document(text, people, "1938"), nlp=nlp)}
    # shachtma-1938-05-len-lux: criticism, not an execution denied
    assert {t for t in got("The Menshevik Dan, who did not spare Lenin for his organizational regime, sought to "
                           "exploit the criticism.") if t[1] == "executed"} == set()
    assert ("radek", "executed", "denied") in got("Radek was spared.")
    assert ("radek", "executed", "denied") in got("Stalin spared Radek from execution.")
    assert ("radek", "executed", "denied") in got("Radek's life has been spared.")


def test_spared_something_else_is_no_reprieve(nlp):
    people = {"Miliband": "miliband", "Marx": "marx"}
    for text in ("Miliband was not spared the denigration himself.",
                 "In addition, Marx was not to be spared the misfortunes which attended him in business."):
        assert [c for c in extract_claims(make_document(text, people, "1990"), nlp=nlp)
                if c.predicate == "executed"] == [], text


# -- frames that are not the event (claims.md) ---------------------------------------------------
from claims_cases import FRAME_CASES, INFLATION_CASES  # noqa: E402


@pytest.mark.parametrize("text,expected", FRAME_CASES, ids=[t[:40] for t, _ in FRAME_CASES])
def test_frame(nlp, text, expected):
    claims = extract_claims(make_document(text, PEOPLE, "1937-08-28"), nlp=nlp)
    assert {t for t in triples(claims) if t[1] != "held_office"} == expected


@pytest.mark.parametrize("text,people,subject,predicate", INFLATION_CASES,
                         ids=[f"{c[2]}-{c[3]}" for c in INFLATION_CASES])
def test_inflation_kinds_never_asserted(nlp, text, people, subject, predicate):
    claims = extract_claims(make_document(text, people, "1936"), nlp=nlp)
    about = [c for c in claims if c.subject == subject and c.predicate == predicate]
    assert all(c.certainty not in FACT for c in about), triples(about)


def test_testimony_frame_names_its_speaker(nlp):
    [c] = extract_claims(make_document("Ivanov testifies that he met Petrov in 1932.", PEOPLE, "1936"), nlp=nlp)
    assert (c.certainty, c.attributed_to) == ("reported", "Ivanov")


# -- the extraction errors behind issue 18's false contradictions --------------------------------
def _claims(nlp, text, people, date="1960"):
    return extract_claims(make_document(text, people, date), nlp=nlp)


def test_compound_numbers_in_relative_dates(nlp):
    """"his death … twenty-five years ago" is not "five years ago"."""
    got = [(c.predicate, c.date) for c in _claims(nlp, "Trotsky's death twenty-five years ago shook the movement.",
                                                  {"Trotsky": "trotsky"}, "1965")]
    assert got == [("died", "1940")]


def test_relative_dates_in_a_quoted_speech_count_from_the_speech(nlp):
    """Lenin in 1903 saying "Marx died here twenty years ago", reprinted in 1973."""
    people = {"Lenin": "lenin", "Marx": "marx"}
    got = [(c.subject, c.date) for c in _claims(nlp, "In 1903 Lenin said in London: “Marx died here twenty years "
                                                "ago, and we must honour him.”", people, "1973") if c.predicate == "died"]
    assert got == [("marx", "1883")]
    # a speech the text does not date: no date rather than one counted from the reprint
    got = [c.date for c in _claims(nlp, "Lenin said in London: “Marx died here twenty years ago.”", people, "1973")
           if c.predicate == "died"]
    assert got == [None]


def test_a_letters_own_date_is_its_now(nlp):
    doc = make_document("Petrov was arrested three months ago.", PEOPLE, "1973")
    doc.record.written = "1937-08-28"                 # a letter of 1937 published in 1973
    assert [c.date for c in extract_claims(doc, nlp=nlp)] == ["1937-05"]


def test_citations_and_titles_yield_no_events(nlp):
    """"(Leon Trotsky, The Kirov Assassination, February 1935)" is a citation, not Kirov's death."""
    people = {"Leon Trotsky": "trotsky", "Kirov": "kirov"}
    got = _claims(nlp, "The terror began at once (Leon Trotsky, The Kirov Assassination, February 1935).", people)
    assert [c for c in got if c.predicate == "died"] == []


def test_a_name_inside_a_title_is_not_its_author(nlp):
    """mandel-19xx-marx-hist-glossary: Böhm-Bawerk wrote "Karl Marx and the End of his System"."""
    people = {"Böhm-Bawerk": "bohm-bawerk", "Karl Marx": "marx"}
    got = _claims(nlp, "Böhm-Bawerk, Eugen von (1815-1914): Austrian economist, the founder of the marginalist "
                       "theory of value; wrote Karl Marx and the End of his System in 1887.", people)
    assert {(c.subject, c.predicate) for c in got if c.predicate == "wrote"} == {("bohm-bawerk", "wrote")}


def test_a_possessive_is_no_antecedent_for_he(nlp):
    """hallas-works-1976-09-su1: "…close to Lenin’s of 1920-21, … he wrote, in … 1931" is Trotsky."""
    text = ("Trotsky introduced a crucial innovation into the concept.\n\nStarting from a conception close to "
            "Lenin’s of 1920-21, and allowing for the degeneration since then, he wrote, in a major theoretical "
            "article in 1931: the state is ours.")
    got = {(c.subject, c.predicate) for c in _claims(nlp, text, {"Lenin": "lenin", "Trotsky": "trotsky"})}
    assert ("lenin", "wrote") not in got and ("trotsky", "wrote") in got


def test_a_trial_named_after_its_victim(nlp):
    """"the Kirov trial": Kirov was its victim, not its defendant."""
    got = {(c.subject, c.predicate) for c in _claims(
        nlp, "Kirov was murdered in December 1934. The Kirov trial followed, and then the Zinoviev trial.",
        {"Kirov": "kirov", "Zinoviev": "zinoviev"})}
    assert ("kirov", "tried") not in got and ("zinoviev", "tried") in got


def test_a_negation_belongs_to_its_own_verb(nlp):
    """"The death of Rosa Luxemburg and Karl Liebknecht … did not daunt her" is no denied death."""
    got = {(c.subject, c.certainty) for c in _claims(
        nlp, "The death of Rosa Luxemburg and Karl Liebknecht in January 1919 did not daunt her.",
        {"Rosa Luxemburg": "luxemburg", "Karl Liebknecht": "liebknecht"}) if c.predicate == "died"}
    assert got == {("luxemburg", "asserted"), ("liebknecht", "asserted")}


EVENT_CASES = [
    ("Petrov is now in exile in Rome.", {("petrov", "exiled", "asserted")}),
    ("Petrov very nearly lost his life on the ice.", {("petrov", "died", "denied")}),
    ("Petrov and Ivanov were the chief defendants in the trial.", {("petrov", "tried", "asserted"),
                                                                    ("ivanov", "tried", "asserted")}),
    ("Born in Odessa in 1881, Petrov left school at twelve.", {("petrov", "born", "asserted")}),
    ("Petrov was hanged in 1887.", {("petrov", "executed", "asserted")}),
    ("Petrov fled to Paris in 1920.", {("petrov", "exiled", "asserted")}),
    ("Petrov was thrown into jail.", {("petrov", "imprisoned", "asserted")}),
]


@pytest.mark.parametrize("text,expected", EVENT_CASES, ids=[t[:40] for t, _ in EVENT_CASES])
def test_event_phrasings(nlp, text, expected):
    assert {t for t in triples(_claims(nlp, text, PEOPLE)) if t[1] != "held_office"} == expected


def test_a_plural_pronoun_takes_the_list_just_named(nlp):
    """Issue 10's missed claims: "They were arrested, tried, and hanged in 1887" after a list of
    names; "they" after a sentence naming others beside the list gives nothing."""
    people = {"Babeuf": "babeuf", "Darthé": "darthe", "Petrov": "petrov"}
    got = triples(_claims(nlp, "Babeuf and Darthé led the Conspiracy of Equals. They were arrested, tried, "
                               "and guillotined in 1797.", people, "1800"))
    assert {("babeuf", "executed", "asserted"), ("darthe", "executed", "asserted"),
            ("babeuf", "arrested", "asserted"), ("darthe", "tried", "asserted")} <= got
    got = triples(_claims(nlp, "Babeuf met Petrov and talked with Darthé. They were arrested in 1797.", people, "1800"))
    assert not {t for t in got if t[1] == "arrested"}


def test_what_made_false_contradictions_on_the_1000_page_sample(nlp):
    """bench/claims_audit.py --contradictions: the claims behind the artefacts it showed."""
    people = {"Borodin": "borodin", "Pavel Mif": "mif", "General Galen": "galen", "Vassili Blucher": "galen",
              "Dutt": "dutt", "Klara Zetkin": "zetkin", "Zinoviev": "zinoviev", "Kamenev": "kamenev",
              "Lenin": "lenin"}
    # glass-1957-xx-chinruss: the parenthesis is Galen's fate, not the whole list's
    got = triples(_claims(nlp, "And the Soviet advisers – Borodin, Pavel Mif and General Galen (Vassili Blucher, "
                               "framed up with other Red Army generals and shot by Stalin’s order in 1937).", people))
    assert ("borodin", "executed", "asserted") not in got and ("mif", "executed", "asserted") not in got
    # hallas-works-1993-09-dutt / shachtma-1933-07-zetkin: the explicit date, not "nearly 20 years ago"
    got = [(c.subject, c.predicate, c.date) for c in _claims(
        nlp, "Dutt died nearly 20 years ago (December 1974) and had long outlived his influence.", people, "1993-09")]
    assert got == [("dutt", "died", "1974-12")]
    got = [(c.predicate, c.date) for c in _claims(
        nlp, "Born more than seventy-five years ago, on July 5, 1857, Klara Zetkin became a socialist.", people, "1933")]
    assert [d for p, d in got if p == "born"] in (["1857-07-05"], [None])   # never "1858"
    # cliff-works-1993-trotsky4-14-trials: a hope of being spared denies no execution
    got = triples(_claims(nlp, "Zinoviev and Kamenev were tried. Thus a flicker of hope survived in the defendants’ "
                               "hearts that they would be spared.", people, "1993"))
    assert not {t for t in got if t[1] == "executed"}
    # shachtma-1957-xx-reexamine: nobody's birth is denied
    assert not _claims(nlp, "Lenin was not born at the age of 50 with the owl of Minerva on his shoulder.", people)


# -- inflations found by blind judges on the 1,000-page audit (bench/claims_audit.py) ----------
# (sentence, names, subject, predicate, expected certainty — None: no claim of that predicate)
AUDIT_JUDGED = [
    # archive/neumann/1922/01/marseilles.htm
    ("In the election of the new Comité Directeur Comrade Souvarine, against whom bitter attacks had been "
     "made in the previous sessions, was not re-elected.", {"Comrade Souvarine": "souvarine"},
     "souvarine", "held_office", "denied"),
    # archive/broue/1961/spain-rev/spain.htm
    ("According to Araquistáin, Caballero wanted to answer with a curt refusal to receive such a proposal, made "
     "in yet another letter from Stalin, brought this time by Pascua, the Spanish ambassador in Moscow.",
     {"Araquistáin": "araquistain", "Caballero": "caballero", "Stalin": "stalin"}, "stalin", "wrote", "reported"),
    # archive/weisbord/onesix.htm
    ("If Trotsky is a Menshevik, many good workers will say three cheers for the Mensheviks!",
     {"Trotsky": "trotsky"}, "trotsky", "member_of", "uncertain"),
    # archive/broue/1980/01/bloc.htm
    ("Bulletin, No. 33, publishes a Letter from Moscow, which gives precise information about how a top trade "
     "union leader, Nemchenko, was arrested.", {"Nemchenko": "nemchenko"}, "nemchenko", "arrested", "reported"),
    # archive/shachtma/1943/fnc/nc04.htm
    ("The party can only spread out its hands in bewilderment [said Zinoviev] when it reads in Comrade Trotsky’s "
     "letter an attack upon the direct disciples of Comrade Lenin.", {"Comrade Trotsky": "trotsky"},
     "trotsky", "wrote", "reported"),
    # archive/weisbord/record.htm
    ("By 1926 Stalin had built up his network of slanders and lies to the point where he could get a majority "
     "of one vote in the Polcom for Trotsky’s expulsion.", {"Stalin": "stalin", "Trotsky": "trotsky"},
     "trotsky", "expelled", None),
    # archive/cliff/works/1991/trotsky3/11-smashed.htm
    ("At the Plenum of the Central Committee and the Central Control Commission of 21-23 October Stalin moved "
     "the expulsion of Trotsky and Zinoviev from the Central Committee.",
     {"Stalin": "stalin", "Trotsky": "trotsky", "Zinoviev": "zinoviev"}, "trotsky", "expelled", None),
    # archive/pablo/1946/05/wandf-gov.htm
    ("Urge them to demand the immediate transfer of land to the peasants; suggest to them the necessity of "
     "arresting Rodzyanko and Milyukov, of dispersing the State Duma.", {"Rodzyanko": "rodzyanko",
                                                                        "Milyukov": "milyukov"},
     "rodzyanko", "arrested", None),
    # archive/serge/1924/xx/lenin.htm: a preparation, and a title that is one name's alone
    ("[93] He prepared in detail the execution of Grand Duke Sergei and Prime Minister Von Plehve, one of the "
     "autocracy’s most formidable servants", {"Grand Duke Sergei": "sergei", "Von Plehve": "plehve"},
     "sergei", "held_office", None),
    ("[93] He prepared in detail the execution of Grand Duke Sergei and Prime Minister Von Plehve, one of the "
     "autocracy’s most formidable servants", {"Grand Duke Sergei": "sergei", "Von Plehve": "plehve"},
     "sergei", "executed", None),
    ("He wrote almost nothing on the subject until he went to Spain in 1936.", {"He": "orwell"},
     "orwell", "wrote", "denied"),
    ("The rank and file refused to follow their officers when emissaries dispatched by me to head off and "
     "arrest Krimoff informed the troops.", {"Krimoff": "krimov"}, "krimov", "arrested", "predicted"),
    ("Hitler spoke. It would never have been published had Hitler been a Social Democrat!",
     {"Hitler": "hitler"}, "hitler", "member_of", "uncertain"),
    ("Petrov managed to escape and reach Paris, where he was arrested.", {"Petrov": "petrov"},
     "petrov", "arrested", "asserted"),
    # archive/weisbord/…: "To say he is Menshevik is to fail to prepare the workers for the time when he
    # actually does join the Menshevik camp."
    ("To say Lovestone is Menshevik is to fail to prepare the workers.", {"Lovestone": "lovestone"},
     "lovestone", "member_of", "uncertain"),
    ("The workers must be ready for the time when Lovestone actually does join the Menshevik Party.",
     {"Lovestone": "lovestone"}, "lovestone", "member_of", "predicted"),
    ("There is a special article, no doubt written by Serafino Ramualdi, the stool pigeon expert for the AFL-CIO.",
     {"Serafino Ramualdi": "ramualdi"}, "ramualdi", "wrote", "uncertain"),
    # archive/…: a defendant's account at his trial
    ("During the trial of the Anarchists at Lyons in 1883, the working man Desgranges related how he had become "
     "an Anarchist, he who had formerly taken part in the political movement, and had even been elected a "
     "municipal councillor at Villefranche in November, 1879.", {"Desgranges": "desgranges", "he": "desgranges"},
     "desgranges", "held_office", "reported"),
    # reference/archive/kerensky/1927/catastrophe/ch12.htm: emphasis, not a confirmation
    ("At any rate, it is certain that Alexandra Feodorovna was arrested during the last months of the autocracy.",
     {"Alexandra Feodorovna": "alexandra"}, "alexandra", "arrested", "asserted"),
    # the second judged listing (twelfth session, 644 rows, 6 inflations): each now as its judge said
    ("But, as Clarke points out, many of those now prominent in the Bolshevik Party, including Litvinov, "
     "were in London.", {"Clarke": "clarke", "Litvinov": "litvinov"}, "litvinov", "member_of", "reported"),
    ("[41], but we do not have Sedov’s reply on this point.", {"Sedov": "sedov"}, "sedov", "wrote", "uncertain"),
    ("Federica Montseny informed us after our first edition was in print that the preparation of the attack on "
     "Dato was in fact the work of Ramón Archs, who died under torture.",
     {"Federica Montseny": "montseny", "Ramón Archs": "archs"}, "archs", "died", "reported"),
    ("Condemned to ten years of forced labor at the 1937 Moscow Trial, Radek presumably died or was executed "
     "about 1942.", {"Radek": "radek"}, "radek", "executed", "uncertain"),
    ("Shaw had the audacity to say that he was the only Socialist who ventured to attempt the refutation.",
     {"Shaw": "shaw"}, "shaw", "member_of", "reported"),
    # … and their controls
    ("Nearly everything Trotsky said or wrote relates to some immediate issue.", {"Trotsky": "trotsky"},
     "trotsky", "wrote", "asserted"),
    ("Petrov was never arrested or shot.", {"Petrov": "petrov"}, "petrov", "executed", "denied"),
    ("Petrov was arrested or shot.", {"Petrov": "petrov"}, "petrov", "executed", "uncertain"),
    ("It is enough to say that Lenin died in 1924.", {"Lenin": "lenin"}, "lenin", "died", "asserted"),
    ("We have Sedov’s reply.", {"Sedov": "sedov"}, "sedov", "wrote", "asserted"),
]


@pytest.mark.parametrize("text,people,subject,predicate,expected", AUDIT_JUDGED,
                         ids=[f"{c[2]}-{c[3]}" for c in AUDIT_JUDGED])
def test_audit_judged(nlp, text, people, subject, predicate, expected):
    claims = extract_claims(make_document(text, people, "1938"), nlp=nlp)
    got = {c.certainty for c in claims if c.subject == subject and c.predicate == predicate}
    assert got == ({expected} if expected else set()), triples(claims)


# -- an office said with "as": governed by its verb, unless fronted as the subject's description
# (held-out dev2, rosmer-1955-xx-moscow: "As chairman of the commission, I was supposed to speak
# last" had made the chairmanship uncertain; "never served as ambassador" had been asserted)
AS_OFFICE = [
    ("As chairman of the commission, Petrov was supposed to speak last.", "asserted"),
    ("Petrov never served as ambassador.", "denied"),
    ("Petrov would have served as ambassador.", "uncertain"),
    ("Petrov served as ambassador to Italy.", "asserted"),
]


@pytest.mark.parametrize("text,certainty", AS_OFFICE)
def test_an_office_said_with_as(nlp, text, certainty):
    got = {(c.predicate, c.certainty) for c in extract_claims(make_document(text, PEOPLE, "1950"), nlp=nlp)
           if c.subject == "petrov"}
    assert got == {("held_office", certainty)}


# -- frames around constructions, found by a matrix of every predicate construction under every
# frame kind (7 December 2026): each had given an asserted claim
NEVER_A_FACT = [
    "They hoped for the release of Petrov.",             # the model's lemmatizer: "hoped" → "hop"
    "Petrov was hoping for a rehabilitation of Petrov's name and his release.",
    "The arrest of Petrov would follow.",                 # a conditional on a light verb
    "If Petrov's execution takes place, we will protest.",
    "Nobody believed in Petrov's execution.",             # belief "in", by nobody
    "Petrov was probably exiled.",                        # a hedge on the copula of an adjective-like participle
    "Petrov was not, as claimed, arrested.",              # a parenthesis breaking the passive
    "Was Petrov ever a member of the party?",             # an inverted question read as an apposition
    "Was Petrov ever head of the GPU?",
    "Petrov never served as ambassador.",
    "Neither Petrov nor Ivanov was arrested.",
    "There is no record that Petrov joined the party.",
]


@pytest.mark.parametrize("text", NEVER_A_FACT)
def test_never_a_fact(nlp, text):
    claims = [c for c in extract_claims(make_document(text, PEOPLE, "1950"), nlp=nlp) if c.subject == "petrov"]
    assert all(c.certainty not in FACT for c in claims), triples(claims)
