"""Which date of a sentence belongs to which event.  First the date expression whose parse hangs
off the trigger (not off another verb, another event noun, an appositive or another conjunct);
then, since the small parser often hangs a printed date elsewhere, the places where the text
still says whose date it is (see date_for) — each declining rather than guessing, as a wrong
date makes a false contradiction.  dates.py reads date expressions; this module attaches them."""

from __future__ import annotations

import re

from .arguments import _Sent
from .dates import _EXPLICIT_YEAR as _EXPLICIT
from .dates import document_now
from .predicates import NOUNS

# A date hanging off one of these (or off another event noun) is that event's date: "the
# assassination of Trotsky … since his birth on October 26, 1879".
_OTHER_EVENT = {"birth", "birthday", "anniversary", "centenary", "jubilee"}
_TOPIC = {"on", "about", "concerning", "regarding"}
_TIME_NOUNS = {"week", "day", "month", "year", "spring", "summer", "autumn", "fall", "winter", "night",
               "morning", "evening", "time", "date", "ago"}


def date_for(s: _Sent, tok, dates, ptok=None, predicate: str | None = None,
             obj: str | None = None) -> str | None:
    """The event's date, from the first of: the date hanging off the trigger (_own_date); for a
    work, the year printed after its title ("Imperialism (1902)"); a printed year right after
    the event's phrase ("his death in 1953"); a date opening the clause of
    coordinated verbs ("In 1898 he was arrested and kept in various jails"); for an article, the
    date it was published ("an article published in the Guardian on 31 March 1988"); for an office or a
    membership, the date of the clause its holder is the subject of ("In 1968 she became the
    first secretary"), or the sentence's one date for "the then Premier"."""
    if predicate not in _LASTING:     # "memoirs of party work from (March) 1914 to 1917": what they cover
        dates = [d for d in dates if not _FROM.search(s.ctx.text[max(0, d[0] - 8):d[0] + 5])]
    return (_own_date(s, tok, dates)
            or (_work_year(s, obj) if predicate == "wrote" else None)
            or (_published_date(s, tok, dates) if predicate == "wrote" else None)
            or _adjacent_date(s, tok, dates)
            or _opening_date(s, tok, dates)
            or (_clause_date(s, tok, ptok, dates, obj) if predicate in _STATES else None)
            or (_then_date(s, tok, ptok, dates) if predicate in _STATES else None))


