"""Titles and appositions read from the surface of the text: "President Roosevelt", "the
Generals Lecomte and Clement-Thomas", "Mr. Bromley, M.P.", "the Police President of Berlin, von
Zedlitz", and "the King" used as a reference to the one person the text gave that title.  The
parse-based readings of offices are in roles.py, which owns the lexicons.
"""

from __future__ import annotations

import re

from .role_words import (names_a_school, ATTACHING, DEMONYMS, LEADER_NOUNS, MEMBER_NOUNS, NAME_PARTICLES, NEEDS_ATTACHMENT,
                         OFFICE_NOUNS, THE_TITLES, TITLE_ABBREVIATIONS, TITLES, TITLES_PLURAL)
from .roles import CANDIDACY, CAUSE_WORDS, NAMED_THINGS, PRAISABLE, PRAISE, SPEAKS_FOR, stands_for_no_body


# -- titles before a name --------------------------------------------------------------------
_TITLE_RUN = re.compile(r"(?:^|[\s(“\"‘])((?:[A-Z][\w.\-]*\s+){1,3})$")
_PLURAL_BEFORE = re.compile(r"\b([A-Z][a-z\-]+s)\s+$")
# the second name of "the Generals A and B": the plural title before the first name of the list
_LIST_HEAD = re.compile(r"\b([A-Z][a-z\-]+s)\s+(?:[A-Z][\w’'.\-]*\s+){1,3}(?:and|&)\s+$")
# English puts "the" right before a rank and a name only when the two name a thing (a ship: "the
# Senator Schröder", "the General Belgrano"); the titles that take it for a person are in roles.py.
_NAMED_THING = re.compile(r"(?:^|[\s(“\"‘])[Tt]he\s+$")
_WORK_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(NAMED_THINGS))})s?,?\s+(?:the\s+)?$", re.I)   # roles.NAMED_THINGS
_FOOTNOTE = re.compile(r"^\s*\[\d{1,3}\]")
_THINKERS = {"theoretician", "ideologist", "ideologue"}
_MP_AFTER = re.compile(r"^,?\s*(M\.\s?P\.|MP)(?!\s*[A-Z][a-z])")   # not the initials of the next name


def title_claims(s, add) -> None:
    """"President Roosevelt", "General Putna", "Lieutenant Colonel Untung", "Mr. Bromley, M.P.":
    the capitalised title words right before a person mention (or opening its span)."""
    ctx, base = s.ctx, s.base
    end = base + len(s.text)
    for m in ctx.mentions_in(base, end):
        words = m.text.split()
        inner = []
        while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
            inner.append(words.pop(0))                 # the NER put the title inside the span
        before = ctx.text[max(base, m.start - 60):m.start]
        joined = re.search(r"\b([A-Za-z]+-)$", before)
        if inner and joined:
            inner[0] = joined.group(1) + inner[0]      # "Vice-President Walter Reuther": the NER began at "President"
            before = before[:joined.start()]
        run = _TITLE_RUN.search(before)
        outer = []
        if run:
            for w in reversed(run.group(1).split()):
                if w.lower().rstrip(".,").split("-")[-1] in TITLES and (w[:1].isupper()) or (outer and w.lower().rstrip(".,") in
                                                         ("vice", "prime", "foreign", "war", "lieutenant",
                                                          "attorney", "field", "police", "home")):
                    outer.insert(0, w)
                else:
                    break
        title = " ".join(outer + inner)
        lead = before[:len(before) - len(run.group(1))] if outer else before
        if len(outer + inner) == 1 and _NAMED_THING.search(lead) and title.lower().rstrip(".,") not in THE_TITLES \
                and (words[:1] or [""])[0].lower() not in NAME_PARTICLES:
            continue                                   # "the Senator Schröder", "the Admiral Scheer": a ship's name
        if (outer or inner) and _WORK_BEFORE.search(lead):
            continue                                   # "Shelley’s first long poem, Queen Mab": a title, no person
        tok = s.token_at(m.start)
        if tok is None:
            continue
        if not title:
            plural = _PLURAL_BEFORE.search(before)
            if plural and plural.group(1).lower() in TITLES_PLURAL:
                title = TITLES_PLURAL[plural.group(1).lower()].capitalize()   # "Generals Lecomte and …"
            else:
                lead = _LIST_HEAD.search(before)
                if lead and lead.group(1).lower() in TITLES_PLURAL:
                    title = TITLES_PLURAL[lead.group(1).lower()].capitalize()  # "… Lecomte and Clement-Thomas"
        if title:
            add(m.entity, "held_office", title.rstrip(",."), tok, tok, climb=False)
        after = _MP_AFTER.match(ctx.text[m.end:m.end + 8])
        if after:
            add(m.entity, "held_office", after.group(1), tok, tok, climb=False)


