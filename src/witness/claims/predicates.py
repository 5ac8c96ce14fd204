"""Trigger lexicon: which words (verbal and nominal forms) signal which predicate of claims.md.

Two views of the same lexicon:
- ``PREFILTER``: one regex over surface forms, used to pick candidate sentences cheaply before
  any parsing (it must over-match the lemma tables below, never under-match them);
- ``VERBS`` / ``NOUNS``: lemma → (predicate, role) used on the parse.  ``role`` says where the
  person stands: "patient" (the person undergoes it: *X was arrested*, *they shot X*) or
  "agent" (the person does it: *X wrote*, *X died*, *X met Y*).
"""

from __future__ import annotations

import re

PATIENT, AGENT = "patient", "agent"

VERBS: dict[str, tuple[str, str]] = {
    "arrest": ("arrested", PATIENT), "detain": ("arrested", PATIENT),
    "charge": ("charged", PATIENT), "accuse": ("charged", PATIENT), "indict": ("charged", PATIENT),
    "try": ("tried", PATIENT),
    "sentence": ("sentenced", PATIENT), "condemn": ("sentenced", PATIENT),
    "execute": ("executed", PATIENT), "shoot": ("executed", PATIENT), "spare": ("executed", PATIENT),
    "imprison": ("imprisoned", PATIENT), "jail": ("imprisoned", PATIENT), "intern": ("imprisoned", PATIENT),
    "incarcerate": ("imprisoned", PATIENT),
    "exile": ("exiled", PATIENT), "deport": ("exiled", PATIENT), "banish": ("exiled", PATIENT),
    "release": ("released", PATIENT), "free": ("released", PATIENT), "liberate": ("released", PATIENT),
    "expel": ("expelled", PATIENT),
    "rehabilitate": ("rehabilitated", PATIENT),
    "appoint": ("held_office", PATIENT), "elect": ("held_office", PATIENT),
    "name": ("held_office", PATIENT), "nominate": ("held_office", PATIENT),
    "award": ("awarded", PATIENT), "decorate": ("awarded", PATIENT),
    "write": ("wrote", AGENT), "publish": ("wrote", AGENT),
    "sign": ("signed", AGENT),
    "meet": ("met", AGENT),
    "bear": ("born", PATIENT),
    "die": ("died", AGENT), "kill": ("died", PATIENT), "murder": ("died", PATIENT),
    "assassinate": ("died", PATIENT),
    "disappear": ("disappeared", AGENT), "vanish": ("disappeared", AGENT),
}

# Nouns: the person is the "of"-object, the possessor ("X's arrest") or a compound ("the Zinoviev trial").
NOUNS: dict[str, str] = {
    "arrest": "arrested", "detention": "arrested",
    "accusation": "charged", "indictment": "charged",
    "trial": "tried",
    "execution": "executed", "shooting": "executed",
    "imprisonment": "imprisoned", "incarceration": "imprisoned",
    "exile": "exiled", "deportation": "exiled", "banishment": "exiled",
    "release": "released", "liberation": "released",
    "expulsion": "expelled",
    "rehabilitation": "rehabilitated",
    "death": "died", "murder": "died", "assassination": "died", "suicide": "died",
    "sentence": "sentenced", "internment": "imprisoned",
    "disappearance": "disappeared",
}

# Offices recognised in appositions ("Yagoda, head of the G.P.U."), as copula attributes and
# after "as" ("as head of the G.P.U.").
OFFICE_NOUNS = {
    "head", "chief", "commissar", "secretary", "chairman", "president", "director", "editor",
    "commander", "ambassador", "minister", "premier", "prosecutor", "procurator", "vice-president",
    "vice-chairman", "deputy", "envoy", "governor", "mayor", "treasurer", "organizer", "consul",
    "consul-general", "plenipotentiary", "consultant", "commissioner",
    "delegate", "director-general", "under-secretary", "attache", "attaché",
}
# Places of confinement: "X is in prison", "keeping him in jail", "his years in prison".
PRISON_NOUNS = {"prison", "jail", "gaol", "camp", "dungeon", "cell", "penitentiary", "isolator",
                "fortress", "prisons", "jails", "camps", "cells"}
# Verbs whose subject is the one confined ("X is / remains / sits in prison") …
IN_PRISON_SUBJECT = {"be", "remain", "sit", "languish", "rot", "spend", "stay", "die", "live"}
# … and whose object is ("they keep / hold / put / throw / lodge X in prison").
IN_PRISON_OBJECT = {"keep", "hold", "put", "throw", "lodge", "place", "send", "confine", "cast",
                    "shut", "lock", "detain", "transfer", "take"}
MEMBER_NOUNS = {"member"}

# "expelled from the U.S.S.R." is exile from a country, "expelled from the Party" is `expelled`.
COUNTRY_WORDS = re.compile(
    r"\b(u\.?s\.?s\.?r|soviet union|russia|country|france|germany|norway|turkey|mexico|"
    r"england|britain|italy|spain|poland|austria|switzerland|belgium|america|united states)\b", re.I)

# Surface forms for the cheap prefilter (over-matches the tables above on purpose).
PREFILTER = re.compile(
    r"\b(arrest\w*|detain\w*|detention|charg\w*|accus\w*|indict\w*|tri(?:ed|al|als)|"
    r"sentenc\w*|condemn\w*|execut\w*|shot|shoot\w*|spared?|imprison\w*|jail\w*|incarcerat\w*|"
    r"exil\w*|deport\w*|banish\w*|releas\w*|freed|liberat\w*|expel\w*|expuls\w*|rehabilit\w*|"
    r"appoint\w*|elect\w*|publish\w*|leaders?|founders?|award\w*|decorat\w*|wr(?:ote|itten|ites?|iting)|sign(?:ed|s|ing)?|"
    r"met|meet\w*|born|di(?:ed|es|e)|dying|dead|death|suicide|kill\w*|murder\w*|assassinat\w*|"
    r"disappear\w*|intern\w*|named|nominat\w*|prisons?|jails?|gaol|camps?|dungeons?|cells?|"
    r"brought|bring|consul\S*|plenipotentiary|consultant|commissioner|life|"
    r"vanish\w*|head|chief|commissars?|secretary|chairman|president|director|editor|commander|"
    r"ambassador|minister|premier|prosecutor|procurator|deputy|envoy|governor|members?|ex-members?|"
    r"delegates?|director-general|under-secretary|attach[eé]s?)\b",
    re.I)
