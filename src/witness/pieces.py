"""Long texts in pieces: every stage that builds a per-word structure (spaCy's Doc, a check's
word list, the duplicate shingles) takes a very long page a piece at a time, so that its memory
follows the piece, not the page (issue 17: a 20 MB page under 1 GB per process)."""

from __future__ import annotations


def pieces(text: str, size: int) -> list[tuple[int, str]]:
    """(offset, piece) pieces of at most ~size characters, cut after a blank line, else after a
    space — never inside a word."""
    if len(text) <= size:
        return [(0, text)]
    out, pos = [], 0
    while pos < len(text):
        end = min(len(text), pos + size)
        if end < len(text):
            cut = text.rfind("\n\n", pos + size // 2, end)
            if cut < 0:
                cut = text.rfind(" ", pos + size // 2, end)
            end = cut + 1 if cut >= 0 else end
        out.append((pos, text[pos:end]))
        pos = end
    return out
