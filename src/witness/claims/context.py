"""Document-level context for claim extraction: sentences, person mentions, pronouns, quotations.

Everything here is cheap (regex and bisect over offsets): it runs on every document, while the
parser only runs on the candidate sentences this module selects.
"""

from __future__ import annotations

import bisect
import re

from ..model import Document, Mention
from ..nlp.lexicon import PERSON_NOUNS, clearly_female, her_forename
from .citations import authorship_by_surface
from .quoting import (CITING, NOT_SPEAKERS, RECORD_MARK, RECORD_SPEAKER, SAYS_AFTER, SINGLE_CLOSE, SINGLE_OPEN,
                      SPEECH_VERB, quotes_in_present_surface)
from .predicates import PREFILTER
from .referents import claimable, looks_female
from .titleholders import holder_at, titles_given

# (a footnote mark may follow the full stop: "a separate state apparatus.[29] Lenin's positions")
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)\]]*(?:\[\d{1,3}\*?\])?\s+(?=[\"“‘(\[]?[A-Z0-9])")
_ABBREV = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Dr|St|Gen|Col|Lt|Capt|Vol|No|Nos|pp?|cf|vs|etc|Jr|Sr|Prof|Rev|Gov|"
    r"Sen|ibid|Ibid|Comp|Com|Art|Ch|ch|Mme|Mlle|M|Messrs|Pres|Rep|Adm|Sgt|Maj|Cmdr|Hon|Esq|Lieut|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Ltd|Co|Inc|vol|ed|eds|trans|op|cit)|\b[a-z]\.[a-z])\.$")
PRONOUNS = {"he", "him", "his", "she", "her", "himself", "herself"}
_PRONOUN_RE = re.compile(r"\b(he|him|his|she|her)\b", re.I)
_FIRST_PERSON_RE = re.compile(r"\b(I|me|my)\b")
# the writer's "we" with a body: "we of the Workers Party", "we members of …", "We Bolsheviks"
_WE_BODY_RE = re.compile(r"\b[Ww]e,?\s+(?:of\s+the\s|members\s+of\s|the\s+[A-Z]|[A-Z][a-z]+s\b)")
# What may stand before a sentence's subject: nothing, or a short opening phrase ("In February 1938, ").
# (an opening phrase, not a possessed noun whose name is its apposition: in "His defence lawyer at
# the trial, Kerensky, declared …" the sentence is still about "his" man — round 11)
_SUBJECT_LEAD = re.compile(r"^[\s“\"‘'(–—-]*(?:(?!(?:His|Her|Their|Its)\b)[A-Z][^,;:]{0,40},\s*)?$")
_SUBJ_PRONOUN_RE = re.compile(r"\b(he|she|He|She)\b")
# a possessive and the word it owns ("" when it owns none: "Lenin’s of 1920-21")
_POSSESSED = re.compile(r"(?:’s|'s)(?:\s+(?:own\s+|old\s+|young\s+|elder\s+|younger\s+|eldest\s+|former\s+|"
                        r"late\s+|close\s+|closest\s+|chief\s+|personal\s+|private\s+|new\s+|first\s+|"
                        r"second\s+)?([a-z][\w\-]*))?")
_NOT_OWNED = {"of", "and", "or", "but", "nor", "in", "on", "at", "to", "for", "with", "by", "as", "than", "that",
              "which", "who", "whom", "from", "into", "is", "was", "are", "were", "has", "had", "have", "be",
              "too", "also", "not", "when", "while", "if", "so", "the", "a", "an"}
_BARE_POSSESSIVE = re.compile(r"(?:’s|'s|’|')\s*[.,;:)!?]")
_SPEECH_END = re.compile(
    r"\b(reassures?|reassured|assures?|assured|tells?|told|declares?|declared|explains?|explained|"
    r"replie[sd]|answer(?:s|ed)?|says|said|adds|added|stated?|states|announce[sd]?|insist(?:s|ed)?)"
    r"(?:\s+(?:them|us|him|her|me|you|everyone|everybody))?"
    # "He told me his story." — what follows in the paragraph is the story as he told it
    r"(?:\s+(?:his|her|their|the|this|that|a|whole|own|\s)+(?:story|tale|version|account))?\s*[.:]\W*$")
