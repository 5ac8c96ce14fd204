"""Authorship (``wrote``) read through the parse: who wrote what, beyond "X wrote".

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
- "as Marx put it", "X quotes these words".

A biography, history or study *of* someone is about them, not by them: "of" counts only for
the nouns in ``OF_IS_BY``.  Titles, bylines and citations, which the parse does not hold
together, are read on the surface (citations.py); ``authorship_claims`` runs both.  The words
of writing and speaking are works.py's.
"""

from __future__ import annotations

import re

from .citations import NOT_TITLES, by_after_work, cited_after_quotation, cited_in_a_paper, titled_works
from .parse import children as _children
from .parse import lemma as _lemma
from .parse import prep_objects as _prep_objects
from .works import CHAMBER, SPEECH_VERBS, SPOKEN_OR_WRITTEN, WORK_NOUNS, WRITING_VERBS, to_come

# Nouns whose "of"-object is the author ("the writings of Proudhon"), not the subject matter
# ("a biography of Marx", "the history of the Commune").
OF_IS_BY = {"writing", "writings", "works", "letter", "letters", "pen", "article", "articles",
            "pamphlet", "pamphlets", "essay", "essays", "manifesto", "theses", "memoirs", "diary",
            "testament", "preface", "introduction", "foreword", "reply", "polemic", "publications",
            "poems", "novels", "books", "phrase", "formula", "verses", "correspondence", "editorial"}
_TOLD = {"tell", "recount", "relate", "narrate", "hear", "listen"}


def _is_work(tok) -> bool:
    if tok.lower_ == "studies" and not any(c.dep_ == "appos" or c.text[:1] in "“\"‘" for c in tok.rights):
        return False                                   # "his studies of jurisprudence", "pursued medical studies":
                                                       # studying, not a text (judged 3 in 4, rounds 3, 6, 9)
    if _lemma(tok) in ("reply", "answer") and _spoken_reply(tok):
        return False
    return _lemma(tok) in WORK_NOUNS or tok.lower_ in WORK_NOUNS


def _spoken_reply(tok) -> bool:
    """A reply given as words, not as a text: "In reply, Jim said …", "he declared in reply to
    Macdonald", "‘Not the same road’ was Lenin's laconic reply", "Roger's reply was that …" ("reply"
    claims were judged wrong 10 times in 17 in rounds 2–10; the right ones, "his reply to Laski",
    "Rothstein's reply, in World News", have a possessor and no copula, and stay texts)."""
    if tok.text[:1].isupper():
        return False                                    # "Reply to the Critics": a title
    if tok.head.lower_ == "in" and tok.dep_ == "pobj" and not any(c.dep_ in ("det", "poss") for c in tok.children):
        # (but "In reply to a questionnaire, Kautsky had set down his views": written)
        return _lemma(tok.head.head) not in WRITING_VERBS | {"set", "send", "address"}
    be = tok.head if _lemma(tok.head) == "be" else None
    if be is None:
        return False
    if tok.dep_ == "attr":
        return True
    return tok.dep_ == "nsubj" and any(c.dep_ in ("ccomp", "attr") and c.left_edge.lower_ == "that" for c in be.children)


def _work_text(s, tok) -> str | None:
    toks = [t for t in tok.subtree if t.dep_ not in ("relcl",) and not any(
        a.dep_ == "relcl" for a in t.ancestors if a.i != tok.i and a in tok.subtree)]
    return s.span_text(toks)


def authorship_claims(s, add) -> None:
    titled_works(s, add)
    for tok in s.tokens:
        if tok.pos_ in ("NOUN", "PROPN") and (_is_work(tok) or tok.pos_ == "PROPN" or _lemma(tok) in ("author", "writer")):
            _work_noun(s, add, tok)
        if tok.pos_ in ("VERB", "AUX"):
            _speech_in_work(s, add, tok)
    cited_after_quotation(s, add)
    by_after_work(s, add)
    cited_in_a_paper(s, add)


