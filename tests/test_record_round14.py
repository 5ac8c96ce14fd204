"""Record kinds counted across all seven dev sets and the corpus in the fourteenth round (issue 13:
records a historian can cite), each fixed as a rule read from the page's own structure.

Real corpus pages (dev pages and pages in no gold set), controls that must not change, and small
hand-written pages."""

from __future__ import annotations

import pytest

from witness.record_dates import bare_day, day_in_year, heading_as_written, parse_date

from record_pages import page_record, record_of

# -- the date under the title, when no first publication of that year is given, is when the
#    text was written or delivered


@pytest.mark.parametrize("rel, written", [
    ("archive/rosmer/1922/rosmer02.htm", "1922-11-17"),            # a congress statement; the source a book
    ("archive/widgery/1987/xx/sex-soc.htm", "1987"),               # a talk, "(1987)", no source
    ("archive/morrow-felix/1932/religion/part2.htm", "1932"),      # lectures of 1932, printed 1944
    ("archive/serge/1945/xx/rolland.html", "1945"),                # a diary of 1945, printed 1950
    ("archive/lozovsky/1921/12/czechoslovakia.html", "1921-12-17"),  # in no gold set: a letter printed 1922
    ("archive/radek/1921/radek01.htm", "1921-06-25"),              # in no gold set: a congress report
    ("archive/zetkin/1919/xx/dictdem.htm", "1919"),                # in no gold set: English edition of 1926
    ("archive/morrow-felix/1945/11/europe.htm", "1945-11-15"),     # in no gold set: a closing day is a dateline
    ("archive/kautsky/1914/09/war.htm", "1914-09"),                # in no gold set: the English of November 1914
    ("archive/mandel/1967/06/greece.htm", "1967-05"),              # in no gold set: "(May 1967)", printed October
])
def test_a_heading_date_before_publication_is_when_written(corpus_root, rel, written):
    assert record_of(corpus_root, rel).written == written


@pytest.mark.parametrize("rel, written", [
    ("archive/sedgwick/1961/xx/wostalin.htm", None),         # "(Autumn 1961)" over a source of 1961: the issue's
    ("archive/james-clr/works/1940/09/sharejobs.htm", None),  # "(16 September 1930)" over 16 September 1940: a misprint
    ("archive/brinton/1970/workers-control/02.htm", None),   # "1917", a chapter's title, not a date in parentheses
    ("archive/malatesta/1927/10/project.htm", None),         # closing "Il Risveglio (Geneva), October 1927": the issue's
    ("archive/cannon/works/1921/polpris.htm", None),         # "Published 1 May 1921" (in no gold set)
    ("archive/cliff/works/1998/07/testime.htm", None),       # "(June 1998)" over July 1998: a month before, the issue's
    ("archive/padmore/1941/01/windians.htm", None),          # "(January 1941)": "Originally published in …, 4 January 1941"
    ("archive/eccarius/1866/xx/mill.htm", None),             # "The Commonwealth. No. 192, 10 November 1866"
    ("archive/krupskaya/works/rol/rol06.htm", None),         # "July-August 1903": the months a memoir's chapter covers
    ("archive/vygodsky/index.htm", None),                    # "23 December 1928 - 8 May 1998": a life
    ("archive/serge/1927/china/canton.html", None),          # "Canton, December 1927", the title's event
])
def test_a_heading_date_that_is_not_when_written(corpus_root, rel, written):
    assert record_of(corpus_root, rel).written == written


def test_a_congress_page_in_the_civil_war_addresses(mia_extra_root):
    rec = record_of(mia_extra_root, "archive/marx/works/1871/civil-war-france/ch02.htm")
    assert (rec.date, rec.written) == (None, "1870-09-09")


def test_heading_as_written_by_hand():
    assert heading_as_written("1922-11-17", "November 17, 1922", None, "archive/x/1922/a.htm")
    assert heading_as_written("1932", "(1932)", "1944-07", "archive/x/1932/a.htm")
    assert not heading_as_written("1932", "1932", None, "archive/x/1932/a.htm")            # a bare year
    assert not heading_as_written("1962-03", "(March 1962)", "1962-03", "archive/x/1962/a.htm")  # the issue's
    assert not heading_as_written("1998-06", "(June 1998)", "1998-07", "archive/x/1998/a.htm")   # a month before
    assert heading_as_written("1949-10", "(October 1949)", "1949-12", "archive/x/1949/a.htm")     # two months before
    assert not heading_as_written("1930-09-16", "(16 September 1930)", "1940-09-16", "")  # a misprinted year
    assert not heading_as_written("1910-03", "MARCH 6-8, 1910", None, "archive/lenin/works/1918/x/06.htm")
    assert heading_as_written("1870-09-09", "September 9, 1870", None, "archive/m/works/1871/x/ch02.htm")
    assert not heading_as_written("1921-05-01", "Published 1 May 1921", None, "")
    assert not heading_as_written("1903-07", "July-August 1903", None, "")
    assert heading_as_written("1918-03", "MARCH 6-8, 1918", None, "archive/lenin/works/1918/x/01.htm")
    assert not heading_as_written("1927-12", "Canton, December 1927", "1928-02", "", "Canton, December 1927")


