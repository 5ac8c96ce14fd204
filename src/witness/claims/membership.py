"""Memberships beyond "a member of": party words describing a person ("the Menshevik Dan",
"Crane is a Socialist"), party lists ("good Socialists like Milliere and Malon"), leaders of a
body ("the Bolsheviks under the leadership of Lenin"), election to a body and joining one.
The lexicons are in roles.py.
"""

from __future__ import annotations

import re

from .parse import climbed_subject
from .works import WORK_NOUNS
from .role_words import MEMBER_NOUNS, OFFICE_NOUNS, PARTY_WORDS, JOIN, ORG_HINT, PARTY_PLURAL
from .roles import _appos_chain, _children, _is_copula, _lemma, _org_of, _prep_objects


# prefixes that turn a party word into its opposite or an imitation
_AGAINST = {"anti", "non", "pro", "pseudo", "quasi", "semi", "crypto"}


# the last word of a title that a party word opens ("Socialist Register", "Six Radical Thinkers")
_TITLE_HEADS = {"register", "humanism", "revolt", "thinkers", "appeal", "dictator", "international"}


def _opens_a_title(doc, i) -> bool:
    """Is the word in a title a citation gives after its author and a colon ("Name: The … ")?"""
    j = i - 1
    while j >= 0 and doc[j].text[:1].isupper() and doc[j].text not in ("The", "A", "An"):
        j -= 1
    return j >= 1 and doc[j].text in ("The", "A", "An") and doc[j - 1].text == ":"


def party_claims(s, add) -> None:
    """A party word as the person's description: "the Menshevik Dan", "Old Bolshevik Badayev",
    "Crane is a Socialist", "a Bolshevik since 1903", "their fellow-Fabians", "SWP leader Cannon"."""
    for tok in s.tokens:
        low = tok.lower_.strip("’'\"")
        word = low[7:] if low.startswith("fellow-") else low
        if word not in PARTY_WORDS or not (tok.text[:1].isupper() or low.startswith("fellow-")):
            continue                                   # "the liberal Scott", "a Russian anarchist": a view, not a party
        if tok.i > 1 and s.sdoc[tok.i - 1].text == "-" and s.sdoc[tok.i - 2].lower_ in _AGAINST:
            continue                                   # "the anti-Communist Petrov", "a non-Bolshevik"
        if _opens_a_title(s.sdoc, tok.i):
            continue                                   # "E. Lowenthal: The Ricardian Socialists, p. 51" (round 7)
        holders, appositive = [], True
        head = tok.head
        if tok.dep_ in ("compound", "amod", "nmod") and head.pos_ == "PROPN":
            # "the Menshevik Dan", "the Tory Prime Minister, Harold Macmillan" — not a word of a
            # work's title: "Marx and Engels, The Communist Manifesto", "J.D. Hicks: The Populist
            # Revolt", "The German Communists and the Rise of Nazism" (population round 6)
            holders = [] if head.lower_ in WORK_NOUNS | _TITLE_HEADS | PARTY_PLURAL else [head]
            between = s.sdoc[tok.i + 1:head.i]
            hyphened = tok.whitespace_ == "" and bool(between) and between[0].text == "-"
            plural = tok.tag_ in ("NNS", "NNPS") or (word.endswith("s") and word[:-1] in PARTY_WORDS)
            if hyphened or (plural and any(t.text == "," for t in between)):
                holders = []                           # "Unlike the Mensheviks, Lenin …" (round 11), "the
                                                       # Stalinist-Prieto bloc": no description (not "the
                                                       # Italian Anarchist, Berneri")
        elif tok.dep_ in ("compound", "amod") and head.pos_ == "NOUN" and _lemma(head) in OFFICE_NOUNS | MEMBER_NOUNS:
            holders = [h for h in (head.head,) if head.dep_ in ("compound", "nmod", "appos") and h.pos_ == "PROPN"]
            holders += _appos_chain(head)              # "Communist Member of Parliament for West Fife"
            if head.dep_ in ("attr",) and _is_copula(head.head):
                holders += _children(head.head, "nsubj")
                appositive = False
        elif tok.dep_ in ("attr",) and _is_copula(head):
            holders = _children(head, "nsubj")         # "Crane is a Socialist"
            appositive = False
        elif tok.dep_ == "nsubj" and _is_copula(head) and head.lemma_ == "be":
            holders = [a for a in _children(head, "attr") if a.pos_ == "PROPN"]
            appositive = False                         # "This young Georgian Bolshevik was Joseph Djugashvilli"
        elif tok.dep_ == "appos" and head.pos_ == "PROPN" and not (
                tok.tag_ in ("NNS", "NNPS") and any(c.dep_ == "cc" for c in tok.children)
                and not any(c.lower_ == "fellow" for c in tok.children)):
            holders = [head]                           # "Zinoviev, a Bolshevik since 1903" — not a list:
                                                       # "then Roosevelt, the Democrats and Browder are …"
        elif tok.dep_ in ("ROOT", "nsubj") and any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children):
            holders = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if low.startswith("fellow-") and tok.dep_ == "appos":
            holders = [head]                           # "Mr. and Mrs. Sidney Webb, their fellow-Fabians"
        for h in holders:
            # the party word describes this name, not the list it stands in ("The Old Bolshevik
            # Badayev, then Zalutsky, then Sokolnikov …")
            for entity, ptok in s.persons([h], expand=tok.dep_ not in ("compound", "amod", "nmod")):
                add(entity, "member_of", tok.text.strip("’'\""), tok, ptok, climb=not appositive)