def title_reference_claims(s, add) -> None:
    """"The King seemed happy" after "King Frederick William IV": a title used as a reference
    to the one person the text gave it is that person holding it (annotators count each)."""
    for tok in s.tokens:
        if tok.lower_ not in TITLES or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        start = s.base + tok.idx
        if s.ctx.mention_at(start, start + len(tok.text)) is not None:
            continue                                   # part of a name: title_claims reads it
        holder = s.entity(tok)
        if holder is not None:
            add(holder, "held_office", tok.text, tok, tok, climb=False)


# -- appositions by their surface --------------------------------------------------------------
# The small parser often attaches "the Police President of Berlin, von Zedlitz" or "our city
# organizer, Max Shachtman" wrongly; an apposition is also plain in the text: a noun phrase ending
# in an office noun, a comma, and the name (or the reverse), closed by punctuation.
_DET = r"(?:the|our|his|her|their|its|a|an|former|then|now|once|later|ex-|late|acting|present)"
_OFFICE_ALT = "|".join(sorted((re.escape(w) for w in (OFFICE_NOUNS | MEMBER_NOUNS) - TITLE_ABBREVIATIONS if "_" not in w),
                              key=len, reverse=True))
# "the leader of the proletarian revolution": roles.led_a_cause on the surface
_A_CAUSE = re.compile(rf"(?i)\b(?:{'|'.join(sorted(CAUSE_WORDS))}|\w*revolution)\W*$")
# what one leads without being its member: "Stalin, the leader of the country", "the revolutionary
# leader of the proletariat" (judged wrong both times, rounds 6 and 11; "of the Government" is a body)
_A_LAND = re.compile(r"(?i)\b(?:country|nation|people|world|masses|land|proletariat|working[- ]class)\W*$")
_APPOS_BEFORE = re.compile(
    rf"\b{_DET}\s+(?P<mods>(?:[\w’'.\-]+\s+){{0,4}}?)(?P<noun>{_OFFICE_ALT})s?"
    rf"(?P<of>\s+(?:of|at|for|in|to)\s+[^,;:()“”\"]{{1,60}}?)?\s*,\s*$", re.I)
_APPOS_AFTER = re.compile(
    rf"^\s*,\s*(?:{_DET}\s+(?P<mods>(?:[\w’'.\-]+\s+){{0,4}}?)|(?P<bare>))(?P<noun>{_OFFICE_ALT})s?"
    rf"(?P<of>\s+(?:of|at|for|in|to)\s+[^,;:()“”\"]{{1,60}}?)?\s*(?=[,.;:)]|\s+(?:and|who|whose|had|has|was|is)\b)",
    re.I)


_LIST_BEFORE = re.compile(r"(?:,|\band|&)\s*$")   # the name ends a list: "Loriot and Pierre Monatte, founders of …"


def _body_words(where: str) -> list[str]:
    """"of all the people all over Britain who …" → its words up to the head: all the people"""
    rest = where.split(None, 1)[1] if " " in where else ""
    return re.split(r"\s+(?:of|in|at|for|on|to|over|who|whose|which|that|with)\b", rest, maxsplit=1)[0].split()


