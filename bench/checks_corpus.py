"""Run every check over the whole corpus and print the findings per rule.

    python bench/checks_corpus.py [CORPUS_ROOT] [--out findings.jsonl] [--sample N --seed S]

CORPUS_ROOT defaults to /tmp/corpus/corpus (the unpacked mia-9k).  Pages are read with
``witness.ingest.read_path`` in a Pool(2).  ``--out`` writes every finding with 80 characters
of context either side, for inspection by hand; ``--sample N`` prints N random findings per
rule from that run (the sample the false-positive rates in docs/checks.md were judged on).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from witness.checks import RULES, run_checks  # noqa: E402
from witness.ingest import read_path  # noqa: E402
from witness.ingest.base import Read  # noqa: E402

ROOT = Path("/tmp/corpus/corpus")


def _work(args: tuple[str, str]) -> tuple[str, list[dict]]:
    path, root = args
    try:
        out = read_path(Path(path), Path(root))
    except Exception as exc:  # a reader crash is the reader's bug; count it, keep going
        return "crashed", [{"path": path, "error": repr(exc)}]
    if not isinstance(out, Read):
        return type(out).__name__.lower(), []
    doc = out.document
    rows = []
    for f in run_checks(doc):
        rows.append({"path": doc.source.path, "rule": f.rule, "severity": f.severity,
                     "start": f.start, "end": f.end, "message": f.message,
                     "suggestion": f.suggestion,
                     "context": doc.text[max(0, f.start - 80):f.end + 80]})
    return "read", rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("root", nargs="?", default=str(ROOT))
    ap.add_argument("--out", default=None)
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    root = Path(args.root)
    files = sorted(str(p) for p in root.rglob("*") if p.is_file())
    t0 = time.perf_counter()
    outcomes: Counter[str] = Counter()
    rows: list[dict] = []
    docs_with: Counter[str] = Counter()
    with Pool(2) as pool:
        for kind, found in pool.imap_unordered(_work, [(f, str(root)) for f in files],
                                               chunksize=16):
            outcomes[kind] += 1
            if kind == "read":
                rows.extend(found)
                for r in {r["rule"] for r in found}:
                    docs_with[r] += 1
    elapsed = time.perf_counter() - t0
    per_rule = Counter(r["rule"] for r in rows)
    print(f"{len(files)} files in {elapsed:.0f} s: " +
          ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    print(f"{'rule':<20} {'findings':>9} {'documents':>10}")
    for rule_id, r in RULES.items():
        if r.needs:
            print(f"{rule_id:<20} {'—':>9} {'—':>10}  (needs {', '.join(r.needs)}: not run)")
            continue
        print(f"{rule_id:<20} {per_rule[rule_id]:>9} {docs_with[rule_id]:>10}")
    print(f"{'total':<20} {sum(per_rule.values()):>9}")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    if args.sample:
        rng = random.Random(args.seed)
        for rule_id in RULES:
            if RULES[rule_id].needs:
                continue
            mine = [r for r in rows if r["rule"] == rule_id]
            for r in rng.sample(mine, min(args.sample, len(mine))):
                print(f"\n[{rule_id}] {r['path']}\n  {r['message']}\n  …{r['context']!r}…")


if __name__ == "__main__":
    main()