def elected_to_claims(s, add) -> None:
    """"The Congress which elected Stalin to the Central Committee": membership of a body."""
    for tok in s.tokens:
        if tok.pos_ != "VERB" or _lemma(tok) not in ("elect", "appoint", "co-opt", "coopt", "admit", "return", "nominate"):
            continue
        bodies = [b for b in _prep_objects(tok, "to", "into", "onto") if ORG_HINT.search(s.subtree_text(b) or "")]
        if not bodies:
            continue
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        who = _children(tok, "nsubjpass") if passive else _children(tok, "dobj")
        if not who and tok.dep_ == "acl" and tok.tag_ == "VBN":
            h = tok.head                               # "Ignatiev, …, so recently elected to the General Secretariat"
            who = [h.head if h.dep_ == "appos" and h.head.pos_ == "PROPN" else h]
        if not who and tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in tok.children):
            who = _children(tok, "nsubj")              # a bare participle the parser gave a subject: passive
        for entity, ptok in s.persons(who):
            add(entity, "member_of", s.subtree_text(bodies[0]), tok, ptok)


def party_list_claims(s, add) -> None:
    """Plural party words naming their members: "good Socialists like Milliere and Malon",
    "Louis Blanc, Clemenceau, and other Radicals", "Two of the most daring Social Revolutionaries
    were Semenov and Lydia Konopleva"."""
    for tok in s.tokens:
        low = tok.lower_
        if low not in PARTY_PLURAL or not tok.text[:1].isupper():
            continue
        holders = []
        holders += [g for g in _prep_objects(tok, "like", "including", "such")]        # "Socialists like X"
        if any(c.lower_ == "other" and c.dep_ == "amod" for c in tok.children) and tok.dep_ == "conj":
            holders.append(tok.head)                   # "Blanc, Clemenceau, and other Radicals"
            t = tok.head
            while t.dep_ == "conj" and t.head.i != t.i:
                t = t.head
                holders.append(t)
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "nsubj":
            cop = tok.head.head.head                   # "Two of the … Revolutionaries were Semenov and …"
            if _is_copula(cop):
                holders += _children(cop, "attr")
        for entity, ptok in s.persons(holders):
            add(entity, "member_of", tok.text, tok, ptok)


_LEADERSHIP = ("leadership", "direction", "command", "guidance")
# a body "headed by" or "chaired by" someone: the post that gives him
_HEADED = {"head": "head", "chair": "chairman", "preside": "chairman"}
# bodies sent or formed for a task, which the ORG_HINT words leave out
_MISSIONS = {"mission", "delegation", "legation", "embassy", "expedition", "organization", "organisation"}


