"""Words around a name that say it does not stand for a person here, whatever the model
thought: "the film *Danton*", "Frölich, Paul, *Rosa Luxemburg*." (a book), "the ‘*Stalin*
Constitution’", "the *Reisner* family", "All *Slavs*", "Ulbricht, *Walter*" (an index's
inverted forename).  Each case was a row of the blind linking audits of issue 16 that a
rule of the sentence could have decided; the persons around them are untouched.

``retype(text, raws, given)`` returns the raws with such persons made works, periodicals or
organizations, or dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicon import place_names
from .rules import Raw

# A work named right after the noun that says what it is: "his pamphlet Der Normalarbeitstag",
# "the film Danton", "a book, Ludwig Feuerbach,", "The book is Solo Trumpet".  "In his book
# Lenin wrote" is the author, not the book, hence no "in" before the noun.
_WORK_NOUN = re.compile(
    r"(?<![Ii]n )(?:\b(?:(?i:his|her|their|its|the|a|an|this|that|famous|new|last|first|whose)"
    r"|\w+[’'][Ss])\s+(?:[a-z\-]+\s+)?)"
    r"(?:book|novel|film|movie|play|pamphlet|poem|essay|opera|treatise|biography|memoirs?"
    r"|tragedy|comedy|drama|painting|symphony|brochure|booklet|monograph|autobiography)"
    r"(?:,|\s+(?:is|was|entitled|called))?\s+$")
# A periodical by what is said of it: "in the pages of Avante", "Znamia Borby, organ of the
# left S.R.s", "Rabocheye Delo, the ‘economist’ paper", "an organisation called Achwath Poalim".
_PAGES_OF = re.compile(r"\b(?:pages|columns|issues?|editorial board) of (?:the )?$")
_PAPER_AFTER = re.compile(
    r"^,\s+(?:(?:the|an?)\s+)?(?:[‘'\"“]?[\w\-]+[’'\"”]?\s+){0,2}(?:organ|journal|newspaper|"
    r"paper|weekly|daily|monthly|magazine|review|periodical|bulletin)\b(?![’']s)")
_CALLED = re.compile(
    r"\b(?:(?P<org>organi[sz]ation|party|group|society|league|union|association|movement|"
    r"federation|committee)|(?P<paper>paper|newspaper|journal|magazine|review|weekly|daily))"
    r",? (?:called|named|known as|entitled) [“‘\"]?$")
# What follows a title (punctuation, "by", a verb of reception), not an author's verb.
_AFTER_WORK = re.compile(r"^(?:[’'”\"]?\s*[,.;:)(]|\s+(?:by|was|is|and|in|has|had|which|that)\b)")
# "Booth: Robert Owen, p. 41." and "Frölich, Paul, Rosa Luxemburg." — an author opens the
# line of a bibliography or a note, the name after it is the book's title.
_CITED_AUTHOR = re.compile(
    r"(?:^|\n|[;(\[]|\d\.)\s*(?:[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)"
    r"(?::|,\s*(?P<first>[A-Z][\w’'\-]*\.?(?:\s+[A-Z]\.)?),)\s*[“‘\"]?$")
_CITATION_TAIL = re.compile(
    r"^[”’\"]?\s*(?:,\s*(?:pp?\.|[Vv]ol\.|[Cc]h\.|[IVXL]+\b|\d|London|New York|Paris|Moscow|"
    r"Berlin|Leningrad|Oxford|Cambridge|ed\.|trans\.|in\b)|\)|\.\s*(?:\n|$|\d|[A-Z][a-z]+\s*[:,]))")
# An index or bibliography inverts a name: "Ulbricht, Walter (1893–1973)", "Luz, Rudolf, KPD".
_INVERTED = re.compile(r"(?:^|\n|[;(\[])\s*[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?,\s*$")
# A name followed by what is named after it: "the Stalin Constitution", "Tate and Lyle".
_EPONYM_HEADS = (
    "Constitution|Plan|Prize|Doctrine|Line|Act|Memorandum|Report|Award|Foundation|Institute|"
    "School|Street|Square|Avenue|Road|Memorial|Museum|Bridge|Canal|Library|University|"
    "College|Barracks|Works|Plant|Colliery|Cathedral|Fund|Declaration|Amendment|Agreement|"
    "Pact|Treaty|Manifesto|Brigade|Battalion|Column|Regiment|Bros|Brothers|Company|Corporation|"
    "Ltd|Enterprises|Motors|Steel|Laws?")
_EPONYM = re.compile(rf"^[’'”]?\s(?:{_EPONYM_HEADS})\b")
_EPONYM_SPAN = re.compile(rf"\s(?:{_EPONYM_HEADS})$")
# German names of bodies and works the model reads as persons ("Allgemeiner Deutscher
# Arbeiterverein", "die deutsche Arbeiterbewegung").
_GERMAN_BODY = re.compile(r"(?:verein|bund|partei|verband|gesellschaft|zeitung|blatt|geschichte"
                          r"|bewegung)$")
_FAMILY = re.compile(r"^\s+(?:family|families|dynasty|clan|household|brothers|sisters)\b")
# "All Slavs", "the pre-historic Greeks", "the Duponts": a plural after a determiner.
_PLURAL_AFTER = re.compile(
    r"\b(?:[Tt]he|[Aa]ll|[Tt]hese|[Tt]hose|[Mm]any|[Ss]ome|[Mm]ost|[Oo]ther|[Oo]ur|[Tt]heir)"
    r"(?:\s+(?!(?:for|of|to|in|on|at|by|with|from|and|or|but|as|than|that|which|who|were|was|"
    r"are|is|had|have|said|says|like|against|about|under|between|among)\b)[a-z][a-z\-]+){0,2}"
    r"\s+$")
_PLURAL = re.compile(r"[a-z](?:s|es)$")
_NOT_PLURAL = re.compile(r"(?:ss|us|is|os|as|ys)$")
# A full "name" made of an epithet and a country, its language or an institution ("Norman
# French", "Christian Ethiopia", "the Roman Church"): a language, a church, a country.
_EPITHETS = {
    "christian", "norman", "catholic", "protestant", "orthodox", "jewish", "muslim", "holy",
    "old", "new", "middle", "upper", "lower", "greater", "little", "north", "south", "east",
    "west", "northern", "southern", "eastern", "western", "central", "ancient", "modern",
    "imperial", "soviet", "free", "red", "white", "roman", "byzantine", "ottoman", "anglican",
    "papal",
}
# What an epithet qualifies when it is no name: "the Protestant King", "the Roman Church".
_INSTITUTIONS = {"king", "queen", "emperor", "empress", "church", "empire", "republic", "state",
                 "army", "navy", "crown", "court", "pope", "papacy", "monarchy"}
_LANGUAGES = {
    "english", "french", "german", "russian", "italian", "spanish", "polish", "greek", "latin",
    "dutch", "swedish", "hebrew", "yiddish", "arabic", "turkish", "chinese", "japanese",
    "portuguese", "czech", "hungarian", "ukrainian", "georgian", "armenian", "irish", "welsh",
    "scottish", "american", "british", "european", "african", "asian", "indian",
}


def _possessive(text: str, end: int) -> bool:
    return text[end:end + 2] in ("’s", "'s")


def _named_thing(text: str, r: Raw) -> str | None:
    """'periodical' or 'organization' when the words around an unknown name say so."""
    if r.hint is not None or _possessive(text, r.end):
        return None
    before = text[max(0, r.start - 40):r.start]
    if _PAGES_OF.search(before) or _PAPER_AFTER.match(text[r.end:r.end + 50]):
        return "periodical"
    m = _CALLED.search(before)
    if m is not None:
        return "organization" if m.group("org") else "periodical"
    return None


def _work(text: str, r: Raw, given: frozenset[str]) -> bool:
    before = text[max(0, r.start - 60):r.start]
    after = text[r.end:r.end + 40]
    if _WORK_NOUN.search(before) and _AFTER_WORK.match(after):
        return True
    m = _CITED_AUTHOR.search(before)
    if m is None or not _CITATION_TAIL.match(after):
        return False
    # "Frölich, Paul, …" needs "Paul" to be a forename: "Lenin, Trotsky, Zinoviev" is a list.
    return m.group("first") is None or _forename(m.group("first"), given)


def _forename(word: str, given: frozenset[str]) -> bool:
    w = word.rstrip(".").casefold()
    return len(w) == 1 or w in given


def _inverted_forename(text: str, r: Raw, given: frozenset[str]) -> bool:
    words = text[r.start:r.end].split()
    if r.hint is not None or not all(_forename(w, given) for w in words):
        return False
    return bool(_INVERTED.search(text[max(0, r.start - 60):r.start]))


def _plural_people(text: str, r: Raw) -> bool:
    word = text[r.start:r.end]
    if r.hint is not None or " " in word or not _PLURAL.search(word) or _NOT_PLURAL.search(word):
        return False
    if text[r.end:r.end + 1] in ("’", "'"):       # "the Duponts’" and "Engels’s" alike
        return False
    return bool(_PLURAL_AFTER.search(text[max(0, r.start - 40):r.start]))


def _epithet_phrase(text: str, r: Raw) -> bool:
    words = text[r.start:r.end].split()
    if r.hint is not None or len(words) != 2 or words[0].casefold() not in _EPITHETS:
        return False
    last = words[1].casefold()
    return last in _LANGUAGES or last in _INSTITUTIONS or words[1] in place_names()


def retype(text: str, raws: Iterable[Raw], given: frozenset[str]) -> list[Raw]:
    """The raws, with each person the words around it say is no person made a work (a title),
    a periodical or an organization, or dropped (a family, a people, an eponym, an index's
    inverted forename, an epithet phrase).  ``given``: casefolded given names
    (lexicon.given_words)."""
    out: list[Raw] = []
    for r in raws:
        if r.type != "person":
            out.append(r)
            continue
        if _work(text, r, given):
            out.append(Raw(r.start, r.end, "work", None, "context"))
            continue
        kind = _named_thing(text, r)
        if kind is not None:
            out.append(Raw(r.start, r.end, kind, None, "context"))
            continue
        span = text[r.start:r.end]
        if (_EPONYM.match(text[r.end:r.end + 40]) or _EPONYM_SPAN.search(span)
                or _FAMILY.match(text[r.end:r.end + 20]) or _GERMAN_BODY.search(span) or _plural_people(text, r)
                or _inverted_forename(text, r, given) or _epithet_phrase(text, r)):
            continue
        out.append(r)
    return out
