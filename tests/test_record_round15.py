"""Record kinds counted across the eight dev sets and the corpus in the fifteenth round (issue 13:
records a historian can cite), each fixed as a rule read from the page's own structure.

Real corpus pages (dev pages and pages in no gold set), controls that must not change, and small
hand-written pages."""

from __future__ import annotations

import pytest

from witness.record import parse_names

from record_pages import page_record, record_of

# -- a credit's names, then where the credited got the text, for whom, or a sentence


@pytest.mark.parametrize("rel, field, names", [
    ("archive/pearce/1957/04/cpgb-labour-left.htm", "transcribed_by", ["Christian Høgsbjerg"]),   # dev8
    ("archive/radek/1935/preparations-war.htm", "transcribed_by", ["Paul Flewers"]),   # "Paul Flewers. Names misspelt …"
    ("archive/serge/194x/xx/lefeuvre.html", "transcribed_by", ["Alun Morgan"]),      # "… for Revolutionary History Website"
    ("archive/trotsky/1915/first-year-of-war.htm", "translated_by", ["Pete Dickenson"]),   # "… for Socialism Today"
    ("archive/pashukanis/1936/04/statelaw.htm", "translated_by", ["Peter B. Maggs"]),   # "Peter B. Maggs. home.law…"
    ("archive/kautsky/1902/11/aims-limitations.htm", "transcribed_by", ["Ted Crawford"]),
])
def test_a_credit_name_and_what_follows_it(corpus_root, rel, field, names):
    assert getattr(record_of(corpus_root, rel), field) == names


def test_credit_tails_by_hand():
    assert parse_names("Christian Høgsbjerg from the Ozleft website", credit=True) == ["Christian Høgsbjerg"]
    assert parse_names("Adam Buick to the MIA", credit=True) == ["Adam Buick"]
    assert parse_names("Ted Crawford. This is a continuation of the discussion with Kautsky", credit=True) \
        == ["Ted Crawford"]
    # not a sentence: initials, an abbreviated given name, a particle
    assert parse_names("Chas. H. Kerr", credit=True) == ["Chas. H. Kerr"]
    assert parse_names("Jos. Wagner and Leon Vasilio", credit=True) == ["Jos. Wagner", "Leon Vasilio"]
    assert parse_names("Wm. de Leon", credit=True) == ["Wm. de Leon"]
    # a byline or heading read for names keeps its words ("PostScript to the First Edition")
    assert parse_names("Open Letter to the Party") == ["Open Letter to the Party"]


def test_a_credit_tail_on_a_written_page(tmp_path):
    rec = page_record(tmp_path, "archive/x/1957/a.htm", "<title>X: A</title>",
                      "<h2>Joseph Redman</h2><h1>A</h1><hr class='infotop'/>"
                      "<p class='info'>From <strong>The Reasoner</strong>, April 1957.<br/>"
                      "Transcribed by Christian Høgsbjerg from the <a href='x'>Ozleft website</a>.</p>"
                      "<hr class='infobot'/>")
    assert rec.transcribed_by == ["Christian Høgsbjerg"]


# -- one part of a chapter set over several pages ("(Chap.3-10)"): the part's own heading


@pytest.mark.parametrize("rel, title", [
    ("archive/kautsky/1924/labour/ch03_j.htm", "X. MONEY"),                               # dev8
    ("archive/kautsky/1924/labour/ch02_c.htm", "THE STATE OF THE TRANSITIONAL PERIOD"),   # dev6
    ("archive/kautsky/1924/labour/ch03_f.htm", "VI. BUREAUCRACY"),                        # in no gold set
    # controls: a page holding several sections ("1." … "6."); a chapter heading naming its part
    ("archive/kautsky/1892/erfurt/ch04.htm", "IV. THE COMMONWEALTH OF THE FUTURE"),
    ("archive/cliff/works/1955/statecap/ch01-s2.htm", "Chapter 1: Socio-economic relations in Stalinist Russia (Part 2)"),
])
def test_a_chapter_part_page_is_titled_by_its_part(corpus_root, rel, title):
    assert record_of(corpus_root, rel).title == title