def leadership_claims(s, add) -> None:
    """A body and its leader: "the Bolsheviks under the leadership of Lenin and Trotsky", "the
    Communist Party under Stalin", "the U.S. group led by Shachtman" — its leaders are members."""
    for tok in s.tokens:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if not (ORG_HINT.search(tok.text) or tok.lower_ in PARTY_PLURAL or tok.text[:1].isupper() and
                ORG_HINT.search(" ".join(t.text for t in tok.lefts))):
            continue
        leaders = []
        unders = _prep_objects(tok, "under")
        nxt = s.sdoc[tok.i + 1] if tok.i + 1 < len(s.sdoc) else None
        if nxt is not None and nxt.lower_ == "under" and nxt.head.i != tok.i and tok.dep_ != "compound":
            # the parser hangs "under …" on the verb or a noun before ("the prisons of the Kuomintang
            # under the leadership of Chiang"); right after the body's name it is the body's
            unders += [g for g in nxt.children if g.dep_ == "pobj" and _lemma(g) in _LEADERSHIP]
        for g in unders:
            if _lemma(g) in _LEADERSHIP:
                leaders += _prep_objects(g, "of")      # "under the leadership of Lenin"
            else:
                leaders.append(g)                       # "under Stalin"
        heads = []
        for c in tok.children:
            if c.dep_ == "acl" and _lemma(c) in ("lead", "head", "found", "direct"):
                leaders += _prep_objects(c, "by")       # "the group led by Shachtman"
            if c.dep_ == "acl" and _lemma(c) in _HEADED:
                heads += [(c, g) for g in _prep_objects(c, "by")]
        org = _name_of(tok)
        for entity, ptok in s.persons(leaders):
            add(entity, "member_of", org, tok, ptok)
        for verb, g in heads:                          # "the Cadets, …, headed by Paul Miliukoff": its head
            if not _named(s, g):
                continue                               # "headed by the general staff (Hindenburg, …)"
            for entity, ptok in s.persons([g]):
                add(entity, "held_office", f"{_HEADED[_lemma(verb)]} of {org}", verb, ptok)


def _named(s, tok) -> bool:
    """The token is part of a person's name in the text (not a description the resolver reads)."""
    start = s.base + tok.idx
    return s.ctx.mention_at(start, start + len(tok.text)) is not None


def _name_of(tok) -> str:
    """A body's name from its noun and the words before it ("Our commercial mission"), not the
    clause around it ("First, the Cadets")."""
    first = min((t.i for t in tok.subtree if t.i <= tok.i and t.dep_ in (
        "compound", "amod", "poss", "nmod", "nummod", "case")), default=tok.i)
    return tok.doc[first:tok.i + 1].text


def headed_body_claims(s, add) -> None:
    """"Our commercial mission headed by Comrade Balgor", "a different oversight organization, the
    Special Group, chaired by McGeorge Bundy": a body's head or chairman holds that post (the
    parser hangs the participle on the body's description as often as on its name)."""
    for tok in s.tokens:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in _MISSIONS:
            continue
        for c in tok.children:
            if c.dep_ == "acl" and _lemma(c) in _HEADED:
                org = _name_of(tok)
                for entity, ptok in s.persons([g for g in _prep_objects(c, "by") if _named(s, g)]):
                    add(entity, "held_office", f"{_HEADED[_lemma(c)]} of {org}", c, ptok)


def join_claims(s, add) -> None:
    """Membership by joining: "she joined the party", "Maxton, Brockway, Horrabin, all joined the
    Meerut Defence Committee", "the Social Democratic Federation, which he joined"."""
    for tok in s.tokens:
        if tok.pos_ not in ("VERB",) or _lemma(tok) not in JOIN:
            continue
        objs = _children(tok, "dobj") + _prep_objects(tok, "in", "into")
        # "had joined Lenin in London", "joined Zinoviev and Kamenev in the opposition": a person
        # joined is a companion, not a body; the body, if any, is what they are joined in
        objs = [o for o in objs if not s.persons([o])]
        if not objs:
            continue
        obj = objs[0]
        if obj.lower_ in ("which", "that") and tok.dep_ == "relcl":
            obj = tok.head                             # "the Federation, which he joined"
        text = s.subtree_text(obj) if obj.i != tok.head.i else s.span_text(
            [t for t in obj.subtree if t.i <= obj.i or t.dep_ != "relcl"][:8])
        if not text or not (ORG_HINT.search(text) or (obj.pos_ == "PROPN")):
            continue                                   # "joined the crowd", "joined him"
        subj = _children(tok, "nsubj") or climbed_subject(tok)
        if subj and subj[0].lower_ in ("all", "both", "each") and subj[0].dep_ == "nsubj":
            subj = [a for a in subj[0].children if a.dep_ in ("appos",)] or [subj[0].head] \
                if subj[0].head.i != tok.i else subj
        for entity, ptok in s.persons(subj + [a for x in subj for a in x.children if a.dep_ == "appos"]):
            add(entity, "member_of", text, tok, ptok)


