"""The reader chain's vocabulary: what a reader gets, and the three things it can answer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import Document


@dataclass
class RawInput:
    path: Path        # where the bytes came from (for messages)
    relpath: str      # path relative to the ingested root: becomes Document.source.path
    data: bytes
    sha256: str
    doc_id: str | None = None       # the id its place in the archive gives (ingest/paths.py)
    url: str | None = None          # the original page, where known


class Decline(Exception):
    """Raised by a reader that does not take this input; the message says why."""


@dataclass
class Skipped:
    """The input is of a format a reader knows, but is not a document (index page, TOC, stylesheet…)."""

    relpath: str
    reader: str
    reason: str


@dataclass
class Failed:
    """No reader took the input (reasons: reader name → why), or reading crashed."""

    relpath: str
    reasons: dict[str, str]


@dataclass
class Read:
    document: Document


Outcome = Read | Skipped | Failed
