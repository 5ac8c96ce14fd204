"""Records read right on the pages issues 13 and 14 named (real corpus and mia-extra pages).

Each test is one reported case; the pages are not in the blind gold set's test split.
"""

from __future__ import annotations

import pytest

from witness.ingest import read_path
from witness.ingest.base import Read
from witness.record import RecordBuilder, parse_date, parse_names, parse_source_line

from record_pages import record_of

# ------------------------------------------------------------------ issue 13: corpus pages

def test_year_one_chapters_have_their_author(corpus_root):
    for rel in ("archive/serge/1930/year-one/ch01.htm", "archive/serge/1930/year-one-ni/part01.htm"):
        assert record_of(corpus_root, rel).authors == ["Victor Serge"], rel


def test_year_one_written_over_years_and_first_published_as_a_book(corpus_root):
    r = record_of(corpus_root, "archive/serge/1930/year-one-ni/part01.htm")
    assert r.written == "1925/1928"           # "Written: 1925–1928, Vienna, Leningrad…"
    assert r.date == "1930" and r.periodical is None   # a book (L’An 1 de la révolution russe)
    assert r.work == "Year One of the Russian Revolution"


@pytest.mark.parametrize("rel, periodical", [
    ("archive/serge/1944/10/jewish-question.htm", None),           # "Jean Rière (ed.), …": an editor
    ("archive/serge/1924/xx/lenin.html", "Faits et Documents"),    # "in French in Faits et Documents"
    ("archive/wolfe-b/1938/03/moscow_trials.html", None),           # "From Robert Hessen (ed.), …"
    ("archive/serge/1917/12/nietzsche.htm", "Tierra y Libertad"),   # "Originally appeared in the … newspaper"
    ("archive/deutscher/1954/reply.htm", "Esprit"),                  # "Originally written for the … monthly"
])
def test_periodicals_are_not_people_or_notes(corpus_root, rel, periodical):
    assert record_of(corpus_root, rel).periodical == periodical


def test_a_book_titles_year_range_is_not_the_date(corpus_root):
    r = record_of(corpus_root, "archive/sedgwick/1963/xx/memoirs.htm")
    # "From Victor Serge, Memoirs of a Revolutionary, 1901-1941, Oxford 1963/1978"
    assert r.date == "1963" and r.periodical is None


def test_a_security_file_number_is_no_year(corpus_root):
    # "Albert Inkpin’s security file at the National Archives, KV2 1532-37" was the 1530s decade.
    r = record_of(corpus_root, "archive/montefiore/1917/08/inkpin.htm")
    assert r.date is None and r.periodical is None


def test_a_1938_speech_is_not_dated_by_its_1990_reprint(corpus_root):
    r = record_of(corpus_root, "archive/wolfe-b/1938/03/moscow_trials.html")
    assert r.date is None                       # first publication unknown; 1990 is a reprint
    assert r.written == "1938-03-09"           # "Speech made in New York on 9 March 1938."
    assert r.heading_date == "1938-03-09"


def test_citation_without_lead_word_names_the_periodical(corpus_root):
    # "E. Belfort Bax, <em>The Gaggers</em>, <strong>Justice</strong>, 19th March 1910, p. 10."
    r = record_of(corpus_root, "archive/bax/1910/03/gaggers.htm")
    assert (r.periodical, r.date, r.pages) == ("Justice", "1910-03-19", "10")
    assert r.authors == ["Ernest Belfort Bax"]   # the meta tag's fuller form of "E. Belfort Bax"


def test_chapter_title_and_book_told_apart(corpus_root):
    r = record_of(corpus_root, "archive/cliff/works/1955/statecap/ch02.htm")
    assert r.title == "Chapter 2: State and party in Stalinist Russia"
    assert r.work == "State Capitalism in Russia"


# ------------------------------------------------------------------ issue 14: mia-extra pages

def test_engels_under_the_marx_folder_is_engels(mia_extra_root):
    r = record_of(mia_extra_root, "archive/marx/works/1847/wage-labour/intro.htm")
    assert r.authors == ["Frederick Engels"]     # "by Frederick Engels", not the folder's Marx


