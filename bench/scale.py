"""Scale, measured and projected: Dask against the plain ingest, and the archive at 30k/100k.

    python bench/scale.py nlp  [--sample 800] [--workers 1,2]        # NLP ingest: plain vs Dask
    python bench/scale.py size [--sizes 30000,100000] [--backends sqlite,postgresql]
    python bench/scale.py project                                     # 1M documents on paper
    python bench/scale.py plot                                        # docs/scale.png

Results go to --out (default /tmp/witness-scale/results.json, one key per part) so the
parts can run at different times; `project` and `plot` read them.

nlp: a fixed random sample of the corpus (the seed of bench/ingest.py --sample) ingested
with NLP, each run in a fresh child process on a fresh archive: plain `witness ingest` (two
reader processes, spaCy over two processes), then `--cluster local:N` for each N.  Wall
time of the ingest (the cluster's start-up apart), CPU of client and workers.

size: the corpus read once by the reader chain (no NLP), documents of the nlp part's plain
archive (annotated) in place of theirs, then replicated — copy k of a document gets the path
`copies/k/<path>`, its own sha256, and 8 % of the words outside every annotation span
replaced by other words of the same length from the corpus (seeded by k and the path), so
copies are neither duplicates nor identical for the index, and every stand-off offset stays
valid.  Written through the store's own write path (`prepare` in two processes,
`put_prepared` in batches of 200, then the search index catching up) into one archive per
backend, grown 9k → 30k → 100k; at each size search p95 over bench/search.py's 20 queries
and document/person page p95 through the reading room's app in process.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from _corpus import corpus_dir  # noqa: E402

OUT = Path("/tmp/witness-scale/results.json")


def load_results(path: Path) -> dict:
    return json.loads(path.read_text()) if path.exists() else {}


def save_results(path: Path, key: str, value) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = load_results(path)
    data[key] = value
    path.write_text(json.dumps(data, indent=1))


def machine() -> dict:
    return {"cores": os.cpu_count(), "load": [round(x, 1) for x in os.getloadavg()],
            "at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * len(values) + 0.5) - 1))
    return values[k]


# ---- part 1: NLP ingest, plain and on Dask --------------------------------------------------

def sample_tree(root: Path, n: int, dest: Path) -> list[Path]:
    """The fixed sample (bench/ingest.py's seed) as a folder of hard links (regular files,
    so no reader treats them as links leaving the folder)."""
    from ingest import files_of
    files = files_of(root, None, sample=n)
    for f in files:
        d = dest / f.relative_to(root)
        d.parent.mkdir(parents=True, exist_ok=True)
        if not d.exists():
            try:
                os.link(f, d)
            except OSError:
                d.write_bytes(f.read_bytes())
    return files


_CHILD = r"""
import json, os, resource, sys, time
sys.path.insert(0, {src!r})
os.environ["OPENBLAS_NUM_THREADS"] = "1"
from witness.store import open_store
from witness.pipeline import ingest

def cpu(who):
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime

workers = {workers}
store = open_store({db!r})
t0 = time.perf_counter()
extra = {{}}
if workers:
    from witness.distributed import DaskRunner
    runner = DaskRunner("local:%d" % workers, dashboard=None).start()
    runner._setup(True)                       # workers up, models loaded: the fixed cost
    def worker_cpu():
        return sum(runner.client.run(lambda: (lambda r: r.ru_utime + r.ru_stime)(
            __import__("resource").getrusage(__import__("resource").RUSAGE_SELF))).values())
    w0 = worker_cpu()
    extra["startup_s"] = time.perf_counter() - t0
else:
    runner = None
c0 = cpu(resource.RUSAGE_SELF)
t1 = time.perf_counter()
s = ingest(store, [{tree!r}], nlp=True, progress=False, runner=runner)
wall = time.perf_counter() - t1
extra["client_cpu_s"] = cpu(resource.RUSAGE_SELF) - c0
if runner:
    extra["workers_cpu_s"] = worker_cpu() - w0
    runner.close()
store.close()
extra["children_cpu_s"] = cpu(resource.RUSAGE_CHILDREN)
print("RESULT " + json.dumps({{"wall_s": wall, "seconds": s.seconds, "stored": s.stored,
      "skipped": sum(s.skipped.values()), "failed": len(s.failed), "bytes": s.bytes, **extra}}))
