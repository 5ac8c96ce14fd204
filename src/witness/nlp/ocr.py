"""Words an OCR'd newspaper column breaks over a line end ("Harri¬⏎son", "Cow-⏎per").

The model reads "Harri¬" and "son" as two words and finds half a name or none, so the
text the model sees has such words joined; the mentions it finds are mapped back onto the
original text (stored text is never changed).  A "¬" before a line break is always a break
of the printer's or the OCR's; a plain hyphen only when a lowercase letter follows on the
next line ("Cow-⏎per", not "Austro-⏎Hungarian").  Pages without either pass unchanged.
"""

from __future__ import annotations

import bisect
import re

_BROKEN = re.compile(r"(?<=\w)(?:¬[ \t]*\n|-\n(?=[a-z]))[ \t]*(?=\w)")


class Joined:
    """``text`` with broken words joined, and the way back to the original offsets."""

    __slots__ = ("text", "_at", "_shift")

    def __init__(self, original: str):
        parts, at, shift, last, removed = [], [], [], 0, 0
        for m in _BROKEN.finditer(original):
            parts.append(original[last:m.start()])
            removed += m.end() - m.start()
            at.append(m.start() - (removed - (m.end() - m.start())))  # joined offset of the cut
            shift.append(removed)
            last = m.end()
        parts.append(original[last:])
        self.text = "".join(parts) if at else original
        self._at, self._shift = at, shift

    def start(self, i: int) -> int:
        """The original offset of the character at joined offset ``i``."""
        k = bisect.bisect_right(self._at, i) - 1
        return i + (self._shift[k] if k >= 0 else 0)

    def end(self, j: int) -> int:
        """The original offset just after a span that ends (exclusive) at joined ``j``."""
        return self.start(j - 1) + 1 if j > 0 else 0

    def __bool__(self) -> bool:
        return bool(self._at)
