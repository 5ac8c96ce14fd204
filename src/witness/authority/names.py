"""Names across transliteration systems and scripts: Cyrillic → Latin, keys, phonetics, fuzzy.

The literature spells one Russian name in many ways: English papers write Rakovsky,
German ones Rakowski, French ones Rakovski, Polish ones Rakowski, library catalogues
Rakovskii, and the source documents Раковский.  Matching works on three levels:

* ``name_key``: a normalised key that folds the common transliteration differences
  (v/w/ff, ya/ia/ja, -sky/-ski/-skii, kh/ch/h, ts/tz …) so most spellings collide exactly;
* ``phonetic_keys``: Double Metaphone over the raw form and over the key, for what the
  key misses (French ch = English sh, German s = English z …);
* ``similarity``: a rapidfuzz ratio over keys, with a threshold chosen by measurement
  (``bench/names.py``, ``docs/names.md``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from metaphone import doublemetaphone
from rapidfuzz import fuzz

# Chosen by measurement in bench/names.py (see docs/names.md): the best accuracy on the
# labelled list of spelling variants and near-miss negatives (ties → fewer false links).
FUZZY_THRESHOLD = 0.94
# A phonetic (Double Metaphone) hit links only when this similar on keys too (same
# measurement); weaker phonetic look-alikes are returned as hints below LINK_MIN.
PHONETIC_FLOOR = 0.95

SYSTEMS = ("bgn", "lc", "iso9", "de", "fr")


# Letter tables.  е, ё, й/ий and a few context rules are handled in code below.
_BASE = {
    #     bgn     lc      iso9   de        fr
    "а": ("a", "a", "a", "a", "a"),
    "б": ("b", "b", "b", "b", "b"),
    "в": ("v", "v", "v", "w", "v"),
    "г": ("g", "g", "g", "g", "g"),
    "д": ("d", "d", "d", "d", "d"),
    "ж": ("zh", "zh", "ž", "sch", "j"),
    "з": ("z", "z", "z", "s", "z"),
    "и": ("i", "i", "i", "i", "i"),
    "к": ("k", "k", "k", "k", "k"),
    "л": ("l", "l", "l", "l", "l"),
    "м": ("m", "m", "m", "m", "m"),
    "н": ("n", "n", "n", "n", "n"),
    "о": ("o", "o", "o", "o", "o"),
    "п": ("p", "p", "p", "p", "p"),
    "р": ("r", "r", "r", "r", "r"),
    "с": ("s", "s", "s", "s", "s"),
    "т": ("t", "t", "t", "t", "t"),
    "у": ("u", "u", "u", "u", "ou"),
    "ф": ("f", "f", "f", "f", "f"),
    "х": ("kh", "kh", "h", "ch", "kh"),
    "ц": ("ts", "ts", "c", "z", "ts"),
    "ч": ("ch", "ch", "č", "tsch", "tch"),
    "ш": ("sh", "sh", "š", "sch", "ch"),
    "щ": ("shch", "shch", "ŝ", "schtsch", "chtch"),
    "ъ": ("", "", "ʺ", "", ""),
    "ы": ("y", "y", "y", "y", "y"),
    "ь": ("", "", "ʹ", "", ""),
    "э": ("e", "e", "è", "e", "e"),
    "ю": ("yu", "iu", "û", "ju", "iou"),
    "я": ("ya", "ia", "â", "ja", "ia"),
    "й": ("y", "i", "j", "i", "i"),
    # Pre-1918 and Ukrainian/Belarusian letters that appear in names of the period.
    "і": ("i", "i", "ì", "i", "i"),
    "ї": ("yi", "i", "ï", "ji", "ï"),
    "є": ("ye", "ie", "ê", "je", "ie"),
    "ґ": ("g", "g", "g̀", "g", "g"),
    "ў": ("w", "u", "ŭ", "w", "ou"),
    "ѣ": ("e", "e", "ě", "e", "e"),
}
# е: plain / iotated (word start, after a vowel, ь, ъ, й).
_YE = {"bgn": ("e", "ye"), "lc": ("e", "e"), "iso9": ("e", "e"), "de": ("e", "je"), "fr": ("e", "ie")}
_YO = {"bgn": ("e", "ye"), "lc": ("e", "e"), "iso9": ("ë", "ë"), "de": ("o", "jo"), "fr": ("io", "io")}
# Adjectival ending -ий / -ый (Раковский): written whole by most systems.
_IJ = {"bgn": "iy", "lc": "ii", "iso9": "ij", "de": "i", "fr": "i"}
_YJ = {"bgn": "yy", "lc": "yi", "iso9": "yj", "de": "y", "fr": "y"}
_IDX = {s: i for i, s in enumerate(SYSTEMS)}


_RX_CYR = re.compile("[\u0400-\u04ff]")


def has_cyrillic(text: str) -> bool:
    return _RX_CYR.search(text) is not None


def _cap(out: str, upper: bool) -> str:
    return out[:1].upper() + out[1:] if upper else out


# After these (and at a word start) е/ё are iotated: written ye/je/ie by most systems.
_IOT_CLASS = "аеёиоуыэюяАЕЁИОУЫЭЮЯьъйЬЪЙ"
_RX_IJ = re.compile(r"([иыИЫ])[йЙ](?![^\W\d_])")
_RX_YE = re.compile(rf"(?:(?<![^\W\d_])|(?<=[{_IOT_CLASS}]))([еёЕЁ])")
_RX_SS = re.compile(r"(?<=[аеёиоуыэюяАЕЁИОУЫЭЮЯ])с(?=[аеёиоуыэюя])")
_RX_YI = re.compile(r"(?<=[ьЬ])([иИ])")
_RX_WORD = re.compile(r"[^\W\d_]{2,}")
_TABLES: dict[str, dict[int, str]] = {}
for _sys, _col in _IDX.items():
    _t: dict[int, str] = {}
    for _k, _v in _BASE.items():
        _t[ord(_k)] = _v[_col]
        _t[ord(_k.upper())] = _cap(_v[_col], True)
    _t[ord("е")], _t[ord("Е")] = _YE[_sys][0], _cap(_YE[_sys][0], True)
    _t[ord("ё")], _t[ord("Ё")] = _YO[_sys][0], _cap(_YO[_sys][0], True)
    _TABLES[_sys] = _t


def _translit(text: str, system: str) -> str:
    text = _RX_IJ.sub(lambda m: _cap((_IJ if m.group(1) in "иИ" else _YJ)[system],
                                     m.group(1).isupper()), text)
    text = _RX_YE.sub(lambda m: _cap((_YE if m.group(1) in "еЕ" else _YO)[system][1],
                                     m.group(1).isupper()), text)
    if system in ("de", "fr"):
        text = _RX_SS.sub("ss", text)  # intervocalic s is voiced in German and French spelling
    if system in ("de", "bgn"):
        text = _RX_YI.sub(lambda m: _cap({"de": "ji", "bgn": "yi"}[system], m.group(1).isupper()),
                          text)
    return text.translate(_TABLES[system])


@lru_cache(maxsize=50_000)
def cyrillic_to_latin(text: str, system: str = "bgn") -> str:
    """Transliterate Cyrillic letters in ``text`` by ``system``; other characters pass through.

    Systems: ``bgn`` (BGN/PCGN, without its optional diacritics), ``lc`` (Library of Congress
    without ligatures or diacritics), ``iso9`` (ISO 9:1995, with its diacritics), ``de``
    (German Duden convention: W, Sch, Tsch, J) and ``fr`` (French: ou, ch, tch, i).
    """
    if system not in _IDX:
        raise ValueError(f"unknown transliteration system {system!r}; use one of {SYSTEMS}")
    if not has_cyrillic(text):
        return text
    # All-capital words are rendered all-capital (ЩУКИН → SHCHUKIN, not ShchUKIN).
    return _RX_WORD.sub(lambda m: (_translit(m.group(0).lower(), system).upper()
                                   if m.group(0).isupper() else _translit(m.group(0), system)),
                        text)


@lru_cache(maxsize=50_000)
def _transliterations(text: str) -> tuple[str, ...]:
    # ISO 9 keeps its diacritics: folded to ASCII it invents English words (Рюле → "Rule").
    seen: list[str] = []
    for system in SYSTEMS:
        form = cyrillic_to_latin(text, system)
        if form not in seen:
            seen.append(form)
    return tuple(seen)


def transliterations(text: str) -> list[str]:
    """All distinct Latin renderings of ``text``, one per system."""
    return list(_transliterations(text))


_SPECIAL = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "ø": "o", "Ø": "O", "đ": "d", "æ": "ae",
                          "œ": "oe", "ı": "i", "’": "'", "ʹ": "", "ʺ": ""})


def fold(text: str) -> str:
    """Strip diacritics (Maurín → Maurin, Dzierżyński → Dzierzynski)."""
    if text.isascii():
        return text
    text = text.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def exact_form(text: str) -> str:
    """The "exact" comparison form: casefolded, diacritics stripped, dots and spaces unified."""
    text = fold(text).casefold().replace("’", "'")
    text = re.sub(r"[.\u00b7]", ". ", text)
    return " ".join(text.split()).replace(" - ", "-").strip()


# Ordered rewrites on one lowercase ASCII word.  Placeholders in upper case stop cascades.
_RULES = [
    (re.compile(r"schtsch|shtch|chtch|shch|sztsch|szcz|stch"), "S"),  # щ
    (re.compile(r"tsch|tch|tsh|cz"), "h"),                            # ч (with English ch, below)
    (re.compile(r"sch|sh|sz|zh|ch(?=[lmnvw])"), "X"),                 # ш/ж (and French ch+consonant)
    (re.compile(r"kh|ch"), "h"),                                      # х, and ч in English
    (re.compile(r"ph"), "f"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"w"), "v"),
    (re.compile(r"ff$|(?<=o)f$"), "v"),                               # -off/-of (older French/English)
    (re.compile(r"tz|ts"), "c"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"j"), "y"),
    (re.compile(r"(?<=[a-z])i(?=[aeou])"), "y"),                      # ia/io/iu/ie → ya/yo/yu/ye
    (re.compile(r"^i(?=[aou])"), "y"),                                # Iagoda, Ioffe
    (re.compile(r"^ye|^ie"), "e"),
    (re.compile(r"(?<=[a-zSX])ye"), "e"),                             # Zinovyev/Zinoviev/Sinowjew
    (re.compile(r"(iy|ii|yi|yy|ij|y)$"), "i"),                        # -sky/-skii/-skij/-skiy → -ski
    (re.compile(r"(.)\1+"), r"\1"),                                  # doubled letters
]


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    w = fold(word).lower()
    w = re.sub(r"[^a-z]", "", w)
    if not w:
        return ""
    for rx, rep in _RULES:
        w = rx.sub(rep, w)
    return w.lower()


@lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """Normalised matching key of a name: one word key per token, space-separated.

    Cyrillic is first transliterated (Library of Congress), then each word is folded so
    the usual transliteration variants collide: Rakowsky, Rakovskii, Раковский → "rakovski".
    """
    if has_cyrillic(text):
        text = cyrillic_to_latin(text, "lc")
    text = fold(text).replace("'", "")
    words = [word_key(w) for w in re.split(r"[\s.\-‐–,]+", text)]
    return " ".join(w for w in words if w)


@lru_cache(maxsize=200_000)
def phonetic_keys(text: str) -> frozenset[str]:
    """Double Metaphone codes of the raw (folded) spelling and of its name key.

    Both are used because the key already folds v/w and j/y, and the raw form lets
    Metaphone apply its own rules (French ch+l, German sch).
    """
    if has_cyrillic(text):
        text = cyrillic_to_latin(text, "bgn")
    out: set[str] = set()
    raw = re.sub(r"[^A-Za-z ]", "", fold(text).replace("-", " "))
    # In keys "x" stands for sh/zh (see _RULES); spell it out again for Metaphone.
    for form in (raw, name_key(text).replace("x", "sh")):
        form = form.replace(" ", "")
        if not form:
            continue
        for code in doublemetaphone(form):
            if code:
                out.add(code.strip())
    return frozenset(out)


def similarity(a: str, b: str) -> float:
    """Fuzzy similarity 0–1 of two names, compared on their keys (rapidfuzz ratio)."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return 0.0
    return fuzz.ratio(ka, kb) / 100.0


