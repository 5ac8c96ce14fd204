"""Who holds which title in a text, so that "the King" or "the president" used later as a
reference can be read as the one person the text gave that title (context.Context.title_holder).

A title is given by name before it ("King Frederick William IV"), inside the mention's span, as
an apposition before it ("the young Emperor, Kuang-Hsu, …") or after it ("Allende, the
president", "Rendis, Minister of Public Security, declared")."""

from __future__ import annotations

import re

_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z\-]+)\s+$")
_TITLE_AFTER = re.compile(r",\s+(?:the|a|its|their)\s+(?:[A-Za-z\-]+\s+){0,2}?([A-Za-z\-]+)\s*[,.;]")
# "Rendis, Minister of Public Security, declared": a title without article after the name
_TITLE_OF_AFTER = re.compile(r",\s+(?:[A-Z][a-z\-]+\s+){0,2}?([A-Z][a-z\-]+)\s+(?:of|for)\s")
# "the young Emperor, Kuang-Hsu, announced …": the title as an apposition before the name
_TITLE_APPOS_BEFORE = re.compile(r"\b(?:[Tt]he|[Oo]ur|[Tt]heir|[Ii]ts)\s+(?:[A-Za-z\-]+\s+){0,2}?([A-Za-z\-]+),\s+$")


_PREP_BEFORE = re.compile(r"\b(?:to|of|with|from|by|for|on|at|against|before|after|about|toward|towards)\s+$", re.I)


def titles_given(text: str, persons) -> list[tuple[int, str, str]]:
    """(offset, title, entity) for each place the text gives a person mention a title, in text order."""
    from .role_words import TITLES
    out = []
    for m in persons:
        before = text[max(0, m.start - 40):m.start]
        tb = _TITLE_BEFORE.search(before) or _TITLE_APPOS_BEFORE.search(before)
        if tb and tb.re is _TITLE_APPOS_BEFORE and _PREP_BEFORE.search(before, 0, tb.start()) \
                and not text.startswith(",", m.end):
            tb = None       # "In his letter to the Pope, Roosevelt expressed …": a fronted phrase, no apposition
        if tb and tb.group(1).lower() in TITLES:
            out.append((m.start, tb.group(1).lower(), m.entity))
        first = m.text.split()[0].lower() if " " in m.text else ""
        if first in TITLES:
            out.append((m.start, first, m.entity))
        ta = _TITLE_AFTER.match(text, m.end) or _TITLE_OF_AFTER.match(text, m.end)
        if ta and ta.group(1).lower() in TITLES:
            out.append((m.start, ta.group(1).lower(), m.entity))
    return sorted(out)


_ONE_TSAR = {"tsar", "czar", "tsarina", "czarina"}


def holder_at(titles: list[tuple[int, str, str]], title: str, offset: int) -> str | None:
    """Who "the King" at `offset` is: the one person the text has given that title before
    (within the last 3,000 characters; 20,000 for the Tsar); None when none or several have had it.
    Several far back do not hide the one given it in the last 3,000 characters ("Louis Philippe,
    the French King" pages before "King Frederick William IV … The King promised")."""
    title = title.lower()
    # beyond 3,000 characters only the Tsar is still the same person: further back, "the King", "the
    # President", "the Emperor" had been right 3 times in 15 on judged pages (a constitution's
    # generic President, Frederick William II for III, an unnamed Archbishop), "the Tsar" 5 in 5
    for reach in ((3000, 20000) if title in _ONE_TSAR else (3000,)):
        holders = {e for at, t, e in titles if t == title and offset - reach < at < offset}
        if holders:
            return holders.pop() if len(holders) == 1 else None
    return None