def test_a_work_title_in_p_title_is_not_a_list_of_people(mia_extra_root):
    r = record_of(mia_extra_root, "archive/marx/works/1865/value-price-profit/ch01.htm")
    assert r.authors == ["Karl Marx"]           # not "Value", "Price", "Profit"
    assert r.title == "Preliminary" and r.work == "Value, Price and Profit"


def test_breadcrumbs_are_not_the_title(mia_extra_root):
    r = record_of(mia_extra_root, "archive/marx/works/1848/communist-manifesto/ch02.htm")
    assert r.title == "Chapter II. Proletarians and Communists"      # not "MIA: Marxists: …"
    assert r.work == "Manifesto of the Communist Party"


def test_a_letters_written_date_and_addressee(mia_extra_root):
    r = record_of(mia_extra_root, "archive/marx/works/1875/letters/75_03_18.htm")
    assert r.authors == ["Engels"] and r.title == "Engels to August Bebel"
    assert r.written == "1875-03"               # "March 18-28, 1875": the letter's month, not its publication
    assert r.addressees == ["August Bebel"] and r.written_place == "Zwickau"
    assert r.date == "1911"                      # first published in Bebel's memoirs


def test_a_letter_dated_in_its_heading(mia_extra_root):
    r = record_of(mia_extra_root, "archive/marx/works/1868/letters/68_01_30.htm")
    assert r.written == "1868-01-30" and r.addressees == ["Ludwig Kugelmann"]


def test_written_day_ranges(mia_extra_root):
    r = record_of(mia_extra_root, "archive/marx/works/1871/letters/71_04_12.htm")
    assert r.written == "1871-04"               # "Written: April 12-17, 1871": the month both ends share


def test_first_published_beats_the_collected_works(mia_extra_root):
    r = record_of(mia_extra_root, "archive/lenin/works/1913/mar/22.htm")
    assert (r.periodical, r.issue, r.date) == ("Pravda", "68", "1913-03-22")
    assert r.volume is None                      # "Volume 19" is the Collected Works'


def test_body_inside_p_information_is_read(mia_extra_root):
    out = read_path(mia_extra_root / "archive/marx/works/1865/value-price-profit/introduction.htm",
                    mia_extra_root)
    assert isinstance(out, Read)
    assert "address delivered by Karl Marx" in out.document.text
    assert out.document.record.transcribed_by == ["Brandon Poole"]


# ------------------------------------------------------------------ the pieces

@pytest.mark.parametrize("text, iso", [
    ("November–December 1951", "1951-11"),
    ("March/April 1924", "1924-03"),
    ("April 12-17, 1871", "1871-04"),
    ("20-21 September 1871", "1871-09"),
    ("Memoirs of a Revolutionary, 1901-1941, Oxford 1963/1978", "1963"),
    ("in the 1530s", None),
    ("KV2 1532-37", None),
])
def test_date_ranges(text, iso):
    got = parse_date(text)
    assert (got[0] if got else None) == iso


def test_written_spans_are_intervals():
    assert parse_date("1925–1928, Vienna", spans=True)[0] == "1925/1928"
    assert parse_date("1925–1928, Vienna") is None


@pytest.mark.parametrize("line, kind, periodical, issue", [
    ("From Socialist Review 221, July 1998.", "periodical", "Socialist Review", "221"),
    ("Pravda No. 68, March 22, 1913.", "periodical", "Pravda", "68"),
    ("From The Socialist Register 1978, pp.158-171.", "periodical", "The Socialist Register", None),
    ("Lenin Collected Works, Progress Publishers, 1977, Moscow, Volume 19, pages 29-30.", "book", None, None),
    ("From Robert Hessen (ed.), Breaking with Communism (1990), pp. 37–40.", "book", None, None),
    ("First published as a pamphlet in September 1973.", "book", None, None),
    ("Document in DoJ/BoI Investigative Files, NARA M-1085, reel 925.", "unknown", None, None),
])
def test_source_line_kinds(line, kind, periodical, issue):
    src = parse_source_line(line)
    assert (src["kind"], src["periodical"], src["issue"]) == (kind, periodical, issue)