# -- party words by their surface ---------------------------------------------------------------
# The small parser breaks many of the shapes in which a text gives a person a party ("a person
# named Mercader, a Catalan Communist" hangs the apposition on "person", "The Liberal Sir Herbert
# Samuel" makes "Liberal" a compound of "Herbert"), but the shapes are plain in the text: the party
# word right before the name, or an apposition "X, a [young Georgian] Bolshevik [activist]," after it.
_PARTY_ALT = "|".join(sorted((re.escape(w) for w in PARTY_WORDS if len(w) > 3 and w.isalpha() or "-" in w),
                             key=len, reverse=True)) + r"|social[- ]democrats?|social[- ]revolutionar(?:y|ies)|S\.?R\."
# Nouns a party word turns into a member: "a Bolshevik activist", "Labour left winger", "the
# Communist deputy"; "a Communist sympathizer" or "the Stalinist agent" is no membership.
_MEMBER_PERSON = (r"activist|militant|agitator|organi[sz]er|leader|deputy|member|worker|veteran|journalist|"
                  r"intellectual|propagandist|politician|M\.\s?P\.|MP|candidate|councillor|councilor|senator|"
                  r"trade[- ]unionist|delegate|official|functionary|spokesman|spokeswoman|(?:left|right)[- ]winger|"
                  r"comrade|chief|theoretician|stalwart|fighter")
# "Labour" is a party only before such a noun ("Labour left winger Barbara Castle", "the Labour
# spokesman"); alone it is the word for work.
_LABOUR = r"Labou?r"
# a form of address and given names the mention may leave out ("The Liberal Sir Herbert (later
# Lord) Samuel")
_ADDRESS = (r"(?:(?:Sir|Mr\.?|Mrs\.?|Mme\.?|Miss|Comrade|Dr\.?|Herr|Citizen|Lord|Lady|M\.)\s+)?"
            r"(?:(?-i:[A-Z])[a-z]+\s+|(?-i:[A-Z])\.\s*){0,2}(?:\([^()]{1,25}\)\s+)?")
_PARTY_BEFORE = re.compile(
    rf"(?<=[\s(])(?P<party>(?:Old\s+|Left\s+|Right\s+)?(?:(?=(?-i:[A-Z]))(?:{_PARTY_ALT})(?![\w-])))"
    rf"(?:\s+(?P<noun>{_MEMBER_PERSON}))?\s+{_ADDRESS}$|"
    rf"(?<=[\s(])(?P<labour>{_LABOUR})\s+(?P<lnoun>{_MEMBER_PERSON})\s+{_ADDRESS}$", re.I)
# "The other Plekhanovite, David, …", "the Myasnikovist, Tiyunov, wrote": a party word, then a comma
_PARTY_COMMA_BEFORE = re.compile(
    rf"\b(?:the|a|an|another|other|young|old|elderly)\s+(?P<party>(?=(?-i:[A-Z]))(?:{_PARTY_ALT})(?![\w-]))\s*,\s*$", re.I)
_PARTY_AFTER = re.compile(
    rf"^(?:\s*\([^()]{{0,40}}\))?\s*,\s*(?:(?:then|now|still|once|also|already|himself|herself|always)\s+)?"
    rf"(?:a|an|the|another)\s+(?P<mods>(?:[\w’'\-]+\s+){{0,2}}?)"
    rf"(?:(?P<party>(?=(?-i:[A-Z]))(?:{_PARTY_ALT})(?![\w-]))(?:\s+(?P<noun>{_MEMBER_PERSON}))?|(?P<labour>{_LABOUR})\s+(?P<lnoun>{_MEMBER_PERSON}))"
    rf"\s*(?=[,.;:)]|\s+(?:and|who|whose|since|from|in|at|until|during|for)\b|$)", re.I)
# "a Bolshevik named Petrov", "a member of the Opposition named Bagratian"
_NAMED_BEFORE = re.compile(
    rf"\b(?:a|an|one|another|the)\s+(?:(?:young|old|elderly|certain|prominent|leading)\s+)?(?:(?P<party>(?=(?-i:[A-Z]))"
    rf"(?:{_PARTY_ALT})(?![\w-]))|(?:member|leader)\s+of\s+(?:the\s+)?(?P<org>[^,;:()“”\"]{{1,50}}?))\s+"
    rf"(?:named|called|by\s+the\s+name\s+of)\s+{_ADDRESS}$", re.I)
# words that make the phrase something other than the person's own party ("an enemy of the
# Communists", "a non Communist", "a friend and Bolshevik")
_NOT_MODS = {"and", "or", "of", "the", "not", "no", "non", "anti", "pro", "enemy", "opponent", "critic", "like",
             "ex", "so-called", "would-be", "pseudo", "alleged", "supposed", "fake", "sham"}


