"""Claims benchmark: quality on the gold set (tests/gold/claims/) and speed against NER.

    python bench/claims.py                 # quality: old gold and the blind dev split (system vs baseline)
    python bench/claims.py --test          # + the blind test split: totals only, and the scoring is logged
    python bench/claims.py --speed 200     # + claims time vs NER time on 200 corpus pages
    python bench/claims.py --write docs/quality-claims.md
    python bench/claims.py --holdout       # + the second held-out set (dev2, test2): totals only, logged
    python bench/claims.py -v --set dev    # list misses, false positives, certainty errors (never for test)

Quality: documents are read with the project's reader; person mentions are placed from each
gold file's surface strings (so the numbers measure claim extraction, not NER), and also,
when witness.nlp is importable, from the real NER+linking (end-to-end row).

Matching: a system claim matches a gold claim with the same subject and predicate whose
evidence string overlaps the system claim's evidence span.  Recall = matched gold / gold;
precision = matching system claims / system claims; certainty accuracy over matched gold;
inflations = matched gold claims that are hedged (reported, rumored, uncertain, denied,
predicted) but came out asserted or confirmed.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from witness.claims import extract_claims_many, get_parser  # noqa: E402
from witness.claims.context import Context  # noqa: E402
from witness.claims.gold import load_gold, place_mentions, score  # noqa: E402
from witness.model import Claim, Creator, Span  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "claims"
BLIND = ROOT / "tests" / "gold" / "claims-blind"
TEST_LOG = BLIND / "test-scorings.log"
HOLDOUT_LOG = BLIND / "holdout-scorings.log"
CORPUS = Path(os.environ.get("WITNESS_CORPUS", "/tmp/corpus/corpus"))

# Naive baseline: a trigger word, the nearest person mention in the sentence, always asserted.
BASELINE = [
    (r"arrest\w*|detain\w*", "arrested"), (r"charg\w*|accus\w*|indict\w*", "charged"),
    (r"tri(?:ed|al)", "tried"), (r"sentenc\w*", "sentenced"),
    (r"execut\w*|shot|shoot\w*", "executed"), (r"imprison\w*|jail\w*|prison", "imprisoned"),
    (r"exil\w*|deport\w*|banish\w*", "exiled"), (r"releas\w*|freed|liberat\w*", "released"),
    (r"expel\w*|expuls\w*", "expelled"), (r"rehabilit\w*", "rehabilitated"),
    (r"head|chief|commissar|secretary|chairman|president|director|editor|ambassador", "held_office"),
    (r"members?", "member_of"), (r"award\w*|decorat\w*", "awarded"), (r"wr(?:ote|ites?)", "wrote"),
    (r"signed|signatur\w*", "signed"), (r"met|meet\w*", "met"), (r"born", "born"),
    (r"died|death|suicide|murder\w*|assassinat\w*|killed", "died"), (r"disappear\w*", "disappeared"),
]
_BASE_RE = [(re.compile(rf"\b(?:{p})\b", re.I), pred) for p, pred in BASELINE]


def baseline_claims(doc) -> list[Claim]:
    ctx = Context(doc)
    out = []
    for s, e, _ in ctx.sentences:
        ms = ctx.mentions_in(s, e)
        if not ms:
            continue
        for rx, pred in _BASE_RE:
            for m in rx.finditer(doc.text, s, e):
                near = min(ms, key=lambda x: abs(x.start - m.start()))
                out.append(Claim(near.entity, pred, certainty="asserted", evidence=Span(s, e)))
    return out


def read_doc(path: str):
    from witness.ingest import read_path
    from witness.ingest.base import Read
    out = read_path(CORPUS / path, CORPUS)
    if not isinstance(out, Read):
        raise SystemExit(f"cannot read {path}: {out}")
    return out.document


def gold_docs(folder: Path = GOLD):
    items = []
    for g in load_gold(folder):
        doc = read_doc(g["path"])
        doc.record.date = doc.record.date if g.get("date") is None else g["date"]
        doc.mentions = place_mentions(doc.text, g["people"])
        if "window" in g:    # the blind gold calls the page's author AUTHOR: the record's author entity
            doc.record.creators = [Creator("author", "AUTHOR", entity="AUTHOR")]
        items.append((g, doc))
    return items


def blind_rows(split: str, nlp, e2e: bool) -> dict:
    """Rows for one split of the blind set: the system with gold mentions, the baseline, and
    (with `e2e`) the system fed by the real NER with ids aligned to the gold ids."""
    items = gold_docs(BLIND / split)
    if not items:
        return {}
    rows = {f"{split}: system (gold mentions)": score(items, extract_claims_many([d for _, d in items], nlp=nlp)),
            f"{split}: naive baseline": score(items, [baseline_claims(d) for _, d in items])}
    if e2e:
        aligned = [_aligned(g, d) for g, d in items]
        rows[f"{split}: system (NER mentions, ids aligned to gold)"] = score(
            items, extract_claims_many(aligned, nlp=nlp))
    return rows


def _aligned(g, d):
    """The page through the real NER+linking, each person mention's id replaced by the gold id of
    the gold mention it overlaps (so the row measures NER boundaries, misses and types)."""
    from witness.nlp import annotate
    d2 = annotate(read_doc(g["path"]))
    d2.record.date = d.record.date
    d2.mentions = [type(m)(m.start, m.end, m.text, m.type,
                           next((x.entity for x in d.mentions if x.start < m.end and m.start < x.end),
                                m.entity) if m.type == "person" else m.entity)
                   for m in d2.mentions]
    return d2


def quality(verbose: bool, test: bool = False, e2e: bool = True, verbose_set: str = "old", train: bool = False,
            holdout: bool = False):
    items = gold_docs()
    nlp = get_parser()
    rows = {}
    rows["system (gold mentions)"] = score(items, extract_claims_many([d for _, d in items], nlp=nlp))
    held = [k for k, (g, _) in enumerate(items) if g.get("note", "").startswith("held out")]
    if held:
        sub = [items[k] for k in held]
        rows[f"system, the {len(held)} pages annotated last (gold mentions)"] = score(
            sub, extract_claims_many([d for _, d in sub], nlp=nlp))
    rows["naive baseline (verb match, all asserted)"] = score(items, [baseline_claims(d) for _, d in items])
    rows.update(blind_rows("dev", nlp, e2e))
    if train:
        rows.update(blind_rows("train", nlp, False))
    if test:
        rows.update(blind_rows("test", nlp, e2e))
        _log_test(rows)
    if holdout:
        # the second held-out set (holdout-sample.json): test2 is only scored, and logged
        for split in ("dev2", "test2"):
            rows.update(blind_rows(split, nlp, e2e))
        _log_test(rows, "test2", HOLDOUT_LOG)
    elif verbose_set == "dev2":
        rows.update(blind_rows("dev2", nlp, e2e))      # studied since 7 December 2026, 03:06 UTC
    if verbose:
        key = {"old": "system (gold mentions)", "dev": "dev: system (gold mentions)",
               "train": "train: system (gold mentions)", "dev2": "dev2: system (gold mentions)"}[verbose_set]
        _print_errors(rows[key])
    if not e2e:
        return len(items), rows
    try:
        from witness.nlp import annotate
        e2e, aligned = [], []
        for g, d in items:
            d2 = annotate(read_doc(g["path"]))
            d2.record.date = d.record.date
            e2e.append(d2)
            # same NER mentions, but an id that differs from the gold id only by namespace
            # (a provisional id for someone outside the authority file) is mapped to the gold id
            # of the gold mention it overlaps, so the row shows what NER boundaries/recall cost
            d3 = read_doc(g["path"])
            d3.record.date = d.record.date
            d3.mentions = []
            for m in d2.mentions:
                over = [x for x in d.mentions if x.start < m.end and m.start < x.end]
                d3.mentions.append(type(m)(m.start, m.end, m.text, m.type,
                                           over[0].entity if over and m.type == "person" else m.entity))
            aligned.append(d3)
        rows["system (NER mentions, ids as the NER gives them)"] = score(
            items, extract_claims_many(e2e, nlp=nlp))
        rows["system (NER mentions, ids aligned to gold)"] = score(
            items, extract_claims_many(aligned, nlp=nlp))
    except Exception as e:  # noqa: BLE001 - the NER stage is another worker's and may be absent
        print(f"(end-to-end row skipped: {type(e).__name__}: {e})", file=sys.stderr)
    return len(items), rows


def _print_errors(r) -> None:
    for m in r["misses"]:
        print("MISS ", *m)
    for m in r["fps"]:
        print("FP   ", *m)
    for m in r["wrong"]:
        print("CERT ", *m)
    for m in r.get("date_misses", []):
        print("DATE ", *m)


def _log_test(rows, split: str = "test", log: Path = TEST_LOG) -> None:
    """Every scoring of the test split is appended to a log kept in the repository, so the
    number of times it was looked at is on record (docs/quality-claims.md cites it)."""
    import datetime
    import subprocess
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = "?"
    r = rows.get(f"{split}: system (gold mentions)")
    if r is None:
        return
    where = "" if split == "test" else f" {split}"
    line = (f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%dT%H:%MZ} commit {commit}{where}: recall {r['recall']:.2f} "
            f"precision {r['precision']:.2f} certainty {r['certainty']:.2f} inflations {r['inflations']} "
            f"dates right {r['date_recall']:.2f} (year in the sentence {r['date_recall_in_sentence']:.2f} "
            f"of {r['dated_in_sentence']}, dates the gold lacks or differs {r['dates_wrong']})\n")
    with log.open("a", encoding="utf-8") as fp:
        fp.write(line)


def table(n_docs, rows) -> str:
    out = [f"Old gold set: {n_docs} corpus documents, "
           f"{next(iter(rows.values()))['gold']} annotated claims (tests/gold/claims/); blind set: "
           "tests/gold/claims-blind/ (dev studied, test only scored).", "",
           ("| extractor | gold | claims out | recall | precision | certainty accuracy | inflations | dates right "
            "| dates right, year in the sentence | dates the gold lacks or differs |"),
           "|---|---|---|---|---|---|---|---|---|---|"]
    for name, r in rows.items():
        out.append(f"| {name} | {r['gold']} | {r['system']} | {r['recall']:.2f} | {r['precision']:.2f} | "
                   f"{r['certainty']:.2f} | {r['inflations']} | {r['date_recall']:.2f} | "
                   f"{r['date_recall_in_sentence']:.2f} of {r['dated_in_sentence']} | {r['dates_wrong']} |")
    return "\n".join(out)


def by_predicate(r) -> str:
    out = ["| predicate | gold | recall | system | precision |", "|---|---|---|---|---|"]
    for p, (g, paired, n, ok) in sorted(r["by_predicate"].items(), key=lambda kv: -kv[1][0]):
        out.append(f"| {p} | {g} | {paired / g if g else 0:.2f} | {n} | {ok / n if n else 0:.2f} |")
    return "\n".join(out)


def speed(n: int, seed: int = 7) -> str:
    from witness.ingest import read_path
    from witness.ingest.base import Read
    from witness.nlp import annotate_many
    pages = sorted(p for p in (CORPUS / "archive").rglob("*.htm*"))
    random.Random(seed).shuffle(pages)
    docs = []
    for p in pages:
        out = read_path(p, CORPUS)
        if isinstance(out, Read) and len(out.document.text) > 2000:
            docs.append(out.document)
        if len(docs) >= n:
            break
    words = sum(len(d.text.split()) for d in docs)
    annotate_many(docs[:2], n_process=1)            # load models outside the timing
    get_parser()
    t = time.perf_counter()
    docs = list(annotate_many(docs, n_process=1))
    t_ner = time.perf_counter() - t
    t = time.perf_counter()
    claims = extract_claims_many(docs)
    t_claims = time.perf_counter() - t
    cands = sum(len(Context(d).candidates()) for d in docs)
    sents = sum(len(Context(d).sentences) for d in docs)
    n_claims = sum(len(c) for c in claims)
    return (f"{len(docs)} pages, {words} words, one process: NER+linking {t_ner:.1f} s "
            f"({words / t_ner:.0f} words/s); claims {t_claims:.1f} s "
            f"({100 * t_claims / t_ner:.0f}% of NER); {cands} of {sents} sentences parsed "
            f"({100 * cands / max(sents, 1):.0f}%), {n_claims} claims.")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--speed", type=int, default=0, help="pages for the speed measurement")
    ap.add_argument("--write", help="write the table into this markdown file")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses, false positives")
    ap.add_argument("--set", choices=["old", "dev", "train", "dev2"], default="old",
                    help="which set -v lists (never test or test2)")
    ap.add_argument("--train", action="store_true", help="also score the 60 training pages (studied like dev)")
    ap.add_argument("--test", action="store_true", help="also score the blind test split (logged)")
    ap.add_argument("--holdout", action="store_true",
                    help="also score the second held-out set, dev2 and test2 (totals only, logged)")
    ap.add_argument("--no-e2e", action="store_true", help="skip the rows fed by the real NER (faster)")
    ap.add_argument("--predicates", action="store_true", help="per-predicate table of the dev split")
    a = ap.parse_args(argv)
    n_docs, rows = quality(a.verbose, test=a.test, e2e=not a.no_e2e, verbose_set=a.set,
                           train=a.train or a.set == "train", holdout=a.holdout)
    text = table(n_docs, rows)
    print(text)
    if a.predicates and "dev: system (gold mentions)" in rows:
        print()
        print(by_predicate(rows["dev: system (gold mentions)"]))
    sp = speed(a.speed) if a.speed else None
    if sp:
        print(sp)
    if a.write:
        write(Path(a.write), text, sp)


def write(path: Path, text: str, sp: str | None):
    body = path.read_text(encoding="utf-8") if path.exists() else ""
    start, end = "<!-- claims-table -->", "<!-- /claims-table -->"
    if sp is None and "Speed: " in body:                 # keep the last speed measurement
        sp = body[body.index("Speed: ") + 7:].split("\n", 1)[0]
    block = f"{start}\n{text}\n\n{('Speed: ' + sp) if sp else ''}\n{end}"
    if start in body and end in body:
        body = body[: body.index(start)] + block + body[body.index(end) + len(end):]
    else:
        body = body + ("\n\n" if body else "") + block + "\n"
    path.write_text(body, encoding="utf-8")


if __name__ == "__main__":
    main()
