"""Draw the blind gold samples, before anyone looks at the system's output on them.

    python tools/gold_sample.py claims  --out tests/gold/claims-blind/sample.json --texts DIR
    python tools/gold_sample.py records --out tests/gold/records/sample.json

Deterministic (seeded), so the draw can be repeated and checked.  The split into dev and test
is made here, at drawing time, before any annotation or tuning: the test pages are scored,
never studied.

Claims (issue 10): 30 pages drawn at random and 30 drawn from pages with event words, from the
English sections of the corpus (archive/, history/, reference/, subject/), none already in
tests/gold/, at most two pages per author folder and at most eight per decade in each half.
A page of more than 2,500 words is annotated in a window of consecutive paragraphs of about
1,800 words — at a random paragraph for the random half, at the densest run of event words for
the other — so that every page can be annotated completely; the scorer counts only claims whose
evidence lies inside the window.  `--texts DIR` writes what annotators see: the page's text as
the reader extracts it (never any claim output), with up to two paragraphs before the window
marked as context.

Records (issue 13): 100 pages drawn at random from the whole corpus, and (issue 14) 50 of the
192 pages of mia-extra; each split in halves.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from witness.ingest import read_path  # noqa: E402
from witness.ingest.base import Read  # noqa: E402

CORPUS = Path(os.environ.get("WITNESS_CORPUS", "/tmp/corpus/corpus"))
EXTRA = Path(os.environ.get("WITNESS_EXTRA", "/tmp/corpus/mia-extra"))
ENGLISH = ("archive", "history", "reference", "subject")
EVENT = re.compile(
    r"\b(arrest(?:ed|s)?|shot|executed|execution|exiled|deported|rumou?r(?:ed|s)?|imprisoned|"
    r"sentenced|murdered|assassinated|expelled|released|tried|trial|jailed|hanged|died|killed|"
    r"banished|rehabilitated|disappeared|condemned|prison)\b", re.I)
WINDOW_WORDS, WHOLE_PAGE_WORDS = 1800, 2500


def _already_gold(lists: bool = False) -> set[str]:
    """Page paths the gold files under tests/gold/ hold: the claims gold's one-page files, and with
    `lists` the records' lists too (the claims draws were made without them, and stay reproducible)."""
    out = set()
    for p in (ROOT / "tests" / "gold").rglob("*.json"):
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        if isinstance(data, list) and not lists:
            continue
        for x in data if isinstance(data, list) else [data]:
            if isinstance(x, dict) and isinstance(x.get("path"), str):
                out.add(x["path"])
    return out


def _pages(root: Path, sections=ENGLISH) -> list[Path]:
    out = []
    for sec in sections:
        out += sorted(p for p in (root / sec).rglob("*") if p.suffix.lower() in (".htm", ".html"))
    return out


def _author(rel: str) -> str:
    parts = rel.split("/")
    return "/".join(parts[:2]) if parts[0] == "archive" else parts[0] + "/" + (parts[1] if len(parts) > 2 else "")


def _decade(doc) -> str:
    d = doc.record.date or doc.record.heading_date or ""
    return d[:3] + "0s" if d[:3].isdigit() else "undated"


def _window(doc, rng: random.Random, dense: bool) -> tuple[int, int]:
    """(start, end) character offsets of the annotated stretch: whole paragraphs."""
    paras = doc.paragraphs()
    words = [len(doc.text[s:e].split()) for s, e in paras]
    if sum(words) <= WHOLE_PAGE_WORDS:
        return 0, len(doc.text)

    def run_from(i):
        j, n = i, 0
        while j < len(paras) and n < WINDOW_WORDS:
            n += words[j]
            j += 1
        return j

    starts = [i for i in range(len(paras)) if sum(words[i:]) >= WINDOW_WORDS * 0.8] or [0]
    if dense:
        def density(i):
            j = run_from(i)
            return len(EVENT.findall(doc.text[paras[i][0]:paras[j - 1][1]]))
        i = max(starts, key=lambda k: (density(k), -k))
    else:
        i = rng.choice(starts)
    j = run_from(i)
    return paras[i][0], paras[j - 1][1]


def draw_claims(seed: int = 20261206, exclude: set[str] = frozenset(), test_share: int = 10,
                per_kind: int = 30) -> list[dict]:
    rng = random.Random(seed)
    gold = _already_gold() | set(exclude)
    pool = []
    for p in _pages(CORPUS):
        rel = p.relative_to(CORPUS).as_posix()
        if rel in gold:
            continue
        out = read_path(p, CORPUS)
        if not isinstance(out, Read):
            continue
        doc = out.document
        if len(doc.text.split()) < 250:
            continue
        pool.append((rel, doc))
    rng.shuffle(pool)
    picked, per_author = [], Counter()

    def take(kind, n, accept):
        per_decade = Counter()
        for rel, doc in pool:
            if sum(1 for x in picked if x["kind"] == kind) >= n:
                break
            if any(x["path"] == rel for x in picked) or per_author[_author(rel)] >= 2:
                continue
            dec = _decade(doc)
            if per_decade[dec] >= 8 or not accept(doc):
                continue
            s, e = _window(doc, rng, dense=(kind == "event"))
            per_author[_author(rel)] += 1
            per_decade[dec] += 1
            picked.append({"path": rel, "kind": kind, "decade": dec, "window": [s, e],
                           "words": len(doc.text[s:e].split()), "page_words": len(doc.text.split())})

    take("random", per_kind, lambda d: True)
    take("event", per_kind, lambda d: len(set(m.lower() for m in EVENT.findall(d.text))) >= 4)
    for kind in ("random", "event"):
        group = [x for x in picked if x["kind"] == kind]
        for x in rng.sample(group, test_share):
            x["split"] = "test"
        for x in group:
            x.setdefault("split", "dev")
    return picked