_FEMININE = re.compile(r"(ova|eva|ina|yna|aya|a)$")


def gender_compatible(key_a: str, key_b: str) -> bool:
    """False when one surname key is the feminine form of the other (Smirnova / Smirnov).

    Russian surnames in -ov/-in/-sky take -ova/-ina/-skaya for women; Double Metaphone and
    edit distance both see them as the same name, so this guard keeps the two people apart.
    """
    a_last = key_a.rsplit(" ", 1)[-1]
    b_last = key_b.rsplit(" ", 1)[-1]
    return bool(_FEMININE.search(a_last)) == bool(_FEMININE.search(b_last)) or a_last == b_last


def slug(text: str) -> str:
    """URL-safe ASCII slug of a name (used for provisional ids)."""
    if has_cyrillic(text):
        text = cyrillic_to_latin(text, "bgn")
    s = re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")
    return s or "unnamed"


# Given names that English, German and French texts translate rather than transliterate.
# Each group is folded to one canonical key so "Henry Yagoda" meets "Genrikh Yagoda".
_GIVEN_GROUPS = [
    "genrih henri henry heinrich enrico",
    "lev leon leo lyova",
    "iosif joseph yosif iosip josef",
    "nikolai nicolai nicholas nikolaus nicolas nikolay nicolay",
    "aleksandr alexander alexandre aleksander alexandr alessandro",
    "mihail michael mikhail michel michal",
    "petr pyotr peter pierre piotr",
    "pavel paul pawel",
    "yakov jacob jakob jacques jakov",
    "grigori gregory gregori grigory grigorii gregor",
    "georgi george georges georgy georgii georg yuri yuriy",
    "evgeni eugene yevgeny yevgeni evgeny eugen",
    "vasili basil wassili vasily vassili",
    "hristian christian krystian kristian",
    "dmitri dmitry demetrius dimitri",
    "fedor fyodor theodore feodor fiodor",
    "matvei matthew mathias",
    "ilya elias ilia",
    "andrei andrew andre andrey",
    "ivan john johann jan",
    "stepan stephen stefan etienne",
    "semen semyon simon",
    "karl carl charles",
    "avel abel",
    "arkadi arkady",
    "anatoli anatole",
    "konstantin constantine",
    "ekaterina catherine katerina",
    "aleksei alexis alexei aleksey alexey alexej",
    "viktor victor wiktor",
    "vladimir wladimir",
    "mark marc marcus",
    "isak isaac isaak",
    "adolf adolph",
    "sergei sergey serge sergius",
    "moisei moses moise",
    "lavrenti lavrenty laurenti",
    "naum nahum",
    "solomon salomon",
    "yan jan ian",
]
# Given names common in the English, French and German texts, which alone are never a
# surname mention ("Roland" must not become Rolland by key, "Harold" not Haldane by sound).
_WESTERN_GIVEN = """
albert alfred alice andrew ann anna anne antoine archibald arnold arthur august barbara bernard
betty bill bob catherine cecil charles charlotte clara claude clement daniel david dick dorothy
douglas edgar edith edmund edouard edward elizabeth ellen emil emile emma ernest ernst eugene
felix frances francis frank franz fred frederick friedrich gabriel geoffrey gerald gerhard
gertrude gordon guy hans harold harriet harry hector helen helmut henri herbert herman hermann
hugh hugo jack jacques james jane jean jeanne jim joe johann johannes john jonathan jules julia
julius kate kurt laura lawrence leonard leopold lewis lillian louis louise lucy margaret marie
marion martha martin mary matthew maurice max michel mildred nancy norman oliver otto patrick
paula percy philip philippe pierre ralph raymond richard robert roger roland rose rudolf ruth
samuel sarah sean sidney sophie stanley susan thomas timothy tom victoria vincent walter wilhelm
william willy
""".split()
GIVEN_WORDS = frozenset([*(w for g in _GIVEN_GROUPS for w in g.split()), *_WESTERN_GIVEN])
_GIVEN_CANON: dict[str, str] = {}
for _group in _GIVEN_GROUPS:
    _words = _group.split()
    for _w in _words:
        _GIVEN_CANON.setdefault(word_key(_w), word_key(_words[0]))


def given_key(word: str) -> str:
    """Canonical key of a given name or patronymic (Henry → genrih; Nicolai → nikolai)."""
    k = word_key(word)
    return _GIVEN_CANON.get(k, k)
