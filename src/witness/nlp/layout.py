"""Lines of a page that are not its body: page furniture (transcription notes, archive
footers) and headings.  Names standing in them are not mentions of the text (rules.py)."""

from __future__ import annotations

import re

# Lines of page furniture: names in them are not mentions of the body.
FURNITURE = re.compile(
    r"(?im)^[ \t]*(?:(?:transcri|marked up|mark-?up|html mark|proofread|source:|online version"
    r"|copyleft|public domain|last updated|top of the page|written:|first published|translated"
    r"|translation:|publisher:|write .{0,60}archive).*"
    r"|[^\n]{0,80}\b(?:internet|reference|marxists[’']?) archive\b[^\n]{0,40}"
    r"|[^\n]{0,60}\barchive(?:s)?\s*$)")


# A short paragraph in title case without a final stop: a heading.
HEADING = re.compile(r"(?m)^(?:[A-Z][\w’'\-]*|of|the|and|in|on|for|to|a|an|by|at|with|“|”)"
                     r"(?:[ \t]+(?:[A-Z\d][\w’'\-.,]*|of|the|and|in|on|for|to|a|an|by|at|with|[“”‘’]))"
                     r"{0,8}[ \t]*$")


_BLANK_END = re.compile(r"\s*\Z")


def _heading(text: str, m) -> bool:
    """A title-case line that stands apart: a paragraph of its own, a line in capitals, or a
    line without commas inside it after a finished sentence.  In a newspaper column a
    wrapped line of a list ("Lemuel Riddick, Rizup Rawles,") or of a sentence ("at Jim
    Carlen and Mansfield Judd") has the same shape and is no heading."""
    a, b = m.start(), m.end()
    before = text[max(0, a - 200):a].rstrip(" \t")
    if a > 200 and not before:
        before = "x"     # only spaces in the window: a line inside the text
    if (not before or before.endswith("\n\n")) and (text.startswith("\n\n", b)
                                                     or _BLANK_END.match(text, b)):
        return True
    line = m.group().strip()
    if line.isupper():
        return True                                   # "FEMALE SEMINARY."
    prev = before[:-1].rstrip() if before.endswith("\n") else before
    return ("," not in line.rstrip(",") and line[:1].isupper()
            and (not prev or before.endswith("\n\n") or prev[-1] in ".!?:;\"”"))


def furniture_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in FURNITURE.finditer(text)]


def heading_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in HEADING.finditer(text) if _heading(text, m)]
