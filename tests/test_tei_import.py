"""TEI in as faithfully as TEI out (issue 14): an edition's own encoding survives ingest.

Fixtures in tests/fixtures/tei/ are hand-made in the shape of the public projects named in each
file (a correspondence edition, a critical edition, an ELTeC novel); the section "on real files"
reads unmodified real files (tests/fixtures/tei-real/, SOURCES.md); `test_real_editions` reads
the real files of bench/tei_fidelity.py when WITNESS_TEI_BENCH points at them (docs/tei.md).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from lxml import etree

from witness.checks import refresh_findings
from witness.export.tei import TEI_NS, to_tei
from witness.ingest.base import Decline, RawInput
from witness.ingest.tei import read

FIX = Path(__file__).resolve().parent / "fixtures" / "tei"
SCHEMA = Path(os.environ.get("WITNESS_SHARED", Path(__file__).resolve().parents[2] / "shared")) \
    / "schemas" / "tei_all.rng"
NS = {"t": TEI_NS}


def raw(data: bytes, rel: str = "tei/doc.xml") -> RawInput:
    return RawInput(Path(rel), rel, data, hashlib.sha256(data).hexdigest())


def fixture(name: str):
    return read(raw((FIX / name).read_bytes(), f"tei/{name}"))


@pytest.fixture(scope="module")
def schema():
    if not SCHEMA.exists():
        pytest.skip(f"TEI schema not found at {SCHEMA}")
    return etree.RelaxNG(etree.parse(str(SCHEMA)))


def round_trips(doc) -> bool:
    out = to_tei(doc)
    back = read(raw(out))
    same = all(getattr(back, f) == getattr(doc, f)
               for f in ("text", "record", "notes", "mentions", "entities", "variants", "findings"))
    back.id, back.source = doc.id, doc.source
    return same and to_tei(back) == out


# ------------------------------------------------------------------ a letter of an edition

def test_correspondence_header_feeds_the_record():
    r = fixture("correspondence.xml").record
    # the letter's own title, not the series' (level s) nor the iso-date "title"
    assert r.title == "Richard Beer-Hofmann an Arthur Schnitzler, 4. 11. 1904"
    assert r.authors == ["Beer-Hofmann, Richard"]          # idno numbers are not part of a name
    assert (r.written, r.written_text, r.written_place) == ("1904-11-04", "4. 11. 1904", "Rodaun")
    assert r.addressees == ["Schnitzler, Arthur"]
    assert (r.date, r.publisher) == ("1992", "Europaverlag")   # first printed in the Briefwechsel
    assert r.language == "de-AT" and r.rights == "CC BY 4.0"


def test_back_matter_lists_are_entities_not_text():
    doc = fixture("correspondence.xml")
    assert "48.2" not in doc.text and "geonames" not in doc.text and "Charolais" not in doc.text
    assert doc.text.endswith("Herzlichst Ihr\n\nRichard")
    ids = {e.id: e for e in doc.entities}
    assert ids["gnd-118609807"].name == "Arthur Schnitzler"           # listPerson, keyed by its GND
    assert ids["geonames-2761369"].type == "place"
    assert ids["pmb-30001"].type == "work"                           # listBibl in back
    assert ids["gnd-118508288"].born == "1866-07-11"


def test_ref_mentions_are_linked_by_the_editions_reference():
    doc = fixture("correspondence.xml")
    by_text = {doc.text[m.start:m.end]: m for m in doc.mentions}
    assert all(m.origin == "tei" for m in doc.mentions)
    assert (by_text["Wien"].type, by_text["Wien"].entity) == ("place", "geonames-2761369")
    assert by_text["Hermann Bahr"].entity == "gnd-118505408"        # a GND URI
    assert by_text["Olga"].entity == "wikidata-Q215"                # a Wikidata URI
    assert by_text["Schnitzler"].entity == "gnd-118609807"          # #pmb2121 → its entry's GND
    assert by_text["Rodaun"].entity == "pmb-173"                    # an id that is a PMB number


def test_internal_entities_are_expanded():
    doc = fixture("correspondence.xml")
    assert "im Café sei" in doc.text
    assert doc.record.publisher == "Europaverlag"


def test_choices_keep_both_sides():
    doc = fixture("correspondence.xml")
    sides = {(doc.text[v.start:v.end], v.kind, v.readings[0].text, v.readings[0].type) for v in doc.variants}
    assert sides == {("niemnad", "sic", "niemand", "corr"), ("Hrn.", "orig", "Herrn", "reg"),
                     ("Dr.", "abbr", "Doktor", "expan")}
    # the printed side is the text; the sic/corr pair is also a finding, and checks keep it
    doc.findings = refresh_findings(doc)
    sic = [f for f in doc.findings if f.rule == "tei-sic"]
    assert len(sic) == 1 and sic[0].suggestion == "niemand"


def _through_the_nlp(doc):
    """(the edition's linked spans before, the TEI-origin linked spans after, the annotated
    document): what a default ingest does to an edition's own links."""
    pytest.importorskip("spacy")
    from witness.annotate import annotate
    doc.findings = refresh_findings(doc)
    before = {(m.start, m.end, m.entity) for m in doc.mentions if m.entity}
    doc = annotate(doc)
    after = {(m.start, m.end, m.entity) for m in doc.mentions if m.origin == "tei" and m.entity}
    return before, after, doc


