"""Small helpers over a spaCy parse that every claim pattern uses."""

from __future__ import annotations


def children(tok, *deps) -> list:
    """The token's children with one of these dependency labels."""
    return [c for c in tok.children if c.dep_ in deps]


def prep_objects(tok, *preps) -> list:
    """Objects of the token's prepositions (or passive agent) among `preps`: "of X", "by Y"."""
    return [g for p in tok.children if p.dep_ in ("prep", "agent") and p.lower_ in preps
            for g in p.children if g.dep_ in ("pobj", "pcomp")]


def climbed_subject(tok, through=("conj", "xcomp", "advcl")) -> list:
    """The subject a verb shares with the verb it hangs from ("Lenin sat down and drafted the
    theses", "kept sending telegram after telegram"): the nsubj of the nearest verb up a chain
    of these dependencies, not counting the verb's own."""
    subj, t = [], tok
    while not subj and t.dep_ in through and t.head.i != t.i:
        via, t = t.dep_, t.head
        # "Lenin advised Trotsky to join the party": an infinitive after an object is the
        # object's to do (population judgement, 7 December: "He advised them to join …")
        subj = (children(t, "dobj") if via == "xcomp" and lemma(t) not in _SUBJECT_CONTROL else []) or \
            children(t, "nsubj")
    return subj


# verbs whose infinitive is their subject's even after an object ("he promised them to come")
_SUBJECT_CONTROL = {"promise", "vow", "swear", "pledge", "threaten", "offer"}


def lemma(tok) -> str:
    return tok.lemma_.lower()


def object_of_participle(tok) -> bool:
    """A conjunct or appositive name with a participle before it is that participle's object the
    parser misread: "Gottwald, impudently plagiarizing Hilferding, Wels and Loebe, declared"
    names no one beside Gottwald.  So is one the parser hung on the participle's subject, right
    after the participle's phrase: "Samuel Brittan, echoing the governor of the Bank of England,
    Mervyn King, writes" (King is the governor, not Brittan's apposition)."""
    if any(t.pos_ == "VERB" and t.tag_ in ("VBG", "VBN") for t in tok.lefts):
        return True
    if tok.dep_ != "appos":
        return False
    head = tok.head
    # (not "including": "the leaders …, including, for instance, Leon Blum" lists them)
    return any(p.dep_ == "acl" and p.tag_ in ("VBG", "VBN") and head.i < p.i < tok.i and p.lemma_ != "include"
               and p.right_edge.pos_ in ("NOUN", "PROPN")
               and all(t.is_punct for t in tok.doc[p.right_edge.i + 1:tok.left_edge.i])
               for p in head.children)
