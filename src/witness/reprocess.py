"""`witness reprocess`: rerun the record-derived steps (creators and periodicals under authority
control), the NLP and claim stages over what is stored, reading no files."""

from __future__ import annotations

import time

from .pipeline import IngestSummary, counted, find_duplicates
from .progress import stages_for


def reprocess(store, *, progress: bool = True, annotate=None, commit_every: int = 200,
              nlp: bool = True) -> IngestSummary:
    """Re-annotates the current version of every document; changed annotations become a new
    version.  nlp=False reruns only the creators step (how an archive from before it gets its
    creators, in seconds rather than the NLP's half hour)."""
    from .creators import link_many
    if annotate is None:
        if nlp:
            from .annotate import annotate_many as annotate
        else:
            annotate = lambda docs: docs  # noqa: E731
    ids = store.document_ids()
    summary = IngestSummary(files=len(ids), kind="reprocess")
    start = time.perf_counter()
    stages = stages_for(progress)
    nlp_stage = stages.stage("NLP" if nlp else "creators", len(ids))
    write = stages.stage("write", len(ids))
    nlp_stage.start()
    try:
        with store.batch(commit_every):
            for doc in counted(annotate(link_many(store.iter_documents())), None, nlp_stage):
                res = store.put_document(doc)
                setattr(summary, res.status, getattr(summary, res.status) + 1)
                write.advance()
            write.finish()
            index = stages.stage("index", summary.stored)
            index.start()          # leaving the batch commits and brings the search index up to date
        index.advance(summary.stored)
        summary.duplicates = find_duplicates(store, stages)
    finally:
        stages.close()
    summary.stages = stages.stages
    summary.seconds = time.perf_counter() - start
    return summary
