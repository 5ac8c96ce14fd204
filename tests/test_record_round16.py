"""Record kinds read from the ninth dev set and the corpus in the sixteenth round (issue 13:
records a historian can cite), each fixed as a rule read from the page's own structure.

Real corpus pages (dev pages and pages in no gold set), controls that must not change, and small
hand-written pages."""

from __future__ import annotations

import pytest

from witness.record import parse_names

from record_pages import page_record, record_of

# -- a credit's name, then the month and year of the credit with a comma after the month


@pytest.mark.parametrize("rel, field, names", [
    ("archive/reed/1916/love.htm", "transcribed_by", ["Sally Ryan"]),            # dev9: "Sally Ryan January, 2001"
    ("archive/reed/1918/state.htm", "transcribed_by", ["Sally Ryan"]),           # "Sally Ryan December, 2000"
    ("archive/kautsky/1899/10/hanover.htm", "transcribed_by", ["Ted Crawford"]),  # "Ted Crawford, January, 2003."
])
def test_a_credit_name_and_its_month_year(corpus_root, rel, field, names):
    assert getattr(record_of(corpus_root, rel), field) == names


def test_credit_month_comma_year_by_hand():
    assert parse_names("Sally Ryan January, 2001", credit=True) == ["Sally Ryan"]
    assert parse_names("Ted Crawford, January, 2003.", credit=True) == ["Ted Crawford"]
    # controls: a name that is a month word stays; a month with no year is no tail
    assert parse_names("May Wood Simmons", credit=True) == ["May Wood Simmons"]
    assert parse_names("August Thalheimer") == ["August Thalheimer"]


def test_a_credit_month_comma_year_on_a_written_page(tmp_path):
    rec = page_record(tmp_path, "archive/x/1916/a.htm", "<title>X: A</title>",
                      "<h2>John Reed</h2><h1>A</h1><p class='information'>"
                      "<span class='info'>Source:</span> The Masses, 1916<br/>"
                      "<span class='info'>Transcribed:</span> Sally Ryan January, 2001</p>")
    assert rec.transcribed_by == ["Sally Ryan"]
