"""Person finding on CLEF HIPE-2020 English (historical newspapers), scored as HIPE scores it.

    python bench/hipe.py                      # dev split (the one to tune on)
    python bench/hipe.py --split test         # test: once per release, then write it down
    python bench/hipe.py --errors ours        # dev only: the errors of one system

Reads ``../shared/data/hipe-2020-en/HIPE-data-v1.4-{dev,test}-en.tsv`` (fetches nothing),
rebuilds each newspaper document from its tokens (``NoSpaceAfter`` → no space,
``EndOfLine`` → a line break), runs the systems over the rebuilt text, projects their
person mentions back onto the HIPE tokens as IOB tags and scores the NE-COARSE-LIT column
with the matching rules of the official HIPE scorer (re-implemented here, see ``hipe_score``):

* strict: same type and exactly the same tokens;
* fuzzy ("ent_type"): same type and at least one token in common;
* per type as the official scorer aggregates it: a predicted person that overlaps a gold
  place counts against the place, not against PERS precision; a prediction overlapping
  nothing is spurious for its own type; each gold entity is matched once.

Systems, all in the same run:
  out-of-the-box en_core_web_sm: every component, PERSON/ORG/GPE/LOC… entities as they come;
  ours (shipped): witness.nlp.annotate, mentions as the archive stores them (titles left out);
  ours + titles: the same mentions widened over a preceding title or honorific
                 (``witness.nlp.with_titles``), because HIPE's person spans include them
                 ("Mr. Vance", "Gen. Harrison") — a benchmark mode, not the archive's default.
  --model NAME adds the shipped pipeline on another spaCy model (en_core_web_md …).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

SHARED = Path(os.environ.get("WITNESS_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data" / "hipe-2020-en"
FILES = {"dev": "HIPE-data-v1.4-dev-en.tsv", "test": "HIPE-data-v1.4-test-en.tsv"}

# Our types → HIPE coarse types (HIPE: pers, loc, org, prod, time).
HIPE_TYPE = {"person": "PERS", "place": "LOC", "organization": "ORG", "periodical": "PROD",
             "work": "PROD", "date": "TIME"}
SPACY_TYPE = {"PERSON": "PERS", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG",
              "WORK_OF_ART": "PROD", "PRODUCT": "PROD", "DATE": "TIME"}


@dataclass
class HipeDoc:
    id: str
    date: str | None
    tokens: list[str] = field(default_factory=list)
    gold: list[str] = field(default_factory=list)       # NE-COARSE-LIT, upper case
    spans: list[tuple[int, int]] = field(default_factory=list)  # char span of each token
    text: str = ""


def read_tsv(path: Path) -> list[HipeDoc]:
    """Documents of a HIPE TSV with their text rebuilt and each token's character span."""
    if not path.exists():
        raise SystemExit(f"{path}: not found (the HIPE data ships in ../shared/data/hipe-2020-en/)")
    docs: list[HipeDoc] = []
    cur: HipeDoc | None = None
    date = None
    parts: list[str] = []
    pos = 0
    header = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if line.startswith("#"):
            if line.startswith("# date"):
                date = line.split("=", 1)[1].strip()
            elif line.startswith("# document_id"):
                if cur is not None:
                    cur.text = "".join(parts)
                cur = HipeDoc(line.split("=", 1)[1].strip(), date)
                docs.append(cur)
                parts, pos = [], 0
            continue
        cols = line.split("\t")
        if header is None and cols[0] == "TOKEN":
            header = cols
            continue
        if cur is None:
            raise SystemExit(f"{path}: a token before any '# document_id' line")
        tok, lit, misc = cols[0], cols[1].upper(), cols[-1]
        cur.tokens.append(tok)
        cur.gold.append(lit)
        cur.spans.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
        flags = set(misc.split("|"))
        sep = "\n" if "EndOfLine" in flags else ("" if "NoSpaceAfter" in flags else " ")
        parts.append(sep)
        pos += len(sep)
    if cur is not None:
        cur.text = "".join(parts)
    return docs


