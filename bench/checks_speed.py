"""Time each transcription check over corpus documents, and dump every finding for diffing.

    python bench/checks_speed.py [ROOT] [-n N] [--cache FILE] [--repeat R]
                                 [--dump FILE] [--compare DIR]

ROOT defaults to .corpus/corpus (``bash /work/shared/corpus/unpack.sh .corpus`` if missing).
``-n N`` reads N documents spread evenly over the sorted file list (0 = all).  Reading (lxml)
is far slower than the checks, so ``--cache FILE`` pickles the read documents and reuses them
on the next run (keep it in /tmp).  The table gives, per rule, the time over the documents
``run_checks`` would run it on (English-only rules on English documents only), in ms per MB
of body text (CPU time of the process, best of R); "run_checks" is the runner with every
rule, the figure that counts for ingest.

``--dump FILE`` writes every finding of ``run_checks(doc)`` over the chosen documents as JSONL
(doc id, rule, start, end, message, suggestion), sorted, computed in a Pool(2): dumps from
before and after a change must be byte-identical (``cmp a.jsonl b.jsonl``).

``--compare DIR`` times, in the same run and interleaved, a frozen copy of the checks package
importable from DIR as ``witness_checks_old`` (a scratch copy of src/witness/checks with
``from ..x`` rewritten to ``from witness.x``), so noise on a shared machine hits both alike.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import pickle
import sys
import time
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from witness.checks import RULES, run_checks  # noqa: E402
from witness.checks import lexicon  # noqa: E402
from witness.checks.language import looks_english  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent / ".corpus" / "corpus"


def _read(args: tuple[str, str]):
    from witness.ingest import read_path
    from witness.ingest.base import Read

    path, root = args
    try:
        out = read_path(Path(path), Path(root))
    except Exception:  # a reader crash is the reader's business, not the checks'
        return None
    return out.document if isinstance(out, Read) else None


def load_docs(root: Path, n: int, cache: str | None) -> list:
    if cache and os.path.exists(cache):
        with open(cache, "rb") as fh:
            docs = pickle.load(fh)
        if n and n < len(docs):
            step = len(docs) / n
            docs = [docs[int(i * step)] for i in range(n)]
        return docs
    files = sorted(str(p) for p in root.rglob("*") if p.is_file())
    if n and n < len(files):
        step = len(files) / n
        files = [files[int(i * step)] for i in range(n)]
    with Pool(2) as pool:
        docs = [d for d in pool.imap(_read, [(f, str(root)) for f in files], chunksize=16) if d]
    if cache:
        with open(cache, "wb") as fh:
            pickle.dump(docs, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return docs


def _findings(doc) -> list[str]:
    return [json.dumps({"doc": doc.id, "rule": f.rule, "start": f.start, "end": f.end,
                        "message": f.message, "suggestion": f.suggestion},
                       ensure_ascii=False, sort_keys=True)
            for f in run_checks(doc)]


def dump(docs: list, path: str) -> int:
    lines: list[str] = []
    with Pool(2) as pool:
        for rows in pool.imap(_findings, docs, chunksize=8):
            lines.extend(rows)
    lines.sort()
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(line + "\n" for line in lines)
    return len(lines)


# CPU time of this process: on a shared 2-core machine, wall time also counts the time other
# jobs hold the core, which swamps the differences measured here.
_clock = time.process_time


def _time_rules(rules: dict, english_fn, runner, docs: list, english: list[bool]) -> dict:
    """Seconds per rule (over the documents the runner would run it on) and for the runner."""
    out: dict[str, float] = {}
    t0 = _clock()
    for d in docs:
        english_fn(d)
    out["looks_english"] = _clock() - t0
    for rid, r in rules.items():
        if r.needs:
            continue
        chosen = [d for d, en in zip(docs, english) if en or not r.english_only]
        t0 = _clock()
        for d in chosen:
            r(d, {})
        out[rid] = _clock() - t0
    t0 = _clock()
    for d in docs:
        runner(d)
    out["run_checks"] = _clock() - t0
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", nargs="?", default=str(ROOT))
    ap.add_argument("-n", type=int, default=1500, help="documents (0 = all)")
    ap.add_argument("--cache", default=None, help="pickle of read documents (in /tmp)")
    ap.add_argument("--repeat", type=int, default=3, help="best of R timings")
    ap.add_argument("--dump", default=None, help="write every finding as sorted JSONL")
    ap.add_argument("--no-time", action="store_true", help="only --dump")
    ap.add_argument("--compare", default=None, help="dir holding witness_checks_old")
    args = ap.parse_args()

    t0 = time.perf_counter()
    docs = load_docs(Path(args.root), args.n, args.cache)
    chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} documents, {chars / 1e6:.1f} M chars, read in "
          f"{time.perf_counter() - t0:.1f} s; load average {os.getloadavg()[0]:.2f}")
    if args.dump:
        t0 = time.perf_counter()
        count = dump(docs, args.dump)
        print(f"{count} findings written to {args.dump} in {time.perf_counter() - t0:.1f} s")
    if args.no_time:
        return

    lexicon.words(), lexicon.nouns_only()  # loaded once per process, not a per-document cost
    english = [looks_english(d) for d in docs]
    sides = {"new": (RULES, looks_english, run_checks)}
    if args.compare:
        sys.path.insert(0, args.compare)
        old = importlib.import_module("witness_checks_old")
        old_lang = importlib.import_module("witness_checks_old.language")
        old_lex = importlib.import_module("witness_checks_old.lexicon")
        old_lex.words(), old_lex.nouns_only()
        sides = {"old": (old.RULES, old_lang.looks_english, old.run_checks), **sides}
    best: dict[str, dict[str, float]] = {k: {} for k in sides}
    gc.disable()  # collections triggered by one side's garbage would be billed to the other
    for _ in range(args.repeat):
        for name, (rules, eng, runner) in sides.items():
            for rid, secs in _time_rules(rules, eng, runner, docs, english).items():
                best[name][rid] = min(secs, best[name].get(rid, float("inf")))
            gc.collect()
    gc.enable()
    mb = chars / 1e6
    names = list(sides)
    head = "".join(f"{n + ' s':>9}{n + ' ms/MB':>12}" for n in names)
    print(f"{'rule':<20}{head}" + (f"{'speed-up':>10}" if len(names) == 2 else ""))
    for rid in best["new"]:
        row = "".join(f"{best[n][rid]:>9.3f}{best[n][rid] * 1e3 / mb:>12.1f}" for n in names)
        if len(names) == 2:
            new = best["new"][rid]
            row += f"{(best['old'][rid] / new if new > 1e-4 else float('nan')):>9.1f}x"
        print(f"{rid:<20}{row}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
