"""Authorship by correspondence and composition: a text sent ("Khrushchev sends a letter to
Kennedy", "a coded telegram sent by Stalin", "A telegram was received from Pyatnitsky"), a text
drafted or penned ("Patchell drafts a proposal"), an act done in a letter ("agrees … in a
fourteen-page letter to President Kennedy"). The work nouns and the speech verbs are works.py's.
"""

from __future__ import annotations

from .parse import children as _children
from .parse import climbed_subject
from .parse import lemma as _lemma
from .parse import prep_objects as _prep_objects
from .works import SPEECH_VERBS, WORK_NOUNS

# What one sends is what one wrote ("Khrushchev sends a letter to Kennedy", "a coded telegram sent by
# Stalin", "Brussilov sent an urgent wire"): the nouns a sent text goes by, and the verbs of sending.
SENT_NOUNS = {"letter", "telegram", "wire", "cable", "cablegram", "message", "note", "memorandum",
              "dispatch", "despatch", "reply", "declaration", "report", "petition", "missive", "epistle",
              "circular", "communication"}
SEND_VERBS = {"send", "dispatch", "despatch", "address", "submit"}


# Verbs of making a text, with what they make: "James Patchell drafts a proposal for the Pentagon",
# "Robert Kennedy scrawls notes on the back of an envelope" — not "drafted into the army", "drafted
# troops", "composed of", "composed himself".
_COMPOSING = {"draft", "pen", "compose", "author", "co-author", "scribble", "scrawl", "jot", "redraft"}
_TEXTS = WORK_NOUNS | SENT_NOUNS | {
    "proposal", "resolution", "programme", "program", "plan", "constitution", "bill", "decree", "statute",
    "platform", "treaty", "statement", "appeal", "motion", "amendment", "document", "line", "lines", "poem",
    "poems", "song", "songs", "music", "verse", "opera", "symphony", "speech", "speeches", "notes", "letters",
    "articles", "pamphlets", "books", "manifesto", "proclamation", "order", "directive", "instruction",
    "instructions", "memo", "constitution", "charter", "leaflets", "slogan", "slogans", "essays", "draft"}


def _composed(s, add, tok) -> None:
    if _lemma(tok) not in _COMPOSING or _passive(tok):
        return
    texts = [o for o in _children(tok, "dobj") if _lemma(o) in _TEXTS or o.lower_ in _TEXTS]
    if not texts:
        return
    writers = _children(tok, "nsubj") or climbed_subject(tok, ("xcomp", "conj"))   # "sat down and drafted"
    for entity, ptok in s.persons(writers):
        add(entity, "wrote", s.subtree_text(texts[0]), tok, ptok)


# What one does in a letter one writes ("Khrushchev formally agrees to remove the IL-28s from Cuba in a
# fourteen-page letter to President Kennedy") — not what one learns, reads or finds in one.
_ACTS_BY_LETTER = {"agree", "offer", "promise", "propose", "request", "ask", "urge", "demand", "accept", "reject",
                   "refuse", "threaten", "inform", "assure", "thank", "congratulate", "apologize", "apologise",
                   "complain", "announce", "notify", "confirm", "deny", "acknowledge", "concede", "plead",
                   "appeal", "invite", "advise", "recommend", "instruct", "order", "insist", "protest", "warn",
                   "explain", "argue", "suggest", "express", "reply", "answer", "declare", "state", "add"}
_LETTERS = SENT_NOUNS - {"report", "declaration", "communication", "circular"}


def _act_in_letter(s, add, tok) -> None:
    if _lemma(tok) in SPEECH_VERBS:
        return                                         # (read by _speech_in_work)
    letters = [w for w in _prep_objects(tok, "in") if _is_sent(w) and _lemma(w) in _LETTERS]
    if not letters or any(s.entity(n) is not None and n.pos_ != "PRON" for w in letters
                          for n in _children(w, "poss") + _prep_objects(w, "from", "of", "by")):
        return                                         # "in a letter from X", "in Lenin's letter": X's, Lenin's
    v, acts = tok, False
    while True:
        acts = acts or _lemma(v) in _ACTS_BY_LETTER
        if _children(v, "nsubj") or v.dep_ not in ("xcomp",) or v.head.i == v.i:
            break
        v = v.head                                     # "agrees to remove … in a letter"
    if not acts or _passive(v) or _children(v, "neg"):
        return                                         # ("did not agree in his letter" still wrote one: no word on it)
    for entity, ptok in s.persons(_children(v, "nsubj")):
        add(entity, "wrote", s.subtree_text(letters[0]), v, ptok)   # (the act's verb frames it: "agrees to")


def _passive(tok) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or (
        tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl") and not any(c.dep_ == "aux" for c in tok.children))


def _is_sent(tok) -> bool:
    return _lemma(tok) in SENT_NOUNS or tok.lower_ in SENT_NOUNS


def _someone_elses(s, text, writer_toks) -> bool:
    """A sent text that names its own author ("sent Lenin's letter to Pravda", "a letter from
    Engels"): who sent it forwarded it, and the work-noun rule gives it its writer."""
    if any(c.lower_ in ("anonymous", "unsigned") for c in text.children):
        return True                                    # "Bell … sent two anonymous letters to his superior"
    writers = {s.entity(w) for w in writer_toks}
    named = _children(text, "poss") + _prep_objects(text, "from", "of", "by")
    return any(s.entity(n) is not None and s.entity(n) not in writers for n in named)


def _sent_text(s, add, tok) -> None:
    """"Premier Khrushchev sends a letter to President Kennedy", "Ambassadors Stevenson and McCloy
    send an eyes-only cable", "a coded telegram sent by Stalin", "the message which Mao sent",
    "the memorandum addressed by Ailianos", "A telegram was received from Pyatnitsky"."""
    lemma = _lemma(tok)
    if lemma in SEND_VERBS:
        passive = _passive(tok)
        texts = _children(tok, "nsubjpass") if passive else _children(tok, "dobj")
        if tok.dep_ in ("acl", "relcl") and (passive or any(c.lower_ in ("which", "that") for c in texts)):
            texts = [tok.head]                         # "a telegram sent by Stalin", "the message which Mao sent"
        texts = [t for t in texts if _is_sent(t)]
        if not texts:
            return
        if passive:
            writers = [g for b in _prep_objects(tok, "by") for g in [b, *_children(b, "compound")]]
        else:
            # "Brussilov … kept sending telegram after telegram"
            writers = _children(tok, "nsubj") or climbed_subject(tok, ("xcomp", "conj"))
            writers = [w for w in writers if w.lower_ not in ("which", "that", "who")] or (
                [tok.head] if tok.dep_ == "relcl" and any(w.lower_ == "who" for w in _children(tok, "nsubj")) else [])
    elif lemma == "receive":
        texts = [t for t in (_children(tok, "nsubjpass") or _children(tok, "dobj")) if _is_sent(t)]
        writers = _prep_objects(tok, "from")          # ("a letter from X" under the noun: _work_noun)
        if not texts:
            return
    else:
        return
    if any(_someone_elses(s, t, writers) for t in texts):
        return
    for entity, ptok in s.persons(writers):
        add(entity, "wrote", s.subtree_text(texts[0]) if texts[0].i != tok.head.i else None, tok, ptok)


def correspondence_claims(s, add) -> None:
    for tok in s.tokens:
        if tok.pos_ in ("VERB", "AUX"):
            _sent_text(s, add, tok)
            _composed(s, add, tok)
            _act_in_letter(s, add, tok)
