"""The reading view of a document: its paragraphs, each with what belongs in its margin.

The margin of a paragraph holds the notes called in it, the persons it names and the claims
whose evidence starts in it, so a reader sees them beside the words they belong to (and,
on a narrow screen, folded in after the paragraph).  Plain reading shows notes and persons;
the annotated view adds the claims and marks their evidence in the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import HEDGED, Document
from .render import Paragraph, paragraphs_html

NOTE_CLIP = 280          # characters of a note shown in the margin (the whole note is below the text)
VIEWS = ("plain", "annotated")


@dataclass
class MarginNote:
    index: int
    label: str
    text: str
    clipped: bool


@dataclass
class MarginPerson:
    id: str
    name: str


@dataclass
class MarginClaim:
    index: int
    subject: str
    subject_name: str
    predicate: str
    object: str | None
    date: str | None
    place: str | None
    certainty: str
    hedged: bool


@dataclass
class ReadingRow:
    n: int
    paragraph: Paragraph
    notes: list[MarginNote] = field(default_factory=list)
    persons: list[MarginPerson] = field(default_factory=list)
    claims: list[MarginClaim] = field(default_factory=list)


def _which(starts: list[int], offset: int) -> int:
    """Index of the paragraph holding `offset` (the last one starting at or before it)."""
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return max(lo - 1, 0)


def reading_rows(doc: Document) -> list[ReadingRow]:
    rows = [ReadingRow(n, p) for n, p in enumerate(paragraphs_html(doc), start=1)]
    if not rows:
        return rows
    starts = [r.paragraph.start for r in rows]
    names = {e.id: e.name for e in doc.entities}
    for i, note in enumerate(doc.notes):
        if note.called:
            text = " ".join(note.text.split())
            clipped = len(text) > NOTE_CLIP
            if clipped:
                text = text[:NOTE_CLIP].rsplit(" ", 1)[0] + " …"
            rows[_which(starts, note.start)].notes.append(MarginNote(i, note.label, text, clipped))
    seen: set[tuple[int, str]] = set()
    for m in doc.mentions:
        if m.type == "person" and m.entity:
            row = rows[_which(starts, m.start)]
            if (row.n, m.entity) not in seen:
                seen.add((row.n, m.entity))
                row.persons.append(MarginPerson(m.entity, names.get(m.entity) or m.text))
    for i, c in enumerate(doc.claims):
        rows[_which(starts, c.evidence.start)].claims.append(MarginClaim(
            i, c.subject, names.get(c.subject) or c.subject, c.predicate.replace("_", " "), c.object,
            c.date, c.place, c.certainty, c.certainty in HEDGED))
    return rows


def excerpt(text: str, start: int, end: int, radius: int = 60) -> tuple[str, str, str]:
    """(before, the words, after) of a span, cut at most `radius` characters either side."""
    lo, hi = max(0, start - radius), min(len(text), end + radius)
    return (("…" if lo else "") + text[lo:start], text[start:end], text[end:hi] + ("…" if hi < len(text) else ""))


def view_of(value: str | None) -> str:
    return value if value in VIEWS else "plain"
