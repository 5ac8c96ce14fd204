"""Curated judgements on derived items: one mechanism for findings and contradictions.

A volunteer marks a transcription finding *not an error* or *fixed*; a curator marks a
contradiction an *artefact* (of the extraction, with its cause) or *real*.  Findings and
contradictions are recomputed by every ingest and `reprocess`, so a judgement cannot hang on
a row id or an offset: it is keyed by a **fingerprint of the item** — what it is (the rule,
or the contradiction's kind and person), the document, and the quoted words with a little
text either side.  The same words in a new version of the document, or in the same text
ingested again, give the same key, so the judgement is found again; words that changed (the
slip was corrected) give another key, and the old judgement stays in the log, matching
nothing.  The judgements are stored by the store's `verdicts` query family (store/verdicts.py).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .errors import WitnessError

CONTEXT = 16            # characters of text either side of a finding that belong to its key
KEY_LENGTH = 16         # hex digits of a key (64 bits); a unique prefix of 6 or more is accepted

VERDICTS = {
    "finding": ("not-an-error", "fixed"),
    "contradiction": ("artefact", "real"),
}
# Why an extraction made a contradiction that is not one (issue 18's survey of the corpus).
CAUSES = {
    "date": "a date misread (a compound number, a relative date counted from a reprint, a citation)",
    "subject": "the claim given to the wrong person (a pronoun, a name inside a title)",
    "certainty": "a negation or hedge read on the wrong verb",
    "linking": "two people taken for one (or one for two)",
    "reading": "not an event at all (a citation, a title, a bibliography)",
    "other": "something else (say what in the note)",
}
LABELS = {"not-an-error": "not an error", "fixed": "fixed", "artefact": "artefact", "real": "real"}


class VerdictError(WitnessError):
    code = "verdict-invalid"
    status = 400


@dataclass(frozen=True)
class Item:
    """What a verdict is about: enough to find it again and to show it in a log."""
    kind: str            # finding | contradiction
    key: str
    doc_id: str          # the document (for a contradiction: the outlier claim's)
    subject: str         # the rule, or "<contradiction kind> <person id>"
    quote: str           # the words the item is about


@dataclass
class Verdict:
    key: str
    kind: str
    verdict: str
    doc_id: str
    subject: str
    quote: str
    who: str
    at: str               # ISO 8601 UTC
    note: str | None = None
    cause: str | None = None

    @property
    def label(self) -> str:
        return LABELS.get(self.verdict, self.verdict)

    def to_json(self) -> dict:
        return {"key": self.key, "kind": self.kind, "verdict": self.verdict, "cause": self.cause,
                "note": self.note, "who": self.who, "at": self.at, "document": self.doc_id,
                "subject": self.subject, "quote": self.quote}


@dataclass
class LogEntry:
    seq: int
    key: str
    kind: str
    action: str           # set | clear
    verdict: str | None
    cause: str | None
    note: str | None
    who: str
    at: str

    def to_json(self) -> dict:
        return {"seq": self.seq, "key": self.key, "kind": self.kind, "action": self.action,
                "verdict": self.verdict, "cause": self.cause, "note": self.note, "who": self.who, "at": self.at}


def _digest(*parts: str) -> str:
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:KEY_LENGTH]


def finding_key(doc_id: str, rule: str, before: str, match: str, after: str, message: str) -> str:
    """The key of a finding from the words it is about and CONTEXT characters either side
    (`before` may be longer: its end is used; `after`: its start).  A finding about the header
    (no words) is keyed by its message, which names the header fields it compares."""
    if not match:
        return _digest("finding", rule, doc_id, "header", message)
    return _digest("finding", rule, doc_id, before[-CONTEXT:], match, after[:CONTEXT])


def finding_item(doc_id: str, text: str, f) -> Item:
    """The Item of a model.Finding `f` of the document `doc_id` whose text is `text`."""
    s, e = max(0, min(f.start, len(text))), max(0, min(f.end, len(text)))
    match = text[s:e] if e > s else ""
    key = finding_key(doc_id, f.rule, text[max(0, s - CONTEXT):s], match, text[e:e + CONTEXT], f.message)
    return Item("finding", key, doc_id, f.rule, match or f.message)


def row_item(row) -> Item:
    """The Item of a finding row of the archive (archive.views.FindingRow).  Its excerpt holds
    more than CONTEXT characters of text either side, or all there is: an ellipsis marks a cut
    only beyond them, so the key is the same as from the document's text."""
    match = row.match if row.end > row.start else ""
    return Item("finding", finding_key(row.doc_id, row.rule, row.before, match, row.after, row.message),
                row.doc_id, row.rule, match or row.message)


def contradiction_item(kind: str, person: str, outlier_doc: str, outlier_quote: str) -> Item:
    """The Item of a contradiction: its kind, the person, and the outlier claim's document and
    quote.  The claims it stands against are not part of it: they grow as documents arrive,
    and it stays the same contradiction."""
    key = _digest("contradiction", kind, person, outlier_doc, outlier_quote)
    return Item("contradiction", key, outlier_doc, f"{kind} {person}", outlier_quote)


def check(kind: str, verdict: str, cause: str | None) -> None:
    """Raise VerdictError unless `verdict` (and `cause`) suit an item of `kind`."""
    allowed = VERDICTS.get(kind)
    if allowed is None:
        raise VerdictError(f"nothing of kind {kind!r} takes a verdict", hint="finding or contradiction")
    if verdict not in allowed:
        raise VerdictError(f"a {kind} is marked {' or '.join(allowed)}, not {verdict!r}")
    if verdict == "artefact":
        if cause not in CAUSES:
            raise VerdictError(f"an artefact needs its cause: one of {', '.join(CAUSES)}",
                               hint="say more in the note")
    elif cause is not None:
        raise VerdictError(f"only an artefact has a cause (this is {verdict!r})")
