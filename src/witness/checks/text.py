"""Word-level slips in the body text: doubled words, mojibake, broken hyphenation, leftovers
of HTML markup and characters lost in decoding."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from itertools import compress, islice, repeat
from operator import eq

from ..model import Document, Finding
from ..pieces import pieces
from . import lexicon
from .base import Context, excerpt, lowered as _lowered, rule

_LETTERS = r"[^\W\d_]"

# --------------------------------------------------------------------------- doubled-word

# Doublings that are grammatical or idiomatic ("he had had enough", "that that is so",
# "what it is is…") and reduplicated words and place names.
_LEGIT_DOUBLES = frozenset(
    "had that do does did bye ha tut pooh chop now no so there well very never far many "
    "little long round ever yes go knock being million billion thousand blah etc".split()
)
# "set in in Germany", "driving at at any moment": a phrasal verb's particle then a preposition.
_PARTICLES = frozenset(
    "in at on up out off over down through to by about along around for".split())
_PHRASAL_HEADS = re.compile(
    r"(?:set|sets|setting|come|comes|came|coming|get|gets|got|getting|go|goes|went|going|gone|"
    r"look|looks|looked|looking|driv(?:e|es|ing|en)|drove|aim|aims|aimed|aiming|arrive[sd]?|"
    r"arriving|hint(?:s|ed|ing)?|put|puts|putting|take|takes|took|taken|taking|give|gives|gave|"
    r"given|giving|turn(?:s|ed|ing)?|hand(?:s|ed|ing)?|bring|brings|brought|move[sd]?|moving|"
    r"pass(?:es|ed|ing)?|laugh(?:s|ed|ing)?|stand|stands|stood|sit|sits|sat|call(?:s|ed|ing)?|"
    r"run|runs|ran|break|breaks|broke|broken|carr(?:y|ies|ied|ying)|keep|keeps|kept|"
    r"point(?:s|ed|ing)?|hold|holds|held|stay(?:s|ed|ing)?|live[sd]?|living|sink|sank|sunk|"
    r"lock(?:s|ed|ing)?|settle[sd]?|settling|stop(?:s|ped|ping)?|shut|wind|wound|end(?:s|ed)?|"
    r"ending|pick(?:s|ed|ing)?|cut|cuts|cutting|make|makes|made|making|work(?:s|ed|ing)?|"
    r"jump(?:s|ed|ing)?|step(?:s|ped|ping)?|fall|falls|fell|fallen|grow|grows|grew|grown|"
    r"be|is|are|was|were|been|sell|sold|buy|bought|back(?:s|ed)?|check(?:s|ed)?|sign(?:s|ed)?|"
    r"sum|summed|give|let|lets|stare[sd]?|staring|look|glance[sd]?|shoot|shot|fire[sd]?|"
    r"fight|fights|fighting|fought|wait(?:s|ed|ing)?|ask(?:s|ed|ing)?|pa(?:y|ys|id|ying)|"
    r"hop(?:e|es|ed|ing)|long(?:s|ed|ing)?|account(?:s|ed|ing)?|vot(?:e|es|ed|ing)|"
    r"struggl(?:e|es|ed|ing)|search(?:es|ed|ing)?|car(?:e|es|ed|ing)|prepar(?:e|es|ed|ing))",
    re.IGNORECASE,
)


# Two identical words separated by whitespace only (a paragraph break still counts): any
# punctuation between them ("… it. It …", "work, work") makes the repetition deliberate or a
# new sentence.  The backreference compares case-insensitively.
_DOUBLE_RE = re.compile(
    rf"(?<![^\W_])(?<!['’])({_LETTERS}+(?:['’]{_LETTERS}+)*)(\s+)(\1)(?![^\W_])(?!['’]{_LETTERS})",
    re.IGNORECASE,
)
_EDGE_PUNCT = ".,;:!?\"'“”‘’()[]{}—–-…*/"


def _candidate_doubles(lowered: str) -> Iterator[re.Match[str]]:
    """Doublings in lower-cased text, found fast: C-speed split into tokens, compare neighbours,
    then a literal search for each repeated word only (a regex backreference tried at every
    word is several times slower on long documents)."""
    # Every step runs inside C loops (map, compress): a Python loop over the words of the
    # corpus (~3·10^7) was a sixth of a whole-corpus ingest.  A long text goes by pieces of
    # about a million characters, cut at white space, so that its word list never holds more than
    # a piece (a 20 MB page's list alone was 180 MB); the last word of a piece is carried over.
    seen: set[str] = set()
    carry: list[str] = []
    for _, piece in pieces(lowered, 1 << 20):
        words = carry + list(map(str.strip, piece.split(), repeat(_EDGE_PUNCT)))
        seen.update(compress(words, map(eq, words, islice(words, 1, None))))
        carry = words[-1:]
    seen.discard("")
    found: list[re.Match[str]] = []
    for word in seen:
        if not word.isalpha():
            # Its doublings would all be dropped by doubled_word (the original-case word is
            # not alphabetic either: no letter lower-cases to a non-letter), so skip the search.
            continue
        # The same matches as r"(?<!\w)(w)(\s+)(w)(?!\w)", with the look-behind moved after the
        # word (it checks the character before the word's start): a pattern opening with a
        # look-behind gets no literal-prefix search and is tried at every position, ~40× slower.
        pat = re.escape(word)
        found.extend(re.finditer(rf"({pat})(?<!\w(?s:.){{{len(word)}}})(\s+)({pat})(?!\w)",
                                 lowered))
    found.sort(key=lambda m: m.start())
    return iter(found)
_APOS_TAIL = re.compile(rf"['’]{_LETTERS}")
_PREV_WORD = re.compile(rf"({_LETTERS}+)[”’\"']?\s+$")


def _paragraph_at(text: str, pos: int) -> str:
    start = text.rfind("\n\n", 0, pos)
    end = text.find("\n\n", pos)
    return text[start + 2 if start >= 0 else 0:end if end >= 0 else len(text)]


@rule("doubled-word", "warning", "the same word twice in a row (“the the”)", english_only=True)
def doubled_word(doc: Document, ctx: Context) -> Iterator[Finding]:
    text = doc.text
    lowered = _lowered(text)
    if len(lowered) != len(text):
        matches = _DOUBLE_RE.finditer(text)  # lower-casing moved offsets: the slow, sure way
    else:
        matches = _candidate_doubles(lowered)
    for m in matches:
        w1, w2 = text[m.start(1):m.end(1)], text[m.start(3):m.end(3)]
        low = w1.lower()
        if not w1.isalpha() or low in _LEGIT_DOUBLES:
            continue  # numbers ("1937 1937"), or a grammatical doubling
        if m.start(1) and text[m.start(1) - 1] in "'’":
            continue  # the tail of an elision: "O’Brien Brien"
        if _APOS_TAIL.match(text, m.end(3)):
            continue
        if len(w1) == 1 and low not in ("a", "i"):
            continue  # algebra, enumerations: "x x", "b b"
        if w1.isupper() != w2.isupper():
            continue  # a heading repeated in capitals below it: "Poland\n\nPOLAND"
        if m.start(1) and text[m.start(1) - 1] in "-‑":
            continue  # the tail of a compound: "all-too-human human"
        after = text[m.end(3):m.end(3) + 2]
        if after[:1] in ("-", "‑") or (len(w1) == 1 and after[:1] == "."):
            continue  # "one one-third", an initial "A A. Heller"
        if low == "i" and (after.startswith(" I") or len(_paragraph_at(text, m.start(1))) < 12):
            continue  # "I I I": a section number set in letters
        if low in _PARTICLES:
            prev = _PREV_WORD.search(text, max(0, m.start(1) - 40), m.start(1))
            if prev and _PHRASAL_HEADS.fullmatch(prev.group(1)):
                continue
        if w2[0].isupper() and not w2.isupper():
            continue  # "Walla Walla", "Sing Sing", "Baden Baden": names, not slips
        if w1.isupper() and len(w1) > 1 and re.fullmatch(r"[IVXLC]+", w1):
            continue  # Roman numerals in headings
        yield Finding("doubled-word", "warning", m.start(1), m.end(3),
                      f"“{w1} {w2}”: word repeated", w1)


# --------------------------------------------------------------------------- mojibake

def _cp1252_byte(ch: str) -> int | None:
    try:
        return ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        o = ord(ch)
        return o if 0x80 <= o <= 0x9F else None  # C1 controls from a latin-1 misread


# Characters a UTF-8 continuation byte (0x80–0xBF) turns into when read as cp1252/latin-1.
_CONT = "".join(ch for ch in map(chr, range(0x80, 0x2200))
                if (b := _cp1252_byte(ch)) is not None and 0x80 <= b <= 0xBF)
_CONT_CLASS = "[" + re.escape(_CONT) + "]"
# Lead bytes: 0xC2–0xDF start 2-byte sequences, 0xE0–0xEF 3-byte ones (same chars in both codecs).
_MOJIBAKE_RE = re.compile(
    rf"(?:[\u00c2-\u00df]{_CONT_CLASS}|[\u00e0-\u00ef]{_CONT_CLASS}{{2}})+"
)


def _plausible(c: str) -> bool:
    o = ord(c)
    return (0x20 <= o < 0x7F or 0xA0 <= o <= 0x17F or 0x370 <= o <= 0x52F or 0x590 <= o <= 0x6FF
            or 0x2000 <= o <= 0x20CF or 0x2100 <= o <= 0x215F)


# Every match of _MOJIBAKE_RE starts with a lead character followed by a continuation one.
# This opens with a character class, which the regex engine scans for at C speed; _MOJIBAKE_RE
# opens with a repeated group and is tried at every position, so it only runs from the first
# such pair on (most documents have none, while é, à, ç alone are common).
_PAIR_RE = re.compile(rf"[\u00c2-\u00ef]{_CONT_CLASS}")


def repair_mojibake(s: str) -> str | None:
    """The text ``s`` was before a UTF-8 → cp1252/latin-1 misreading, or None if it wasn't one."""
    raw = bytearray()
    for ch in s:
        b = _cp1252_byte(ch)
        if b is None:
            if ord(ch) > 0xFF:
                return None
            b = ord(ch)
        raw.append(b)
    try:
        fixed = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not all(_plausible(c) for c in fixed):
        return None  # "CAFÉ’" would "repair" to the IPA letter ɒ: a coincidence, not mojibake
    # Double encodings (“Ã‚Â©”) repair in more than one step.
    again = repair_mojibake(fixed) if _MOJIBAKE_RE.search(fixed) else None
    return again or fixed


