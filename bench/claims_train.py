"""Train the claims classifier (src/witness/claims/learned.py) on the blind annotations, measure it
by cross-validation, and write its weights.

    python bench/claims_train.py                 # 5-fold cross-validation over dev+train pages, by page
    python bench/claims_train.py --write         # … and write src/witness/data/claims_model.json

Training data: tests/gold/claims-blind/dev/ and train/ (annotated blind; the test split is never
read here).  Rows: every person named or referred to in a parsed candidate sentence; labels: the
predicates the annotators gave that person in that sentence.  One logistic regression per
predicate (scikit-learn, only needed here: the runtime reads plain weights).

Thresholds: per predicate, the lowest score threshold at which the learned claims the rules did
not make are right at least 90 % of the time over the cross-validated predictions — so the model
may only add claims about as precise as the rules are; a predicate where no threshold reaches
that is left to the rules.  The table compares rules alone and rules + model, both cross-validated.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from claims import BLIND, gold_docs  # noqa: E402
from witness.claims import get_parser  # noqa: E402
from witness.claims.arguments import _Sent  # noqa: E402
from witness.claims.context import Context  # noqa: E402
from witness.claims.dates import document_now  # noqa: E402
from witness.claims.extract import _finish, _pipe, claims_from_sentence  # noqa: E402
from witness.claims.gold import score, window_of  # noqa: E402
from witness.claims.learned import MODEL, candidates, features  # noqa: E402
from witness.model import PREDICATES  # noqa: E402

FOLDS = 5
MIN_POSITIVES = 8
TARGET_PRECISION = 0.90


def prepare():
    """Parse every candidate sentence of every dev and train page once."""
    items = gold_docs(BLIND / "dev") + gold_docs(BLIND / "train")
    nlp = get_parser()
    pages = []
    for g, doc in items:
        ctx = Context(doc)
        cands = ctx.candidates()
        sdocs = list(_pipe(nlp, [doc.text[s:e] for s, e in cands]))
        ws, we = window_of(g, doc.text)
        gold_by_sent = defaultdict(set)
        for c in g["claims"]:
            pos = doc.text.find(c["evidence"], ws)
            if pos >= 0:
                gold_by_sent[ctx.sentence_index(pos)].add((c["subject"], c["predicate"]))
        pages.append({"g": g, "doc": doc, "ctx": ctx, "cands": cands, "sdocs": sdocs,
                      "window": (ws, we), "gold": gold_by_sent})
    return pages


def rows_of(page):
    """(features, labels) for every candidate person of the page's sentences inside its window."""
    ctx, out = page["ctx"], []
    ws, we = page["window"]
    date = document_now(page["doc"].record)
    for (s, _e), sdoc in zip(page["cands"], page["sdocs"]):
        if not ws <= s < we:
            continue
        made = {(c.subject, c.predicate) for c in claims_from_sentence(ctx, s, sdoc, date, model=False)}
        sent = _Sent(ctx, s, sdoc)
        gold = page["gold"].get(ctx.sentence_index(s), set())
        by_e = defaultdict(set)
        for e, p in made:
            by_e[e].add(p)
        seen = set()
        for entity, tok in candidates(sent):
            if entity in seen:
                continue                  # one row per person and sentence (the scorer's unit)
            seen.add(entity)
            f = features(sent, tok, by_e.get(entity, set()))
            labels = {p for e, p in gold if e == entity}
            out.append((f, labels, by_e.get(entity, set())))
    return out


