"""Rules for the names of this literature, applied to the model's and the ruler's entities.

A small general model cannot know that "General Putna" is a person and "General Council"
is not, that "the Litvinovs, Krestinskys" names four people, or that "Trotskyist" is an
adjective.  ``extract`` turns a parsed spaCy ``Doc`` into a list of ``Raw`` mentions
(character offsets, type, the ruler's id hint); linking happens afterwards (linking.py).

Everything here is token tests and dict lookups, because it runs for every document of
the corpus inside the ``nlp.pipe`` worker processes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from witness.authority.loader import COMMON_WORDS

# spaCy labels → the spec's entity types (plus "date").  NORP (Bolshevik, Trotskyist),
# numbers and the like are not entities of the archive.
LABELS = {
    "PERSON": "person", "PER": "person",  # PER: fr_core_news_sm
    "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place",
    "WORK_OF_ART": "work", "EVENT": "event", "DATE": "date", "PERIODICAL": "periodical",
    "WORK": "work",
}
# Ruler labels for the authority's entry types.
RULER_LABELS = {"person": "PERSON", "organization": "ORG", "place": "GPE",
                "periodical": "PERIODICAL", "event": "EVENT", "work": "WORK"}

# Words before a name that say "a person follows" without being part of the name.
PERSON_TITLES = {
    "general", "marshal", "admiral", "colonel", "commander", "comrade", "comrades", "dr", "doctor",
    "professor", "prof", "mr", "mrs", "miss", "mme", "madame", "monsieur", "herr", "frau",
    "citizen", "engineer", "lawyer", "attorney", "captain", "lieutenant", "sir", "lady",
    "kommandarm", "komkor", "komdiv", "academician", "senor", "señor", "père", "genosse",
    "camarade", "tovarishch", "prosecutor", "judge", "commissar", "ambassador", "premier",
    "president", "chairman", "secretary", "defendant", "accused", "citoyen", "messrs",
    "generals", "marshals", "comrades", "deputy", "tsar", "czar", "tsarina", "kaiser", "emperor",
    "pope", "cardinal", "bishop", "archbishop", "governor", "senator", "congressman", "sergeant",
    "gen", "col", "capt", "hon", "rev", "gov", "sen", "lieut", "lt", "maj", "sgt", "adm", "supt",
    "major", "mayor", "king", "queen", "prince", "princess", "duke", "duchess", "count",
    "countess", "baron", "rabbi", "inspector", "ensign", "mme", "mlle", "lord", "don", "doña",
}
# Given names the authority may lack (English, French, German, Spanish, Italian): an ORG or
# place the model finds that starts with one of them is a person ("Juliet Stuart Poyntz").
COMMON_GIVEN = set("""
Albert Alexander Alfred Alice Andrew Anna Anne Annie Antonio Arthur August Barbara Benjamin
Bernard Bertram Carl Carlo Charles Charlotte Clara Daniel David Dorothy Edith Edmund Edward
Elizabeth Ellen Emma Eric Ernest Ernst Eugene Eugenie Felix Francis Frank Franz Frederick
Friedrich George Georges Gerald Giuseppe Hans Harold Harry Heinrich Helen Henri Henry Herbert
Hermann Hugh Hugo Isaac Jack Jacques James Jane Jean Jeanne Johann John Joseph Josef Juan
Juliet Julius Karl Kate Klara Leo Leon Louis Louise Lucien Ludwig Margaret Maria Marie Martha
Mary Max Maurice Michael Otto Patrick Paul Pierre Peter Philip Pietro Ralph Richard Robert Rosa
Rose Samuel Sarah Stanley Susan Suzanne Thomas Victor Walter Wilhelm William Winston
""".split())


@lru_cache(maxsize=1)
def given_words() -> frozenset[str]:
    """Casefolded given names and their printed abbreviations (data/names/given_names.txt)."""
    path = Path(__file__).resolve().parent.parent / "data" / "names" / "given_names.txt"
    words = {w.casefold() for line in path.read_text(encoding="utf-8").splitlines()
             if not line.startswith("#") for w in line.split()}
    return frozenset(words | {w.casefold() for w in COMMON_GIVEN})


@lru_cache(maxsize=1)
def common_surnames() -> frozenset[str]:
    """Casefolded surnames too common to name one person alone (data/names/common_surnames.txt)."""
    path = Path(__file__).resolve().parent.parent / "data" / "names" / "common_surnames.txt"
    return frozenset(w.casefold() for line in path.read_text(encoding="utf-8").splitlines()
                     if not line.startswith("#") for w in line.split())

# Capitalised words that follow a title word in names of bodies, not persons
# ("General Council", "Secretary General").
NOT_AFTER_TITLE = {
    "council", "committee", "secretary", "secretariat", "staff", "strike", "assembly", "congress",
    "party", "union", "confederation", "federation", "headquarters", "motors", "electric",
    "post", "electorate", "line", "will", "theory", "principles", "law", "strike", "election",
    "of", "the", "and", "general", "court", "commission", "board", "bureau", "office",
    "director", "manager", "prosecutor", "attorney", "staff", "who", "i", "he", "she", "we",
}
# Adjectives, -ists and collective nouns the model likes to call persons.
NOT_PERSON = {
    "bolshevik", "bolsheviks", "menshevik", "mensheviks", "soviet", "soviets", "communist",
    "communists", "socialist", "socialists", "narodnik", "narodniks", "cadet", "cadets",
    "octobrist", "octobrists", "stalinist", "stalinists", "trotskyist", "trotskyists",
    "trotskyite", "trotskyites", "leninist", "leninists", "marxist", "marxists", "anarchist",
    "anarchists", "syndicalist", "syndicalists", "fascist", "fascists", "nazi", "nazis",
    "thermidor", "thermidorian", "thermidorians", "kremlin", "politburo", "politbureau",
    "cheka", "gpu", "g.p.u.", "nkvd", "ogpu", "comintern", "red", "white", "whites", "reds",
    "god", "christ", "lord", "master", "leader", "chief", "vol", "ibid", "op", "cit", "ed",
    "bolshevism", "stalinism", "trotskyism", "leninism", "marxism", "menshevism",
    "social-democrat", "social-democrats", "left", "right", "centre", "center", "opposition",
    "i", "he", "she", "we", "they", "you", "it", "mr", "mrs", "dr", "workers", "worker",
    "comrade", "comrades", "party", "state", "government", "revolution", "congress",
}
# Words of NOT_PERSON that are also surnames: after a title, initials or a given name they
# are names ("Mr. White", "E. P. White", "Charles Worker").
NAME_TOO = {"white", "red", "black", "lord", "master", "chief", "leader", "state", "god",
            "christ", "worker", "cadet"}
# "William W. Cowper, Esq.", "John Brink, Esquire".
ESQ = {"esq", "esqs", "esquire", "jr", "sr", "junior", "senior"}
# A single capitalised word with these endings is an adverb or a noun at the start of a
# sentence ("Hitherto", "Juridically,"), not an unknown person.
_NOT_NAME_SUFFIX = re.compile(r"(?:ly|tion|tions|ness|ment|ments|ity|ities|ship)$")
_ADJ_SUFFIX = re.compile(r"(?:ist|ists|ism|isms|ite|ites|ists’|ist’s)$", re.I)
INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$|^(?:Yu|Ya|Ye|Zh|Ch|Sh|Kh|Ts)\.$")
DOTTED = re.compile(r"^(?:[A-Z]\.){2,}(?:[A-Z])?$")
# Abbreviations with dots that neither the model nor every authority file knows.
DOTTED_TYPES = {
    "U.S.S.R.": "place", "U.S.A.": "place", "U.S.": "place", "R.S.F.S.R.": "place",
    "U.K.": "place", "S.U.": "place", "G.B.": "place",
}
TRIAL_WORDS = {"trial", "trials", "case", "process", "affair", "frame-up", "frameup"}
GROUP_WORDS = {"group", "groups", "bloc", "blocs", "centre", "center", "faction", "tendency",
               "opposition", "line", "team", "couple", "pact", "plot", "government", "cabinet"}
# Words the model sweeps into the front of a person's name: "Hence Medvedev",
# "the Menshevik Maisky", "Caucasian Bolsheviks Mdivani".
LEADING_NOT_NAME = {
    "russian", "german", "french", "caucasian", "georgian", "ukrainian", "polish", "american",
    "british", "english", "spanish", "italian", "japanese", "chinese", "soviet", "old", "young",
    "great", "late", "former", "ex", "famous", "poor", "unfortunate", "citizen", "comrade",
    "hence", "thus", "but", "and", "when", "while", "so", "then", "yet", "also", "even", "now",
    "today", "here", "there", "as", "if", "that", "this", "with", "without", "for", "from",
    "to", "by", "of", "in", "on", "at", "after", "before", "dear", "poor", "let", "says",
    "said", "wrote", "tells", "why", "how", "what", "where", "since", "because", "although",
}
PARTICLES = {"de", "von", "van", "der", "la", "le", "du", "y", "da", "del", "di", "den", "ten"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "our"}
# Lines of page furniture: names in them are not mentions of the body.
FURNITURE = re.compile(
    r"(?im)^[ \t]*(?:(?:transcri|marked up|mark-?up|html mark|proofread|source:|online version"
    r"|copyleft|public domain|last updated|top of the page|written:|first published|translated"
    r"|translation:|publisher:|write .{0,60}archive).*"
    r"|[^\n]{0,80}\b(?:internet|reference|marxists[’']?) archive\b[^\n]{0,40}"
    r"|[^\n]{0,60}\barchive(?:s)?\s*$)")


# A short paragraph in title case without a final stop: a heading.
HEADING = re.compile(r"(?m)^(?:[A-Z][\w’'\-]*|of|the|and|in|on|for|to|a|an|by|at|with|“|”)"
                     r"(?:[ \t]+(?:[A-Z\d][\w’'\-.,]*|of|the|and|in|on|for|to|a|an|by|at|with|[“”‘’]))"
                     r"{0,8}[ \t]*$")


# Honorifics and ranks written before a name, with or without their abbreviating dot.
_TITLE_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Messrs|Ms|Dr|Drs|Gen|Col|Capt|Cpt|Hon|Rev|Gov|Sen|Lieut|Lt|Maj|Sgt|Adm|Prof|"
    r"Supt|Rep|Cmdr|Comdr|Brig|Gov|Pres|Sec|Atty|Mme|Mlle|Jno|St)\.?"
    r"|\b(?:General|Colonel|Captain|Major|Admiral|President|Senator|Governor|Judge|Justice|"
    r"Secretary|Professor|Doctor|Sir|Lord|Lady|Dame|King|Queen|Prince|Princess|Duke|Duchess|"
    r"Count|Countess|Baron|Emperor|Empress|Tsar|Czar|Kaiser|Pope|Cardinal|Bishop|Archbishop|"
    r"Father|Mayor|Marshal|Commissar|Comrade|Citizen|Madame|Monsieur|Herr|Frau|Mister|Miss|"
    r"Mistress|Sergeant|Lieutenant|Commander|Ambassador|Premier|Chancellor|Deputy|Rabbi))"
    r"[ \t\n]*$")


def title_start(text: str, start: int) -> int:
    """Where a name that starts at ``start`` begins with the titles written before it
    ("Hon. Mr. Vance" → the offset of "Hon."); ``start`` when there is none."""
    a = start
    while True:
        m = _TITLE_BEFORE.search(text, max(0, a - 16), a)
        if m is None or m.end() != a:
            return a
        a = m.start()


_SUFFIX_AFTER = re.compile(r",?[ \t]*\n?[ \t]*(?:Esq|Esqs|Esquire|Jr|Sr|Junior|Senior)\b\.?")


def suffix_end(text: str, end: int) -> int:
    """Where a name that ends at ``end`` ends with a suffix written after it (", Esq.")."""
    m = _SUFFIX_AFTER.match(text, end)
    return m.end() if m else end


@dataclass
class Raw:
    start: int
    end: int
    type: str
    hint: str | None = None      # an authority id the ruler already attached
    rule: str = "ner"            # where it came from (for debugging and the benchmark)


def _cap(text: str) -> bool:
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


def _is_title(tok) -> bool:
    return tok.lower_.rstrip(".") in PERSON_TITLES and _cap(tok.text)


# Titles that newspapers and translators also print in lower case before a name
# ("captain Johnson", "comrade Trotsky", "queen Eleanor").
LOWER_TITLES = {"captain", "capt", "general", "gen", "colonel", "col", "judge", "president",
                "senator", "governor", "queen", "king", "prince", "princess", "doctor", "dr",
                "lieutenant", "lieut", "major", "comrade", "citizen", "professor", "prof",
                "commissar", "marshal", "admiral", "sergeant", "mr", "mrs", "emperor", "tsar"}


# Titles that are also everyday words ("Major problems", "General Bell"?): the word after
# them must not be an everyday word unless it is a known surname.  Honorifics and
# abbreviated ranks ("Mr. White", "Gen. Harrison") need no such check.
HONORIFICS = {"mr", "mrs", "messrs", "ms", "dr", "mme", "mlle", "madame", "monsieur", "herr",
              "frau", "miss", "sir", "lady", "comrade", "comrades", "citizen", "gen", "col",
              "capt", "hon", "rev", "gov", "sen", "lieut", "lt", "maj", "sgt", "adm", "supt",
              "prof", "senor", "señor", "tovarishch", "genosse", "camarade", "citoyen",
              "kommandarm", "komkor", "komdiv", "marshal", "colonel", "captain", "lieutenant",
              "sergeant", "admiral", "professor", "doctor", "rabbi", "ensign", "inspector"}


def _is_any_title(tok) -> bool:
    return _is_title(tok) or tok.lower_.rstrip(".") in LOWER_TITLES and tok.text.islower()


def _line_break(tok) -> bool:
    """A whitespace token holding one line break (a name wrapped over two lines), not a
    paragraph break."""
    return tok.is_space and tok.text.count("\n") == 1


def _upper_word(text: str) -> bool:
    return len(text) > 1 and text.isupper() and text.isalpha()


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
        return low in NOT_PERSON or bool(_ADJ_SUFFIX.search(low))

    def _given_only(self, text: str) -> bool:
        """'Leon', 'Christian G.', 'I. N.': given names and initials, no surname."""
        words = text.split()
        return bool(words) and all(w in self.given_names or INITIALS.match(w) for w in words)

    def _furniture(self, text: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in FURNITURE.finditer(text)]

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
                   and doc[j + 1].whitespace_ == "" and _cap(doc[j + 2].text)):
                j += 2
            if j > i and _cap(doc[i].text):
                self._compound(doc, i, j, out, claim)
                i = j + 1
            else:
                i += 1

        # 2. Plural family names standing for a group: the Litvinovs, Krestinskys.
        for tok in doc:
            t = tok.text
            prev = doc[tok.i - 1] if tok.i else None
            if (not claimed[tok.i] and len(t) > 4 and t.endswith("s") and _cap(t)
                    and t[:-1] in self.surnames and t not in self.person_names
                    # "Billy Hooks" is a name of its own, not the Hooks family
                    and not (prev is not None and prev.is_alpha and _cap(prev.text)
                             and prev.lower_ not in DETERMINERS and not _is_title(prev))
                    and not (prev is not None and INITIALS.match(prev.text))):
                out.append(Raw(tok.idx, tok.idx + len(t) - 1, "person", None, "plural"))
                claim(tok.i, tok.i + 1)

        # 3. Title + capitalised word(s) the model missed or mislabelled: General Putna.
        ent_at = {}
        for ent in doc.ents:
            for k in range(ent.start, ent.end):
                ent_at[k] = ent
        for tok in doc:
            if not _is_any_title(tok) or tok.i + 1 >= n:
                continue
            k = tok.i + 1
            if doc[k].text == "." and k + 1 < n:  # "Dr ." when the tokenizer split the dot
                k += 1
            if _line_break(doc[k]) and k + 1 < n:  # "Judge⏎Burgess"
                k += 1
            nxt = doc[k]
            if (claimed[k] or not _cap(nxt.text) or not nxt.is_alpha
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
                if _line_break(doc[end]) and end + 1 < n and _cap(doc[end + 1].text) \
                        and doc[end + 1].is_alpha and doc[end + 1].lower_ not in NOT_AFTER_TITLE:
                    end += 1
                elif not (_cap(doc[end].text) and doc[end].is_alpha
                          and doc[end].lower_ not in NOT_AFTER_TITLE):
                    break
                end += 1
            if end < n and doc[end].lower_ in NOT_AFTER_TITLE and doc[end].lower_ not in ("of", "and", "the"):
                continue  # "General Putna Council"-like: a body, not a person
            out.append(Raw(doc[k].idx, doc[end - 1].idx + len(doc[end - 1].text), "person",
                           None, "title"))
            claim(k, end)

        # 3b. Names printed in capitals, which the model reads as headings or misses
        # ("JOHN BINNS", "WM. W. COWPER"): a given name, then capitalised words.
        for tok in doc:
            if claimed[tok.i] or not _upper_word(tok.text.rstrip(".")):
                continue
            if tok.text.casefold() not in given_words() or tok.lower_ in COMMON_WORDS:
                continue
            if tok.i and (_upper_word(doc[tok.i - 1].text) or INITIALS.match(doc[tok.i - 1].text)):
                continue  # not the first word of a capitals run
            end = k = tok.i + 1
            if k < n and doc[k].text == "." and tok.text.casefold() + "." in given_words():
                end = k = k + 1
            parts = 0
            while k < n and parts < 3 and not claimed[k] and (
                    (_upper_word(doc[k].text) and not doc[k].is_stop)
                    or INITIALS.match(doc[k].text) or _line_break(doc[k])):
                if not doc[k].is_space:
                    parts += 1
                    end = k + 1
                k += 1
            if parts == 0 or not _upper_word(doc[end - 1].text) \
                    or doc[end - 1].lower_ in NOT_AFTER_TITLE or doc[end - 1].lower_ in NOT_PERSON:
                continue
            ent = ent_at.get(tok.i)
            if ent is not None and ent.label_ == "PERSON":
                continue
            out.append(Raw(tok.idx, doc[end - 1].idx + len(doc[end - 1].text), "person", None, "caps"))
            claim(tok.i, end)

        # 4. The model's and the ruler's entities, repaired.
        for ent in doc.ents:
            if any(claimed[k] for k in range(ent.start, ent.end)):
                continue
            raw = self._repair(doc, ent)
            if raw is not None:
                out.append(raw)

        # 5. Drop what sits on lines of page furniture, and unknown "names" in title-case
        # headings ("Purge Goes On", "Stalinists Distort Interview").
        furn = self._furniture(text)
        if furn:
            out = [r for r in out if not any(a <= r.start < b for a, b in furn)]
        heads = [(m.start(), m.end()) for m in HEADING.finditer(text)]
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
            if doc[k].text == "." and k > 0 and (doc[k - 1].text + ".").casefold() in given_words():
                k -= 1
            elif _line_break(doc[k]) and k > 0:
                k -= 1
            prev = doc[k]
            if _is_title(prev) or not (
                    INITIALS.match(prev.text) or prev.text in self.given_names
                    or prev.lower_ in ("von", "van", "de", "du", "del")
                    or (prev.text.casefold() in given_words() and _cap(prev.text)
                        and prev.lower_ not in COMMON_WORDS)):
                break
            s = k
        return s

    def _repair(self, doc, ent) -> Raw | None:
        label = ent.label_
        typ = LABELS.get(label)
        if typ is None:
            return None
        s, e = ent.start, ent.end
        # A span running over a paragraph break is two things: keep the part with the most
        # capitalised words (the model glues a heading to the first words below it).
        cuts = [k for k in range(s, e) if doc[k].is_space and "\n\n" in doc[k].text]
        if cuts and typ != "date":
            pieces, a = [], s
            for k in cuts + [e]:
                pieces.append((a, k))
                a = k + 1
            s, e = max(pieces, key=lambda p: sum(_cap(doc[k].text) for k in range(*p)))
        # Trim determiners, titles, possessives and punctuation at the edges.
        while s < e and (doc[s].lower_ in DETERMINERS or doc[s].is_punct or doc[s].is_space):
            s += 1
        titled = s > 0 and _is_any_title(doc[s - 1] if doc[s - 1].text != "." or s < 2
                                         else doc[s - 2])
        while s < e - 1 and typ != "date" and _is_title(doc[s]):
            s += 1
            titled = True
            if s < e - 1 and doc[s].text == ".":
                s += 1
            while s < e - 1 and doc[s].is_space:
                s += 1
        while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space
                         or doc[e - 1].lower_ in ("’s", "'s", "’", "'")):
            e -= 1
        if e <= s:
            return None
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
        elif esq and typ != "person" and all(_cap(t.text) or t.text == "." for t in words):
            typ = "person"
        elif (typ in ("organization", "place") and 2 <= len(words) <= 4
              and self._is_given(words[0]) and not INITIALS.match(words[0].text)
              and all((t.text == "." or _cap(t.text) and (t.is_alpha or INITIALS.match(t.text)
                                                           or t.text.rstrip(".").isalpha()))
                      and t.lower_.rstrip(".") not in NOT_AFTER_TITLE for t in words)
              and _cap(words[-1].text) and words[-1].is_alpha and len(words[-1].text) > 1):
            typ = "person"  # "Juliet Stuart Poyntz", "Willis Bond", "Jos. C. Wendell"
        elif titled and typ in ("organization", "place"):
            typ = "person"
        elif (typ in ("organization", "place") and len(words) <= 2 and s > 0
              and all(_cap(t.text) and t.is_alpha for t in words)
              and self._given_before(doc, s) < s):
            typ = "person"  # "Wm. Goodman" where the model took only "Goodman"
        elif typ != "person" and stext.split()[-1] in self.surnames and len(span) <= 4 \
                and all(_cap(t.text) or t.text in ("-", ".") for t in span) \
                and not any(t.lower_ in NOT_AFTER_TITLE for t in span):
            # A patronymic or full name ending in a known surname: Henry Grigorievitch Yagoda.
            typ = "person"
        if typ == "person":
            if all(_is_title(t) or t.text == "." for t in span):
                return None
            while (len(span) > 1 and (span[0].lower_ in LEADING_NOT_NAME
                                      or self._not_person_word(span[0].text)
                                      or span[0].is_space)
                   and span[0].text not in self.given_names):
                span = span[1:]
            # A lowercase OCR or prose tail ("Henry C. Payne said", "ANDREW ROUNSAVEbt"
            # keeps its capital head): cut it off rather than lose the name.
            while len(span) > 1 and (span[-1].is_space or not (
                    _cap(span[-1].text) or span[-1].text in ("-", ".", "’", "'")
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
                                        and (_NOT_NAME_SUFFIX.search(stext)
                                             or stext.lower() in COMMON_WORDS))):
                return None
            if any(self._not_person_word(t.text, titled=named or titled) for t in words) \
                    and stext not in self.person_names:
                return None
            if not all(_cap(t.text) or t.text in ("-", ".", "’", "'") or t.lower_ in PARTICLES
                       or _line_break(t) for t in span):
                return None
            # Extend left over initials, given names and particles the model or the ruler
            # left out: I. N. Smirnov, Leon Sosnovsky, von Seeckt, "Alfred⏎Smith".
            s = self._given_before(doc, span.start)
            # An unlisted spelling of the known person's given name: "Aveli Yenukidze".
            prev = doc[s - 1] if s > 0 else None
            if (hint and self.fits is not None and prev is not None and prev.is_alpha
                    and _cap(prev.text) and prev.whitespace_ and not _is_title(prev)
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
            return Raw(doc[s].idx, span.end_char, "person", hint, "ruler" if hint else "ner")
        if hint is None and (len(span) == 1 and self._not_person_word(stext)
                             or typ == "place" and any(self._not_person_word(t.text) for t in span)):
            return None  # "Bolshevik" as an organization, "Old Bolsheviks" as a place
        return Raw(span.start_char, span.end_char, typ, hint, "ruler" if hint else "ner")
