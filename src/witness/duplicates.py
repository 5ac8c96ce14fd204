"""Duplicate texts: exact and near-duplicate bodies, whatever format they came in.

The seed plain-text export and the MIA page it was made from are one text; so are the
chapters of a book reprinted in a later edition.  Each document's body is cut into
5-word shingles (case, accents and punctuation ignored), summarised by a 64-value MinHash
signature and filed in 16 LSH bands of 4 values; documents sharing a band are candidates,
and a candidate pair is the same text when the exact Jaccard similarity of their shingle
sets is at least ``THRESHOLD``.  Groups are the connected components of those pairs.

The index is derived data kept next to the documents (store/duplicate_index.py): it
follows the documents' versions and catches up on demand — at the end of every ingest and
reprocess, and when ``witness duplicates`` runs — so an archive written before this
existed, or an ingest killed half-way, converges to the same groups.

Hand-written rather than datasketch: measured on the 8,798-document corpus (bench/
duplicates.py), its MinHash costs the same numpy work as this one, its LSH lives in memory
(ours must persist in the archive), and it brings SciPy along for a parameter search we
do once, here.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import re
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from .pieces import pieces

SHINGLE = 5          # words per shingle
PERMS = 64           # MinHash values per document
BANDS, ROWS = 16, 4  # LSH: P(candidate) = 1-(1-J^4)^16: 0.9998 at J=0.8, 0.64 at J=0.5
THRESHOLD = 0.8      # exact Jaccard of shingle sets from which two texts are "the same"
MIN_SHINGLES = 20    # shorter bodies (a stub, a caption) say too little to compare

_WORD = re.compile(r"\w+")
_COMBINING = re.compile(r"[\u0300-\u036f]+")
_MULT = np.uint64(1_000_003)
_rng = np.random.default_rng(20261125)          # fixed: signatures are stored
_A = _rng.integers(1, 2**63, size=PERMS, dtype=np.uint64) | np.uint64(1)
_B = _rng.integers(0, 2**63, size=PERMS, dtype=np.uint64)
_SHIFT = np.uint64(32)


def shingles(text: str) -> np.ndarray:
    """Sorted unique 64-bit hashes of the text's 5-word shingles (lower case, accents folded)."""
    # By pieces cut at white space: a 20 MB page's list of word strings alone took 200 MB,
    # its array of word hashes takes 28.
    parts = []
    for _, piece in pieces(text, 1 << 20):
        words = _WORD.findall(_COMBINING.sub("", unicodedata.normalize("NFKD", piece.casefold())))
        parts.append(np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words)))
    wh = np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)
    if not wh.size:
        return np.zeros(0, dtype=np.uint64)
    n = max(1, len(wh) - SHINGLE + 1)
    h = np.zeros(n, dtype=np.uint64)
    for j in range(min(SHINGLE, len(wh))):
        h = h * _MULT + wh[j:j + n]           # wraps modulo 2**64, as intended
    # np.unique, by sorting: numpy 2's hash-table unique is 20× slower on these arrays
    h.sort()
    return h[np.concatenate(([True], h[1:] != h[:-1]))]


_BLOCK = 512     # shingles per step of the signature: the block's PERMS columns stay in cache


