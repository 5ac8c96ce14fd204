"""Is this document in English?  The word-level rules (doubled words, hyphenation, agreement)
are tuned on English and would cry wolf on the corpus's Spanish, German or Estonian pages
("die die", "nous nous" are grammatical there)."""

from __future__ import annotations

import re
from itertools import filterfalse

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
    # The same counts as over _WORD.findall(head), which is slow (~20 ns a character): a
    # whitespace token made of letters only is exactly one _WORD match (isalpha implies
    # [^\W\d_], checked over all of Unicode), so only the other tokens go through the regex,
    # joined by spaces (which no word spans).  Order does not matter to a count.
    tokens = doc.text[:sample].lower().split()
    plain = list(filter(str.isalpha, tokens))
    mixed = _WORD.findall(" ".join(filterfalse(str.isalpha, tokens)))
    total = len(plain) + len(mixed)
    if total < 20:
        return True  # too little to judge; trust the record
    common = sum(map(_COMMON.__contains__, plain)) + sum(map(_COMMON.__contains__, mixed))
    share = common / total
    # English prose runs at 35–50% of these words; other languages well under 10%.
    return share >= 0.15
