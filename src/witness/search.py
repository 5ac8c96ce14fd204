"""From what a reader types to what a search backend runs, and back to a snippet.

The user's query language is small and forgiving:

    revolution trotsky          both words (AND is implied)
    "permanent revolution"      a phrase
    bolshevi*                   a prefix (at least 2 letters)
    stalin OR trotsky           either (OR binds looser than the implied AND)
    revolution NOT russia       without (also: -russia)
    (stalin OR trotsky) trial   grouping

Punctuation inside a word (O'Callaghan, Antonov-Ovseenko, G.P.U.) turns that word into a
phrase of its parts, which is how the index tokenised it.  Common English words outside a
phrase are dropped when something else is left to search for: they match almost every
document, cost the most to rank, and tell the ranking nothing.  Anything that cannot be
parsed becomes `BadQuery` with a message that says what is wrong.

The parsed form (`Query`) is backend-neutral: `to_fts5` renders SQLite FTS5 syntax; a
PostgreSQL backend renders its own tsquery from the same tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import BadQuery

# Same idea of a token as FTS5's unicode61 tokenizer: runs of letters and digits.
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_LEXEME = re.compile(r'-?"[^"]*"?|\(|\)|[^\s()"]+', re.UNICODE)
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})

STOPWORDS = frozenset("""
a an and are as at be but by for from had has have he her his i in is it its of on or our
she that the their them there these they this those to was we were which who will with you
""".split())

MAX_TERMS = 32
MAX_LENGTH = 500


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]      # lower-cased tokens; more than one = a phrase
    prefix: bool = False
    quoted: bool = False

    @property
    def is_stopword(self) -> bool:
        return not self.quoted and not self.prefix and len(self.words) == 1 and self.words[0] in STOPWORDS


@dataclass
class And:
    items: list = field(default_factory=list)     # Terms, Ors, Ands
    excluded: list = field(default_factory=list)  # nodes that must not match


@dataclass
class Or:
    items: list = field(default_factory=list)


@dataclass
class Query:
    tree: And | Or | Term | None
    terms: list[Term]                 # positive terms, for highlighting

    @property
    def empty(self) -> bool:
        return self.tree is None


def parse(text: str) -> Query:
    """Parse a user query; an empty query (browse) gives `Query(None, [])`."""
    text = (text or "").translate(_QUOTES).strip()
    if len(text) > MAX_LENGTH:
        raise BadQuery(f"the query is too long ({len(text)} characters; at most {MAX_LENGTH})")
    if not text:
        return Query(None, [])
    if text.count('"') % 2:
        raise BadQuery("unbalanced quotes: a phrase opened with \" is never closed",
                       hint='close the phrase, e.g. "permanent revolution"')
    lexemes = _LEXEME.findall(text)
    depth = 0
    for lex in lexemes:
        depth += (lex == "(") - (lex == ")")
        if depth < 0:
            raise BadQuery("unbalanced parentheses: ) closes a group that was never opened")
    if depth:
        raise BadQuery("unbalanced parentheses: a group opened with ( is never closed")
    parser = _Parser(lexemes)
    tree = parser.parse_or()
    if parser.pos < len(lexemes):
        raise BadQuery(f"unexpected {lexemes[parser.pos]!r}", hint="a closing parenthesis has no opening one")
    tree = _prune(tree)
    if tree is None:
        raise BadQuery("the query has no words to search for",
                       hint="type words, a \"phrase\" or a prefix such as bolshevi*")
    terms = _positive_terms(tree)
    if not terms:
        raise BadQuery("the query only excludes words", hint="add at least one word to look for, e.g. revolution NOT russia")
    if len(terms) > MAX_TERMS:
        raise BadQuery(f"too many terms ({len(terms)}; at most {MAX_TERMS})")
    return Query(tree, terms)


class _Parser:
    def __init__(self, lexemes: list[str]):
        self.lex = lexemes
        self.pos = 0

    def peek(self) -> str | None:
        return self.lex[self.pos] if self.pos < len(self.lex) else None

    def parse_or(self):
        items = [self.parse_and()]
        while self.peek() == "OR":
            self.pos += 1
            if self.peek() in (None, ")", "OR", "AND"):
                raise BadQuery("OR needs a term on both sides", hint="e.g. stalin OR trotsky")
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else Or(items)

    def parse_and(self):
        node = And()
        if self.peek() in ("OR", "AND"):
            raise BadQuery(f"{self.peek()} needs a term on both sides", hint="e.g. stalin OR trotsky")
        while (lex := self.peek()) is not None and lex not in (")", "OR"):
            if lex == "AND":
                self.pos += 1
                if self.peek() in (None, ")", "OR", "AND"):
                    raise BadQuery("AND needs a term on both sides", hint="e.g. stalin AND trotsky")
                continue
            negate = False
            if lex == "NOT":
                self.pos += 1
                if self.peek() in (None, ")", "OR", "AND", "NOT"):
                    raise BadQuery("NOT needs a term after it", hint="e.g. revolution NOT russia")
                negate = True
            elif lex.startswith("-") and len(lex) > 1 and not lex.startswith("--"):
                self.lex[self.pos] = lex[1:]
                negate = True
            item = self.parse_atom()
            (node.excluded if negate else node.items).append(item)
        if not node.items and not node.excluded:
            raise BadQuery("empty group: nothing to search for here",
                           hint="remove the empty parentheses or put a word between them")
        return node

    def parse_atom(self):
        lex = self.lex[self.pos]
        self.pos += 1
        if lex == "(":
            inner = self.parse_or()
            if self.peek() != ")":
                raise BadQuery("unbalanced parentheses: a group opened with ( is never closed")
            self.pos += 1
            return inner
        if lex.startswith('"'):
            words = tuple(w.lower() for w in _WORD.findall(lex.strip('"')))
            return Term(words, quoted=True) if words else None
        prefix = lex.endswith("*")
        body = lex.rstrip("*")
        if "*" in body:
            raise BadQuery(f"{lex!r}: * may only end a word", hint="e.g. bolshevi*")
        words = tuple(w.lower() for w in _WORD.findall(body))
        if prefix:
            if not words:
                raise BadQuery("a lone * matches nothing in particular", hint="put it after at least 2 letters: bolshevi*")
            if len(words[-1]) < 2:
                raise BadQuery(f"{lex!r}: a prefix needs at least 2 letters before *")
        if not words:
            return None       # punctuation only (an em dash, "&"): nothing to look for
        return Term(words, prefix=prefix)


def _prune(node):
    """Drop empty atoms and (where something else remains) common words."""
    if node is None or isinstance(node, Term):
        return node
    if isinstance(node, Or):
        items = [n for n in (_prune(i) for i in node.items) if n is not None]
        if not items:
            return None
        return items[0] if len(items) == 1 else Or(items)
    items = [n for n in (_prune(i) for i in node.items) if n is not None]
    excluded = [n for n in (_prune(i) for i in node.excluded) if n is not None]
    significant = [n for n in items if not (isinstance(n, Term) and n.is_stopword)]
    if significant:
        items = significant
    if not items and not excluded:
        return None
    if len(items) == 1 and not excluded:
        return items[0]
    return And(items, excluded)


def _positive_terms(node) -> list[Term]:
    if isinstance(node, Term):
        return [node]
    out: list[Term] = []
    for item in node.items:
        out.extend(_positive_terms(item))
    return out


# ---- FTS5 ------------------------------------------------------------------------------

def to_fts5(query: Query) -> str:
    """FTS5 MATCH syntax; every token is double-quoted so no user text is ever an operator."""
    return _fts5(query.tree)


def _fts5(node) -> str:
    if isinstance(node, Term):
        phrase = '"' + " ".join(node.words) + '"'
        return phrase + " *" if node.prefix else phrase
    if isinstance(node, Or):
        return "(" + " OR ".join(_fts5(i) for i in node.items) + ")"
    if not node.items:
        # FTS5 has no unary NOT: a pure exclusion is rejected by parse() before we get here.
        raise BadQuery("the query only excludes words")
    out = "(" + " AND ".join(_fts5(i) for i in node.items) + ")"
    for ex in node.excluded:
        out = f"({out} NOT {_fts5(ex)})"
    return out


# ---- snippets ----------------------------------------------------------------------------

OPEN, CLOSE = "«", "»"
_SCAN_LIMIT = 100          # matches looked at when choosing the passage
_GUILLEMETS = str.maketrans({"«": "“", "»": "”"})


def highlighter(terms: list[Term]) -> re.Pattern | None:
    parts = []
    for t in terms:
        words = [re.escape(w) for w in t.words]
        body = r"[\W_]+".join(words)
        parts.append(r"(?<![^\W_])" + body + (r"[^\W_]*" if t.prefix else r"(?![^\W_])"))
    if not parts:
        return None
    # Longest first so a phrase wins over its own first word.
    parts.sort(key=len, reverse=True)
    return re.compile("|".join(parts), re.IGNORECASE)


def make_snippet(text: str, pattern: re.Pattern | None, width: int = 240,
                 terms: list[Term] | None = None) -> str:
    """A passage of about `width` characters around the densest cluster of matches, matches
    wrapped in «».  Guillemets already in the text (French quotation marks) become “ ” here so
    they cannot be mistaken for highlights; the document itself is not changed.

    With `terms`, long texts are first scanned with str.find (C speed) for where the terms
    could be, and the regex runs only around the best candidate: a rare name near the end of
    a 1 MB page costs a fraction of a millisecond instead of a full regex pass."""
    if not text:
        return ""
    if pattern is not None and terms and len(text) > _LONG:
        start = _candidate(text, terms, width)
        if start is not None:
            lo = max(0, start - width)
            window = _best_window(text, list(_matches(pattern, text, lo, min(len(text), start + 2 * width))), width)
            if window:
                return _render(text, *window)
    matches = list(_matches(pattern, text, 0, len(text))) if pattern is not None else []
    window = _best_window(text, matches, width)
    if not window:
        return _clip(text, 0, width).translate(_GUILLEMETS)
    return _render(text, *window)


_LONG = 2_000
_FIND_CAP = 32
_CHUNK = 32_768


def _matches(pattern: re.Pattern, text: str, lo: int, hi: int):
    for i, m in enumerate(pattern.finditer(text, lo, hi)):
        yield m.start(), m.end(), m.group(0).lower()
        if i >= _SCAN_LIMIT:
            return


def _candidate(text: str, terms: list[Term], width: int) -> int | None:
    """Approximate start of a passage where many distinct terms occur close together, looked
    for chunk by chunk from the start: the first chunk with a match decides, so a long page
    is lower-cased and scanned only as far as needed."""
    step = _CHUNK
    for lo in range(0, len(text), step):
        seg = text[lo:lo + step + width].lower()
        if len(seg) != len(text[lo:lo + step + width]):   # a few characters change length when lower-cased
            return None
        hits = []
        for k, term in enumerate(terms):
            needle = term.words[0]
            pos = seg.find(needle)
            n = 0
            while pos >= 0 and n < _FIND_CAP:
                hits.append((pos, k))
                n += 1
                pos = seg.find(needle, pos + len(needle))
        if not hits:
            continue
        hits.sort()
        best, best_score = hits[0][0], -1
        for i, (pos, _) in enumerate(hits):
            seen = {k for p, k in hits[i:i + 2 * len(terms) + 8] if p < pos + width * 0.7}
            if len(seen) > best_score:
                best, best_score = pos, len(seen)
                if best_score == len(terms):
                    break
        return lo + best
    return None


def _best_window(text: str, matches: list, width: int):
    if not matches:
        return None
    best, best_score = 0, -1
    for i, (start, _, _) in enumerate(matches):
        seen = set()
        j = i
        while j < len(matches) and matches[j][0] < start + width * 0.7:
            seen.add(matches[j][2])
            j += 1
        score = len(seen) * 100 + (j - i)
        if score > best_score:
            best, best_score = i, score
    first = matches[best]
    if len(text) <= width:
        start, end = 0, len(text)
    else:
        start = max(0, first[0] - width // 4)
        end = min(len(text), start + width)
        # Snap to word boundaries so no word is cut in half.
        if start > 0:
            space = text.find(" ", start, first[0])
            if space >= 0:
                start = space + 1
        if end < len(text):
            space = text.rfind(" ", first[1], end)
            if space > 0:
                end = space
    return start, end, [m for m in matches if m[0] >= start and m[1] <= end]


def _render(text: str, start: int, end: int, matches: list) -> str:
    out, pos = [], start
    for s, e, _ in matches:
        if s < pos:
            continue
        out.append(text[pos:s].translate(_GUILLEMETS))
        out.append(OPEN + text[s:e].translate(_GUILLEMETS) + CLOSE)
        pos = e
    out.append(text[pos:end].translate(_GUILLEMETS))
    snippet = "".join(out).replace("\n\n", " ¶ ").replace("\n", " ")
    return ("…" if start > 0 else "") + snippet + ("…" if end < len(text) else "")


def _clip(text: str, start: int, width: int) -> str:
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        if space > start:
            end = space
    out = text[start:end].replace("\n\n", " ¶ ").replace("\n", " ")
    return out + ("…" if end < len(text) else "")
