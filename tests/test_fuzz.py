"""Fuzzing the readers and the record parser (Hypothesis), issue 17.

Random bytes, truncations and mutations of real corpus pages: every input ends stored, skipped
or failed with a reason — never a traceback, and never a reader that "crashed" (a crash is
reported as a reason so the batch goes on, but it is still a bug).  A document that is read
also goes through the checks and into a real SQLite archive.

The examples are derandomised (the same ones every run) so the suite stays repeatable;
``WITNESS_FUZZ=N`` runs N random examples per test instead, for a deeper search.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from witness.ingest import Failed, RawInput, Read, Skipped, read_input
from witness.record import (RecordBuilder, clean, normalise_name, parse_credit_line, parse_date, parse_names,
                            parse_source_line)

DEEP = int(os.environ.get("WITNESS_FUZZ", "0"))
FUZZ = settings(max_examples=DEEP or 150, deadline=None, derandomize=not DEEP, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

# Snippets that have broken readers before, or are meant to: markup edges, encodings, controls.
NASTY = [b"<", b">", b"</html>", b"<html>", b"<!--", b"-->", b"<![CDATA[", b"]]>", b"<p class='info'>",
         b"<hr class='infotop'>", b"<h1>", b"</h1>", b"<a href='#n1'>1</a>", b"<p class='note'>",
         b"<span class='info'>Source:</span>", b"&#xD800;", b"&#0;", b"&#x110000;", b"&nbsp;", b"&amp",
         b"\x00", b"\xff", b"\xfe\xff", b"\xef\xbb\xbf", b"\xc3", b"\xe2\x80", b"\r", b"\r\n\r\n",
         b"<div>" * 300, b"<?xml version='1.0' encoding='utf-16'?>", b"<TEI xmlns='http://www.tei-c.org/ns/1.0'>",
         b"<meta charset='koi8-r'>", b"<meta charset='x-unknown'>", "Сталин".encode(), "‮".encode(),
         b"Transcribed by ", b"Last updated on ", b"First Published: ", b"(August 1938)", b"\n\n", b" " * 5000]


@pytest.fixture(scope="module")
def pages(corpus_root) -> list[tuple[str, bytes]]:
    """A fixed sample of real pages: HTML of both generations, Latin-1 and UTF-8, plus the text export."""
    rng = random.Random(17)
    every = sorted(p for p in corpus_root.rglob("*.htm*") if p.is_file())
    chosen = rng.sample(every, 40) + [corpus_root / "archive/serge/1937/08/yagoda.htm"]
    out = [(p.relative_to(corpus_root).as_posix(), p.read_bytes()) for p in chosen]
    seed = Path(__file__).resolve().parent.parent.parent / "shared/corpus/seed-000_48f42ec88d016539.txt"
    if seed.exists():
        out.append(("seed.txt", seed.read_bytes()))
    tei = Path(__file__).resolve().parent / "fixtures/tei"          # TEI, ours and others'
    out += [(f"tei/{p.name}", p.read_bytes()) for p in sorted(tei.glob("*.xml"))]
    return out


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from witness.store import open_store
    s = open_store(tmp_path_factory.mktemp("fuzz") / "f.db")
    yield s
    s.close()


def _mutate(data: bytes, ops: list[tuple[int, int, int, int]]) -> bytes:
    """Apply (kind, position, length, snippet) edits: truncate, flip, delete, duplicate, insert."""
    for kind, pos, length, snip in ops:
        if not data:
            data = NASTY[snip]
            continue
        i = pos % len(data)
        if kind == 0:
            data = data[:i]                                          # truncation
        elif kind == 1:
            data = data[:i] + bytes([(data[i] + length) % 256]) + data[i + 1:]   # one byte changed
        elif kind == 2:
            data = data[:i] + data[i + length:]                      # a slice lost
        elif kind == 3:
            data = data[:i] + data[i:i + length] * 3 + data[i + length:]   # a slice repeated
        else:
            data = data[:i] + NASTY[snip] + data[i:]                 # a nasty snippet inserted
    return data


def _assert_outcome(out, store, relpath: str, data: bytes) -> None:
    assert isinstance(out, (Read, Skipped, Failed)), out
    if isinstance(out, Failed):
        assert out.reasons and all(why.strip() for why in out.reasons.values())
        crashed = {k: v for k, v in out.reasons.items() if v.startswith("crashed")}
        assert not crashed, crashed
        return
    if isinstance(out, Skipped):
        assert out.reason.strip()
        return
    doc = out.document
    from witness.checks import run_checks
    doc.findings = run_checks(doc)
    for f in doc.findings:
        assert 0 <= f.start <= f.end <= len(doc.text), f
    for n in doc.notes:
        assert 0 <= n.start <= n.end <= len(doc.text), n
    json.dumps(doc.to_json(), ensure_ascii=False).encode("utf-8")   # storable as UTF-8 JSON
    res = store.put_document(doc)
    assert res.status in ("new", "updated", "unchanged")
    back = store.get_document(res.id)
    assert back.text == doc.text and back.source.sha256 == hashlib.sha256(data).hexdigest()


def _raw(relpath: str, data: bytes) -> RawInput:
    return RawInput(Path(relpath), relpath, data, hashlib.sha256(data).hexdigest())


@pytest.mark.corpus
@FUZZ
@given(pick=st.integers(0, 10_000),
       ops=st.lists(st.tuples(st.integers(0, 4), st.integers(0, 10**7), st.integers(1, 4000),
                              st.integers(0, len(NASTY) - 1)), min_size=1, max_size=6))
def test_mutated_corpus_pages_end_stored_skipped_or_failed_with_a_reason(pages, store, pick, ops):
    relpath, data = pages[pick % len(pages)]
    data = _mutate(data, ops)
    _assert_outcome(read_input(_raw(relpath, data)), store, relpath, data)


@FUZZ
@given(data=st.binary(max_size=6000), ext=st.sampled_from([".htm", ".html", ".txt", ".xml", ".css", ""]))
def test_random_bytes_end_skipped_or_failed_with_a_reason(tmp_path_factory, data, ext):
    from witness.store import open_store
    with open_store(tmp_path_factory.getbasetemp() / "random.db") as store:
        _assert_outcome(read_input(_raw("random/page" + ext, data)), store, "random/page" + ext, data)


@FUZZ
@given(parts=st.lists(st.one_of(st.text(max_size=60), st.sampled_from(
    [s.decode("utf-8", "replace") for s in NASTY[:40]] + ["Vol. II No. 3", "28 August 1937", "1901-1941",
     "Translated by A & B", "Source: The Militant", "Transcription/Markup: ", "1530s", "Feb. 30, 1937",
     "Written: 32 Smarch 1937", "pp. 37–40", "Last updated on 1/1/1", "(", ")", ":", ";", ","])), max_size=8))
def test_the_record_parser_never_raises(parts):
    line = " ".join(parts)
    for fn in (parse_date, clean, normalise_name, parse_names, parse_credit_line, parse_source_line):
        fn(line)
    rb = RecordBuilder()
    rb.info_line(line)
    rb.labelled(parts[0] if parts else "", line)
    rb.heading_date(line)
    rb.last_updated(line)
    rec = rb.finish()
    d = rec.date
    assert d is None or (len(d) in (4, 7, 10) and d[:4].isdigit()), d
