"""`witness publish`: a static edition that works from any file server and from file://.

Layout of ``out_dir``::

    index.html  authors.html  chronology.html  persons.html  search.html
    d/<doc>.html      one page per document (text, notes, claims, citation)
    p/<person>.html   one page per person (life dates, variants, documents, claims)
    style.css  search.js  search-index.js   (the index is JS, not JSON: file:// forbids fetch)

Every page is built as lxml elements and serialised by lxml, so document text, titles,
names and notes can only become text nodes or escaped attribute values — the reading
room's guarantee.  All links are relative; no page needs a server.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Iterable

from lxml import etree

from ..export._html import Renderer, bdi, citation, clean, date_key, el, frag_id, original_url
from ..export.tei import collect_entities
from ..creators import author_names, display, group_name
from ..archive.same_text import fold_claims, fold_documents
from ..claims import ClaimItem
from ..duplicates import representative_of
from ..model import HEDGED, Document, Entity
from .assets import CSS, SEARCH_JS
from .sections import findings_section, home_page, versions_section, write_texts

MAX_TERMS_PER_DOC = 4000   # keeps the search index proportional to the archive, not its text
_TOKEN = re.compile(r"[\W_]+")


def fold_tokens(s: str) -> list[str]:
    """The same tokens the search script makes (NFKD, accents dropped, lower case)."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not 0x300 <= ord(c) <= 0x36F).lower()
    return [t for t in _TOKEN.split(s) if len(t) > 1]


