"""What one word contributes to the certainty of an event it governs or modifies (scope.py walks
the chain and combines these cues): the event word's own modifiers — negation, modals, hedging
adverbs, "almost", an infinitive marker, a condition, "according to" — and the frame a governing
head puts on what it embeds, depending on the edge the walk climbs (frames.py holds the words).
Which negations deny the event is negation.py's; whom a report is from, attribution.py's."""

from __future__ import annotations

from dataclasses import dataclass

from . import frames as F
from .attribution import first_person, noun_source, source_text, subject_of
from .negation import absent, is_negated, negations, negative_subject, not_only, not_yet, place_in_focus, until
from .parse import lemma as _lemma

COMPLEMENT_DEPS = {"ccomp", "xcomp", "csubj", "csubjpass", "pcomp", "oprd", "acomp"}


@dataclass
class Cue:
    level: float          # steps from the event word: the nearest cue decides among hedges
    kind: str             # a frames.EFFECT key
    word: str             # the word that carries it
    source: str | None = None   # attributed_to, for report-like kinds


_UNCONFIRMED = {"unconfirmed", "unverified", "rumored", "rumoured"}
# "there is no record that he joined", "no evidence that he was arrested", "no proof that …": the
# absence of a source says the event is not known, never that it happened (held-out dev2)
EVIDENCE_NOUNS = {"record", "evidence", "proof", "sign", "trace", "indication", "confirmation", "corroboration",
                  "report", "news", "word", "testimony", "document", "documentation", "mention", "information"}
# Not knowing these about an event still says it happened (held-out dev2, hansen-1938-12-goldigger)
_PRESUPPOSING = {"reason", "reasons", "cause", "causes", "motive", "motives", "circumstances", "details", "date",
                 "place", "manner", "background", "purpose", "meaning", "significance"}


def _hedging_modifier(c) -> str | None:
    """The frame a rumour, hedge or report word puts on what it modifies ("reportedly",
    "probably", "the alleged plot"), or None."""
    ct, cl = c.lower_, _lemma(c)
    if ct in F.RUMOR_WORDS or cl in F.RUMOR_WORDS:
        return "rumor"
    if ct in F.HEDGE_WORDS or cl in F.HEDGE_WORDS:
        return "hedge"
    if ct in F.REPORTED_MODIFIERS and c.dep_ in ("amod", "advmod"):
        return "report"
    return None


# -- cues on the event word itself -------------------------------------------------------------
_SCARCELY = {"scarcely", "hardly", "barely"}


def _none_of(obj) -> str | None:
    """The word that makes a verb's object none of it: "no book", "not a word", "scarcely a
    paragraph", "hardly a line" (not "no fewer than ten", "not only books")."""
    dets = [c for c in obj.children if c.i < obj.i]
    if any(c.dep_ == "det" and c.lower_ == "no" for c in dets):
        return "no"
    if any(c.lower_ == "single" or c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in dets):
        for c in dets:
            if c.lower_ in _SCARCELY or c.dep_ == "neg" and c.lower_ == "not" and not not_only(c):
                return c.text
        prev = obj.doc[obj.left_edge.i - 1] if obj.left_edge.i > 0 else None
        if prev is not None and prev.lower_ in _SCARCELY | {"not"} and prev.head.i in (obj.i, obj.head.i):
            return prev.text                  # (the parser hangs "scarcely" on the verb)
    return None


