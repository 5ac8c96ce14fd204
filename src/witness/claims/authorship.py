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

from .parse import children as _children
from .parse import lemma as _lemma
from .parse import prep_objects as _prep_objects

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
_TOLD = {"tell", "recount", "relate", "narrate", "hear", "listen"}
_QUOTE_CITE = re.compile(r"[”\"’]\s*[\[(]\s*$")
# A title: capitalised words, with the small words titles keep in lower case, or a quoted span.
_SMALL = r"(?:of|and|the|in|to|a|an|for|on|at|by|with|from|or|as|is|was|its|their|his|her)"
_CAP = r"(?:[A-Z][\w’'\-.:]*|[IVX]+)"
# A quoted title starts with a capital: a lowercase quotation after a possessive is the writer's
# scare quotes ("Hayek’s “liberal principles”", "Althusser’s ‘instances’"), not a work.
_TITLE = rf"(?:[“\"‘](?P<q>[A-Z0-9][^”\"’]{{2,119}})[”\"’]|(?P<t>{_CAP}(?:\s+(?:{_SMALL}\s+)*{_CAP}){{1,12}}))"
_POSS_TITLE = re.compile(rf"^(?:’s|'s|’|')\s+(?:own\s+|new\s+|famous\s+|book\s+|pamphlet\s+|article\s+)?{_TITLE}")
_IN_TITLE = re.compile(rf"^,?\s*(?:however,?\s+|also\s+|already\s+|later\s+)?in\s+(?:his|her|their\s+)?{_TITLE}\s*[(,]\s*(?:\d{{4}}|[A-Z][a-z]+\s+\d{{4}})")
# Capitalised nouns that name bodies and places, not works ("Lenin’s Party", "Stalin’s Russia").
_NOT_TITLES = {"party", "government", "state", "army", "committee", "russia", "germany", "france", "england",
               "america", "china", "spain", "italy", "revolution", "politburo", "international", "opposition",
               "union", "soviet", "soviets", "regime", "cabinet", "office", "ministry", "faction", "group",
               "followers", "supporters", "friends", "men", "camp", "troops", "time", "day", "days", "death",
               "life", "wife", "son", "daughter", "brother", "father", "mother", "family", "policy", "line",
               # armed bands and followers ("Mussolini’s Black Shirts", "the Tsar’s Black Hundreds")
               "shirts", "blackshirts", "brownshirts", "guard", "guards", "brigade", "brigades", "legion",
               "legions", "militia", "police", "troopers", "gangs", "bands", "hundreds", "henchmen", "agents",
               "lieutenants", "generals", "ministers", "allies", "partisans", "disciples"}


def work_after_name(after: str):
    """The title a person's name is followed by, as a possessive or with its year (or None)."""
    return _POSS_TITLE.match(after) or _IN_TITLE.match(after)


_BY_BEFORE = re.compile(r"\bby\s+[^.;:()\n]{0,60}$", re.I)
# a newspaper citation: "(William Hickey in the Daily Express, December 14)", "Mr. Vernon Bartlett
# (News-Chronicle, July 25th)" — a periodical's word in the name, a date after it
_PAPER = (r"(?:the\s+)?(?P<paper>[A-Z][\w’'.]*(?:[\s\-]+[A-Z][\w’'.]*){0,3}),\s*"
          r"(?P<date>[^()\n]{0,20}(?:\d|January|February|March|April|May|June|July|August|September|October|"
          r"November|December)[^()\n]{0,20})\)")
_PAPER_WORDS = re.compile(r"\b(daily|times|express|herald|guardian|news|chronicle|post|mail|telegraph|observer|"
                          r"statesman|leader|worker|tribune|gazette|journal|review|pravda|izvestia|bulletin|"
                          r"militant|nation|standard|mirror|record|economist|spectator|monthly|weekly|quarterly|"
                          r"magazine|world|press|courier|clarion|socialist|appeal)\b", re.I)
