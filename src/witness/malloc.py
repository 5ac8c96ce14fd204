"""Keep glibc's malloc from handing memory back to the kernel between NLP batches.

The NLP stage allocates and frees arrays of a few MB for every batch of pieces.  By default
glibc serves each one above its mmap threshold with a fresh mapping and trims the top of
the heap after each free, so the kernel zero-fills and faults the same pages in again at
every batch: 500 corpus pages through `witness ingest` took 1.85 M page faults and 11 s of
system time (7 % of the run's CPU).  With large blocks kept on the heap and the heap kept,
0.38 M faults and 1.9 s (docs/performance.md).  Settings are per process and inherited by
forked children (the spaCy workers); elsewhere than glibc this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 32 * 1024 * 1024    # glibc's largest allowed value on 64-bit
TRIM_THRESHOLD = 256 * 1024 * 1024   # keep up to this much free heap instead of returning it

_done = False


def keep_heap() -> bool:
    """Tune this process's malloc (idempotent).  True when glibc took both settings."""
    global _done
    if _done:
        return True
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):      # musl and others have no mallopt
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    _done = bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and \
        bool(mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD))
    return _done
