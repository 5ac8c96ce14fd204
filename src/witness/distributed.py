"""Ingest and reprocess on a Dask cluster: the pipeline's stages as tasks on Dask workers.

    witness ingest --cluster local:4 PATHS…             # a LocalCluster of 4 worker processes
    witness ingest --cluster tcp://SCHEDULER:8786 PATHS…

The client (this process) plans the run exactly as `witness.pipeline.ingest` does — the same
files, the same sha256 skip of what is stored — and hands batches of files to the workers.
Each task runs the pipeline's own per-document function (`pipeline._read_and_check`: read,
record, creators, language, checks) and then, with NLP, `witness.annotate.annotate_many`
(entities, linking, claims, the checks that need people) on the batch, and serialises each
document with `store.prepare`.  Nothing is copied from the pipeline; only where it runs
changes.

Writes.  Into SQLite, tasks are pure: they read files and return serialised documents.
The client is the one writer (SQLite allows no other), taking results in the order of the
files — so document ids, which depend on the order in which colliding paths arrive, come
out as in a plain ingest — in transactions of `commit_every` documents.  Into a server
archive (PostgreSQL) each task writes its batch itself in one transaction, through the same
store interface, and returns what was stored; the client's search index follows the
archive's change log at the end.  Exactly once follows from the store: a task whose worker
dies is rerun by Dask elsewhere, and rerunning it is harmless — a put is idempotent by
(path, sha256, content digest), and a transaction that did not commit left nothing — and a
client killed mid-run leaves whole committed documents, which the next run skips by sha256
before reading them.

Per-worker state.  The spaCy pipelines and the authority file are process-wide caches
(`functools.lru_cache` in witness.nlp, witness.authority's loader), so each worker process
loads them once; the `WitnessWorker` plugin loads them when the worker starts (and again in
a worker Dask restarts), off the worker's event loop.
"""

from __future__ import annotations

import math
import os
import sys
import threading
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .annotate import claims_error
from .errors import WitnessError
from .ingest.base import Failed, Read

# Documents per task.  With NLP a document costs ~0.2–0.4 s of CPU, so 16 make a task of a
# few seconds: long enough that Dask's per-task cost (~1 ms) vanishes, short enough that a
# dead worker loses little and every worker stays fed.  Without NLP a document is ~2 ms.
NLP_BATCH = 16
PLAIN_BATCH = 200
# Batches in flight per worker thread: one running, the rest queued so no worker waits
# for the client; bounded so results never pile up faster than the one writer takes them.
AHEAD = 3


class ClusterError(WitnessError):
    code = "cluster-error"
    status = 503


def _set_thread_env() -> None:
    # One thread of BLAS per process: Dask runs one process per core (before numpy loads).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


# ---- on the workers ------------------------------------------------------------------------

_WARM: set = set()
_WARMING = threading.Lock()


def warm(nlp: bool) -> None:
    """Load what the stages need once per process (cached by the modules themselves)."""
    if nlp in _WARM:
        return
    with _WARMING:      # the plugin's thread and a first task may both get here
        if nlp not in _WARM:
            _warm(nlp)


def _warm(nlp: bool) -> None:
    _set_thread_env()
    from .authority import load
    load()
    if nlp:
        from .claims import extract_claims_many
        from .nlp import _linker, load_nlp
        load_nlp()
        _linker()
        extract_claims_many([])     # the claim stage's parser
    _WARM.add(nlp)


def _loads() -> dict:
    """How many times this process built each cached model (the tests read it)."""
    from .authority.loader import _CACHE
    from .nlp import load_nlp
    return {"pid": os.getpid(), "authority": len(_CACHE), "nlp": load_nlp.cache_info().misses}


try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:   # pragma: no cover - dask is a dependency; keep `import witness` light
    WorkerPlugin = object


class WitnessWorker(WorkerPlugin):
    """Loads the spaCy model and the authority file when a worker starts, on a thread of its
    own so the worker keeps answering the scheduler meanwhile."""

    name = "witness"

    def __init__(self, nlp: bool = True) -> None:
        self.nlp = nlp

    async def setup(self, worker) -> None:
        import asyncio
        await asyncio.get_running_loop().run_in_executor(None, warm, self.nlp)


def _annotated(docs: list, nlp: bool) -> list:
    """(document | Failed) per input: the NLP and claim stages over a batch, and when a batch
    fails, document by document, so one bad page fails alone (with its reason)."""
    if not nlp or not docs:
        return list(docs)
    from .annotate import annotate_many
    try:
        return [_claims_failed(d) for d in annotate_many(docs, n_process=1)]
    except Exception:
        if len(docs) == 1:
            raise
    out = []
    for doc in docs:
        try:
            out.extend(_claims_failed(d) for d in annotate_many([doc], n_process=1))
        except Exception as exc:
            out.append(Failed(_path(doc), {"witness": f"NLP: {type(exc).__name__}: {exc}"}))
    return out