_OPENS_CITATION = re.compile(r"\(\s*(?:[A-Z][\w.’'\-]*\s+){0,2}$")
# (a bracket after a name alone is the source of the sentence's fact: "a single Commissariat under
# Generalissimo Stalin (Soviet News, 28/2/46)"; the name's own words need a verb of saying before it)
_SAYS_BEFORE = re.compile(r"\b(?:[Aa]ccording\s+to|says|said|writes|wrote|declares|declared|adds|added|observes|"
                          r"observed|remarks|remarked|notes|noted|comments|commented|chipped\s+in|argues|argued)"
                          r"\s+(?:[A-Z][\w.’'\-]*\s+){0,3}$")
_IN_PAPER_AFTER = re.compile(r"\s+in\s+" + _PAPER)
_PAPER_AFTER = re.compile(r"\s*\(" + _PAPER)


def cited_in_paper(text: str, start: int, end: int, hi: int) -> bool:
    """Whether the person named at text[start:end] (in a sentence ending at hi) is cited as writing
    in a periodical of a date."""
    hit = (_IN_PAPER_AFTER.match(text, end, hi) if _OPENS_CITATION.search(text, max(0, start - 40), start)
           else None) or (_PAPER_AFTER.match(text, end, hi) if _SAYS_BEFORE.search(text, max(0, start - 60), start)
                          else None)
    return bool(hit and _PAPER_WORDS.search(hit.group("paper")))


# a work named by its title where the person's verb places it: "Engels forecast it in ‘Anti-Dühring’"
_IN_TITLE_AFTER = re.compile(r"^[^.;:\n]{0,80}?\bin\s+(?:[‘“\"][A-Z]|(?:his|her|their)\s+[A-Z])")


def authorship_by_surface(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether the person named at text[start:end] (in the sentence text[lo:hi]) may be an author
    by the surface alone — the patterns the rules below read without a trigger word: a title
    after the name, "by" before it, a quotation closing before it. Over-matches the rules."""
    return bool(work_after_name(text[end:min(hi, end + 200)])
                or cited_in_paper(text, start, end, hi)
                or _IN_TITLE_AFTER.search(text[end:min(hi, end + 100)])
                or _BY_BEFORE.search(text, max(lo, start - 64), start)
                or _QUOTE_CITE.search(text, _cite_lo(text, lo, start), start))


def _cite_lo(text: str, lo: int, start: int) -> int:
    """Where to look for the quotation a bracketed name cites: the splitter ends a sentence at a
    quotation's closing ".”", so a bracket opening the next sentence ("….’ (C. Bettleheim, Class
    Struggles in the USSR, p. 21)") cites the quotation just before it."""
    return max(0, start - 6) if text[lo:start].strip() in ("(", "[") else max(lo, start - 4)


def _is_work(tok) -> bool:
    return _lemma(tok) in WORK_NOUNS or tok.lower_ in WORK_NOUNS


def _work_text(s, tok) -> str | None:
    toks = [t for t in tok.subtree if t.dep_ not in ("relcl",) and not any(
        a.dep_ == "relcl" for a in t.ancestors if a.i != tok.i and a in tok.subtree)]
    return s.span_text(toks)


def authorship_claims(s, add) -> None:
    _titled_works(s, add)
    for tok in s.tokens:
        if tok.pos_ in ("NOUN", "PROPN") and (_is_work(tok) or tok.pos_ == "PROPN" or _lemma(tok) in ("author", "writer")):
            _work_noun(s, add, tok)
        if tok.pos_ in ("VERB", "AUX"):
            _speech_in_work(s, add, tok)
    _cited_after_quotation(s, add)
    _by_after_work(s, add)
    _cited_in_a_paper(s, add)


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
    if _to_come(tok):
        return                                      # "the government have commissioned yet another report by Cox"
    if _lemma(tok) == "story" and _lemma(tok.head) in _TOLD:
        return                                      # "He told me his story": told, not written
    if _lemma(tok) in _SPOKEN_OR_WRITTEN and _delivered_in_a_chamber(s, tok):
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


# Verbs whose object is a work still to be written ("commissioned a report by Professor Cox").
_TO_COME = {"commission", "order", "request", "invite", "solicit", "await", "promise", "announce", "expect"}


