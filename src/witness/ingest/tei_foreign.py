"""TEI written by others → Document (lenient; see ingest/tei.py and docs/tei.md).

The header is mapped onto the record as far as it goes (titleStmt, respStmt, sourceDesc
bibl/biblStruct, availability, langUsage, revisionDesc); the text is read with XML whitespace
rules; entities come from any listPerson/listOrg/listPlace in the file.
"""

from __future__ import annotations

import re

from ..model import Document, Entity, Finding, Note, Reading, Record, Source, Variant
from .tei_text import XML_ID, TextBuilder, Walker, ln, norm_text
from . import tei_refs

_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_ISO = re.compile(r"^-?\d{4}(-\d{2}(-\d{2})?)?")
_RESP = (("translat", "translated_by"), ("transcri", "transcribed_by"), ("mark", "marked_up_by"),
         ("encod", "marked_up_by"), ("proof", "proofread_by"))
_UNITS = {"vol": "volume", "volume": "volume", "issue": "issue", "no": "issue", "number": "issue",
          "num": "issue", "page": "pages", "pages": "pages", "pp": "pages"}
_ENTRIES = {"person": ("person", ("persName",)), "org": ("organization", ("orgName",)),
            "place": ("place", ("placeName", "settlement", "country", "geogName"))}


def _kids(el, *names):
    return [] if el is None else [c for c in el if isinstance(c.tag, str) and ln(c) in names]


def _first(el, *path):
    cur = [el] if el is not None else []
    for name in path:
        cur = [c for p in cur for c in _kids(p, name)]
    return cur[0] if cur else None


_CC = re.compile(r"creativecommons\.org/(?:licenses/([a-z-]+)/(\d\.\d)|publicdomain/(zero)/(1\.0))")


def _rights(ps) -> str | None:
    """A Creative Commons licence by its short name: editions put the whole deed in its text."""
    lic = _first(ps, "availability", "licence")
    m = _CC.search(lic.get("target") or "") if lic is not None else None
    if m:
        kind, version = (m.group(1) or "").upper(), m.group(2) or m.group(4)
        return f"CC {kind} {version}" if kind else f"CC0 {version}"
    return _n(_first(ps, "availability"))


def _all(el, name):
    return [] if el is None else [d for d in el.iter() if isinstance(d.tag, str) and ln(d) == name]


def _n(el) -> str | None:
    if el is None:
        return None
    s = norm_text(el)
    return s or None


def _date(el) -> tuple[str | None, str | None]:
    """(ISO value, words) of a TEI date element."""
    if el is None:
        return None, None
    words = _n(el)
    for attr in ("when", "when-iso", "notBefore", "from"):
        m = _ISO.match(el.get(attr) or "")
        if m:
            return m.group(0), words
    m = _YEAR.search(words or "")
    return (m.group(1) if m else None), words


