"""Certainty from the governing chain (claims.md, "Frames that are not the event").

Walk from the event word up to the root of its sentence and read every governing frame at its
scope (frames.py holds the words and what each kind does):

* the event word's own modifiers: negation, modals, hedging adverbs, "almost", an infinitive
  marker (an event "to be shot" has not happened), a condition ("if"), a question;
* each head that embeds it.  What a head can do depends on the edge the walk climbs:
  - a *complement* (``ccomp``, ``xcomp``, a clause or infinitive after a noun, a gerund after a
    preposition, a nominal event that is the head's object or passive subject): the head's
    lexical frame applies (report, intent, demand, fear, denial …), and so do its negation and
    modals when the complement is a clause;
  - an *adjunct* that presupposes its content (a relative clause, an adverbial clause, a
    participle, an event noun inside another phrase): from there on only *evidential* frames
    (report, testimony, rumor) still apply — "Petrov, who was shot in 1936, will be
    rehabilitated": the shooting is asserted;
  - a *conjunction*: the first conjunct's governors govern both, its own modifiers do not.

Combination, the safety property: an irrealis frame (intent, plot, attempt, demand, prevention)
anywhere in scope means no claim of the event at all; otherwise the *nearest hedged* frame
wins, and only when no hedged frame is in scope can a confirming word make a claim
``confirmed``.  A rumor can never be promoted by a confirming word further out.

`governing_words` lists every frame word on the chain whatever the rules made of it: the
audit (bench/claims_audit.py) shows asserted claims whose chain holds such words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import frames as F
from .cues import (Cue, _head_cues, _inverted_conditional, _lemma, _own_cues, _question)

_MAX_STEPS = 40
# An event noun inside these prepositions' phrase dates something else: it is presupposed.
TEMPORAL_PREPS = frozenset({"after", "before", "since", "until", "till", "following", "upon"})


@dataclass
class Scope:
    certainty: str | None          # None: the text states no such event (an irrealis frame)
    attributed_to: str | None = None
    cues: list[Cue] = field(default_factory=list)

    @property
    def why(self) -> str:
        return ", ".join(f"{c.kind}:{c.word}" for c in sorted(self.cues, key=lambda c: c.level))


_NOT_DONE = {("instead", "of"), ("rather", "than"), ("far", "from")}


def _alternative(verb) -> bool:
    """Is the verb one of events offered as alternatives ("died or was executed", "was shot or
    deported")? — not a list of things not done ("never arrested or shot": the negation decides)
    nor "whether … or" (a condition of its own)."""
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ in ("relcl", "acl") or _lemma(first) in F.SAYING_OR_WRITING:
        return False                                 # "everything he said or wrote", "those who were shot or deported": both
    if not any(c.dep_ == "cc" and c.lower_ == "or" for c in first.children) or not any(
            c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in first.children):
        return False
    return not any(c.dep_ in ("neg", "mark") or c.lower_ in ("never", "whether") for c in first.children)


_MODALS = F.MODAL_PREDICT | F.MODAL_CONDITIONAL | F.MODAL_UNCERTAIN | {"must"}


def _shares_auxiliaries(head, conj) -> bool:
    """Does the second of coordinated verbs take the first one's auxiliaries? A bare form after a
    bare form ("would return and kill"), a participle after a passive participle ("would be
    sacrificed and hanged"), with no auxiliary or subject of its own and no ";" or ":" between —
    not a tense of its own ("could not reconcile himself, and even attacked it")."""
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in conj.children):
        return False
    if any(t.text in (";", ":") for t in conj.doc[head.i + 1:conj.i]):
        return False
    if conj.tag_ in ("VBD", "VBN") and head.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in _MODALS
                                                                 for c in head.children) \
            and any(c.dep_ == "aux" and c.lower_ == "have" for c in head.children):
        return True     # "would have arrested him and shot Lenin": the tagger reads the second -ed as a past tense
    return conj.tag_ == "VB" and head.tag_ == "VB" or conj.tag_ == "VBN" and head.tag_ == "VBN" and any(
        c.dep_ == "auxpass" for c in head.children)


def govern(trig, climb: bool = True) -> Scope:
    """The certainty of the event `trig` names, from the frames that govern it.

    ``climb=False`` is for an appositive or prenominal title ("Petrov, head of the G.P.U.",
    "General Kornilov"): the author's description, which the sentence's modals, negations and
    intentions do not reach — but a report, testimony or rumor around it still does ("Wilcox
    writes of Savinkov's acquaintance with General Kornilov": Wilcox's words, reported)."""
    nominal = trig.pos_ in ("NOUN", "PROPN")
    cues = _own_cues(trig, nominal)
    if _inverted_conditional(trig):
        cues.append(Cue(0, "condition", "had"))
    if climb and trig.pos_ == "VERB" and _alternative(trig):
        cues.append(Cue(0, "hedge", "or"))          # "he presumably died or was executed": either, not both
    if trig.i >= 2 and trig.doc[trig.i - 2].lower_ == "no" and trig.doc[trig.i - 1].lower_ == "doubt":
        cues.append(Cue(0, "hedge", "no doubt"))    # "an article, no doubt written by X" (however it is parsed)
    if _question(trig) and climb:
        cues.append(Cue(0, "question", "?"))       # (a question asks about its clause, not a name's title)
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in trig.children) and trig.dep_ not in ("ccomp", "acl", "advcl", "csubj") \
            and trig.head.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
        # a "that"-clause is someone's content even when the parse lost whose ("Maintained (1)
        # that he was …; (2) that he had killed Trotsky …"): the safe side is reported
        cues.append(Cue(1, "report", "that"))
    tok, level, presupposed, steps = trig, 0.0, not climb, 0
    prev_dep, prev = "", None
    in_np = nominal                       # the walk is inside the noun phrase that names the event
    while tok.head.i != tok.i and steps < _MAX_STEPS:
        dep, head = tok.dep_, tok.head
        steps += 1
        if dep == "conj":
            # the first conjunct's governors govern both; its own modifiers do not, but a
            # "whether A or B" does
            level += 1
            cues += [Cue(level, "condition", c.text) for c in head.children
                     if c.dep_ == "mark" and c.lower_ in ("whether", "if")]
            if not presupposed and _shares_auxiliaries(head, tok):
                # "Stalin would be sacrificed and hanged", "Petrov was never arrested or shot",
                # "Perhaps Petrov was tried and executed": the modal, negation or hedge of the first
                # of coordinated verbs is every one's — but "not arrested but shot" contrasts them
                contrast = any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in head.children)
                # (an infinitive's "to" is shared only without a comma, below: "to be found in the
                # archives, and published by Chevremont" — the publication happened)
                cues += [Cue(level - 0.5, q.kind, q.word) for q in _own_cues(head, False)
                         if not (contrast and q.kind == "negation") and q.word != "to"]
            if not presupposed and (tok.tag_ == "VB" or _shares_auxiliaries(head, tok) and tok.tag_ == "VBN" and not any(
                    t.is_punct for t in tok.doc[head.i + 1:tok.i])) \
                    and not any(c.dep_ == "aux" for c in tok.children) and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in head.children) and not (
                    head.dep_ == "xcomp" and _lemma(head.head) in F.IMPLICATIVE_VERBS | {"live"}) and not any(
                    c.lower_ == "only" and c.dep_ == "advmod" for c in head.children):
                cues.append(Cue(level - 0.5, "expect", "to"))   # "to head off and arrest Krimoff": both infinitives
            tok = head
            continue
        if dep == "acl" and tok.tag_ in ("VBN", "VBG") and not any(
                c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in tok.children):
            if F.noun_kind(_lemma(tok.head)) in ("report", "testimony", "accusation"):
                break                         # "a communiqué, signed by Kalinin": the report's own description
            presupposed = True                # a description, which a report around it still reaches
            # ("According to X, … a proposal, made in a letter from Stalin")
        if dep == "relcl" and _lemma(head) in ("time", "day", "moment", "hour") and any(
                c.lower_ == "when" for c in tok.children) and (tok.tag_ in ("VBZ", "VBP") or any(
                c.dep_ == "aux" and c.lower_ in ("does", "do", "will", "shall") for c in tok.children)):
            cues.append(Cue(level, "expect", "when"))   # "the time when he actually does join the Menshevik camp"
        if dep == "advcl" and tok.tag_ == "VBN" and head.lemma_ == "be" and not any(
                c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in tok.children):
            dep = "acomp"                     # "Petrov was not, as claimed, arrested": a parenthesis broke the passive
        if dep in ("pcomp", "pobj") and head.pos_ == "ADP" and head.i > 0 and (
                (head.doc[head.i - 1].lower_, head.lower_) in _NOT_DONE):
            cues.append(Cue(level + 0.5, "negation", "instead of"))   # "Instead of indicting Chiang, they …":
                                                                      # not done (blind judgement, 7 December)
        if dep == "relcl" and head.pos_ == "NOUN" and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
            dep = "acl"                       # "no record that he joined": a content clause the parse took for a relative one
        if dep == "prep" and tok.lower_ == "of" and prev is not None and prev.pos_ == "PROPN" and head.pos_ == "NOUN" \
                and F.noun_kind(_lemma(head)) in ("report", "testimony", "accusation"):
            break                             # "the testimony of Earl Browder, Stalin's viceroy": the speaker
                                              # and the author's description of him, not what he said (round 12)
        if dep == "parataxis" and _lemma(tok) in F.SAYING_OR_WRITING and any(c.dep_ == "nsubj" for c in tok.children):
            break                             # "“When the proletariat,” writes Marx, “announces …, it reveals …”":
                                              # the quotation's frame, not what it quotes (round 10)
        if dep in ("relcl", "advcl", "parataxis"):
            if dep == "advcl" and not presupposed and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
                    and not any(c.dep_ in ("mark", "advmod") and c.lower_ in ("only", "as", "than") for c in tok.children):
                cues.append(Cue(level + 0.5, "intent", "to"))    # "went to Oslo to kill Trotsky": a purpose
            elif dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("lest",) for c in tok.children):
                cues.append(Cue(level + 0.5, "intent", "lest"))
            elif dep == "advcl" and _until_now(tok):
                cues.append(Cue(level + 0.5, "expect", "until"))   # "can go on saying until he is strangled in
                                                                  # his own rhetoric" (population round 9)
            presupposed, in_np = True, False
        elif dep in ("amod", "nmod", "npadvmod", "advmod") and tok.pos_ in ("NOUN", "PROPN"):
            presupposed = True
        elif dep == "pobj" and head.lower_ in TEMPORAL_PREPS:
            presupposed = True                # "after Marx's death, Engels repudiated …": a time given, not told
            cues += _unrealised_time(head, level + 0.5)
        level += 1
        # "were not content with having killed Robespierre": the copula's negation is the
        # adjective's, and the event is only the adjective's complement
        own_predicate = not (dep in ("acomp", "attr", "oprd") and prev_dep == "prep")
        # (a fronted "As chairman, …" describes the subject; it is not what "was supposed to" reports)
        word = "as-fronted" if tok.lower_ == "as" and tok.i < head.i else tok.lower_
        cues += _head_cues(head, dep, level, presupposed, in_np, word, own_predicate)
        prev_dep, prev = dep, tok
        if head.pos_ in ("VERB", "AUX") and dep in ("nsubj", "poss", "compound", "appos", "npadvmod", "expl"):
            presupposed = True                # the subject of a clause is not what the clause says
        in_np = head.pos_ in ("NOUN", "PROPN", "ADP") or (head.pos_ in ("VERB", "AUX") and head.tag_ == "VBG"
                                                          and dep in ("dobj", "pobj"))
        tok = head
    cues += _root_frame(tok, level, own=all(t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") for t in _path(trig, tok)))
    return _combine(cues)


def _path(trig, root) -> list:
    out, t = [], trig
    while t.i != root.i and t.head.i != t.i:
        out.append(t)
        t = t.head
    return out


def _until_now(clause) -> bool:
    """An "until" or "before" clause in the present tense: an event not yet come ("until he is
    strangled", "she hopes, before she dies, to witness …")."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    if "before" in marks and not (clause.head.tag_ == "VB" or _lemma(clause.head) in F.INTENT_VERBS or any(
            c.dep_ == "aux" and c.tag_ == "MD" for c in clause.head.children)):
        return False                   # a narrative present: "Before he is sentenced to death, … teach him"
    return bool(marks & {"until", "till", "before"}) and (
        clause.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP")
                                             for c in clause.children))


def _root_frame(root, level: float, own: bool) -> list[Cue]:
    """What the sentence as a whole is, read at its root (population round 9): an imperative demands
    its own event and its conjuncts' ("Arrest Trotsky and shoot Zinoviev!") — not what its object
    tells ("See his letter to Botkin", "Remember what Trotsky wrote": the reader is asked to look);
    a bare "That …" clause is a charge or a finding listed ("That Mr. Parnell met Frank Byrne when
    released on parole …"), someone's content, not the author's."""
    if root.dep_ != "ROOT":
        return []
    first = next((t for t in root.sent if not (t.is_punct or t.is_space)), root)
    if own and root.tag_ == "VB" and first.i == root.i and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl", "mark") for c in root.children):
        return [Cue(level, "demand", root.text)]
    if first.lower_ == "that" and first.dep_ == "mark" and first.head.i == root.i:
        return [Cue(level, "report", "that")]
    return []


def _unrealised_time(prep, level: float) -> list[Cue]:
    """A time given by an event ("before his election", "after his release") is presupposed by a
    clause that tells what happened then — not by one that says what will happen or what would
    if: "if he is successful … before his election, Blair will find himself …" elects no one yet.
    The cue of the first clause the time phrase hangs on, if that clause is future or a condition."""
    tok, steps = prep.head, 0
    while steps < 12:
        steps += 1
        if tok.pos_ in ("VERB", "AUX"):
            aux = next((c for c in tok.children if c.dep_ == "aux" and (c.lower_ in F.MODAL_PREDICT
                                                                         or _lemma(c) in F.MODAL_PREDICT)), None)
            if aux is not None:
                return [Cue(level, "expect", aux.text)]
            mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ in ("if", "unless")), None)
            if mark is not None:
                return [Cue(level, "condition", mark.text)]
            if tok.dep_ == "ROOT" or tok.tag_ in ("VBD", "VBN") or \
                    any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children):
                return []                     # (a past participle tells of its act: "made … after his death")
        if tok.head.i == tok.i:
            return []
        tok = tok.head
    return []


