"""The rule registry: a plain dict of rule id → Rule, filled by the rule modules at import.

A rule is a function ``(doc, context) -> iterable of Finding``.  ``context`` is an optional
mapping of extra knowledge a rule may need (later: ``"authority"`` for ``date-after-death``
and ``name-variant``).  A rule that ``needs`` a context key is skipped when the key is absent,
so the people work can register its rules here without touching the runner.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import accumulate
from operator import add
from typing import Any

from ..model import Document, Finding

Context = Mapping[str, Any]
CheckFn = Callable[[Document, Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str          # default severity of its findings (error | warning | info)
    description: str       # one line, for `witness check --rules` and docs
    fn: CheckFn
    needs: tuple[str, ...] = field(default=())  # context keys that must be present
    english_only: bool = False                  # relies on English words or grammar

    def __call__(self, doc: Document, context: Context | None = None) -> list[Finding]:
        return list(self.fn(doc, context or {}))


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: str, description: str, *, needs: tuple[str, ...] = (),
         english_only: bool = False) -> Callable[[CheckFn], CheckFn]:
    """Register a check function under ``rule_id`` (the function stays callable as is)."""

    def register(fn: CheckFn) -> CheckFn:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id!r} registered twice")
        RULES[rule_id] = Rule(rule_id, severity, description, fn, tuple(needs), english_only)
        return fn

    return register


# --------------------------------------------------------------------------- per-text scratch

# Several rules derive the same things from one document (its lower-cased text, its paragraph
# spans); computing them once per text instead of once per rule saves a pass over ~20 kB per
# rule.  Keyed by the identity of the text string, which the memo keeps alive (so its id cannot
# be reused) and which cannot change under us (str is immutable).  One (text, dict) pair,
# swapped whole, so a thread reading it never sees one text paired with another's values.
_memo: tuple[str | None, dict[str, Any]] = (None, {})


def scratch(text: str) -> dict[str, Any]:
    """A dict of values derived from ``text``, shared by the rules while they check it."""
    global _memo
    held, values = _memo
    if held is not text:
        values = {}
        _memo = (text, values)
    return values


def forget() -> None:
    """Drop the scratch values (the runner calls this so a large text is not kept alive)."""
    global _memo
    _memo = (None, {})


def lowered(text: str) -> str:
    """``text.lower()``, computed once per text."""
    values = scratch(text)
    low = values.get("lower")
    if low is None:
        low = values["lower"] = text.lower()
    return low


def paragraphs(doc: Document) -> list[tuple[int, int]]:
    """``doc.paragraphs()``, computed once per text (callers must not modify the list)."""
    text = doc.text
    values = scratch(text)
    spans = values.get("paragraphs")
    if spans is None:
        # Document.paragraphs() with the offsets summed at C speed (its Python loop costs as
        # much as the split); tests/test_checks.py holds the two equal.
        lengths = list(map(len, text.split("\n\n")))
        starts = list(accumulate(map((2).__add__, lengths), initial=0))
        spans = values["paragraphs"] = list(zip(starts, map(add, starts, lengths)))
    return spans


def excerpt(text: str, start: int, end: int, width: int = 30) -> str:
    """A short quotation of text[start:end] with a little following context, on one line."""
    tail = text[end:end + width]
    cut = tail.find("\n")
    if cut >= 0:
        tail = tail[:cut]
    body = text[start:end] + tail
    if end + width < len(text) and cut < 0:
        body = body.rstrip() + "…"
    return body.replace("\n", " ")