def _own_cues(trig, nominal: bool) -> list[Cue]:
    out: list[Cue] = []
    for c in trig.children:
        cl, ct = _lemma(c), c.lower_
        if ct == "doubt" and c.dep_ in ("npadvmod", "advmod", "dobj") and any(g.lower_ == "no" for g in c.children):
            out.append(Cue(0, "hedge", "no doubt"))   # "an article, no doubt written by X": the author's inference
            continue
        if c.dep_ == "dobj" and ct in ("nothing", "none") and not nominal:
            out.append(Cue(0, "negation", c.text))   # "he wrote (almost) nothing on the subject"
            continue
        if c.dep_ == "dobj" and not nominal:
            denied = _none_of(c)
            if denied:
                out.append(Cue(0, "negation", denied))   # "he wrote no book", "scarcely a paragraph"
                continue
        if (c.dep_ == "neg" or (ct in ("never", "not", "n't") and c.dep_ == "advmod") or (
                ct == "no" and c.dep_ == "det")) and not not_only(c):
            place = place_in_focus(trig)
            if place:
                out.append(Cue(0, "hedge", f"{c.text} … {place}"))
            elif not_yet(trig):
                out.append(Cue(0, "pending", "not yet"))
            elif not until(trig):
                out.append(Cue(0, "negation", c.text))
        elif c.dep_ == "aux" and not nominal:
            if ct in F.MODAL_PREDICT or cl in F.MODAL_PREDICT:
                out.append(Cue(0, "expect", c.text))
            elif ct in F.MODAL_CONDITIONAL or cl in F.MODAL_CONDITIONAL:
                has_have = any(a.lemma_ == "have" and a.dep_ == "aux" for a in trig.children)
                if_clause = any(a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in F.CONDITION_MARKS
                                                          for m in a.children) for a in trig.children)
                # "would have been shot", "should have been arrested": it was not; "if …, he
                # would hang himself": a supposition (claims.md: a counterfactual is uncertain)
                out.append(Cue(0, "condition" if has_have or if_clause else "expect", c.text))
            elif ct in F.MODAL_UNCERTAIN or cl in F.MODAL_UNCERTAIN:
                out.append(Cue(0, "hedge", c.text))
            elif ct == "must" and any(a.lemma_ == "have" and a.dep_ == "aux" for a in trig.children):
                out.append(Cue(0, "hedge", c.text))      # "must have been shot": an inference
            elif ct == "must":
                out.append(Cue(0, "expect", c.text))
            elif ct == "to" and not any(a.dep_ == "aux" and a.lemma_ == "have" for a in trig.children) \
                    and not any(a.lower_ == "only" and a.dep_ == "advmod" for a in trig.children) \
                    and not (trig.dep_ == "xcomp" and _lemma(trig.head) in F.IMPLICATIVE_VERBS | {"live"}):
                # ("went on to die for the Bolivian Revolution", "managed to escape": it happened)
                # ("returned only to be arrested": a result, which happened)
                # an infinitive is not an event that happened: "is to be tried", "sentenced to
                # be shot", "ordered to arrest X" ("to have been shot" is past)
                out.append(Cue(0.5, "expect", c.text))
        elif c.dep_ in ("advmod", "amod", "npadvmod", "acomp", "prt", "mark", "det", "compound"):
            if ct in F.ALMOST_WORDS:
                out.append(Cue(0, "negation", c.text))   # "almost murdered": it did not happen
            elif c.dep_ == "mark" and ct in F.CONDITION_MARKS:
                out.append(Cue(0, "condition", c.text))
            elif kind := _hedging_modifier(c):
                out.append(Cue(0, kind, c.text))        # "reportedly", "probably", "the alleged plot"
            elif ct in F.FEAR_WORDS and c.dep_ in ("amod", "advmod", "acomp"):
                out.append(Cue(0, "expect", c.text))     # "his impending arrest"
            elif ct in F.CONFIRM_WORDS or cl in ("confirm", "verify"):
                out.append(Cue(0, "confirm", c.text))
            elif ct in F.DENY_WORDS:
                out.append(Cue(0, "deny", c.text))
            elif nominal and c.dep_ in ("amod", "compound") and (
                    cl in F.INTENT_NOUNS or ct in ("attempted", "planned", "intended", "projected",
                                                   "proposed", "contemplated", "would-be")):
                out.append(Cue(0, "intent", c.text))    # "the attempted assassination", "a planned arrest"
        elif c.dep_ in ("relcl", "acl") and not nominal:
            pass
        elif c.dep_ in ("relcl", "acl") and nominal:
            # "the arrest, which has firmly been confirmed, of X"; "the murder, which never took place"
            for g in c.children:
                if _lemma(g) in ("confirm", "verify") or (g.dep_ == "auxpass" and _lemma(c) in ("confirm", "verify")):
                    out.append(Cue(0, "confirm", g.text))
            if _lemma(c) in ("confirm", "verify", "establish"):
                out.append(Cue(0, "negation" if is_negated(c) else "confirm", c.text))
            elif _lemma(c) in ("rumor", "rumour", "allege", "report"):
                out.append(Cue(0, "rumor" if _lemma(c) != "report" else "report", c.text))
            elif _lemma(c) in ("deny",):
                out.append(Cue(0, "deny", c.text))
            elif _lemma(c) in F.LIGHT_VERBS and is_negated(c):
                out.append(Cue(0, "negation", c.text))
        elif c.dep_ == "prep" and ct == "according":
            for g in c.subtree:
                if g.dep_ == "pobj":
                    out.append(Cue(0, "report", "according to", source_text(g)))
                    break
    return out


