"""Every page of the 9k corpus is read or skipped with a reason; nothing fails."""

from __future__ import annotations

import collections
from multiprocessing import Pool
from pathlib import Path

import pytest

from witness.ingest import Read, Skipped, read_path

_ROOT: Path | None = None


def _init(root: Path) -> None:
    global _ROOT
    _ROOT = root


def _one(path: Path):
    out = read_path(path, _ROOT)
    if isinstance(out, Read):
        d = out.document
        bad = []
        if d.text != d.text.strip() or "\n\n\n" in d.text:
            bad.append("text shape")
        for c in d.extra.get("note_calls", []):
            if not (0 <= c["start"] <= c["end"] <= len(d.text)):
                bad.append("call offsets")
        return ("read", out.document.source.path, bad)
    if isinstance(out, Skipped):
        return ("skipped", out.relpath, out.reason)
    return ("failed", out.relpath, out.reasons)


@pytest.mark.slow
@pytest.mark.corpus
def test_whole_corpus_is_read_or_skipped(corpus_root):
    files = sorted(p for p in corpus_root.rglob("*") if p.is_file())
    assert len(files) == 9247
    with Pool(2, initializer=_init, initargs=(corpus_root,)) as pool:
        results = pool.map(_one, files, chunksize=64)
    kinds = collections.Counter(r[0] for r in results)
    failed = [r for r in results if r[0] == "failed"]
    assert failed == []
    assert all(r[2] for r in results if r[0] == "skipped")  # every skip says why
    assert [r for r in results if r[0] == "read" and r[2]] == []
    # conservative skipping: the great majority of the corpus is documents
    assert kinds["read"] > 8500 and kinds["skipped"] < 600
    ids = collections.Counter(r[1] for r in results if r[0] == "read")
    assert max(ids.values()) == 1
