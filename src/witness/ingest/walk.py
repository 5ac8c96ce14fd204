"""Inputs → files to read, each with its place in the archive, or an outcome saying why not.

A folder is walked in sorted order (runs are repeatable).  Nothing vanishes without a trace
(issue 17): a folder that cannot be listed, a link the policy declines (links that leave the
folder given are not followed unless asked), a file name that is not UTF-8, and a second file
claiming an archive path already taken each get an outcome with its reason.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .paths import Place, locate, printable, widen

# Files that are never archive documents and not worth a reader's time.
IGNORED_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".pdf", ".zip", ".gz", ".xz", ".mp3", ".ico",
                    ".js", ".svg", ".woff", ".ttf", ".db", ".db-wal", ".db-shm"}


@dataclass(frozen=True)
class Planned:
    """A file to read, and where the archive records it."""
    path: str
    place: Place


@dataclass
class Plan:
    files: list[Planned] = field(default_factory=list)
    # Inputs that never reach a reader: (relpath, "skipped" | "failed", reason).
    outcomes: list[tuple[str, str, str]] = field(default_factory=list)


def iter_files(paths: Iterable[str | Path], *, follow_links: bool = False) -> Iterator[tuple[Path, Path | None]]:
    """(file, folder given or None) pairs in ingest order: a folder is walked recursively
    (sorted, so runs are repeatable).  Links and unreadable folders: see plan()."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in _walk(p, follow_links, lambda *_: None):
                yield f, p
        elif p.exists() or p.is_symlink():
            yield p, None
        else:
            raise FileNotFoundError(f"{p}: no such file or folder")


def _walk(top: Path, follow_links: bool, report: Callable[[str, str, str], None]) -> Iterator[Path]:
    """Files under `top`; folders that cannot be listed, and links the policy declines, are
    reported as (path, kind, reason) instead of vanishing."""
    real_top = os.path.realpath(top)
    seen = {real_top}

    def onerror(e: OSError) -> None:
        report(e.filename or str(top), "failed", f"cannot list folder: {e.strerror or e}")

    for dirpath, dirnames, filenames in os.walk(top, onerror=onerror, followlinks=follow_links):
        keep = []
        for d in sorted(dirnames):
            if d.startswith("."):
                continue
            full = os.path.join(dirpath, d)
            if os.path.islink(full):
                target = os.path.realpath(full)
                if not follow_links:
                    where = "inside" if _inside(target, real_top) else "outside"
                    report(full, "skipped", f"link to a folder {where} the input folder, not followed"
                           + ("" if where == "inside" else " (--follow-links reads it)"))
                    continue
                if target in seen or _inside(real_top, target):   # a loop, or the input again
                    report(full, "skipped", "link back to a folder already read, not followed")
                    continue
                seen.add(target)
            keep.append(d)
        dirnames[:] = keep
        for name in sorted(filenames):
            if name.startswith(".") or Path(name).suffix.lower() in IGNORED_SUFFIXES:
                continue
            f = os.path.join(dirpath, name)
            if os.path.islink(f):
                target = os.path.realpath(f)
                if not os.path.exists(target):
                    report(f, "failed", "broken symbolic link (its target does not exist)")
                    continue
                if not follow_links and not _inside(target, real_top):
                    report(f, "skipped", f"symbolic link to a file outside the input folder ({target}), not read"
                           " (--follow-links reads it)")
                    continue
            yield Path(f)


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def plan(paths: Iterable[str | Path], *, root: str | Path | None = None, follow_links: bool = False) -> Plan:
    """Every file to read with its place in the archive (ingest/paths.py), and an outcome for
    every input that cannot be read at all: a folder that cannot be listed, a link the policy
    declines, a file name that is not UTF-8, a second file claiming the same archive path."""
    out = Plan()
    found: list[tuple[str, Place]] = []

    for p in paths:
        p = Path(p)
        if p.is_dir():
            def report(path: str, kind: str, reason: str, given=p) -> None:
                out.outcomes.append((printable(locate(path, given, root=root).relpath), kind, reason))
            found += [(str(f), locate(f, p, root=root)) for f in _walk(p, follow_links, report)]
        elif p.exists():
            found.append((str(p), locate(p, None, root=root)))
        elif p.is_symlink():
            out.outcomes.append((printable(locate(p, None, root=root).relpath), "failed",
                                 "broken symbolic link (its target does not exist)"))
        else:
            raise FileNotFoundError(f"{p}: no such file or folder")

    # One file given twice (a folder and a file in it) is read once.
    unique: dict[tuple[str, str], tuple[str, Place]] = {}
    for path, place in found:
        unique.setdefault((place.relpath, os.path.realpath(path)), (path, place))
    found = list(unique.values())
    found = _separate(found, out)
    for path, place in found:
        if printable(place.relpath) != place.relpath:
            out.outcomes.append((printable(place.relpath), "failed",
                                 "file name is not valid UTF-8 (shown with \\x escapes); rename it to read it"))
            continue
        out.files.append(Planned(path, place))
    return out


def _separate(found: list[tuple[str, Place]], out: Plan) -> list[tuple[str, Place]]:
    """Two different files never share a source path (issue 17: the second became 'version 2'
    of the first).  Pages of an MIA tree with the same path are the same page from two copies:
    the first given is read and the others are skipped with a reason.  Other files are told
    apart by as many parent folders as it takes (russia/ch01.htm, crisis/ch01.htm)."""
    by_rel: dict[str, list[int]] = {}
    for i, (_, place) in enumerate(found):
        by_rel.setdefault(place.relpath, []).append(i)
    drop: set[int] = set()
    for rel, idx in by_rel.items():
        if len(idx) < 2:
            continue
        first = found[idx[0]]
        if first[1].mia or all(found[i][1].mia for i in idx):
            for i in idx[1:]:
                drop.add(i)
                out.outcomes.append((printable(rel), "skipped",
                                     f"the same archive page is also given as {printable(first[0])}; that copy was read"))
            continue
        taken = set(by_rel) - {rel}
        for levels in range(1, 64):
            wider = [widen(found[i][1], found[i][0], levels) for i in idx]
            rels = [w.relpath for w in wider]
            if len(set(rels)) == len(rels) and not taken & set(rels):
                break
        for i, w in zip(idx, wider):
            found[i] = (found[i][0], w)
    return [f for i, f in enumerate(found) if i not in drop]
