"""Whether a claim's own sentence identifies the person it is about, and states its year, firmly
enough for the claim to be flagged against the other sources (claims.md; issue 18).

A contradiction says "this source disagrees with the others about this person". That is only
worth a historian's time when the source is about that person and says what it is said to:
the judged contradictions of 2026-12-06 (tests/gold/contradictions/) lost most of their
artefacts to claims whose person was a namesake, a relative or a pronoun's guess, or whose
year the rules had worked out. An outlier must therefore rest on a mention of its subject
inside its own evidence, that mention must say who, and a dated claim must print its year
there ("twenty-six years ago" counted from a reprint's date, "on the night of 6–7 November"
given the year of the page, are no source's statement of a year). Who a mention says:

- a bare forename never does ("Liebknecht, Karl": which Karl);
- a name preceded by a forename and patronymic the person never bears is someone else of the
  family ("Nicolas Ivanovich Kibalchich", a relative of Victor Serge, born Kibalchich);
- a bare surname does when the person is in the authority file or the archive knows them by a
  fuller name, and the archive's own linking gives that surname to this person nearly always
  (``SURNAME_SHARE``): "Kamenev" is Lev Kamenev in 98 % of its mentions, "MacDonald" is Ramsay
  MacDonald in 93 % and Dwight Macdonald in the rest — not enough to stand against the sources.
  Rivals are persons of the authority file or provisional persons named in full often
  (``RIVAL_FULL_MENTIONS``).
"""

from __future__ import annotations

from collections import Counter
from typing import Callable

from .views import _entry

# Share of a bare surname's linked mentions that must go to the subject for the bare surname to
# identify them.  Chosen after reading the judged contradictions of 2026-12-06 (Kamenev 0.98
# real, MacDonald 0.93 a namesake) — a choice, not a measurement.
SURNAME_SHARE = 0.95
# A provisional person named in full this often is somebody (Dwight Macdonald: 30); the NER's
# accidents ("Capital Marx" 17, "October Lenin" 4) are not.
RIVAL_FULL_MENTIONS = 20
_PATRONYMIC = ("ovich", "evich", "ich", "ovna", "evna", "ichna")


def surname_index(store) -> dict[str, set[str]]:
    """Surname (case-folded) → the persons with a fuller spelling ending in it.  A scan of
    every spelling (half a second on the whole corpus): the archive keeps it per generation."""
    out: dict[str, set[str]] = {}
    for pid, text in store.people.person_spellings():
        words = text.split()
        if len(words) > 1:
            out.setdefault(words[-1].casefold(), set()).add(pid)
    return out


def identified(store, authority, surnames: Callable[[], dict[str, set[str]]] | None = None) -> Callable[[object], bool]:
    """`named(item)` for find_contradictions: does the claim's evidence name its subject?
    `surnames` gives surname_index(store), cached by the caller; built here when not given."""
    docs: dict[str, tuple[str, list]] = {}
    tokens: dict[str, set[str]] = {}
    bare: dict[str, Counter] = {}
    fuller: dict[str, bool] = {}

    def doc(doc_id):
        if doc_id not in docs:
            d = store.get_document(doc_id)
            docs[doc_id] = (d.text, [m for m in d.mentions if m.type == "person" and m.entity])
        return docs[doc_id]

    def spellings(pid):
        return store.people.spellings(pid)

    def name_tokens(pid) -> set[str]:
        if pid not in tokens:
            names = {t for t, _ in spellings(pid)}
            entry = _entry(authority, pid)
            if entry is not None:
                names |= {entry.name, *entry.variants}
            tokens[pid] = {w.strip(".,").casefold() for n in names if n for w in n.split()}
            fuller[pid] = entry is not None or any(len(n.split()) > 1 for n in names if n)
        return tokens[pid]

    def surname_owners(surname: str) -> Counter:
        """Linked mentions of the bare `surname`, per person (over the whole archive)."""
        if surname not in bare:
            owners = index().get(surname, set())
            counts = Counter()
            for pid in owners:
                sp = spellings(pid)
                in_full = sum(n for t, n in sp if len(t.split()) > 1 and t.split()[-1].casefold() == surname)
                # a rival is a real person: in the authority file, or named in full often enough
                # not to be the NER's "October Lenin" or "Capital Marx"
                if _entry(authority, pid) is not None or in_full >= RIVAL_FULL_MENTIONS:
                    counts[pid] = sum(n for t, n in sp if t.casefold() == surname)
            bare[surname] = counts
        return bare[surname]

    built: list[dict[str, set[str]]] = []

    def index() -> dict[str, set[str]]:
        if not built:
            built.append(surnames() if surnames is not None else surname_index(store))
        return built[0]

    def says_who(pid, text, m) -> bool:
        words = m.text.split()
        known = name_tokens(pid)
        if len(words) == 1:
            entry = _entry(authority, pid)
            if entry is not None and entry.name and len(entry.name.split()) > 1 \
                    and words[0].casefold() == entry.name.split()[0].casefold() != entry.name.split()[-1].casefold():
                return False                            # a bare forename
        before = text[max(0, m.start - 60):m.start].split()
        lead = [w for w in before[-2:] if w[:1].isupper() and w.isalpha()]
        if len(lead) == 2 and lead[-1].casefold().endswith(_PATRONYMIC) and not all(
                w.casefold() in known for w in lead):
            return False                                # "Nicolas Ivanovich Kibalchich": a relative
        if len(words) > 1:
            return True
        if not fuller.get(pid, False):
            return False                                # known by nothing but a surname ("General Trepov")
        owners = surname_owners(words[0].casefold())
        total = sum(owners.values())
        return not total or owners[pid] / total >= SURNAME_SHARE

    def named(item) -> bool:
        text, mentions = doc(item.document_id)
        ev, pid, date = item.claim.evidence, item.claim.subject, item.claim.date
        if date and date[:4] not in text[ev.start:ev.end]:
            return False                # a year the rules worked out, not one the source states
        name_tokens(pid)
        return any(m.entity == pid and ev.start <= m.start < ev.end and says_who(pid, text, m) for m in mentions)

    return named


__all__ = ["identified", "SURNAME_SHARE"]
