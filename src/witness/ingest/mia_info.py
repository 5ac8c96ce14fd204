"""The lines of an MIA header's info blocks (``p.info``, ``p.information``): which block reads as
header lines at all, how a labelled block splits into its labels' values, and a source set as
a heading.  What each line *means* (a source, a credit, a date) is the RecordBuilder's business."""

from __future__ import annotations

import re

from ..record import clean, opens_with_credit, parse_date
from .mia_titles import info_lines
from .textbuild import classes as _classes, element_text, tc as _tc


def marked_phrases(el) -> tuple:
    """The emphasised phrases of a header block (where MIA sets a periodical's name)."""
    return tuple(clean(_tc(e)) for e in el.iter("strong", "b", "em", "i") if clean(_tc(e)))


def read_info(rb, block, credits_only: bool = False) -> None:
    """An info block's lines into the record: free lines split at their ``<br>``s, or labelled
    values (``<span class="info">Source:</span> …``) each up to the next label."""
    labels = [s for s in block.iter("span") if "info" in _classes(s)]
    if not labels:
        for line, marked in info_lines(block):
            if not credits_only or opens_with_credit(line):
                rb.info_line(line, marked)
        return
    # Labelled: the value of a label runs from its span to the next label span or <br>.
    marks = set(labels)
    text, spans = element_text(block, marks=marks)
    flat = text.replace("\n\n", "\n")
    spans = {el: (s - text[:s].count("\n\n"), e - text[:e].count("\n\n")) for el, (s, e) in spans.items()}
    ordered = sorted(spans.items(), key=lambda kv: kv[1][0])
    if ordered and ordered[0][1][0] > 0:
        # Free lines before the first label ("From …<br>Transcribed … by …<br><span
        # class="info">Public Domain:</span> …"), split at their <br>s.
        first_label = clean(flat[ordered[0][1][0]:ordered[0][1][1]])
        for line, marked in info_lines(block):
            if first_label and first_label in line:
                before = line[:line.find(first_label)]
                if before.strip():
                    rb.info_line(before, tuple(m for m in marked if m in before))
                break
            rb.info_line(line, marked)
    emph = marked_phrases(block)
    for i, (el, (s, e)) in enumerate(ordered):
        stop = ordered[i + 1][1][0] if i + 1 < len(ordered) else len(flat)
        label = flat[s:e]
        value = flat[e:stop].lstrip(" :")
        if ":" in label.strip().rstrip(":"):  # the whole "Label: value" sits inside the span
            label, _, head = label.partition(":")
            value = f"{head} {value}"
        rb.labelled(label, value, tuple(p for p in emph if p in value))


_HEADER_CUE = re.compile(r"\b(?:transcri\w*|mark(?:ed)?[- ]?up|html|proof\w*|translat\w*|first published|"
                         r"published|source|copyright|copyleft|public domain|written|delivered|reprinted|"
                         r"copied|online version|this version|re-?published|edition|press|publishers?|"
                         r"pp?\.\s*[\dixv]+)\b", re.I)


def header_line(text: str) -> bool:
    """Does a block read as header lines (credits, sources, dates) rather than text?"""
    return bool(_HEADER_CUE.search(text[:300])) and len(text) < 1500


_SOURCE_LEAD = re.compile(r"^(?:from|(?:first\s+|originally\s+)?published\s+in|source\s*:)\s+\S", re.I)
_NUMBERS = re.compile(r"\b(?:Vol(?:ume)?\.?|No\.|pp?\.)\s*[\dIVXLC]", re.I)


def source_heading(lines: list[str]) -> str | None:
    """A heading of lines that cite where the text appeared: one of them a source line, and
    volume, issue or page numbers and a date among them — as one source line, lead first."""
    k = next((i for i, line in enumerate(lines) if _SOURCE_LEAD.match(line)), None)
    if k is None or len(lines) < 2:
        return None
    line = ", ".join(lines[k:] + lines[:k])
    return line if _NUMBERS.search(line) and parse_date(line) else None
