"""Record kinds read from the eleventh dev set in the eighteenth round (issue 13: records a
historian can cite), each fixed as a rule read from the page's own words.

Real corpus pages (dev pages and pages in no dev gold set), controls that must not change, and
small hand-written pages."""

from __future__ import annotations

import pytest

from witness.record import parse_names
from witness.sourceline import parse_source_line

from record_pages import page_record, record_of

# -- "Translated: Yuri Sdobnikov and George Hanna, Edited by George Hanna": the editor is no translator


@pytest.mark.parametrize("rel, translated", [
    ("archive/lenin/works/1917/dec/24.htm", ["Yuri Sdobnikov", "George Hanna"]),     # dev11
    ("archive/lenin/works/1918/mar/03.htm", ["Clemans Dutt"]),                        # dev11
    ("archive/lenin/works/1918/jan/12.htm", ["Yuri Sdobnikov", "George Hanna"]),     # dev9
    ("archive/lenin/works/1918/mar/05.htm", ["Clemans Dutt"]),                        # in no dev gold set
])
def test_a_translations_editor_is_no_translator(corpus_root, rel, translated):
    assert record_of(corpus_root, rel).translated_by == translated


def test_a_translations_editor_by_hand():
    assert parse_names("Yuri Sdobnikov and George Hanna, Edited by George Hanna", credit=True) == \
        ["Yuri Sdobnikov", "George Hanna"]
    assert parse_names("Clemans Dutt, Edited by Robert Daglish", credit=True) == ["Clemans Dutt"]
    # controls: a credit that is only the editor's; a "by" after where the text came from
    assert parse_names("Edited by Robert Daglish", credit=True) == ["Robert Daglish"]
    assert parse_names("for Marxists.org 2005 by Mitch Abidor", credit=True) == ["Mitch Abidor"]


def test_a_translations_editor_on_a_written_page(tmp_path):
    rec = page_record(tmp_path, "archive/x/1918/a.htm", "<title>A</title>",
                      "<h2>V. I. Lenin</h2><h1>A</h1><p class='information'>"
                      "<span class='info'>Translated:</span> Clemans Dutt, Edited by Robert Daglish</p>")
    assert rec.translated_by == ["Clemans Dutt"]


# -- "Vol. XIII No. 10 October 1909": the issue's number is no day of the month


@pytest.mark.parametrize("rel, date, issue", [
    ("archive/montefiore/1909/10/red_banners.htm", "1909-10", "10"),     # dev11
    ("archive/wintringham/1940/02/jarama.htm", "1940-02", "2"),          # in no dev gold set
    ("archive/kautsky/1896/histmat/hm.htm", "1902-08", "8"),             # in no dev gold set
    # control: "no. 1/1994", the year with the issue's number, still dates the original
    ("archive/hass/1994/xx/badowski.html", "1994", "1/1994"),
])
def test_an_issue_number_before_its_month(corpus_root, rel, date, issue):
    rec = record_of(corpus_root, rel)
    assert (rec.date, rec.issue) == (date, issue)


def test_an_issue_number_before_its_month_by_hand():
    out = parse_source_line("The Social Democrat, Vol. XIII No. 10 October 1909;")
    assert (out["date"], out["issue"]) == ("1909-10", "10")
    # controls: a day after the issue's comma; a day before the month after the issue
    out = parse_source_line("Socialist Appeal, Vol. 1 No. 3, 28 August 1937, p. 9.")
    assert (out["date"], out["issue"]) == ("1937-08-28", "3")
    out = parse_source_line("Pravda No. 38, March 1, 1918")
    assert (out["date"], out["issue"]) == ("1918-03-01", "38")


# -- "The Liberator [New York], v. 3, no. 11": a volume abbreviated to "v."


