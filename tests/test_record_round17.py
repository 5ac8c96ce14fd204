"""Record kinds read from the tenth dev set and the corpus in the seventeenth round (issue 13:
records a historian can cite), each fixed as a rule read from the page's own structure.

Real corpus pages (dev pages and pages in no dev gold set), controls that must not change, and
small hand-written pages."""

from __future__ import annotations

import pytest

from witness.record import parse_names
from witness.record_dates import heading_as_written

from record_pages import page_record, record_of

# -- a heading's day before the issue's own day is the day the text was written or delivered


@pytest.mark.parametrize("rel, written, date", [
    ("archive/froelich/1922/02/hangman.html", "1922-02-18", "1922-02-28"),    # dev10
    ("archive/radek/1922/04/speech.html", "1922-04-02", "1922-04-12"),        # in no dev gold set
    ("archive/mandel/1946/04/belgium3.html", "1946-04-24", "1946-05-18"),     # in no dev gold set
    ("archive/cannon/works/1925/ourparty.htm", "1925-10-04", "1925-10-08"),   # a speech; its note: the Daily Worker
    # control: a heading that is the issue's own day
    ("archive/shachtma/1949/05/rdr.html", None, "1949-05-23"),
])
def test_a_heading_day_before_the_issue(corpus_root, rel, written, date):
    rec = record_of(corpus_root, rel)
    assert (rec.written, rec.date) == (written, date)


def test_a_heading_day_before_the_issue_by_hand():
    assert heading_as_written("1922-02-18", "(18 February 1922)", "1922-02-28", "archive/x/1922/02/a.htm")
    # controls: the issue's own day; a month (a monthly out before its cover date); a later day
    assert not heading_as_written("1922-02-28", "(28 February 1922)", "1922-02-28", "archive/x/1922/02/a.htm")
    assert not heading_as_written("1962-02", "(February 1962)", "1962-03", "archive/x/1962/02/a.htm")
    assert not heading_as_written("1922-03-02", "(2 March 1922)", "1922-02-28", "archive/x/1922/02/a.htm")


def test_a_heading_day_before_the_issue_on_a_written_page(tmp_path):
    rec = page_record(tmp_path, "archive/x/1940/01/a.html", "<title>X: A (20 January 1940)</title>",
                      "<h2>Joseph Hansen</h2><h1>A</h1><h3>(20 January 1940)</h3><p class='information'>"
                      "From Socialist Appeal, Vol. IV No. 3, 27 January 1940, p. 3.</p>")
    assert (rec.written, rec.date) == ("1940-01-20", "1940-01-27")


# -- a credit that says its person is unknown names no one


@pytest.mark.parametrize("rel, translated, transcribed", [
    ("archive/rakovsky/1908/xx/x01.htm", [], ["Ted Crawford", "David Walters"]),     # dev10
    ("archive/vygodsky/1975/everlasting/ever1.htm", [], None),                         # in no dev gold set
    ("archive/krupskaya/works/howleninstudiedmarx.htm", [], None),                    # in no dev gold set
])
def test_an_unknown_credit_names_no_one(corpus_root, rel, translated, transcribed):
    rec = record_of(corpus_root, rel)
    assert rec.translated_by == translated
    if transcribed is not None:
        assert rec.transcribed_by == transcribed


def test_an_unknown_credit_by_hand():
    assert parse_names("Unknown", credit=True) == []
    assert parse_names("Anonymous", credit=True) == []
    # controls: a name; "Unknown" in a byline stays as printed (not a credit)
    assert parse_names("Mitch Abidor", credit=True) == ["Mitch Abidor"]
    assert parse_names("Unknown") == ["Unknown"]


def test_an_unknown_credit_on_a_written_page(tmp_path):
    rec = page_record(tmp_path, "archive/x/1908/a.htm", "<title>X: A (1908)</title>",
                      "<h2>Christian Rakovsky</h2><h1>A</h1><p class='information'>"
                      "<span class='info'>Translated:</span> Unknown<br/>"
                      "<span class='info'>Transcribed:</span> Ted Crawford</p>")
    assert (rec.translated_by, rec.transcribed_by) == ([], ["Ted Crawford"])

