"""Draft the MIA authors' authority entries from the corpus (a curator reviews the output).

For each author folder under archive/ it gathers what the archive itself says: the folder
index page's <h1>, author meta tag and life dates (<h3>), each page's byline (as the record
reads it) and the page's own <meta name="author"> tag.  A byline that is not a spelling of
the folder's person and is listed beside that person in the same page's author tag (or in
the folder index's tag) is proposed as a pseudonym; everything else that shares the
person's surname as a variant.  Prints YAML to review; nothing is written.

    python tools/mia_authors.py CORPUS_ROOT ARCHIVE.db > draft.yaml
"""
from __future__ import annotations

import html
import json
import re
import sqlite3
import sys
import zlib
from collections import Counter, defaultdict
from pathlib import Path

from rapidfuzz import fuzz

from witness.authority import load
from witness.authority.names import fold, name_key

NOT_AUTHORS = {"espanol", "history", "islenska", "italiano", "reference", "subject", "css"}
_META = re.compile(r'<meta[^>]*?(?:name|http-equiv)="author"[^>]*?content="([^"]*)"', re.I)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.I | re.S)
_H3 = re.compile(r"<h3[^>]*>(.*?)</h3>", re.I | re.S)
_DATES = re.compile(r"^\(?\s*(1[6-9]\d\d|20[0-2]\d)\s*[–—-]\s*(1[6-9]\d\d|20[0-2]\d)\s*\)?$")


def text(s: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", s or "")).split())


def meta_names(raw: str) -> list[str]:
    m = _META.search(raw)
    return [n.strip() for n in html.unescape(m.group(1)).split(",") if n.strip()] if m else []


def same_person(a: str, b: str) -> bool:
    ka, kb = name_key(a).split(), name_key(b).split()
    if not ka or not kb:
        return False
    return ka[-1] == kb[-1] or fuzz.ratio(ka[-1], kb[-1]) >= 85


def main(root: Path, db: Path) -> None:
    auth = load()
    conn = sqlite3.connect(db)
    bylines: dict[str, Counter] = defaultdict(Counter)
    metas: dict[str, Counter] = defaultdict(Counter)
    colisted: dict[str, Counter] = defaultdict(Counter)   # byline listed beside others in the page's tag
    for path, blob in conn.execute("SELECT d.path, v.json FROM documents d JOIN versions v"
                                   " ON v.doc_id = d.id AND v.version = d.version"):
        parts = path.split("/")
        if parts[0] != "archive" or len(parts) < 3 or parts[1] in NOT_AUTHORS:
            continue
        folder = parts[1]
        rec = json.loads(zlib.decompress(blob))["record"]
        raw = (root / path).read_bytes()[:6000].decode("utf-8", "replace")
        tag = meta_names(raw)
        for a in rec.get("authors") or []:
            bylines[folder][a] += 1
            for t in tag:
                colisted[folder][(a, t)] += 1
        for t in tag:
            metas[folder][t] += 1
    out = []
    for folder in sorted(bylines):
        idx = next((p for p in (root / "archive" / folder / "index.htm", root / "archive" / folder / "index.html")
                    if p.exists()), None)
        h1 = h3 = None
        itag: list[str] = []
        if idx:
            raw = idx.read_text("utf-8", "replace")
            h1 = text(m.group(1)) if (m := _H1.search(raw)) else None
            h3 = text(m.group(1)) if (m := _H3.search(raw)) else None
            itag = meta_names(raw)
        out.append({"folder": folder, "index": str(idx.relative_to(root)) if idx else None, "h1": h1,
                    "h3": h3, "index_tag": itag, "bylines": dict(bylines[folder].most_common()),
                    "page_tags": dict(metas[folder].most_common(8)),
                    "colisted": {f"{a} | {t}": n for (a, t), n in colisted[folder].most_common(12)
                                 if a != t}})
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
