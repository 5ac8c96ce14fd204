"""Who a claim is about: a trigger's arguments in the parse, and the persons they name.

The dependency helpers (subjects, prepositional objects, conjuncts) and `_Sent`, which turns a
token into a person entity id through the linked mentions, relative clauses, appositives,
reflexives and pronoun resolution — or None, rather than a wrong person.
"""

from __future__ import annotations

import bisect

from ..model import Span
from .context import PRONOUNS, Context
from .role_words import MEMBER_NOUNS, OFFICE_NOUNS, ORG_HINT
from .predicates import AGENT, PATIENT
from .parse import children as _children, object_of_participle, prep_objects as _prep_objects

_MAX_OBJECT = 160          # characters of an object or a name span kept
_REL_PRONOUNS = {"who", "whom", "that", "which"}
_REFLEXIVES = {"himself", "herself", "themselves"}
_ONE_OF = {"one", "another", "two", "three", "several", "some", "each"}
TITLE_WORDS = OFFICE_NOUNS | MEMBER_NOUNS | {"man", "friend", "theoretician"}
_ARTICLES = {"die", "der", "das", "le", "la", "les", "il", "el", "los", "las", "lo"}
_LEMMA_FIX = {"spared": "spare", "spares": "spare", "sparing": "spare"}


def _lemma(tok) -> str:
    return _LEMMA_FIX.get(tok.lower_, tok.lemma_.lower())


def _is_passive(tok) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return True
    # (a participle with its own object is a past tense: "… had been printed and arrested Jacob Abraham")
    return tok.tag_ == "VBN" and tok.dep_ in ("acl", "conj", "advcl", "xcomp", "relcl", "acomp") and \
        not any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children) and not _own_object(tok)


def _own_object(tok) -> bool:
    """A verb with a direct object of its own is active, whatever the list it ends ("… had been
    printed and arrested Jacob Abraham"), unless the object is a time ("shot the following year")."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() not in _WHEN for c in tok.children)


# ("shot the following year": a time the parser takes for an object)
_WHEN = {"year", "month", "week", "day", "time", "morning", "evening", "night", "spring", "summer", "autumn",
         "winter", "fall", "hour", "moment", "afternoon", "decade", "century"}


def _subject(tok):
    subs = _children(tok, "nsubj", "nsubjpass")
    return subs[0] if subs else None


def _place_then_name(tok) -> list:
    """The subject the small parser swallowed into an opening phrase: "In Dresden Petrov met
    Ivanov", "In Moscow Petrov was arrested" come out as "In [Dresden Petrov]" with no subject;
    the name after the place is the verb's subject."""
    return [o for p in _children(tok, "prep") if p.i < tok.i and p.i == p.sent.start
            for o in _children(p, "pobj") if o.pos_ == "PROPN" and o.i < tok.i
            and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in o.children)]


