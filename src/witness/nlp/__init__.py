"""Entity extraction and linking: fills ``Document.mentions`` and ``Document.entities``.

    >>> from witness.nlp import annotate
    >>> doc = annotate(doc)                      # one document
    >>> for doc in annotate_many(docs, n_process=2):   # ingest: batched, two processes
    ...     store.put(doc)

Mentions are ``model.Mention(start, end, text, type, entity)`` with ``text[start:end] ==
mention.text``.  Types are the spec's (person, organization, place, periodical, work,
event) plus ``date`` for dates (entity ``None``: a date is not an authority entry).
Persons the authority does not know get a provisional id (``authority.provisional_id``).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy is imported anywhere

import bisect  # noqa: E402
import re  # noqa: E402
from functools import lru_cache  # noqa: E402
from typing import Iterable, Iterator  # noqa: E402

from witness.model import Document, Entity, Mention  # noqa: E402
from witness.pieces import pieces  # noqa: E402

from .context import retype  # noqa: E402
from .lexicon import given_words, place_names  # noqa: E402
from .ocr import Joined  # noqa: E402
from .linking import Linked, Linker, Provisional  # noqa: E402
from witness.language import pipeline_of  # noqa: E402

from .pipeline import BLANK, FR_MODEL, MODEL, build, raws_of  # noqa: E402
from .rules import Raw  # noqa: E402

# Texts longer than this are cut at paragraph breaks before the model sees them: it keeps
# the model's memory flat on book-length pages and the two worker processes evenly fed.
CHUNK = 10_000
BATCH_SIZE = 32


@lru_cache(maxsize=1)
def _authority():
    from witness.authority import load
    return load()


@lru_cache(maxsize=6)
def load_nlp(ruler: str | None = "before", rules: bool = True, pipeline: str = "en"):
    """The spaCy pipeline (cached): ner, entity ruler from the authority, our rules.

    ``pipeline``: "en", "fr" (fr_core_news_sm) or "authority" (the entity ruler over a plain
    multilingual tokenizer: names the authority file knows, nothing else) — see
    ``witness.language.pipeline_of``."""
    model = {"en": MODEL, "fr": FR_MODEL, "authority": BLANK}[pipeline]
    return build(_authority(), ruler=ruler, rules=rules, model=model)


def _raws(nlp, text: str) -> list[Raw]:
    raws: list[Raw] = []
    for offset, joined in _joined_pieces(text):
        raws.extend(_placed(raws_of(nlp(joined.text)), joined, offset))
    return raws


def _joined_pieces(text: str) -> list[tuple[int, Joined]]:
    """The pieces the model reads (chunks), each with its broken words joined (ocr.Joined)."""
    return [(offset, Joined(piece)) for offset, piece in chunks(text)]


def _placed(raws: list[Raw], joined: Joined, offset: int) -> list[Raw]:
    """Raws found on a piece's joined text (ocr.Joined), at their offsets in the document."""
    if not joined:
        return [Raw(r.start + offset, r.end + offset, r.type, r.hint, r.rule) for r in raws]
    return [Raw(joined.start(r.start) + offset, joined.end(r.end) + offset, r.type, r.hint, r.rule)
            for r in raws]


@lru_cache(maxsize=1)
def _linker() -> Linker:
    place_names()          # 2 s to build: once here, before the NLP workers fork
    return Linker(_authority())


def chunks(text: str, size: int = CHUNK) -> list[tuple[int, str]]:
    """(offset, piece) pieces of at most ~size characters, cut after a blank line (witness.pieces)."""
    return pieces(text, size)


def _year(doc: Document) -> int | None:
    for value in (doc.record.heading_date, doc.record.date, doc.record.written):
        m = re.match(r"(\d{4})", value or "")
        if m:
            return int(m.group(1))
    return None


def _finish(doc: Document, raws: list[Raw]) -> Document:
    linker = _linker()
    raws = retype(doc.text, raws, given_words())
    linked, prov = linker.link(doc.text, raws, _year(doc))
    found = [Mention(m.start, m.end, m.text, m.type, m.entity) for m in linked]
    doc.mentions, doc.entities = keep_given(doc, found, _entities(linked, prov))
    return doc


