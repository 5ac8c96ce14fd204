"""Batch ingest: walk → read → check → (nlp → claims) → store, with progress and a summary.

Reading and checking are CPU-bound and independent per file, so they run in worker
processes; the store is written from this process only (one writer, short transactions),
which is what makes a `kill -9` at any moment leave a consistent archive: every committed
transaction holds whole documents, and a re-run skips what is already stored (sha256).
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Protocol

from .annotate import claims_error
from .errors import WitnessError
from .ingest import read_path
from .ingest.paths import printable
from .ingest.walk import IGNORED_SUFFIXES, Plan, Planned, iter_files, plan  # noqa: F401 (re-exported)
from .ingest.base import Failed, Read, Skipped
from .model import Document
from .progress import stages_for
from .store.base import PutResult
from .workers import install as workers_die_with_parent


@dataclass
class IngestSummary:
    files: int = 0
    bytes: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: Counter = field(default_factory=Counter)      # reason → count
    failed: list[tuple[str, str]] = field(default_factory=list)  # (relpath, reason)
    seconds: float = 0.0
    stages: list = field(default_factory=list)              # progress.Stage per stage run
    kind: str = "ingest"                                    # ingest | reprocess (how to summarise)
    duplicates: object | None = None    # witness.duplicates.DuplicateSummary, after the run

    @property
    def stored(self) -> int:
        return self.new + self.updated

    def lines(self) -> list[str]:
        from .progress import summary_lines
        return summary_lines(self)


def _read_and_check(job: tuple):
    """Worker: read one file and run the checks. Returns ("unchanged", relpath, size) when its sha matches.

    With `prepare` (the store's serialiser), a document comes back ready to write, so the
    single writer process does no JSON or compression work."""
    path_s, place, known, prepare = job
    path, relpath = Path(path_s), place.relpath
    try:
        size = path.stat().st_size
        if known is not None and size < 64 << 20:
            if hashlib.sha256(path.read_bytes()).hexdigest() == known:
                return "unchanged", relpath, size
        outcome = read_path(path, place=place)
        if isinstance(outcome, Read):
            from .checks import refresh_findings
            from .creators import link_creators
            from .language import set_language
            link_creators(outcome.document)
            set_language(outcome.document)   # record → language → check → nlp
            outcome.document.findings = refresh_findings(outcome.document)
            if prepare is not None:
                return "prepared", prepare(outcome.document), size
        return "outcome", outcome, size
    except Exception as exc:  # one broken page never stops a batch
        return "outcome", Failed(relpath, {"witness": f"{type(exc).__name__}: {exc}"}), 0


def _preload() -> None:
    """Load here, once, what every worker loads on its first file, so that forked workers
    inherit it: spaCy's import and word lists (checks/lexicon.py), py3langid's model, the
    authority file — 1.5–3 s of CPU in each worker of each ingest otherwise."""
    from .checks import lexicon
    from .creators import _index, load
    from .language import _identifier
    lexicon.words()
    lexicon.nouns_only()
    _identifier()
    _index(load())


def _init_worker() -> None:
    # Each worker is single-threaded by design: two processes on two cores.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


workers_die_with_parent()


def find_duplicates(store, stages, **options):
    """The duplicates stage (witness.duplicates) at the end of an ingest or a reprocess."""
    from .duplicates import update
    stage = stages.stage("duplicates", len(store.document_ids()))
    stage.start()
    found = update(store, **options)
    stage.advance(stage.total or 0)
    stage.finish()
    return found


def counted(docs: Iterable, fed, out) -> Iterator:
    """Pass `docs` through, telling stage `fed` of each one going in (its total grows) or
    stage `out` of each one coming out (it advances)."""
    for doc in docs:
        if fed is not None:
            fed.grow()
        if out is not None:
            out.advance()
        yield doc
    if fed is not None:
        fed.settle()
    if out is not None:
        out.finish()


def ingest(store, paths: Iterable[str | Path], *, nlp: bool = True, workers: int | None = None,
           progress: bool = True, commit_every: int = 200,
           annotate: Callable[[Iterable[Document]], Iterator[Document]] | None = None,
           root: str | Path | None = None, follow_links: bool = False,
           runner: "Runner | None" = None) -> IngestSummary:
    """Ingest files and folders into `store`; returns the summary.

    `annotate` (docs → docs) runs the NLP and claim stages; by default it is
    `witness.annotate.annotate_many` when `nlp` is true.  `progress`: True shows a bar per
    stage on stderr, False nothing, or a `witness.progress.Stages` to report to.  `root`: the archive
    root for files under it (default: found, see ingest/paths.py); `follow_links`: read links
    that leave the folder given.  Every input ends stored, unchanged, skipped or failed with its reason.
    `runner` (witness.distributed) runs every per-document stage elsewhere, e.g. on a Dask
    cluster; this process then only plans, writes what comes back and keeps the summary.
    """
    planned = plan(paths, root=root, follow_links=follow_links)
    summary = IngestSummary(files=len(planned.files) + len(planned.outcomes))
    for relpath, kind, reason in planned.outcomes:
        _outcome(summary, store, relpath, kind, reason)
    known = store.known_shas()
    workers = workers or min(2, os.cpu_count() or 1)
    if nlp and annotate is None and runner is None:
        from .annotate import annotate_many as annotate
    # Without an annotation stage, workers serialise documents for the store (a runner does,
    # after its own annotation stage).
    prepare = store.prepare if annotate is None and runner is None else None
    put = store.put_prepared if prepare is not None else store.put_document
    jobs = [(f.path, f.place, known.get(f.place.relpath), prepare) for f in planned.files]
    start = time.perf_counter()
    stages = stages_for(progress)
    bar = stages.stage("read", len(jobs) + len(planned.outcomes), unit="file")
    bar.start()
    bar.advance(len(planned.outcomes))        # settled by the walk: skipped or failed unread
    nlp_stage = stages.stage("NLP", 0, growing=True) if annotate is not None else None
    write = stages.stage("write", 0, growing=True)
    pool = None
    if runner is None and workers > 1 and len(jobs) > 1:
        _preload()
        pool = mp.get_context("fork").Pool(workers, initializer=_init_worker)
    try:
        if runner is not None:
            results, put = runner.ingest(_read_and_check, jobs, nlp=nlp, store=store), store.put_prepared
        else:
            results = pool.imap(_read_and_check, jobs, chunksize=8) if pool else map(_read_and_check, jobs)
        docs = _collect(results, summary, store, bar)
        if annotate is not None:
            docs = counted(annotate(counted(docs, nlp_stage, None)), write, nlp_stage)
        else:
            docs = counted(docs, write, None)
        with store.batch(commit_every):
            for doc in docs:
                error = claims_error(doc)
                if error:    # the claim stage failed on this page alone
                    _outcome(summary, store, _source_path(doc), "failed", f"not stored: claims: {error}")
                    write.advance()
                    continue
                try:
                    res = doc if isinstance(doc, PutResult) else put(doc)
                except (WitnessError, ValueError, UnicodeError) as exc:   # this document only
                    _outcome(summary, store, _source_path(doc), "failed", f"not stored: {exc}")
                    write.advance()
                    continue
                setattr(summary, res.status, getattr(summary, res.status) + 1)
                write.advance()
            write.finish()
            if pool:
                # The readers are done: end them before leaving the batch brings the search
                # index up to date.  A forked child keeps every file lock that a thread of
                # this process held at the fork (tantivy's meta lock, which its reload
                # watcher takes now and then), and the sync would wait on it for as long
                # as the child lives — here, for ever.
                pool.terminate()
                pool.join()
                pool = None
            index = stages.stage("index", summary.stored)
            index.start()          # leaving the batch commits and brings the search index up to date
        index.advance(summary.stored)
        summary.duplicates = find_duplicates(store, stages, workers=workers)
    finally:
        if pool:
            pool.terminate()
        stages.close()
    summary.stages = stages.stages
    summary.seconds = time.perf_counter() - start
    return summary


class Runner(Protocol):
    """Runs the per-document stages elsewhere (witness.distributed.DaskRunner)."""

    def ingest(self, read: Callable, jobs: list, *, nlp: bool, store) -> Iterator[tuple]:
        """`read` (`_read_and_check`) over `jobs`, then on what was read the annotation
        stage when `nlp`, then `store.prepare`; yields `read`'s results in job order, with
        ("prepared", Prepared, size) for a document to write here or ("stored", PutResult,
        size) for one a worker wrote."""

    def reprocess(self, store, *, nlp: bool) -> Iterator:
        """Every stored document re-linked (creators) and, when `nlp`, re-annotated; yields a
        Prepared to write here or a PutResult, one per document."""


def _collect(results, summary: IngestSummary, store, bar) -> Iterator:
    """Turn worker results into documents (or prepared documents) to store; record skips and
    failures as they come."""
    for kind, payload, size in results:
        summary.bytes += size
        bar.advance()
        if kind == "unchanged":
            summary.unchanged += 1
            continue
        if kind in ("prepared", "stored"):     # "stored": a runner's worker wrote it (a PutResult)
            yield payload
        elif isinstance(payload, Read):
            yield payload.document
        elif isinstance(payload, Skipped):
            _outcome(summary, store, payload.relpath, "skipped", payload.reason)
        else:
            _outcome(summary, store, payload.relpath, "failed",
                     "; ".join(f"{k}: {v}" for k, v in payload.reasons.items()))
    bar.finish()


def _outcome(summary: IngestSummary, store, relpath: str, kind: str, reason: str) -> None:
    relpath = printable(relpath)
    if kind == "skipped":
        summary.skipped[reason] += 1
    else:
        summary.failed.append((relpath, reason))
    store.record_outcome(relpath, kind, reason)


def _source_path(doc) -> str:
    data = doc.data if hasattr(doc, "data") else doc.to_json()     # a Prepared or a Document
    return (data.get("source") or {}).get("path") or "?"
