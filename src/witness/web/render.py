"""Turning document data into HTML fragments without ever trusting the text.

Mentions, claim evidence, findings and note calls overlap freely, so the text is cut at
every span boundary into segments; each segment opens the elements of the spans covering
it and closes them again before the next one.  Every element is thus closed where it was
opened (well-formed whatever the overlap), and every piece of text passes through
`escape` exactly once.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

from ..export._html import isolate_bidi, original_url
from ..model import HEDGED, Document

OPEN_MARK, CLOSE_MARK = "«", "»"


def snippet_html(snippet: str) -> Markup:
    """Store snippets mark matches as «…»: escape everything first, then turn markers into <mark>."""
    out, depth = [], 0
    for part in re.split(f"([{OPEN_MARK}{CLOSE_MARK}])", snippet or ""):
        if part == OPEN_MARK:
            if depth == 0:
                out.append("<mark>")
            depth += 1
        elif part == CLOSE_MARK:
            if depth == 1:
                out.append("</mark>")
            depth = max(0, depth - 1)
        else:
            out.append(str(escape(part)))
    if depth:
        out.append("</mark>")
    return Markup("".join(out))


@dataclass
class _Span:
    start: int
    end: int
    order: int          # nesting order: lower opens outside
    kind: str           # mention | claim | finding | note
    index: int          # position in its list on the document


def _spans(doc: Document) -> list[_Span]:
    n = len(doc.text)
    spans: list[_Span] = []

    def add(start, end, order, kind, i):
        start, end = max(0, min(start, n)), max(0, min(end, n))
        if end > start:
            spans.append(_Span(start, end, order, kind, i))

    for i, c in enumerate(doc.claims):
        add(c.evidence.start, c.evidence.end, 0, "claim", i)
    for i, f in enumerate(doc.findings):
        add(f.start, f.end, 1, "finding", i)
    for i, m in enumerate(doc.mentions):
        add(m.start, m.end, 2, "mention", i)
    for i, note in enumerate(doc.notes):
        if note.called:
            add(note.start, note.end, 3, "note", i)
    return spans


def _open(doc: Document, s: _Span, link_ok: bool, first: bool) -> str:
    if s.kind == "claim":
        c = doc.claims[s.index]
        cls = "evidence hedged" if c.certainty in HEDGED else "evidence"
        ident = f' id="ev-{s.index}"' if first else ""
        return (f'<mark class="{cls} c-{escape(c.certainty)}"{ident} '
                f'title="{escape(c.predicate)} ({escape(c.certainty)})">')
    if s.kind == "finding":
        f = doc.findings[s.index]
        ident = f' id="finding-{s.index}"' if first else ""
        return (f'<span class="finding sev-{escape(f.severity)}"{ident} '
                f'title="{escape(f.rule)}: {escape(f.message)}">')
    if s.kind == "mention":
        m = doc.mentions[s.index]
        if m.type == "person" and m.entity and link_ok:
            return (f'<a class="mention m-person" href="/persons/{quote(m.entity, safe="")}" '
                    f'title="{escape(m.entity)}">')
        return f'<span class="mention m-{escape(m.type)}">'
    note = doc.notes[s.index]
    if link_ok:
        ident = f' id="ref-{s.index}"' if first else ""
        return (f'<a class="noteref"{ident} href="#note-{s.index}" '
                f'aria-label="note {escape(note.label)}">')
    return '<span class="noteref">'


def _close(doc: Document, s: _Span, link_ok: bool) -> str:
    if s.kind == "claim":
        return "</mark>"
    if s.kind == "mention":
        m = doc.mentions[s.index]
        return "</a>" if (m.type == "person" and m.entity and link_ok) else "</span>"
    if s.kind == "note":
        return "</a>" if link_ok else "</span>"
    return "</span>"


def _finding_notes(doc: Document, ends_here: list[_Span]) -> str:
    """The in-place finding messages, shown by the CSS-only toggle."""
    out = []
    for s in ends_here:
        f = doc.findings[s.index]
        sug = f" → {escape(f.suggestion)}" if f.suggestion else ""
        out.append(f'<small class="finding-note sev-{escape(f.severity)}">[{escape(f.rule)}: '
                   f'{escape(f.message)}{sug}]</small>')
    return "".join(out)


def _bare_calls(doc: Document) -> dict[int, list[int]]:
    """Note calls with start == end: a marker inserted at that offset."""
    out: dict[int, list[int]] = {}
    for i, note in enumerate(doc.notes):
        if note.called and note.start == note.end:
            out.setdefault(max(0, min(note.start, len(doc.text))), []).append(i)
    return out


def _claim_labels(doc: Document, ends_here: list[_Span]) -> str:
    """The certainty of each hedged claim, written after its evidence (shown in the annotated
    view only): a rumor is labelled as one, never set in italics like the author's emphasis."""
    out = []
    for s in ends_here:
        c = doc.claims[s.index]
        if c.certainty in HEDGED:
            out.append(f'<small class="cert-label c-{escape(c.certainty)}">{escape(c.certainty)}</small>')
    return "".join(out)


