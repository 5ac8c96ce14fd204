"""The bibliographic record helpers: dates, source lines, credits, names, header labels."""

from __future__ import annotations

import pytest

from witness.record import (LABELS, label_field, normalise_name, parse_credit_line, parse_date,
                            parse_names, parse_source_line)


@pytest.mark.parametrize("text, iso, words", [
    ("28 August 1937", "1937-08-28", "28 August 1937"),
    ("August 28, 1937", "1937-08-28", "August 28, 1937"),
    ("February 11, 1925", "1925-02-11", "February 11, 1925"),
    ("August 1938", "1938-08", "August 1938"),
    ("(August 1938)", "1938-08", "August 1938"),
    ("1937", "1937", "1937"),
    ("Spring 1937", "1937", "Spring 1937"),
    ("15.04.2010", "2010-04-15", "15.04.2010"),
    ("27 July 2018", "2018-07-27", "27 July 2018"),
    ("Last updated on: 3.10.2008", "2008-10-03", "3.10.2008"),
    ("From Socialist Worker, No.1808, 13 July 2002.", "2002-07-13", "13 July 2002"),
    ("Aug. 5th, 1917", "1917-08-05", "Aug. 5th, 1917"),
])
def test_date_forms(text, iso, words):
    assert parse_date(text) == (iso, words)


@pytest.mark.parametrize("text", ["", None, "Vol. 1 No. 3", "no date here", "31.13.1937", "No. 1808"])
def test_no_date(text):
    assert parse_date(text) is None


def test_most_specific_date_wins_over_a_bare_year():
    assert parse_date("Written 1936, published 28 August 1937") == ("1937-08-28", "28 August 1937")


def test_seed_source_line():
    src = parse_source_line("From Socialist Appeal, Vol. 1 No. 3, 28 August 1937, p. 9.")
    assert src == {"periodical": "Socialist Appeal", "volume": "1", "issue": "3", "date": "1937-08-28",
                   "date_text": "28 August 1937", "pages": "9",
                   "source_text": "From Socialist Appeal, Vol. 1 No. 3, 28 August 1937, p. 9.",
                   "kind": "periodical", "title": "Socialist Appeal"}


@pytest.mark.parametrize("line, periodical, volume, issue, pages, date", [
    ("Source: Fourth International, Vol. II No. 7, August 1941, pp. 196–200.",
     "Fourth International", "II", "7", "196–200", "1941-08"),
    ("From International Socialism, No. 12, Spring 1963, pp. 37–40.",
     "International Socialism", None, "12", "37–40", "1963"),
    ("First published in Time (London), September 1890, pp.916-28.", "Time", None, None, "916-28", "1890-09"),
    ("Published: in Solidarity, V, 9 (April 1969)", "Solidarity", None, None, None, "1969-04"),
    ("From Labour Worker, 1 February 1965, p. 3.", "Labour Worker", None, None, "3", "1965-02-01"),
])
def test_source_lines(line, periodical, volume, issue, pages, date):
    src = parse_source_line(line)
    assert (src["periodical"], src["volume"], src["issue"], src["pages"], src["date"]) == \
        (periodical, volume, issue, pages, date)


def test_pages_kept_as_printed_roman():
    assert parse_source_line("From The Review, No. 5, 1937, p. II.")["pages"] == "II"


@pytest.mark.parametrize("raw, expected", [
    ("Einde O’ Callaghan", "Einde O’Callaghan"),
    ("Einde O'Callaghan", "Einde O’Callaghan"),
    ("Einde O‘Callaghan", "Einde O’Callaghan"),
    ("  Einde   O’Callaghan. ", "Einde O’Callaghan"),
    ("Ted Crawford", "Ted Crawford"),
])
def test_normalise_name(raw, expected):
    assert normalise_name(raw) == expected


def test_credit_line_both_roles():
    got = parse_credit_line("Transcribed & marked up by Einde O’Callaghan for the Marxists’ Internet Archive.")
    assert got == {"transcribed_by": ["Einde O’Callaghan"], "marked_up_by": ["Einde O’Callaghan"]}


def test_credit_line_variants():
    assert parse_credit_line("Marked up by Einde O' Callaghan for MIA.") == {"marked_up_by": ["Einde O’Callaghan"]}
    assert parse_credit_line("Transcribed: by Ted Crawford.") == {"transcribed_by": ["Ted Crawford"]}
    assert parse_credit_line("Transcribed by Ian Birchall, Nina Kidron & Richard Kuper.") == \
        {"transcribed_by": ["Ian Birchall", "Nina Kidron", "Richard Kuper"]}
    assert parse_credit_line("The Militant, 1937.") == {}


def test_names_drop_years_and_for_clauses():
    assert parse_names("Emil 1998") == ["Emil"]
    assert parse_names("for Marxists.org 2005 by Mitch Abidor;") == ["Mitch Abidor"]
    assert parse_names("") == []


