"""Reading-room latency under load: 20 concurrent clients on loopback over a whole archive.

    python bench/web.py --db ARCHIVE.db [--clients 20] [--requests 400] [--workers 1] [--views store|index]

(The machine's load matters: run it when nothing else is busy; it prints the load average.)

Starts the server in a child process (uvicorn, 127.0.0.1, free port), then for each of
the document page, the person page and /api/search sends `--requests` requests from
`--clients` concurrent keep-alive clients and reports p50/p95.  Beside each, in the same
run, the raw query behind it, timed one at a time in this process:
  document page  → store.get_document(id) + store.history(id)
  person page    → archive.people.person(id): the indexed store queries, un-memoised
                   (random persons, mostly rare; "popular persons" asks the 200 most
                   mentioned, each about twice, so half of those render cold)
  /api/search    → store.search(SearchQuery(q))
Floors (issue 5): p95 < 100 ms for pages, < 50 ms for the search API.

--views store (the only one) serves what `witness serve` serves: the archive layer over the
store's indexed queries, nothing loaded at start-up.

Give it an archive ingested WITH the NLP stage (`witness ingest`, not --no-nlp): the person
page needs mentions and claims.  If the archive has none, the documents are annotated by the
real pipeline (witness.web.demo.annotate = witness.annotate) into a copy of the archive
(ARCHIVE.demo-annotated.db, rebuilt when the archive is newer) — one document at a time, so
slow on a whole corpus: `witness reprocess` on the archive first is faster.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

QUERIES = ["Yagoda", "Rakovsky", "Kronstadt", "the revolution", "workers", '"permanent revolution"',
           '"working class"', "bolshevi*", "(stalin OR trotsky) trial", "strike", "Tukhachevsky",
           "general strike 1926", "imperialism war", "Fourth International", "Spain POUM"]
FLOORS = {"document page": 100.0, "person page": 100.0, "popular persons": 100.0, "/api/search": 50.0}


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def has_people(db: Path) -> bool:
    import sqlite3

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT 1 FROM mentions WHERE type = 'person' LIMIT 1").fetchone() is not None


def annotated_copy(db: Path) -> Path:
    """A copy of `db` annotated by the real pipeline, stored as an ingest with NLP would store it."""
    import json
    import sqlite3
    import zlib

    from witness.model import Document
    from witness.store.annotations import index_annotations
    from witness.web.demo import annotate

    out = db.with_name(db.stem + ".demo-annotated.db")
    if out.exists() and out.stat().st_mtime >= db.stat().st_mtime:
        return out
    t0 = time.perf_counter()
    tmp = out.with_name(out.name + ".tmp")
    tmp.unlink(missing_ok=True)
    src, dst = sqlite3.connect(f"file:{db}?mode=ro", uri=True), sqlite3.connect(tmp, isolation_level=None)
    src.backup(dst)
    src.close()
    dst.execute("BEGIN")
    rows = dst.execute("SELECT d.rowid, d.id, d.version, v.json FROM documents d JOIN versions v"
                       " ON v.doc_id = d.id AND v.version = d.version").fetchall()
    for rowid, doc_id, version, blob in rows:
        data = annotate(Document.from_json(json.loads(zlib.decompress(blob)))).to_json()
        raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
        dst.execute("UPDATE versions SET json = ? WHERE doc_id = ? AND version = ?",
                    (zlib.compress(raw, 1), doc_id, version))
        dst.execute("UPDATE documents SET n_findings = ? WHERE rowid = ?", (len(data["findings"]), rowid))
        index_annotations(dst, rowid, data)
    dst.execute("COMMIT")
    dst.execute("ANALYZE")
    dst.close()
    tmp.replace(out)
    print(f"(annotated copy {out} written in {time.perf_counter() - t0:.0f} s)")
    return out


def build_views(store, demo: str, kind: str = "store"):
    """(archive layer, demo annotations used?) — the archive must already hold the annotations
    (the in-memory index this benchmark could once build instead is gone: one implementation)."""
    from witness.archive import Archive

    return Archive(store), os.environ.get("WITNESS_BENCH_ANNOTATED") == "1"


# -- the server child -------------------------------------------------------------------------
def child_factory():
    """One server process (uvicorn calls this in each worker when --workers > 1)."""
    from witness.store import open_store
    from witness.web import create_app
    from witness.web.app import tune_gc

    store = open_store(os.environ["WITNESS_BENCH_DB"])
    t0 = time.perf_counter()
    views, demo = build_views(store, os.environ["WITNESS_BENCH_DEMO"], os.environ["WITNESS_BENCH_VIEWS"])
    print(f"READY {type(views).__name__} ready in {time.perf_counter() - t0:.1f} s; demo annotations: {demo}",
          flush=True)
    app = create_app(views)
    tune_gc()                      # as `witness serve` does
    return app


def child(args) -> None:
    import uvicorn

    os.environ["WITNESS_BENCH_DB"], os.environ["WITNESS_BENCH_DEMO"] = str(args.db), args.demo
    os.environ["WITNESS_BENCH_VIEWS"] = args.views
    if args.workers > 1:
        uvicorn.run("web:child_factory", factory=True, app_dir=str(ROOT / "bench"), workers=args.workers,
                    host="127.0.0.1", port=args.port, log_level="warning", access_log=False)
    else:
        uvicorn.run(child_factory(), host="127.0.0.1", port=args.port, log_level="warning", access_log=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(args, port: int) -> subprocess.Popen:
    import httpx

    cmd = [sys.executable, __file__, "--child", "--db", str(args.db), "--port", str(port), "--demo", args.demo,
           "--workers", str(args.workers), "--views", args.views]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    for _ in range(args.workers):      # each worker process builds its index, then says READY
        print(f"server: {proc.stdout.readline().strip()}")
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/documents?limit=1", timeout=5).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not come up")


# -- load -------------------------------------------------------------------------------------
# The load generator shares the machine's two cores with the server.  httpx spends ~1.5 ms of
# CPU per request, so with 20 clients on one event loop the *client* becomes the queue and
# its delays are counted as server latency.  The default client therefore speaks minimal
# HTTP/1.1 over asyncio streams (keep-alive, Content-Length or chunked bodies) — the way wrk
# or hey are written in C for the same reason.  `--client httpx` keeps the old measurement.
async def _read_response(reader: asyncio.StreamReader) -> tuple[int, int]:
    """(status, body bytes) of one HTTP/1.1 response."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
        return status, len(body)
    if headers.get("transfer-encoding", "").lower() == "chunked":
        size = 0
        while True:
            n = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(n + 2)
            size += n
            if n == 0:
                return status, size
    raise RuntimeError(f"response without a length: {lines[0]}")


