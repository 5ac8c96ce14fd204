"""The command line: each command is a few lines over an importable function."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .errors import WitnessError

DEFAULT_DB = "witness.db"


def _store(ctx: click.Context):
    from .store import open_store
    if "store" not in ctx.obj:
        ctx.obj["store"] = open_store(ctx.obj["db"])
        ctx.call_on_close(ctx.obj["store"].close)
    return ctx.obj["store"]


def _echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


class WitnessGroup(click.Group):
    """Turns WitnessError (and a missing file) into a one-line message with a hint, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except WitnessError as exc:
            click.secho(f"error [{exc.code}]: {exc.path + ': ' if exc.path else ''}{exc.message}", fg="red", err=True)
            if exc.hint:
                click.echo(f"  hint: {exc.hint}", err=True)
            ctx.exit(1)
        except FileNotFoundError as exc:
            click.secho(f"error [not-found]: {exc}", fg="red", err=True)
            ctx.exit(1)


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
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def ingest(ctx, paths, no_nlp, workers, quiet):
    """Ingest files or folders (recursively)."""
    from .pipeline import ingest as run
    summary = run(_store(ctx), paths, nlp=not no_nlp, workers=workers, progress=not quiet)
    for line in summary.lines():
        click.echo(line)


@cli.command()
@click.argument("target")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def check(ctx, target, as_json):
    """Transcription findings for a file (PATH) or a stored document (ID)."""
    from .report import check_target
    doc = check_target(target, lambda: _store(ctx))
    if as_json:
        _echo_json({"id": doc.id, "findings": [f.__dict__ for f in doc.findings]})
        return
    from .report import format_findings
    for line in format_findings(doc):
        click.echo(line)


@cli.command()
@click.argument("query", required=False, default="")
@click.option("--author")
@click.option("--from", "date_from", type=int)
@click.option("--to", "date_to", type=int)
@click.option("--periodical")
@click.option("--person", help="Entity id or a name in any spelling or script.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def search(ctx, query, author, date_from, date_to, periodical, person, limit, as_json):
    """Full-text search with filters."""
    from .report import run_search
    results = run_search(_store(ctx), query, author=author, date_from=date_from, date_to=date_to,
                         periodical=periodical, person=person, limit=limit)
    if as_json:
        _echo_json({"total": results.total, "results": [h.__dict__ for h in results.hits]})
        return
    click.echo(f"{results.total} documents")
    for h in results.hits:
        click.echo(f"\n{h.id}  [{h.score:.2f}]  {', '.join(h.authors)} — {h.title} ({h.date or 'n.d.'})")
        click.echo("  " + h.snippet.replace("«", click.style("", bold=True)).replace("»", click.style("", reset=True)))


@cli.command()
@click.argument("doc_id")
@click.option("--json", "as_json", is_flag=True)
@click.option("--version", type=int, default=None, help="An older version (see `history`).")
@click.pass_context
def show(ctx, doc_id, as_json, version):
    """A stored document: its record and text (or the whole JSON)."""
    store = _store(ctx)
    doc = store.get_document(store.resolve(doc_id) or doc_id, version)
    if as_json:
        _echo_json(doc.to_json())
        return
    from .report import format_document
    click.echo(format_document(doc))


@cli.command()
@click.argument("doc_id")
@click.pass_context
def history(ctx, doc_id):
    """Versions of a document."""
    store = _store(ctx)
    for v in store.history(store.resolve(doc_id) or doc_id):
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
    n = run(_store(ctx), Path(out_dir), list(ids) or None)
    click.echo(f"wrote {n} files to {out_dir}")


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def stats(ctx, as_json):
    """Counts by author, decade, periodical, format; failures and skips."""
    data = _store(ctx).stats()
    if as_json:
        _echo_json(data)
        return
    from .report import format_stats
    click.echo(format_stats(data))


def main() -> None:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    cli(obj={}, prog_name="witness")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
