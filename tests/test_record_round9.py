"""Bylines, sources and titles the dev sets showed the reader misreading after the dev6 round
(issue 13: records a historian can cite).

Real corpus pages where a dev page showed the rule, others of the same house style, and small
hand-written pages."""

from __future__ import annotations

import pytest

from witness.ingest import read_path
from witness.ingest.base import Read

from record_pages import page_record, record_of

# -- a byline of initials, and the writer's name as the page prints it

@pytest.mark.parametrize("rel, authors", [
    ("archive/cannon/works/1931/nov/offensive.htm", ["James P. Cannon"]),  # h2 "J.P.C.", footer's archive
    ("archive/cannon/works/1931/jun/bolshorg.htm", ["James P. Cannon"]),
    ("archive/held-walter/1933/xx/4powerpact.htm", ["Heinz Epe"]),         # "H.E.", meta "Walter Held, Heinz Epe"
    ("archive/novack/1940/08/draftrich.htm", ["William F. Warde"]),        # "W.F.W.", meta "George Novack, William F. Warde"
    ("archive/munis/1944/10/future-su.htm", ["G.E"]),                      # initials no printed name expands
])
def test_an_initials_byline(corpus_root, rel, authors):
    assert record_of(corpus_root, rel).authors == authors


def test_an_initials_byline_by_hand(tmp_path):
    foot = '<p class="footer"><a href="../index.htm">Back to the Jane Q. Doe Internet Archive</a></p>'
    rec = page_record(tmp_path, "archive/doe/1931/x.htm", "<title>J.Q.D.: A Note</title>",
                "<h2>J.Q.D.</h2><h1>A Note</h1>", foot)
    assert rec.authors == ["Jane Q. Doe"]
    rec = page_record(tmp_path, "archive/doe/1931/y.htm", "<title>X.Y.: A Note</title>",
                "<h2>X.Y.</h2><h1>A Note</h1>", foot)
    assert rec.authors == ["X.Y"]                  # printed initials, not the folder's "Doe"


@pytest.mark.parametrize("rel, authors", [
    ("archive/weisbord/conquest45.htm", ["A. Weisbord"]),     # "Return to the A. Weisbord Internet Archive"
    ("archive/pollitt/1925/01/12.htm", ["Harry Pollitt"]),    # "Harry Pollitt Archive"
])
def test_the_folders_writer_as_the_page_prints_the_archive(corpus_root, rel, authors):
    assert record_of(corpus_root, rel).authors == authors


def test_a_by_line_opening_the_body(corpus_root, tmp_path):
    assert record_of(corpus_root, "archive/weisbord/Laws.htm").authors == ["Albert Weisbord"]
    rec = page_record(tmp_path, "archive/doe/1931/z.htm", "<title>A Note</title>",
                "<h1>A Note</h1><p>By the way, nobody signed this.</p>")
    assert rec.authors == ["Doe"]


# -- "Digitalized by" credits a transcriber; two credit sentences on one line keep their names

@pytest.mark.parametrize("rel, field, names", [
    ("archive/thompson-ep/1978/pot/intro.htm", "transcribed_by", ["Mark R. Baker"]),   # "Digitalized by … on November 11, 2010."
    ("archive/thompson-ep/1978/pot/intro.htm", "marked_up_by", ["Jonas Holmgren"]),
    ("archive/bookchin/1950/state-capitalism.htm", "transcribed_by", ["Adam Buick"]),  # "Digitalisation: Adam Buick"
    ("archive/serge/1919/07/machinegun.htm", "translated_by", ["Dave Renton"]),        # "Translated by …. Marked up by …"
    ("archive/serge/1919/07/machinegun.htm", "marked_up_by", ["Einde O’Callaghan"]),
])
def test_credits(corpus_root, rel, field, names):
    assert getattr(record_of(corpus_root, rel), field) == names


def test_a_digitisers_credit_is_no_citation(corpus_root):
    rec = record_of(corpus_root, "archive/thompson-ep/1978/pot/intro.htm")
    assert rec.periodical is None and rec.date is None


def test_two_credit_sentences_by_hand():
    from witness.record import RecordBuilder
    rb = RecordBuilder()
    rb.info_line("Transcribed by Ann Smith on 3 May 2004; proofread by Bob Jones for the MIA.")
    rec = rb.finish()
    assert rec.transcribed_by == ["Ann Smith"] and rec.proofread_by == ["Bob Jones"]


