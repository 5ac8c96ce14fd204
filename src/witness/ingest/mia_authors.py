"""Who wrote an MIA page when no byline says so: the meta author tag, the <title>'s lead, the
folder — and which of them to trust.

Read by the header reader (``mia_record``), which prefers the page's own bylines.
"""

from __future__ import annotations

import re

from ..record import MONTH_NAMES, clean, parse_names
from .mia_datelines import date_line
from .mia_names import NOT_GIVEN, people, surname_key

BANNER = re.compile(r"\b(?:internet\s+archive|marxists?\.org|MIA\b|marxists?\s+(?:writers|history|archive)|works\s+of|"
                    r"collected\s+works|writings\s+of)\b", re.I)


def meta_authors(content: str | None) -> list[str]:
    """The people the ``<meta name="author">`` tag names ([] for the archive's own banner)."""
    if not content or BANNER.search(content):
        return []
    if content.islower():
        content = content.title()
    content = re.sub(r"\(\s*\d{4}[^)]*\)", "", content)     # "Nikolai Bukharin (1888-1938)"
    if any(part.strip() and part.strip().islower() for part in content.split(",")):
        # A list of keywords after the writer ("Ales Bebler, Yougoslavia, Greece, communism,
        # Marxism, …"): its lower-case entries betray it; only its first entry names someone.
        content = content.split(",")[0]
    names = [n for n in parse_names(content) if people(n)]
    # "Bertram Wolfe, Bertram D. Wolfe": two forms of one name, the fuller one kept.
    if len(names) > 1 and len({surname_key(n) for n in names}) == 1:
        names = [max(names, key=len)]
    return names


def folder_token(rel: str) -> str:
    """The writer's folder ("cannon" of archive/cannon/works/…), lower case; "" when none."""
    return rel.split("/")[1].split("-")[0].lower() if rel.count("/") > 1 else ""


def title_lead(title_raw: str | None) -> str | None:
    """What the <title> puts before its first colon ("Krupskaya" in "Krupskaya:Reminiscences
    of Lenin-London"), usually the writer; None when it has no colon."""
    if not title_raw or ":" not in title_raw:
        return None
    return clean(title_raw.split(":", 1)[0])


def meta_contradicted(rel: str, title_raw: str | None, meta: list[str]) -> bool:
    """The page's folder names another writer, whose name opens the <title> ("Krupskaya:
    Reminiscences of Lenin", folder krupskaya/), and the title does not name the tag's
    ("Leon Trotsky"): the author tag was copied from another page."""
    parts = rel.split("/")
    lead = title_lead(title_raw)
    if len(parts) < 3 or parts[0] != "archive" or lead is None:
        return False
    token = parts[1].split("-")[0].lower()
    title = title_raw.lower()
    return len(token) > 3 and token in lead.lower() and not any(
        surname_key(n) in title or surname_key(n) == token for n in meta)


def path_author(rel: str, title_raw: str | None) -> list[str]:
    """The writer the folder names (archive/cannon/… → "Cannon"), or the <title>'s lead when
    it holds the folder's name ("Krupskaya: …")."""
    parts = rel.split("/")
    if len(parts) > 2 and parts[0] in ("archive", "reference") or \
            (len(parts) > 3 and parts[0] == "history" and parts[1] == "archive"):
        slug = parts[1] if parts[0] != "history" else parts[2]
        if slug == "archive" and len(parts) > 3:
            slug = parts[2]
        token = slug.split("-")[0].lower()
        if (c := title_lead(title_raw)) is not None:
            if token and token in c.lower() and "archive" not in c.lower() and (who := people(c)):
                return who
        return [" ".join(w.capitalize() for w in slug.replace("_", "-").split("-"))]
    return []


# "J.P.C.", "M.S.", "H.E": a byline of initials ("J.P.C.: The Opposition on the Offensive").
_INITIALS = re.compile(r"^(?:[A-Z]\.\s?){1,3}[A-Z]\.?$")
_ARCHIVE_LINK = re.compile(r"^(?:(?i:back|return)\s+to\s+)?(?:(?i:the)\s+)?(?P<name>[A-Z][\w.’'\- ]{2,60}?)\s+"
                           r"(?:Internet\s+)?Archive\b")


def is_initials(text: str) -> bool:
    return bool(_INITIALS.match(clean(text)))


def _initials_of(name: str) -> list[str]:
    return [w[0] for w in re.split(r"[\s.]+", name) if w and w[0].isupper()]


def expand_initials(printed: str, names: list[str]) -> str:
    """The name among `names` whose initials the byline prints ("J.P.C." → "James P. Cannon",
    the writer's archive named in the footer; "H.E." → "Heinz Epe" of the meta tag's "Walter
    Held, Heinz Epe"), else the initials as printed: they are the byline, the folder is not."""
    letters = _initials_of(printed)
    return next((n for n in names if _initials_of(n) == letters), clean(printed))