"""


def nlp_run(tree: Path, db: Path, workers: int) -> dict:
    code = _CHILD.format(src=str(ROOT / "src"), workers=workers, db=str(db), tree=str(tree))
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "OPENBLAS_NUM_THREADS": "1"})
    if out.returncode != 0:
        raise SystemExit(out.stderr[-3000:])
    line = [x for x in out.stdout.splitlines() if x.startswith("RESULT ")][-1]
    res = json.loads(line[len("RESULT "):])
    res["process_wall_s"] = time.perf_counter() - t
    return res


def words_of(db: Path) -> tuple[int, int, int, int]:
    from witness.store import open_store
    with open_store(db) as store:
        docs = mentions = claims = words = 0
        for doc in store.iter_documents():
            docs += 1
            mentions += len(doc.mentions)
            claims += len(doc.claims)
            words += len(doc.text.split())
    return docs, words, mentions, claims


def part_nlp(args) -> None:
    root = corpus_dir(args.corpus)
    work = Path(args.work)
    tree = work / f"sample-{args.sample}"
    files = sample_tree(root, args.sample, tree)
    print(f"sample: {len(files)} files of {root}, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    runs = {}
    order = [0] + [int(w) for w in args.workers.split(",")]
    for workers in order:
        name = "plain" if workers == 0 else f"dask-{workers}"
        db = work / f"nlp-{name}.db"
        for p in work.glob(f"nlp-{name}.db*"):
            subprocess.run(["rm", "-rf", str(p)], check=True)
        load0 = os.getloadavg()[0]
        runs[name] = nlp_run(tree, db, workers)
        runs[name]["load"] = [load0, os.getloadavg()[0]]
        print(f"  {name}: {runs[name]}", flush=True)
    docs, words, mentions, claims = words_of(work / "nlp-plain.db")
    same = all(words_of(work / f"nlp-dask-{w}.db") == (docs, words, mentions, claims)
               for w in args.workers.split(","))
    result = {"machine": machine(), "files": len(files), "documents": docs, "words": words,
              "mentions": mentions, "claims": claims, "same_counts": same, "runs": runs,
              "plain_db": str(work / "nlp-plain.db")}
    save_results(Path(args.out), "nlp", result)
    report_nlp(result)


def report_nlp(r: dict) -> None:
    plain = r["runs"]["plain"]
    print(f"\n{r['files']} files → {r['documents']} documents, {r['words'] / 1e6:.2f} M words, "
          f"{r['mentions']} mentions, {r['claims']} claims; Dask archives hold the same counts: {r['same_counts']}")
    print("| run | ingest wall s | docs/s | ÷ plain | cluster start-up s | ÷ plain with start-up | "
          "client CPU s | workers CPU s | CPU s/doc | ÷ plain CPU | load |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    plain_cpu = plain["client_cpu_s"] + plain["children_cpu_s"]
    for name, run in r["runs"].items():
        cpu = run["client_cpu_s"] + run.get("workers_cpu_s", run["children_cpu_s"])
        start = run.get("startup_s", 0)
        print(f"| {name} | {run['wall_s']:.1f} | {run['stored'] / run['wall_s']:.2f} | "
              f"{run['wall_s'] / plain['wall_s']:.2f} | {start:.1f} | {(run['wall_s'] + start) / plain['wall_s']:.2f} | "
              f"{run['client_cpu_s']:.1f} | {run.get('workers_cpu_s', run['children_cpu_s']):.1f} | "
              f"{cpu / run['stored']:.3f} | {cpu / plain_cpu:.2f} | {run['load'][0]:.1f}–{run['load'][1]:.1f} |")


# ---- part 2: the archive at 30k and 100k documents ---------------------------------------

WORD = re.compile(r"[A-Za-z]{3,}")


def base_documents(root: Path, plain_db: Path | None):
    """(path-sorted documents of the corpus read without NLP, the NLP-annotated ones from
    plain_db in place of theirs)."""
    from multiprocessing import Pool

    from witness.ingest.base import Read
    from witness.pipeline import _read_and_check, plan
    jobs = [(f.path, f.place, None, None) for f in plan([root]).files]   # as pipeline.ingest makes them
    with Pool(2) as pool:
        docs = [p.document for kind, p, _ in pool.imap(_read_and_check, jobs, chunksize=16)
                if kind == "outcome" and isinstance(p, Read)]
    annotated = {}
    if plain_db and Path(plain_db).exists():
        from witness.store import open_store
        with open_store(plain_db) as store:
            annotated = {d.source.path: d for d in store.iter_documents()}
    out = [annotated.get(d.source.path, d) for d in docs]
    return out, sum(1 for d in out if d.mentions)


def vocabulary(docs, per_length: int = 400) -> dict[int, list[str]]:
    rng = random.Random(12)
    seen: dict[int, set] = {}
    for doc in docs[::7]:
        for w in WORD.findall(doc.text[:4000]):
            seen.setdefault(len(w), set()).add(w.lower())
    return {n: sorted(rng.sample(sorted(ws), min(per_length, len(ws)))) for n, ws in seen.items()}


def _protected(doc) -> list[tuple[int, int]]:
    spans = [(m.start, m.end) for m in doc.mentions]
    spans += [(f.start, f.end) for f in doc.findings]
    for c in doc.claims:
        ev = getattr(c, "evidence", None)
        if ev is not None:
            spans.append((ev.start, ev.end))
    return sorted(spans)


_VOCAB: dict = {}


def _init_pool(vocab: dict) -> None:
    _VOCAB.update(vocab)


def variant(args):
    """Copy k of a document, serialised for the store (runs in a pool)."""
    import hashlib

    from witness.store.documents import prepare
    doc, k = args
    vocab = _VOCAB
    rng = random.Random(f"{k}:{doc.source.path}")
    mask = bytearray(len(doc.text))
    for s, e in _protected(doc):
        s, e = max(0, s), min(len(mask), e)
        if s < e:
            mask[s:e] = b"\x01" * (e - s)
    text = list(doc.text)
    for m in WORD.finditer(doc.text):
        if rng.random() < 0.08 and mask.find(1, m.start(), m.end()) < 0:
            choices = vocab.get(len(m.group()))
            if choices:
                text[m.start():m.end()] = rng.choice(choices)
    copy = type(doc).from_json(doc.to_json())
    copy.extra = dict(doc.extra or {})
    copy.text = "".join(text)
    copy.source.path = f"copies/{k}/{doc.source.path}"
    copy.source.sha256 = hashlib.sha256(f"{k}:{doc.source.sha256}".encode()).hexdigest()
    copy.id = ""
    return prepare(copy)


def _original(doc):
    from witness.store.documents import prepare
    return prepare(doc)


def write(store, preps, n: int) -> dict:
    """Write n prepared documents (an iterator) through the store's batch; wall and CPU of the
    writer, then the search index catching up."""
    t, c = time.perf_counter(), time.process_time()
    done = 0
    with store.batch(200):
        for prep in preps:
            store.put_prepared(prep)
            done += 1
            if done == n:
                break
        t_idx, c_idx = time.perf_counter(), time.process_time()
    return {"documents": done, "wall_s": time.perf_counter() - t, "cpu_s": time.process_time() - c,
            "index_wall_s": time.perf_counter() - t_idx, "index_cpu_s": time.process_time() - c_idx}


def measure(store, reps: int, pages: int, backend: str = "sqlite", seed: int = 7) -> dict:
    from search import QUERIES, cpu_clock, time_queries
    from witness.store.base import SearchQuery

    def run(q, filters):
        return store.search(SearchQuery(q=q, **filters))

    # On PostgreSQL the server process does the search work: count its CPU too.
    wall, cpu = time_queries(run, reps, clock=cpu_clock(store, "sqlite" if backend == "sqlite" else "pg"))
    allw = [v for vs in wall.values() for v in vs]
    allc = [v for vs in cpu.values() for v in vs]
    by_class = {}
    for cls in dict.fromkeys(c for c, _, _ in QUERIES):
        vs = [v for (c, _), xs in wall.items() if c == cls for v in xs]
        by_class[cls] = round(pct(vs, 95), 2)
    out = {"search_p50_ms": statistics.median(allw), "search_p95_ms": pct(allw, 95),
           "search_cpu_p95_ms": pct(allc, 95), "search_p95_by_class": by_class}
    out.update(page_times(store, pages, seed))
    out["engine"] = store.last_engine
    return out


def page_times(store, n: int, seed: int) -> dict:
    """Document and person pages through the reading room's app, in process (TestClient)."""
    from starlette.testclient import TestClient

    from witness.archive import Archive
    from witness.web import create_app
    rng = random.Random(seed)
    archive = Archive(store)
    ids = store.document_ids()
    persons = [p.id for p in archive.persons()]
    doc_sample = rng.sample(ids, min(n, len(ids)))
    heavy = persons[:20]
    person_sample = rng.sample(persons, min(n, len(persons))) if persons else []
    person_sample = (heavy + person_sample)[:n] if persons else []
    client = TestClient(create_app(archive))
    out = {}
    for name, urls in (("document", [f"/documents/{d}" for d in doc_sample]),
                       ("person", [f"/persons/{p}" for p in person_sample])):
        if not urls:
            continue
        for u in urls[:10]:
            client.get(u)                                   # warm-up (and the first person's arrays)
        times, cpu = [], []
        for u in urls:
            t, c = time.perf_counter(), time.process_time()
            r = client.get(u)
            times.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
            if r.status_code != 200:
                raise SystemExit(f"{u}: HTTP {r.status_code}")
        out[f"{name}_p50_ms"], out[f"{name}_p95_ms"] = statistics.median(times), pct(times, 95)
        out[f"{name}_cpu_p95_ms"] = pct(cpu, 95)
    out["persons"] = len(persons)
    return out


