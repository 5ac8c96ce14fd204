"""Certainty from the words that govern a claim (claims.md), at the right scope.

Scope rule: a cue counts only if it sits on the trigger itself (its auxiliaries, negation,
adverbs, "whether", an attached "which has been confirmed") or on a word that *embeds* the
trigger's clause (``ccomp``, ``acl`` of "rumors that", the verb whose object is a nominal
trigger, …).  Relative and adverbial clauses, and noun phrases ("the execution of X"), are
presupposed by the clause around them: its modals and negation do not reach them, but its
lexical hedges do ("Pravda reports that Y, who was arrested, …": reported — the safe side).
Climbing a ``conj`` edge skips the modifiers of the first conjunct
("the arrest, which has been confirmed, of A, and the rumors that B …": the confirmation is
A's alone) but keeps what governs both.

Combination rule, the safety property of the system: the *nearest hedged* cue wins; only when
no hedged cue is found anywhere in scope can the claim be ``confirmed`` (a confirming word) or
``asserted``.  So a rumor can never be promoted by a confirming word further out.
"""

from __future__ import annotations

RUMOR_WORDS = {"rumor", "rumour", "rumored", "rumoured", "hearsay", "gossip", "reportedly",
               "allegedly", "unconfirmed", "supposedly", "ostensibly", "whisper", "legend", "hear"}
CONFIRM_WORDS = {"confirm", "verify", "corroborate", "establish"}
REPORT_VERBS = {"announce", "report", "state", "declare", "testify", "confess", "claim", "assert",
                "inform", "communicate", "tell", "say", "publish", "telegraph", "cable", "broadcast",
                "admit", "allege", "write", "relate", "explain", "insist", "maintain", "depose",
                "proclaim", "reveal", "disclose", "affirm", "assure", "reassure", "recount",
                "notify", "specify", "describe", "quote", "cite", "recall"}
REPORT_NOUNS = {"communiqué", "communique", "announcement", "report", "dispatch", "despatch",
                "statement", "declaration", "testimony", "confession", "telegram", "cable",
                "news", "indictment", "verdict", "deposition", "allegation", "claim", "version"}
UNCERTAIN_WORDS = {"perhaps", "probably", "possibly", "maybe", "whether", "believe", "suppose",
                   "presume", "doubt", "doubtful", "uncertain", "unknown", "seem", "appear",
                   "likely", "unlikely", "apparently", "suspect", "guess", "possible",
                   "probable", "conceivably", "presumably", "question", "wonder", "if",
                   "unclear", "think", "imagine", "assume", "conjecture", "speculation"}
OPINION_VERBS = {"think", "imagine", "believe", "suppose", "assume", "guess", "wonder", "presume"}
DENY_WORDS = {"deny", "denial", "false", "untrue", "refute", "disprove", "lie", "baseless",
              "slander", "contradict", "fabrication", "myth", "invention"}
PREDICT_WORDS = {"doom", "doomed", "await", "expect", "threaten", "impending", "imminent", "danger",
                 "forthcoming", "destine", "destined", "inevitable", "prepare", "demand", "fear",
                 "intend", "plan", "coming", "future", "certain", "bound", "sure", "about",
                 "incitation", "incitement", "incite", "plot", "attempt", "conspire", "conspiracy",
                 "threat", "want", "wish", "seek", "afraid", "hope", "call", "try", "prospect",
                 "propose", "order", "urge", "insist", "aim", "design", "prepare", "preparation"}
MODAL_PREDICT = {"will", "shall", "'ll", "would", "should", "must", "wo"}
MODAL_UNCERTAIN = {"may", "might", "could", "can", "ca"}
NEG_WORDS = {"not", "n't", "never", "no"}
# A verb like "deny" or "slander" denies its object or clause ("denied the execution", "his death
# was denied"), not its subject ("not even the death of Marx denied their ranks") nor an adjunct
# ("slandered him at his death").
DENIED_BY_VERB = {"dobj", "ccomp", "xcomp", "pcomp", "nsubjpass", "csubjpass", "oprd"}
FIRST_PERSON = {"i", "we"}
TRUTH_WORDS = {"true", "correct", "so", "case", "fact"}

