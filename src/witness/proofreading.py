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


def finding_json(doc: Document, i: int) -> dict:
    f = doc.findings[i]
    return {"index": i, "rule": f.rule, "severity": f.severity, "start": f.start, "end": f.end,
            "message": f.message, "suggestion": f.suggestion, "quote": doc.text[f.start:f.end]}


def document_lines(doc: Document, rule: str | None = None) -> list[str]:
    shown = [i for i, f in enumerate(doc.findings) if rule is None or f.rule == rule]
    lines = [f"{doc.id}: {plural(len(shown), 'finding')}" + (f" of {rule}" if rule else "")]
    for i in shown:
        f = doc.findings[i]
        where = f"{f.start}-{f.end}" if f.end > f.start else "header"
        fix = f"  → {f.suggestion!r}" if f.suggestion is not None else ""
        lines.append(f"  #{i:<3} {f.severity:<7} {f.rule:<20} {where:<12} {f.message}{fix}")
        if f.end > f.start:
            lines.append(f"        {_context(doc.text, f.start, f.end)}")
    return lines


def echo_document_findings(target: str, get_archive: Callable, rule: str | None, as_json: bool) -> None:
    if rule:
        rule_or_fail(rule)
    doc, _stored = document_for(target, get_archive)
    if as_json:
        shown = [finding_json(doc, i) for i, f in enumerate(doc.findings) if rule is None or f.rule == rule]
        click.echo(json.dumps({"id": doc.id, "findings": shown}, ensure_ascii=False, indent=2))
        return
    for line in document_lines(doc, rule):
        click.echo(line)


def archive_findings(archive, rule: str | None) -> "OrderedDict[str, list]":
    """The archive's findings (of one rule, or all) grouped by document id, most findings first."""
    rows = archive.store.findings.rows(rule=rule, limit=10**7, radius=30)
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
                {"index": r.index, "rule": r.rule, "severity": r.severity, "message": r.message,
                 "start": r.start, "end": r.end, "quote": r.match} for r in rows]}
            for doc_id, rows in groups.items()]}, ensure_ascii=False, indent=2))
        return
    what = f"of {rule} " if rule else ""
    click.echo(f"{plural(total, 'finding')} {what}in {plural(len(groups), 'document')}")
    for doc_id, rows in groups.items():
        click.echo(f"\n{doc_id} — {rows[0].doc_title or 'untitled'}: {plural(len(rows), 'finding')}")
        for r in rows:
            quote = (r.before + "[" + r.match + "]" + r.after).replace("\n", " ") if r.end > r.start else "(header)"
            click.echo(f"  #{r.index:<3} {r.rule:<20} {quote}")


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
