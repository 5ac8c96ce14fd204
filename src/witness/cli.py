"""The command line: each command is a few lines over an importable function."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from pathlib import Path

import click

from .cli_entity import entity
from .cli_help import Year, install as install_help
from .cli_support import (EXIT_SOME_FAILED, WitnessGroup, curator, echo_json as _echo_json, get_archive as _archive,
                          get_store as _store, require_archive)
from .verdicts import CAUSES

DEFAULT_DB = "witness.db"


@click.group(cls=WitnessGroup)
@click.option("--db", envvar="WITNESS_DB", default=DEFAULT_DB, show_default=True,
              help="Archive file (SQLite) or postgresql:// URL; also WITNESS_DB.")
@click.version_option(package_name="witness")
@click.pass_context
def cli(ctx: click.Context, db: str) -> None:
    """Witness: ingest, check, search and publish archive documents."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--no-nlp", is_flag=True, help="Skip entity, linking and claim extraction.")
@click.option("--workers", type=int, default=None, help="Reader processes (default: 2).")
@click.option("--root", type=click.Path(exists=True, file_okay=False),
              help="Archive root: record paths (and ids) relative to this folder. "
                   "Default: the folder holding archive/, history/… above each file, else the folder given.")
@click.option("--follow-links", is_flag=True,
              help="Read symbolic links that lead outside the folder given (declined by default).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--cluster", metavar="local:N|tcp://HOST:8786",
              help="Run the stages on Dask: a LocalCluster of N worker processes, or a running scheduler.")
@click.pass_context
def ingest(ctx, paths, no_nlp, workers, root, follow_links, quiet, cluster):
    """Ingest files or folders (recursively); creates the archive if needed.

    Every file ends stored, unchanged, skipped or failed, each skip and failure with its
    reason (`witness stats` lists them).  --cluster runs the stages on Dask workers.

    \b
    Exit status:
      0  every file was stored, unchanged or skipped with a reason
      3  some files failed (they are listed; the others were stored)
      1  an error stopped the ingest (e.g. the archive cannot be opened)
      2  usage error (e.g. a path that does not exist)
    """
    from .pipeline import ingest as run
    store = _store(ctx, create=True)
    with _cluster(cluster, quiet) as runner:
        summary = run(store, paths, nlp=not no_nlp, workers=workers, progress=not quiet,
                      root=root, follow_links=follow_links, runner=runner)
    for line in summary.lines():
        click.echo(line)
    if summary.failed:
        ctx.exit(EXIT_SOME_FAILED)


@contextlib.contextmanager
def _cluster(spec: str | None, quiet: bool):
    """A witness.distributed runner for --cluster (None without it), closed afterwards."""
    if not spec:
        yield None
        return
    from .distributed import DaskRunner, echo
    with DaskRunner(spec) as runner:
        if not quiet:
            echo(runner.describe())
        yield runner


@cli.command()
@click.argument("target", required=False)
@click.option("--json", "as_json", is_flag=True)
@click.option("--rule", help="Only this rule's findings.")
@click.option("--explain", "explain_rule", metavar="RULE", help="Explain a rule, with an example, and exit.")
@click.option("--rules", "list_rules", is_flag=True, help="List the rules and exit.")
@click.pass_context
def check(ctx, target, as_json, rule, explain_rule, list_rules):
    """Transcription findings for a file (PATH) or a stored document (ID)."""
    from . import proofreading
    if explain_rule or list_rules:
        proofreading.echo_rules(explain_rule, as_json)
        return
    if target is None:
        proofreading.echo_archive_findings(_archive(ctx), rule, as_json)
        return
    proofreading.echo_document_findings(target, lambda: _archive(ctx), rule, as_json)


@cli.command()
@click.argument("query", required=False, default="")
@click.option("--author")
@click.option("--from", "date_from", type=Year())
@click.option("--to", "date_to", type=Year())
@click.option("--date-field", type=click.Choice(["published", "written"]),
              help="Which date --from/--to read: first publication, or when written (else published). "
                   "Default: the best date the record has.")
