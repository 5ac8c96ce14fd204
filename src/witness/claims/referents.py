"""Which person mentions can be the subject of a claim, and what a name says of its bearer's sex.

The NER and the linker hand the claims stage every mention they typed as a person; some are not
a person the sentence talks about: a glossary's inverted forename ("Liebknecht, Karl"), the
object of a glossary entry's opening verb ("Supported Bukharin in 1928, arrested …"), a street,
school or tank named after someone ("Queen Anne’s Gate", "General Sherman tanks"), a rank the
NER cut from its name ("Lt. Col." → "Col").  Surface tests only: this runs on every document.
"""

from __future__ import annotations

import bisect
import re

from ..model import Mention

_ELIDED_OPENING = re.compile(r"^[\s“\"‘']*([A-Z][a-z]{2,}ed)\s+$")
# Epithets and fates before a name ("Beloved Lenin", "Murdered Kirov"): the name is no object.
_NOT_ELIDED = {"united", "reverend", "beloved", "noted", "famed", "learned", "aged", "talented", "celebrated",
               "renowned", "esteemed", "honoured", "honored", "respected", "distinguished", "revered",
               "murdered", "assassinated", "executed", "arrested", "imprisoned", "exiled", "deported",
               "jailed", "released", "late", "dear", "tired", "wounded", "condemned", "sentenced",
               # not verbs at all
               "indeed", "hundred", "naked", "wicked", "sacred", "ragged", "rugged", "kindred", "hatred",
               # the object of an appointment holds the post ("Appointed Hitler as chancellor January 1933.")
               "appointed", "elected", "nominated", "named", "replaced", "succeeded", "promoted"}
# (not "Hall", "Place", "Lane", "Mill", "Works": Gus Hall, Francis Place, J.S. Mill, Lenin’s Works)
_THING_WORDS = {"Street", "Gate", "Road", "Square", "Avenue", "University", "College", "Institute", "Boulevard",
                "Prospect", "Embankment", "Quay", "Prize", "Museum", "Memorial", "Hospital", "Station", "Library",
                # judged not-a-person in population rounds 2–9: "Queen Anne’s Mansions", "General Foods",
                # "the Kaiser Army", "General Elections", "the General Statistics Office"
                "Mansions", "Hotel", "Theatre", "Theater", "Park", "Palace", "Gardens", "Cemetery", "Prison",
                "Barracks", "Foods", "Elections", "Army", "Office"}
_THING_AFTER = re.compile(r"(?:’s|'s)?\s+(?:(?:%s)\b|tanks?\b|rifles?\b|plant\b|factory\b)" % "|".join(sorted(_THING_WORDS)))


def bare_forename(text: str, name: list[str] | None) -> bool:
    """Is `text` only the forename of the person named `name` (its words)?"""
    return bool(name) and len(name) > 1 and " " not in text.strip() and \
        text.strip().casefold() == name[0].casefold() != name[-1].casefold()


# An edition's voices, not persons of the text ("[Transcriber’s Note: …]", "Editor’s note") and a US
# state's initials after a town ("Newark, N. J.", "New York City, N. Y."): judged not-a-person (round 10)
_EDITORIAL = {"Transcriber", "Transcribers", "Editor", "Editors", "Translator", "Translators", "Compiler", "Publisher",
              "Publishers", "Marxists Internet Archive"}
_POSSESSIVE_END = re.compile(r"[’']s?$")
_STATE = re.compile(r"N\.\s?[YJ]\.(?:\s|,|$)")
_STATE_AFTER_PLACE = re.compile(r"[A-Z][a-z]+,\s*$")
_LOWER_WORD = re.compile(r"\s+[a-z]")
_GLOSS = re.compile(r"(?:ung|heit|keit|schaft|tum|bau|ismus|lehre|wesen|wirkung|kampf)$")
# a body's plural initials ("Tory MPs elected a new leader", "TDs", "MEPs") and a figure
# reference ("(Figs. 3–5)"): judged not-a-person (round 11)
_PLURAL_INITIALS = re.compile(r"[A-Z]{2,}s|Figs?\.?|Plates?")
_ARTICLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|all|most|every|each|many|other|several|these|those|its|their|our)\s+$")


def claimable(text: str, persons: list[Mention], sentence_starts: list[int],
              names: dict[str, list[str]]) -> list[Mention]:
    """The linked person mentions (sorted by offset) that may be a claim's subject."""
    from .role_words import TITLES
    out = []
    for k, m in enumerate(persons):
        # "Liebknecht, Karl: …" (a glossary's inverted name): the forename after the surname is
        # the same person, not whichever Karl the linker chose.  (Only there: "Chen", "Mao"
        # alone are surnames that lead their names.)
        if k and persons[k - 1].end + 2 == m.start and text[m.start - 2:m.start] == ", " \
                and persons[k - 1].entity != m.entity and bare_forename(m.text, names.get(m.entity)):
            continue
        # "Supported Bukharin in 1928, arrested and … executed in 1937." (a biographical
        # glossary's entry, its subject elided): the name right after the opening verb is its
        # object, and the parse makes it the subject of every event that follows.
        i = bisect.bisect_right(sentence_starts, m.start) - 1
        if i >= 0:
            hit = _ELIDED_OPENING.match(text[sentence_starts[i]:m.start])
            if hit and hit.group(1).lower() not in _NOT_ELIDED:
                continue
        # a rank the NER cut from its name ("Lt. Col. B. Sinuhaji" gave "Col", "Major-General" "General")
        if m.text.replace(".", "").strip().lower() in TITLES:
            continue
        words = m.text.split()
        if words and words[-1] in _THING_WORDS or _THING_AFTER.match(text, m.end):
            continue
        # a single word after an article that the authority file does not hold ("the European
        # languages", "the State machine", "the European"): a common noun or adjective, not a name
        if len(words) == 1 and (m.entity or "").startswith("x-") and (
                _ARTICLE_BEFORE.search(text, max(0, m.start - 9), m.start)
                or m.text.endswith(("ean", "ese")) and _LOWER_WORD.match(text, m.end)):   # "the major European languages"
            continue
        if (m.entity or "").startswith("x-") and (_POSSESSIVE_END.sub("", m.text.strip(". ")) in _EDITORIAL or _STATE_AFTER_PLACE.search(
                text, max(0, m.start - 30), m.start) and _STATE.match(m.text)):
            continue                                   # "[Transcriber’s Note: …]"; "Newark, N. J. Also …": an address
        if len(words) == 1 and (m.entity or "").startswith("x-") and _PLURAL_INITIALS.fullmatch(m.text.strip()):
            continue
        if len(words) == 1 and (m.entity or "").startswith("x-") and _GLOSS.search(m.text) and \
                text[m.start - 1:m.start] == "(" and text[m.end:m.end + 1] == ")":
            continue                                   # "“action and reaction” (Wechselwirkung)": a German gloss
        out.append(m)
    return out


def looks_female(name: str) -> bool:
    parts = name.split()
    return any(p.endswith(("a", "aya", "ova", "eva", "ina", "skaya")) for p in (parts[0], parts[-1])) \
        and not parts[-1].endswith(("ski", "sky"))


