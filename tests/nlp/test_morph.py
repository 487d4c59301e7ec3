from __future__ import annotations

import pytest

from storyweave.nlp.morph import from_genitive, person_name


@pytest.mark.parametrize(("name", "person"), [
    ("Андрей Тяжельников", True), ("Песков", True), ("Лі", True), ("Эльвира Набиуллина", True),
    ("Директор Общества", False), ("Министры", False), ("Северная Корея", False),
])
def test_a_person_has_a_name_the_dictionary_knows_as_one_or_only_words_it_does_not_know(name, person):
    assert person_name(name) is person


@pytest.mark.parametrize(("genitive", "nominative"), [
    ("Дмитрия Пескова", "Дмитрий Песков"), ("Эльвиры Набиуллиной", "Эльвира Набиуллина"),
    ("Владимира Путина", "Владимир Путин"), ("Лі", "Лі"),
])
def test_a_name_in_the_genitive_is_put_back_into_the_nominative(genitive, nominative):
    assert from_genitive(genitive) == nominative
