"""The dataclasses every stage passes along: ingest → record → check → nlp → claims → store.

The JSON shape of a `Document` is the public contract in ``shared/spec/document-json.md``;
``Document.to_json`` / ``Document.from_json`` are the only places that know it.
Offsets are Python ``str`` indices into ``Document.text``.  Paragraphs in ``text`` are
separated by exactly one blank line (``"\\n\\n"``); a paragraph never contains ``"\\n\\n"``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, fields
from typing import Any

SCHEMA = "witness/1"

ENTITY_TYPES = ("person", "organization", "place", "periodical", "work", "event")
SEVERITIES = ("error", "warning", "info")
CERTAINTIES = ("asserted", "confirmed", "reported", "rumored", "uncertain", "denied", "predicted")
# Certainties that must never be turned into a fact (claims.md: a rumor never becomes a fact).
HEDGED = ("reported", "rumored", "uncertain", "denied", "predicted")
PREDICATES = (
    "born", "died", "arrested", "charged", "tried", "sentenced", "executed", "imprisoned",
    "exiled", "released", "expelled", "rehabilitated", "held_office", "member_of", "awarded",
    "wrote", "signed", "met", "disappeared",
)


@dataclass
class Source:
    path: str                      # relative to the archive's root (document-json.md), whatever folder was ingested
    format: str                    # mia-html | text | tei | ...
    sha256: str                    # of the raw bytes
    encoding: str | None = None    # as detected
    url: str | None = None         # the original page, where known


@dataclass
class Creator:
    """One person behind a record (author, translator, transcriber…) as an authority entity;
    the record's string lists keep the name as printed."""
    role: str                          # author | translator | transcriber | editor | …
    as_printed: str
    entity: str | None = None          # authority (or provisional) person id
    pseudonym_of: str | None = None    # entity id of the person a pseudonym belongs to
    # Beyond the spec (allowed): the entity's preferred name, so that every view can show
    # "J.R. Johnson (pseudonym of C. L. R. James)" and group by the entity without the authority.
    # A printed pen name has entity == pseudonym_of == the person's id.
    name: str | None = None


@dataclass
class Record:
    authors: list[str] = field(default_factory=list)
    title: str | None = None
    subtitle: str | None = None
    date: str | None = None          # ISO 8601 reduced precision: 1937 | 1937-08 | 1937-08-28
    date_text: str | None = None     # the words `date` was read from
    heading_date: str | None = None  # date printed in the document's own heading
    written: str | None = None       # date the text was written (a letter's date), if stated
    periodical: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    publisher: str | None = None
    translated_by: list[str] = field(default_factory=list)
    transcribed_by: list[str] = field(default_factory=list)
    marked_up_by: list[str] = field(default_factory=list)
    proofread_by: list[str] = field(default_factory=list)
    rights: str | None = None
    last_updated: str | None = None
    language: str | None = "en"
    creators: list[Creator] = field(default_factory=list)
    periodical_entity: str | None = None   # the periodical as an authority entity, where linked
    periodical_name: str | None = None     # that entity's preferred title (lists group by it)
    # Additions beyond the spec (allowed: "add fields freely").
    heading_date_text: str | None = None  # the words heading_date was read from, e.g. "(August 1938)"
    source_text: str | None = None        # the whole source line as printed ("From Socialist Appeal, …")
    written_text: str | None = None       # the words `written` was read from ("London, 14 March 1883")
    work: str | None = None               # the larger work a chapter or part belongs to, as printed
    addressees: list[str] = field(default_factory=list)  # a letter's addressees, as printed
    written_place: str | None = None      # where the text was written (a letter's place), as printed
    # Header fields that were present but empty, by name ("last_updated"): for the empty-field check.
    empty_fields: list[str] = field(default_factory=list)


@dataclass
class Note:
    label: str
    start: int          # offset of the note's call in text (start == end when the call is a bare marker)
    end: int
    text: str
    called: bool = True  # False when no call for this note was found in the text


@dataclass
class Finding:
    rule: str
    severity: str
    start: int
    end: int
    message: str
    suggestion: str | None = None


