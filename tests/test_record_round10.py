"""Dates and authors the dev sets showed the reader misreading after the ninth round (issue 13:
records a historian can cite).

Real corpus pages where a dev page showed the rule, others of the same house style, and small
hand-written pages."""

from __future__ import annotations

import pytest

from witness.record import RecordBuilder

from record_pages import page_record, record_of

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


# -- an introduction signed at its end by someone other than the book's writer

@pytest.mark.parametrize("rel, authors", [
    ("archive/thompson-ep/1978/pot/intro.htm", ["Dorothy Thompson"]),    # under "E.P. Thompson"
    ("archive/higgins/1997/locust/pref.htm", ["Roger Protz"]),           # "*Roger Protz* / July 1996"
    ("archive/cliff/works/1946/probme/intro.html", ["Anne Alexander"]),  # "Anne Alexander / London, June 2011"
    ("archive/murphy-jt/1945/stalin/intro.htm", ["Stafford Cripps"]),
    ("archive/kautsky/1902/socrev/translator.htm", ["A.M. Simons"]),     # "Translator’s Preface"
])
def test_an_introduction_signed_by_another(corpus_root, rel, authors):
    assert record_of(corpus_root, rel).authors == authors


@pytest.mark.parametrize("rel, authors", [
    ("archive/hallas/works/1971/xx/introis.htm", ["Duncan Hallas"]),     # signed by its writer
    ("archive/montefiore/1925/autobiography/01.htm", ["Dora Montefiore"]),   # "D.B.M. / Crowborough, 1925."
    ("archive/lafargue/1883/lazy/preface.htm", ["Paul Lafargue"]),       # "P.L." / "Sainte-Pélagie Prison, 1883."
    ("archive/deleon/works/1907/answers/00-intro.html", ["Daniel DeLeon"]),   # "DANIEL DE LEON / New York"
])
def test_an_introduction_signed_by_its_writer(corpus_root, rel, authors):
    assert record_of(corpus_root, rel).authors == authors


def test_a_signed_introduction_by_hand(tmp_path):
    head = '<title>A Book</title><meta name="author" content="Jane Doe">'
    rec = page_record(tmp_path, "archive/doe/1950/intro.htm", head, "<h2>Jane Doe</h2><h1>Introduction</h1>",
                      "<p>More prose of the editor.</p><p><em>John Roe</em><br/>Paris, May 1971</p>")
    assert rec.authors == ["John Roe"]
    # a text that is no introduction keeps its writer whoever signs at its end
    rec = page_record(tmp_path, "archive/doe/1950/art.htm", head, "<h2>Jane Doe</h2><h1>On Things</h1>",
                      "<p>More prose.</p><p><em>John Roe</em><br/>Paris, May 1971</p>")
    assert rec.authors == ["Jane Doe"]
    # a closing salutation is no signature
    rec = page_record(tmp_path, "archive/doe/1950/intro2.htm", head, "<h2>Jane Doe</h2><h1>Introduction</h1>",
                      "<p>More prose of the editor.</p><p>With Communist Greetings</p>")
    assert rec.authors == ["Jane Doe"]


# -- a periodical's issue cited without its year, dated by the page's heading

@pytest.mark.parametrize("rel, date", [
    ("archive/harman/1991/09/sucoup.htm", "1991-09"),     # "From Socialist Review, No.145, September, pp.5-7." / "(September 1991)"
    ("archive/foot-paul/1969/04/windies.htm", "1969-04-19"),   # "No. 118, 19 April" / "(19 April 1969)"
    ("archive/glass/1944/04/japan3.htm", "1944-04"),      # "From Fourth International, Vol.5 No.4, pp.112-118."
    ("archive/harman/1991/12/europe.htm", None),          # "No.148, November" under "(December 1991)": which is it?
    ("archive/mandel/1971/xx/exile.htm", None),           # "From the website of Socialist Action, Canada."
])
def test_an_issue_without_its_year(corpus_root, rel, date):
    assert record_of(corpus_root, rel).date == date


def test_an_issue_without_its_year_by_hand():
    def read(line, heading):
        rb = RecordBuilder()
        rb.heading_date(heading)
        rb.info_line(line)
        return rb.finish().date
    assert read("From Socialist Review, No.145, September, pp.5-7.", "(September 1991)") == "1991-09"
    assert read("From Socialist Review, No.145, October, pp.5-7.", "(September 1991)") is None
    assert read("From Socialist Review, No.145, pp.5-7.", "(1991)") == "1991"


# -- a surname that is also a word of a book's title

def test_a_surname_that_is_a_title_word(corpus_root):
    from witness.ingest.mia_names import people
    assert record_of(corpus_root, "archive/price/1921/11/dwerke.html").authors == ["M. Philips Price"]   # h2, not the folder's "Price"
    assert record_of(corpus_root, "archive/price/1918/europe-russia.htm").authors == ["Morgan Philips Price"]
    assert people("M. Philips Price") == ["M. Philips Price"]
    assert people("Value, Price and Profit") == [] and people("Capital") == []