def test_a_default_ingest_keeps_the_editions_links(tmp_path):
    before, after, doc = _through_the_nlp(fixture("correspondence.xml"))
    assert after == before and len(before) == 6                     # every @ref link survives
    wien = next(m for m in doc.mentions if doc.text[m.start:m.end] == "Wien")
    assert wien.type == "place"                                     # never guessed as a person
    assert any(f.rule == "tei-sic" for f in doc.findings)
    linked = {m.entity for m in doc.mentions if m.entity}
    assert linked <= {e.id for e in doc.entities}


def _exported(doc, schema):
    """The document's TEI export, after asserting it valid against TEI All and round-tripping."""
    out = to_tei(doc)
    assert schema.validate(etree.fromstring(out)), schema.error_log
    assert round_trips(doc)
    return etree.fromstring(out)


def test_letter_exports_valid_and_round_trips(schema):
    tree = _exported(fixture("correspondence.xml"), schema)
    assert tree.xpath("//t:persName[@source='#w-origin.tei']", namespaces=NS)
    assert tree.xpath("//t:correspAction[@type='received']/t:persName/text()", namespaces=NS) == \
        ["Schnitzler, Arthur"]


# ------------------------------------------------------------------ a critical apparatus

def test_apparatus_keeps_the_lemma_in_the_text():
    doc = fixture("apparatus.xml")
    assert doc.text == "πρὸς Ἀθηναίους δεισιδαιμονίας λέγει. Καὶ ἐλέγετο ἡ κυριακή πρώτη ἡμέρα."
    assert "δη δει σιδαιμονίας" not in doc.text                    # readings are not text
    first = doc.variants[0]
    assert doc.text[first.start:first.end] == "δεισιδαιμονίας" and first.lemma_wit == "#P"
    assert [(r.text, r.wit, r.type) for r in first.readings] == [
        ("δη δει σιδαιμονίας", "#V", None), ("δεισιδαιμωνίας", "#X", "orthographic")]
    deletion = doc.variants[1]                                       # an empty lemma
    assert deletion.start == deletion.end and deletion.readings[0].text == "τοῦ χρυσοστόμου"
    no_lem = doc.variants[2]                                         # no lem: the first reading is the text
    assert doc.text[no_lem.start:no_lem.end] == "ἐλέγετο" and no_lem.readings[0].text == "ἐλέγε τον"
    assert doc.notes[0].text == "ergänzt"


def test_apparatus_exports_as_app_lem_rdg(schema):
    apps = _exported(fixture("apparatus.xml"), schema).xpath("//t:standOff/t:listApp/t:app", namespaces=NS)
    assert len(apps) == 4
    assert apps[0].xpath("string(t:lem)", namespaces=NS) == "δεισιδαιμονίας"
    assert apps[0].xpath("t:rdg/@wit", namespaces=NS) == ["#V", "#X"]


