"""Fault injection: `kill -9` at random moments of real ingests, then recovery (issue 17).

Two workloads, each first run once cleanly as the reference:

- a 2,000-page ingest without NLP (pages drawn with a fixed seed from the corpus, copied
  with their folders so their archive paths are the corpus's);
- an ingest with NLP (entities, links, claims) of a smaller draw (default 150 pages).

Then, N times per workload: start the same command on a fresh archive, SIGKILL the main process
at a random moment (uniform over 5–95 % of the clean run's time), note its worker processes,
and check: are the workers gone 10 s later (no orphans), does SQLite's integrity check (and
FTS5's) pass, and after re-running the same command to completion, is the archive equal to the
clean one — documents (id, path, version, sha256, JSON digest), versions, annotations
(mentions, claims, findings), outcomes, and search results as sets for 12 queries.

    .venv/bin/python bench/faults.py [--n 5] [--n-nlp 3] [--pages 2000] [--nlp-pages 150]
                                     [--seed 17] [--write docs/performance.md]

--write replaces the table between the faults markers in that file.  Heavy: both cores for
several minutes per trial.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import corpus_dir  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "witness.cli"]
QUERIES = ["Rakovsky", "Trotsky Stalin", '"Left Opposition"', "strike", "revolution -Russia", "Lenin",
           "Kronstadt", "trade union", "war", "Bukharin OR Zinoviev", "Spain", "Yagoda"]
START, END = "<!-- faults:start -->", "<!-- faults:end -->"


def draw(corpus: Path, n: int, seed: int, dest: Path) -> Path:
    files = sorted(p for p in corpus.rglob("*.htm*") if p.is_file())
    for p in random.Random(seed).sample(files, min(n, len(files))):
        target = dest / p.relative_to(corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(p, target)
    (dest / "history").mkdir(exist_ok=True)        # an MIA tree: its root holds archive/, history/…
    return dest


def _descendants(pid: int) -> set[int]:
    parents = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                parents[int(d.name)] = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                pass
    out, todo = set(), [pid]
    while todo:
        p = todo.pop()
        for c, pp in parents.items():
            if pp == p and c not in out:
                out.add(c)
                todo.append(c)
    return out


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for p in pids:
        try:
            if Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
                alive.add(p)
        except OSError:
            pass
    return alive


def ingest_cmd(db: Path, folder: Path, nlp: bool) -> list[str]:
    return CLI + ["--db", str(db), "ingest", "--quiet", *([] if nlp else ["--no-nlp"]), str(folder)]


def run_clean(db: Path, folder: Path, nlp: bool) -> float:
    start = time.perf_counter()
    done = subprocess.run(ingest_cmd(db, folder, nlp), capture_output=True, text=True)
    if done.returncode not in (0, 3):          # 3: some pages failed, each with its reason
        raise SystemExit(f"the clean ingest failed ({done.returncode}): {done.stderr[-2000:]}")
    return time.perf_counter() - start


def kill_at(db: Path, folder: Path, nlp: bool, moment: float) -> tuple[int, int, int]:
    """Start an ingest, SIGKILL it after `moment` s: (documents then stored, workers, orphans 10 s later)."""
    proc = subprocess.Popen(ingest_cmd(db, folder, nlp), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.perf_counter() + moment
    kids: set[int] = set()
    while time.perf_counter() < deadline and proc.poll() is None:
        kids |= _descendants(proc.pid)
        time.sleep(0.05)
    kids = _alive(kids | _descendants(proc.pid))
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(10)
    orphans = _alive(kids)
    for p in orphans:                     # counted; never left behind
        os.kill(p, signal.SIGKILL)
    return _count(db), len(kids), len(orphans)


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def integrity(db: Path) -> str:
    if not db.exists():
        return "ok"                       # killed before the archive was created: nothing to break
    from witness.store import open_store
    with open_store(db) as store:
        return store.integrity_check()


def snapshot(db: Path) -> dict:
    """Everything a re-run must reproduce; search results as sets."""
    from witness.store import SearchQuery, open_store
    con = sqlite3.connect(db)
    q = lambda sql: set(con.execute(sql).fetchall())  # noqa: E731
    snap = {
        "documents": q("SELECT id, path, version, sha256, digest FROM documents"),
        "versions": q("SELECT doc_id, version, sha256, path FROM versions"),
        "mentions": q("SELECT d.id, m.start, m.\"end\", m.entity_id, m.type FROM mentions m JOIN documents d ON d.rowid = m.doc_rowid"),
        "claims": q("SELECT d.id, c.idx, c.subject, c.predicate, c.certainty, c.ev_start FROM claims c JOIN documents d ON d.rowid = c.doc_rowid"),
        "findings": q("SELECT d.id, f.rule, f.start, f.\"end\" FROM findings f JOIN documents d ON d.rowid = f.doc_rowid"),
        "outcomes": q("SELECT path, kind, reason FROM outcomes"),
    }
    con.close()
    with open_store(db) as store:
        # Every match, not the first 1,000: which documents make a top-1,000 cut among equal
        # scores depends on their order in the index, which a killed and resumed run changes.
        everything = len(snap["documents"]) + 1
        for query in QUERIES:
            snap[f"search {query}"] = {h.id for h in store.search(SearchQuery(q=query, limit=everything)).hits}
    return snap


def differences(a: dict, b: dict) -> list[str]:
    return [k for k in a if a[k] != b.get(k)]


def workload(label: str, folder: Path, nlp: bool, n: int, rng: random.Random, tmp: Path) -> list[str]:
    clean_db = tmp / f"{label}-clean.db"
    seconds = run_clean(clean_db, folder, nlp)
    clean = snapshot(clean_db)
    rows = []
    print(f"{label}: clean run {seconds:.0f} s, {len(clean['documents'])} documents", flush=True)
    for k in range(n):
        db = tmp / f"{label}-{k}.db"
        moment = rng.uniform(0.05, 0.95) * seconds
        partial, workers, orphans = kill_at(db, folder, nlp, moment)
        ok = integrity(db)
        subprocess.run(ingest_cmd(db, folder, nlp), capture_output=True)   # exit 0 or 3 (a page that fails)
        diff = differences(clean, snapshot(db))
        searches = [d for d in diff if d.startswith("search")]
        rows.append(f"| {label} | {k + 1} | {moment:.1f} s | {partial} | {ok} | "
                    f"{'equal' if not [d for d in diff if not d.startswith('search')] else 'DIFFERS: ' + ', '.join(d for d in diff if not d.startswith('search'))} | "
                    f"{len(QUERIES) - len(searches)}/{len(QUERIES)}"
                    f"{' (differ: ' + ', '.join(d[len('search '):] for d in searches) + ')' if searches else ''} | "
                    f"{workers} | {orphans} |")
        print(rows[-1], flush=True)
        db.unlink(missing_ok=True)
    return [f"| {label}: clean run | – | {seconds:.0f} s (whole) | {len(clean['documents'])} | "
            f"{integrity(clean_db)} | reference | {len(QUERIES)}/{len(QUERIES)} | – | – |"] + rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=5, help="kills over the 2,000-page ingest")
    ap.add_argument("--n-nlp", type=int, default=3, help="kills over the NLP ingest")
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--nlp-pages", type=int, default=150)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--write", type=Path, help="put the table into this Markdown file (between the faults markers)")
    a = ap.parse_args()
    corpus = corpus_dir()
    rng = random.Random(a.seed)
    load0, started = os.getloadavg()[0], time.strftime("%H:%M", time.gmtime())
    print(f"load average {load0:.1f} on {os.cpu_count()} cores", flush=True)
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        big = draw(corpus, a.pages, a.seed, tmp / "pages" / "mia")
        small = draw(corpus, a.nlp_pages, a.seed + 1, tmp / "nlp-pages" / "mia")
        head = ["| workload | kill | at | documents stored when killed | integrity after kill | re-run vs clean "
                "(documents, versions, annotations, outcomes) | search results equal (as sets) | workers at kill | "
                "orphans 10 s later |", "|---|---|---|---|---|---|---|---|---|"]
        rows = workload(f"{a.pages} pages, no NLP", big, False, a.n, rng, tmp)
        rows += workload(f"{a.nlp_pages} pages, NLP", small, True, a.n_nlp, rng, tmp)
    table = "\n".join(head + rows)
    load = f"load average {load0:.1f} at the start ({started} UTC), {os.getloadavg()[0]:.1f} at the end"
    print("\n" + table + "\n\n" + load)
    if a.write:
        text = a.write.read_text("utf-8")
        stamp = (f"`bench/faults.py --n {a.n} --n-nlp {a.n_nlp} --pages {a.pages} --nlp-pages {a.nlp_pages} "
                 f"--seed {a.seed}`, {time.strftime('%d %B %Y')}, {load}:\n\n")
        block = f"{START}\n{stamp}{table}\n{END}"
        if START in text:
            text = text[:text.index(START)] + block + text[text.index(END) + len(END):]
        else:
            text = text.rstrip() + "\n\n" + block + "\n"
        a.write.write_text(text, "utf-8")


if __name__ == "__main__":
    main()
