"""Claims that cannot all hold (claims.md), shown side by side and never resolved.

Kinds:
- ``asserted-vs-denied``: one claim asserts (or confirms) what another denies, same subject and
  predicate (and same object when both name one);
- ``after-authority-death``: a claim dated strictly after the death date in the authority file;
- ``after-claimed-death``: a claim dated strictly after another source's dated ``executed`` or
  ``died`` claim (asserted, confirmed, reported or rumored: a rumored execution contradicted by a
  later release is exactly what a researcher wants to see).

Reduced-precision dates compare as intervals: "1937" is after "1936-12-31" but not after
"1937-08", so only certain orderings are reported.

One claim against many: a denial of Lenin's death would contradict each of the ~250 claims
that assert it, and one misdated death each of the hundreds of later events.  Such pairs are
reported once — the denial (or the death) with the first claim on the other side — and the
rest of that side is kept in ``others`` (counted in the reason, flagged in timelines), so a
reader sees one contradiction to judge rather than 250 copies of it; nothing is dropped.
"""

from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass, field
from typing import Any

from .dates import parse_iso
from .timeline import ClaimItem, as_item

POSITIVE = ("asserted", "confirmed")
DEATH_SOURCES = ("asserted", "confirmed", "reported", "rumored")
# Events the person must be alive for (rehabilitation and posthumous mentions are not).
LIVING_EVENTS = {"arrested", "charged", "tried", "sentenced", "executed", "imprisoned", "exiled",
                 "released", "expelled", "held_office", "member_of", "awarded", "wrote", "signed",
                 "met", "disappeared", "died", "born"}
# Claims that put the person alive and free at their date.
ALIVE_FREE = {"released", "held_office", "wrote", "signed", "met", "awarded", "exiled"}


@dataclass
class Contradiction:
    kind: str
    subject: str
    first: ClaimItem                       # the earlier / positive / death side
    second: ClaimItem | None               # None when the other side is the authority file
    authority: dict[str, Any] | None = None  # {"died": …, "death_manner": …} for after-authority-death
    reason: str = ""
    # More claims standing where `first` (asserted-vs-denied) or `second` (after a claimed
    # death) stands, in the same contradiction: see the module docstring.
    others: list[ClaimItem] = field(default_factory=list)


def _more(others: list) -> str:
    return f" (and {len(others)} more claim{'s' if len(others) != 1 else ''} like it)" if others else ""


@functools.lru_cache(maxsize=8192)        # the same few hundred dates recur across a person's claims
def earliest(iso: str | None):
    p = parse_iso(iso)
    if p is None:
        return None
    return (p[0], p[1] or 1, p[2] or 1)


@functools.lru_cache(maxsize=8192)
def latest(iso: str | None):
    p = parse_iso(iso)
    if p is None:
        return None
    y, m, d = p
    m2 = m or 12
    return (y, m2, d or calendar.monthrange(y, m2)[1])


def strictly_after(a: str | None, b: str | None) -> bool:
    """True only when every day `a` can mean is after every day `b` can mean."""
    ea, lb = earliest(a), latest(b)
    return ea is not None and lb is not None and ea > lb


def _get(entry, name):
    if entry is None:
        return None
    if isinstance(entry, dict):
        return entry.get(name)
    return getattr(entry, name, None)


def _lookup(authority, subject):
    if authority is None:
        return None
    try:
        return authority.get(subject)
    except Exception:   # an authority that raises on unknown ids behaves like one that has none
        return None


