"""Names as credit and byline lines print them: whitespace cleaned, apostrophes made one, and
the names of a credit's value told from what follows them ("W. Lough from the German",
"Steve Palmer (2010)", "Ted Crawford from the Ozleft website", "Paul Flewers. Names misspelt
in the original have been corrected").

record.py re-exports these with the rest of the record's vocabulary; the readers import them
from there.
"""

from __future__ import annotations

import re

from .record_dates import MONTH_NAMES

_WS = re.compile(r"\s+")
_APOS = re.compile(r"['‘`´]")
# "O’ Callaghan", "D’ Arcy": a stray space after an elided particle.
_ELIDED = re.compile(r"\b([A-Z][a-z]?)’\s+(?=[A-Z])")


def clean(text: str | None) -> str:
    """Whitespace runs to one space, ends stripped: " ".join(text.split()).

    (The re class \\s and str.split() agree on the 29 Unicode spaces, so this equals
    _WS.sub(" ", text).strip().)  Most header and body strings hold no space but newlines and
    single blanks, and isprintable() is False for every other Unicode space: those take two
    C-level replaces instead of a regex substitution or a string per word.
    """
    if not text:
        return ""
    t = text.replace("\n", " ")
    if "  " in t or not t.isprintable():
        return " ".join(text.split())
    return t.strip(" ")


def normalise_name(name: str) -> str:
    """Apostrophes to ’, stray and doubled spaces removed: "Einde O' Callaghan" → "Einde O’Callaghan"."""
    name = _APOS.sub("’", clean(name))
    name = _SPACED_APOS.sub("’", name)  # "People ’s" → "People’s"
    name = _ELIDED.sub(r"\1’", name)
    return name.strip(" .,;:*†")


_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bwith\b|(?<=\w)/(?=[A-Z]))\s*")   # "Zodiac/Brian Baggins"
# Languages a text was written in or translated from, as credit and source lines name them
# (sourceline.py reads them too).  The two readers' lists differed before they were one; each
# keeps its own extras (_FROM_LANGUAGE, sourceline._LANGUAGE) so that no record changed.
LANGUAGE_NAMES = ("French", "German", "Russian", "Spanish", "Italian", "Yiddish", "Dutch", "Polish",
                  "Portuguese", "Chinese", "Japanese", "Greek", "Swedish", "Norwegian", "Danish", "Czech",
                  "Hungarian", "Bulgarian", "Romanian", "Finnish", "Hebrew", "Turkish", "Ukrainian")
# "W. Lough from the German", "…, September 2012", "… on November 11, 2010", "Sally Ryan January,
# 2001", "Ted Crawford, January, 2003.": what follows a name in a credit, not a name.
_FROM_LANGUAGE = re.compile(rf"\s+from\s+(?:the\s+)?(?:original\s+)?(?:{'|'.join(LANGUAGE_NAMES)}|Latin|Arabic)\b.*$")
_MONTH_TAIL = re.compile(rf"\s*,?\s*(?:\b(?:on|in)\s+)?(?:\b[0-3]?\d(?:st|nd|rd|th)?\s+)?\b(?:{'|'.join(MONTH_NAMES)})\b\.?,?\s*(?:[0-3]?\d(?:st|nd|rd|th)?,?\s*)?"
                         r"(?:1[89]|20)\d\d\b.*$")
# "Peter and Betty Ross": two given names sharing the surname printed once.
_SHARED_SURNAME = re.compile(r"^(?P<a>[A-Z][a-z]+)\s+(?:and|&)\s+(?P<b>[A-Z][a-z]+)\s+(?P<s>[A-Z][\w’'\-]+)$")
# Tails that follow names in credit lines: "for the Marxists’ Internet Archive", "2006", "(2009)".
_NAME_TAIL = re.compile(
    r"\s*(?:\bfor\s+(?:the\s+)?(?:MIA|Marxists|Marxist|ETOL|REDS|Encyclop|www|http|[A-Z][\w’']*\s+Internet)\b.*"
    r"|\bfor\s+marxists\.org.*|\bfor\s+the\s+\w.*|(?:\s+(?:in|on|at))?\s*\(?\b(?:1[89]|20)\d\d\)?.*)$", re.I)