def surface_party_claims(s, add) -> None:
    """"The Liberal Sir Herbert Samuel", "the Decemist Davidov", "Labour left winger Barbara
    Castle", "The other Plekhanovite, David,", "Mercader (or Mercadet), a Catalan Communist"."""
    ctx, base = s.ctx, s.base
    end = base + len(s.text)
    for m, tok in s.named_mentions():
        lo = max(base, m.start - 80)
        # (with the character before the window: a party word must start a word, and one in scare
        # quotes, “Socialist” Minister Kerensky, is the author's irony)
        before = (ctx.text[lo - 1] if lo > base else " ") + ctx.text[lo:m.start]
        lo -= 1
        raw = ctx.text[m.end:min(end, m.end + 120)]
        after = _FOOTNOTE.sub("", raw, count=1)
        skip = len(raw) - len(after)
        found = []                                     # (party word, its document offset)
        mb = _PARTY_BEFORE.search(before)
        between = mb and before[mb.end("party" if mb.group("party") else "lnoun"):]
        if mb and not _name_as_modifier(s, m) and not (ORG_HINT.search(between) or any(
                w.lower().strip("()") in PARTY_WORDS for w in between.split())):
            # (not "the Fourth Congress of the Communist International Comrade Zinoviev": the party
            # word is the body's; a second party word is read on its own: "the Menshevik
            # Internationalist David Dallin")
            g = "party" if mb.group("party") else "labour"
            found.append((mb.group(g), lo + mb.start(g)))
        mn = _NAMED_BEFORE.search(before)
        if mn and (mn.group("party") or ORG_HINT.search(mn.group("org")) or mn.group("org")[:1].isupper()):
            g = "party" if mn.group("party") else "org"
            found.append((mn.group(g), lo + mn.start(g)))
        mc = _PARTY_COMMA_BEFORE.search(before)
        # singular only: "along with the Communists, Thomas, Addes …", "under the Nazis, Mussolini,
        # and Vichy" are lists of different things
        if mc and mc.group("party").lower() not in PARTY_PLURAL and re.match(r"^\s*(?:[,.;:)]|$)", after):
            found.append((mc.group("party"), lo + mc.start("party")))
        ma = _PARTY_AFTER.match(after)
        if ma and ma.group("party") and not ma.group("noun") and (
                ma.group("party").lower() in PARTY_PLURAL or re.search(r"(?:democrats|ies)$", ma.group("party").lower())):
            ma = None                                  # "then Roosevelt, the Democrats and Browder are …": a list
        if ma and not set(re.split(r"[\s\-]+", (ma.group("mods") or "").lower())) & _NOT_MODS:
            g = "party" if ma.group("party") else "labour"
            found.append((ma.group(g), m.end + skip + ma.start(g)))
        for word, at in found:
            trig = s.token_at(at)
            if trig is not None:
                add(m.entity, "member_of", " ".join(word.split()), trig, tok, climb=False)


def _name_as_modifier(s, m) -> bool:
    """"the Labour Attlee government", "the Socialist Blum cabinet": the name qualifies a noun."""
    rest = s.ctx.text[m.end:m.end + 40]
    nxt = s.token_at(m.end + len(rest) - len(rest.lstrip()))
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.text[:1].islower()


# a footnote number after a name ("Amadeo Bordiga [3], the real founder of …")
_FOOTNOTE = re.compile(r"^\s*\[\d{1,3}\]")
# "Mr. Brailsford, of the New Leader,", "Brockway, of the I.L.P.", "Bogdanov, of the Bolshevik
# Central Committee": the person's body, set off by commas after the name.
_OF_THE = re.compile(r"^\s*,\s*of\s+the\s+(?P<org>[^,;:()“”\"\[\]]{2,70}?)\s*(?=[,;:)]|\.(?:\s|$)|$|\s+(?:and|who)\b)")
_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}|\b[A-Z]{2,}\b")
# names of places and institutions, not bodies a person belongs to ("Sieber, of the University
# of Kiev", "Lowe, of the Old Bailey")
_NOT_BODY = re.compile(r"\b(?:university|college|school|academy|museum|library|hospital|church|street|"
                       r"square|hotel|river|island|city|town|village|province|district|department|"
                       r"coast|valley|mountains?|family|house|times|day|century|year|period)\b", re.I)