def _verb_args(tok, role):
    """Argument tokens naming the person of a verbal trigger."""
    passive = _is_passive(tok) or (role == PATIENT and tok.dep_ == "conj" and _is_passive(tok.head)
                                   and not _children(tok, "nsubj", "nsubjpass") and not _own_object(tok))  # "… and shot the next year"
    if role == PATIENT:
        args = _children(tok, "nsubjpass") if passive else _children(tok, "dobj")
        if passive and not args and tok.dep_ == "acl" and tok.head.pos_ in ("PROPN", "NOUN", "PRON"):
            args = [tok.head]                          # "Zinoviev, shot in 1936, …"
        if passive and not args and tok.dep_ == "advcl" and tok.tag_ == "VBN" and not any(
                c.dep_ in ("mark", "aux") for c in tok.children) and tok.head.pos_ in ("VERB", "AUX"):
            args = _children(tok.head, "nsubj", "nsubjpass")   # "Born in Paisley in 1881, he left school"
    else:
        args = _prep_objects(tok, "by") if passive else _children(tok, "nsubj")
        if passive and not args:
            return []
        if not passive and any(a.i > tok.i for a in args):
            # a subject after its verb is quotative inversion ("…,” wrote Trotsky) — or the parser
            # reading a title as one ("…; wrote Karl Marx and the End of his System")
            before = tok.doc[tok.i - 1] if tok.i > 0 else None
            inverted = before is not None and (before.text in (",", "”", "\"", "’", ":", "—", "–") or (
                before.lower_ in ("thus", "so") and _lemma(tok) == "write"))   # "Thus wrote Alfred Fried"
            args = [a for a in args if a.i < tok.i or inverted]
        if not args and _lemma(tok) == "write":
            args = _writer_of_participle(tok)
        if not args and tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
            # a gerund's subject is its controller: "Petrov was accused of having met Ivanov"
            # (the passive subject), "they accused Petrov of meeting Ivanov" (the object)
            gov = tok.head.head
            args = _children(gov, "nsubjpass") or _children(gov, "dobj") or _children(gov, "nsubj")
    if not args and (passive or role == AGENT) and not _children(tok, "nsubj", "nsubjpass"):
        args = _place_then_name(tok)
    if not args and not (role == PATIENT and not passive and _children(tok, "nsubj")):
        t = tok
        purpose = tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        while not args and (t.dep_ in ("conj", "xcomp", "acomp") or purpose or (
                t.dep_ == "advcl" and t.tag_ == "VBN" and not any(c.dep_ == "mark" for c in t.children))) \
                and t.head.i != t.i:                   # ("were arrested, tried, and guillotined": a participle list)
            purpose = False                            # "was taken south … to be deported"
            if t.dep_ == "conj" and any(x.text == ";" for x in tok.doc[t.head.i:t.i]):
                break                                  # "Zasulich killed Trepov; the Czar … was assassinated": another clause
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


# (a participle after these has not happened, or is what was not done: "before writing", "without writing")
_NOT_DONE_MARKS = {"before", "without", "instead", "until", "till", "lest"}


def _writer_of_participle(tok) -> list:
    """Who is writing in a participle clause: "Crossman, writing in the New Statesman, tells us",
    "Writing in the New Leader, he says", "He was against …, writing: “…”". Only for "write":
    a writer's participle names the quoted text's author, where another verb's ("dying",
    "fleeing") would claim an event the sentence only frames."""
    if tok.tag_ != "VBG" or _children(tok, "nsubj", "nsubjpass"):
        return []
    if any(c.lower_ in _NOT_DONE_MARKS for c in tok.children if c.dep_ in ("mark", "prep", "advmod")):
        return []
    if tok.dep_ in ("acl", "appos") and tok.head.pos_ in ("PROPN", "PRON"):
        return [tok.head]
    if tok.dep_ == "advcl" and tok.head.pos_ in ("VERB", "AUX"):
        subj = _children(tok.head, "nsubj")
        if any(a.pos_ == "PRON" and a.i > tok.i and any(t.pos_ == "PROPN" for t in tok.doc[tok.i:a.i])
               for a in subj):
            return []      # "Writing to Engels he declared": the resolver would take the addressee for "he"
        return subj
    return []


_FACE = {"await", "face", "stand", "undergo"}


def _fronted_participle(c) -> bool:
    """A participle or gerund clause before the main clause, with no subject of its own ("Attacking
    Proudhon, …", "After breaking with Miliukoff, …"): its subject is the main clause's."""
    verb = c
    if c.dep_ == "prep":
        verb = next((g for g in c.children if g.dep_ == "pcomp"), None)
    elif c.dep_ != "advcl":
        return False
    return verb is not None and verb.tag_ in ("VBG", "VBN") and not any(
        g.dep_ in ("nsubj", "nsubjpass", "mark") or g.dep_ in ("aux", "auxpass") and g.lower_ not in ("having", "being", "been")
        for g in verb.children)


def _subjectless(sent) -> bool:
    """A sentence whose main verb is a participle with no subject: a note's or a glossary's
    fragment ("Imprisoned by Mussolini until …"), about someone it does not name."""
    root = sent.root
    return root.tag_ in ("VBN", "VBG") and root.pos_ == "VERB" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in root.children)


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


def _linked(head, conj) -> bool:
    """Whether a conjunct joins a real list: a conjunction ("A and B", "A, B and C", "A or B") or a
    longer run ("A, B, C"); two names joined by a comma alone are the parser's guess at a clause
    it could not attach ("In the trial of Mrs. O'Hare, Judge Wade quoted …")."""
    return any(c.dep_ in ("cc", "preconj") for c in (*head.children, *conj.children)) or any(
        c.dep_ == "conj" for c in conj.children) or sum(c.dep_ == "conj" for c in head.children) > 1