def archive_names(root) -> list[str]:
    """The writers whose MIA archives the page links to by name ("Back to the James P. Cannon
    Internet Archive", "Return to the A. Weisbord Internet Archive"): the archive prints the
    writer's name there in the form it files the writer under."""
    out = []
    for a in root.iter("a"):
        text = clean("".join(a.itertext()))
        if (m := _ARCHIVE_LINK.match(text)):
            name = m.group("name")
            if not re.search(r"marxist|\bmia\b|encyclop|history|library|reference", name, re.I) \
                    and people(name) == [name] and name not in out:
                out.append(name)
    return out


def printed_folder_writer(rel: str, names: list[str]) -> str | None:
    """The archive name (see archive_names) of the folder's writer (same surname), if printed."""
    token = folder_token(rel)
    return next((n for n in names if token and surname_key(n) == token), None)


# A text that introduces another's ("Introduction", "Preface to the English Edition", "An
# Introductory Note", "Foreword", "Afterword"): often the editor's or a translator's, signed
# at its end, while the page's header and meta tag name the book's writer.  (Not an "Editor's
# Note" heading: it may stand over the article itself, which its writer signs.)
_PREFATORY = re.compile(r"^(?:an?\s+|the\s+)?(?:(?:editor|translator|publisher)[’']?s[’']?\s+)?"
                        r"(?:introduction|introductory\s+note|preface|prefatory\s+note|foreword|afterword)\b", re.I)
_NOTE_CALL = re.compile(r"^(?:[\[(]?\d{1,3}[\])]?\.?|[*†‡]+)\s")


def prefatory(title: str | None, body_paras: list[str]) -> bool:
    """Is the page's text a preface or introduction (its title, or a short heading opening the
    text, says so)?"""
    heads = [title or ""] + [clean(p) for p in body_paras[:3] if len(clean(p)) < 80]
    return any(_PREFATORY.match(h) for h in heads)


def closing_signer(tail_paras: list[str], body) -> str | None:
    """The person who signs the text at its end: the name opening its last paragraph ("Dorothy
    Thompson", "*Roger Protz* / July 1996", "Anne Alexander / London, June 2011"), or the one
    before a closing place and date ("P.L." / "Sainte-Pélagie Prison, 1883.")."""
    paras = [p.strip() for p in tail_paras[1:]]
    while paras and _NOTE_CALL.match(paras[-1]) and len(paras[-1]) > 60:
        paras.pop()             # a footnote after the signature
    if not paras:
        return None
    lines = _lines(body, paras[-1])
    if len(paras) > 1 and len(paras[-2]) < 60 and lines and date_line(lines[0]):
        lines = _lines(body, paras[-2])     # (a place and a date of their own: the line above signs)
    return _signer(lines)


def _lines(body, text: str) -> list[str]:
    """The lines (split at <br>) of the last paragraph whose text is `text`; [] when no <p> holds it
    (a heading, "Selected Texts:", is no signature)."""
    target = "".join(text.split())      # (a <br> reads as a space in the text, as nothing in itertext)
    for el in reversed(list(body.iter("p"))):
        if "".join("".join(el.itertext()).split()) != target:
            continue
        out = [""]

        def walk(e):
            out[-1] += e.text or ""
            for c in e:
                if c.tag == "br":
                    out.append("")
                elif isinstance(c.tag, str):
                    walk(c)
                out[-1] += c.tail or ""
        walk(el)
        return [line for line in map(clean, out) if line]
    return []


_SIGNATURE_END = re.compile(rf",|\s+(?=(?:{'|'.join(MONTH_NAMES)})\b|(?:1[5-9]|20)\d\d\b)")


def _signer(lines: list[str]) -> str | None:
    if not lines or len(lines[0]) > 60:
        return None
    head = _SIGNATURE_END.split(lines[0], maxsplit=1)[0].strip(" .")
    who = people(head)
    if len(who) != 1 or len(who[0].split()) < 2 or who[0].split()[0].casefold() in NOT_GIVEN:
        return None             # ("With Communist Greetings": a closing salutation)
    return who[0]


def other_person(signer: str, authors: list[str]) -> bool:
    """Is `signer` none of `authors`?  Another surname, or the same under another given name
    spelled out ("Dorothy Thompson" under "E.P. Thompson"; "N. Lenin" is Lenin)."""
    first = signer.split()[0]
    letters = [w[0] for w in re.split(r"[\s.]+", first) if w]
    for a in authors:
        compact = re.sub(r"[\W_]", "", signer.casefold())
        if re.sub(r"[\W_]", "", surname_key(a)) in compact:
            if first.endswith(".") or len(first) <= 2 or first[0].casefold() == a[0].casefold():
                return False
        elif len(letters) > 1 and letters[0] == a[:1] and letters[-1] == surname_key(a)[:1].upper():
            return False        # "D.B.M." signs for Dora B. Montefiore
    return True