def _path(doc) -> str:
    return (doc.source.path if doc.source else None) or doc.id


def _claims_failed(doc):
    """A page whose claim stage failed (annotate.claims_many marks it) fails here too, as it
    does in a plain ingest or reprocess."""
    error = claims_error(doc)
    return Failed(_path(doc), {"witness": f"claims: {error}"}) if error else doc


_LOCAL = threading.local()


def is_server(url: str) -> bool:
    """An archive the workers can write to themselves (a database server, not a file)."""
    return str(url).startswith(("postgresql://", "postgres://"))


def worker_store(url: str):
    """This worker thread's connection to a server archive (opened once).  Workers keep no
    search side index: the client's follows the archive's change log when the run ends."""
    stores = _LOCAL.__dict__.setdefault("stores", {})
    if url not in stores:
        from .store import open_store
        stores[url] = open_store(url, engine="tsvector")
    return stores[url]


def _write(results: list, target: str | None) -> list:
    """With a server archive, store the batch's prepared documents from here, in one
    transaction; a put that fails goes back to the client's writer as it was."""
    if not target:
        return results
    store = worker_store(target)
    with store.batch(len(results) + 1):
        for i, (kind, payload, size) in enumerate(results):
            if kind == "prepared":
                try:
                    results[i] = ("stored", store.put_prepared(payload), size)
                except Exception:       # e.g. two workers taking one new id at once
                    pass
    return results


def _ingest_batch(read: Callable, jobs: list, nlp: bool, prepare: Callable, target: str | None = None) -> list[tuple]:
    """A task: the pipeline's read stage over `jobs`, then NLP on what was read, then the
    store's serialiser (and, into a server archive, the write).  Returns `read`'s result
    tuples, each Read as ("prepared", Prepared, size) or ("stored", PutResult, size)."""
    warm(nlp)
    results = [read(job) for job in jobs]
    at = [i for i, (kind, payload, _) in enumerate(results) if kind == "outcome" and isinstance(payload, Read)]
    for i, done in zip(at, _annotated([results[i][1].document for i in at], nlp)):
        size = results[i][2]
        results[i] = ("outcome", done, size) if isinstance(done, Failed) else ("prepared", prepare(done), size)
    return _write(results, target)


def _reprocess_batch(docs: list, nlp: bool, prepare: Callable, target: str | None = None) -> list:
    """A task: creators re-linked and, with NLP, the annotation stages; a Prepared (or, into a
    server archive, the PutResult) per document.  With a server archive `docs` are ids."""
    warm(nlp)
    from .creators import link_many
    if target:
        store = worker_store(target)
        docs = [store.get_document(doc_id) for doc_id in docs]
    out = []
    for doc in _annotated(list(link_many(docs)), nlp):
        if isinstance(doc, Failed):    # keep the stored version; say why
            raise ClusterError(f"re-annotating {doc.relpath} failed: {doc.reasons['witness']}")
        out.append(("prepared", prepare(doc), 0))
    return [payload for _, payload, _ in _write(out, target)]


# ---- on the client -------------------------------------------------------------------------

def batch_size(n: int, threads: int, nlp: bool) -> int:
    """Documents per task: at most NLP_BATCH / PLAIN_BATCH, and small enough that every
    worker thread gets a few tasks of a small run."""
    cap = NLP_BATCH if nlp else PLAIN_BATCH
    return max(1, min(cap, math.ceil(n / max(1, threads * AHEAD))))


