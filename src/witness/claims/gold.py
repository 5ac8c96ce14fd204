"""Gold annotations for claims (tests/gold/claims/*.json) and surface-string mention placement.

A gold file names its document by corpus path and lists people by the surface strings the
text uses, so it survives reader changes:

    {"path": "archive/serge/1937/08/yagoda.htm", "date": "1937-08-28",
     "people": {"Yagoda": "yagoda-genrikh", "Christian Rakowsky": "rakovsky-christian"},
     "claims": [{"subject": "rakovsky-christian", "predicate": "arrested",
                 "certainty": "confirmed", "evidence": "the arrest, which has firmly been confirmed"}]}
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..model import Document, Mention, Record, Source


def place_mentions(text: str, people: dict[str, str]) -> list[Mention]:
    """Person mentions for every whole-word occurrence of the given surface strings (longest first)."""
    taken: list[tuple[int, int]] = []
    out: list[Mention] = []
    for surface in sorted(people, key=len, reverse=True):
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append(Mention(m.start(), m.end(), m.group(0), "person", people[surface]))
    return sorted(out, key=lambda x: x.start)


def make_document(text: str, people: dict[str, str], date: str | None = None,
                  doc_id: str = "test", title: str | None = None) -> Document:
    return Document(id=doc_id, source=Source(path=f"{doc_id}.txt", format="text", sha256=""),
                    record=Record(date=date, title=title), text=text,
                    mentions=place_mentions(text, people))


def load_gold(folder: Path) -> list[dict]:
    return [dict(json.loads(p.read_text(encoding="utf-8")), file=p.name)
            for p in sorted(Path(folder).glob("*.json"))]
