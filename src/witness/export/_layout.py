"""Turning offset spans over ``Document.text`` into properly nested inline markup.

Mentions, note calls, findings and claim evidence are independent spans: they may overlap
each other partially, which XML cannot nest.  Every exporter (TEI, EPUB, static site) asks
``layout`` which spans can be written inline; the rest are *demoted* and each exporter
encodes them its own way (TEI: anchors + standOff ``span``; HTML: left out of the markup).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Characters XML 1.0 cannot carry at all (not even as character references).
ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(s: str | None) -> str | None:
    """For header/attribute strings, where exactness matters less than not crashing."""
    return None if s is None else ILLEGAL_XML.sub("\ufffd", s)


@dataclass
class Item:
    start: int
    end: int
    kind: str            # caller-defined: "choice", "call", "mention", "anchor", ...
    data: Any = None
    rank: int = 0        # lower rank is placed first and wins when two spans cross
    order: int = 0       # tie-breaker: original list order


@dataclass
class Node:
    item: Item | None
    children: list = field(default_factory=list)   # str | Node


def crosses(a: Item, b: Item) -> bool:
    return (a.start < b.start < a.end < b.end) or (b.start < a.start < b.end < a.end)


def place(items: list[Item], paragraphs: list[tuple[int, int]]) -> tuple[list[Item], list[Item]]:
    """Split items into (inline, demoted).

    An item is inline when it lies within one paragraph and crosses no item placed before it
    (placement follows rank, then list order).  Zero-length items never cross anything.
    """
    inline: list[Item] = []
    demoted: list[Item] = []
    placed_by_para: dict[int, list[Item]] = {}
    for it in sorted(items, key=lambda i: (i.rank, i.order)):
        para = _para_of(it, paragraphs)
        if para is None:
            demoted.append(it)
            continue
        others = placed_by_para.setdefault(para, [])
        if it.start != it.end and any(crosses(it, o) for o in others if o.start != o.end):
            demoted.append(it)
            continue
        others.append(it)
        inline.append(it)
    return inline, demoted


def _para_of(it: Item, paragraphs: list[tuple[int, int]]) -> int | None:
    for k, (ps, pe) in enumerate(paragraphs):
        if ps <= it.start and it.end <= pe:
            return k
        if it.start < ps:
            break
    return None


def tree(text: str, ps: int, pe: int, items: list[Item]) -> Node:
    """The nested structure of one paragraph text[ps:pe] with its (non-crossing) inline items."""
    mine = [i for i in items if ps <= i.start and i.end <= pe]
    # Outer first: earlier start, then longer, then rank; zero-length items before
    # non-empty ones that open at the same offset, so they stay outside them.
    mine.sort(key=lambda i: (i.start, i.start != i.end, -(i.end - i.start), i.rank, i.order))
    root = Node(None)
    stack: list[tuple[Node, int]] = [(root, pe)]
    pos = ps
    for it in mine:
        # Anything open that ends at or before this start is finished (an item that starts
        # exactly where another ends goes after it, never inside).
        while len(stack) > 1 and stack[-1][1] <= it.start:
            node, end = stack.pop()
            _text(node, text, pos, end)
            pos = max(pos, end)
        _text(stack[-1][0], text, pos, it.start)
        pos = max(pos, it.start)
        node = Node(it)
        stack[-1][0].children.append(node)
        if it.end > it.start:
            stack.append((node, it.end))
    while len(stack) > 1:
        node, end = stack.pop()
        _text(node, text, pos, end)
        pos = max(pos, end)
    _text(root, text, pos, pe)
    return root


def _text(node: Node, text: str, a: int, b: int) -> None:
    if b > a:
        node.children.append(text[a:b])
