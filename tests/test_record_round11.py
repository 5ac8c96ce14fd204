"""Records the blind dev7 set showed the reader misreading (issue 13: records a historian can
cite): headings and keywords read as people, info blocks set in the body, titles of a book's
parts.

Real corpus pages where a dev page showed the rule, others of the same house style, controls
that must not change, and small hand-written pages."""

from __future__ import annotations

import pytest

from record_pages import page_record, record_of

# -- an author must be a person: not a column label, not the <title>, not a keyword


@pytest.mark.parametrize("rel, authors", [
    ("archive/harman/1970/11/cuba.htm", ["Chris Harman"]),           # h2 "Survey" over the h1
    ("archive/harman/1970/07/pilkingtons.htm", ["Chris Harman"]),
    ("archive/glass/1937/11/newline.htm", ["Lucifer"]),              # control: a pseudonym set the same way
    ("archive/weisbord/Names.htm", ["Albert Weisbord"]),             # h2 "Feminism and Family Names" = <title>
    ("archive/bebler/1948/peace-greece/ch29.htm", ["Alex Bebler"]),  # "Dr. Alex Bebler"; meta tag of keywords
    ("archive/semashko/semashko.htm", ["N. A. Semashko"]),           # "Dr. N. A. Semashko"
])
def test_an_author_is_a_person(corpus_root, rel, authors):
    assert record_of(corpus_root, rel).authors == authors


def test_a_keyword_meta_tag_names_its_first_entry_only(tmp_path):
    head = ('<title>Peace</title><meta name="author" content="Ann Writer, Greece, Civil War, communism, '
            'guerilla warfare">')
    rec = page_record(tmp_path, "archive/writer/1948/x/ch02.htm", head,
                      "<h3>Peace and Greece</h3><h4>All Greece Rises</h4>")
    assert rec.authors == ["Ann Writer"]
    # control: a plain list of writers keeps them all
    rec = page_record(tmp_path, "archive/writer/1948/x/joint.htm",
                      '<title>Joint</title><meta name="author" content="Ann Writer, Bob Other">',
                      "<h1>A Joint Statement</h1>")
    assert rec.authors == ["Ann Writer", "Bob Other"]


def test_a_title_heading_is_no_byline_without_a_meta_tag(tmp_path):
    rec = page_record(tmp_path, "archive/writer/x/names.htm", "<title>Feminism and Family Names</title>",
                      "<h2>Feminism and Family Names</h2><p>By Ann Writer</p>")
    assert (rec.authors, rec.title) == (["Ann Writer"], "Feminism and Family Names")


# -- a book's heading over the chapter's, when every page of the book repeats it


@pytest.mark.parametrize("rel, title, work", [
    ("archive/bebler/1948/peace-greece/ch29.htm", "All Greece Rises", "Peace and Greece"),
    ("archive/bebler/1948/peace-greece/intro.htm", "Preface", "Peace and Greece"),
    ("archive/dutt/1942/front/intro.htm", "Foreword", "Britain in the World Front"),
    ("archive/shachtma/1943/fnc/nc00.htm", "[Introduction]", "The Struggle for the New Course"),  # <title> "… (Introduction)"
    ("archive/montefiore/1925/autobiography/10.htm", "Work for Adult Suffrage and Visit to United States", None),
])
def test_a_books_part_is_titled_by_its_own_heading(corpus_root, rel, title, work):
    rec = record_of(corpus_root, rel)
    assert (rec.title, rec.work) == (title, work)


# -- info blocks set in the body


@pytest.mark.parametrize("rel, periodical, date, issue, pages, transcribed_by", [
    # <p class="fst"><span class="info">Source:</span> … <span class="info">Transcription:</span> …
    ("archive/thalheimer/works/british_strike.htm", "The Communist International", "1926", "22", "42-58",
     ["Ted Crawford"]),
    ("archive/thalheimer/works/last_reserve.htm", "Labour Monthly", "1923-10", "4", None, ["Brian Reid"]),
])
def test_a_labelled_first_paragraph_is_the_header(corpus_root, rel, periodical, date, issue, pages, transcribed_by):
    rec = record_of(corpus_root, rel)
    assert (rec.periodical, rec.date, rec.issue, rec.transcribed_by) == (periodical, date, issue, transcribed_by)
    if pages:
        assert rec.pages == pages


@pytest.mark.parametrize("rel, authors, periodical, date, volume, issue", [
    ("archive/weisbord/Names.htm", ["Albert Weisbord"], "La Parola del Popolo", "1976-11", None, None),
    ("archive/weisbord/CPWest.htm", ["Albert Weisbord"], "La Parola del Popolo", "1961-08", None, None),
    ("archive/weisbord/Revolution.htm", ["Albert Weisbord"], "Class Struggle", "1936-09", "6", "5"),
    ("archive/weisbord/conquest8.htm", ["A. Weisbord"], None, None, None, None),    # control: no source printed
])
def test_a_parenthesised_source_under_the_byline(corpus_root, rel, authors, periodical, date, volume, issue):
    rec = record_of(corpus_root, rel)
    assert (rec.authors, rec.periodical, rec.date, rec.volume, rec.issue) == (authors, periodical, date, volume, issue)


