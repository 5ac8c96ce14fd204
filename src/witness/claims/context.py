"""Document-level context for claim extraction: sentences, person mentions, pronouns, quotations.

Everything here is cheap (regex and bisect over offsets): it runs on every document, while the
parser only runs on the candidate sentences this module selects.
"""

from __future__ import annotations

import bisect
import re

from ..model import Document, Mention
from .predicates import PREFILTER

_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_ABBREV = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Dr|St|Gen|Col|Lt|Capt|Vol|No|Nos|pp?|cf|vs|etc|Jr|Sr|Prof|Rev|Gov|"
    r"Sen|ibid|Ibid|Comp|Com|Art|Ch|ch|Mme|Mlle|M)|\b[a-z]\.[a-z])\.$")
PRONOUNS = {"he", "him", "his", "she", "her", "himself", "herself"}
_PRONOUN_RE = re.compile(r"\b(he|him|his|she|her)\b", re.I)
_SPEAKER_LINE = re.compile(r"^\s*([A-Z][A-Z\-’']{2,}(?:\s+[A-Z][A-Z\-’']+)?)\s*:\s")
_SPEECH_VERB = re.compile(
    r"\b(said|says|declared|declares|stated|states|testified|testifies|wrote|writes|replied|"
    r"answered|confessed|admitted|told|exclaimed|added|continued|asserted|explained)\b[^“\"]{0,40}[:,]?\s*$")


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
        self.persons: list[Mention] = sorted(
            (m for m in doc.mentions if m.type == "person" and m.entity), key=lambda m: m.start)
        self._m_starts = [m.start for m in self.persons]

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

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, offset) - 1)

    # -- candidates -------------------------------------------------------------------------
    def candidates(self) -> list[tuple[int, int]]:
        """Sentences worth parsing: a trigger word, and a person mention or a resolvable pronoun."""
        out = []
        for k, (s, e, pi) in enumerate(self.sentences):
            chunk = self.text[s:e]
            if not PREFILTER.search(chunk):
                continue
            if self.mentions_in(s, e):
                out.append((s, e))
            elif _PRONOUN_RE.search(chunk) and self._person_before(k):
                out.append((s, e))
        return out

    def _person_before(self, k: int) -> bool:
        pi = self.sentences[k][2]
        ps = self.paragraphs[max(0, pi - 1)][0]
        return bool(self.mentions_in(ps, self.sentences[k][0]))

    # -- pronouns ---------------------------------------------------------------------------
    def resolve_pronoun(self, offset: int, word: str) -> str | None:
        """Entity of the nearest person before `offset` when unambiguous, else None.

        The window is the nearest stretch that mentions anyone: the sentence so far (not for
        "him"/"her", which never refer to their own clause's subject), then earlier sentences of
        the paragraph, then the previous paragraph's last sentence.  Two different people in
        that stretch make the pronoun ambiguous: no claim rather than a wrong subject."""
        k = self.sentence_index(offset)
        s, _, pi = self.sentences[k]
        windows: list[tuple[int, int]] = []
        if word.lower() not in ("him", "her", "himself", "herself"):
            windows.append((s, offset))
        j = k - 1
        while j >= 0 and len(windows) < 4:
            sj, ej, pj = self.sentences[j]
            if pj < pi - 1:
                break
            windows.append((sj, ej))
            if pj < pi:
                break
            j -= 1
        for n, (ws, we) in enumerate(windows):
            found = [m for m in self.mentions_in(ws, we) if m.end <= offset]
            if n > 0 or word.lower() in ("him", "her", "himself", "herself"):
                # a pronoun before the first name in that sentence continues an older chain
                p = _PRONOUN_RE.search(self.text, ws, found[0].start if found else we)
                if p:
                    return None
            ents = {m.entity for m in found}
            if ents:
                return ents.pop() if len(ents) == 1 else None
        return None

    # -- quotations -------------------------------------------------------------------------
    def quotation(self, offset: int) -> tuple[bool, str | None]:
        """(inside a quotation, speaker in the text's words or None) for a character offset."""
        pi = self.sentences[self.sentence_index(offset)][2]
        ps, pe = self.paragraphs[pi]
        before = self.text[ps:offset]
        opened = before.count("“") - before.count("”")
        inside, open_at = False, -1
        if opened > 0:
            inside, open_at = True, before.rfind("“")
        elif before.count('"') % 2 == 1:
            inside, open_at = True, before.rfind('"')
        speaker = None
        m = _SPEAKER_LINE.match(self.text[ps:pe])
        if m and not inside:
            return True, m.group(1).strip().title()   # trial record: "RADEK: …"
        if inside:
            lead = before[:open_at]
            if _SPEECH_VERB.search(lead[-80:]):
                near = [x for x in self.mentions_in(ps, ps + open_at) if x.end >= ps + open_at - 80]
                if near:
                    speaker = near[-1].text
        return inside, speaker
