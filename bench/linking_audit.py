"""A blind audit of person linking on a whole archive: draw a judging sheet, score it filled.

    python bench/linking_audit.py draw --db ARCHIVE.db --out sheet.json [--csv sheet.csv]
                                  [--n 300] [--seed 16]
    python bench/linking_audit.py score sheet.json        # after the annotators filled it

``draw`` takes ``--n`` person mentions uniformly at random among all person mentions of the
archive (reservoir sampling over one pass of the documents, seeded) and writes, for each, what
an annotator needs and nothing else: the sentence with the mention marked ⟦like this⟧, and
the candidate entity the archive gave it — its name, life dates and description (roles from
the authority file; for a person the file lacks, "not in the authority file" and the other
spellings the archive groups under it).  No rule names, scores or stages.  The annotator
fills ``verdict`` with one of

    right        the sentence means this entity
    wrong        it means another person who is in the file, or another provisional person
    provisional  linked to an authority person, but it is someone the file does not hold
    not-person   a place, organization, work, common word or a broken span

``score`` prints the verdicts, **right among linked** (mentions linked to an authority person
that are persons: right / judged; floor 0.95) and **types right** (mentions that are persons
at all / judged; floor 0.90), each with a Wilson 95 % interval.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

VERDICTS = ("right", "wrong", "provisional", "not-person")
_END = re.compile(r"[.!?]['’”\"]?\s+(?=[A-Z“\"‘'(])|\n\s*\n")


def sentence(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence around text[start:end] with the mention marked ⟦…⟧ (cut at ``limit``)."""
    a = max(0, start - limit)
    ends = [m.end() for m in _END.finditer(text, a, start)]
    a = ends[-1] if ends else a
    m = _END.search(text, end, min(len(text), end + limit))
    b = m.start() + 1 if m else min(len(text), end + limit)
    out = text[a:start] + "⟦" + text[start:end] + "⟧" + text[end:b]
    return " ".join(out.split())


def describe(entity_id: str, doc, authority) -> dict:
    e = authority.get(entity_id)
    if e is not None:
        dates = f"{e.born or '?'}–{e.died or '?'}" if (e.born or e.died) else ""
        return {"candidate": e.name, "dates": dates,
                "description": "; ".join(e.roles) or (e.note or ""), "in_authority_file": True}
    ent = next((x for x in doc.entities if x.id == entity_id), None)
    names = ([ent.name] + [a for a in ent.aliases if a != ent.name]) if ent else []
    return {"candidate": names[0] if names else entity_id, "dates": "",
            "description": "not in the authority file" + (
                f"; this archive also writes it {', '.join(names[1:6])}" if len(names) > 1 else ""),
            "in_authority_file": False}