def _own_date(s: _Sent, tok, dates) -> str | None:
    """The date whose expression hangs off the trigger (not off another verb or event noun);
    an explicit date before a relative one ("twenty years ago (December 1974)"), and the
    event's own time before a bound ("Since 1921 a member …, Gallacher was arrested … in 1925":
    "since" opens a state, it does not date an arrest)."""
    def order(d):
        words = s.ctx.text[d[0]:d[1]]
        return (not _EXPLICIT.search(words), bool(_BOUND.match(words)))
    for ds, de, iso in sorted(dates, key=order):
        t = _date_root(s, ds, de)
        steps = 0
        while t is not None and steps < 30:
            if t.i == tok.i:
                return iso
            if (t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" and not (t.dep_ == "xcomp" and t.head.i == tok.i)
                    or t.head.i == t.i):
                break            # another verb's date, except the trigger's own complement ("appointed to represent … on 3 May")
            if t.pos_ == "NOUN" and (t.lemma_.lower() in _OTHER_EVENT or t.lemma_.lower() in NOUNS):
                break
            if t.dep_ == "prep" and t.lower_ in _TOPIC and t.head.i == tok.i and tok.pos_ != "VERB" \
                    and not any(ds <= s.base + w.idx < de for w in (t, *t.children)):
                break            # "my article on the change of party leadership in 1929": its subject's date
                                 # (not "his arrest on 12 May 1937", whose "on" holds the date)
            if t.dep_ == "appos" and t.like_num and t.head.lemma_.lower() in _TIME_NOUNS:
                pass             # "Easter week, 1916": the year restates the time it hangs off
            elif t.dep_ == "appos" or (t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN")):
                # out of an appositive ("Malatesta, leader of the Ancona revolt of 1914") or a
                # conjoined noun phrase ("the murder of Luxemburg and the betrayal of the
                # revolution of 1918"): the date is that phrase's
                break
            t, steps = t.head, steps + 1
    return None


def _date_root(s: _Sent, ds: int, de: int):
    """The token of a date expression that hangs off the rest of the sentence: the walk to the
    trigger starts there, not inside the expression ("on 14th March, 1883": the parser makes
    the year an apposition of the month, and an apposition stops the walk)."""
    lo, hi = ds - s.base, de - s.base
    inside = [t for t in s.tokens if lo <= t.idx < hi]
    for t in inside:
        if not (lo <= t.head.idx < hi) or t.head.i == t.i:
            return t
    return inside[-1] if inside else None


# States the title or the role gives a person at the time of the clause they act in.
_STATES = {"held_office", "member_of"}
# What lasts, so that "from 1965 to 1968" dates it by its start ("Secretary of State from 1965")
_LASTING = _STATES | {"imprisoned", "exiled"}
# "the former premier", "the late President": not the office at the clause's time
_NOT_THEN = {"former", "late", "ex", "future", "onetime", "one-time", "erstwhile", "sometime", "retired",
             "deposed", "later", "past", "old", "previous", "present", "current", "subsequent", "next"}
_YEAR_OPENS = re.compile(r"\(\s*(1[5-9]\d\d|20[0-4]\d)\s*[;,)]?\s*$")
_WORK_YEAR = re.compile(r"\s*[”\"’']?\s*\(\s*(1[5-9]\d\d|20[0-4]\d)\s*[)\]]")


def _work_year(s: _Sent, obj: str | None) -> str | None:
    """"Imperialism (1902)", "Marxism and Revisionism (1908)": a bibliography's year printed
    right after the title is when it was written or published, the year a historian cites."""
    if not obj or len(obj) < 3:
        return None
    text = s.text
    i = text.find(obj)
    if i < 0 or re.search(r"['’]s?\s*$", text[:i]):
        # "Stalin’s Year of Terror (1998)", "a Comment on Deutscher’s The Prophet Outcast (1994)":
        # a possessive title may be a book about the person, and its year the edition cited
        return None
    inside = _YEAR_OPENS.search(obj)
    if inside:
        return inside.group(1)   # the parse took the year's bracket into the title: "Fundamentals … (1905"
    m = _WORK_YEAR.match(text, i + len(obj))
    return m.group(1) if m else None


# Short pieces appear when they are written; a book's edition may come after its author's death
# ("Trotsky, in The Revolution Betrayed (1972)"), so only these take their publication's date.
_SHORT_WORKS = {"article", "letter", "pamphlet", "editorial", "column", "leaflet", "essay",
                "statement", "piece", "appeal"}
_PUBLISHED = {"publish", "print", "appear"}


def _published_date(s: _Sent, tok, dates) -> str | None:
    """"In an article published in the Guardian on 31 March 1988, X summed up …", "X wrote an
    article, published in Pravda on 3 May 1937": the participle's printed date, when it qualifies
    the trigger or the trigger's object and the work is a short piece — never a later date than
    the document's (a piece still to appear)."""
    for ds, de, iso in dates:
        words = s.ctx.text[ds:de]
        if not _printed_year(words) or _BOUND.match(words) or _after_document(s, iso):
            continue
        v = _adjunct_of(s, ds, de)
        if v is None or v.lemma_.lower() not in _PUBLISHED or v.dep_ not in ("acl", "relcl"):
            continue
        if any(c.dep_ == "prep" and any(g.lower_ in _LANGUAGES or g.lower_ == "translation" for g in c.children)
               for c in v.children):
            continue             # "Marx's articles … – published in Russian in Geneva in 1888": a translation
        work = v.head
        holder = work.head.head if work.dep_ == "pobj" else work.head   # "In an article …, X summed up"
        if work.lemma_.lower() in _SHORT_WORKS and tok.i in (work.i, holder.i):
            return iso
    return None


def _adjacent_date(s: _Sent, tok, dates) -> str | None:
    """A printed year right after the trigger, or after the name its phrase ends with ("his death
    in 1953", "the report by Sir John Maud in 1941"): the small parser often
    hangs such a date off the main verb.  Not across other words ("my article on the change of
    party leadership in 1929")."""
    end = tok.idx + len(tok.text)
    for ds, de, iso in sorted(dates):
        lo = ds - s.base
        if lo < end:
            continue
        words = s.ctx.text[ds:de]
        if not _printed_year(words) or _BOUND.match(words):
            return None
        toks = [t for t in s.tokens if end <= t.idx < lo]
        if len(toks) > 5 or not all(t.pos_ in ("PROPN", "DET") or t.lower_ in _ACROSS for t in toks):
            return None
        return iso
    return None


# what may stand between an event and its date besides names: "Roosevelt’s death in the spring
# of 1945", "arrested at Moscow in 1937"
_ACROSS = {"of", "by", "'s", "’s", ".", "in", "at", "early", "late", "spring", "summer", "autumn", "fall",
           "winter", "end", "beginning", "middle", "course"}


def _printed_year(words: str) -> bool:
    """The expression prints its year ("in 1953"), not one borrowed from the document ("on March
    5" in a 1937 article about 1917)."""
    return bool(_EXPLICIT.search(words))


_LANGUAGES = {"english", "russian", "german", "french", "italian", "spanish", "polish", "yiddish", "chinese",
              "japanese", "dutch", "swedish", "czech", "hungarian", "bulgarian", "portuguese", "greek"}
_LATER = {"later", "afterwards", "afterward", "subsequently", "eventually", "finally", "soon"}


def _opening_date(s: _Sent, tok, dates) -> str | None:
    """A date opening a clause dates each of its coordinated verbs: "In 1898 he was arrested and
    kept in various jails" — not one after the first verb ("arrested in 1925 and shot" may be
    years apart)."""
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.head.pos_ != "VERB":
        return None
    if any(c.lower_ in _LATER for c in tok.children if c.dep_ in ("advmod", "npadvmod")):
        return None              # "In September Taraki was deposed and later assassinated" (judged wrong)
    first = tok.head
    for ds, de, iso in dates:
        if _BOUND.match(s.ctx.text[ds:de]):
            continue             # "Since 1921 a member …, Gallacher was arrested": a state's start
        v = _adjunct_of(s, ds, de)
        if v is not None and v.i == first.i and de - s.base <= first.idx:
            return iso
    return None


def _adjunct_of(s: _Sent, ds: int, de: int):
    """The word a date is an adjunct of, directly or through its preposition ("In 1855 … succeeded",
    "On November 25, 1962, … renews") — not the verb of a date deep in an object ("takes his
    story down to … the united opposition of 1926")."""
    t = _date_root(s, ds, de)
    if t is None:
        return None
    return t.head.head if t.head.dep_ == "prep" else t.head


def _not_then(tok, ptok, obj: str | None) -> bool:
    """"the former premier", "Castle, the future premier, …", "the present Prime Minister":
    the title is not the one held at the clause's time."""
    words = [w.lower_ for w in (tok, *tok.children, *ptok.children)]
    words += [w.lower_ for a in ptok.children if a.dep_ == "appos" for w in a.subtree]
    words += (obj or "").lower().split()
    return any(w.strip("-") in _NOT_THEN or w.startswith("ex-") for w in words)


def _clause_date(s: _Sent, tok, ptok, dates, obj: str | None) -> str | None:
    """An office or membership the clause gives its subject holds at the clause's date: "In 1855
    Tsar Alexander II succeeded to the throne", "When Labour was returned in 1974 she became
    Secretary of State", "On November 25, 1962, President Kennedy renews the demand" — never an
    office of someone the clause only mentions ("In 1937 he quoted President Lincoln"), nor a
    former one."""
    if ptok is None or tok.pos_ in ("VERB", "AUX"):
        return None
    if _not_then(tok, ptok, obj):
        return None
    subj = _subject_of(ptok)
    if subj is None:
        return None
    verb = subj.head
    if not (_within_phrase(tok, subj) or tok.head.i == verb.i and tok.dep_ in ("attr", "oprd", "dobj")
            or tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.i == verb.i):
        return None          # the title is the subject's own, or what the verb makes of it
    if any(c.dep_ == "neg" for c in verb.children):
        return None          # "ten years ago he had not yet been appointed party Führer"
    for ds, de, iso in dates:
        words = s.ctx.text[ds:de]
        if _BOUND.match(words) and not words.lower().startswith("since") or not _printed_year(words) \
                or _after_document(s, iso):
            continue         # a plan's date ("pressing for Dominion status … in 1960"), a borrowed year
        v = _adjunct_of(s, ds, de)
        if v is not None and (v.i == verb.i or _when_clause_of(v, verb)):
            return iso
    return None


def _after_document(s: _Sent, iso: str) -> bool:
    now = document_now(s.ctx.doc.record)
    return bool(now) and iso[:len(now)] > now[:len(iso)]


def _when_clause_of(v, verb) -> bool:
    """"When Labour was returned in 1974 she became Secretary of State": the when-clause's date
    is the main clause's ("after", "before", "since" shift it: no date rather than a wrong one)."""
    return v.dep_ == "advcl" and v.head.i == verb.i and any(
        c.lower_ in ("when", "whilst", "while") and c.dep_ in ("advmod", "mark") for c in v.children)


def _then_date(s: _Sent, tok, ptok, dates) -> str | None:
    """"the then Italian Premier, Crispi", "Alan Greenspan, then head of the Federal Reserve":
    "then" says the office held at the sentence's time — its one printed date, when it has one."""
    near = [tok, *tok.children] + ([ptok, *ptok.children] if ptok is not None else [])
    if not any(w.lower_ == "then" and w.dep_ == "advmod" for w in near):
        return None
    printed = {iso for ds, de, iso in dates if _printed_year(s.ctx.text[ds:de]) and not _BOUND.match(s.ctx.text[ds:de])}
    if len(printed) != 1:
        return None
    iso = printed.pop()
    return None if _after_document(s, iso) else iso


def _subject_of(ptok):
    """The subject token the person is, through a title, a compound or an apposition ("Tsar
    Alexander II succeeded", "Kerensky, head of the government, fled"); None when the person is
    anything else in the clause."""
    t, steps = ptok, 0
    while t.dep_ in ("compound", "flat", "appos", "conj") and t.head.i != t.i and steps < 6:
        t, steps = t.head, steps + 1
    if t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX"):
        return t
    return None


def _within_phrase(tok, head) -> bool:
    """`tok` belongs to `head`'s noun phrase, not to a clause inside it ("Stalin, who was general
    secretary, …")."""
    t, steps = tok, 0
    while t.i != head.i and t.head.i != t.i and steps < 8:
        if t.pos_ in ("VERB", "AUX") or t.dep_ in ("relcl", "acl"):
            return False
        t, steps = t.head, steps + 1
    return t.i == head.i


_BOUND = re.compile(r"(?i)(?:since|until|till|by)\b")
_FROM = re.compile(r"(?i)\bfrom\b")
