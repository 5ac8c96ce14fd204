"""`witness export json`: one <id>.json per document, exactly Document.to_json()."""

from __future__ import annotations

import json
import os
from pathlib import Path


def export_json(store, out_dir: Path, ids: list[str] | None = None) -> int:
    """Writes each document atomically (temp file + rename) so a reader never sees half a file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if ids:
        docs = (store.get_document(store.resolve(i) or i) for i in ids)
    else:
        docs = store.iter_documents()
    n = 0
    for doc in docs:
        target = out_dir / f"{doc.id}.json"
        tmp = target.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(doc.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, target)
        n += 1
    return n
