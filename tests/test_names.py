"""Name machinery: transliteration systems, keys, phonetic keys, fuzzy similarity."""

from __future__ import annotations

import pytest

from witness.authority.names import (FUZZY_THRESHOLD, cyrillic_to_latin, gender_compatible,
                                     given_key, name_key, phonetic_keys, similarity, slug,
                                     transliterations)


@pytest.mark.parametrize("system,expected", [
    ("bgn", "Rakovskiy"), ("lc", "Rakovskii"), ("iso9", "Rakovskij"),
    ("de", "Rakowski"), ("fr", "Rakovski"),
])
def test_rakovsky_per_system(system, expected):
    assert cyrillic_to_latin("Раковский", system) == expected


@pytest.mark.parametrize("cyr,system,expected", [
    ("Ягода", "bgn", "Yagoda"), ("Ягода", "de", "Jagoda"), ("Ягода", "fr", "Iagoda"),
    ("Ягода", "lc", "Iagoda"), ("Ягода", "iso9", "Âgoda"),
    ("Зиновьев", "bgn", "Zinovyev"), ("Зиновьев", "de", "Sinowjew"), ("Зиновьев", "fr", "Zinoviev"),
    ("Ежов", "bgn", "Yezhov"), ("Ежов", "de", "Jeschow"), ("Ежов", "fr", "Iejov"), ("Ежов", "iso9", "Ežov"),
    ("Чичерин", "de", "Tschitscherin"), ("Чичерин", "fr", "Tchitcherin"), ("Чичерин", "iso9", "Čičerin"),
    ("Щербаков", "bgn", "Shcherbakov"), ("Щербаков", "de", "Schtscherbakow"),
    ("Бухарин", "fr", "Boukharin"), ("Бухарин", "de", "Bucharin"),
    ("Христиан Георгиевич Раковский", "lc", "Khristian Georgievich Rakovskii"),
])
def test_transliteration_table(cyr, system, expected):
    assert cyrillic_to_latin(cyr, system) == expected


def test_all_caps_and_passthrough():
    assert cyrillic_to_latin("ЩУКИН", "bgn") == "SHCHUKIN"
    assert cyrillic_to_latin("Trotsky (Троцкий)", "bgn") == "Trotsky (Trotskiy)"


def test_unknown_system_rejected():
    with pytest.raises(ValueError):
        cyrillic_to_latin("Ленин", "xx")


def test_transliterations_cover_all_systems():
    forms = transliterations("Раковский")
    for f in ("Rakovskiy", "Rakovskii", "Rakovskij", "Rakowski", "Rakovski"):
        assert f in forms


@pytest.mark.parametrize("group", [
    ["Rakowsky", "Rakovsky", "Rakovskii", "Rakovskij", "Rakovskiy", "Rakowski", "Раковский"],
    ["Yagoda", "Jagoda", "Iagoda", "Ягода"],
    ["Zinoviev", "Zinovyev", "Zinovieff", "Зиновьев"],
    ["Kamenev", "Kamenew", "Kameneff", "Каменев"],
    ["Pyatakov", "Piatakov", "Pjatakow", "Piatakoff"],
    ["Serebryakov", "Serebriakov", "Serebrjakow", "Serebriakoff"],
    ["Trotsky", "Trotzky", "Trotzki", "Trotskii", "Trockij"],
    ["Chicherin", "Tchitcherin", "Tschitscherin"],
    ["Yezhov", "Jeschow", "Ежов"],
])
def test_name_key_groups(group):
    keys = {name_key(g) for g in group}
    assert len(keys) == 1, keys


def test_name_key_keeps_different_names_apart():
    assert name_key("Smirnov") != name_key("Smirnova")
    assert name_key("Serebryakov") != name_key("Serebryakova")
    assert name_key("Radek") != name_key("Rudzutak")
    assert name_key("Kamenev") != name_key("Kamenskii")


@pytest.mark.parametrize("group", [
    ["Rakowsky", "Rakovsky", "Rakovskii", "Rakovskij"],
    ["Yagoda", "Jagoda", "Iagoda"],
    ["Zinoviev", "Sinowjew"],
])
def test_phonetic_groups(group):
    common = set.intersection(*(set(phonetic_keys(g)) for g in group))
    assert common, [phonetic_keys(g) for g in group]


def test_gender_guard():
    assert not gender_compatible("smirnov", "smirnova")
    assert not gender_compatible("serebryakova", "serebryakov")
    assert gender_compatible("yagoda", "yagoda")
    assert gender_compatible("rakovski", "rakovsk")


def test_similarity():
    assert similarity("Rakowsky", "Rakovskii") == 1.0
    assert similarity("Tukhachevsky", "Tukhatchevsky") >= FUZZY_THRESHOLD
    assert similarity("Radek", "Rudzutak") < FUZZY_THRESHOLD
    assert similarity("", "Radek") == 0.0


def test_given_names_translate():
    assert given_key("Henry") == given_key("Genrikh") == given_key("Heinrich")
    assert given_key("Leon") == given_key("Lev")
    assert given_key("Ivan") != given_key("Vladimir")


def test_slug():
    assert slug("Андрес Нин") == "andres-nin"
    assert slug("Joaquín Maurín") == "joaquin-maurin"
