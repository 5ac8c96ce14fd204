"""Helpers of the record tests: the record the reader makes of a corpus page, or of a small page
written into a temporary archive."""

from __future__ import annotations

from witness.ingest import read_path
from witness.ingest.base import Read


def record_of(root, rel):
    """The record of the page at `rel` under the archive root `root` (it must be read)."""
    out = read_path(root / rel, root)
    assert isinstance(out, Read), out
    return out.document.record


def page_record(tmp_path, rel, head, body, foot=""):
    """The record of a page written at `rel` with this head and body, then enough prose to be a
    document, then `foot`."""
    page = tmp_path / rel
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"<html><head>{head}</head><body>{body}<p>{'Some prose. ' * 30}</p>{foot}</body></html>",
                    encoding="utf-8")
    return record_of(tmp_path, rel)
