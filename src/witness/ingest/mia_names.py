"""Names on MIA pages: is a heading a list of people, and the fuller form of a printed name.

Read by the header reader (``mia_record``).
"""

from __future__ import annotations

import re

from ..record import clean, parse_names

_NOT_NAME = re.compile(r"\b(?:archive|internet|section|chapter|part|party|programme|program|council|"
                       r"correspondent|correspondence|college|international|democratic|committee|"
                       r"library|works|letters|manifesto|preface|introduction|volume|review|editorial|notes?|introduction|resolution|statement|letter|report|speech|"
                       r"interview|appendix|foreword|contents|index|address|speech|history|biograf\w*|biograph\w*|"
                       # a periodical's column label set as a heading over the article ("Survey")
                       r"survey|commentary|obituary|"
                       r"[IVXLC]{2,}\.)(?!\w)|^(?:the|a|an)\s", re.I)
# Words of a book's title read as a list ("Value, Price and Profit", "Capital"), yet surnames too
# ("M. Philips Price"): no name alone.
_TITLE_WORD = re.compile(r"^(?:value|price|profit|capital)$", re.I)
_NAMEISH = re.compile(r"^[A-Z][\w.’'\-]*(?:\s+(?:[A-Z][\w.’'\-]*|de|von|van|der|la|le|du|y)){0,5}$")
# A word of a name: capitalised, or an initial ("V.", "G.V.", "L.-O.").
_NAME_WORD = re.compile(r"^(?:[A-Z][\w’'\-]*\.?|(?:[A-Z]\.-?)+[A-Z]?\.?|de|von|van|der|la|le|du|y|del|da|di)$")


def people(text: str) -> list[str]:
    """Names in a heading if it is a list of names ("A, B & C"), else []."""
    if not text or len(text) > 120:
        return []
    names = parse_names(text.replace(" / ", ", "))
    # (A lone word that opens phrases is no name: "As" of "As to Politics" read as "X to Y".)
    ok = names and all(_NAMEISH.match(n) and not _NOT_NAME.search(n) and not _TITLE_WORD.match(n) and not n.isupper()
                       and not (" " not in n and n.casefold() in _FUNCTION_WORDS)
                       and all(_NAME_WORD.match(w) for w in n.split()) for n in names)
    return names if ok else []


_FUNCTION_WORDS = frozenset("""a an and as at by for from in of on the to with if or but so not no
    our my your his her its their this that these those what why how when where who""".split())


def surname_key(name: str) -> str:
    return name.split()[-1].strip(".,").casefold() if name.split() else ""


def fuller(printed: str, candidates: list[str]) -> str:
    """The fuller form of `printed` among `candidates` (same surname, given names compatible:
    "E. Belfort Bax" → "Ernest Belfort Bax"), else `printed`."""
    mine = printed.replace(".", ". ").split()
    for c in candidates:
        theirs = c.replace(".", ". ").split()
        if len(c) > len(printed) and len(mine) == 2 < len(theirs) and theirs[0] == mine[0] and theirs[-1] == mine[-1] \
                and not mine[0].endswith("."):
            return c        # "Eugen Varga" → "Eugen Samuilovich Varga": the tag's middle names (the GUIDE's fullest form)
        if len(c) <= len(printed) or surname_key(c) != surname_key(printed) or not 1 < len(theirs) <= len(mine):
            continue
        # "V. I. Lenin" → "Vladimir Lenin": given names matched in order, and the printed
        # form's extra ones only initials (a patronymic's initial the tag leaves out)
        extra = mine[len(theirs) - 1:-1]
        if all(a.casefold() == b.casefold() or (a.endswith(".") and b.casefold().startswith(a[:-1].casefold()))
               for a, b in zip(mine[:-1], theirs[:-1])) and all(w.endswith(".") and len(w) <= 3 for w in extra):
            return c
    return printed


# Capitalised words that open phrases, never given names ("Letter of Karl Marx", "On Engels").
NOT_GIVEN = frozenset("""a an and at by for from in of on the to with letter letters speech works
    preface introduction address notes dear mr mrs dr comrade citizen""".split())


def full_form(surname: str, texts: list[str]) -> str:
    """The first "Given [Given] Surname" the texts print for a bare surname, else the surname."""
    pat = re.compile(rf"((?:[A-Z][\w’'\-]*\.?\s+|(?:[A-Z]\.\s?)+){{1,2}}){re.escape(surname)}(?!\w)")
    for text in texts:
        for m in pat.finditer(text or ""):
            if re.match(r"\s*(?:Internet\s+)?Archive\b", text[m.end():], re.I):
                continue        # "Back to the James P. Cannon Internet Archive": the folder's name, not a byline
            given = m.group(1).replace(".", ". ").split()
            while given and given[0].casefold().strip(".") in NOT_GIVEN:
                given = given[1:]
            # (An initial alone, "F. Engels", is no fuller form: annotators expand it, or keep the surname.)
            if given and all(w.casefold().strip(".") not in NOT_GIVEN for w in given) \
                    and any(len(w.strip(".")) > 1 for w in given):
                name = clean(m.group(0)[m.group(0).find(given[0]):])
                if people(name) == [name]:
                    return name
    return surname
