"""One page whose claims cannot be extracted never stops `reprocess --claims-only` or an ingest
(the whole corpus's run of 2026-12-06 died at document 7,488 on a date the rules could not
compare): nothing of that page is written, the run names it and exits 3 — locally and on Dask."""

from __future__ import annotations

import pytest

import witness.claims
from witness.annotate import claims_many
from witness.claims.dates import find_dates
from witness.claims.gold import make_document
from witness.model import Claim, Span
from witness.reprocess import reprocess
from witness.store import open_store

PEOPLE = {"Petrov": "petrov"}


def docs():
    out = [make_document(f"Petrov was arrested in 193{i}.", PEOPLE, "1940", doc_id=f"d{i}") for i in range(3)]
    out[1].claims = [Claim("petrov", "arrested", None, "1931", None, "asserted", None, Span(0, 20))]
    return out


@pytest.fixture
def flaky(monkeypatch):
    real = witness.claims.extract_claims_many

    def extract(ds, *args, **kwargs):
        if any("arrested in 1931" in d.text for d in ds):     # the second page
            raise TypeError("a date the rules could not compare")
        return real(ds, *args, **kwargs)
    monkeypatch.setattr(witness.claims, "extract_claims_many", extract)


def test_the_other_pages_of_the_batch_get_their_claims(flaky):
    out = list(claims_many(docs()))
    assert [d.id for d in out] == ["d0", "d1", "d2"]
    assert [(c.subject, c.date) for c in out[0].claims] == [("petrov", "1930")]
    assert [(c.subject, c.date) for c in out[2].claims] == [("petrov", "1932")]
    assert [c.date for c in out[1].claims] == ["1931"]          # as it was
    assert out[1].extra["claims_error"] == "TypeError: a date the rules could not compare"


def test_reprocess_names_the_page_and_stores_the_rest(flaky, tmp_path):
    store = open_store(str(tmp_path / "a.db"))
    for d in docs():
        if d.id != "d1":
            d.claims = []
        store.put_document(d)
    summary = reprocess(store, progress=False, claims_only=True)
    assert [d for d, _ in summary.failed] == ["d1"] and "claims: TypeError" in summary.failed[0][1]
    assert [c.date for c in store.get_document("d0").claims] == ["1930"]
    assert [c.date for c in store.get_document("d1").claims] == ["1931"]      # the stored version, whole
    assert len(store.history("d1")) == 1
    store.close()


def test_a_day_and_month_in_capitals_is_no_date_and_no_crash():
    """The cause of that run's failure: "12 MAY" matched the day-month form, but its month was
    not read, and comparing None with the document's month raised."""
    assert find_dates("He came on 12 MAY and left.", "1937-08-28") == []
    assert find_dates("He came on 12 May and left.", "1937-08-28") == [(11, 17, "1937-05-12")]


def test_a_month_in_capitals_with_its_year_is_read():
    """A dateline's "12 MAY 1937" was dated 1937 only: the month was read from capitalised
    words alone."""
    assert find_dates("He was arrested on 12 MAY 1937.", None) == [(19, 30, "1937-05-12")]
    assert find_dates("In JUNE 1937 he fell.", None) == [(3, 12, "1937-06")]


def test_ingest_lists_the_page_and_stores_the_others(flaky, tmp_path):
    from witness.pipeline import ingest
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(3):
        (folder / f"d{i}.txt").write_text(f"Petrov was arrested in 193{i}. " + "The party met again. " * 20 + "\n",
                                          encoding="utf-8")
    store = open_store(str(tmp_path / "a.db"))

    def with_mentions(ds):          # the NER's part, as gold.place_mentions marks them
        for d in ds:
            d.mentions = make_document(d.text, PEOPLE).mentions
            yield d
    annotate = lambda ds: claims_many(with_mentions(ds))   # noqa: E731
    summary = ingest(store, [folder], progress=False, annotate=annotate)
    assert summary.stored == 2
    assert [(p, r.split(": TypeError")[0]) for p, r in summary.failed] == [("d1.txt", "not stored: claims")]
    store.close()


def test_on_dask_the_page_fails_alone(flaky, monkeypatch):
    """The cluster path's annotate step (distributed._annotated): the page the claim stage
    failed on is a Failed with its reason, the others documents (the NER's part stood in for
    by the gold mentions, as above)."""
    import witness.annotate
    from witness.distributed import _annotated
    from witness.ingest.base import Failed

    def annotate_many(ds, n_process=1):
        for d in ds:
            d.mentions = make_document(d.text, PEOPLE).mentions
        return claims_many(ds)
    monkeypatch.setattr(witness.annotate, "annotate_many", annotate_many)
    out = _annotated(docs(), nlp=True)
    assert [isinstance(o, Failed) for o in out] == [False, True, False]
    assert out[1].reasons["witness"].startswith("claims: TypeError") and out[0].claims
