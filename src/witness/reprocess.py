"""`witness reprocess`: rerun the NLP and claim stages over what is stored, reading no files."""

from __future__ import annotations

import time

from .pipeline import IngestSummary, counted
from .progress import stages_for


def reprocess(store, *, progress=True, annotate=None, commit_every: int = 200) -> IngestSummary:
    """Re-annotates the current version of every document; changed annotations become a new
    version ("updated"), the others stay as they were ("unchanged").  `progress`: as ingest."""
    if annotate is None:
        from .annotate import annotate_many as annotate
    ids = store.document_ids()
    summary = IngestSummary(files=len(ids), kind="reprocess")
    start = time.perf_counter()
    stages = stages_for(progress)
    nlp = stages.stage("NLP", len(ids))
    write = stages.stage("write", len(ids))
    nlp.start()
    try:
        with store.batch(commit_every):
            for doc in counted(annotate(store.iter_documents()), None, nlp):
                res = store.put_document(doc)
                setattr(summary, res.status, getattr(summary, res.status) + 1)
                write.advance()
            write.finish()
            index = stages.stage("index", summary.stored)
            index.start()          # leaving the batch commits and brings the search index up to date
        index.advance(summary.stored)
    finally:
        stages.close()
    summary.stages = stages.stages
    summary.seconds = time.perf_counter() - start
    return summary
