"""Lists of names after the group they stand for: "Two leading members of the military organisation
of the Bulgarian Communist Party, Yankov and Minkov, were killed" (member_of), "the representatives
of the Third Duma, Poletayev and Shurkanov", "seven ministers: Attlee, Bevin, Morrison …"
(held_office).  The parser hangs such a list anywhere (a conjunct of the body, an apposition of
the wrong noun); in the text it is plain: a plural group noun, a comma, colon, dash or bracket,
names joined by commas and "and", and the list closed by punctuation or the verb.
"""

from __future__ import annotations

import re

from .membership import _NOT_MODS
from .role_words import DEMONYMS, NEEDS_ATTACHMENT, OFFICE_NOUNS, ORG_HINT


# words the blind annotators read as bodies of persons besides ORG_HINT's ("the heads of this
# Anabaptist tendency", "The majority of the Decemist faction, Davidov, Shapiro", "the Progressive
# Bloc … led by Miliukoff": train, dev, dev2)
GROUPINGS = {"bloc", "faction", "tendency", "caucus", "fraction"}   # (not "clique": "the capitalist clique led by Stinnes")
_GROUPING = re.compile(rf"\b(?:{'|'.join(sorted(GROUPINGS))})$", re.I)

# "the Communist leaders (Rajk, Kostov, Gomulka …)", "One of the Decist leaders – V.M. Smirnov –"
_GROUP_BEFORE = re.compile(
    r"\b(?:the|two|three|four|five|six|seven|several|its|their|our|other|both|all|some|many)\s+"
    r"(?P<mods>(?:[\w’'.\-]+\s+){0,4}?)(?P<noun>members|leaders|founders|co-founders|majority|minority)"
    r"(?P<of>\s+of\s+(?:the\s+)?(?P<org>[^,;:()“”\"\[\]]{1,80}?))?\s*(?:,|:|\(|–|—)\s*$", re.I)
_GROUP_AFTER = re.compile(r"^\s*(?:\[\d{1,3}\]\s*)?(?:[,.;:)–—]|\s(?:were|are|had|have|who|etc)\b|$)")
_LIST_GAP = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)$")


def _runs(s) -> list[list]:
    """The sentence's person mentions grouped into lists ("A, B and C")."""
    runs, run = [], []
    for m in s.ctx.mentions_in(s.base, s.base + len(s.text)):
        if run and _LIST_GAP.match(s.ctx.text[run[-1].end:m.start]):
            run.append(m)
        else:
            run = [m]
            runs.append(run)
    return runs


def _last(rx, text):
    """The group noun phrase nearest the list: the first match whose modifiers are plain words
    ("the representatives of the Third Duma, …", not "the meeting with the representatives …";
    not "the enemies and the leaders of …")."""
    pos = 0
    while (h := rx.search(text, pos)) is not None:
        if not {w.lower() for w in h.group("mods").split()} & (_NOT_MODS | {"who", "which", "whom", "were", "are",
                                                                            "with", "to", "from", "by", "a", "an"}):
            return h
        pos = h.start() + 1
    return None


def _groups_before_lists(s, rx, reach: int):
    """(the list of names, the group noun phrase before it, the offset it was read from) for each
    list the sentence closes right after, with a group matching `rx` within `reach` characters."""
    ctx, base = s.ctx, s.base
    end = base + len(s.text)
    for run in _runs(s):
        lo = max(base, run[0].start - reach)
        h = _last(rx, ctx.text[lo:run[0].start])
        if h and _GROUP_AFTER.match(ctx.text[run[-1].end:end]):
            yield run, h, lo


def _add_all(s, add, run, trigger_at: int, predicate: str, obj: str) -> None:
    trig = s.token_at(trigger_at)
    if trig is None:
        return
    for m in run:
        tok = s.token_at(m.start)
        if tok is not None:
            add(m.entity, predicate, obj, trig, tok, climb=False)


def member_list_claims(s, add) -> None:
    for run, h, lo in _groups_before_lists(s, _GROUP_BEFORE, 160):
        mods = [w for w in h.group("mods").split() if w.lower() not in ("leading", "prominent", "principal", "chief",
                                                                      "main", "other", "real", "most")]
        org = h.group("org")
        if org:
            org = org.strip()
            if len(org.split()) > 8:
                continue                               # a clause, not a body's name
            if re.match(r"(?:this|that|these|those)\s", org) and not _GROUPING.search(org):
                continue                               # "the leaders of this strike, X and Y"
            if not ORG_HINT.search(org) and not _GROUPING.search(org) and (org.split()[-1].islower() or not re.search(r"\b[A-Z](?![\w\-]*ism\b)", org)):
                # "the leaders of the strike", "the founders of modern Socialism", "the great
                # leaders of Marxist thought – Marx, Engels, …" (judged wrong): no body
                continue
        else:
            named = [w for w in mods if w[:1].isupper() and w.lower() not in DEMONYMS]
            if not named or h.group("noun").lower() in ("majority", "minority"):
                continue                               # "the other leaders, X and Y": no body named
            org = " ".join(named)
        _add_all(s, add, run, lo + h.start("noun"), "member_of", org)


# Plural offices before a list: "the representatives of the Third Duma, Poletayev and Shurkanov",
# "seven ministers: Attlee, Bevin, …", "the obscure Ministers, Schwerin and …".
def _plural(w: str) -> str:
    return w[:-1] + "ies" if re.search(r"[^aeiou]y$", w) else w + ("es" if w.endswith(("s", "sh", "ch")) else "s")


_OFFICES_PLURAL = {_plural(w): w for w in OFFICE_NOUNS if w.isalpha() and w not in (
    "leader", "founder", "head", "chief", "boss", "ruler", "theoretician", "ideologist", "ideologue", "agent",
    "official", "officer", "clerk", "steward", "economist", "consultant", "instructor", "publisher", "pillar")}
_OFFICE_GROUP = re.compile(
    r"\b(?:the|two|three|four|five|six|seven|eight|nine|ten|several|its|their|our|his|her|both|all)\s+"
    rf"(?P<mods>(?:[\w’'.\-]+\s+){{0,3}}?)(?P<noun>{'|'.join(sorted(_OFFICES_PLURAL, key=len, reverse=True))})"
    r"(?P<of>\s+(?:of|to|for|in|at)\s+[^,;:()“”\"\[\]]{1,60}?)?\s*(?:,|:|\(|–|—)\s*$", re.I)


def office_list_claims(s, add) -> None:
    for run, h, lo in _groups_before_lists(s, _OFFICE_GROUP, 140):
        mods = h.group("mods").split()
        noun = _OFFICES_PLURAL[h.group("noun").lower()]
        where = h.group("of")
        if noun in NEEDS_ATTACHMENT and not where and not any(
                w[:1].isupper() and w.lower() not in DEMONYMS for w in mods):
            continue                                   # "two representatives, X and Y": of nothing
        if where and len(where.split()) > 9:
            continue
        if noun in NEEDS_ATTACHMENT and where and not any(w[:1].isupper() for w in where.split()[1:]) \
                and not ORG_HINT.search(where):
            continue                                   # "the two great representatives of capitalism, X and Y" (judged wrong)
        phrase = " ".join(x for x in (" ".join(mods), h.group("noun"), (where or "").strip()) if x)
        _add_all(s, add, run, lo + h.start("noun"), "held_office", phrase)