_SPEAKER_LINE = re.compile(r"^\s*([A-Z][A-Z\-’']{2,}(?:\s+[A-Z][A-Z\-’']+)?)\s*:\s")
# "the King", "the Prussian King", "the president" used as a reference; a title before a name
# ("King Frederick William IV") and after it ("Allende, the president") set who holds it.
_THE_TITLE = re.compile(r"\b[Tt]he\s+(?:[A-Z][a-z]+\s+)?([A-Za-z][a-z\-]+)\b(?!\s+[A-Z])")
# What may stand before a sentence's subject, loosely: a few lowercase words ("On the other
# hand", "Meanwhile") or a short phrase closed by a comma — never "the" right before the name.
_OPENING = re.compile(r"^[\s“\"‘'(–—-]*(?:(?:[A-Z]?[a-z]+\s+){0,4}(?<!the )(?<!The )|[A-Z][^,;:]{0,40},\s*)$")
_PREP_BEFORE = re.compile(r"\b(?:in|of|to|with|from|by|for|on|at|like|after|before|than|about|against)\s+$", re.I)
_BODY = re.compile(r"\b(?:Party|Committee|League|Union|Federation|International|Group|Association|Council|"
                   r"Bureau|Soviet|Congress|Executive|Club|Society|Government|Army|Ministry|Office|Commission|"
                   r"Assembly|Front|Movement|Company|Corporation|Bank|Times|News|Post|Press|Review|Journal)\b")