def keep_given(doc: Document, found: list[Mention], entities: list[Entity]):
    """The source's own mentions (``origin`` set: an edition's persName/@ref) stay as they are;
    what the NLP found is added only where they mark nothing.  Returns (mentions, entities)."""
    given = [m for m in doc.mentions if m.origin]
    if not given:
        return found, entities
    spans: list[list[int]] = []          # the given spans, merged into disjoint runs
    for m in sorted(given, key=lambda m: m.start):
        if spans and m.start < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], m.end)
        else:
            spans.append([m.start, max(m.end, m.start + 1)])
    starts = [s for s, _ in spans]

    def free(m: Mention) -> bool:
        i = bisect.bisect_left(starts, max(m.end, m.start + 1)) - 1  # last run starting before m ends
        return i < 0 or spans[i][1] <= m.start

    added = [m for m in found if free(m)]
    used = {m.entity for m in given} | {m.entity for m in added}
    kept = [e for e in doc.entities if e.id in used]
    have = {e.id for e in kept}
    kept += [e for e in entities if e.id not in have and e.id in used]
    return sorted(given + added, key=lambda m: (m.start, m.end)), kept


def _entities(linked: list[Linked], prov: dict[str, Provisional]) -> list[Entity]:
    auth = _authority()
    out: dict[str, Entity] = {}
    for m in linked:
        if not m.entity or m.entity in out:
            continue
        e = auth.get(m.entity)
        if e is not None:
            out[m.entity] = e.to_entity()
        elif m.entity in prov:
            p = prov[m.entity]
            out[m.entity] = Entity(id=p.id, type=p.type, name=p.name,
                                   aliases=[n for n in p.names if n != p.name],
                                   provisional=True)
    return list(out.values())


def annotate(doc: Document, nlp=None) -> Document:
    """Fill doc.mentions and doc.entities (replacing what was there); returns doc.

    ``nlp``: another pipeline from ``pipeline.build`` (the benchmark compares variants);
    by default the one for the document's language (``record.language``).
    """
    nlp = nlp or load_nlp(pipeline=pipeline_of(doc.record.language))
    return _finish(doc, _raws(nlp, doc.text))


def annotate_many(docs: Iterable[Document], n_process: int = 2,
                  batch_size: int = BATCH_SIZE) -> Iterator[Document]:
    """Annotate a stream of documents with nlp.pipe over ``n_process`` processes.

    Yields the documents in input order as soon as each one is complete.  English pages go
    through the worker processes; the few pages in other languages pass them as an empty
    placeholder (to keep the order) and are annotated here with their own pipeline.
    """
    nlp = load_nlp()
    _linker()  # built before the workers fork, so they share it
    pending: dict[int, tuple[Document, int]] = {}  # index → (doc, number of chunks)
    broken: dict[tuple[int, int], Joined] = {}     # pieces whose broken words were joined

    def feed():
        for i, doc in enumerate(docs):
            if pipeline_of(doc.record.language) != "en":
                pending[i] = (doc, 1)
                yield "", (i, 0)
                continue
            parts = _joined_pieces(doc.text)
            pending[i] = (doc, len(parts))
            for offset, joined in parts:
                if joined:
                    broken[(i, offset)] = joined
                yield joined.text, (i, offset)

    def done(i: int, raws: list[Raw]) -> Document:
        doc = pending.pop(i)[0]
        other = pipeline_of(doc.record.language)
        if other != "en":
            raws = _raws(load_nlp(pipeline=other), doc.text)
        return _finish(doc, raws)

    current, raws, seen = None, [], 0
    for sdoc, (i, offset) in nlp.pipe(feed(), as_tuples=True, n_process=n_process,
                                      batch_size=batch_size):
        if current is not None and i != current:
            yield done(current, raws)
            raws, seen = [], 0
        current = i
        seen += 1
        raws.extend(_placed(raws_of(sdoc), broken.pop((i, offset), Joined("")), offset))
    if current is not None:
        yield done(current, raws)


def with_titles(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with each person widened over the title or honorific in front of it
    ("Mr. Vance", "Gen. Harrison", "Hon. Peter Sylvester") and a suffix after it ("Benjamin
    Ballard, Esq.", "John Smith Jr.").  The archive keeps titles out of
    a name; evaluations whose spans include them (CLEF HIPE) use this view."""
    from .titles import suffix_end, title_start
    out = []
    last = 0   # where the previous person's widened span ends: no word belongs to two names
    for m in mentions:
        if m.type == "person":
            a, b = title_start(text, m.start), suffix_end(text, m.end)
            if a < last:
                a = m.start      # "William Cowper, Secretary⏎Henry Payne"
            last = b
            if (a, b) != (m.start, m.end):
                m = Mention(a, b, text[a:b], m.type, m.entity)
        out.append(m)
    return out


__all__ = ["load_nlp", "annotate", "annotate_many", "chunks", "with_titles"]