@rule("mojibake", "error", "text decoded with the wrong encoding (Ã©, â€™, Ð¯)")
def mojibake(doc: Document, ctx: Context) -> Iterator[Finding]:
    text = doc.text
    if text.isascii():
        return  # O(1): CPython records whether a string is ASCII
    # Every lead character (U+00C2–U+00EF) is 0xC3 then one byte in UTF-8: encoding and a
    # memchr for that byte cost a third of the regex scan, and three documents in four, with
    # no À–ÿ at all, stop here.
    if b"\xc3" not in text.encode("utf-8", "surrogatepass"):
        return
    first = _PAIR_RE.search(text)
    if first is None:
        return  # no lead character before a continuation one: the common case, checked fast
    for m in _MOJIBAKE_RE.finditer(text, first.start()):
        fixed = repair_mojibake(m.group())
        if fixed is None:
            continue
        yield Finding("mojibake", "error", m.start(), m.end(),
                      f"“{m.group()}” looks like “{fixed}” read with the wrong encoding", fixed)


@rule("lost-character", "error", "a character lost in decoding (the replacement sign �)")
def lost_character(doc: Document, ctx: Context) -> Iterator[Finding]:
    if "\ufffd" not in doc.text:
        return
    for m in re.finditer("\ufffd+", doc.text):
        yield Finding("lost-character", "error", m.start(), m.end(),
                      f"“{excerpt(doc.text, max(0, m.start() - 15), m.end(), 15)}”: "
                      "a character was lost when the page was decoded (�); restore it from the source")