def _work_noun(s, add, tok) -> None:
    """"Marx's pamphlets", "a paper by William Morris", "the writings of Proudhon"."""
    if _lemma(tok) in ("author", "co-author", "writer") and _prep_objects(tok, "of"):
        # "Gorter was the author of The Fundamentals …", "John Vidor, author of Spying in Russia"
        holders = _children(tok.head, "nsubj") if tok.dep_ in ("attr",) else [tok.head] if (
            tok.dep_ == "appos" and tok.head.pos_ == "PROPN") else []
        for entity, ptok in s.persons(holders, expand=False):
            add(entity, "wrote", s.subtree_text(_prep_objects(tok, "of")[0]), tok, ptok)
        return
    work = _is_work(tok)
    holders = []
    if work:
        holders += _children(tok, "poss")
        if tok.dep_ == "appos" and tok.head.pos_ == "PROPN" and tok.text[:1].isupper() and _lemma(tok) in _CITED_PARTS:
            holders.append(tok.head)                   # a citation: "L. Trotsky, Introduction to Tragedy of …"
    holders += _by_author(s, tok)
    if not work and not holders:
        return
    if work and (_lemma(tok) in OF_IS_BY or tok.lower_ in OF_IS_BY):
        holders += _prep_objects(tok, "of", "from")
    if work and _lemma(tok) in ("letter", "letters", "message", "telegram", "note", "dispatch"):
        holders += _prep_objects(tok, "from")      # "letters from Meyen"
    if _lemma(tok) == "pen" and not _children(tok, "poss") and not _prep_objects(tok, "of"):
        return
    if to_come(tok):
        return                                      # "the government have commissioned yet another report by Cox"
    if _lemma(tok) == "story" and _lemma(tok.head) in _TOLD:
        return                                      # "He told me his story": told, not written
    if _lemma(tok) in SPOKEN_OR_WRITTEN and _delivered_in_a_chamber(s, tok):
        return                                      # "his review of foreign policy in the House of Commons": a speech
    if not work and _lemma(tok) in _SPOKEN:
        return                                      # "(Interjection by Weinstone: …)": said, not written
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
        add(entity, "wrote", _work_text(s, tok), tok, ptok, presupposed=True)


# What a citation names after its author ("R. Owen: Letters on Education", "L. Trotsky, Introduction to …"):
# not a book's title after the person it is about ("Karl Marx: The Story of His Life"), nor a
# volume of an edition ("Lenin, …, Selected Works, Volume 5 (1936)", whose year is the edition's).
_CITED_PARTS = {"introduction", "preface", "foreword", "afterword", "postscript", "letter", "letters", "note",
                "notes", "report", "memorandum", "article", "articles", "essay", "essays", "pamphlet", "reply",
                "autobiography", "memoirs", "diary", "theses", "circular", "telegram", "message", "review", "critique"}
_IN_CHAMBER = re.compile(r"\b(?:in|at|before)\s+(?:the\s+|a\s+)?(?:[\w.\-]+\s+){0,2}?" + CHAMBER.pattern, re.I)
# (not "his report to the Supreme Soviet", "said in his report": the annotators count a report to
# a congress or a committee as written — "The following report by Jack Stachel to the … Committee")
_SPOKEN = {"interjection", "interruption", "speech", "remarks", "remark", "applause", "voice", "voices",
           "question", "intervention", "shout", "cry", "laughter", "cheers", "heckling", "exclamation"}


def _delivered_in_a_chamber(s, tok) -> bool:
    return bool(_IN_CHAMBER.search(s.subtree_text(tok) or ""))


# "Translated from the Spanish by Louis Frank", "Transcribed by Ted Crawford": a credit's "by"
# names who made the copy, not who wrote the work.
_CREDIT_WORDS = {"translated", "trans", "translation", "transcribed", "transcription", "edited", "ed",
                 "compiled", "marked", "scanned", "proofread", "illustrated", "selected", "arranged",
                 "adapted", "abridged", "revised", "translator", "editor", "transcriber"}


def _by_author(s, tok) -> list:
    """The objects of the token's "by", unless a credit word stands before that "by"."""
    out = []
    for p in tok.children:
        if p.dep_ not in ("prep", "agent") or p.lower_ != "by":
            continue
        before = s.sdoc[max(0, p.i - 6):p.i]
        if any(t.lower_.rstrip(".") in _CREDIT_WORDS for t in before):
            continue
        out += [g for g in p.children if g.dep_ in ("pobj", "pcomp")]
    return out


