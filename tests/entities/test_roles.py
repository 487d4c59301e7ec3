"""Role phrases: a bent name next to "President ... of Belarus" is the role's holder, and only then."""

from __future__ import annotations

import re

import pytest

from storyweave.entities import load, roles


def _role(text: str, name: str):
    found = re.search(re.escape(name), text)
    return roles.find(text, found.start(), found.end(), load())


@pytest.mark.parametrize("text, name, countries", [
    ("For example, President kalushenko of Belarus was very happy.", "kalushenko", {"Q184"}),
    ("Recently the Kazakh President Toccyev bluntly said so.", "Toccyev", {"Q232"}),
    ("President of Kazakhstan Tokaev said the order rests on the Charter.", "Tokaev", {"Q232"}),
    ("Mishustin, Russia's prime minister, said prices would fall.", "Mishustin", {"Q159"}),
    ("Then President Tokaev went on to say it.", "Tokaev", set()),
])
def test_role_phrases_and_their_countries(text, name, countries):
    role = _role(text, name)
    assert role is not None and role.countries == countries


def test_a_region_is_not_a_country_of_the_role():
    assert _role("Tatarstan President Minnikhanov opened the fair.", "Minnikhanov") is None


def test_a_bent_surname_is_the_holder_of_the_role():
    kb = load()
    role = _role("For example, President kalushenko of Belarus was very happy.", "kalushenko")
    entity, score = roles.holder("kalushenko", role, set(), kb)
    assert entity.qid == "Q2866" and score >= roles.ROLE_SPELLING


def test_without_a_country_the_story_countries_stand_in():
    kb = load()
    role = _role("The president Toccyev said so.", "Toccyev")
    assert roles.holder("Toccyev", role, {"Q232"}, kb)[0].qid == "Q200881"
    assert roles.holder("Toccyev", role, {"Q30"}, kb) is None


def test_a_name_unlike_every_holder_is_not_linked():
    kb = load()
    role = _role("President Smith of Belarus arrived.", "Smith")
    assert roles.holder("Smith", role, set(), kb) is None


def test_a_role_the_kb_writes_with_the_country_and_its_article_has_holders():
    """The KB writes "President of the United States" and names the place "United States": until session 42
    the article kept such holders out of every role (the US and Chinese presidents, Britain's prime ministers)."""
    kb = load()
    role = _role("President Baiden of the United States arrived in Warsaw.", "Baiden")
    assert role is not None and role.countries == {"Q30"}
    assert roles.holder("Baiden", role, set(), kb)[0].qid == "Q6279"
    assert "Q6279" in roles.holders(roles.ROLES["president"], {"Q30"}, kb)
