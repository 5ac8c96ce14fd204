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
from .base import Context, lowered as _lowered, rule

# "by others means", "in others words": the pronoun "others" used as the determiner "other".
_OTHERS_RE = re.compile(
    r"(others)\s+"
    r"(means|ways|words|things|countries|parties|methods|forms|cases|respects|places|kinds|"
    r"sorts|people|peoples|men|women|comrades|questions|problems|groups|organisations|"
    r"organizations|occasions|reasons|sections|classes|nations|states|times|points|factors)\b"
)
_BEFORE_OTHERS = re.compile(r"(?<![^\W_])(?:by|through|in|under)\s+$")
# "these kind of", "those sort of": plural determiner on a singular noun before "of".
_KIND_RE = re.compile(r"(th(?:ese|ose))\s+(kind|sort|type)\s+of\b")
# "these/those/several/many + singular noun" closing a clause: "of these question." —
# the punctuation excludes noun adjuncts ("these party members").
_PLURAL_DET_RE = re.compile(r"(th(?:ese|ose))\s+([a-z]{3,})(?=\s*[.,;:!?)])")
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


def _glued(text: str, start: int) -> bool:
    """The match starts inside a word (the patterns start with a literal, for speed)."""
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")


def _starts(lowered: str, words: tuple[str, ...]) -> list[int]:
    """Offsets of every occurrence of ``words``, in order.  str.find skips to them several
    times faster than the regex engine's own prefix search ("th" for these/those is
    everywhere in English; "others" is found letter by letter)."""
    found = []
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            found.append(at)
            at = lowered.find(word, at + 1)
    found.sort()
    return found


def _matches(pattern: re.Pattern[str], lowered: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(lowered)`` for a pattern whose every match begins at one of
    ``starts``: tried only there, skipping starts inside the previous match as finditer does."""
    end = 0
    for at in starts:
        if at < end:
            continue
        m = pattern.match(lowered, at)
        if m is not None:
            end = m.end()
            yield m


@rule("agreement", "info", "a likely grammatical slip (“others means”, “these kind of”)",
      english_only=True)
def agreement(doc: Document, ctx: Context) -> Iterator[Finding]:
    text = doc.text
    lowered = _lowered(text)
    if len(lowered) != len(text):
        lowered = text  # lower-casing moved offsets (rare): match lower-case text only
    # The patterns run on the lowered text, only where their opening literal occurs; the words
    # quoted in messages are taken back from the original text by offset.
    for m in _matches(_OTHERS_RE, lowered, _starts(lowered, ("others",))):
        s, e = m.start(1), m.end(2)
        if not _BEFORE_OTHERS.search(lowered, max(0, s - 12), s):
            continue
        word, noun = text[s:m.end(1)], text[m.start(2):e]
        fix = "OTHER" if word.isupper() else "Other" if word[0].isupper() else "other"
        yield Finding("agreement", "info", s, e,
                      f"“{word} {noun}”: probably “{fix} {noun}”", f"{fix} {noun}")
    dets = _starts(lowered, ("these", "those"))
    for m in _matches(_KIND_RE, lowered, dets):
        if _glued(text, m.start()):
            continue
        det, kind = text[m.start(1):m.end(1)], text[m.start(2):m.end(2)]
        yield Finding("agreement", "info", m.start(), m.end(),
                      f"“{text[m.start():m.end()]}”: plural “{det}” with singular “{kind}”; "
                      f"probably “{det} {kind}s of”", f"{det} {kind}s of")
    nouns = lexicon.nouns_only()
    if not nouns:
        return
    for m in _matches(_PLURAL_DET_RE, lowered, dets):
        word = text[m.start(2):m.end(2)]
        if _glued(text, m.start()) or not word.islower():
            continue  # inside a word ("clothes"), or a name ("these Bolsheviks")
        # Nouns only: "those present", "those unemployed" are adjectives used as nouns.
        if word in _NOT_SINGULAR or word not in nouns or word.endswith(_PLURAL_LOOKING):
            continue
        det = text[m.start(1):m.end(1)]
        yield Finding("agreement", "info", m.start(), m.end(),
                      f"“{det} {word}”: plural “{det}” with singular “{word}”", None)
