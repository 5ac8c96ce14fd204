"""Whose words a sentence is, read on its surface: a source the sentence itself names.

The governing-frame walk (scope.py) reads a report from the parse: "Pravda announced that …".
These are the ways a sentence names its source that the parse does not carry to the event, each
found by the blind judgements (docs/quality-claims.md): a bracketed "[said Zinoviev]"; a source
between commas, ", says Duranty,"; a fronted "as Clarke points out,"; "if we are to believe
l'Humanité,"; a main verb of telling whose "that" clause the parse has hung elsewhere; an
account given before a colon ("the magazine gives the explanation for his departure: …"); and
hearsay or a hedge between commas, ", it is said,", ", we are told,", ", it seems,", or confirmation
said to be lacking before the event ("we have not been able to obtain confirmation that …").
"""

from __future__ import annotations

import re

from .parse import lemma as _lemma

_SPEECH_TAG = re.compile(r"\[(?:said|says|adds?|added|declared|continued|wrote|writes|replied)\s+([A-Z][\w.\- ]{1,40})\]")
# "From 1905, when Stalin first met Lenin, to the very end, says Duranty, the former …": a source
# named between commas inside the sentence tells all of it (blind judgement, round 5)
_SPEECH_ASIDE = re.compile(r",\s+(?:says|said|writes|wrote|adds|added|claims|claimed|insists|insisted|asserts|"
                           r"asserted|declares|declared)\s+((?:[A-Z][\w.\-’']+\s+){0,3}[A-Z][\w.\-’']+)\s*,")
# "But, as Clarke points out, many … including Litvinov": what follows is Clarke's (the audit)
_AS_SOURCE = re.compile(r"\b[Aa]s\s+((?:[A-Z][\w.\-’']+\s+){0,3}[A-Z][\w.\-’']+)\s+(?:has\s+|had\s+)?(?:points?|pointed|"
                        r"says|said|notes|noted|observes|observed|writes|wrote|remarks|remarked|shows|showed|"
                        r"explains|explained|reports|reported|recalls|recalled|tells\s+us|told\s+us|argues|argued)"
                        r"(?:\s+out)?\s*,")
# "If we are to believe l'Humanité …, the council of generals led by Nasution …": the rest of the
# sentence is that source's account, not the author's (the condition only withholds assent)
_IF_BELIEVE = re.compile(r"\b[Ii]f\s+(?:we|one|you)\s+(?:are|is)\s+to\s+(?:believe|credit|trust)\s+([^,;:]{2,80}?)\s*,")
_TELLING = {"inform", "tell", "report", "announce", "declare", "state", "assure", "claim", "allege", "say"}
# "The Georgian magazine Brdzolis Khma gives the explanation for his sudden departure: Stalin …
# had attempted to undermine the position of Djibladze in the organization": what follows the colon
# is the magazine's account (population round 7: an inflation)
_ACCOUNT_COLON = re.compile(
    r"^(?P<src>[^:;]{3,140}?)\s+(?:gives|gave|offers|offered|provides|provided|presents|presented)\s+"
    r"(?:the|an|a|its|his|her|their|this|following)\s+(?:[\w’'\-]+\s+){0,2}?(?:explanation|account|version|story)"
    r"\b[^:;]{0,80}:\s")
# "John Reed, it is said, once interviewed Wm. Jennings Bryan", "Petrov, we are told, was shot": hearsay
# set between commas tells the whole sentence (population round 7: an inflation; the parse hangs the
# aside on the main verb as a parenthetical, which the governing-frame walk does not read)
_HEARSAY_ASIDE = re.compile(
    r",\s+(?:so\s+)?(?:(?P<rumor>it\s+(?:is|was|has\s+been|had\s+been)\s+(?:said|rumou?red|whispered|alleged|reported|"
    r"claimed)|(?:we|I)\s+(?:are|were|am|was|have\s+been)\s+told|we\s+hear|they\s+say|people\s+say|rumou?r\s+has\s+it|"
    r"legend\s+has\s+it|according\s+to\s+rumou?r)|(?P<hedge>it\s+(?:is|was)\s+(?:believed|thought|supposed|presumed)|"
    r"it\s+(?:seems|seemed|appears|appeared)|so\s+it\s+(?:seems|seemed)))\s*[,.;]")


