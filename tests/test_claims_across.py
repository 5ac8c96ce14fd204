"""Across documents: timelines, contradictions (never resolved), export rows."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

import pytest

from witness.claims import (ClaimItem, build_timeline, claim_rows, extract_claims,
                            find_contradictions, items_from_document, write_csv, write_jsonl)
from witness.claims.contradictions import strictly_after
from witness.claims.gold import make_document
from witness.model import Claim, Span

PEOPLE = {"Petrov": "petrov", "Ivanov": "ivanov"}

# Two sources that disagree about Petrov's fate.
DOC_A = ("Petrov was arrested in March 1936. He was shot in August 1936, together with the others "
         "condemned at the first trial.")
DOC_B = ("Contrary to the rumors, Petrov was not shot. Petrov was released in 1938 and "
         "wrote a pamphlet in 1939.")


@pytest.fixture(scope="session")
def two_sources(nlp):
    a = make_document(DOC_A, PEOPLE, "1937-01", doc_id="source-a", title="The Trial")
    b = make_document(DOC_B, PEOPLE, "1939-05", doc_id="source-b", title="Petrov Lives")
    a.claims = extract_claims(a, nlp=nlp)
    b.claims = extract_claims(b, nlp=nlp)
    return a, b


def test_sources_read_as_written(two_sources):
    a, b = two_sources
    got_a = {(c.predicate, c.certainty, c.date) for c in a.claims if c.subject == "petrov"}
    got_b = {(c.predicate, c.certainty, c.date) for c in b.claims if c.subject == "petrov"}
    assert {("arrested", "asserted", "1936-03"), ("executed", "asserted", "1936-08")} <= got_a
    assert {("executed", "denied", None), ("released", "asserted", "1938"),
            ("wrote", "asserted", "1939")} <= got_b


def test_contradictions_between_two_sources(two_sources):
    a, b = two_sources
    items = items_from_document(a) + items_from_document(b)
    found = find_contradictions(items)
    kinds = {(c.kind, c.outlier.claim.predicate, c.consensus.event) for c in found if c.subject == "petrov"}
    # one source against one: the denial is the outlier; the later events stand against the death
    assert ("asserted-vs-denied", "executed", "died") in kinds
    assert ("alive-after-death", "released", "died") in kinds
    assert ("alive-after-death", "wrote", "died") in kinds
    for c in found:
        # both quotes and both documents are there; nothing is resolved
        assert c.outlier.quote and c.consensus.example.quote and c.against == 1
        assert {c.outlier.document_id, c.consensus.example.document_id} == {"source-a", "source-b"}
        assert c.outlier.quote == (a if c.outlier.document_id == "source-a" else b).text[
            c.outlier.claim.evidence.start:c.outlier.claim.evidence.end]
    # the source claims are untouched: the denial is still a denial, the execution still asserted
    assert {c.certainty for c in b.claims if c.predicate == "executed"} == {"denied"}
    assert {c.certainty for c in a.claims if c.predicate == "executed"} == {"asserted"}


@dataclass
class StandIn:
    died: str | None
    death_manner: str | None = None


class StandInAuthority:
    def __init__(self, entries):
        self.entries = entries

    def get(self, entity_id):
        return self.entries.get(entity_id)


def test_event_after_authority_death(two_sources):
    a, b = two_sources
    items = items_from_document(a) + items_from_document(b)
    authority = StandInAuthority({"petrov": StandIn("1936-08-25", "executed")})
    found = [c for c in find_contradictions(items, authority) if c.kind.endswith("after-death")]
    preds = {c.outlier.claim.predicate for c in found}
    assert preds == {"released", "wrote"}            # 1938, 1939: after the death the sources and the file agree on
    assert all(c.authority["died"] == "1936-08-25" and "authority file" in c.consensus.sources for c in found)
    assert all(c.against == 2 for c in found)        # source-a and the authority file
    # "shot in August 1936" is not after a death on 1936-08-25 at month precision
    assert "executed" not in preds


def test_event_after_real_authority_death(nlp):
    from witness.authority import load
    authority = load()
    entry = authority.get("yagoda-genrikh")
    assert entry is not None and entry.died
    doc = make_document("Yagoda was released in 1939.", {"Yagoda": "yagoda-genrikh"}, "1940",
                        doc_id="later")
    doc.claims = extract_claims(doc, nlp=nlp)
    found = find_contradictions(items_from_document(doc), authority)
    assert [(c.kind, c.outlier.claim.predicate) for c in found] == [("alive-after-death", "released")]
    assert found[0].authority["died"] == entry.died and found[0].second is None   # the file alone


def test_hedged_and_undated_claims_do_not_contradict_death():
    death = Claim("petrov", "executed", date="1936-08", evidence=Span(0, 5))
    rumor = Claim("petrov", "released", date="1938", certainty="uncertain", evidence=Span(0, 5))
    undated = Claim("petrov", "wrote", evidence=Span(0, 5))
    items = [(death, "a", "A", "1937"), (rumor, "b", "B", "1939"), (undated, "b", "B", "1939")]
    assert find_contradictions(items) == []


def test_reduced_precision_dates():
    assert strictly_after("1937", "1936-12-31")
    assert not strictly_after("1937", "1937-08")
    assert not strictly_after("1937-08", "1937")
    assert strictly_after("1937-09", "1937-08-31")
    assert not strictly_after(None, "1937")


def test_timeline_order_and_undated_marking(two_sources):
    a, b = two_sources
    items = items_from_document(a) + items_from_document(b)
    tl = build_timeline(items, subject="petrov")
    assert all(e.subject == "petrov" for e in tl)
    dates = [e.date for e in tl]
    assert dates == sorted(dates)
    denial = [e for e in tl if e.predicate == "executed" and e.certainty == "denied"]
    assert denial and not denial[0].dated and denial[0].date == "1939-05"   # placed by its document
    dated = [e for e in tl if e.dated]
    assert [e.predicate for e in dated][:2] == ["arrested", "executed"]
    assert all(e.quote for e in tl)


def test_timeline_accepts_plain_tuples():
    c1 = Claim("x", "arrested", date="1937-03", evidence=Span(0, 1))
    c2 = Claim("x", "executed", evidence=Span(0, 1))
    c3 = Claim("y", "executed", date="1930", evidence=Span(0, 1))
    tl = build_timeline([(c2, "d2", "T2", "1936"), (c1, "d1", "T1", "1938"), (c3, "d3", None, None)],
                        subject="x")
    assert [(e.predicate, e.date, e.dated) for e in tl] == [("executed", "1936", False),
                                                          ("arrested", "1937-03", True)]
    assert isinstance(ClaimItem(c1, "d", None, None).claim, Claim)


def test_export_rows(two_sources):
    a, _ = two_sources
    a.record.authors = ["A. Writer"]
    a.record.periodical = "The Bulletin"
    rows = claim_rows(a)
    assert len(rows) == len(a.claims)
    assert rows[0]["citation"].startswith("A. Writer, The Trial, The Bulletin")
    assert rows[0]["quote"] == a.text[rows[0]["evidence_start"]:rows[0]["evidence_end"]]
    buf = io.StringIO()
    assert write_csv(rows, buf) == len(rows)
    back = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert [r["predicate"] for r in back] == [r["predicate"] for r in rows]
    buf = io.StringIO()
    write_jsonl(rows, buf)
    assert [json.loads(line)["certainty"] for line in buf.getvalue().splitlines()] == \
        [r["certainty"] for r in rows]


def test_repeatable_events_contradict_only_at_the_same_time():
    """'He wrote' in one source and 'he did not write' in another are two occasions, not a conflict;
    an execution asserted and denied is one."""
    from witness.claims import find_contradictions
    from witness.claims.timeline import ClaimItem
    from witness.model import Claim, Span

    def item(doc, pred, cert, date=None):
        return ClaimItem(Claim("x-person", pred, None, date, None, cert, None, Span(0, 1)), doc, doc, "1950", "q")
    kinds = lambda items: [(c.kind, c.outlier.claim.predicate) for c in find_contradictions(items)]
    assert kinds([item("a", "wrote", "asserted"), item("b", "wrote", "denied")]) == []
    assert kinds([item("a", "arrested", "asserted", "1937"), item("b", "arrested", "denied", "1938")]) == []
    assert kinds([item("a", "arrested", "asserted", "1937-05"), item("b", "arrested", "denied", "1937")]) \
        == [("asserted-vs-denied", "arrested")]
    assert kinds([item("a", "executed", "asserted"), item("b", "executed", "denied")]) \
        == [("asserted-vs-denied", "executed")]
    assert kinds([item("a", "executed", "asserted"), item("a", "executed", "denied")]) == [], \
        "one source against another"


def test_a_death_contradicts_only_another_sources_later_claims():
    """claims.md: "another source's `died` claim" — one text's own narrative (its death claim
    and its later events, however dated) is not a contradiction between sources."""
    def item(doc, predicate, date, certainty="asserted"):
        return ClaimItem(Claim("petrov", predicate, None, date, None, certainty, None, Span(0, 5)),
                         doc, doc.upper(), "1950", "words")
    same = [item("a", "executed", "1937"), item("a", "wrote", "1939")]
    assert find_contradictions(same) == []
    other = same + [item("b", "released", "1940")]
    found = find_contradictions(other)
    assert [(c.kind, c.outlier.document_id, c.consensus.sources) for c in found] == \
        [("alive-after-death", "b", ["a"])]


def test_a_denial_at_another_time_does_not_contradict_a_once_event():
    """shachtma-1940-09-murder1: Trotsky "almost murdered" on 24 May 1940 (denied) is no
    contradiction of his murder in August 1940; an undated denial still is."""
    def item(doc, date, certainty):
        return ClaimItem(Claim("trotsky", "died", None, date, None, certainty, None, Span(0, 5)),
                         doc, doc.upper(), "1940", "words")
    murdered = item("a", "1940-08-20", "asserted")
    assert find_contradictions([murdered, item("b", "1940-05-24", "denied")]) == []
    assert [c.kind for c in find_contradictions([murdered, item("c", None, "denied")])] == ["asserted-vs-denied"]
    assert [c.kind for c in find_contradictions([murdered, item("d", "1940-08", "denied")])] == ["asserted-vs-denied"]


def test_an_outlier_is_flagged_once_against_the_consensus():
    """Issue 18: a denial against 3 sources asserting the same death is ONE contradiction, the
    denial against the 3 (not three copies); a misdated death stands against the others' year."""
    from witness.archive.views import contradiction_views, timeline_rows

    def item(doc, predicate, date, certainty="asserted"):
        return ClaimItem(Claim("lenin", predicate, None, date, None, certainty, None, Span(0, 5)),
                         doc, doc.upper(), "1950", f"words of {doc}")
    asserted = [item(f"s{i}", "died", "1924-01-21") for i in range(3)]
    denial = item("d", "died", None, "denied")
    found = find_contradictions(asserted + [denial])
    assert len(found) == 1
    c = found[0]
    assert c.outlier is denial and c.against == 3 and c.consensus.sources == ["s0", "s1", "s2"]
    assert c.consensus.date == "1924-01-21" and c.others == []
    assert c.reason == "died: denied here, asserted by 3 other sources"

    # a year most sources agree on, and one source giving another: that one is the outlier
    misdated = item("m", "died", "1882")
    found = find_contradictions([item("a", "died", "1881-03"), item("b", "died", "1881-03-13"),
                                 item("c", "died", "1881"), misdated])
    assert [(c.kind, c.outlier.document_id, c.against, c.consensus.date) for c in found] == \
        [("date", "m", 3, "1881-03")]

    death = item("x", "died", "1887")
    later = [item("w1", "wrote", "1920"), item("w2", "wrote", "1905"), item("r", "released", "1900")]
    found = find_contradictions([death] + later)
    assert sorted((c.kind, c.outlier.document_id) for c in found) == \
        [("alive-after-death", "r"), ("alive-after-death", "w1"), ("alive-after-death", "w2")]
    # In a timeline the outlier and the claim it stands against are flagged.
    indexed = list(enumerate([death] + later))
    rows, by_claim = timeline_rows(indexed)
    views = contradiction_views(found, by_claim, lambda _: "Lenin")
    assert [v.against for v in views] == [1, 1, 1]
    assert all(r.contradicted for r in rows)


