"""Inflation matrix: every predicate construction under every frame kind (negation, modals, plans,
questions, conditions, rumours, demands, fears, denials, hedges, parentheses, …) on sentences
written for it, and whether any claim comes out asserted or confirmed — which none should.

    python bench/claims_frames_matrix.py          # a table per family; -v lists the sentences

Written after a matrix like this found inflations no corpus page had shown the rules
("hoped for his release": the model's lemmatizer reads "hop"; "never served as ambassador";
"Was Petrov ever a member of the party?").  The cases it found are tests (tests/test_claims.py,
NEVER_A_FACT); this bench re-checks the whole matrix (a few hundred sentences, about a minute).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from witness.claims import extract_claims, get_parser  # noqa: E402
from witness.claims.gold import make_document  # noqa: E402

P = {"Petrov": "petrov", "Ivanov": "ivanov"}


def _ing(v: str) -> str:
    """The -ing form of the matrix's verbs ("shoot" → "shooting", "release" → "releasing", "expel" → "expelling")."""
    if v.endswith("e") and not v.endswith("ee"):
        return v[:-1] + "ing"
    if v == "expel":
        return v + v[-1] + "ing"
    return v + "ing"
FACT = ("asserted", "confirmed")
# (1) a verb, its past, its state and its perfect under sentence frames
FRAMES = {
 "neg": ["Petrov was never {pp}.", "Petrov did not {v}.", "It is not true that Petrov {past}."],
 "modal": ["Petrov would have {pp2}.", "Petrov might {v}.", "Petrov could have {pp2}."],
 "plan": ["Petrov planned to {v}.", "They plotted to make Petrov {v}.", "Petrov tried to {v}."],
 "question": ["Did Petrov {v}?", "Was Petrov ever {pp}?"],
 "cond": ["If Petrov {past}, all would be lost.", "Had Petrov {pp2}, all would be lost."],
 "rumor": ["It is rumored that Petrov {past}.", "Petrov is said to have {pp2}."],
}
CONSTRUCTIONS = [  # (v, past, pp (passive/state), pp2 (perfect))
 ("join the party", "joined the party", "a member of the party", "joined the party"),
 ("serve as ambassador", "served as ambassador", "ambassador to Italy", "served as ambassador"),
 ("write a book", "wrote a book", "the author of a book", "written a book"),
 ("meet Ivanov", "met Ivanov", "acquainted with Ivanov", "met Ivanov"),
 ("be arrested", "was arrested", "arrested", "been arrested"),
 ("be shot", "was shot", "shot", "been shot"),
 ("die", "died", "dead", "died"),
 ("become secretary of the party", "became secretary of the party", "secretary of the party", "become secretary of the party"),
 ("be elected to the Central Committee", "was elected to the Central Committee", "elected to the Central Committee", "been elected to the Central Committee"),
 ("be expelled from the party", "was expelled from the party", "expelled from the party", "been expelled from the party"),
 ("be exiled to Siberia", "was exiled to Siberia", "in exile in Siberia", "been exiled to Siberia"),
 ("be imprisoned", "was imprisoned", "in prison", "been imprisoned"),
 ("sign the appeal", "signed the appeal", "a signatory of the appeal", "signed the appeal"),
 ("be released", "was released", "released", "been released"),
 ("head the GPU", "headed the GPU", "head of the GPU", "headed the GPU"),
 ("lead the party", "led the party", "the leader of the party", "led the party"),
]
# (2) event nouns under noun-taking frames (ungrammatical "There was no Petrov's …" left out)
NOUNS = ["the arrest of Petrov", "Petrov's execution", "the release of Petrov", "Petrov's expulsion from the party",
         "Petrov's election as secretary", "Petrov's appointment as ambassador", "the deportation of Petrov",
         "Petrov's trial", "Petrov's rehabilitation", "the murder of Petrov", "Petrov's imprisonment",
         "Petrov's admission to the party", "Petrov's meeting with Ivanov"]
NOUN_FRAMES = ["They demanded {n}.", "They called for {n}.", "The plot aimed at {n}.", "They feared {n}.",
          "They denied {n}.", "There was no {n2}.", "{N} never took place.", "{N} was prevented.",
          "{N} was planned for May.", "{N} would follow.", "{N} is expected soon.", "Rumors of {n} spread.",
          "The newspapers reported {n}.", "They threatened {n}.", "They prepared {n}.", "They postponed {n}.",
          "If {n} happens, we will protest.", "{N} was a lie.", "They tried to prevent {n}.",
          "They campaigned against {n}.", "Nobody believed in {n}.", "{N} is unlikely.", "They hoped for {n}.",
          # from the population judgements of 7 December 2026
          "The fight for {n} goes on.", "The struggle for {n} continues.", "Instead of {n}, they chose exile."]
# (3) verbs under infinitive, modal, adverbial and parenthetical frames
VERBS = [("arrest", "arrested"), ("shoot", "shot"), ("expel", "expelled"), ("release", "released"), ("exile", "exiled"),
         ("imprison", "imprisoned"), ("try", "tried"), ("sentence", "sentenced"), ("execute", "executed"),
         ("rehabilitate", "rehabilitated"), ("elect", "elected"), ("deport", "deported")]