def test_marked_periodical_before_the_numbers():
    src = parse_source_line("Thinking It Through, Socialist Review, No. 174, April 1994.",
                            marked=("Thinking It Through", "Socialist Review"))
    assert (src["periodical"], src["issue"], src["date"]) == ("Socialist Review", "174", "1994-04")


def test_earliest_publication_wins():
    rb = RecordBuilder()
    rb.labelled("Source", "Rote Revue (Zurich), VII, No.6 (February 1928), pp.161-67.")
    rb.labelled("Published", "in Karl Kautsky, Selected Political Writings, Macmillan 1983.")
    rec = rb.finish()
    assert rec.date == "1928-02" and rec.periodical == "Rote Revue"


# ------------------------------------------------------------------ second round (dev + pages outside the gold)

def test_november_is_no_issue_and_a_date_in_a_periodical():
    src = parse_source_line("Nov 12-26, 1885 in Sozialdemokrat;")
    assert (src["periodical"], src["issue"], src["date"]) == ("Sozialdemokrat", None, "1885-11")
    src = parse_source_line("Published in 1900 in German in Die Neue Zeit, Vol. 19")
    assert src["periodical"] == "Die Neue Zeit"


def test_a_later_collection_is_not_the_periodical(corpus_root):
    r = record_of(corpus_root, "archive/sedgwick/1959/01/pretenders.htm")
    # "…, Socialist Review, January 1959. Published in the collection A Socialist Review (1965)"
    assert (r.periodical, r.date) == ("Socialist Review", "1959-01")
    assert r.title == "The Pretenders"          # its subtitle is not a chapter


def test_a_list_of_letters_is_an_index_page(mia_extra_root):
    out = read_path(mia_extra_root / "archive/marx/works/1890/letters/index.htm", mia_extra_root)
    assert not isinstance(out, Read)
    assert out.reason == "index page (a list: 104 of 104 paragraphs are one short line)"


def test_chapter_named_in_the_title_tag(mia_extra_root):
    r = record_of(mia_extra_root, "archive/lenin/works/1914/granat/ch03.htm")
    assert r.title == "Marx’s Economic Doctrine" and r.work == "Karl Marx"
    assert r.authors == ["Vladimir Ilyich Lenin"]


def test_numbered_sections_are_not_chapters(mia_extra_root):
    r = record_of(mia_extra_root, "archive/marx/works/1845/theses/theses.htm")
    assert r.title == "Theses On Feuerbach"


def test_a_headline_is_not_a_byline(mia_extra_root):
    r = record_of(mia_extra_root, "archive/marx/works/1871/civil-war-france/ch04.htm")
    assert r.authors == ["Karl Marx"]           # not "The Third Address May"


# ------------------------------------------------------------------ third round (dev2, annotators D and E)

@pytest.mark.parametrize("text, names", [
    ("Zodiac/Brian Baggins", ["Zodiac", "Brian Baggins"]),          # "Transcription/Markup: Zodiac/Brian Baggins"
    ("W. Lough from the German", ["W. Lough"]),                     # the language is no name
    ("Peter and Betty Ross", ["Peter Ross", "Betty Ross"]),          # a surname printed once for two
    ("by Ted Crawford, September 2012.", ["Ted Crawford"]),          # a month is no name
    ("Sally Ryan in 2000", ["Sally Ryan"]),
    ("Abstract from the Preface of A Contribution", ["Abstract from the Preface of A Contribution"]),  # only a language goes
])
def test_credit_names(text, names):
    assert parse_names(text) == names


def test_credits_on_real_pages(mia_extra_root, corpus_root):
    r = record_of(mia_extra_root, "archive/marx/works/1845/theses/theses.htm")
    assert r.transcribed_by == ["Zodiac", "Brian Baggins"] and r.translated_by == ["W. Lough"]
    assert record_of(mia_extra_root, "archive/marx/works/1875/letters/75_03_18.htm").translated_by == \
        ["Peter Ross", "Betty Ross"]
    assert record_of(corpus_root, "archive/higgins/1972/05/img.html").transcribed_by == ["Ted Crawford"]
    # h4 "Abstract from the / Preface of A Contribution …" is no byline "Abstract": the authors are
    # the meta tag's "Karl Marx and Frederick Engels".  (The preface is Marx's alone, as the dev
    # gold says; nothing the reader reads tells it so yet: bench/records.py lists the miss.)
    r = record_of(mia_extra_root, "archive/marx/works/1859/critique-pol-economy/preface-abs.htm")
    assert r.authors == ["Karl Marx", "Frederick Engels"]


