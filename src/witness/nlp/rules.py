"""Rules for the names of this literature, applied to the model's and the ruler's entities.

A small general model cannot know that "General Putna" is a person and "General Council"
is not, that "the Litvinovs, Krestinskys" names four people, or that "Trotskyist" is an
adjective.  ``extract`` turns a parsed spaCy ``Doc`` into a list of ``Raw`` mentions
(character offsets, type, the ruler's id hint); linking happens afterwards (linking.py).

The words the rules consult live in lexicon.py, titles and honorifics (which words are
titles, where a name's titles begin) in titles.py, and where a name begins and ends by its
print alone (line breaks, particle tails, capitals, the edges of the model's span) in
shapes.py; here are the rules that draw the spans with the authority's name sets.
Everything is token tests and dict lookups, because it runs for every document of the
corpus inside the ``nlp.pipe`` worker processes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from witness.authority.loader import COMMON_WORDS

from .layout import furniture_spans, heading_spans
from .lexicon import (ADJ_SUFFIX, DETERMINERS, DOTTED, DOTTED_TYPES, GROUP_WORDS, INITIALS,
                      LABELS, LEADING_NOT_NAME, NAME_TOO, NOT_NAME_SUFFIX, NOT_PERSON,
                      PARTICLES, TRIAL_WORDS, cap, given_words)
from .shapes import (PARTICLE_NAME, capitals, line_break, name_follows, name_tokens,
                     particle_tail)
from .titles import ESQ, HONORIFICS, NOT_AFTER_TITLE, is_any_title, is_title

# Words after a name that make it a place ("Jackson county").
PLACE_AFTER = {"county", "township", "parish"}
# Titles of nobility, whose bearers' names may open with a lowercase particle.
NOBLE = {"count", "countess", "duke", "duchess", "baron", "baroness", "marquis", "marquess",
         "prince", "princess", "viscount", "chevalier", "comte", "duc", "graf"}
_REGNAL_DOT = re.compile(r"^[IVX]{1,4}\.$")


@dataclass
class Raw:
    start: int
    end: int
    type: str
    hint: str | None = None      # an authority id the ruler already attached
    rule: str = "ner"            # where it came from (for debugging and the benchmark)


class Rules:
    """Holds the name sets the rules consult (filled from the authority by the pipeline)."""

    def __init__(self, surnames: set[str] | None = None, person_names: set[str] | None = None,
                 known: dict[str, str] | None = None):
        # surnames: exact surname spellings of authority persons (for plurals, compounds).
        self.surnames = surnames or set()
        # person_names: every authority person form (so a rule never drops a real person).
        self.person_names = person_names or set()
        # known: exact name form → authority type, for type overrides.
        self.known = known or {}
        # given_names: first words of authority person names (Leon, Gregory, Christian).
        self.given_names: set[str] = set()
        # fits(name) → the authority id a full name links to, or None (set by the pipeline).
        self.fits = None

    # ---- helpers ------------------------------------------------------------------------
    def _not_person_word(self, text: str, titled: bool = False) -> bool:
        """An adjective, -ist or collective noun ("Bolshevik", "Trotskyist", "Reds").  After a
        title, initials or a given name (``titled``), the words of NAME_TOO are surnames
        ("Mr. White", "E. P. White")."""
        low = text.lower().rstrip("’'s") if text.endswith(("’s", "'s")) else text.lower()
        if text in self.person_names:
            return False
        if titled and low in NAME_TOO:
            return False
        return low in NOT_PERSON or bool(ADJ_SUFFIX.search(low))

    def _given_only(self, text: str) -> bool:
        """'Leon', 'Christian G.', 'I. N.': given names and initials, no surname."""
        words = text.split()
        return bool(words) and all(w in self.given_names or INITIALS.match(w) for w in words)

    # ---- main entry ---------------------------------------------------------------------
    def extract(self, doc) -> list[Raw]:
        text = doc.text
        out: list[Raw] = []
        claimed = bytearray(len(doc))  # tokens already covered by a rule mention

        def claim(i: int, j: int) -> None:
            for k in range(i, j):
                claimed[k] = 1

        # 1. Hyphenated compounds: Zinoviev-Kamenev-Smirnov trial, Stalin-Yezhov, Antonov-Ovseenkos.
        i, n = 0, len(doc)
        while i < n:
            j = i
            while (j + 2 < n and doc[j].whitespace_ == "" and doc[j + 1].text in ("-", "‐")
                   and doc[j + 1].whitespace_ == "" and cap(doc[j + 2].text)):
                j += 2
            if j > i and cap(doc[i].text):
                self._compound(doc, i, j, out, claim)
                i = j + 1
            else:
                i += 1

        # 2. Plural family names standing for a group: the Litvinovs, Krestinskys.
        for tok in doc:
            t = tok.text
            prev = doc[tok.i - 1] if tok.i else None
            if (not claimed[tok.i] and len(t) > 4 and t.endswith("s") and cap(t)
                    and t[:-1] in self.surnames and t not in self.person_names
                    # "Billy Hooks" is a name of its own, not the Hooks family
                    and not (prev is not None and prev.is_alpha and cap(prev.text)
                             and prev.lower_ not in DETERMINERS and not is_title(prev))
                    and not (prev is not None and INITIALS.match(prev.text))):
                out.append(Raw(tok.idx, tok.idx + len(t) - 1, "person", None, "plural"))
                claim(tok.i, tok.i + 1)

        # 3. Title + capitalised word(s) the model missed or mislabelled: General Putna.
        ent_at = {}
        for ent in doc.ents:
            for k in range(ent.start, ent.end):
                ent_at[k] = ent
        for tok in doc:
            if not is_any_title(tok) or tok.i + 1 >= n:
                continue
            k = tok.i + 1
            if doc[k].text == "." and k + 1 < n:  # "Dr ." when the tokenizer split the dot
                k += 1
            if line_break(doc[k]) and k + 1 < n:  # "Judge⏎Burgess"
                k += 1
            nxt = doc[k]
            if tok.lower_ in NOBLE and not claimed[k] and (
                    PARTICLE_NAME.match(nxt.text) or nxt.lower_ in PARTICLES and k + 1 < n
                    and doc[k + 1].is_alpha and not claimed[k + 1]):
                # "Duke d’Urfe", "Count de laMarck": a noble's name opens with a particle
                end = k + 1 if PARTICLE_NAME.match(nxt.text) else k + 2
                out.append(Raw(nxt.idx, doc[end - 1].idx + len(doc[end - 1].text), "person",
                               None, "title"))
                claim(k, end)
                continue
            if (INITIALS.match(nxt.text) and not claimed[k]
                    and tok.lower_.rstrip(".") in HONORIFICS and not name_follows(doc, k + 1)):
                # "Capt. J. had captain Bounds aboard", "Mrs. O.": a person the paper names
                # by an initial only.
                out.append(Raw(nxt.idx, nxt.idx + len(nxt.text), "person", None, "title-initial"))
                claim(k, k + 1)
                continue
            if (claimed[k] or not cap(nxt.text) or not nxt.is_alpha
                    or nxt.lower_ in NOT_AFTER_TITLE or self._not_person_word(nxt.text, titled=True)):
                continue
            if (tok.lower_.rstrip(".") not in HONORIFICS and nxt.lower_ in COMMON_WORDS
                    and nxt.text not in self.surnames and nxt.text not in self.person_names):
                continue  # "Major Problems", "King Street"
            ent = ent_at.get(k)
            if ent is not None and ent.label_ == "PERSON" and ent.start >= k:
                continue  # the model already has it right; trimming happens below
            end = k + 1
            while end < n and not claimed[end]:
                if line_break(doc[end]) and end + 1 < n and cap(doc[end + 1].text) \
                        and doc[end + 1].is_alpha and doc[end + 1].lower_ not in NOT_AFTER_TITLE:
                    end += 1
                elif not (cap(doc[end].text) and doc[end].is_alpha
                          and doc[end].lower_ not in NOT_AFTER_TITLE):
                    break
                end += 1
            if end < n and doc[end].lower_ in NOT_AFTER_TITLE and doc[end].lower_ not in ("of", "and", "the"):
                continue  # "General Putna Council"-like: a body, not a person
            end = particle_tail(doc, end)
            out.append(Raw(doc[k].idx, doc[end - 1].idx + len(doc[end - 1].text), "person",
                           None, "title"))
            claim(k, end)

        # 3b. Names printed in capitals, which the model reads as headings or misses (shapes.py).
        for a, b in capitals(doc, claimed, ent_at):
            out.append(Raw(a, b, "person", None, "caps"))

        # 4. The model's and the ruler's entities, repaired.
        for ent in doc.ents:
            if any(claimed[k] for k in range(ent.start, ent.end)):
                continue
            raw = self._repair(doc, ent)
            if raw is not None:
                out.append(raw)

        # 5. Drop what sits on lines of page furniture, and unknown "names" in title-case
        # headings ("Purge Goes On", "Stalinists Distort Interview").
        furn = furniture_spans(text)
        if furn:
            out = [r for r in out if not any(a <= r.start < b for a, b in furn)]
        heads = heading_spans(text)
        if heads:
            out = [r for r in out if not (
                r.type == "person" and r.hint is None and r.rule == "ner"
                and text[r.start:r.end] not in self.person_names
                and text[r.start:r.end].split()[0].casefold() not in given_words()
                and text[r.start:r.end].split()[0] not in self.given_names
                and not INITIALS.match(text[r.start:r.end].split()[0])
                and any(a <= r.start < b for a, b in heads))]
        out.sort(key=lambda r: (r.start, -r.end))
        # Overlaps: keep the first (rules were appended before the model's entities, and the
        # sort keeps the longest span first at one start).
        kept: list[Raw] = []
        last_end = -1
        for r in sorted(out, key=lambda r: (r.start, -(r.end - r.start))):
            if r.start >= last_end or r.type == "event":
                prev = kept[-1] if kept else None
                # "Christian G." + "Rakovsky": the model and the ruler split one name.
                if (prev is not None and prev.type == r.type == "person"
                        and text[prev.end:r.start] == " " and r.rule != "plural"
                        and (prev.rule == "ner" or r.rule == "ner"
                             or self._given_only(text[prev.start:prev.end]))):
                    prev.end, prev.hint, prev.rule = r.end, None, "merged"
                    last_end = r.end
                    continue
                kept.append(r)
                if r.type != "event":
                    last_end = max(last_end, r.end)
        return kept

    def _compound(self, doc, i: int, j: int, out: list[Raw], claim) -> None:
        parts = [doc[k] for k in range(i, j + 1, 2)]
        whole = doc[i:j + 1].text
        start, end = doc[i].idx, doc[j].idx + len(doc[j].text)
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        if whole in self.person_names or whole in self.known:
            t = self.known.get(whole, "person")
            out.append(Raw(start, end, t, None, "compound-whole"))
            claim(i, j + 1)
            return
        if whole.endswith("s") and whole[:-1] in self.person_names:
            out.append(Raw(start, end - 1, "person", None, "plural"))
            claim(i, j + 1)
            return
        # Two- or three-part names with a known tail ("Li Fu-jen" is left to the model).
        trial = nxt is not None and nxt.lower_ in TRIAL_WORDS
        group = nxt is not None and nxt.lower_ in GROUP_WORDS
        known_parts = [p for p in parts if p.text in self.person_names or p.text in self.surnames]
        if not (trial or group or len(known_parts) == len(parts)):
            return
        if (trial or group) and len(known_parts) == 0:
            return
        for p in parts:
            if self._not_person_word(p.text):
                continue
            if p.text in self.known and self.known[p.text] != "person":
                continue
            out.append(Raw(p.idx, p.idx + len(p.text), "person", None, "compound"))
        if trial:
            out.append(Raw(start, nxt.idx + len(nxt.text), "event", None, "compound-trial"))
        claim(i, j + 1 + (1 if trial else 0))

    def _is_given(self, tok) -> bool:
        """A given name or its printed abbreviation ("Wm.", "JOHN"), or initials."""
        t = tok.text
        return (t in self.given_names or INITIALS.match(t) is not None
                or (t.casefold() in given_words() and (t[0].isupper())))

    def _given_before(self, doc, s: int) -> int:
        """The start of the given names and initials right before token ``s`` ("Wm.",
        "Alfred⏎", "I. N."), or ``s`` when there are none."""
        while s > 0:
            k = s - 1
            if line_break(doc[k]) and k > 0:
                k -= 1           # "Jos.⏎Riddick", "Alfred⏎Smith"
            if doc[k].text == "." and k > 0 and (doc[k - 1].text + ".").casefold() in given_words():
                k -= 1
            prev = doc[k]
            if is_title(prev) or not (
                    INITIALS.match(prev.text) or prev.text in self.given_names
                    or prev.lower_ in ("von", "van", "de", "du", "del")
                    or (prev.text.casefold() in given_words() and cap(prev.text)
                        and prev.lower_ not in COMMON_WORDS)):
                break
            s = k
        return s

    def _repair(self, doc, ent) -> Raw | None:
        label = ent.label_
        typ = LABELS.get(label)
        if typ is None:
            return None
        s, e, titled = name_tokens(doc, ent, typ)
        if e <= s:
            return None
        after = e + 1 if e + 1 < len(doc) and line_break(doc[e]) else e
        if (typ in ("person", "organization") and after < len(doc) and e - s <= 2
                and doc[after].lower_ in PLACE_AFTER and not titled):
            # "Jackson county", "Pike township": a place named after someone
            return Raw(doc[s].idx, doc[after].idx + len(doc[after].text), "place", None, "ner")
        if titled and doc[s].lower_ in NOT_AFTER_TITLE:
            return None  # "General Council", "Secretary General": a body or an office
        span = doc[s:e]
        stext = span.text
        hint = ent.ent_id_ or None
        if typ == "date":
            return Raw(span.start_char, span.end_char, "date", None, "ner")
        words = [t for t in span if not t.is_space]
        # "William W. Cowper, Esq.": whatever the model thought, a person.
        esq = (e + 1 < len(doc) and doc[e].text == "," and doc[e + 1].lower_.rstrip(".") in ESQ
               or e < len(doc) and doc[e].lower_.rstrip(".") in ESQ)
        # Known forms decide the type: Yagoda is a person, G.P.U. an organization.
        known = self.known.get(stext)
        if known is None and stext.endswith("s") and stext[:-1] in self.surnames:
            return Raw(span.start_char, span.end_char - 1, "person", None, "plural")
        if known is None and DOTTED.match(stext.rstrip(".") + "."):
            dotted = stext if stext.endswith(".") else stext + "."
            known = self.known.get(dotted) or DOTTED_TYPES.get(dotted)
            if known is None and len(stext) <= 12:
                known = "organization"
        if known is not None:
            typ = known
        elif esq and typ != "person" and all(cap(t.text) or t.text == "." for t in words):
            typ = "person"
        elif (typ in ("organization", "place") and 2 <= len(words) <= 4
              and self._is_given(words[0]) and not INITIALS.match(words[0].text)
              and all((t.text == "." or cap(t.text) and (t.is_alpha or INITIALS.match(t.text)
                                                           or t.text.rstrip(".").isalpha()))
                      and t.lower_.rstrip(".") not in NOT_AFTER_TITLE for t in words)
              and cap(words[-1].text) and words[-1].is_alpha and len(words[-1].text) > 1):
            typ = "person"  # "Juliet Stuart Poyntz", "Willis Bond", "Jos. C. Wendell"
        elif titled and typ in ("organization", "place"):
            typ = "person"
        elif (typ in ("organization", "place") and len(words) <= 2 and s > 0
              and all(cap(t.text) and t.is_alpha for t in words)
              and self._given_before(doc, s) < s):
            typ = "person"  # "Wm. Goodman" where the model took only "Goodman"
        elif typ != "person" and stext.split()[-1] in self.surnames and len(span) <= 4 \
                and all(cap(t.text) or t.text in ("-", ".") for t in span) \
                and not any(t.lower_ in NOT_AFTER_TITLE for t in span):
            # A patronymic or full name ending in a known surname: Henry Grigorievitch Yagoda.
            typ = "person"
        if typ == "person":
            if all(is_title(t) or t.text == "." for t in span):
                return None
            while (len(span) > 1 and (span[0].lower_ in LEADING_NOT_NAME
                                      or self._not_person_word(span[0].text)
                                      or span[0].is_space)
                   and span[0].text not in self.given_names):
                span = span[1:]
            # A lowercase OCR or prose tail ("Henry C. Payne said", "ANDREW ROUNSAVEbt"
            # keeps its capital head): cut it off rather than lose the name.
            while len(span) > 1 and (span[-1].is_space or not (
                    cap(span[-1].text) or span[-1].text in ("-", ".", "’", "'")
                    or span[-1].lower_ in PARTICLES)):
                span = span[:-1]
            while len(span) > 1 and (span[-1].is_space or span[-1].text in ("-", "’", "'")):
                span = span[:-1]
            stext = span.text
            words = [t for t in span if not t.is_space]
            named = len(words) > 1 and (self._is_given(words[0]) or titled)
            if len(words) > 1 and not named and stext not in self.person_names \
                    and words[-1].lower_ in COMMON_WORDS and words[-1].text not in self.surnames \
                    and words[0].lower_ in COMMON_WORDS:
                return None  # "Bible Lesson", "Labour Party"-like phrases of everyday words
            if len(words) == 1 and (self._not_person_word(stext, titled=titled) or len(stext) < 3
                                    or (stext not in self.person_names and not titled
                                        and stext not in self.surnames
                                        and (NOT_NAME_SUFFIX.search(stext)
                                             or stext.lower() in COMMON_WORDS))):
                return None
            if (len(words) == 1 and not hint and not titled and span.start > 0
                    and doc[span.start - 1].lower_ == "the" and stext not in self.person_names
                    and stext not in self.surnames):
                return None  # "the Seminary", "the Hills": a thing or a place, not a name
            if any(self._not_person_word(t.text, titled=named or titled) for t in words) \
                    and stext not in self.person_names:
                return None
            if not all(cap(t.text) or t.text in ("-", ".", "’", "'") or t.lower_ in PARTICLES
                       or line_break(t) for t in span):
                return None
            # Extend left over initials, given names and particles the model or the ruler
            # left out: I. N. Smirnov, Leon Sosnovsky, von Seeckt, "Alfred⏎Smith".
            s = self._given_before(doc, span.start)
            # An unlisted spelling of the known person's given name: "Aveli Yenukidze".
            prev = doc[s - 1] if s > 0 else None
            if (hint and self.fits is not None and prev is not None and prev.is_alpha
                    and cap(prev.text) and prev.whitespace_ and not is_title(prev)
                    and prev.lower_ not in LEADING_NOT_NAME and not prev.is_stop
                    and not self._not_person_word(prev.text)):
                if self.fits(f"{prev.text} {doc[s:span.end].text}") == hint:
                    s -= 1
                elif (s == span.start and prev.whitespace_ == " " and not prev.text.isupper()
                      and prev.lower_ not in COMMON_WORDS and prev.text not in self.known
                      and len(prev.text) > 2):
                    # "Vlady Kibalchich": an unknown given name before a known surname is
                    # another bearer of the surname (Serge's son), for linking to decide.
                    s -= 1
                    hint = None
            if any(c.isdigit() for c in stext):
                return None
            end = span.end_char
            if len(words) > 1 and _REGNAL_DOT.match(words[-1].text) and not INITIALS.match(words[-2].text) \
                    and not name_follows(doc, span.end):
                end -= 1         # "Henry V. to the Crown": the numeral's dot is no part of it
            tail = particle_tail(doc, span.end)
            if tail > span.end:
                end, hint = doc[tail - 1].idx + len(doc[tail - 1].text), None
            return Raw(doc[s].idx, end, "person", hint, "ruler" if hint else "ner")
        if hint is None and (len(span) == 1 and self._not_person_word(stext)
                             or typ == "place" and any(self._not_person_word(t.text) for t in span)):
            return None  # "Bolshevik" as an organization, "Old Bolsheviks" as a place
        return Raw(span.start_char, span.end_char, typ, hint, "ruler" if hint else "ner")
