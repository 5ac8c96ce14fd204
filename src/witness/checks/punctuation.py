"""Brackets and quotation marks that open without closing (or close without opening), per
paragraph, tolerant of the ways print legitimately leaves them unpaired: list markers ("1)",
"a)"), and quotations running over several paragraphs (each new paragraph reopens the quote
and only the last one closes it)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from ..model import Document, Finding
from .base import Context, excerpt, paragraphs, rule

_NOTE_CALL_RE = re.compile(r"""(?:(?<=[^\W\d_])|(?<=[)\].,;:’'"”*]))\d{1,3}$""")
_BRACKET_CHARS = re.compile(r"[()\[\]{}]")
# ’ before a letter is an apostrophe inside a word (don’t), which _quote_events skips: left
# out by the look-ahead at C speed, as it is the commonest mark of all in English.  (Opening
# with the class keeps the engine's fast scan for the first character.)
_QUOTE_CHARS = re.compile("[“”\"‘’](?!(?<=’)[^\\W_])")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_PAIRS = {")": "(", "]": "[", "}": "{"}
_NAMES = {"(": "parenthesis", "[": "square bracket", "{": "brace",
          ")": "parenthesis", "]": "square bracket", "}": "brace"}
# How many paragraphs a parenthesis or an editor's bracket may run over.
_BRACKET_RUN = 4
# A closing bracket ending a list marker: "1)", "a)", "iv)", "2a)", "5.)" at a word start.
_ENUM_RE = re.compile(r"""(?:^|(?<=[\s(\[:;,.—–\-"“”‘’']))(?:\d{1,3}[a-z]?|[a-zA-Z]|[ivxlcIVXLC]{1,6})\.?$""")


def _marked(text: str, paras: list[tuple[int, int]], marks: str,
            apostrophe: bool = False) -> list[int]:
    """Indices of the paragraphs holding any of the characters ``marks``, in order, found by
    str.find (memchr speed; a regex class scans at ~3 ns a character) jumping to the end of
    each paragraph hit, so most paragraphs, holding none, cost nothing.  With ``apostrophe``,
    ’ before a letter (an apostrophe inside a word: don’t) does not count; _quote_events
    skips those anyway, and they are in nearly every paragraph of an English text."""
    starts = [s for s, _ in paras]
    found: set[int] = set()
    for mark in marks:
        skip_in_word = apostrophe and mark == "’"
        at = text.find(mark)
        while at >= 0:
            if skip_in_word and _LETTER.match(text, at + 1):
                at = text.find(mark, at + 1)
                continue
            # No mark is a newline, so none falls in the "\n\n" between two paragraphs.
            n = bisect_right(starts, at) - 1
            found.add(n)
            at = text.find(mark, paras[n][1])
    return sorted(found)


def _brackets(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Offsets of unclosed openers and unopened closers in text[start:end]."""
    stack: list[int] = []
    stray: list[int] = []
    for mark in _BRACKET_CHARS.finditer(text, start, end):
        i, ch = mark.start(), mark.group()
        if ch in "([{":
            stack.append(i)
        elif ch in ")]}":
            want = _PAIRS[ch]
            if stack and text[stack[-1]] == want:
                stack.pop()
                continue
            # Close the nearest matching opener, if any; the ones skipped stay reported.
            for k in range(len(stack) - 1, -1, -1):
                if text[stack[k]] == want:
                    del stack[k]
                    break
            else:
                line_start = max(text.rfind("\n", start, i) + 1, start)
                if ch == ")" and _ENUM_RE.search(text[max(line_start, i - 12):i]):
                    continue  # list marker "1)", "a)"
                if ch == ")" and _NOTE_CALL_RE.search(text[max(line_start, i - 6):i]):
                    continue  # a note call glued to the text: "argue)5)", "Kilometers20)"
                stray.append(i)
    return stack, stray


@rule("unbalanced-bracket", "warning",
      "an opening ( [ { without its closing one in the same paragraph, or the reverse")
def unbalanced_bracket(doc: Document, ctx: Context) -> Iterator[Finding]:
    text = doc.text
    paras = paragraphs(doc)
    marked = _marked(text, paras, "()[]{}")
    # A paragraph without brackets has none to report, nor closers for an earlier one; the
    # shared empty lists are never modified (the loop below pops only from non-empty ones).
    results: list[tuple[list[int], list[int]]] = [([], [])] * len(paras)
    for n in marked:
        s, e = paras[n]
        # Paragraphs without letters are table cells or figures, where ")" often groups rows.
        if _HAS_LETTER.search(text, s, e):
            results[n] = _brackets(text, s, e)
    for n in marked:
        opened, stray = results[n]
        # A parenthesis left open at a paragraph's end and closed early in the next one is a
        # long parenthetical passage, not a slip: drop that pair.
        # (Editors' notes in [ ] often run over a few paragraphs in the same way.)
        for later in results[n + 1:n + 1 + _BRACKET_RUN]:
            nxt = later[1]
            while opened and nxt and _PAIRS[text[nxt[0]]] == text[opened[-1]]:
                opened.pop()
                nxt.pop(0)
            if not opened or later[0]:
                break
        for i in opened:
            ch = text[i]
            yield Finding("unbalanced-bracket", "warning", i, i + 1,
                          f"“{excerpt(text, i, i + 1)}”: this {_NAMES[ch]} is never closed "
                          "in its paragraph")
        for i in stray:
            ch = text[i]
            before = text[max(paras[n][0], i - 30):i + 1].replace("\n", " ")
            yield Finding("unbalanced-bracket", "warning", i, i + 1,
                          f"“…{before}”: this closing {_NAMES[ch]} has no opening one "
                          "in its paragraph")


# --------------------------------------------------------------------------- quotes

_LETTER = re.compile(r"[^\W_]")
# ‘ used as an elision mark, not an opening quote: ‘em, ‘tis, ‘twas, ‘n’, ‘90s, ‘cause.
_ELISION = re.compile(r"‘(?:em|tis|twas|twere|n|til|till|cause|bout|\d\d)(?![^\W\d_]{2})",
                      re.IGNORECASE)
# How many paragraphs a quotation may run over before its closing mark.
_RUN = 8


def _quote_events(text: str, start: int, end: int) -> tuple[list[int], list[int], list[int]]:
    """Unclosed openers, unopened closers and ” set as openers, in text[start:end].

    Curly and straight double quotes are often mixed in one transcription (“…"): a straight
    mark closes an open curly one and a closing curly one closes an open straight one, so a
    mixed pair is never called unbalanced.  Straight marks otherwise pair by parity.
    """
    stack: list[int] = []     # offsets of open “ ‘ and "
    stray: list[int] = []     # closers with nothing open
    misused: list[int] = []   # ” where “ belongs
    for mark in _QUOTE_CHARS.finditer(text, start, end):
        i, ch = mark.start(), mark.group()
        if ch == "“":
            stack.append(i)
        elif ch == "”" or ch == '"':
            if ch == '"' and i > start and text[i - 1].isdigit():
                continue  # inches, seconds: 12"
            side = _side(text, i, start, end)
            k = len(stack) - 1
            while k >= 0 and text[stack[k]] == "‘":
                k -= 1
            if ch == '"' and side == "open":
                stack.append(i)
            elif ch == "”" and side == "open" and k < 0:
                stack.append(i)  # a closing glyph set where an opening one belongs: ”word…”
                misused.append(i)
            elif k >= 0 and (ch == "”" or text[stack[k]] in "“\"”"):
                del stack[k:]  # a ‘ left open inside the closed quotation is abandoned
            elif ch == '"' and side != "close":
                stack.append(i)
            else:
                stray.append(i)
        elif ch == "‘":
            prev = text[i - 1] if i > start else " "
            if _LETTER.match(prev) or _ELISION.match(text, i):
                continue  # misused as an apostrophe ("don‘t") or an elision
            stack.append(i)
        elif ch == "’":
            nxt = text[i + 1] if i + 1 < end else " "
            if _LETTER.match(nxt):
                continue  # apostrophe inside a word: don’t, O’Callaghan
            if stack and text[stack[-1]] == "‘":
                stack.pop()
            # otherwise a possessive ("workers’ councils"): never a finding
    return stack, stray, misused


def _side(text: str, i: int, start: int, end: int) -> str | None:
    """Whether the mark at i stands where an opening or a closing mark would."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if (before.isspace() or before in "([{—–-") and _LETTER.match(after):
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-…’"):
        return "close"
    return None


def _opens_with_quote(text: str, span: tuple[int, int]) -> bool:
    head = text[span[0]:span[1]].lstrip(" \t\n….([—-")
    return head[:1] in ("“", "‘", '"')


@rule("unbalanced-quote", "warning",
      "an opening quotation mark without its closing one in the same paragraph")
def unbalanced_quote(doc: Document, ctx: Context) -> Iterator[Finding]:
    text = doc.text
    paras = paragraphs(doc)
    # Paragraphs without quotation marks have no events (shared empty lists, only read).
    events: list[tuple[list[int], list[int], list[int]]] = [([], [], [])] * len(paras)
    for n in _marked(text, paras, "“”\"‘’", apostrophe=True):
        events[n] = _quote_events(text, *paras[n])
    found: list[Finding] = []

    def report_open(i: int) -> None:
        found.append(Finding("unbalanced-quote", "warning", i, i + 1,
                             f"“{excerpt(text, i, i + 1)}”: this quotation is never closed "
                             "in its paragraph"))

    pending: list[int] = []   # openers left at the end of an earlier paragraph
    pending_at = -1
    for n, (opened, stray, misused) in enumerate(events):
        stray = list(stray)
        if pending:
            # A quotation running over paragraphs: the next one reopens it (the print
            # convention), or a later one closes it with no opener of its own (block quotes
            # often drop the reopening marks).  Either way, not a slip.
            if _opens_with_quote(text, paras[n]):
                pending = []
            elif stray:
                stray.pop(0)
                pending = []
            elif n - pending_at > _RUN or opened:
                for i in pending:
                    report_open(i)
                pending = []
        for i in misused:
            found.append(Finding("unbalanced-quote", "warning", i, i + 1,
                                 f"“{excerpt(text, i, i + 1)}”: a closing mark ” used to open "
                                 "a quotation", "“"))
        for i in stray:
            before = text[max(paras[n][0], i - 30):i + 1].replace("\n", " ")
            found.append(Finding("unbalanced-quote", "warning", i, i + 1,
                                 f"“…{before}”: this closing quotation mark has no opening one"))
        if opened:
            pending, pending_at = list(opened), n
    for i in pending:
        report_open(i)
    yield from found
