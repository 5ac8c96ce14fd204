"""Shared pieces of the TEI codec: namespaces, vocabulary, element helpers, date checks."""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from typing import Any

from lxml import etree

from ..model import Document, Entity
from ._layout import xml_safe

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
APP_IDENT = "witness"
FORMAT_VERSION = "1"

MENTION_ELEMENT = {"person": "persName", "organization": "orgName", "place": "placeName",
                   "date": "date"}
# entity type → (list element, entry element, name element)
ENTITY_LIST = {
    "person": ("listPerson", "person", "persName"),
    "organization": ("listOrg", "org", "orgName"),
    "place": ("listPlace", "place", "placeName"),
    "periodical": ("listBibl", "bibl", "title"),
    "work": ("listBibl", "bibl", "title"),
    "event": ("listEvent", "event", "label"),
}
RESP = (("translated_by", "trl", "Translated by"), ("transcribed_by", "trc", "Transcribed by"),
        ("marked_up_by", "mrk", "Marked up by"), ("proofread_by", "pfr", "Proofread by"))
CERTAINTY_DESC = {
    "asserted": "the text states it as fact, in its own voice",
    "confirmed": "the text says it has been confirmed or verified",
    "reported": "the text attributes it to another source",
    "rumored": "the text passes on rumor or hearsay",
    "uncertain": "the text says it is unknown or doubtful",
    "denied": "the text says it did not happen",
    "predicted": "the text expects or fears it will happen",
}
# Elements whose children we indent; everything else is mixed content and stays byte-exact.
STRUCTURAL = {
    "TEI", "teiHeader", "fileDesc", "titleStmt", "respStmt", "publicationStmt", "availability",
    "notesStmt", "sourceDesc", "biblStruct", "analytic", "monogr", "imprint", "encodingDesc",
    "appInfo", "application", "classDecl", "taxonomy", "category", "profileDesc", "langUsage",
    "creation", "revisionDesc", "text", "body", "back", "div", "quote", "standOff", "listPerson",
    "listOrg", "listPlace", "listBibl", "listEvent", "person", "org", "place", "event",
    "spanGrp", "note", "bibl",
}

_DATE = re.compile(r"^-?\d{4}(-\d{2}(-\d{2})?)?$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")
_LANG = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$")
_TOKEN = re.compile(r"^[^\s\x00-\x1f]+$")


def w3c_date(s: str | None) -> bool:
    """True when ``s`` is a value TEI accepts in @when (xsd date, gYearMonth, gYear, dateTime)."""
    if not s:
        return False
    if _DATETIME.match(s):
        try:
            _dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
            return True
        except ValueError:
            return False
    if not _DATE.match(s):
        return False
    parts = s.lstrip("-").split("-")
    try:
        if len(parts) == 3:
            _dt.date(int(parts[0]) or 1, int(parts[1]), int(parts[2]))
        elif len(parts) == 2 and not 1 <= int(parts[1]) <= 12:
            return False
    except ValueError:
        return False
    return True


def T(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def sub(parent, tag: str, text: str | None = None, **attrs) -> etree._Element:
    el = etree.SubElement(parent, T(tag))
    for k, v in attrs.items():
        if v is not None:
            el.set(XML_ID if k == "xml_id" else k, xml_safe(str(v)))
    if text is not None:
        el.text = xml_safe(text)
    return el


def entity_xml_id(entity_id: str) -> str:
    """The entity's own id when it is a usable xml:id, else a stable sanitized form."""
    if _NCNAME.match(entity_id) and not entity_id.startswith("w-"):
        return entity_id
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", entity_id)[:40]
    return f"e-{safe}-{hashlib.sha1(entity_id.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


def _lookup(authority: Any, entity_id: str) -> Entity | None:
    """Authority is duck-typed: witness.authority.Authority, a mapping id → Entity, or
    anything whose .get(id) gives an Entity or an object with .to_entity()."""
    if authority is None:
        return None
    try:
        found = authority.get(entity_id)
    except Exception:  # an authority that cannot answer must not break an export
        return None
    if found is not None and not isinstance(found, Entity) and hasattr(found, "to_entity"):
        found = found.to_entity()          # witness.authority.AuthorityEntry
    return found if isinstance(found, Entity) else None


def collect_entities(doc: Document, authority: Any = None) -> list[Entity]:
    """The document's entities, completed from the authority file when one is given."""
    out: list[Entity] = []
    seen: set[str] = set()
    for e in doc.entities:
        out.append(_lookup(authority, e.id) or e)
        seen.add(e.id)
    if authority is not None:
        refs = [m.entity for m in doc.mentions] + [c.subject for c in doc.claims]
        for ref in refs:
            if ref and ref not in seen:
                found = _lookup(authority, ref)
                if found is not None:
                    out.append(found)
                    seen.add(ref)
    return out



def date_el(parent, tag: str, value: str | None, text: str | None, **attrs):
    """A date element: @when when ISO-valid, else the value kept in @n (still exact)."""
    when = value if w3c_date(value) else None
    n = value if value is not None and when is None else None
    return sub(parent, tag, text, when=when, n=n, **attrs)
