"""Likely grammatical slips, kept to a few patterns that are almost never right in print.

Deliberately not flagged: "a people's …" ("a people's war" is good English), "this/that" +
plural ("that means" is a verb), and noun adjuncts after plural determiners ("these party
members"), which a word-pair pattern cannot tell from a slip.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from . import lexicon
from .base import Context, rule

# "by others means", "in others words": the pronoun "others" used as the determiner "other".
_OTHERS_RE = re.compile(
    r"\b(?:by|through|in|under)\s+(others)\s+"
    r"(means|ways|words|things|countries|parties|methods|forms|cases|respects|places|kinds|"
    r"sorts|people|peoples|men|women|comrades|questions|problems|groups|organisations|"
    r"organizations|occasions|reasons|sections|classes|nations|states|times|points|factors)\b",
    re.IGNORECASE,
)
# "these kind of", "those sort of": plural determiner on a singular noun before "of".
_KIND_RE = re.compile(r"\b(these|those)\s+(kind|sort|type)\s+of\b", re.IGNORECASE)
# "these/those/several/many + singular noun" closing a clause: "of these question." —
# the punctuation excludes noun adjuncts ("these party members").
_PLURAL_DET_RE = re.compile(r"\b(these|those)\s+([a-z]{3,})(?=\s*[.,;:!?)])")
# Singular-looking nouns that are plural or uncountable, or adjectives used as nouns.
_NOT_SINGULAR = frozenset(
    "people police clergy cattle personnel staff youth gentry intelligentsia peasantry "
    "proletariat bourgeoisie nobility aristocracy petty means series species sheep fish deer "
    "data media criteria phenomena kind sort type folk poor rich young old few many other "
    "same latter former last first two three four five six seven eight nine ten hundred "
    "thousand million dozen alike together too else also each apart aside vermin".split()
)
# Endings of plurals and of -ing forms used as nouns: "those businessmen", "these literati",
# "those voting".
_PLURAL_LOOKING = ("s", "men", "i", "ae", "ing", "ia", "ata")


@rule("agreement", "info", "a likely grammatical slip (“others means”, “these kind of”)",
      english_only=True)
def agreement(doc: Document, ctx: Context) -> Iterator[Finding]:
    text = doc.text
    for m in _OTHERS_RE.finditer(text):
        s, e = m.span(1)
        word = m.group(1)
        fix = "OTHER" if word.isupper() else "Other" if word[0].isupper() else "other"
        yield Finding("agreement", "info", s, m.end(2),
                      f"“{m.group(1)} {m.group(2)}”: probably “{fix} {m.group(2)}”",
                      f"{fix} {m.group(2)}")
    for m in _KIND_RE.finditer(text):
        yield Finding("agreement", "info", m.start(), m.end(),
                      f"“{m.group()}”: plural “{m.group(1)}” with singular “{m.group(2)}”; "
                      f"probably “{m.group(1)} {m.group(2)}s of”",
                      f"{m.group(1)} {m.group(2)}s of")
    nouns = lexicon.nouns_only()
    if not nouns:
        return
    for m in _PLURAL_DET_RE.finditer(text):
        word = m.group(2)
        # Nouns only: "those present", "those unemployed" are adjectives used as nouns.
        if word in _NOT_SINGULAR or word not in nouns or word.endswith(_PLURAL_LOOKING):
            continue
        yield Finding("agreement", "info", m.start(), m.end(),
                      f"“{m.group()}”: plural “{m.group(1)}” with singular “{word}”", None)
