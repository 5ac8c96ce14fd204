"""`witness reprocess`: rerun the record-derived steps (creators and periodicals under authority
control), the NLP and claim stages over what is stored, reading no files."""

from __future__ import annotations

import time

from .annotate import claims_error
from .pipeline import IngestSummary, counted, find_duplicates
from .progress import stages_for
from .store.base import PutResult


def reprocess(store, *, progress: bool = True, annotate=None, commit_every: int = 200,
              nlp: bool = True, claims_only: bool = False, runner=None) -> IngestSummary:
    """Re-annotates the current version of every document; changed annotations become a new
    version.  nlp=False reruns only the creators step (how an archive from before it gets its
    creators, in seconds rather than the NLP's half hour); claims_only=True reruns the creators
    step and the claims from the stored mentions (after the claim rules change: minutes).  `runner` (pipeline.Runner, e.g.
    witness.distributed) re-annotates elsewhere; this process writes what comes back."""
    from .creators import link_many
    if claims_only and runner is not None:
        raise ValueError("claims_only runs here: the claim stage is a fraction of the NLP's time")
    if annotate is None:
        if claims_only:
            from .annotate import claims_many as annotate
        elif nlp:
            from .annotate import annotate_many as annotate
        else:
            annotate = lambda docs: docs  # noqa: E731
    ids = store.document_ids()
    summary = IngestSummary(files=len(ids), kind="reprocess")
    start = time.perf_counter()
    stages = stages_for(progress)
    nlp_stage = stages.stage("claims" if claims_only else "NLP" if nlp else "creators", len(ids))
    write = stages.stage("write", len(ids))
    nlp_stage.start()
    try:
        with store.batch(commit_every):
            if runner is not None:
                docs, put = runner.reprocess(store, nlp=nlp), store.put_prepared
            else:
                docs, put = annotate(link_many(store.iter_documents())), store.put_document
            for doc in counted(docs, None, nlp_stage):
                error = claims_error(doc)
                if error is not None:         # the stored version stays whole; the run says so, exits 3
                    summary.failed.append((doc.id, f"not annotated again: claims: {error}"))
                    write.advance()
                    continue
                res = doc if isinstance(doc, PutResult) else put(doc)
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