async def load(base: str, urls: list[str], clients: int, kind: str = "raw") -> tuple[list[float], int]:
    import httpx

    queue = list(urls)
    times: list[float] = []
    errors = 0
    host, port = base.removeprefix("http://").split(":")

    async def raw_worker():
        nonlocal errors
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while queue:
                url = queue.pop()
                t = time.perf_counter()
                writer.write(f"GET {url} HTTP/1.1\r\nHost: {host}\r\nAccept: */*\r\n\r\n".encode())
                status, _ = await _read_response(reader)
                times.append((time.perf_counter() - t) * 1000)
                errors += status != 200
        finally:
            writer.close()

    async def httpx_worker():
        nonlocal errors
        async with httpx.AsyncClient(base_url=base, timeout=60) as client:
            while queue:
                url = queue.pop()
                t = time.perf_counter()
                resp = await client.get(url)
                times.append((time.perf_counter() - t) * 1000)
                errors += resp.status_code != 200

    worker = raw_worker if kind == "raw" else httpx_worker
    await asyncio.gather(*(worker() for _ in range(clients)))
    return times, errors


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def raw(fn, items) -> list[float]:
    out = []
    for item in items:
        t = time.perf_counter()
        fn(item)
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="reading-room latency under concurrent load")
    parser.add_argument("--db", type=Path, required=True, help="an ingested archive (the whole corpus)")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=400, help="requests per endpoint")
    parser.add_argument("--demo", choices=["auto", "never"], default="auto",
                        help="auto: annotate a copy with the real pipeline when the archive has no persons")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=1, help="server processes (uvicorn workers)")
    parser.add_argument("--views", choices=["store"], default="store",
                        help="store: the archive layer over indexed queries (what serve uses)")
    parser.add_argument("--client", choices=["raw", "httpx"], default="raw",
                        help="load generator: raw asyncio HTTP/1.1 (cheap) or httpx (costs the client ~1.5 ms/request)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)
    if not args.db.exists():
        raise SystemExit(f"{args.db} not found (ingest the corpus first: witness --db {args.db} ingest …)")

    from witness.store import open_store
    from witness.store.base import SearchQuery

    if args.views == "store" and args.demo == "auto" and not has_people(args.db):
        args.db = annotated_copy(args.db)
        os.environ["WITNESS_BENCH_ANNOTATED"] = "1"
    rng = random.Random(args.seed)
    store = open_store(args.db)
    ids = store.document_ids()
    print(f"archive: {args.db} — {len(ids)} documents; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores; server workers: {args.workers}")
    port = free_port()
    proc = start_server(args, port)
    try:
        t0 = time.perf_counter()
        views, demo = build_views(store, args.demo, args.views)
        print(f"(bench process {type(views).__name__}: {time.perf_counter() - t0:.1f} s)")
        persons = [p.id for p in views.persons()]
        heavy = persons[:20]                      # the most mentioned: the biggest pages
        person_sample = [rng.choice(heavy + persons) for _ in range(args.requests)] if persons else []
        # Readers go to Lenin and Trotsky far more than to a provisional name: the 200 most
        # mentioned persons, each asked ~twice, so about half the requests render cold.
        popular_sample = [rng.choice(persons[:200]) for _ in range(args.requests)] if persons else []
        doc_sample = [rng.choice(ids) for _ in range(args.requests)]
        query_sample = [rng.choice(QUERIES) for _ in range(args.requests)]
        from urllib.parse import urlencode

        jobs = {
            "document page": ([f"/documents/{d}" for d in doc_sample],
                              lambda d: (store.get_document(d), store.history(d)), doc_sample),
            # _person: the un-memoised computation (the server memoises person views and pages).
            "person page": ([f"/persons/{p}" for p in person_sample], views.people.person,
                            person_sample),
            "popular persons": ([f"/persons/{p}" for p in popular_sample], views.people.person,
                                popular_sample),
            "/api/search": (["/api/search?" + urlencode({"q": q}) for q in query_sample],
                            lambda q: store.search(SearchQuery(q=q)), query_sample),
        }
        base = f"http://127.0.0.1:{port}"
        warm = [u for name, (urls, _, _) in jobs.items() if name != "popular persons" for u in urls[:40]]
        asyncio.run(load(base, warm, args.clients, args.client))     # warm-up (not the popular pages)
        rows = []
        for name, (urls, fn, items) in jobs.items():
            if not urls:
                rows.append((name, None, None, 0, None, None, None))
                continue
            t, client0, server0 = time.perf_counter(), time.process_time(), cpu_seconds(proc.pid)
            times, errors = asyncio.run(load(base, urls, args.clients, args.client))
            wall = time.perf_counter() - t
            cpu = ((time.process_time() - client0) * 1000 / len(urls), (cpu_seconds(proc.pid) - server0) * 1000 / len(urls))
            raw_times = raw(fn, items[:200])
            rows.append((name, times, raw_times, errors, len(urls) / wall, FLOORS[name], cpu))
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        store.close()

    print(f"\n{args.clients} concurrent clients ({args.client} client), {args.requests} requests per endpoint"
          + ("; person pages from a copy annotated by the pipeline" if demo else ""))
    print(f"{'endpoint':<15} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>7} {'errors':>6}   "
          f"{'raw p50':>8} {'raw p95':>8}   {'CPU ms/req client':>17} {'server':>6}   floor")
    ok = True
    for name, times, raw_times, errors, rate, floor, cpu in rows:
        if times is None:
            print(f"{name:<15} {'—':>8} {'—':>8}   no persons in this archive")
            continue
        p95 = pct(times, 95)
        verdict = "ok" if p95 < floor and not errors else "MISSED"
        ok &= verdict == "ok"
        print(f"{name:<15} {statistics.median(times):>8.1f} {p95:>8.1f} {rate:>7.0f} {errors:>6}   "
              f"{statistics.median(raw_times):>8.2f} {pct(raw_times, 95):>8.2f}   {cpu[0]:>17.2f} {cpu[1]:>6.2f}"
              f"   p95 < {floor:.0f} ms: {verdict}")
    print("(CPU ms/req: this process's CPU, i.e. the load generator's, and the server process's,"
          " per request while the endpoint was under load)")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
