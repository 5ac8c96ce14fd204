"""A group and the persons the text names as its examples, its leaders or its inclusions:
"old Czarist generals like Suvorov", "such foreign correspondents as Eugene Lyons, Walter
Duranty, and Louis Fischer" (held_office); "a majority of the executive committee of the SDF,
including Morris, Bax and Aveling", "the council of generals led by Nasution and Suharto",
"the Progressive Bloc in the Duma (the majority), led by Miliukoff, Shidloffsky and Shulgin"
(member_of).

The parser hangs "including …" and "led by …" on whichever noun of the group's description is
nearest ("the council of generals", "a majority of the committee", "the Bloc (the majority)");
the group is the body that description names, found by climbing "of" and apposition.  A body
reached through a noun that is not part of it ("the enemies of the party, including Trotsky")
gives nothing.
"""

from __future__ import annotations

from .parse import prep_objects
from .role_words import ORG_HINT
from .roles import _lemma
from .rosters import _OFFICES_PLURAL
from .rosters import GROUPINGS as _GROUPINGS

# a part of a body is the body for its members ("a majority of the executive committee …")
_PARTS = {"majority", "minority", "most", "some", "many", "several", "part", "section", "rest", "half",
          "members", "member", "leaders", "leadership", "core", "nucleus", "wing"}
# a person named as an example of a plural office ("generals like Suvorov") holds it; these
# plural offices name no post without a body ("officials like X", "representatives such as Y")
_NO_POST_ALONE = {"officials", "officers", "representatives", "delegates", "managers", "advisers", "advisors",
                  "organizers", "organisers", "professors", "editors", "electors", "majors", "reps"}
_NOT_OFFICE_MODS = {"such", "other", "many", "some", "all", "several", "these", "those", "worst", "best", "old",
                    "great", "good", "bad", "former", "few", "certain", "various", "numerous"}


def _is_body(tok) -> bool:
    if _lemma(tok) == "group" and any(c.dep_ == "nummod" for g in prep_objects(tok, "of") for c in g.children):
        return False                                   # "a group of eighteen railroad workers": a count, no body
    return tok.pos_ in ("NOUN", "PROPN") and (bool(ORG_HINT.fullmatch(tok.text)) or _lemma(tok) in _GROUPINGS)


def _body(tok):
    """The body a group description names, from the noun a participle or "including" hangs on."""
    if _is_body(tok):
        up = tok.head
        if tok.dep_ == "pobj" and up.lower_ == "of" and up.head.pos_ in ("NOUN", "PROPN") \
                and not _is_body(up.head) and _lemma(up.head) not in _PARTS:
            return None                                # "the enemies of the party, including …"
        return tok
    if tok.lower_ in _PARTS or _lemma(tok) in _PARTS:
        bodies = [g for g in prep_objects(tok, "of") if _is_body(g)]
        if bodies:
            return bodies[0]                           # "a majority of the executive committee"
        if tok.dep_ == "appos" and _is_body(tok.head):
            return tok.head                            # "the Bloc (the majority), led by …"
        return None
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _is_body(tok.head.head) \
            and _lemma(tok.head.head) not in ("office", "staff", "board"):
        return tok.head.head                           # "the council of generals led by …"
    return None


def _body_text(s, body) -> str:
    """The body's name with its own complements ("executive committee of the SDF"), not the
    participle, list or aside that follows it."""
    skip = set()
    for c in body.subtree:
        if c.i > body.i and (c.dep_ in ("acl", "relcl", "appos", "punct", "conj", "cc") or c.lower_ == "including"):
            skip |= {t.i for t in c.subtree}
    toks, last = [], None
    for t in sorted(body.subtree, key=lambda t: t.i):
        if t.i in skip or last is not None and t.i != last + 1:
            if t.i > body.i:
                break
            toks, last = [], None
            if t.i in skip:
                continue
        toks.append(t)
        last = t.i
    return s.span_text(toks) or body.text


def inclusion_claims(s, add) -> None:
    """"the executive committee of the SDF, including Morris, Bax and Aveling", "the council of
    generals led by Nasution and Suharto": each named person is a member of the body."""
    for tok in s.tokens:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        holders, trig = [], None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "including":
                holders += [g for g in c.children if g.dep_ == "pobj"]
                trig = trig or tok                     # (a preposition is no event word for the frames)
            elif c.dep_ == "acl" and _lemma(c) in ("lead", "head") and c.tag_ == "VBN":
                holders += prep_objects(c, "by")
                trig = trig or c
        if not holders:
            continue
        body = _body(tok)
        if body is None or body.i == tok.i and trig.i != tok.i and ORG_HINT.search(tok.text):
            continue                                   # "the group led by Shachtman": membership.leadership_claims
        org = _body_text(s, body)
        for entity, ptok in s.persons(holders):
            add(entity, "member_of", org, trig, ptok)


def office_example_claims(s, add) -> None:
    """"old Czarist generals like Suvorov", "the worst czars, such as Ivan the Terrible", "such
    foreign correspondents as Eugene Lyons, …": the examples of a plural office hold it."""
    for tok in s.tokens:
        low = tok.lower_
        if tok.tag_ not in ("NNS", "NNPS") or low not in _OFFICES_PLURAL or low in _NO_POST_ALONE:
            continue
        holders = prep_objects(tok, "like")
        for p in tok.children:                         # "generals such as Denikin"
            if p.dep_ == "prep" and p.lower_ == "as" and any(c.lower_ == "such" for c in p.children):
                holders += [g for g in p.children if g.dep_ == "pobj"]
        nxt = s.sdoc[tok.i + 1] if tok.i + 1 < len(s.sdoc) else None
        if nxt is not None and nxt.lower_ == "as" and any(c.lower_ == "such" for c in tok.children):
            holders += [g for g in nxt.children if g.dep_ == "pobj"]   # "such correspondents as Lyons"
        if not holders:
            continue
        mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound") and c.lower_ not in _NOT_OFFICE_MODS]
        office = " ".join([m.text for m in mods] + [low if not tok.text[:1].isupper() else tok.text])
        for entity, ptok in s.persons(holders):
            add(entity, "held_office", office, tok, ptok, climb=False)
