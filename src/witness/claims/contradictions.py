"""Contradictions: for each person and event, what the sources agree on, and each claim that
stands against it — flagged once, with the count of sources it disagrees with (claims.md;
issue 18).  Nothing is resolved: both sides are shown.

For a once-only event (a death — ``died`` and ``executed`` are one death here, their manner is
not compared — a birth, a disappearance, a rehabilitation) the *consensus* is what most
sources say: that it happened (asserted or confirmed) or that it did not (denied), and its
date, year by year, each source voting once (a source is a document, or one group of duplicate
texts when ``source_of`` maps documents to their group) and the authority file voting as one
more source that wins a tie.  Then:

``asserted-vs-denied``  a source denying what the consensus asserts (or asserting what it denies),
                        when the denial can be about the same time;
``date``                a dated claim of the event in a year other than the consensus's;
``after-death``         a claim of something a living person does, dated after the consensus's
``alive-after-death``   death — "alive" when it puts them free (released, wrote, met…);
``authority``           the sources agree on a date the authority file contradicts;
``self-correction``     a document correcting its own account ("This is incorrect. …").

Repeatable events (arrests, trials, writing) have no single truth to agree on: there, only an
assertion and a denial about the same time contradict, the denial being the outlier.

Reduced-precision dates compare as intervals: "1937" is after "1936-12-31" but not after
"1937-08"; only certain orderings count.  Only *another* source's claims contradict (one
text's own narrative is not a contradiction), except for a document's explicit correction.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date as _date
from typing import Any, Callable

from .dates import parse_iso
from .timeline import ClaimItem, as_item

POSITIVE = ("asserted", "confirmed")
# Certainties a death is counted from when it is the one other claims are measured against.
DEATH_SOURCES = ("asserted", "confirmed", "reported", "rumored")
# Events the person must be alive for (rehabilitation and posthumous mentions are not).
LIVING_EVENTS = {"arrested", "charged", "tried", "sentenced", "executed", "imprisoned", "exiled",
                 "released", "expelled", "held_office", "member_of", "awarded", "wrote", "signed",
                 "met", "disappeared", "died", "born"}
# Claims that put the person alive and free at their date.
ALIVE_FREE = {"released", "held_office", "wrote", "signed", "met", "awarded", "exiled"}
ONCE = {"born", "died", "executed", "disappeared", "rehabilitated"}
AUTHORITY = "authority file"
# A correction is a sentence of its own pointing back: "(This is incorrect. …", "That was not
# true." — not "it is not true that …" (a denial of what follows), "hoped it was not true", "this
# is a mistake on their part" (judged artefacts, 2026-12-06), nor "here we should read:".
CORRECTION = re.compile(r"(?:^|[.!?;(\[]\s*)(?:this|that|it) (?:is|was) (?:incorrect|wrong|not (?:true|correct)|"
                        r"a mistake|an error|untrue|inaccurate|mistaken)(?=\s*[.;:,)\]—–-])|"
                        r"(?<!we )\bshould read\b|\berroneously\b|\bmistakenly\b|"
                        r"\bwrongly (?:stated|given|dated|reported)\b", re.I)
# Repeatable events told apart by their object: a denial of one writing, membership or office
# says nothing of another ("wrote nothing more against the Narodniks" vs "wrote the draft
# programme"), so both objects must be given and equal.
BY_OBJECT = {"wrote", "signed", "met", "member_of", "held_office", "awarded"}
# "almost assassinated", "nearly drowned": a near miss denies the event then, not ever
NEAR_MISS = re.compile(r"\b(?:almost|nearly|narrowly|all but)\b|\bescaped\b", re.I)


@dataclass
class Consensus:
    """What the sources (and the authority file) agree on about one person and event."""
    event: str                             # the predicate ("died" stands for a death of any manner)
    certainty: str                         # "asserted" or "denied"
    date: str | None                       # as precise as the agreeing sources are; None: undated
    sources: list[str] = field(default_factory=list)   # the sources behind it (AUTHORITY included)
    example: ClaimItem | None = None       # the firmest claim behind it, shown beside the outlier
    authority: dict[str, Any] | None = None  # {"died"/"born", "death_manner"} when the file is part of it


@dataclass
class Contradiction:
    kind: str
    subject: str
    outlier: ClaimItem | None              # the claim flagged; None when the authority file is the outlier
    consensus: Consensus
    against: int                           # how many sources the outlier stands against
    reason: str = ""
    # More claims of the outlier's own source saying the same thing: one source, flagged once.
    others: list[ClaimItem] = field(default_factory=list)

    @property
    def first(self) -> ClaimItem | None:
        """The outlier (or, when the authority file is the outlier, the sources' example)."""
        return self.outlier if self.outlier is not None else self.consensus.example

    @property
    def second(self) -> ClaimItem | None:
        """The claim shown for the consensus; None when the consensus is the authority file alone."""
        return self.consensus.example if self.outlier is not None else None

    @property
    def authority(self) -> dict[str, Any] | None:
        return self.consensus.authority


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


def _disjoint(a: str | None, b: str | None) -> bool:
    return strictly_after(a, b) or strictly_after(b, a)


def _a_day_apart(a: str | None, b: str | None) -> bool:
    """Two full dates one day apart: the attack and the death (Trotsky, 20 and 21 August 1940),
    a slip converting Old Style, a dateline — not a disagreement a historian needs shown
    (judged "trivial", 2026-12-06)."""
    if not (a and b and len(a) == len(b) == 10):
        return False
    try:
        return abs((_date.fromisoformat(a) - _date.fromisoformat(b)).days) == 1
    except ValueError:
        return False


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


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def find_contradictions(items, authority=None, subject: str | None = None,
                        source_of: Callable[[str], str] | None = None,
                        named: Callable[[ClaimItem], bool] | None = None,
                        identifies: Callable[[ClaimItem], bool] | None = None) -> list[Contradiction]:
    """Contradictions among `items` ((claim, doc id, title, doc date[, quote]) or ClaimItem),
    most-contested first.  `authority`: anything with ``.get(entity_id)`` returning an entry with
    ``died``/``born`` (ISO) and optionally ``death_manner``.  `source_of`: document id → source id
    (duplicate texts are one source); by default every document is its own source.  `named`:
    whether a claim's own sentence names its subject — when given, only such claims are flagged
    as outliers (a claim resting on a pronoun is too weak to stand against the sources).
    `identifies`: whether a claim's sentence names its subject — when given, a consensus the
    authority file is not part of must rest on such a claim."""
    src = source_of or (lambda d: d)
    ok = named or (lambda it: True)
    about = identifies or (lambda it: True)
    by_subject: dict[str, list[ClaimItem]] = defaultdict(list)
    for raw in items:
        it = as_item(raw)
        if subject is None or it.claim.subject == subject:
            by_subject[it.claim.subject].append(it)
    out: list[Contradiction] = []
    for subj, its in by_subject.items():
        entry = _lookup(authority, subj)
        found: list[Contradiction] = []
        death = _consensus(subj, [i for i in its if i.claim.predicate in ("died", "executed")], "died",
                           _get(entry, "died"), _get(entry, "death_manner"), src)
        found += death[1]
        birth = _consensus(subj, [i for i in its if i.claim.predicate == "born"], "born",
                           _get(entry, "born"), None, src)
        found += birth[1]
        for pred in ("disappeared", "rehabilitated"):
            found += _consensus(subj, [i for i in its if i.claim.predicate == pred], pred, None, None, src)[1]
        found += _repeatable_denials(subj, its, src)
        if death[0] is not None and death[0].date and death[0].certainty == "asserted":
            found += _after_death(subj, its, death[0], src)
        found += _self_corrections(subj, its)
        for c in found:
            if AUTHORITY not in c.consensus.sources and c.consensus.example is not None \
                    and not about(c.consensus.example):
                continue      # a consensus of sources alone whose firmest claim does not name the person
            if c.outlier is None or ok(c.outlier):
                out.append(c)
                continue
            # another claim of the same source saying the same thing may name the person
            alt = next((o for o in c.others if ok(o)), None)
            if alt is not None:
                c.others = [c.outlier] + [o for o in c.others if o is not alt]
                c.outlier = alt
                out.append(c)
    out.sort(key=lambda c: (-c.against, c.subject, c.kind))
    return out


def _best(group: list[ClaimItem]) -> ClaimItem:
    """The firmest claim of a group: asserted before reported, dated before undated, precise first."""
    order = {"confirmed": 0, "asserted": 0, "reported": 1, "rumored": 2}
    return min(group, key=lambda i: (order.get(i.claim.certainty, 3), i.claim.date is None,
                                     -len(i.claim.date or "")))


def _consensus(subj, its, event, auth_date, manner, src):
    """(Consensus or None, contradictions) for one once-only event of one person."""
    out: list[Contradiction] = []
    auth = {event: auth_date, "death_manner": manner} if auth_date else None
    pos = [i for i in its if i.claim.certainty in POSITIVE]
    # A denial stands against a once-only event only when something says of which time it
    # speaks: its own date, or its document's ("Contrary to the rumors, Petrov was not shot",
    # 1939; one written before the event is set aside by _written_before). "Kamenev and
    # Zinoviev … were not executed" in an undated text (of 1917, it turns out) denies nothing
    # of 1936 — the 20 denials judged on 2026-12-06 were all artefacts.
    neg = [i for i in its if i.claim.certainty == "denied" and (i.claim.date or i.document_date)
           and not (i.quote and NEAR_MISS.search(i.quote))]
    pos_src = {src(i.document_id) for i in pos}
    # -- did it happen? ------------------------------------------------------------------------
    if pos and neg:
        votes_yes = len(pos_src) + (1 if auth else 0)
        deny_groups: dict[str, list[ClaimItem]] = defaultdict(list)
        for i in neg:
            deny_groups[src(i.document_id)].append(i)
        votes_no = len(deny_groups)
        if votes_yes >= votes_no:
            for s, group in deny_groups.items():
                # only assertions from other sources, about the same time when both are dated;
                # a denied execution ("he was spared", "not executed") denies that manner of
                # death, not a death of another manner: only a denied death stands against all
                denied = {d.claim.predicate for d in group}
                against = [p for p in pos if src(p.document_id) != s and (
                    "died" in denied or p.claim.predicate in denied) and any(_same_time(d, p) for d in group)]
                if _written_before(group, against, auth_date):
                    continue
                n = len({src(p.document_id) for p in against})
                if not n:
                    continue
                ex = _best(against)
                cons = Consensus(event, "asserted", ex.claim.date, sorted({src(p.document_id) for p in against}), ex, auth)
                out.append(Contradiction("asserted-vs-denied", subj, group[0], cons, n, others=group[1:],
                                         reason=f"{event}: denied here, asserted by {_plural(n, 'other source')}"))
        else:
            by_src: dict[str, list[ClaimItem]] = defaultdict(list)
            for i in pos:
                by_src[src(i.document_id)].append(i)
            for s, group in by_src.items():
                against = [d for d in neg if src(d.document_id) != s]
                n = len({src(d.document_id) for d in against})
                if n:
                    cons = Consensus(event, "denied", None, sorted({src(d.document_id) for d in against}), against[0])
                    out.append(Contradiction("asserted-vs-denied", subj, _best(group), cons, n,
                                             others=[g for g in group if g is not _best(group)],
                                             reason=f"{event}: asserted here, denied by {_plural(n, 'other source')}"))
    # -- when? ---------------------------------------------------------------------------------
    dated = [i for i in its if i.claim.date and i.claim.certainty in DEATH_SOURCES]
    votes: dict[int, set[str]] = defaultdict(set)
    for i in dated:
        if i.claim.certainty in ("asserted", "confirmed", "reported"):
            votes[int(i.claim.date[:4])].add(src(i.document_id))
    auth_year = int(auth_date[:4]) if auth_date and auth_date[:4].isdigit() else None
    if auth_year is not None:
        votes[auth_year].add(AUTHORITY)
    if not votes:
        return None, out
    ranked = sorted(votes.items(), key=lambda kv: (-len(kv[1]), kv[0] != auth_year))
    year, voters = ranked[0]
    if len(ranked) > 1 and len(ranked[1][1]) == len(voters) and year != auth_year:
        return None, out                                  # a tie nobody breaks: no consensus to measure against
    agreeing = [i for i in dated if i.claim.date.startswith(str(year)) and i.claim.certainty != "rumored"]
    date = _agreed_date(str(year), [(i.claim.date, src(i.document_id)) for i in agreeing],
                        auth_date if auth_year == year else None)
    # the sources behind that date, as precise as it is ("June 1918" leaves out "September 1918")
    agreeing = [i for i in agreeing if not _disjoint(i.claim.date, date)]
    voters = {src(i.document_id) for i in agreeing} | (
        {AUTHORITY} if auth_date and not _disjoint(auth_date, date) else set())
    example = _best(agreeing) if agreeing else None
    cons = Consensus(event, "asserted", date, sorted(voters), example, auth)
    if auth_year is not None and auth_year != year and AUTHORITY not in voters and len(voters) >= 2:
        out.append(Contradiction("authority", subj, None, cons, len(voters),
                                 reason=f"{event}: {_plural(len(voters), 'source')} date it {date}, "
                                        f"the authority file {auth_date}"))
    outliers: dict[tuple[str, str], list[ClaimItem]] = defaultdict(list)
    for i in dated:
        if i.claim.certainty == "rumored":
            continue          # a rumour's date is no source's statement ("a report – admittedly unconfirmed –")
        if _disjoint(i.claim.date, date) and not _a_day_apart(i.claim.date, date) and src(i.document_id) not in voters:
            outliers[(src(i.document_id), i.claim.date)].append(i)
    for (_s, d), group in outliers.items():
        n = len(voters)
        out.append(Contradiction("date", subj, _best(group), cons, n, others=[g for g in group if g is not _best(group)],
                                 reason=f"{event} dated {d} here; {_plural(n, 'source')} date it {date}"
                                        + (" (the authority file among them)" if AUTHORITY in voters else "")))
    return cons, out


def _same_time(denial: ClaimItem, assertion: ClaimItem) -> bool:
    """Can the denial be about the asserted event?  Not when both are dated at different times
    ("almost murdered" in May 1940, murdered in August)."""
    a, d = assertion.claim.date, denial.claim.date
    return not (a and d and _disjoint(d, a))


def _written_before(denials: list[ClaimItem], assertions: list[ClaimItem], auth_date: str | None) -> bool:
    """Undated denials in documents written before every date the event is given ("This is why
    Rakovsky's life has been spared", 1938; he was shot in 1941): a text cannot deny what had
    not happened when it was written.  False when the event is undated everywhere."""
    written = [d.document_date for d in denials]
    if any(d.claim.date for d in denials) or not all(written):
        return False
    dates = [p.claim.date for p in assertions if p.claim.date] + ([auth_date] if auth_date else [])
    return bool(dates) and all(strictly_after(x, w) for x in dates for w in written)


def _agreed_date(year: str, dated: list[tuple[str, str]], auth: str | None) -> str:
    """The most precise date within `year` that the most sources support — at least two of them,
    and more than any other date of that precision — or the authority file's date when a source
    supports it; the year itself when they agree on nothing finer.  `dated`: (date, source)."""
    if auth and any(not _disjoint(d, auth) for d, _s in dated):
        return auth
    for width in (10, 7):
        support: dict[str, set[str]] = defaultdict(set)
        for d, s in dated:
            if len(d) >= width:
                support[d[:width]].add(s)
        ranked = sorted(support.items(), key=lambda kv: -len(kv[1]))
        if ranked and len(ranked[0][1]) >= 2 and (len(ranked) == 1 or len(ranked[0][1]) > len(ranked[1][1])):
            return ranked[0][0]
    if auth and auth.startswith(year):
        return auth            # the authority file is a source too, and the only one this precise
    return year


def _repeatable_denials(subj, its, src):
    """An arrest (a trial, a meeting …) asserted by one source and denied by another for the
    same time: the denial is flagged against the sources that assert it."""
    out = []
    # only dated claims can be "about the same time": index the dated assertions by predicate
    positive: dict[str, list[ClaimItem]] = defaultdict(list)
    for a in its:
        if a.claim.certainty in POSITIVE and a.claim.date:
            positive[a.claim.predicate].append(a)
    for d in its:
        c = d.claim
        if c.certainty != "denied" or c.predicate in ONCE or not c.date:
            continue
        mine = src(d.document_id)
        against = [a for a in positive.get(c.predicate, ()) if not _disjoint(a.claim.date, c.date)
                   and src(a.document_id) != mine and _same_object(a.claim, c)]
        if against:
            n = len({src(a.document_id) for a in against})
            ex = _best(against)
            cons = Consensus(c.predicate, "asserted", ex.claim.date, sorted({src(a.document_id) for a in against}), ex)
            out.append(Contradiction("asserted-vs-denied", subj, d, cons, n,
                                     reason=f"{c.predicate} in {c.date}: denied here, asserted by "
                                            f"{_plural(n, 'other source')}"))
    return out


def _same_object(a, b) -> bool:
    if a.predicate in BY_OBJECT:
        return bool(a.object and b.object) and a.object.casefold() == b.object.casefold()
    return not a.object or not b.object or a.object.casefold() == b.object.casefold()


def _after_death(subj, its, death: Consensus, src):
    """Claims of a living person dated after the death the sources agree on, one per source and
    kind of event."""
    death_docs = {src(i.document_id) for i in its if i.claim.predicate in ("died", "executed")
                  and i.claim.certainty in DEATH_SOURCES}
    groups: dict[tuple[str, str], list[ClaimItem]] = defaultdict(list)
    for it in its:
        c = it.claim
        if not c.date or c.certainty in ("denied", "predicted", "uncertain"):
            continue
        if c.predicate not in LIVING_EVENTS or c.predicate in ("died", "executed"):
            continue
        if src(it.document_id) in death_docs:
            continue                       # one text's own narrative is not a contradiction
        if strictly_after(c.date, death.date):
            groups[(src(it.document_id), c.predicate)].append(it)
    out = []
    n = len(death.sources)
    for (_s, predicate), group in groups.items():
        group.sort(key=lambda it: earliest(it.claim.date))
        kind = "alive-after-death" if predicate in ALIVE_FREE else "after-death"
        first = group[0].claim
        out.append(Contradiction(kind, subj, group[0], death, n, others=group[1:],
                                 reason=f"{predicate} dated {first.date}, after the death "
                                        f"{_plural(n, 'source')} date {death.date}"
                                        + (" (the authority file among them)" if AUTHORITY in death.sources else "")))
    return out


def _self_corrections(subj, its):
    """"(This is incorrect. General Clement Thomas was caught … and was arrested as a spy.)": a
    document correcting the account it quotes — a contradiction inside one document."""
    out = []
    by_doc: dict[str, list[ClaimItem]] = defaultdict(list)
    for it in its:
        by_doc[it.document_id].append(it)
    for doc, group in by_doc.items():
        if len(group) < 2:
            continue
        group.sort(key=lambda i: i.claim.evidence.start)
        longest = max(g.claim.evidence.end - g.claim.evidence.start for g in group)
        for k, fix in enumerate(group):
            if not fix.quote:
                continue
            # the claims just before it first (cheap), the correction words last: a popular
            # person's page holds thousands of claims, few of them near another of their kind
            earlier = []
            for g in reversed(group[:k]):
                gap = fix.claim.evidence.start - g.claim.evidence.end
                if fix.claim.evidence.start - g.claim.evidence.start > 600 + longest:
                    break                        # sorted by start: nothing earlier can end near it
                if g.claim.predicate == fix.claim.predicate and 0 <= gap < 600 and (
                        g.claim.certainty != fix.claim.certainty or g.claim.date != fix.claim.date
                        or (g.claim.object or "") != (fix.claim.object or "") or g.claim.attributed_to):
                    earlier.insert(0, g)
            if earlier and CORRECTION.search(fix.quote):
                corrected = earlier[-1]
                cons = Consensus(fix.claim.predicate, fix.claim.certainty, fix.claim.date, [doc], fix)
                out.append(Contradiction("self-correction", subj, corrected, cons, 1,
                                         reason=f"{fix.claim.predicate}: the document corrects its own account"))
    return out