def of_the_body_claims(s, add) -> None:
    ctx, base = s.ctx, s.base
    end = base + len(s.text)
    for m in ctx.mentions_in(base, end):
        if re.search(r"\b(?:of|to|from|by|and|with)\s+$", ctx.text[max(base, m.start - 8):m.start]):
            continue                                   # "the ideas of Marx, of the Manifesto, …": a list
        raw = ctx.text[m.end:min(end, m.end + 110)]
        after = _FOOTNOTE.sub("", raw, count=1)
        h = _OF_THE.match(after)
        if not h:
            continue
        org = h.group("org")
        words = [w for w in org.split() if w.lower() not in ("of", "for", "and", "the", "on", "in", "&")]
        proper = words and all(w[:1].isupper() or w[:1].isdigit() for w in words)
        if not proper or _NOT_BODY.search(org):
            continue                                   # "Grisel, of the Grenelle camp"
        if not (ORG_HINT.search(org) or _ACRONYM.search(org) or any(w.lower() in PARTY_WORDS for w in words)
                or len(words) >= 2):
            continue                                   # one bare capitalised word: a place or a family
        trig = s.token_at(m.end + len(raw) - len(after) + h.start("org"))
        tok = s.token_at(m.start)
        if trig is not None and tok is not None:
            add(m.entity, "member_of", org, trig, tok, climb=False)


def other_members_claims(s, add) -> None:
    """"Senator Bilbo and other members of the Democratic Party", "Zinoviev and the other leaders
    of the Opposition": the names coordinated with "other members of" a body are members of it."""
    for tok in s.tokens:
        if tok.dep_ != "conj" or _lemma(tok) not in ("member", "leader", "founder", "co-founder") or tok.tag_ != "NNS":
            continue
        if not any(c.lower_ == "other" and c.dep_ == "amod" for c in tok.children):
            continue
        org = _org_of(s, tok)
        org = org and re.split(r"\s*[,;(]|\s+(?:which|who|that)\b", org)[0]   # "…, which did not prevent …"
        if not org or not (ORG_HINT.search(org) or org[:1].isupper() or any(w.lower() in PARTY_WORDS for w in org.split())):
            continue                                   # "Petrov and other members of the audience"
        holders, t = [tok.head], tok.head
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
            holders.append(t)
        for entity, ptok in s.persons(holders, expand=False):
            add(entity, "member_of", org, tok, ptok)


def we_claims(s, add) -> None:
    """The writer's or a quoted speaker's "we" with its body: "we of the Workers Party", "we,
    the Workers Party,", "we members of the Political Bureau", "We Bolsheviks"."""
    ctx = s.ctx
    for tok in s.tokens:
        if tok.lower_ != "we" or tok.pos_ != "PRON":
            continue
        bodies = [g for g in _prep_objects(tok, "of") if _a_body(g.text, s.subtree_text(g))]
        for a in tok.children:
            if a.dep_ != "appos":
                continue
            if _lemma(a) in ("member", "leader") and a.tag_ == "NNS":
                bodies += [g for g in _prep_objects(a, "of") if _a_body(g.text, s.subtree_text(g))]
            elif a.lower_ in PARTY_PLURAL and a.text[:1].isupper() and a.lower_ not in _CREEDS or a.pos_ == "PROPN" and ORG_HINT.search(
                    s.subtree_text(a) or "") and not _STATE.search(s.subtree_text(a) or ""):
                # "We Bolsheviks", "we, the Workers Party,"; not the diplomatic "we, the Workmen’s
                # and Peasants’ Revolutionary Government," that speaks for a country
                bodies.append(a)
        if not bodies:
            continue
        start = s.base + tok.idx
        speaker = ctx.first_person(start)              # a quoted speaker's or a trial defendant's "we"
        if speaker is None and ctx.author and not ctx.quotation(start)[0] and not ctx.block_quoted(start):
            speaker = ctx.author
        if speaker is not None:
            add(speaker, "member_of", s.subtree_text(bodies[0]), bodies[0], tok, climb=False)


_STATE = re.compile(r"\b(?:government|cabinet|ministry|state|republic|kingdom|nation|people)\b", re.I)
# A conviction, not a party: "we Socialists look forward", "we Socialists of the West" (judged
# wrong twice on random pages), as against "We Bolsheviks".
_CREEDS = {"socialists", "marxists", "anarchists", "revolutionaries", "radicals", "liberals", "democrats",
           "internationalists", "pacifists", "conservatives", "republicans"}


def _a_body(head: str, text: str | None) -> bool:
    return bool(text) and (ORG_HINT.search(text) is not None or head[:1].isupper() and not head.endswith("ism"))
