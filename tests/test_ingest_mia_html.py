"""MIA HTML reader on real corpus pages and on small fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from witness.ingest import READERS, Read, Skipped, read_path
from witness.ingest.ids import doc_id

FIX = Path(__file__).resolve().parent / "fixtures" / "ingest"


def _doc(path: Path, root: Path):
    out = read_path(path, root)
    assert isinstance(out, Read), out
    return out.document


def _check_text_shape(text: str) -> None:
    assert text == text.strip()
    assert "\n\n\n" not in text
    for para in text.split("\n\n"):
        assert para and para == para.strip()
        assert "\n" not in para and "  " not in para


def test_chain_order():
    assert list(READERS)[:2] == ["mia-html", "text"]


def test_seed_page(seed_html, corpus_root):
    d = _doc(seed_html, corpus_root)
    r = d.record
    assert d.id == "serge-1937-08-yagoda"
    assert d.source.path == "archive/serge/1937/08/yagoda.htm"
    assert d.source.format == "mia-html" and d.source.encoding == "iso-8859-1"
    assert len(d.source.sha256) == 64
    assert r.authors == ["Victor Serge"]
    assert r.title == "The End of Henry Yagoda"
    assert r.subtitle == "Stalin Imprisons the Head of the G.P.U. Because He Knew the Inside Story"
    assert (r.date, r.date_text) == ("1937-08-28", "28 August 1937")
    assert (r.heading_date, r.heading_date_text) == ("1938-08", "(August 1938)")
    assert (r.periodical, r.volume, r.issue, r.pages) == ("Socialist Appeal", "1", "3", "9")
    assert r.transcribed_by == ["Einde O’Callaghan"] and r.marked_up_by == ["Einde O’Callaghan"]
    assert r.last_updated == "2018-07-27"
    assert r.source_text == "From Socialist Appeal, Vol. 1 No. 3, 28 August 1937, p. 9."
    assert r.empty_fields == []
    assert d.text.startswith("The vast police coup d’etat begun by Stalin")
    assert d.text.endswith("incompatible with that of the regime.”")
    assert "of of this" in d.text and "(Sosnovsky, the brilliant" in d.text
    # header, breadcrumbs, "Top of the page" and the update line are not body text
    for junk in ("Top of the page", "MIA", "Last updated", "Transcribed", "Socialist Appeal, Vol"):
        assert junk not in d.text
    paras = d.text.split("\n\n")
    assert len(paras) == 11
    assert paras[-2] == "Already last September I wrote:"  # the block quote is its own paragraph
    assert paras[-1].startswith("“The whole generation of October is condemned.")
    _check_text_shape(d.text)
    assert d.notes == [] and d.extra["note_calls"] == []


def test_labelled_information_page(corpus_root):
    d = _doc(corpus_root / "archive/piatnitsky/1925/02/11.htm", corpus_root)
    r = d.record
    assert r.authors == ["Osip Piatnitsky"]
    assert r.title == "Factory Nuclei Re-organization"
    assert (r.date, r.periodical) == ("1925-02-11", "The Daily Worker")
    assert r.publisher == "Workers (Communist) Party of America"
    assert r.transcribed_by == ["Brian Reid"] and r.marked_up_by == ["Brian Reid"]
    assert r.proofread_by == ["David Tate"]
    assert r.rights.startswith("Public Domain: Marxists Internet Archive (2009)")
    assert d.text.startswith("At a discussion which took place recently")
    assert "Brian Reid" not in d.text and "Public Domain" not in d.text
    _check_text_shape(d.text)


def test_utf8_page(corpus_root):
    d = _doc(corpus_root / "archive/lafargue/1906/socphil/ch1.html", corpus_root)
    assert d.source.encoding == "utf-8"
    assert d.record.authors == ["Paul Lafargue"] and d.record.title == "Causes of Belief in God"
    assert "Ã" not in d.text and "\ufffd" not in d.text
    _check_text_shape(d.text)


def test_wrongly_declared_encoding_page(corpus_root):
    """Declared iso-8859-1, bytes are UTF-8: decoded as UTF-8, no mojibake."""
    path = corpus_root / "archive/serge/1937/08/25.htm"
    assert b"charset=iso-8859-1" in path.read_bytes()
    d = _doc(path, corpus_root)
    assert d.source.encoding == "utf-8"
    assert "Ã" not in d.text and "Ã" not in (d.record.source_text or "")
    assert d.record.periodical == "La Revolution Prolétarienne"  # from "First published:"


def test_crlf_page(corpus_root):
    path = corpus_root / "archive/morrow-felix/1942/08/china.htm"
    assert b"\r\n" in path.read_bytes()
    d = _doc(path, corpus_root)
    assert "\r" not in d.text and "\r" not in d.record.title
    assert d.record.title == "China in the War" and d.record.authors == ["Felix Morrow"]
    assert d.record.periodical == "Fourth International"
    _check_text_shape(d.text)


def test_footnotes_page(corpus_root):
    d = _doc(corpus_root / "archive/lafargue/1890/09/athena.htm", corpus_root)
    assert len(d.notes) == 11
    for n in d.notes:
        assert n.called and d.text[n.start:n.end] == f"[{n.label}]"
    first = d.notes[0]
    assert first.label == "1" and first.text == "Iliad, iv. 515."
    assert d.notes[2].text.startswith("The Egyptian museum at Paris possesses many gold masks")
    assert "Footnotes" not in d.text and "Iliad, iv. 515." not in d.text
    assert [c["label"] for c in d.extra["note_calls"]] == [str(i) for i in range(1, 12)]
    _check_text_shape(d.text)


@pytest.mark.parametrize("rel", ["archive/serge/index.htm", "archive/lenin/works/date/1917.htm",
                                 "archive/shachtma/1942/09/china.html", "css/works.css",
                                 "admin/volunteers/welcome.htm"])
def test_non_documents_are_skipped(corpus_root, rel):
    out = read_path(corpus_root / rel, corpus_root)
    assert isinstance(out, Skipped), out
    assert out.reader == "mia-html" and out.reason


def test_index_reason_names_the_signal(corpus_root):
    out = read_path(corpus_root / "archive/serge/index.htm", corpus_root)
    assert "index" in out.reason and "links" in out.reason


def test_fixture_footnotes_calls_and_broken_notes():
    d = _doc(FIX / "footnotes.htm", FIX)
    assert d.text.startswith("The first claim needs a source.[1] The second claim needs another.2")
    by_label = {n.label: n for n in d.notes}
    assert d.text[by_label["1"].start:by_label["1"].end] == "[1]"
    assert d.text[by_label["2"].start:by_label["2"].end] == "2"
    assert by_label["1"].text == "Source one, page 4." and by_label["2"].text == "Source two."
    # an uncalled note is kept, flagged; a call whose note is missing is listed in note_calls
    assert by_label["4"].called is False and by_label["4"].text == "A note nobody calls."
    calls = d.extra["note_calls"]
    assert [c["label"] for c in calls] == ["1", "2", "3"]
    c3 = calls[2]
    assert d.text[c3["start"]:c3["end"]] == "[3]" and "3" not in by_label
    assert "A quoted passage kept as its own paragraph." in d.text.split("\n\n")
    assert "Notes" not in d.text and "Source one" not in d.text


def test_fixture_script_and_style_never_in_text():
    d = _doc(FIX / "footnotes.htm", FIX)
    assert "SCRIPT-CODE" not in d.text and "STYLE-CODE" not in d.text and "document.write" not in d.text


def test_fixture_header_record():
    d = _doc(FIX / "footnotes.htm", FIX)
    r = d.record
    assert r.authors == ["Jane Writer"]  # h2, not the meta author (a transcriber)
    assert (r.volume, r.issue, r.pages) == ("IV", "12", "37–40")
    assert r.transcribed_by == ["Ann O’Neill"] and r.marked_up_by == ["Bob Smith"]
    # "Last updated on" with only WebWriter AutoDato comments: present but empty
    assert r.last_updated is None and r.empty_fields == ["last_updated"]


def test_fixture_labelled_header():
    d = _doc(FIX / "labelled.htm", FIX)
    r = d.record
    assert r.authors == ["Karl Testman"] and r.title == "A Labelled Header"
    assert r.written == "1920-03"
    assert (r.date, r.date_text) == ("1921-04-15", "15.04.1921")  # First Published beats Source
    assert r.periodical == "Die Probe" and r.pages is None  # the first publication, not the source
    assert r.source_text.startswith("Collected Works, Volume 7")
    assert r.translated_by == ["Mary Tran"]
    assert r.transcribed_by == ["D. Walters", "Ed O’Brien"] == r.marked_up_by
    assert r.proofread_by == [] and "proofread_by" in r.empty_fields
    assert r.rights.startswith("CopyLeft: Internet Archive")
    assert r.publisher == "Test Press" and r.last_updated == "2008-10-03"
    assert d.extra["unknown_labels"] == ["favourite colour"]


@pytest.mark.parametrize("name, encoding", [("wrong_encoding.htm", "utf-8"),
                                            ("cp1252_as_latin1.htm", "windows-1252")])
def test_fixture_encodings(name, encoding):
    d = _doc(FIX / name, FIX)
    assert d.source.encoding == encoding
    assert d.record.authors == ["José Carlos Mariátegui"] and d.record.title == "La Revolución"
    assert "“comillas” – y más" in d.text


def test_author_from_path_when_no_heading(tmp_path):
    page = tmp_path / "archive" / "serge" / "1937" / "x.htm"
    page.parent.mkdir(parents=True)
    page.write_text('<html><head><meta name="author" content="Einde O\'Callaghan">'
                    "<title>Untitled</title></head><body><h1>A Title</h1>"
                    '<p class="information"><span class="info">Transcription:</span> Einde O\'Callaghan.</p>'
                    "<p>" + "Some prose. " * 30 + "</p></body></html>")
    d = _doc(page, tmp_path)
    assert d.record.authors == ["Serge"]  # the meta author is the page's transcriber here
    assert d.id == doc_id("archive/serge/1937/x.htm") == "serge-1937-x"


def test_empty_call_anchor_takes_the_printed_marker(corpus_root):
    d = _doc(corpus_root / "archive/pablo/1959/12/algeria.htm", corpus_root)
    n1 = d.notes[0]
    assert n1.label == "1" and d.text[n1.start:n1.end] == "[1]"


def test_credit_lines_in_a_headerless_body_go_to_the_record(corpus_root):
    d = _doc(corpus_root / "archive/mariateg/works/1924-tro.htm", corpus_root)
    assert d.record.translated_by == ["Michael Pearlman"]
    assert "Translated by" not in d.text and "Transcribed for the Internet" not in d.text
    assert "Trotsky is not only a protagonist" in d.text


def test_top_of_page_heading_is_navigation(corpus_root):
    d = _doc(corpus_root / "archive/brandler/1922/07/anniversary.htm", corpus_root)
    assert "Top of the page" not in d.text