def to_tags(doc: HipeDoc, mentions: list[tuple[int, int, str]]) -> list[str]:
    """IOB tags over the HIPE tokens for (start, end, HIPE type) character spans: a token
    belongs to a mention when their characters overlap."""
    tags = ["O"] * len(doc.tokens)
    for a, b, typ in sorted(mentions):
        first = True
        for i, (s, e) in enumerate(doc.spans):
            if e <= a or s >= b:
                continue
            if tags[i] != "O":
                first = False
                continue  # an earlier (overlapping) mention keeps the token
            tags[i] = ("B-" if first else "I-") + typ
            first = False
    return tags


def entities(tags: list[str]) -> list[tuple[str, int, int]]:
    """(type, first token, last token) as the official scorer collects them."""
    out, start, typ = [], None, None
    for i, t in enumerate(tags):
        if t == "O":
            if typ is not None:
                out.append((typ, start, i - 1))
                typ = None
        elif typ is None:
            typ, start = t[2:], i
        elif typ != t[2:] or t.startswith("B"):
            out.append((typ, start, i - 1))
            typ, start = t[2:], i
    if typ is not None:
        out.append((typ, start, len(tags) - 1))
    return out


def _blank():
    return {"correct": 0, "incorrect": 0, "partial": 0, "missed": 0, "spurious": 0}


def hipe_score(pairs, tagset: set[str]):
    """The official scorer's scenarios per document (one segment each: HIPE-2020 English has
    no segment lines), aggregated per gold type.  Returns {type: {"strict": …, "fuzzy": …}}."""
    per_type: dict[str, dict[str, dict]] = defaultdict(lambda: {"strict": _blank(), "fuzzy": _blank()})
    for gold_tags, pred_tags in pairs:
        trues = [e for e in entities(gold_tags) if e[0] in tagset]
        preds = [e for e in entities(pred_tags) if e[0] in tagset]
        matched: list[tuple] = []
        for p in preds:
            if p in trues:                       # I: exact boundaries and type
                matched.append(p)
                per_type[p[0]]["strict"]["correct"] += 1
                per_type[p[0]]["fuzzy"]["correct"] += 1
                continue
            hit = False
            for t in trues:
                if (t[1], t[2]) == (p[1], p[2]):   # IV: same span, other type
                    per_type[t[0]]["strict"]["incorrect"] += 1
                    per_type[t[0]]["fuzzy"]["incorrect"] += 1
                    matched.append(t)
                    hit = True
                    break
                if t[1] <= p[2] and p[1] <= t[2] and t not in matched:
                    matched.append(t)
                    hit = True
                    per_type[t[0]]["strict"]["incorrect"] += 1
                    # V: overlap, same type → correct when fuzzy; VI: other type
                    per_type[t[0]]["fuzzy"]["correct" if t[0] == p[0] else "incorrect"] += 1
                    break
            if not hit:                          # II: spurious, for its own type
                per_type[p[0]]["strict"]["spurious"] += 1
                per_type[p[0]]["fuzzy"]["spurious"] += 1
        for t in trues:                          # III: missed
            if t not in matched:
                per_type[t[0]]["strict"]["missed"] += 1
                per_type[t[0]]["fuzzy"]["missed"] += 1
    out = {}
    for typ, schemes in per_type.items():
        out[typ] = {}
        for name, c in schemes.items():
            possible = c["correct"] + c["incorrect"] + c["partial"] + c["missed"]
            actual = c["correct"] + c["incorrect"] + c["partial"] + c["spurious"]
            p = c["correct"] / actual if actual else 0.0
            r = c["correct"] / possible if possible else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[typ][name] = {"P": p, "R": r, "F1": f, "TP": c["correct"],
                              "FP": actual - c["correct"], "FN": possible - c["correct"]}
    return out


# ---- systems ------------------------------------------------------------------------------
def _witness_doc(d: HipeDoc):
    from witness.model import Document, Record, Source
    return Document(id=d.id, source=Source(f"{d.id}.tsv", "text", ""),
                    record=Record(date=d.date, language="en"), text=d.text)


