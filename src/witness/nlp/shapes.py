"""Where a name begins and ends among spaCy's tokens, read from its print alone: a name
wrapped over a line break ("Alfred⏎Smith"), a particle tail ("de la Marck", "d’Arenberg"),
a name printed in capitals ("JOHN BINNS", "ANDREW ROUNSAVEbt"), and the edges of the model's
span (a heading glued on over a paragraph break, ", Esquire", determiners, titles,
possessives).

Nothing here consults the authority's name sets: the rules that do (which words are known
persons, surnames, given names) are the ``Rules`` of rules.py, which call these tests.
"""

from __future__ import annotations

import re

from witness.authority.loader import COMMON_WORDS

from .lexicon import DETERMINERS, INITIALS, NOT_PERSON, PARTICLES, cap, given_words
from .titles import ESQ, NOT_AFTER_TITLE, is_any_title, is_title

# The capitals that open a token running on into punctuation or lowercase OCR debris.
_CAPS_HEAD = re.compile(r"^[A-Z]{3,}(?=[.,;:—\-]|[a-z]{1,3}$)")
PARTICLE_NAME = re.compile(r"^(?:d[’']|de[’']?|l[’'])[A-Z][a-z]+")
_TAIL_OPENS = {"van", "von", "der", "den", "ten", "de", "du"}


def line_break(tok) -> bool:
    """A whitespace token holding one line break (a name wrapped over two lines), not a
    paragraph break."""
    return tok.is_space and tok.text.count("\n") == 1


def upper_word(text: str) -> bool:
    return len(text) > 1 and text.isupper() and text.isalpha()


def particle_tail(doc, i: int) -> int:
    """The end of a name's particle tail that starts at token ``i`` ("d’Arenberg", "der⏎Noot",
    "de la Marck"), or ``i`` when none follows."""
    if i >= len(doc) or i == 0 or not (doc[i - 1].whitespace_ or line_break(doc[i])):
        return i
    if PARTICLE_NAME.match(doc[i].text):
        return i + 1
    j = i + 1 if line_break(doc[i]) else i
    if j >= len(doc) or doc[j].text not in _TAIL_OPENS:
        return i         # not "y", "da", "di": conjunctions and prepositions elsewhere
    k = j
    while k < len(doc) and doc[k].text in PARTICLES and k - j < 3:
        k += 1
        if k < len(doc) and line_break(doc[k]):
            k += 1
    if k < len(doc) and cap(doc[k].text) and doc[k].is_alpha and len(doc[k].text) > 1:
        return k + 1
    return i


def name_follows(doc, k: int) -> bool:
    """A capitalised word or an initial at token ``k`` (over one line break)."""
    if k < len(doc) and line_break(doc[k]):
        k += 1
    return k < len(doc) and (INITIALS.match(doc[k].text) is not None
                             or cap(doc[k].text) and doc[k].is_alpha)


def capitals(doc, claimed: bytearray, ent_at: dict) -> list[tuple[int, int]]:
    """Names printed in capitals, which the model reads as headings or misses ("JOHN BINNS",
    "WM. W. COWPER"): a given name, then capitalised words.  Their character spans; each
    name's tokens are marked in ``claimed`` as soon as it is read, because a run over a line
    break ("JOHN⏎HENRY BINNS") would otherwise be read again from the given name after the
    break.  ``ent_at`` (token → the model's entity) leaves a run to a PERSON entity that
    already covers it."""
    n = len(doc)
    found: list[tuple[int, int]] = []
    for tok in doc:
        if claimed[tok.i] or not upper_word(tok.text.rstrip(".")):
            continue
        if tok.text.casefold() not in given_words() or tok.lower_ in COMMON_WORDS:
            continue
        if tok.i and (upper_word(doc[tok.i - 1].text) or INITIALS.match(doc[tok.i - 1].text)):
            continue  # not the first word of a capitals run
        end = k = tok.i + 1
        if k < n and doc[k].text == "." and tok.text.casefold() + "." in given_words():
            end = k = k + 1
        parts, head = 0, 0
        while k < n and parts < 3 and not claimed[k] and (
                (upper_word(doc[k].text) and not doc[k].is_stop)
                or INITIALS.match(doc[k].text) or line_break(doc[k])):
            if not doc[k].is_space:
                parts += 1
                end = k + 1
            k += 1
        if k < n and parts < 3 and not claimed[k] and not doc[k].is_space:
            # "JAMES HOOE.—of", "ANDREW ROUNSAVEbt": the surname's capitals run on into
            # punctuation or OCR debris the tokenizer left attached
            head = len(h.group()) if (h := _CAPS_HEAD.match(doc[k].text)) else 0
            if head:
                parts, end = parts + 1, k + 1
        last = doc[end - 1].text[:head] if head else doc[end - 1].text
        if parts == 0 or not upper_word(last) \
                or last.lower() in NOT_AFTER_TITLE or last.lower() in NOT_PERSON:
            continue
        ent = ent_at.get(tok.i)
        if ent is not None and ent.label_ == "PERSON" and ent.end >= end:
            continue
        found.append((tok.idx, doc[end - 1].idx + len(last)))
        for k in range(tok.i, end):
            claimed[k] = 1
    return found


def name_tokens(doc, ent, typ: str) -> tuple[int, int, bool]:
    """The tokens of the model's entity ``ent`` (of archive type ``typ``) that can hold its
    name, as ``(start, end, titled)``, ``titled`` when a title stands before the name or was
    cut from its head; ``end <= start`` when nothing is left."""
    s, e = ent.start, ent.end
    # A span running over a paragraph break is two things: keep the part with the most
    # capitalised words (the model glues a heading to the first words below it).
    cuts = [k for k in range(s, e) if doc[k].is_space and "\n\n" in doc[k].text]
    if cuts and typ != "date":
        pieces, a = [], s
        for k in cuts + [e]:
            pieces.append((a, k))
            a = k + 1
        s, e = max(pieces, key=lambda p: sum(cap(doc[k].text) for k in range(*p)))
    # "JOHN BRINK, Esquire": the suffix is not part of the name (the ESQ test of rules.py
    # still sees it after the cut).
    for k in range(s + 1, e - 1):
        if doc[k].text == "," and doc[k + 1].lower_.rstrip(".") in ESQ:
            e = k
            break
    # Trim determiners, titles, possessives and punctuation at the edges.
    while s < e and (doc[s].lower_ in DETERMINERS or doc[s].is_punct or doc[s].is_space):
        s += 1
    titled = s > 0 and is_any_title(doc[s - 1] if doc[s - 1].text != "." or s < 2
                                     else doc[s - 2])
    while s < e - 1 and typ != "date" and is_title(doc[s]):
        s += 1
        titled = True
        if s < e - 1 and doc[s].text == ".":
            s += 1
        while s < e - 1 and doc[s].is_space:
            s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space
                     or doc[e - 1].lower_ in ("’s", "'s", "’", "'")):
        e -= 1
    return s, e, titled