def test_a_written_page_with_a_heading_date(tmp_path):
    body = ("<h2>Ann Writer</h2><h1>A Talk on Things</h1><h3>(12 May 1930)</h3>"
            '<p class="information">Source: <em>Later Review</em>, Vol. 2 No. 4, June 1936.</p>')
    rec = page_record(tmp_path, "archive/writer/1930/05/talk.htm", "<title>A Talk</title>", body)
    assert (rec.date, rec.written) == ("1936-06", "1930-05-12")
    # control: the heading dates the issue the source names
    body = body.replace("June 1936", "May 1930")
    rec = page_record(tmp_path, "archive/writer/1930/05/issue.htm", "<title>A Talk</title>", body)
    assert (rec.date, rec.written) == ("1930-05", None)


# -- a day without a year ("March 8", "… December 22"): a congress's speech or resolution, made
#    on that day of the congress's year (the folder's, where the heading misprints it)


@pytest.mark.parametrize("rel, written", [
    ("archive/lenin/works/1918/7thcong/06.htm", "1918-03-08"),    # under "MARCH 6-8, 1910", a misprint
    ("archive/lenin/works/1920/8thcong/ch02.htm", "1920-12-22"),  # "… Commissars December 22", no year on the page
    ("archive/lenin/works/1918/7thcong/01.htm", "1918-03-07"),    # in no gold set: an h4 "March 7"
    ("archive/lenin/works/1919/rcp8th/05.htm", "1919-03-22"),     # in no gold set: an h4 "March 22"
    ("archive/lenin/works/1918/7thcong/05.htm", "1918-03-08"),    # control: read so before
])
def test_a_day_without_a_year_in_the_congress_year(corpus_root, rel, written):
    assert record_of(corpus_root, rel).written == written


def test_day_in_year_by_hand():
    assert day_in_year("March 8", "1918-03", "archive/lenin/works/1918/7thcong/06.htm") == ("1918-03-08", "March 8")
    assert day_in_year("March 8", "1910-03", "archive/lenin/works/1918/7thcong/06.htm")[0] == "1918-03-08"
    assert day_in_year("December 22", None, "archive/lenin/works/1920/8thcong/ch02.htm")[0] == "1920-12-22"
    assert day_in_year("December 22", None, "archive/x/works/index.htm") is None      # no year anywhere
    assert day_in_year(None, "1918-03", "archive/x/1918/a.htm") is None
    assert bare_day("March 7") and bare_day("December 22nd") and not bare_day("March 1918")


# -- an issue dated by a span of days across two months is dated by its first month, as a span
#    of months is ("18 May–14 June 1980", Socialist Review's issues of 1978–82), not its last day


@pytest.mark.parametrize("text, iso", [
    ("18 May–14 June 1980", "1980-05"),
    ("20 April–17 May, 1980 : 4", "1980-04"),
    ("September 25-October 1, 1990", "1990-09"),
    ("March–April 1967", "1967-03"),                  # control: a span of months, as before
    ("12-17 April 1871", "1871-04"),                  # control: a span of days in one month
    ("31 October/13 November 1917", "1917-11-13"),    # control: the Old Style and the New
])
def test_a_span_of_days_across_two_months(text, iso):
    assert parse_date(text)[0] == iso


@pytest.mark.parametrize("rel, date", [
    ("archive/harman/1980/05/ruhr.htm", "1980-05"),          # "(May 1980)" over "18 May–14 June 1980"
    ("archive/cliff/works/1981/04/fight.htm", "1981-04"),
    ("archive/mandel/1990/xx/sovreforms.htm", "1990-09"),    # New Times, "September 25-October 1, 1990"
])
def test_an_issue_dated_across_two_months(corpus_root, rel, date):
    assert record_of(corpus_root, rel).date == date
