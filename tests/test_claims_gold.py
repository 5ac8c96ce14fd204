"""The claims gold set (tests/gold/claims/): well-formed, and no hedged gold claim is ever
output as a fact.  Recall/precision are benchmarks (bench/claims.py), not tests."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from witness.claims import extract_claims_many
from witness.claims.gold import load_gold, place_mentions, score
from witness.model import CERTAINTIES, HEDGED, PREDICATES

GOLD = Path(__file__).resolve().parent / "gold" / "claims"


@pytest.fixture(scope="session")
def gold_docs(corpus_root):
    from witness.ingest import read_path
    from witness.ingest.base import Read
    out = []
    for g in load_gold(GOLD):
        res = read_path(corpus_root / g["path"], corpus_root)
        assert isinstance(res, Read), g["path"]
        doc = res.document
        doc.record.date = g["date"]
        doc.mentions = place_mentions(doc.text, g["people"])
        out.append((g, doc))
    return out


def test_gold_is_well_formed(gold_docs):
    assert len(gold_docs) >= 12
    for g, doc in gold_docs:
        for c in g["claims"]:
            subject, predicate, certainty, evidence = c["subject"], c["predicate"], c["certainty"], c["evidence"]
            assert predicate in PREDICATES and certainty in CERTAINTIES, (g["file"], predicate)
            assert subject in g["people"].values(), (g["file"], subject)
            assert evidence in doc.text, (g["file"], evidence)


def test_no_inflation_on_gold(gold_docs):
    from witness.claims import get_parser
    results = extract_claims_many([d for _, d in gold_docs], nlp=get_parser())
    r = score(gold_docs, results)
    assert r["inflations"] == 0, [w for w in r["wrong"] if w[3] in HEDGED and w[4] in ("asserted", "confirmed")]
    # and the scorer itself sees an inflation when there is one
    forced = [[replace(c, certainty="asserted") for c in claims] for claims in results]
    assert score(gold_docs, forced)["inflations"] > 0


def test_the_judged_claims_keep_their_split_and_verdicts():
    """tests/gold/claims-judged: the dev/test halves are the document-hash split fixed before
    the judging, and every verdict is one the guide allows."""
    import hashlib
    import json
    from pathlib import Path
    items = json.loads((Path(__file__).parent / "gold" / "claims-judged" / "judged.json").read_text(encoding="utf-8"))
    assert len(items) == 200 and len({i["id"] for i in items}) == 200
    for i in items:
        first = hashlib.sha1(i["doc"].encode()).hexdigest()[0]
        assert i["split"] == ("dev" if first in "01234567" else "test"), i["id"]
        v = i["verdict"]
        assert v["claim"] in ("right", "wrong", "unclear")
        assert (v["error"] in ("other-person", "not-this-predicate", "not-an-event", "not-a-person", "other")) == (
            v["claim"] == "wrong")
        assert i["evidence"] and i["predicate"] and i["subject"]
