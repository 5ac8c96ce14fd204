"""Transcription checks: each rule on small documents written here (a positive and a negative
case at least), the registry and runner, and the seed in both its forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from witness.checks import RULES, Rule, run_checks
from witness.checks.base import rule
from witness.checks.text import repair_mojibake
from witness.model import Document, Finding, Note, Record, Source

ENGLISH = ("This is the body of a document that is written in English, and it was read from "
           "a page of the archive by the reader for the purpose of these tests. ")


def doc(text: str, *, record: Record | None = None, notes=None, extra=None,
        pad: bool = True) -> Document:
    # Padding with plain English keeps the language guard (English-only rules) satisfied.
    body = (ENGLISH + "\n\n" + text) if pad else text
    return Document("t", Source("t.txt", "text", "0"), record or Record(), body,
                    notes=notes or [], extra=extra or {})


def found(d: Document, rule_id: str) -> list[Finding]:
    return run_checks(d, rules=[rule_id])


def spans(d: Document, rule_id: str) -> list[str]:
    return [d.text[f.start:f.end] for f in found(d, rule_id)]


# --------------------------------------------------------------------------- registry

def test_registry_holds_every_rule_of_the_spec():
    expected = {"doubled-word", "unbalanced-bracket", "unbalanced-quote", "date-conflict",
                "mojibake", "broken-hyphenation", "broken-note", "empty-field", "agreement"}
    assert expected <= set(RULES)
    # The people rules plug in through the context: never run without an authority.
    for people_rule in ("date-after-death", "name-variant"):
        if people_rule in RULES:
            assert "authority" in RULES[people_rule].needs
    for r in RULES.values():
        assert isinstance(r, Rule) and r.severity in ("error", "warning", "info")


def test_findings_sorted_by_start_and_unknown_rule_refused():
    d = doc("a the the b. (open\n\nc of of d")
    out = run_checks(d)
    assert [f.start for f in out] == sorted(f.start for f in out)
    assert {f.rule for f in out} >= {"doubled-word", "unbalanced-bracket"}
    with pytest.raises(KeyError):
        run_checks(d, rules=["no-such-rule"])


def test_rule_needing_context_is_skipped_without_it_and_runs_with_it():
    @rule("test-needs-authority", "info", "test only", needs=("authority",))
    def _needs(d, ctx):
        yield Finding("test-needs-authority", "info", 0, 0, f"saw {ctx['authority']}")

    try:
        d = doc("Nothing wrong here.")
        assert not [f for f in run_checks(d) if f.rule == "test-needs-authority"]
        got = run_checks(d, context={"authority": "A"})
        assert [f.message for f in got if f.rule == "test-needs-authority"] == ["saw A"]
    finally:
        del RULES["test-needs-authority"]


# --------------------------------------------------------------------------- doubled-word

def test_doubled_word_found_with_fix_and_case_insensitive():
    d = doc("the responsibility of of this comedy. The the party was there.")
    got = found(d, "doubled-word")
    assert [d.text[f.start:f.end] for f in got] == ["of of", "The the"]
    assert got[0].message == "“of of”: word repeated" and got[0].suggestion == "of"


def test_doubled_word_across_paragraph_break_counts():
    assert spans(doc("it was in the\n\nthe next day"), "doubled-word") == ["the\n\nthe"]


def test_doubled_words_of_a_long_text_found_across_its_pieces():
    """A long text is read by pieces of about a million characters (bounded memory): a doubling
    at every place a piece can end is still found, once."""
    filler = "the workers of the city went on strike " * 30_000       # ≈ 1.2 million characters
    text = filler + "against against the decree. " + filler + "in the\n\nthe end."
    got = spans(doc(text), "doubled-word")
    assert got == ["against against", "the\n\nthe"]
    # a doubling straddling the exact place the first piece is cut
    from witness.pieces import pieces
    cut = pieces(filler * 2, 1 << 20)[0][1]
    assert spans(doc(cut + cut.split()[-1] + " " + filler), "doubled-word") == \
        [f"{cut.split()[-1]} {cut.split()[-1]}"]


@pytest.mark.parametrize("text", [
    "He had had enough of it.",
    "He said that that was wrong.",
    "They hoped it would go away. It did not.",
    "From Walla Walla and Sing Sing he wrote.",
    "bye bye, said the boss",
    "the terror set in in Germany in March 1933",
    "what he was driving at at any moment",
    "not yet quite set” in in other productions",
    "one one-third of one per cent",
    "your friend A A. Heller wrote",
    "in 1937 1937 was a year",
    "what it has been fighting for for years",
    "work, work, work",
    "a million million pounds; all-too-human human; blah blah blah",
    "Measures Taken in Poland\n\nPOLAND: a series of measures",
])
def test_doubled_word_ignores_legitimate_doublings(text):
    assert found(doc(text), "doubled-word") == []


def test_doubled_word_skipped_on_non_english_text():
    german = ("Die Partei, die die Arbeiter führt, ist die Partei der Klasse und der Zukunft. "
              "Wir sagen, dass die Genossen mit der Partei gehen.")
    assert found(doc(german, pad=False), "doubled-word") == []
    assert found(doc("in the the house", record=Record(language="de")), "doubled-word") == []


# --------------------------------------------------------------------------- brackets

def test_unclosed_parenthesis_found():
    d = doc("rumors that Leon Sosnovsky has been shot. (Sosnovsky, the brilliant journalist, "
            "was appreciated. But nothing is known.\n\nNext (balanced) paragraph.")
    got = found(d, "unbalanced-bracket")
    assert len(got) == 1 and d.text[got[0].start] == "("
    assert "(Sosnovsky" in got[0].message


def test_closing_bracket_without_opening_found():
    got = found(doc("the period of the Commune ] was short."), "unbalanced-bracket")
    assert len(got) == 1 and "closing" in got[0].message


@pytest.mark.parametrize("text", [
    "We demand: 1) bread, 2) land, a) for all, b) now.",
    "3.) Experiences in mass struggle\n\nd.) The March Action",
    "(a) the workers; (b) the peasants; (c) the soldiers.",
    "Nested (brackets [like this] are fine) here.",
    "A long aside (which runs on\n\nuntil the next paragraph) closes there.",
    "4.0 )\n\n0.6 )",
    "in the fact (as the Kantians argue)5) that society; Railroad Tracks in Kilometers20)",
    "[Editor's note: this runs over\n\ntwo paragraphs\n\nand ends here.]",
])
def test_brackets_tolerant_of_lists_enumerations_and_tables(text):
    assert found(doc(text), "unbalanced-bracket") == []


# --------------------------------------------------------------------------- quotes

def test_unclosed_curly_quote_found():
    d = doc("He wrote: “The whole generation is condemned. Finished.\n\nAnother paragraph.")
    got = found(d, "unbalanced-quote")
    assert len(got) == 1 and d.text[got[0].start] == "“"


def test_stray_closing_quote_and_misused_closing_mark_found():
    d = doc("the workers were ready,” said he.\n\nHe preached ”socialism in one country” then.")
    got = found(d, "unbalanced-quote")
    assert len(got) == 2
    assert "no opening" in got[0].message
    assert got[1].suggestion == "“" and "used to open" in got[1].message


def test_odd_straight_quote_found():
    got = found(doc('He said "no to the war and left.'), "unbalanced-quote")
    assert len(got) == 1


@pytest.mark.parametrize("text", [
    "“The generation is condemned,” he said, “and ‘lost’ too.”",
    "The workers’ councils and Marx’s ideas, don’t forget O’Callaghan.",
    "“The first paragraph of a long quotation\n\n“goes on here\n\n“and ends here.”",
    "“A block quotation without reopening marks\n\nends in the next paragraph.”",
    'He said "no" and "yes".',
    "A pipe 12\" long, in the ‘70s and ‘tis so.",
    "the “sectarian group\". Mixed styles close each other.",
])
def test_quotes_tolerant_of_apostrophes_multi_paragraph_and_mixed_styles(text):
    assert found(doc(text), "unbalanced-quote") == []


# --------------------------------------------------------------------------- date-conflict

def test_date_conflict_heading_later_than_source():
    rec = Record(date="1937-08-28", date_text="28 August 1937", heading_date="1938-08",
                 heading_date_text="(August 1938)",
                 source_text="From Socialist Appeal, Vol. 1 No. 3, 28 August 1937, p. 9.")
    got = found(doc("Body.", record=rec), "date-conflict")
    assert len(got) == 1 and (got[0].start, got[0].end) == (0, 0)
    assert "(August 1938)" in got[0].message and "28 August 1937" in got[0].message


@pytest.mark.parametrize("heading,heading_text,date,source", [
    ("1937", "(1937)", "1937-08-28", "From Socialist Appeal, 28 August 1937."),
    ("1937-08", "(August 1937)", "1937-08-28", "From Socialist Appeal, 28 August 1937."),
    # earlier heading: written, then published later or reprinted
    ("1917-04", "(April 1917)", "1964", "Lenin, Collected Works, Vol. 24, Moscow 1964."),
    # a heading spanning two issues
    ("1930-07", "(June/July 1930)", "1930-06-21", "The Militant, 21 June 1930 and July 1930."),
    # the source's year is only the start of a book's span
    ("1925-02-13", "13 February 1925", "1920", "Selected Writings and Speeches, 1920-1928."),
    # the source line names the heading's year (a second edition)
    ("1975", "1975", "1970-06", "Solidarity Pamphlet 33, June 1970; 2nd edn., August 1975."),
])
def test_date_conflict_negative(heading, heading_text, date, source):
    rec = Record(date=date, heading_date=heading, heading_date_text=heading_text,
                 source_text=source)
    assert found(doc("Body.", record=rec), "date-conflict") == []


# --------------------------------------------------------------------------- mojibake

def test_mojibake_found_and_repaired():
    d = doc("the naivetÃ© of those who â€œinsistedâ€\x9d at HÃ¸nefoss, and Ð¯.")
    got = found(d, "mojibake")
    assert [f.suggestion for f in got] == ["é", "“", "”", "ø", "Я"]
    assert got[0].rule == "mojibake" and "é" in got[0].message


def test_mojibake_double_encoding_repaired():
    assert repair_mojibake("Ã‚Â©") == "©"


@pytest.mark.parametrize("text", [
    "Café, naïveté, Hønefoss, São Paulo, Ångström, Юрий, Ελλάδα.",
    "MACARONI’S ROYAL ITALIAN CAFÉ’ was there.",   # É’ is not a UTF-8 pair in disguise
    "Größe, Übermensch, façade, à «la» mode.",
])
def test_mojibake_negative(text):
    assert found(doc(text), "mojibake") == []


def test_lost_character():
    assert len(found(doc("a coup d'\ufffdtat"), "lost-character")) == 1
    assert found(doc("a coup d’état"), "lost-character") == []


# --------------------------------------------------------------------------- hyphenation

def test_broken_hyphenation_found_with_join():
    d = doc("The revo- lution will con- sider it.")
    got = found(d, "broken-hyphenation")
    assert [f.suggestion for f in got] == ["revolution", "consider"]
    assert "revo- lution" in got[0].message


def test_broken_hyphenation_keeps_hyphen_of_compounds():
    d = doc("Working-class families and working- class memory; non- industrial lands.")
    assert [f.suggestion for f in found(d, "broken-hyphenation")] == [
        "working-class", "non-industrial"]


def test_broken_hyphenation_uses_the_documents_own_words():
    d = doc("The Zinovievists were many. Some Zino- vievists left.")
    assert [f.suggestion for f in found(d, "broken-hyphenation")] == ["Zinovievists"]


@pytest.mark.parametrize("text", [
    "Both anti- and pro-war groups met; pre- or post-war.",
    "the party - the only one - spoke",
    "shared out- generally a level ground; the party- the only one",
    "the word- xqzt is gibberish",
])
def test_broken_hyphenation_negative(text):
    assert found(doc(text), "broken-hyphenation") == []


# --------------------------------------------------------------------------- markup

def test_stray_markup_found():
    d = doc("It cost &pound;60 a week.<</p> and <i>Pravda</i>")
    got = found(d, "stray-markup")
    assert [f.suggestion for f in got] == ["£", "", "", ""]


def test_stray_markup_negative():
    assert found(doc("Marx & Engels, 3 < 4 and AT&T; &c."), "stray-markup") == []


# --------------------------------------------------------------------------- notes

def test_broken_note_call_without_note_and_note_never_called():
    text = "Body with a call[1] and another[2]."
    calls = [{"label": "1", "start": 16, "end": 19}, {"label": "2", "start": 30, "end": 33}]
    notes = [Note("1", 16, 19, "Lenin, CW 24."), Note("3", 0, 0, "Never called.", called=False)]
    got = run_checks(doc(text, pad=False, notes=notes, extra={"note_calls": calls}),
                     rules=["broken-note"])
    assert len(got) == 2
    assert (got[0].start, got[0].end) == (0, 0) and "[3]" in got[0].message
    assert (got[1].start, got[1].end) == (30, 33) and "[2]" in got[1].message


def test_broken_note_ignores_symbol_and_placeholder_notes():
    notes = [Note("*", 0, 0, "An editor's remark on the text.", called=False),
             Note("2", 0, 0, "There is no footnote 2 in the printed original. – MIA",
                  called=False),
             Note("80", 0, 0, "percent", called=False)]
    assert run_checks(doc("Body.", pad=False, notes=notes), rules=["broken-note"]) == []


def test_broken_note_negative():
    calls = [{"label": "1", "start": 5, "end": 8}]
    d = doc("Body[1].", pad=False, notes=[Note("1", 5, 8, "A note.")],
            extra={"note_calls": calls})
    assert run_checks(d, rules=["broken-note"]) == []


# --------------------------------------------------------------------------- empty-field

def test_empty_field():
    got = found(doc("Body.", record=Record(empty_fields=["last_updated"])), "empty-field")
    assert len(got) == 1 and "Last updated" in got[0].message and got[0].start == 0
    assert found(doc("Body.", record=Record(last_updated="2018-07-27")), "empty-field") == []


# --------------------------------------------------------------------------- agreement

def test_agreement_found():
    d = doc("condemned in the same way or by others means. These kind of people. "
            "The answer to these circumstance. OR IN OTHERS WORDS")
    got = found(d, "agreement")
    assert [f.suggestion for f in got] == ["other means", "These kinds of", None, "OTHER WORDS"]
    assert all(f.severity == "info" for f in got)


@pytest.mark.parametrize("text", [
    "a people's war and a people’s democracy",
    "those who fight, those present, these men, these party members",
    "helping others means much; this means war; compared to the others means that",
    "those businessmen, these literati, these vermin, those voting.",
    "other means and others say",
])
def test_agreement_negative(text):
    assert found(doc(text), "agreement") == []


# --------------------------------------------------------------------------- the seed

def _seed_expectations(d: Document) -> None:
    got = run_checks(d)
    by_rule = {f.rule: f for f in got}
    assert "(August 1938)" in by_rule["date-conflict"].message
    assert d.text[by_rule["doubled-word"].start:by_rule["doubled-word"].end] == "of of"
    bracket = by_rule["unbalanced-bracket"]
    assert d.text[bracket.start:bracket.start + 10] == "(Sosnovsky"
    assert by_rule["agreement"].suggestion == "other means"
    # nothing else: the seed's curly quotes, apostrophes and dashes are all fine
    assert sorted(by_rule) == ["agreement", "date-conflict", "doubled-word",
                               "unbalanced-bracket"]
    assert len(got) == 4


@pytest.mark.corpus
def test_seed_text(seed_text: Path):
    from witness.ingest import read_path
    from witness.ingest.base import Read

    out = read_path(seed_text)
    assert isinstance(out, Read)
    _seed_expectations(out.document)


@pytest.mark.corpus
def test_seed_html(seed_html: Path, corpus_root: Path):
    from witness.ingest import read_path
    from witness.ingest.base import Read

    out = read_path(seed_html, corpus_root)
    assert isinstance(out, Read)
    _seed_expectations(out.document)


# --------------------------------------------------------------------------- speed paths
# The rules take shortcuts for speed (tools/bench: bench/checks_speed.py); each must give what
# the plain computation gives.

SHAPES = ["", "one", "\n\n", "a\n\nb", "\n\n\n\nx\n\n", "a\n\n\nb\n\n\n\n\nc", "x\n\n" * 5]


@pytest.mark.parametrize("text", SHAPES)
def test_shared_paragraphs_match_the_model(text):
    from witness.checks.base import forget, paragraphs

    d = Document("t", Source("t.txt", "text", "0"), Record(), text)
    assert paragraphs(d) == d.paragraphs()
    forget()


def test_scratch_follows_the_text():
    from witness.checks.base import lowered

    a, b = "Alpha Beta", "Gamma"
    assert lowered(a) == "alpha beta"
    assert lowered(b) == "gamma"  # a new text, not the held one
    assert lowered(a) == "alpha beta"


@pytest.mark.parametrize("text", [
    ENGLISH * 3,
    "Der Staat und die Revolution ist ein Buch von Lenin, das 1917 geschrieben wurde. " * 5,
    "the the " * 3 + "don’t x_y a1b ½ word² (the) “of” —and— " * 10,
    "tiny text",
])
def test_looks_english_counts_like_the_word_regex(text):
    import re

    from witness.checks.language import _COMMON, looks_english

    words = re.findall(r"[^\W\d_]+", text[:4000].lower())
    want = len(words) < 20 or sum(w in _COMMON for w in words) / len(words) >= 0.15
    assert looks_english(doc(text, pad=False)) is want


def test_marked_paragraphs_skip_inner_apostrophes():
    from witness.checks.punctuation import _marked

    text = "don’t stop\n\nthe workers’ state\n\n(note)\n\nplain\n\n“quoted”"
    paras = Document("t", Source("t.txt", "text", "0"), Record(), text).paragraphs()
    assert _marked(text, paras, "“”\"‘’", apostrophe=True) == [1, 4]
    assert _marked(text, paras, "()[]{}") == [2]


def test_doubled_word_found_after_a_lookalike():
    # The per-word search checks the character before the first word: "xthe the" is no
    # doubling, while the "the the" after it is.
    d = doc("The xthe the then; the the end.")
    assert spans(d, "doubled-word") == ["the the"]
