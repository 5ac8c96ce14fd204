"""Ingest and reprocess on a real Dask LocalCluster (2 worker processes), on real corpus pages,
checked against a plain single-process run of the same pages: the same documents, mentions
and claims, every document once, also when a worker or the client is killed mid-run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from witness.pipeline import ingest, iter_files
from witness.reprocess import reprocess
from witness.store import open_store
from witness.store.base import SearchQuery

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.corpus

CLI = [sys.executable, "-m", "witness.cli"]
# Real pages with people, places and claims: Serge's 1937 letters and articles, Rakovsky's
# 1929 declarations and two chapters of his biography (13 files).
NLP_PAGES = ["archive/serge/1937", "archive/rakovsky/1929", "archive/rakovsky/1920",
             "archive/rakovsky/biog/biog1.htm", "archive/rakovsky/biog/biog2.htm"]


@pytest.fixture(scope="module")
def client():
    """A LocalCluster of two single-threaded worker processes, as `--cluster local:2` starts."""
    from distributed import Client, LocalCluster
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def _snapshot(store) -> dict:
    """Everything an archive holds about its current documents: id → the stored JSON (record,
    text, checks, mentions, entities, claims) and the version history."""
    out = {}
    for doc_id in store.document_ids():
        doc = store.get_document(doc_id)
        out[doc_id] = (doc.to_json(), [(v.version, v.sha256, v.path) for v in store.history(doc_id)])
    return out


def _counts(snap: dict) -> tuple[int, int, int]:
    return (len(snap), sum(len(d["mentions"]) for d, _ in snap.values()),
            sum(len(d["claims"]) for d, _ in snap.values()))


@pytest.fixture(scope="module")
def pages(corpus_root) -> list[Path]:
    return [corpus_root / p for p in NLP_PAGES]


@pytest.fixture(scope="module")
def plain(pages, tmp_path_factory) -> dict:
    """The same pages through the plain `witness ingest` (NLP on)."""
    db = tmp_path_factory.mktemp("plain") / "plain.db"
    with open_store(db) as store:
        summary = ingest(store, pages, nlp=True, progress=False)
        assert not summary.failed
        snap = _snapshot(store)
    docs, mentions, claims = _counts(snap)
    assert docs >= 10 and mentions > 500 and claims > 20, "the sample must exercise every stage"
    return snap


def _dask_runner(client, **kw):
    from witness.distributed import DaskRunner
    return DaskRunner(client, **kw)


def test_cluster_ingest_stores_what_a_plain_ingest_stores(client, pages, plain, tmp_path):
    from witness.distributed import _loads
    with open_store(tmp_path / "dask.db") as store:
        summary = ingest(store, pages, nlp=True, progress=False, runner=_dask_runner(client, batch=3))
        snap = _snapshot(store)
        again = ingest(store, pages, nlp=True, progress=False, runner=_dask_runner(client))
    assert summary.new == len(plain) and not summary.failed
    assert _counts(snap) == _counts(plain)
    assert snap == plain          # ids, records, text, findings, mentions, entities, claims, versions
    assert again.unchanged == summary.new and again.stored == 0
    # Each worker process built the spaCy pipeline and read the authority file once.
    loads = client.run(_loads)
    assert len(loads) == 2
    assert all(v["nlp"] == 1 and v["authority"] == 1 for v in loads.values()), loads


def test_worker_killed_by_sigkill_mid_ingest(client, pages, plain, tmp_path):
    """SIGKILL a worker while it runs a batch: Dask reruns the batch elsewhere, the archive
    holds every document once (one version each), the same as the plain ingest."""
    pids = client.run(os.getpid)
    killed: dict = {}

    def kill_when_busy():
        deadline = time.time() + 300
        while time.time() < deadline and not killed:
            busy = {w: keys for w, keys in client.processing().items() if keys}
            for worker, keys in busy.items():
                if any(str(k).startswith("witness-ingest") for k in keys) and worker in pids:
                    os.kill(pids[worker], signal.SIGKILL)
                    killed[worker] = pids[worker]
                    return
            time.sleep(0.02)

    killer = threading.Thread(target=kill_when_busy)
    killer.start()
    with open_store(tmp_path / "killed.db") as store:
        summary = ingest(store, pages, nlp=True, progress=False, runner=_dask_runner(client, batch=2))
        snap = _snapshot(store)
        stats = store.stats()
    killer.join()
    assert killed, "no worker was seen running a batch"
    victim, pid = next(iter(killed.items()))
    client.wait_for_workers(2, timeout=120)            # the nanny restarted it
    assert pid not in client.run(os.getpid).values()
    assert summary.new == len(plain) and not summary.failed
    assert stats["versions"] == stats["documents"] == len(plain)
    assert snap == plain


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(db, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _children(pid: int) -> list[int]:
    import psutil
    try:
        return [p.pid for p in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def test_client_killed_then_rerun_completes_without_redoing_stored_documents(client, corpus_root, tmp_path):
    """`witness ingest --cluster local:2` killed with SIGKILL after its first commit: its
    workers go with it; the same command against a running scheduler then stores the rest,
    skipping what was stored, and the archive equals a plain ingest of the folder."""
    folder = corpus_root / "archive/harman"
    total = sum(1 for _ in iter_files([folder]))
    db = tmp_path / "w.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cmd = CLI + ["--db", str(db), "ingest", "--no-nlp", "--quiet"]
    proc = subprocess.Popen(cmd + ["--cluster", "local:2", str(folder)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 300
    while time.time() < deadline and _count(db) == 0:
        assert proc.poll() is None, proc.stderr.read().decode()
        time.sleep(0.02)
    workers = _children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    partial = _count(db)
    assert 0 < partial < total, "the kill came too late to test anything"
    assert len(workers) >= 2

    import psutil
    gone, alive = psutil.wait_procs([psutil.Process(p) for p in workers if psutil.pid_exists(p)], timeout=60)
    assert not alive, f"worker processes outlived their client: {alive}"

    address = client.scheduler.address
    done = subprocess.run(cmd + ["--cluster", address, str(folder)], env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert f" {partial} unchanged," in done.stdout, done.stdout

    with open_store(db) as store:
        snap, stats = _snapshot(store), store.stats()
    with open_store(tmp_path / "plain.db") as store:
        ingest(store, [folder], nlp=False, progress=False)
        expected = _snapshot(store)
    assert stats["versions"] == stats["documents"] == len(expected)
    assert stats["documents"] + stats["skipped"]["total"] + stats["failed"]["total"] == total
    assert snap.keys() == expected.keys()
    assert {k: v[0] for k, v in snap.items()} == {k: v[0] for k, v in expected.items()}


def test_cluster_reprocess_equals_plain_ingest_with_nlp(client, pages, plain, tmp_path):
    """An archive ingested without NLP, reprocessed on the cluster, holds the plain NLP
    ingest's mentions and claims; a second reprocess changes nothing."""
    with open_store(tmp_path / "r.db") as store:
        ingest(store, pages, nlp=False, progress=False)
        first = reprocess(store, progress=False, runner=_dask_runner(client))
        snap = _snapshot(store)
        second = reprocess(store, progress=False, runner=_dask_runner(client))
    assert first.updated == len(plain)
    assert {k: v[0] for k, v in snap.items()} == {k: v[0] for k, v in plain.items()}
    assert second.unchanged == len(plain) and second.stored == 0