@dataclass
class Paragraph:
    start: int          # offsets of the paragraph in doc.text
    end: int
    html: Markup


def paragraphs_html(doc: Document) -> list[Paragraph]:
    """The body text, paragraph by paragraph, with every span marked up."""
    text = doc.text
    spans = _spans(doc)
    bare = _bare_calls(doc)
    cuts = {0, len(text)}
    for s in spans:
        cuts.update((s.start, s.end))
    cuts.update(bare)
    pos = 0
    for part in text.split("\n\n"):      # paragraph breaks are boundaries too
        cuts.update((pos, pos + len(part)))
        pos += len(part) + 2
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    starts: dict[int, list[_Span]] = {}
    finding_ends: dict[int, list[_Span]] = {}
    claim_ends: dict[int, list[_Span]] = {}
    for s in spans:
        starts.setdefault(s.start, []).append(s)
        if s.kind == "finding":
            finding_ends.setdefault(s.end, []).append(s)
        elif s.kind == "claim":
            claim_ends.setdefault(s.end, []).append(s)

    # A long page has thousands of mentions of a few dozen entities: their tags are built
    # once per (span kind, target, link) rather than once per segment.
    tags: dict[tuple, tuple[str, str]] = {}

    def tag(s: _Span, link_ok: bool, first: bool) -> tuple[str, str]:
        if s.kind == "mention":
            m = doc.mentions[s.index]
            key = ("mention", m.type, m.entity, link_ok)
        else:
            key = (s.kind, s.index, link_ok, first)
        hit = tags.get(key)
        if hit is None:
            hit = tags[key] = (_open(doc, s, link_ok, first), _close(doc, s, link_ok))
        return hit

    paragraphs: list[Paragraph] = []
    out: list[str] = []
    para_start = 0

    def flush(end: int) -> None:
        html = "".join(out)
        if html.strip():
            paragraphs.append(Paragraph(para_start, end, Markup(html)))
        out.clear()

    active: list[_Span] = []
    opened_once: set[tuple[str, int]] = set()
    bounds.append(None)
    for a, b in zip(bounds, bounds[1:]):
        if a in bare:
            for i in bare[a]:
                # Between segments every element is closed, so this link is never nested in another.
                label = escape(doc.notes[i].label)
                out.append(f'<sup><a class="noteref" id="ref-{i}" href="#note-{i}">[{label}]</a></sup>')
        if a in claim_ends:
            out.append(_claim_labels(doc, claim_ends[a]))
        if a in finding_ends:
            out.append(_finding_notes(doc, finding_ends[a]))
        if b is None:
            break
        if active:
            active = [s for s in active if s.end > a]
        if a in starts:
            active = active + starts[a]
        chunk = text[a:b]
        if not chunk:
            continue
        if chunk == "\n\n" or (chunk.startswith("\n\n") and not chunk.strip()):
            flush(a)
            para_start = b
            continue
        body = str(escape(chunk))
        if "\n" in body:
            body = body.replace("\n", "<br/>\n")
        if not active:
            out.append(body)
            continue
        if len(active) > 1:
            active.sort(key=lambda s: (s.order, s.start, -s.end))
        # One link per segment: an <a> inside an <a> is invalid, note calls win over mentions.
        link_owner = next((s for s in active if s.kind == "note"), None) or \
            next((s for s in active if s.kind == "mention"), None)
        opening, closing = [], []
        for s in active:
            key = (s.kind, s.index)
            o, c = tag(s, s is link_owner, key not in opened_once)
            opened_once.add(key)
            opening.append(o)
            closing.append(c)
        closing.reverse()
        out.append("".join(opening) + body + "".join(closing))
    flush(len(text))
    return paragraphs


