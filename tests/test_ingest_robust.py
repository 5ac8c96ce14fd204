"""Issue 17: an ingest never quietly misrepresents its sources.

Real files, real processes, real signals: each test first builds the situation the issue
describes (same-named files, a file name that is not UTF-8, a folder that cannot be listed,
a page nested 300 deep, one stray byte, NUL bytes, links out of the folder, a typo in --db)
and then checks that every input ends stored, skipped or failed with its reason, and that
the exit status says so.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from witness.ingest import Failed, Read, read_path
from witness.pipeline import ingest
from witness.store import open_store

CLI = [sys.executable, "-m", "witness.cli"]
PROSE = ("A paragraph of prose that is long enough to count as the body of a page: it speaks of the "
         "congress, of the strike that followed it, of the arrests in the spring and of the trial that "
         "the newspapers reported at length, and then of what the delegates said when they came home.")


def run(args, *, cwd=None, prefix=(), check=None):
    proc = subprocess.run(list(prefix) + CLI + [str(a) for a in args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    if check is not None:
        assert proc.returncode == check, proc.stdout + proc.stderr
    return proc


def rows(db: Path, sql: str):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def page(title: str, body: str = PROSE, charset: str = "utf-8") -> str:
    return (f"<html><head><meta charset='{charset}'><title>{title}</title></head><body>"
            f"<h1>{title}</h1><p>{body}</p>" + f"<p>{PROSE}</p>" * 3 + "</body></html>")


# -- 1. same-named files -----------------------------------------------------------------------
def test_same_named_files_given_as_arguments_never_collapse(tmp_path):
    for book in ("russia", "crisis"):
        (tmp_path / book).mkdir()
        (tmp_path / book / "ch01.htm").write_text(page(f"Chapter one of {book}"))
    db = tmp_path / "w.db"
    args = ["--db", db, "ingest", "--no-nlp", "--quiet", tmp_path / "russia/ch01.htm", tmp_path / "crisis/ch01.htm"]
    run(args, check=0)
    run(args, check=0)                       # a re-run: unchanged, not "version 2"
    run(args, cwd="/", check=0)              # from another folder: the same paths
    got = rows(db, "SELECT id, path, version, title FROM documents ORDER BY path")
    assert got == [("crisis-ch01", "crisis/ch01.htm", 1, "Chapter one of crisis"),
                   ("russia-ch01", "russia/ch01.htm", 1, "Chapter one of russia")]
    assert rows(db, "SELECT count(*) FROM versions") == [(2,)]


# -- 2. a file name that is not UTF-8 ----------------------------------------------------------
def test_file_name_not_utf8_fails_with_its_reason_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a-first.htm").write_text(page("First"))
    bad = os.path.join(os.fsencode(folder), b"caf\xe9.htm")          # Latin-1 é, as old zip copies have
    with open(bad, "wb") as f:
        f.write(page("Café").encode())
    (folder / "z-last.htm").write_text(page("Last"))
    db = tmp_path / "w.db"
    for _ in range(2):                       # and again: it never stops the files after it
        proc = run(["--db", db, "ingest", "--no-nlp", "--quiet", folder], check=3)
        assert "caf\\xe9.htm" in proc.stdout and "not valid UTF-8" in proc.stdout
    assert [r[0] for r in rows(db, "SELECT path FROM documents ORDER BY path")] == ["a-first.htm", "z-last.htm"]
    assert rows(db, "SELECT path, kind FROM outcomes") == [("caf\\xe9.htm", "failed")]
    stats = json.loads(run(["--db", db, "stats", "--json"], check=0).stdout)
    assert stats["failed"]["total"] == 1 and "UTF-8" in stats["failed"]["reasons"][0]["reason"]


# -- 3. truncation and decoding ----------------------------------------------------------------
def nested(depth: int) -> bytes:
    return ("<html><head><title>Deep</title></head><body><h1>Deep</h1><p>First half of the text, "
            "before the nesting.</p>" + "<div>" * depth + f"<p>{PROSE} Deep inside.</p>" + "</div>" * depth
            + "<p>Second half of the text, after the nesting, which must not be lost.</p></body></html>").encode()


def test_a_page_nested_300_deep_is_read_whole(tmp_path):
    f = tmp_path / "deep.htm"
    f.write_bytes(nested(300))
    out = read_path(f)
    assert isinstance(out, Read), out
    assert "Deep inside." in out.document.text and out.document.text.endswith("which must not be lost.")


def test_a_page_beyond_the_parsers_depth_limit_is_declined_with_a_reason(tmp_path):
    f = tmp_path / "deeper.htm"
    f.write_bytes(nested(5000))
    out = read_path(f)
    assert isinstance(out, Failed), "a page cut short must not be stored as if whole"
    assert "limits" in out.reasons["mia-html"] and "depth" in out.reasons["mia-html"].lower()


def test_one_stray_byte_does_not_turn_a_utf8_page_into_mojibake(tmp_path):
    body = "Сталин приказал арестовать Ягоду. " * 30
    data = page("Ягода", body).encode("utf-8")
    cut = data.index("арестовать".encode())
    f = tmp_path / "stalin.htm"
    f.write_bytes(data[:cut] + b"\xff" + data[cut:])
    out = read_path(f)
    assert isinstance(out, Read)
    doc = out.document
    assert doc.source.encoding == "utf-8"
    assert doc.text.count("Сталин") == 30 and "Ð¡" not in doc.text
    assert doc.text.count("\ufffd") == 1
    from witness.checks import run_checks
    found = [x for x in run_checks(doc) if x.rule == "lost-character"]
    assert len(found) == 1 and doc.text[found[0].start:found[0].end] == "\ufffd"


def test_a_real_latin1_page_is_still_read_as_windows_1252(seed_html):
    out = read_path(seed_html)
    assert isinstance(out, Read) and "\ufffd" not in out.document.text
    assert "O’Callaghan" in " ".join(out.document.record.transcribed_by)


def test_utf16_without_bom_and_stray_nul_bytes_are_read(tmp_path, seed_html):
    clean = read_path(seed_html).document
    text = seed_html.read_bytes().decode("cp1252")
    u16 = tmp_path / "archive/serge/1937/08/yagoda.htm"          # same place in a copy of the archive
    u16.parent.mkdir(parents=True)
    u16.write_bytes(text.encode("utf-16-le"))
    out = read_path(u16)
    assert isinstance(out, Read), out
    assert out.document.source.encoding == "utf-16le" and out.document.text == clean.text
    data = seed_html.read_bytes()
    holes = b"".join(data[i:i + 97] + b"\x00" for i in range(0, len(data), 97))
    u16.write_bytes(holes)
    out = read_path(u16)
    assert isinstance(out, Read), out
    assert out.document.text == clean.text and out.document.extra["nul_bytes"] == holes.count(0)
    from witness.checks import run_checks
    assert [x.rule for x in run_checks(out.document) if x.rule == "nul-bytes"] == ["nul-bytes"]


@pytest.mark.parametrize("codec, name", [("utf-16", "utf-16"), ("utf-16-le", "utf-16le"), ("utf-16-be", "utf-16be")])
def test_utf16_tei_is_read_with_or_without_a_byte_order_mark(codec, name):
    from witness.ingest import RawInput, read_input
    tei = ('<?xml version="1.0" encoding="UTF-16"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>'
           "<fileDesc><titleStmt><title>Über Café</title></titleStmt></fileDesc></teiHeader>"
           f"<text><body><p>{PROSE}</p></body></text></TEI>").encode(codec)
    out = read_input(RawInput(Path("x.xml"), "x.xml", tei, "0" * 64))
    assert isinstance(out, Read) and out.document.source.format == "tei", out
    assert out.document.record.title == "Über Café" and out.document.source.encoding == name


def test_binary_data_is_still_declined(tmp_path):
    f = tmp_path / "image.htm"
    f.write_bytes(bytes(range(256)) * 64)
    out = read_path(f)
    assert isinstance(out, Failed) and all(why for why in out.reasons.values())


# -- 4. nothing left out without a trace --------------------------------------------------------
def test_a_folder_that_cannot_be_listed_is_recorded_as_failed(tmp_path):
    folder = tmp_path / "pages"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked/inside.htm").write_text(page("Inside"))
    (folder / "open.htm").write_text(page("Open"))
    os.chmod(folder / "locked", 0)
    # root lists any folder: drop the two capabilities that let it, for this process only
    prefix = (["setpriv", "--bounding-set=-dac_override,-dac_read_search",
               "--inh-caps=-dac_override,-dac_read_search"] if os.geteuid() == 0 else [])
    if prefix and not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: every folder can be listed")
    db = tmp_path / "w.db"
    try:
        proc = run(["--db", db, "ingest", "--no-nlp", "--quiet", folder], prefix=prefix, check=3)
    finally:
        os.chmod(folder / "locked", 0o755)
    assert "locked" in proc.stdout and "cannot list folder" in proc.stdout
    assert rows(db, "SELECT path, kind, reason FROM outcomes") == [
        ("locked", "failed", "cannot list folder: Permission denied")]
    assert rows(db, "SELECT path FROM documents") == [("open.htm",)]


def test_exit_status_says_when_files_failed(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "good.htm").write_text(page("Good"))
    db = tmp_path / "w.db"
    run(["--db", db, "ingest", "--no-nlp", "--quiet", folder], check=0)
    (folder / "empty.htm").write_bytes(b"")
    run(["--db", db, "ingest", "--no-nlp", "--quiet", folder], check=3)       # one failed
    run(["--db", db, "ingest", "--no-nlp", "--quiet", folder / "empty.htm"], check=3)   # all failed
    usage = run(["--db", db, "ingest", tmp_path / "no-such-folder"], check=2)  # a usage error
    assert "does not exist" in usage.stderr
    helptext = run(["ingest", "--help"], check=0).stdout
    assert "Exit status" in helptext and "3  some files failed" in helptext


def test_a_typo_in_db_never_creates_or_serves_an_empty_archive(tmp_path):
    typo = tmp_path / "witnes.db"
    for args in (["stats"], ["search", "Rakovsky"], ["show", "x"], ["history", "x"], ["serve", "--port", "0"],
                 ["export", "json", "--out", tmp_path / "out"], ["reprocess"], ["entity", "list"]):
        proc = run(["--db", typo, *args])
        assert proc.returncode == 1, (args, proc.stdout, proc.stderr)
        assert "no archive at" in proc.stderr and "witness ingest" in proc.stderr
        assert not typo.exists()
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.htm").write_text(page("A"))
    run(["--db", typo, "ingest", "--no-nlp", "--quiet", folder], check=0)     # ingest creates it
    assert typo.exists()
    run(["--db", typo, "stats"], check=0)


# -- 5. ids independent of order ----------------------------------------------------------------
def test_ids_do_not_depend_on_ingest_order(tmp_path, corpus_root):
    folder = corpus_root / "archive/foot-paul/1991/07"
    pair = [folder / "toussaint.htm", folder / "toussaint.html"]
    got = []
    for n, order in enumerate((pair, pair[::-1])):
        with open_store(tmp_path / f"{n}.db") as store:
            for f in order:                  # one file per run, in either order
                ingest(store, [f], nlp=False, progress=False, workers=1)
            got.append(dict(store.conn.execute("SELECT path, id FROM documents")))
    assert got[0] == got[1] == {"archive/foot-paul/1991/07/toussaint.htm": "foot-paul-1991-07-toussaint",
                                "archive/foot-paul/1991/07/toussaint.html": "foot-paul-1991-07-toussaint-html"}


# -- 8. links out of the input folder ----------------------------------------------------------
def test_links_leaving_the_input_folder_are_declined_unless_allowed(tmp_path, seed_html):
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "own.htm").write_text(page("Own page"))
    os.symlink("/etc/passwd", folder / "passwd.txt")
    os.symlink(seed_html, folder / "yagoda.htm")
    os.symlink(seed_html.parent, folder / "sub/linked-folder")
    os.symlink(folder / "own.htm", folder / "sub/again.htm")          # inside the folder: fine
    db = tmp_path / "w.db"
    proc = run(["--db", db, "ingest", "--no-nlp", "--quiet", folder], check=0)
    assert "outside the input folder" in proc.stdout
    assert {p for (p,) in rows(db, "SELECT path FROM documents")} == {"own.htm", "sub/again.htm"}
    skipped = dict(rows(db, "SELECT path, reason FROM outcomes WHERE kind = 'skipped'"))
    assert set(skipped) == {"passwd.txt", "yagoda.htm", "sub/linked-folder"}
    assert all("--follow-links" in why for why in skipped.values())
    assert not rows(db, "SELECT 1 FROM doc_text WHERE body LIKE '%root:%'")
    run(["--db", db, "ingest", "--no-nlp", "--quiet", "--follow-links", folder], check=0)
    paths = {p for (p,) in rows(db, "SELECT path FROM documents")}
    assert "yagoda.htm" in paths and any(p.startswith("sub/linked-folder/") for p in paths)


# -- 6. workers die with their parent ----------------------------------------------------------
def _descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            parents[int(d.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    out, todo = set(), [pid]
    while todo:
        p = todo.pop()
        kids = {c for c, pp in parents.items() if pp == p}
        todo += list(kids - out)
        out |= kids
    return out


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for p in pids:
        try:
            state = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(p)
    return alive


def _kill_9_once_workers_run(cmd: list, wanted: int) -> set[int]:
    """Start `cmd`, wait until it has `wanted` worker processes, SIGKILL it (only it): the
    workers it had."""
    import signal
    import time
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        deadline = time.time() + 300
        kids: set[int] = set()
        while time.time() < deadline and len(kids) < wanted:
            assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
            kids = _alive(_descendants(proc.pid))
            time.sleep(0.2)
        assert len(kids) >= wanted, f"only {len(kids)} workers started"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        return kids
    finally:
        if proc.poll() is None:
            proc.kill()


def _gone(pids: set[int], patience: float = 30.0) -> set[int]:
    """The pids still alive after `patience` seconds (a liveness wait, not a speed test)."""
    import time
    deadline = time.time() + patience
    while _alive(pids) and time.time() < deadline:
        time.sleep(0.2)
    left = _alive(pids)
    for p in left:                           # never leave them behind for the next test
        os.kill(p, 9)
    return left


@pytest.mark.corpus
def test_kill_9_of_an_nlp_ingest_leaves_no_orphan_workers(tmp_path, corpus_root):
    cmd = CLI + ["--db", str(tmp_path / "w.db"), "ingest", "--quiet", str(corpus_root / "archive/serge")]
    kids = _kill_9_once_workers_run(cmd, wanted=4)           # two readers, two spaCy processes
    assert not _gone(kids), "workers outlived the killed ingest"


@pytest.mark.corpus
def test_kill_9_of_reprocess_leaves_no_orphan_workers(tmp_path, corpus_root):
    db = tmp_path / "w.db"
    run(["--db", db, "ingest", "--no-nlp", "--quiet", corpus_root / "archive/serge"], check=0)
    kids = _kill_9_once_workers_run(CLI + ["--db", str(db), "reprocess", "--quiet"], wanted=2)
    assert not _gone(kids), "workers outlived the killed reprocess"