# Precompiled: these run for every header line and name (the re module's cache lookup is not free).
_SPACED_APOS = re.compile(r"\s*’\s*(?=[a-z])")
_LEAD_BY = re.compile(r"^(?:by|:)\s+", re.I)
_NAMES_END = re.compile(r"[:;(\[]")
_LAST_BY = re.compile(r".*\bby\s+(?=[A-Z])")
_PART_BY = re.compile(r"^(?:by)\s+", re.I)
_NAME_YEAR = re.compile(r"^([A-Z][^\d,;&()]*?)\s+\(?(?:1[89]|20)\d\d\)?$")
_NOT_A_NAME = re.compile(r"@|https?:|www\.|^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d", re.I)
# "Zodiac, MEA 1993": the archive's own initials (Marx-Engels Archive) name no transcriber.
_ARCHIVE_INITIALS = {"MEA", "MIA", "ETOL"}
# "The Late George Hanna", "by the Institute of Marxism-Leninism": words before the name.
# ("the Way" of a heading "By the Way" is no name: a body's name has more than one word.)
_NAME_LEAD = re.compile(r"^(?:[Tt]he\s+[Ll]ate\s+|the\s+(?=[A-Z]\S*\s+\S))")
# Where the credited got the text or for whom ("Christian Høgsbjerg from the Ozleft website",
# "Alun Morgan for Revolutionary History Website", "Adam Buick to the MIA", "William E. Ratliff
# in the Hispanic American Historical Review"): said after the name, no part of it.
_WHERE_TAIL = re.compile(r"\s+(?:(?:from|to|in|under)\s+the|for)\s+\S.*$")
# A sentence after the name ("Paul Flewers. Names misspelt in the original have been corrected",
# "Peter B. Maggs. home.law.uiuc.edu/~pmaggs/"): a full stop after a word (not an initial, "Chas.
# H. Kerr") and a lower-case word after it that is no particle ("… de Leon").
_SENTENCE_AFTER = re.compile(r"(?<=[A-Za-z][a-z]{3})\.\s+(?=[a-z]|[A-Z]\w*\s+(?!(?:and|de|da|di|del|der|den|des|du|la|le|van|von|y|dos)\b)[a-z])")


# "Translated: Unknown", "Translator: Anonymous": a credit that says no one is known names no one
# (the annotators leave it empty).
# "Yuri Sdobnikov and George Hanna, Edited by George Hanna": the translation's editor, named after
# the credited, is not one of them (the "by" before the editor is not the credit's own).
_EDITED_TAIL = re.compile(r"\s*[,;]\s*(?:and\s+)?edited\s+by\b.*$", re.I)
_NO_ONE = re.compile(r"^(?:unknown|anonymous|not\s+known|unidentified|uncredited)$", re.I)
# ("from the French by …", "From Russian": the language, not the source)
_FROM_SOURCE = re.compile(rf"^[Ff]rom\s+(?![Tt]he\s)(?!(?:{'|'.join(LANGUAGE_NAMES)}|Latin|Arabic|[Oo]riginal)\b)[A-Z]")


def parse_names(text: str | None, credit: bool = False) -> list[str]:
    """Names from a credit value: "Ian Birchall, Nina Kidron & Richard Kuper" → three names.
    ``credit``: the value of a transcription or translation credit, where a sentence or where
    the credited got the text may follow the names (not a byline's, "PostScript to the First
    Edition")."""
    text = clean(text)
    if not text:
        return []
    text = _LEAD_BY.sub("", text)
    # "Mike Baker: published by the Movement…", "Steve Palmer (2010)": the names come first.
    text = _NAMES_END.split(text, maxsplit=1)[0]
    if credit:
        text = _EDITED_TAIL.sub("", _SENTENCE_AFTER.split(text, maxsplit=1)[0])
    if (m := _LAST_BY.search(text)):  # "for Marxists.org 2005 by Mitch Abidor"
        text = text[m.end():]
    elif credit and _FROM_SOURCE.match(text):
        return []       # "Translation: From Vorwärts, 8th and 10th 1900": where the text came from
    parts = _NAME_SPLIT.split(text)
    if len(parts) > 1 and all(_NAME_YEAR.match(p) for p in parts):
        # "Emil 1998, Francesco 2013": each name with its year, not one name and a tail
        text = ", ".join(_NAME_YEAR.match(p)[1] for p in parts)
    text = _MONTH_TAIL.sub("", text)
    text = _NAME_TAIL.sub("", text)
    if credit:
        text = _WHERE_TAIL.sub("", text)
    text = _FROM_LANGUAGE.sub("", text)
    if (m := _SHARED_SURNAME.match(text)):
        text = f"{m['a']} {m['s']}, {m['b']} {m['s']}"
    out = []
    for part in _NAME_SPLIT.split(text):
        part = _PART_BY.sub("", part.strip().rstrip(" –—-"))   # "Einde O’Callaghan – [a note]"
        name = normalise_name(_NAME_LEAD.sub("", part))
        # A credit value that is a sentence ("Socialist Party of Great Britain" is fine) is kept;
        # very long fragments are notes, not names.
        if (name and len(name) <= 80 and name[0].isupper() and not _NOT_A_NAME.search(name)
                and name not in out and name not in _ARCHIVE_INITIALS and not (credit and _NO_ONE.match(name))):
            out.append(name)
    return out