# ------------------------------------------------------------------ sourceDesc, encodings

def test_every_source_bibl_counts_first_edition_first():
    r = fixture("novel-two-bibls.xml").record
    assert (r.date, r.publisher) == ("1870", "Bentley")             # not the digital source's 2004
    assert r.authors == ["Broughton, Rhoda"]                        # no idno, no life dates


def _tiny(title: str, body: str = "<p>Text.</p>", decl: str = "UTF-8") -> str:
    return (f'<?xml version="1.0" encoding="{decl}"?><TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt>'
            f"<title>{title}</title></titleStmt></fileDesc></teiHeader><text><body>{body}</body></text></TEI>")


@pytest.mark.parametrize("codec, name", [("utf-16", "utf-16"), ("utf-16-le", "utf-16le")])
def test_utf16_is_read(codec, name):
    data = _tiny("Über Café", decl="UTF-16").encode(codec)   # "utf-16" writes a BOM, -le does not
    doc = read(raw(data))
    assert doc.record.title == "Über Café" and doc.text == "Text."
    assert doc.source.encoding == name


def test_a_wrong_encoding_declaration_loses_to_the_bytes():
    doc = read(raw(_tiny("Über Café", decl="ISO-8859-1").encode("utf-8")))
    assert doc.record.title == "Über Café" and doc.source.encoding == "utf-8"
    latin = read(raw(_tiny("Über Café", decl="ISO-8859-1").encode("latin-1")))
    assert latin.record.title == "Über Café" and latin.source.encoding == "iso-8859-1"


@pytest.mark.parametrize("body, kept", [
    ('<p xml:id="1st">A paragraph whose id is not a name.</p>', "A paragraph whose id is not a name."),
    ("<p>An <hi>unclosed highlight.</p><p>Next paragraph.</p>", "Next paragraph."),
    ("<p>Fish & chips.</p>", "Fish"),
])
def test_recoverable_damage_is_read_with_a_finding(body, kept):
    doc = read(raw(_tiny("Damaged", body).encode()))
    assert kept in doc.text
    assert doc.findings[0].rule == "tei-recovered" and doc.findings[0].severity == "warning"
    assert refresh_findings(doc)[0].rule == "tei-recovered"          # the checks keep it


# ------------------------------------------------------------------ hostile XML stays declined

def test_billion_laughs_is_declined():
    lol = ('<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY a "lollollollollollollollollollol">'
           + "".join(f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(9))
           + f']><TEI xmlns="{TEI_NS}"><teiHeader/><text><body><p>&j;</p></body></text></TEI>')
    with pytest.raises(Decline, match="limits|not well-formed"):
        read(raw(lol.encode()))


def test_external_entities_and_xinclude_are_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY x SYSTEM "file://{secret}">]>'
           f'<TEI xmlns="{TEI_NS}"><teiHeader/><text><body><p>a&x;b</p>'
           f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://{secret}" parse="text"/>'
           f"</body></text></TEI>")
    try:
        doc = read(raw(xxe.encode()))
    except Decline:
        return                                                       # declining is fine too
    assert "TOP-SECRET" not in doc.text and "TOP-SECRET" not in str(doc.to_json())


def test_depth_beyond_the_limit_is_declined():
    deep = f'<TEI xmlns="{TEI_NS}"><teiHeader/><text><body>' + "<div>" * 300_000 + "</div>" * 300_000 \
        + "</body></text></TEI>"
    with pytest.raises(Decline, match="limits"):
        read(raw(deep.encode()))


# ------------------------------------------------------------------ the real editions

BENCH = os.environ.get("WITNESS_TEI_BENCH")


@pytest.mark.skipif(not BENCH or not Path(BENCH).is_dir(),
                    reason="WITNESS_TEI_BENCH (the folder of real TEI files, docs/tei.md) not set")