def surface_appositions(s, add) -> None:
    ctx, base = s.ctx, s.base
    end = base + len(s.text)
    for m, tok in s.named_mentions():
        before = ctx.text[max(base, m.start - 140):m.start]
        after = _FOOTNOTE.sub("", ctx.text[m.end:min(end, m.end + 140)], count=1)   # "Bordiga [3], the founder …"
        after_ok = re.match(r"^\s*(?:[,.;:)]|who\b|whose\b|$)", after) is not None
        hits = []
        mb = _APPOS_BEFORE.search(before)
        if mb and after_ok:
            hits.append(mb)
        ma = _APPOS_AFTER.match(after)
        plural = ma is not None and after[ma.end("noun"):].startswith("s")
        if ma and not (plural and not _LIST_BEFORE.search(before)):
            hits.append(ma)                            # (not a plural: "According to Trotsky, the leaders of the
                                                       # German C.P. committed …" — round 9)
        for h in hits:
            noun = h.group("noun").lower()
            mods = (h.group("mods") or "").strip()
            where = (h.group("of") or "").strip()
            second = mods.lower().endswith(" and")
            if second and noun in LEADER_NOUNS | MEMBER_NOUNS and re.search(r"[A-Z]", h.group("of") or ""):
                mods = ""                              # "the well-known indemnity champion and leader of the Second International"
            if any(w.lower() in ("and", "or", "but", "who", "which") for w in mods.split()):
                continue
            if any(w.lower() in PRAISE for w in mods.split()) and noun in LEADER_NOUNS | PRAISABLE:
                continue                               # "the spiritual leader of …, Mr. Ramsay Macdonald": praise
            if any(w.lower() in CANDIDACY for w in mods.split()):
                continue                               # "the Socialist candidate for president": no post
            if noun == "agent" and where and where.split(None, 1)[-1] in {p.text for p in ctx.mentions_in(base, end)}:
                continue                               # "Nin, the agent of Franco": a verdict (roles._not_a_post)
            phrase = " ".join(x for x in (mods, h.group("noun"), where) if x)
            if noun in MEMBER_NOUNS:
                add(m.entity, "member_of", where.split(None, 1)[1] if where else None, tok, tok, climb=False)
                continue
            # a modifier that names a body or rank ("Labour spokesman", "chief economist"), not a
            # nationality or a description ("a Russian non-Marxist economist", "the young editor")
            attached = bool(where) or any(
                w.lower() in ATTACHING or (w[:1].isupper() and w.lower().strip(".,") not in DEMONYMS and not names_a_school(w, noun))
                for w in mods.split())
            if noun in NEEDS_ATTACHMENT and not attached:
                continue
            if noun in LEADER_NOUNS and noun != "head":
                if noun in _THINKERS and (not re.search(r"[A-Z]", where) or where.rstrip(".").endswith("ism")):
                    continue                           # "the theoretician of permanent revolution": no body
                if where and _A_CAUSE.search(where):
                    continue                           # "Lenin, the leader of the proletarian revolution": no body
                if where and not _A_LAND.search(where):
                    add(m.entity, "member_of", where.split(None, 1)[1], tok, tok, climb=False)
                if noun == "leader" and not second and not re.match(r"(?i)an?\b|another\b", h.group(0).lstrip(" ,")) \
                        and not h.group(0)[h.end("noun") - h.start():].startswith("s"):
                    add(m.entity, "held_office", phrase, tok, tok, climb=False)   # roles.the_leader
                continue
            if noun.rstrip("s") in SPEAKS_FOR and stands_for_no_body(mods.split(), _body_words(where)):
                continue                               # "Ferré, a representative of the Majority": roles._names_a_body
            add(m.entity, "held_office", phrase, tok, tok, climb=False)
