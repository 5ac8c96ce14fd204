"""What the CLI prints: plain functions from library objects to text (and the lookups behind them)."""

from __future__ import annotations

from .model import Document


def format_document(doc: Document) -> str:
    r = doc.record
    head = [f"{doc.id}  ({doc.source.format}, {doc.source.path})",
            f"  {', '.join(r.authors) or 'anonymous'} — {r.title or 'untitled'}"]
    if r.subtitle:
        head.append(f"  {r.subtitle}")
    bits = [r.periodical, r.volume and f"Vol. {r.volume}", r.issue and f"No. {r.issue}",
            r.date_text or r.date, r.pages and f"p. {r.pages}"]
    head.append("  " + ", ".join(b for b in bits if b))
    if r.heading_date and r.heading_date != r.date:
        head.append(f"  heading date: {r.heading_date_text or r.heading_date}")
    credits = [("transcribed", r.transcribed_by), ("marked up", r.marked_up_by),
               ("translated", r.translated_by), ("proofread", r.proofread_by)]
    for label, names in credits:
        if names:
            head.append(f"  {label} by {', '.join(names)}")
    if doc.same_text_as:
        head.append(f"  the same text as {', '.join(doc.same_text_as)}")
    head.append(f"  {len(doc.text.split())} words, {len(doc.notes)} notes, {len(doc.findings)} findings, "
                f"{len(doc.mentions)} mentions, {len(doc.claims)} claims")
    return "\n".join(head) + "\n\n" + doc.text


def format_stats(data: dict) -> str:
    lines = [f"{data.get('documents', 0)} documents, {data.get('versions', 0)} versions"]
    for key in ("by_format", "by_decade", "by_author", "by_periodical"):
        rows = data.get(key) or []
        lines.append(f"\n{key.replace('by_', 'by ')}:")
        for name, n in rows[:15]:
            lines.append(f"  {n:>6}  {name}")
        if len(rows) > 15:
            lines.append(f"  … {len(rows) - 15} more")
    for key in ("skipped", "failed"):
        group = data.get(key) or {"total": 0, "reasons": []}
        lines.append(f"\n{key}: {group['total']}")
        for r in group["reasons"][:15]:
            lines.append(f"  {r['count']:>6}  {r['reason']}  (e.g. {r['example']})")
    findings = data.get("findings") or {}
    if findings.get("by_rule"):
        lines.append(f"\nfindings: {findings['documents']} documents with findings")
        for rule, n in findings["by_rule"]:
            lines.append(f"  {n:>6}  {rule}")
    judged = (data.get("verdicts") or {}).get("findings")
    if judged:
        lines.append(f"\nfindings by verdict: {judged['open']} open, {judged['not-an-error']} marked not an error, "
                     f"{judged['fixed']} marked fixed"
                     + (f"; {judged['no-longer-found']} judged earlier and no longer found" if judged["no-longer-found"] else ""))
    cons = (data.get("verdicts") or {}).get("contradictions")
    if cons:
        lines.append(f"contradictions by verdict: {cons['total']} in all, {cons['open']} not judged, "
                     f"{cons['real']} real, {cons['artefact']} artefact{'' if cons['artefact'] == 1 else 's'}")
    return "\n".join(lines)


def duplicates_json(store, groups) -> dict:
    briefs = store.duplicates.briefs([m for g in groups for m in g.members])
    return {"groups": len(groups), "documents": sum(len(g.members) for g in groups),
            "items": [{"representative": g.representative, "similarity": g.similarity,
                       "members": [briefs.get(m, {"id": m}) for m in g.members]} for g in groups]}


def format_duplicates(store, groups, summary=None) -> list[str]:
    briefs = store.duplicates.briefs([m for g in groups for m in g.members])
    n_docs = sum(len(g.members) for g in groups)
    lines = [f"{len(groups)} groups of the same text ({n_docs} documents; each is counted once, "
             f"as its first-listed document)"]
    for g in groups:
        lines.append("")
        for k, m in enumerate(g.members):
            b = briefs.get(m, {})
            lines.append(f"  {'*' if k == 0 else '='} {m}  [{b.get('format') or '?'}]  {b.get('date') or 'n.d.'}"
                         f"  {b.get('title') or ''}")
        if len(g.members) > 1 and g.similarity < 1.0:
            lines.append(f"    (lowest similarity in the group: {g.similarity:.2f})")
    return lines


# ---- people, timelines, contradictions, selections -------------------------------------

def person_json(view) -> dict:
    """`witness person --json`: the person page's data (as the API gives it) with mentions."""
    from dataclasses import asdict
    out = asdict(view)
    out.pop("timeline")
    out["co_mentioned"] = [{"id": c["id"], "name": c["name"], "documents": c["count"]} for c in out["co_mentioned"]]
    return out


