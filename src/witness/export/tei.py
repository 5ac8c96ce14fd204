"""TEI P5 export: one ``<TEI>`` file per document, valid against tei_all (see docs/tei.md).

The encoding is designed to be read back exactly by ``witness.ingest.tei``: body text is
written verbatim inside ``<p>`` (never pretty-printed), ``\\n`` inside a paragraph is ``<lb/>``,
and every offset-bearing thing (mention, note call, finding, claim evidence) is either an
inline element or a pair of ``<anchor/>``s referenced from the ``<standOff>``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable

from lxml import etree

from ..model import Document, Entity
from . import _layout
from ._layout import Item, xml_safe
from .tei_base import (  # noqa: F401 - re-exported: the reader and other exporters use them
    ENTITY_LIST, MENTION_ELEMENT, STRUCTURAL, TEI_NS, XML_ID, _TOKEN, T, collect_entities,
    date_el as _date_el, entity_xml_id, sub, w3c_date)
from .tei_header import header as _header


# ---------------------------------------------------------------------------- text


def put_text(parent, s: str) -> None:
    """Append text verbatim; ``\\n`` becomes <lb/>, characters XML cannot carry become <g>."""
    for k, line in enumerate(s.split("\n")):
        if k:
            _append(parent, None, sub(parent, "lb"))
        pos = 0
        for m in _layout.ILLEGAL_XML.finditer(line):
            _append(parent, line[pos:m.start()])
            _append(parent, None, sub(parent, "g", type="control", n=str(ord(m.group()))))
            pos = m.end()
        _append(parent, line[pos:])


def _append(parent, s: str | None, el=None) -> None:
    if el is not None or not s:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + s
    else:
        parent.text = (parent.text or "") + s


def _clamp(doc: Document, a: int, b: int) -> tuple[int, int]:
    n = len(doc.text)
    a = max(0, min(a, n))
    return a, max(a, min(b, n))


def block_kinds(doc: Document) -> list[str]:
    """Per paragraph: "p" or "quote" (from the reader's ``extra["blocks"]`` when it gives them)."""
    paras = doc.paragraphs()
    kinds = ["p"] * len(paras)
    blocks = doc.extra.get("blocks") or []
    for b in blocks:
        try:
            start, end, kind = (b["start"], b["end"], b["kind"]) if isinstance(b, dict) else b
        except (TypeError, ValueError, KeyError):
            continue
        if kind in ("quote", "blockquote"):
            for k, (ps, pe) in enumerate(paras):
                if start <= ps and pe <= end:
                    kinds[k] = "quote"
    return kinds


class _Body:
    """Writes text/body and back, and remembers what had to go to the standOff."""

    def __init__(self, doc: Document, entity_ref: dict[str, str]):
        self.doc = doc
        self.entity_ref = entity_ref
        self.anchors: set[int] = set()
        self.demoted_mentions: list[tuple[int, Any]] = []
        self.demoted_calls: set[int] = set()
        self.inline_choices: set[int] = set()

    def anchor(self, off: int) -> str:
        self.anchors.add(off)
        return f"#w-a{off}"

    def write(self, root) -> None:
        doc = self.doc
        paras = doc.paragraphs()
        items: list[Item] = []
        for k, f in enumerate(doc.findings):
            if f.suggestion is not None:
                items.append(Item(*_clamp(doc, f.start, f.end), "choice", (k, f), 0, k))
        for k, n in enumerate(doc.notes):
            items.append(Item(*_clamp(doc, n.start, n.end), "call", (k, n), 1, k))
        for k, m in enumerate(doc.mentions):
            items.append(Item(*_clamp(doc, m.start, m.end), "mention", (k, m), 2, k))
        inline, demoted = _layout.place(items, paras)
        for it in inline:
            if it.kind == "choice":
                self.inline_choices.add(it.data[0])
        for it in demoted:
            self.anchor(it.start)
            self.anchor(it.end)
            if it.kind == "mention":
                self.demoted_mentions.append(it.data)
            elif it.kind == "call":
                self.demoted_calls.add(it.data[0])
        for k, f in enumerate(doc.findings):
            if k not in self.inline_choices:
                self.anchor(_clamp(doc, f.start, f.end)[0])
                self.anchor(_clamp(doc, f.start, f.end)[1])
        for c in doc.claims:
            self.anchor(_clamp(doc, c.evidence.start, c.evidence.end)[0])
            self.anchor(_clamp(doc, c.evidence.start, c.evidence.end)[1])
        for v in doc.variants:          # stand-off apparatus (standOff/listApp)
            for off in _clamp(doc, v.start, v.end):
                self.anchor(off)
        anchors = [Item(o, o, "anchor", o, -1, 0) for o in sorted(self.anchors)]

        text_el = sub(root, "text")
        div = sub(sub(text_el, "body"), "div", type="document")
        kinds = block_kinds(doc)
        quote = None
        for k, (ps, pe) in enumerate(paras):
            mine = [i for i in inline if ps <= i.start and i.end <= pe]
            mine += [a for a in anchors if ps <= a.start <= pe]
            if kinds[k] == "quote":
                if quote is None:
                    quote = sub(div, "quote", type="block")
                p = sub(quote, "p")
            else:
                quote = None
                p = sub(div, "p")
            self._render(p, _layout.tree(doc.text, ps, pe, mine))
            if pe + 1 in self.anchors and k + 1 < len(paras):
                sub(quote if quote is not None else div, "anchor", xml_id=f"w-a{pe + 1}")
        if doc.notes:
            self._notes(sub(sub(text_el, "back"), "div", type="notes"))

    def _render(self, parent, node: _layout.Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                put_text(parent, child)
                continue
            it = child.item
            if it.kind == "anchor":
                sub(parent, "anchor", xml_id=f"w-a{it.data}")
            elif it.kind == "choice":
                k, f = it.data
                ch = sub(parent, "choice", xml_id=f"w-f{k}")
                self._render(sub(ch, "sic"), child)
                put_text(sub(ch, "corr"), f.suggestion)
            elif it.kind == "call":
                k, _n = it.data
                self._render(sub(parent, "ref", type="noteref", target=f"#w-n{k}",
                                 xml_id=f"w-c{k}"), child)
            else:
                k, m = it.data
                self._render(self._mention(parent, k, m), child)

    def _mention(self, parent, k: int, m) -> etree._Element:
        tag = MENTION_ELEMENT.get(m.type, "rs")
        ref = self.entity_ref.get(m.entity) if m.entity is not None else None
        el = sub(parent, tag, n=str(k), key=m.entity, ref=f"#{ref}" if ref else None,
                 source=f"#{origin_id(m.origin)}" if m.origin else None)   # who marked it
        if tag == "rs":
            el.set("type", m.type if _TOKEN.match(m.type or "") else "unknown")
        return el

    def _notes(self, div) -> None:
        for k, n in enumerate(self.doc.notes):
            if k in self.demoted_calls:
                s, e = _clamp(self.doc, n.start, n.end)
                el = sub(div, "note", xml_id=f"w-n{k}", n=n.label, place="end",
                         target=f"#w-a{s}", targetEnd=f"#w-a{e}")
            else:
                el = sub(div, "note", xml_id=f"w-n{k}", n=n.label, place="end",
                         target=f"#w-c{k}")
            if not n.called:
                el.set("type", "uncalled")
            for para in n.text.split("\n\n"):
                put_text(sub(el, "p"), para)


# ---------------------------------------------------------------------------- standOff


def _entities(so, entities: list[Entity], entity_ref: dict[str, str]) -> None:
    lists: dict[tuple[str, str | None], etree._Element] = {}
    for k, e in enumerate(entities):
        list_tag, entry_tag, name_tag = ENTITY_LIST.get(e.type, ("listBibl", "bibl", "title"))
        key = (list_tag, "entities" if list_tag == "listEvent" else None)
        if key not in lists:
            lists[key] = sub(so, list_tag, type=key[1])
        entry = sub(lists[key], entry_tag, xml_id=entity_ref[e.id], n=str(k))
        if entry_tag in ("bibl", "event"):
            entry.set("type", e.type if _TOKEN.match(e.type or "") else "unknown")
        if e.provisional:
            entry.set("ana", "#w-provisional")
        names = [(e.name, "main")] + [(a, "variant") for a in e.aliases]
        idnos = [(e.id, "witness")] + [(None if v is None else str(v),
                                        src if _TOKEN.match(str(src)) else "external")
                                       for src, v in (e.external or {}).items()]
        if entry_tag == "event":  # event wants its idno first, the others their names first
            name_tag = "label"
            names, idnos = idnos, names
        for val, typ in names:
            sub(entry, name_tag if entry_tag != "event" else "idno", val, type=typ)
        for val, typ in idnos:
            sub(entry, "idno" if entry_tag != "event" else name_tag, val, type=typ)
        for tag, val in (("birth", e.born), ("death", e.died)):
            if val is None:
                continue
            if entry_tag == "person":
                _date_el(entry, tag, val, val)
            else:  # founded/dissolved, first/last issue: kept as typed notes with a date
                _date_el(sub(entry, "note", type=tag), "date", val, val)


def _claims(so, doc: Document, entity_ref: dict[str, str], names: dict[str, str]) -> None:
    le = sub(so, "listEvent", type="claims")
    for k, c in enumerate(doc.claims):
        ev = sub(le, "event", xml_id=f"w-claim{k}", type=c.predicate if _TOKEN.match(c.predicate or "")
                 else "unknown", ana=f"#w-certainty.{c.certainty}",
                 when=c.date if w3c_date(c.date) else None)
        desc = sub(ev, "desc")
        _role(desc, "subject", c.subject, entity_ref, names)
        _append(desc, " ")
        _append(desc, c.predicate)
        if c.object is not None:
            _append(desc, " ")
            _role(desc, "object", c.object, entity_ref, names)
        if c.place is not None:
            _append(desc, " at ")
            _role(desc, "place", c.place, entity_ref, names)
        if c.date is not None:
            _append(desc, " on ")
            _date_el(desc, "date", c.date, c.date, type="claim")
        if c.attributed_to is not None:
            sub(ev, "note", c.attributed_to, type="attributed-to")
        sub(ev, "ptr", type="evidence", target=f"#w-ev{k}")


def _role(parent, role: str, value: str, entity_ref: dict[str, str], names: dict[str, str]) -> None:
    """An entity id becomes an rs with @key/@ref (showing its name); anything else is literal."""
    if value in entity_ref:
        sub(parent, "rs", names[value], type=role, key=value, ref=f"#{entity_ref[value]}")
    else:
        sub(parent, "rs", value, type=role)


def _spans(so, doc: Document, body: _Body, entity_ref: dict[str, str]) -> None:
    if body.demoted_mentions:
        grp = sub(so, "spanGrp", type="mentions")
        for k, m in body.demoted_mentions:
            s, e = _clamp(doc, m.start, m.end)
            span = sub(grp, "span", type="mention", n=str(k), **{"from": f"#w-a{s}"}, to=f"#w-a{e}")
            body._mention(span, k, m).text = xml_safe(doc.text[s:e])
    if doc.findings:
        grp = sub(so, "spanGrp", type="findings")
        for k, f in enumerate(doc.findings):
            rule = f.rule if _TOKEN.match(f.rule or "") else "unknown"
            if k in body.inline_choices:
                sub(grp, "span", f.message, type=rule, subtype=f.severity, target=f"#w-f{k}")
                continue
            s, e = _clamp(doc, f.start, f.end)
            span = sub(grp, "span", f.message, type=rule, subtype=f.severity,
                       **{"from": f"#w-a{s}"}, to=f"#w-a{e}")
            if f.suggestion is not None:
                # Crossed an inline element: the choice lives in the span instead.
                ch = sub(span, "choice")
                put_text(sub(ch, "sic"), doc.text[s:e])
                put_text(sub(ch, "corr"), f.suggestion)
    if doc.claims:
        grp = sub(so, "spanGrp", type="evidence")
        for k, c in enumerate(doc.claims):
            s, e = _clamp(doc, c.evidence.start, c.evidence.end)
            sub(grp, "span", xml_id=f"w-ev{k}", **{"from": f"#w-a{s}"}, to=f"#w-a{e}")


def origin_id(origin: str) -> str:
    """The xml:id of the category that stands for a mention's origin (encodingDesc)."""
    return "w-origin." + (origin if _TOKEN.match(origin) else "other")


def _variants(so, doc: Document) -> None:
    """Every variant as an apparatus entry over its span: the lemma is the text as read, the
    readings what the source gives beside it (a choice's other side is a typed reading)."""
    la = sub(so, "listApp", type="variants")
    for v in doc.variants:
        s, e = _clamp(doc, v.start, v.end)
        app = sub(la, "app", type=v.kind if _TOKEN.match(v.kind or "") else "unknown",
                  **{"from": f"#w-a{s}"}, to=f"#w-a{e}")
        put_text(sub(app, "lem", wit=v.lemma_wit), doc.text[s:e])
        for r in v.readings:
            token = r.type is None or bool(_TOKEN.match(r.type))
            put_text(sub(app, "rdg", wit=r.wit, type=r.type if token else None,
                         n=None if token else r.type, resp=r.resp), r.text)


# ---------------------------------------------------------------------------- API


def _indent(el, level: int = 0) -> None:
    """Indent structural elements only: mixed content must stay byte-exact."""
    if etree.QName(el).localname not in STRUCTURAL or (el.text and el.text.strip()):
        return
    if any(c.tail and c.tail.strip() for c in el):
        return
    if len(el) == 0:
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for c in el:
        _indent(c, level + 1)
        c.tail = pad
    el[-1].tail = "\n" + "  " * level


def to_tei(doc: Document, authority: Any = None, *, versions: Iterable | None = None) -> bytes:
    """The document as a TEI P5 file (UTF-8 bytes).

    ``authority`` (optional) completes entities (names, variants, life dates): a mapping
    id → Entity or any object with ``.get(id)``.  ``versions`` (optional) is the store's
    history (``VersionInfo`` or dicts), listed in ``revisionDesc``; defaults to
    ``doc.extra["versions"]``.
    """
    root = etree.Element(T("TEI"), nsmap={None: TEI_NS})
    _header(doc, root, list(versions) if versions is not None else None)
    entities = collect_entities(doc, authority)
    entity_ref: dict[str, str] = {}
    for e in entities:
        entity_ref.setdefault(e.id, entity_xml_id(e.id))
    entities = [e for k, e in enumerate(entities) if e.id not in {x.id for x in entities[:k]}]
    body = _Body(doc, entity_ref)
    body.write(root)
    if entities or doc.claims or doc.findings or body.demoted_mentions or doc.variants:
        so = sub(root, "standOff")
        _entities(so, entities, entity_ref)
        if doc.claims:
            _claims(so, doc, entity_ref, {e.id: e.name for e in entities})
        _spans(so, doc, body, entity_ref)
        if doc.variants:
            _variants(so, doc)
    # Anchors were collected while the body was written; between-paragraph ones are
    # already placed, the rest were rendered inline.
    _indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def export_tei(docs: Iterable[Document], out_dir: Path | str, authority: Any = None) -> int:
    """One <id>.xml per document, written atomically; returns the number written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    n = 0
    for doc in docs:
        target = out_dir / f"{doc.id}.xml"
        tmp = target.with_suffix(".xml.tmp")
        tmp.write_bytes(to_tei(doc, authority))
        os.replace(tmp, target)
        n += 1
    return n
