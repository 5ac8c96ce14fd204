"""Trigger lexicon: which words (verbal and nominal forms) signal which predicate of claims.md.

Two views of the same lexicon:
- ``PREFILTER``: one regex over surface forms, used to pick candidate sentences cheaply before
  any parsing (it must over-match the lemma tables below, never under-match them);
- ``VERBS`` / ``NOUNS``: lemma → (predicate, role) used on the parse.  ``role`` says where the
  person stands: "patient" (the person undergoes it: *X was arrested*, *they shot X*) or
  "agent" (the person does it: *X wrote*, *X died*, *X met Y*).
"""

from __future__ import annotations

import re

PATIENT, AGENT = "patient", "agent"

VERBS: dict[str, tuple[str, str]] = {
    "arrest": ("arrested", PATIENT), "detain": ("arrested", PATIENT),
    "charge": ("charged", PATIENT), "accuse": ("charged", PATIENT), "indict": ("charged", PATIENT),
    "try": ("tried", PATIENT),
    "sentence": ("sentenced", PATIENT), "condemn": ("sentenced", PATIENT),
    "execute": ("executed", PATIENT), "shoot": ("executed", PATIENT), "spare": ("executed", PATIENT),
    "imprison": ("imprisoned", PATIENT), "jail": ("imprisoned", PATIENT), "intern": ("imprisoned", PATIENT),
    "incarcerate": ("imprisoned", PATIENT),
    "exile": ("exiled", PATIENT), "deport": ("exiled", PATIENT), "banish": ("exiled", PATIENT),
    "release": ("released", PATIENT), "free": ("released", PATIENT), "liberate": ("released", PATIENT),
    "expel": ("expelled", PATIENT),
    "rehabilitate": ("rehabilitated", PATIENT),
    "appoint": ("held_office", PATIENT), "elect": ("held_office", PATIENT),
    "name": ("held_office", PATIENT), "nominate": ("held_office", PATIENT),
    "award": ("awarded", PATIENT), "decorate": ("awarded", PATIENT),
    "write": ("wrote", AGENT), "publish": ("wrote", AGENT),
    "sign": ("signed", AGENT),
    "meet": ("met", AGENT),
    "bear": ("born", PATIENT),
    "die": ("died", AGENT), "kill": ("died", PATIENT), "murder": ("died", PATIENT),
    "assassinate": ("died", PATIENT),
    "disappear": ("disappeared", AGENT), "vanish": ("disappeared", AGENT),
    # from the survey and the blind dev pages: how else the corpus says it
    "hang": ("executed", PATIENT), "guillotine": ("executed", PATIENT), "behead": ("executed", PATIENT),
    "lynch": ("died", PATIENT), "poison": ("died", PATIENT), "strangle": ("died", PATIENT),
    "drown": ("died", AGENT), "perish": ("died", AGENT), "succumb": ("died", AGENT),
    "emigrate": ("exiled", AGENT), "flee": ("exiled", AGENT),
    "convict": ("tried", PATIENT), "acquit": ("tried", PATIENT), "prosecute": ("tried", PATIENT),
    "rearrest": ("arrested", PATIENT), "re-arrest": ("arrested", PATIENT),
    "readmit": ("rehabilitated", PATIENT), "reinstate": ("rehabilitated", PATIENT),
    "amnesty": ("released", PATIENT), "exclude": ("expelled", PATIENT),
}
# Verbs with a fixed object or particle: (lemma, object or particle lemma) → predicate, role.
PHRASES: dict[tuple[str, str], tuple[str, str]] = {
    ("lose", "life"): ("died", AGENT), ("take", "refuge"): ("exiled", AGENT),
    ("pass", "away"): ("died", AGENT), ("put", "death"): ("executed", PATIENT),
    ("seek", "refuge"): ("exiled", AGENT), ("seek", "asylum"): ("exiled", AGENT),
    ("leave", "country"): ("exiled", AGENT), ("throw", "jail"): ("imprisoned", PATIENT),
    ("drive", "out"): ("expelled", PATIENT), ("cast", "out"): ("expelled", PATIENT),
    ("send", "siberia"): ("exiled", PATIENT), ("send", "death"): ("executed", PATIENT),
    ("put", "trial"): ("tried", PATIENT), ("stand", "trial"): ("tried", AGENT),
    # from the dev and train pages' misses: a state said by leaving it or by enduring it
    ("place", "trial"): ("tried", PATIENT), ("place", "liberty"): ("released", PATIENT),
    ("set", "liberty"): ("released", PATIENT), ("take", "prisoner"): ("arrested", PATIENT),
    ("suffer", "imprisonment"): ("imprisoned", AGENT), ("serve", "sentence"): ("imprisoned", AGENT),
    ("escape", "siberia"): ("exiled", AGENT), ("escape", "exile"): ("exiled", AGENT),
    ("return", "exile"): ("exiled", AGENT), ("escape", "prison"): ("imprisoned", AGENT),
    ("escape", "jail"): ("imprisoned", AGENT), ("escape", "gaol"): ("imprisoned", AGENT),
}
# Verbs that say a state by its end: "escaped from Siberia in 1907" dates the escape, not the exile.
LEAVING = {"escape", "return"}