def _chapter_part(tmp_path, sections):
    return page_record(tmp_path, "archive/x/1924/book/ch03_j.htm", "<title>K: The Book (Chap.3-10)</title>",
                       "<h2>Karl Kautsky</h2><h1>The Book</h1><hr class='section'/>"
                       "<h3>III. The Economic Revolution</h3>" + sections)


def test_a_chapter_part_on_a_written_page(tmp_path):
    rec = _chapter_part(tmp_path, "<h4>X. MONEY</h4><h4>(a) Inflation</h4><p>Text.</p><h4>(b) Gold</h4>")
    assert (rec.title, rec.work) == ("X. MONEY", "The Book")
    rec = _chapter_part(tmp_path, "<h4>1. Money</h4><p>Text.</p><h4>2. Gold</h4>")
    assert rec.title == "III. The Economic Revolution"


# -- a page that is a whole issue of a periodical ("Class Struggle, Volume 2 Number 3—March 1932")


@pytest.mark.parametrize("rel, title, volume, issue, date", [
    ("archive/weisbord/TwoThree.htm", "Class Struggle, Volume 2 Number 3", "2", "3", "1932-03-19"),   # dev8
    ("archive/weisbord/OneOne.htm", "Class Struggle, Volume 1 Number 1", "1", "1", "1931-05"),  # "NEW YORK, MAY,1931"
    # the <title> says "Volume 3 Number 9—December 1935"; the page prints "Volume 5 Number 12"
    ("archive/weisbord/FiveTwelve.htm", "Class Struggle, Volume 5 Number 12", "5", "12", "1935-12"),
])
def test_a_whole_issue_of_a_periodical(corpus_root, rel, title, volume, issue, date):
    rec = record_of(corpus_root, rel)
    assert (rec.title, rec.periodical, rec.volume, rec.issue, rec.date, rec.authors) \
        == (title, "Class Struggle", volume, issue, date, [])


def test_a_whole_issue_on_a_written_page(tmp_path):
    rec = page_record(tmp_path, "archive/x/TwoThree.htm", "<title>The Paper, Volume 2 Number 3&#8212;March 1932</title>",
                      "<h1>THE PAPER</h1><p>OFFICIAL ORGAN OF THE LEAGUE</p>"
                      "<p>Volume 2 Number 3 &#8230;&#8230;&#8230; March 19, 1932</p><hr/>")
    assert (rec.title, rec.periodical, rec.volume, rec.issue, rec.date) \
        == ("The Paper, Volume 2 Number 3", "The Paper", "2", "3", "1932-03-19")
    # an article whose header cites its source is not the issue its <title> names
    rec = page_record(tmp_path, "archive/x/a.htm", "<title>The Paper, Volume 2 Number 3&#8212;March 1932</title>",
                      "<h2>Al Writer</h2><h1>An Article</h1><p class='information'>"
                      "<span class='info'>Source:</span> The Paper, Vol. 2 No. 4, April 1932</p>")
    assert (rec.title, rec.issue) == ("An Article", "4")


# -- an issue's number as printed: bare after the paper's name, or with a letter


@pytest.mark.parametrize("rel, issue", [
    ("archive/harman/1989/07/resistance.html", "121"),     # dev8: "*Socialist Worker Review* 121, July/August 1989"
    ("archive/cliff/works/1998/09/indonesia.htm", "80"),   # in no gold set: "*International Socialism* 80, …"
    ("archive/harman/2003/03/oil.htm", "1843a"),           # dev8: "No.1843a, 23 March 2003"
    ("archive/harman/2004/01/hutton.htm", "1886a"),        # in no gold set
])
def test_an_issue_number_as_printed(corpus_root, rel, issue):
    assert record_of(corpus_root, rel).issue == issue


