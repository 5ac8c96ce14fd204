"""What the CLI prints: plain functions from library objects to text (and the lookups behind them)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from .errors import NotFound, UnreadableInput, WitnessError
from .model import Document
from .store.base import SearchQuery, SearchResults


class Skipped(WitnessError):
    code = "not-a-document"
    status = 422


def check_target(target: str, get_store: Callable) -> Document:
    """A document with fresh findings, from a file on disk or a stored id/path."""
    from .checks import refresh_findings
    path = Path(target)
    if path.is_file():
        from .ingest import read_path
        from .ingest.base import Read, Skipped as SkippedOutcome
        outcome = read_path(path, None)
        if isinstance(outcome, SkippedOutcome):
            raise Skipped(outcome.reason, path=target, hint="only documents are checked")
        if not isinstance(outcome, Read):
            raise UnreadableInput(target, outcome.reasons)
        doc = outcome.document
    else:
        store = get_store()
        doc_id = store.resolve(target)
        if doc_id is None:
            raise NotFound(f"no file or stored document called {target!r}",
                           hint="give a path to a file, or an id from `witness search`")
        doc = store.get_document(doc_id)
    doc.findings = refresh_findings(doc)
    return doc


def _context(text: str, start: int, end: int, width: int = 30) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    return ("…" if a else "") + text[a:start] + "[" + text[start:end] + "]" + text[end:b] + ("…" if b < len(text) else "")


def format_findings(doc: Document) -> list[str]:
    lines = [f"{doc.id}: {len(doc.findings)} findings"]
    for f in doc.findings:
        where = f"{f.start}-{f.end}" if f.end > f.start else "header"
        fix = f"  → {f.suggestion!r}" if f.suggestion is not None else ""
        lines.append(f"  {f.severity:<7} {f.rule:<20} {where:<12} {f.message}{fix}")
        if f.end > f.start:
            lines.append(f"          {_context(doc.text, f.start, f.end)!s}".replace("\n", " "))
    return lines


def run_search(store, q: str, *, person: str | None = None, **filters) -> SearchResults:
    person_id = None
    if person:
        from .people import resolve_person
        person_id = resolve_person(store, person)
        if not q.strip():
            # Rank and highlight by the ways these documents write the name (Rakowsky, Раковский…).
            forms = [t.replace('"', "") for t, _ in store.spellings(person_id)[:12]]
            q = " OR ".join(f'"{t}"' for t in forms if t.strip())
    return store.search(SearchQuery(q=q, person=person_id, **filters))


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
    return "\n".join(lines)


# ---- people, timelines, contradictions, selections -------------------------------------

def format_person(rec) -> list[str]:
    life = f"{rec.born or '?'} – {rec.died or '?'}" + (f" ({rec.death_manner})" if rec.death_manner else "")
    lines = [f"{rec.name}  [{rec.id}]{'  (provisional)' if rec.provisional else ''}", f"  life: {life}"]
    if rec.wikidata:
        lines.append(f"  wikidata: {rec.wikidata}")
    if rec.variants:
        lines.append("  variants: " + ", ".join(rec.variants))
    lines.append(f"\n{len(rec.documents)} documents:")
    lines += [f"  {d['date'] or 'n.d.':<10}  {d['id']}  {d['title'] or ''}  ({d['mentions']}×)" for d in rec.documents]
    lines.append(f"\n{len(rec.mentions)} mentions:")
    lines += [f"  {m['doc_id']}: “{m['text']}” — {m['sentence']}" for m in rec.mentions[:50]]
    if rec.co_mentioned:
        lines.append("\nmentioned with: " + ", ".join(f"{c['name']} ({c['documents']})" for c in rec.co_mentioned))
    return lines


def timeline_json(entry) -> dict:
    from dataclasses import asdict
    out = asdict(entry)
    out["claim"]["evidence"] = {"start": entry.claim.evidence.start, "end": entry.claim.evidence.end}
    return out


def format_timeline(pid: str, entries) -> list[str]:
    lines = [f"{pid}: {len(entries)} claims"]
    for e in entries:
        when = (e.date or "n.d.") + ("" if e.dated else " (document date)")
        obj = f" {e.object}" if e.object else ""
        src = f" — according to {e.attributed_to}" if e.attributed_to else ""
        lines.append(f"  {when:<28} {e.predicate}{obj} [{e.certainty.upper()}]{src}")
        lines.append(f"      “{(e.quote or '').strip()[:200]}” ({e.document_id})")
    return lines


def contradiction_json(c) -> dict:
    from dataclasses import asdict

    def side(item):
        if item is None:
            return None
        d = asdict(item)
        d["claim"]["evidence"] = {"start": item.claim.evidence.start, "end": item.claim.evidence.end}
        return d
    return {"kind": c.kind, "subject": c.subject, "reason": c.reason, "first": side(c.first),
            "second": side(c.second), "authority": c.authority, "others": [side(o) for o in c.others]}


def format_contradiction(c) -> list[str]:
    lines = [f"{c.kind}: {c.subject} — {c.reason}"]
    for label, item in (("A", c.first), ("B", c.second)):
        if item is not None:
            cl = item.claim
            lines.append(f"  {label}. {cl.predicate} [{cl.certainty}] {cl.date or ''} in {item.document_id}"
                         f" ({item.document_date or 'n.d.'}): “{(item.quote or '').strip()[:200]}”")
    if c.authority:
        lines.append(f"  B. authority file: died {c.authority.get('died')} ({c.authority.get('death_manner') or '?'})")
    if c.others:
        label = "A" if c.kind == "asserted-vs-denied" else "B"
        docs = list(dict.fromkeys(o.document_id for o in c.others))
        lines.append(f"  … and {len(c.others)} more like {label}, in {', '.join(docs[:8])}"
                     + (f" and {len(docs) - 8} other documents" if len(docs) > 8 else ""))
    return lines


def select_documents(store, ids=(), *, author: str | None = None, query: str | None = None,
                     limit: int = 10_000) -> list[Document]:
    """Documents by ids, by author, by a search, or every document when nothing is given."""
    if ids:
        out = []
        for i in ids:
            doc_id = store.resolve(i)
            if doc_id is None:
                raise NotFound(f"no stored document {i!r}", hint="`witness search` lists ids")
            out.append(store.get_document(doc_id))
        return out
    if author or query:
        res = store.search(SearchQuery(q=query or "", author=author, limit=limit))
        return [store.get_document(h.id) for h in res.hits]
    return list(store.iter_documents())


def export_claims(store, fmt: str, out_file: str) -> int:
    from .claims import claim_rows, write_csv, write_jsonl
    rows = (row for doc in store.iter_documents() if doc.claims for row in claim_rows(doc))
    with open(out_file, "w", encoding="utf-8", newline="") as fp:
        return (write_csv if fmt == "csv" else write_jsonl)(rows, fp)
