"""A real PostgreSQL 15 for the tests: Debian's binaries, a cluster in a temporary folder,
listening only on a unix socket there, started once per test session and stopped after.

As root, initdb and pg_ctl run as the `postgres` user (PostgreSQL refuses to run as root).
WITNESS_TEST_PG=postgresql://… uses an existing server instead; WITNESS_TEST_PG=off skips
the PostgreSQL half of the suite.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

BIN = Path(os.environ.get("WITNESS_PG_BIN", "/usr/lib/postgresql/15/bin"))


class PostgresServer:
    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="witness-pg-"))
        self.data = self.dir / "data"
        self.sock = self.dir / "sock"
        self.as_user: list[str] = []
        self.user = os.environ.get("USER") or "postgres"

    def _run(self, *cmd: str) -> None:
        subprocess.run([*self.as_user, *cmd], check=True, capture_output=True, text=True, timeout=120)

    def start(self) -> "PostgresServer":
        if not (BIN / "initdb").exists():
            raise RuntimeError(f"PostgreSQL binaries not found in {BIN} (apt-get install postgresql-15)")
        self.sock.mkdir()
        if os.geteuid() == 0:
            self.as_user = ["runuser", "-u", "postgres", "--"]
            self.user = "postgres"
            shutil.chown(self.dir, "postgres")
            shutil.chown(self.sock, "postgres")
        self._run(str(BIN / "initdb"), "-D", str(self.data), "-U", self.user, "--auth=trust",
                  "--encoding=UTF8", "--locale=C.UTF-8")
        self._run(str(BIN / "pg_ctl"), "-D", str(self.data), "-w", "-t", "60", "-l", str(self.dir / "log"),
                  "-o", f"-k {self.sock} -c listen_addresses='' -c fsync=off -c max_connections=200"
                        " -c shared_buffers=128MB",
                  "start")
        return self

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{self.user}@/{dbname}?host={self.sock}"

    def create_database(self, name: str) -> str:
        import psycopg
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run(str(BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
