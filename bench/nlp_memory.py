"""Peak memory per process of `witness ingest` (NLP on) for one very large page (issue 17).

Builds a 19.9 MB MIA-style page from the real paragraphs of Victor Serge's folder (repeated
until the size is reached), then runs `witness ingest` on it in a fresh archive, sampling every
process of the tree (VmHWM, the kernel's high-water mark of resident memory) until it ends.
The baseline, from the same run: the same command on the corpus's own Yagoda page (39 kB).

    .venv/bin/python bench/nlp_memory.py [--mb 19.9] [--tei]

--tei also ingests the big page as TEI (exported by witness itself).  Floor (issue 17): peak
RSS < 1 GB per process for a 20 MB page.  Runs for several minutes on both cores.
"""

from __future__ import annotations

import argparse
import html
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import corpus_dir  # noqa: E402

HERE = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "witness.cli"]


def big_page(corpus: Path, out: Path, size: int) -> Path:
    from witness.ingest import Read, read_path
    paras: list[str] = []
    for p in sorted((corpus / "archive/serge").rglob("*.htm")):
        got = read_path(p)
        if isinstance(got, Read):
            paras += [x for x in got.document.text.split("\n\n") if len(x) > 80]
    head = ('<html><head><meta charset="utf-8"><title>A Very Long Page</title></head><body>'
            '<h1>A Very Long Page</h1><h2>Victor Serge</h2>\n')
    tail = "</body></html>\n"
    parts, n, i = [head], len(head) + len(tail), 0
    while True:
        p = f"<p>{html.escape(paras[i % len(paras)])}</p>\n"
        if n + len(p.encode()) > size:
            break
        parts.append(p)
        n += len(p.encode())
        i += 1
    parts.append(tail)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(parts), encoding="utf-8")
    return out


def _tree(pid: int) -> set[int]:
    parents = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                parents[int(d.name)] = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                pass
    out, todo = {pid}, [pid]
    while todo:
        p = todo.pop()
        for c, pp in parents.items():
            if pp == p and c not in out:
                out.add(c)
                todo.append(c)
    return out


def _status(pid: int) -> tuple[int, str]:
    """(VmHWM in kB, what the process is) or (0, '') once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return 0, ""
    hwm = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)
    return hwm, cmd


def measure(args: list[str]) -> tuple[float, dict[int, tuple[int, str]]]:
    """Run the CLI; {pid: (peak kB, role)} over its whole process tree, and the wall time."""
    start = time.perf_counter()
    proc = subprocess.Popen(CLI + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "OPENBLAS_NUM_THREADS": "1"})
    peaks: dict[int, tuple[int, str]] = {}
    while proc.poll() is None:
        for pid in _tree(proc.pid):
            hwm, cmd = _status(pid)
            if hwm:
                role = "main (read → NLP → claims → store)" if pid == proc.pid else "worker"
                peaks[pid] = (max(hwm, peaks.get(pid, (0, ""))[0]), role)
        time.sleep(0.1)
    out, err = proc.communicate()
    if proc.returncode not in (0, 3):
        raise SystemExit(f"ingest failed ({proc.returncode}): {err[-2000:]}")
    return time.perf_counter() - start, peaks


def report(label: str, seconds: float, peaks: dict[int, tuple[int, str]]) -> list[str]:
    rows = sorted(peaks.values(), key=lambda x: (x[1] != "main (read → NLP → claims → store)", -x[0]))
    lines = []
    workers = [kb for kb, role in rows if role == "worker"]
    main = [kb for kb, role in rows if role != "worker"]
    lines.append(f"| {label} | {seconds:.0f} s | {main[0] / 1024:.0f} MB | "
                 + (f"{max(workers) / 1024:.0f} MB ({len(workers)} processes)" if workers else "–")
                 + f" | {max(kb for kb, _ in rows) / 1024:.0f} MB |")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=19.9)
    ap.add_argument("--tei", action="store_true", help="also ingest the page as TEI")
    a = ap.parse_args()
    corpus = corpus_dir()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        page = big_page(corpus, tmp / "mia/archive/bench/big.htm", int(a.mb * 1_000_000))
        runs = [("Yagoda page (39 kB), baseline", [str(corpus / "archive/serge/1937/08/yagoda.htm")]),
                (f"one {page.stat().st_size / 1e6:.1f} MB page", [str(page)])]
        if a.tei:
            subprocess.run(CLI + ["--db", str(tmp / "tei.db"), "ingest", "--no-nlp", "--quiet", str(page)], check=True)
            subprocess.run(CLI + ["--db", str(tmp / "tei.db"), "export", "tei", "--out", str(tmp / "tei")], check=True)
            tei = next((tmp / "tei").glob("*.xml"))
            runs.append((f"the same as TEI ({tei.stat().st_size / 1e6:.1f} MB)", [str(tei)]))
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores, "
              f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
        print("| input | wall | main process peak | worker peak | largest |")
        print("|---|---|---|---|---|")
        for n, (label, files) in enumerate(runs):
            seconds, peaks = measure(["--db", str(tmp / f"{n}.db"), "ingest", "--quiet", *files])
            for line in report(label, seconds, peaks):
                print(line, flush=True)
        print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