def _record(root, header, text) -> Record:
    r = Record(language=None)
    ts = _first(header, "fileDesc", "titleStmt")
    # A series title (level s) or a journal's (j) names the collection, not this text; a
    # title typed as a date or sort key is no title at all.
    titles = [t for t in _kids(ts, "title") if t.get("level") not in ("s", "j")
              and (t.get("type") or "") not in _NOT_TITLE_TYPES]
    titles = titles or _kids(ts, "title")
    own = [t for t in titles if t.get("level") == "a"] or titles
    main = [t for t in own if t.get("type") in (None, "main", "full", "title")]
    subs = [t for t in titles if t.get("type") in ("sub", "subtitle")]
    r.title = _n(main[0]) if main else (_n(own[0]) if own else None)
    r.subtitle = _n(subs[0]) if subs else None
    r.authors = [a for a in (_person(x) for x in _kids(ts, "author")) if a]
    for rs in _kids(ts, "respStmt"):
        what = (_n(_first(rs, "resp")) or "").lower()
        names = [n for n in (_n(c) for c in rs if isinstance(c.tag, str) and ln(c) != "resp") if n]
        for key, field in _RESP:
            if key in what:
                getattr(r, field).extend(n for n in names if n not in getattr(r, field))
    ps = _first(header, "fileDesc", "publicationStmt")
    r.rights = _rights(ps)
    r.publisher = None
    sd = _first(header, "fileDesc", "sourceDesc")
    bs, bibl = _first(sd, "biblStruct"), _first(sd, "bibl")
    if bs is None and bibl is None and sd is not None:   # inside a listBibl
        bs, bibl = next(iter(_all(sd, "biblStruct")), None), next(iter(_all(sd, "bibl")), None)
    if bs is not None:
        an, mo = _first(bs, "analytic"), _first(bs, "monogr")
        if an is not None:
            r.title = r.title or _n(_first(an, "title"))
            r.authors = r.authors or [a for a in (_n(x) for x in _kids(an, "author")) if a]
        for t in _kids(mo, "title"):
            if t.get("level") == "j" or (an is not None and r.periodical is None):
                r.periodical = _n(t)
        im = _first(mo, "imprint")
        _scopes(r, _kids(im, "biblScope") + _kids(mo, "biblScope") + _kids(bs, "biblScope"))
        r.publisher = _n(_first(im, "publisher"))
        r.date, r.date_text = _date(_first(im, "date"))
    elif bibl is not None:
        for t in _kids(bibl, "title"):
            if t.get("level") == "j":
                r.periodical = _n(t)
        _scopes(r, _all(bibl, "biblScope"))
        r.publisher = _n(_first(bibl, "publisher"))
        r.date, r.date_text = _date(_first(bibl, "date"))
        r.source_text = _bibl_text(bibl)
        r.authors = r.authors or [a for a in (_n(x) for x in _kids(bibl, "author")) if a]
    elif sd is not None:
        r.source_text = _n(sd)
    _every_bibl(r, sd)
    r.written, r.written_text = _date(_first(header, "profileDesc", "creation", "date"))
    if r.written is None:
        r.written_text = None
    _corresp(r, _first(header, "profileDesc", "correspDesc"))
    lang = _first(header, "profileDesc", "langUsage", "language")
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    r.language = (lang.get("ident") if lang is not None else None) or root.get(xml_lang) \
        or text.get(xml_lang)
    whens = [c.get("when") for c in _all(_first(header, "revisionDesc"), "change")
             if _ISO.match(c.get("when") or "")]
    r.last_updated = max(whens) if whens else None
    if r.title is None:
        head = next(iter(_all(text, "head")), None)
        r.title = _n(head)
    return r


_NOT_TITLE_TYPES = {"iso-date", "date", "sort", "short", "alt", "desc", "reg"}
_PERSON_SKIP = {"idno", "date", "note", "birth", "death", "ptr", "ref"}
# sourceDesc bibls that name the first printing (ELTeC: firstEdition; others: printSource…)
_FIRST = ("firstedition", "first-edition", "printsource", "print", "edition", "original", "copytext")


def _person(el) -> str | None:
    """A name as the edition prints it: its persName if it has one, never its idno numbers
    ("Paul Scheerbart", not "Paul Scheerbart Q62435 118606816")."""
    if el is None:
        return None
    pn = next((x for x in (_first(el, "persName"), _first(el, "name"), _first(el, "orgName"))
               if x is not None), None)
    if pn is not None:
        return _n(pn)
    parts = [el.text or ""]
    kids = list(el)
    if {"forename", "surname"} <= {ln(c) for c in kids if isinstance(c.tag, str)} \
            and not (el.text or "").strip() and not any((c.tail or "").strip() for c in kids):
        # Name parts alone, surname first (PMB's index): said forename first, as printed names are.
        kids.sort(key=lambda c: not isinstance(c.tag, str) or ln(c) != "forename")
    for c in kids:
        if isinstance(c.tag, str) and ln(c) not in _PERSON_SKIP:
            parts.append(norm_text(c))
        parts.append(c.tail or "")
    name = " ".join(" ".join(parts).split()).strip(" ,;")
    return re.sub(r"\s*\(\s*\d{3,4}\s*[-–]\s*\d{0,4}\s*\)\.?$", "", name) or None


def _bibl_text(bibl) -> str | None:
    """A bibl as one line: its parts separated as a reader would ("Title, Publisher, 2004")."""
    parts = [x for x in ([_n(c) for c in bibl if isinstance(c.tag, str)] + [(bibl.text or "").strip()]) if x]
    if not any(isinstance(c.tag, str) for c in bibl):
        return _n(bibl)
    return ", ".join(p.strip(" ,.;") for p in parts if p.strip(" ,.;")) or None