# Edges along which the trigger's clause is embedded by its head (so the head's cue governs it).
EMBED_DEPS = {"ccomp", "xcomp", "acl", "relcl", "advcl", "pcomp", "pobj", "prep", "dobj", "nsubj", "nsubjpass",
              "attr", "oprd", "csubj", "csubjpass", "agent", "appos", "npadvmod", "acomp", "advmod",
              "dative", "compound"}


def _source_text(tok) -> str | None:
    """The source a `reported` cue names, in the text's words ("Government communiqué, signed by Kalinin")."""
    if tok.lower_ in ("who", "that", "which") and tok.head.dep_ == "relcl":
        tok = tok.head.head                       # "Holtsman, who said he had met Trotsky"
        return tok.text if tok.pos_ == "PROPN" else _source_text(tok)
    toks = [t for t in tok.subtree]
    while toks and (toks[0].dep_ == "det" or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks:
        return None
    doc = tok.doc
    text = doc[toks[0].i: toks[-1].i + 1].text
    return text[:200]


def _subject_of(verb):
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return c
    for c in verb.children:  # passive "was announced by Pravda"
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _local_cues(tok, level: int, skip_modifiers: bool, trigger,
                via: str = "", nominal: bool = False) -> list[tuple[int, str, str | None]]:
    """Cues carried by `tok` itself and by its modifier children: (level, certainty, attributed_to).

    `via` is the dependency by which the climb arrived at `tok` (the embedded clause's relation).
    `nominal`: the trigger is a noun phrase argument of `tok` ("they would examine the Kirov
    assassination"): the event is presupposed, so modals and negation of `tok` do not scope
    over it; only lexical cues do ("expected", "announced", "rumors")."""
    cues: list[tuple[int, str, str | None]] = []
    lemma = tok.lemma_.lower()
    low = tok.text.lower()
    negated = any(c.dep_ == "neg" or (c.lower_ in NEG_WORDS and c.dep_ in ("advmod", "det"))
                  for c in tok.children) and not skip_modifiers
    is_trigger = tok.i == trigger.i

    if skip_modifiers:
        # climbing a conj edge: the first conjunct's own words do not govern the second
        # ("plots, suicides, …, Lenin's death"), but "whether A or B" scopes over both
        return [(level, "uncertain", None) for c in tok.children
                if c.dep_ == "mark" and c.lower_ in ("whether", "if")]
    copula = False
    if not is_trigger and tok.pos_ in ("AUX", "VERB") and lemma == "be":
        # "it is not true that …", "it is possible that …": the predicate adjective carries the cue
        for c in tok.children:
            if c.dep_ in ("acomp", "attr") and c.pos_ in ("ADJ", "NOUN"):
                lemma, low, copula = c.lemma_.lower(), c.lower_, True
                if lemma == "matter" and any(g.lemma_ == "time" for p in c.children for g in p.children):
                    lemma = low = "inevitable"       # "his disappearance is only a matter of time"
                break
    if not is_trigger:
        if lemma in RUMOR_WORDS or low in RUMOR_WORDS:
            cues.append((level, "rumored", None))
        elif lemma == "say" and any(c.dep_ == "nsubjpass" or c.dep_ == "auxpass" for c in tok.children):
            cues.append((level, "rumored", None))   # "it is said", "he is said to have been shot"
        elif lemma in ("know", "certain", "sure", "clear") and (
                negated or any(c.lower_ in ("nothing", "nobody", "none", "no") for c in tok.subtree
                               if c.dep_ in ("nsubj", "nsubjpass", "det"))):
            cues.append((level, "uncertain", None))  # "nothing is known", "not certain"
        elif (lemma in DENY_WORDS or low in DENY_WORDS) and not (lemma == "lie" and tok.pos_ != "NOUN") \
                and (copula or tok.pos_ not in ("VERB", "AUX") or via in DENIED_BY_VERB):
            cues.append((level, "uncertain" if negated else "denied", None))
        elif lemma in TRUTH_WORDS and negated:
            cues.append((level, "denied", None))     # "it is not true that …"
        elif negated and via == "attr":
            cues.append((level, "denied", None))     # "he was not a member of …"
        elif lemma in CONFIRM_WORDS:
            cues.append((level, "uncertain" if negated else "confirmed", None))
        elif lemma in OPINION_VERBS and via not in ("ccomp", "xcomp", "advcl", "csubj") \
                and tok.pos_ in ("VERB", "AUX"):
            pass                                     # "I think of Rolland, who met him": no hedge
        elif lemma in UNCERTAIN_WORDS or low in UNCERTAIN_WORDS:
            cues.append((level, "uncertain", None))
        elif lemma in PREDICT_WORDS or low in PREDICT_WORDS:
            if lemma not in ("certain", "sure", "about", "bound") or any(
                    c.dep_ in ("xcomp", "ccomp") for c in tok.children):
                cues.append((level, "predicted", None))
        elif lemma in REPORT_VERBS and tok.pos_ in ("VERB", "AUX"):
            subj = _subject_of(tok)
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
            if passive:
                agent = [g for c in tok.children if c.dep_ == "agent" for g in c.children
                         if g.dep_ == "pobj"]
                subj = agent[0] if agent else None   # "it has been affirmed": no source named
            if nominal and via == "nsubj":
                pass                                 # "the investigation of the murder revealed …"
            elif subj is not None and subj.lower_ in FIRST_PERSON:
                pass                                 # the author's own voice: "I wrote"
            elif negated:
                cues.append((level, "uncertain", None))
            else:
                cues.append((level, "reported", _source_text(subj) if subj is not None else None))
        elif lemma in REPORT_NOUNS and tok.pos_ in ("NOUN", "PROPN"):
            cues.append((level, "reported", _source_text(tok)))
        elif negated and tok.pos_ in ("VERB", "AUX") and nominal and via in ("nsubj", "nsubjpass") and any(
                c.dep_ in ("nsubj", "nsubjpass") and (c.i == trigger.i or trigger in c.conjuncts)
                for c in tok.children):
            # "the execution did not take place" — not "the analysis he left at his death did not fit"
            cues.append((level, "denied", None))     # "the execution did not take place"
        elif negated and tok.pos_ in ("VERB", "AUX") and via in ("ccomp", "xcomp", "pcomp") and not nominal:
            cues.append((level, "uncertain", None))  # "they did not say that …": at least not a fact
    if not is_trigger and tok.pos_ in ("VERB", "AUX"):
        # "confirmed reports have been released to the effect that …": the reporting noun is the subject
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in REPORT_NOUNS and c.i != trigger.i:
                mods = {g.lower_ for g in c.children if g.dep_ in ("amod", "advmod", "compound")}
                if mods & {"unconfirmed", "unverified", "rumored", "rumoured"}:
                    cues.append((level, "rumored", None))
                elif mods & {"confirmed", "verified", "official"} and not negated:
                    cues.append((level, "confirmed", None))
                elif not (nominal and via == "nsubj"):
                    cues.append((level, "reported", _source_text(c)))
    if skip_modifiers:
        # "whether A or B": the conjunction's mark scopes over both conjuncts
        for c in tok.children:
            if c.dep_ == "mark" and c.lower_ in ("whether", "if"):
                cues.append((level, "uncertain", None))
        return cues

    for c in tok.children:
        cl, ct = c.lemma_.lower(), c.lower_
        if c.dep_ == "neg" or (ct in NEG_WORDS and c.dep_ in ("advmod", "det") and is_trigger):
            if is_trigger and not any(u.lower_ in ("until", "till") and u.dep_ in ("prep", "mark")
                                      for u in tok.children):
                cues.append((level, "denied", None))  # "did not die until 1924" says when he died
        elif c.dep_ == "aux" and nominal and via not in ("nsubj", "nsubjpass"):
            pass                                      # presupposed event: see `nominal` above
        elif c.dep_ == "aux":
            if ct in MODAL_PREDICT or cl in MODAL_PREDICT:
                has_have = any(a.lemma_ == "have" and a.dep_ == "aux" for a in tok.children)
                cues.append((level, "uncertain" if (has_have and ct in ("must", "would", "should"))
                             else "predicted", None))
            elif ct in MODAL_UNCERTAIN or cl in MODAL_UNCERTAIN:
                cues.append((level, "uncertain", None))
            elif ct == "to" and is_trigger and not any(
                    a.dep_ == "aux" and a.lemma_ == "have" for a in tok.children):
                # an infinitive is not an event that happened: "Villalba is to be tried",
                # "sentenced to be shot", "ordered to arrest X" ("to have been shot" is past)
                cues.append((level + 0.5, "predicted", None))
        elif c.dep_ in ("advmod", "amod", "mark", "npadvmod", "acomp", "prt"):
            if cl in RUMOR_WORDS or ct in RUMOR_WORDS:
                cues.append((level, "rumored", None))
            elif cl in ("whether", "if") and c.dep_ == "mark":
                cues.append((level, "uncertain", None))
            elif cl in UNCERTAIN_WORDS or ct in UNCERTAIN_WORDS:
                if cl not in ("if",):
                    cues.append((level, "uncertain", None))
            elif cl in ("alleged", "reported", "announced") or ct in ("alleged", "reported"):
                cues.append((level, "reported", None))
            elif cl in PREDICT_WORDS and cl not in ("certain", "sure", "about", "bound"):
                cues.append((level, "predicted", None))
            elif cl in CONFIRM_WORDS or ct in ("confirmed", "verified", "officially"):
                if ct != "officially":
                    cues.append((level, "confirmed", None))
            elif cl in DENY_WORDS:
                cues.append((level, "denied", None))
        elif c.dep_ in ("relcl", "acl") and is_trigger and not _is_trigger_like(c):
            # "the arrest, which has firmly been confirmed, of X"
            sub = _local_cues(c, level, False, trigger)
            cues.extend(x for x in sub if x[1] != "asserted")
        elif c.dep_ == "prep" and ct == "according":
            for g in c.subtree:
                if g.dep_ == "pobj":
                    cues.append((level, "reported", _source_text(g)))
                    break
    return cues


def _is_trigger_like(tok) -> bool:
    from .predicates import NOUNS, VERBS
    return tok.lemma_.lower() in VERBS or tok.lemma_.lower() in NOUNS


def nominal_trigger(tok) -> bool:
    return tok.pos_ in ("NOUN", "PROPN")


NOMINAL_DEPS = {"pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr", "appos", "compound",
                "dative", "npadvmod", "conj", "poss", "oprd"}


def _inverted_conditional(trigger) -> bool:
    """"Had Radek been arrested, …", "what would have happened had Trotsky died in 1923":
    a counterfactual, which says the event did *not* happen.  The "had" comes before the
    subject — as the trigger's auxiliary, or (as the small model parses the second) as a
    governing verb the trigger hangs from."""
    subj = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not subj.i < trigger.i:
        return False
    if any(c.dep_ == "aux" and c.lower_ == "had" and c.i < subj.i for c in trigger.children):
        return True
    head = trigger.head
    return (trigger.dep_ in ("ccomp", "xcomp", "conj") and head.lower_ == "had" and head.i < subj.i
            and not any(c.dep_ == "mark" for c in trigger.children))


def certainty_of(trigger, climb: bool = True) -> tuple[str, str | None]:
    """(certainty, attributed_to) for a claim whose trigger token is `trigger`.

    ``climb=False`` looks at the trigger's own modifiers only (appositive titles: "Yagoda, head
    of the G.P.U." is the author's description even inside a reported sentence)."""
    cues = _local_cues(trigger, 0, False, trigger)
    if _inverted_conditional(trigger):
        cues.append((0, "uncertain", None))
    if any(c.dep_ == "advmod" and c.lower_ in ("almost", "nearly") for c in trigger.children):
        cues.append((0, "denied", None))   # "almost murdered": it did not happen
    tok, level = trigger, 0
    nominal = nominal_trigger(trigger)
    while climb and tok.head.i != tok.i:
        dep = tok.dep_
        if dep in ("conj", "appos"):
            tok = tok.head               # the first conjunct's governor governs both …
            level += 1
            cues.extend(_local_cues(tok, level, True, trigger, nominal=nominal))  # … not its modifiers
            continue
        if dep not in EMBED_DEPS:
            break
        if dep == "acl" and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children):
            break                        # "a communiqué, signed by Kalinin": a participle, not content
        tok = tok.head
        level += 1
        cues.extend(_local_cues(tok, level, False, trigger, via=dep, nominal=nominal))
        if dep in ("relcl", "advcl"):
            nominal = True               # "X, who was shot in 1936, will be …": presupposed
    hedged = sorted((c for c in cues if c[1] not in ("asserted", "confirmed")), key=lambda c: c[0])
    if hedged:
        first = hedged[0]
        if first[1] == "denied" and first[0] == 0 and any(c[1] == "uncertain" for c in hedged[1:]):
            return "uncertain", None     # "assuming that he has not been executed"
        return first[1], first[2]
    if any(c[1] == "confirmed" for c in cues):
        return "confirmed", None
    return "asserted", None
