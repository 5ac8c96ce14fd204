"""Reader for TEI P5 (and namespace-less P4-style) files.

Two modes.  A file written by Witness (``appInfo/application[@ident="witness"]``) is read
*exactly*: paragraph content is verbatim, ``<lb/>`` is ``\\n``, and record, notes, mentions,
entities, claims and findings come back as they were exported (docs/tei.md).  Any other TEI
is read *leniently*: whitespace is normalised as XML intends, the header is mapped onto the
record as far as it goes, and an element we do not know is kept as text, never dropped.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

from ..model import Claim, Document, Entity, Finding, Mention, Note, Reading, Record, Source, Span, Variant
from .base import Decline, RawInput
from .tei_text import TextBuilder, Walker, exact_text, ln, mention_origin

try:
    from .ids import doc_id
except ImportError:  # pragma: no cover - the ids module belongs to the reader worker
    def doc_id(relpath: str) -> str:
        base = re.sub(r"\.(xml|tei)$", "", relpath.lower())
        return re.sub(r"[^a-z0-9]+", "-", base).strip("-") or "document"

NAME = "tei"
_SNIFF = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(TEI|TEI\.2|teiCorpus)[\s>/]")


def kids(el, *names):
    if el is None:
        return []
    return [c for c in el if isinstance(c.tag, str) and ln(c) in names]


def first(el, *path):
    """The first descendant along a path of local names (namespace-agnostic)."""
    cur = [el] if el is not None else []
    for name in path:
        cur = [c for p in cur for c in kids(p, name)]
        if not cur:
            return None
    return cur[0]


def every(el, name):
    return [d for d in el.iter() if isinstance(d.tag, str) and ln(d) == name]


_XMLDECL = re.compile(rb"^\s*<\?xml[^>]*\?>")
_DECL_ENC = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")


def _bytes_for_parser(data: bytes) -> tuple[bytes, str]:
    """(UTF-8 bytes with a matching declaration, the encoding the file really has).

    UTF-16 (with a byte-order mark, or its NUL pattern without) is transcoded; a declaration
    that the bytes contradict (UTF-8 bytes declared ISO-8859-1) loses to the bytes."""
    text = None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, enc = data.decode("utf-16"), "utf-16"
    elif len(data) >= 4 and data[1:2] == b"\x00" and data[0:1] != b"\x00" and data[3:4] == b"\x00":
        text, enc = data.decode("utf-16-le", "replace"), "utf-16le"
    elif len(data) >= 4 and data[0:1] == b"\x00" and data[1:2] != b"\x00" and data[2:3] == b"\x00":
        text, enc = data.decode("utf-16-be", "replace"), "utf-16be"
    if text is not None:
        body = text.lstrip("\ufeff").encode("utf-8")
        return _XMLDECL.sub(b'<?xml version="1.0" encoding="UTF-8"?>', body, count=1), enc
    decl = _XMLDECL.match(data)
    declared = None
    if decl and (m := _DECL_ENC.search(decl.group(0))):
        declared = m.group(1).decode("ascii").lower()
    if data.startswith(codecs.BOM_UTF8):
        return data, "utf-8"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        if declared and declared not in ("utf-8", "utf8"):
            return data, declared                # the declaration holds: lxml decodes it
        # Declared (or defaulting to) UTF-8 but not: windows-1252, as browsers read it.
        text = data.decode("cp1252", "replace")
        return _redeclare(text.encode("utf-8")), "windows-1252"
    if declared and declared not in ("utf-8", "utf8", "us-ascii", "ascii") and not data.isascii():
        return _redeclare(data), "utf-8"         # UTF-8 bytes under a wrong declaration
    return data, "utf-8" if not declared or declared in ("utf8",) else declared


def _redeclare(data: bytes) -> bytes:
    if _XMLDECL.match(data):
        return _XMLDECL.sub(b'<?xml version="1.0" encoding="UTF-8"?>', data, count=1)
    return data


def _parser(recover: bool):
    # Entities declared in the file's own DTD subset are expanded; nothing outside the file
    # is ever read (no external entity, no DTD, no network, no XInclude); libxml2's limits on
    # depth, size and entity amplification stay on (huge_tree=False).
    return etree.XMLParser(resolve_entities="internal", no_network=True, load_dtd=False,
                           huge_tree=False, recover=recover, remove_comments=False)


_LIMIT = re.compile(r"(?i)amplification|huge input|excessive depth|limit|loop|recursion|too many")


def read(raw: RawInput) -> Document:
    data, encoding = _bytes_for_parser(raw.data)
    if not _SNIFF.search(data[:65536]):
        raise Decline("no <TEI> root element")
    problem = None
    parser = _parser(recover=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        msg = str(e)
        if _LIMIT.search(msg) or any(_LIMIT.search(x.message) for x in parser.error_log):
            raise Decline(f"beyond the XML parser's safety limits (entity expansion, depth or size),"
                          f" not read: {msg}") from None
        # Recoverable damage (an unclosed tag, a stray "&", an xml:id that is not a name):
        # read what libxml2 recovers and say so, rather than lose the file.
        parser = _parser(recover=True)
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError:
            root = None
        if root is None:
            raise Decline(f"not well-formed XML, and nothing could be recovered: {msg}") from None
        problem = msg
    broken = f"not well-formed XML ({problem}), and what could be recovered " if problem else ""
    if ln(root) == "teiCorpus":
        raise Decline(broken + "a teiCorpus holds several documents; export them as single TEI files")
    if ln(root) not in ("TEI", "TEI.2"):
        raise Decline(broken + f"root element is <{ln(root)}>, not <TEI>")
    header, text = first(root, "teiHeader"), first(root, "text")
    if header is None or text is None:
        raise Decline(broken + "is a TEI without a teiHeader and a text" if broken
                      else "TEI without a teiHeader and a text")
    exact = any(a.get("ident") == "witness" for a in every(header, "application"))
    doc = (_read_witness if exact else _read_foreign)(raw, root, header, text)
    doc.source.encoding = encoding
    if problem is not None:
        doc.findings.insert(0, Finding(
            "tei-recovered", "warning", 0, 0,
            f"the file is not well-formed XML ({problem}); it was read by libxml2's recovery, "
            f"which may have dropped or moved text near that place", None))
    return doc


def _source(raw: RawInput) -> Source:
    return Source(path=raw.relpath, format="tei", sha256=raw.sha256, encoding="utf-8")


# ------------------------------------------------------------------- written by Witness


def _date_value(el):
    return None if el is None else (el.get("when") or el.get("n"))


def _t(el):
    return None if el is None else exact_text(el)


def _witness_record(header, root) -> Record:
    r = Record(language=None)
    ts = first(header, "fileDesc", "titleStmt")
    for t in kids(ts, "title"):
        if t.get("type") == "main":
            r.title = _t(t)
        elif t.get("type") == "sub":
            r.subtitle = _t(t)
    r.authors = [_t(a) for a in kids(ts, "author")]
    fields = {"trl": "translated_by", "trc": "transcribed_by", "mrk": "marked_up_by",
              "pfr": "proofread_by"}
    for rs in kids(ts, "respStmt"):
        resp = first(rs, "resp")
        field = fields.get(resp.get("key") if resp is not None else None)
        if field:
            setattr(r, field, [_t(n) for n in kids(rs, "name")])
    ps = first(header, "fileDesc", "publicationStmt")
    r.rights = _t(first(ps, "availability", "licence")) if ps is not None else None
    ns = first(header, "fileDesc", "notesStmt")
    r.empty_fields = [_t(n) for n in kids(ns, "note")] if ns is not None else []
    sd = first(header, "fileDesc", "sourceDesc")
    bs = first(sd, "biblStruct")
    mo = first(bs, "monogr")
    if first(bs, "analytic") is not None:
        r.periodical = _t(first(mo, "title"))
    im = first(mo, "imprint")
    r.publisher = _t(first(im, "publisher"))
    for scope in kids(im, "biblScope"):
        field = {"volume": "volume", "issue": "issue", "page": "pages"}.get(scope.get("unit"))
        if field:
            setattr(r, field, _t(scope))
    d = first(im, "date")
    if d is not None:
        r.date, r.date_text = _date_value(d), (d.text if d.text is not None else None)
    for b in kids(sd, "bibl"):
        if b.get("type") == "heading":
            d = first(b, "date")
            r.heading_date, r.heading_date_text = _date_value(d), (d.text if d is not None else None)
        elif b.get("type") == "source-line":
            r.source_text = _t(b)
        elif b.get("type") == "work":
            r.work = _t(first(b, "title"))
    written = first(header, "profileDesc", "creation", "date")
    if written is not None:
        r.written = _date_value(written)
        r.written_text = _t(written) or None
    r.written_place = _t(first(header, "profileDesc", "creation", "placeName")) or None
    received = first(header, "profileDesc", "correspDesc", "correspAction")
    r.addressees = [_t(n) for n in kids(received, "persName")] if received is not None else []
    r.language = _t(first(header, "profileDesc", "langUsage", "language"))
    for ch in every(header, "change"):
        if ch.get("type") == "last-updated":
            r.last_updated = _t(ch)
    return r


def _read_witness(raw, root, header, text) -> Document:
    w = Walker(TextBuilder(exact=True))
    body = first(text, "body")
    if body is not None:
        w.block(body)
    doc_text = w.finish()
    anchors, spans = w.anchors, w.id_spans

    def pos(ref):
        return anchors.get((ref or "").lstrip("#"), 0)

    notes = []
    back = first(text, "back")
    for note in every(back, "note") if back is not None else []:
        if note.get("targetEnd"):
            s, e = pos(note.get("target")), pos(note.get("targetEnd"))
        else:
            s, e = spans.get((note.get("target") or "").lstrip("#"), (0, 0))
        body_text = "\n\n".join(exact_text(p) for p in kids(note, "p"))
        notes.append(Note(label=note.get("n") or "", start=s, end=e, text=body_text,
                          called=note.get("type") != "uncalled"))

    so = first(root, "standOff")
    entities, findings, claims, variants = [], [], [], []
    mentions = [(int(n), m) for n, m in w.mentions]
    evidence: dict[str, tuple[int, int]] = {}
    if so is not None:
        entities = _witness_entities(so)
        for grp in kids(so, "spanGrp"):
            for span in kids(grp, "span"):
                s, e = pos(span.get("from")), pos(span.get("to"))
                if grp.get("type") == "mentions":
                    inner = next(c for c in span if isinstance(c.tag, str))
                    mentions.append((int(inner.get("n")), Mention(
                        s, e, doc_text[s:e], Walker.mention_type(inner), inner.get("key"),
                        origin=mention_origin(inner))))
                elif grp.get("type") == "evidence":
                    evidence[span.get(f"{{{_XML}}}id")] = (s, e)
                elif grp.get("type") == "findings":
                    findings.append(_witness_finding(span, s, e, w))
        for le in kids(so, "listEvent"):
            if le.get("type") == "claims":
                claims = [_witness_claim(ev, evidence) for ev in kids(le, "event")]
        for la in kids(so, "listApp"):
            for app in kids(la, "app"):
                lem = first(app, "lem")
                variants.append(Variant(
                    pos(app.get("from")), pos(app.get("to")), app.get("type"),
                    [Reading(exact_text(r), r.get("wit"), r.get("type") or r.get("n"), r.get("resp"))
                     for r in kids(app, "rdg")],
                    lemma_wit=lem.get("wit") if lem is not None else None))
    mentions.sort(key=lambda nm: nm[0])
    doc = Document(id=doc_id(raw.relpath), source=_source(raw), record=_witness_record(header, root),
                   text=doc_text, notes=notes, findings=findings,
                   mentions=[m for _, m in mentions], entities=entities, claims=claims,
                   variants=variants)
    if w.quotes:
        doc.extra["blocks"] = [{"start": s, "end": e, "kind": "quote"} for s, e in w.quotes]
    idno = [i for i in every(header, "idno") if i.get("type") == "witness"]
    if idno:
        doc.extra["tei_id"] = idno[0].text
    return doc


_XML = "http://www.w3.org/XML/1998/namespace"


def _witness_finding(span, s, e, w) -> Finding:
    target = (span.get("target") or "").lstrip("#")
    suggestion = None
    if target:
        s, e, suggestion = w.choices.get(target, (s, e, None))
    else:
        ch = first(span, "choice")
        if ch is not None:
            suggestion = exact_text(first(ch, "corr"))
    return Finding(rule=span.get("type"), severity=span.get("subtype"), start=s, end=e,
                   message=span.text or "", suggestion=suggestion)


def _witness_claim(ev, evidence) -> Claim:
    desc = first(ev, "desc")
    role = {}
    for rs in kids(desc, "rs"):
        role[rs.get("type")] = rs.get("key") if rs.get("key") is not None else _t(rs)
    date = next((d for d in kids(desc, "date") if d.get("type") == "claim"), None)
    attributed = next((n for n in kids(ev, "note") if n.get("type") == "attributed-to"), None)
    ptr = next((p for p in kids(ev, "ptr") if p.get("type") == "evidence"), None)
    s, e = evidence.get((ptr.get("target") or "").lstrip("#"), (0, 0)) if ptr is not None else (0, 0)
    return Claim(subject=role.get("subject"), predicate=ev.get("type"), object=role.get("object"),
                 date=_t(date), place=role.get("place"),
                 certainty=(ev.get("ana") or "").replace("#w-certainty.", "") or "asserted",
                 attributed_to=_t(attributed), evidence=Span(s, e))


_ENTRY_TYPE = {"person": "person", "org": "organization", "place": "place"}
_ENTRY_NAME = {"person": "persName", "org": "orgName", "place": "placeName", "bibl": "title",
               "event": "label"}


def _witness_entities(so) -> list[Entity]:
    out = []
    for lst in so:
        if not isinstance(lst.tag, str) or ln(lst) not in ("listPerson", "listOrg", "listPlace",
                                                           "listBibl", "listEvent"):
            continue
        if ln(lst) == "listEvent" and lst.get("type") != "entities":
            continue
        for entry in lst:
            if not isinstance(entry.tag, str) or ln(entry) not in _ENTRY_NAME:
                continue
            names = kids(entry, _ENTRY_NAME[ln(entry)])
            idnos = kids(entry, "idno")
            wid = next((i for i in idnos if i.get("type") == "witness"), None)
            e = Entity(id=_t(wid) if wid is not None else entry.get(f"{{{_XML}}}id"),
                       type=_ENTRY_TYPE.get(ln(entry)) or entry.get("type"),
                       name=next((_t(n) for n in names if n.get("type") == "main"), ""),
                       aliases=[_t(n) for n in names if n.get("type") == "variant"],
                       external={i.get("type"): i.text for i in idnos if i.get("type") != "witness"},
                       provisional="#w-provisional" in (entry.get("ana") or "").split())
            for field, tag in (("born", "birth"), ("died", "death")):
                date = first(entry, tag)
                if date is None:  # not a person: a typed note holding a date
                    note = next((n for n in kids(entry, "note") if n.get("type") == tag), None)
                    date = first(note, "date") if note is not None else None
                setattr(e, field, _t(date))
            out.append((int(entry.get("n") or len(out)), e))
    return [e for _, e in sorted(out, key=lambda ne: ne[0])]


# ------------------------------------------------------------------- written by others

from .tei_foreign import read_foreign as _read_foreign_impl  # noqa: E402


def _read_foreign(raw, root, header, text) -> Document:
    doc = _read_foreign_impl(root, header, text)
    doc.id = doc_id(raw.relpath)
    doc.source = _source(raw)
    # An entity only this file knows ("#p1" into its own listPerson) is this document's.
    from .tei_refs import LOCAL
    renamed = {e.id: f"{doc.id}-{e.id[len(LOCAL):]}" for e in doc.entities if e.id.startswith(LOCAL)}
    if renamed:
        for e in doc.entities:
            e.id = renamed.get(e.id, e.id)
        for m in doc.mentions:
            m.entity = renamed.get(m.entity, m.entity)
    return doc
