"""What a source marks itself (an edition's persName/@ref, its sic/corr) survives the later
stages: the NLP adds only where the source marks nothing, re-checking keeps reader findings."""

from witness.checks import refresh_findings
from witness.model import Document, Entity, Finding, Mention, Record, Source
from witness.nlp import keep_given


def _doc(text, **kw):
    return Document("d", Source("d.xml", "tei", "0"), Record(), text, **kw)


def test_nlp_adds_only_where_the_source_marks_nothing():
    doc = _doc("Wien, 3. März. Karl Kraus schrieb an Hermann Bahr.",
               mentions=[Mention(15, 25, "Karl Kraus", "person", "gnd-118566512", origin="tei")],
               entities=[Entity("gnd-118566512", "person", "Karl Kraus", external={"gnd": "118566512"})])
    found = [Mention(0, 4, "Wien", "person", "wien"),            # free: added
             Mention(20, 25, "Kraus", "person", "kraus-x"),      # inside the edition's own: dropped
             Mention(38, 50, "Hermann Bahr", "person", "bahr")]  # free: added
    mentions, entities = keep_given(doc, found, [Entity("wien", "person", "Wien"),
                                                 Entity("kraus-x", "person", "Kraus"),
                                                 Entity("bahr", "person", "Hermann Bahr")])
    assert [(m.text, m.entity, m.origin) for m in mentions] == [
        ("Wien", "wien", None), ("Karl Kraus", "gnd-118566512", "tei"), ("Hermann Bahr", "bahr", None)]
    assert [e.id for e in entities] == ["gnd-118566512", "wien", "bahr"]
    assert entities[0].external == {"gnd": "118566512"}


def test_without_source_marks_the_nlp_result_is_taken_whole():
    doc = _doc("Karl Kraus", mentions=[Mention(0, 10, "Karl Kraus", "person", "old")])
    found = [Mention(0, 10, "Karl Kraus", "person", "new")]
    assert keep_given(doc, found, [Entity("new", "person", "K")])[0] == found


def test_rechecking_keeps_the_readers_findings():
    doc = _doc("The the cat.", findings=[
        Finding("tei-sic", "info", 4, 7, "the source marks it as printed", "cat")])
    out = refresh_findings(doc)
    assert any(f.rule == "tei-sic" for f in out)
    assert any(f.rule == "doubled-word" for f in out)   # and the checks ran
    again = refresh_findings(_doc(doc.text, findings=out))
    assert sorted(f.rule for f in again) == sorted(f.rule for f in out)  # no duplicates
