"""Language detection: the numpy automaton walk (witness.language) answers exactly as py3langid."""

from __future__ import annotations

import numpy as np
import pytest

from witness import language
from witness.ingest import read_path
from witness.ingest.base import Read


def test_the_automaton_depth_constant_is_the_models():
    ident = language._identifier()
    assert language.automaton_depth(ident._nm, ident._rb) == language.AUTOMATON_DEPTH


def _pages(corpus_root, step: int = 90):
    # every folder outside archive/ (the other languages), and every 90th page of archive/
    files = sorted(p for p in corpus_root.rglob("*.htm*") if p.is_file())
    chosen = [p for p in files if p.relative_to(corpus_root).parts[0] != "archive"] + files[::step]
    for p in chosen:
        out = read_path(p)
        if isinstance(out, Read):
            yield out.document.text


@pytest.mark.corpus
def test_the_fast_walk_gives_py3langids_exact_scores(corpus_root):
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    stock = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    fast = language._identifier()
    seen, langs = 0, set()
    for text in _pages(corpus_root):
        body = language._FURNITURE.sub(" ", text[:language.SAMPLE * 2])[:language.SAMPLE]
        for sample in (body, text[:200], text[-3000:], "Ab", "5 é"):
            expected = stock._decide(sample)
            got = fast._decide(sample)
            assert np.array_equal(expected, got), sample[:80]          # every class's score, bit for bit
            assert fast.classify(sample) == stock.classify(sample)
            seen += 1
        langs.add(fast.classify(body)[0])
    assert seen > 1000 and {"en", "es", "it", "is"} <= langs, (seen, langs)


def test_texts_without_features_and_tiny_texts_match():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    stock = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    fast = language._identifier()
    for sample in ("", " ", "\x00", "a", "ab", "abcde", "abcdef", "Раковский", "日本語のテキスト", "x" * 5000):
        assert np.array_equal(stock._decide(sample), fast._decide(sample)), repr(sample)


def test_too_few_letters_is_no_answer():
    assert language.detect("1 2 3 " * 200 + "a" * 149) == (None, 0.0)
    lang, prob = language.detect("The workers of the world " * 10)
    assert lang == "en" and prob > 0.8