def test_sources_are_counted_once_per_text():
    """Duplicate texts (the same article stored twice) are one source: they do not outvote others."""
    def item(doc, date):
        return ClaimItem(Claim("x", "died", None, date, None, "asserted", None, Span(0, 5)), doc, doc, "1950", "w")
    items = [item("a", "1918-06"), item("a-copy", "1918-06"), item("d", "1918-06"),
             item("b", "1918-09"), item("c", "1918-09")]
    # as five sources: June has three, September two — the September claims are the outliers
    assert sorted((c.kind, c.outlier.document_id, c.against) for c in find_contradictions(items)) == \
        [("date", "b", 3), ("date", "c", 3)]
    # with the copy counted as its original, June and September have two each: no consensus finer than 1918
    assert find_contradictions(items, source_of=lambda d: "a" if d == "a-copy" else d) == []


def test_the_authority_file_breaks_a_tie_and_can_be_the_outlier():
    def item(doc, date):
        return ClaimItem(Claim("v", "died", None, date, None, "asserted", None, Span(0, 5)), doc, doc, "1950", "w")
    authority = StandInAuthority({"v": StandIn("1918-06-20", "assassinated")})
    found = find_contradictions([item("a", "1918-06-20"), item("b", "1918-09")], authority)
    assert [(c.kind, c.outlier.document_id, c.against) for c in found] == [("date", "b", 2)]
    found = find_contradictions([item("a", "1919"), item("b", "1919"), item("c", "1919")], authority)
    assert [(c.kind, c.outlier, c.against) for c in found] == [("authority", None, 3)]
    # one source alone against the authority, in the same year (arnot-page-1937-russ-rev-2-03: "In the
    # beginning of September 1918, Uritsky and Volodarsky … were assassinated"; Volodarsky died in June)
    found = find_contradictions([item("b", "1918-09")], authority)
    assert [(c.kind, c.outlier.document_id, c.consensus.date) for c in found] == [("date", "b", "1918-06-20")]
    assert find_contradictions([item("b", "1918-06")], authority) == []


