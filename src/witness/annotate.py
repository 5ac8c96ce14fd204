"""The NLP half of ingest: nlp (mentions, entities) → claims → the checks that need people.

Both `witness ingest` and `witness reprocess` run documents through `annotate_many`; the
stages themselves live in `witness.nlp`, `witness.claims` and `witness.checks`.
"""

from __future__ import annotations

import os
from itertools import islice
from typing import Iterable, Iterator

from .model import Document

# Claims are extracted per batch so the parser's nlp.pipe amortises its start-up.
CLAIM_BATCH = 64


def _batches(docs: Iterable[Document], n: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while batch := list(islice(it, n)):
        yield batch


def annotate_many(docs: Iterable[Document], *, n_process: int | None = None) -> Iterator[Document]:
    """Fill mentions, entities, claims and the people findings of each document, in order."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from .malloc import keep_heap
    from .nlp import annotate_many as find_entities

    keep_heap()        # before the spaCy workers fork: they inherit it

    n_process = n_process or min(2, os.cpu_count() or 1)
    yield from claims_many(find_entities(docs, n_process=n_process))


def claims_many(docs: Iterable[Document]) -> Iterator[Document]:
    """Claims and the people findings of each document from the mentions it has (the NER is
    not rerun): what `witness reprocess --claims-only` does after the claim rules change."""
    from .authority import load
    from .checks import refresh_findings
    from .claims import extract_claims_many
    from .language import pipeline_of

    context = {"authority": load()}
    for batch in _batches(docs, CLAIM_BATCH):
        # The claim rules read English; other pages get no claims (witness.language).
        english = [d for d in batch if pipeline_of(d.record.language) == "en"]
        try:
            found = dict(zip(map(id, english), extract_claims_many(english)))
        except Exception:                     # one page's failure never stops the batch: find it
            found = {}
            for d in english:
                try:
                    found[id(d)] = extract_claims_many([d])[0]
                except Exception as exc:
                    d.extra["claims_error"] = f"{type(exc).__name__}: {exc}"   # ingest and reprocess list it, store nothing
        for doc in batch:
            if "claims_error" not in doc.extra:
                doc.claims = found.get(id(doc), [])
                doc.findings = refresh_findings(doc, context=context)
            yield doc


def claims_error(doc) -> str | None:
    """Why the claim stage failed on this page (claims_many notes it), or None; anything but a
    Document (a stored result, a prepared row from a cluster) has passed that stage."""
    return doc.extra.get("claims_error") if isinstance(doc, Document) else None


def annotate(doc: Document) -> Document:
    return next(annotate_many([doc], n_process=1))
