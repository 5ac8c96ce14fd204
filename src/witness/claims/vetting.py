"""How the rules made a claim, as features for a trained check of the claims (issue 10: "a
certainty or argument classifier trained on your annotations ... report it beside the rules on
the same split").

The blind population rounds (tests/gold/claims-judged/population-*.json) showed that the false
claims of a fresh sample are mostly of kinds seen once; what they might share is the way a false
claim was made — the rule that made it, the trigger word, how far the person stands from it in
the parse, a pronoun or a bare surname, a person the authority file does not know.
``bench/claims_vetting.py`` trains a logistic regression on these features of the judged claims
and measures it on rounds held out of its training.

Measured twice and **not adopted** (docs/quality-claims.md):
- Twelfth session, rounds 1–3 and 5 (about 1,500 claims): ROC AUC 0.69 on the unread round 4,
  random precision +0.014 for 8 % fewer claims.
- Seventeenth session, rounds 1–3 and 5–10 (3,373 claims): held out, ROC AUC 0.69 on round 4 and
  0.76 on round 11, random precision +0.026 and +0.031 for 8 % fewer claims — bought mostly by
  dropping the rare predicates and the hedged certainties wholesale. On the pages of round 11's
  judged claims the threshold dropped 6 of 9 "charged", 8 of 9 "tried", 11 of 26 "exiled" and 11
  of 21 non-asserted "died" claims, against 21 of 657 asserted "wrote": it had learned that such
  claims are often judged wrong, not which ones, and cut where the arrests, charges and rumours
  Witness exists to keep are. Restricted to wrote, held_office and member_of it gains +0.017
  and +0.027 held out for 7 % fewer claims, and still drops hedged claims first ("It is rumored
  that Petrov has been appointed") — a bad trade while recall is the larger gap.
So no model ships, and the extractor computes these features only when asked
(``extract_claims_many(..., features=True)``).
"""

from __future__ import annotations


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"


def features(s, trig, ptok, predicate: str, certainty: str, rule: str, obj: str | None = None,
             learned: bool = False, presupposed: bool = False) -> dict[str, float]:
    """Sparse binary features of one claim as the rules made it in its parsed sentence."""
    lemma = trig.lemma_.lower()
    f: dict[str, float] = {
        "bias": 1.0, "p=" + predicate: 1, "r=" + rule: 1, f"pr={predicate}|{rule}": 1,
        "c=" + certainty: 1, f"pc={predicate}|{certainty}": 1, f"tl={predicate}|{lemma}": 1,
        "tpos=" + trig.pos_: 1, "tdep=" + trig.dep_: 1, "pdep=" + ptok.dep_: 1, "ppos=" + ptok.pos_: 1,
        f"h={predicate}|{trig.head.lemma_.lower()}": 1,
        "d=" + _bucket(abs(trig.i - ptok.i)): 1,
    }
    if trig.i == ptok.i:
        f["self"] = 1
    if learned:
        f["learned"] = 1
    if presupposed:
        f["presupposed"] = 1
    # the path from the person up to the trigger (or to the root): how the rule reached them
    path, t, k = [], ptok, 0
    while t.i != trig.i and t.head.i != t.i and k < 4:
        path.append(t.dep_)
        t, k = t.head, k + 1
    f["path=" + ">".join(path) + ("" if t.i == trig.i else ">?")] = 1
    start = s.base + ptok.idx
    m = s.ctx.mention_at(start, start + len(ptok.text))
    if ptok.pos_ == "PRON" or m is None:
        f["pronoun"] = 1
    else:
        words = m.text.split()
        f["mw=" + ("3+" if len(words) >= 3 else str(len(words)))] = 1
        if m.text.isupper():
            f["caps"] = 1
        if (m.entity or "").startswith("x-"):
            f["minted"] = 1                            # a person the authority file does not hold
            f[f"minted|{predicate}"] = 1
        # a surname other persons of the page share, and how often the page names this one:
        # where "other person" errors come from
        last = words[-1].rstrip("’'s").lower() if words else ""
        same = {p.entity for p in s.ctx.persons if p.entity != m.entity and last and p.text.split()[-1].lower() == last}
        if same:
            f["shared-surname"] = 1
        f["freq=" + _bucket(sum(p.entity == m.entity for p in s.ctx.persons) // 3)] = 1
    others = {p.entity for p in s.ctx.mentions_in(s.base, s.base + len(s.text))}
    f["npers=" + _bucket(len(others))] = 1
    if obj:
        f[f"o={predicate}|{obj.split()[-1].lower().strip('.,;:”’)')}"] = 1
    if s.ctx.quotation(start)[0]:
        f["inquote"] = 1
    if s.text.rstrip().endswith(("?", "?”", '?"')):
        f["question"] = 1
    f["len=" + _bucket(len(s.tokens) // 8)] = 1
    for i, x in enumerate(reversed(s.sdoc[max(0, ptok.left_edge.i - 2):ptok.left_edge.i]), 1):
        f[f"L{i}={x.lower_}"] = 1
    for i, x in enumerate(s.sdoc[ptok.i + 1:ptok.i + 3], 1):
        f[f"R{i}={x.lower_}"] = 1
    return f