def _chunks(items: Iterable, n: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@dataclass
class DaskRunner:
    """A `witness.pipeline.Runner` on a Dask cluster.

    `cluster`: "local:N" (a LocalCluster of N single-threaded worker processes, closed with
    the runner), a scheduler address ("tcp://host:8786"), or a `distributed.Client`.
    """
    cluster: object
    batch: int | None = None            # documents per task (default: batch_size())
    dashboard: str | None = ":8787"     # a LocalCluster's dashboard address (None: none)
    client: object = field(default=None, init=False)
    _local: object = field(default=None, init=False)
    _own_client: bool = field(default=False, init=False)

    # -- lifetime -------------------------------------------------------------------------
    def __enter__(self) -> "DaskRunner":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self) -> "DaskRunner":
        from distributed import Client, LocalCluster
        _set_thread_env()
        spec = self.cluster
        if not isinstance(spec, str):
            self.client = spec
            return self
        if spec.startswith("local:") or spec == "local":
            n = spec.partition(":")[2] or str(min(2, os.cpu_count() or 1))
            if not n.isdigit() or int(n) < 1:
                raise ClusterError(f"--cluster {spec!r}: local:N needs a number of workers ≥ 1",
                                   hint="e.g. --cluster local:2")
            self._local = LocalCluster(n_workers=int(n), threads_per_worker=1, processes=True,
                                       dashboard_address=self.dashboard,
                                       worker_dashboard_address=None)
            self.client = Client(self._local)
        elif "://" in spec or ":" in spec:
            try:
                self.client = Client(spec, timeout="20s")
            except (OSError, TimeoutError) as exc:
                raise ClusterError(f"no Dask scheduler answers at {spec}: {exc}",
                                   hint="start one with `dask scheduler`, and workers with "
                                        "`dask worker SCHEDULER:8786`") from exc
        else:
            raise ClusterError(f"--cluster {spec!r} is neither local:N nor a scheduler address",
                               hint="e.g. --cluster local:2 or --cluster tcp://10.0.0.5:8786")
        self._own_client = True
        return self

    def close(self) -> None:
        if self._own_client and self.client is not None:
            self.client.close()
        if self._local is not None:
            self._local.close()
        self.client = self._local = None

    # -- what a person sees ---------------------------------------------------------------
    def threads(self) -> int:
        return sum(self.client.nthreads().values()) or 1

    def describe(self) -> list[str]:
        info = self.client.scheduler_info()
        workers = info.get("workers", {})
        lines = [f"Dask: {len(workers)} workers, {self.threads()} threads, scheduler {info.get('address', '?')}"]
        if self.client.dashboard_link and info.get("services", {}).get("dashboard"):
            lines.append(f"Dask dashboard: {self.client.dashboard_link}")
        return lines

    def _setup(self, nlp: bool) -> int:
        if self.client is None:
            self.start()
        if not self.client.nthreads():
            self.client.wait_for_workers(1, timeout=120)
        self.client.register_plugin(WitnessWorker(nlp), name=f"witness-{'nlp' if nlp else 'plain'}")
        return self.threads()

    # -- the Runner interface (witness.pipeline) ------------------------------------------
    def ingest(self, read: Callable, jobs: list, *, nlp: bool, store) -> Iterator[tuple]:
        threads = self._setup(nlp)
        n = self.batch or batch_size(len(jobs), threads, nlp)
        target = store.url if is_server(store.url) else None
        before = set(store.document_ids()) if target else set()
        tasks = (("witness-ingest", _ingest_batch, (read, chunk, nlp, store.prepare, target))
                 for chunk in _chunks(jobs, n))
        for results in self._ordered(tasks, threads):
            for kind, payload, size in results:
                if kind == "stored" and payload.status == "unchanged" and payload.id not in before:
                    # Written by an attempt of this task whose worker died before answering.
                    # (A changed file rewritten so is counted unchanged: the archive is right,
                    # only that count is off.)
                    payload.status = "new"
                yield kind, payload, size

    def reprocess(self, store, *, nlp: bool) -> Iterator:
        threads = self._setup(nlp)
        ids = store.document_ids()
        n = self.batch or batch_size(len(ids), threads, nlp)
        target = store.url if is_server(store.url) else None
        source = ids if target else store.iter_documents()
        tasks = (("witness-reprocess", _reprocess_batch, (chunk, nlp, store.prepare, target))
                 for chunk in _chunks(source, n))
        for results in self._ordered(tasks, threads):
            yield from results

    def _ordered(self, tasks: Iterable[tuple], threads: int) -> Iterator:
        """Results of `tasks` in submission order, keeping AHEAD tasks per thread in flight.

        A task lost with its worker is rerun by the scheduler; a task that raised raises
        here (after Dask's own retries of a worker that keeps dying on it)."""
        from dask.base import tokenize
        window = max(2, threads * AHEAD)
        pending: deque = deque()
        run = tokenize(os.getpid(), id(self), os.urandom(8))
        try:
            for i, (name, fn, args) in enumerate(tasks):
                pending.append(self.client.submit(fn, *args, key=f"{name}-{run}-{i}", pure=False))
                if len(pending) >= window:
                    yield self._result(pending.popleft())
            while pending:
                yield self._result(pending.popleft())
        finally:
            for f in pending:
                f.release()

    @staticmethod
    def _result(future):
        from distributed import KilledWorker
        try:
            out = future.result()
        except KilledWorker as exc:
            raise ClusterError(f"Dask gave up on a batch after its workers died repeatedly: {exc}",
                               hint="a worker dies on these documents (memory?); the archive holds "
                                    "everything written so far — run the same command again") from exc
        future.release()
        return out


def runner_for(spec: str | None, **options) -> DaskRunner | None:
    return DaskRunner(spec, **options) if spec else None


def echo(lines: list[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr, flush=True)
