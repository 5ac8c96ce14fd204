"""The spaCy models with blis's products (spaCy's default) against numpy's OpenBLAS.

    python bench/nlp_blas.py [--docs 150]

One process, the same corpus pages (bench/nlp_throughput.py's sample) in the pieces the NLP
stage feeds: the NER model as ``witness.nlp`` loads it and the claims stage's parser, each
once with spaCy's default ops and once after ``witness.nlp.blas.numpy_gemm``, alternating.
Prints words per CPU-second and whether the two give the same entities / the same tags,
lemmas, heads and dependency labels.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import spacy  # noqa: E402

from witness.claims.extract import MODEL_NAMES  # noqa: E402
from witness.nlp import BATCH_SIZE, chunks  # noqa: E402
from witness.nlp.blas import numpy_gemm  # noqa: E402
from witness.nlp.pipeline import EXCLUDE, MODEL  # noqa: E402


def run(nlp, texts, what):
    c0 = time.process_time()
    out = []
    for doc in nlp.pipe(texts, batch_size=BATCH_SIZE):
        out.append(what(doc))
    return time.process_time() - c0, out


def entities(doc):
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def parses(doc):
    return [(t.tag_, t.lemma_, t.head.i, t.dep_) for t in doc]


def main(argv=None):
    from entities import corpus_root
    from nlp_throughput import sample
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=150)
    args = ap.parse_args(argv)
    docs = sample(corpus_root(), args.docs)
    texts = [piece for d in docs for _, piece in chunks(d.text)]
    words = sum(len(t.split()) for t in texts)
    parse_texts = texts[: max(1, len(texts) // 4)]   # the parser is slower; a quarter will do
    parse_words = sum(len(t.split()) for t in parse_texts)
    models = {
        "NER (ner only)": (lambda: spacy.load(MODEL, exclude=EXCLUDE), texts, words, entities),
        "claims parser": (lambda: spacy.load(MODEL_NAMES[-1], exclude=["ner", "senter"]),
                          parse_texts, parse_words, parses),
    }
    print(f"{len(docs)} pages, {len(texts)} pieces, {words:,} words (parser: {parse_words:,})\n")
    print("| model | products by | words | CPU s | words/CPU-s | ratio | same output |")
    print("|---|---|---|---|---|---|---|")
    for label, (load, tx, w, what) in models.items():
        default, ours = load(), numpy_gemm(load())
        run(default, tx[:5], what), run(ours, tx[:5], what)         # warm both
        times = {"blis (spaCy default)": [], "numpy OpenBLAS": []}
        outs = {}
        for _ in range(2):                                           # alternate: fair on a shared machine
            for name, nlp in (("blis (spaCy default)", default), ("numpy OpenBLAS", ours)):
                cpu, out = run(nlp, tx, what)
                times[name].append(cpu)
                outs[name] = out
        base = min(times["blis (spaCy default)"])
        same = outs["blis (spaCy default)"] == outs["numpy OpenBLAS"]
        for name, ts in times.items():
            cpu = min(ts)
            print(f"| {label} | {name} | {w:,} | {cpu:.1f} | {w / cpu:,.0f} | {base / cpu:.2f} | "
                  f"{'baseline' if name.startswith('blis') else ('yes' if same else 'NO')} |")


if __name__ == "__main__":
    main()