@pytest.mark.parametrize("line, marked, periodical, volume, issue, date", [
    # "International Socialism 2 : 121": ISJ's second series, issue 121 (not volume 2, not issue 2)
    ("From International Socialism 2 : 121, Winter 2009.", ("International Socialism",),
     "International Socialism", None, "121", "2009"),
    ("From International Socialism 2 : 121, Winter 2009.", (), "International Socialism", None, "121", "2009"),
    ("Published in Historical Materialism, volume 13:4, 2005.", (), "Historical Materialism", "13", "4", "2005"),
    ("August 11, 1928", (), None, None, None, "1928-08-11"),          # the day is no issue number
    # a later sentence names a reprint: its date is not the first publication's
    ("in Dwight and Nancy MacDonald's Politics (1945). This excerpt was published by Solidarity "
     "(January 1, 1975)", ("Politics", "Solidarity"), None, None, None, "1945"),
])
def test_source_line_numbers_and_sentences(line, marked, periodical, volume, issue, date):
    src = parse_source_line(line, marked=marked)
    assert (src["periodical"], src["volume"], src["issue"], src["date"]) == (periodical, volume, issue, date)


def test_issue_numbers_on_real_pages(corpus_root):
    assert record_of(corpus_root, "archive/harman/2009/xx/trillion.html").issue == "121"
    r = record_of(corpus_root, "archive/bensaid/2005/xx/holloway.htm")
    assert (r.volume, r.issue) == ("13", "4")
    assert record_of(corpus_root, "archive/cannon/works/1928/againstopp.htm").issue is None
    # "Published: in Dwight and Nancy MacDonald's Politics (1945). This excerpt was published by
    # Solidarity (January 1, 1975)": dated by the first sentence, not the 1975 reprint.  (Politics
    # is a magazine, as the dev2 gold says; a name without a periodical's word or numbers is not
    # read as one yet: bench/records.py lists the miss.)
    r = record_of(corpus_root, "archive/serge/1945/memoirs/ch04x.htm")
    assert (r.date, r.date_text, r.periodical) == ("1945", "1945", None)


@pytest.mark.parametrize("root, rel, written", [
    ("mia", "archive/marx/works/1884/origin-family/preface2.htm", "1891-06-16"),   # p.sig "… London, June 16, 1891"
    ("mia", "archive/marx/works/1880/soc-utop/int-hist.htm", "1892-04-20"),        # name / London / April 20, 1892
    ("mia", "archive/lenin/works/1914/granat/ch00.htm", "1918-05-14"),            # p.sig + p.placedate
    ("corpus", "archive/zinoviev/works/x01/x02.htm", "1924-07-07"),              # "G. ZINOVIEV Moscow, July 7th, 1924."
    ("corpus", "archive/mandel/1979/06/moreno.html", "1979-06-15"),              # a closing "June 15, 1979"
    # not a close: a date line with text after it, and a page of seven signed prefaces
    ("mia", "archive/marx/works/1871/civil-war-france/news.htm", None),
    ("mia", "archive/marx/works/1848/communist-manifesto/preface.htm", None),
])
def test_a_text_signed_and_dated_at_its_end(corpus_root, mia_extra_root, root, rel, written):
    r = record_of(mia_extra_root if root == "mia" else corpus_root, rel)
    assert r.written == written


def test_the_lenin_librarys_closing_publication_note(mia_extra_root):
    # "Published in 1918 in the pamphlet: N. Lenin, Karl Marx, Priobi Publishers, Moscow"
    r = record_of(mia_extra_root, "archive/lenin/works/1914/granat/ch00.htm")
    assert r.date == "1918" and r.periodical is None


