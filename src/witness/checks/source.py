"""What reading the file did to it: NUL bytes dropped, a file that stops mid-page.

The readers never fail a page over a few bad bytes, and never cut one short silently: they
read what is there and these rules say what was lost (issue 17).  Bytes invalid in the page's
encoding become U+FFFD, which `lost-character` (text.py) reports.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Document, Finding
from .base import Context, rule

@rule("nul-bytes", "warning", "NUL bytes in the file, dropped from the text")
def nul_bytes(doc: Document, ctx: Context) -> Iterator[Finding]:
    n = doc.extra.get("nul_bytes")
    if n:
        yield Finding("nul-bytes", "warning", 0, 0,
                      f"the file holds {n} NUL byte{'s' if n > 1 else ''} (a damaged copy?): "
                      "dropped from the text, which may have lost characters there")


@rule("truncated-file", "warning", "an HTML file that stops inside its text (no </html>, no closing tag)")
def truncated_file(doc: Document, ctx: Context) -> Iterator[Finding]:
    # Not every page without </html> is cut short: 24 corpus pages simply omit it after their
    # footer.  A file that stops inside text or inside a tag is.
    if doc.extra.get("cut_short"):
        end = len(doc.text)
        yield Finding("truncated-file", "warning", max(0, end - 1), end,
                      "the file stops before the end of the page (no closing </html>): "
                      "text after this point may be missing")
