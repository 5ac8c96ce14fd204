"""Train and measure a trained check on the rules' claims (features: src/witness/claims/vetting.py).

    python bench/claims_vetting.py --cache /tmp/pop-docs.jsonl    # cross-validation + held-out round

    python bench/claims_vetting.py --pickles ner300*.pkl --only all   # the population rounds' cached pages

Measured twice and not adopted (twelfth and seventeenth sessions; vetting.py says why); this script keeps the
measurement repeatable. Besides precision it prints, per predicate and certainty, the share of
ALL the rules' claims on the held-out rounds' pages the threshold would drop: a check that buys
precision by dropping every "charged" claim is no check. scikit-learn is needed here only.

Data: the blind population rounds (tests/gold/claims-judged/population-*.json: 400 claims a
round, 200 drawn at random from all claims of 300 random pages, 200 asserted claims under a frame
word, each judged right or wrong by a judge who never saw the code). The studied rounds
(population-2 to -4 and -6 to -11) train; round 4 (population-5, never studied) and round 11
(population-12, read only after this script had scored it) are scored held out: their totals. The judged documents go through the real NER once (cached in --cache) and
today's rules; a judged claim is found again by document, subject, predicate and evidence, and
its features are how today's rules made it (claims no longer made drop out).

Threshold: the one that keeps at least --keep of the right claims over the training rounds'
cross-validated scores (5 folds by document); the table shows the trade-off at other values.
Precision is read on the "random" claims only (the framed half is drawn to over-sample hard
sentences).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from _corpus import corpus_dir  # noqa: E402

JUDGED = ROOT / "tests" / "gold" / "claims-judged"
TRAIN = ("population-2.json", "population-3.json", "population-4.json", "population-6.json", "population-7.json",
         "population-8.json", "population-9.json", "population-10.json", "population-11.json")
TEST = ("population-5.json", "population-12.json")   # round 4 never read; round 11 read after this scored it


def load_docs(ids: set[str], cache: Path, pickles=()):
    """The judged documents with NER and linking, read from --cache or made and written there
    (or from pickled lists of annotated documents, as the population rounds' drawing cached them)."""
    from witness.model import Document
    if pickles:
        import pickle
        out = {}
        for p in pickles:
            with open(p, "rb") as fp:
                out.update({d.id: d for d in pickle.load(fp) if d.id in ids})
        return list(out.values())
    if cache.exists():
        with cache.open(encoding="utf-8") as fp:
            docs = [Document.from_json(json.loads(line)) for line in fp]
        return [d for d in docs if d.id in ids]
    from witness.ingest import read_path
    from witness.ingest.base import Read
    from witness.nlp import annotate_many
    corpus, found = corpus_dir(os.environ.get("WITNESS_CORPUS")), []
    for p in sorted(p for sec in ("archive", "history", "reference", "subject") for p in (corpus / sec).rglob("*.htm*")):
        out = read_path(p, corpus)
        if isinstance(out, Read) and out.document.id in ids:
            found.append(out.document)
    t, done = time.perf_counter(), []
    for k, d in enumerate(annotate_many(found, n_process=1), 1):
        done.append(d)
        if k % 50 == 0:
            rate = k / (time.perf_counter() - t)
            print(f"  NER {k}/{len(found)} pages, {rate:.1f} pages/s, ETA {(len(found) - k) / rate:.0f} s", file=sys.stderr)
    with cache.open("w", encoding="utf-8") as fp:
        for d in done:
            fp.write(json.dumps(d.to_json(), ensure_ascii=False) + "\n")
    return done


def _predicate(row) -> str:
    return next(k[2:] for k in row[0] if k.startswith("p="))


def _scorable(rows, only):
    """The rows of the predicates the check may drop (the others it never scores)."""
    return [r for r in rows if only is None or _predicate(r) in only]


def _kept_unscored(rows, only):
    """The other rows, as always kept (score 1.0)."""
    return [(1.0, r) for r in rows if only is not None and _predicate(r) not in only]


_MADE: dict[str, list] = {}      # the rules' claims of each judged document, made once a run


def rows_of(files, docs):
    """(features, label, group, doc) for each judged claim today's rules still make."""
    from witness.claims import extract_claims_many
    items = [dict(i, round=f) for f in files for i in json.loads((JUDGED / f).read_text(encoding="utf-8"))]
    by_doc = {d.id: d for d in docs}
    wanted = sorted({i["doc"] for i in items} & set(by_doc))
    made: dict[tuple, object] = {}
    todo = [d for d in wanted if d not in _MADE]
    _MADE.update(zip(todo, extract_claims_many([by_doc[d] for d in todo], features=True)))
    for did in wanted:
        claims = _MADE[did]
        text = by_doc[did].text
        for c in claims:
            ev = text[c.evidence.start:c.evidence.end]
            made.setdefault((did, c.subject, c.predicate, ev[:120]), c)
    rows, gone = [], 0
    for i in items:
        if i["claim"] not in ("right", "wrong"):
            continue
        c = made.get((i["doc"], i["subject"], i["predicate"], i["evidence"][:120]))
        if c is None or getattr(c, "_vet", None) is None:
            gone += 1
            continue
        rows.append((c._vet, int(i["claim"] == "right"), i["group"], i["doc"]))
    return rows, gone


def fit(rows, c_value: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = DictVectorizer()
    x = vec.fit_transform([r[0] for r in rows])
    y = [r[1] for r in rows]
    clf = LogisticRegression(C=c_value, max_iter=2000, class_weight="balanced").fit(x, y)
    names = vec.get_feature_names_out()
    weights = {n: round(float(w), 5) for n, w in zip(names, clf.coef_[0]) if abs(w) > 1e-6 and n != "bias"}
    return {"weights": weights, "intercept": round(float(clf.intercept_[0] + clf.coef_[0][list(names).index("bias")]), 5)}


def crossval(rows, c_value: float, folds: int = 5, seed: int = 10):
    from witness.claims.learned import score
    docs = sorted({r[3] for r in rows})
    random.Random(seed).shuffle(docs)
    fold = {d: k % folds for k, d in enumerate(docs)}
    scored = []
    for k in range(folds):
        model = fit([r for r in rows if fold[r[3]] != k], c_value)
        scored += [(score(model, r[0]), r) for r in rows if fold[r[3]] == k]
    return scored


def trade_off(scored, threshold: float) -> dict:
    kept = [(p, r) for p, r in scored if p >= threshold]
    rand_all = [r for _p, r in scored if r[2] == "random"]
    rand_kept = [r for _p, r in kept if r[2] == "random"]
    right = sum(r[1] for _p, r in scored)
    return {
        "threshold": threshold,
        "right kept": sum(r[1] for _p, r in kept) / max(1, right),
        "wrong removed": 1 - sum(1 - r[1] for _p, r in kept) / max(1, len(scored) - right),
        "random precision before": sum(r[1] for r in rand_all) / max(1, len(rand_all)),
        "random precision after": sum(r[1] for r in rand_kept) / max(1, len(rand_kept)),
        "random kept": len(rand_kept) / max(1, len(rand_all)),
    }


def threshold_for(scored, keep: float) -> float:
    """The highest threshold that still keeps `keep` of the right claims."""
    rights = sorted((p for p, r in scored if r[1]), reverse=True)
    return rights[max(0, min(len(rights) - 1, int(keep * len(rights)) - 1))] if rights else 0.5


def _table(title: str, lines) -> None:
    print(f"\n{title}\n")
    print("| threshold | right claims kept | wrong claims removed | random precision before | after | random claims kept |")
    print("|---|---|---|---|---|---|")
    for t in lines:
        print(f"| {t['threshold']:.3f} | {t['right kept']:.2f} | {t['wrong removed']:.2f} | "
              f"{t['random precision before']:.3f} | {t['random precision after']:.3f} | {t['random kept']:.2f} |")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/witness-population-docs.jsonl"),
                    help="JSONL of the judged documents with NER (made once)")
    ap.add_argument("--pickles", nargs="*", default=(), help="pickled annotated documents to read instead")
    ap.add_argument("--c", type=float, default=0.3, help="inverse regularization strength")
    ap.add_argument("--keep", type=float, default=0.95, help="share of right claims the threshold keeps (CV)")
    ap.add_argument("--only", default="wrote,held_office,member_of",
                    help="the predicates the check may drop (comma-separated; 'all' for every one)")
    a = ap.parse_args(argv)
    only = None if a.only == "all" else set(a.only.split(","))
    ids = {i["doc"] for f in TRAIN + TEST for i in json.loads((JUDGED / f).read_text(encoding="utf-8"))}
    docs = load_docs(ids, a.cache, a.pickles)
    train, gone = rows_of(TRAIN, docs)
    print(f"training rounds {', '.join(TRAIN)}: {len(train)} judged claims still made ({sum(r[1] for r in train)} right), "
          f"{gone} gone; {len(_scorable(train, only))} of the predicates checked ({a.only})")
    from sklearn.metrics import roc_auc_score
    from witness.claims.learned import score
    scored = crossval(_scorable(train, only), a.c)
    threshold = threshold_for(scored, a.keep)
    print(f"cross-validated ROC AUC: {roc_auc_score([r[1] for _p, r in scored], [p for p, _r in scored]):.3f}")
    unchecked = _kept_unscored(train, only)
    _table("Cross-validated over the training rounds (5 folds by document; the predicates not checked always kept):",
           [trade_off(scored + unchecked, t) for t in sorted({0.0, 0.3, 0.4, 0.5, threshold})])
    model = fit(_scorable(train, only), a.c)
    for name in TEST:
        test, gone = rows_of((name,), docs)
        print(f"\nheld out {name} (totals only): {len(test)} judged claims still made, {gone} gone")
        checked = _scorable(test, only)
        held = [(score(model, r[0]), r) for r in checked]
        print(f"held-out ROC AUC: {roc_auc_score([r[1] for _p, r in held], [p for p, _r in held]):.3f}")
        _table("Held out, the model trained on the training rounds:",
               [trade_off(held + _kept_unscored(test, only), threshold)])
        pages = {r[3] for r in test}
        every = [c for d in pages for c in _MADE.get(d, ()) if getattr(c, "_vet", None) is not None
                 and (only is None or c.predicate in only)]
        dropped = Counter((c.predicate, c.certainty == "asserted") for c in every if score(model, c._vet) < threshold)
        made = Counter((c.predicate, c.certainty == "asserted") for c in every)
        print(f"  all the rules' claims on these {len(pages)} pages: {sum(dropped.values())} of {len(every)} dropped")
        for (pred, asserted), n in made.most_common():
            print(f"  {pred} ({'asserted' if asserted else 'other certainties'}): {dropped[(pred, asserted)]} of {n} dropped")
        for pred in sorted({_predicate(r) for r in checked}) if name != "population-5.json" else ():
            # (round 4 is never read: its totals only, not its verdicts per predicate)
            rows = [(p, r) for p, r in held if _predicate(r) == pred]
            right = [p for p, r in rows if r[1]]
            wrong = [p for p, r in rows if not r[1]]
            print(f"  {pred}: right kept {sum(p >= threshold for p in right)}/{len(right)}, "
                  f"wrong removed {sum(p < threshold for p in wrong)}/{len(wrong)}")


if __name__ == "__main__":
    main()
