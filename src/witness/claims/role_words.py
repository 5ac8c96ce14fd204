"""The words of offices and memberships: titles before a name, office and member nouns, party
words, nationalities, and the hint that a phrase names a body.  Counted over the corpus by
bench/claims_survey.py (see roles.py); roles.py, titles.py, membership.py and rosters.py read
with them."""
from __future__ import annotations

import re

from witness.nlp.lexicon import PARTICLES

# Titles before a name that hold an office (not forms of address: Mr., Dr., Sir, Lord, Comrade,
# Count…, which annotators and claims.md leave out).
TITLES = {
    "president", "vice-president", "general", "colonel", "captain", "admiral", "marshal",
    "field-marshal", "major", "lieutenant", "sergeant", "commander", "commandant", "generalissimo",
    "brigadier", "corporal", "king", "queen", "tsar", "czar", "tsarina", "czarina", "emperor", "empress",
    "kaiser", "sultan", "shah", "khedive", "pope", "cardinal", "archbishop", "bishop", "senator",
    "governor", "minister", "premier", "chancellor", "secretary", "chairman", "commissar", "professor",
    "judge", "justice", "mayor", "ambassador", "consul", "prosecutor", "procurator", "attorney",
    "congressman", "congresswoman", "alderman", "councillor", "councilor", "magistrate", "sheriff",
    "inspector", "superintendent", "governor-general", "viceroy", "chief", "deputy", "editor",
    "director", "president-elect", "dictator", "führer", "fuhrer", "duce", "ataman",
    "hetman", "regent", "elector", "margrave", "doge", "prince", "princess", "commander-in-chief",
}
# Abbreviated ranks: titles before a name ("Pres. Roosevelt", "Col. Disque"), never an apposition's
# noun ("Allen Lane, the Penguin Press" is no president)
TITLE_ABBREVIATIONS = {"lt", "lieut", "col", "gen", "capt", "adm", "sgt", "maj", "gov", "sen", "pres", "rep", "cmdr"}
TITLES |= TITLE_ABBREVIATIONS
# Titles written in plural before a list of names: "the Generals Lecomte and Clement-Thomas".
# Titles that take "the" before a person's name ("the Emperor Napoleon", "the Tsar Nicholas");
# other ranks do so only in a thing's name ("the Senator Schröder", a ship).
THE_TITLES = {"king", "queen", "tsar", "czar", "tsarina", "czarina", "emperor", "empress", "kaiser", "sultan",
               "shah", "khedive", "pope", "cardinal", "archbishop", "bishop", "viceroy", "prince", "princess",
               "duke", "duchess", "archduke", "grand", "count", "countess", "baron", "lord", "lady", "marquis",
               "abbé", "abbe", "patriarch", "metropolitan", "mikado", "negus", "emir", "dalai", "elector",
               "margrave", "landgrave", "regent", "infante", "infanta"}
# … and any title before a name with a nobiliary particle ("the Minister von Hertzberg")
NAME_PARTICLES = PARTICLES | {"della", "des", "zu"}
TITLES_PLURAL = {t + "s": t for t in TITLES if t.isalpha()} | {"chiefs": "chief", "commissars": "commissar"}
# Offices named by a head noun (appositions, predicates, "as …").
OFFICE_NOUNS = TITLES - {"deputy_title"} | {
    "head", "secretary-general", "general-secretary", "commissary", "chairwoman", "treasurer",
    "organizer", "organiser", "spokesman", "spokeswoman", "representative", "envoy", "emissary",
    "delegate", "plenipotentiary", "commissioner", "consul-general", "under-secretary", "attache",
    "attaché", "official", "officer", "correspondent", "manager", "adviser", "advisor", "governor",
    "director-general", "vice-chairman", "leader", "boss", "ruler", "monarch", "economist",
    "counsellor", "counselor", "clerk", "steward", "agent", "spokesperson", "premier", "chief",
    "founder", "co-founder", "publisher", "consultant", "referent", "instructor", "organiser",
    "sub-prefect", "prefect", "commandant", "warden", "president", "chief-of-staff", "generalissimo",
    "minister", "legislator", "parliamentarian", "burgomaster", "mayor", "deputy", "senator",
    "theoretician", "ideologist", "ideologue",
}
# Head nouns that are an office only with something saying where ("chief economist at the IMF",
# "the Moscow correspondent of The Times", "agent of the G.P.U.") — a profession alone is not.
NEEDS_ATTACHMENT = {"economist", "official", "officer", "correspondent", "manager", "adviser",
                    "advisor", "agent", "clerk", "steward", "consultant", "instructor", "publisher",
                    "representative", "delegate", "organizer", "organiser", "spokesman", "spokeswoman",
                    "leader", "boss", "ruler", "chief", "head", "founder", "co-founder", "deputy",
                    "director", "editor", "member"}
