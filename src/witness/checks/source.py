"""What reading the file did to it: bytes that were not text, a file that stops mid-page.

The readers never fail a page over a few bad bytes, and never cut one short silently: they
read what is there and these rules say what was lost (issue 17).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from .base import Context, rule

_FFFD = re.compile("\ufffd+")


@rule("replacement-character", "error", "bytes that were not valid in the page's encoding (shown as �)")
def replacement_character(doc: Document, ctx: Context) -> Iterator[Finding]:
    text = doc.text
    if "\ufffd" not in text:
        return
    for m in _FFFD.finditer(text):
        n = m.end() - m.start()
        yield Finding("replacement-character", "error", m.start(), m.end(),
                      f"{n} byte{'s' if n > 1 else ''} here {'were' if n > 1 else 'was'} not valid "
                      f"{doc.source.encoding or 'text'} and {'are' if n > 1 else 'is'} shown as �: "
                      "compare with the original")


@rule("nul-bytes", "warning", "NUL bytes in the file, dropped from the text")
def nul_bytes(doc: Document, ctx: Context) -> Iterator[Finding]:
    n = doc.extra.get("nul_bytes")
    if n:
        yield Finding("nul-bytes", "warning", 0, 0,
                      f"the file holds {n} NUL byte{'s' if n > 1 else ''} (a damaged copy?): "
                      "dropped from the text, which may have lost characters there")


@rule("truncated-file", "warning", "an HTML file that stops before its end (no </html>)")
def truncated_file(doc: Document, ctx: Context) -> Iterator[Finding]:
    if doc.extra.get("truncated"):
        end = len(doc.text)
        yield Finding("truncated-file", "warning", max(0, end - 1), end,
                      "the file stops before the end of the page (no closing </html>): "
                      "text after this point may be missing")