def test_a_headline_split_over_a_kicker_and_the_h1(corpus_root):
    # h4 "105,000 UAM Workers Vote –" / h1 "Against No-Strike Pledge"; the <title> has both halves
    r = record_of(corpus_root, "archive/glaberman/1945/03/against.htm")
    assert r.title == "105,000 UAM Workers Vote – Against No-Strike Pledge"
    # h4 "Daily Worker on Negroes and the Elections —" / h1: the <title> has the h1 alone
    assert record_of(corpus_root, "archive/james-clr/works/1944/11/falsification.htm").title == \
        "A Falsification of History"


def test_a_chapter_heading_under_the_book_without_h1(corpus_root):
    r = record_of(corpus_root, "archive/kautsky/1888/more/ch02.htm")
    assert r.title == "Chapter II. LANDED PROPERTY" and r.work == "Thomas More and his Utopia"


def test_a_speech_dated_in_its_heading_only(corpus_root):
    # "Speech to the United Nations" / h4 "4 December 1972", no source: the day it was delivered
    r = record_of(corpus_root, "archive/allende/1972/december/04.htm")
    assert r.written == "1972-12-04" and r.date is None


def test_free_lines_before_the_first_label(corpus_root):
    # p.info: "From … pp. 988–990.<br>Transcribed & marked up by Einde O’Callaghan …<br>
    # <span class="info">Public Domain:</span> …": the free lines are read one by one
    r = record_of(corpus_root, "archive/roy/1922/12/eastq-disc.htm")
    assert r.transcribed_by == ["Einde O’Callaghan"]
    assert (r.periodical, r.volume, r.issue, r.pages) == ("International Press Correspondence", "2", "116", "988–990")


@pytest.mark.parametrize("rel, title, work, authors", [
    # book above the rule (h1 + subtitle, as the <title> has it), the chapter below it
    ("archive/olgin/1935/trotskyism/08.htm", "The Communist Party", "Trotskyism", ["Moissaye J. Olgin"]),
    ("archive/montefiore/1925/autobiography/11.htm", "Socialist and Anti-Militarist Work in Australia",
     "From a Victorian to a Modern", ["Dora Montefiore"]),
    # h2 "Lenin" is the book's name (the <title>), not a byline: the meta tag names Zinoviev
    ("archive/zinoviev/works/1918/lenin/ch01.htm", "Lenin’s Legal Career", "Lenin", ["Gregory Zinoviev"]),
    # a label heading below the rule joins the next: "PART THREE" / "The French Revolution"
    ("archive/mehring/1910/absrev/ch03.htm", "PART THREE: The French Revolution",
     "Absolutism and Revolution in Germany", ["Franz Mehring"]),
])
def test_a_chapter_below_the_header_rule(corpus_root, rel, title, work, authors):
    r = record_of(corpus_root, rel)
    assert (r.title, r.work, r.authors) == (title, work, authors)


def test_not_a_chapter_below_the_rule(corpus_root):
    # "Chapter V" and "Chapter VI" on one page: a part, titled as the book's page
    assert record_of(corpus_root, "archive/plekhanov/1897/belinski/part3.htm").title == "Belinski and Rational Reality"
    # a header block between the rule and the heading: a section of the text ("Tenth Anniversary …")
    assert record_of(corpus_root, "archive/zinoviev/works/x01/x02.htm").title == "War & Leninism"


def test_a_sentence_end_inside_the_numbers_is_no_sentence(corpus_root):
    # "1912 The War in the Balkans, The British Socialist, Vol.1., No.10. October 15, 1912. pp.433-438."
    r = record_of(corpus_root, "archive/quelch/1912/10/balkans.htm")
    assert (r.periodical, r.date, r.pages) == ("The British Socialist", "1912-10-15", "433-438")


def test_name_year_work_in_p_title(mia_extra_root):
    # p.title "Engels 1894: The Peasant Question in France and Germany"
    r = record_of(mia_extra_root, "archive/marx/works/1894/peasant-question/ch01.htm")
    assert (r.authors, r.date, r.work, r.title) == (["Engels"], "1894", "The Peasant Question in France and Germany",
                                                    "Part 1: France")


