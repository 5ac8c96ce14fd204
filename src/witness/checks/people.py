"""Checks about the people a document names: ``name-variant`` and ``date-after-death``.

Both read ``doc.mentions`` (filled by witness.nlp); a document without mentions is
annotated on the fly, so the checks also work when run before the NLP stage.  Importing
this module registers both rules (needs the context key ``"authority"``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date

from witness.authority.names import fold, has_cyrillic, similarity
from witness.model import Document, Finding, Mention
from witness.record import reference_date

from .base import excerpt, rule

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_SENT_END = re.compile(r"[.!?;:]['’”\")\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")


# Two surname forms below this similarity (names.similarity, on matching keys) are not
# spellings of one name: Rakowsky/Rakovsky is 1.0, Zinoviev/Ziuoviev 0.88, and a party name
# beside the real name (Karski/Marchlewski) stays below.
VARIANT_SIMILARITY = 0.7


def _person_mentions(doc: Document) -> list[Mention]:
    if not doc.mentions and doc.text.strip():
        from witness.nlp import annotate  # late: checks must import without spaCy loaded
        annotate(doc)
    return [m for m in doc.mentions if m.type == "person" and m.entity]


def _surname_form(text: str) -> str:
    text = _POSSESSIVE.sub("", text.strip())
    return text.split()[-1] if text.split() else text


def name_variant(doc: Document, authority) -> list[Finding]:
    """One person (same entity) whose surname is spelled two ways in one document.

    Only the surname counts ("Yagoda" beside "Henry Grigorievitch Yagoda" is one spelling);
    case, diacritics and a change of script (a Cyrillic quotation) are not variants.  One
    finding per minority spelling, at its first occurrence, suggesting the majority spelling.
    """
    groups: dict[str, list[tuple[Mention, str]]] = defaultdict(list)
    for m in _person_mentions(doc):
        form = _surname_form(m.text)
        if form and not has_cyrillic(form):
            groups[m.entity].append((m, form))
    out: list[Finding] = []
    for eid, items in groups.items():
        by_norm: dict[str, list[tuple[Mention, str]]] = defaultdict(list)
        for m, form in items:
            by_norm[fold(form).casefold()].append((m, form))
        if len(by_norm) < 2:
            continue
        entry = authority.get(eid) if authority is not None else None
        preferred = fold(entry.surname or entry.name.split()[-1]).casefold() if entry else None
        counts = Counter({k: len(v) for k, v in by_norm.items()})
        major = max(counts, key=lambda k: (counts[k], k == preferred, -by_norm[k][0][0].start))
        major_form = by_norm[major][0][1]
        who = entry.name if entry else eid
        for norm, occ in by_norm.items():
            if norm == major:
                continue
            m, form = occ[0]
            if similarity(form, major_form) < VARIANT_SIMILARITY:
                continue  # not a spelling of one name: a linking slip, not a variant
            start = m.start + m.text.rfind(form)
            out.append(Finding(
                "name-variant", "info", start, start + len(form),
                f"“{form}” and “{major_form}”: one person ({who}) spelled two ways in this "
                f"document ({len(occ)}× “{form}”, {counts[major]}× “{major_form}”)",
                major_form))
    return sorted(out, key=lambda f: f.start)


# ---- date-after-death -------------------------------------------------------------------
_DEATH = re.compile(
    r"\b(?:dead|died|dies|death|deaths|executed|execution|shot|killed|murdered|murder|"
    r"assassinat\w*|suicide|perished|late|memory|funeral|obituary|grave|buried|slain|hanged|"
    r"liquidated|lost his life|was no more|in memoriam)\b", re.I)
# A present-tense predicate right after the name, in the same clause: "Yagoda is an old
# Bolshevik", "The arrest of Yagoda is the sensation".
# The words between may not be a conjunction ("Hitler and Stalin has been…": another subject)
# or a modal ("Healy might have been": not the present).
_BETWEEN = r"(?!(?:and|or|but|nor|would|could|might|should|must|may|than|as|that|who|which)\b)"
_PRESENT = re.compile(
    r"^\s*(?:" + _BETWEEN + r"[A-Za-z’']+\s+){0,2}?"
    r"(?:is|are|has|have|remains|continues|lives|holds|heads|sits|"
    r"works|leads|rules|will|shall)\b(?!\s+(?:been\s+)?(?:dead|died|shot|executed|killed))")
_CLAUSE_END = re.compile(r"[,;:()\[\]–—“”\"]|\s-\s")
# ...but "Lenin says", "as Marx writes" cite an author, dead or alive.
_CITING = re.compile(r"\b(?:says|writes|wrote|tells|teaches|explains|remarks|argues|shows|"
                     r"puts it|points out|declares|insists|reminds|according to)\b", re.I)
# Present tense about someone long dead is history or citation, not a misdating.
WINDOW_YEARS = 10


def _earliest(value: str | None) -> date | None:
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
    if not m:
        return None
    return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


def _latest(value: str | None) -> date | None:
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
    if not m:
        return None
    y, mo = int(m.group(1)), int(m.group(2) or 12)
    if m.group(3):
        return date(y, mo, int(m.group(3)))
    nxt = date(y + (mo == 12), mo % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    a = 0
    for m in _SENT_END.finditer(text, max(0, start - 600), start):
        a = m.end()
    m = _SENT_END.search(text, end)
    return a, (m.start() + 1 if m else len(text))


def date_after_death(doc: Document, authority) -> list[Finding]:
    """The document's date (when it was written if stated, else its first publication:
    record.reference_date; the heading date only as a checked `written`) is after the recorded death of a person it
    speaks of as alive.

    "As alive": a sentence naming the person in the present tense ("The arrest of Yagoda is
    the sensation…"), not citing them ("Lenin says"), and no sentence of the document naming
    them speaks of a death ("Piatakov is dead", "Putna has been shot").  Only deaths within
    WINDOW_YEARS of the document's date are considered.
    """
    when = reference_date(doc.record)
    day = _earliest(when)
    if day is None or authority is None:
        return []
    by_entity: dict[str, list[Mention]] = defaultdict(list)
    for m in _person_mentions(doc):
        by_entity[m.entity].append(m)
    out: list[Finding] = []
    for eid, mentions in by_entity.items():
        entry = authority.get(eid)
        died = _latest(entry.died) if entry else None
        if died is None or day <= died or (day - died).days > WINDOW_YEARS * 366:
            continue
        alive_at = None
        about_death = False
        for m in mentions:
            a, b = _sentence(doc.text, m.start, m.end)
            sent = doc.text[a:b]
            if _DEATH.search(sent):
                about_death = True
                break
            after = doc.text[m.end:b]
            cut = _CLAUSE_END.search(after)
            clause = after[:cut.start()] if cut else after
            if (alive_at is None and not _POSSESSIVE.search(m.text)
                    and doc.text[m.end:m.end + 2] not in ("’s", "'s")
                    and _PRESENT.search(clause) and not _CITING.search(clause[:60])):
                alive_at = m
        if about_death or alive_at is None:
            continue
        manner = f", {entry.death_manner}" if entry.death_manner else ""
        out.append(Finding(
            "date-after-death", "warning", alive_at.start, alive_at.end,
            f"dated {when}, after the death of {entry.name} ({entry.died}{manner}), yet it "
            f"speaks of him or her as alive: “{excerpt(doc.text, alive_at.start, alive_at.end, 50)}” "
            f"— check the document's date",
            None))
    return sorted(out, key=lambda f: f.start)


@rule("name-variant", "info", "one person spelled two ways in the same document",
      needs=("authority",))
def _name_variant_rule(doc, context):
    return name_variant(doc, context["authority"])


@rule("date-after-death", "warning",
      "the document is dated after the death of a person it speaks of as alive",
      needs=("authority",), english_only=True)
def _date_after_death_rule(doc, context):
    return date_after_death(doc, context["authority"])


@rule("names-authority-only", "info",
      "a page in a language without a name model: persons, places and organizations were "
      "found from the authority file only", needs=("authority",))
def _names_authority_only_rule(doc, context):
    from ..language import pipeline_of
    if doc.mentions is None or pipeline_of(doc.record.language) != "authority":
        return []
    return [Finding("names-authority-only", "info", 0, 0,
                    f"this page is in {doc.record.language!r}: names were found from the authority "
                    "file only (no name model for the language), so unknown persons are missing "
                    "and no claims are extracted")]