# "Editor’s Note", "Publisher’s Introduction", "Translator’s Afterword": another person's text
# about the work, on the work's pages.
_EDITORIAL = re.compile(r"^(?:an?\s+|the\s+)?(?P<role>editor|editorial|translator|publisher|transcriber)s?[’']?s?[’']?\s+"
                        r"(?:note|notes|introduction|introductory\s+note|preface|prefatory\s+note|foreword|afterword)\b", re.I)
# "… (Alexander Gallus: Translator’s Introduction)": the <title> names that person.
_EDITORIAL_TAG = re.compile(r"\(\s*(?P<who>[^():]{3,60}?)\s*:\s*(?:editor|translator|publisher)s?[’']?s?\b", re.I)


def editorial_authors(rec, title_tag: str | None, opening: list[str], meta: list[str]) -> list[str] | None:
    """Who wrote an editor's, publisher's or translator's note (None: the title says no such
    note): the person a "By …" line opening it, the <title> or the author tag names for it (not
    the writer of the work it presents), the page's translator for a translator's, else no one."""
    m = _EDITORIAL.match(rec.title or "")
    if m is None:
        return None
    for line in map(clean, opening):
        if len(line) < 60 and (by := re.match(r"^By\s+(.+)$", line)) and (who := parse_names(by.group(1))):
            return who          # "Editor’s Introduction / By Peter Sedgwick"
    if (tag := _EDITORIAL_TAG.search(title_tag or "")) and (who := parse_names(tag.group("who"))):
        return who
    if meta and all(other_person(n, rec.authors) for n in meta):
        return list(meta)
    return list(rec.translated_by) if m.group("role").lower() == "translator" else []


# A book's front matter ("Introduction", "Transcriber’s Note") as a page's title.
FRONT_MATTER = re.compile(r"^(?:[\w’']+[’']s\s+)?(?:introduction|introductory\s+note|preface|foreword|afterword|"
                          r"postscript|epilogue|note)\W*$", re.I)
# "Tony Cliff: A World to Win (Introduction by Paul Foot)", "(Intro by Reg Birch)", "(Transcriber's
# Note, by Ted Crawford)": the <title> or description names the front matter's writer — the
# parenthesis opens with it ("Wage-Labour and Capital (with an Introduction by Engels)" is the
# work itself, its introduction on the page with it).
_FRONT_MATTER_BY = re.compile(r"\(\s*(?:[\w’']+[’']s\s+)?(?:intro|introduction|introductory\s+note|notes?|preface|"
                              r"foreword|afterword|postscript|epilogue)\s*,?\s+by\s+(?P<who>[^()]{3,80})\)", re.I)


def front_matter_writer(title: str | None, heading_by: list[str], tags: list[str | None]) -> list[str]:
    """The writer of a page that is another person's front matter to a book: the "by …" heading
    under its "Introduction" heading ("Introduction" / "by Paul Foot"), else the person the
    <title> or description names for it; [] when neither does (then the book's writer stays)."""
    if heading_by and title and FRONT_MATTER.match(title):
        return heading_by
    for tag in filter(None, tags):
        if (m := _FRONT_MATTER_BY.search(tag)) and (who := [n for n in parse_names(m.group("who")) if people(n)]):
            return who
    return []


def front_matter_title(rec, writer: list[str]) -> None:
    """The title of another person's front matter: its label, not the writer's name heading above
    it ("E.H. Carr" / "Introduction") nor the label with the writer ("Introduction by Reg Birch")."""
    keys = {surname_key(n).casefold() for n in writer}
    title = rec.title or ""
    if rec.subtitle and FRONT_MATTER.match(rec.subtitle) and people(title) \
            and {surname_key(n).casefold() for n in people(title)} <= keys:
        rec.title, rec.subtitle = rec.subtitle, None
    elif (m := re.match(r"^(?P<label>.+?),?\s+by\s+(?P<who>.+)$", title, re.I)) and FRONT_MATTER.match(m["label"]) \
            and {surname_key(n).casefold() for n in people(m["who"])} & keys:
        rec.title = m["label"]


# "An interview with Ignazio Silone", "The prospects for socialists - An interview with Tony
# Cliff": the person interviewed speaks the text — the annotators credit him, not the interviewer
# the <title> or the archive's author tag names.
_INTERVIEW_WITH = re.compile(r"(?:^|[-–—:]\s+)(?:an\s+)?interview\s+with\s+(?P<who>[A-Z][^,;:()\[\]]{2,60}?)\s*$", re.I)


def interviewee(headings: list[str], title_tag: str | None) -> list[str]:
    """The person a heading or the <title> says the text is an interview with, or []."""
    for text in [*headings, title_tag or ""]:
        if (m := _INTERVIEW_WITH.search(text)) and (who := [n for n in parse_names(m.group("who")) if people(n)]):
            return who
    return []
