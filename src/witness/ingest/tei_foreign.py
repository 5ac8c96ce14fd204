"""TEI written by others → Document (lenient; see ingest/tei.py and docs/tei.md).

The header is mapped onto the record as far as it goes (titleStmt, respStmt, sourceDesc
bibl/biblStruct, availability, langUsage, revisionDesc); the text is read with XML whitespace
rules; entities come from any listPerson/listOrg/listPlace in the file.
"""

from __future__ import annotations

import re

from ..model import Document, Entity, Finding, Note, Record, Source
from .tei_text import XML_ID, TextBuilder, Walker, ln, norm_text

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
    titles = _kids(ts, "title")
    main = [t for t in titles if t.get("type") in (None, "main", "full", "title")]
    subs = [t for t in titles if t.get("type") in ("sub", "subtitle")]
    r.title = _n(main[0]) if main else (_n(titles[0]) if titles else None)
    r.subtitle = _n(subs[0]) if subs else None
    r.authors = [a for a in (_n(x) for x in _kids(ts, "author")) if a]
    for rs in _kids(ts, "respStmt"):
        what = (_n(_first(rs, "resp")) or "").lower()
        names = [n for n in (_n(c) for c in rs if isinstance(c.tag, str) and ln(c) != "resp") if n]
        for key, field in _RESP:
            if key in what:
                getattr(r, field).extend(n for n in names if n not in getattr(r, field))
    ps = _first(header, "fileDesc", "publicationStmt")
    r.rights = _n(_first(ps, "availability"))
    r.publisher = None
    sd = _first(header, "fileDesc", "sourceDesc")
    bs, bibl = _first(sd, "biblStruct"), _first(sd, "bibl")
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
        r.source_text = _n(bibl)
        r.authors = r.authors or [a for a in (_n(x) for x in _kids(bibl, "author")) if a]
    elif sd is not None:
        r.source_text = _n(sd)
    r.written, _ = _date(_first(header, "profileDesc", "creation", "date"))
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


def _scopes(r: Record, scopes) -> None:
    for sc in scopes:
        field = _UNITS.get((sc.get("unit") or sc.get("type") or "").lower().rstrip("."))
        if not field or getattr(r, field):
            continue
        value = _n(sc)
        if value is None and sc.get("from"):
            value = sc.get("from") + (f"–{sc.get('to')}" if sc.get("to") else "")
        setattr(r, field, value)


def _entities(root) -> tuple[list[Entity], dict[str, str]]:
    out, ids = [], {}
    for tag, (etype, name_tags) in _ENTRIES.items():
        for entry in _all(root, tag):
            ident = entry.get(XML_ID)
            if not ident:
                continue
            wid = next((i for i in _kids(entry, "idno") if i.get("type") == "witness"), None)
            eid = _n(wid) or ident
            names = [_n(x) for x in _kids(entry, *name_tags)]
            names = [x for x in names if x]
            birth, death = _first(entry, "birth"), _first(entry, "death")
            e = Entity(id=eid, type=etype, name=names[0] if names else eid, aliases=names[1:],
                       born=_date(birth)[0] or _n(birth), died=_date(death)[0] or _n(death))
            for idno in _kids(entry, "idno"):
                if idno.get("type") and idno.get("type") != "witness":
                    e.external[idno.get("type")] = _n(idno)
            out.append(e)
            ids[ident] = eid
    return out, ids


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
    entities, ids = _entities(root)
    mentions = []
    for _, m in w.mentions:
        key = (m.entity or "").split()[0] if m.entity else None
        if key and key.startswith("#"):
            key = ids.get(key[1:])
        m.entity = key
        mentions.append(m)
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
    return Document(id="", source=Source(path="", format="tei", sha256=""),
                    record=_record(root, header, text), text=doc_text, notes=notes,
                    findings=findings, mentions=mentions, entities=entities)
