"""Open an archive by path (SQLite) or URL (PostgreSQL, a later issue)."""

from __future__ import annotations

from pathlib import Path

from ..errors import StoreError
from .base import PutResult, SearchHit, SearchQuery, SearchResults, Store, VersionInfo

__all__ = ["open_store", "Store", "PutResult", "SearchHit", "SearchQuery", "SearchResults", "VersionInfo"]


def open_store(path_or_url: str | Path) -> Store:
    """A path (or sqlite:///path) opens the embedded SQLite archive, creating it if needed."""
    target = str(path_or_url)
    if target.startswith(("postgresql://", "postgres://")):
        raise StoreError("PostgreSQL archives are not yet supported",
                         hint="use a file path for --db / WITNESS_DB (a PostgreSQL backend is planned)")
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///") - 1:] if target.startswith("sqlite:////") else target[len("sqlite:///"):]
    elif "://" in target:
        raise StoreError(f"unknown archive URL scheme in {target!r}", hint="give a file path")
    from .sqlite import SQLiteStore

    return SQLiteStore(target)
