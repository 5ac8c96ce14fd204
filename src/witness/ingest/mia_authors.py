"""Who wrote an MIA page when no byline says so: the meta author tag, the <title>'s lead, the
folder — and which of them to trust.

Read by the header reader (``mia_record``), which prefers the page's own bylines.
"""

from __future__ import annotations

import re

from ..record import clean, parse_names
from .mia_names import people, surname_key

BANNER = re.compile(r"\b(?:internet\s+archive|marxists?\.org|MIA\b|marxists?\s+(?:writers|history|archive)|works\s+of|"
                    r"collected\s+works|writings\s+of)\b", re.I)


def meta_authors(content: str | None) -> list[str]:
    """The people the ``<meta name="author">`` tag names ([] for the archive's own banner)."""
    if not content or BANNER.search(content):
        return []
    if content.islower():
        content = content.title()
    content = re.sub(r"\(\s*\d{4}[^)]*\)", "", content)     # "Nikolai Bukharin (1888-1938)"
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