def test_a_document_correcting_its_own_account():
    """fitzgerald-1908-paris_prisoners: the quoted officer's account, then "(This is incorrect. …)"."""
    def item(start, certainty, quote, obj=None):
        return ClaimItem(Claim("thomas", "arrested", obj, None, None, certainty, "the officer" if certainty == "reported" else None,
                               Span(start, start + 10)), "doc", "Doc", "1908", quote)
    account = item(0, "reported", "he was General Clement Thomas, who had been arrested in the Rue Pigalle")
    fix = item(200, "asserted", "This is incorrect. General Clement Thomas was caught … and was arrested as a spy.")
    found = find_contradictions([account, fix])
    assert [(c.kind, c.outlier is account, c.consensus.example is fix) for c in found] == \
        [("self-correction", True, True)]


def test_a_dated_assertion_is_shown_against_a_denial():
    def item(doc, date, certainty):
        return ClaimItem(Claim("lenin", "died", None, date, None, certainty, None, Span(0, 5)),
                         doc, doc.upper(), "1950", "words")
    found = find_contradictions([item("a", None, "asserted"), item("b", "1924-01-21", "asserted"),
                                 item("c", None, "denied")])
    assert [(c.outlier.document_id, c.consensus.example.document_id, c.against) for c in found] == [("c", "b", 2)]


