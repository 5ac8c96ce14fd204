"""Inter-annotator agreement on the blind claims gold set: the ceiling for any extractor.

    python tools/gold_agreement.py /tmp/claims-annot2/out

Ten dev pages were annotated a second time, blind, by two other annotators.  Their claims are
scored against the first annotation with the very scorer bench/claims.py uses (one claim per
subject, predicate and certainty per sentence; evidence overlap), after mapping the second
annotator's person ids onto the first's through the surface strings both listed.  Recall and
precision here say how far two careful readers agree — a system is not expected to agree with
one of them better than they agree with each other.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from witness.claims.gold import load_gold, score, window_of  # noqa: E402
from witness.model import Claim, Span  # noqa: E402

BLIND = ROOT / "tests" / "gold" / "claims-blind"


def main(folder: str) -> None:
    from claims import gold_docs  # bench/claims.py
    items = {g["file"].split("-", 1)[0]: (g, d) for g, d in gold_docs(BLIND / "dev")}
    pairs, second = [], []
    for f in sorted(Path(folder).glob("page*.json")):
        ann = json.loads(f.read_text(encoding="utf-8"))
        key = f.stem[4:]
        if key not in items:
            continue
        g, doc = items[key]
        ids = {}
        for surface, i2 in ann["people"].items():
            if surface in g["people"]:
                ids.setdefault(i2, g["people"][surface])
        ws, we = window_of(g, doc.text)
        claims = []
        for c in ann["claims"]:
            pos = doc.text.find(c["evidence"], ws)
            if pos < 0:
                continue
            subj = "AUTHOR" if c["subject"] == "AUTHOR" else ids.get(c["subject"], "?" + c["subject"])
            claims.append(Claim(subj, c["predicate"], certainty=c["certainty"], date=c.get("date"),
                                evidence=Span(pos, pos + len(c["evidence"]))))
        pairs.append((g, doc))
        second.append(claims)
    r = score(pairs, second)
    print(f"{len(pairs)} pages: first annotator {r['gold']} claims, second {r['system']}")
    print(f"second vs first: recall {r['recall']:.2f}, precision {r['precision']:.2f}, "
          f"certainty agreement {r['certainty']:.2f}; F1 {2 * r['recall'] * r['precision'] / (r['recall'] + r['precision']):.2f}")
    print("| predicate | first | recall | second | precision |")
    for p, (gn, paired, n, ok) in sorted(r["by_predicate"].items(), key=lambda kv: -kv[1][0]):
        print(f"| {p} | {gn} | {paired / gn if gn else 0:.2f} | {n} | {ok / n if n else 0:.2f} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/claims-annot2/out")