def _inverted_conditional(trig) -> bool:
    """"Had Radek been arrested, …", "what would have happened had Trotsky died in 1923"."""
    subj = next((c for c in trig.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not subj.i < trig.i:
        return False
    if any(c.dep_ == "aux" and c.lower_ == "had" and c.i < subj.i for c in trig.children):
        return True
    head = trig.head
    return (trig.dep_ in ("ccomp", "xcomp", "conj") and head.lower_ == "had" and head.i < subj.i
            and not any(c.dep_ == "mark" for c in trig.children))


def _question(trig) -> bool:
    sent = trig.sent
    text = sent.text.rstrip(" \"”’.)…")
    if not text.endswith("?"):
        return False
    # the question mark belongs to the trigger's clause unless a later clause ends the sentence
    # on its own ("He was arrested in May; what will they do now?")
    semis = [t for t in sent if t.text in (";", ":") and t.i > trig.i]
    return not semis


# -- cues a governing head puts on what it embeds ----------------------------------------------
# A subject that makes the copula's predicate an aim ("The goal … was the assassination of Kirov"), not
# every intent noun ("Another organisation founded in 1905 was the Women's Party, led by …")
_GOALS = {"goal", "aim", "purpose", "objective", "object", "intention", "intent", "plan", "project", "design",
          "task", "mission", "demand", "call", "wish", "hope", "dream", "ambition", "target"}


# report verbs whose object is the one told
_TELLING = {"tell", "inform", "notify", "assure", "reassure", "warn", "remind", "answer"}


def _head_cues(head, via: str, level: float, presupposed: bool, nominal_arg: bool, tok_lower: str = "",
               own_predicate: bool = True) -> list[Cue]:
    """Cues `head` puts on the event reached through the edge `via`.

    `presupposed`: the walk has crossed a relative/adverbial clause or an event noun inside
    another phrase: only evidential frames apply.  `nominal_arg`: the event word (or the phrase
    the walk comes from) is a noun phrase argument of `head` ("denied the execution")."""
    out: list[Cue] = []
    lemma, low = _lemma(head), head.lower_
    pos = head.pos_
    negated = is_negated(head) or (pos in ("VERB", "AUX") and (via in COMPLEMENT_DEPS or via == "prep")
                                   and negative_subject(head))

    copula_adj = None
    if pos in ("AUX", "VERB") and lemma == "be":
        # "it is not true that …", "it is possible that …": the predicate adjective carries the frame
        for c in head.children:
            if c.dep_ in ("acomp", "attr") and c.pos_ in ("ADJ", "NOUN"):
                copula_adj = c
                break

    def add(kind, word, source=None):
        if presupposed and kind not in F.EVIDENTIAL:
            return
        out.append(Cue(level, kind, word, source))

    if pos == "VERB" and via == "prep" and tok_lower == "for":
        # "a warrant has been issued for the arrest of Lenin": the parse hangs "for the arrest" on the
        # verb, not on the order noun that is its subject or object (population round 7)
        for c in head.children:
            if c.dep_ in ("nsubjpass", "dobj", "nsubj") and F.noun_kind(_lemma(c)) in ("order", "intent", "demand"):
                add(F.noun_kind(_lemma(c)), c.text)
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "according" and c.lower_ != tok_lower:
            # "According to Araquistáin, Caballero wanted … a letter from Stalin": the whole clause
            g = next((g for g in c.subtree if g.dep_ == "pobj"), None)
            if g is not None:
                add("report", "according to", source_text(g))

    if pos in ("VERB", "AUX") and via == "agent" and not presupposed and any(
            c.dep_ == "aux" and c.lower_ in F.MODAL_CONDITIONAL | F.MODAL_UNCERTAIN for c in head.children):
        # "the gap that would have been left … by the early death of Raphael": the event causes
        # what is imagined, and is imagined with it (round 12)
        out.append(Cue(level, "condition", head.text))
    if pos in ("VERB", "AUX") and via in ("nsubj", "expl", "poss"):
        # the event is the subject: only a light verb ("the execution did not take place",
        # "his arrest will follow") or a copula's predicate ("his arrest is a lie", "… only a
        # matter of time", "… is certain") says something about whether it happened
        if presupposed:
            return out
        if lemma in F.LIGHT_VERBS:
            out += [Cue(level, "negation", c.text) for c in negations(head)]
            out += [Cue(level, "expect", c.text) for c in head.children
                    if c.dep_ == "aux" and c.lower_ in F.MODAL_PREDICT]
            # "the arrest of Petrov would follow", "if his execution takes place": imagined or
            # supposed, not told (an inflection matrix, 7 December 2026)
            out += [Cue(level, "condition", c.text) for c in head.children
                    if c.dep_ == "aux" and c.lower_ in F.MODAL_CONDITIONAL | F.MODAL_UNCERTAIN
                    or c.dep_ == "mark" and c.lower_ in F.CONDITION_MARKS]
        elif any(c.dep_ == "aux" and c.lower_ in F.MODAL_CONDITIONAL | F.MODAL_UNCERTAIN for c in head.children):
            # "the murder of Lenin and Trotsky would enable it to …": an event imagined, not told
            out.append(Cue(level, "condition", head.text))
        elif copula_adj is not None:
            out += _predicate_cues(copula_adj, negated, level)
        elif lemma in F.RAISING_VERBS and any(c.dep_ in ("xcomp", "acomp", "attr") for c in head.children):
            out.append(Cue(level, "hedge", head.text))       # "the execution … appears to be confirmed"
        elif lemma in F.CONFIRM_VERBS:
            out.append(Cue(level, "confirm", head.text))     # "his arrest … was confirmed" (active use)
        return out
    if pos in ("VERB", "AUX") and lemma in ("be", "become", "remain", "stay") and via in ("attr", "acomp", "oprd") \
            and not presupposed and own_predicate:
        # the predicate is the event ("he was not a member of …", "he will be dead"): the
        # copula's negation and modals are the predicate's own
        out += [Cue(level, "pending" if not_yet(head, *(c for c in head.children if c.dep_ == via)) else "negation",
                    c.text) for c in negations(head) if not until(head)]
        out += [Cue(level, "condition", c.text) for c in head.children     # "If Trotsky is a Menshevik, …"
                if c.dep_ == "mark" and c.lower_ in F.CONDITION_MARKS]
        if _inverted_conditional(head):
            out.append(Cue(level, "condition", "had"))                     # "… had he been a Social Democrat"
        for c in head.children:                                            # "The goal of the conspirators was the
            if c.dep_ == "nsubj" and _lemma(c) in _GOALS:                  # assassination of Kirov"
                out.append(Cue(level, "demand" if _lemma(c) in ("demand", "call") else "intent", c.text))
        for c in head.children:
            if c.dep_ == "aux" and (c.lower_ in F.MODAL_PREDICT or c.lower_ in F.MODAL_CONDITIONAL):
                out.append(Cue(level, "expect", c.text))
            elif c.dep_ == "aux" and c.lower_ in F.MODAL_UNCERTAIN:
                out.append(Cue(level, "hedge", c.text))
            elif c.dep_ == "advmod" and (kind := _hedging_modifier(c)):
                out.append(Cue(level, kind, c.text))     # "Petrov was probably exiled" (exiled: the copula's predicate)
        return out
    if pos in ("VERB", "AUX"):
        kind = F.verb_kind(lemma)
        if lemma in F.TASK_VERBS and via in ("xcomp", "advcl") and tok_lower != "to" and (
                any(c.dep_ == "auxpass" for c in head.children) or (head.dep_ == "acl" and head.tag_ == "VBN")):
            add("intent", head.text)             # "a team assigned to assassinate Trotsky", "was hired to kill"
            return out
        if lemma == "apply" and via == "xcomp":
            add("demand", head.text)             # "he applied to join the British army" (round 11): a request
            return out                           # (not "applies this method to his book")
        if lemma == "say" and any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children):
            kind = "rumor"                       # "it is said", "he is said to have been shot"
        if lemma == "know" and (negated or any(c.lower_ in ("nothing", "nobody", "none", "no")
                                               for c in head.subtree if c.dep_ in ("nsubj", "nsubjpass", "det"))):
            if via == "dobj" and tok_lower in _PRESUPPOSING:
                return out                       # "we don't know the real reason for his disappearance": it happened
            add("hedge", head.text)              # "nothing is known", "nobody knows whether"
            return out
        if lemma == "go" and head.tag_ == "VBG" and via == "xcomp" and any(
                c.dep_ == "aux" and c.lemma_ == "be" for c in head.children):
            add("expect", "going to")            # "Tomorrow he's going to send a letter": still to come
            return out
        if lemma == "hold" and any(c.lower_ == "over" for c in head.children):
            kind = "intent"                      # "his arrest is held over": postponed
        if lemma == "put" and any(c.lower_ in ("off",) for c in head.children):
            kind = "intent"
        if lemma == "carry" and any(c.lower_ == "out" for c in head.children) and nominal_arg:
            kind = None                          # "the sentence was carried out": the verb states it
        if kind == "report" and lemma in ("write", "add", "answer", "reply", "publish") and via not in COMPLEMENT_DEPS \
                and not (via == "prep" and any(c.dep_ == "prep" and c.lower_ in ("of", "about", "on") for c in head.children)):
            kind = None                          # "wrote a pamphlet": not a source frame ("writes of X's arrest" is)
        if kind == "accusation" and via == "dobj":
            kind = None                          # "accused the murderers": the accused, not content
        if kind == "report" and lemma in _TELLING and via in ("dobj", "dative"):
            kind = None                          # "Jacson told Judge Trujillo": whom he told, not what (round 12)
        if kind == "demand" and lemma in ("work", "fight", "struggle", "move", "vote", "call", "press", "push",
                                          "ask", "insist") and not any(
                c.dep_ == "prep" and c.lower_ in ("for", "on") for c in head.children) and via != "xcomp" \
                and not (lemma in ("move", "vote") and via == "dobj"):
            kind = None                          # "call" alone is not "call for" ("moved the expulsion of X" is a motion)
        if kind == "belief" and lemma in ("seem", "appear") and via not in COMPLEMENT_DEPS:
            kind = None
        if kind in ("prevent",) and lemma in ("save", "rescue", "escape", "evade", "avoid", "elude") and not (
                nominal_arg or via in ("pcomp", "xcomp")):
            kind = None
        if kind in ("report", "testimony", "belief", "rumor", "confirm", "deny") and not (
                via in COMPLEMENT_DEPS or via in ("dobj", "nsubjpass", "oprd", "attr")
                or (via == "prep" and tok_lower in ("of", "about", "on", "that", "concerning", "regarding", "as"))
                or (via == "prep" and tok_lower == "in" and kind == "belief")      # "nobody believed in his arrest"
                or (via == "npadvmod" and tok_lower in ("he", "she", "they"))):
            # an adjunct is not what is said: "In the case of X's arrest, he declared …" — but a
            # resumptive pronoun is ("Desgranges related how he had become an Anarchist, he who had …")
            kind = None
        subj = subject_of(head)
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)
        if kind == "report" and subj is None and not passive and head.tag_ == "VB" and head.dep_ == "csubj" \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
            add("hedge", head.text)              # "To say he is a Menshevik is to fail …": said, not told
            return out
        if kind == "report" and subj is None and not passive and head.tag_ == "VB" and (
                head.dep_ == "acl" or head.dep_ == "xcomp" and _lemma(head.head) in ("dare", "venture", "presume")) \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
            # "Shaw had the audacity to say that he was the only Socialist", "he dared to say":
            # the governing verb's subject says it (the audit's judges)
            gov = head.head.head if head.dep_ == "acl" and head.head.dep_ in ("dobj", "attr") else head.head
            subj = subject_of(gov) if gov.pos_ in ("VERB", "AUX") else None
            if subj is None or subj.lower_ in ("it", "this", "that", "there"):
                kind = None                      # "it is enough to say that …": the author's own voice
        elif kind == "report" and subj is None and not passive and head.tag_ == "VB":
            kind = None                          # an imperative: "Recall that Lenin died in 1924" ("Maintained … that" is not)
        if kind is not None:
            if kind in ("report", "testimony", "accusation") and first_person(subj) and not passive:
                if kind == "report":
                    kind = None                  # the author's own voice: "I wrote that …" (not "we are told")
            if kind is not None:
                if negated and kind in ("report", "testimony", "belief", "confirm", "rumor"):
                    add("hedge", head.text)      # "they did not say that …": at least not a fact
                elif negated and kind == "deny":
                    add("hedge", head.text)      # "nobody denies that …" is not a fact either
                elif negated and kind in ("fear", "expect", "order"):
                    add("hedge", head.text)
                elif negated and kind in ("intent", "demand", "prevent", "fail"):
                    add("hedge" if kind in ("prevent", "fail") else "intent", head.text)
                else:
                    src = None
                    if kind in ("report", "testimony", "accusation"):
                        if passive:
                            agent = [g for c in head.children if c.dep_ == "agent" for g in c.children
                                     if g.dep_ == "pobj"]
                            src = source_text(agent[0]) if agent else None
                        else:
                            src = source_text(subj)
                    if kind == "report" and subj is not None and any(
                            g.lower_ in _UNCONFIRMED and g.dep_ in ("amod", "acl", "advmod", "appos") for g in subj.children):
                        kind, src = "rumor", None    # "an agency report – admittedly unconfirmed – has announced that …"
                    add(kind, head.text, src)
        if not presupposed and via in COMPLEMENT_DEPS and kind is None:
            pred_cues = _predicate_cues(copula_adj, negated, level) if copula_adj is not None else []
            out += pred_cues                     # "it is not true that …"
            if not pred_cues:
                frame_subj = subject_of(head)
                fk = F.noun_kind(_lemma(frame_subj)) if frame_subj is not None and frame_subj.pos_ == "NOUN" else None
                if fk in ("report", "rumor", "testimony", "accusation", "confirm", "deny", "hedge"):               # "the rumor is that …", "reports have been released that …"
                    mods = {g.lower_ for g in frame_subj.children if g.dep_ in ("amod", "advmod", "compound")}
                    if mods & _UNCONFIRMED:
                        fk = "rumor"
                    elif mods & {"confirmed", "verified", "official"} and fk == "report" and not negated:
                        fk = "confirm"
                    add(fk, frame_subj.text, source_text(frame_subj) if fk == "report" else None)
                elif negated and via in ("ccomp", "xcomp", "pcomp"):
                    add("hedge", head.text)      # negated verb over a clause: at least not a fact
    elif pos in ("NOUN", "PROPN"):
        if lemma in EVIDENCE_NOUNS and via in ("acl", "ccomp", "relcl") and absent(head):
            add("hedge", head.text)              # "there is no record that he subsequently joined the CLA"
            return out
        kind = F.noun_kind(lemma)
        if kind is None and head.dep_ == "conj" and head.head.pos_ == "NOUN" and F.noun_kind(_lemma(head.head)) == "report":
            kind = "report"                      # "Browder's report and interpretation of his conversation"
        if kind is None and lemma in F.ACTIONS_FOR and via == "prep" and tok_lower == "for":
            kind = "demand"
        if kind in ("report", "testimony", "accusation", "rumor", "confirm", "deny", "hedge") and (
                via in ("relcl", "poss", "compound", "appos", "amod", "nmod", "nsubj", "attr")
                or (via == "prep" and tok_lower in ("by", "from", "in", "at", "to", "for", "with", "before", "after"))):
            kind = None                          # the report's source, its recipient, or a clause about it — not its content
        if kind is not None and via in ("acl", "prep", "pobj", "ccomp", "relcl", "appos", "compound", "amod", "nmod",
                                        "poss", "nsubj", "attr", "acomp"):
            # "the plot to kill X", "rumors that X was shot", "the demand for X's release",
            # "the danger of his assassination", "a report of X's arrest"
            src = noun_source(head) if kind in ("report", "testimony", "accusation") else None
            if kind == "report" and lemma in ("article", "letter", "note", "word", "account", "story", "message") \
                    and via not in ("acl", "ccomp"):
                kind = None                      # "an article on the trial": about, not a source of it
            if kind == "accusation" and lemma == "charge" and via in ("prep", "pobj"):
                kind = "accusation"
            if kind is not None:
                add(kind, head.text, src)
            if kind == "confirm" and not presupposed:   # "perhaps proof that the GPU murdered Leon Sedov" (round 12)
                out += [Cue(level, "hedge", c.text) for c in head.children
                        if c.dep_ in ("advmod", "amod") and c.lower_ in F.HEDGE_WORDS]
    elif pos in ("ADJ",):
        if lemma in F.HEDGE_WORDS or low in F.HEDGE_WORDS:
            add("hedge", head.text)
        elif low in F.FEAR_WORDS or lemma in ("afraid", "anxious", "eager", "ready", "determined", "bent"):
            add("expect" if lemma not in ("eager", "ready", "determined", "bent") else "intent", head.text)
        elif lemma in ("able", "unable", "capable", "incapable", "willing", "unwilling", "free", "entitled") \
                and via in ("xcomp", "prep", "pcomp", "acomp"):
            add("intent", head.text)             # "able to write about …": a capacity, not an event
        elif lemma in F.TRUTH_WORDS and negated:
            add("deny", head.text)
        elif lemma in F.DENY_WORDS:
            add("deny", head.text)
    elif pos == "ADP" and low in ("against",) and head.head.pos_ == "NOUN" and _lemma(head.head) in F.INTENT_NOUNS:
        add("intent", head.head.text)            # "the plot against Stalin's life"
    return out


