"""Titles, honorifics and suffixes around a person's name: "General Putna", "comrade
Trotsky", "Hon. Mr. Vance", "William W. Cowper, Esq.".  Which words are titles (and which
words after one make a body, not a person: "General Council"), whether a token is one, and
where a name's written titles begin and its suffix ends in the text.
"""

from __future__ import annotations

import re

from .lexicon import cap

# Words before a name that say "a person follows" without being part of the name.
PERSON_TITLES = {
    "general", "marshal", "admiral", "colonel", "commander", "comrade", "comrades", "dr", "doctor",
    "professor", "prof", "mr", "mrs", "miss", "mme", "madame", "monsieur", "herr", "frau",
    "citizen", "engineer", "lawyer", "attorney", "captain", "lieutenant", "sir", "lady",
    "kommandarm", "komkor", "komdiv", "academician", "senor", "señor", "père", "genosse",
    "camarade", "tovarishch", "prosecutor", "judge", "commissar", "ambassador", "premier",
    "president", "chairman", "secretary", "defendant", "accused", "citoyen", "messrs",
    "generals", "marshals", "comrades", "deputy", "tsar", "czar", "tsarina", "kaiser", "emperor",
    "pope", "cardinal", "bishop", "archbishop", "governor", "senator", "congressman", "sergeant",
    "gen", "col", "capt", "hon", "rev", "gov", "sen", "lieut", "lt", "maj", "sgt", "adm", "supt",
    "major", "mayor", "king", "queen", "prince", "princess", "duke", "duchess", "count",
    "countess", "baron", "rabbi", "inspector", "ensign", "mme", "mlle", "lord", "don", "doña",
}
# Capitalised words that follow a title word in names of bodies, not persons
# ("General Council", "Secretary General").
NOT_AFTER_TITLE = {
    "council", "committee", "secretary", "secretariat", "staff", "strike", "assembly", "congress",
    "party", "union", "confederation", "federation", "headquarters", "motors", "electric",
    "post", "electorate", "line", "will", "theory", "principles", "law", "strike", "election",
    "of", "the", "and", "general", "court", "commission", "board", "bureau", "office",
    "director", "manager", "prosecutor", "attorney", "staff", "who", "i", "he", "she", "we",
}
# "William W. Cowper, Esq.", "John Brink, Esquire".
ESQ = {"esq", "esqs", "esquire", "jr", "sr", "junior", "senior"}


# Honorifics and ranks written before a name, with or without their abbreviating dot.
_ABBREVIATED = ("Mr|Mrs|Messrs|Ms|Dr|Drs|Gen|Col|Capt|Cpt|Hon|Rev|Gov|Sen|Lieut|Lt|Maj|Sgt|Adm|"
                "Prof|Supt|Rep|Cmdr|Comdr|Brig|Pres|Sec|Atty|Mme|Mlle|Jno|St")
_SPELLED = ("General|Colonel|Captain|Major|Admiral|President|Senator|Governor|Judge|Justice|"
            "Secretary|Professor|Doctor|Sir|Lord|Lady|Dame|King|Queen|Prince|Princess|Duke|"
            "Duchess|Count|Countess|Baron|Emperor|Empress|Tsar|Czar|Kaiser|Pope|Cardinal|"
            "Bishop|Archbishop|Father|Mayor|Marshal|Commissar|Comrade|Citizen|Madame|Madam|"
            "Monsieur|Herr|Frau|Mister|Miss|Mistress|Sergeant|Lieutenant|Commander|Ambassador|"
            "Premier|Chancellor|Deputy|Rabbi|Ensign|Inspector|Attorney|Abbe|Abbé|Don|Doña|Dona")
_TITLE_BEFORE = re.compile(rf"\b(?:(?:{_ABBREVIATED})\.?|(?:{_SPELLED}))[ \t\n]*$", re.I)
# "Mr. and Mrs. Eddings", "Judge and Mrs. Canfield": one couple, written as one name.
_AND_BEFORE = re.compile(rf"\b(?:(?:{_ABBREVIATED})\.?|(?:{_SPELLED}))[ \t\n]+(?:and|&)[ \t\n]+$", re.I)