# --------------------------------------------------------------------------- broken-hyphenation

# A letter run, a hyphen glued to it, whitespace, then a lower-case letter run: "revo- lution".
# Found from the hyphen outwards (a literal search is far faster than trying every word).
_HYPHEN_GAP_RE = re.compile(r"-[ \t\n]+(?=[a-z])")
_LEFT_WORD = re.compile(rf"(?<![^\W_])({_LETTERS}+)$")
_RIGHT_WORD = re.compile(rf"[a-z]{_LETTERS}*")
# Suspended compounds: "anti- and pro-war", "pre- or post-", "first- to third-class".
_SUSPENDERS = frozenset("and or nor to as than versus vs but und oder et ou".split())
# Prefixes that British and American print alike usually keep hyphenated.
_HYPHEN_PREFIXES = frozenset("non semi anti self ex quasi pseudo neo co counter ultra pan pre "
                             "post pro half all well ill".split())


def _has_word(lowered: str, word: str) -> bool:
    """``word`` occurs in ``lowered`` as a whole word (str.find: no regex scan per candidate)."""
    at = lowered.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not lowered[at - 1].isalpha()) and (
                end == len(lowered) or not lowered[end].isalpha()):
            return True
        at = lowered.find(word, at + 1)
    return False


def _function_word(w: str) -> bool:
    from spacy.lang.en.stop_words import STOP_WORDS

    return w.lower() in STOP_WORDS


