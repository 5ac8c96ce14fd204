"""The features of a trained check on the claims (claims/vetting.py): computed only when asked,
and saying how the rules made each claim."""

from __future__ import annotations


def _claims(nlp, text, people, **kw):
    from witness.claims import extract_claims_many
    from witness.claims.gold import make_document
    return extract_claims_many([make_document(text, people, "1950")], nlp=nlp, **kw)[0]


TEXT = "Trotsky’s book was banned in 1929. He was arrested by the police."
PEOPLE = {"Trotsky": "trotsky"}


def test_features_are_kept_only_when_asked(nlp):
    plain = _claims(nlp, TEXT, PEOPLE)
    asked = _claims(nlp, TEXT, PEOPLE, features=True)
    assert [(c.subject, c.predicate, c.certainty) for c in plain] == [(c.subject, c.predicate, c.certainty) for c in asked]
    assert all(getattr(c, "_vet", None) is None for c in plain)
    assert all(getattr(c, "_vet", None) for c in asked)


def test_features_say_which_rule_made_the_claim_and_through_what(nlp):
    by_pred = {c.predicate: c._vet for c in _claims(nlp, TEXT, PEOPLE, features=True)}
    wrote, arrested = by_pred["wrote"], by_pred["arrested"]
    assert "r=_work_noun" in wrote and "tl=wrote|book" in wrote and "presupposed" in wrote
    assert "pdep=poss" in wrote and "pronoun" not in wrote
    # the arrest rests on a pronoun resolved to Trotsky: the feature a wrong person often has
    assert "pronoun" in arrested and "pdep=nsubjpass" in arrested and "c=asserted" in arrested
    assert not any(k.startswith("r=_work_noun") for k in arrested)
