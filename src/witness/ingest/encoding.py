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


# A well-formed UTF-8 sequence of two to four bytes (RFC 3629: no overlongs, no surrogates).
_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
                       rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
                       rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
_HIGH = re.compile(rb"[\x80-\xff]")


def utf8_share(data: bytes) -> tuple[int, int]:
    """(bytes inside well-formed multi-byte UTF-8 sequences, other bytes >= 0x80)."""
    good = sum(len(m) for m in _UTF8_SEQ.findall(data))
    return good, len(_HIGH.findall(data)) - good


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding as detected).

    Strict UTF-8 first (a page declared iso-8859-1 whose bytes are UTF-8 decodes right).
    When that fails, the longest valid reading wins: if more of the bytes above ASCII form
    well-formed UTF-8 sequences than not, the page is UTF-8 with a few bad bytes, and those
    bytes (only) become U+FFFD, which the `lost-character` check reports — one stray
    byte must not turn a whole Russian page into mojibake.  Otherwise the declared charset,
    where iso-8859-1 means windows-1252 as browsers do (the corpus has curly quotes in
    0x80–0x9F under a latin-1 declaration), then windows-1252, then latin-1.
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
    good, bad = utf8_share(data)
    if good > bad:
        return data.decode("utf-8", "replace"), "utf-8"
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


# -- NUL bytes ---------------------------------------------------------------------------------
_CONTROLS = re.compile(rb"[\x01-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def unnul(data: bytes) -> tuple[bytes, str | None, int]:
    """Text interrupted by NUL bytes, made readable: (data, encoding, NULs dropped).

    UTF-16 without a byte-order mark (every other byte NUL in Latin text) is transcoded to
    UTF-8 (encoding "utf-16le"/"utf-16be", nothing dropped); stray NULs in otherwise clean text
    (a crashed editor's padding, a bad copy) are dropped and counted.  Anything else — real
    binary data — comes back unchanged for the readers to decline."""
    if b"\x00" not in data or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data, None, 0             # (with a byte-order mark, UTF-16 is every reader's own)
    sample = data[:65536]
    half = len(sample) // 2
    if half >= 8:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        for nuls, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
            if nuls >= 0.6 * half and other <= 0.02 * half:
                body = data[: len(data) // 2 * 2]
                text = body.decode(codec, "replace")
                if not _CONTROLS.search(text[:8192].encode("utf-8")):
                    return text.encode("utf-8"), codec.replace("-le", "le").replace("-be", "be"), 0
    n = data.count(0)
    stripped = data.replace(b"\x00", b"")
    head = stripped[:65536]
    if n <= len(data) // 2 and stripped.strip() and len(_CONTROLS.findall(head)) <= len(head) // 500:
        return stripped, None, n
    return data, None, 0


def resource_limit(parser) -> str | None:
    """libxml2's message when it stopped at one of its limits (depth, buffer size), else None."""
    for e in parser.error_log:
        if e.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in e.message:
            return e.message.strip()
    return None


def _public_name(codec: str) -> str:
    return {"cp1252": "windows-1252", "latin-1": "iso-8859-1", "iso8859-1": "iso-8859-1",
            "cp1251": "windows-1251", "iso8859-2": "iso-8859-2"}.get(codec, codec)