def _neither(tok) -> bool:
    return any(c.lower_ == "neither" and c.dep_ in ("det", "preconj", "advmod", "cc") for c in tok.children) and \
        any(c.lower_ == "nor" for c in tok.children)


def neither_nor(trig, person) -> bool:
    """A "neither … nor" coordination denies each of its members: of the people ("Neither Petrov
    nor Ivanov was arrested") or of the events ("he was neither arrested nor tried") — the parse
    hangs "neither" and "nor" on the first member of the list."""
    for tok in (trig if trig.pos_ in ("VERB", "AUX", "ADJ") else None, person):
        if tok is None:
            continue                          # ("Neither his arrest nor his trial surprised anyone": said of the surprise)
        first = tok
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if _neither(first):
            return True
    return False


def _combine(cues: list[Cue]) -> Scope:
    irrealis = [c for c in cues if c.kind in F.IRREALIS]
    if irrealis:
        return Scope(None, None, cues)
    hedged = sorted((c for c in cues if F.EFFECT[c.kind] not in ("asserted", "confirmed")),
                    key=lambda c: c.level)
    if hedged:
        first = hedged[0]
        value = F.EFFECT[first.kind]
        if value == "denied" and any(F.EFFECT[c.kind] == "uncertain" for c in hedged[1:]):
            # "assuming that he has not been executed", "If Hegel were not dead, …": a denial
            # inside a condition is a supposition (claims.md: a counterfactual is uncertain)
            return Scope("uncertain", None, cues)
        if value == "denied" and any(F.EFFECT[c.kind] == "denied" for c in hedged[1:] if c.level > first.level):
            return Scope("uncertain", None, cues)    # "it is false that he was not arrested": not a fact either way
        return Scope(value, first.source if value == "reported" else None, cues)
    if any(c.kind == "confirm" for c in cues):
        return Scope("confirmed", None, cues)
    return Scope("asserted", None, cues)


