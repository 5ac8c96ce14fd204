"""Throughput of the NLP stage: bare ``nlp.pipe`` against ``witness.nlp.annotate_many``.

    python bench/nlp_throughput.py [--docs 300] [--n-process 2]

Same texts (a fixed sample of corpus pages, read by the reader), same model, same number of
processes.  Bare runs: the full model (every component) and the model with only the
components our pipeline runs (``ner``); ours adds the authority's entity ruler, the rules
and linking, and builds Mention/Entity objects.  The issue's floor: ours ≥ 70 % of bare.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import spacy  # noqa: E402

from witness.ingest import read_path  # noqa: E402
from witness.ingest.base import Read  # noqa: E402
from witness.nlp import BATCH_SIZE, annotate_many, chunks, load_nlp  # noqa: E402
from witness.nlp.pipeline import EXCLUDE, MODEL  # noqa: E402


def sample(root: Path, n: int):
    files = sorted(p for p in root.rglob("*.htm*") if p.is_file())
    step = max(1, len(files) // (n * 3))
    docs = []
    for p in files[::step]:
        o = read_path(p, root)
        if isinstance(o, Read) and len(o.document.text) > 500:
            docs.append(o.document)
        if len(docs) >= n:
            break
    return docs


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the nlp.pipe workers)."""
    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime


def timed(fn):
    """(wall seconds, CPU seconds) of fn(): CPU time is the fairer figure on a shared machine."""
    t0, c0 = time.perf_counter(), _cpu()
    fn()
    return time.perf_counter() - t0, _cpu() - c0


def bare(nlp, texts, n_process, batch_size):
    def run():
        for _ in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
            pass
    return timed(run)


def main(argv=None):
    from entities import corpus_root
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    ap.add_argument("--skip-full", action="store_true", help="skip the full-model bare run")
    args = ap.parse_args(argv)
    docs = sample(corpus_root(), args.docs)
    # The bare runs get the same pieces ours feeds the model (long pages cut at paragraphs).
    texts = [piece for d in docs for _, piece in chunks(d.text)]
    words = sum(len(d.text.split()) for d in docs)
    print(f"{len(docs)} documents, {words} words, {len(texts)} pieces, "
          f"n_process={args.n_process}, batch_size={args.batch_size}")
    rows = []
    if not args.skip_full:
        full = spacy.load(MODEL)
        rows.append(("bare nlp.pipe, full model", bare(full, texts, args.n_process, args.batch_size)))
    ner = spacy.load(MODEL, exclude=EXCLUDE)
    rows.append(("bare nlp.pipe, ner only", bare(ner, texts, args.n_process, args.batch_size)))
    load_nlp()
    n_mentions = 0

    def run():
        nonlocal n_mentions
        for d in annotate_many(docs, n_process=args.n_process, batch_size=args.batch_size):
            n_mentions += len(d.mentions)
    rows.append(("witness annotate_many (ruler+rules+linking)", timed(run)))
    base_wall, base_cpu = dict(rows)["bare nlp.pipe, ner only"]
    print(f"{'':45} {'wall words/s':>13} {'ratio':>6} {'CPU words/s':>12} {'ratio':>6}")
    for label, (wall, cpu) in rows:
        print(f"{label:45} {words / wall:13.0f} {base_wall / wall:6.2f} {words / cpu:12.0f} "
              f"{base_cpu / cpu:6.2f}")
    print(f"mentions: {n_mentions}")
    wall, cpu = rows[-1][1]
    print(f"projected 32M-word corpus, NLP stage alone: {32e6 / (words / wall) / 60:.1f} min wall "
          f"here; {32e6 / (words / cpu) / 60 / args.n_process:.1f} min on {args.n_process} "
          f"free cores (CPU time / cores)")


if __name__ == "__main__":
    main()