def find_contradictions(items, authority=None, subject: str | None = None) -> list[Contradiction]:
    """Contradictions among `items` ((claim, doc id, title, doc date[, quote]) or ClaimItem).

    `authority` is anything with ``.get(entity_id)`` returning an entry (object or dict) with
    ``died`` (ISO) and optionally ``death_manner``; None skips the authority check."""
    by_subject: dict[str, list[ClaimItem]] = {}
    for raw in items:
        it = as_item(raw)
        if subject is None or it.claim.subject == subject:
            by_subject.setdefault(it.claim.subject, []).append(it)
    out: list[Contradiction] = []
    for subj, its in by_subject.items():
        out += _asserted_vs_denied(subj, its)
        out += _after_authority_death(subj, its, _lookup(authority, subj))
        out += _after_claimed_death(subj, its)
    return out


# Events a person lives through once: one source asserting and another denying them cannot
# both hold.  Repeatable events ("wrote", "was arrested") can be true on one occasion and
# denied on another, so for them only claims about the same time contradict.
ONCE = {"born", "died", "executed", "disappeared", "rehabilitated"}


def _same_time(a: str | None, b: str | None) -> bool:
    return bool(a and b) and not strictly_after(a, b) and not strictly_after(b, a)


def _asserted_vs_denied(subj, its):
    out = []
    pos = [i for i in its if i.claim.certainty in POSITIVE]
    neg = [i for i in its if i.claim.certainty == "denied"]
    for b in neg:
        cb = b.claim
        hits = []
        for a in pos:
            ca = a.claim
            if ca.predicate != cb.predicate or a.document_id == b.document_id:
                continue  # one source against another (claims.md), same event
            if ca.object and cb.object and ca.object.lower() != cb.object.lower():
                continue
            if ca.predicate not in ONCE and not _same_time(ca.date, cb.date):
                continue
            if ca.date and cb.date and not _same_time(ca.date, cb.date):
                continue  # "almost murdered in May 1940" does not deny "murdered in August 1940"
            hits.append(a)
        if hits:
            # Shown first: a dated assertion (the firmest to weigh the denial against).
            hits.sort(key=lambda a: a.claim.date is None)
            out.append(Contradiction("asserted-vs-denied", subj, hits[0], b, others=hits[1:],
                                     reason=f"{cb.predicate}: {hits[0].claim.certainty} vs denied"
                                            + _more(hits[1:])))
    return out


def _after_authority_death(subj, its, entry):
    died = _get(entry, "died")
    if not died:
        return []
    out = []
    for it in its:
        c = it.claim
        if c.predicate not in LIVING_EVENTS or c.certainty in ("denied", "predicted"):
            continue
        if c.predicate in ("died", "executed") and not strictly_after(c.date, died):
            continue
        if c.date and strictly_after(c.date, died):
            out.append(Contradiction(
                "after-authority-death", subj, it, None,
                authority={"died": died, "death_manner": _get(entry, "death_manner")},
                reason=f"{c.predicate} dated {c.date}, after death on {died} (authority file)"))
    return out


def _after_claimed_death(subj, its):
    deaths = [i for i in its if i.claim.predicate in ("executed", "died") and i.claim.date
              and i.claim.certainty in DEATH_SOURCES]
    out = []
    for d in deaths:
        later: dict[tuple[str, str], list[ClaimItem]] = {}
        for it in its:
            c = it.claim
            if it is d or not c.date or c.certainty in ("denied", "predicted", "uncertain"):
                continue
            if it.document_id == d.document_id:
                continue    # "another source's died claim" (claims.md): one text's own narrative is not a contradiction
            if c.predicate not in LIVING_EVENTS:
                continue
            if strictly_after(c.date, d.claim.date):
                kind = "alive-after-death" if c.predicate in ALIVE_FREE else "after-claimed-death"
                later.setdefault((kind, c.predicate), []).append(it)
        for (kind, predicate), group in later.items():
            group.sort(key=lambda it: earliest(it.claim.date))
            first = group[0].claim
            out.append(Contradiction(
                kind, subj, d, group[0], others=group[1:],
                reason=f"{predicate} dated {first.date}, after {d.claim.predicate} "
                       f"({d.claim.certainty}) dated {d.claim.date}" + _more(group[1:])))
    return out
