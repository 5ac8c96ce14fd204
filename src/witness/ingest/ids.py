"""Stable, URL-safe document ids from the path relative to the ingested root."""

from __future__ import annotations

import re

_NON = re.compile(r"[^a-z0-9]+")
_EXT = re.compile(r"\.(?:html?|txt|xml|tei)$", re.I)


def doc_id(relpath: str) -> str:
    """"archive/serge/1937/08/yagoda.htm" → "serge-1937-08-yagoda".

    Only the "archive/" top folder is dropped (it holds nearly every author); other top folders
    keep their name so "history/…" and "reference/…" pages cannot take an author's id.
    Uniqueness across colliding paths ("a_b.htm" vs "a-b.htm") is the store's job.
    """
    path = relpath.replace("\\", "/").strip("/")
    path = _EXT.sub("", path)
    if path.lower().startswith("archive/"):
        path = path[len("archive/"):]
    out = _NON.sub("-", path.lower()).strip("-")
    return out or "document"
