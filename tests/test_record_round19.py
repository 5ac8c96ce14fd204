"""Record kinds read from the eleventh dev set in the nineteenth round (issue 13: records a
historian can cite): chapters titled by the book's name, each fixed as a rule read from the
page's structure.

Real corpus pages (dev pages and pages in no dev gold set), controls that must not change, and
small hand-written pages."""

from __future__ import annotations

import pytest

from record_pages import page_record, record_of

# -- "Foundations of Christianity (2. After the Exile 2)": the <title> names the book, then the
#    chapter below the header's rule by its number and words


@pytest.mark.parametrize("rel, title, work", [
    ("archive/kautsky/1908/christ/ch08b.htm", "II. The Jews after the Exile (cont’d)",
     "Foundations of Christianity"),                                                    # dev11
    ("archive/kautsky/1908/christ/ch06.htm", "III. Thought and Sentiment in the Age of the Roman Empire",
     "Foundations of Christianity"),                                                    # in no dev gold set
    ("archive/kautsky/1908/christ/ch12.htm", "IV. The Story of Christ’s Passion",
     "Foundations of Christianity"),                                                    # in no dev gold set
])
def test_a_chapter_the_title_tag_names_in_parentheses(corpus_root, rel, title, work):
    rec = record_of(corpus_root, rel)
    assert (rec.title, rec.work) == (title, work)


@pytest.mark.parametrize("rel, title", [
    # controls: a part's heading under the rule holds the words of "(13. The Split)" but not its
    # number; the chapter ("Chapter XIII" / "The Split") stays the title
    ("archive/badayev/1929/duma/ch13.html", "Chapter XIII: The Split"),
    ("archive/badayev/1929/duma/ch02.html", "Chapter II: The Elections in St. Petersburg"),
])
def test_a_parts_heading_under_the_rule_is_no_chapter(corpus_root, rel, title):
    assert record_of(corpus_root, rel).title == title


def test_the_writer_before_the_title_tags_colon_is_no_book(corpus_root):
    # "E. Belfort Bax: Outlooks From a New Standpoint (1. …)" over the h4 "E.Belfort Bax"
    rec = record_of(corpus_root, "archive/bax/1891/outlooks/01-orator.htm")
    assert (rec.title, rec.work) == ("The Orator of the Human Race", "Outlooks From a New Standpoint")


_BOOK_HEAD = "<title>K. Writer: A Book of Ages (2. After the Flood 2)</title>"


def test_a_chapter_the_title_tag_names_on_a_written_page(tmp_path):
    rec = page_record(tmp_path, "archive/x/1908/book/ch08b.htm", _BOOK_HEAD,
                      "<h2>K. Writer</h2><h1>A Book of Ages</h1><h2>Book Three: The Rivers</h2><hr />"
                      "<h3>II. The Years after the Flood<br /><small>(cont’d)</small></h3><h4>The Boats</h4>")
    assert (rec.title, rec.work) == ("II. The Years after the Flood (cont’d)", "A Book of Ages")
    # control: a part's heading under the rule that holds the chapter's words, not its number
    rec = page_record(tmp_path, "archive/x/1929/book/ch13.htm",
                      "<title>K. Writer: A Book of Ages (13. The Flood)</title>",
                      "<h4>K. Writer</h4><h3>A Book of Ages</h3><hr /><h2>THE FLOOD AND THE YEARS AFTER IT</h2>"
                      "<h1><small>Chapter XIII</small><br />The Flood</h1>")
    assert rec.title == "Chapter XIII: The Flood"


# -- "TWO" / "The Aims of the Bolsheviks" under the rule: a chapter's number in words, then its title


@pytest.mark.parametrize("rel, title", [
    ("archive/murphy-jt/1941/soviet/03.htm", "TWO: The Aims of the Bolsheviks"),      # dev11
    ("archive/murphy-jt/1941/soviet/10.htm", "NINE: Conclusions"),                    # in no dev gold set
    # "ONE" / "Introduction": front matter's label is no title to join; the label's heading is
    ("archive/murphy-jt/1941/soviet/02.htm", "Introduction"),
])
def test_a_chapters_number_in_words_under_the_rule(corpus_root, rel, title):
    rec = record_of(corpus_root, rel)
    assert (rec.title, rec.work) == (title, "Russia on the March: a study of Soviet Foreign Policy")