# The label spellings found in the corpus (grep of span.info), with the fields they fill.
LABEL_TABLE = [
    ("Written:", "table", ["written"]),
    ("First Published:", "table", ["published"]),
    ("First published", "table", ["published"]),
    ("Published:", "table", ["published"]),
    ("Source:", "table", ["source"]),
    ("Source", "table", ["source"]),
    ("Publisher", "table", ["publisher"]),
    ("Public Domain:", "table", ["rights"]),
    ("Pubic Domain:", "table", ["rights"]),
    ("Copyleft:", "table", ["rights"]),
    ("CopyLeft", "table", ["rights"]),
    ("Copyright:", "table", ["rights"]),
    ("Translated:", "credit", ["translated_by"]),
    ("Translation:", "credit", ["translated_by"]),
    ("Transcription:", "credit", ["transcribed_by"]),
    ("Transciption:", "credit", ["transcribed_by"]),
    ("Transcriber:", "credit", ["transcribed_by"]),
    ("Transcription/Markup:", "credit", ["transcribed_by", "marked_up_by"]),
    ("Transcription/HTML Markup:", "credit", ["transcribed_by", "marked_up_by"]),
    ("Transcription\\HTML Markup:", "credit", ["transcribed_by", "marked_up_by"]),
    ("Transcription/Editing/HTML Markup:", "credit", ["transcribed_by", "marked_up_by"]),
    ("Transcription/Mark-up:", "credit", ["transcribed_by", "marked_up_by"]),
    ("Transcription &amp; Mark-up:", "credit", ["transcribed_by", "marked_up_by"]),
    ("Transcrition &amp; Marked-up:", "credit", ["transcribed_by", "marked_up_by"]),
    ("Transcribed/HTML Markup:", "credit", ["transcribed_by", "marked_up_by"]),
    ("Transcription/XHTML Markup:", "credit", ["transcribed_by", "marked_up_by"]),
    ("HTML Markup:", "credit", ["marked_up_by"]),
    ("HTML-markup:", "credit", ["marked_up_by"]),
    ("Markup:", "credit", ["marked_up_by"]),
    ("Mark-up:", "credit", ["marked_up_by"]),
    ("Markup/Proofread:", "credit", ["marked_up_by", "proofread_by"]),
    ("Proofread:", "credit", ["proofread_by"]),
    ("Proofreader:", "credit", ["proofread_by"]),
    ("Proofed:", "credit", ["proofread_by"]),
    ("Profreader", "credit", ["proofread_by"]),
    ("Online Version:", "ignored", []),
    ("Section:", "ignored", []),
    ("12.", "ignored", []),
    ("Favourite colour:", "unknown", []),
]


@pytest.mark.parametrize("label, kind, fields", LABEL_TABLE)
def test_labels_table(label, kind, fields):
    assert label_field(label) == (kind, fields)


def test_label_table_targets_are_known():
    assert set(LABELS.values()) <= {"written", "published", "source", "publisher", "rights", "authors"}


def test_names_cut_at_commentary():
    assert parse_names("Mike Baker: published by the Movement for Workers’ Councils, London") == ["Mike Baker"]
    assert parse_names("Steve Palmer **") == ["Steve Palmer"]
    assert parse_names("Emil (2006)") == ["Emil"]


def test_by_publisher_is_not_a_periodical():
    assert parse_source_line("by Cambridge University Press, 1930")["periodical"] is None


def test_names_drop_emails_and_dates():
    assert parse_names("director@marx.org, July 26 1996") == []
    assert parse_names("Ted Crawford, 2006") == ["Ted Crawford"]


def test_only_blank_header_values_are_empty_fields():
    from witness.record import RecordBuilder
    rb = RecordBuilder()
    rb.labelled("Public Domain", "")          # a statement, not an empty field
    rb.labelled("Proofread:", "")             # truly empty
    rb.labelled("Transcription:", "left-dis.nl")  # a value, though not a name
    rb.last_updated("Last updated on: 6.14.2009")  # US numeric date
    rec = rb.finish()
    assert rec.rights == "Public Domain"
    assert rec.last_updated == "2009-06-14"
    assert rec.empty_fields == ["proofread_by"]


# ---- fourth blind dev set (dev4, 60 corpus pages): what its errors showed ---------------------
def test_a_credit_of_names_each_with_its_year_keeps_every_name():
    from witness.record import parse_names
    assert parse_names("Emil 1998, Francesco 2013") == ["Emil", "Francesco"]
    assert parse_names("Brian Baggins for the MIA, 2003") == ["Brian Baggins"]
    assert parse_names("Steve Palmer (2010)") == ["Steve Palmer"]


def test_a_season_or_term_right_after_the_name_makes_it_a_periodical():
    from witness.sourceline import parse_source_line
    r = parse_source_line("From Oxford Left, Michaelmas 1954, pp.4-9.")
    assert (r["periodical"], r["kind"], r["pages"], r["date"]) == ("Oxford Left", "periodical", "4-9", "1954")
    # after a book's title the season dates the book, and the author is no periodical
    r = parse_source_line("From Victor Serge, Memoirs of a Revolutionary, Winter 1945.")
    assert r["periodical"] is None and r["kind"] == "book"


def test_the_meta_tags_fuller_name_drops_only_a_patronymics_initial():
    from witness.ingest.mia_names import fuller
    assert fuller("V. I. Lenin", ["Vladimir Lenin"]) == "Vladimir Lenin"
    assert fuller("N.I. Bukharin", ["Nikolai Bukharin"]) == "Nikolai Bukharin"
    assert fuller("E. Belfort Bax", ["Ernest Belfort Bax"]) == "Ernest Belfort Bax"
    assert fuller("V. I. Lenin", ["Lenin"]) == "V. I. Lenin"                 # not fuller
    assert fuller("V. I. Lenin", ["Nadezhda Krupskaya"]) == "V. I. Lenin"    # another surname
    assert fuller("G. V. Plekhanov", ["Rosaliya Plekhanov"]) == "G. V. Plekhanov"   # another given name


def test_a_note_call_or_a_dash_after_a_credited_name_is_not_part_of_it():
    from witness.record import parse_names
    assert parse_names("John H. Kautsky. [1]") == ["John H. Kautsky"]
    assert parse_names("Einde O’Callaghan – [indicated by square brackets]") == ["Einde O’Callaghan"]
    assert parse_names("Jean-Paul Sartre") == ["Jean-Paul Sartre"]