@dataclass
class Mention:
    start: int
    end: int
    text: str
    type: str
    entity: str | None = None
    # Who marked it: None = found by Witness's NLP; otherwise the source's own encoding
    # ("tei": a persName/@ref of the edition).  The NLP stage keeps such mentions and adds
    # only what they do not already cover.
    origin: str | None = None


@dataclass
class Reading:
    text: str
    wit: str | None = None         # the witnesses that read it, as the source gives them ("#A #B")
    type: str | None = None        # the source's kind of reading: corr, reg, expan, orthographic…
    resp: str | None = None


@dataclass
class Variant:
    """Another reading of text[start:end], stand-off: the text keeps the lemma (or the reading
    as printed), the variant keeps what the source gives beside it."""
    start: int
    end: int
    kind: str                      # app (critical apparatus) | sic | orig | abbr (a TEI choice)
    readings: list[Reading] = field(default_factory=list)
    lemma_wit: str | None = None   # the lemma's witnesses (apparatus), as given


@dataclass
class Entity:
    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    born: str | None = None
    died: str | None = None
    external: dict[str, Any] = field(default_factory=lambda: {"wikidata": None})
    provisional: bool = False


@dataclass
class Span:
    start: int
    end: int


@dataclass
class Claim:
    subject: str
    predicate: str
    object: str | None = None
    date: str | None = None
    place: str | None = None
    certainty: str = "asserted"
    attributed_to: str | None = None
    evidence: Span = field(default_factory=lambda: Span(0, 0))


@functools.cache
def _field_order(kind) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


@functools.cache
def _field_names(kind) -> frozenset[str]:
    return frozenset(_field_order(kind))


def _plain(value):
    """dataclasses.asdict for our flat records, without its generic deep copy (which was a
    third of the time to serialise a document)."""
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in _field_order(type(value))}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass
class Document:
    id: str
    source: Source
    record: Record
    text: str
    notes: list[Note] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    same_text_as: list[str] = field(default_factory=list)   # ids of documents with (nearly) the same text
    variants: list[Variant] = field(default_factory=list)   # apparatus readings, sic/corr… (stand-off)
    # Not part of the JSON contract: reader-side facts the checks need (e.g. unmatched note calls).
    extra: dict[str, Any] = field(default_factory=dict)

    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) offsets of each paragraph in text."""
        spans, pos = [], 0
        for part in self.text.split("\n\n"):
            spans.append((pos, pos + len(part)))
            pos += len(part) + 2
        return spans

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"schema": SCHEMA, "id": self.id}
        for f in fields(self):
            if f.name in ("id", "extra"):
                continue
            out[f.name] = _plain(getattr(self, f.name))
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Document":
        def build(kind, raw):
            names = _field_names(kind)
            if names.issuperset(raw):           # the usual case: our own export, nothing extra
                return kind(**raw)
            return kind(**{k: v for k, v in raw.items() if k in names})

        claims = []
        for c in data.get("claims", []):
            c = dict(c)
            ev = c.get("evidence") or {"start": 0, "end": 0}
            c["evidence"] = Span(ev["start"], ev["end"])
            claims.append(build(Claim, c))
        record = build(Record, data.get("record", {}))
        record.creators = [c if isinstance(c, Creator) else build(Creator, c) for c in record.creators]
        return cls(
            id=data["id"],
            source=build(Source, data["source"]),
            record=record,
            text=data.get("text", ""),
            notes=[build(Note, n) for n in data.get("notes", [])],
            findings=[build(Finding, f) for f in data.get("findings", [])],
            mentions=[build(Mention, m) for m in data.get("mentions", [])],
            entities=[build(Entity, e) for e in data.get("entities", [])],
            claims=claims,
            same_text_as=list(data.get("same_text_as", [])),
            variants=[_variant(build, v) for v in data.get("variants", [])],
        )


def _variant(build, raw) -> Variant:
    v = build(Variant, raw)
    v.readings = [r if isinstance(r, Reading) else build(Reading, r) for r in v.readings]
    return v