def _speech_in_work(s, add, tok) -> None:
    """"Kautsky added, in his book …", "as Marx declared in a letter to Ruge", "as Marx put it",
    "Trotsky quotes these words"."""
    lemma = _lemma(tok)
    subj = _children(tok, "nsubj")
    if not subj:
        return
    placed = [w for w in _prep_objects(tok, "in") if (_is_work(w) or lemma != "speak" and _named_work(s, w)) and not (
        _lemma(w) in SPOKEN_OR_WRITTEN and _delivered_in_a_chamber(s, w))]
    put_it = lemma == "put" and any(c.lower_ == "it" and c.dep_ == "dobj" for c in tok.children) and any(
        c.lower_ == "as" and c.dep_ == "mark" for c in tok.children)
    # "quotes these words"; not "I will quote a calm writer", "he quotes Lenin": their words
    quotes = lemma == "quote" and any(not _quotes_someone(s, o) and not _anothers_text(o) for o in _children(tok, "dobj"))
    if quotes and _children(tok, "neg"):
        return                                      # "Bax does not quote a single sentence": no word on his writing
    # "Marx dealt with the crisis, but in 1886 Engels, in a preface to Capital, stated …": a person
    # named in another clause (a conjunct the parser broke) between the verb and the work is the
    # one it is placed for
    other = {t.i for c in tok.children if c.dep_ == "conj" for t in c.subtree} if placed else set()
    placed = [w for w in placed if not other or not any(
        m.type == "person" and (t := s.token_at(m.start)) is not None and t.i in other
        for m in s.ctx.mentions_in(s.base + tok.idx + len(tok.text), s.base + w.left_edge.idx))]
    if lemma not in SPEECH_VERBS:
        # (a work of his own, "outlined … in his report in September 1947", is credited, and dated, by
        # the work-noun rule; a speech verb's placing came first and stays as it was)
        placed = [w for w in placed if lemma in _THINKING_VERBS and (_named_work(s, w) or not _children(w, "poss"))]
    if not (placed and not _is_passive(tok) or put_it or quotes):
        return
    for entity, ptok in s.persons(subj):
        add(entity, "wrote", s.subtree_text(placed[0]) if placed else None, tok, ptok)


# What a writer does in a work besides saying: "Marx foresaw in his Grundrisse", "as expounded in …"
_THINKING_VERBS = {"foresee", "forecast", "expound", "analyse", "analyze", "discuss", "criticise", "criticize",
                   "attack", "examine", "develop", "envisage", "deal", "polemicise", "polemicize", "refute",
                   "outline", "sketch", "anticipate", "elaborate", "set", "lay", "advocate", "defend", "praise",
                   "foresaw"}                         # (the tagger takes "foresaw" for a present tense)


def _named_work(s, w) -> bool:
    """A work named only by its title where a verb places its subject's saying: a quoted title
    ("Engels forecast it in ‘Anti-Dühring’") or the writer's own capitalised one ("Marx foresaw in
    his Grundrisse") — not a place or a body of his ("in his native Georgia" is no title: a place
    mention, or an adjective before it)."""
    if s.entity_of_span(w) is not None:
        return False
    first = w.left_edge
    if first.i > 0 and w.doc[first.i - 1].text in ("‘", "“", "\"") and first.text[:1].isupper():
        return True                                    # (the tagger may call a quoted title anything)
    if w.pos_ != "PROPN":
        return False
    owner = _children(w, "poss")
    if not owner or owner[0].lower_ not in ("his", "her", "their") or any(
            c.dep_ in ("amod", "compound", "det") for c in w.children):
        return False
    start = s.base + w.idx
    return not any(m.type != "person" and m.start < start + len(w.text) and start < m.end
                   for m in s.ctx.doc.mentions) and w.lower_ not in NOT_TITLES


def _is_passive(tok) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


_PERSON_NOUNS = {"writer", "author", "man", "woman", "critic", "economist", "historian", "philosopher",
                 "authority", "comrade", "friend", "opponent", "poet", "journalist", "correspondent",
                 "observer", "witness", "spokesman", "professor", "scholar", "biographer", "leader"}


def _anothers_text(obj) -> bool:
    """"Judge Wade … quoted the following letter from the St. Louis office": a text the quoter
    reads out is someone else's unless it is his own ("quotes his article of 1917")."""
    return _lemma(obj) in WORK_NOUNS | {"document", "passage", "statement", "resolution", "decree"} and not any(
        c.dep_ == "poss" and c.lower_ in ("his", "her", "my", "our", "their") for c in obj.children)


def _quotes_someone(s, obj) -> bool:
    """The object of "quote" is a person: the quoted words are theirs, not the quoter's."""
    return obj.pos_ == "PROPN" or obj.lower_ in ("him", "her", "them", "me", "us") or s.entity(obj) is not None \
        or _lemma(obj) in _PERSON_NOUNS
