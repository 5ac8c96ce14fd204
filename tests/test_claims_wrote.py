"""Authorship (`wrote`) said in ways beyond "X wrote": a writer's participle, "Thus wrote X", a
text sent, a work and its author after "by", a citation. Corpus sentences from the blind dev and
training pages' misses (names as in the page), each with controls where the same words name no
author: a speech, a quoter or reader, a letter received, "by" as agency, a book about someone."""

from __future__ import annotations

import pytest

from witness.claims import extract_claims
from witness.claims.gold import make_document

from claims_cases import PEOPLE


def claims(nlp, text, people=PEOPLE):
    return {(c.subject, c.predicate, c.certainty)
            for c in extract_claims(make_document(text, people, "1950"), nlp=nlp)}


def wrote(nlp, text, people=PEOPLE):
    return {(s, c) for s, p, c in claims(nlp, text, people) if p == "wrote"}


WROTE = [
    # a writer's participle: who is writing is the clause's subject or the name it hangs on
    ("R.H.S. Crossman, writing in the New Statesman of October 17, tells us that ‘our first task is not to "
     "rethink our policies once again but to liberalize our institutions.'", {"R.H.S. Crossman": "crossman"},
     {("crossman", "asserted")}),
    ("On this, Stalin, writing in June 1910, made the following comment:", {"Stalin": "stalin"},
     {("stalin", "asserted")}),
    ("Writing in the New Leader, November 8, Petrov says the strike failed.", PEOPLE, {("petrov", "asserted")}),
    ("Petrov was against the principle of the hegemony of the proletariat, writing: “The thesis is borne out "
     "neither by the theories of Marx nor by the facts.”", {"Petrov": "petrov", "Marx": "marx"},
     {("petrov", "asserted")}),
    # quotative inversion after "thus"
    ("Thus wrote Alfred J. Fricd, the theoretician of the Peace movement, seven years ago.",
     {"Alfred J. Fricd": "fried"}, {("fried", "asserted")}),
    # a text sent (or received from someone) is its sender's
    ("In December 19, 1962, Premier Khrushchev sends a letter to President Kennedy suggesting that the time "
     "has come.", {"Premier Khrushchev": "khrushchev", "President Kennedy": "kennedy"},
     {("khrushchev", "asserted")}),
    ("On the following day, Ambassadors Stevenson and McCloy send an eyes-only cable to Secretary Rusk.",
     {"Stevenson": "stevenson", "McCloy": "mccloy", "Secretary Rusk": "rusk"},
     {("stevenson", "asserted"), ("mccloy", "asserted")}),
    ("As late as June 23, 1917, after the first revolution, Brussilov sent an urgent wire to Kerensky, head of "
     "the government, saying:", {"Brussilov": "brusilov", "Kerensky": "kerensky"}, {("brusilov", "asserted")}),
    ("A telegram was received from Pyatnitsky, whose suspicions had been aroused, too.",
     {"Pyatnitsky": "pyatnitsky"}, {("pyatnitsky", "asserted")}),
    ("Khrushchev cites a new document, a “coded telegram” sent by Stalin Jan. 20, 1939 “to the committee "
     "secretaries of oblasts and krais.", {"Stalin": "stalin"}, {("stalin", "asserted")}),
    ("It can be found in the message which Mao sent to the PKI Central Committee on May 20, 1965.",
     {"Mao": "mao"}, {("mao", "asserted")}),
    ("In the memorandum addressed by Ailianos, Minister of the Press, to the British Congress of Trade Unions, "
     "one can discern the number of persons shot.", {"Ailianos": "ailianos"}, {("ailianos", "asserted")}),
    ("Petrov did not send the letter.", PEOPLE, {("petrov", "denied")}),
    ("Ivanov met Petrov, who sent a telegram to Kalinin.", PEOPLE, {("petrov", "asserted")}),
    # a work and its author after "by", however the parser attaches the "by"
    ("A recent issue of the organ of the group contained a lengthy review, by Ken Tarbuck, of the Pluto "
     "booklet.", {"Ken Tarbuck": "tarbuck"}, {("tarbuck", "asserted")}),
    ("The Daily Worker of August 23, 1940, carried an article by J.R. Campbell, in which the tone was set.",
     {"J.R. Campbell": "campbell"}, {("campbell", "asserted")}),
    ("The series is based upon a work which the Party will shortly publish—“The A.B.C. of Communism,” by "
     "Buharin and Preobrashensky.", {"Buharin": "bukharin", "Preobrashensky": "preobrazhensky"},
     {("bukharin", "asserted"), ("preobrazhensky", "asserted")}),
    ("Then it was a paper by William Morris on Art and Socialism which decided him.",
     {"William Morris": "morris"}, {("morris", "asserted")}),
    ("(L. Trotsky, Introduction to Tragedy of the Chinese Revolution, by H. Isaacs) [source]",
     {"L. Trotsky": "trotsky", "H. Isaacs": "isaacs"}, {("trotsky", "asserted"), ("isaacs", "asserted")}),
    ("By David Boulton McGibbon & Kee, 45s.", {"David Boulton": "boulton"}, {("boulton", "asserted")}),
    # a possessive before a title whose last word is a place or a body ("… Revolution", "… Russia")
    ("Comrade Isaacs’ Tragedy of the Chinese Revolution was praised.", {"Isaacs": "isaacs"},
     {("isaacs", "asserted")}),
    ("Petrov’s Lessons of the Russian Revolution appeared in 1917.", PEOPLE, {("petrov", "asserted")}),
    # a work named only by its title where the writer's verb places it
    ("Because of the character of that victory, here is how Engels forecast it in ‘Anti-Dühring’:",
     {"Engels": "engels"}, {("engels", "asserted")}),
    ("This is the crisis which Petrov foresaw in his Grundrisse.", PEOPLE, {("petrov", "asserted")}),
    ("Some months later, in a study devoted to the development of democracy, Petrov attacked the traditional "
     "conception.", PEOPLE, {("petrov", "asserted")}),
    # a text drafted, penned, scrawled; an act done in a letter
    ("On the following day, Lt. Col. James Patchell drafts a proposal for the Pentagon.",
     {"James Patchell": "patchell"}, {("patchell", "asserted")}),
    ("Robert Kennedy scrawls notes on the back of an envelope.", {"Robert Kennedy": "kennedy"},
     {("kennedy", "asserted")}),
    ("At the moment when the young Marx and Engels drafted the Communist Manifesto at Brussels in 1847, there "
     "were scarcely several hundred revolutionary socialists.", {"Marx": "marx", "Engels": "engels"},
     {("marx", "asserted"), ("engels", "asserted")}),
    ("Premier Khrushchev formally agrees to remove the IL-28 s from Cuba in a fourteen-page letter to President "
     "Kennedy.", {"Premier Khrushchev": "khrushchev", "President Kennedy": "kennedy"},
     {("khrushchev", "asserted")}),
    # a newspaper citation with its date
    ("Arms to one side only. (William Hickey in the Daily Express, December 14)", {"William Hickey": "hickey"},
     {("hickey", "asserted")}),
    ("According to Mr. Vernon Bartlett (News-Chronicle, July 25th), the war is near.",
     {"Mr. Vernon Bartlett": "bartlett"}, {("bartlett", "asserted")}),
    ("Fox was joining, chipped in John Strachey (Daily Worker, 5 January 1937, p.1) ‘the great tradition of "
     "English writers’.", {"John Strachey": "strachey"}, {("strachey", "asserted")}),
    # a numbered reference: "Author: Title", but not "Author: Person" (a book about that person)
    ("24. R. Owen: Letters on Education, p. 14.\n\n25. A. J. Booth: Robert Owen, p. 41.",
     {"R. Owen": "owen", "A. J. Booth": "booth", "Robert Owen": "owen"}, {("owen", "asserted")}),
]


