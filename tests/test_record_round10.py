"""Dates and authors the dev sets showed the reader misreading after the ninth round (issue 13:
records a historian can cite).

Real corpus pages where a dev page showed the rule, others of the same house style, and small
hand-written pages."""

from __future__ import annotations

import pytest

from witness.record import RecordBuilder

from record_pages import record_of

# -- a second citation naming the paper the text first appeared in, in the heading's year

@pytest.mark.parametrize("rel, periodical, date", [
    ("archive/broue/1990/04/vanheijenoort.html", "Cahiers Léon Trotsky", "1990-04"),   # not RH 2008
    ("archive/broue/1983/12/carrillo.html", "Cahiers Leon Trotsky", "1983-12"),        # "Originally from …"
    ("archive/kautsky/1904/xx/francis.html", "Die Neue Zeit", "1904"),                 # not Cosmonaut 2019
    ("archive/pashukanis/1927/xx/theory.htm", "Revoliutsiia prava", "1927"),           # not the 1980 book
])
def test_an_earlier_citation_is_the_first_publication(corpus_root, rel, periodical, date):
    rec = record_of(corpus_root, rel)
    assert (rec.periodical, rec.date) == (periodical, date)


@pytest.mark.parametrize("rel, periodical, date", [
    ("archive/connolly/1909/sme-la/sme1.htm", "Labor Action", "1932-05-04"),   # "Extract from Socialism Made Easy, …, 1909"
    ("archive/shachtma/1948/11/bolshdem.html", "Labor Action", "1948-11-15"),  # a reprint titled "1917 was …"
    ("archive/broue/1997/xx/5yearson.htm", "Revolutionary History", "2008"),   # "Chapter XVII of L’histoire …" (a book)
])
def test_a_citation_that_is_no_earlier_paper(corpus_root, rel, periodical, date):
    rec = record_of(corpus_root, rel)
    assert (rec.periodical, rec.date) == (periodical, date)


def test_an_earlier_citation_by_hand():
    def read(*lines, heading=None):
        rb = RecordBuilder()
        if heading:
            rb.heading_date(heading)
        for line in lines:
            rb.info_line(line, ("Daily Bugle",) if "Bugle" in line else ())
        return rb.finish()
    rec = read("From Later Review, Vol. 2 No. 4, 2008, pp. 5–9.", "A Title, in Daily Bugle, May 1950, p. 3.")
    assert (rec.periodical, rec.date, rec.pages) == ("Daily Bugle", "1950-05", "3")
    # the heading dates the text in another year: the citation is of something else
    rec = read("From Later Review, Vol. 2 No. 4, 2008, pp. 5–9.", "A Title, in Daily Bugle, May 1950, p. 3.",
               heading="(June 1961)")
    assert (rec.periodical, rec.date) == ("Later Review", "2008")


# -- a book source's year printed on its "Publisher:" line

@pytest.mark.parametrize("rel, date", [
    ("archive/bell/1939/x01/lenin.htm", "1939"),            # Source: We Have Met Lenin / Publisher: …, Moscow, 1939
    ("archive/semashko/semashko.htm", "1928"),              # Publisher: Vanguard Press, New York, 1928
])
def test_the_publishers_year_dates_a_book_source(corpus_root, rel, date):
    assert record_of(corpus_root, rel).date == date


def test_the_publishers_year_by_hand():
    rb = RecordBuilder()
    rb.labelled("Source:", "A Book of Memoirs, pp. 3-9")
    rb.labelled("Publisher:", "Some Press, London, 1931")
    assert rb.finish().date == "1931"
    rb = RecordBuilder()
    rb.labelled("Source:", "A Book of Memoirs, pp. 3-9")
    rb.labelled("Publisher:", "Some Press, London")
    assert rb.finish().date is None
