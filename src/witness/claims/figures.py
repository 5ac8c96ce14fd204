"""Figures of speech that name an event without telling one (claims.md: a claim is what the
text says happened).  A death or birth can happen once: "Stalin died for the third time in East
Berlin" is about de-Stalinisation; "the political corpse of Levi" about a career (judged
contradiction artefacts, 2026-12-06)."""

from __future__ import annotations

_ORDINAL_TIME = {"second", "third", "fourth", "fifth", "last", "umpteenth", "nth", "hundredth", "thousandth"}
ONCE_ONLY = {"died", "executed", "born"}
# Adjectives that make a death a figure: "his political death", "the political corpse of Levi".
_FIGURATIVE = {"political", "moral", "spiritual", "civil", "civic", "literary", "intellectual", "social"}


def once_again(tok, predicate: str) -> bool:
    """A once-only event told as happening again ("died for the third time", "was born again",
    "died once more")."""
    if predicate not in ONCE_ONLY:
        return False
    for c in tok.children:
        if c.dep_ == "advmod" and c.lower_ in ("again", "anew"):
            return True
        if c.dep_ == "prep" and c.lower_ == "for":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() == "time" and any(
                    g.lower_ in _ORDINAL_TIME for g in obj.children if g.dep_ == "amod"):
                return True
        if c.dep_ == "advmod" and c.lower_ == "more" and any(g.lower_ == "once" for g in c.children):
            return True
    return False


def figurative_death(tok, predicate: str) -> bool:
    """An event noun of a once-only event with an adjective that makes it a figure."""
    return predicate in ONCE_ONLY and any(c.dep_ == "amod" and c.lower_ in _FIGURATIVE for c in tok.children)
