"""Open an archive by path (SQLite) or URL (PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

from ..errors import StoreError
from .base import PutResult, SearchHit, SearchQuery, SearchResults, Store, VersionInfo

__all__ = ["open_store", "Store", "PutResult", "SearchHit", "SearchQuery", "SearchResults", "VersionInfo"]


def is_postgres(target: str | Path) -> bool:
    return str(target).startswith(("postgresql://", "postgres://"))


def open_store(path_or_url: str | Path, **options) -> Store:
    """A path (or sqlite:///path) opens the embedded SQLite archive, creating it if needed;
    a postgresql:// URL opens (and if need be creates the schema of) a PostgreSQL archive."""
    target = str(path_or_url)
    if is_postgres(target):
        from .pg import PostgresStore

        return PostgresStore(target, **options)
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///") - 1:] if target.startswith("sqlite:////") else target[len("sqlite:///"):]
    elif "://" in target:
        raise StoreError(f"unknown archive URL scheme in {target!r}",
                         hint="give a file path (SQLite) or a postgresql:// URL")
    from .sqlite import SQLiteStore

    return SQLiteStore(target, **options)