def test_cluster_flag_errors_name_the_problem(tmp_path):
    out = subprocess.run(CLI + ["--db", str(tmp_path / "x.db"), "ingest", "--cluster", "local:x", str(tmp_path)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode != 0
    assert "local:N" in out.stderr + out.stdout


def _pg_archive(request, name: str) -> str:
    try:
        server = request.getfixturevalue("pg_server")
    except pytest.FixtureLookupError:
        pytest.skip("no PostgreSQL backend on this branch yet")
    return server.create_database(f"{name}_{os.getpid()}")


def test_cluster_ingest_into_postgresql_writes_from_the_workers(request, client, pages, plain, tmp_path):
    """Into a PostgreSQL archive the workers write themselves (one transaction per batch); a
    worker SIGKILLed mid-run leaves every document once; the archive holds what the plain
    ingest stored (ids may differ only where two paths want one id, which these pages don't)."""
    url = _pg_archive(request, "dask")
    pids = client.run(os.getpid)
    killed: dict = {}

    def kill_when_busy():
        deadline = time.time() + 300
        while time.time() < deadline and not killed:
            for worker, keys in client.processing().items():
                if any(str(k).startswith("witness-ingest") for k in keys) and worker in pids:
                    os.kill(pids[worker], signal.SIGKILL)
                    killed[worker] = pids[worker]
                    return
            time.sleep(0.02)

    killer = threading.Thread(target=kill_when_busy)
    killer.start()
    with open_store(url) as store:
        summary = ingest(store, pages, nlp=True, progress=False, runner=_dask_runner(client, batch=2))
        snap, stats = _snapshot(store), store.stats()
        hits = store.search(SearchQuery(q="Rakovsky"))
        again = reprocess(store, progress=False, runner=_dask_runner(client))
    killer.join()
    client.wait_for_workers(2, timeout=120)
    assert killed
    assert summary.new == len(plain) and not summary.failed
    assert stats["versions"] == stats["documents"] == len(plain)
    assert snap == plain
    assert hits.total > 0                     # the client's search index followed the workers' writes
    assert again.unchanged == len(plain)      # reprocess on the workers: the same annotations