@pytest.mark.parametrize("rel, date", [
    ("archive/marx/works/1850/peasant-war-germany/ch0a.htm", "1870"),   # "Preface to the Second Edition (1870)"
    ("archive/marx/works/1880/soc-utop/int-hist.htm", "1892"),          # "1892 English Edition Introduction"
])
def test_a_preface_dated_by_its_edition(mia_extra_root, rel, date):
    assert record_of(mia_extra_root, rel).date == date


@pytest.mark.parametrize("root, rel", [
    ("mia", "archive/lenin/works/1914/granat/index.htm"),     # header, editors' notes, "Contents"
    ("corpus", "archive/novack/works/history/index.htm"),      # header, "Table of Contents"
])
def test_a_books_front_page_is_no_document(corpus_root, mia_extra_root, root, rel):
    base = mia_extra_root if root == "mia" else corpus_root
    out = read_path(base / rel, base)
    assert not isinstance(out, Read)
    assert out.reason == "a book's front page (its header and a table of contents, no text of its own)"


def test_a_foreword_before_the_contents_is_a_document(corpus_root):
    # Bell's Dictionary: the Foreword's text stands before "Contents"
    assert record_of(corpus_root, "archive/bell/1942/dictionary/index.htm").authors == ["Thomas Bell"]


# ------------------------------------------------------------------ fourth round (dev3, annotators F and G)

@pytest.mark.parametrize("rel, reason", [
    ("archive/marx/works/1847/index.htm",
     "table of contents or index (38 links to other pages in 2422 characters of text)"),
    ("archive/marx/works/1848/index.htm", "index or table of contents (66% of the text is links)"),
])
def test_a_years_list_of_works_in_header_blocks_is_an_index(mia_extra_root, rel, reason):
    # Each list of linked titles is set as p.information, which the reader takes for header: its
    # links count with the page's.
    out = read_path(mia_extra_root / rel, mia_extra_root)
    assert not isinstance(out, Read) and out.reason == reason


@pytest.mark.parametrize("rel, text_in", [
    ("archive/marx/works/1845/theses/guide.htm", "Questions for discussion"),   # questions in p.information
    ("archive/marx/works/1865/value-price-profit/guide.htm", None),
])
def test_a_study_guide_is_its_writers_text(mia_extra_root, rel, text_in):
    out = read_path(mia_extra_root / rel, mia_extra_root)
    assert isinstance(out, Read), out
    r = out.document.record
    assert r.authors == ["Andy Blunden"] and r.written == "2002"   # signed "Andy Blunden, 2002"; meta says Marx
    assert text_in is None or text_in in out.document.text


@pytest.mark.parametrize("root, rel, authors", [
    ("mia", "archive/marx/works/1883/death/burial.htm", ["Frederick Engels"]),          # meta "Engels"; h1 "Frederick Engels’ Speech…"
    ("mia", "archive/marx/works/1885/prefaces/18th-brumaire.htm", ["Frederick Engels"]),  # p.title "Works of Frederick Engels 1885"
    ("mia", "archive/marx/works/1871/letters/71_04_12.htm", ["Karl Marx"]),             # "Marx to Dr Kugelmann"; meta "Karl Marx"
    ("mia", "archive/marx/works/1873/letters/73_06_20.htm", ["Engels"]),                # signed "F Engels": an initial is no fuller form
    ("corpus", "archive/pablo/1946/05/wandf-gov.htm", ["Michel Pablo"]),               # <title> "Pablo: …"; meta "Michel Pablo"
])
def test_a_bare_surname_takes_the_fuller_form_printed(corpus_root, mia_extra_root, root, rel, authors):
    base = mia_extra_root if root == "mia" else corpus_root
    assert record_of(base, rel).authors == authors


def test_a_headings_last_line_that_is_a_date_is_no_title(mia_extra_root):
    r = record_of(mia_extra_root, "archive/marx/works/1883/death/burial.htm")
    # h1 "Frederick Engels’ Speech at the Grave of Karl Marx<br>Highgate Cemetery, London. March 17, 1883"
    assert r.title == "Frederick Engels’ Speech at the Grave of Karl Marx"
    assert r.written == "1883-03-17"                      # a speech: delivered that day
    r = record_of(mia_extra_root, "archive/marx/works/1871/civil-war-france/ch02.htm")
    assert r.title == "The Second Address" and r.heading_date == "1870-09-09"   # "…[2]<br>September 9, 1870"