# Nouns: the person is the "of"-object, the possessor ("X's arrest") or a compound ("the Zinoviev trial").
NOUNS: dict[str, str] = {
    "arrest": "arrested", "detention": "arrested",
    "accusation": "charged", "indictment": "charged",
    "trial": "tried",
    "execution": "executed", "shooting": "executed",
    "imprisonment": "imprisoned", "incarceration": "imprisoned",
    "exile": "exiled", "deportation": "exiled", "banishment": "exiled",
    "release": "released", "liberation": "released",
    "expulsion": "expelled",
    "rehabilitation": "rehabilitated",
    "death": "died", "murder": "died", "assassination": "died", "suicide": "died",
    "sentence": "sentenced", "internment": "imprisoned",
    "disappearance": "disappeared",
    "emigration": "exiled", "captivity": "imprisoned", "custody": "arrested",
    "defendant": "tried", "defendants": "tried", "prosecution": "tried", "conviction": "tried",
    "acquittal": "tried", "hanging": "executed", "killing": "died", "assassin": "died", "murderer": "died",
    "body": "died", "corpse": "died", "funeral": "died", "grave": "died", "burial": "died",
    "deportee": "exiled", "émigré": "exiled", "emigre": "exiled", "exile_person": "exiled",
    "prisoner": "imprisoned", "fellow-prisoner": "imprisoned", "inmate": "imprisoned",
    "election": "held_office", "re-election": "held_office", "appointment": "held_office",
}
# Person nouns of an event (the person *is* the defendant, the prisoner, the émigré): they take the
# person by apposition or copula ("Trotsky and Sedov were the chief defendants", "Lenin, an émigré").
PERSON_NOUNS = {"defendant", "defendants", "deportee", "émigré", "emigre", "prisoner", "fellow-prisoner",
                "inmate", "exile"}
# Event nouns whose "of"-object is not the one it happened to: "the murderer of Kirov" is about
# Kirov's death, but "the body of the party" is no death — they need a person as the object.
NEEDS_PERSON_OF = {"body", "corpse", "funeral", "grave", "burial", "assassin", "murderer", "killing",
                   "election", "re-election", "appointment"}

# Places of confinement: "X is in prison", "keeping him in jail", "his years in prison".
PRISON_NOUNS = {"prison", "jail", "gaol", "camp", "dungeon", "cell", "penitentiary", "isolator",
                "fortress", "prisons", "jails", "camps", "cells", "custody", "captivity", "bars"}
# … and of exile: "Pelikan is now in exile", "went into exile", "the years of emigration".
EXILE_NOUNS = {"exile", "emigration", "banishment"}
# Verbs whose subject is the one confined ("X is / remains / sits in prison") …
IN_PRISON_SUBJECT = {"be", "remain", "sit", "languish", "rot", "spend", "stay", "die", "live"}
# … and whose object is ("they keep / hold / put / throw / lodge X in prison").
IN_PRISON_OBJECT = {"keep", "hold", "put", "throw", "lodge", "place", "send", "confine", "cast",
                    "shut", "lock", "detain", "transfer", "take"}

# "expelled from the U.S.S.R." is exile from a country, "expelled from the Party" is `expelled`.
COUNTRY_WORDS = re.compile(
    r"\b(u\.?s\.?s\.?r|soviet union|russia|country|france|germany|norway|turkey|mexico|"
    r"england|britain|italy|spain|poland|austria|switzerland|belgium|america|united states|territor(?:y|ies))\b", re.I)

