"""Is this document in English?  The word-level rules (doubled words, hyphenation, agreement)
are tuned on English and would cry wolf on the corpus's Spanish, German or Estonian pages
("die die", "nous nous" are grammatical there)."""

from __future__ import annotations

import re

from ..model import Document

_WORD = re.compile(r"[^\W\d_]+")
_COMMON = frozenset(
    "the of and to in a is that for it as was with be by on not he this are or his from at "
    "which but have an they we their were has had been its all one".split()
)


def looks_english(doc: Document, sample: int = 4000) -> bool:
    lang = (doc.record.language or "en").lower()
    if not lang.startswith("en"):
        return False
    words = _WORD.findall(doc.text[:sample].lower())
    if len(words) < 20:
        return True  # too little to judge; trust the record
    share = sum(w in _COMMON for w in words) / len(words)
    # English prose runs at 35–50% of these words; other languages well under 10%.
    return share >= 0.15
