"""Which date of a sentence belongs to which event: the date expression whose parse hangs off
the trigger (not off another verb, another event noun, an appositive or another conjunct).
dates.py reads date expressions; this module attaches them."""

from __future__ import annotations

import re

from .arguments import _Sent
from .dates import _EXPLICIT_YEAR as _EXPLICIT
from .predicates import NOUNS

# A date hanging off one of these (or off another event noun) is that event's date: "the
# assassination of Trotsky … since his birth on October 26, 1879".
_OTHER_EVENT = {"birth", "birthday", "anniversary", "centenary", "jubilee"}
_TIME_NOUNS = {"week", "day", "month", "year", "spring", "summer", "autumn", "fall", "winter", "night",
               "morning", "evening", "time", "date", "ago"}


def date_for(s: _Sent, tok, dates) -> str | None:
    """The date whose expression hangs off the trigger (not off another verb or event noun);
    an explicit date before a relative one ("twenty years ago (December 1974)"), and the
    event's own time before a bound ("Since 1921 a member …, Gallacher was arrested … in 1925":
    "since" opens a state, it does not date an arrest)."""
    def order(d):
        words = s.ctx.text[d[0]:d[1]]
        return (not _EXPLICIT.search(words), bool(_BOUND.match(words)))
    for ds, de, iso in sorted(dates, key=order):
        t = _date_root(s, ds, de)
        steps = 0
        while t is not None and steps < 30:
            if t.i == tok.i:
                return iso
            if (t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" and not (t.dep_ == "xcomp" and t.head.i == tok.i)
                    or t.head.i == t.i):
                break            # another verb's date, except the trigger's own complement ("appointed to represent … on 3 May")
            if t.pos_ == "NOUN" and (t.lemma_.lower() in _OTHER_EVENT or t.lemma_.lower() in NOUNS):
                break
            if t.dep_ == "appos" and t.like_num and t.head.lemma_.lower() in _TIME_NOUNS:
                pass             # "Easter week, 1916": the year restates the time it hangs off
            elif t.dep_ == "appos" or (t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN")):
                # out of an appositive ("Malatesta, leader of the Ancona revolt of 1914") or a
                # conjoined noun phrase ("the murder of Luxemburg and the betrayal of the
                # revolution of 1918"): the date is that phrase's
                break
            t, steps = t.head, steps + 1
    return None


def _date_root(s: _Sent, ds: int, de: int):
    """The token of a date expression that hangs off the rest of the sentence: the walk to the
    trigger starts there, not inside the expression ("on 14th March, 1883": the parser makes
    the year an apposition of the month, and an apposition stops the walk)."""
    lo, hi = ds - s.base, de - s.base
    inside = [t for t in s.sdoc if lo <= t.idx < hi]
    for t in inside:
        if not (lo <= t.head.idx < hi) or t.head.i == t.i:
            return t
    return inside[-1] if inside else None


_BOUND = re.compile(r"(?i)(?:since|until|till|by)\b")
