"""Authorship (``wrote``) read on the surface: citations and titled works.

A title is a run of capitalised words or a quoted span the tagger may call anything, and the
parser hangs "by X" on whatever it likes; the words next to each other say who wrote what.
Shapes read here:

- a title after a person's possessive, or placed after the name with its year: "Pablo’s Decline
  and Fall of Stalinism", "Marx’s “Capital”", "Lenin, however, in Marxism and Revisionism (1908)";
- a work and its author after "by": "a paper by William Morris", "“The A.B.C. of Communism,” by
  Buharin and Preobrashensky", "Tragedy of the Chinese Revolution, by H. Isaacs", and a byline;
- a quotation followed by its author in parentheses: "… a rule” (L.D. Trotsky)";
- a person cited as writing in a periodical of a date: "(William Hickey in the Daily Express,
  December 14)".

``authorship_by_surface`` is the same patterns, looser, for the prefilter (context.py): whether a
sentence without a trigger word may still say who wrote what. The readings through the parse
(work nouns, a speech placed in a work) are authorship.py's, which calls the readers here.
"""

from __future__ import annotations

import re

from .parse import lemma as _lemma
from .works import CHAMBER, SPOKEN_OR_WRITTEN, WORK_NOUNS, to_come

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
NOT_TITLES = {"party", "government", "state", "army", "committee", "russia", "germany", "france", "england",
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


def titled_works(s, add) -> None:
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
        if not hit.group("q") and (_title_head(words) in NOT_TITLES or words[0] in NOT_TITLES):
            continue                                   # (not "Isaacs’ Tragedy of the Chinese Revolution")
        if not hit.group("q") and _office_word(words[0]):
            continue                                   # "Tsar Alexander II’s Minister of Education": a post
        if ctx.mention_at(lo, lo + len(title)) is not None:
            continue                                   # "Marx’s Engels": a person, not a work
        if hit.group("q") and (nxt := _NOUN_AFTER.match(ctx.text, lo + len(title))) and \
                nxt.group(1).lower() not in WORK_NOUNS and (w := s.token_at(nxt.start(1))) is not None \
                and w.pos_ == "NOUN" and (t0 := s.token_at(lo)) is not None and w in t0.ancestors:
            continue                                   # "Hitler’s ‘Antikomintern’ propaganda": the quoted word
                                                       # names a campaign, not a text
        tok = s.token_at(m.start)
        if tok is not None and hit.re is _IN_TITLE and tok.dep_ in ("dobj", "pobj") and tok.head.pos_ == "VERB":
            continue                                   # "Attacking Proudhon in The Poverty of Philosophy (1847)": whom the work is against
        if tok is not None:
            add(m.entity, "wrote", title.strip(), tok, tok, presupposed=True)


_NOUN_AFTER = re.compile(r"[’'”\"]?\s+([a-z]{4,})\b")


def _office_word(word: str) -> bool:
    from .role_words import OFFICE_NOUNS, TITLES
    return word in TITLES or word in OFFICE_NOUNS


def cited_in_a_paper(s, add) -> None:
    """"(William Hickey in the Daily Express, December 14)", "says Anne O’Hare McCormick (New York
    Times, August 30)"."""
    end = s.base + len(s.text)
    for m in s.ctx.mentions_in(s.base, end):
        if cited_in_paper(s.ctx.text, m.start, m.end, end):
            tok = s.token_at(m.start)
            if tok is not None:
                add(m.entity, "wrote", None, tok, tok)


def cited_after_quotation(s, add) -> None:
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
        if close > 0 and CHAMBER.search(ctx.text[m.end:close]):
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


def _by_of_work_to_come(ptok) -> bool:
    """Whether the name is the "by" of a work still to be written ("commissioned a report by
    Professor Cox"): nothing of his is written yet."""
    while ptok.dep_ in ("compound", "flat") and ptok.head.i != ptok.i:
        ptok = ptok.head                              # "Professor" → "Cox"
    return ptok.head.lower_ == "by" and to_come(ptok.head.head)


def _title_head(words: list[str]) -> str:
    """The noun a title is about: the word before its first "of" ("Draft Programme of the … Party
    of Russia" → programme), else its last word ("Stalin’s Russia")."""
    low = [w.strip(".,:;“”\"‘’").lower() for w in words]
    return low[low.index("of") - 1] if "of" in low[1:] else low[-1]


def by_after_work(s, add) -> None:
    """"a paper by William Morris", "a lengthy review, by Ken Tarbuck, of …", "“The A.B.C. of
    Communism,” by Buharin and Preobrashensky", "Tragedy of the Chinese Revolution, by H. Isaacs",
    and a byline sentence ("By David Boulton McGibbon & Kee, 45s.")."""
    ctx, base = s.ctx, s.base
    end = base + len(s.text)
    others = [m for m in ctx.doc.mentions if m.type != "person" and base <= m.start < end]
    spoken = bool(CHAMBER.search(s.text))
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
        return not (spoken and (w in SPOKEN_OR_WRITTEN or w[:-1] in SPOKEN_OR_WRITTEN)) and \
            not _by_of_an_act(s.token_at(base + hit.start("by")))
    if _QUOTED_BY.search(pre):
        return True
    hit = _TITLE_BY.search(pre)
    if not hit:
        return False
    lo, hi = base + hit.start("t"), base + hit.end("t")
    words = hit.group("t").split()
    return not any(o.start < hi and lo < o.end for o in others) and s.ctx.mention_at(lo, hi) is None and \
        _title_head(words) not in NOT_TITLES and words[0].lower() not in NOT_TITLES
