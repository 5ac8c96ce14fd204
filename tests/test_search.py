"""The query language (witness.search): parsing, FTS5 rendering, malformed queries, snippets."""

from __future__ import annotations

import pytest

from witness.errors import BadQuery
from witness.search import highlighter, make_snippet, parse, to_fts5


@pytest.mark.parametrize("query, fts", [
    ("revolution", '"revolution"'),
    ("Revolution Trotsky", '("revolution" AND "trotsky")'),
    ('"permanent revolution"', '"permanent revolution"'),
    ('"Permanent   Revolution" 1905', '("permanent revolution" AND "1905")'),
    ("bolshevi*", '"bolshevi" *'),
    ("stalin OR trotsky", '("stalin" OR "trotsky")'),
    ("revolution NOT russia", '(("revolution") NOT "russia")'),
    ("revolution -russia", '(("revolution") NOT "russia")'),
    ('revolution -"soviet russia"', '(("revolution") NOT "soviet russia")'),
    ("“permanent revolution”", '"permanent revolution"'),
    ("«révolution permanente»", '"révolution permanente"'),
    ("(stalin OR trotsky) AND trial", '(("stalin" OR "trotsky") AND "trial")'),
    # Punctuation inside a word: a phrase of the parts, as the index tokenised it.
    ("O'Callaghan", '"o callaghan"'),
    ("O’Callaghan", '"o callaghan"'),
    ("Antonov-Ovseenko", '"antonov ovseenko"'),
    ("G.P.U.", '"g p u"'),
    ("Раковский", '"раковский"'),
    # Operators are only operators in capitals; "near" and "not" are words like any other.
    ("NEAR", '"near"'),
    ("cats and dogs", '("cats" AND "dogs")'),
    # FTS5 syntax typed by a user stays text.
    ("title:stalin", '"title stalin"'),
    ("^stalin", '"stalin"'),
    ("a+b", '"a b"'),
])
def test_rendering(query, fts):
    assert to_fts5(parse(query)) == fts


def test_common_words_dropped_only_when_something_else_is_left():
    assert to_fts5(parse("the revolution")) == '"revolution"'
    assert to_fts5(parse("the")) == '"the"'
    assert to_fts5(parse("of the")) == '("of" AND "the")'
    # Inside a phrase every word counts.
    assert to_fts5(parse('"the party"')) == '"the party"'


def test_empty_query_is_a_browse():
    assert parse("").empty and parse("   ").empty


@pytest.mark.parametrize("query, words", [
    ('"permanent revolution', "unbalanced quotes"),
    ('say "hello', "unbalanced quotes"),
    ("AND", "AND needs a term"),
    ("OR", "OR needs a term"),
    ("NOT", "NOT needs a term"),
    ("stalin AND", "AND needs a term"),
    ("stalin OR", "OR needs a term"),
    ("OR stalin", "OR needs a term"),
    ("stalin AND OR trotsky", "needs a term"),
    ("*", "lone *"),
    ("a*", "at least 2 letters"),
    ("bol*vik", "* may only end a word"),
    ("NEAR(", "unbalanced parentheses"),
    ("(stalin", "unbalanced parentheses"),
    (")", "unbalanced parentheses"),
    ("stalin)", "unbalanced parentheses"),
    ("()", "empty group"),
    ("NOT russia", "only excludes"),
    ("-russia", "only excludes"),
    ("— & ...", "no words"),
    ('""', "no words"),
    ("x" * 600, "too long"),
])
def test_malformed_queries_are_bad_query_with_a_message(query, words):
    with pytest.raises(BadQuery) as err:
        parse(query)
    assert words in err.value.message
    assert err.value.code == "bad-query" and err.value.status == 400


def test_too_many_terms():
    with pytest.raises(BadQuery, match="too many terms"):
        parse(" ".join(f"w{i}" for i in range(40)))


def _snippet(text, query, **kw):
    q = parse(query)
    return make_snippet(text, highlighter(q.terms), terms=q.terms, **kw)


def test_snippet_marks_words_and_phrases():
    text = "The permanent revolution was his theory. Revolution, he said, is permanent."
    assert _snippet(text, '"permanent revolution"').count("«permanent revolution»") == 1
    s = _snippet(text, "revolution")
    assert "«revolution»" in s and "«Revolution»" in s


def test_snippet_whole_words_and_prefixes():
    s = _snippet("Toward the war, warlike warriors.", "war")
    assert "«war»" in s and "«warlike»" not in s and "Toward" in s and "«Toward»" not in s
    s = _snippet("The Bolsheviks and bolshevism.", "bolshevi*")
    assert "«Bolsheviks»" in s and "«bolshevism»" in s


def test_snippet_replaces_guillemets_in_the_text():
    s = _snippet("Il dit « la révolution » hier.", "révolution")
    assert s.count("«") == 1 and s.count("»") == 1 and "«révolution»" in s
    assert "“" in s and "”" in s


def test_snippet_finds_a_rare_term_deep_in_a_long_text():
    text = ("Nothing to see here. " * 20000) + "Then Sosnovsky was shot. " + ("More filler. " * 500)
    s = _snippet(text, "Sosnovsky")
    assert "«Sosnovsky»" in s and s.startswith("…") and s.endswith("…")
    assert len(s) < 300


def test_snippet_without_match_is_the_opening():
    s = _snippet("Opening words of the document. " * 20, "absent")
    assert s.startswith("Opening words") and "«" not in s


def test_snippet_paragraph_breaks_are_marked():
    assert "¶" in _snippet("First paragraph.\n\nSecond with Yagoda.", "yagoda")