@pytest.mark.parametrize("text, people, expected", WROTE)
def test_authorship_said_without_a_subject_of_write(nlp, text, people, expected):
    assert wrote(nlp, text, people) == expected


NOT_WROTE = [
    # a speech, a reader, a quoter, a translator: no author
    ("Petrov, speaking in the Duma, said the strike had failed.", PEOPLE),
    ("First came the reading of telegrams and letters by Comrade Petrov.", PEOPLE),
    ("Judging by the passage cited from this letter by Mr. Petrov, the critic was not pleased.", PEOPLE),
    ("The Coming Storm, translated from the Russian by Ivanov, appeared in 1937.", PEOPLE),
    ("The report by Petrov at the Congress lasted four hours.", PEOPLE),
    # a letter received, or sent on, is not its receiver's or forwarder's
    ("Petrov was sent a letter.", PEOPLE),
    ("Ivanov received a letter.", PEOPLE),
    ("Petrov sent troops to Kronstadt.", PEOPLE),
    # "by" as agency, and scare quotes before an agent
    ("The article was banned by Petrov.", PEOPLE),
    ("By Petrov's order the book was burned.", PEOPLE),
    ("In Madrid the rising was to be “commanded” by Petrov.", PEOPLE),
    ("Marx was received with “the greatest friendliness” by Petrov in Berlin.", PEOPLE),
    ("He organized the \"Chita Republic,\" was seized by Petrov and shot.", PEOPLE),
    ("“Your Post Is Not Yet Taken by Petrov.”", PEOPLE),
    ("The Red Army, by Petrov's account, was built in a year.", PEOPLE),
    ("By that time Petrov had left Moscow.", PEOPLE),
    # a quoted place, a place of his, a verb that is done to the person
    ("Petrov spoke in ‘The Hall of Columns’.", PEOPLE),
    ("Petrov was attacked in ‘Pravda’.", PEOPLE),
    ("Petrov arrived in his Rolls-Royce.", PEOPLE),
    ("Petrov lived in his Moscow flat.", PEOPLE),
    # a text drafted for someone else, a man drafted, a letter read; examples of a non-writer's noun
    ("Stalin drafted Petrov into the army.", {"Stalin": "stalin", "Petrov": "petrov"}),
    ("Petrov was drafted into the army by Ivanov.", PEOPLE),
    ("The committee was composed of Petrov and Ivanov.", PEOPLE),
    ("Petrov learned in a letter that his brother was dead.", PEOPLE),
    ("Petrov was informed in a letter that he had been dismissed.", PEOPLE),
    ("Soldiers such as Petrov and Ivanov died at the front.", PEOPLE),
    # a writer named as an example of writers: no text of theirs is said (the train page's
    # annotator counted "Writers such as Plechanov, Kautsky …"; judged blind on random pages,
    # "the American “beat” writers like Jack Kerouac and Allen Ginsberg" was wrong 3 times in 3)
    ("He was influenced by the American “beat” writers like Petrov and Ivanov.", PEOPLE),
    ("Writers such as Petrov, Ivanov and many others.", PEOPLE),
    ("The report was savaged in the newspapers by journalists like Petrov.", PEOPLE),
    # a place and a date in brackets, a photograph's caption: no periodical
    ("Petrov (Moscow, 1937) was a worker.", PEOPLE),
    ("(Petrov in the Kremlin, 1937)", PEOPLE),
    # a bracketed source after a name is the source of the sentence's fact, not the name's writing
    ("The forces were unified in a single Commissariat under Generalissimo Stalin (Soviet News, 28/2/46).",
     {"Generalissimo Stalin": "stalin"}),
    # anonymous letters sent on are someone else's
    ("Bell, Consul-General at Cologne, on November 14, 1938, sent two anonymous letters to his superior.",
     {"Bell": "bell"}),
    # someone's words are as often spoken as written: no rule reads them (the blind pages disagree)
    ("We remember the inspiring words of Petrov, the flaming tribune of the German proletariat.", PEOPLE),
    # a book about someone, a title after a person it is about, a place or a body after a possessive
    ("His best-known works are Karl Petrov: The Story of His Life, published in 1918.", PEOPLE),
    ("Petrov’s Russia was poor.", PEOPLE),
    ("The Petrov’s Party of the Proletariat was small.", PEOPLE),
    # an underground name in quotation marks before the real name is no quotation (held-out
    # dev2, shliapnikov-1923-eve1917-chap3)
    ("Comrade “Yurii” (Petrov) would invariably stay with him when working in Petersburg.", PEOPLE),
    ("“Sergei” (Petrov) was seized first, followed by “Vladimir” (Ivanov) and others.", PEOPLE),
    # quoting someone else's text (held-out dev2, weisbord-fivesix)
    ("Judge Petrov in handing down the sentence quoted the following letter from the St. Louis office.", PEOPLE),
]


