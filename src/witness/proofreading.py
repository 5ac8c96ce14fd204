"""A volunteer's proofreading round from the command line: `witness check`.

The findings of a stored document are the stored ones (what the reading room shows, with
their verdicts); a file on disk is read and checked now with the same rules an ingest runs,
the people rules included.  Over the archive, findings are grouped by document.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from pathlib import Path
from typing import Callable

import click

from .checks.explain import EXPLANATIONS, explain, explain_text
from .errors import NotFound, UnreadableInput, WitnessError
from .model import Document
from .progress import plural


class NotADocument(WitnessError):
    code = "not-a-document"
    status = 422


class UnknownRule(WitnessError):
    code = "unknown-rule"
    status = 400


def rule_or_fail(rule: str) -> None:
    try:
        explain(rule)
    except KeyError as exc:
        raise UnknownRule(exc.args[0], hint="`witness check --rules` lists them") from None


def read_and_check(path: Path) -> Document:
    """A file on disk, read and checked as an ingest would (people rules need the authority
    file and find the persons on the fly)."""
    from .authority import load
    from .checks import refresh_findings
    from .ingest import read_path
    from .ingest.base import Read, Skipped

    outcome = read_path(path, None)
    if isinstance(outcome, Skipped):
        raise NotADocument(outcome.reason, path=str(path), hint="only documents are checked")
    if not isinstance(outcome, Read):
        raise UnreadableInput(str(path), outcome.reasons)
    doc = outcome.document
    doc.findings = refresh_findings(doc, context={"authority": load()})
    return doc


def document_for(target: str, get_archive: Callable) -> tuple[Document, bool]:
    """(document, stored?) for a path on disk or a stored id / source path: a stored one as
    readers see it, with the findings the reading room shows."""
    path = Path(target)
    if path.is_file():
        return read_and_check(path), False
    archive = get_archive()
    if archive.store.resolve(target) is None:
        raise NotFound(f"no file or stored document called {target!r}",
                       hint="give a path to a file, or an id from `witness search`")
    return archive.document(target), True


def _context(text: str, start: int, end: int, width: int = 30) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    return (("…" if a else "") + text[a:start] + "[" + text[start:end] + "]" + text[end:b]
            + ("…" if b < len(text) else "")).replace("\n", " ")


def document_findings(doc: Document, archive=None) -> list:
    """The findings of a document with their keys, and their verdicts when it is stored."""
    if archive is not None:
        return archive.document_findings(doc)
    from .archive.judgements import DocFinding
    from .verdicts import finding_item
    return [DocFinding(k, f, it.key, None, it.quote)
            for k, (f, it) in enumerate((f, finding_item(doc.id, doc.text, f)) for f in doc.findings)]


def document_lines(doc: Document, shown: list) -> list[str]:
    judged = sum(1 for d in shown if d.verdict is not None)
    lines = [f"{doc.id}: {plural(len(shown), 'finding')}" + (f", {judged} with a verdict" if judged else "")]
    for d in shown:
        f = d.finding
        where = f"{f.start}-{f.end}" if f.end > f.start else "header"
        fix = f"  → {f.suggestion!r}" if f.suggestion is not None else ""
        lines.append(f"  #{d.index:<3} {f.severity:<7} {f.rule:<20} {where:<12} {f.message}{fix}")
        if f.end > f.start:
            lines.append(f"        {_context(doc.text, f.start, f.end)}")
        tail = f"        key {d.key}"
        if d.verdict is not None:
            v = d.verdict
            tail += f" · marked {v.label} by {v.who} at {v.at}" + (f": {v.note}" if v.note else "")
        lines.append(tail)
    return lines


def echo_document_findings(target: str, get_archive: Callable, rule: str | None, as_json: bool) -> None:
    if rule:
        rule_or_fail(rule)
    doc, stored = document_for(target, get_archive)
    shown = [d for d in document_findings(doc, get_archive() if stored else None)
             if rule is None or d.finding.rule == rule]
    if as_json:
        click.echo(json.dumps({"id": doc.id, "findings": [d.to_json() for d in shown]},
                              ensure_ascii=False, indent=2))
        return
    for line in document_lines(doc, shown):
        click.echo(line)


def archive_findings(archive, rule: str | None) -> "OrderedDict[str, list]":
    """The archive's findings (of one rule, or all) grouped by document id, most findings first."""
    rules = [rule] if rule else [r for r, _, _ in archive.finding_rules()]
    rows = [row for r in rules for row in archive.findings_for(r).bare()]
    groups: dict[str, list] = {}
    for row in rows:
        groups.setdefault(row.doc_id, []).append(row)
    return OrderedDict(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def echo_archive_findings(archive, rule: str | None, as_json: bool) -> None:
    if rule:
        rule_or_fail(rule)
    groups = archive_findings(archive, rule)
    total = sum(len(v) for v in groups.values())
    if as_json:
        click.echo(json.dumps({"rule": rule, "total": total, "documents": [
            {"id": doc_id, "title": rows[0].doc_title, "count": len(rows), "findings": [
                {"index": r.index, "key": r.key, "rule": r.rule, "severity": r.severity, "message": r.message,
                 "start": r.start, "end": r.end, "quote": r.match,
                 "verdict": r.verdict.to_json() if r.verdict else None} for r in rows]}
            for doc_id, rows in groups.items()]}, ensure_ascii=False, indent=2))
        return
    what = f"of {rule} " if rule else ""
    judged = sum(1 for rows in groups.values() for r in rows if r.verdict is not None)
    click.echo(f"{plural(total, 'finding')} {what}in {plural(len(groups), 'document')}"
               + (f"; {judged} with a verdict, {total - judged} open" if judged else ""))
    for doc_id, rows in groups.items():
        click.echo(f"\n{doc_id} — {rows[0].doc_title or 'untitled'}: {plural(len(rows), 'finding')}")
        for r in rows:
            quote = (r.before + "[" + r.match + "]" + r.after).replace("\n", " ") if r.end > r.start else "(header)"
            mark = f"  [{r.verdict.label}]" if r.verdict is not None else ""
            click.echo(f"  #{r.index:<3} {r.key}  {r.rule:<20} {quote}{mark}")


def echo_rules(rule: str | None, as_json: bool) -> None:
    if rule:
        rule_or_fail(rule)
        e = explain(rule)
        if as_json:
            click.echo(json.dumps({"rule": e.rule, "severity": e.severity, "description": e.description,
                                   "what": e.what, "example": e.example, "fix": e.fix,
                                   "not_an_error": e.not_an_error}, ensure_ascii=False, indent=2))
        else:
            click.echo(explain_text(rule))
        return
    rows = sorted(EXPLANATIONS.values(), key=lambda e: e.rule)
    if as_json:
        click.echo(json.dumps([{"rule": e.rule, "severity": e.severity, "description": e.description}
                               for e in rows], ensure_ascii=False, indent=2))
        return
    for e in rows:
        click.echo(f"{e.rule:<20} {e.severity:<8} {e.description}")
    click.echo("\n`witness check --explain RULE` tells more, with an example.")
