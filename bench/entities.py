"""Person extraction and linking on the hand-annotated gold set (tests/gold/entities/).

    python bench/entities.py [--write]     # --write: docs/quality-entities.md

Gold: every person named in the body of ≥ 12 corpus pages, by surface string (all whole-word
occurrences, longest first) and entity (authority id, or "provisional" for a person the
authority lacks).  Offsets are resolved on the reader's text at run time, so the gold
survives changes of the reader.

Scores (strict: a mention counts only with exactly the gold span):
  precision, recall, F1 of person mentions;
  linking accuracy over the correctly found mentions: the authority id, or, for a
  provisional gold person, one consistent provisional id for all of its mentions.
Systems: the out-of-the-box model (all its components, PERSON entities, each linked by the
authority's lookup) and our pipeline in its variants (entity ruler before/after ner, without
ruler, without rules).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from witness.authority import load as load_authority, provisional_id  # noqa: E402
from witness.ingest import read_path  # noqa: E402
from witness.ingest.base import Read  # noqa: E402
from witness.nlp import annotate  # noqa: E402
from witness.nlp.pipeline import MODEL, build  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "entities"
SHARED = Path(os.environ.get("WITNESS_SHARED", ROOT.parent / "shared"))


def corpus_root() -> Path:
    for cand in (ROOT / ".corpus" / "corpus", Path("/tmp/corpus/corpus")):
        if (cand / "archive").is_dir():
            return cand
    import subprocess
    out = subprocess.run(["bash", str(SHARED / "corpus" / "unpack.sh"), str(ROOT / ".corpus")],
                         check=True, capture_output=True, text=True).stdout.strip()
    return Path(out)


def _occurrences(text: str, surface: str, plural: bool = False):
    tail = r"(?=s?(?!\w))" if plural else r"(?!\w)"
    for m in re.finditer(r"(?<!\w)" + re.escape(surface) + tail, text):
        yield m.start(), m.end()


def resolve(gold: dict, text: str):
    """(gold spans {(start, end): (entity, name)}, ignored character ranges)."""
    taken = bytearray(len(text) + 1)
    ignored = []
    for s in gold.get("ignore", []):
        for a, b in _occurrences(text, s):
            ignored.append((a, b))
            taken[a:b] = b"\1" * (b - a)
    spans = {}
    for p in sorted(gold["persons"], key=lambda p: -len(p["surface"])):
        for a, b in _occurrences(text, p["surface"], p.get("plural", False)):
            if any(taken[a:b]):
                continue
            taken[a:b] = b"\1" * (b - a)
            spans[(a, b)] = (p["entity"], p["name"])
    return spans, ignored


def load_gold(root: Path):
    out = []
    for f in sorted(GOLD.glob("*.json")):
        g = json.loads(f.read_text())
        o = read_path(root / g["relpath"], root)
        if not isinstance(o, Read):
            raise SystemExit(f"gold document not read: {g['relpath']}: {o}")
        out.append((g, o.document))
    return out


def baseline(nlp_full, auth, doc):
    """Out of the box: PERSON entities of the full model, linked by the authority's lookup."""
    out = []
    for ent in nlp_full(doc.text).ents:
        if ent.label_ != "PERSON":
            continue
        c = auth.lookup(ent.text, type="person")
        eid = c[0].id if c and c[0].score >= 0.7 else provisional_id(ent.text)
        out.append((ent.start_char, ent.end_char, eid))
    return out


def ours(nlp, doc):
    annotate(doc, nlp=nlp)
    return [(m.start, m.end, m.entity) for m in doc.mentions if m.type == "person"]


