"""Claims precision on pages nobody tuned on: 200 claims of 107 random archive documents, judged
blind (tests/gold/claims-judged/), re-scored against today's code.

    python bench/claims_judged.py --db ARCHIVE.db            # both halves' totals
    python bench/claims_judged.py --db ARCHIVE.db --errors   # the dev half's errors (never test's)

The archive must hold the judged documents with their mentions (any whole-corpus archive; the
judging used /work/archives/r6). Each judged claim is looked for in today's output of its
document (same subject, predicate and evidence words): a claim no longer extracted leaves the
sample (counted as "gone", by its verdict); a certainty that changed is right when it is the one
the judge gave. The split is by document (a hash, fixed before the judging): tune on dev, only
score test. The sample holds what the code extracted on 6 December 2026 (4712490), so claims
the code has learnt to extract since are not in it; `tests/gold/claims-judged/README.md` says
how the sample was drawn and judged.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
GOLD = ROOT / "tests" / "gold" / "claims-judged" / "judged.json"
_LOWER = {"confirmed": 6, "asserted": 5, "reported": 4, "rumored": 3, "predicted": 3, "uncertain": 2, "denied": 1}


def rescore(db: str, errors: bool = False) -> dict[str, Counter]:
    from witness.claims import extract_claims_many
    from witness.store import open_store
    items = json.loads(GOLD.read_text(encoding="utf-8"))
    store = open_store(db)
    ids = sorted({i["doc"] for i in items})
    docs = [store.get_document(d) for d in ids]
    now: dict[tuple, list[str]] = {}
    for d, claims in zip(docs, extract_claims_many(docs)):
        for c in claims:
            now.setdefault((d.id, c.subject, c.predicate, d.text[c.evidence.start:c.evidence.end]), []).append(c.certainty)
    res = {"dev": Counter(), "test": Counter()}
    for i in items:
        v, c = i["verdict"], res[i["split"]]
        got = now.get((i["doc"], i["subject"], i["predicate"], i["evidence"]))
        if not got:
            c["gone " + v["claim"]] += 1
            continue
        c[v["claim"]] += 1
        certainty = i["certainty"] if i["certainty"] in got else got[0]
        want = i["certainty"] if v["certainty_right"] is not False else v["certainty_should_be"]
        if v["claim"] == "wrong" and v["error"] == "not-an-event":
            c["inflations"] += 1
        if v["claim"] == "right" and v["certainty_right"] is not None:
            c["certainty judged"] += 1
            c["certainty right"] += certainty == want
            if certainty in ("asserted", "confirmed") and _LOWER.get(want, 9) < _LOWER[certainty]:
                c["inflations"] += 1
        if errors and i["split"] == "dev" and (v["claim"] == "wrong" or v["claim"] == "right" and certainty != want):
            print(f"[{v['claim']} {v['error'] or ''}; certainty {certainty} (judge: {v['certainty_should_be'] or 'same'})] "
                  f"{i['subject']} {i['predicate']} {i['object']!r} ({i['doc']})\n   {i['evidence'][:300]}\n   note: {v['note']}")
    return res


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, help="an archive holding the judged documents")
    ap.add_argument("--errors", action="store_true", help="list the dev half's errors (never the test half's)")
    a = ap.parse_args(argv)
    res = rescore(a.db, a.errors)
    print("| half | judged claims kept | right | wrong | precision | certainty right | inflations | gone (right / wrong) |")
    print("|---|---|---|---|---|---|---|---|")
    for half, c in res.items():
        kept = c["right"] + c["wrong"] + c["unclear"]
        print(f"| {half} | {kept} | {c['right']} | {c['wrong']} | {c['right'] / max(1, c['right'] + c['wrong']):.2f} | "
              f"{c['certainty right']}/{c['certainty judged']} ({c['certainty right'] / max(1, c['certainty judged']):.2f}) | "
              f"{c['inflations']} | {c['gone right']} / {c['gone wrong']} |")


if __name__ == "__main__":
    main()
