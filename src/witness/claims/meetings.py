"""Meetings (``met``): every participant of a meeting the text names, each with the other as object.

claims.md: ``met`` — "met another person"; a meeting is shared, so "A met B", "the talks between
A and B", "A's acquaintance with B" give a claim for A (object B) and one for B (object A).
Shapes: the verb "meet" and its kin with a person object ("visited Lenin", "received by
Lassalle", "talked with Adler", "made friends with Marx", "spent the evening with Rosa
Luxemburg"); meeting nouns with "with"/"between" or a compound of names ("his conversation with
Pierre Laval", "the Nixon-Mao talks", "Savinkov's acquaintance with Kornilov").
"""

from __future__ import annotations

from .parse import children as _children
from .parse import climbed_subject
from .parse import lemma as _lemma
from .parse import prep_objects as _prep_objects

MEET_VERBS = {"meet", "visit", "receive", "befriend", "interview", "encounter", "confer", "negotiate",
              "talk", "converse", "dine", "lunch", "breakfast", "consult"}
# verbs that need "with" (or "to") before the other person
WITH_VERBS = {"talk", "converse", "confer", "negotiate", "dine", "lunch", "breakfast", "consult", "speak",
              "spend", "meet", "stay", "correspond_x", "argue_x"}
MEET_NOUNS = {"meeting", "talk", "talks", "conversation", "conversations", "discussion", "discussions",
              "interview", "audience", "acquaintance", "encounter", "rendezvous", "negotiation",
              "negotiations", "visit", "conference", "tête-à-tête", "parley"}
# (not "friendship": "the friendship and collaboration between Stalin and Hitler", "Roosevelt and
# Churchill's friendship for the USSR" state no meeting — blind judgement, population round 6)


# Verbs that hold a meeting, whose certainty is the meeting's ("may have had a conversation with")
_HOLDING = {"have", "hold", "conduct", "begin", "start", "open", "resume", "continue"}
# A conversation held apart (round 10: "conversing with Trotsky over the wires, Lenin said")
_AT_A_DISTANCE = {"wire", "wires", "telephone", "phone", "telegraph", "radio", "line", "letter", "cable", "telex"}


def meeting_claims(s, add) -> None:
    for tok in s.tokens:
        lemma = _lemma(tok)
        sides: list[list] = []
        with_: list = []
        if tok.pos_ == "VERB" and lemma in MEET_VERBS | WITH_VERBS:
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
            if lemma == "meet" and not passive:
                continue                              # the verb "meet" is a trigger already (extract.py)
            subj = (_children(tok, "nsubjpass") if passive else _children(tok, "nsubj")) or climbed_subject(tok)
            others = _prep_objects(tok, "with", "to") if lemma in WITH_VERBS else []
            if lemma in MEET_VERBS and lemma not in WITH_VERBS:
                others += _prep_objects(tok, "by") if passive else _children(tok, "dobj")
            if lemma == "spend" and not any(_lemma(c) in ("evening", "day", "night", "hour", "hours", "week",
                                                           "time", "afternoon", "morning", "days", "weeks")
                                            for c in _children(tok, "dobj", "npadvmod")):
                continue
            if lemma == "make" or lemma == "speak" and not others:
                continue
            if lemma in WITH_VERBS and not others and _prep_objects(tok, "about", "of", "on"):
                continue                              # "Rusk, Humphrey and the other hawks are talking about the threat"
            sides = [subj, others]
        elif tok.pos_ == "VERB" and lemma == "make" and any(_lemma(c) in ("friend", "friends") for c in _children(tok, "dobj")):
            friends = [c for c in _children(tok, "dobj") if _lemma(c) in ("friend", "friends")]
            sides = [_children(tok, "nsubj"), _prep_objects(friends[0], "with") + _prep_objects(tok, "with")]
        elif tok.pos_ == "NOUN" and lemma in MEET_NOUNS:
            between = _prep_objects(tok, "between")
            names = [c for c in tok.children if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN"]
            with_ = _prep_objects(tok, "with")
            poss = _children(tok, "poss")
            if between:
                sides = [between, []]                 # "talks between Chou and Nixon": all of them
            elif names and not with_:
                sides = [names, []]                   # "the Nixon-Mao talks"
            elif with_:
                owner = poss or names
                if not owner and tok.dep_ in ("dobj", "pobj") and tok.head.pos_ in ("VERB", "ADP"):
                    gov = tok.head if tok.head.pos_ == "VERB" else tok.head.head
                    owner = _children(gov, "nsubj") if gov.pos_ in ("VERB", "AUX") else []
                sides = [owner, with_]
            elif lemma == "audience":
                continue
        if not sides:
            continue
        people = [s.persons(side) for side in sides]
        if people[1] and not people[0] and tok.pos_ == "VERB":
            continue                                  # "millions speak with them": nobody of theirs met them
        if sides[1] and not people[1] and tok.pos_ == "VERB":
            continue                                  # "Speaking to their adherents, Marx and Engels said": they
                                                      # met the adherents, not each other (population round 8)
        if tok.pos_ == "NOUN" and with_ and not people[1]:
            continue                                  # "Popper and Althusser show no acquaintance with the
                                                      # historian’s procedures": with no one
        everyone = [p for side in people for p in side]
        if len({e for e, _ in everyone}) < 2:
            continue
        if tok.pos_ == "VERB" and any(_lemma(o) in _AT_A_DISTANCE for o in _prep_objects(tok, "over", "by", "on")):
            continue                                  # "conversing with Trotsky over the wires": no meeting
        # a meeting held is as certain as its holding: "He may very well have had such a conversation
        # with Ruthenberg", "did not have a conversation with" (population round 11: an inflation)
        trig = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and _lemma(tok.head) in _HOLDING else tok
        each_met(add, everyone, trig, sides=people if people[0] and people[1] else None)


def each_met(add, everyone, tok, sides=None) -> None:
    """A claim of meeting for each participant, another one as its object (a meeting is shared).
    With two sides ("Brunko, Regan and Maddalena spoke to Branch") the object is from the other
    side: those on one side met the other, not each other (round 10)."""
    for entity, ptok in everyone:
        pool = everyone if sides is None else sides[1] if (entity, ptok) in sides[0] else sides[0]
        add(entity, "met", next((e for e, _ in pool if e != entity), None), tok, ptok)
