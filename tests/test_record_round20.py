"""Record kinds read from the twelfth dev set in the twentieth round (issue 13: records a
historian can cite), each fixed as a rule read from the page's structure.

Real corpus pages (dev pages and pages in no dev gold set), controls that must not change, and
small hand-written pages."""

from __future__ import annotations

import pytest

from record_pages import page_record, record_of

# -- a month set as MIA's date line (p.date) at the text's end: the text's own date


@pytest.mark.parametrize("rel, written", [
    ("archive/bukharin/works/1918/worldrev/conclusion.html", "1918-05"),   # dev12: "May 1918"
    ("archive/sedgwick/1962/03/ggg.htm", "1962-03"),                       # dev7: "March 1962"
    ("archive/miliband/1973/10/chile.htm", "1973-10"),                     # in no dev gold set
    ("archive/serge/1926/repression/preface.htm", "1925-03"),              # "V.S. March 1925"
])
def test_a_closing_date_line_dates_the_writing(corpus_root, rel, written):
    assert record_of(corpus_root, rel).written == written


def test_a_papers_issue_in_a_closing_date_line_is_no_writing_date(corpus_root):
    # control: "Il Risveglio (Geneva), December 1929" is the issue's date, as the heading's year
    rec = record_of(corpus_root, "archive/malatesta/1929/12/makhno.htm")
    assert (rec.written, rec.date) == (None, "1929")


def test_a_closing_date_line_on_a_written_page(tmp_path):
    rec = page_record(tmp_path, "archive/x/1918/book/conclusion.html",
                      "<title>K. Writer: A Book of Ages (Conclusion)</title>",
                      "<h2>K. Writer</h2><h1>A Book of Ages</h1><hr /><h3>Conclusion</h3>",
                      '<p>The last word of the text.</p><p class="date">May 1918</p>'
                      '<p class="updat">Last updated on 7.8.2008</p>')
    assert rec.written == "1918-05"
    # control: a bare closing month in a plain paragraph stays unread (as often the issue's date)
    rec = page_record(tmp_path, "archive/x/1918/book/other.html",
                      "<title>K. Writer: A Book of Ages (Conclusion)</title>",
                      "<h2>K. Writer</h2><h1>A Book of Ages</h1><hr /><h3>Conclusion</h3>",
                      "<p>The last word of the text.</p><p>May 1918</p>")
    assert rec.written is None