def test_a_chapters_number_in_words_on_a_written_page(tmp_path):
    rec = page_record(tmp_path, "archive/x/1941/book/03.htm", "<title>A Study of Things</title>",
                      "<h4>J. Writer</h4><h3>A Study of Things</h3><hr /><h5>TWO</h5><h2>The Aims of Some</h2>")
    assert (rec.title, rec.work) == ("TWO: The Aims of Some", "A Study of Things")


# -- "3" / "Report On The Party Programme" under the congress's heading and rule: a document of a
#    collection, numbered by the archive, cited by its own title


@pytest.mark.parametrize("rel, title, written", [
    ("archive/lenin/works/1919/rcp8th/03.htm", "Report On The Party Programme", "1919-03-19"),     # dev11
    ("archive/lenin/works/1919/rcp8th/08.htm", "Resolution On The Attitude To The Middle Peasants", None),
    ("archive/lenin/works/1919/rcp8th/01.htm", "Speech Opening The Congress", "1919-03-18"),       # no gold set
])
def test_a_congress_document_numbered_under_the_rule(corpus_root, rel, title, written):
    rec = record_of(corpus_root, rel)
    assert (rec.title, rec.work) == (title, "Eighth Congress of the R.C.P.(B.) March 18-23, 1919")
    if written:
        assert rec.written == written


def test_a_congress_document_numbered_control(corpus_root):
    # control: "Section Three" above the rule, then "3" and the document: read as before, the
    # label's heading no subtitle
    rec = record_of(corpus_root, "archive/lenin/works/1918/7thcong/03.htm")
    assert (rec.title, rec.subtitle) == ("Resolution On War And Peace", None)


def test_a_congress_document_numbered_on_a_written_page(tmp_path):
    rec = page_record(tmp_path, "archive/x/1919/congress/03.htm",
                      "<title>Ninth Congress of the Party March 1-5, 1919:</title>",
                      "<h2>V. I. Writer</h2><h4>Ninth Congress of the Party March 1-5, 1919</h4><hr />"
                      "<h4>3</h4><h3>Report On The Programme</h3><h4>March 2</h4>")
    assert (rec.title, rec.work) == ("Report On The Programme", "Ninth Congress of the Party March 1-5, 1919")


# -- "The Third Chinese Revolution - 2. Nature and Perspectives …": the description names the h1,
#    then the numbered part of it the page holds, set as an h4 under the h1: an instalment's title


@pytest.mark.parametrize("rel, title, work", [
    ("archive/mandel/1950/12/china2.htm", "II. Nature and Perspectives of the China of Mao Tse-Tung",
     "The Third Chinese Revolution"),                                                   # dev11
    ("archive/mandel/1950/05/china1.htm", "I. Origin and Significance of the Victory of Mao Tse-tung",
     "The Third Chinese Revolution"),                                                   # in no dev gold set
    ("archive/morrow-felix/1934/05/awp2.htm", "2. The Political Meaning of “Adaption to the American Scene”",
     "A Critical Analysis of the A.W.P."),                                              # in no dev gold set
])
def test_an_instalments_numbered_part_the_description_names(corpus_root, rel, title, work):
    rec = record_of(corpus_root, rel)
    assert (rec.title, rec.work) == (title, work)


def test_an_instalments_numbered_part_on_a_written_page(tmp_path):
    body = ("<h2>E. Writer</h2><h1>The Third Revolution</h1><h4>II. Nature of the Revolution</h4>"
            "<h3>(December 1950)</h3><hr />")
    rec = page_record(tmp_path, "archive/x/1950/12/a.htm",
                      '<title>E. Writer: Third Revolution 2 (1950)</title><meta name="description" '
                      'content="E. Writer: The Third Revolution - 2. Nature of the Revolution (December 1950)" />', body)
    assert (rec.title, rec.work) == ("II. Nature of the Revolution", "The Third Revolution")
    # control: another number in the description is another part, not this heading's
    rec = page_record(tmp_path, "archive/x/1950/12/b.htm",
                      '<title>E. Writer: Third Revolution (1950)</title><meta name="description" '
                      'content="E. Writer: The Third Revolution - 3. Nature of the Revolution (December 1950)" />', body)
    assert rec.title == "The Third Revolution"
