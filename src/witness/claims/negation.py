"""Which negations deny the event they stand on, for the certainty cues (cues.py).

A "not" by an event word is not always a denial: "not only …, but also" grants the fact and adds
to it, "not yet" and "not until 1924" date the event, "did not die in this room" denies the place.
And a clause can be negated by its subject or object instead of a "not": "nothing shows that …",
"no one knows …", "there is no record that …".  These are the parse tests that tell them apart;
cues.py decides what each is worth.
"""

from __future__ import annotations


def is_negated(tok) -> bool:
    return any((c.dep_ == "neg" or (c.lower_ in ("never", "not", "n't") and c.dep_ in ("advmod", "neg")))
               and not not_only(c) for c in tok.children)


def negations(tok) -> list:
    """The parser's negations of `tok` that deny it (not "not only …, but also")."""
    return [c for c in tok.children if c.dep_ == "neg" and not not_only(c)]


def not_only(neg) -> bool:
    """"Tito is not only the leader of the Partisans, but also …", "Eastman is not the only member
    of the group": the negation grants the fact and adds to it (blind judgement, 7 December)."""
    doc = neg.doc
    after = [t.lower_ for t in doc[neg.i + 1:neg.i + 3]]
    return bool(after) and (after[0] in ("only", "merely", "just", "simply", "solely") or
                            after[:2] in (["the", "only"], ["the", "sole"], ["the", "first"], ["the", "last"],
                                          ["alone", ","]))


_NOBODY = {"nothing", "nobody", "none", "noone"}


def negative_subject(head) -> bool:
    """"Nothing shows that …", "No document proves that …", "no one knows …"."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in _NOBODY or any(
        g.dep_ == "det" and g.lower_ == "no" for g in c.children) or (c.lower_ == "one" and any(
        g.lower_ == "no" for g in c.children))) for c in head.children)


def absent(noun) -> bool:
    """"no record", "not any evidence", "have found no proof": the noun is said not to exist."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return True
    return any(c.dep_ == "det" and c.lower_ == "any" for c in noun.children) and is_negated(noun.head)


def not_yet(*toks) -> bool:
    """"not yet dead", "had not yet been arrested": the negation dates the event, it does not deny it."""
    return any(c.lower_ == "yet" and c.dep_ in ("advmod", "cc") for t in toks for c in t.children)


def until(tok) -> bool:
    """ "did not die until 1924", "not until X was assassinated": negation that says when."""
    return any(c.lower_ in ("until", "till") and c.dep_ in ("prep", "mark") for c in tok.children) or \
        any(c.dep_ == "advcl" and any(m.lower_ in ("until", "till") for m in c.children) for c in tok.children)


def place_in_focus(trig) -> str | None:
    """"Rhodes did not die in this room": a negated event with a place pointed at ("in this
    room", "at that house") denies the place, not the event (he died at Muizenberg).  The
    phrase, or None."""
    for c in trig.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "inside"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and any(d.dep_ == "det" and d.lower_ in ("this", "that", "these", "those")
                                       for d in obj.children):
                return f"{c.text} {obj.doc[obj.left_edge.i:obj.i + 1].text}"
    return None