# Surface forms for the cheap prefilter: every word of the trigger, role, authorship and meeting
# lexicons, each as a stem with its inflections (it must over-match, never under-match;
# tests/test_claim_prefilter.py checks every lexicon word's forms against it), plus the nouns and
# stems below that the rules look for by surface. A sentence parsed for nothing costs as much as
# one that yields a claim, so a short stem that would take in common words ("sign" →
# significant, "free" → freedom, "intern" → international, "Gen." → general) is a whole word
# with its own endings.
_PREFILTER_EXTRA = r"""arrest detain detention charg accus indict tri(?:ed|al|als) sentenc condemn execut shot shoot
spared? imprison jail incarcerat exil deport banish releas liberat expel expuls rehabilit
appoint elect publish award decorat wr(?:ote|itten|ites?|iting) di(?:ed|es|e)
dying dead death suicide kill murder assassinat disappear nominat prisons? jails? gaol
camps? dungeons? cells? brought bring vanish members? ex-members? join enlist entered
hanged hang hung guillotin lynch emigra fled flee refuge gaol escap driv lost perish drown defendant
prisoner inmate custody captivity émigré emigre deportee bodies body corpse funeral grave burial assassin
murderer convict acquit prosecut writer leadership acquaint friend liberty""".split()
# Whole words: a lexicon word's own endings where its stem would over-match, irregular forms,
# abbreviations, and the phrases a rule reads without a trigger ("as Marx put it", "Trotsky quotes").
_PREFILTER_WORDS = {
    "free": r"free(?:s|d|ing)?", "sign": r"sign(?:s|ed|ing|ature|atures|atory|atories)?",
    "intern": r"intern(?:s|ed|ing|ee|ees|ment|ments)?", "name": r"nam(?:e|es|ed|ing)",
    "author": r"author(?:s|ess|esses|ed|ing|ship)?", "bear": r"b(?:ear|ears|earing|ore|orne?)",
    "meet": r"me(?:et|ets|eting|etings|t)", "lead": r"le(?:d|ad|ads|ading|ader|aders)",
    "life": r"life", "speak": r"sp(?:eak|eaks|eaking|oke|oken)", "spend": r"spen(?:d|ds|ding|t)",
    "stay": r"stay(?:s|ed|ing)?", "dine": r"din(?:e|es|ed|ing)", "try": r"tr(?:y|ies|ied|ying)",
    "quote": r"quot(?:e|es|ed|ing)", "pen": r"pen(?:s|ned|ning|t)?", "put it": r"puts?\s+it",
}


def _stem(word: str) -> str:
    """The word as a prefix pattern that takes its inflections ("study" → "stud(?:y|ie)": studies,
    studied; "negotiate" → "negotiat(?:e|ing)")."""
    w = re.escape(word)
    if re.search(r"[^aeiou]y$", word):
        return w[:-1] + "(?:y|ie)"
    if word.endswith("e") and not word.endswith("ee") and len(word) > 4:
        return w[:-1] + "(?:e|ing)"
    return w


def _prefilter():
    from .works import WORK_NOUNS, WRITING_VERBS
    from .correspondence import SENT_NOUNS
    from .meetings import MEET_NOUNS, MEET_VERBS, WITH_VERBS
    from .role_words import MEMBER_NOUNS, OFFICE_NOUNS, PARTY_WORDS, TITLES
    stems, whole = set(_PREFILTER_EXTRA), set(_PREFILTER_WORDS.values())
    for group in (OFFICE_NOUNS, TITLES, MEMBER_NOUNS, WORK_NOUNS, SENT_NOUNS, WRITING_VERBS, PARTY_WORDS, VERBS, NOUNS,
                  MEET_VERBS, WITH_VERBS, MEET_NOUNS):
        for w in group:
            if "_" in w or w in _PREFILTER_WORDS:
                continue
            if w.endswith(".") or len(w) <= 3:         # an abbreviation ("Gen.", "Sen.") is a word of its own
                whole.add(re.escape(w.rstrip(".")))
            else:
                stems.add(_stem(w))
    # (+ "M.P."; a person's possessive before a title, a title with its year or "by" a person
    # are found by the candidates' mention check, where the person is known)
    return re.compile(rf"(?<![\w])(?:(?:{_factored(stems)})\w*|(?:{_factored(whole)})\b)|\bM\.\s?P\.", re.I)


def _factored(alternatives) -> str:
    """The alternatives as one pattern with their common leading letters factored out, a trie
    ("arrest|accuse" → "a(?:rrest|ccuse)"): the regex engine tries every alternative at every
    word of every sentence, and a trie lets it drop all but a few at the first letter (the
    prefilter runs over all the text; unfactored it took a tenth of the claim stage)."""
    groups: dict[str, list[str]] = {}
    rest = []
    for a in alternatives:
        # a letter can be split off unless a quantifier applies to it ("spared?")
        if a[:1].isalnum() and a[1:2] not in ("?", "*", "+", "{"):
            groups.setdefault(a[0].lower(), []).append(a[1:])
        else:
            rest.append(a)
    parts = []
    for c, tails in sorted(groups.items()):
        if len(tails) == 1:
            parts.append(c + tails[0])
        else:
            ends = "" in tails
            inner = _factored([t for t in tails if t])
            parts.append(f"{c}(?:{inner}){'?' if ends else ''}")
    return "|".join(parts + sorted(rest, key=len, reverse=True))


class _Lazy:
    """The prefilter, compiled on first use (the lexicons import each other)."""
    _rx = None

    def search(self, text, *a):
        if _Lazy._rx is None:
            _Lazy._rx = _prefilter()
        return _Lazy._rx.search(text, *a)


PREFILTER = _Lazy()
