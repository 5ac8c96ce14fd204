"""Claim patterns beyond "trigger word + argument": offices and memberships, confinement
("X is in prison"), parenthetical fates ("Piatakov (shot)"), and colon lists
("the execution of eight army chiefs …: Tukhachevsky, Yakir, …").
"""

from __future__ import annotations

import re

from .dates import find_dates
from .predicates import (IN_PRISON_OBJECT, IN_PRISON_SUBJECT, MEMBER_NOUNS, OFFICE_NOUNS,
                         PRISON_NOUNS)

TITLE_WORDS = OFFICE_NOUNS | MEMBER_NOUNS | {"man", "friend", "leader", "theoretician", "founder"}
_COPULAS = {"be", "become", "remain", "’", "'s", "’s"}


def _children(tok, *deps):
    return [c for c in tok.children if c.dep_ in deps]


def _prep_objects(tok, *preps):
    return [g for p in tok.children if p.dep_ in ("prep", "agent") and p.lower_ in preps
            for g in p.children if g.dep_ in ("pobj", "pcomp")]


def _antecedent(tok):
    """The noun a relative pronoun stands for ("Kurt Landau, who was a member …"), and the
    first conjunct of a coordination an apposition hangs on ("A and B, former ambassadors")."""
    if tok.lower_ in ("who", "whom", "that", "which"):
        t = tok.head
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        if t.dep_ == "relcl":
            tok = t.head
    while tok.dep_ == "conj" and tok.head.pos_ == "PROPN":
        tok = tok.head
    return tok


def _appos_chain(tok) -> list:
    """Names in apposition to a title, through further titles ("chief …, Commissar …, Stalin's
    trusted man, Henry Yagoda"), never across a semicolon (a list of different people)."""
    out, seen = [], set()
    stack = [c for c in tok.children if c.dep_ == "appos"]
    while stack:
        c = stack.pop()
        if c.i in seen:
            continue
        seen.add(c.i)
        lo, hi = sorted((tok.i, c.i))
        if any(t.text == ";" for t in tok.doc[lo:hi]):
            continue
        if c.pos_ == "PROPN":
            out.append(c)
        elif c.lemma_.lower() in TITLE_WORDS:
            stack += [g for g in c.children if g.dep_ == "appos"]
    return out


def _is_copula(tok) -> bool:
    return tok.lemma_.lower() in _COPULAS or tok.lower_ in ("’s", "'s", "is", "was", "were", "are")