def _written_title(word: str) -> bool:
    """A title as newspapers print it: "Captain", "CAPTAIN", "Capt." — in lower case only the
    words also printed so ("captain Johnson", "queen Eleanor", "hon. James Gordon")."""
    w = word.strip().rstrip(".")
    if w[:1].isupper():
        return w[1:].islower() or w.isupper() or len(w) == 1
    return w.lower() in LOWER_TITLES or w.lower() == "hon"


def title_start(text: str, start: int) -> int:
    """Where a name that starts at ``start`` begins with the titles written before it
    ("Hon. Mr. Vance" → the offset of "Hon."; "Mr. and Mrs. Eddings" → of "Mr."); ``start``
    when there is none."""
    a = start
    while True:
        m = _TITLE_BEFORE.search(text, max(0, a - 16), a)
        if m is None or m.end() != a or not _written_title(m.group()):
            break
        a = m.start()
    if a < start:
        m = _AND_BEFORE.search(text, max(0, a - 22), a)
        if m is not None and m.end() == a and _written_title(m.group().split()[0]):
            a = m.start()
    return a


_SUFFIX_AFTER = re.compile(r",?[ \t]*\n?[ \t]*(?:Esq|Esqs|Esquire|Jr|Sr|Junior|Senior)\b\.?")


# The office a signature names after a comma, where the line or the sentence ends with it
# ("W. G. Daughtry, Secretary", "EDWARD GARRIGUES,⏎President.", "James Coster, Sen.").
_ROLE_AFTER = re.compile(
    r",[ \t]*\n?[ \t]*(?:Chairman|CHAIRMAN|Secretary|SECRETARY|President|PRESIDENT|Treasurer|"
    r"TREASURER|Clerk|Agent|Deputy|Auditor|Cashier|Sheriff)\b(?=\.?[ \t]*(?:\n|$|[,;:.]))"
    r"|,[ \t]*\n?[ \t]*(?:Clk|Sen)\.(?=[ \t]*(?:\n|$|[,;:]))")


def suffix_end(text: str, end: int) -> int:
    """Where a name that ends at ``end`` ends with a suffix written after it (", Esq.") or
    the office of a signature (", Secretary" at the end of a line)."""
    m = _SUFFIX_AFTER.match(text, end)
    end = m.end() if m else end
    m = _ROLE_AFTER.match(text, end)
    return m.end() if m else end


def is_title(tok) -> bool:
    return tok.lower_.rstrip(".") in PERSON_TITLES and cap(tok.text)


# Titles that newspapers and translators also print in lower case before a name
# ("captain Johnson", "comrade Trotsky", "queen Eleanor").
LOWER_TITLES = {"captain", "capt", "general", "gen", "colonel", "col", "judge", "president",
                "senator", "governor", "queen", "king", "prince", "princess", "doctor", "dr",
                "lieutenant", "lieut", "major", "comrade", "citizen", "professor", "prof",
                "commissar", "marshal", "admiral", "sergeant", "mr", "mrs", "emperor", "tsar"}


# Titles that are also everyday words ("Major problems", "General Bell"?): the word after
# them must not be an everyday word unless it is a known surname.  Honorifics and
# abbreviated ranks ("Mr. White", "Gen. Harrison") need no such check.
HONORIFICS = {"mr", "mrs", "messrs", "ms", "dr", "mme", "mlle", "madame", "monsieur", "herr",
              "frau", "miss", "sir", "lady", "comrade", "comrades", "citizen", "gen", "col",
              "capt", "hon", "rev", "gov", "sen", "lieut", "lt", "maj", "sgt", "adm", "supt",
              "prof", "senor", "señor", "tovarishch", "genosse", "camarade", "citoyen",
              "kommandarm", "komkor", "komdiv", "marshal", "colonel", "captain", "lieutenant",
              "sergeant", "admiral", "professor", "doctor", "rabbi", "ensign", "inspector"}


def is_any_title(tok) -> bool:
    return is_title(tok) or tok.lower_.rstrip(".") in LOWER_TITLES and tok.text.islower()