def _to_come(work) -> bool:
    return work.dep_ in ("dobj", "nsubjpass") and _lemma(work.head) in _TO_COME


def _by_of_work_to_come(ptok) -> bool:
    while ptok.dep_ in ("compound", "flat") and ptok.head.i != ptok.i:
        ptok = ptok.head                              # "Professor" → "Cox"
    return ptok.head.lower_ == "by" and _to_come(ptok.head.head)


# What a citation names after its author ("R. Owen: Letters on Education", "L. Trotsky, Introduction to …"):
# not a book's title after the person it is about ("Karl Marx: The Story of His Life"), nor a
# volume of an edition ("Lenin, …, Selected Works, Volume 5 (1936)", whose year is the edition's).
_CITED_PARTS = {"introduction", "preface", "foreword", "afterword", "postscript", "letter", "letters", "note",
                "notes", "report", "memorandum", "article", "articles", "essay", "essays", "pamphlet", "reply",
                "autobiography", "memoirs", "diary", "theses", "circular", "telegram", "message", "review", "critique"}
# Work nouns that are as often spoken as written: placed in a chamber or a meeting they are a speech.
_SPOKEN_OR_WRITTEN = {"review", "report", "reply", "statement", "polemic", "lecture"}
_CHAMBER = re.compile(r"\b(house of commons|house of lords|commons|parliament|reichstag|duma|senate|chamber|"
                      r"congress|conference|convention|meeting|session|assembly|rally|plenum)\b", re.I)
_IN_CHAMBER = re.compile(r"\b(?:in|at|before)\s+(?:the\s+|a\s+)?(?:[\w.\-]+\s+){0,2}?" + _CHAMBER.pattern, re.I)
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
        _lemma(w) in _SPOKEN_OR_WRITTEN and _delivered_in_a_chamber(s, w))]
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
                   for m in s.ctx.doc.mentions) and w.lower_ not in _NOT_TITLES


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


def _titled_works(s, add) -> None:
    """"Pablo’s Decline and Fall of Stalinism", "Marx’s “Capital”", "Lenin, however, in Marxism and
    Revisionism (1908), …": a person's possessive before a title, or a title placed after the
    name with its year — unless the capitalised words are a place or a body the text names."""
    ctx, base = s.ctx, s.base
    end = base + len(s.text)
    others = [m for m in ctx.doc.mentions if m.type != "person" and base <= m.start < end]
    for m in ctx.mentions_in(base, end):
        after = ctx.text[m.end:min(end, m.end + 200)]
        hit = work_after_name(after)
        if not hit:
            continue
        title = hit.group("q") or hit.group("t")
        lo = m.end + hit.start("q" if hit.group("q") else "t")
        if any(o.start < lo + len(title) and lo < o.end for o in others):
            continue                                   # "Stalin’s Russia", "Lenin’s Bolshevik Party"
        words = [w.strip(".,:;").lower() for w in title.split()]
        if not hit.group("q") and (_title_head(words) in _NOT_TITLES or words[0] in _NOT_TITLES):
            continue                                   # (not "Isaacs’ Tragedy of the Chinese Revolution")
        if not hit.group("q") and _office_word(words[0]):
            continue                                   # "Tsar Alexander II’s Minister of Education": a post
        if ctx.mention_at(lo, lo + len(title)) is not None:
            continue                                   # "Marx’s Engels": a person, not a work
        tok = s.token_at(m.start)
        if tok is not None and hit.re is _IN_TITLE and tok.dep_ in ("dobj", "pobj") and tok.head.pos_ == "VERB":
            continue                                   # "Attacking Proudhon in The Poverty of Philosophy (1847)": whom the work is against
        if tok is not None:
            add(m.entity, "wrote", title.strip(), tok, tok, presupposed=True)


def _office_word(word: str) -> bool:
    from .roles import OFFICE_NOUNS, TITLES
    return word in TITLES or word in OFFICE_NOUNS