def test_issue_numbers_by_hand():
    from witness.record import parse_source_line
    line = parse_source_line("From Socialist Worker Review 121, July/August 1989, pp. 27–28.",
                             ("Socialist Worker Review",))
    assert (line["periodical"], line["issue"], line["pages"]) == ("Socialist Worker Review", "121", "27–28")
    assert parse_source_line("From Socialist Worker, No.1843a, 23 March 2003.", ("Socialist Worker",))["issue"] == "1843a"
    # a year after the name is no issue; a number word after "No." keeps its own letters
    assert parse_source_line("From Labour Monthly 1936, March, p. 4.", ("Labour Monthly",))["issue"] is None
    assert parse_source_line("From Justice, No. 5 and 6, 1903.", ("Justice",))["issue"] == "5"


# -- an editor's, publisher's or translator's note is not the writer of the work it presents


@pytest.mark.parametrize("rel, authors", [
    ("archive/plekhanov/1897/belinski/intro.htm", []),                        # dev8: "Editor’s Note", unsigned
    ("archive/cliff/works/1955/statecap/intro1974.htm", []),                  # "Publisher’s Introduction"
    ("archive/kautsky/1908/histacc/trans-intro.html", ["Alexander Gallus"]),  # "(Alexander Gallus: Translator’s Introduction)"
    ("archive/serge/1930/year-one/introduction.htm", ["Peter Sedgwick"]),     # "By Peter Sedgwick"; the author tag
    ("archive/mehring/1918/marx/tranpref.htm", ["Edward Fitzgerald"]),        # the author tag names the translator
    ("archive/bukharin/works/1918/worldrev/pubpref.html", ["S.L. Press"]),    # control: signed at its end
])
def test_an_editorial_note_is_not_the_writers(corpus_root, rel, authors):
    assert record_of(corpus_root, rel).authors == authors


def test_an_editorial_note_on_a_written_page(tmp_path):
    head = "<title>G.V. Plekhanov: Belinsky (Note)</title><meta name='author' content='G.V. Plekhanov'/>"
    rec = page_record(tmp_path, "archive/x/1897/a/intro.htm", head,
                      "<h2>G.V. Plekhanov</h2><h1>Belinski and Rational Reality</h1><hr class='section'/>"
                      "<h3>Editor’s Note</h3>")
    assert (rec.title, rec.authors) == ("Editor’s Note", [])
    rec = page_record(tmp_path, "archive/x/1897/a/ch01.htm", head,
                      "<h2>G.V. Plekhanov</h2><h1>Belinski and Rational Reality</h1><hr class='section'/>"
                      "<h3>Chapter I</h3>")
    assert rec.authors == ["G.V. Plekhanov"]


# -- a credit label with no space after its colon ("<strong>Transcribed:</strong>Sally Ryan …")


@pytest.mark.parametrize("rel", ["archive/reed/1916/masses05.htm",       # dev8
                                 "archive/reed/1913/masses04.htm"])      # in no gold set
def test_a_credit_label_with_no_space_after_its_colon(corpus_root, rel):
    assert record_of(corpus_root, rel).transcribed_by == ["Sally Ryan"]


def test_a_credit_label_with_no_space_on_a_written_page(tmp_path):
    from witness.record import parse_credit_line
    assert parse_credit_line("Transcribed:Sally Ryan for marxists.org in 2000") == {"transcribed_by": ["Sally Ryan"]}
    rec = page_record(tmp_path, "archive/x/1916/a.htm", "<title>John Reed—A—The Masses</title>",
                      "<h4><em>John Reed</em></h4><h1>A</h1><hr/><p class='information'><strong>Published:</strong> "
                      "<em>The Masses,</em> August, 1916<br/><strong>Transcribed:</strong>Sally Ryan for marxists.org "
                      "in 2000</p><hr/>")
    assert rec.transcribed_by == ["Sally Ryan"]


