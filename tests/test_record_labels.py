"""A page whose heading is only a label ("Chapter One", "Section Six", "Appendix") takes its
title from the heading after the label (issue 13: records a historian can cite).

The corpus pages here are in no gold sample but dev4's (7thcong/06, 8thcong/ch02 are dev pages).
"""

from __future__ import annotations

import pytest
from lxml import html

from witness.ingest.mia_chapters import label_sequel
from witness.record import day_of_speech, parse_date

from record_pages import record_of


@pytest.mark.parametrize("rel, title", [
    # a book's chapter: the label and its title, as the annotators were told to cite a chapter
    ("archive/hilferding/1904/criticism/ch02.htm", "Chapter Two: VALUE AND AVERAGE PROFIT"),
    ("archive/preobrazhensky/1921/fromnep/lecture07.html",
     "Lecture 7: The industry of Soviet Russia in the decade of NEP"),
    ("archive/bax/1886/religion/15-appendix.htm",
     "Appendix: Notes on Universal History from a Socialist Standpoint"),
    ("archive/mehring/1893/histmat/app.htm", "Appendix: Letter from Engels to Franz Mehring in Berlin"),
    # a congress's documents: the archive's "Section Three" / "3" and "Part III" give way to the
    # document's own title, without the day its heading ends with
    ("archive/lenin/works/1918/7thcong/03.htm", "Resolution On War And Peace"),
    ("archive/lenin/works/1918/7thcong/13.htm", "Speech Against Larin’s Amendment To The Name Of The Party"),
    ("archive/lenin/works/1918/7thcong/18.htm", "Rough Outline Of The Draft Programme"),
    ("archive/lenin/works/1920/8thcong/ch03.htm",
     "Reply To The Debate On The Report On The Work Of The Council Of People’s Commissars"),
])
def test_a_label_takes_the_title_after_it(corpus_root, rel, title):
    r = record_of(corpus_root, rel)
    assert r.title == title
    assert title.split(": ")[-1] not in (r.subtitle or "")      # not read twice


@pytest.mark.parametrize("rel, title", [
    # "Chapter Two<br/>Social Democracy Before 1914": a year in a chapter's title is no date line
    ("archive/broue/1975/germrev/chap02.html", "Chapter Two: Social Democracy Before 1914"),
    ("archive/hyndman/1912/further/ch01.html", "Chapter I: From 1889 Onwards"),
    ("archive/cliff/works/1975/lenin1/chap07.htm", "Chapter 7: The 1905 Revolution"),
])
def test_a_chapters_title_with_a_year_stays_its_title(corpus_root, rel, title):
    r = record_of(corpus_root, rel)
    assert r.title == title and r.heading_date is None


@pytest.mark.parametrize("rel, title", [
    ("archive/broue/1980/01/bloc-app.html", "APPENDIX"),          # "Document No. 1": another label
    ("archive/starr-mark/worker-looks-history/preface.htm", "Preface"),    # "A Foreword."
    ("archive/cliff/works/1993/trotsky4/00-intro.html", "Introduction"),   # an h4 section under the h1
    ("archive/bukharin/works/1918/worldrev/conclusion.html", "Conclusion"),   # "(Why We Are Communists)"
])
def test_a_label_keeps_its_place_when_what_follows_is_no_title(corpus_root, rel, title):
    assert record_of(corpus_root, rel).title == title


@pytest.mark.parametrize("rel, title", [
    # the <title> names the h1 as the page's own ("Chris Harman: Poland - Crisis of State
    # Capitalism 1 (November 1976)"): an article in instalments, not a book's chapter
    ("archive/harman/1976/11/poland.htm", "Poland: Crisis of State Capitalism (Part I)"),
    ("archive/james-clr/works/1939/11/lab-war7.html", "Labor and the Second World War (VII)"),
    # "Part 1" … "Part Two", "I" … "II. Human Welfare…": the text's own sections
    ("archive/grant/1979/02/iran.htm", "The Iranian Revolution"),
    ("archive/hobson/1925/09/neoclass.htm", "Neo-Classical Economics in Britain"),
    # "The Communist Left in Germany 1918-1921: The 1918 "November Revolution"" over "Chapter 5"
    ("subject/germany-1918-23/dauve-authier/ch05.htm", "Chapter 5: The 1918 “November Revolution”"),
])
def test_a_label_under_the_pages_own_title(corpus_root, rel, title):
    r = record_of(corpus_root, rel)
    assert (r.title, r.work) == (title, None)       # the h1 is no book the page belongs to