def signature(hashes: np.ndarray) -> np.ndarray:
    """MinHash with multiply-shift hashing: PERMS uint32 minima."""
    out = None
    for i in range(0, max(len(hashes), 1), _BLOCK):
        block = ((hashes[i:i + _BLOCK, None] * _A + _B) >> _SHIFT).min(axis=0)
        out = block if out is None else np.minimum(out, block)
    return out.astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (what the archive indexes)."""
    return [int.from_bytes(hashlib.blake2b(sig[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8).digest(),
                           "big", signed=True) for b in range(BANDS)]


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if not a.size or not b.size:
        return 0.0
    inter = np.intersect1d(a, b, assume_unique=True).size
    return inter / (a.size + b.size - inter)


@dataclass
class Sketch:
    doc_id: str
    version: int
    shingles: int
    signature: bytes | None      # None: too short to compare
    bands: list[int] = field(default_factory=list)


def sketch(doc_id: str, version: int, text: str) -> Sketch:
    h = shingles(text)
    if h.size < MIN_SHINGLES:
        return Sketch(doc_id, version, int(h.size), None)
    sig = signature(h)
    return Sketch(doc_id, version, int(h.size), sig.tobytes(), band_keys(sig))


def _sketch_job(item: tuple[str, int, str]) -> Sketch:
    return sketch(*item)


# ---------------------------------------------------------------------------- groups

@dataclass
class Group:
    representative: str          # the document that stands for the text in lists and timelines
    members: list[str]           # every document of the group, representative first
    similarity: float            # the lowest pairwise Jaccard that joined the group


_FORMAT_RANK = {"mia-html": 0, "tei": 1, "text": 2}


def representative_of(members: Iterable[dict]) -> str:
    """The member standing for a group: the richest format (an MIA page carries the whole
    record), then the earliest dated, then the smallest id — deterministic whatever the
    order of ingest.  `members`: dicts with id, format, date."""
    return min(members, key=lambda m: (_FORMAT_RANK.get(m.get("format") or "", 9),
                                       m.get("date") or "9999", m["id"]))["id"]


def build_groups(pairs: Iterable[tuple[str, str, float]], info: dict[str, dict]) -> list[Group]:
    """Connected components of the same-text pairs; `info`: id → {id, format, date}."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    low: dict[str, float] = {}
    pairs = list(pairs)
    for a, b, _ in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    comps: dict[str, list[str]] = {}
    for x in parent:
        comps.setdefault(find(x), []).append(x)
    for a, b, j in pairs:
        root = find(a)
        low[root] = min(low.get(root, 1.0), j)
    groups = []
    for root, ids in comps.items():
        rep = representative_of(info.get(i, {"id": i}) for i in ids)
        groups.append(Group(rep, [rep] + sorted(i for i in ids if i != rep), round(low.get(root, 1.0), 3)))
    return sorted(groups, key=lambda g: (-len(g.members), g.representative))


# ---------------------------------------------------------------------------- the archive

@dataclass
class DuplicateSummary:
    sketched: int = 0            # documents (re)sketched in this run
    pairs: int = 0               # same-text pairs in the archive
    groups: int = 0              # groups in the archive
    documents: int = 0           # documents in some group

    def line(self) -> str:
        return (f"duplicates: {self.groups} groups of the same text ({self.documents} documents); "
                f"{self.sketched} documents compared in this run")


def update(store, *, workers: int | None = None, chunk: int = 500) -> DuplicateSummary:
    """Bring the archive's duplicate index up to date with its current documents: sketch
    the documents whose current version has none, compare them with every other, record
    the same-text pairs.  Idempotent; costs nothing when nothing changed."""
    workers = workers or min(2, os.cpu_count() or 1)
    index = store.duplicates
    summary = DuplicateSummary()
    stale = index.stale()
    # One pool for the whole run (a pool per chunk forked 2 processes 18 times a corpus).
    pool = mp.get_context("fork").Pool(workers) if workers > 1 and len(stale) > 64 else None
    try:
        for i in range(0, len(stale), chunk):
            items = index.texts(stale[i:i + chunk])
            sketches = pool.map(_sketch_job, items, chunksize=16) if pool else list(map(_sketch_job, items))
            texts = {doc_id: text for doc_id, _, text in items}
            index.put_sketches(sketches)
            for sk in sketches:
                if sk.signature is None:
                    continue
                found = []
                others = index.candidates(sk.doc_id, sk.bands)
                mine = shingles(texts[sk.doc_id]) if others else None     # most documents have none
                for other in others:
                    other_text = texts.get(other)
                    if other_text is None:
                        other_text = index.texts([other])[0][2]
                    j = jaccard(mine, shingles(other_text))
                    if j >= THRESHOLD:
                        found.append((other, round(j, 4)))
                index.put_pairs(sk.doc_id, found)
            summary.sketched += len(sketches)
    finally:
        if pool:
            pool.terminate()
            pool.join()
    groups = index.groups()
    summary.pairs = index.pair_count()
    summary.groups = len(groups)
    summary.documents = sum(len(g.members) for g in groups)
    return summary


def representative(store, doc_id: str) -> str:
    """The id of the document that stands for `doc_id`'s text (itself when it has no
    duplicate): claims from every member of a group are one source."""
    return store.duplicates.representatives().get(doc_id, doc_id)


def representatives(store) -> dict[str, str]:
    """Every document that has a duplicate → its group's representative (bulk form of
    `representative`; documents without duplicates are absent)."""
    return store.duplicates.representatives()
