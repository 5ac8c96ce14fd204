"""keep_heap: freed NLP-sized arrays are reused, not faulted in from the kernel again."""

import subprocess
import sys

import pytest

PROBE = """
import resource, sys
import numpy
from witness.malloc import keep_heap
if sys.argv[1] == "keep":
    assert keep_heap() and keep_heap()          # idempotent
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(200):
    # a batch's activations: a few arrays of some MB alive together, then all freed
    arrays = [numpy.ones(1_000_000, dtype="float32") for _ in range(3)]
    del arrays
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True, text=True,
                         check=True)
    return int(out.stdout.strip())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_freed_blocks_stay_on_the_heap():
    default, kept = _faults("default"), _faults("keep")
    assert default > 100_000          # 200 × 12 MB returned to the kernel and faulted in afresh
    assert kept < default / 20