def score(results, auth):
    tp = fp = fn = link_ok = 0
    errors = []
    for spans, ignored, pred, rel in results:
        pred = [p for p in pred if not any(a < p[1] and p[0] < b for a, b in ignored)]
        pmap = {(a, b): e for a, b, e in pred}
        # The provisional id a system gave most often to each provisional gold person.
        major = {}  # per document: one provisional id per person is what we ask
        for span, (ent, name) in spans.items():
            if ent == "provisional" and span in pmap:
                major.setdefault(name, Counter())[pmap[span]] += 1
        for span, (ent, name) in spans.items():
            if span not in pmap:
                fn += 1
                errors.append(("FN", rel, span, name, None))
                continue
            tp += 1
            got = pmap[span]
            if ent == "provisional":
                ok = got not in auth.entries and got == major[name].most_common(1)[0][0]
            else:
                ok = got == ent
            link_ok += ok
            if not ok:
                errors.append(("LINK", rel, span, name, got))
        for span, e in pmap.items():
            if span not in spans:
                fp += 1
                errors.append(("FP", rel, span, None, e))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": p, "R": r, "F1": f, "link": link_ok / tp if tp else 0.0,
            "tp": tp, "fp": fp, "fn": fn}, errors


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true", help="write docs/quality-entities.md")
    ap.add_argument("--errors", default=None, help="print the errors of this system")
    args = ap.parse_args(argv)
    import spacy
    root = corpus_root()
    auth = load_authority()
    gold = load_gold(root)
    systems = {
        "out-of-the-box en_core_web_sm (PERSON + lookup)": None,
        "ours: ner only + linking (no ruler, no rules)": ("none", False),
        "ours: ner + rules (no ruler)": (None, True),
        "ours: ruler after ner + rules": ("after", True),
        "ours: ruler before ner + rules (shipped)": ("before", True),
    }
    rows = []
    for label, conf in systems.items():
        if conf is None:
            nlp = spacy.load(MODEL)
            run = lambda d, nlp=nlp: baseline(nlp, auth, d)  # noqa: E731
        else:
            ruler, rules = conf
            nlp = build(auth, ruler=None if ruler in (None, "none") else ruler, rules=True)
            if not rules:
                nlp.get_pipe("witness_entities").rules.person_names = set()
                _strip_rules(nlp)
            run = lambda d, nlp=nlp: ours(nlp, d)  # noqa: E731
        results = []
        t0 = time.perf_counter()
        words = 0
        for g, doc in gold:
            spans, ignored = resolve(g, doc.text)
            words += len(doc.text.split())
            results.append((spans, ignored, run(doc), g["relpath"]))
        secs = time.perf_counter() - t0
        s, errors = score(results, auth)
        rows.append((label, s, words / secs))
        if args.errors and args.errors in label:
            for e in errors:
                rel, (a, b) = e[1], e[2]
                doc = next(d for g, d in gold if g["relpath"] == rel)
                print(e[0], rel.split("/", 1)[1], repr(doc.text[a:b]), e[3], e[4],
                      "…" + doc.text[max(0, a - 40):b + 20].replace("\n", " ") + "…")
    n_gold = sum(len(resolve(g, d.text)[0]) for g, d in gold)
    lines = [
        f"Gold: {len(gold)} documents, {n_gold} person mentions (tests/gold/entities/). "
        "Strict spans; linking accuracy over correctly found mentions.",
        "",
        "| system | precision | recall | F1 | linking acc. | TP | FP | FN |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for label, s, _wps in rows:
        lines.append(f"| {label} | {s['P']:.3f} | {s['R']:.3f} | {s['F1']:.3f} | {s['link']:.3f} "
                     f"| {s['tp']} | {s['fp']} | {s['fn']} |")
    table = "\n".join(lines)
    print(table)
    if args.write:
        _write(table)


def _strip_rules(nlp):
    """The 'no rules' variant: keep only the model's entities mapped to our types."""
    from witness.nlp.lexicon import LABELS
    from witness.nlp.rules import Raw

    comp = nlp.get_pipe("witness_entities")

    def plain(doc):
        return [Raw(e.start_char, e.end_char, LABELS[e.label_], None) for e in doc.ents
                if e.label_ in LABELS]
    comp.rules.extract = plain


def _write(table: str) -> None:
    path = ROOT / "docs" / "quality-entities.md"
    head = ("# Entities: extraction and linking quality\n\n"
            "Measured by `python bench/entities.py --write` (re-run after changing the rules, "
            "the authority file or the gold set).\n\n")
    notes = """
Reading the table:

- The out-of-the-box row runs every component of `en_core_web_sm` and takes its PERSON
  entities, each linked by `Authority.lookup` (top candidate with score ≥ 0.7, else a
  provisional id).  The model errs as the issue says: Yagoda a place, G.P.U. a person,
  Kalinin an organization, "Bolshevik" a person; it misses most bare surnames.
- "ner only + linking" is the same model with only `ner` (its own tok2vec; the shared
  tok2vec, tagger, parser, lemmatizer are excluded — the model's entities are the same as
  with every component, so excluding them costs nothing), plus our linking, whose
  in-document surname rescan ("Juliet Stuart Poyntz" … "Poyntz") accounts for the gain.
- Entity ruler position: before and after `ner` now score the same on persons here
  (while the rules were weaker, before was ahead on linking: 0.988 against 0.965, because
  the ruler's ids then survive instead of the model's spans overwriting them).  Before is
  shipped: the model then predicts around the authority's names instead of mislabelling
  them (Yagoda as a place, G.P.U. as a person), which also matters for the other types.
  Without a ruler, recall drops by about five points.
- Linking accuracy is over correctly found mentions; for persons the authority lacks
  (gold "provisional") a mention counts as linked when it carries the one provisional id
  the system gave that person most often in the document.
- Remaining errors (`python bench/entities.py --errors shipped`): surnames the model does
  not tag in lists and the authority lacks ("Lakoba", "Magyar", "Goloded"), a full name
  swallowed with the publisher ("Roy Medvedev Macmillan"), so its bare surname is missed
  too; names that are places, periodicals or works ("Rostov", "Ce Soir", "Jean
  Christophe"); typos ("Ziuoviev", "Antotnov-Ovseyenko"); "Franco" left provisional
  because the authority scores the bare surname 0.5 (a lone 0.5 candidate is not linked:
  measured, that was wrong more often than right — Medvedev, Chamberlain, Orloff).
- The gold set was annotated by hand from the pages' text (every person named in the body,
  signatures and page furniture excluded); the rules were also checked by eye on pages
  outside it (Shachtman 1938 trial, Mandel 1988, Morrow 1938, Hansen 1946, Pearce 1958,
  Broué 1971 ch. 11).
"""
    keep = ""
    old = path.read_text() if path.exists() else ""
    if "\n## " in old:
        keep = old[old.index("\n## "):]      # every section after the table is kept
    path.write_text(head + table + "\n" + notes + keep)


if __name__ == "__main__":
    main()
