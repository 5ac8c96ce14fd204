"""Transcription and consistency checks (shared/spec/checks.md).

    from witness.checks import RULES, run_checks
    findings = run_checks(doc)                       # every rule whose needs are met
    findings = run_checks(doc, rules=["mojibake"])   # a chosen few
    findings = run_checks(doc, context={"authority": authority})  # + the people rules

Checks never change the text; they only report findings.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Document, Finding
from .base import RULES, Context, Rule, forget, rule
# Importing a module registers its rules.  `people` (name-variant, date-after-death) needs the
# context key "authority" and is skipped without it.
from . import grammar, notes, people, punctuation, record, source, text  # noqa: F401
from .language import looks_english

__all__ = ["RULES", "Rule", "rule", "run_checks", "refresh_findings", "Context"]


def run_checks(doc: Document, rules: Iterable[str] | None = None,
               context: Context | None = None) -> list[Finding]:
    """Run ``rules`` (ids; default all) over ``doc`` and return the findings sorted by start.

    Rules needing a context key that ``context`` lacks are skipped silently; naming an unknown
    rule id is an error (KeyError) so a typo never passes for a clean document.
    """
    ctx = context or {}
    chosen = [RULES[r] for r in rules] if rules is not None else list(RULES.values())
    english = None
    out: list[Finding] = []
    try:
        for r in chosen:
            if any(key not in ctx for key in r.needs):
                continue
            if r.english_only:
                if english is None:
                    english = looks_english(doc)
                if not english:
                    continue
            out.extend(r(doc, ctx))
    finally:
        forget()  # the rules' shared scratch (lower-cased text, paragraphs) pins the text
    out.sort(key=lambda f: (f.start, f.end, f.rule))
    return out


def refresh_findings(doc: Document, context: Context | None = None) -> list[Finding]:
    """The document's findings after (re)running the checks: the checks' own findings are
    replaced, a reader's (a TEI file's sic/corr, a recovered parse error: rules that are not
    checks) are kept."""
    kept = [f for f in doc.findings if f.rule not in RULES]
    out = kept + run_checks(doc, context=context)
    out.sort(key=lambda f: (f.start, f.end, f.rule))
    return out
