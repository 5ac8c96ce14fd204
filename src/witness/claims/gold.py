"""Gold annotations for claims (tests/gold/claims/*.json) and surface-string mention placement.

A gold file names its document by corpus path and lists people by the surface strings the
text uses, so it survives reader changes; each claim is [subject, predicate, certainty,
evidence substring]:

    {"path": "archive/serge/1937/08/yagoda.htm", "date": "1937-08-28",
     "people": {"Yagoda": "yagoda-genrikh", "Christian Rakowsky": "rakovsky-christian"},
     "claims": [["rakovsky-christian", "arrested", "confirmed",
                 "the arrest, which has firmly been confirmed, of Christian Rakowsky"]]}

A file whose "note" starts with "held out" is also scored on its own by bench/claims.py.

The blind set (tests/gold/claims-blind/{dev,test}/) uses the same idea with named fields and a
window: only part of a long page was annotated, located by its first and last words so that it
survives reader changes; only system claims whose evidence lies inside the window are scored:

    {"path": …, "window": {"first": "TWELVE MONTHS AGO the presidential …", "last": "… the end."},
     "people": {…}, "claims": [{"subject": …, "predicate": …, "certainty": …, "evidence": …,
                                "date": "1937-05" | null, "object": …, "attributed_to": …}]}
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..model import HEDGED, Document, Mention, Record, Source
from .context import Context


def place_mentions(text: str, people: dict[str, str]) -> list[Mention]:
    """Person mentions for every whole-word occurrence of the given surface strings (longest first)."""
    taken: list[tuple[int, int]] = []
    out: list[Mention] = []
    for surface in sorted(people, key=len, reverse=True):
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append(Mention(m.start(), m.end(), m.group(0), "person", people[surface]))
    return sorted(out, key=lambda x: x.start)


def make_document(text: str, people: dict[str, str], date: str | None = None,
                  doc_id: str = "test", title: str | None = None) -> Document:
    return Document(id=doc_id, source=Source(path=f"{doc_id}.txt", format="text", sha256=""),
                    record=Record(date=date, title=title), text=text,
                    mentions=place_mentions(text, people))


def load_gold(folder: Path) -> list[dict]:
    """Gold files of a folder, claims normalised to dicts (subject, predicate, certainty, evidence,
    date, object, attributed_to)."""
    out = []
    for p in sorted(Path(folder).glob("*.json")):
        g = dict(json.loads(p.read_text(encoding="utf-8")), file=p.name)
        g["claims"] = [c if isinstance(c, dict) else dict(zip(("subject", "predicate", "certainty", "evidence"), c))
                       for c in g["claims"]]
        out.append(g)
    return out


def window_of(g: dict, text: str) -> tuple[int, int]:
    """(start, end) of the annotated stretch of `text` (the whole text when the file has no window)."""
    w = g.get("window")
    if not w:
        return 0, len(text)
    first, last = w["first"], w["last"]
    start = text.find(first)
    # The reader may since have moved a heading out of the text ("A Worker Looks At History"
    # became the title): anchor on the rest of the window's first and last paragraphs.
    parts = first.split("\n\n")
    while start < 0 and len(parts) > 1:
        parts = parts[1:]
        start = text.find("\n\n".join(parts))
    end = text.find(last, max(start, 0))
    parts = last.split("\n\n")
    while end < 0 and len(parts) > 1:
        parts = parts[:-1]
        last = "\n\n".join(parts)
        end = text.find(last, max(start, 0))
    if start < 0 or end < 0:
        raise ValueError(f"{g['file']}: window not found in the document's text")
    return start, end + len(last)


def score(items, claims_per_doc) -> dict:
    """Compare system claims with gold: items are (gold dict, Document) pairs.

    A system claim matches a gold claim with the same subject and predicate whose evidence
    string overlaps the claim's evidence span.  Gold claims are paired one-to-one with system
    claims (same certainty first), so two gold claims in one sentence need two system claims.
    Recall = paired gold / gold; precision = system claims matching some gold claim / system
    claims; certainty accuracy over paired gold; inflations = paired gold claims that are hedged
    but whose system claim is asserted or confirmed."""
    n_gold = n_sys = sys_ok = matched = cert_ok = infl = 0
    misses, fps, wrong = [], [], []
    by_pred: dict[str, list[int]] = {}          # predicate → [gold, paired, system, system ok]
    in_sentence = [0, 0]                         # of those, the ones whose sentence prints the year: n, equal
    dates = [0, 0, 0]                            # paired gold claims with a gold date, system date equal, system date given
    date_misses = []                             # (file, subject, predicate, gold date, system date, evidence, where)
    for (g, doc), claims in zip(items, claims_per_doc):
        gold, seen = [], set()
        ctx = Context(doc)
        ws, we = window_of(g, doc.text)
        claims = [c for c in claims if ws <= c.evidence.start < we]
        for gc in g["claims"]:
            subj, pred, cert, ev = gc["subject"], gc["predicate"], gc["certainty"], gc["evidence"]
            spans = [(m.start(), m.end()) for m in re.finditer(re.escape(ev), doc.text)
                     if ws <= m.start() < we]
            if not spans:
                raise ValueError(f"{g['file']}: evidence not found: {ev!r}")
            # a claim is (subject, predicate, certainty) per sentence: the same triple twice in
            # one sentence ("on the anniversary of his death … at the time of Sedoff's death") is one
            key = (subj, pred, cert, ctx.sentence_index(spans[0][0]))
            if key in seen:
                continue
            seen.add(key)
            gold.append((subj, pred, cert, ev, spans, gc.get("date")))
            by_pred.setdefault(pred, [0, 0, 0, 0])[0] += 1
        n_gold += len(gold)
        n_sys += len(claims)

        def hits(c, gd):
            return c.subject == gd[0] and c.predicate == gd[1] and any(
                s < c.evidence.end and c.evidence.start < e for s, e in gd[4])
        for c in claims:
            by_pred.setdefault(c.predicate, [0, 0, 0, 0])[2] += 1
            if any(hits(c, gd) for gd in gold):
                sys_ok += 1
                by_pred[c.predicate][3] += 1
            else:
                fps.append((g["file"], c.subject, c.predicate, c.certainty,
                            doc.text[c.evidence.start:c.evidence.end][:90]))
        # one-to-one assignment, so two gold claims in one sentence ("plan his death … guilty
        # of the death of X") each need their own system claim; same-certainty pairs first
        used: set[int] = set()
        pairs = {}
        for same in (True, False):
            for k, gd in enumerate(gold):
                if k in pairs:
                    continue
                for j, c in enumerate(claims):
                    if j not in used and hits(c, gd) and (c.certainty == gd[2]) == same:
                        pairs[k] = j
                        used.add(j)
                        break
        for k, gd in enumerate(gold):
            if k not in pairs:                   # nothing left for it (a shared sentence's claim
                misses.append((g["file"], gd[0], gd[1], gd[2], gd[3]))   # went to another gold claim)
                continue
            c = claims[pairs[k]]
            matched += 1
            by_pred[gd[1]][1] += 1
            if gd[5]:
                dates[0] += 1
                dates[1] += c.date == gd[5]
                ss, se, _ = ctx.sentences[ctx.sentence_index(gd[4][0][0])]
                sentence = doc.text[ss:se]
                printed = gd[5][:4] in sentence or any(f"{q}{gd[5][2:4]}" in sentence for q in "'’‘")
                if printed:                      # the sentence itself prints the event's year
                    in_sentence[0] += 1
                    in_sentence[1] += c.date == gd[5]
                if c.date != gd[5]:
                    date_misses.append((g["file"], gd[0], gd[1], gd[5], c.date, gd[3],
                                        "year in the sentence" if printed else "year elsewhere"))
            dates[2] += bool(c.date) and c.date != gd[5]
            if c.date and c.date != gd[5] and not gd[5]:
                date_misses.append((g["file"], gd[0], gd[1], gd[5], c.date, gd[3], "the gold has no date"))
            if c.certainty == gd[2]:
                cert_ok += 1
            else:
                wrong.append((g["file"], gd[0], gd[1], gd[2], c.certainty, gd[3]))
            if gd[2] in HEDGED and c.certainty in ("asserted", "confirmed"):
                infl += 1
    return {
        "gold": n_gold, "system": n_sys,
        "recall": matched / n_gold if n_gold else 0.0,
        "precision": sys_ok / n_sys if n_sys else 0.0,
        "certainty": cert_ok / matched if matched else 0.0,
        "inflations": infl, "misses": misses, "fps": fps, "wrong": wrong,
        "by_predicate": by_pred,
        # of the paired gold claims the text dates: share the system dated the same; and system
        # dates on paired claims that differ from gold (a wrong date, or one gold has not)
        "date_recall": dates[1] / dates[0] if dates[0] else 0.0, "dates_wrong": dates[2],
        "date_recall_in_sentence": in_sentence[1] / in_sentence[0] if in_sentence[0] else 0.0,
        "dated_in_sentence": in_sentence[0],
        "date_misses": date_misses,
    }
