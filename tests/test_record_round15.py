"""Record kinds counted across the eight dev sets and the corpus in the fifteenth round (issue 13:
records a historian can cite), each fixed as a rule read from the page's own structure.

Real corpus pages (dev pages and pages in no gold set), controls that must not change, and small
hand-written pages."""

from __future__ import annotations

import pytest

from witness.record import parse_names

from record_pages import page_record, record_of

# -- a credit's names, then where the credited got the text, for whom, or a sentence


@pytest.mark.parametrize("rel, field, names", [
    ("archive/pearce/1957/04/cpgb-labour-left.htm", "transcribed_by", ["Christian Høgsbjerg"]),   # dev8
    ("archive/radek/1935/preparations-war.htm", "transcribed_by", ["Paul Flewers"]),   # "Paul Flewers. Names misspelt …"
    ("archive/serge/194x/xx/lefeuvre.html", "transcribed_by", ["Alun Morgan"]),      # "… for Revolutionary History Website"
    ("archive/trotsky/1915/first-year-of-war.htm", "translated_by", ["Pete Dickenson"]),   # "… for Socialism Today"
    ("archive/pashukanis/1936/04/statelaw.htm", "translated_by", ["Peter B. Maggs"]),   # "Peter B. Maggs. home.law…"
    ("archive/kautsky/1902/11/aims-limitations.htm", "transcribed_by", ["Ted Crawford"]),
])
def test_a_credit_name_and_what_follows_it(corpus_root, rel, field, names):
    assert getattr(record_of(corpus_root, rel), field) == names


def test_credit_tails_by_hand():
    assert parse_names("Christian Høgsbjerg from the Ozleft website", credit=True) == ["Christian Høgsbjerg"]
    assert parse_names("Adam Buick to the MIA", credit=True) == ["Adam Buick"]
    assert parse_names("Ted Crawford. This is a continuation of the discussion with Kautsky", credit=True) \
        == ["Ted Crawford"]
    # not a sentence: initials, an abbreviated given name, a particle
    assert parse_names("Chas. H. Kerr", credit=True) == ["Chas. H. Kerr"]
    assert parse_names("Jos. Wagner and Leon Vasilio", credit=True) == ["Jos. Wagner", "Leon Vasilio"]
    assert parse_names("Wm. de Leon", credit=True) == ["Wm. de Leon"]
    # a byline or heading read for names keeps its words ("PostScript to the First Edition")
    assert parse_names("Open Letter to the Party") == ["Open Letter to the Party"]


def test_a_credit_tail_on_a_written_page(tmp_path):
    rec = page_record(tmp_path, "archive/x/1957/a.htm", "<title>X: A</title>",
                      "<h2>Joseph Redman</h2><h1>A</h1><hr class='infotop'/>"
                      "<p class='info'>From <strong>The Reasoner</strong>, April 1957.<br/>"
                      "Transcribed by Christian Høgsbjerg from the <a href='x'>Ozleft website</a>.</p>"
                      "<hr class='infobot'/>")
    assert rec.transcribed_by == ["Christian Høgsbjerg"]
