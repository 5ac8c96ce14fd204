"""`witness export json`: one <id>.json per document, exactly Document.to_json()."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable

from ..model import Document


def export_json(docs: Iterable[Document], out_dir: Path) -> int:
    """Writes each document (as the archive layer gives it: curated) atomically (temp file +
    rename) so a reader never sees half a file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    n = 0
    for doc in docs:
        target = out_dir / f"{doc.id}.json"
        tmp = target.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(doc.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, target)
        n += 1
    return n