def run_ours(docs, nlp=None, titles=False):
    from witness.nlp import annotate, with_titles
    out = []
    for d in docs:
        wd = annotate(_witness_doc(d), nlp=nlp)
        ms = with_titles(wd.text, wd.mentions) if titles else wd.mentions
        out.append([(m.start, m.end, HIPE_TYPE[m.type]) for m in ms if m.type in HIPE_TYPE])
    return out


def run_spacy(docs, model):
    import spacy
    nlp = spacy.load(model)
    return [[(e.start_char, e.end_char, SPACY_TYPE[e.label_]) for e in nlp(d.text).ents
             if e.label_ in SPACY_TYPE] for d in docs]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--model", action="append", default=[],
                    help="also run the shipped pipeline on this spaCy model (repeatable)")
    ap.add_argument("--errors", default=None, help="dev only: print this system's PERS errors")
    args = ap.parse_args(argv)
    if args.errors and args.split == "test":
        raise SystemExit("the test split is scored, never studied: --errors works on dev only")
    from witness.nlp.pipeline import MODEL, build
    from witness.nlp import _authority
    docs = read_tsv(DATA / FILES[args.split])
    tagset = {e[0] for d in docs for e in entities(d.gold)}
    words = sum(len(d.tokens) for d in docs)
    n_pers = sum(1 for d in docs for e in entities(d.gold) if e[0] == "PERS")
    systems = [("out-of-the-box en_core_web_sm", lambda: run_spacy(docs, MODEL)),
               ("ours (shipped)", lambda: run_ours(docs)),
               ("ours + titles (benchmark mode)", lambda: run_ours(docs, titles=True))]
    for m in args.model:
        systems.append((f"ours on {m} + titles",
                        lambda m=m: run_ours(docs, nlp=build(_authority(), model=m), titles=True)))
    rows = []
    for label, run in systems:
        t0 = time.perf_counter()
        preds = run()
        secs = time.perf_counter() - t0
        pairs = [(d.gold, to_tags(d, p)) for d, p in zip(docs, preds)]
        s = hipe_score(pairs, tagset).get("PERS")
        rows.append((label, s, words / secs))
        if args.errors and args.errors in label:
            _print_errors(docs, pairs)
    print(f"HIPE-2020 English {args.split}: {len(docs)} documents, {n_pers} person mentions, "
          f"{words} tokens. PERS, official matching rules (micro).\n")
    print("| system | fuzzy P | fuzzy R | fuzzy F1 | strict P | strict R | strict F1 | tokens/s |")
    print("|---|---|---|---|---|---|---|---|")
    for label, s, wps in rows:
        fz, st = s["fuzzy"], s["strict"]
        print(f"| {label} | {fz['P']:.3f} | {fz['R']:.3f} | **{fz['F1']:.3f}** | {st['P']:.3f} "
              f"| {st['R']:.3f} | **{st['F1']:.3f}** | {wps:.0f} |")


def _print_errors(docs, pairs):
    for d, (g, p) in zip(docs, pairs):
        ge = {e for e in entities(g) if e[0] == "PERS"}
        pe = {e for e in entities(p) if e[0] == "PERS"}
        def txt(e):
            return d.text[d.spans[e[1]][0]:d.spans[e[2]][1]].replace("\n", "⏎")
        for e in sorted(ge - pe):
            over = [q for q in pe if q[1] <= e[2] and e[1] <= q[2]]
            other = [q for q in entities(p) if q[0] != "PERS" and q[1] <= e[2] and e[1] <= q[2]]
            kind = "SPAN" if over else ("TYPE " + other[0][0] if other else "MISS")
            print(f"{kind:9} {d.id[-20:]} gold={txt(e)!r}" + (f" got={txt(over[0])!r}" if over else
                  (f" got={txt(other[0])!r}" if other else "")))
        for e in sorted(pe):
            if not any(g_[1] <= e[2] and e[1] <= g_[2] for g_ in entities(g)):
                print(f"FP        {d.id[-20:]} {txt(e)!r}")
            elif not any(g_[1] <= e[2] and e[1] <= g_[2] for g_ in ge):
                print(f"FP-TYPE   {d.id[-20:]} {txt(e)!r}")


if __name__ == "__main__":
    main()
