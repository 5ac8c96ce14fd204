"""Claim patterns beyond "trigger word + argument": confinement ("X is in prison"),
parenthetical fates ("Piatakov (shot)"), and colon lists ("the execution of eight army chiefs
…: Tukhachevsky, Yakir, …").  Offices and memberships are in roles.py.
"""

from __future__ import annotations

import re

from .dates import find_dates
from .parse import children as _children
from .parse import lemma as _lemma
from .role_words import DEMONYMS
from .predicates import EXILE_NOUNS, IN_PRISON_OBJECT, IN_PRISON_SUBJECT, NOUNS, PERSON_NOUNS, PRISON_NOUNS

_COPULAS = {"be", "become", "remain", "’", "'s", "’s"}


def _is_copula(tok) -> bool:
    return tok.lemma_.lower() in _COPULAS or tok.lower_ in ("’s", "'s", "is", "was", "were", "are")


def prison_claims(s, add) -> None:
    """Confinement or exile stated as a place: "X is in prison", "kept him in jail", "his years
    in prison", "Pelikan is now in exile", "went into exile", "behind bars"."""
    for tok in s.tokens:
        low, lemma_t = tok.lower_, tok.lemma_.lower()
        exile = lemma_t in EXILE_NOUNS or low in EXILE_NOUNS
        if not exile and lemma_t not in PRISON_NOUNS and low not in PRISON_NOUNS:
            continue
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in ("in", "into", "to", "inside", "behind", "from", "of"):
            continue
        if prep.lower_ == "of" and prep.head.lemma_.lower() not in ("term", "year", "month", "period", "day",
                                                                     "sentence", "life", "time"):
            continue                               # "the prison of the Tsar" is no one's confinement
        if prep.lower_ == "from":
            continue                               # "released from prison", "returned from exile": not now
        if tok.text[:1].isupper() and not tok.text.isupper() and prep.i > tok.sent.start and tok.i == prep.i + 1 \
                and prep.nbor(-1).text[:1].isupper() and (any(t.pos_ in ("VERB", "AUX") for t in tok.sent)
                                                           or not s.entity_of_span(prep.nbor(-1))):
            continue                               # "Trotsky in Exile is not a pessimistic play", "Ross Dowson,
                                                   # Chinese Revolutionists in Exile, in …": a title (a heading
                                                   # alone, "Marx in Exile at London", says it happened)
        if low == "bars" and prep.lower_ != "behind" or low != "bars" and prep.lower_ == "behind":
            continue
        if lemma_t == "camp" and _political_camp(tok):
            continue                               # "with Stalin in the camp of the Axis": a side, no prison
        gov = prep.head
        lemma = gov.lemma_.lower()
        holders = []
        if gov.pos_ in ("VERB", "AUX"):
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in gov.children)
            if lemma in IN_PRISON_OBJECT:
                holders = _children(gov, "nsubjpass") if passive else _children(gov, "dobj")
            elif lemma in IN_PRISON_SUBJECT or _is_copula(gov) or (exile and lemma in ("go", "flee", "escape", "move")):
                holders = _children(gov, "nsubj")
                if not holders and gov.dep_ == "acl" and gov.head.pos_ == "PROPN":
                    holders = [gov.head]           # "Alexander Herzen, living in exile in London"
            if not holders and gov.dep_ == "conj" and gov.head.pos_ in ("VERB", "AUX"):
                holders = _children(gov.head, "nsubjpass", "nsubj")   # "was arrested and kept in various jails"
        elif gov.pos_ == "NOUN" and gov.lemma_.lower() in ("time", "year", "month", "stay", "term", "day",
                                                          "period", "journey", "life"):
            holders = _children(gov, "poss")       # "after his time in prison", "his journey into exile"
            if not holders and gov.dep_ == "pobj" and gov.head.head.pos_ in ("VERB", "AUX"):
                holders = _children(gov.head.head, "nsubj", "nsubjpass")   # "after 18 months in prison he …"
        elif gov.pos_ in ("PROPN",):
            holders = [gov]                        # "Pelikan, in exile since 1968, …"
        for entity, ptok in s.persons(holders):
            what = "exiled" if exile else "arrested" if low == "custody" else "imprisoned"
            add(entity, what, s.subtree_text(tok),
                gov if gov.pos_ in ("VERB", "AUX") else tok, ptok)


_CONFINING = {"concentration", "labour", "labor", "prison", "internment", "detention", "death", "extermination",
              "penal", "forced", "isolation", "transit", "prisoner", "pow", "slave", "punishment", "correctional",
              "work", "filtration", "corrective", "gulag", "nazi", "siberian", "arctic"}


def _a_side(word: str) -> bool:
    """"Stalinist", "Bolshevik", "Soviet", "Western": a following or a bloc, not a camp's place name
    ("the Ukht-Pecherski camp")."""
    w = word.lower()
    return w.endswith(("ist", "ite", "ik", "iks")) or w in DEMONYMS or w in ("soviet", "western", "eastern", "allied", "axis")


def _political_camp(tok) -> bool:
    """A camp "of" someone that is no place ("the camp of the Axis", "of the bourgeoisie") is a side
    in a struggle; a camp of a place ("the camp of Vorkuta") or with a qualifier ("labour camp")
    stays a prison."""
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod")]
    if mods:
        # "in the Stalinist camp", "the bourgeois camp", "the same camp" (over 150 in the corpus) are
        # sides; a camp that confines says so ("concentration camp", "labour camp")
        return tok.lower_ == "camp" and not any(_lemma(c) in _CONFINING or c.pos_ == "PROPN" and not _a_side(c.text)
                                                for m in mods for c in m.subtree)
    for of in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in of.children if c.dep_ == "pobj"):
            place = obj.ent_type_ in ("GPE", "LOC", "FAC") or (
                obj.pos_ == "PROPN" and not any(c.dep_ == "det" for c in obj.children))
            if not place:
                return True
    return False


def person_noun_claims(s, add) -> None:
    """A person who *is* the defendant, the prisoner, the émigré: "Trotsky and Sedov were the
    chief defendants in the Moscow trials", "his fellow-prisoner Amaro del Rosal", "Lenin, an
    émigré in Geneva"."""
    for tok in s.tokens:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or (lemma not in PERSON_NOUNS and tok.lower_ not in PERSON_NOUNS):
            continue
        if any(c.dep_ == "poss" and c.lower_ in ("our", "their") for c in tok.children) and lemma == "exile":
            continue
        head = tok.head
        holders = []
        if tok.dep_ in ("attr", "oprd") and _is_copula(head):
            holders = _children(head, "nsubj")
        elif tok.dep_ == "appos" and head.pos_ == "PROPN":
            holders = [head]
        elif tok.dep_ in ("compound", "nmod") and head.pos_ == "PROPN":
            holders = [head]
        holders += [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        predicate = NOUNS.get(lemma) or NOUNS.get(tok.lower_)
        if predicate is None and lemma == "exile":
            predicate = "exiled"
        for entity, ptok in s.persons(holders):
            add(entity, predicate, None, tok, ptok)


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
