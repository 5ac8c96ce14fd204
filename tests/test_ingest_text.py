"""Plain-text reader, and the seed text against its HTML page."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from witness.ingest import Read, read_path

FIX = Path(__file__).resolve().parent / "fixtures" / "ingest"


def _doc(path: Path, root: Path | None = None):
    out = read_path(path, root)
    assert isinstance(out, Read), out
    return out.document


def test_seed_text_record(seed_text):
    d = _doc(seed_text)
    assert d.id == "seed-000-48f42ec88d016539"
    assert d.source.path == "seed-000_48f42ec88d016539.txt" and d.source.format == "text"
    r = d.record
    assert r.authors == ["Victor Serge"] and r.title == "The End of Henry Yagoda"
    assert r.subtitle == "Stalin Imprisons the Head of the G.P.U. Because He Knew the Inside Story"
    assert (r.heading_date, r.date) == ("1938-08", "1937-08-28")
    assert r.last_updated == "2018-07-27"
    assert d.text.startswith("The vast police coup") and d.text.endswith("that of the regime.”")


def test_seed_text_and_html_give_the_same_record_and_text(seed_text, seed_html, corpus_root):
    t = _doc(seed_text)
    h = _doc(seed_html, corpus_root)
    for f in fields(t.record):
        assert getattr(t.record, f.name) == getattr(h.record, f.name), f.name
    assert t.text == h.text
    assert t.notes == h.notes
    assert (t.source.format, h.source.format) == ("text", "mia-html")


def test_crlf_text_export():
    d = _doc(FIX / "crlf.txt", FIX)
    r = d.record
    assert d.text == "First paragraph of the body, wrapped over two lines.\n\nSecond paragraph."
    assert r.authors == ["Jane Writer"] and r.title == "A Text Export"
    assert (r.heading_date, r.heading_date_text) == ("1937", "(1937)")
    assert (r.date, r.date_text, r.issue, r.pages) == ("1937", "Spring 1937", "5", "II")
    assert r.transcribed_by == r.marked_up_by == ["Ann O’Neill"]
    assert r.last_updated is None and r.empty_fields == ["last_updated"]


def test_text_with_notes(tmp_path):
    p = tmp_path / "notes.txt"
    p.write_text("A Writer\n\nTitle\n\nFrom The Paper, 1 May 1930.\n\n"
                 "Body with a call.[1] And another.[2] Enough words for a body.\n\nNotes\n\n1. The first note.\n\n3. Never called.\n")
    d = _doc(p)
    assert d.text == "Body with a call.[1] And another.[2] Enough words for a body."
    n1, n3 = d.notes
    assert d.text[n1.start:n1.end] == "[1]" and n1.text == "The first note."
    assert n3.called is False
    assert [c["label"] for c in d.extra["note_calls"]] == ["1", "2"]  # "[2]" has no note


def test_text_without_header_is_all_body(tmp_path):
    p = tmp_path / "plain.txt"
    p.write_text("Just some prose without any header at all.\n\nA second paragraph of prose.\n")
    d = _doc(p)
    assert d.record.title is None and d.record.authors == []
    assert d.text == "Just some prose without any header at all.\n\nA second paragraph of prose."
