"""The reader chain: each reader reads an input or declines with a reason.

``READERS`` is the chain in order (name → ``read(raw) -> Document | Skipped``, raising
``Decline``).  ``read_input`` never raises: a reader that crashes is reported as that reader's
reason, so one bad page never stops a batch.  ``read_path`` is cheap (no global state) so it can
run in multiprocessing workers.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path
from typing import Callable

from ..model import Document
from .base import Decline, Failed, RawInput, Read, Skipped, Outcome
from . import mia_html, text
from .encoding import unnul
from .paths import Place, locate

Reader = Callable[[RawInput], "Document | Skipped"]

MAX_BYTES = 20 * 1024 * 1024  # the largest corpus page is under 1 MB; bigger is not a page

READERS: dict[str, Reader] = {
    mia_html.NAME: mia_html.read,
    text.NAME: text.read,
}

# TEI (src/witness/ingest/tei.py) is owned by another worker: join the chain when it exists.
try:  # pragma: no cover - depends on the other module being present
    from . import tei as _tei
except ImportError:
    _tei = None
if _tei is not None and callable(getattr(_tei, "read", None)):
    READERS["tei"] = _tei.read


def read_input(raw: RawInput) -> Outcome:
    """Try each reader in chain order; Failed lists every reader's reason."""
    if len(raw.data) > MAX_BYTES:
        why = f"file too large ({len(raw.data) / 1e6:.1f} MB > {MAX_BYTES // (1024 * 1024)} MB limit)"
        return Failed(raw.relpath, {name: why for name in READERS})
    data, transcoded, nuls = unnul(raw.data)
    if data is not raw.data:
        raw = replace(raw, data=data)
    reasons: dict[str, str] = {}
    for name, reader in READERS.items():
        try:
            out = reader(raw)
        except Decline as e:
            reasons[name] = str(e) or "declined"
            continue
        except RecursionError:
            reasons[name] = "crashed: document nested too deeply"
            continue
        except Exception as e:  # noqa: BLE001 - one bad page must never stop a batch
            reasons[name] = f"crashed: {type(e).__name__}: {e}"
            continue
        if isinstance(out, Skipped):
            return out
        # The place decides identity, whatever the reader derived from the path alone.
        if raw.doc_id:
            out.id = raw.doc_id
        if raw.url and not out.source.url:
            out.source.url = raw.url
        if transcoded:
            out.source.encoding = transcoded
        if nuls:
            out.extra["nul_bytes"] = nuls
        if out.extra.get("truncated") and raw.data.rstrip()[-1:] != b">":
            out.extra["cut_short"] = True     # no </html> and it stops inside text or a tag
        return Read(out)
    return Failed(raw.relpath, reasons)


def relative_path(path: Path, root: Path | None) -> str:
    """The path as the archive records it (ingest/paths.py): relative to the archive root —
    the MIA tree the file sits in, else the folder given (`root`), else the current folder or
    the file's own folder."""
    return locate(path, root).relpath


def read_path(path: Path, root: Path | None = None, *, place: Place | None = None) -> Outcome:
    """Read one file found under the folder `root` (None: given alone); `place` (from the
    batch planner) overrides where it is recorded."""
    path = Path(path)
    place = place or locate(path, root)
    rel = place.relpath
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            why = f"file too large ({size / 1e6:.1f} MB > {MAX_BYTES // (1024 * 1024)} MB limit)"
            return Failed(rel, {name: why for name in READERS})
        data = path.read_bytes()
    except OSError as e:
        return Failed(rel, {name: f"cannot read file: {e.strerror or e}" for name in READERS})
    raw = RawInput(path=path, relpath=rel, data=data, sha256=hashlib.sha256(data).hexdigest(),
                   doc_id=place.doc_id, url=place.url)
    return read_input(raw)


__all__ = ["READERS", "MAX_BYTES", "read_input", "read_path", "relative_path", "locate", "Place", "Decline",
           "Failed", "RawInput", "Read", "Skipped", "Outcome"]
