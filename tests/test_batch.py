"""Batch ingest: crash safety with a really killed process, and the whole 9k corpus."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from witness.pipeline import ingest, iter_files
from witness.store import open_store

CLI = [sys.executable, "-m", "witness.cli"]


def test_kill_9_mid_batch_leaves_a_consistent_archive_and_a_rerun_completes(tmp_path, corpus_root,
                                                                           archive_target):
    folder = corpus_root / "archive/harman"
    db = archive_target
    watcher = open_store(db)               # created (and migrated) before the writer starts
    cmd = CLI + ["--db", str(db), "ingest", "--no-nlp", "--quiet", "--workers", "1", str(folder)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and len(watcher.document_ids()) < 40:
        assert proc.poll() is None, proc.stderr.read().decode()
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    partial = len(watcher.document_ids())
    watcher.close()
    store = open_store(db)
    assert store.integrity_check() == "ok"
    ids = store.document_ids()
    assert len(ids) == partial > 0
    for doc_id in ids:  # every stored document is whole
        doc = store.get_document(doc_id)
        assert doc.text and doc.record.title is not None
    store.close()
    total_files = sum(1 for _ in iter_files([folder]))
    assert partial < total_files, "the kill came too late to test anything"

    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    store = open_store(db)
    stats = store.stats()
    skipped, failed = stats["skipped"]["total"], stats["failed"]["total"]
    assert stats["documents"] + skipped + failed == total_files
    assert stats["versions"] == stats["documents"], "a re-run must not create new versions of unchanged files"
    store.close()


@pytest.mark.slow
def test_whole_corpus_every_file_ingested_or_skipped_with_a_reason(tmp_path, corpus_root):
    files = [f for f, _ in iter_files([corpus_root])]
    assert len(files) >= 9000
    store = open_store(tmp_path / "all.db")
    summary = ingest(store, [corpus_root], nlp=False, progress=False)
    assert summary.files == len(files)
    accounted = summary.stored + summary.unchanged + sum(summary.skipped.values()) + len(summary.failed)
    assert accounted == len(files)
    assert all(reason.strip() for reason in summary.skipped), "every skip has a reason"
    assert all(reason.strip() for _, reason in summary.failed), "every failure has a reason"
    # Failures are for truly unreadable files only: fewer than 1 in 1,000.
    assert len(summary.failed) <= len(files) // 1000, summary.failed[:10]
    assert summary.stored >= 0.8 * len(files)
    stats = store.stats()
    assert stats["documents"] == summary.stored
    store.close()
    print(json.dumps({"stored": summary.stored, "skipped": dict(summary.skipped.most_common(10)),
                      "failed": len(summary.failed), "seconds": round(summary.seconds, 1)}))


def test_a_lock_held_when_the_readers_fork_does_not_stop_the_ingest(tmp_path, corpus_root, monkeypatch):
    """The readers are forked, and a child keeps every file lock a thread of this process
    held at that moment — such as the side index's meta lock, which tantivy's reload watcher
    takes now and then.  Here this process holds that lock at the fork and lets go just
    after, as the watcher does: the ingest must still finish and index what it stored (the
    readers are gone before the search index is brought up to date)."""
    import fcntl
    import threading

    from witness.store import SearchQuery

    monkeypatch.setenv("WITNESS_SEARCH_ENGINE", "tantivy")
    store = open_store(tmp_path / "w.db")
    held = [os.open(store._tindex.dir / ".tantivy-meta.lock", os.O_CREAT | os.O_WRONLY)]
    fcntl.flock(held[0], fcntl.LOCK_EX)

    def let_go_after_the_first_fork():
        if held:
            os.close(held.pop())       # the child forked just now still holds the lock

    os.register_at_fork(after_in_parent=let_go_after_the_first_fork)
    done: dict = {}
    run = threading.Thread(target=lambda: done.update(summary=ingest(
        store, [corpus_root / "archive/serge/1937"], nlp=False, progress=False, workers=2)), daemon=True)
    run.start()
    run.join(240)                      # a guard against the deadlock, not a measure of speed
    assert not held, "the readers were not forked"
    assert not run.is_alive(), "the ingest waits for ever on a lock a reader process inherited"
    assert done["summary"].new == 7 and not done["summary"].failed
    assert store.search(SearchQuery(q="Yagoda")).total >= 1
    store.close()