def test_a_parenthesised_source_by_hand(tmp_path):
    rec = page_record(tmp_path, "archive/writer/x/a.htm", "<title>An Article</title>",
                      "<h2>An Article</h2><p>By Ann Writer<br />(From the magazine “Daily Bugle” March/April 1960)</p>")
    assert (rec.authors, rec.periodical, rec.date) == (["Ann Writer"], "Daily Bugle", "1960-03")


# -- a byline as a heading's last line


@pytest.mark.parametrize("rel, authors, title", [
    ("archive/marx/works/1848/06/14a.htm", ["Friedrich Engels"], "The Berlin Debate on the Revolution"),
    ("archive/marx/works/1848/06/01b.htm", ["Friedrich Engels"], "The Assembly at Frankfurt"),
    # controls: a headline's second half, "by …" in lower case
    ("archive/hansen/1940/12/shachtman.htm", ["Joseph Hansen"], "Shachtman Takes Chair Vacated by Professor Burnham"),
    ("archive/shachtma/1931/02/mooney.htm", ["Max Shachtman"], "Mooney’s Betrayal by the Labor Bureaucrats"),
])
def test_a_byline_as_the_headings_last_line(corpus_root, rel, authors, title):
    rec = record_of(corpus_root, rel)
    assert (rec.authors, rec.title) == (authors, title)


def test_a_first_version_written_on(corpus_root):
    rec = record_of(corpus_root, "archive/james-clr/works/1943/negro43.htm")
    assert (rec.written, rec.date, rec.periodical) == ("1943-12-20", "1944-01", "Workers Party Bulletin")


# -- the numbers of an issue: a misprint corrected, a paper's year as its volume


@pytest.mark.parametrize("rel, volume, issue", [
    ("archive/bukharin/works/1922/06/hend-macd.html", "2", "52"),     # "Vol. 22 No. 5 (actually Vol. 2 No. 52)"
    ("archive/kidron/works/1958/socialism/5803-socialism.html", "8", "6"),   # "8th Year No. 6"
    ("archive/kidron/works/1960/02/limits.htm", "9", "11"),
])
def test_the_issues_numbers(corpus_root, rel, volume, issue):
    rec = record_of(corpus_root, rel)
    assert (rec.volume, rec.issue) == (volume, issue)


def test_the_issues_numbers_by_hand():
    from witness.record import RecordBuilder

    def read(line):
        rb = RecordBuilder()
        rb.info_line(line, ("Daily Bugle",))
        return rb.finish()
    rec = read("From Daily Bugle, Vol. 11 No. 3 (actually Vol. 1 No. 33), 2 May 1930, p. 4.")
    assert (rec.periodical, rec.volume, rec.issue, rec.pages) == ("Daily Bugle", "1", "33", "4")
    rec = read("From Daily Bugle, 3rd Year No. 7, March 1930.")
    assert (rec.volume, rec.issue, rec.date) == ("3", "7", "1930-03")
    rec = read("From Daily Bugle, Vol. 11 No. 3, 2 May 1930, p. 4.")     # control
    assert (rec.volume, rec.issue) == ("11", "3")


def test_hyphenated_initials_are_a_name(corpus_root):
    assert record_of(corpus_root, "archive/zinoviev/works/1922/06/afrance.html").authors == \
        ["Gregory Zinoviev", "L.-O. Frossard"]


@pytest.mark.parametrize("rel, date", [("archive/olgin/freiheit/olgin05.htm", "1939-12"),
                                       ("archive/olgin/speeches/natlib.htm", "1939-12")])
def test_a_publisher_is_no_periodical(corpus_root, rel, date):
    # "Published: Workers Library Publishers, New York, December 1939": a book, dated to the month
    rec = record_of(corpus_root, rel)
    assert (rec.periodical, rec.date) == (None, date)


def test_a_publisher_is_no_periodical_by_hand(tmp_path):
    def read(publisher):
        return page_record(tmp_path, "archive/writer/x/a.htm", "<title>A Text</title>",
                           '<h1>A Text</h1><p class="information"><span class="info">Source:</span> A Writer: '
                           f'Leader and Teacher<br /><span class="info">Published:</span> {publisher}, New York, '
                           'December 1939.</p>')
    assert read("Workers Library Publishers").periodical is None
    assert read("Daily Worker").periodical == "Daily Worker"       # control: a paper of the workers


# -- a letter is its writer's; "As" of "As to Politics" is no sender


@pytest.mark.parametrize("rel, authors", [
    ("archive/deleon/works/1907/answers/01-sandgren1.html", ["John Sandgren"]),    # h3 "As to Politics"
    ("archive/deleon/works/1907/answers/03-wandv.html", ["Jos. Wagner", "Leon Vasilio"]),
    ("archive/deleon/works/1907/answers/04-giovannitti.html", ["Arturo Giovannitti"]),   # not the meta's DeLeon
])
def test_a_letter_by_its_writer(corpus_root, rel, authors):
    assert record_of(corpus_root, rel).authors == authors


def test_a_function_word_is_no_name():
    from witness.ingest.mia_names import people
    assert people("As") == [] and people("To") == []
    assert people("Lucifer") == ["Lucifer"] and people("Sidney and Beatrice Webb") == ["Sidney Webb", "Beatrice Webb"]