@click.option("--periodical")
@click.option("--person", help="Entity id or a name in any spelling or script.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def search(ctx, query, author, date_from, date_to, date_field, periodical, person, limit, as_json):
    """Full-text search with filters."""
    store = _store(ctx)
    store.sync_index()         # take in what other processes wrote (never waits for them)
    results = _archive(ctx).search_person(query, person, author=author, date_from=date_from,
                                          date_to=date_to, date_field=date_field,
                                          periodical=periodical, limit=limit)
    if as_json:
        out = {"total": results.total, "results": [h.__dict__ for h in results.hits]}
        if results.note:
            out["note"] = results.note
        _echo_json(out)
        return
    if results.note:
        click.secho(f"note: {results.note}", fg="yellow", err=True)
    click.echo(f"{results.total} documents")
    for h in results.hits:
        click.echo(f"\n{h.id}  [{h.score:.2f}]  {', '.join(h.authors)} — {h.title} ({h.date or 'n.d.'})")
        # Bold on a terminal; click strips the styling when output is piped.
        click.echo("  " + re.sub(r"«(.*?)»", lambda m: click.style(m.group(1), bold=True), h.snippet))


@cli.command()
@click.argument("doc_id")
@click.option("--json", "as_json", is_flag=True)
@click.option("--version", type=int, default=None, help="An older version (see `history`).")
@click.pass_context
def show(ctx, doc_id, as_json, version):
    """A stored document: its record and text (or the whole JSON)."""
    archive = _archive(ctx)
    if as_json:
        _echo_json(archive.document_json(doc_id, version))
        return
    doc = archive.document(doc_id, version)
    from .report import format_document
    click.echo(format_document(doc))


@cli.command()
@click.argument("doc_id")
@click.pass_context
def history(ctx, doc_id):
    """Versions of a document."""
    for v in _archive(ctx).history(doc_id):
        mark = "*" if v.current else " "
        click.echo(f"{mark} v{v.version}  {v.ingested_at}  {v.sha256[:12]}  {v.path}")


@cli.group()
def export():
    """Export documents (json, …)."""


@export.command("json")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False))
@click.argument("ids", nargs=-1)
@click.pass_context
def export_json(ctx, out_dir, ids):
    """One <id>.json per document, in the shape of spec/document-json.md."""
    from .export.json import export_json as run
    n = run(_archive(ctx).documents(list(ids) or None), Path(out_dir))
    click.echo(f"wrote {n} files to {out_dir}")


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def stats(ctx, as_json):
    """Counts by author, decade, periodical, format; failures and skips."""
    data = _store(ctx).stats()
    data["verdicts"] = _archive(ctx).verdict_summary()
    if as_json:
        _echo_json(data)
        return
    from .report import format_stats
    click.echo(format_stats(data))


