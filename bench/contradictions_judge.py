"""Blind judging of the contradictions an archive flags (issue 18's measure).

    python bench/contradictions_judge.py sheet --db ARCHIVE --n 50 --out /tmp/contra-judge
    python bench/contradictions_judge.py score --out /tmp/contra-judge [--write docs/quality-claims.md]

`sheet` draws a seeded random sample of the flagged contradictions (all of them when there
are fewer) and writes, for judges who read no code, `sheet.md`: each contradiction's two sides
— the outlier claim and one claim of the consensus — with the quoted sentence and the text
around it (the paragraph, up to 500 characters either side), the documents' dates, and how
many sources the outlier stands against.  `key.json` keeps what the judges must not see
(contradiction keys, kinds as the system names them).  Judges write `verdicts.tsv`:
`n<TAB>verdict<TAB>cause<TAB>note` with verdict real / artefact / trivial (GUIDE.md).

`score` tallies the verdicts, lists the known real disagreements of issue 18 that are still
flagged (over every contradiction of the archive, not just the sample), and prints the
table; `--write` puts it between the `contradictions-judged` markers of a Markdown file.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

# Real disagreements the issue named; each must still be flagged: (subject id part, year in the outlier)
# (parts of the subject id, any of which may be the one flagged; the year or month in the outlier)
KNOWN_REAL = [(("zinoviev", "kamenev"), "1938", "the Zinoviev–Kamenev trial dated August 1938 (1936)"),
              (("alexander", "aleksander"), "1882", "Tsar Alexander II killed in 1882 (1881)"),
              (("volodarsk",), "1918-09", "Volodarsky assassinated in September 1918 (June)")]

GUIDE = """# Judging contradictions