def text_html(doc: Document) -> Markup:
    """The body text as <p> paragraphs with every span marked up."""
    return Markup("\n".join(f"<p>{p.html}</p>" for p in paragraphs_html(doc)))


# -- citations ---------------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def _date_words(date: str | None) -> str | None:
    if not date:
        return None
    parts = date.split("-")
    try:
        if len(parts) == 3:
            return f"{MONTHS[int(parts[1]) - 1]} {int(parts[2])}, {parts[0]}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return parts[0]


def isolated(value):
    """Jinja's finalize: a printed string cannot reorder the text around it (isolate_bidi)."""
    if isinstance(value, str) and value:
        out = isolate_bidi(value)
        if out is not value:
            return Markup(out) if isinstance(value, Markup) else out
    return value


def mia_url(doc: Document) -> str | None:
    """The original page, where known (export/_html.py: original_url)."""
    return original_url(doc)


def chicago(doc: Document) -> str:
    r = doc.record
    bits = []
    if r.authors:
        bits.append(", ".join(r.authors).rstrip(".") + ".")
    title = r.title or doc.id
    if r.subtitle:
        title = f"{title}: {r.subtitle}"
    bits.append(f"“{title.rstrip('.')}.”")
    when = _date_words(r.date)
    if r.periodical:
        vol = f" {r.volume}" if r.volume else ""
        no = f", no. {r.issue}" if r.issue else ""
        tail = f" ({when})" if when else ""
        page = f": {r.pages}" if r.pages else ""
        bits.append(f"{r.periodical}{vol}{no}{tail}{page}.")
    elif when:
        bits.append(f"{when}.")
    if r.translated_by:
        bits.append(f"Translated by {', '.join(r.translated_by)}.")
    url = mia_url(doc)
    bits.append(f"Marxists Internet Archive. {url}." if url else f"Marxists Internet Archive, {doc.source.path}.")
    return " ".join(bits)


def _bib(value: str) -> str:
    return "".join("\\" + ch if ch in "{}&%$#_" else ch for ch in value)


def bibtex(doc: Document) -> str:
    r = doc.record
    kind = "article" if r.periodical else "misc"
    key = re.sub(r"[^A-Za-z0-9_-]", "_", doc.id)
    fields = [("author", " and ".join(r.authors) if r.authors else None),
              ("title", r.title + (f": {r.subtitle}" if r.subtitle else "") if r.title else None),
              ("journal", r.periodical), ("year", r.date[:4] if r.date else None),
              ("month", str(int(r.date[5:7])) if r.date and len(r.date) >= 7 and r.date[5:7].isdigit()
               else None),
              ("volume", r.volume), ("number", r.issue), ("pages", r.pages),
              ("publisher", r.publisher), ("url", mia_url(doc)),
              ("note", f"Marxists Internet Archive, {doc.source.path}")]
    # A url is taken verbatim by BibTeX's url package: escaping "_" would break it.
    body = ",\n".join(f"  {k} = {{{v if k == 'url' else _bib(v)}}}" for k, v in fields if v)
    return f"@{kind}{{{key},\n{body}\n}}"


def csl_json(doc: Document) -> str:
    r = doc.record
    item: dict = {"id": doc.id, "type": "article-newspaper" if r.periodical else "article",
                  "title": r.title or doc.id}
    if r.authors:
        item["author"] = [{"literal": a} for a in r.authors]
    if r.translated_by:
        item["translator"] = [{"literal": a} for a in r.translated_by]
    if r.date:
        parts = [int(p) for p in r.date.split("-") if p.isdigit()]
        if parts:
            item["issued"] = {"date-parts": [parts]}
    for key, value in (("container-title", r.periodical), ("volume", r.volume), ("issue", r.issue),
                       ("page", r.pages), ("publisher", r.publisher), ("language", r.language)):
        if value:
            item[key] = value
    if mia_url(doc):
        item["URL"] = mia_url(doc)
    item["archive"] = "Marxists Internet Archive"
    item["archive_location"] = doc.source.path
    return json.dumps([item], ensure_ascii=False, indent=2)