def _every_bibl(r: Record, sd) -> None:
    """Every bibl in sourceDesc counts: the first edition's date over a digital source's."""
    if sd is None:
        return
    dated = []
    for b in _all(sd, "bibl") + _all(sd, "biblStruct"):
        d = next(iter(_all(b, "date")), None)
        value, words = _date(d)
        if value:
            first = (b.get("type") or "").lower().replace("_", "") in _FIRST or \
                (b.getparent() is not None and (b.getparent().get("type") or "").lower() in _FIRST)
            dated.append((not first, value, words, b))
    if not dated:
        return
    dated.sort(key=lambda x: (x[0], x[1]))
    _, value, words, b = dated[0]
    if r.date is None or not dated[0][0]:
        r.date, r.date_text = value, words
        pub = next(iter(_all(b, "publisher")), None)
        r.publisher = _n(pub) or r.publisher


def _corresp(r: Record, cd) -> None:
    """correspDesc: the sender writes (authors, written date and place), the receiver gets it."""
    if cd is None:
        return
    for action in _kids(cd, "correspAction"):
        kind = (action.get("type") or "").lower()
        names = [x for x in (_person(p) for p in _kids(action, "persName", "orgName", "name")) if x]
        if kind == "sent":
            for n in names:
                if n not in r.authors:
                    r.authors.append(n)
            if r.written is None:
                value, words = _date(_first(action, "date"))
                if value:
                    r.written, r.written_text = value, words
            place = _first(action, "placeName")
            r.written_place = r.written_place or _n(place if place is not None else _first(action, "settlement"))
        elif kind == "received":
            r.addressees.extend(n for n in names if n not in r.addressees)


def _scopes(r: Record, scopes) -> None:
    for sc in scopes:
        field = _UNITS.get((sc.get("unit") or sc.get("type") or "").lower().rstrip("."))
        if not field or getattr(r, field):
            continue
        value = _n(sc)
        if value is None and sc.get("from"):
            value = sc.get("from") + (f"–{sc.get('to')}" if sc.get("to") else "")
        setattr(r, field, value)


_ENTRY_LISTS = {"person": "person", "personGrp": "person", "place": "place", "org": "organization",
                "bibl": "work", "biblStruct": "work", "event": "event"}
_RS_TYPES = {"person": "person", "persname": "person", "people": "person", "place": "place",
             "placename": "place", "org": "organization", "organisation": "organization",
             "organization": "organization", "orgname": "organization", "work": "work", "bibl": "work",
             "title": "work", "event": "event", "periodical": "periodical", "journal": "periodical"}


def _entities(root) -> dict[str, Entity]:
    """Entries of the file's own indexes (listPerson, listPlace, listOrg, listBibl, listEvent,
    anywhere in it), by xml:id, each keyed by the authority numbers its idno gives."""
    out: dict[str, Entity] = {}
    for tag, etype in _ENTRY_LISTS.items():
        for entry in _all(root, tag):
            ident = entry.get(XML_ID)
            parent = entry.getparent()
            if not ident or parent is None or not ln(parent).startswith("list"):
                continue
            external = tei_refs.external_of_idnos(
                [(i.get("type") or i.get("subtype"), _n(i)) for i in _kids(entry, "idno")])
            if entry.get("ref"):
                found = tei_refs.authority_of(entry.get("ref"))
                if found:
                    external.setdefault(*found)
            if not external and (found := tei_refs.local_authority(ident)):
                external[found[0]] = found[1]
            wid = next((i for i in _kids(entry, "idno") if i.get("type") == "witness"), None)
            eid = _n(wid) or tei_refs.entity_id(external, tei_refs.LOCAL + ident)
            name_tags = {"person": ("persName",), "personGrp": ("persName", "name"),
                         "place": ("placeName", "settlement", "country", "geogName"),
                         "org": ("orgName",), "event": ("label", "desc"),
                         "bibl": ("title",), "biblStruct": ("title",)}[tag]
            names = [x for x in (_person(n) if ln(n) == "persName" else _n(n)
                                 for n in (_all(entry, "title")[:1] if tag == "biblStruct"
                                           else _kids(entry, *name_tags))) if x]
            birth, death = (_life(_first(entry, tag)) for tag in ("birth", "death"))
            out[ident] = Entity(id=eid, type=etype, name=names[0] if names else ident, aliases=names[1:],
                                born=_date(birth)[0] or _n(birth), died=_date(death)[0] or _n(death),
                                external={"wikidata": None, **external}, provisional=True)
    return out


def _life(el):
    """A birth/death element, or the date inside it when it has one (<birth><date when=…>)."""
    if el is not None and not any(el.get(a) for a in ("when", "when-iso", "notBefore", "from")):
        inner = _first(el, "date")
        if inner is not None:
            return inner
    return el