VERB_FRAMES = ["They refused to {v} Petrov.", "They failed to {v} Petrov.", "They were about to {v} Petrov.",
     "Petrov was to be {pp}.", "Stalin ordered them to {v} Petrov.", "They sought to {v} Petrov.",
     "Petrov would be {pp}.", "They went to Moscow in order to {v} Petrov.", "Petrov was almost {pp}.",
     "Petrov was nearly {pp}.", "Petrov narrowly escaped being {pp}.", "Petrov escaped being {pp}.",
     "Petrov risked being {pp}.", "Petrov feared being {pp}.", "Petrov expected to be {pp}.",
     "Petrov was threatened with being {pp}.", "Petrov asked to be {pp}.", "Petrov demanded to be {pp}.",
     "Petrov deserved to be {pp}.", "Petrov ought to be {pp}.", "Petrov should have been {pp}.",
     "Petrov must be {pp}.", "Petrov is likely to be {pp}.", "Petrov is unlikely to be {pp}.",
     "Petrov has yet to be {pp}.", "Petrov was never going to be {pp}.", "Petrov was not {pp} until 1937.",
     "Why was Petrov {pp}?", "Nobody knows if Petrov was {pp}.", "Perhaps Petrov was {pp}.",
     "Petrov was allegedly {pp}.", "Petrov was reportedly {pp}.", "Petrov was supposedly {pp}.",
     "Petrov was probably {pp}.", "It seems that Petrov was {pp}.", "Petrov seems to have been {pp}.",
     "There is talk that Petrov will be {pp}.", "Petrov was wrongly said to have been {pp}.",
     "It is false that Petrov was {pp}.", "Petrov denies that he was {pp}.", "Petrov was not, as claimed, {pp}.",
     "The order to {v} Petrov was given.", "The decision to {v} Petrov was taken.", "A proposal to {v} Petrov failed.",
     "Instead of being {pp}, Petrov fled.", "Rather than being {pp}, Petrov fled.", "Without being {pp}, Petrov left.",
     "Before being {pp}, Petrov wrote a letter.", "Petrov wished to be {pp}.", "Petrov pretended to be {pp}."]


# what was done instead of the event (population judgement, 7 December 2026: "Instead of indicting Chiang")
NOT_DONE_FRAMES = ["Instead of {ving} Petrov, they praised him.", "Rather than {ving} Petrov, they praised him."]
# coordinated verbs: the frame of the first is the second's too (population judgement, round 5:
# "Probably even Stalin would have to be sacrificed and hanged" had been an asserted execution)
PAIRS = [("arrest", "arrested", "shoot", "shot"), ("try", "tried", "sentence", "sentenced"),
         ("expel", "expelled", "exile", "exiled"), ("arrest", "arrested", "imprison", "imprisoned"),
         ("try", "tried", "execute", "executed"), ("release", "released", "rehabilitate", "rehabilitated"),
         ("arrest", "arrested", "deport", "deported")]
COORDINATED_FRAMES = ["Petrov would be {pp} and {pp2}.", "Petrov might be {pp} and {pp2}.", "Petrov could be {pp} and {pp2}.",
     "Petrov would have to be {pp} and {pp2}.", "Petrov was to be {pp} and {pp2}.", "Petrov will be {pp} and {pp2}.",
     "Petrov should be {pp} and {pp2}.", "Petrov may have been {pp} and {pp2}.", "They planned to {v} and {v2} Petrov.",
     "They would {v} and {v2} Petrov.", "They might {v} Petrov and {v2} him.", "Was Petrov {pp} and {pp2}?",
     "Petrov was never {pp} or {pp2}.", "Petrov was not {pp} and {pp2}.", "If Petrov was {pp} and {pp2}, all would be lost.",
     "They hoped Petrov would be {pp} and {pp2}.", "Perhaps Petrov was {pp} and {pp2}.", "Petrov was probably {pp} and {pp2}.",
     "It is rumored that Petrov was {pp} and {pp2}.", "They demanded that Petrov be {pp} and {pp2}."]
# frames under which an asserted claim of the event is right, or of another event in the sentence
_FINE = ("until 1937", "Instead of", "Rather than", "Before being", "There was no Petrov's")


def sentences():
    for fk, templates in FRAMES.items():
        for t in templates:
            for v, past, pp, pp2 in CONSTRUCTIONS:
                yield "verbs: " + fk, t.format(v=v, past=past, pp=pp, pp2=pp2)
    for f in NOUN_FRAMES:
        for n in NOUNS:
            n2 = n.replace("the ", "", 1) if n.startswith("the ") else n
            s = f.format(n=n, N=n[0].upper() + n[1:], n2=n2)
            if "Petrov's" in n2 and f.startswith("There was no"):
                continue
            yield "event nouns", s
    for t in VERB_FRAMES:
        for v, pp in VERBS:
            s = t.format(v=v, pp=pp, ving=_ing(v))
            if not any(x in s for x in _FINE):
                yield "infinitives, modals, adverbs", s
    for t in COORDINATED_FRAMES:
        for v, pp, v2, pp2 in PAIRS:
            yield "coordinated verbs", t.format(v=v, pp=pp, v2=v2, pp2=pp2)
    for t in NOT_DONE_FRAMES:
        for v, _pp in VERBS:
            yield "instead of, rather than", t.format(v=v, ving=_ing(v))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list the sentences with a fact")
    a = ap.parse_args(argv)
    nlp = get_parser()
    counts: dict[str, list[int]] = {}
    bad = []
    for family, s in sentences():
        cs = extract_claims(make_document(s, P, "1950"), nlp=nlp)
        facts = [(c.predicate, c.certainty) for c in cs if c.subject == "petrov" and c.certainty in FACT]
        row = counts.setdefault(family, [0, 0])
        row[0] += 1
        row[1] += bool(facts)
        if facts:
            bad.append((s, facts))
    print("| family | sentences | with an asserted or confirmed claim |")
    print("|---|---|---|")
    for family, (n, k) in counts.items():
        print(f"| {family} | {n} | {k} |")
    if a.verbose:
        for s, facts in bad:
            print(s, facts)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