def open_target(backend: str, work: Path, server_holder: list):
    from witness.store import open_store
    if backend == "sqlite":
        db = work / "scale.db"
        for p in work.glob("scale.db*"):
            subprocess.run(["rm", "-rf", str(p)], check=True)
        return open_store(db), str(db)
    url = os.environ.get("WITNESS_BENCH_PG")
    if not url:
        sys.path.insert(0, str(ROOT / "tests"))
        from pg_server import PostgresServer
        server = PostgresServer().start()
        server_holder.append(server)
        url = server.create_database("scale")
    return open_store(url), url


def part_size(args) -> None:
    from multiprocessing import Pool
    results = load_results(Path(args.out))
    plain_db = args.annotated or (results.get("nlp") or {}).get("plain_db")
    root = corpus_dir(args.corpus)
    t0 = time.perf_counter()
    docs, annotated = base_documents(root, Path(plain_db) if plain_db else None)
    vocab = vocabulary(docs)
    print(f"base: {len(docs)} documents ({annotated} with NLP annotations) read in "
          f"{time.perf_counter() - t0:.0f} s; load {os.getloadavg()[0]:.1f}", flush=True)
    sizes = [len(docs)] + [int(s) for s in args.sizes.split(",")]
    out = load_results(Path(args.out)).get("size", {})
    for backend in args.backends.split(","):
        servers: list = []
        store, target = open_target(backend, Path(args.work), servers)
        rows = []
        try:
            def stream():
                yield from map(_original, docs)
                k = 1
                with Pool(2, initializer=_init_pool, initargs=(vocab,)) as pool:
                    while True:
                        yield from pool.imap(variant, ((d, k) for d in docs), chunksize=8)
                        k += 1
            preps = stream()
            have = 0
            for size in sizes:
                load0 = os.getloadavg()[0]
                w = write(store, preps, size - have)
                have += w["documents"]
                m = measure(store, args.reps, args.pages, backend)
                row = {"size": have, "load": [load0, os.getloadavg()[0]], "write": w, **m,
                       "at": time.strftime("%H:%M UTC", time.gmtime())}
                rows.append(row)
                print(f"  {backend} {have}: {json.dumps(row)}", flush=True)
                out[backend] = {"target": "postgresql" if backend != "sqlite" else target, "rows": rows,
                                "machine": machine()}
                save_results(Path(args.out), "size", out)
        finally:
            store.close()
            for s in servers:
                s.stop()
    report_size(out)