def _expand(tok, seen=None, conj: bool = True, listed: bool = False):
    """The token, its conjuncts ("A, B and C") and "like X" companions.  Through an apposition
    the walk takes the apposition's own appositions but not its conjuncts ("Attlee, deputy
    Prime Minister, nor Bevin": the parser hangs Bevin off the title)."""
    seen = seen if seen is not None else set()
    if tok.i in seen:
        return []
    seen.add(tok.i)
    out = [tok]
    for c in tok.children:
        if c.dep_ in ("conj", "appos") and object_of_participle(c):
            continue
        if c.dep_ == "appos" and any(g.dep_ == "case" for g in c.children):
            continue                                   # "Geoffrey Robinson, Blair’s first Paymaster General":
                                                       # a possessor the parser hung as an apposition (round 9)
        if c.dep_ == "conj" and not (listed or _linked(tok, c)):
            continue                                   # "In the trial of O'Hare, Judge Wade …": no list
        if ((c.dep_ == "conj" and conj) or c.dep_ == "appos" and (
                c.pos_ == "PROPN" or c.lemma_.lower() in TITLE_WORDS)) and not any(
                t.text == ";" for t in tok.doc[min(tok.i, c.i):max(tok.i, c.i)]):
            # "A, B and C"; "the chief …, the Commissar …, Henry Yagoda"; not across ";"
            out += _expand(c, seen, conj=conj and c.dep_ == "conj", listed=c.dep_ == "conj")
        elif c.dep_ == "prep" and c.lower_ in ("like",):
            for g in _children(c, "pobj"):
                out += _expand(g, seen)
    return out


