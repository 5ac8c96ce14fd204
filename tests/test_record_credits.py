"""Credits, datelines and day spans that dev5 (the mia-extra pages no other sample holds)
showed the reader missing (issue 13: records a historian can cite).

Most pages here are corpus pages in no dev sample, read for the same house styles."""

from __future__ import annotations

import pytest

from witness.record import opens_with_credit, parse_date, parse_names, parse_source_line

from record_pages import record_of

# -- small cases

@pytest.mark.parametrize("text, iso", [
    ("October 21-27, 1864", "1864-10"),      # a span of days: its month, what both ends share
    ("12-17 April 1871", "1871-04"),
    ("6–7 March 1937", "1937-03"),
    ("October 11/24, 1917", "1917-10-11"),   # Old Style / New Style: one day, not a span
    ("28 August 1937", "1937-08-28"),
    ("March–April 1967", "1967-03"),         # a span of months keeps its first (an issue's date)
])
def test_a_span_of_days_is_dated_to_its_month(text, iso):
    assert parse_date(text)[0] == iso


@pytest.mark.parametrize("value, names", [
    ("The Late George Hanna", ["George Hanna"]),
    ("by the Institute of Marxism-Leninism, 1957 from the newspaper.", ["Institute of Marxism-Leninism"]),
    ("Zodiac, MEA 1993", ["Zodiac"]),         # the Marx-Engels Archive's initials are no transcriber
    ("the Way", []),                          # one word after "the" is no body's name
])
def test_credit_values_drop_the_words_around_a_name(value, names):
    assert parse_names(value) == names


def test_a_credit_opens_with_its_role():
    assert opens_with_credit("Transcribed by Bert Schultz (1993)")
    assert opens_with_credit("Html Markup by Brian Baggins & Andy Blunden (1999)")
    assert opens_with_credit("Scanned and prepared for the Marxist Internet Archive by Paul Flewers.")
    assert not opens_with_credit("Taken from the Penguin edition of Capital, translated by Ben Fowkes.")


@pytest.mark.parametrize("line, marked, paper", [
    ("First published in 1896 in the miscellany Rabotnik, No. 1–2.", ("Rabotnik",), "Rabotnik"),
    ("1914, Eduard Bernstein in the German Social Democratic Party’s Vorwärts!;", ("Vorwärts!",), "Vorwärts!"),
])
def test_a_line_that_opens_with_its_date_names_the_paper_after_it(line, marked, paper):
    assert parse_source_line(line, marked)["periodical"] == paper


# -- corpus pages

def test_credits_closing_a_chapter_are_read_and_a_quoted_editions_translator_is_not(mia_extra_root):
    # Capital's chapter closes with its credits in a p.information after the notes; a note
    # quotes "the Penguin edition …, translated by Ben Fowkes".
    rec = record_of(mia_extra_root, "archive/marx/works/1867-c1/ch01.htm")
    assert rec.transcribed_by == ["Bert Schultz"]
    assert rec.marked_up_by == ["Brian Baggins", "Andy Blunden"]
    assert rec.translated_by == []


@pytest.mark.parametrize("rel, source", [
    ("archive/radek/1935/barrel-organ.htm", "From International Press Correspondence, Vol. 15 No. 23, 1 June 1935."),
    ("archive/dutt/1935/06/british-nazi.htm", "From International Press Correspondence, Volume 15, no 23, 1 June 1935."),
])
def test_a_scanned_by_credit_after_the_source_is_a_transcriber(corpus_root, rel, source):
    rec = record_of(corpus_root, rel)
    assert rec.transcribed_by == ["Paul Flewers"]
    assert rec.source_text == source
    assert rec.periodical == "International Press Correspondence"


@pytest.mark.parametrize("rel, paper, date", [
    ("archive/cannon/works/1926/ufpassaic.htm", "Labor Defender", "1926-06"),
    ("archive/mehring/1918/06/germany.htm", "Pravda", "1918-06-16"),
    ("archive/kautsky/1906/xx/revolutions.htm", "International Socialist Review", "1906"),
])
def test_first_published_with_the_date_first(corpus_root, rel, paper, date):
    rec = record_of(corpus_root, rel)
    assert (rec.periodical, rec.date) == (paper, date)


def test_a_translator_printed_after_the(corpus_root):
    assert record_of(corpus_root, "archive/broue/1980/01/bloc.html").translated_by == ["John Archer"]
    # …while a heading "By the Way" is still no byline
    assert record_of(corpus_root, "archive/young-harry/1945/by_theway.htm").authors == ["Harry Young"]


@pytest.mark.parametrize("rel, written", [
    ("archive/kautsky/1908/christ/forward.htm", "1908-09"),          # "Berlin, September 1908 K. Kautsky"
    ("archive/hallas/works/1985/comintern/intro.htm", "1985-04"),    # "Duncan Hallas, April 1985"
    ("archive/pouliop/works/1927/07/02.htm", "1927-07-02"),         # p.sig, with notes after it
    ("archive/malatesta/1927/10/project.htm", None),                 # "Il Risveglio (Geneva), October 1927": a paper's
    ("archive/lenin/works/1918/7thcong/05.htm", "1918-03-08"),       # a speech's day in "MARCH 6-8, 1918"
])
def test_a_closing_signature_with_a_month_dates_the_writing(corpus_root, rel, written):
    assert record_of(corpus_root, rel).written == written


def test_a_signed_preface_with_notes_after_it(mia_extra_root):
    rec = record_of(mia_extra_root, "archive/marx/works/1859/critique-pol-economy/preface.htm")
    assert rec.written == "1859-01"
    assert rec.date is None       # "Karl Marx 1859" over it is the year it was written