def fit(rows, preds, c_value: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = DictVectorizer()
    x = vec.fit_transform([r[0] for r in rows]).tocsr()
    x.indices = x.indices.astype("int32")
    x.indptr = x.indptr.astype("int32")
    names = vec.get_feature_names_out()
    models = {}
    for p in preds:
        y = [1 if p in r[1] else 0 for r in rows]
        if sum(y) < MIN_POSITIVES:
            continue
        lr = LogisticRegression(C=c_value, max_iter=2000, solver="lbfgs")
        lr.fit(x, y)
        w = {names[i]: round(float(v), 5) for i, v in enumerate(lr.coef_[0]) if abs(v) > 1e-4}
        models[p] = {"weights": w, "intercept": round(float(lr.intercept_[0]), 5), "threshold": 0.5}
    return models


def extract(page, model):
    ctx = page["ctx"]
    date = document_now(page["doc"].record)
    claims = []
    for (s, _e), sdoc in zip(page["cands"], page["sdocs"]):
        claims += claims_from_sentence(ctx, s, sdoc, date, model=model)
    return _finish(ctx, claims, date)


def crossval(pages, c_value: float, seed: int = 3):
    idx = list(range(len(pages)))
    random.Random(seed).shuffle(idx)
    fold_of = {i: k % FOLDS for k, i in enumerate(idx)}
    rows = [rows_of(p) for p in pages]
    from witness.claims.learned import score as sc
    scored = []                           # (predicate, score, is-right) for learned-only candidates
    fold_models = {}
    for k in range(FOLDS):
        train = [r for i, rs in enumerate(rows) if fold_of[i] != k for r in rs]
        fold_models[k] = fit(train, PREDICATES, c_value)
        for i, rs in enumerate(rows):
            if fold_of[i] != k:
                continue
            for f, labels, made in rs:
                for p, m in fold_models[k].items():
                    if p not in made:
                        scored.append((p, sc(m, f), p in labels))
    thresholds = {}
    for p in PREDICATES:
        cand = sorted(((s, ok) for q, s, ok in scored if q == p), reverse=True)
        if os.environ.get("TRAIN_DEBUG") and cand:
            pos = sum(ok for _, ok in cand)
            tops = [(n, sum(ok for _, ok in cand[:n]) / n, round(cand[n - 1][0], 2)) for n in (5, 10, 20, 40, 80) if n <= len(cand)]
            print(f"  {p}: {len(cand)} candidates, {pos} right; precision at top n: {tops}")
        best, right = None, 0
        for n, (s, ok) in enumerate(cand, 1):
            right += ok
            if n >= 5 and right / n >= TARGET_PRECISION:
                best = s
        if best is not None:
            thresholds[p] = best
    # the cross-validated claims: each page with the model of the fold that did not see it
    rules_only, with_model = [], []
    for i, page in enumerate(pages):
        m = {"predicates": {p: dict(v, threshold=thresholds[p]) for p, v in fold_models[fold_of[i]].items()
                            if p in thresholds}}
        rules_only.append(extract(page, False))
        with_model.append(extract(page, m))
    items = [(p["g"], p["doc"]) for p in pages]
    return thresholds, score(items, rules_only), score(items, with_model), rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength")
    a = ap.parse_args(argv)
    pages = prepare()
    thresholds, r0, r1, rows = crossval(pages, a.c)
    print(f"{len(pages)} pages (dev + train), {sum(len(r) for r in rows)} person-sentence rows; "
          f"{FOLDS}-fold cross-validation by page")
    print("| extractor | gold | claims out | recall | precision | certainty | inflations |")
    print("|---|---|---|---|---|---|---|")
    for name, r in (("rules", r0), ("rules + model", r1)):
        print(f"| {name} | {r['gold']} | {r['system']} | {r['recall']:.2f} | {r['precision']:.2f} | "
              f"{r['certainty']:.2f} | {r['inflations']} |")
    print("thresholds:", {p: round(t, 3) for p, t in sorted(thresholds.items())})
    if a.write:
        flat = [r for rs in rows for r in rs]
        models = fit(flat, [p for p in PREDICATES if p in thresholds], a.c)
        for p, m in models.items():
            m["threshold"] = round(thresholds[p], 4)
        out = {"about": "bench/claims_train.py: logistic regression per predicate over person-in-sentence "
                        "features (claims/learned.py), trained on the blind dev+train annotations",
               "pages": len(pages), "rows": len(flat), "c": a.c, "predicates": models}
        MODEL.write_text(json.dumps(out, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {MODEL} ({MODEL.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