@cli.command()
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--no-nlp", is_flag=True, help="Only the creators/periodicals step (seconds, not the NLP's half hour).")
@click.option("--claims-only", is_flag=True,
              help="Claims (and people findings) again from the stored mentions: after the claim rules change.")
@click.option("--cluster", metavar="local:N|tcp://HOST:8786",
              help="Run the stages on Dask: a LocalCluster of N worker processes, or a running scheduler.")
@click.pass_context
def reprocess(ctx, quiet, no_nlp, claims_only, cluster):
    """Rerun creators, NLP and claim stages over stored documents (no files are read).

    Exit status 3 when some documents could not be annotated again: they are listed, and
    each stays as it was stored."""
    from .reprocess import reprocess as run
    if claims_only and (no_nlp or cluster):
        raise click.UsageError("--claims-only goes alone: it reads the stored mentions, here")
    store = _store(ctx)
    with _cluster(cluster, quiet) as runner:
        summary = run(store, progress=not quiet, nlp=not no_nlp, claims_only=claims_only, runner=runner)
    for line in summary.lines():
        click.echo(line)
    if summary.failed:
        ctx.exit(EXIT_SOME_FAILED)


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def duplicates(ctx, as_json):
    """Groups of documents with the same or nearly the same text (brings the index up to date first)."""
    from . import report
    from .duplicates import update
    store = _store(ctx)
    summary = update(store)
    groups = store.duplicate_groups()
    if as_json:
        _echo_json(report.duplicates_json(store, groups))
        return
    click.echo("\n".join(report.format_duplicates(store, groups, summary)))


@cli.command()
@click.argument("name_or_id")
@click.option("--timeline", is_flag=True, help="Every claim about the person, in date order.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def person(ctx, name_or_id, timeline, as_json):
    """A person: names, variants, life dates, documents, mentions, co-mentioned persons."""
    from . import report
    archive = _archive(ctx)
    if timeline:
        pid, entries = archive.timeline(name_or_id)
        if as_json:
            _echo_json({"id": pid, "timeline": [report.timeline_json(e) for e in entries]})
        else:
            click.echo("\n".join(report.format_timeline(pid, entries)))
        return
    view = archive.person(name_or_id, mentions=True)
    if as_json:
        _echo_json(report.person_json(view))
    else:
        click.echo("\n".join(report.format_person(view)))


@cli.command()
@click.option("--person", "person_", help="Only this person (id or any spelling).")
@click.option("--kind", help="Only this kind (asserted-vs-denied, after-authority-death, …).")
@click.option("--event", help="Only about this event (died, executed, arrested, …).")
@click.option("--all", "show_all", is_flag=True, help="Also those a curator marked as artefacts.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def contradictions(ctx, person_, kind, event, show_all, as_json):
    """Claims that cannot all hold, side by side (never resolved)."""
    from . import report
    judged = _archive(ctx).judged_contradictions(person_)
    judged = [j for j in judged if (not kind or j.contradiction.kind == kind)
              and (not event or report.contradiction_event(j.contradiction) == event)]
    artefacts = [j for j in judged if j.verdict is not None and j.verdict.verdict == "artefact"]
    shown = judged if show_all else [j for j in judged if j not in artefacts]
    if as_json:
        _echo_json([report.judged_contradiction_json(j) for j in shown])
        return
    click.echo(report.contradictions_headline(len(judged), len(artefacts), show_all))
    for j in shown:
        click.echo("\n" + "\n".join(report.format_judged_contradiction(j)))


@cli.group()
def verdict():
    """Mark findings and contradictions; list and log the verdicts."""


@verdict.command("set")
@click.argument("ref")
@click.argument("value", metavar="VERDICT", type=click.Choice(["not-an-error", "fixed", "artefact", "real"]))
@click.option("--note", help="Why (shown with the verdict).")
@click.option("--cause", type=click.Choice(sorted(CAUSES)), help="What made an artefact (artefacts only).")
@click.option("--by", "by", help="Who gives the verdict (default: your login name).")
@click.pass_context
def verdict_set(ctx, ref, value, note, cause, by):
    """Mark REF with VERDICT."""
    v = _archive(ctx).judge(ref, value, who=curator(by), note=note, cause=cause)
    click.echo(f"{v.key}  {v.kind} marked {v.label}" + (f" ({v.cause})" if v.cause else "")
               + f" by {v.who} at {v.at}: {v.subject} in {v.doc_id}, “{v.quote[:80]}”")


@verdict.command("clear")
@click.argument("ref")
@click.option("--note", help="Why it is withdrawn.")
@click.option("--by", "by", help="Who withdraws it (default: your login name).")
@click.pass_context
def verdict_clear(ctx, ref, note, by):
    """Withdraw the verdict on REF (the item is open again)."""
    v = _archive(ctx).unjudge(ref, who=curator(by), note=note)
    click.echo(f"{v.key}  verdict {v.label!r} withdrawn: {v.subject} in {v.doc_id} is open again")


@verdict.command("list")
@click.option("--kind", type=click.Choice(["finding", "contradiction"]))
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def verdict_list(ctx, kind, as_json):
    """The verdicts in force, newest first."""
    found = _store(ctx).verdicts.all(kind)
    if as_json:
        _echo_json([v.to_json() for v in found])
        return
    click.echo(f"{len(found)} verdict{'' if len(found) == 1 else 's'}")
    for v in found:
        click.echo(f"{v.key}  {v.at}  {v.who:<12} {v.label:<13} {v.subject} in {v.doc_id}: “{v.quote[:60]}”"
                   + (f" ({v.cause})" if v.cause else "") + (f" — {v.note}" if v.note else ""))


@verdict.command("log")
@click.argument("ref", required=False)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def verdict_log(ctx, ref, as_json):
    """Every verdict given or withdrawn, oldest first (of REF's key when given)."""
    key = None
    if ref:
        key = _archive(ctx).judgements.item(ref).key
    entries = _store(ctx).verdicts.log(key)
    if as_json:
        _echo_json([e.to_json() for e in entries])
        return
    for e in entries:
        what = f"set {e.verdict}" + (f" ({e.cause})" if e.cause else "") if e.action == "set" else "cleared"
        click.echo(f"#{e.seq:<4} {e.at}  {e.who:<12} {e.key}  {e.kind:<13} {what}" + (f" — {e.note}" if e.note else ""))


def _docs(ctx, ids, author=None, query=None):
    return _archive(ctx).select(ids, author=author, query=query)


@export.command("tei")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False))
@click.argument("ids", nargs=-1)
@click.pass_context
def export_tei(ctx, out_dir, ids):
    """One TEI P5 file per document (validates against tei_all)."""
    from .authority import load
    from .export.tei import export_tei as run
    n = run(_docs(ctx, ids), out_dir, authority=load())
    click.echo(f"wrote {n} TEI files to {out_dir}")


@export.command("epub")
@click.option("--out", "out_file", required=True, type=click.Path(dir_okay=False))
@click.option("--author")
@click.option("--query")
@click.option("--title")
@click.argument("ids", nargs=-1)
@click.pass_context
def export_epub(ctx, out_file, author, query, title, ids):
    """One EPUB 3 book: ID…, an author's documents (--author) or a search (--query)."""
    from .authority import load
    from .export.epub import write_epub
    if not (ids or author or query):
        raise click.UsageError("choose the documents of the book: give document IDS, --author or --query")
    docs = _docs(ctx, ids, author=author, query=query)
    if not docs:
        raise click.UsageError(f"nothing matched {'--author ' + repr(author) if author else '--query ' + repr(query)}: "
                               "no book written")
    title = title or author or query or (docs[0].record.title if len(docs) == 1 else "Witness selection")
    write_epub(docs, out_file, title, authority=load())
    click.echo(f"wrote {out_file} ({len(docs)} chapters)")


@export.command("csv")
@click.option("--out", "out_file", required=True, type=click.Path(dir_okay=False))
@click.argument("ids", nargs=-1)
@click.pass_context
def export_csv(ctx, out_file, ids):
    """One row per document: the record."""
    from .export.tabular import export_csv as run
    click.echo(f"wrote {run(_docs(ctx, ids), out_file)} rows to {out_file}")


@export.command("jsonl")
@click.option("--out", "out_file", required=True, type=click.Path(dir_okay=False))
@click.argument("ids", nargs=-1)
@click.pass_context
def export_jsonl(ctx, out_file, ids):
    """The document JSON, one per line."""
    from .export.tabular import export_jsonl as run
    click.echo(f"wrote {run(_docs(ctx, ids), out_file)} documents to {out_file}")


@export.command("claims")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("--out", "out_file", required=True, type=click.Path(dir_okay=False))
@click.pass_context
def export_claims(ctx, fmt, out_file):
    """One row per claim, with the document citation."""
    from .report import export_claims as run
    click.echo(f"wrote {run(_archive(ctx), fmt, out_file)} claims to {out_file}")


@cli.command()
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False))
@click.option("--title", default="Witness edition", show_default=True)
@click.pass_context
def publish(ctx, out_dir, title):
    """A static edition: works from a plain file server and from file://."""
    from .authority import load
    from .publish import publish as run
    archive = _archive(ctx)
    counts = run(archive.documents(), out_dir, authority=load(), title=title, history=archive.history)
    click.echo(f"wrote {counts['documents']} document pages and {counts['persons']} person pages to {out_dir}")