@pytest.mark.parametrize("root, rel, title", [
    ("mia", "archive/marx/works/1885/prefaces/18th-brumaire.htm",
     "Preface to the Third German Edition of The Eighteenth Brumaire of Louis Bonaparte"),   # …Bonaparte<sup>[39]</sup>
    ("corpus", "archive/lenin/works/1918/mar/28.htm", "The Immediate Tasks of the Soviet Government"),
])
def test_note_calls_are_not_part_of_a_title(corpus_root, mia_extra_root, root, rel, title):
    base = mia_extra_root if root == "mia" else corpus_root
    assert record_of(base, rel).title == title


def test_a_first_published_label_with_a_qualifier(mia_extra_root):
    # "First Published in full: The Communist International No. 29, 1934"
    r = record_of(mia_extra_root, "archive/marx/works/1871/09/21.htm")
    assert (r.date, r.periodical, r.issue) == ("1934", "The Communist International", "29")
    assert r.written == "1871-09-21"                # "Spoken: in French September 21, 1871"


@pytest.mark.parametrize("line, marked, periodical, date", [
    ("in Volks-Kalender, Brunswick, 1878", ("Volks-Kalender,",), "Volks-Kalender", "1878"),  # an almanac; "Vol…" is no volume
    ("In Die Neue Zeit, 1894–95.", ("Die Neue Zeit",), "Die Neue Zeit", "1894"),             # a run over two years
    ("From Victor Serge, Memoirs of a Revolutionary, 1901-1941", (), None, None),            # a book's span: no date
])
def test_source_line_almanacs_and_year_runs(line, marked, periodical, date):
    src = parse_source_line(line, marked)
    assert (src["periodical"], src["date"]) == (periodical, date)


def test_an_almanac_and_a_run_on_real_pages(mia_extra_root):
    r = record_of(mia_extra_root, "archive/marx/works/1877/06/karl-marx.htm")
    assert (r.periodical, r.date, r.written) == ("Volks-Kalender", "1878", "1877-06")
    r = record_of(mia_extra_root, "archive/marx/works/1894/early-christianity/index.htm")
    assert (r.periodical, r.date) == ("Die Neue Zeit", "1894")


def test_a_heading_that_is_a_name_can_be_the_title(mia_extra_root):
    # Engels's biography "Karl Marx": h1 "Karl Marx", <title> "Karl Marx by Frederick Engels 1877"
    r = record_of(mia_extra_root, "archive/marx/works/1877/06/karl-marx.htm")
    assert (r.title, r.authors) == ("Karl Marx", ["Frederick Engels"])


def test_a_source_set_as_a_heading(mia_extra_root):
    # <h4>1892<br>From <em>Die Neue Zeit</em><br>Vol. XI, No. I, pp. 373-75</h4> under the h1
    r = record_of(mia_extra_root, "archive/marx/works/1884/origin-family/appen.htm")
    assert (r.periodical, r.volume, r.issue, r.pages, r.date) == ("Die Neue Zeit", "XI", "I", "373-75", "1892")
    assert r.title == "Appendix. A Recently Discovered Case of Group Marriage"
    assert parse_source_line("From Die Neue Zeit, Vol. XI, No. I, pp. 373-75, 1892")["pages"] == "373-75"


def test_a_text_opening_with_where_and_when_it_was_written(mia_extra_root, corpus_root):
    # <p class="fst">London<br>October 8, 1885</p> first in the body
    assert record_of(mia_extra_root, "archive/marx/works/1847/communist-league/1885hist.htm").written == "1885-10-08"
    # "(Die Presse, July 7, 1862)" opens the text too: a citation, not where it was written
    assert record_of(corpus_root, "archive/marx/works/1862/07/colonialism-modernization.htm").written is None