# Kinds the audit looks for on the chain of an asserted claim.
AUDIT_KINDS = {"negation", "intent", "demand", "prevent", "fail", "condition", "question", "report",
               "testimony", "accusation", "rumor", "hedge", "belief", "fear", "expect", "order", "deny"}


_OWN_ACT = {"write", "publish", "pen", "author", "book", "article", "letter", "pamphlet", "work", "writing",
            "account", "report", "statement", "note", "message"}


def governing_words(trig) -> list[tuple[str, str]]:
    """(word, kind) for every frame word on the trigger's chain, whether or not it applied (the
    words of writing around a claim of writing are its own act, not a frame over it)."""
    own = _lemma(trig) in _OWN_ACT or trig.pos_ in ("NOUN", "PROPN")
    words = []
    tok, steps = trig, 0
    while steps < _MAX_STEPS:
        for c in tok.children:
            if c.dep_ == "neg" or c.lower_ in F.NEG_WORDS:
                words.append((c.text, "negation"))
            elif c.lower_ in F.CONDITION_MARKS and c.dep_ == "mark":
                words.append((c.text, "condition"))
            elif c.lower_ in F.HEDGE_WORDS or c.lower_ in F.RUMOR_WORDS:
                words.append((c.text, "hedge"))
        if tok.i != trig.i:
            k = F.verb_kind(_lemma(tok)) if tok.pos_ in ("VERB", "AUX") else \
                F.noun_kind(_lemma(tok)) if tok.pos_ in ("NOUN", "PROPN") else None
            if k and not (own and _lemma(tok) in _OWN_ACT and k == "report"):
                words.append((tok.text, k))
        if tok.head.i == tok.i:
            break
        tok, steps = tok.head, steps + 1
    if trig.sent.text.rstrip(" \"”’)…").endswith("?"):
        words.append(("?", "question"))
    return [(w, k) for w, k in words if k in AUDIT_KINDS]