def report_size(out: dict) -> None:
    for backend, data in out.items():
        rows = data["rows"]
        base = rows[0]
        print(f"\n{backend}: documents | write docs/s (wall) | writer CPU ms/doc | index catch-up s | "
              "search p50 | search p95 | vs base | search CPU p95 | document p95 (CPU) | person p95 (CPU) | load")
        for r in rows:
            w = r["write"]
            print(f"| {r['size']:,} | {w['documents'] / w['wall_s']:.0f} | {1000 * w['cpu_s'] / w['documents']:.2f} | "
                  f"{w['index_wall_s']:.1f} | {r['search_p50_ms']:.1f} | {r['search_p95_ms']:.1f} | "
                  f"{r['search_p95_ms'] / base['search_p95_ms']:.2f} | {r['search_cpu_p95_ms']:.1f} | "
                  f"{r.get('document_p95_ms', float('nan')):.1f} ({r.get('document_cpu_p95_ms', float('nan')):.1f}) | "
                  f"{r.get('person_p95_ms', float('nan')):.1f} ({r.get('person_cpu_p95_ms', float('nan')):.1f}) | "
                  f"{r['load'][0]:.1f} |")


# ---- part 3: 1M documents on paper ----------------------------------------------------------

def part_project(args) -> None:
    r = load_results(Path(args.out))
    nlp, size = r.get("nlp"), r.get("size", {})
    if not nlp:
        raise SystemExit("run `bench/scale.py nlp` first")
    d2 = nlp["runs"].get("dask-2") or next(v for k, v in nlp["runs"].items() if k.startswith("dask"))
    n = d2["stored"]
    worker_cpu = d2["workers_cpu_s"] / n                 # s of CPU per document on the workers
    client_cpu = d2["client_cpu_s"] / n                  # writer + scheduler, per document
    rows = (size.get("sqlite") or {}).get("rows") or []
    big = rows[-1] if rows else None
    writer_cpu = big["write"]["cpu_s"] / big["write"]["documents"] if big else client_cpu
    index_cpu = big["write"]["index_cpu_s"] / big["write"]["documents"] if big else 0.0
    docs = 1_000_000
    print(f"measured: worker CPU {worker_cpu:.3f} s/doc (NLP), client CPU {client_cpu * 1000:.1f} ms/doc "
          f"(writer + scheduler), writer CPU at 100k {writer_cpu * 1000:.2f} ms/doc (no NLP annotations on most), "
          f"side index {index_cpu * 1000:.2f} ms/doc")
    writer_cap = 1 / client_cpu                           # documents/s one client can take in
    print(f"one client takes at most {writer_cap:.0f} documents/s → workers beyond "
          f"{writer_cap * worker_cpu:.0f} add nothing")
    print("| workers | NLP hours | writer-bound hours | wall hours | core-hours | cost at $0.04/core-hour |")
    print("|---|---|---|---|---|---|")
    proj = []
    for w in (1, 2, 8, 32, 128, 512):
        compute = docs * worker_cpu / w / 3600
        writer = docs / writer_cap / 3600
        index = docs * index_cpu / 3600
        wall = max(compute, writer) + index
        core_h = (w + 1) * wall
        proj.append((w, compute, writer, wall, core_h))
        print(f"| {w} | {compute:.1f} | {writer:.1f} | {wall:.1f} | {core_h:.0f} | ${core_h * 0.04:.0f} |")
    save_results(Path(args.out), "project", {"worker_cpu_s": worker_cpu, "client_cpu_s": client_cpu,
                                              "index_cpu_s": index_cpu, "rows": proj})


