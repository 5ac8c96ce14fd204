"""Import the blind annotators' claim files into tests/gold/claims-blind/{dev,test}/.

    python tools/gold_import.py /tmp/claims-annot/out
    python tools/gold_import.py /tmp/claims-train/out train-sample.json     # the training pages

Each annotator file (pageNN.json, NN = the page's position in sample.json) becomes
`<split>/NN-<slug>.json` with the page's path, the document date the annotator was shown, the
window located by its first and last words, and the annotations unchanged.  Nothing about the
system's output is read or written here.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "tests" / "gold" / "claims-blind"
ANCHOR = 80


def main(folder: str, sample_file: str = "sample.json") -> None:
    sample = json.loads((BLIND / sample_file).read_text(encoding="utf-8"))
    src = Path(folder)
    n = 0
    for k, x in enumerate(sample, 1):
        f = src / f"page{k:02d}.json"
        if not f.exists():
            print(f"missing: {f.name} ({x['path']})")
            continue
        ann = json.loads(f.read_text(encoding="utf-8"))
        if ann.get("path") not in (None, x["path"]):
            raise SystemExit(f"{f}: path {ann.get('path')!r} is not the sample's {x['path']!r}")
        page = (src.parent / f"page{k:02d}.txt").read_text(encoding="utf-8")
        window = (src.parent / f"page{k:02d}.window.txt").read_text(encoding="utf-8")
        shown = re.search(r"Document date \(from its header\): (\S+)", page)
        date = shown.group(1) if shown and shown.group(1) != "unknown" else None
        slug = re.sub(r"[^a-z0-9]+", "-", x["path"].lower().rsplit(".", 1)[0]).strip("-")
        out = {"path": x["path"], "kind": x["kind"], "split": x["split"], "date": date,
               "window": {"first": window[:ANCHOR], "last": window[-ANCHOR:]},
               "people": ann["people"], "claims": ann["claims"]}
        if ann.get("notes"):
            out["annotator_notes"] = ann["notes"]
        dest = BLIND / x["split"] / f"{k:02d}-{slug[:60]}.json"
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        n += 1
    print(f"{n} pages imported into {BLIND}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/claims-annot/out",
         sys.argv[2] if len(sys.argv) > 2 else "sample.json")
