"""A PostgreSQL for the benchmarks: a given postgresql:// URL, or `auto` — a throw-away
PostgreSQL 15 cluster started for the run (tests/pg_server.py) and stopped after it.

The throw-away server runs with fsync=off like the tests' (it is deleted afterwards); the
figures are the server's work, not the disk's."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def postgres(arg: str | None, dbname: str):
    """Yields a postgresql:// URL of an empty database (or None when arg is None)."""
    if not arg:
        yield None
        return
    if arg != "auto":
        yield arg
        return
    sys.path.insert(0, str(ROOT / "tests"))
    from pg_server import PostgresServer

    server = PostgresServer().start()
    try:
        yield server.create_database(dbname)
    finally:
        server.stop()
