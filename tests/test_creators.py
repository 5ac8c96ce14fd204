"""Creators and periodicals under authority control, on real corpus pages: the printed form
stays in the record, lists group by the entity, pen names show whose they are."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from witness.authority import AuthorityError, load
from witness.authority.loader import DATA_DIR
from witness.cli import cli
from witness.creators import author_filter, byline, display, link_creators, looks_like_a_person
from witness.ingest import read_path
from witness.model import Record
from witness.pipeline import ingest
from witness.store import open_store
from witness.store.base import SearchQuery

CANNON_BARE = "archive/cannon/works/1928/voicemvt.htm"         # no byline: "Cannon" from the folder (see _copy)
CANNON_FULL = "archive/cannon/works/1934/leftwing.htm"          # "James P. Cannon", New International
JOHNSON = "archive/james-clr/works/1939/06/notes.html"          # "J.R. Johnson"
LI_FU_JEN = "archive/glass/1936/05/dark.html"                   # "Li Fu-jen"
BAX_E = "archive/bax/1879/04/religion.htm"                      # "E. Belfort Bax"
BAX_ERNEST = "archive/bax/1882/marat/chap01.htm"                # "Ernest Belfort Bax"
CILIGA = "archive/ciliga/1938/xx/lo1.htm"                       # The New International
PAGES = [CANNON_BARE, CANNON_FULL, JOHNSON, LI_FU_JEN, BAX_E, BAX_ERNEST, CILIGA]


def _copy(corpus_root: Path, rel: str, root: Path) -> None:
    """The page under `root`; CANNON_BARE without its "Back to the James P. Cannon Internet
    Archive" links, which print the folder's writer in full (the reader takes that form): the
    page that shows a bare surname from the folder linking to its person."""
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    data = (corpus_root / rel).read_bytes()
    if rel == CANNON_BARE:
        data = data.replace(b"Back to the James P. Cannon Internet Archive", b"Back to the index")
    (root / rel).write_bytes(data)


def read(corpus_root: Path, rel: str, tmp_path: Path | None = None):
    if rel == CANNON_BARE:
        _copy(corpus_root, rel, tmp_path)
        corpus_root = tmp_path
    doc = read_path(corpus_root / rel, corpus_root).document
    return link_creators(doc)


def authors(doc):
    return [(c.as_printed, c.entity, c.pseudonym_of) for c in doc.record.creators if c.role == "author"]


def test_bylines_link_to_persons_and_pen_names_to_their_person(corpus_root, tmp_path):
    assert read_path(corpus_root / CANNON_BARE, corpus_root).document.record.authors == ["James P. Cannon"]
    cannon = read(corpus_root, CANNON_BARE, tmp_path)
    assert cannon.record.authors == ["Cannon"]                       # printed form kept
    assert authors(cannon) == [("Cannon", "cannon-james-p", None)]
    assert authors(read(corpus_root, CANNON_FULL)) == [("James P. Cannon", "cannon-james-p", None)]
    johnson = read(corpus_root, JOHNSON)
    assert authors(johnson) == [("J.R. Johnson", "james-clr", "james-clr")]
    assert byline(johnson.record) == ["J.R. Johnson (pseudonym of C. L. R. James)"]
    glass = read(corpus_root, LI_FU_JEN)
    assert authors(glass)[0][1:] == ("glass-frank", "glass-frank")
    assert display(glass.record.creators[0]) == "Li Fu-jen (pseudonym of Frank Glass)"
    bax = {authors(read(corpus_root, p))[0][1] for p in (BAX_E, BAX_ERNEST)}
    assert bax == {"bax-e-belfort"}
    # Transcribers are creators too; an unknown volunteer gets a provisional person.
    trans = [c for c in glass.record.creators if c.role == "transcriber"]
    assert trans and all(c.entity and c.entity.startswith("x-") for c in trans)


def test_periodicals_link_with_their_variant_titles(corpus_root):
    a, b = read(corpus_root, CANNON_FULL), read(corpus_root, CILIGA)
    assert (a.record.periodical, b.record.periodical) == ("New International", "The New International")
    assert a.record.periodical_entity == b.record.periodical_entity == "new-international"


def test_a_shared_title_is_told_apart_by_the_date():
    from witness.model import Document, Source
    def doc(title, date):
        return link_creators(Document("d", Source("x.htm", "mia-html", "s"), Record(periodical=title, date=date), ""))
    assert doc("International Socialist Review", "1907-10").record.periodical_entity == "international-socialist-review-chicago"
    assert doc("International Socialist Review", "1961").record.periodical_entity == "international-socialist-review"
    assert doc("International Socialist Review", None).record.periodical_entity is None   # undated: not guessed
    assert doc("Militant", "1970").record.periodical_entity == "militant-uk"
    assert doc("Militant", "1934").record.periodical_entity == "the-militant"


def test_headings_are_not_persons():
    assert looks_like_a_person("Donny Gluckstein") and looks_like_a_person("J. T. Walton Newbold")
    for junk in ("Introduction", "The Trade Unions", "Socialist Party of Great Britain", "Marxist Writers",
                 "Trotsky December", "21 Torrington Square"):
        assert not looks_like_a_person(junk), junk


def test_archive_groups_authors_and_periodicals_by_entity(tmp_path, corpus_root):
    root = tmp_path / "pages"
    for rel in PAGES:
        _copy(corpus_root, rel, root)
    db = tmp_path / "a.db"
    store = open_store(db)
    ingest(store, [root], nlp=False, progress=False, workers=1)
    stats = dict(store.stats()["by_author"])
    assert stats["James P. Cannon"] == 2 and "Cannon" not in stats
    assert stats["E. Belfort Bax"] == 2 and "Ernest Belfort Bax" not in stats
    assert stats["C. L. R. James"] == 1 and "J.R. Johnson" not in stats
    assert dict(store.stats()["by_periodical"])["The New International"] == 2
    facets = dict(store.search(SearchQuery(q="", limit=50)).facets["author"])
    assert facets["James P. Cannon"] == 2
    for name in ("Cannon", "James P. Cannon"):
        assert {h.id for h in store.search(SearchQuery(q="", author=name)).hits} == {
            store.resolve(CANNON_BARE), store.resolve(CANNON_FULL)}
    found = store.search(SearchQuery(q="", author="J.R. Johnson")).hits
    assert [h.id for h in found] == [store.resolve(JOHNSON)]
    # The stored document keeps the printed name beside the creator.
    doc = store.get_document(store.resolve(JOHNSON))
    assert doc.record.authors == ["J.R. Johnson"] and doc.record.creators[0].pseudonym_of == "james-clr"
    store.close()
    out = CliRunner().invoke(cli, ["--db", str(db), "stats"], obj={}).output
    assert "James P. Cannon" in out and "  Cannon\n" not in out


def test_reprocess_gives_an_older_archive_its_creators(tmp_path, corpus_root):
    root = tmp_path / "pages"
    for rel in (CANNON_BARE, JOHNSON):
        _copy(corpus_root, rel, root)
    db = tmp_path / "a.db"
    store = open_store(db)
    ingest(store, [root], nlp=False, progress=False, workers=1)
    for doc_id in store.document_ids():        # as an archive written before this step
        doc = store.get_document(doc_id)
        doc.record.creators, doc.record.periodical_entity, doc.record.periodical_name = [], None, None
        store.put_document(doc)
    assert dict(store.stats()["by_author"]).get("Cannon") == 1
    store.close()
    out = CliRunner().invoke(cli, ["--db", str(db), "reprocess", "--no-nlp", "--quiet"], obj={})
    assert out.exit_code == 0, out.output
    with open_store(db) as s:
        assert dict(s.stats()["by_author"]) == {"James P. Cannon": 1, "C. L. R. James": 1}
        assert s.get_document(s.resolve(CANNON_BARE)).record.creators[0].entity == "cannon-james-p"


def test_reading_room_shows_the_pen_name_with_its_person(tmp_path, corpus_root):
    from fastapi.testclient import TestClient
    from witness.web.app import create_app
    root = tmp_path / "pages"
    (root / JOHNSON).parent.mkdir(parents=True)
    shutil.copy(corpus_root / JOHNSON, root / JOHNSON)
    store = open_store(tmp_path / "a.db")
    ingest(store, [root], nlp=False, progress=False, workers=1)
    html = TestClient(create_app(store)).get(f"/documents/{store.resolve(JOHNSON)}").text
    assert "J.R. Johnson (pseudonym of C. L. R. James)" in html
    store.close()


def test_author_filter_resolves_names_the_authority_knows():
    assert author_filter("J.R. Johnson") == "C. L. R. James"
    assert author_filter("Ernest Germain") == "Ernest Mandel"
    assert author_filter("William F. Warde") == "George Novack"
    assert author_filter("Nobody Inparticular") == "Nobody Inparticular"


def test_authority_data_is_sourced():
    auth = load()
    for e in auth.entries.values():
        if e.mia_folder or e.pseudonyms:
            assert e.source, e.id
        for p in e.pseudonyms:
            assert e.pseudonym_sources.get(p), (e.id, p)
    per = yaml.safe_load((DATA_DIR / "periodicals.yaml").read_text(encoding="utf-8"))
    for item in per["periodicals"] + per["amend"]:
        assert "corpus records" in item["source"], item["id"]
    # Life dates of new MIA entries come only from the folder's index page.
    new = yaml.safe_load((DATA_DIR / "mia_authors.yaml").read_text(encoding="utf-8"))["persons"]
    for p in new:
        if p.get("born") or p.get("died"):
            assert "life dates from the <h3> of archive/" in p["source"], p["id"]
    # Pen names are not used to find mentions in texts ("Lucifer" is a word).
    assert not [c for c in auth.lookup("Lucifer", type="person") if c.id == "glass-frank"]


def test_amending_an_unknown_entry_is_an_error(tmp_path):
    (tmp_path / "persons.yaml").write_text("persons:\n- {id: a-b, name: B A, source: x, roles: [r]}\n")
    (tmp_path / "mia_authors.yaml").write_text("amend:\n- {id: nobody, mia_folder: x}\n")
    with pytest.raises(AuthorityError, match="nobody"):
        load(tmp_path)