def office_claims(s, add) -> None:
    """Appositions ("Yagoda, head of the G.P.U.", "the director …, Rataichak"), copula
    attributes ("he was a member of …"), "as head of …" and lists of titles."""
    for tok in s.sdoc:
        lemma = tok.lemma_.lower()
        if lemma.startswith("ex-"):
            lemma = lemma[3:]                          # "an ex-member of the Monarchical Union"
        if lemma not in OFFICE_NOUNS and lemma not in MEMBER_NOUNS and lemma not in ("leader", "founder"):
            continue
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        holders, appositive = [], True
        top = tok
        while top.dep_ in ("appos", "conj") and top.head.i != top.i and (
                top.head.lemma_.lower() in OFFICE_NOUNS | MEMBER_NOUNS or top.head.dep_ == "appos"
                and top.dep_ == "conj"):
            top = top.head                             # a list of titles: climb to the first one
        if top.dep_ == "appos" and top.head.pos_ in ("PROPN", "PRON"):
            holders = [top.head]                       # "Yagoda, head of the G.P.U."
        elif top.dep_ in ("attr", "oprd") and _is_copula(top.head):
            holders = _children(top.head, "nsubj")     # "Yagoda was head of …"
            appositive = False
        elif top.dep_ == "pobj" and top.head.lower_ == "as" and top.head.head.pos_ in ("VERB", "AUX"):
            holders = _children(top.head.head, "nsubj", "nsubjpass")  # "as head of the G.P.U. he …"
        elif top.dep_ == "pobj" and top.head.lower_ == "as" and top.head.head.pos_ == "PROPN":
            holders = [top.head.head]                  # "Prieto, then as now head of the navy"
        elif top.dep_ in ("compound", "nmod") and top.head.pos_ == "PROPN" and lemma not in MEMBER_NOUNS:
            holders = [top.head]                       # "President Companys", "War Commissar Bolivar"
            appositive = True
        elif top.dep_ in ("nsubj",) and _is_copula(top.head):
            holders = [a for a in _children(top.head, "attr")]   # "his Barcelona chief is … Burillo"
            holders += [p for a in holders for p in _appos_chain(a)]
            appositive = False
        elif top.dep_ in ("npadvmod", "dep") and top.head.pos_ in ("VERB", "AUX") and top.i < top.head.i:
            holders = _children(top.head, "nsubj")     # "Chief of Police, …, he was …"
        elif top.dep_ == "pobj" and top.head.lower_ == "at" and top.head.head.pos_ in ("VERB", "AUX") \
                and lemma == "head":
            holders = _children(top.head.head, "nsubj")  # "he is at the head of …"
            appositive = False
        elif top.dep_ == "pobj" and top.head.lower_ == "among" and _is_copula(top.head.head) \
                and lemma in ("leader", "founder", "member", "organizer"):
            holders = _children(top.head.head, "nsubj")  # "he was among the leaders of …"
            lemma = "member"
        elif top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.lower_ == "one" \
                and top.head.head.dep_ in ("attr", "oprd") and _is_copula(top.head.head.head) \
                and lemma in ("leader", "founder", "member", "organizer"):
            holders = _children(top.head.head.head, "nsubj")  # "he became one of the founders of …"
            lemma = "member"
            appositive = False
        holders = [(_antecedent(h), appositive) for h in holders]
        # "the director of the chemical industry, Rataichak", "the head of the Kremlin Guard (Yenukidze)",
        # "the former chief of the police forces, the People's Commissar …, Henry Yagoda":
        # the author's description of the person, whatever the sentence around it says
        holders += [(h, True) for h in _appos_chain(tok)]
        for pobj in _prep_objects(tok, "of"):
            holders += [(c, True) for c in pobj.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                        and c.i > 0 and s.sdoc[c.i - 1].text == "("]
        for holder, appositive in holders:
            _office_for(s, add, tok, lemma, top, holder, appositive)


def _office_for(s, add, tok, lemma, top, holder, appositive) -> None:
    """Claims that `holder` (and its conjuncts) holds the office or membership `tok` names."""
    for entity, ptok in s.persons([holder]):
        if lemma in ("leader", "founder"):
            continue
        lo, hi = sorted((ptok.i, tok.i))
        if any(t.text == ";" for t in s.sdoc[lo:hi]):
            continue                                   # "…, like General Putna, …; Shaposhnikov, director …"
        if lemma in MEMBER_NOUNS:
            orgs = _prep_objects(tok, "of")
            add(entity, "member_of", s.subtree_text(orgs[0]) if orgs else None, tok, ptok,
                climb=not appositive)
        elif _prep_objects(tok, "of", "for", "in", "at", "to") or top.dep_ in ("compound", "nmod") or any(
                c.dep_ in ("compound", "amod", "poss", "nmod") for c in tok.children):
            # (a bare "the chief" is not an office we can name)
            add(entity, "held_office", _office_text(s, tok), tok, ptok, climb=not appositive)


def _office_text(s, tok) -> str | None:
    toks = [t for t in tok.subtree if not (t.dep_ == "appos" and t.head.i == tok.i) and
            not any(a.dep_ == "appos" and a.head.i == tok.i for a in t.ancestors if a in tok.subtree
                    and a.i != tok.i)]
    return s.span_text(toks)


def prison_claims(s, add) -> None:
    """Confinement stated as a place: "X is in prison", "kept him in jail", "his years in prison"."""
    for tok in s.sdoc:
        if tok.lemma_.lower() not in PRISON_NOUNS and tok.lower_ not in PRISON_NOUNS:
            continue
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in ("in", "into", "to", "inside"):
            continue
        gov = prep.head
        lemma = gov.lemma_.lower()
        holders = []
        if gov.pos_ in ("VERB", "AUX"):
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in gov.children)
            if lemma in IN_PRISON_OBJECT:
                holders = _children(gov, "nsubjpass") if passive else _children(gov, "dobj")
            elif lemma in IN_PRISON_SUBJECT or _is_copula(gov):
                holders = _children(gov, "nsubj")
        elif gov.pos_ == "NOUN" and gov.lemma_.lower() in ("time", "year", "month", "stay", "term"):
            holders = _children(gov, "poss")       # "after his time in prison"
        for entity, ptok in s.persons(holders):
            add(entity, "imprisoned", s.subtree_text(tok), gov if gov.pos_ in ("VERB", "AUX") else tok,
                ptok)