Each item is a contradiction an automatic system flagged across documents of an archive of
historical texts (the Marxists' Internet Archive): one claim (the *outlier*) that disagrees with
what other sources say about the same person and event (the *consensus*). You see the outlier's
sentence and the text around it, and one sentence of the consensus with its text.

For each item decide, from the texts shown (you may use your knowledge of history to read
them, not to look anything up):

- `real` — the two texts do disagree about this person and this event as the system says (a
  date, whether it happened, whether the person was alive): a historian would want to see
  this side by side, whoever is right.
- `artefact` — the disagreement is made by the system, not by the sources; give the cause:
  `date` (a date misread or attached to the wrong event), `subject` (the claim is not about
  this person: pronoun, namesake, a name inside a title), `certainty` (a rumor, plan, negation,
  question or quotation read as a plain statement, or the reverse), `predicate` (not this kind
  of event), `linking` (two different people taken as one), `other` (say what).
- `trivial` — the sources do differ, but not in a way that matters (the same date at
  different precision, e.g. "1924" vs "January 1924"; a day apart in different calendars).

Write `verdicts.tsv` next to the sheet: a header line `n<TAB>verdict<TAB>cause<TAB>note`, then
one line per item (cause empty unless artefact; a short note always helps).
Do not open program code or run the project's programs.
"""


def _context(text: str, start: int, end: int, width: int = 500) -> str:
    lo = text.rfind("\n\n", max(0, start - width), start)
    lo = lo + 2 if lo >= 0 else max(0, start - width)
    hi = text.find("\n\n", end, end + width)
    hi = hi if hi >= 0 else min(len(text), end + width)
    return (("…" if lo > 0 else "") + text[lo:start] + "**" + text[start:end] + "**" + text[end:hi]
            + ("…" if hi < len(text) else "")).replace("\n", " ")


def _side(archive, item, texts) -> dict | None:
    if item is None:
        return None
    doc_id = item.document_id
    if doc_id not in texts:
        texts[doc_id] = archive.document(doc_id).text
    cl = item.claim
    return {"doc": doc_id, "doc_date": item.document_date, "predicate": cl.predicate, "certainty": cl.certainty,
            "date": cl.date, "context": _context(texts[doc_id], cl.evidence.start, cl.evidence.end)}


def make_sheet(db: str, n: int, seed: int, out: Path) -> int:
    from witness.archive import open_archive
    archive = open_archive(db)
    judged = archive.judged_contradictions()
    chosen = list(judged)
    random.Random(seed).shuffle(chosen)
    chosen = chosen[:n]
    out.mkdir(parents=True, exist_ok=True)
    texts: dict[str, str] = {}
    lines, key = [f"# Contradictions to judge ({len(chosen)} of {len(judged)} flagged, seed {seed})\n"], []
    for i, j in enumerate(chosen, 1):
        c = j.contradiction
        name = archive.person_name(c.subject) or c.subject
        o, e = _side(archive, c.outlier, texts), _side(archive, c.consensus.example, texts)
        key.append({"n": i, "key": j.key, "kind": c.kind, "subject": c.subject, "reason": c.reason,
                    "outlier": o, "consensus": e})
        lines.append(f"\n## {i}. {name} ({c.subject}) — {c.consensus.event}\n")
        lines.append(f"What the system says: {c.reason}. The outlier stands against {c.against} "
                     f"source{'s' if c.against != 1 else ''}"
                     + (f"; the reference file says {c.consensus.event} {(c.authority or {}).get(c.consensus.event)}"
                        if c.authority else "") + ".\n")
        for label, side in (("Outlier", o), ("Consensus (one source)", e)):
            if side is None:
                lines.append(f"- **{label}**: the reference file only.\n")
                continue
            lines.append(f"- **{label}** — document `{side['doc']}` (dated {side['doc_date'] or 'n.d.'}); "
                         f"read as: {side['predicate']}, {side['certainty']}"
                         + (f", date {side['date']}" if side["date"] else "") + f"\n\n  > {side['context']}\n")
    (out / "sheet.md").write_text("\n".join(lines), encoding="utf-8")
    (out / "key.json").write_text(json.dumps({"db": db, "flagged": len(judged), "seed": seed, "items": key},
                                             ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "GUIDE.md").write_text(GUIDE, encoding="utf-8")
    print(f"{len(chosen)} of {len(judged)} contradictions → {out / 'sheet.md'}")
    return 0


def score(out: Path, write: Path | None) -> int:
    from witness.archive import open_archive
    meta = json.loads((out / "key.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(open(out / "verdicts.tsv", encoding="utf-8"), delimiter="\t"))
    verdicts = Counter(r["verdict"].strip() for r in rows)
    causes = Counter(r["cause"].strip() or "?" for r in rows if r["verdict"].strip() == "artefact")
    by_kind = Counter()
    kinds = {it["n"]: it["kind"] for it in meta["items"]}
    for r in rows:
        by_kind[(kinds.get(int(r["n"])), r["verdict"].strip())] += 1
    judged = len(rows)
    real = verdicts["real"]
    archive = open_archive(meta["db"])
    every = archive.judged_contradictions()
    found = []
    for part, year, what in KNOWN_REAL:
        hit = [j for j in every if any(p in j.contradiction.subject for p in part) and j.contradiction.outlier is not None
               and (j.contradiction.outlier.claim.date or "").startswith(year)]
        found.append((what, bool(hit)))
    table = [f"Flagged over the archive: {meta['flagged']}; judged: {judged} (a seeded random sample, seed "
             f"{meta['seed']}), by readers who saw the texts and not the code.\n",
             "| verdict | count | share |", "|---|---|---|"]
    for v in ("real", "trivial", "artefact"):
        table.append(f"| {v} | {verdicts[v]} | {verdicts[v] / judged:.0%} |" if judged else f"| {v} | 0 | – |")
    table.append("")
    if causes:
        table.append("Artefacts by cause: " + ", ".join(f"{c} {k}" for c, k in causes.most_common()) + ".\n")
    kinds_line = ", ".join(f"{k} {v}: {n}" for (k, v), n in sorted(by_kind.items(), key=lambda x: (str(x[0][0]), x[0][1])))
    table.append(f"By kind and verdict: {kinds_line}.\n")
    table.append("Known real disagreements (issue 18) still flagged: "
                 + "; ".join(f"{w}: {'yes' if ok else 'NO'}" for w, ok in found) + ".")
    text = "\n".join(table)
    print(text)
    print(f"\nreal share: {real / judged:.2f} (floor 0.80)" if judged else "")
    if write:
        doc = write.read_text(encoding="utf-8")
        new = re.sub(r"(<!-- contradictions-judged:start -->\n).*?(<!-- contradictions-judged:end -->)",
                     lambda m: m.group(1) + text + "\n" + m.group(2), doc, flags=re.S)
        if new == doc and "contradictions-judged:start" not in doc:
            new = doc.rstrip() + ("\n\n## Contradictions judged on the whole corpus\n\n<!-- contradictions-judged:start -->\n"
                                  + text + "\n<!-- contradictions-judged:end -->\n")
        write.write_text(new, encoding="utf-8")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sheet")
    s.add_argument("--db", required=True)
    s.add_argument("--n", type=int, default=50)
    s.add_argument("--seed", type=int, default=18)
    s.add_argument("--out", type=Path, required=True)
    c = sub.add_parser("score")
    c.add_argument("--out", type=Path, required=True)
    c.add_argument("--write", type=Path)
    a = ap.parse_args(argv)
    return make_sheet(a.db, a.n, a.seed, a.out) if a.cmd == "sheet" else score(a.out, a.write)


if __name__ == "__main__":
    sys.exit(main())
