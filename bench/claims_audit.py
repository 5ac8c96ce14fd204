"""Audit: asserted claims whose governing chain holds a word that could make them something else.

    python bench/claims_audit.py --pages 1000 --cache /tmp/audit-ner.jsonl --out audit.tsv
    python bench/claims_audit.py --cache /tmp/audit-ner.jsonl --judged tests/gold/claims-audit/judged.json
    PYTHONPATH=/path/to/older/src python bench/claims_audit.py --cache /tmp/audit-ner.jsonl   # an older extractor

Over a seeded random sample of corpus pages (English sections, none of the gold pages), the
pages go through the real NER and linking (cached in --cache, so several extractors can be
audited on the same mentions) and the claims extractor.  Listed: every asserted or confirmed
claim whose governing chain (scope.governing_words: the trigger's own modifiers and every head
above it) holds a negation, intent, demand, prevention, condition, question, attribution,
rumor, hedge, fear or denial word — each a candidate inflation, to be reviewed by a reader.
Counted: died/executed claims by certainty, and those whose sentence speaks of a plot, an
attempt, a plan or a fear (``PLOT``), the inflation issue 10 found most often.

--judged: the rows readers have judged blind (tests/gold/claims-audit/judged.json: ok, inflated
with the certainty the text gives, or wrong). A listed row is judged when the same document,
subject, predicate, certainty and sentence were; the verdicts of today's listing are counted and
its inflations listed, and --out then holds only the rows nobody has judged yet.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
if not os.environ.get("PYTHONPATH"):
    sys.path.insert(0, str(ROOT / "src"))
from _corpus import corpus_dir, gold_paths  # bench/ is the script's folder

CORPUS = corpus_dir(os.environ.get("WITNESS_CORPUS"))
PLOT = re.compile(r"\b(plot\w*|plan\w*|attempt\w*|conspir\w*|prepar\w*|intend\w*|intention|postpon\w*|"
                  r"threat\w*|fear\w*|danger|design\w*|scheme\w*|aim\w*|organi[sz]\w* (?:the|an?) "
                  r"(?:murder|assassination|killing)|terroris\w*)\b", re.I)


def sample_docs(n: int, seed: int, cache: Path | None):
    from witness.model import Document
    if cache and cache.exists():
        with cache.open(encoding="utf-8") as fp:
            return [Document.from_json(json.loads(line)) for line in fp][:n]
    from witness.ingest import read_path
    from witness.ingest.base import Read
    from witness.nlp import annotate_many
    gold = gold_paths()
    pages = sorted(p for sec in ("archive", "history", "reference", "subject") for p in (CORPUS / sec).rglob("*.htm*"))
    random.Random(seed).shuffle(pages)
    docs = []
    for p in pages:
        if p.relative_to(CORPUS).as_posix() in gold:
            continue
        out = read_path(p, CORPUS)
        if isinstance(out, Read) and len(out.document.text) > 500:
            docs.append(out.document)
        if len(docs) >= n:
            break
    t = time.perf_counter()
    done = []
    for k, d in enumerate(annotate_many(docs, n_process=1), 1):
        done.append(d)
        if k % 50 == 0:
            rate = k / (time.perf_counter() - t)
            print(f"  NER {k}/{len(docs)} pages, {rate:.1f} pages/s, ETA {(len(docs) - k) / rate:.0f} s", file=sys.stderr)
    if cache:
        with cache.open("w", encoding="utf-8") as fp:
            for d in done:
                fp.write(json.dumps(d.to_json(), ensure_ascii=False) + "\n")
    return done


def write_contradictions(docs, claims, path: Path) -> None:
    """Every contradiction over the sample, both quotes with their documents, for a judge."""
    from witness.authority import load
    from witness.claims import find_contradictions, items_from_document
    items, spans = [], {}
    for d, cs in zip(docs, claims):
        items += items_from_document(d, cs)
        for m in d.mentions:
            if m.type == "person" and m.entity:
                spans.setdefault(d.id, []).append((m.start, m.end, m.entity))

    def named(it):          # the claim's own sentence names its subject (a mention inside the evidence)
        ev = it.claim.evidence
        return any(s >= ev.start and e <= ev.end and ent == it.claim.subject for s, e, ent in spans.get(it.document_id, ()))
    found = find_contradictions(items, load(), named=named)
    kinds = Counter(c.kind for c in found)
    print(f"contradictions over the sample: {len(found)} {dict(kinds.most_common())}")
    with path.open("w", encoding="utf-8") as fp:
        fp.write("n\tkind\tsubject\tagainst\treason\toutlier_doc\toutlier_quote\tconsensus_doc\tconsensus_quote\n")
        for k, c in enumerate(found, 1):
            o, e = c.outlier, c.consensus.example
            q = lambda it: " ".join((it.quote or "").split())[:400] if it else ""
            fp.write("\t".join([str(k), c.kind, c.subject, str(c.against), c.reason,
                                 o.document_id if o else "(authority file)", q(o),
                                 e.document_id if e else "(authority file)", q(e)]) + "\n")
    print(f"contradictions → {path}")


def report_judged(listed, path: Path) -> list:
    """Count the verdicts of the listed rows judged before; return the rows not yet judged."""
    judged = {(r["doc"], r["subject"], r["predicate"], r["certainty"], r["sentence"]): r
              for r in json.loads(path.read_text(encoding="utf-8"))}
    verdicts, new, inflated = Counter(), [], []
    for row in listed:
        hit = judged.get((row[0], row[1], row[2], row[3], row[5]))
        if hit is None:
            new.append(row)
            continue
        verdicts[hit["verdict"]] += 1
        if hit["verdict"] == "inflated":
            inflated.append((hit, row))
    print(f"judged before: {sum(verdicts.values())} of {len(listed)} listed rows "
          f"({dict(verdicts.most_common())}); not judged yet: {len(new)}")
    for hit, row in inflated:
        print(f"  inflated ({row[3]} → {hit.get('should_be')}): {row[1]} {row[2]} | {row[5][:160]}")
    return new


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1010)
    ap.add_argument("--cache", type=Path, help="JSONL of NER-annotated documents (written once, then read)")
    ap.add_argument("--out", type=Path, help="TSV listing of the candidate inflations")
    ap.add_argument("--judged", type=Path, help="JSON of judged rows: count today's listing's verdicts")
    ap.add_argument("--contradictions", type=Path,
                    help="TSV of the contradictions the sample's claims give (authority file on), to be judged")
    a = ap.parse_args(argv)
    from witness.claims import extract_claims_many
    docs = sample_docs(a.pages, a.seed, a.cache)
    t = time.perf_counter()
    claims = extract_claims_many(docs)
    secs = time.perf_counter() - t
    listed, by_cert, deaths, plots = [], Counter(), Counter(), Counter()
    for d, cs in zip(docs, claims):
        for c in cs:
            by_cert[c.certainty] += 1
            sent = d.text[c.evidence.start:c.evidence.end]
            if c.predicate in ("died", "executed"):
                deaths[c.certainty] += 1
                if PLOT.search(sent):
                    plots[c.certainty] += 1
            chain = list(getattr(c, "_chain", None) or [])
            if c.predicate in ("died", "executed") and PLOT.search(sent) and c.certainty in ("asserted", "confirmed"):
                chain.append((PLOT.search(sent).group(0), "plot-in-sentence"))
            if c.certainty in ("asserted", "confirmed") and chain:
                listed.append((d.id, c.subject, c.predicate, c.certainty,
                               "; ".join(f"{k}:{w}" for w, k in chain), " ".join(sent.split())[:400]))
    n = sum(by_cert.values())
    print(f"{len(docs)} pages, {n} claims in {secs:.0f} s; by certainty: {dict(by_cert.most_common())}")
    print(f"asserted/confirmed claims with a frame word on their governing chain (to review): {len(listed)}")
    print(f"died/executed claims: {sum(deaths.values())} {dict(deaths.most_common())}; "
          f"in a sentence speaking of a plot, plan, attempt or fear: {sum(plots.values())} {dict(plots.most_common())}")
    if a.judged:
        listed = report_judged(listed, a.judged)
    if a.contradictions:
        write_contradictions(docs, claims, a.contradictions)
    if a.out:
        with a.out.open("w", encoding="utf-8") as fp:
            fp.write("doc\tsubject\tpredicate\tcertainty\tchain\tsentence\n")
            for row in listed:
                fp.write("\t".join(row) + "\n")
        print(f"listing → {a.out}")


if __name__ == "__main__":
    main()
