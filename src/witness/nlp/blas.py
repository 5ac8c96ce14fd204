"""Matrix products through numpy's OpenBLAS instead of blis's reference kernels.

thinc multiplies with blis by default.  The blis wheels pick their kernels by CPU model and
fall back to the portable reference code on models they do not know: on this machine kind
(AMD EPYC, family 26) blis 1.3 selects "generic", 5× slower at a 512² sgemm than numpy's
OpenBLAS (6.4 against 1.2 ms).  With numpy doing the products the model's NER reads 19.5k
words per CPU-second instead of 13.6k, with the same entities (bench/nlp_blas.py); OpenBLAS
detects its kernels at run time, so nothing is lost where blis would have known the CPU.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy: one BLAS thread per process

from spacy.language import Language  # noqa: E402
from spacy.pipeline import TrainablePipe  # noqa: E402
from thinc.api import NumpyOps  # noqa: E402


def numpy_gemm(nlp: Language) -> Language:
    """Every model layer of ``nlp``'s trained components multiplies with numpy (in place)."""
    ops = NumpyOps(use_blis=False)
    for _name, pipe in nlp.pipeline:
        if isinstance(pipe, TrainablePipe):
            for layer in pipe.model.walk():
                layer.ops = ops
    return nlp