MEMBER_NOUNS = {"member", "ex-member", "members", "co-member"}
# Nationalities: "a Russian economist", "the German student leader" name no body the person
# serves or belongs to (a nationality is not a membership; claims.md's member_of is a party,
# group or body).
DEMONYMS = set("""
american argentine argentinian armenian australian austrian belgian bolivian brazilian british
bulgarian burmese canadian chilean chinese colombian cuban czech danish dutch egyptian english
estonian finnish french georgian german greek hungarian indian indonesian iranian irish israeli
italian japanese jewish korean latvian lithuanian mexican norwegian palestinian persian peruvian
polish portuguese romanian rumanian russian scottish serbian slovak spanish swedish swiss syrian
turkish ukrainian uruguayan venezuelan vietnamese welsh yugoslav african asian european
""".split())
# "leader of the MIR", "Austrian Socialist leader": the annotators' reading is both an office
# and a membership.
LEADER_NOUNS = {"leader", "leaders", "founder", "co-founder", "chieftain", "pillar", "head",
                # "Gorter was the theoretician of the SDP": a party's thinker is its member (blind gold)
                "theoretician", "ideologist", "ideologue"}
# Party and movement words that describe a person's membership ("the Menshevik Dan").
PARTY_WORDS = {
    "bolshevik", "bolsheviks", "menshevik", "mensheviks", "communist", "communists", "socialist",
    "socialists", "social-democrat", "social-democrats", "trotskyist", "trotskyists", "trotskyite",
    "anarchist", "anarchists", "syndicalist", "fabian", "fabians", "chartist", "jacobin", "girondin",
    "narodnik", "narodniks", "labourite", "tory", "tories", "conservative", "liberal", "liberals",
    "republican", "democrat", "nazi", "nazis", "fascist", "fascists", "falangist", "spartacist",
    "zionist", "bundist", "cadet", "octobrist", "oppositionist", "oppositionists", "lovestoneite",
    "cannonite", "shachtmanite", "blanquist", "proudhonist", "lassallean", "possibilist",
    "guesdist", "stalinist", "stalinists", "left-oppositionist", "sr", "s.r.", "bolshevist",
    "social-revolutionary", "populist", "radical", "radicals", "whig", "maoist", "castroist",
    "revolutionaries", "internationalist", "internationalists", "guardist", "guardists", "anabaptist",
    "anabaptists", "spartacist", "spartacists", "independent", "independents", "left-winger", "winger",
    # factions named after a leader or a programme ("the Decemist Davidov", "Savva was a
    # Plekhanovite"): the corpus's Russian and Trotskyist tendencies
    "decemist", "decemists", "decist", "decists", "myasnikovist", "myasnikovists", "plekhanovite",
    "plekhanovites", "pabloite", "pabloites", "musteite", "musteites", "lambertist", "healyite", "posadist",
    "bordigist", "bordigists", "peronist", "peronists", "bakuninist", "bakuninists", "girondist", "girondists",
    "hussite", "hussites", "democrats", "republicans", "conservatives", "laborite", "labourites", "cadets",
    "octobrists",
}
PARTY_PLURAL = {w for w in PARTY_WORDS if w.endswith("s")}
COPULAS = {"be", "become", "remain", "stay", "continue", "serve", "act"}
APPOINT = {"appoint", "elect", "name", "nominate", "make", "choose", "install", "designate",
            "promote", "re-elect", "reelect", "return", "confirm", "proclaim", "crown"}
JOIN = {"join", "enter", "rejoin", "enlist"}
ORG_HINT = re.compile(r"\b(party|committee|league|union|federation|international|group|association|"
                       r"council|bureau|buro|soviet|congress|executive|club|society|section|"
                       r"organi[sz]ation|opposition|cell|branch|movement|front|army|brigade|cheka|"
                       r"g\.?p\.?u|n\.?k\.?v\.?d|comintern|politburo|politbureau|presidium|parliament|"
                       r"duma|assembly|board|staff|government|cabinet|ministry|office|commission|kuomintang|guomindang|"
                       r"komsomol|secretariat)\b|\bC\.\s?C\.(?!\w)", re.I)


# Modifiers that say where an office is held ("chief economist", "our organizer", "party editor").
ATTACHING = {"chief", "general", "our", "their", "his", "her", "its", "my", "your", "party", "national",
             "city", "district", "regional", "local", "central", "state", "foreign", "official", "first",
             "acting", "principal", "labour", "union", "executive", "military", "political", "editorial",
             "divisional", "provincial", "county", "federal", "municipal", "area", "branch"}


# A school of thought ("Marxist", "Keynesian", "non-Marxist", "Mercantilist") before a profession
# describes the holder and names no body ("the Belgian Marxist economist", "one of the best-known
# Keynesian economists": judged no post in rounds 10 and 11) — unlike before an office, where
# "-ist" is a party's following ("the Stalinist spokesman", "the Bundist leader").
PROFESSIONS = {"economist"}
_SCHOOL = re.compile(r"(?:non-|austro-)?[a-z]{3,}(?:ist|ists|ian)", re.I)


def names_a_school(word: str, noun: str) -> bool:
    return noun in PROFESSIONS and bool(_SCHOOL.fullmatch(word.strip(".,")))
