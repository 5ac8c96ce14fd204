"""Where a file sits in an archive: its source path, its id and its original URL.

A document's identity must not depend on the folder given to `ingest` (issue 13): the MIA
page ``…/corpus/archive/serge/1937/08/yagoda.htm`` is ``archive/serge/1937/08/yagoda.htm``
(id ``serge-1937-08-yagoda``) whether one ingests the corpus, ``archive/``, ``archive/serge/``
or the file alone.  So the path is taken relative to the *archive root* — the folder holding
the MIA's top folders (``archive/``, ``reference/``, ``history/``…), found among the file's
ancestors.  Files outside any such tree are recorded relative to the folder given, or by
name when given alone (two files of one run that would share a path get as many parent
folders as it takes to tell them apart: walk.py); ``ingest --root`` names the root outright.

Paths are lexical (``os.path.abspath``, never ``realpath``): a linked file is recorded where
it was found, so a re-run finds the same paths.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .ids import doc_id

MIA_URL = "https://www.marxists.org/"

# The Marxists' Internet Archive's top-level folders: its sections and its language sections.
MIA_TOP = frozenset("""
archive reference history subject glossary admin ebooks audiobooks photo xlang css
afrikaans arabic azeri bangla balgarski bulgarian catala chinese cymraeg dansk deutsch eesti
ellinika espanol esperanto euskara farsi filipino francais galego hebrew hindi hrvatski
indonesia islenska italiano japanese kiswahili korean lietuviu magyar malay nederlands norsk
polski portugues romana russkij shqip slovene srpski suomi svenska tamil turkce urdu
vietnamese yiddish
""".split())

# Extensions in the order that decides which of two files sharing an id keeps it
# (toussaint.htm before toussaint.html); the others add their extension to the id.
_EXT_RANK = {".htm": 0, ".html": 1, ".txt": 2, ".xml": 3, ".tei": 4}


@dataclass(frozen=True)
class Place:
    """A file's place in an archive."""
    relpath: str            # source.path: relative to the archive root, "/"-separated
    doc_id: str             # the id its document gets (unless the store already knows the path)
    url: str | None         # the original page, when the archive root is an MIA tree
    root: str               # the folder relpath is relative to (absolute, lexical)
    mia: bool               # root was recognised as an MIA tree


def _abs(p: str | Path) -> str:
    return os.path.abspath(os.fspath(p))


@lru_cache(maxsize=4096)
def _listing(folder: str) -> frozenset[str]:
    try:
        return frozenset(os.listdir(folder))
    except OSError:
        return frozenset()


def mia_root(path: str | Path) -> str | None:
    """The folder holding the MIA top folders above `path`, or None.

    Every ancestor R whose child on the way down is a top-folder name is a candidate.  Top
    names also occur deeper (``history/cuba/archive/``), and a user's own folders may be
    called ``archive``: the candidate holding the most top folders wins, the deepest on a tie
    (``~/archive/mia/archive/serge`` → ``~/archive/mia``)."""
    parts = Path(_abs(path)).parts
    best: tuple[int, int, str] | None = None
    for i in range(1, len(parts) - 1):
        if parts[i] not in MIA_TOP:
            continue
        root = os.path.join(*parts[:i])
        score = len(_listing(root) & MIA_TOP)
        if best is None or (score, i) >= best[:2]:
            best = (score, i, root)
    return best[2] if best else None


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def sibling_id(relpath: str, path: str) -> str:
    """doc_id(relpath), made independent of ingest order when a sibling file maps to the same id.

    ``toussaint.htm`` and ``toussaint.html`` both slug to ``…-toussaint``: the file that ranks
    first (by extension, then name) keeps it and the other gets its extension appended
    (``…-toussaint-html``), or a short hash of its name when that is not enough.  The choice
    depends only on the folder's contents, never on which file was read first."""
    base = doc_id(relpath)
    folder, name = os.path.split(path)
    head = relpath[: len(relpath) - len(name)]
    rivals = [n for n in _listing(folder) if n != name and not n.startswith(".")
              and doc_id(head + n) == base]
    if not rivals:
        return base

    def rank(n: str) -> tuple[int, str]:
        return _EXT_RANK.get(os.path.splitext(n)[1].lower(), len(_EXT_RANK)), n

    if rank(name) < min(rank(n) for n in rivals):
        return base
    ext = os.path.splitext(name)[1].lower()
    if ext and all(os.path.splitext(n)[1].lower() != ext for n in rivals):
        return f"{base}-{ext.lstrip('.')}"
    return f"{base}-{hashlib.sha1(name.encode('utf-8', 'surrogateescape')).hexdigest()[:6]}"


def locate(path: str | Path, given: str | Path | None = None, *, root: str | Path | None = None) -> Place:
    """The place of the file `path`, found under the folder `given` (None: given alone).

    `root` (``ingest --root``) names the archive root outright for files under it."""
    p = _abs(path)
    if root is not None and _within(p, _abs(root)):
        base, mia = _abs(root), False
    elif (found := mia_root(p)) is not None:
        base, mia = found, True
    elif given is not None and _within(p, _abs(given)) and p != _abs(given):
        base, mia = _abs(given), False
    else:
        base, mia = os.path.dirname(p), False
    rel = Path(os.path.relpath(p, base)).as_posix()
    url = MIA_URL + rel if (mia or rel.split("/", 1)[0] in MIA_TOP) and "/" in rel else None
    return Place(rel, sibling_id(rel, p), url, base, mia)


def widen(place: Place, path: str | Path, levels: int) -> Place:
    """The same file recorded with `levels` more parent folders in its path (to tell apart two
    files that would otherwise share a path in one run)."""
    p = _abs(path)
    base = place.root
    for _ in range(levels):
        up = os.path.dirname(base)
        if up == base:
            break
        base = up
    rel = Path(os.path.relpath(p, base)).as_posix()
    return Place(rel, sibling_id(rel, p), place.url, base, place.mia)


def printable(relpath: str) -> str:
    """A path as text that can be stored and shown: bytes that were not UTF-8 in the file
    name (kept by Python as lone surrogates) become \\xNN escapes."""
    try:
        relpath.encode("utf-8")
        return relpath
    except UnicodeEncodeError:
        return relpath.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def clear_cache() -> None:
    """Forget folder listings (a long-lived process ingesting again after files changed)."""
    _listing.cache_clear()