def _cited_in_a_paper(s, add) -> None:
    """"(William Hickey in the Daily Express, December 14)", "says Anne O’Hare McCormick (New York
    Times, August 30)"."""
    end = s.base + len(s.text)
    for m in s.ctx.mentions_in(s.base, end):
        if cited_in_paper(s.ctx.text, m.start, m.end, end):
            tok = s.token_at(m.start)
            if tok is not None:
                add(m.entity, "wrote", None, tok, tok)


def _cited_after_quotation(s, add) -> None:
    """"… from “an abuse into a rule” (L.D. Trotsky)": the quotation's author in parentheses."""
    ctx, base = s.ctx, s.base
    for m in ctx.mentions_in(base, base + len(s.text)):
        before = ctx.text[_cite_lo(ctx.text, base, m.start):m.start]
        if not _QUOTE_CITE.search(before):
            continue
        after = ctx.text[m.end:m.end + 40].lstrip()
        if not after.startswith((")", "]", ",")):
            continue
        close = ctx.text.find(")", m.end, m.end + 200)
        if close > 0 and _CHAMBER.search(ctx.text[m.end:close]):
            continue                                   # "(Hilferding, Kiel Social-Democratic Party Congress, 1928.)": a speech
        if _alias_quoted(ctx.text[max(base, m.start - 200):m.start]):
            continue                                   # "Comrade “Yurii” (Lutovinov)": a party name, not a quotation
        tok = s.token_at(m.start)
        if tok is not None:
            add(m.entity, "wrote", None, tok, tok)


_QUOTED_BEFORE = re.compile(r"[“\"‘]([^“”\"‘’]{1,200})[”\"’]\s*[(\[]?\s*$")


def _alias_quoted(before: str) -> bool:
    """Whether the quotation right before a parenthesised name is one or two capitalised words:
    an underground name or nickname ("“Sergei” (Bagdatiev)", "“Old Man” (Trotsky)") — no one's text."""
    q = _QUOTED_BEFORE.search(before)
    if not q:
        return False
    words = q.group(1).strip(" ,.").split()
    return 0 < len(words) <= 2 and all(w[:1].isupper() for w in words)


# -- a work and its author after "by", read on the surface ---------------------------------------
# The parser hangs "by X" after a work on whatever it likes ("carried an article by J.R. Campbell":
# on the verb; "a lengthy review, by Ken Tarbuck, of …": on the verb across the commas); the words
# next to each other say it. Not the nouns that also name an act ("the dispatch by Stalin of troops",
# "the publication by X of Y's letters").
_BY_NOUNS = (WORK_NOUNS | {"paper", "papers", "poems", "books", "stories", "novels", "plays", "essays", "studies"}) - {
    "publication", "publications", "dispatch", "despatch", "pen", "communication", "writing", "dedication",
    "biography_by", "history_by", "lecture_notes"}
_BY_TAIL = r",?\s+(?P<by>by)\s+(?:(?:[A-Z][\w’'.\-]*)\s+){0,2}$"
_NOUN_BY = re.compile(r"\b(?P<w>[A-Za-z][a-z\-]+)" + _BY_TAIL)
# (a quoted title closes with a comma before "by"; a scare-quoted word before an agent does not:
# "to be “commanded” by Amadeo del Rosal", "received with “the greatest friendliness” by Lassalle")
_QUOTED_BY = re.compile(r"[“\"‘](?P<q>[A-Z][^”\"’“‘]{2,120})(?:[”\"’],|,[”\"’])" + _BY_TAIL[2:])
_TITLE_BY = re.compile(rf"(?P<t>{_CAP}(?:\s+(?:{_SMALL}\s+)*{_CAP}){{1,12}})[,.]" + _BY_TAIL[2:])
_CHAIN = re.compile(r"^\s*(?:,\s*and|,|and|&)\s*$")
_POSSESSIVE = re.compile(r"^(?:’s|'s|’|')(?:\s|$)")


