"""Bylines, credits and sources that dev6 (80 random corpus pages, annotators P, Q, R, S)
showed the reader misreading (issue 13: records a historian can cite).

Real corpus pages where the dev6 page showed the rule, others of the same house style, and
small hand-written pages."""

from __future__ import annotations

import pytest

from witness.ingest import read_path
from witness.ingest.base import Read


def _rec(root, rel):
    out = read_path(root / rel, root)
    assert isinstance(out, Read), out
    return out.document.record


def _page(tmp_path, rel, head, body):
    page = tmp_path / rel
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"<html><head>{head}</head><body>{body}<p>{'Some prose. ' * 30}</p></body></html>",
                    encoding="utf-8")
    return _rec(tmp_path, rel)


# -- a headline's "to" is no letter

@pytest.mark.parametrize("rel, authors", [
    ("archive/shachtma/1933/02/newtrap.html", ["Max Shachtman"]),   # h4 "Aims to Distract Attention …"
    ("archive/cannon/works/1932/may/bojarsky.htm", ["Cannon"]),      # "Reply to Comrade Bojarsky"
    ("archive/murphy-jt/1945/stalin/12.htm", ["J. T. Murphy"]),      # "Retreating to Advance"
    ("history/capitalism/gatt/ch12.htm", []),                        # "Article XII Restrictions to Safeguard …"
])
def test_a_headline_with_to_is_no_letter_heading(corpus_root, rel, authors):
    rec = _rec(corpus_root, rel)
    assert rec.authors == authors
    assert rec.addressees == []


def test_a_letter_heading_still_names_its_sender(corpus_root):
    # Engels's letters live under archive/marx/ with the meta tag "Karl Marx": the folder says letters.
    rec = _rec(corpus_root, "archive/marx/works/1887/letters/87_02_19.htm")
    assert rec.authors == ["Engels"] and rec.addressees == ["Nikolai Danielson"]


def test_a_letter_heading_by_the_pages_author(tmp_path):
    rec = _page(tmp_path, "archive/serge/1937/x.htm", "<title>To Andres Nin</title>",
                "<h1>Serge to Andres Nin</h1>")
    assert rec.authors == ["Serge"] and rec.addressees == ["Andres Nin"]
    rec = _page(tmp_path, "archive/serge/1937/y.htm", "<title>Reply</title>",
                "<h1>Reply to Comrade Nin</h1>")
    assert rec.authors == ["Serge"] and rec.addressees == []
