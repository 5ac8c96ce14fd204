"""Entity references of TEI editions: what a persName/@ref (or an idno) points at.

Editions link names to authority files by URI ("http://d-nb.info/gnd/118540238"), by a prefix
("gnd:118540238", "pmb:2121") or by a pointer into the file's own listPerson ("#pmb2121"),
whose entry carries the authority numbers in ``idno``.  An entity made from such a link is
keyed by the reference itself ("gnd-118540238"), so the same person linked the same way in
two files is one entity; a bare local id ("#p1") is only the file's own (see ``LOCAL``).
"""

from __future__ import annotations

import re

# Authorities in the order an entity id prefers them (the first an entry has wins).
AUTHORITIES = ("wikidata", "gnd", "viaf", "pmb", "geonames", "getty", "loc", "isni", "orcid")
_URI = [
    ("wikidata", re.compile(r"wikidata\.org/(?:wiki|entity)/(Q\d+)", re.I)),
    ("gnd", re.compile(r"d-nb\.info/gnd/([\dXx-]+)", re.I)),
    ("viaf", re.compile(r"viaf\.org/viaf/(\d+)", re.I)),
    ("pmb", re.compile(r"pmb\.acdh\.oeaw\.ac\.at/(?:entity|apis/entities/entity/\w+)/(\d+)", re.I)),
    ("geonames", re.compile(r"geonames\.org/(\d+)", re.I)),
    ("getty", re.compile(r"vocab\.getty\.edu/(?:page/)?(?:tgn|ulan|aat)/(\d+)", re.I)),
    ("loc", re.compile(r"id\.loc\.gov/authorities/\w+/(\w+)", re.I)),
    ("isni", re.compile(r"isni\.org/(?:isni/)?([\dX ]+)", re.I)),
    ("orcid", re.compile(r"orcid\.org/([\dX-]+)", re.I)),
]
_PREFIX = re.compile(r"^(?P<auth>[a-z][a-z0-9]*):(?P<id>[^\s/#][^\s]*)$", re.I)
# A local id that is itself an authority number ("pmb2121", "Q42").
_LOCAL_AUTH = [("pmb", re.compile(r"^pmb_?(\d+)$", re.I)), ("wikidata", re.compile(r"^(Q\d+)$")),
               ("gnd", re.compile(r"^gnd_?([\dXx-]+)$", re.I)), ("viaf", re.compile(r"^viaf_?(\d+)$", re.I))]
LOCAL = "local:"          # entity ids only this file knows: the reader qualifies them by document id
_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def authority_of(ref: str) -> tuple[str, str] | None:
    """("gnd", "118540238") for a URI or prefixed pointer into a known authority file."""
    ref = (ref or "").strip()
    for name, pat in _URI:
        if (m := pat.search(ref)):
            return name, m.group(1).replace(" ", "")
    if (m := _PREFIX.match(ref)) and not ref.lower().startswith(("http:", "https:", "urn:")):
        return m.group("auth").lower(), m.group("id")
    return None


def local_authority(ident: str) -> tuple[str, str] | None:
    for name, pat in _LOCAL_AUTH:
        if (m := pat.match(ident or "")):
            return name, m.group(1)
    return None


def entity_id(external: dict[str, str], fallback: str) -> str:
    """The id of an entity with these external ids: the preferred authority's ("gnd-118540238")."""
    for name in AUTHORITIES:
        if external.get(name):
            return f"{name}-{_SAFE.sub('-', str(external[name]))}"
    for name, value in sorted(external.items()):
        if value:
            return f"{_SAFE.sub('-', name)}-{_SAFE.sub('-', str(value))}"
    return fallback


def external_of_idnos(idnos) -> dict[str, str]:
    """{authority: id} from an entry's idno elements (by @type, or by the URI they hold)."""
    out: dict[str, str] = {}
    for kind, value in idnos:
        value = (value or "").strip()
        if not value:
            continue
        found = authority_of(value)
        key = (kind or "").lower()
        if found and (not key or key in ("uri", "url", "ref") or key == found[0]):
            out.setdefault(found[0], found[1])
        elif key and key not in ("witness",):
            out.setdefault(key, found[1] if found else value)
    return out
