"""The words of writing and speaking that the ``wrote`` readings share.

The parse-based readings (authorship.py), the surface readings of citations and titles
(citations.py), letters (correspondence.py), quotations in the present tense (quoting.py) and the
prefilter (predicates.py) all ask whether a word names a work, a writing or a speech; one lexicon
keeps their answers the same.  It is its own module because authorship.py calls citations.py's
readers and both need these words: kept in either, the two would import each other.
"""

from __future__ import annotations

import re

from .parse import lemma as _lemma

WRITING_VERBS = {"write", "pen", "publish", "author", "compose", "draft", "quote", "scribble",
                 "dedicate", "translate_x"}
WORK_NOUNS = {
    "book", "pamphlet", "article", "letter", "essay", "writing", "writings", "works", "treatise",
    "manifesto", "thesis", "theses", "novel", "poem", "play", "memoir", "memoirs", "diary",
    "autobiography", "report", "message", "preface", "introduction", "foreword", "review", "editorial",
    "leaflet", "telegram", "note", "notes", "correspondence", "text", "story", "study",
    "critique", "reply", "polemic", "draft", "testament", "articles",
    "dispatch", "despatch", "column", "publication", "publications", "volume", "chapter", "verses",
    "pen",
    "contributions", "biography_by", "history_by", "brochure", "tract", "sketch", "lecture_notes",
    "communication", "circular", "epistle", "postscript", "afterword", "dedication", "obituary",
    "memorandum", "memoranda",
}
SPEECH_VERBS = {"say", "declare", "argue", "add", "point", "explain", "remark", "insist", "state",
                "assert", "observe", "note", "put", "write", "tell", "describe", "maintain", "claim",
                "summarize", "summarise", "sum", "comment", "stress", "emphasize", "emphasise",
                "repeat", "reply", "answer", "admit", "recall", "warn", "conclude", "predict", "forecast",
                "show", "prove", "demonstrate", "suggest", "propose", "recognise", "recognize",
                "express", "formulate", "characterize", "characterise", "define", "speak", "complain",
                "protest", "report"}
# Work nouns that are as often spoken as written: placed in a chamber or a meeting they are a speech.
SPOKEN_OR_WRITTEN = {"review", "report", "reply", "statement", "polemic", "lecture"}
CHAMBER = re.compile(r"\b(house of commons|house of lords|commons|parliament|reichstag|duma|senate|chamber|"
                     r"congress|conference|convention|meeting|session|assembly|rally|plenum)\b", re.I)


# Verbs whose object is a work still to be written ("commissioned a report by Professor Cox").
_TO_COME = {"commission", "order", "request", "invite", "solicit", "await", "promise", "announce", "expect"}


def to_come(work) -> bool:
    return work.dep_ in ("dobj", "nsubjpass") and _lemma(work.head) in _TO_COME