def test_real_editions(schema):
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import tei_fidelity
    rows = [tei_fidelity.measure(f, Path(BENCH), schema, nlp=False) for f in sorted(Path(BENCH).rglob("*.xml"))]
    read_rows = [r for r in rows if r["status"] == "read"]
    assert len({r["project"] for r in rows}) >= 5 and len(rows) >= 25
    assert all(r["status"] == "read" or r["status"].startswith("declined: ") for r in rows)
    assert all(0.95 <= r["ratio"] <= 1.05 for r in read_rows if r["ratio"] is not None)
    assert all(r["valid"] and r["trip"] for r in read_rows)
    refs = sum(r["refs"] for r in read_rows)
    assert refs and sum(r["refs_kept"] for r in read_rows) >= 0.95 * refs


# ------------------------------------------------------------------ on real files
# Unmodified files from three public projects, sources and licences in
# tests/fixtures/tei-real/SOURCES.md: two schnitzler-briefe letters, a PTA critical edition,
# two of the TEI Consortium's test files.

REAL = Path(__file__).resolve().parent / "fixtures" / "tei-real"


def real(name: str):
    return read(raw((REAL / name).read_bytes(), f"tei/{name}"))


def test_real_letters_correspdesc_feeds_the_record():
    r = real("L00761.xml").record
    # the letter's own title (level a), not the series' (level s)
    assert r.title == "Hugo von Hofmannsthal an Arthur Schnitzler, [10.? 1. 1898]"
    assert r.authors == ["Hofmannsthal, Hugo von"]                   # correspAction[@type=sent]
    assert (r.written, r.written_text, r.written_place) == ("1898-01-10", "[10.? 1. 1898]", "Wien")
    assert r.addressees == ["Schnitzler, Arthur"]                    # correspAction[@type=received]
    assert r.rights == "CC BY 4.0"                                   # the licence's target, not its deed
    r = real("L01466.xml").record
    assert (r.title, r.authors) == ("Richard Beer-Hofmann an Arthur Schnitzler, 4. 11. 1904",
                                    ["Beer-Hofmann, Richard"])
    assert (r.written, r.written_place, r.addressees) == ("1904-11-04", "Rodaun", ["Schnitzler, Arthur"])


def test_real_letter_refs_become_linked_mentions():
    doc = real("L00761.xml")
    linked = [(doc.text[m.start:m.end], m.type, m.entity) for m in doc.mentions if m.entity]
    assert ("Brahm", "person", "pmb-10986") in linked
    assert ("Deutschen Theater", "place", "pmb-3") in linked
    assert ("Kaiser und Hexe", "work", "pmb-32240") in linked          # a work's rs, keyed by PMB
    assert [e for t, _, e in linked if t == "Sorma"] == ["pmb-2299", "pmb-2299"]
    assert all(m.origin == "tei" for m in doc.mentions)
    ids = {e.id: e for e in doc.entities}
    assert {e for _, _, e in linked} <= set(ids)                     # every link has its entity
    assert (ids["pmb-10986"].name, ids["pmb-10986"].born) == ("Otto Brahm", "1856-02-05")
    # the edition's transcribed spaces keep words apart
    assert "gefällt Brahm nicht sehr (offenbar) und er wird es nicht spielen." in doc.text


def test_real_letter_back_matter_feeds_entities_not_text():
    for name in ("L00761.xml", "L01466.xml"):
        doc = real(name)
        for index_only in ("pmb", "d-nb.info", "http", "53,55055", "48,208333", "Hamburg", "1856-02-05"):
            assert index_only not in doc.text, (name, index_only)
        assert len(doc.text) < 600                                    # the letter, not its 6× index
    doc = real("L00761.xml")
    assert doc.text.endswith("Ihr\n\nHugo.")
    ids = {e.id: e for e in doc.entities}
    # listPerson keyed by its GND idno, surname-first parts said forename first
    assert (ids["gnd-118609807"].name, ids["gnd-118609807"].type) == ("Arthur Schnitzler", "person")
    assert ids["pmb-11740"].died == "1929-07-15"                     # the sender, only in the index
    assert ids["pmb-50"].type == "place" and "Vienna" in ids["pmb-50"].aliases
    assert ids["pmb-29849"].type == "work"                           # listBibl in back
    assert "Brahm" in doc.notes[0].text                               # the commentary is a note