@pytest.mark.parametrize("rel, title, work", [
    # "Plekhanov: A New Champion of Autocracy (Part 2)", "E. Belfort Bax: Marat (Chap.3)": a book's
    ("archive/plekhanov/1889/champ/pt02.htm", "II", "A New Champion of Autocracy"),
    ("archive/bax/1882/marat/chap03.htm", "Chapter III", "Jean-Paul Marat"),
])
def test_a_books_numbered_chapter_keeps_its_label(corpus_root, rel, title, work):
    r = record_of(corpus_root, rel)
    assert (r.title, r.work) == (title, work)


def test_a_congress_speechs_day_is_the_day_its_heading_names(corpus_root):
    # "MARCH 6-8, 1918" over "Speech Against Larin’s Amendment … March 8 (Evening)"
    assert record_of(corpus_root, "archive/lenin/works/1918/7thcong/13.htm").written == "1918-03-08"


def test_a_speech_under_a_congresss_span_is_dated_to_the_month(corpus_root):
    # "(14-21 July, 1889)": the congress's days, not the day of the speech
    assert record_of(corpus_root, "archive/plekhanov/1889/07/speech.html").written == "1889-07"


def _headings(body: str) -> list:
    root = html.fromstring(f"<html><body>{body}</body></html>")
    return [el for el in root.iter("h1", "h2", "h3", "h4", "h5", "h6")]


@pytest.mark.parametrize("body, expected", [
    ("<h3>Work</h3><h1>Part II</h1><h2>Report On Concessions December 21</h2><hr/><p>Text.</p>",
     ("Part II", "Report On Concessions December 21", "Report On Concessions", "December 21")),
    ("<h3>Section Two</h3><hr/><h2>2</h2><h3>Reply to the Debate</h3><p>Text.</p>",
     ("Section Two", "Reply to the Debate", "Reply to the Debate", None)),
    ("<h1>Chapter 4</h1><h2>The Rise of the State</h2><p>Text.</p><h3>Notes</h3>",
     ("Chapter 4", "The Rise of the State", "Chapter 4: The Rise of the State", None)),
    ("<h1>Chapter 4</h1><p>Text.</p><h2>The Rise of the State</h2>", None),       # the text came first
    ("<h1>Appendix</h1><h3>Zionism</h3><p>a</p><h3>Permanent revolution</h3><p>b</p>", None),  # sections
    ("<h1>Preface</h1><h2>by Anne Alexander</h2><p>Text.</p>", None),
    ("<h1>The Rise of the State</h1><h2>Chapter 4</h2><p>Text.</p>", None),       # no label before it
])
def test_label_sequel_on_small_pages(body, expected):
    assert label_sequel(_headings(body)) == expected


@pytest.mark.parametrize("words, day, expected", [
    ("MARCH 6-8, 1918", "March 8", ("1918-03-08", "March 8")),      # the words the page prints for the day
    ("MARCH 6-8, 1918", "March 12", ("1918-03", "MARCH 6-8, 1918")),   # outside the span
    ("14-21 July, 1889", None, ("1889-07", "14-21 July, 1889")),
    ("9 March 1938", None, ("1938-03-09", "9 March 1938")),           # one day: that day
])
def test_day_of_speech(words, day, expected):
    heading = parse_date(words)          # as the reader has it: a span of days is its month
    assert day_of_speech(heading, day) == expected