def test_a_claim_resting_on_a_pronoun_is_not_flagged():
    """hallas-works-1976-09-su1: "he wrote, in … 1931" resolved to Lenin (dead since 1924) must not
    stand against the sources: only a sentence naming its subject can be an outlier."""
    def item(doc, predicate, date, quote):
        return ClaimItem(Claim("lenin", predicate, None, date, None, "asserted", None, Span(0, 5)), doc, doc, "1976", quote)
    items = [item("a", "died", "1924-01-21", "Lenin died on 21 January 1924."),
             item("b", "died", "1924-01", "the death of Lenin in January 1924"),
             item("c", "wrote", "1931", "he wrote, in a major theoretical article in 1931")]
    named = lambda it: "lenin" in it.quote.casefold()
    assert [c.kind for c in find_contradictions(items)] == ["alive-after-death"]
    assert find_contradictions(items, named=named) == []


def test_a_denied_execution_does_not_deny_a_death_of_another_manner():
    """Molotov "was not executed" (he died in 1986) against a source saying he died: no
    contradiction; against a source saying he was executed: one (judged whole-corpus artefacts)."""
    def item(doc, predicate, certainty):
        return ClaimItem(Claim("m", predicate, None, None, None, certainty, None, Span(0, 5)), doc, doc, "1990", "w")
    assert find_contradictions([item("a", "executed", "denied"), item("b", "died", "asserted")]) == []
    found = find_contradictions([item("a", "executed", "denied"), item("b", "executed", "asserted")])
    assert [(c.kind, c.outlier.document_id) for c in found] == [("asserted-vs-denied", "a")]
    found = find_contradictions([item("a", "died", "denied"), item("b", "executed", "asserted")])
    assert [(c.kind, c.outlier.document_id) for c in found] == [("asserted-vs-denied", "a")]