def write_texts(sample: list[dict], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for k, x in enumerate(sample, 1):
        doc = read_path(CORPUS / x["path"], CORPUS).document
        s, e = x["window"]
        before = [p for p in doc.paragraphs() if p[1] <= s][-2:]
        parts = [f"PAGE {k:02d}: {x['path']}",
                 f"Document date (from its header): {doc.record.date or doc.record.heading_date or 'unknown'}",
                 ""]
        if before:
            parts += ["=== CONTEXT (earlier paragraphs; do NOT annotate claims here) ===",
                      doc.text[before[0][0]:before[-1][1]], ""]
        parts += ["=== ANNOTATE THIS TEXT ===", doc.text[s:e], "=== END ==="]
        (folder / f"page{k:02d}.txt").write_text("\n".join(parts) + "\n", encoding="utf-8")
        (folder / f"page{k:02d}.window.txt").write_text(doc.text[s:e], encoding="utf-8")


def draw_records(seed: int = 20261207) -> list[dict]:
    rng = random.Random(seed)
    gold = _already_gold()
    corpus = [p.relative_to(CORPUS).as_posix() for p in _pages(CORPUS, ("archive", "history", "reference", "subject"))]
    corpus = [p for p in corpus if p not in gold]
    extra = sorted(p.relative_to(EXTRA).as_posix() for p in EXTRA.rglob("*") if p.suffix.lower() in (".htm", ".html"))
    out = []
    for kind, pool, n in (("corpus", corpus, 100), ("mia-extra", extra, 50)):
        chosen = rng.sample(pool, n)
        test = set(rng.sample(chosen, n // 2))
        out += [{"path": p, "set": kind, "split": "test" if p in test else "dev"} for p in chosen]
    return out


def draw_records_again(seed: int, n: int, split: str) -> list[dict]:
    """Another blind records set (10th session): n random pages of the corpus's English sections
    (the population of test2), none in any gold file or sample."""
    rng = random.Random(seed)
    taken = _already_gold(lists=True)
    corpus = [p.relative_to(CORPUS).as_posix() for p in _pages(CORPUS, ("archive", "history", "reference", "subject"))]
    return [{"path": p, "set": "corpus", "split": split} for p in rng.sample([p for p in corpus if p not in taken], n)]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=["claims", "claims-train", "claims-holdout", "records", "records-dev7", "records-dev8", "records-dev9", "records-dev10", "records-dev11", "records-dev12"])
    ap.add_argument("--out", required=True)
    ap.add_argument("--texts", help="claims: write the annotators' texts into this folder")
    a = ap.parse_args(argv)
    if a.what == "claims-train":
        # a training set for the trained component: more pages drawn the same way, none of the
        # 60 above (nor their authors' pages already in the set), all "train"
        first = json.loads((ROOT / "tests/gold/claims-blind/sample.json").read_text(encoding="utf-8"))
        sample = draw_claims(seed=20261208, exclude={x["path"] for x in first}, test_share=0)
        for x in sample:
            x["split"] = "train"
    elif a.what == "claims-holdout":
        # a second held-out set (10th session), drawn after the test split had been scored twelve
        # times: 20 random + 20 event pages, none of the 120 above; half "dev2" (may be studied
        # later), half "test2" (only scored)
        taken = set()
        for name in ("sample.json", "train-sample.json"):
            taken |= {x["path"] for x in json.loads((ROOT / "tests/gold/claims-blind" / name).read_text(encoding="utf-8"))}
        sample = draw_claims(seed=20261209, exclude=taken, test_share=10, per_kind=20)
        for x in sample:
            x["split"] = {"test": "test2", "dev": "dev2"}[x["split"]]
    elif a.what == "records-dev7":
        sample = draw_records_again(seed=20261210, n=100, split="dev7")
    elif a.what == "records-dev8":
        sample = draw_records_again(seed=20261211, n=100, split="dev8")
    elif a.what == "records-dev9":
        sample = draw_records_again(seed=20261212, n=100, split="dev9")
    elif a.what == "records-dev10":
        sample = draw_records_again(seed=20261213, n=100, split="dev10")
    elif a.what == "records-dev11":
        sample = draw_records_again(seed=20261214, n=100, split="dev11")
    elif a.what == "records-dev12":
        sample = draw_records_again(seed=20261215, n=100, split="dev12")
    else:
        sample = draw_claims() if a.what == "claims" else draw_records()
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(sample, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if a.texts:
        write_texts(sample, Path(a.texts))
    print(f"{len(sample)} pages → {a.out}", Counter((x.get('kind') or x.get('set'), x['split']) for x in sample))


if __name__ == "__main__":
    main()