@pytest.mark.parametrize("text, people", NOT_WROTE)
def test_no_author_where_the_words_name_none(nlp, text, people):
    assert wrote(nlp, text, people) == set()


def test_the_addressee_of_a_letter_is_not_its_writer(nlp):
    # "Writing to Engels he declared": the resolver would give "he" to Engels, so no claim at all
    people = {"Marx": "marx", "Engels": "engels"}
    text = "Marx was in London. Writing to Engels he declared that he had nothing to do with the affair."
    assert ("engels", "asserted") not in wrote(nlp, text, people)
    # … and a letter received from someone is the sender's, never the receiver's
    assert wrote(nlp, "Ivanov received a letter from Petrov.") == {("petrov", "asserted")}
    # … and one sent on is its writer's, not the forwarder's
    assert wrote(nlp, "Ivanov sent Petrov's letter to Pravda.") == {("petrov", "asserted")}


def test_a_sent_text_is_dated_by_the_sending(nlp):
    doc = make_document("On August 16, 1867, Petrov finished the proofs and sent a brief note to Ivanov.",
                        PEOPLE, "1950")
    dates = {(c.subject, c.date) for c in extract_claims(doc, nlp=nlp) if c.predicate == "wrote"}
    assert dates == {("petrov", "1867-08-16")}