# -- a book's list of abbreviations is no document

def test_a_list_of_abbreviations_is_skipped(corpus_root, tmp_path):
    from witness.ingest.base import Skipped
    for rel in ("archive/pashukanis/biog/abb.htm", "archive/cliff/works/1978/lenin3/abbreviations.html"):
        out = read_path(corpus_root / rel, corpus_root)
        assert isinstance(out, Skipped) and "abbreviations" in out.reason
    # Broué's "Abbreviations and Acronyms" explains each term at length: a glossary, kept.
    assert isinstance(read_path(corpus_root / "archive/broue/1975/germrev/abb.html", corpus_root), Read)
    page = tmp_path / "archive/x/notes.htm"
    page.parent.mkdir(parents=True)
    page.write_text("<html><head><title>Abbreviations</title></head><body><h1>Abbreviations</h1>"
                    f"<p>{'A long paragraph about the abbreviations this book uses. ' * 10}</p></body></html>")
    assert isinstance(read_path(page, tmp_path), Read)     # prose about abbreviations is a text


# -- "Originally published in X" beside a reprint's source line: X is where it first appeared

@pytest.mark.parametrize("rel, periodical, date", [
    ("archive/lafargue/1903/06/caproperty.htm", "Droit du Peuple", "1903-06"),   # "From Justice, 13 June 1903, p.3."
    ("archive/held-walter/1933/xx/heckert1.htm", "Unser Wort", "1933"),          # "First published in German in Unser Wort"
])
def test_the_original_publication_over_a_reprint(corpus_root, rel, periodical, date):
    rec = record_of(corpus_root, rel)
    assert (rec.periodical, rec.date, rec.pages, rec.issue) == (periodical, date, None, None)


def test_the_original_publication_by_hand():
    from witness.record import RecordBuilder
    rb = RecordBuilder()
    rb.heading_date("(June 1903)")
    rb.info_line("From Justice, 13 June 1903, p.3.", ("Justice",))
    rb.info_line("Originally published in Droit du Peuple.", ("Droit du Peuple",))
    rec = rb.finish()
    assert (rec.periodical, rec.date, rec.pages) == ("Droit du Peuple", "1903-06", None)
    rb = RecordBuilder()
    rb.info_line("From Justice, 13 June 1903, p.3.", ("Justice",))
    rb.info_line("First Published: Unknown")          # no title: the source line stands
    rec = rb.finish()
    assert (rec.periodical, rec.date, rec.pages) == ("Justice", "1903-06-13", "3")


# -- a year in a book's title is no publication date

@pytest.mark.parametrize("rel, written", [
    ("archive/trotsky/1921/trotsky04.htm", "1921-06-29"),   # "To the Masses: Proceedings of the Third Congress …, 1921"
    ("archive/rosmer/1922/rosmer01.htm", "1922-11-12"),     # "Toward the United Front: Proceedings of the Fourth Congress …, 1922"
])
def test_a_year_in_a_books_title(corpus_root, rel, written):
    rec = record_of(corpus_root, rel)
    assert rec.date is None and rec.written == written      # the speech's day, from its heading


def test_a_year_in_a_books_title_by_hand():
    from witness.sourceline import parse_source_line
    title = "To the Masses: Proceedings of the Third Congress of the Communist International, 1921"
    assert parse_source_line(f"Published in {title} (https://www.haymarketbooks.org/books/897), pp. 374-379",
                             (title,))["date"] is None
    # the book's own year, printed outside its title, stands
    assert parse_source_line(f"Published in {title}, Haymarket Books, Chicago 2015, pp. 374-379", (title,))["date"] == "2015"
    # "*Pamphlet, 1934*" is no title: its year is the pamphlet's
    assert parse_source_line("Source: Pamphlet, 1934, Martin Lawrence, Ltd, London", ("Pamphlet, 1934",))["date"] == "1934"


def test_the_text_of_a_speech_is_no_source(corpus_root):
    # "Text of a speech made at *Marxism 1992*." / "*Socialist Worker*, No. 1300, 18 July 1992."
    rec = record_of(corpus_root, "archive/cliff/works/1992/07/1990s.htm")
    assert (rec.periodical, rec.issue, rec.date) == ("Socialist Worker", "1300", "1992-07-18")


