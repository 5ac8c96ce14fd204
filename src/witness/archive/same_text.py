"""One text, one entry: duplicate texts (witness.duplicates) folded in what a person's page
lists.  A page and its reprint carry the same claims and mention the same people; the
person's timeline shows each such claim once, from the document standing for the text, and
names the copies it is also in; the person's documents list each text once, with its copies.

Pure functions over the groups (document id → its group's members, representative first),
so the archive's person views and the static edition fold the same way.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence

from ..claims import ClaimItem
from ..model import Claim
from .views import fold


def members_of(groups: Iterable) -> dict[str, list[str]]:
    """Document id → the members of its group, representative first (duplicates.Group list);
    documents without a duplicate are absent."""
    return {m: list(g.members) for g in groups for m in g.members}


def claim_key(c: Claim) -> tuple:
    """What makes two claims in copies of one text the same claim: everything the claim says,
    not where it stands (offsets differ between a plain-text export and its page) and not the
    case or punctuation of its words (a reprint's 'Shadow Cabinet' is 'shadow Cabinet')."""
    return (c.subject, c.predicate, fold(c.object or ""), c.date, fold(c.place or ""),
            c.certainty, fold(c.attributed_to or ""))


def fold_claims(items: Sequence[ClaimItem], members: dict[str, list[str]]
                ) -> tuple[list[ClaimItem], dict[int, list[str]], dict[int, ClaimItem]]:
    """Claims of duplicate texts folded onto one: (the items kept, in the order given; the ids
    of the other documents each kept claim is also in, by id(kept.claim); the kept item each
    folded claim became, by id(folded.claim)).

    Within a group the representative's claims are kept; a copy's claim is folded onto the
    k-th equal claim of an earlier member when that exists (the same sentence twice in a text
    is two claims in every copy), and kept as its own otherwise — a claim only one copy has
    is not lost."""
    def rank(it: ClaimItem) -> tuple:
        group = members.get(it.document_id)
        return (group.index(it.document_id) if group else 0, it.claim.evidence.start)

    kept_ids: set[int] = set()
    also: dict[int, list[str]] = {}
    folded: dict[int, ClaimItem] = {}
    holders: dict[tuple, list[ClaimItem]] = {}         # (group, key) → kept items, in order
    seen: Counter = Counter()                          # (group, key, document) → occurrences so far
    for it in sorted(items, key=rank):
        group = members.get(it.document_id)
        if group is None:
            kept_ids.add(id(it.claim))
            continue
        slot = (group[0], claim_key(it.claim))
        k = seen[slot + (it.document_id,)]
        seen[slot + (it.document_id,)] += 1
        held = holders.setdefault(slot, [])
        if k < len(held) and held[k].document_id != it.document_id:
            also.setdefault(id(held[k].claim), []).append(it.document_id)
            folded[id(it.claim)] = held[k]
        else:
            held.append(it)
            kept_ids.add(id(it.claim))
    kept = [it for it in items if id(it.claim) in kept_ids]
    return kept, {i: list(dict.fromkeys(ids)) for i, ids in also.items()}, folded


def fold_documents(docs: Sequence, members: dict[str, list[str]]) -> list[tuple[object, list[str]]]:
    """Each text once: (the document listed, the other documents of its text) in the order
    given; the listed one is the group's representative when it is among `docs`, else the
    first of its group there.  `docs`: anything with an `id`."""
    present = {d.id for d in docs}
    out, done = [], set()
    for d in docs:
        group = members.get(d.id)
        if group is None:
            out.append((d, []))
            continue
        shown = next(m for m in group if m in present)
        if d.id != shown or shown in done:
            continue
        done.add(shown)
        out.append((d, [m for m in group if m != shown]))
    return out
