"""Decode page bytes: the declared charset is often wrong in the corpus, so trust the bytes first."""

from __future__ import annotations

import codecs
import re

_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XMLDECL = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_C1 = re.compile(rb"[\x80-\x9f]")

# Declared names seen in the corpus, typos included ("utrf-8", "iso8850-1", "rtf-8").
_ALIASES = {
    "utf": "utf-8", "utf8": "utf-8", "utrf-8": "utf-8", "rtf-8": "utf-8", "iutf-8": "utf-8",
    "utf-98": "utf-8", "iso": "iso-8859-1", "iso-8859": "iso-8859-1", "iso8850-1": "iso-8859-1",
    "latin-1": "iso-8859-1", "latin1": "iso-8859-1", "us-ascii": "iso-8859-1", "ascii": "iso-8859-1",
}


def declared_charset(data: bytes) -> str | None:
    head = data[:4096]
    m = _META.search(head) or _XMLDECL.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower().strip("-")
    return _ALIASES.get(name, name)


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding as detected).

    Strict UTF-8 first (a page declared iso-8859-1 whose bytes are UTF-8 decodes right),
    then the declared charset, where iso-8859-1 means windows-1252 as browsers do (the corpus
    has curly quotes in 0x80–0x9F under a latin-1 declaration), then windows-1252, then latin-1.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace"), "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace"), "utf-16"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if text.isascii() and declared:
            return text, declared  # pure ASCII: the declaration is not contradicted
        return text, "utf-8"
    candidates = []
    if declared and declared != "utf-8":
        try:
            name = codecs.lookup(declared).name
        except LookupError:
            name = None
        if name:
            candidates.append("cp1252" if name == "iso8859-1" else name)
    candidates += ["cp1252", "latin-1"]
    for name in candidates:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if name == "cp1252" and not _C1.search(data):
            return text, "iso-8859-1"  # no byte where the two differ
        return text, _public_name(name)
    return data.decode("latin-1"), "iso-8859-1"  # unreachable: latin-1 decodes every byte


def _public_name(codec: str) -> str:
    return {"cp1252": "windows-1252", "latin-1": "iso-8859-1", "iso8859-1": "iso-8859-1",
            "cp1251": "windows-1251", "iso8859-2": "iso-8859-2"}.get(codec, codec)
