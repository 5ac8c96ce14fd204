"""Authorship (``wrote``) beyond "X wrote": how the corpus says who wrote what.

The survey (bench/claims_survey.py, 800 random pages) counts the ways a person hangs off a
writing word: possessor or "of"-object of work 141, book 82, writing 69, word 65, article 55,
thesis 35, letter 29, pamphlet 19, memoir 15, essay 9; active subject of write 616 (+ "write in"
93).  Shapes read here:

- the person as possessor, "by"-agent or "of"/"from" object of a work noun: "Marx's pamphlets on
  the Civil War", "a paper by William Morris", "the Communist Manifesto by Marx and Engels",
  "the writings of Proudhon", "letters from Meyen", "from the pen of Heinrich Heine", "the words of
  Goethe", "in Plekhanov's words";
- a speech or argument verb placed in a work: "Kautsky added, in his book Terrorism and
  Communism", "as Marx declared in a letter to Ruge";
- "as Marx put it", "X quotes these words";
- a quotation followed by its author in parentheses: "… a rule” (L.D. Trotsky)".

A biography, history or study *of* someone is about them, not by them: "of" counts only for
the nouns in ``OF_IS_BY``.
"""

from __future__ import annotations

import re

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
}
# Nouns whose "of"-object is the author ("the writings of Proudhon"), not the subject matter
# ("a biography of Marx", "the history of the Commune").
OF_IS_BY = {"writing", "writings", "works", "letter", "letters", "pen", "article", "articles",
            "pamphlet", "pamphlets", "essay", "essays", "manifesto", "theses", "memoirs", "diary",
            "testament", "preface", "introduction", "foreword", "reply", "polemic", "publications",
            "poems", "novels", "books", "phrase", "formula", "verses", "correspondence", "editorial"}
SPEECH_VERBS = {"say", "declare", "argue", "add", "point", "explain", "remark", "insist", "state",
                "assert", "observe", "note", "put", "write", "tell", "describe", "maintain", "claim",
                "summarize", "summarise", "sum", "comment", "stress", "emphasize", "emphasise",
                "repeat", "reply", "answer", "admit", "recall", "warn", "conclude", "predict", "forecast",
                "show", "prove", "demonstrate", "suggest", "propose", "recognise", "recognize",
                "express", "formulate", "characterize", "characterise", "define", "speak", "complain",
                "protest", "report"}
_QUOTE_CITE = re.compile(r"[”\"’]\s*[\[(]\s*$")


def _children(tok, *deps):
    return [c for c in tok.children if c.dep_ in deps]


def _prep_objects(tok, *preps):
    return [g for p in tok.children if p.dep_ in ("prep", "agent") and p.lower_ in preps
            for g in p.children if g.dep_ in ("pobj", "pcomp")]


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def _is_work(tok) -> bool:
    return _lemma(tok) in WORK_NOUNS or tok.lower_ in WORK_NOUNS


def _work_text(s, tok) -> str | None:
    toks = [t for t in tok.subtree if t.dep_ not in ("relcl",) and not any(
        a.dep_ == "relcl" for a in t.ancestors if a.i != tok.i and a in tok.subtree)]
    return s.span_text(toks)


def authorship_claims(s, add) -> None:
    for tok in s.sdoc:
        if tok.pos_ in ("NOUN", "PROPN") and (_is_work(tok) or tok.pos_ == "PROPN"):
            _work_noun(s, add, tok)
        if tok.pos_ in ("VERB", "AUX"):
            _speech_in_work(s, add, tok)
    _cited_after_quotation(s, add)


def _work_noun(s, add, tok) -> None:
    """"Marx's pamphlets", "a paper by William Morris", "the writings of Proudhon"."""
    work = _is_work(tok)
    holders = []
    if work:
        holders += _children(tok, "poss")
    holders += _prep_objects(tok, "by")
    if not work and not holders:
        return
    if work and (_lemma(tok) in OF_IS_BY or tok.lower_ in OF_IS_BY):
        holders += _prep_objects(tok, "of", "from")
    if work and _lemma(tok) in ("letter", "letters", "message", "telegram", "note", "dispatch"):
        holders += _prep_objects(tok, "from")      # "letters from Meyen"
    if _lemma(tok) == "pen" and not _children(tok, "poss") and not _prep_objects(tok, "of"):
        return
    if not work:
        # "the Communist Manifesto by Marx and Engels": a title-cased work named by "by"
        if not (tok.text[:1].isupper() and any(t.text[:1].isupper() for t in tok.subtree if t.i < tok.i) or
                tok.text[:1].isupper()):
            return
        if s.entity_of_span(tok) is not None:
            return                                  # "by Marx" hangs off a person: not a work
    for entity, ptok in s.persons(holders):
        if ptok.lower_ in ("his", "her", "their", "its", "my", "our", "your") and not s.entity(ptok):
            continue
        add(entity, "wrote", _work_text(s, tok), tok, ptok)


def _speech_in_work(s, add, tok) -> None:
    """"Kautsky added, in his book …", "as Marx declared in a letter to Ruge", "as Marx put it",
    "Trotsky quotes these words"."""
    lemma = _lemma(tok)
    subj = _children(tok, "nsubj")
    if not subj:
        return
    placed = [w for w in _prep_objects(tok, "in") if _is_work(w)]
    put_it = lemma == "put" and any(c.lower_ == "it" and c.dep_ == "dobj" for c in tok.children) and any(
        c.lower_ == "as" and c.dep_ == "mark" for c in tok.children)
    quotes = lemma == "quote" and bool(_children(tok, "dobj"))
    if not (placed and lemma in SPEECH_VERBS or put_it or quotes):
        return
    for entity, ptok in s.persons(subj):
        add(entity, "wrote", s.subtree_text(placed[0]) if placed else None, tok, ptok)


def _cited_after_quotation(s, add) -> None:
    """"… from “an abuse into a rule” (L.D. Trotsky)": the quotation's author in parentheses."""
    ctx, base = s.ctx, s.base
    for m in ctx.mentions_in(base, base + len(s.sdoc.text)):
        before = ctx.text[max(base, m.start - 4):m.start]
        if not _QUOTE_CITE.search(before):
            continue
        after = ctx.text[m.end:m.end + 40].lstrip()
        if not after.startswith((")", "]", ",")):
            continue
        tok = s.token_at(m.start)
        if tok is not None:
            add(m.entity, "wrote", None, tok, tok)