_FATES = {"shot": "executed", "executed": "executed", "disappeared": "disappeared",
          "imprisoned": "imprisoned", "jailed": "imprisoned", "in prison": "imprisoned",
          "suicide": "died", "died": "died", "dead": "died", "murdered": "died",
          "assassinated": "died", "killed": "died", "arrested": "arrested", "exiled": "exiled",
          "deported": "exiled", "expelled": "expelled", "released": "released",
          "vanished": "disappeared", "rehabilitated": "rehabilitated"}
_HEDGES = {"probably": "uncertain", "perhaps": "uncertain", "possibly": "uncertain",
           "apparently": "uncertain", "presumably": "uncertain", "reportedly": "rumored",
           "allegedly": "rumored", "rumored": "rumored", "rumoured": "rumored"}
_PAREN = re.compile(r"\s*\(([^()]{2,80})\)")
_FATE_PART = re.compile(
    r"^(?:(?P<also>also|later|since|then|finally)\s+)?(?:(?P<hedge>" + "|".join(_HEDGES) +
    r")\s+)?(?P<fate>" + "|".join(sorted(_FATES, key=len, reverse=True)) + r")\b(?P<rest>.*)$", re.I)


def fate_asides(ctx) -> list[tuple[int, int]]:
    """Spans of the parenthetical fates parenthetical_claims reads."""
    out = []
    for m in ctx.persons:
        pm = _PAREN.match(ctx.text, m.end)
        if pm and _FATE_PART.match(pm.group(1).strip()):
            out.append((pm.start(1), pm.end(1)))
    return out


def parenthetical_claims(ctx, doc_date) -> list[tuple]:
    """"Piatakov (shot)", "Kotziubinsky (disappeared, probably shot)", "(shot in January 1937)":
    the author's own aside, so asserted unless the aside itself hedges."""
    out = []
    text = ctx.text
    for m in ctx.persons:
        pm = _PAREN.match(text, m.end)
        if not pm:
            continue
        inner = pm.group(1)
        parts = [p.strip() for p in re.split(r",|;|\band\b", inner) if p.strip()]
        si = ctx.sentence_index(m.start)
        ss, se, _ = ctx.sentences[si]
        for part in parts:
            fm = _FATE_PART.match(part)
            if not fm:
                break                                  # "(who is also bound to …)": not an aside of fates
            certainty = _HEDGES.get((fm.group("hedge") or "").lower(), "asserted")
            dates = find_dates(fm.group("rest"), doc_date)
            out.append((m.entity, _FATES[fm.group("fate").lower()], certainty,
                        dates[0][2] if dates else None, ss, se, pm.start(1)))
    return out


def colon_list(s, arg) -> list:
    """Persons listed after a colon that follows a non-person argument:
    "the execution of eight army chiefs, haloed …: Tukhachevsky, Yakir, Kork"."""
    doc = s.sdoc
    if not (arg.tag_ in ("NNS", "NNPS") or arg.lower_ in ("last", "others", "following") or
            any(c.dep_ == "nummod" for c in arg.children)):
        return []                                      # a list names members of a plural group
    i = arg.i + 1
    while i < len(doc) and i < arg.i + 25 and doc[i].text not in (":",):
        if doc[i].text in (";", ".", "?", "!") or doc[i].tag_ in ("VBD", "VBZ", "VBP", "MD") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in doc[i].children):
            return []                                  # another clause before the colon
        i += 1
    if i >= len(doc) or doc[i].text != ":":
        return []
    out = []
    for t in doc[i + 1:]:
        if s.entity_of_span(t) is not None:
            out.append(t)
        elif t.text in (",", "and", "...", "…") or t.is_space:
            continue
        elif t.text[:1].isupper() and t.pos_ == "PROPN":
            continue                                   # first names, initials inside a mention
        else:
            break
    return out