def test_a_work_by_someone_is_dated_by_the_year_after_it(nlp):
    doc = make_document("This followed the issue of the Communist Manifesto by Marx and Engels in 1847.",
                        {"Marx": "marx", "Engels": "engels"}, "1894")
    dates = {(c.subject, c.date) for c in extract_claims(doc, nlp=nlp) if c.predicate == "wrote"}
    assert dates == {("marx", "1847"), ("engels", "1847")}


def test_a_cited_volume_does_not_date_the_writing(nlp):
    # "Selected Works, Volume 5 (1936)" is an edition: its year would put Lenin's writing after his death
    doc = make_document("– V.I. Lenin, The United States of Europe Slogan (1915), Selected Works, English "
                        "edition, Volume 5 (1936), p. 14.", {"V.I. Lenin": "lenin"}, "1950")
    assert all(c.date != "1936" for c in extract_claims(doc, nlp=nlp))


def test_contradiction_artefacts_of_the_whole_corpus(nlp):
    """Two 'alive after death' flags of a whole-corpus re-extraction (7 December 2026), both
    extraction errors: Engels's preface given to Marx through a broken clause, and a posthumous
    translation's year taken as the writing's."""
    from witness.claims import extract_claims
    from witness.claims.gold import make_document
    people = {"Marx": "marx", "Engels": "engels"}
    text = ("Marx dealt extensively with the crisis of over-production, but in 1886 Engels, in a preface to "
            "Capital, calmly stated that the decennial cycle of prosperity seemed to have come to an end.")
    assert not [c for c in extract_claims(make_document(text, people, "1941"), nlp=nlp) if c.subject == "marx"]
    text = ("In it were Marx’s remarkable articles Einleitung zur Kritik der Hegel’schen Rechtsphilosophie "
            "(Introduction to the Critique of Hegel’s Philosophy of Law) – published in Russian in Geneva in 1888.")
    assert [c.date for c in extract_claims(make_document(text, people, "1892"), nlp=nlp)
            if c.subject == "marx" and c.predicate == "wrote"] in ([], [None])


# A quotation introduced in the literary present ("Sukhanov observes:"): the writer's text.
QUOTED_IN_PRESENT = [
    # training page 32 (cliff-works-1998-09-indonesia)
    ("Sukhanov observes: “Not one party was preparing for the great upheaval.”", {"Sukhanov": "sukhanov"},
     {("sukhanov", "asserted")}),
    ("As Trotsky correctly states:", {"Trotsky": "trotsky"}, {("trotsky", "asserted")}),
    # dev page 53 (kerensky-1919-prelude-ch04)
    ("Mr. Wilcox continues:", {"Wilcox": "wilcox"}, {("wilcox", "asserted")}),
    # written here: the verb between two halves of the quotation, and after a clause
    ("“In practice”, Petrov notes, “as experience was to show, this gave the leadership its power.”", PEOPLE,
     {("petrov", "asserted")}),
    ("Having quoted only these two clauses, Petrov concludes: “The reference to the Assembly has vanished.”",
     PEOPLE, {("petrov", "asserted")}),
    ("Ivanov sums up: “The strike failed.”", PEOPLE, {("ivanov", "asserted")}),
]