# ---- plot -----------------------------------------------------------------------------------

def part_plot(args) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    r = load_results(Path(args.out))
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2))
    nlp = r.get("nlp")
    if nlp:
        names = list(nlp["runs"])
        walls = [nlp["runs"][k]["wall_s"] for k in names]
        axes[0].bar(names, walls, color=["#777"] + ["#3a7"] * (len(names) - 1))
        for i, v in enumerate(walls):
            axes[0].text(i, v, f"{v:.0f} s", ha="center", va="bottom")
        axes[0].set_title(f"NLP ingest of {nlp['files']} pages (2 cores)")
        axes[0].set_ylabel("wall seconds")
    for backend, data in (r.get("size") or {}).items():
        xs = [row["size"] for row in data["rows"]]
        axes[1].plot(xs, [row["search_p95_ms"] for row in data["rows"]], "o-", label=f"search p95 ({backend})")
        axes[1].plot(xs, [row.get("document_p95_ms", 0) for row in data["rows"]], "s--",
                     label=f"document page p95 ({backend})")
        axes[1].plot(xs, [row.get("person_p95_ms", 0) for row in data["rows"]], "^:",
                     label=f"person page p95 ({backend})")
    axes[1].set_xscale("log")
    axes[1].set_xlabel("documents in the archive")
    axes[1].set_ylabel("ms (wall, p95)")
    axes[1].set_title("Cost per request as the archive grows")
    axes[1].legend(fontsize=8)
    fig.tight_layout()
    dest = ROOT / "docs" / "scale.png"
    fig.savefig(dest, dpi=90)
    print(f"wrote {dest}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("part", choices=["nlp", "size", "project", "plot", "report"])
    ap.add_argument("--corpus")
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--work", default="/tmp/witness-scale")
    ap.add_argument("--sample", type=int, default=800)
    ap.add_argument("--workers", default="1,2", help="Dask worker counts to run beside the plain ingest")
    ap.add_argument("--sizes", default="30000,100000")
    ap.add_argument("--backends", default="sqlite")
    ap.add_argument("--annotated", help="size: an archive of NLP-annotated documents to use in place of theirs "
                                        "(default: the nlp part's plain archive)")
    ap.add_argument("--reps", type=int, default=10, help="timed runs of each search query per size")
    ap.add_argument("--pages", type=int, default=200, help="document and person pages timed per size")
    args = ap.parse_args()
    Path(args.work).mkdir(parents=True, exist_ok=True)
    if args.part == "report":
        r = load_results(Path(args.out))
        if "nlp" in r:
            report_nlp(r["nlp"])
        if "size" in r:
            report_size(r["size"])
        return
    {"nlp": part_nlp, "size": part_size, "project": part_project, "plot": part_plot}[args.part](args)


if __name__ == "__main__":
    main()
