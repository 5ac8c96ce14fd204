"""Parts of the static edition beyond the text: the home page (authors, years, the person
index), a document's findings and versions, its original page, and the texts the search page
cuts its snippets from.  Built as lxml elements like the rest (publish/__init__.py)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from ..export._html import bdi, clean, el, frag_id
from ..model import Document

HOME_PERSONS = 40          # most-named persons listed on the home page (persons.html has all)
EXCERPT = 50               # characters either side of a finding


def _n(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def findings_section(parent, doc: Document) -> None:
    """The transcription findings of a document, with the words they are about."""
    el("h2", f"Transcription findings ({len(doc.findings)})", parent=parent, id="findings")
    if not doc.findings:
        el("p", "The checks found nothing to correct in this transcription.", parent=parent, class_="meta")
        return
    ol = el("ol", parent=parent, class_="findings")
    text = doc.text
    for k, f in enumerate(doc.findings):
        li = el("li", parent=ol, id=f"finding-{k}")
        el("span", f.severity, parent=li, class_=f"sev sev-{f.severity}")
        rule = el("code", f.rule, parent=li)
        rule.tail = " "
        el("span", f.message, parent=li)
        if f.suggestion:
            el("span", f" — suggested: “{f.suggestion}”", parent=li, class_="suggestion")
        if f.end > f.start:
            lo, hi = max(0, f.start - EXCERPT), min(len(text), f.end + EXCERPT)
            q = el("p", ("…" if lo else "") + text[lo:f.start].replace("\n", " "), parent=li, class_="excerpt")
            m = el("mark", text[f.start:f.end], parent=q)
            m.tail = clean(text[f.end:hi].replace("\n", " ") + ("…" if hi < len(text) else ""))


def versions_section(parent, versions: list) -> None:
    """Every stored version of the document (store.history), the current one marked."""
    if not versions:
        return
    el("h2", f"Versions ({len(versions)})", parent=parent, id="versions")
    table = el("table", parent=parent, class_="versions")
    head = el("tr", parent=el("thead", parent=table))
    for label in ("Version", "Ingested", "sha256", "Read from"):
        el("th", label, parent=head, scope="col")
    body = el("tbody", parent=table)
    for v in versions:
        tr = el("tr", parent=body, class_="current" if v.current else None)
        el("td", f"{v.version}{' (this one)' if v.current else ''}", parent=tr)
        el("td", v.ingested_at, parent=tr)
        el("code", v.sha256[:12], parent=el("td", parent=tr))
        el("code", v.path, parent=el("td", parent=tr))


def home_page(site, main, by_author: dict, by_year: dict) -> None:
    """The edition's front page: counts, a search box, every author, every year, and the
    person index (the most named; persons.html lists them all)."""
    el("h1", site.title, parent=main)
    el("p", f"{_n(len(site.docs), 'document')} by {_n(len(by_author), 'author')}, naming "
       f"{_n(len(site.persons), 'person')}.", parent=main, class_="lede")
    form = el("form", parent=main, role="search", action="search.html", class_="home-search")
    el("label", "Search the edition", parent=form, **{"for": "home-q"})
    el("input", parent=form, id="home-q", name="q", type="search")
    el("button", "Search", parent=form, type="submit")

    grid = el("div", parent=main, class_="home-grid")
    sec = el("section", parent=grid, **{"aria-labelledby": "h-authors"})
    el("h2", "Authors", parent=sec, id="h-authors")
    ul = el("ul", parent=sec, class_="tally")
    for author in sorted(by_author, key=lambda a: (-len(by_author[a]), a.split()[-1].lower() if a.split() else "")):
        li = el("li", parent=ul)
        bdi(author, el("a", parent=li, href=f"authors.html#{frag_id('a-', author)}"))
        el("span", f" {len(by_author[author])}", parent=li, class_="n")

    sec = el("section", parent=grid, **{"aria-labelledby": "h-years"})
    el("h2", "Years", parent=sec, id="h-years")
    decades: dict[str, list[str]] = {}
    for year in sorted(by_year, key=lambda y: (y == "Undated", y)):
        decades.setdefault("Undated" if year == "Undated" else f"{year[:3]}0s", []).append(year)
    dl = el("dl", parent=sec, class_="years")
    for decade, years in decades.items():
        el("dt", decade, parent=dl)
        dd = el("dd", parent=dl)
        for year in years:
            a = el("a", year, parent=dd, href=f"chronology.html#y-{frag_id('', year)}")
            a.tail = f" ({len(by_year[year])}) "

    sec = el("section", parent=grid, **{"aria-labelledby": "h-persons"})
    el("h2", "Persons", parent=sec, id="h-persons")
    counts = Counter({eid: len(site.mentioned_in.get(eid, [])) for eid in site.persons})
    top = sorted(site.persons, key=lambda eid: (-counts[eid], site.persons[eid].name))[:HOME_PERSONS]
    if top:
        el("p", "Most named:", parent=sec, class_="meta")
        ol = el("ol", parent=sec, class_="tally")
        for eid in top:
            li = el("li", parent=ol)
            bdi(site.persons[eid].name, el("a", parent=li, href=site.person_file(eid)))
            el("span", f" {counts[eid]}", parent=li, class_="n")
    p = el("p", parent=sec)
    el("a", f"The person index: all {_n(len(site.persons), 'person')}, A–Z", parent=p, href="persons.html")


def _js_string(value) -> str:
    data = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    # Inside JS source: keep "</script>" and line separators from meaning anything.
    return data.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _utf16(text: str):
    """Python offsets → JavaScript (UTF-16) offsets; the same unless the text has astral characters."""
    if all(ord(ch) < 0x10000 for ch in text):
        return lambda i: i
    units = [0]
    for ch in text:
        units.append(units[-1] + (2 if ord(ch) >= 0x10000 else 1))
    return lambda i: units[i]


def write_texts(out: Path, docs: list[Document], persons: dict) -> None:
    """t/<n>.js per document (n: its place in the search index): the text the search page cuts
    snippets from.  Loaded by <script> only for the results shown (file:// refuses fetch).

    A person is found under their name even where the text spells it otherwise (a search for
    Rakovsky finds "Rakowsky"), so each file also lists the first mention of each person written
    differently from their name — [start, end, name] — for the snippet to show and mark."""
    folder = out / "t"
    folder.mkdir(exist_ok=True)
    for n, doc in enumerate(docs):
        text = clean(doc.text)
        js = _utf16(text)
        spelled: dict[str, list] = {}
        for m in doc.mentions:
            person = persons.get(m.entity) if m.entity else None
            if person is not None and m.entity not in spelled and m.text != person.name:
                spelled[m.entity] = [js(m.start), js(m.end), person.name]
        (folder / f"{n}.js").write_text(
            f"window.WITNESS_TEXT({n},{_js_string(text)},{_js_string(list(spelled.values()))});\n",
            encoding="utf-8", errors="replace")