# -- an h1 that reads like a date ("1921 and All That", "Hungary 1956") is the title the <title>
#    names before its date, not the heading's date


@pytest.mark.parametrize("rel, title", [
    ("archive/pearce/1960/10/1921.htm", "1921 and All That"),           # in no gold set
    ("archive/harman/1966/11/hungary.html", "Hungary 1956"),
    ("archive/hallas/works/1987/07/oct1917.html", "October 1917"),
    ("archive/shachtma/1931/08/stalin1921.htm", "Stalin in 1921"),       # was titled by its byline, "S–n"
])
def test_an_h1_that_reads_like_a_date(corpus_root, rel, title):
    assert record_of(corpus_root, rel).title == title


def test_an_h1_that_reads_like_a_date_on_a_written_page(tmp_path):
    rec = page_record(tmp_path, "archive/x/1966/11/a.htm", "<title>Chris Harman: Hungary 1956 (November 1966)</title>",
                      "<h2>Chris Harman</h2><h1>Hungary 1956</h1><h3>(November 1966)</h3>")
    assert (rec.title, rec.heading_date) == ("Hungary 1956", "1966-11")
    # a letter's h1 that is its date, the <title> naming it otherwise, stays a date
    rec = page_record(tmp_path, "archive/x/1852/b.htm", "<title>Marx to Weydemeyer</title>",
                      "<h1>Marx to Weydemeyer</h1><h1>March 5, 1852</h1>")
    assert (rec.title, rec.heading_date) == ("Marx to Weydemeyer", "1852-03-05")


# -- a periodical's motto after its name ("The New International: A Monthly Organ of …")


@pytest.mark.parametrize("rel, periodical", [
    ("archive/shachtma/1934/11/russrev.htm", "The New International"),      # in no gold set
    ("archive/shachtma/1937/02/labparty.htm", "Socialist Appeal"),
    ("archive/maclean/1919/08/mansion-house.htm", "The Voice of Labour"),
])
def test_a_periodicals_motto_is_no_part_of_its_name(corpus_root, rel, periodical):
    assert record_of(corpus_root, rel).periodical == periodical


def test_a_periodicals_motto_by_hand():
    from witness.record import parse_source_line
    line = parse_source_line("The New International: A Monthly Organ of Revolutionary Marxism, Vol. 1 No. 4, "
                             "November 1934", ("The New International: A Monthly Organ of Revolutionary Marxism",))
    assert (line["periodical"], line["volume"], line["issue"]) == ("The New International", "1", "4")
    # a name with a colon that is no motto keeps it
    assert parse_source_line("From Fourth International: Theory, Vol. 2 No. 1, 1990",
                             ("Fourth International: Theory",))["periodical"] == "Fourth International: Theory"


# -- a publication line that opens with its day ("Published on April 28, 1918 in Pravda No. 83")


@pytest.mark.parametrize("rel, periodical", [
    ("archive/lenin/works/1918/mar/28.htm", "Pravda"),                # in no gold set
    ("archive/lenin/works/1918/7thcong/02.htm", "Kommunar"),          # "… in the newspaper Kommunar No. 1"
    ("archive/orwell/1938/homage-catalonia.htm", None),               # "Published: on 25 April 1938"
])
def test_a_publication_line_opening_with_its_day(corpus_root, rel, periodical):
    assert record_of(corpus_root, rel).periodical == periodical


def test_a_publication_line_opening_with_its_day_by_hand():
    from witness.record import parse_source_line
    line = parse_source_line("Published on April 28, 1918 in Pravda No. 83 and Izvestia VTsIK No.85;")
    assert (line["periodical"], line["issue"], line["date"]) == ("Pravda", "83", "1918-04-28")
    assert parse_source_line("on 25 April 1938")["periodical"] is None
