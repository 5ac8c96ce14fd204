"""One PostgreSQL archive shared by several processes: two `witness serve` processes and an
ingest at the same time; curation through one server is seen at once by the other."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest

from witness.store import open_store
from witness.web.demo import build_demo_archive

CLI = [sys.executable, "-m", "witness.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, token: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "WITNESS_TOKEN": token}
    proc = subprocess.Popen(CLI + ["--db", url, "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode()
        try:
            if httpx.get(base + "/api/documents", timeout=5).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError("server did not start")


def test_two_servers_and_an_ingest_share_one_archive(pg_server, corpus_root, tmp_path):
    url = pg_server.create_database(f"shared_{os.getpid()}")
    build_demo_archive(url, corpus_root, pages=["archive/serge/1937/08/yagoda.htm"]).close()
    token = "tok-shared"
    a, base_a = start_server(url, token)
    b, base_b = start_server(url, token)
    folder = corpus_root / "archive/harman"
    errors: list[str] = []
    done = threading.Event()
    served = [0]

    def read_both():
        paths = ["/api/documents?limit=5", "/api/search?q=revolution", "/persons/sosnovsky-lev",
                 "/api/persons", "/", "/api/documents/serge-1937-08-yagoda"]
        while not done.is_set():
            for base in (base_a, base_b):
                for p in paths:
                    try:
                        r = httpx.get(base + p, timeout=60)
                        if r.status_code != 200:
                            errors.append(f"{base}{p}: {r.status_code} {r.text[:200]}")
                        served[0] += 1
                    except httpx.HTTPError as e:
                        errors.append(f"{base}{p}: {e!r}")

    readers = [threading.Thread(target=read_both) for _ in range(2)]
    try:
        for t in readers:
            t.start()
        ingest = subprocess.Popen(CLI + ["--db", url, "ingest", "--no-nlp", "--quiet", "--workers", "1",
                                         str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # Curation through A while the ingest writes: B shows it at once.
        auth = {"Authorization": f"Bearer {token}"}
        r = httpx.post(base_a + "/api/entities/sosnovsky-lev/link", json={"wikidata": "Q2395432", "note": "t"},
                       headers=auth, timeout=120)
        assert r.status_code == 200, r.text
        assert httpx.get(base_b + "/api/persons/sosnovsky-lev", timeout=60).json()["wikidata"] == "Q2395432"
        out, err = ingest.communicate(timeout=600)
        assert ingest.returncode == 0, err
        assert "failed 0" in out or "failed" in out, out
        r = httpx.post(base_b + "/api/curation/undo", json={}, headers=auth, timeout=120)
        assert r.status_code == 200, r.text
        assert httpx.get(base_a + "/api/persons/sosnovsky-lev", timeout=60).json()["wikidata"] != "Q2395432"
    finally:
        done.set()
        for t in readers:
            t.join(120)
        for p in (a, b):
            p.terminate()
            p.wait(30)
    assert not errors, errors[:5]
    assert served[0] > 20
    with open_store(url) as s:
        assert s.integrity_check() == "ok"
        n = len(s.document_ids())
        # Both servers list every document the ingest wrote, and find them in search.
        assert n > 40
        log = [op.op["op"] for op in s.curation.log()]
        assert log == ["link", "undo"]
