"""Worker processes die with the process that started them.

A `kill -9` of `witness ingest` or `reprocess` used to leave its reader and spaCy workers
(750–820 MB each) blocked on their pipes for minutes (issue 17).  Every multiprocessing child
started after `install()` — the ingest pool's readers and spaCy's `nlp.pipe(n_process=…)`
workers alike — asks Linux for SIGKILL when its parent dies (``prctl(PR_SET_PDEATHSIG)``).
The signal follows the parent *thread*: both kinds of worker are started from the thread
that then waits for them, so that is the thread whose end they follow.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import multiprocessing
import sys
from multiprocessing import util

_PR_SET_PDEATHSIG = 1


class _Hook:
    """register_after_fork keeps a weak reference: this module keeps the object alive."""


_HOOK = _Hook()
_installed = False


def die_with_parent(parent: int | None = None) -> bool:
    """In a child process: be killed when the parent dies.  True when the kernel took it."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            return False
    except (OSError, AttributeError):
        return False
    # The parent may have died between fork and prctl: then nobody will send the signal.
    if parent is not None and os.getppid() != parent:
        os._exit(1)
    return True


def _after_fork(_hook) -> None:
    parent = multiprocessing.parent_process()
    die_with_parent(parent.pid if parent is not None else None)


def install() -> None:
    """From now on, multiprocessing children of this process die with it (idempotent)."""
    global _installed
    if not _installed:
        util.register_after_fork(_HOOK, _after_fork)
        _installed = True