# Acts done to a text by someone else: "the passage cited from this letter by Mr. Pypin", "the
# reading of telegrams and letters by Comrade Gorle".
_ACTS_ON_TEXTS = {"read", "reading", "recite", "recital", "quote", "quotation", "cite", "citation", "translate",
                  "translation", "burn", "burning", "ban", "banning", "seize", "seizure", "confiscate",
                  "confiscation", "receive", "receipt", "deliver", "delivery", "sell", "sale", "distribute",
                  "distribution", "edit", "editing", "reprint", "print", "forward", "intercept", "interception",
                  "open", "find", "discover", "discovery", "show", "hand", "sign", "signature", "reject", "rejection"}


def _by_of_an_act(by) -> bool:
    """Whether this "by" names who did something to the work rather than who wrote it: the
    parser hangs it on that act's verb or noun ("cited from this letter by Pypin", "the reading of
    letters by Gorle"); on any other word it still names the work's author ("was reached in an
    article by Hilferding")."""
    return by is not None and by.lower_ == "by" and _lemma(by.head) in _ACTS_ON_TEXTS


def _title_head(words: list[str]) -> str:
    """The noun a title is about: the word before its first "of" ("Draft Programme of the … Party
    of Russia" → programme), else its last word ("Stalin’s Russia")."""
    low = [w.strip(".,:;“”\"‘’").lower() for w in words]
    return low[low.index("of") - 1] if "of" in low[1:] else low[-1]


def _by_after_work(s, add) -> None:
    """"a paper by William Morris", "a lengthy review, by Ken Tarbuck, of …", "“The A.B.C. of
    Communism,” by Buharin and Preobrashensky", "Tragedy of the Chinese Revolution, by H. Isaacs",
    and a byline sentence ("By David Boulton McGibbon & Kee, 45s.")."""
    ctx, base = s.ctx, s.base
    end = base + len(s.text)
    others = [m for m in ctx.doc.mentions if m.type != "person" and base <= m.start < end]
    spoken = bool(_CHAMBER.search(s.text))
    byline = re.match(r"\s*By\s+", s.text) and not any(t.pos_ in ("VERB", "AUX") for t in s.tokens)
    chains, chain_end = [], None
    for m in ctx.mentions_in(base, end):
        ptok = s.token_at(m.start)
        if _POSSESSIVE.match(ctx.text[m.end:m.end + 3]) or ptok is None:
            chain_end = None
            continue                                   # "by Stalin’s order"
        if chain_end is not None and _CHAIN.match(ctx.text[chain_end:m.start]):
            chains[-1].append((m.entity, ptok))        # "by Marx and Engels"
            chain_end = m.end
        elif _after_work_by(s, ctx.text[base:m.start], byline, spoken, others) and not _by_of_work_to_come(ptok):
            chains.append([(m.entity, ptok)])
            chain_end = m.end
        else:
            chain_end = None
    for chain in chains:
        # (each is dated and framed from the last name, which the words after the list follow:
        # "by Marx and Engels in 1847")
        for entity, ptok in chain:
            add(entity, "wrote", None, chain[-1][1], ptok)


def _after_work_by(s, pre: str, byline, spoken: bool, others) -> bool:
    """Whether the sentence's text before a name (`pre`) ends with a work and "by", or is a byline."""
    base = s.base
    if byline and re.fullmatch(r"\s*By\s+(?:[A-Z][\w’'.\-]*\s+){0,2}", pre):
        return True
    hit = _NOUN_BY.search(pre)
    w = hit.group("w").lower() if hit else ""
    if hit and (w in _BY_NOUNS or w.endswith("s") and w[:-1] in _BY_NOUNS):
        return not (spoken and (w in _SPOKEN_OR_WRITTEN or w[:-1] in _SPOKEN_OR_WRITTEN)) and \
            not _by_of_an_act(s.token_at(base + hit.start("by")))
    if _QUOTED_BY.search(pre):
        return True
    hit = _TITLE_BY.search(pre)
    if not hit:
        return False
    lo, hi = base + hit.start("t"), base + hit.end("t")
    words = hit.group("t").split()
    return not any(o.start < hi and lo < o.end for o in others) and s.ctx.mention_at(lo, hi) is None and \
        _title_head(words) not in _NOT_TITLES and words[0].lower() not in _NOT_TITLES
