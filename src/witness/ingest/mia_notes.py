"""Footnotes of an MIA page: which in-page links are note calls, where their notes are, and
the notes' text.

A call is a link to an anchor later in the page that sits in a note block (``p.note``…), links
back, or has a note-like id; the note block leaves the body text (``mia_html``).  Note-class
blocks after a "Notes" heading that no link calls may be called by a printed "[n]".
"""

from __future__ import annotations

import re

from ..model import Note
from ..record import clean
from .textbuild import (HEADINGS, block_of as _block_of, classes as _classes, element_text, inline_text,
                        tc as _tc)

_PRINTED_CALL = re.compile(r"\s?(\[[^\]\s]{1,4}\]|\(\d{1,3}\)|\d{1,3}(?!\d))")
NOTE_CLASSES = frozenset({"note", "endnote", "enote", "anote", "ednote", "inote", "pagenote",
                          "pagenoteb", "mn-note", "foot", "notes", "endnotes", "footnote", "footnotes"})
_NOTE_ID = re.compile(r"^(?:n|fn|ftn|_edn|_ftn|note|en|nb|rn|tn|footnote|endnote|fw)\d+[a-z]?$", re.I)
_MARKER = re.compile(r"^[\[\(]?\s*(?:\d{1,3}[a-z]?|[*†‡§]+|[a-z])\s*[\]\)]?\.?$", re.I)
NOTES_HEADING = re.compile(
    r"^(?:(?:author|editor|translator|transcriber)[’']?s\s+|editorial\s+|mia\s+)?"
    r"(?:foot|end)?notes?(?:\s+by\s+(?:the\s+)?\w+)?\s*:?$", re.I)


def _label_of(call, href: str) -> str:
    text = clean(_tc(call)).strip("[]() .")
    if text:
        return text
    m = re.search(r"\d+[a-z]?$", href)
    return m.group(0) if m else href.lstrip("#")


def find_calls(links: list, ids: dict, order: dict, body) -> tuple[list, dict]:
    """Pairs call → note anchor, calls with a missing note, and the note blocks: (calls, note
    blocks).  `links`: the page's in-page links in order; `ids`: id → element; `order`: element →
    position in the page."""
    calls: list = []           # (call element, label, target element | None)
    note_blocks: dict = {}     # block → [target anchors]
    for a in links:
        href = a.get("href")
        key = href[1:]
        if key.lower() in ("top", "contents", "toc"):
            continue
        target = ids.get(key)
        text = clean(_tc(a))
        marker = bool(_MARKER.match(text)) or (not text and _NOTE_ID.match(key) is not None)
        own_block = _block_of(a)
        if own_block is not None and _classes(own_block) & NOTE_CLASSES and own_block is not body:
            # A link inside a note block is the note's way back (or a note citing a note).
            if target is None or order.get(target, 0) < order.get(a, 0):
                continue
        if target is None:
            if marker and _NOTE_ID.match(key):
                calls.append((a, _label_of(a, href), None))
            continue
        if order.get(target, -1) <= order.get(a, 0) or target.tag in HEADINGS:
            continue
        block = _block_of(target)
        if block is None or block is body or block.tag in HEADINGS:
            continue
        back = target.get("href") or ""
        own = {a.get("id"), a.get("name")} - {None}
        links_back = back.startswith("#") and back[1:] in own
        note_like = bool(_classes(block) & NOTE_CLASSES) or _NOTE_ID.match(key) is not None
        if not (links_back or (note_like and marker)):
            continue
        # A "block" holding the call itself (a wrapper div) is not a note.
        if any(anc is block for anc in a.iterancestors()):
            continue
        calls.append((a, _label_of(a, href), target))
        note_blocks.setdefault(block, []).append(target)
    return calls, note_blocks


def read_notes(text: str, call_spans: dict, calls_found: list, note_blocks: dict,
               class_notes: list) -> tuple[list[Note], list[dict]]:
    """The notes and the calls in `text` (the body text; `call_spans`: call element → its span
    in it), from find_calls's calls and note blocks and the note-class blocks after a Notes
    heading (`class_notes`), which may be called by a printed "[n]" alone."""
    notes: list[Note] = []
    calls: list[dict] = []
    note_text: dict = {}
    for block, targets in note_blocks.items():
        btext, bspans = element_text(block, marks=set(targets))
        btext = btext.replace("\n\n", " ")
        starts = sorted((bspans.get(t, (0, 0))[0], i, t) for i, t in enumerate(targets))
        for k, (s, _, t) in enumerate(starts):
            end = starts[k + 1][0] if k + 1 < len(starts) else len(btext)
            seg = btext[s:end] if k else btext[:end]
            note_text[t] = _strip_marker(seg, t)
    for a, label, target in calls_found:
        span = call_spans.get(a)
        if span is None:
            continue
        if span[0] == span[1]:
            # An empty anchor before a printed marker: <a href="#n1"></a>[1]
            m = _PRINTED_CALL.match(text, span[0])
            if m:
                span = (m.start(1), m.end(1))
                label = m.group(1).strip("[]()")
        calls.append({"label": label, "start": span[0], "end": span[1]})
        if target is not None and target in note_text:
            notes.append(Note(label=label, start=span[0], end=span[1], text=note_text[target]))
    # Note-class blocks after a Notes heading that no link calls: try a printed "[n]" call.
    pos = 0
    for block in class_notes:
        if block in note_blocks:
            continue
        btext = inline_text(block)
        m = re.match(r"^\s*[\[\(]?(\d{1,3}|\*+)[\]\)]?\.?\s+", btext)
        if not m:
            continue
        label = m.group(1)
        body = btext[m.end():].strip()
        found = re.compile(rf"\[{re.escape(label)}\]").search(text, pos)
        if found:
            pos = found.end()
            calls.append({"label": label, "start": found.start(), "end": found.end()})
            notes.append(Note(label=label, start=found.start(), end=found.end(), text=body))
        else:
            notes.append(Note(label=label, start=0, end=0, text=body, called=False))
    calls.sort(key=lambda c: c["start"])
    return notes, calls


def _strip_marker(seg: str, target) -> str:
    seg = seg.strip()
    marker = clean(_tc(target))
    if marker and seg.startswith(marker):
        seg = seg[len(marker):]
    else:
        seg = re.sub(r"^[\[\(]?\s*(?:\d{1,3}[a-z]?|[*†‡]+)\s*[\]\)]?\.?\s", "", seg)
    return seg.strip(" .:)]\u00a0") if len(seg.strip(" .:)]")) < 2 else seg.lstrip(" .:)]").strip()