def test_real_letter_links_survive_a_default_ingest():
    before, after, doc = _through_the_nlp(real("L00761.xml"))
    assert after == before and len(before) == 7                      # every @ref link survives NLP
    spans = [(m.start, m.end) for m in doc.mentions]
    assert len(spans) == len(set(spans))                              # NLP adds nothing on top of them
    assert {m.entity for m in doc.mentions if m.entity} <= {e.id for e in doc.entities}


def test_real_letter_exports_valid_and_round_trips(schema):
    doc = real("L00761.xml")
    tree = _exported(doc, schema)
    assert tree.xpath("//t:correspAction[@type='received']/t:persName/text()", namespaces=NS) == \
        ["Schnitzler, Arthur"]
    assert "Hofmannsthal, Hugo von" in tree.xpath("//t:titleStmt/t:author/text()", namespaces=NS)
    assert tree.xpath("//t:persName[@key='pmb-10986'][@source='#w-origin.tei']/text()", namespaces=NS) \
        == ["Brahm"]


def test_real_apparatus_keeps_the_lemma_and_readings_apart():
    doc = real("pta0039.pta001.pta-grc1.xml")
    assert len(doc.variants) == 26 and all(v.kind == "app" for v in doc.variants)
    assert "ἑλέγε τον" not in doc.text and "δίδει" not in doc.text   # readings are not text
    by_lemma = {doc.text[v.start:v.end]: v for v in doc.variants}
    assert [(r.text, r.wit) for r in by_lemma["ἐλέγετο"].readings] == [("ἑλέγε τον", "#P")]
    assert [(r.text, r.wit) for r in by_lemma["δίδωσι"].readings] == [("δίδει", "#P")]
    omitted = by_lemma["σχολάσατε καὶ γνῶτε"]                        # a supplied lemma, P omits it
    assert [(r.text, r.type) for r in omitted.readings] == [("", "omission")]
    title = doc.variants[0]                                           # an empty lemma: P's added title
    assert title.start == title.end == 0 and title.readings[0].text.startswith("Τοῦ ἐν ἁγίοις πατρὸς")
    assert not doc.text.startswith("Τοῦ") and doc.text.startswith("Ἀκούσατε, ἀδελφοὶ")
    assert doc.record.rights == "CC BY 4.0"
    # the editor's notes on apparatus entries are notes at their lemma
    note = next(n for n in doc.notes if n.text == "ergänzt nach versio B und Bibeltext")
    assert note.start == omitted.end


def test_real_apparatus_exports_as_app_lem_rdg(schema):
    apps = _exported(real("pta0039.pta001.pta-grc1.xml"), schema).xpath(
        "//t:standOff/t:listApp/t:app", namespaces=NS)
    assert len(apps) == 26
    lems = [(a.xpath("string(t:lem)", namespaces=NS), a.xpath("string(t:rdg)", namespaces=NS)) for a in apps]
    assert ("ἐλέγετο", "ἑλέγε τον") in lems and ("δίδωσι", "δίδει") in lems
    assert all(a.xpath("t:rdg/@wit", namespaces=NS) == ["#P"] for a in apps)


def test_real_choice_keeps_both_sides():
    # The Consortium's P4-compatibility test: <choice><corr>hell</corr><sic>Hello</sic></choice>
    doc = real("testp4compat.xml")
    assert doc.text == "Test\n\nHello"                               # the printed side is the text
    assert [(doc.text[v.start:v.end], v.kind, [(r.text, r.type) for r in v.readings])
            for v in doc.variants] == [("Hello", "sic", [("hell", "corr")])]
    doc.findings = refresh_findings(doc)                              # and the checks keep it
    assert [(f.rule, f.suggestion) for f in doc.findings if f.rule == "tei-sic"] == [("tei-sic", "hell")]


def test_real_corpus_with_an_internal_subset_is_declined_with_a_reason():
    # testcorpus.xml: a teiCorpus, an internal DTD subset and an external DTD that is never fetched
    with pytest.raises(Decline, match="teiCorpus holds several documents"):
        real("testcorpus.xml")