def draw(db: str, n: int, seed: int, out: Path, csv_out: Path | None) -> None:
    from witness.authority import load
    from witness.store import open_store
    rng = random.Random(seed)
    store = open_store(db)
    kept: list[tuple[str, int, int, str, str]] = []
    seen = docs = 0
    for doc in store.iter_documents():
        docs += 1
        for m in doc.mentions:
            if m.type != "person" or not m.entity:
                continue
            seen += 1
            item = (doc.id, m.start, m.end, m.text, m.entity)
            if len(kept) < n:
                kept.append(item)
            else:
                j = rng.randrange(seen)
                if j < n:
                    kept[j] = item
        if docs % 500 == 0:
            print(f"  {docs} documents, {seen} person mentions", file=sys.stderr)
    auth = load()
    rows = []
    cache = {}
    for k, (doc_id, a, b, text, eid) in enumerate(sorted(kept, key=lambda t: (t[0], t[1]))):
        doc = cache.get(doc_id) or store.get_document(doc_id)
        cache = {doc_id: doc}
        rows.append({"n": k + 1, "document": doc_id, "date": doc.record.date or "",
                     "sentence": sentence(doc.text, a, b), "mention": text,
                     **describe(eid, doc, auth), "entity_id": eid, "verdict": "", "note": ""})
    rng.shuffle(rows)                      # the annotator should not read documents in runs
    for k, r in enumerate(rows):
        r["n"] = k + 1
    sheet = {"drawn_from": db, "documents": docs, "person_mentions": seen, "seed": seed,
             "n": len(rows), "verdicts": list(VERDICTS),
             "instructions": "For each row, read the sentence and the candidate (name, dates, "
             "description) and write in 'verdict': right (the sentence means this entity), wrong "
             "(it means someone else), provisional (only for a candidate in the authority file: "
             "the sentence means a person the file does not hold), not-person (a place, body, "
             "work, common word or a broken span). A candidate 'not in the authority file' is a "
             "person the archive knows only by the names shown: right if the sentence means that "
             "person, whoever it is; wrong if the names shown mix it with someone else. "
             "'note' is free.",
             "rows": rows}
    out.write_text(json.dumps(sheet, ensure_ascii=False, indent=1), encoding="utf-8")
    if csv_out:
        with csv_out.open("w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
    print(f"{len(rows)} mentions drawn from {seen} person mentions in {docs} documents → {out}")


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return 0.0, 0.0
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return max(0.0, c - h), min(1.0, c + h)


def load_rows(path: Path) -> list[dict]:
    if path.suffix == ".csv":
        with path.open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        for r in rows:
            r["in_authority_file"] = str(r["in_authority_file"]).lower() == "true"
        return rows
    return json.loads(path.read_text(encoding="utf-8"))["rows"]


def score(path: Path) -> dict:
    rows = load_rows(path)
    bad = [r for r in rows if r.get("verdict") not in VERDICTS]
    if bad:
        raise SystemExit(f"{path}: {len(bad)} rows without a verdict among {VERDICTS} "
                         f"(first: row {bad[0].get('n')})")
    linked = [r for r in rows if r["in_authority_file"] and r["verdict"] != "not-person"]
    prov = [r for r in rows if not r["in_authority_file"] and r["verdict"] != "not-person"]
    right_l = sum(r["verdict"] == "right" for r in linked)
    right_p = sum(r["verdict"] == "right" for r in prov)
    persons = sum(r["verdict"] != "not-person" for r in rows)
    out = {"judged": len(rows), "verdicts": Counter(r["verdict"] for r in rows),
           "right_among_linked": (right_l, len(linked)), "right_among_provisional": (right_p, len(prov)),
           "types_right": (persons, len(rows))}
    print(f"{len(rows)} judged mentions ({path})\n")
    print("| verdict | linked to the authority file | provisional | all |")
    print("|---|---|---|---|")
    for v in VERDICTS:
        a = sum(r["verdict"] == v for r in rows if r["in_authority_file"])
        b = sum(r["verdict"] == v for r in rows if not r["in_authority_file"])
        print(f"| {v} | {a} | {b} | {a + b} |")
    print()
    for label, (k, n), floor in (("right among linked", out["right_among_linked"], 0.95),
                                 ("right among provisional", out["right_among_provisional"], None),
                                 ("types right (persons)", out["types_right"], 0.90)):
        lo, hi = wilson(k, n)
        mark = "" if floor is None else (" — floor %.2f %s" % (floor, "met" if n and k / n >= floor else "NOT met"))
        print(f"{label}: {k}/{n} = {k / n if n else 0:.3f} (95 % interval {lo:.3f}–{hi:.3f}){mark}")
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--db", required=True)
    d.add_argument("--out", required=True, type=Path)
    d.add_argument("--csv", type=Path, default=None)
    d.add_argument("--n", type=int, default=300)
    d.add_argument("--seed", type=int, default=16)
    s = sub.add_parser("score")
    s.add_argument("sheet", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "draw":
        draw(args.db, args.n, args.seed, args.out, args.csv)
    else:
        score(args.sheet)


if __name__ == "__main__":
    main()
