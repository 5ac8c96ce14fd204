"""Whom a report frame attributes an event to, read from the parse (cues.py asks it).

A claim under "Pravda announced that …" or "according to Kalinin" is attributed to its source
(``attributed_to``): the subject or passive agent of the verb of saying, given in the text's own
words ("Government communiqué, signed by Kalinin", "Jebb's memoirs", "Holtsman, who said …"); and
"I"/"we" as that subject is the author's own voice, not a source.  The sources a sentence names
on its surface, where the parse does not reach the event, are sources.py's.
"""

from __future__ import annotations


def subject_of(verb):
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return c
    for c in verb.children:                  # passive: "was announced by Pravda"
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def source_text(tok) -> str | None:
    """The source a report names, in the text's words ("Government communiqué, signed by Kalinin")."""
    if tok is None:
        return None
    if tok.lower_ in ("who", "that", "which") and tok.head.dep_ == "relcl":
        tok = tok.head.head                  # "Holtsman, who said he had met Trotsky"
        return tok.text if tok.pos_ == "PROPN" else source_text(tok)
    toks = list(tok.subtree)
    while toks and (toks[0].dep_ == "det" or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks:
        return None
    return tok.doc[toks[0].i: toks[-1].i + 1].text[:200]


def noun_source(noun) -> str | None:
    """A report noun as its source: the noun with what precedes it and whom it is from
    ("Jebb's memoirs", "a Letter from Moscow", "Government communiqué, signed by Kalinin"),
    not the content it governs."""
    if noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and noun.head.i < noun.i:
        # "Browder's report and interpretation of …": the first noun's owner is the second's too
        keep = [t for t in noun.head.subtree if t.i <= noun.head.i] + [noun.doc[i] for i in range(noun.head.i + 1, noun.i + 1)]
    else:
        keep = [t for t in noun.subtree if t.i <= noun.i]
    for c in noun.children:
        if c.i > noun.i and (c.dep_ == "prep" and c.lower_ in ("from", "by", "of") and any(
                g.pos_ == "PROPN" for g in c.children) or c.dep_ == "acl" and any(
                g.dep_ == "agent" for g in c.children)):
            keep += list(c.subtree)
    keep = sorted({t.i: t for t in keep}.values(), key=lambda t: t.i)
    while keep and (keep[0].dep_ == "det" or keep[0].is_punct):
        keep = keep[1:]
    if not keep:
        return None
    return noun.doc[keep[0].i: keep[-1].i + 1].text[:200]


def first_person(tok) -> bool:
    return tok is not None and tok.lower_ in ("i", "we")
