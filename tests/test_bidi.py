"""Issue 17: a right-to-left override (U+202E) in a title or a name must not reorder a listing.

Every place such a string is printed, in the reading room and the static edition, it sits in a
<bdi> element or is closed and isolated as text (FSI … PDF PDI), so the override ends with it.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
from fastapi.testclient import TestClient

from witness.model import Document, Entity, Mention, Record, Source
from witness.publish import publish
from witness.store import open_store
from witness.web import create_app

RLO = "\u202e"
TEXT = ("Ann Other wrote this page about the congress and the strike that followed it, and about "
        "the arrests in the spring and the trial the newspapers reported at length. ") * 3


def hostile(n: int) -> Document:
    title = f"Evil {RLO}eltit {n}"
    doc = Document(f"evil-{n}", Source(f"archive/evil/{n}.htm", "mia-html", f"{n:064d}"),
                   Record(authors=[f"Ann{RLO} Other"], title=title, date="1937-08",
                          periodical=f"The {RLO}Review"), TEXT)
    doc.mentions = [Mention(0, 9, "Ann Other", "person", "other-ann")]
    doc.entities = [Entity("other-ann", "person", f"Ann {RLO}Other")]
    return doc


def contained(html: str) -> list[str]:
    """Each text with U+202E that is neither inside <bdi> nor isolated as text (should be [])."""
    tree = lxml.html.fromstring(html)
    bad = []
    for el in tree.iter():
        for text, owner in ((el.text, el), (el.tail, el.getparent())):
            if not text or RLO not in text or owner is None:
                continue
            in_bdi = any(a.tag == "bdi" for a in [owner, *owner.iterancestors()])
            after = text[text.index(RLO):]
            isolated = "\u2068" in text[:text.index(RLO)] and "\u202c\u2069" in after
            if not (in_bdi or isolated):
                bad.append(f"<{owner.tag}>: {text!r}")
    return bad


def test_overrides_are_isolated_in_the_reading_room(tmp_path):
    with open_store(tmp_path / "w.db") as store:
        for n in range(3):
            store.put_document(hostile(n))
        with TestClient(create_app(store, token=None)) as client:
            pages = ["/", "/search?q=congress", "/search?author=" + f"Ann{RLO} Other", "/documents/evil-1",
                     "/persons/other-ann"]
            for url in pages:
                resp = client.get(url)
                assert resp.status_code == 200, url
                assert RLO in resp.text, url
                assert contained(resp.text) == [], url
            listing = lxml.html.fromstring(client.get("/search?q=congress").text)
            assert [b.text for b in listing.iter("bdi") if b.text and "Evil" in b.text]


def test_overrides_are_isolated_in_the_static_edition(tmp_path):
    publish([hostile(n) for n in range(3)], tmp_path / "site")
    pages = sorted(Path(tmp_path / "site").rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        html = page.read_text("utf-8")
        if page.name in ("index.html", "authors.html", "chronology.html", "persons.html"):
            assert contained(html) == [], page.name