def _resolve(m, ref: str | None, entries: dict[str, Entity], made: dict[str, Entity]) -> None:
    """Link a mention to the entity its @ref names (an entry of the file, or an authority URI)."""
    m.origin = "tei"
    if m.type in ("name",) or m.type.lower() in _RS_TYPES:
        m.type = _RS_TYPES.get(m.type.lower(), m.type)
    if not ref:
        m.entity = None
        return
    for one in ref.split():
        if one.startswith("#"):
            e = entries.get(one[1:])
            if e is not None:
                if m.type == "name":
                    m.type = e.type
                made.setdefault(e.id, e)
                m.entity = e.id
                return
            continue
        found = tei_refs.authority_of(one)
        if found:
            eid = tei_refs.entity_id({found[0]: found[1]}, "")
            e = made.get(eid) or next((x for x in entries.values() if x.id == eid), None)
            if e is None:
                e = Entity(id=eid, type=m.type if m.type in ("person", "place", "organization", "work",
                                                             "event", "periodical") else "person",
                           name=m.text, external={"wikidata": None, found[0]: found[1]}, provisional=True)
            made.setdefault(eid, e)
            m.entity = eid
            return
    m.entity = None


def _note_text(el) -> str:
    b = TextBuilder(exact=False)
    w = Walker(b)
    w.block(el)
    text = b.text()
    # A note inside a note keeps its words, after the note it sits in.
    inner = [_note_text(n) for _, n in w.inline_notes] + [_note_text(n) for n in w.block_notes]
    return " ".join([text] + [f"[{t}]" for t in inner if t]).strip()


def read_foreign(root, header, text) -> Document:
    w = Walker(TextBuilder(exact=False))
    parts = [p for p in (_first(text, "front"), _first(text, "body"), _first(text, "back"))
             if p is not None]
    for part in parts or [text]:
        w.in_back = ln(part) == "back"
        w.block(part)
    doc_text = w.finish()
    entries = _entities(root)
    made: dict[str, Entity] = {}
    mentions = []
    for _, m in w.mentions:
        _resolve(m, m.entity, entries, made)
        if m.type != "date" or m.start < m.end:
            mentions.append(m)
    # The file's own index entries are its entities even where the text does not name them
    # (a letter's addressee in correspDesc, a work in listBibl).
    for e in entries.values():
        made.setdefault(e.id, e)
    entities = list(made.values())
    notes: list[Note] = []
    auto = 0
    for off, el in w.inline_notes:
        auto += 1
        notes.append(Note(el.get("n") or str(auto), off, off, _note_text(el)))
    for el in w.block_notes:
        auto += 1
        span = None
        for t in (el.get("target") or "").split():
            t = t.lstrip("#")
            span = w.id_spans.get(t) or ((w.anchors[t],) * 2 if t in w.anchors else None)
            if span:
                break
        if span is None and el.get(XML_ID):
            span = w.ref_targets.get("#" + el.get(XML_ID))
        s, e = span or (0, 0)
        notes.append(Note(el.get("n") or str(auto), s, e, _note_text(el), called=span is not None))
    notes.sort(key=lambda n: (not n.called, n.start))
    findings = [Finding("tei-sic", "info", s, e,
                        f"the TEI source marks “{doc_text[s:e]}” as printed (sic) and gives "
                        f"“{corr}” as the correction", corr)
                for s, e, kind, corr in w.alternatives if kind == "sic"]
    # Both sides of a choice, every reading of an apparatus: stand-off variants.
    edited = {"sic": "corr", "orig": "reg", "abbr": "expan"}
    variants = [Variant(s, e, kind, [Reading(alt, type=edited[kind])])
                for s, e, kind, alt in w.alternatives if kind in edited]
    variants += [Variant(s, e, "app", [Reading(t, wit, typ, resp) for t, wit, typ, resp in readings],
                         lemma_wit=lem_wit)
                 for s, e, lem_wit, readings in w.apparatus]
    n = len(doc_text)
    for v in variants:      # a mark taken before held-back space at the very end
        v.start, v.end = min(v.start, n), min(v.end, n)
    variants.sort(key=lambda v: (v.start, v.end))
    return Document(id="", source=Source(path="", format="tei", sha256=""),
                    record=_record(root, header, text), text=doc_text, notes=notes,
                    findings=findings, mentions=mentions, entities=entities, variants=variants)
