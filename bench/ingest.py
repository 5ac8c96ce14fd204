"""Ingest benchmark: the whole corpus through `witness ingest --no-nlp`, beside a bare baseline.

Baseline (same run, same files): parse each page with lxml alone and insert its text into a
bare FTS5 table, on one process — the least any ingest must do.
Prints files/s, MB/s and peak RSS for both; with --db postgresql://… (or auto: a throw-away
PostgreSQL 15), the same ingest into PostgreSQL beside the SQLite one.

    python bench/ingest.py [--corpus DIR] [--limit N] [--workers 2] [--nlp] [--db postgresql://…|auto]
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


from _corpus import corpus_dir  # noqa: E402


def files_of(root: Path, limit: int | None, sample: int | None = None) -> list[Path]:
    from witness.pipeline import iter_files
    files = [f for f, _ in iter_files([root])]
    if sample:
        import random
        return sorted(random.Random(1937).sample(files, sample))
    return files[:limit] if limit else files


def baseline(files: list[Path], db: Path) -> tuple[float, int, float]:
    import lxml.html
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE t USING fts5(path, body)")
    start, size = time.perf_counter(), 0
    cpu0 = time.process_time()
    with con:
        for f in files:
            data = f.read_bytes()
            size += len(data)
            try:
                text = lxml.html.fromstring(data).text_content()
            except Exception:
                continue
            con.execute("INSERT INTO t VALUES (?, ?)", (str(f), text))
    con.close()
    return time.perf_counter() - start, size, time.process_time() - cpu0


def peak_rss_mb(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def run_witness(root: Path, files: list[Path], db, workers: int, nlp: bool) -> tuple[float, int, object]:
    """In a child process, so its peak RSS (and its workers') is measured apart from the baseline's."""
    code = (
        "import sys, json, resource; sys.path.insert(0, %r)\n"
        "from witness.store import open_store\nfrom witness.pipeline import ingest\n"
        "s = open_store(%r)\n"
        "r = ingest(s, [%r], nlp=%r, workers=%d, progress=False)\n"
        "s.close()\n"
        "print(json.dumps({'seconds': r.seconds, 'bytes': r.bytes, 'stored': r.stored, 'unchanged': r.unchanged,"
        " 'skipped': sum(r.skipped.values()), 'failed': len(r.failed),"
        " 'rss_self': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,"
        " 'rss_children': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,"
        " 'cpu_self': sum(resource.getrusage(resource.RUSAGE_SELF)[:2]),"
        " 'cpu_children': sum(resource.getrusage(resource.RUSAGE_CHILDREN)[:2])}))\n"
    ) % (str(ROOT / "src"), str(db), str(root), nlp, workers)
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                         env={**os.environ, "OPENBLAS_NUM_THREADS": "1"})
    import json
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus")
    ap.add_argument("--limit", type=int, help="the first N files")
    ap.add_argument("--sample", type=int, help="N files drawn at random (fixed seed)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--nlp", action="store_true", help="include the NLP and claim stages")
    ap.add_argument("--db", help="also ingest into this postgresql:// database (auto: a throw-away server)")
    args = ap.parse_args()
    root = corpus_dir(args.corpus)
    files = files_of(root, args.limit, args.sample)
    if args.limit or args.sample:  # ingest exactly these files: copy them into a temporary tree
        import shutil                # (copies: ingest declines symlinks that leave the input folder)
        tmp_root = Path(tempfile.mkdtemp(prefix="witness-bench-tree-"))
        for f in files:
            dest = tmp_root / f.relative_to(root)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, dest)
        root = tmp_root
    from _pg import postgres

    pg_runs = []
    with tempfile.TemporaryDirectory(prefix="witness-bench-") as tmp, postgres(args.db, "witness_ingest_bench") as pg:
        os.environ.setdefault("WITNESS_SEARCH_DIR", str(Path(tmp) / "pg-side-index"))
        b_secs, b_bytes, b_cpu = baseline(files, Path(tmp) / "baseline.db")
        b_rss = peak_rss_mb()
        w = run_witness(root, files, Path(tmp) / "witness.db", args.workers, args.nlp)
        again = run_witness(root, files, Path(tmp) / "witness.db", args.workers, args.nlp)
        if pg:
            pg_runs = [run_witness(root, files, pg, args.workers, args.nlp),
                       run_witness(root, files, pg, args.workers, args.nlp)]
    mb = b_bytes / 1e6
    label = f"witness ingest{'' if args.nlp else ' --no-nlp'} ({args.workers} workers)"
    def cpu(r):
        return r["cpu_self"] + r["cpu_children"]

    rows = [
        ("baseline: lxml + bare FTS5 (1 process)", len(files), b_secs, b_cpu, mb, b_rss),
        (f"{label}, SQLite", len(files), w["seconds"], cpu(w), w["bytes"] / 1e6, w["rss_self"] + w["rss_children"]),
        ("witness re-ingest, unchanged, SQLite", len(files), again["seconds"], cpu(again), again["bytes"] / 1e6,
         again["rss_self"] + again["rss_children"]),
    ]
    for name, r in zip((f"{label}, PostgreSQL", "witness re-ingest, unchanged, PostgreSQL"), pg_runs):
        rows.append((name, len(files), r["seconds"], cpu(r), r["bytes"] / 1e6, r["rss_self"] + r["rss_children"]))
    load = os.getloadavg()
    print(f"\ncorpus: {root}  ({len(files)} files, {mb:.1f} MB)   machine: {os.cpu_count()} cores, "
          f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} at the end\n")
    print(f"| {'run':<44} | {'files':>6} | {'seconds':>8} | {'CPU s':>7} | {'files/s':>8} | {'MB/s':>6} "
          f"| {'CPU ms/file':>11} | {'peak RSS MB':>11} |")
    print(f"|{'-' * 46}|{'-' * 8}|{'-' * 10}|{'-' * 9}|{'-' * 10}|{'-' * 8}|{'-' * 13}|{'-' * 13}|")
    for name, n, secs, cpu_s, mbytes, rss in rows:
        print(f"| {name:<44} | {n:>6} | {secs:>8.1f} | {cpu_s:>7.1f} | {n / secs:>8.1f} | {mbytes / secs:>6.2f} "
              f"| {1000 * cpu_s / n:>11.2f} | {rss:>11.0f} |")
    print("CPU s: user + sys of the process and its workers (the witness runs include interpreter start-up)")
    print(f"\nwitness: stored {w['stored']}, skipped {w['skipped']}, failed {w['failed']}; "
          f"re-run unchanged {again['unchanged']}")
    print(f"witness MB/s ÷ baseline MB/s = {(w['bytes'] / w['seconds']) / (b_bytes / b_secs):.2f} (floor 0.33); "
          f"in CPU time: baseline CPU ÷ witness CPU = {b_cpu / cpu(w):.2f}")
    if pg_runs:
        p = pg_runs[0]
        print(f"PostgreSQL: stored {p['stored']}, skipped {p['skipped']}, failed {p['failed']}; "
              f"re-run unchanged {pg_runs[1]['unchanged']}; MB/s ÷ baseline = "
              f"{(p['bytes'] / p['seconds']) / (b_bytes / b_secs):.2f}, ÷ SQLite = "
              f"{(p['bytes'] / p['seconds']) / (w['bytes'] / w['seconds']):.2f}")
        print("(the PostgreSQL server's own processes are not in the RSS column)")
    print("peak RSS of witness = main process + largest worker (ru_maxrss of children is the largest child)")


if __name__ == "__main__":
    main()