@pytest.mark.parametrize("text,people,expected", QUOTED_IN_PRESENT)
def test_a_quotation_introduced_in_the_present_is_the_writers(nlp, text, people, expected):
    assert wrote(nlp, text, people) == expected


NOT_QUOTED_IN_PRESENT = [
    "Petrov said: “The strike failed.”",                       # a past tense: as often a speech
    "As Petrov notes, the strike failed.",                      # no quotation framed
    "Petrov states in his speech: “The strike failed.”",        # a speech named
    "Petrov tells the delegates: “The strike failed.”",
    "Petrov says: “We appeal to the German workers.”",          # "says": an interview, a platform
    "Petrov explains, “for us, the crisis has not been resolved.”",
    "Petrov nowhere states: “The strike failed.”",              # denied, no text of his
    "Petrov does not add: “The strike failed.”",
    "Petrov quotes Ivanov: “The strike failed.”",               # a quoter (and no verb of the writer's)
]


@pytest.mark.parametrize("text", NOT_QUOTED_IN_PRESENT)
def test_no_author_for_a_present_tense_without_a_written_quotation(nlp, text):
    assert wrote(nlp, text) == set()


# A bracketed citation opening the sentence after a quotation: the splitter ends the quotation's
# sentence at its closing ".”", and the bracket names the quotation's author.
CITED_AFTER_A_CLOSED_QUOTATION = [
    # dev2 page 18 (hallas-works-1977-05-stalin)
    ("These conditions are rooted, as Marx and Lenin often emphasised, not in legal forms of ownership but in "
     "production relations.’ (C. Bettleheim, Class Struggles in the USSR, p. 21 Emphasis in the original)",
     {"C. Bettleheim": "bettelheim"}, {("bettelheim", "asserted")}),
    # dev page 06 (pablo-1951-06-stalinism): the quoted author, not (by this rule) the quoter
    ("“A development of the productive forces is the absolutely necessary practical premise of Communism.” "
     "(Marx, quoted by Trotsky in The Revolution Betrayed, p. 56)", {"Marx": "marx", "Trotsky": "trotsky"},
     {("marx", "asserted")}),
    # written here
    ("“The state is no fetish.” (Petrov, Soviet Economy in Danger, p. 21.)", PEOPLE, {("petrov", "asserted")}),
    ("“The state is no fetish.” [Petrov]", PEOPLE, {("petrov", "asserted")}),
]


@pytest.mark.parametrize("text,people,expected", CITED_AFTER_A_CLOSED_QUOTATION)
def test_a_bracket_after_a_closed_quotation_cites_its_author(nlp, text, people, expected):
    assert wrote(nlp, text, people) == expected


NOT_CITED_AFTER_A_CLOSED_QUOTATION = [
    "The strike failed. (Petrov, Soviet Economy in Danger, p. 21.)",   # no quotation before the bracket
    "“The strike failed.” (Petrov was then in exile.)",                # a remark about him, no citation
    "“The strike failed.” (Petrov quoting Ivanov.)",                  # a quoter
    "“The strike failed.” (Translated by Petrov.)",                   # a translator
]


@pytest.mark.parametrize("text", NOT_CITED_AFTER_A_CLOSED_QUOTATION)
def test_no_author_in_a_bracket_that_cites_no_quotation(nlp, text):
    assert wrote(nlp, text) == set()


def test_a_bracket_citing_a_congress_cites_a_speech(nlp):
    # 400 random archive documents (pollitt-articles-1935-ussr-cap): the words were spoken there
    text = "“Our victory will become reality.” (Petrov, Kiel Social-Democratic Party Congress, 1928.)"
    assert wrote(nlp, text) == set()
    assert wrote(nlp, "“Our victory will become reality.” (Petrov, Vorwaerts, May 1, 1929.)") == {("petrov", "asserted")}