_PLURAL_RE = re.compile(r"\b(?:they|them)\b", re.I)
# a plural noun whose "of" the list is: "the heirs of", "the followers of", "the works of"
_OF_A_GROUP = re.compile(r"\b[a-z]{3,}s\s+of\s+(?:the\s+)?$")
_LIST_JOIN = re.compile(r"(?:’s|'s)?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
_YEAR_RE = re.compile(r"\b(1[6-9]\d\d|20[0-4]\d)\b")
# British quotation marks: an opening ‘ after a space, bracket or dash; a closing ’ that is not an
# apostrophe inside a word ("party’s").
# A straight double quote between two letters is a typist's apostrophe ("Mrs. Kate Richard O"Hare"),
# not a quotation mark: counting it made the rest of a paragraph a quotation (held-out dev2).
_STRAIGHT = re.compile(r'(?<![A-Za-z])"|"(?![A-Za-z])')
_DOUBLE = re.compile(r'[“”]|(?<![A-Za-z])"|"(?![A-Za-z])')


_INITIALLED = re.compile(r"(?:[A-Z]\.\s?){1,3}[A-Z][a-z’'\-]{2,}")


def _open_double(before: str) -> int | None:
    """Where the double quotation still open at the end of `before` opened, or None.  Curly and
    straight marks are paired as typists mix them ("“Freedom of Speech\")": a straight mark
    closes an open curly one, else opens or closes a straight one."""
    stack: list[int] = []
    for m in _DOUBLE.finditer(before):
        ch = m.group()
        if ch == "“":
            stack.append(m.start())
        elif ch == "”":
            if stack:
                stack.pop()
        elif stack:
            stack.pop()
        else:
            stack.append(m.start())
    return stack[-1] if stack else None




def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans over text[start:end] by punctuation, guarded against abbreviations and initials."""
    end = len(text) if end is None else end
    out, pos = [], start
    for m in _BOUNDARY.finditer(text, start, end):
        head = text[max(pos, m.start() - 12): m.start()]
        stripped = head.rstrip("\"”’)]")
        if _ABBREV.search(stripped):
            continue
        out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


class Context:
    """Offsets of a document's paragraphs, sentences and person mentions."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.paragraphs = doc.paragraphs()
        self.sentences: list[tuple[int, int, int]] = []   # (start, end, paragraph index)
        for pi, (ps, pe) in enumerate(self.paragraphs):
            for s, e in split_sentences(self.text, ps, pe):
                self.sentences.append((s, e, pi))
        self._sent_starts = [s for s, _, _ in self.sentences]
        names = {e.id: e.name.split() for e in doc.entities if e.name}
        self._names = names
        persons = sorted((m for m in doc.mentions if m.type == "person" and m.entity), key=lambda m: m.start)
        self.persons: list[Mention] = claimable(self.text, persons, self._sent_starts, names)
        self._m_starts = [m.start for m in self.persons]
        self._all = sorted(doc.mentions, key=lambda m: m.start)   # every type, linked or not
        self._all_starts = [m.start for m in self._all]
        self._titles: list[tuple[int, str, str]] | None = None   # (offset, title, entity)
        # The page's author, where the record links one to an entity: the author's own "I"
        # ("I was arrested in 1923", "what I wrote in my two articles") is about them.
        self.author = next((c.entity for c in getattr(doc.record, "creators", ()) or ()
                            if getattr(c, "role", None) == "author" and getattr(c, "entity", None)), None)

        self._asides: list[tuple[int, int]] | None = None

    def in_aside(self, offset: int) -> bool:
        """Inside a parenthetical fate right after a name ("Piatakov (shot)"), which
        patterns.parenthetical_claims reads on its own, more reliably than the parse."""
        if self._asides is None:
            from .patterns import fate_asides
            self._asides = fate_asides(self)
        return any(s <= offset < e for s, e in self._asides)

    # -- mentions ---------------------------------------------------------------------------
    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self._m_starts, start)
        out = []
        while i < len(self.persons) and self.persons[i].start < end:
            out.append(self.persons[i])
            i += 1
        return out

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The person mention overlapping the character span [start, end)."""
        i = bisect.bisect_right(self._m_starts, start) - 1
        for j in (i, i + 1):
            if 0 <= j < len(self.persons):
                m = self.persons[j]
                if m.start < end and start < m.end:
                    return m
        return None

    def mentions_over(self, start: int, end: int) -> list[Mention]:
        """Mentions of any type, linked or not, overlapping [start, end)."""
        i = max(0, bisect.bisect_right(self._all_starts, start) - 8)   # (a longer mention may start before)
        out = []
        while i < len(self._all) and self._all[i].start < end:
            if start < self._all[i].end:
                out.append(self._all[i])
            i += 1
        return out

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, offset) - 1)

    # -- candidates -------------------------------------------------------------------------
    def candidates(self) -> list[tuple[int, int]]:
        """Sentences worth parsing: a trigger word, and a person mention or a resolvable pronoun."""
        out = []
        for k, (s, e, pi) in enumerate(self.sentences):
            chunk = self.text[s:e]
            if not PREFILTER.search(chunk) and not self._work_after_person(s, e) and not _WE_BODY_RE.search(chunk) \
                    and not quotes_in_present_surface(chunk):
                continue
            if self.mentions_in(s, e):
                out.append((s, e))
            elif (_PRONOUN_RE.search(chunk) or _FIRST_PERSON_RE.search(chunk) or _PLURAL_RE.search(chunk)) \
                    and self._person_before(k):
                out.append((s, e))
            elif self.author and (_FIRST_PERSON_RE.search(chunk) or _WE_BODY_RE.search(chunk)):
                out.append((s, e))
            elif self.titles() and any(self.title_holder(w, s + m.start(0)) for m in _THE_TITLE.finditer(chunk)
                                       for w in m.group(0).split()[1:3]):
                # "The Emperor is taken prisoner" (either word after "the": "the Prussian King")
                out.append((s, e))
        return out

    def _work_after_person(self, start: int, end: int) -> bool:
        """Authorship no trigger word announces: a person's possessive before a title, a title
        with its year after the name, a title "by" the person, a quotation's author in brackets
        ("Marx's Capital", "Lenin, in Marxism and Revisionism (1908)", "Hitler's Program by Leon
        Trotsky", "“…” (Lenin)")."""
        return any(authorship_by_surface(self.text, m.start, m.end, start, end)
                   for m in self.mentions_in(start, end))

    def _person_before(self, k: int) -> bool:
        pi = self.sentences[k][2]
        ps = self.paragraphs[max(0, pi - 1)][0]
        return bool(self.mentions_in(ps, self.sentences[k][0]))

    def narrated_time(self, doc_date: str | None):
        """A function giving the "now" of a relative date at an offset: the document's date, except
        inside a quotation, whose speaker's now is the year the paragraph gives before the
        quotation opens ("In 1903 Lenin said: “Marx died here twenty years ago”"), or unknown."""
        def anchor(offset: int) -> str | None:
            inside, _speaker = self.quotation(offset)
            if not inside:
                return doc_date
            pi = self.sentences[self.sentence_index(offset)][2]
            ps = self.paragraphs[pi][0]
            before = self.text[ps:offset]
            opened = max(before.rfind("“"), before.rfind('"'), before.rfind("‘"))
            years = _YEAR_RE.findall(before[:opened] if opened >= 0 else "")
            return years[-1] if len(set(years)) == 1 else None
        return anchor

    # -- titles as references ---------------------------------------------------------------
    def titles(self) -> list[tuple[int, str, str]]:
        """(offset, title, entity) where the text gives a person a title (titleholders.py)."""
        if self._titles is None:
            self._titles = titles_given(self.text, self.persons)
        return self._titles

    def title_holder(self, title: str, offset: int) -> str | None:
        """Who "the King" at `offset` is (titleholders.holder_at)."""
        return holder_at(self.titles(), title, offset)

    # -- pronouns ---------------------------------------------------------------------------
    def resolve_pronoun(self, offset: int, word: str, exclude=(), depth: int = 0) -> str | None:
        """Entity of the nearest person before `offset` when unambiguous, else None.

        The window is the nearest stretch that mentions anyone: the sentence so far (minus the
        subject of the pronoun's own verb, given in `exclude`: "Rolland, who met him"), then
        earlier sentences (skipping sentences that only continue a pronoun chain), back into
        the previous paragraph.  Two different people there, or a sentence that starts with
        another "he" before its first name, make the pronoun ambiguous: no claim rather than
        a wrong subject.  "she"/"her" only resolve to names that look female (Russian -a/-ova
        endings, given names in -a), since the authority file records no gender."""
        word = word.lower()
        female = word in ("she", "her", "herself")
        k = self.sentence_index(offset)
        s, _, pi = self.sentences[k]

        def fits(m: Mention) -> bool:
            return self.agrees(word, m)

        found = [m for m in self.mentions_in(s, offset) if m.end <= offset and m.start not in exclude
                 and not (word in ("he", "she") and self._possessor_of_another(m))
                 and not (self.text[m.end:offset].strip() == "," and SAYS_AFTER.match(self.text, offset + len(word)))]
        if found and word in ("he", "she") and not self.quotation(offset)[0]:
            # "“Comrade Stalin,” he wrote": a name inside the quoted words is whom the writer addresses
            found = [m for m in found if not self.quotation(m.start)[0]]
        # (a possessive is no antecedent for a subject: "Starting from a conception close to
        # Lenin’s of 1920-21, … he wrote in 1931" is not Lenin)
        if found:
            lead = _PRONOUN_RE.search(self.text, s, found[0].start)
            if lead and lead.start() < offset:
                return None                           # "His daughter Nina … his deportation"
            ents = {m.entity for m in found if fits(m)}
            if ents:
                return ents.pop() if len(ents) == 1 else None
        if any(m.entity is None and m.end <= offset and (m.type == "person" or _INITIALLED.fullmatch(m.text))
               for m in self.mentions_over(s, offset)):
            return None                               # "touched upon by H. Cunow in his book" (the NER's
                                                      # organisation, linked to no one): his, not an earlier name's
        j, looked, para = k - 1, 0, pi
        while j >= 0 and looked < 8:
            sj, ej, pj = self.sentences[j]
            if pj < para:                             # crossed into an earlier paragraph
                if para < pi and not self._is_heading(para):
                    break
                para = pj
            looked += 1
            # (nor a possessive standing for its noun: "his opinions would not seem far from
            # Reagan’s. His novel …" is not Reagan's)
            found = [m for m in self.mentions_in(sj, ej) if not self._in_parens(m, sj)
                     and not _BARE_POSSESSIVE.match(self.text, m.end)]
            if found:
                lead = _SUBJ_PRONOUN_RE.search(self.text, sj, found[0].start)
                if lead:
                    # that sentence continues an older chain ("He met Zinoviev in Berlin. He was
                    # arrested …"): the pronoun is whoever its "he" is, if that resolves
                    if depth >= 3 or (lead.group(1).lower() == "she") != female:
                        return None
                    return self.resolve_pronoun(lead.start(), lead.group(1), depth=depth + 1)
                cands = [m for m in found if fits(m)]
                ents = {m.entity for m in cands}
                if len(ents) > 1 and word in ("he", "his", "she") and cands[0] is found[0] \
                        and _SUBJECT_LEAD.match(self.text[sj:found[0].start]):
                    return cands[0].entity            # the previous sentence's subject: "Radek met X. He …"
                return ents.pop() if len(ents) == 1 else None
            if self._unlinked_subject(sj, ej):
                return None                           # "On the other hand Napoleon [an 'organisation'], …, had reached …"
            j -= 1
        return None

    def _possessor_of_another(self, m: Mention) -> bool:
        """Is the mention a possessive that no subject pronoun after it stands for? One standing
        for its noun ("close to Lenin’s of 1920-21, … he wrote") or owning a person ("Trotsky’s
        secretary said he …"): "he" is that person.  A possessor of a thing is an antecedent like
        any other name ("Mr. Minney’s main title to fame is that he once wrote …")."""
        after = _POSSESSED.match(self.text, m.end)
        if after is None:
            return False
        owned = (after.group(1) or "").lower()
        return not owned or owned in PERSON_NOUNS or owned in _NOT_OWNED

    def agrees(self, word: str, m: Mention) -> bool:
        """May the pronoun `word` stand for the person of `m`, by sex?"""
        if word in ("she", "her", "herself"):
            # ("As Professor Joan Robinson states in her introductory essay", not Rosa Luxemburg's)
            return looks_female(m.text) or her_forename(m.text)
        # "In his discussion of Rosa Luxemburg’s theory, he poses … He writes:": not her
        return not (clearly_female(m.text) or clearly_female(" ".join(self._names.get(m.entity, ()))))

    def _unlinked_subject(self, start: int, end: int) -> bool:
        """Does the sentence open on a name the linker gave no one (a person it could not link, or
        one the NER typed an organisation)? A pronoun after it is more likely theirs than that of
        a person named before it."""
        for m in self.mentions_over(start, min(end, start + 60)):
            if m.entity is None and m.type in ("person", "organization") and m.text[:1].isupper() \
                    and not _BODY.search(m.text) and _OPENING.match(self.text[start:m.start]) \
                    and not _PREP_BEFORE.search(self.text[start:m.start]):   # "In Aristotle, …, he looked"
                return True
        return False

    def resolve_plural(self, offset: int) -> list[str]:
        """Who "they" at `offset` is: the persons of a list of two or more names ("Babeuf and
        Darthé", "Thurlbeck, Woolley and Mason") that the previous sentence of the paragraph (or
        this sentence, before the pronoun) names and names nobody else beside — else nobody."""
        k = self.sentence_index(offset)
        s, _e, pi = self.sentences[k]
        spans = [(s, offset)]
        if k > 0 and self.sentences[k - 1][2] == pi:
            spans.append((self.sentences[k - 1][0], self.sentences[k - 1][1]))
        for lo, hi in spans:
            found = [m for m in self.mentions_in(lo, hi) if m.end <= hi]
            if not found:
                continue
            ents = list(dict.fromkeys(m.entity for m in found))
            if len(ents) < 2:
                return []
            between = [self.text[a.end:b.start] for a, b in zip(found, found[1:])]
            if all(_LIST_JOIN.fullmatch(x) for x in between):
                if _OF_A_GROUP.search(self.text, max(lo, found[0].start - 40), found[0].start):
                    return []                 # "the ideological heirs of Mill, Jevons and Böhm-Bawerk …
                                              # when they are writing": the heirs (population round 8)
                return ents
            return []
        return []

    def _is_heading(self, pi: int) -> bool:
        ps, pe = self.paragraphs[pi]
        chunk = self.text[ps:pe].strip()
        return len(chunk) < 80 and not chunk.endswith((".", "!", "?", "…", "”", '"'))

    def _in_parens(self, m: Mention, start: int) -> bool:
        before = self.text[start:m.start]
        return before.count("(") > before.count(")")

    def reported_after(self, offset: int) -> str | None:
        """When the previous sentence of the paragraph ends on a bare speech verb ("Mr. Irujo
        reassures them."), the sentence at `offset` is what was said: the speaker's words
        ("" when no name is found), else None."""
        k = self.sentence_index(offset)
        if k == 0:
            return None
        s, e, pi = self.sentences[k - 1]
        if pi != self.sentences[k][2]:
            return None
        if not _SPEECH_END.search(self.text[s:e]):
            return None
        names = self.mentions_in(s, e)
        return names[-1].text if names else ""

    def trial_record_near(self, offset: int) -> str | None:
        """A trial report retelling testimony in the present tense ("Trotsky meets an unknown for
        the first time; argues for terrorism …" after the record's "Berman-Yurin: Yes."): when the
        paragraph at `offset` or one of the two before it quotes a trial record, the last
        speaker named there ("" when none is), else None.  The caller applies it to
        present-tense events only (claims.md: testimony frames govern the retelling)."""
        pi = self.sentences[self.sentence_index(offset)][2]
        lo = self.paragraphs[max(0, pi - 2)][0]
        chunk = self.text[lo:offset]
        speakers = [m.group(1) for m in RECORD_SPEAKER.finditer(chunk) if m.group(1).lower() not in NOT_SPEAKERS]
        if not RECORD_MARK.search(chunk) and not speakers:
            return None
        return speakers[-1] if speakers else ""

    # -- quotations -------------------------------------------------------------------------
    def block_quoted(self, offset: int) -> bool:
        """Is the paragraph at `offset` a quotation set off as a block, without quotation marks?
        The paragraph before ends on a colon after a sentence that names someone else and a
        word of citing ("In the letter of Marx to Kugelmann of July 11, 1868, we read:"): the
        "I" of the block is the quoted writer's, not the author's."""
        pi = self.sentences[self.sentence_index(offset)][2]
        if pi == 0:
            return False
        ps, pe = self.paragraphs[pi - 1]
        if not self.text[ps:pe].rstrip().endswith(":"):
            return False
        k = self.sentence_index(pe - 1)
        ss, se, _ = self.sentences[k]
        return bool(CITING.search(self.text, ss, se)) and any(
            m.entity != self.author for m in self.mentions_in(ss, se))

    def first_person(self, offset: int) -> str | None:
        """Who "I"/"me"/"my" is at `offset`: the speaker of a trial-record line ("Radek: I …")
        or of a quotation introduced by a named speaker ("Radek declared: “I …”"), else None
        (the author's own "I" is no entity)."""
        pi = self.sentences[self.sentence_index(offset)][2]
        ps, pe = self.paragraphs[pi]
        lead = self.mentions_in(ps, ps + 60)
        if lead and not self.text[ps:lead[0].start].strip() and \
                re.match(r"\s*:\s", self.text[lead[0].end:lead[0].end + 3]):
            return lead[0].entity
        before = self.text[ps:offset]
        if before.count("“") > before.count("”"):
            open_at = ps + before.rfind("“")
            if SPEECH_VERB.search(self.text[max(ps, open_at - 80):open_at]):
                near = [x for x in self.mentions_in(ps, open_at) if x.end >= open_at - 80]
                if near:
                    return near[-1].entity
        return None

    def _continued_quotation(self, pi: int) -> bool:
        """A multi-paragraph quotation opens each paragraph with a quotation mark and closes only
        the last: this paragraph opens with one and does not close it, or the paragraph before
        did the same and this one opens with a mark too."""
        ps, pe = self.paragraphs[pi]
        chunk = self.text[ps:pe].lstrip()
        if not chunk[:1] in ("“", "‘", '"'):
            return False
        if chunk[0] == "“":
            return chunk.count("“") > chunk.count("”")
        if chunk[0] == "‘":
            return len(SINGLE_OPEN.findall(" " + chunk)) > len(SINGLE_CLOSE.findall(chunk))
        return len(_STRAIGHT.findall(chunk)) % 2 == 1

    def quotation(self, offset: int) -> tuple[bool, str | None]:
        """(inside a quotation, speaker in the text's words or None) for a character offset."""
        pi = self.sentences[self.sentence_index(offset)][2]
        ps, pe = self.paragraphs[pi]
        before = self.text[ps:offset]
        inside, open_at = False, -1
        double = _open_double(before)
        if double is not None:
            inside, open_at = True, double
        else:
            singles = [m.start() for m in SINGLE_OPEN.finditer(before)]
            closes = len(SINGLE_CLOSE.findall(before))
            if len(singles) > closes:                  # British quotation marks: ‘…’
                inside, open_at = True, singles[-1]
        if not inside and self._continued_quotation(pi):
            inside, open_at = True, 0                  # a paragraph of a quotation that spans several
        speaker = None
        m = _SPEAKER_LINE.match(self.text[ps:pe])
        if m and not inside:
            return True, m.group(1).strip().title()   # trial record: "RADEK: …"
        lead = self.mentions_in(ps, ps + 60)
        if lead and not inside and not self.text[ps:lead[0].start].strip() and \
                re.match(r"\s*:\s", self.text[lead[0].end:lead[0].end + 3]):
            return True, lead[0].text                  # "Krestinsky: I was arrested …"
        if inside:
            lead = before[:open_at]
            if SPEECH_VERB.search(lead[-80:]):
                near = [x for x in self.mentions_in(ps, ps + open_at) if x.end >= ps + open_at - 80]
                if near:
                    speaker = near[-1].text
        return inside, speaker