def test_the_banner_year_over_a_later_edition(mia_extra_root, corpus_root):
    # p.title "Karl Marx 1859<br>A Contribution…"; "Source: …, Progress Publishers, Moscow, 1977";
    # signed "Karl Marx / London, January 1859": the banner's year is the writing's, no publication
    r = record_of(mia_extra_root, "archive/marx/works/1859/critique-pol-economy/preface.htm")
    assert (r.date, r.written) == (None, "1859-01")
    # a letter under "Marx Engels Correspondence 1884" is not published by its banner's year
    assert record_of(corpus_root, "archive/marx/works/1884/letters/84_03_24.htm").date is None


def test_a_resolution_as_adopted_by_a_body(mia_extra_root):
    # h5 "as adopted by the London Conference of the International, September, 1871"; no byline,
    # no meta author; the banner "International Workingmen's Association 1871" is that year, no publication
    r = record_of(mia_extra_root, "archive/marx/works/1871/09/politics-resolution.htm")
    assert (r.authors, r.written, r.date) == (["London Conference of the International"], "1871-09", None)


def test_a_transcriber_known_by_an_address_only(mia_extra_root):
    # "Transcribed by: zodiac@io.org." — the only name the credit prints
    r = record_of(mia_extra_root, "archive/marx/works/1847/communist-league/1885hist.htm")
    assert r.transcribed_by == ["zodiac@io.org"]
    assert parse_names("John Smith (john@example.org)") == ["John Smith"]     # a name with its address: the name


def test_a_chapter_under_its_part_heading(mia_extra_root):
    # h4 "Part I: Commodities and Money", h3 "Chapter One: Commodities" (no h1)
    r = record_of(mia_extra_root, "archive/marx/works/1867-c1/ch01.htm")
    assert (r.title, r.work) == ("Chapter One: Commodities", "Capital Volume One")


def test_a_heading_that_goes_on_from_the_last(mia_extra_root):
    # h1 "Inaugural Address", h3 "of the International Working Men’s Association"
    r = record_of(mia_extra_root, "archive/marx/works/1864/10/27.htm")
    assert r.title == "Inaugural Address of the International Working Men’s Association"


# ------------------------------------------------------------------ fifth round (dev4's errors)

def test_a_letters_date_set_apart_above_the_salutation_is_when_it_was_written(corpus_root):
    # <p class="date">January 27, 1956</p> over "Dear Sir:" in Cannon's Letters to a Historian
    assert record_of(corpus_root, "archive/cannon/works/letters/win57.htm").written == "1956-01-27"
    assert record_of(corpus_root, "archive/cannon/works/letters/fall55b.htm").written == "1954-08-04"


def test_a_day_and_year_with_no_space_after_the_comma_is_read():
    assert parse_date("December 29,1989") == ("1989-12-29", "December 29,1989")


def test_fifth_round_credits_periodicals_and_fuller_names(corpus_root):
    r = record_of(corpus_root, "archive/grant/1938/spain.htm")
    assert r.transcribed_by == ["Emil", "Francesco"]
    r = record_of(corpus_root, "archive/sedgwick/1954/xx/america.htm")
    assert (r.periodical, r.pages, r.date) == ("Oxford Left", "4-9", "1954")
    assert record_of(corpus_root, "archive/lenin/works/1918/7thcong/06.htm").authors == ["Vladimir Lenin"]


def test_an_author_tag_copied_from_another_writers_page_gives_way_to_the_folder_and_title(corpus_root):
    """Krupskaya's Reminiscences of Lenin carry <meta name="Author" content="Leon Trotsky">;
    the folder and the <title> ("Krupskaya:Reminiscences of Lenin-London") say whose they are."""
    for n in ("01", "04", "29"):
        assert record_of(corpus_root, f"archive/krupskaya/works/rol/rol{n}.htm").authors == ["Krupskaya"]
    # a page whose tag the title confirms keeps it
    assert record_of(corpus_root, "archive/serge/1937/08/yagoda.htm").authors == ["Victor Serge"]


def test_the_periodical_after_a_leading_name_is_no_author(corpus_root):
    # <p class="title">Harry Quelch, <em>Justice</em>, 27 July 1889</p>
    r = record_of(corpus_root, "archive/quelch/1889/07/new-international.htm")
    assert r.authors == ["Harry Quelch"] and r.periodical == "Justice"
