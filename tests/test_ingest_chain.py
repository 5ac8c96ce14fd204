"""The reader chain: outcomes, reasons, bad inputs, ids."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from witness.ingest import (MAX_BYTES, READERS, Failed, RawInput, Read, Skipped, read_input,
                            read_path)
from witness.ingest.base import Decline
from witness.ingest.ids import doc_id

FIX = Path(__file__).resolve().parent / "fixtures" / "ingest"


def _raw(data: bytes, rel: str = "x.htm") -> RawInput:
    return RawInput(path=Path(rel), relpath=rel, data=data, sha256=hashlib.sha256(data).hexdigest())


@pytest.mark.parametrize("relpath, expected", [
    ("archive/serge/1937/08/yagoda.htm", "serge-1937-08-yagoda"),
    ("history/etol/newspape/ni/vol04/x.htm", "history-etol-newspape-ni-vol04-x"),
    ("seed-000_48f42ec88d016539.txt", "seed-000-48f42ec88d016539"),
    ("archive/Marx/Works/1848/Manifesto__Ch1.HTML", "marx-works-1848-manifesto-ch1"),
    ("archive\\lenin\\works\\1917\\staterev\\ch01.htm", "lenin-works-1917-staterev-ch01"),
    ("espanol/mariateg/biografía.htm", "espanol-mariateg-biograf-a"),
])
def test_doc_id(relpath, expected):
    assert doc_id(relpath) == expected


def test_doc_id_is_url_safe():
    import re
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", doc_id("a/ b!!/--c__d.htm"))


def test_empty_file():
    out = read_input(_raw(b""))
    assert isinstance(out, Failed)
    assert set(out.reasons) == set(READERS)
    assert "empty" in out.reasons["mia-html"] and "empty" in out.reasons["text"]
    assert all(out.reasons.values())


def test_tei_is_left_to_the_tei_reader():
    data = (b'<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/>'
            b"<text><body><p>Hello TEI prose that is long enough for a body.</p></body></text></TEI>")
    out = read_input(_raw(data, "doc.xml"))
    if "tei" in READERS:
        assert isinstance(out, Read) and out.document.source.format == "tei"
    else:
        assert isinstance(out, Failed) and "TEI" in out.reasons["mia-html"]


def test_binary_file():
    data = bytes(range(256)) * 64
    out = read_input(_raw(data, "image.htm"))
    assert isinstance(out, Failed)
    assert "binary" in out.reasons["mia-html"] and "binary" in out.reasons["text"]


def test_too_large_file(tmp_path):
    big = tmp_path / "big.htm"
    with open(big, "wb") as f:  # 50 MB, written sparse-free but cheaply
        chunk = b"<p>" + b"x" * (1024 * 1024 - 3)
        for _ in range(50):
            f.write(chunk)
    out = read_path(big, tmp_path)
    assert isinstance(out, Failed)
    assert all("too large" in why and "limit" in why for why in out.reasons.values())
    # the same limit holds for bytes handed in directly
    assert isinstance(read_input(_raw(b" " * (MAX_BYTES + 1))), Failed)


def test_truncated_html_is_read_and_flagged():
    out = read_path(FIX / "truncated.htm", FIX)
    assert isinstance(out, Read)
    d = out.document
    assert d.extra.get("truncated") is True
    assert d.record.title == "Cut Short"
    assert d.text.endswith("until the bytes simply st")
    from witness.checks import run_checks
    assert [f.rule for f in run_checks(d) if f.rule == "truncated-file"] == ["truncated-file"]


def test_a_complete_page_without_closing_html_is_not_truncated(corpus_root):
    """Some pages omit </html> after their footer: no finding for those."""
    from witness.checks import run_checks
    out = read_path(corpus_root / "archive/zinoviev/works/1918/lenin/ch14.htm")
    assert isinstance(out, Read) and out.document.extra.get("truncated")
    assert not [f for f in run_checks(out.document) if f.rule == "truncated-file"]


def test_script_page_has_no_script_text():
    data = (b"<html><head><script>var SECRET = 1;</script></head><body><h1>T</h1>"
            b"<script>alert('SCRIPT')</script><p>" + b"Real prose here. " * 20 + b"</p>"
            b"<noscript>NOSCRIPT</noscript><style>.x{}</style></body></html>")
    out = read_input(_raw(data))
    assert isinstance(out, Read)
    t = out.document.text
    assert "SECRET" not in t and "alert" not in t and "NOSCRIPT" not in t and ".x{" not in t
    assert t.startswith("Real prose here.")


def test_only_script_is_skipped_with_reason():
    out = read_input(_raw(b"<html><body><script>" + b"var a = 1;" * 100 + b"</script></body></html>"))
    assert isinstance(out, Skipped) and "almost no body text" in out.reason


def test_crashing_reader_is_reported_not_raised(monkeypatch):
    def boom(raw):
        raise RuntimeError("kaput")

    monkeypatch.setitem(READERS, "mia-html", boom)
    out = read_input(_raw(b"\x00\x01binary"))
    assert isinstance(out, Failed)
    assert out.reasons["mia-html"] == "crashed: RuntimeError: kaput"
    assert "binary" in out.reasons["text"]


def test_declining_reader_passes_to_the_next(monkeypatch):
    def no(raw):
        raise Decline("not mine")

    monkeypatch.setitem(READERS, "mia-html", no)
    out = read_input(_raw(b"Some plain prose that is long enough to be a body paragraph of text.", "a.txt"))
    assert isinstance(out, Read) and out.document.source.format == "text"


def test_read_path_relpath(tmp_path):
    sub = tmp_path / "archive" / "x"
    sub.mkdir(parents=True)
    f = sub / "page.txt"
    f.write_text("Some plain prose that is long enough to be a body paragraph of text.")
    assert read_path(f, tmp_path).document.source.path == "archive/x/page.txt"
    # The archive root is found above the file, whatever folder (or none) was given.
    assert read_path(f).document.source.path == "archive/x/page.txt"
    assert read_path(f, sub).document.source.path == "archive/x/page.txt"
    assert read_path(f).document.source.sha256 == hashlib.sha256(f.read_bytes()).hexdigest()
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / "page.txt").write_bytes(f.read_bytes())
    assert read_path(loose / "page.txt").document.source.path == "page.txt"   # outside any archive


def test_missing_file_fails_with_reason(tmp_path):
    out = read_path(tmp_path / "nope.htm", tmp_path)
    assert isinstance(out, Failed) and all("cannot read" in w for w in out.reasons.values())


def test_outcomes_pickle_for_worker_processes(seed_html, corpus_root):
    import pickle
    out = read_path(seed_html, corpus_root)
    back = pickle.loads(pickle.dumps(out))
    assert back.document.text == out.document.text and back.document.record == out.document.record


def test_paths_are_recorded_where_found_not_where_links_point(tmp_path, corpus_root):
    """A linked file keeps its place in the ingested folder, so a re-run recognises it."""
    import os
    from witness.ingest import read_path
    (tmp_path / "tree/archive/x").mkdir(parents=True)
    link = tmp_path / "tree/archive/x/y.htm"
    os.symlink(corpus_root / "archive/serge/1937/08/yagoda.htm", link)
    out = read_path(link, tmp_path / "tree")
    assert out.document.source.path == "archive/x/y.htm"
    assert read_path(tmp_path / "tree/archive/x/../x/y.htm", tmp_path / "tree").document.source.path \
        == "archive/x/y.htm"