class _Site:
    def __init__(self, docs: list[Document], out: Path, title: str, authority: Any,
                 history: Callable[[str], list] | None = None):
        self.docs = docs
        self.history = history
        self.by_id = {d.id: d for d in docs}
        self.out = out
        self.title = title
        self.entities: dict[str, dict[str, Entity]] = {}
        self.persons: dict[str, Entity] = {}
        self.mentioned_in: dict[str, list[Document]] = defaultdict(list)
        self.claims_about: dict[str, list[tuple[Document, int]]] = defaultdict(list)
        for d in docs:
            ents = {e.id: e for e in collect_entities(d, authority)}
            self.entities[d.id] = ents
            for m in d.mentions:
                if m.type == "person" and m.entity:
                    self.persons.setdefault(m.entity, ents.get(m.entity) or
                                            Entity(m.entity, "person", m.text))
                    if d not in self.mentioned_in[m.entity]:
                        self.mentioned_in[m.entity].append(d)
            for k, c in enumerate(d.claims):
                e = ents.get(c.subject)
                if e is not None and e.type == "person":
                    self.persons.setdefault(c.subject, e)
                if c.subject in self.persons or (e and e.type == "person"):
                    self.claims_about[c.subject].append((d, k))

    # -- helpers

    def group_of(self, doc: Document) -> list[str] | None:
        """The edition's documents with `doc`'s text, the one standing for it first; None
        when it has no duplicate here."""
        members = [m for m in (doc, *(self.by_id.get(i) for i in doc.same_text_as)) if m is not None]
        if len(members) < 2:
            return None
        rep = representative_of({"id": m.id, "format": m.source.format, "date": m.record.date} for m in members)
        return [rep] + sorted(m.id for m in members if m.id != rep)

    def listed_elsewhere(self, doc: Document) -> bool:
        """Whether another document of this edition stands for `doc`'s text."""
        group = self.group_of(doc)
        return group is not None and group[0] != doc.id

    @staticmethod
    def doc_file(doc_id: str) -> str:
        return f"d/{frag_id('', doc_id)}.html"

    @staticmethod
    def person_file(eid: str) -> str:
        return f"p/{frag_id('', eid)}.html"

    def page(self, path: str, title: str):
        up = "../" * path.count("/")
        html = etree.Element("html", lang="en")
        head = el("head", parent=html)
        el("meta", parent=head, charset="utf-8")
        el("meta", parent=head, name="viewport", content="width=device-width, initial-scale=1")
        el("title", f"{title} — {self.title}" if title != self.title else title, parent=head)
        el("link", parent=head, rel="stylesheet", href=f"{up}style.css")
        body = el("body", parent=html)
        header = el("header", parent=body, class_="site-header")
        el("a", self.title, parent=header, class_="brand", href=f"{up}index.html")
        ul = el("ul", parent=el("nav", parent=header, **{"aria-label": "Indexes"}))
        for href, label in (("authors.html", "Authors"), ("chronology.html", "Chronology"),
                            ("persons.html", "Persons"), ("search.html", "Search")):
            el("a", label, parent=el("li", parent=ul), href=up + href)
        main = el("main", parent=body, id="main")
        el("footer", "A static edition made by Witness from Marxists’ Internet Archive pages. "
           "Each document keeps its own rights statement.", parent=body, class_="site-footer")
        return html, head, main, up

    def write(self, path: str, html) -> None:
        target = self.out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = "<!DOCTYPE html>\n" + etree.tostring(html, method="html", encoding="unicode")
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(data, encoding="utf-8")
        os.replace(tmp, target)

    def grouped_index(self, path: str, title: str, groups: dict[str, list[Document]], order, anchor) -> None:
        """A page of documents under headings (authors, years), each group in date order."""
        html, _h, main, up = self.page(path, title)
        el("h1", title, parent=main)
        for key in sorted(groups, key=order):
            bdi(key, el("h2", parent=main, id=anchor(key)))
            ul = el("ul", parent=main, class_="index")
            for d in sorted(groups[key], key=date_key):
                self.doc_link(el("li", parent=ul), d, up)
        self.write(path, html)

    def doc_link(self, parent, doc: Document, up: str, frag: str = "") -> None:
        # Titles and names in <bdi>: a right-to-left override in one cannot reorder the listing.
        bdi(clean(doc.record.title) or doc.id, el("a", parent=parent, href=f"{up}{self.doc_file(doc.id)}{frag}"))
        meta = el("span", " — ", parent=parent, class_="meta")
        for k, a in enumerate(doc.record.authors):
            bdi(a, meta).tail = ", "
        el("span", doc.record.date or "undated", parent=meta)

    def claim_item(self, parent, doc: Document, k: int, up: str, *, with_doc: bool,
                   also_in: Iterable[Document] = ()) -> None:
        c = doc.claims[k]
        ents = self.entities[doc.id]
        name = lambda v: ents[v].name if v in ents else v  # noqa: E731
        li = el("li", parent=parent, id=f"claim-{k}" if not with_doc else None)
        subject = c.subject
        if subject in self.persons:
            el("a", name(subject), parent=li, href=f"{up}{self.person_file(subject)}")
        else:
            el("strong", name(subject), parent=li)
        words = [c.predicate.replace("_", " ")]
        if c.object:
            words.append(name(c.object))
        if c.place:
            words.append(f"at {name(c.place)}")
        if c.date:
            words.append(f"({c.date})")
        span = el("span", " " + " ".join(words) + " ", parent=li)
        span.tail = " "
        el("span", c.certainty, parent=li,
           class_="certainty " + ("hedged" if c.certainty in HEDGED else "firm"))
        if c.attributed_to:
            el("span", f" according to {c.attributed_to}", parent=li)
        n = len(doc.text)
        s, e = max(0, min(c.evidence.start, n)), max(0, min(c.evidence.end, n))
        quote = doc.text[s:e]
        if len(quote) > 400:
            quote = quote[:400].rsplit(" ", 1)[0] + " …"
        if quote:
            el("blockquote", quote, parent=li, class_="evidence")
        if with_doc:
            p = el("p", parent=li, class_="meta")
            self.doc_link(p, doc, up, f"#claim-{k}")
            self.same_text_note(p, also_in, up, "the same text, also in: ")

    def same_text_note(self, parent, others: Iterable[Document], up: str, label: str) -> None:
        others = list(others)
        if others:
            note = el("span", f" — {label}", parent=parent, class_="same-text")
            for j, other in enumerate(others):
                # The id tells the copies apart (their titles are usually the same).
                title = clean(other.record.title)
                link = el("a", f"{title} ({other.id})" if title else other.id, parent=note,
                          href=f"{up}{self.doc_file(other.id)}")
                if j:
                    link.getprevious().tail = "; "

    # -- pages

    def document(self, doc: Document) -> None:
        path = self.doc_file(doc.id)
        r = doc.record
        html, _head, main, up = self.page(path, clean(r.title) or doc.id)
        article = el("article", parent=main)
        el("h1", clean(r.title) or doc.id, parent=article)
        if r.subtitle:
            el("p", r.subtitle, parent=article, class_="subtitle")
        shown = ([(display(c), group_name(c)) for c in r.creators if c.role == "author"]
                 or [(a, a) for a in r.authors])
        if shown:
            by = el("p", parent=article, class_="byline")
            for k, (a, group) in enumerate(shown):
                link = el("a", a, parent=by, href=f"{up}authors.html#{frag_id('a-', group)}")
                if k:
                    prev = link.getprevious()
                    prev.tail = ", "
        cite = citation(r)
        if cite:
            el("p", cite, parent=article, class_="citation")
        url = original_url(doc)
        if url:
            p = el("p", "Original page: ", parent=article, class_="original")
            el("a", url, parent=p, href=url, rel="external noopener", class_="original")
        text = el("div", parent=article, class_="text")
        rend = Renderer(doc, note_href=lambda k: f"#fn-{k}",
                        person_href=lambda eid: f"{up}{self.person_file(eid)}"
                        if eid in self.persons else None)
        rend.paragraphs(text)
        rend.notes(article)
        if doc.claims:
            el("h2", "What this document says about people", parent=article)
            ul = el("ul", parent=article, class_="claims")
            for k in range(len(doc.claims)):
                self.claim_item(ul, doc, k, up, with_doc=False)
        same = [self.by_id[i] for i in doc.same_text_as if i in self.by_id]
        if same:
            p = el("p", "The same text as ", parent=article, class_="same-text")
            for k, other in enumerate(same):
                self.doc_link(p, other, up)
        findings_section(article, doc)
        versions_section(article, self.history(doc.id) if self.history else [])
        src = el("p", parent=article, class_="source")
        src.text = clean(f"Source: {doc.source.path}" + (f" · {r.rights}" if r.rights else "")
                         + (f" · last updated {r.last_updated}" if r.last_updated else ""))
        self.write(path, html)

    def person(self, eid: str, e: Entity) -> None:
        path = self.person_file(eid)
        html, _head, main, up = self.page(path, e.name)
        el("h1", e.name, parent=main)
        if e.born or e.died:
            el("p", f"{e.born or '?'} – {e.died or ''}", parent=main, class_="meta")
        if e.aliases:
            el("p", "Also written: " + ", ".join(e.aliases), parent=main, class_="meta")
        el("h2", "Documents that name this person", parent=main)
        ul = el("ul", parent=main, class_="index")
        # A text in several documents is listed, and says each thing, once (archive/same_text.py).
        mentioned = sorted(self.mentioned_in.get(eid, []), key=date_key)
        members = {d.id: g for d in mentioned if (g := self.group_of(d))}
        for d, others in fold_documents(mentioned, members):
            li = el("li", parent=ul)
            self.doc_link(li, d, up)
            self.same_text_note(li, (self.by_id[o] for o in others), up, "the same text as ")
        claims = self.claims_about.get(eid, [])
        if claims:
            where = {id(d.claims[k]): (d, k) for d, k in claims}
            members = {d.id: g for d, _ in claims if (g := self.group_of(d))}
            kept, also, _ = fold_claims([ClaimItem(d.claims[k], d.id, None, None) for d, k in claims], members)
            el("h2", "What the documents say", parent=main)
            ul = el("ul", parent=main, class_="claims")
            for d, k in sorted((where[id(it.claim)] for it in kept),
                               key=lambda dk: (dk[0].claims[dk[1]].date or "9999", date_key(dk[0]), dk[1])):
                self.claim_item(ul, d, k, up, with_doc=True,
                                also_in=[self.by_id[o] for o in also.get(id(d.claims[k]), [])])
        self.write(path, html)

    def indexes(self) -> None:
        # authors
        by_author: dict[str, list[Document]] = defaultdict(list)
        by_year: dict[str, list[Document]] = defaultdict(list)
        for d in self.docs:
            if self.listed_elsewhere(d):
                continue        # a duplicate text: listed once, under its representative
            for a in author_names(d.record) or ["Unknown author"]:
                by_author[a].append(d)
            by_year[(d.record.date or "")[:4] or "Undated"].append(d)
        self.grouped_index("authors.html", "Authors", by_author,
                           lambda s: (s.split()[-1].lower() if s.split() else "", s),
                           lambda a: frag_id("a-", a))
        self.grouped_index("chronology.html", "Chronology", by_year, lambda y: (y == "Undated", y),
                           lambda y: f"y-{frag_id('', y)}")
        # persons
        html, _h, main, up = self.page("persons.html", "Persons")
        el("h1", "Persons", parent=main)
        ul = el("ul", parent=main, class_="index")
        for eid, e in sorted(self.persons.items(), key=lambda kv: (
                kv[1].name.split()[-1].lower() if kv[1].name.split() else "", kv[1].name)):
            li = el("li", parent=ul)
            bdi(e.name, el("a", parent=li, href=self.person_file(eid)))
            n = len(self.mentioned_in.get(eid, []))
            el("span", f" — {n} document{'s' if n != 1 else ''}", parent=li, class_="meta")
        self.write("persons.html", html)
        # home: the authors, the years and the person index at a glance
        html, _h, main, up = self.page("index.html", self.title)
        home_page(self, main, by_author, by_year)
        self.write("index.html", html)
        # search
        html, head, main, up = self.page("search.html", "Search")
        el("h1", "Search", parent=main)
        form = el("form", parent=main, id="search-form", role="search", action="search.html")
        el("label", "Search the edition", parent=form, **{"for": "q"},
           class_="visually-hidden")
        el("input", parent=form, id="q", name="q", type="search", autocomplete="off")
        el("button", "Search", parent=form, type="submit")
        el("p", parent=main, id="status", **{"aria-live": "polite"})
        el("ol", parent=main, id="results")
        el("button", "More results", parent=main, id="more", type="button", hidden="hidden")
        el("script", parent=body_of(html), src="search-index.js").text = ""
        el("script", parent=body_of(html), src="search.js").text = ""
        self.write("search.html", html)

    def search_index(self) -> None:
        docs, terms = [], defaultdict(list)
        for i, d in enumerate(self.docs):
            r = d.record
            docs.append([self.doc_file(d.id), r.title or d.id, ", ".join(r.authors), r.date])
            seen: dict[str, None] = {}
            names = [self.persons[m.entity].name for m in d.mentions
                     if m.entity in self.persons]
            head = " ".join([r.title or "", r.subtitle or "", " ".join(r.authors),
                             r.periodical or "", " ".join(names)])
            for t in fold_tokens(head) + fold_tokens(d.text):
                if t not in seen:
                    seen[t] = None
                    if len(seen) > MAX_TERMS_PER_DOC:
                        break
            for t in seen:
                terms[t].append(i)
        data = json.dumps({"docs": docs, "terms": terms}, ensure_ascii=False, separators=(",", ":"))
        # Inside JS source: keep "</script>" and line separators from meaning anything.
        data = data.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        (self.out / "search-index.js").write_text(f"window.WITNESS_SEARCH = {data};\n",
                                                  encoding="utf-8", errors="replace")
        (self.out / "search.js").write_text(SEARCH_JS, encoding="utf-8")
        write_texts(self.out, self.docs, self.persons)


def body_of(html):
    return html.find("body")


def publish(docs: Iterable[Document], out_dir: Path | str, *, authority: Any = None,
            title: str = "Witness edition", history: Callable[[str], list] | None = None) -> dict[str, int]:
    """Write the static site; returns counts of pages written.

    history: doc id → its versions (store.history), listed on each document's page."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    site = _Site(sorted(docs, key=date_key), out, clean(title) or "Witness edition", authority, history)
    (out / "style.css").write_text(CSS, encoding="utf-8")
    for d in site.docs:
        site.document(d)
    for eid, e in site.persons.items():
        site.person(eid, e)
    site.indexes()
    site.search_index()
    return {"documents": len(site.docs), "persons": len(site.persons)}