def test_loose_correction_words_are_not_a_self_correction():
    """Judged artefacts (2026-12-06): "it is not true that …" denies what follows, "hoped it was
    not true." and "this is a mistake on their part" correct nothing, "here we should read:" is a
    gloss; "(This is incorrect. …" and "That was not true." still correct the account before them."""
    def item(start, certainty, quote):
        return ClaimItem(Claim("s", "wrote", None, None, None, certainty, None, Span(start, start + 10)),
                         "doc", "Doc", "1908", quote)
    account = item(0, "reported", "Strasser wrote a similar text")
    for loose in ("The party, Strasser wrote, must be centralized: “it is not true that nations can live side by side.",
                  "I wrote to him that I had heard he was dead, but hoped it was not true.",
                  "They have not read what he wrote – this is a mistake on their part.",
                  "(Lenin wrote this article for the legal Svesda; here we should read: under the conditions …)"):
        assert find_contradictions([account, item(100, "asserted", loose)]) == [], loose
    for fix in ("That was not true. Strasser wrote it in 1913.", "(This is incorrect. Strasser wrote nothing.)"):
        assert [c.kind for c in find_contradictions([account, item(100, "asserted", fix)])] == ["self-correction"]


def test_a_denied_writing_contradicts_only_the_same_work():
    """lenin: "wrote nothing more against the Narodniks" (1895) is no denial of the draft programme
    he wrote in prison in 1895: a repeatable event told apart by its object needs both objects."""
    def item(doc, obj, certainty):
        return ClaimItem(Claim("lenin", "wrote", obj, "1895", None, certainty, None, Span(0, 5)), doc, doc, "1950", "w")
    assert find_contradictions([item("a", None, "denied"), item("b", "the draft programme", "asserted")]) == []
    assert find_contradictions([item("a", "the draft programme", "denied"), item("b", None, "asserted")]) == []
    found = find_contradictions([item("a", "The Draft Programme", "denied"), item("b", "the draft programme", "asserted")])
    assert [(c.kind, c.outlier.document_id) for c in found] == [("asserted-vs-denied", "a")]
    # an arrest has no such object: a denial at the same time still contradicts
    arrest = [ClaimItem(Claim("x", "arrested", None, "1937", None, c, None, Span(0, 5)), d, d, "1950", "w")
              for d, c in (("a", "denied"), ("b", "asserted"))]
    assert [c.kind for c in find_contradictions(arrest)] == ["asserted-vs-denied"]


def test_a_date_one_day_off_is_not_flagged():
    """The attack and the death (Trotsky struck on 20 August 1940, dead on the 21st), a slip of a
    day converting Old Style: judged trivial; two days off (Sverdlov, 16 vs 18 March 1919) is shown."""
    def item(doc, date):
        return ClaimItem(Claim("t", "died", None, date, None, "asserted", None, Span(0, 5)), doc, doc, "1950", "w")
    agreeing = [item("a", "1940-08-21"), item("b", "1940-08-21")]
    assert find_contradictions(agreeing + [item("c", "1940-08-20")]) == []
    found = find_contradictions(agreeing + [item("c", "1940-08-19")])
    assert [(c.kind, c.outlier.document_id) for c in found] == [("date", "c")]


def test_a_denial_written_before_the_event_does_not_contradict_it():
    """trotsky-1938: "This is why Rakovsky's life has been spared" (1938); he was shot in 1941."""
    def item(doc, date, certainty, written):
        return ClaimItem(Claim("r", "executed", None, date, None, certainty, None, Span(0, 5)), doc, doc, written, "w")
    spared = item("t", None, "denied", "1938-03")
    assert find_contradictions([spared, item("a", "1941-09-11", "asserted", "1990"),
                                item("b", "1941", "asserted", "1970")]) == []
    # a later account, or an execution dated before the denial was written, is still contradicted
    assert [c.kind for c in find_contradictions([item("t", None, "denied", "1942"),
                                                 item("a", "1941-09-11", "asserted", "1990")])] == ["asserted-vs-denied"]
    assert [c.kind for c in find_contradictions([spared, item("a", "1937", "asserted", "1990")])] == ["asserted-vs-denied"]
