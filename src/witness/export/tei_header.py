"""The teiHeader written from a document's record (and the store's versions)."""

from __future__ import annotations

from ..model import CERTAINTIES, Document
from ._html import original_url
from ._layout import xml_safe
from .tei_base import (APP_IDENT, CERTAINTY_DESC, FORMAT_VERSION, RESP, XML_LANG, _LANG, T,
                       date_el as _date_el, sub, w3c_date)


def header(doc: Document, root, versions) -> None:
    r = doc.record
    header = sub(root, "teiHeader")
    fd = sub(header, "fileDesc")
    ts = sub(fd, "titleStmt")
    if r.title is not None:
        sub(ts, "title", r.title, type="main")
    if r.subtitle is not None:
        sub(ts, "title", r.subtitle, type="sub")
    if r.title is None and r.subtitle is None:
        sub(ts, "title")
    for a in r.authors:
        sub(ts, "author", a)
    for field, key, label in RESP:
        names = getattr(r, field)
        if names:
            rs = sub(ts, "respStmt")
            sub(rs, "resp", label, key=key)
            for n in names:
                sub(rs, "name", n)

    ps = sub(fd, "publicationStmt")
    sub(ps, "authority", "Witness archive of Marxists' Internet Archive pages")
    sub(ps, "idno", doc.id, type="witness")
    sub(ps, "idno", doc.source.path, type="source-path")
    if r.rights is not None:
        sub(sub(ps, "availability"), "licence", r.rights)

    if r.empty_fields:
        ns = sub(fd, "notesStmt")
        for name in r.empty_fields:
            sub(ns, "note", name, type="empty-field")

    sd = sub(fd, "sourceDesc")
    bs = sub(sd, "biblStruct")
    if r.periodical is not None:
        an = sub(bs, "analytic")
        for a in r.authors:
            sub(an, "author", a)
        if r.title is not None:
            sub(an, "title", r.title, level="a", type="main")
        if r.subtitle is not None:
            sub(an, "title", r.subtitle, level="a", type="sub")
        mo = sub(bs, "monogr")
        sub(mo, "title", r.periodical, level="j")
    else:
        mo = sub(bs, "monogr")
        for a in r.authors:
            sub(mo, "author", a)
        sub(mo, "title", r.title or "", level="m", type="main" if r.title is not None else None)
        if r.subtitle is not None:
            sub(mo, "title", r.subtitle, level="m", type="sub")
    im = sub(mo, "imprint")
    if r.publisher is not None:
        sub(im, "publisher", r.publisher)
    for unit, val in (("volume", r.volume), ("issue", r.issue), ("page", r.pages)):
        if val is not None:
            sub(im, "biblScope", val, unit=unit)
    if r.date is not None or r.date_text is not None or len(im) == 0:
        _date_el(im, "date", r.date, r.date_text, type="published")
    url = original_url(doc)
    if url is not None:     # the original page (TEI: a pointer after the monogr)
        sub(bs, "ptr", target=url, type="original")
    if r.heading_date is not None or r.heading_date_text is not None:
        _date_el(sub(sd, "bibl", type="heading"), "date", r.heading_date, r.heading_date_text)
    if r.source_text is not None:
        sub(sd, "bibl", r.source_text, type="source-line")
    if r.work is not None:      # the book a chapter belongs to
        sub(sub(sd, "bibl", type="work"), "title", r.work, level="m")

    ed = sub(header, "encodingDesc")
    app = sub(sub(ed, "appInfo"), "application", ident=APP_IDENT, version=FORMAT_VERSION)
    sub(app, "label", "Witness")
    tax = sub(sub(ed, "classDecl"), "taxonomy", xml_id="w-certainty")
    for c in CERTAINTIES:
        sub(sub(tax, "category", xml_id=f"w-certainty.{c}"), "catDesc", CERTAINTY_DESC[c])
    sub(sub(tax, "category", xml_id="w-provisional"), "catDesc",
        "entity not yet in the authority file")
    origins = sorted({m.origin for m in doc.mentions if m.origin})
    if origins:     # who marked a mention (persName/@source): the source's own encoding…
        from .tei import origin_id
        tax = sub(ed.find(T("classDecl")), "taxonomy", xml_id="w-origin")
        for o in origins:
            cat = sub(tax, "category", xml_id=origin_id(o))
            sub(cat, "catDesc", f"mentions marked by: {o}", n=o)

    pd = None
    if r.language is not None or r.written is not None or r.written_text is not None \
            or r.written_place is not None or r.addressees:
        pd = sub(header, "profileDesc")
    if r.written is not None or r.written_text is not None or r.written_place is not None:
        cr = sub(pd, "creation")
        if r.written is not None or r.written_text is not None:
            # content: the words it was read from (@when/@n: the value)
            _date_el(cr, "date", r.written, r.written_text if r.written_text is not None else "",
                     type="written")
        if r.written_place is not None:
            sub(cr, "placeName", r.written_place)
    if r.addressees:
        ca = sub(sub(pd, "correspDesc"), "correspAction", type="received")
        for name in r.addressees:
            sub(ca, "persName", name)
    if r.language is not None:
        lang = sub(pd, "langUsage")
        sub(lang, "language", r.language,
            ident=r.language if _LANG.match(r.language) else "und")

    versions = versions if versions is not None else doc.extra.get("versions")
    if r.last_updated is not None or versions:
        rd = sub(header, "revisionDesc")
        if r.last_updated is not None:
            _date_el(rd, "change", r.last_updated, r.last_updated, type="last-updated")
        for v in versions or []:
            get = (lambda k: v.get(k)) if isinstance(v, dict) else (lambda k: getattr(v, k, None))
            when = get("ingested_at")
            ch = sub(rd, "change", type="witness-version", n=get("version"),
                     when=when if w3c_date(when) else None)
            ch.text = xml_safe(f"version {get('version')}: {get('path')} "
                               f"(sha256 {get('sha256')})" + (" — current" if get("current") else ""))
    if r.language is not None and _LANG.match(r.language):
        root.set(XML_LANG, r.language)

