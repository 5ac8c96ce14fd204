"""Memberships beyond "a member of": party words describing a person ("the Menshevik Dan",
"Crane is a Socialist"), party lists ("good Socialists like Milliere and Malon"), leaders of a
body ("the Bolsheviks under the leadership of Lenin"), election to a body and joining one.
The lexicons are in roles.py.
"""

from __future__ import annotations

from .roles import (MEMBER_NOUNS, OFFICE_NOUNS, PARTY_WORDS, _JOIN, ORG_HINT, _PARTY_PLURAL, _appos_chain, _children,
                    _is_copula, _lemma, _prep_objects)


def party_claims(s, add) -> None:
    """A party word as the person's description: "the Menshevik Dan", "Old Bolshevik Badayev",
    "Crane is a Socialist", "a Bolshevik since 1903", "their fellow-Fabians", "SWP leader Cannon"."""
    for tok in s.tokens:
        low = tok.lower_.strip("’'\"")
        word = low[7:] if low.startswith("fellow-") else low
        if word not in PARTY_WORDS or not (tok.text[:1].isupper() or low.startswith("fellow-")):
            continue                                   # "the liberal Scott", "a Russian anarchist": a view, not a party
        holders, appositive = [], True
        head = tok.head
        if tok.dep_ in ("compound", "amod", "nmod") and head.pos_ == "PROPN":
            holders = [head]                           # "the Menshevik Dan"
        elif tok.dep_ in ("compound", "amod") and head.pos_ == "NOUN" and _lemma(head) in OFFICE_NOUNS | MEMBER_NOUNS:
            holders = [h for h in (head.head,) if head.dep_ in ("compound", "nmod", "appos") and h.pos_ == "PROPN"]
            holders += _appos_chain(head)              # "Communist Member of Parliament for West Fife"
            if head.dep_ in ("attr",) and _is_copula(head.head):
                holders += _children(head.head, "nsubj")
                appositive = False
        elif tok.dep_ in ("attr",) and _is_copula(head):
            holders = _children(head, "nsubj")         # "Crane is a Socialist"
            appositive = False
        elif tok.dep_ == "appos" and head.pos_ == "PROPN":
            holders = [head]                           # "Zinoviev, a Bolshevik since 1903"
        elif tok.dep_ in ("ROOT", "nsubj") and any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children):
            holders = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if low.startswith("fellow-") and tok.dep_ == "appos":
            holders = [head]                           # "Mr. and Mrs. Sidney Webb, their fellow-Fabians"
        for h in holders:
            # the party word describes this name, not the list it stands in ("The Old Bolshevik
            # Badayev, then Zalutsky, then Sokolnikov …")
            for entity, ptok in s.persons([h], expand=tok.dep_ not in ("compound", "amod", "nmod")):
                add(entity, "member_of", tok.text.strip("’'\""), tok, ptok, climb=not appositive)


def elected_to_claims(s, add) -> None:
    """"The Congress which elected Stalin to the Central Committee": membership of a body."""
    for tok in s.tokens:
        if tok.pos_ != "VERB" or _lemma(tok) not in ("elect", "appoint", "co-opt", "coopt", "admit", "return", "nominate"):
            continue
        bodies = [b for b in _prep_objects(tok, "to", "into", "onto") if ORG_HINT.search(s.subtree_text(b) or "")]
        if not bodies:
            continue
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        who = _children(tok, "nsubjpass") if passive else _children(tok, "dobj")
        for entity, ptok in s.persons(who):
            add(entity, "member_of", s.subtree_text(bodies[0]), tok, ptok)


def party_list_claims(s, add) -> None:
    """Plural party words naming their members: "good Socialists like Milliere and Malon",
    "Louis Blanc, Clemenceau, and other Radicals", "Two of the most daring Social Revolutionaries
    were Semenov and Lydia Konopleva"."""
    for tok in s.tokens:
        low = tok.lower_
        if low not in _PARTY_PLURAL or not tok.text[:1].isupper():
            continue
        holders = []
        holders += [g for g in _prep_objects(tok, "like", "including", "such")]        # "Socialists like X"
        if any(c.lower_ == "other" and c.dep_ == "amod" for c in tok.children) and tok.dep_ == "conj":
            holders.append(tok.head)                   # "Blanc, Clemenceau, and other Radicals"
            t = tok.head
            while t.dep_ == "conj" and t.head.i != t.i:
                t = t.head
                holders.append(t)
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "nsubj":
            cop = tok.head.head.head                   # "Two of the … Revolutionaries were Semenov and …"
            if _is_copula(cop):
                holders += _children(cop, "attr")
        for entity, ptok in s.persons(holders):
            add(entity, "member_of", tok.text, tok, ptok)


def leadership_claims(s, add) -> None:
    """A body and its leader: "the Bolsheviks under the leadership of Lenin and Trotsky", "the
    Communist Party under Stalin", "the U.S. group led by Shachtman" — its leaders are members."""
    for tok in s.tokens:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if not (ORG_HINT.search(tok.text) or tok.lower_ in _PARTY_PLURAL or tok.text[:1].isupper() and
                ORG_HINT.search(" ".join(t.text for t in tok.lefts))):
            continue
        leaders = []
        for g in _prep_objects(tok, "under"):
            if _lemma(g) in ("leadership", "direction", "command", "guidance"):
                leaders += _prep_objects(g, "of")      # "under the leadership of Lenin"
            else:
                leaders.append(g)                       # "under Stalin"
        for c in tok.children:
            if c.dep_ == "acl" and _lemma(c) in ("lead", "head", "found", "direct"):
                leaders += _prep_objects(c, "by")       # "the group led by Shachtman"
        org = " ".join(t.text for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("det",)) or tok.text
        for entity, ptok in s.persons(leaders):
            add(entity, "member_of", org, tok, ptok)


def join_claims(s, add) -> None:
    """Membership by joining: "she joined the party", "Maxton, Brockway, Horrabin, all joined the
    Meerut Defence Committee", "the Social Democratic Federation, which he joined"."""
    for tok in s.tokens:
        if tok.pos_ not in ("VERB",) or _lemma(tok) not in _JOIN:
            continue
        objs = _children(tok, "dobj") + _prep_objects(tok, "in", "into")
        if not objs:
            continue
        obj = objs[0]
        if obj.lower_ in ("which", "that") and tok.dep_ == "relcl":
            obj = tok.head                             # "the Federation, which he joined"
        text = s.subtree_text(obj) if obj.i != tok.head.i else s.span_text(
            [t for t in obj.subtree if t.i <= obj.i or t.dep_ != "relcl"][:8])
        if not text or not (ORG_HINT.search(text) or (obj.pos_ == "PROPN")):
            continue                                   # "joined the crowd", "joined him"
        subj = _children(tok, "nsubj")
        if not subj:
            t = tok
            while not subj and t.dep_ in ("conj", "xcomp", "advcl") and t.head.i != t.i:
                t = t.head
                subj = _children(t, "nsubj")
        if subj and subj[0].lower_ in ("all", "both", "each") and subj[0].dep_ == "nsubj":
            subj = [a for a in subj[0].children if a.dep_ in ("appos",)] or [subj[0].head] \
                if subj[0].head.i != tok.i else subj
        for entity, ptok in s.persons(subj + [a for x in subj for a in x.children if a.dep_ == "appos"]):
            add(entity, "member_of", text, tok, ptok)
