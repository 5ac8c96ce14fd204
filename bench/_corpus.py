"""Where the benchmarks find the MIA corpus: unpacked once from ../shared into .corpus/."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_dir(arg: str | None = None) -> Path:
    """`arg` if given, else the pages folder unpacked from shared/corpus/mia-9k.tar.xz."""
    if arg:
        return Path(arg)
    shared = Path(os.environ.get("WITNESS_SHARED", ROOT.parent / "shared"))
    out = subprocess.run(["bash", str(shared / "corpus/unpack.sh"), str(ROOT / ".corpus")],
                         check=True, capture_output=True, text=True).stdout.strip()
    return Path(out)


def gold_paths() -> set[str]:
    """Source paths of every page in a gold set under tests/gold/ (benchmarks of unseen pages skip them)."""
    out = set()
    for p in (ROOT / "tests" / "gold").rglob("*.json"):
        try:
            d = json.loads(p.read_text(encoding="utf-8"))
        except ValueError:
            continue
        for x in (d if isinstance(d, list) else [d]):
            if isinstance(x, dict) and isinstance(x.get("path"), str):
                out.add(x["path"])
    return out