# -- "PART FIVE (§3)" is a label: the heading after it is the part's title

def test_a_label_with_its_section_mark(corpus_root):
    rec = record_of(corpus_root, "archive/mehring/1910/absrev/ch05c.htm")
    assert rec.title == "PART FIVE (§3): The class struggles of the German Revolution"
    assert rec.work == "Absolutism and Revolution in Germany"


def test_a_label_with_its_section_mark_by_hand():
    from witness.ingest.mia_titles import is_label
    assert is_label("PART FIVE (§3)") and is_label("Chapter 2 (§ 12)")
    assert not is_label("Part Five (Conclusion)")


# -- the periodical only an editor's note names

@pytest.mark.parametrize("rel, periodical, date", [
    ("archive/cannon/works/1925/askeli.htm", "Daily Worker", "1925-08-08"),   # "… was published in the Daily Worker magazine supplement"
    ("archive/cannon/works/1928/voicemvt.htm", "Daily Worker", "1928-06-26"),  # "… in the Daily Worker on June 26, 1928" (not the 1992 book's year)
    ("archive/cannon/works/1936/sfunions.htm", "Labor Action", "1936-12-05"),   # "[… for the West Coast socialist newspaper Labor Action.—Editor]", h3 "San Francisco—December 5, 1936"
    ("archive/bensaid/2005/12/stal-bolsh.htm", "Erre", "2005-12"),           # "It was written for the magazine Erre"
    # a long note: "The following transcript of Cannon’s remarks … was published in International Press
    # Correspondence, 11 August 1928. The Cannon faction …" ("Press" is a periodical's word there)
    ("archive/cannon/works/1928/againstopp.htm", "International Press Correspondence", "1928-08-11"),
])
def test_the_periodical_an_editors_note_names(corpus_root, rel, periodical, date):
    rec = record_of(corpus_root, rel)
    assert (rec.periodical, rec.date) == (periodical, date)


@pytest.mark.parametrize("para, out", [
    ("The following article by Cannon was published in the Workers Party’s internal journal, Party Organizer.", None),
    ("The following article was published in The Liberator.", ("The Liberator", None)),
    ("This article was first published in Workers Vanguard No. 5, 12 May 1972.", ("Workers Vanguard", ("1972-05-12", "12 May 1972"))),
    ("He was published in the Daily Worker every week.", None),       # no editor's note
])
def test_the_periodical_an_editors_note_names_by_hand(para, out):
    from witness.sourceline import periodical_in_note
    assert periodical_in_note(para) == out


def test_a_dateline_heading_by_hand(tmp_path):
    rec = page_record(tmp_path, "archive/doe/1936/x.htm", "<title>Deeper (1936)</title>",
                "<h2>Jane Doe</h2><h3>San Francisco—December 5, 1936</h3><h1>Deeper</h1>")
    assert rec.heading_date == "1936-12-05" and rec.title == "Deeper"
    rec = page_record(tmp_path, "archive/doe/1936/y.htm", "<title>Strike</title>",
                "<h2>Jane Doe</h2><h1>The Great Strike of December 5, 1936</h1>")
    assert rec.heading_date is None and rec.title == "The Great Strike of December 5, 1936"


# -- the day an editor's note says the text was delivered

@pytest.mark.parametrize("rel, written", [
    ("archive/novack/works/1967/julaug/mx02.htm", "1967-05-04"),    # "This review … was originally presented … May 4, 1967."
    ("archive/zetkin/1923/06/struggle-against-fascism.html", "1923-06-20"),   # "The following report was given June 20, 1923, …"
])
def test_the_delivery_an_editors_note_dates(corpus_root, rel, written):
    assert record_of(corpus_root, rel).written == written


def test_a_note_of_delivery_and_publication(corpus_root):
    # "… was delivered to the national convention … and published in the Daily Worker on 8 October
    # 1925": the day is the paper's, not the speech's.  (The speech's is the heading's "4 October
    # 1925", a day before the paper's: the seventeenth round files it as written.)
    rec = record_of(corpus_root, "archive/cannon/works/1925/ourparty.htm")
    assert (rec.periodical, rec.date, rec.written) == ("Daily Worker", "1925-10-08", "1925-10-04")
    from witness.sourceline import delivered_in_note
    assert delivered_in_note("This talk was given in 1967 to a meeting in Detroit.") is None   # a year only
