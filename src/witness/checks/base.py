"""The rule registry: a plain dict of rule id → Rule, filled by the rule modules at import.

A rule is a function ``(doc, context) -> iterable of Finding``.  ``context`` is an optional
mapping of extra knowledge a rule may need (later: ``"authority"`` for ``date-after-death``
and ``name-variant``).  A rule that ``needs`` a context key is skipped when the key is absent,
so the people work can register its rules here without touching the runner.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
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