class _Sent:
    """One parsed candidate sentence with its offset in the document text."""

    def __init__(self, ctx: Context, base: int, sdoc):
        self.ctx, self.base, self.sdoc = ctx, base, sdoc
        # spaCy makes a new Token object at every pass over a Doc; the rules pass over each
        # sentence some twenty times, so they share one list
        self.tokens = list(sdoc)
        self.text = sdoc.text                          # (a Doc joins its tokens at every .text)
        self._starts = [t.idx for t in self.tokens]

    def entity(self, tok) -> str | None:
        start = self.base + tok.idx
        m = self.ctx.mention_at(start, start + len(tok.text))
        if m is not None:
            return m.entity
        if tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
                and not any(c.dep_ in ("compound", "appos", "flat") and c.pos_ == "PROPN" for c in tok.children) \
                and tok.dep_ not in ("compound", "amod", "nmod") and not _prep_objects(tok, "of"):
            holder = self.ctx.title_holder(tok.lower_, start)   # "The King seemed happy"
            if holder is not None:
                return holder
        if tok.lower_ in ("i", "me", "my", "myself") and tok.pos_ == "PRON":
            speaker = self.ctx.first_person(start)      # a defendant's or quoted speaker's "I"
            if speaker is None and self.ctx.author and not self.ctx.quotation(start)[0] \
                    and not self.ctx.block_quoted(start):
                return self.ctx.author                  # the author's own "I"
            return speaker
        if tok.lower_ in _REFLEXIVES and tok.pos_ == "PRON":
            # "Mayakovsky shot himself": the clause's own subject, never an earlier sentence's
            subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return self.entity(subj) if subj is not None and subj.lower_ not in _REFLEXIVES else None
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.lower_ in PRONOUNS and tok.pos_ == "PRON" \
                and self._inside_unnamed_relative(tok):
            return None     # "his father-in-law, who was bedridden until he died": not Marx
        if tok.lower_ in PRONOUNS and tok.pos_ == "PRON":
            if _subjectless(tok.sent):
                # "Imprisoned by Mussolini until shortly before his death in 1937." (a glossary
                # entry): the fragment's unspoken subject is who "his" means, not a name in it
                return None
            if self._unlinked_name_before(tok):
                return None
            ahead = self._subject_after_opening(tok)
            if ahead is not None:
                return ahead
            ahead = self._cataphora(tok)
            if ahead is not None:
                return ahead or None
            head = tok.head
            same = []
            for t in tok.sent:                         # "Before the Yeltsin affair … he wrote": a name
                if t.i < tok.i and t.dep_ == "compound" and t.head.pos_ == "NOUN":   # modifying a
                    m = self.ctx.mention_at(self.base + t.idx, self.base + t.idx + len(t.text))  # noun is
                    if m is not None:                  # no antecedent
                        same.append(m.start)
            not_him = []                               # (these are not the pronoun anywhere in the text;
                                                       # a name modifying a noun may be, elsewhere)
            for c in head.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i:
                    if c.lower_ in _REL_PRONOUNS and head.dep_ == "relcl":
                        c = head.head                  # "Rolland, who met him": not Rolland
                    m = self.ctx.mention_at(self.base + c.idx, self.base + c.idx + len(c.text))
                    if m is not None:
                        not_him.append(m)
                if tok.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i and _fronted_participle(c):
                    # "Attacking Proudhon in The Poverty of Philosophy, he wrote …", "Breaking with
                    # the liberals of the type of Miliukoff, he became …": the participle's unspoken
                    # subject is the pronoun, so no one it names is who the pronoun means
                    not_him += self.ctx.mentions_in(self.base + c.left_edge.idx, self.base + c.right_edge.idx + 1)
                if tok.dep_ in ("nsubj", "nsubjpass") and c.dep_ in ("dobj", "dative", "prep") and c.i < tok.i:
                    # "To Lassalle he wrote …": the subject is not the one its own verb is
                    # addressed to (Marx wrote to Lassalle)
                    # (and "In reply to Lord Curzon he said", "In his answer to Kautsky he wrote":
                    # the addressee of a fronted reply or letter)
                    for o in [c] + [g for g in c.children if g.dep_ == "pobj"] + [
                            g for p in c.subtree if p.dep_ == "prep" and p.lower_ == "to" and p.i != c.i
                            for g in p.children if g.dep_ == "pobj"]:
                        m = self.ctx.mention_at(self.base + o.idx, self.base + o.idx + len(o.text))
                        if m is not None:
                            not_him.append(m)
            found = self.ctx.resolve_pronoun(start, tok.lower_, exclude=same + [m.start for m in not_him])
            # (whom the clause excludes is not who the pronoun is, wherever else it is named:
            # "Curzon sent a note. In reply to Lord Curzon he wrote …")
            return None if found is not None and any(m.entity == found for m in not_him) else found
        for c in tok.children:                         # "the old Bolshevik Rakovsky"
            if c.dep_ == "compound":
                continue                               # "the Matgamna organisation", "the Vansittart Daily Mail": not the person
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

    def _subject_after_opening(self, tok) -> str | None:
        """A possessive in an opening phrase points ahead to the clause's subject: "In his article
        Trotsky declares …", "After his release, Petrov went to Berlin"."""
        if tok.dep_ != "poss":
            return None
        t = tok.head
        while t.dep_ in ("pobj", "prep", "compound", "amod") and t.head.i != t.i and t.head.pos_ != "VERB":
            t = t.head
        if t.dep_ != "prep" or t.head.pos_ not in ("VERB", "AUX"):
            return None
        subj = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i]
        if not subj or subj[0].pos_ != "PROPN" or any(x.i < t.i for x in t.head.lefts if x.dep_ in ("nsubj", "nsubjpass")):
            return None
        return self.entity_of_span(subj[0])

    def _cataphora(self, tok) -> str | None:
        """A pronoun in a phrase or clause that opens the sentence, before anyone is named, points
        ahead to the main clause's named subject: "But even in the last few moments of his life,
        when he collapsed on the floor …, Trotsky towered …".  The named subject when the earlier
        sentences give the pronoun no one or the same person; "" (no one) when they give someone
        else — both readings are English; None when the sentence is not built so."""
        root = tok.sent.root
        a = tok
        while a.head.i != a.i and a.head.i != root.i:
            a = a.head
        if a.i == root.i or a.dep_ not in ("prep", "advcl", "npadvmod") or a.i > root.i:
            return None
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(subj) != 1 or subj[0].i <= a.right_edge.i or subj[0].pos_ != "PROPN":
            return None
        start = self.base + tok.idx
        m = self.ctx.mention_at(self.base + subj[0].idx, self.base + subj[0].idx + len(subj[0].text))
        if m is None or m.entity is None or not self.ctx.agrees(tok.lower_, m) \
                or self.ctx.mentions_in(self.base + tok.sent.start_char, start) \
                or self.ctx.quotation(m.start)[0] != self.ctx.quotation(start)[0]:
            return None
        back = self.ctx.resolve_pronoun(start, tok.lower_)
        return m.entity if back in (None, m.entity) else ""

    def _unlinked_name_before(self, tok) -> bool:
        """Does a name the linker gave no person stand nearer the pronoun than any antecedent the
        resolver could take? The NER types many persons as places or organisations, or misses
        them ("Thus Lessing understood …, it is implicit in all his writings"; "attention to
        Turati [a 'place'], his speeches, his books"): the resolver, which sees only linked
        persons, would then hand the pronoun to an earlier name. Only subject and possessive
        pronouns are asked: an object pronoun is not its own clause's subject ("Rushton stared
        at him")."""
        if tok.dep_ == "poss":
            h = tok.head                               # "Turati, his speeches, his books"
            while h.dep_ in ("conj", "appos") and h.head.i != h.i:
                h = h.head
                if h.pos_ == "PROPN" and self._unlinked_name(h, tok):
                    return True
        elif tok.dep_ not in ("nsubj", "nsubjpass"):
            return False
        # (only a subject after the last person named before the pronoun: "Zina … received
        # permission to visit Trotsky after his deportation" is Trotsky's)
        start = self.base + tok.sent.start_char
        named = [m.end for m in self.ctx.mentions_in(start, self.base + tok.idx) if m.end <= self.base + tok.idx]
        after = named[-1] - self.base if named else -1
        return any(after < t.idx and t.i < tok.i and t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN"
                   and self._unlinked_name(t, tok) for t in tok.sent)

    def _unlinked_name(self, t, pronoun) -> bool:
        """A capitalised name no mention links to anyone: not a person's (those the resolver
        weighs), nor a place's or body's the linker knows ("Germany", "Pravda"), nor an acronym,
        a body's name or a thing with an article ("G.P.U.", "the October Manifesto"), nor a
        word inside quoted words when the pronoun is outside them ("“Labour,” he wrote")."""
        if not t.text[:1].isupper() or t.text.isupper() or not t.is_alpha:
            return False
        if any(c.dep_ == "det" for c in t.children) or \
                self.ctx.quotation(self.base + t.idx)[0] != self.ctx.quotation(self.base + pronoun.idx)[0]:
            return False
        start = self.base + t.idx
        if any(m.entity or m.type == "person" for m in self.ctx.mentions_over(start, start + len(t.text))):
            return False
        words = [x.text for x in t.subtree]
        # (a foreign article names a paper or a thing: "Although Die Presse advertised his contributions")
        return not (ORG_HINT.search(" ".join(words)) or any(w.lower() in _ARTICLES for w in words))

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

    def named_mentions(self):
        """(mention, its first token) for each mention in this sentence that starts on a token."""
        for m in self.ctx.mentions_in(self.base, self.base + len(self.text)):
            tok = self.token_at(m.start)
            if tok is not None:
                yield m, tok

    def token_at(self, offset: int):
        """The token of this sentence covering a document offset, or None."""
        rel = offset - self.base
        i = bisect.bisect_right(self._starts, rel) - 1
        if i >= 0 and rel < self._starts[i] + len(self.tokens[i].text):
            return self.tokens[i]
        return None

    def entity_of_span(self, tok) -> str | None:
        start = self.base + tok.idx
        m = self.ctx.mention_at(start, start + len(tok.text))
        return m.entity if m is not None else None

    def persons(self, args, expand: bool = True) -> list[tuple[str, object]]:
        out, seen = [], set()
        for a in args:
            if a.lower_ in ("they", "them") and a.pos_ == "PRON":
                # "Babeuf and Darthé … They were arrested, tried and hanged": a list just named
                for e in self.ctx.resolve_plural(self.base + a.idx):
                    if e not in seen:
                        seen.add(e)
                        out.append((e, a))
                continue
            for t in (_expand(a) if expand else [a]):
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