@pytest.mark.parametrize("rel, volume, issue", [
    ("archive/eastman/1920/11/hillquit1.htm", "3", "11"),       # dev11
    ("archive/eastman/1921/01/hillquit2.htm", "4", "1"),        # dev11 ("vv. 4")
    ("archive/eastman/1918/02/reed.htm", "11", "29"),           # in no dev gold set
    ("archive/zinoviev/works/1919/09/circular.htm", "4", "9"),  # in no dev gold set
])
def test_a_volume_abbreviated_to_v(corpus_root, rel, volume, issue):
    rec = record_of(corpus_root, rel)
    assert (rec.volume, rec.issue) == (volume, issue)


def test_a_volume_abbreviated_to_v_by_hand():
    out = parse_source_line("The Liberator [New York], v. 3, no. 11, whole no. 32 (Nov. 1920), pp. 22-25.")
    assert (out["volume"], out["issue"], out["pages"]) == ("3", "11", "22-25")
    # control: "v." with no issue's number after it is no volume
    assert parse_source_line("Marx v. Proudhon, 1847")["volume"] is None


# -- a closing dateline set as p.updat ("February 24, 1946") is when the text was written


@pytest.mark.parametrize("rel, written", [
    ("archive/morrow-felix/1946/02/24.htm", "1946-02-24"),                        # dev11
    ("archive/shachtma/1946/ffs/ffs00.htm", "1946-04-01"),                        # dev9
    ("archive/morrow-felix/1938/revolution-spain/postscript.htm", "1938-05-05"),  # "Minneapolis, May 5, 1938"
    ("archive/shachtma/1945/10/unity.htm", "1945-10-04"),                         # a letter's, over "Dear Comrades"
])
def test_a_closing_dateline_set_as_updat(corpus_root, rel, written):
    assert record_of(corpus_root, rel).written == written


def test_a_closing_dateline_set_as_updat_on_a_written_page(tmp_path):
    head = "<title>Felix Morrow: A (February 1946)</title>"
    top = ("<h2>Felix Morrow</h2><h1>A</h1><h3>(February 1946)</h3><p class='information'>"
           "Source: <em>Fourth International</em>, Vol. 7 No. 7, July 1946.</p>")
    rec = page_record(tmp_path, "archive/x/1946/02/a.htm", head, top,
                      "<p class='updat'><big><em>February 24, 1946</em></big></p>"
                      "<p class='updat'>Last updated on: 22 August 2015</p>")
    assert (rec.written, rec.date) == ("1946-02-24", "1946-07")
    # control: a last update alone dates nothing but the page's update
    rec = page_record(tmp_path, "archive/x/1946/02/b.htm", head, top,
                      "<p class='updat'>Last updated on: 22 August 2015</p>")
    assert (rec.written, rec.last_updated) == ("1946-02", "2015-08-22")


# -- a congress's speech dated in its heading ("Reply … / March 8" under "MARCH 6-8, 1918"),
#    published later: the speech's own day


def test_a_congress_speechs_day_under_a_later_publication(corpus_root):
    rec = record_of(corpus_root, "archive/lenin/works/1918/7thcong/02.htm")     # dev11
    assert (rec.written, rec.date) == ("1918-03-08", "1919-01-01")


def test_a_congress_speechs_day_on_a_written_page(tmp_path):
    rec = page_record(tmp_path, "archive/x/1918/7thcong/02.htm",
                      "<title>Extraordinary Seventh Congress of the R.C.P.(B.): Section Two</title>",
                      "<h2>V. I. Lenin</h2><h3>Extraordinary Seventh Congress of the R.C.P.(B.)</h3>"
                      "<h2>MARCH 6-8, 1918</h2><h3>Section Two</h3><hr/><h2>2</h2>"
                      "<h3>Reply to the Debate on the Political Report<br/>March 8</h3>"
                      "<p class='information'>First published on January 1, 1919 in the newspaper "
                      "<em>Kommunar</em> No. 1</p><hr/>")
    assert (rec.title, rec.written) == ("Reply to the Debate on the Political Report", "1918-03-08")
