"""What every command shares: opening the archive once per invocation, JSON output, errors."""

from __future__ import annotations

import json

import click

from .errors import WitnessError


def root(ctx: click.Context) -> click.Context:
    return ctx.find_root()


# Exit status (documented in `witness ingest --help` and the README): 1 an error stopped the
# command, 2 a usage error (click's), 3 the command ran but some inputs failed.
EXIT_ERROR, EXIT_USAGE, EXIT_SOME_FAILED = 1, 2, 3


def get_store(ctx: click.Context, *, create: bool = False):
    """The archive --db names.  Only `ingest` creates one (create=True): every other command
    refuses a missing archive, so a typo in --db never silently shows an empty archive."""
    from .store import open_store
    obj = root(ctx).obj
    if "store" not in obj:
        if not create:
            require_archive(obj["db"])
        obj["store"] = open_store(obj["db"])
        root(ctx).call_on_close(obj["store"].close)
    return obj["store"]


def require_archive(db: str) -> None:
    """NotFound unless there is an archive at `db` (a server URL: its backend says)."""
    from pathlib import Path

    from .errors import NotFound
    target = str(db)
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///") - 1:] if target.startswith("sqlite:////") else target[len("sqlite:///"):]
    elif "://" in target:
        return
    if not Path(target).exists():
        raise NotFound(f"no archive at {target}",
                       hint="check --db / WITNESS_DB (default ./witness.db); `witness ingest` creates an archive")


def get_archive(ctx: click.Context):
    """The archive layer over the store: what readers see (curation applied)."""
    from .archive import Archive
    obj = root(ctx).obj
    if "archive" not in obj:
        obj["archive"] = Archive(get_store(ctx))
    return obj["archive"]


def echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def curator(by: str | None) -> str:
    """Who is curating from the command line: --by, else the login name."""
    import getpass
    if by:
        return by
    try:
        return getpass.getuser()
    except Exception:
        return "unknown"


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


