"""Throughput of the NLP stage: bare ``nlp.pipe`` against ``witness.nlp.annotate_many``.

    python bench/nlp_throughput.py [--docs 300] [--n-process 2]

Same texts (a fixed sample of corpus pages, read by the reader), same model, same number of
processes, the same matrix products (witness.nlp.blas).  Bare runs: the full model (every
component) and the model with only the components our pipeline runs (``ner``); ours adds the authority's entity ruler, the rules
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
from witness.nlp.blas import numpy_gemm  # noqa: E402
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
    ap.add_argument("--write", action="store_true",
                    help="write the figures into docs/quality-entities.md (## Throughput)")
    args = ap.parse_args(argv)
    docs = sample(corpus_root(), args.docs)
    # The bare runs get the same pieces ours feeds the model (long pages cut at paragraphs).
    texts = [piece for d in docs for _, piece in chunks(d.text)]
    words = sum(len(d.text.split()) for d in docs)
    print(f"{len(docs)} documents, {words} words, {len(texts)} pieces, "
          f"n_process={args.n_process}, batch_size={args.batch_size}")
    rows = []
    if not args.skip_full:
        full = numpy_gemm(spacy.load(MODEL))
        rows.append(("bare nlp.pipe, full model", bare(full, texts, args.n_process, args.batch_size)))
    ner = numpy_gemm(spacy.load(MODEL, exclude=EXCLUDE))
    rows.append(("bare nlp.pipe, ner only", bare(ner, texts, args.n_process, args.batch_size)))
    load_nlp()
    n_mentions = 0

    def run():
        nonlocal n_mentions
        for d in annotate_many(docs, n_process=args.n_process, batch_size=args.batch_size):
            n_mentions += len(d.mentions)
    rows.append(("witness annotate_many (ruler+rules+linking)", timed(run)))
    base_wall, base_cpu = dict(rows)["bare nlp.pipe, ner only"]
    out = [f"{len(docs)} corpus pages, {words} words, n_process={args.n_process}, "
           f"batch_size={args.batch_size}, OPENBLAS_NUM_THREADS="
           f"{os.environ.get('OPENBLAS_NUM_THREADS')}", "",
           "| run | words/s (wall) | ratio | words per CPU-second | ratio |", "|---|---|---|---|---|"]
    for label, (wall, cpu) in rows:
        out.append(f"| {label} | {words / wall:.0f} | {base_wall / wall:.2f} | {words / cpu:.0f} "
                   f"| {base_cpu / cpu:.2f} |")
    wall, cpu = rows[-1][1]
    out += ["", f"Mentions found: {n_mentions}.  Projected NLP stage for the 32M-word corpus: "
            f"{32e6 / (words / wall) / 60:.1f} min at this run's wall speed; "
            f"{32e6 / (words / cpu) / 60 / args.n_process:.1f} min on {args.n_process} free "
            "cores (CPU time / cores).  Ratios are against bare `nlp.pipe` of the same model "
            "with the same components (ner only); wall figures suffer from whatever else runs "
            "on the machine, CPU figures much less."]
    print("\n".join(out))
    if args.write:
        path = ROOT / "docs" / "quality-entities.md"
        text = path.read_text() if path.exists() else "# Entities\n"
        if "\n## Throughput" in text:
            text = text[:text.index("\n## Throughput")]
        path.write_text(text.rstrip("\n") + "\n\n## Throughput\n\nMeasured by "
                        "`python bench/nlp_throughput.py --write`.\n\n" + "\n".join(out) + "\n")


if __name__ == "__main__":
    main()
