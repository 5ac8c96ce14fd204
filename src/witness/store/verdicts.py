"""Curated judgements on findings and contradictions, keyed by the items' fingerprints.

The verdicts query family (witness/verdicts.py says what a key is).  `verdicts` holds the
judgement in force per key; `verdict_log` every change, setting or clearing, with who, when
and the note.  Neither table refers to a document row or an offset, so ingest, re-ingest and
`reprocess` leave them alone and the judgements meet their items again by key.  The same
SQL runs on both backends.
"""

from __future__ import annotations

from collections import Counter

from ..errors import NotFound, StoreError
from ..verdicts import Item, LogEntry, Verdict, VerdictError, check
from .db import Database, marks
from .documents import now

_COLS = "key, kind, verdict, doc_id, subject, quote, who, at, note, cause"


def _verdict(row) -> Verdict:
    key, kind, verdict, doc_id, subject, quote, who, at, note, cause = row
    return Verdict(key, kind, verdict, doc_id, subject, quote, who, at, note, cause)


class Verdicts:
    """The verdicts family over one Database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- writing ---------------------------------------------------------------------------
    def set(self, item: Item, verdict: str, *, who: str, note: str | None = None,
            cause: str | None = None) -> Verdict:
        """Judge `item` (replacing an earlier verdict on it); logged."""
        check(item.kind, verdict, cause)
        if not who or not who.strip():
            raise VerdictError("a verdict needs who gave it")
        at = now()
        v = Verdict(item.key, item.kind, verdict, item.doc_id, item.subject, item.quote, who.strip(), at,
                    note or None, cause)
        with self.db.tx() as c:
            c.execute("DELETE FROM verdicts WHERE key = ?", (item.key,))
            c.execute(f"INSERT INTO verdicts({_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      (v.key, v.kind, v.verdict, v.doc_id, v.subject, v.quote, v.who, v.at, v.note, v.cause))
            self._log(c, v.key, v.kind, "set", verdict, cause, v.note, v.who, at)
        return v

    def clear(self, key: str, *, who: str, note: str | None = None) -> Verdict:
        """Withdraw the verdict on `key` (the item is open again); logged.  NotFound if none."""
        with self.db.tx() as c:
            row = c.execute(f"SELECT {_COLS} FROM verdicts WHERE key = ?", (key,)).fetchone()
            if row is None:
                raise NotFound(f"no verdict on {key!r}", hint="`witness verdict list` shows them")
            old = _verdict(row)
            c.execute("DELETE FROM verdicts WHERE key = ?", (key,))
            self._log(c, key, old.kind, "clear", None, None, note or None, who, now())
        return old

    def restore(self, verdicts: list[Verdict], log: list[LogEntry]) -> None:
        """Moving an archive (`witness migrate`): these verdicts and log entries exactly as
        given — sequence numbers, times, who — into an archive that has none."""
        with self.db.tx() as c:
            if c.one("SELECT count(*) FROM verdicts") or c.one("SELECT count(*) FROM verdict_log"):
                raise StoreError("the target archive already holds verdicts",
                                 hint="migrate into a new, empty archive")
            c.executemany(f"INSERT INTO verdicts({_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          [(v.key, v.kind, v.verdict, v.doc_id, v.subject, v.quote, v.who, v.at, v.note, v.cause)
                           for v in verdicts])
            c.executemany("INSERT INTO verdict_log(seq, key, kind, action, verdict, cause, note, who, at)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          [(e.seq, e.key, e.kind, e.action, e.verdict, e.cause, e.note, e.who, e.at) for e in log])
            c.restart_sequence("verdict_log", "seq")

    @staticmethod
    def _log(c: Database, key, kind, action, verdict, cause, note, who, at) -> None:
        c.execute("INSERT INTO verdict_log(key, kind, action, verdict, cause, note, who, at)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (key, kind, action, verdict, cause, note, who, at))

    # -- reading ---------------------------------------------------------------------------
    def get(self, keys) -> dict[str, Verdict]:
        """The verdicts in force on these keys (keys without one are absent)."""
        keys = list(dict.fromkeys(keys))
        out: dict[str, Verdict] = {}
        with self.db.lock:
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                for row in self.db.all(f"SELECT {_COLS} FROM verdicts WHERE key IN ({marks(chunk)})", chunk):
                    out[row[0]] = _verdict(row)
        return out

    def all(self, kind: str | None = None) -> list[Verdict]:
        """Every verdict in force (of one kind), newest first."""
        sql = f"SELECT {_COLS} FROM verdicts" + (" WHERE kind = ?" if kind else "") + " ORDER BY at DESC, key"
        with self.db.lock:
            return [_verdict(r) for r in self.db.all(sql, (kind,) if kind else ())]

    def matching(self, prefix: str) -> list[Verdict]:
        """Verdicts whose key starts with `prefix`."""
        with self.db.lock:
            return [_verdict(r) for r in self.db.all(
                f"SELECT {_COLS} FROM verdicts WHERE key >= ? AND key < ? ORDER BY key",
                (prefix, prefix + "\uffff"))]

    def log(self, key: str | None = None) -> list[LogEntry]:
        """Every change, oldest first (of one key when given)."""
        sql = ("SELECT seq, key, kind, action, verdict, cause, note, who, at FROM verdict_log"
               + (" WHERE key = ?" if key else "") + " ORDER BY seq")
        with self.db.lock:
            return [LogEntry(*r) for r in self.db.all(sql, (key,) if key else ())]

    def counts(self) -> dict[str, Counter]:
        """{kind: Counter(verdict → n)} of the verdicts in force."""
        out: dict[str, Counter] = {}
        with self.db.lock:
            for kind, verdict, n in self.db.all("SELECT kind, verdict, count(*) FROM verdicts GROUP BY kind, verdict"):
                out.setdefault(kind, Counter())[verdict] = n
        return out
