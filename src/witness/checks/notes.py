"""Footnote calls and notes that do not meet: a call with no note, a note never called."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from .base import Context, rule


_NO_NOTE = re.compile(r"\bno (?:foot|end)?note\b", re.IGNORECASE)


def _reportable(note) -> bool:
    """Uncalled notes worth a volunteer's time.  Left out: symbol labels (*, †), which pages
    attach by position rather than by link; one-word "notes" (table cells read as notes);
    an editor's remark that the original has no such note."""
    if not any(ch.isalnum() for ch in note.label):
        return False
    if len(note.text.split()) < 2:
        return False
    return not _NO_NOTE.search(note.text)


@rule("broken-note", "warning", "a footnote call with no note, or a note never called")
def broken_note(doc: Document, ctx: Context) -> Iterator[Finding]:
    labels = {n.label for n in doc.notes}
    for call in doc.extra.get("note_calls", []) or []:
        if call.get("label") not in labels:
            start, end = int(call.get("start", 0)), int(call.get("end", 0))
            yield Finding("broken-note", "warning", start, end,
                          f"Note call [{call.get('label')}] has no note: the note is missing "
                          "or its link is wrong")
    for note in doc.notes:
        if not note.called and _reportable(note):
            head = " ".join(note.text.split())[:60]
            yield Finding("broken-note", "warning", note.start, note.end,
                          f"Note [{note.label}] (“{head}…”) is never called in the text")