def surface_source(trig) -> str | None:
    """The source the trigger's sentence names for it in one of the ways above, or None."""
    text, at = trig.sent.text, trig.idx - trig.sent.start_char
    hit = _SPEECH_TAG.search(text) or _aside(text, at)
    if hit:
        return hit.group(1)
    told = _told_by_root(trig)
    if told is not None:
        return told
    account = _ACCOUNT_COLON.match(text)
    if account is not None and account.end() > at:
        account = None
    if account is None and trig.sent.start > 0:
        before = trig.doc[trig.sent.start - 1].sent.text.rstrip()      # the parser may end a sentence at the colon
        account = _ACCOUNT_COLON.match(before + " ") if before.endswith(":") else None
    if account is not None:
        return re.sub(r"^(?:The|the)\s+", "", account.group("src").strip())
    believe = _IF_BELIEVE.search(text)
    return believe.group(1) if believe and believe.end() <= at else None


# "We have not been able to obtain confirmation in the German archives that … he was condemned to
# death", "What no documents so far published have confirmed is the charges regarding talks between
# Trotsky and Hess": confirmation said to be lacking before the event (population round 7: two
# inflations, through a parse that hung the "that" clause elsewhere)
_UNCONFIRMED_BEFORE = re.compile(
    r"\b(?:no|not|never|nobody|without|cannot|can't|couldn't|unable)\b[^.;:]{0,40}?"
    r"\b(?:confirm(?:ation|ed|s)?|corroborat\w+|verif(?:y|ied|ication)|substantiat\w+)\b", re.I)


# "If I remember rightly, the secretary … was Teodorovich": the writer's own memory, hedged
# (population round 11)
_MEMORY_HEDGE = re.compile(
    r"\b(?:if|as\s+far\s+as|so\s+far\s+as)\s+I\s+(?:remember|recall|recollect)\b(?!\s+(?:that|how|what|when|him|her|it))"
    r"|\bif\s+(?:my\s+)?memory\s+serves\b|\b(?:if|unless)\s+I\s+am\s+(?:not\s+)?mistaken\b", re.I)


def hearsay(trig) -> str | None:
    """"rumored" or "uncertain" when the trigger's sentence sets hearsay or a hedge between commas
    (", it is said,", ", we are told,", ", it seems,") or says before the trigger that no one has
    confirmed it, else None."""
    text, at = trig.sent.text, trig.idx - trig.sent.start_char
    hit = _HEARSAY_ASIDE.search(text)
    # (the aside tells its own clause, not a clause inside it: "…, it is reported, … Spalone, who is a
    # member of the Communist Party")
    if hit is not None and not any(a.dep_ in ("relcl", "acl", "appos", "advcl") for a in [trig, *trig.ancestors]):
        return "rumored" if hit.group("rumor") else "uncertain"
    if _MEMORY_HEDGE.search(text):
        return "uncertain"
    lacking = _UNCONFIRMED_BEFORE.search(text, 0, at)
    return "uncertain" if lacking is not None else None


def _aside(text: str, at: int):
    """The ", says Duranty," of the sentence, unless it is the trigger's own saying ("…, writes
    Jeffrey Weeks, the historian": his writing, which he does not report); or an "as Clarke
    points out," before the trigger."""
    hit = _SPEECH_ASIDE.search(text)
    if hit and not hit.start() <= at < hit.end():
        return hit
    before = text[:at]
    if before.count("(") > before.count(")"):
        return None                                   # "(Avrich, p. 230)": the citation is the author's
    hit = _AS_SOURCE.search(text)
    return hit if hit and hit.end() <= at else None


def _told_by_root(trig) -> str | None:
    """The subject of the sentence's main verb of telling when the trigger stands in the "that"
    clause it governs — for when the parse has hung that clause elsewhere ("Federica Montseny
    informed us after our first edition was in print that …": the audit)."""
    root = trig.sent.root
    if _lemma(root) not in _TELLING or trig.i <= root.i:
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ == "PRON":
        return None
    between = trig.doc[root.i + 1:trig.i]
    if not any(t.lower_ == "that" and t.dep_ == "mark" for t in between) or any(t.text in (";", ":") for t in between):
        return None
    return " ".join(t.text for t in subj.subtree)
