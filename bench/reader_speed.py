"""Reader speed: every corpus file through `witness.ingest.read_path`, ms/page per stage.

    python bench/reader_speed.py [--corpus DIR] [--limit N] [--profile] [--dump FILE] [--workers N]
                                 [--baseline] [--total]

Stages are timed by wrapping the reader's own functions (whatever of them exists), so the
figures are per page on one process; "other" is what no wrapper saw (mostly the lxml parse).
`--dump FILE` writes one JSON line per file (outcome, reason, full document JSON and extra),
sorted by path, so two runs can be compared with `cmp` / `diff` to prove the output unchanged.
`READER_SRC=DIR` runs the reader found under DIR (a saved copy of src/) for a before/after.
`--workers N` (dump only) spreads the reading over N processes and skips timing.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import time
from collections import defaultdict
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# READER_SRC=/some/copy/of/src times another version of the reader in the same session.
sys.path.insert(0, os.environ.get("READER_SRC") or str(ROOT / "src"))

from witness.ingest import Failed, Read, Skipped, read_path  # noqa: E402


from _corpus import corpus_dir  # noqa: E402


def all_files(root: Path) -> list[Path]:
    # Every file (not the pipeline's filtered list): the dump must cover skips and failures too.
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        out.extend(Path(dirpath) / n for n in sorted(filenames))
    return out


def record_of(job: tuple[str, str]) -> str:
    path, root = Path(job[0]), Path(job[1])
    out = read_path(path, root)
    row: dict = {"relpath": path.relative_to(root).as_posix(), "kind": type(out).__name__}
    if isinstance(out, Skipped):
        row["reader"], row["reason"] = out.reader, out.reason
    elif isinstance(out, Failed):
        row["reasons"] = out.reasons
    elif isinstance(out, Read):
        row["document"] = out.document.to_json()
        row["extra"] = out.document.extra
    return json.dumps(row, ensure_ascii=False, sort_keys=True, default=repr)


# (module, attribute) pairs timed as stages; missing ones are ignored so the bench outlives refactors.
STAGES = [
    ("witness.ingest.mia_html", "sniff"), ("witness.ingest.mia_html", "declared_charset"),
    ("witness.ingest.mia_html", "decode"), ("witness.ingest.mia_html", "_parse"),
    ("witness.ingest.mia_html._Page", "_scan"), ("witness.ingest.mia_html._Page", "_find_calls"),
    ("witness.ingest.mia_html._Page", "body_text"), ("witness.ingest.mia_html._Page", "index_reason"),
    ("witness.ingest.mia_html._Page", "credits_in_body"), ("witness.ingest.mia_html._Page", "record"),
    ("witness.ingest.mia_html._Page", "notes"), ("witness.ingest.mia_html", "_extra"),
]


def instrument(totals: dict) -> None:
    import importlib
    for owner, attr in STAGES:
        mod_name, _, cls = owner.partition("._")
        mod = importlib.import_module(mod_name)
        target = getattr(mod, "_" + cls) if cls else mod
        fn = getattr(target, attr, None)
        if fn is None:
            continue
        label = f"{cls and '_' + cls + '.'}{attr}"

        def wrap(fn=fn, label=label):
            def timed(*a, **k):
                t = time.perf_counter()
                try:
                    return fn(*a, **k)
                finally:
                    totals[label] += time.perf_counter() - t
            return timed
        setattr(target, attr, wrap())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--profile", action="store_true", help="cProfile top functions instead of stages")
    ap.add_argument("--dump", help="write one JSON line per file here")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--total", action="store_true", help="no stage wrappers: the total alone")
    ap.add_argument("--baseline", action="store_true",
                    help="also time bare lxml.html.fromstring + text_content on the same files")
    args = ap.parse_args()
    root = corpus_dir(args.corpus)
    files = all_files(root)
    if args.limit:
        files = files[:args.limit]
    jobs = [(str(f), str(root)) for f in files]
    if args.dump and args.workers > 1:
        with Pool(args.workers) as pool, open(args.dump, "w") as out:
            for line in pool.imap(record_of, jobs, chunksize=32):
                out.write(line + "\n")
        print(f"{len(jobs)} files dumped to {args.dump}")
        return
    size = sum(f.stat().st_size for f in files)
    if args.baseline:
        import lxml.html
        t0, c0 = time.perf_counter(), time.process_time()
        for f in files:
            try:
                lxml.html.fromstring(f.read_bytes()).text_content()
            except Exception:  # noqa: BLE001 - the baseline only times what parses
                pass
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"bare lxml: {wall * 1000 / len(files):.3f} ms/file, {size / 1e6 / wall:.2f} MB/s; "
              f"CPU {cpu * 1000 / len(files):.3f} ms/file, {size / 1e6 / cpu:.2f} MB/s")
    totals: dict = defaultdict(float)
    if not args.profile and not args.total:
        instrument(totals)
    out = open(args.dump, "w") if args.dump else None
    prof = cProfile.Profile() if args.profile else None
    kinds: dict = defaultdict(int)
    t0, c0 = time.perf_counter(), time.process_time()
    if prof:
        prof.enable()
    for job in jobs:
        if out:
            line = record_of(job)
            out.write(line + "\n")
        else:
            kinds[type(read_path(Path(job[0]), Path(job[1]))).__name__] += 1
    if prof:
        prof.disable()
    wall = time.perf_counter() - t0
    cpu = time.process_time() - c0  # steadier than wall time on a shared machine
    if out:
        out.close()
    n = len(jobs)
    print(f"{n} files, {size / 1e6:.1f} MB, {wall:.1f} s: {wall * 1000 / n:.3f} ms/file, "
          f"{size / 1e6 / wall:.2f} MB/s; CPU {cpu * 1000 / n:.3f} ms/file, {size / 1e6 / cpu:.2f} MB/s "
          f"{dict(kinds) if kinds else ''} (load {os.getloadavg()[0]:.2f})")
    if prof:
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
        return
    seen = 0.0
    for label, secs in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"  {label:28s} {secs * 1000 / n:7.3f} ms/file")
        if not label.startswith("_Page.") or label in ("_Page._scan", "_Page.body_text", "_Page.record",
                                                       "_Page.notes", "_Page.credits_in_body",
                                                       "_Page.index_reason"):
            seen += secs
    print(f"  {'other (parse, read, ids…)':28s} {(wall - seen) * 1000 / n:7.3f} ms/file"
          "  (_find_calls is inside body_text)")


if __name__ == "__main__":
    main()