@cli.command()
@click.option("--to", "target", required=True,
              help="The new archive: a file path (SQLite) or a postgresql:// URL of an empty database.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def migrate(ctx, target, quiet):
    """Copy this archive (--db) to another backend: every version, curation, verdicts, aliases.

    Prints the counts and checksums, verified on both sides."""
    from .progress import stages_for
    from .store import open_store
    from .store.transfer import copy_archive
    src = _store(ctx)
    dst = open_store(target)
    ctx.call_on_close(dst.close)
    stages = stages_for(not quiet)
    bar = stages.stage("copy", len(src.document_ids()))
    bar.start()
    try:
        result = copy_archive(src, dst, progress=lambda n: bar.advance())
        bar.finish()
    finally:
        stages.close()
    for line in result.lines(src.display_url, dst.display_url):
        click.echo(line)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--workers", type=int, default=1, show_default=True)
@click.pass_context
def serve(ctx, host, port, workers):
    """The reading room and JSON API (binds to loopback unless told otherwise)."""
    from .web import serve as run
    require_archive(ctx.obj["db"])
    run(ctx.obj["db"], host=host, port=port, token=os.environ.get("WITNESS_TOKEN"), workers=workers)


cli.add_command(entity)
install_help(cli)


def main() -> None:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    cli(obj={}, prog_name="witness")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
