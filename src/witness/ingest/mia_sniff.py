"""Is this input an HTML page for the MIA reader?  Cheap byte-level tests before any parsing."""

from __future__ import annotations

import re

from .base import Decline

_HTML_SNIFF = re.compile(rb"<(?:!doctype\s+html|html|head|body|p|h[1-6]|div|table|title)[\s>]", re.I)
_TEI = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:TEI|TEI\.2|teiCorpus)[\s>/]")


def sniff(data: bytes) -> None:
    if not data or data.isspace():  # as `not data.strip()`, without copying the page
        raise Decline("empty file")
    if b"\x00" in data[:8192]:
        raise Decline("binary data (NUL bytes), not HTML")
    head = data[:65536]
    if _TEI.search(head) and not re.search(rb"<html[\s>]", head, re.I):
        raise Decline("TEI XML, not HTML")  # TEI has <body>, <p>, <div> too: leave it to the tei reader
    if not _HTML_SNIFF.search(head):
        raise Decline("no HTML markup in the first 64 KB")
