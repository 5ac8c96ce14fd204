"""A trained component beside the rules: which person in a parsed sentence the sentence makes a
claim about, per predicate (issue 10: "a certainty or argument classifier trained on your
annotations").

The rules (extract.py, roles.py, authorship.py, meetings.py) find claims through trigger words
and their arguments; on pages nobody tuned them on they miss the many ways a text gives someone
an office, a party or a book.  This component looks at every person named (or unambiguously
referred to) in a candidate sentence and scores, per predicate, whether the sentence makes that
claim about them, from features of the parse around the name: its dependency relation and
governors, the words before and after it, the sentence's content words, and what the rules
found.  Linear models (logistic regression) trained by ``bench/claims_train.py`` on the blind
annotations' dev and training pages — never the test split — are stored as plain weights in
``data/claims_model.json``; scoring needs no machine-learning library.

It only ever *adds* a claim the rules did not make, and the certainty of an added claim comes
from the same governing-frame walk as every other claim (scope.govern), so a learned claim can
never be more certain than the words around it allow.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

MODEL = Path(__file__).resolve().parent.parent / "data" / "claims_model.json"
_CONTENT = {"NOUN", "VERB", "ADJ", "PROPN", "ADV"}
_PRONOUNS = {"he", "him", "his", "she", "her", "i", "me", "my"}


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def candidates(s) -> list[tuple[str, object]]:
    """(entity, token) for each person the sentence names or refers to unambiguously: the first
    token of each mention, and pronouns the rules' resolver gives an entity."""
    out, seen = [], set()
    base = s.base
    for m in s.ctx.mentions_in(base, base + len(s.text)):
        tok = s.token_at(m.start)
        if tok is None:
            continue
        # the mention's head: the last token of the span that the parse attaches outside it
        span = [t for t in s.tokens if m.start <= base + t.idx < m.end]
        head = next((t for t in reversed(span) if not (m.start <= base + t.head.idx < m.end) or t.head.i == t.i),
                    span[-1] if span else tok)
        key = (m.entity, head.i)
        if key not in seen:
            seen.add(key)
            out.append((m.entity, head))
    for tok in s.tokens:
        if tok.lower_ in _PRONOUNS and tok.pos_ == "PRON":
            e = s.entity(tok)
            if e and (e, tok.i) not in seen:
                seen.add((e, tok.i))
                out.append((e, tok))
    return out


def features(s, tok, rule_preds: set[str]) -> dict[str, float]:
    """Sparse binary features of one person token in its parsed sentence."""
    f: dict[str, float] = {"bias": 1.0}
    sdoc = s.sdoc
    f["dep=" + tok.dep_] = 1
    f["pron" if tok.pos_ == "PRON" else "name"] = 1
    t, k = tok, 0
    while t.head.i != t.i and k < 4:
        k += 1
        f[f"a{k}={_lemma(t.head)}"] = 1
        f[f"a{k}d={t.dep_}>{t.head.pos_}"] = 1
        f[f"anc={_lemma(t.head)}"] = 1
        t = t.head
    for c in tok.children:
        if c.dep_ not in ("compound", "flat", "punct", "det"):
            f[f"c:{c.dep_}:{_lemma(c)}"] = 1
            f[f"cd:{c.dep_}"] = 1
    for g in tok.head.children:
        if g.i != tok.i and g.dep_ in ("prep", "dobj", "attr", "acomp", "prt", "neg", "agent", "appos", "oprd"):
            f[f"sib:{g.dep_}:{_lemma(g)}"] = 1
            for gg in g.children:
                if gg.dep_ == "pobj":
                    f[f"sib:{_lemma(g)}>{_lemma(gg)}"] = 1
    left = [x for x in sdoc[max(0, tok.left_edge.i - 3):tok.left_edge.i]]
    right = [x for x in sdoc[tok.i + 1:tok.i + 4]]
    for i, x in enumerate(reversed(left), 1):
        f[f"L{i}={x.lower_}"] = 1
    for i, x in enumerate(right, 1):
        f[f"R{i}={x.lower_}"] = 1
    if left:
        f[f"L1p={left[-1].pos_}"] = 1
    if right:
        f[f"R1p={right[0].pos_}"] = 1
    for x in s.tokens:
        if x.pos_ in _CONTENT and not x.is_stop and x.i != tok.i:
            f["w=" + _lemma(x)] = 1
    inside, _speaker = s.ctx.quotation(s.base + tok.idx)
    if inside:
        f["inquote"] = 1
    if s.text.rstrip().endswith(("?", "?”", '?"')):
        f["question"] = 1
    for p in rule_preds:
        f["rule=" + p] = 1
    if rule_preds:
        f["rule_any"] = 1
    return f


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> dict | None:
    p = Path(path) if path else MODEL
    if not p.exists():
        return None
    return json.loads(p.read_text(encoding="utf-8"))


def score(model_pred: dict, f: dict[str, float]) -> float:
    w = model_pred["weights"]
    z = model_pred.get("intercept", 0.0) + sum(w.get(k, 0.0) * v for k, v in f.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def learned_claims(s, add, made: set[tuple[str, str]], model: dict | None = None) -> None:
    """Add the claims the model is confident of and the rules did not make in this sentence.
    `made`: (entity, predicate) pairs the rules produced for the sentence."""
    model = model if model is not None else load_model()
    if not model:
        return
    rules_by_entity: dict[str, set[str]] = {}
    for e, p in made:
        rules_by_entity.setdefault(e, set()).add(p)
    done = set(made)
    for entity, tok in candidates(s):
        f = features(s, tok, rules_by_entity.get(entity, set()))
        for pred, m in model["predicates"].items():
            if (entity, pred) in done:
                continue
            if score(m, f) >= m["threshold"]:
                done.add((entity, pred))
                add(entity, pred, None, tok, tok, learned=True)