def _compound(left: str, right: str) -> bool:
    """Two content words joined by a hyphen ("working- class"); a function word on either side
    means a dash set as a hyphen instead ("the party- the only one")."""
    return (len(left) >= 3 and len(right) >= 3 and not _function_word(left)
            and not _function_word(right) and lexicon.is_word(left) and lexicon.is_word(right))


@rule("broken-hyphenation", "warning", "a word split by a line-end hyphen (“revo- lution”)",
      english_only=True)
def broken_hyphenation(doc: Document, ctx: Context) -> Iterator[Finding]:
    text = doc.text
    lowered = None
    for gap in _HYPHEN_GAP_RE.finditer(text):
        left_m = _LEFT_WORD.search(text, max(0, gap.start() - 60), gap.start())
        right_m = _RIGHT_WORD.match(text, gap.end())
        if left_m is None or right_m is None:
            continue
        left, right = left_m.group(1), right_m.group()
        span_start, span_end = left_m.start(1), right_m.end()
        whole = text[span_start:span_end]
        if lowered is None:
            lowered = _lowered(text)
        if right.lower() in _SUSPENDERS or "\n\n" in whole:
            continue
        joined = left + right
        hyphened = f"{left}-{right}"
        if span_start and text[span_start - 1] in "-‑":
            fix = hyphened  # inside a longer compound: "day-to- day"
        elif _has_word(lowered, joined.lower()):
            fix = joined  # the document spells it solid elsewhere
        elif hyphened.lower() in lowered:
            fix = hyphened  # …or with a hyphen ("well-known")
        elif left.lower() in _HYPHEN_PREFIXES:
            if not lexicon.is_word(right):
                continue
            fix = hyphened  # "non- industrial", "counter- revolutionary"
        elif joined.lower() in lexicon.words():
            fix = joined  # "con- sider", "peas- ants": a word of its own
        elif _compound(left, right):
            fix = hyphened  # two words: keep the author's hyphen ("working- class")
        elif lexicon.is_word(joined) and not (_function_word(left) or _function_word(right)):
            fix = joined  # an inflection of a word ("pro- pagandists")
        else:
            continue
        yield Finding("broken-hyphenation", "warning", span_start, span_end,
                      f"“{whole}”: a word broken at a line end; read “{fix}”", fix)


# --------------------------------------------------------------------------- stray-markup

_ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,7}|#[0-9]{2,6}|#[xX][0-9A-Fa-f]{2,5});")
_TAG_RE = re.compile(
    r"</?(?:a|b|i|u|em|strong|p|br|hr|span|font|sup|sub|div|blockquote|center|small|big|"
    r"h[1-6]|ul|ol|li|table|tr|td|th|img|tt|strike|s|q|cite)(?:\s[^<>\n]{0,200})?\s*/?>",
    re.IGNORECASE,
)


@rule("stray-markup", "warning", "HTML entities or tags left in the text (“&amp;”, “<i>”)")
def stray_markup(doc: Document, ctx: Context) -> Iterator[Finding]:
    text = doc.text
    for m in _ENTITY_RE.finditer(text):
        decoded = html.unescape(m.group())
        if decoded == m.group():
            continue  # not an entity HTML knows ("&c;")
        yield Finding("stray-markup", "warning", m.start(), m.end(),
                      f"“{m.group()}”: an HTML entity left in the text; read “{decoded}”", decoded)
    for m in _TAG_RE.finditer(text):
        yield Finding("stray-markup", "warning", m.start(), m.end(),
                      f"“{m.group()}”: an HTML tag left in the text", "")