def _predicate_cues(pred, negated: bool, level: float) -> list[Cue]:
    """The frame a copula's predicate puts on its subject or clause: "… is a lie", "… is
    false", "it is not true that …", "… is probable", "… is certain", "… is a matter of time"."""
    al, low = _lemma(pred), pred.lower_
    if al in F.TRUTH_WORDS and negated:
        return [Cue(level, "deny", pred.text)]
    if al in F.DENY_WORDS or low in F.DENY_WORDS or al in F.DENY_NOUNS or al in ("myth", "legend", "slander"):
        return [Cue(level, "hedge" if negated else "deny", pred.text)]
    if al in F.HEDGE_WORDS or low in F.HEDGE_WORDS or al in F.HEDGE_NOUNS:
        return [Cue(level, "hedge", pred.text)]
    if al == "matter" and any(g.lemma_ == "time" for p in pred.children for g in p.children):
        return [Cue(level, "expect", pred.text)]        # "his disappearance is only a matter of time"
    if low in F.FEAR_WORDS or al in ("bound", "about", "likely", "inevitable", "imminent"):
        return [Cue(level, "hedge" if negated else "expect", pred.text)]
    if al in ("established", "confirmed", "verified", "proven", "proved"):
        return [Cue(level, "hedge" if negated else "confirm", pred.text)]
    if al in ("certain", "sure", "clear", "definite", "fact", "true") and negated:
        return [Cue(level, "hedge", pred.text)]      # ("it is certain that …" is emphasis, not a confirmation)
    return []
