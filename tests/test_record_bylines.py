"""Bylines, credits and sources that dev6 (80 random corpus pages, annotators P, Q, R, S)
showed the reader misreading (issue 13: records a historian can cite).

Real corpus pages where the dev6 page showed the rule, others of the same house style, and
small hand-written pages."""

from __future__ import annotations

import pytest

from record_pages import page_record, record_of

# -- a headline's "to" is no letter

@pytest.mark.parametrize("rel, authors", [
    ("archive/shachtma/1933/02/newtrap.html", ["Max Shachtman"]),   # h4 "Aims to Distract Attention …"
    ("archive/cannon/works/1932/may/bojarsky.htm", ["James P. Cannon"]),   # "Reply to Comrade Bojarsky" (h3 "J.P.C.")
    ("archive/murphy-jt/1945/stalin/12.htm", ["J. T. Murphy"]),      # "Retreating to Advance"
    ("history/capitalism/gatt/ch12.htm", []),                        # "Article XII Restrictions to Safeguard …"
])
def test_a_headline_with_to_is_no_letter_heading(corpus_root, rel, authors):
    rec = record_of(corpus_root, rel)
    assert rec.authors == authors
    assert rec.addressees == []


def test_a_letter_heading_still_names_its_sender(corpus_root):
    # Engels's letters live under archive/marx/ with the meta tag "Karl Marx": the folder says letters.
    rec = record_of(corpus_root, "archive/marx/works/1887/letters/87_02_19.htm")
    assert rec.authors == ["Engels"] and rec.addressees == ["Nikolai Danielson"]


def test_a_letter_heading_by_the_pages_author(tmp_path):
    rec = page_record(tmp_path, "archive/serge/1937/x.htm", "<title>To Andres Nin</title>",
                "<h1>Serge to Andres Nin</h1>")
    assert rec.authors == ["Serge"] and rec.addressees == ["Andres Nin"]
    rec = page_record(tmp_path, "archive/serge/1937/y.htm", "<title>Reply</title>",
                "<h1>Reply to Comrade Nin</h1>")
    assert rec.authors == ["Serge"] and rec.addressees == []


# -- a book of essays is no periodical, and a book source's pages are the text's

@pytest.mark.parametrize("line, marked", [
    ("From Essays in Socialism New & Old (1907), pp.35-39.", ("Essays in Socialism New & Old",)),
    ("Peter Sedgwick, A Prologue from World Crisis Essays in Revolutionary Socialism, 1971, pp.21-34.",
     ("World Crisis Essays in Revolutionary Socialism",)),
])
def test_a_book_of_essays_is_no_periodical(line, marked):
    from witness.sourceline import parse_source_line
    out = parse_source_line(line, marked)
    assert out["periodical"] is None and out["kind"] == "book"


def test_roman_page_ranges():
    from witness.sourceline import parse_source_line
    assert parse_source_line("From Victor Serge, Memoirs of a Revolutionary, Oxford 1963, pp.ix-xxiv.")["pages"] == "ix-xxiv"


@pytest.mark.parametrize("rel, pages", [
    ("archive/bax/1907/essays/05-century.htm", "35-39"),
    ("archive/sedgwick/1971/xx/fifties.htm", "21-34"),
    ("archive/bell/1939/x01/lenin.htm", "39-47"),                      # "Source: We Have Met Lenin, pp. 39-47"
])
def test_a_book_sources_pages_are_the_texts(corpus_root, rel, pages):
    rec = record_of(corpus_root, rel)
    assert rec.periodical is None and rec.pages == pages


def test_a_collected_editions_pages_are_no_citation(mia_extra_root):
    # "Source: Marx/Engels Selected Works, Volume One, p. 13 – 15": a reprint of a text of 1845/1888
    assert record_of(mia_extra_root, "archive/marx/works/1845/theses/theses.htm").pages is None
