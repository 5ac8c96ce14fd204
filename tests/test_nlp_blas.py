"""numpy_gemm: the models multiply with numpy's OpenBLAS and say exactly what they said with blis."""

import spacy
from spacy.pipeline import TrainablePipe

from witness.claims.extract import MODEL_NAMES
from witness.nlp.blas import numpy_gemm
from witness.nlp.pipeline import EXCLUDE, MODEL

TEXT = ("On 3 April 1937 Henry Yagoda, the former People's Commissar of Internal Affairs, was "
        "arrested in Moscow. Izvestia reported that Rykov and Bukharin had been expelled from "
        "the Central Committee; Rakovsky was said to have confessed. Victor Serge, exiled to "
        "Orenburg in 1933, wrote from Brussels that Trotsky had never met Pyatakov in Oslo.")


def _layers_ops(nlp):
    return {(name, layer.name, type(layer.ops).__name__, getattr(layer.ops, "use_blis", None))
            for name, pipe in nlp.pipeline if isinstance(pipe, TrainablePipe)
            for layer in pipe.model.walk()}


def test_every_layer_multiplies_with_numpy():
    nlp = spacy.load(MODEL, exclude=EXCLUDE)
    assert any(blis for *_, blis in _layers_ops(nlp))          # spaCy's default is blis
    numpy_gemm(nlp)
    assert {blis for *_, blis in _layers_ops(nlp)} == {False}


def test_same_entities_and_parse():
    ner_default = spacy.load(MODEL, exclude=EXCLUDE)
    ner_numpy = numpy_gemm(spacy.load(MODEL, exclude=EXCLUDE))
    ents = lambda d: [(e.start_char, e.end_char, e.label_) for e in d.ents]  # noqa: E731
    assert ents(ner_numpy(TEXT)) == ents(ner_default(TEXT))
    assert len(ents(ner_numpy(TEXT))) >= 6
    parser_default = spacy.load(MODEL_NAMES[-1], exclude=["ner", "senter"])
    parser_numpy = numpy_gemm(spacy.load(MODEL_NAMES[-1], exclude=["ner", "senter"]))
    parse = lambda d: [(t.tag_, t.lemma_, t.head.i, t.dep_) for t in d]  # noqa: E731
    assert parse(parser_numpy(TEXT)) == parse(parser_default(TEXT))


def test_the_stage_pipelines_use_it():
    from witness.claims import get_parser
    from witness.nlp import load_nlp
    for nlp in (load_nlp(), get_parser()):
        assert {blis for *_, blis in _layers_ops(nlp)} == {False}