def format_person(rec) -> list[str]:
    life = f"{rec.born or '?'} – {rec.died or '?'}" + (f" ({rec.death_manner})" if rec.death_manner else "")
    lines = [f"{rec.name}  [{rec.id}]{'  (provisional)' if rec.provisional else ''}", f"  life: {life}"]
    if rec.wikidata:
        lines.append(f"  wikidata: {rec.wikidata}")
    if rec.variants:
        lines.append("  variants: " + ", ".join(rec.variants))
    lines.append(f"\n{len(rec.documents)} documents:")
    lines += [f"  {d.date or 'n.d.':<10}  {d.id}  {d.title or ''}  ({d.mentions}×)"
              + (f"  — the same text as {', '.join(d.same_text_as)}" if d.same_text_as else "")
              for d in rec.documents]
    lines.append(f"\n{len(rec.mentions)} mentions:")
    lines += [f"  {m['doc_id']}: “{m['text']}” — {m['sentence']}" for m in rec.mentions[:50]]
    if rec.co_mentioned:
        lines.append("\nmentioned with: " + ", ".join(f"{c.name} ({c.count})" for c in rec.co_mentioned))
    return lines


def timeline_json(entry) -> dict:
    from dataclasses import asdict
    out = asdict(entry)
    out["claim"]["evidence"] = {"start": entry.claim.evidence.start, "end": entry.claim.evidence.end}
    out["claim_date"] = entry.claim.date          # the date the text gives, null when undated
    out["placed_by"] = "claim" if entry.dated else "document"   # what `date` is
    return out


def format_timeline(pid: str, entries) -> list[str]:
    lines = [f"{pid}: {len(entries)} claims"]
    for e in entries:
        # An undated claim says so; its document's date only places it.
        when = e.date if e.dated else f"undated (doc. {e.date or 'n.d.'})"
        obj = f" {e.object}" if e.object else ""
        src = f" — according to {e.attributed_to}" if e.attributed_to else ""
        lines.append(f"  {when:<28} {e.predicate}{obj} [{e.certainty.upper()}]{src}")
        also = f"; also in: {', '.join(e.also_in)}" if e.also_in else ""
        lines.append(f"      “{(e.quote or '').strip()[:200]}” ({e.document_id}{also})")
    return lines


def contradiction_json(c) -> dict:
    from dataclasses import asdict

    def side(item):
        if item is None:
            return None
        d = asdict(item)
        d["claim"]["evidence"] = {"start": item.claim.evidence.start, "end": item.claim.evidence.end}
        return d
    cons = c.consensus
    return {"kind": c.kind, "subject": c.subject, "reason": c.reason, "against": c.against,
            "outlier": side(c.outlier),
            "consensus": {"event": cons.event, "certainty": cons.certainty, "date": cons.date,
                          "sources": cons.sources, "example": side(cons.example), "authority": cons.authority},
            "others": [side(o) for o in c.others],
            # the two sides as before (first: the outlier, second: the consensus's example)
            "first": side(c.first), "second": side(c.second), "authority": c.authority}


def format_contradiction(c) -> list[str]:
    lines = [f"{c.kind}: {c.subject} — {c.reason}"]
    for label, item in (("outlier", c.outlier), ("consensus", c.consensus.example)):
        if item is not None:
            cl = item.claim
            lines.append(f"  {label}: {cl.predicate} [{cl.certainty}] {cl.date or ''} in {item.document_id}"
                         f" ({item.document_date or 'n.d.'}): “{(item.quote or '').strip()[:200]}”")
    if c.outlier is None:
        lines.append(f"  outlier: the authority file ({c.consensus.event} "
                     f"{(c.authority or {}).get(c.consensus.event)})")
    if c.authority and c.outlier is not None:
        lines.append(f"  authority file: {c.consensus.event} {c.authority.get(c.consensus.event)}"
                     + (f" ({c.authority.get('death_manner')})" if c.authority.get("death_manner") else ""))
    srcs = [s for s in c.consensus.sources]
    lines.append(f"  stands against {c.against} source{'s' if c.against != 1 else ''}: {', '.join(srcs[:8])}"
                 + (f" and {len(srcs) - 8} more" if len(srcs) > 8 else ""))
    if c.others:
        lines.append(f"  (the same source says it {len(c.others)} more time{'s' if len(c.others) != 1 else ''})")
    return lines


def contradiction_event(c) -> str:
    """The event a contradiction is about (a death of any manner is "died")."""
    return c.consensus.event


def contradictions_headline(total: int, artefacts: int, show_all: bool) -> str:
    line = f"{total} contradiction{'' if total == 1 else 's'}"
    if artefacts:
        many = "an artefact" if artefacts == 1 else "artefacts"
        line += (f", {artefacts} of them marked as {many}" if show_all else
                 f"; {artefacts} marked as {many}, not shown (--all shows them)")
    return line


def judged_contradiction_json(j) -> dict:
    return {**contradiction_json(j.contradiction), "key": j.key, "against": j.against,
            "verdict": j.verdict.to_json() if j.verdict else None}


def format_judged_contradiction(j) -> list[str]:
    lines = format_contradiction(j.contradiction)
    lines[0] = f"[{j.key}] {lines[0]}"
    if j.verdict is not None:
        v = j.verdict
        lines.append(f"  verdict: {v.label}" + (f" ({v.cause})" if v.cause else "") + f", by {v.who} at {v.at}"
                     + (f" — {v.note}" if v.note else ""))
    return lines


def export_claims(archive, fmt: str, out_file: str) -> int:
    from .claims import claim_rows, write_csv, write_jsonl
    rows = (row for doc in archive.documents() if doc.claims for row in claim_rows(doc))
    with open(out_file, "w", encoding="utf-8", newline="") as fp:
        return (write_csv if fmt == "csv" else write_jsonl)(rows, fp)
