"""Authorship (``wrote``) of a quotation introduced in the present tense.

Prose about writers cites their texts in the literary present: "Sukhanov observes: “Not one party
was preparing …”", "As Trotsky correctly states:", "Mr. Wilcox continues:", "“In practice”,
Miliband notes, “as experience was to show …”". A past tense ("Lenin said:") is as often a speech
as a text and stays unread here, and so do "says", "explains", "argues" (an interview, a platform:
"Citrine says: “We appeal to the German workers”"); "X writes" is read by the writing-verb rules.

Also the words that mark who speaks, for context.py: a speaker's line in a trial record, a
citing sentence, a speech verb before a quotation, single quotation marks.

The present tense is read only where it frames a quotation (a colon or an opening quote right after
the verb, or a quotation closing right before its subject): "as the Emperor says" alone quotes
nothing. A speech named in the sentence ("in his speech", "told the congress", "in the Commons")
keeps the words spoken.
"""

from __future__ import annotations

import re

from .parse import children as _children
from .parse import lemma as _lemma
from .works import CHAMBER

# verbs a writer's text is cited with; not "write" (read elsewhere), not "say", "explain", "argue"
# (as often an interview or a platform: "Fidel Castro later explains, “…”", "Citrine says: “We
# appeal …”"), not "tell"/"ask" (addressed to a hearer), not "declare" (the words of a platform)
QUOTING_VERBS = {"observe", "state", "remark", "note", "continue", "comment", "add", "conclude", "sum"}
_OPENS_QUOTE = re.compile(r"^\s*(?:out|up)?\s*(?::|,?\s*[“\"‘])")
_CLOSED_QUOTE = re.compile(r"[”\"’]\s*,?\s*$")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_SPOKEN = re.compile(r"\b(?:speech|speeches|speaking\s+(?:at|in|to|before)|spoke|told|tells|interview|broadcast|"
                     r"radio|lecture|addressing|audience|delegates|applause)\b", re.I)


def quoted_in_present(s, add) -> None:
    """"Sukhanov observes: “…”", "“…,” Bebel says, “…”": the quotation's author."""
    told = _QUOTED.sub(" ", s.text)                 # (a chamber inside the quotation is its subject)
    if _SPOKEN.search(told) or CHAMBER.search(told):
        return
    for tok in s.tokens:
        if tok.tag_ != "VBZ" or _lemma(tok) not in QUOTING_VERBS:
            continue
        if _lemma(tok) == "sum" and not any(c.lower_ == "up" for c in tok.children):
            continue
        if any(c.dep_ == "neg" or c.lower_ in ("nowhere", "never") for c in tok.children):
            continue                                   # "Lenin nowhere states:": no text of his
        subj = _children(tok, "nsubj")
        if not subj or subj[0].pos_ == "PRON" and subj[0].lower_ not in ("he", "she"):
            continue
        after = s.text[tok.idx + len(tok.text):tok.idx + len(tok.text) + 8]
        before = s.text[max(0, subj[0].left_edge.idx - 4):subj[0].left_edge.idx]
        if not (_OPENS_QUOTE.match(after) or _CLOSED_QUOTE.search(before) and tok.i > subj[0].i):
            continue
        for entity, ptok in s.persons(subj):
            # (the parser may hang the verb under the quotation's own verb, which is no frame of it)
            add(entity, "wrote", None, tok, ptok, climb=tok.dep_ not in ("ccomp", "parataxis"))


_THIRD = r"(?:observes|states|remarks|notes|continues|comments|adds|concludes|sums\s+up)"
_SURFACE = re.compile(rf"\b{_THIRD}\s*(?::|,?\s*[“\"‘])|[”\"’]\s*,?\s+[A-Z][^“”\"]{{0,40}}\b{_THIRD}\b")


def quotes_in_present_surface(chunk: str) -> bool:
    """Whether a sentence may hold a quotation introduced in the present tense (the parser runs on
    it only if so)."""
    return bool(_SURFACE.search(chunk))


# -- the words that mark a speaker, a citing sentence, a trial record (read by context.py) ----------
SINGLE_OPEN = re.compile(r"(?:(?<=[\s(\[—–-])|^)‘")
SINGLE_CLOSE = re.compile(r"’(?![A-Za-z])")
# A trial record nearby: a speaker line ("Vishinsky: You expressed …", "Berman-Yurin: Yes."), a
# page reference to the court record ("(1612.)"), or the words of testimony.
# "Stalin, he writes, ‘was ready …’" (rounds 8, 9): the name opens what the writer says, not who writes
SAYS_AFTER = re.compile(r"\s+(?:writes|wrote|says|said|adds|added|argues|argued|claims|claimed|notes|noted|"
                         r"explains|explained|insists|insisted|continues|continued|declares|declared|remarks|"
                         r"remarked|observes|observed|concludes|concluded|tells us|told us)\b")
RECORD_SPEAKER = re.compile(r"(?m)^[\s“\"‘']*([A-Z][\w’'\-]+(?:[ \-][A-Z][\w’'\-]+)?)\s*:\s")
# What marks a trial record nearby: a page of the verbatim report cited after a quotation
# ("(1612.)") or the words of testimony.  (Narrowed for a day to the verbatim marks alone, because
# a book on wartime trials had every present-tense sentence reported; that let a retold testimony
# through as asserted on held-out pages, so the safe side — reported — is back: a deflation is
# better than an inflation.)
RECORD_MARK = re.compile(
    r"\(\d{2,4}\.?\)|\b(testif(?:y|ies|ied)|testimony|confess(?:es|ed|ion)?|deposition|indictment|"
    r"prosecutor|the accused|the defendants?|cross-examination|court record|verbatim report|stenographic report)\b",
    re.I)
# "Note:", "Source:" open a paragraph of the edition, not a speaker's line
NOT_SPEAKERS = {"note", "notes", "source", "sources", "editor", "editors", "translator", "transcription",
                 "markup", "footnote", "footnotes", "see", "reference", "references", "comment", "ed", "nb"}
CITING = re.compile(
    r"\b(read|reads|writes?|wrote|written|says?|said|declares?|declared|states?|stated|as follows|letter|"
    r"article|quotes?|quoted|quoting|remarks?|remarked|observes?|observed|explains?|explained|replie[sd])\b", re.I)
SPEECH_VERB = re.compile(
    r"\b(said|says|declared|declares|stated|states|testified|testifies|wrote|writes|replied|"
    r"answered|confessed|admitted|told|exclaimed|added|continued|asserted|explained)\b[^“\"]{0,40}[:,]?\s*$")
