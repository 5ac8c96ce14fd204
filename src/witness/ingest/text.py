"""Reader for plain-text exports of archive pages (``seed-000_….txt``).

Layout, blocks separated by blank lines::

    Victor Serge                              ← author
    The End of Henry Yagoda                   ← title
    Stalin Imprisons … / Because He Knew …   ← subtitle (one block, several lines)
    (August 1938)                             ← heading date
    From Socialist Appeal, …                  ← header block: source and credit lines
    Transcribed & marked up by … for the …
    body paragraphs …
    Last updated on 27 July 2018

The header lines go through the same record functions as the HTML reader's, so a page and
its export give the same record.
"""

from __future__ import annotations

import re

from ..model import Document, Note, Source
from ..record import RecordBuilder, clean, normalise_name, parse_credit_line, parse_date
from .base import Decline, RawInput, Skipped
from .encoding import decode
from .ids import doc_id

NAME = "text"

_HEADER_LINE = re.compile(
    r"^(?:from\b|first published|published\b|originally published|source\s*:|written\s*:?|"
    r"translated|transcri|marked up|mark-up|markup|html|proofread|public domain|copyleft|copyright)",
    re.I)
_UPDATED = re.compile(r"^\s*last\s+updated(?:\s+on)?\b", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_BLANKS = re.compile(r"\n[ \t]*\n\s*")


def read(raw: RawInput) -> Document | Skipped:
    data = raw.data
    if not data.strip():
        raise Decline("empty file")
    if b"\x00" in data[:8192]:
        raise Decline("binary data (NUL bytes), not text")
    text, encoding = decode(data)
    sample = text[:8192]
    if len(_CONTROL.findall(sample)) > max(2, len(sample) // 200):
        raise Decline("binary data (control characters), not text")
    head = sample.lstrip()[:512].lower()
    if head.startswith("<") and re.match(r"<(?:!doctype|html|\?xml|head|body|tei|p\b|div)", head):
        raise Decline("markup (HTML/XML), not plain text")
    if raw.relpath.lower().endswith((".css", ".js", ".json")):
        raise Decline("not a plain-text export (stylesheet/script/data file)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = [b for b in _BLANKS.split(text.strip()) if b.strip()]
    if not blocks:
        raise Decline("empty file")
    rb = RecordBuilder()
    # The header runs until the block of "From …"/"Transcribed by …" lines; no such block means
    # no header we can trust, and the whole file is body.
    header_end = None
    for i, b in enumerate(blocks[:12]):
        lines = [clean(x) for x in b.split("\n") if x.strip()]
        if lines and all(_HEADER_LINE.match(x) or parse_credit_line(x) for x in lines):
            header_end = i
            break
    body_blocks = blocks
    if header_end is not None:
        top = blocks[:header_end]
        for line in (clean(x) for x in blocks[header_end].split("\n")):
            if line.lower().startswith("written"):
                rb.labelled("Written", line[7:].lstrip(" :"))
            else:
                rb.info_line(line)
        if top and re.fullmatch(r"\(?[^()]*\)?", clean(top[-1])) and parse_date(top[-1]) \
                and len(clean(top[-1])) < 60:
            rb.heading_date(clean(top[-1]))
            top = top[:-1]
        if len(top) >= 2:
            rb.rec.authors = [normalise_name(clean(top[0]))]
            rb.rec.title = clean(top[1])
            rb.rec.subtitle = " ".join(clean(t) for t in top[2:]) or None
        elif top:
            rb.rec.title = clean(top[0])
        body_blocks = blocks[header_end + 1:]
    if body_blocks and _UPDATED.match(body_blocks[-1]) and len(body_blocks[-1]) < 120:
        rb.last_updated(body_blocks.pop())
    paras = [clean(b) for b in body_blocks]
    paras = [p for p in paras if p]
    note_paras: list[str] = []
    for i in range(len(paras) - 1, 0, -1):
        if re.fullmatch(r"(?:foot|end)?notes?:?", paras[i], re.I):
            note_paras, paras = paras[i + 1:], paras[:i]
            break
    body = "\n\n".join(paras)
    if len(body) < 40:
        return Skipped(raw.relpath, NAME, f"almost no body text ({len(body)} characters)")
    rec = rb.finish()
    if header_end is None:
        rec.title = None
    doc = Document(id=doc_id(raw.relpath),
                   source=Source(path=raw.relpath, format=NAME, sha256=raw.sha256, encoding=encoding),
                   record=rec, text=body)
    calls: list[dict] = []
    if note_paras:
        # With a Notes section, every "[n]" in the body is a call, matched or not.
        calls = [{"label": m.group(1), "start": m.start(), "end": m.end()}
                 for m in re.finditer(r"\[(\d{1,3}|\*+)\]", body)]
    for p in note_paras:
        m = re.match(r"^[\[\(]?(\d{1,3}|\*+)[\]\)]?\.?\s+", p)
        if not m:
            continue
        label, note = m.group(1), p[m.end():].strip()
        call = next((c for c in calls if c["label"] == label), None)
        if call:
            doc.notes.append(Note(label, call["start"], call["end"], note))
        else:
            doc.notes.append(Note(label, 0, 0, note, called=False))
    doc.extra["note_calls"] = calls
    if rb.unknown_labels:
        doc.extra["unknown_labels"] = rb.unknown_labels
    return doc
