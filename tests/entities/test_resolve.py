"""Each resolution rule on small real sentences, the never-merge cases, and the seeds."""

from __future__ import annotations

import pytest

from storyweave.entities import entities_for, load
from storyweave.model import Article, Story


def _entities(*texts: str):
    articles = [Article(id=f"a{i}", source_path=f"a{i}", language="en", text=t) for i, t in enumerate(texts)]
    story = Story(id="s", title="t", article_ids=[a.id for a in articles])
    return entities_for([story], articles, load())


def _by_name(entities):
    return {e.name: e for e in entities}


def _holding(entities, text):
    return [e for e in entities if any(m.text == text for m in e.mentions)]


def test_spelling_variants_across_articles_are_one_linked_person():
    found = _entities("President Tokayev of Kazakhstan spoke in Astana on Friday.",
                      "Kazakhstan's leader Tokaev said the country would not recognise the republics.")
    [tokayev] = _holding(found, "Tokaev")
    assert tokayev.kb_id == "Q200881" and {m.text for m in tokayev.mentions} == {"Tokayev", "Tokaev"}
    assert tokayev.name == "Kassym-Jomart Tokayev"


def test_surname_alone_joins_the_full_name():
    found = _entities("Vladimir Putin met the delegation in Moscow. Later Putin told reporters he was pleased.")
    [putin] = _holding(found, "Putin")
    assert {m.text for m in putin.mentions} == {"Vladimir Putin", "Putin"} and putin.kb_id == "Q7747"


def test_lower_cased_organisation_and_its_acronym():
    found = _entities("Kazakhstan is a member of the collective security organization led by Moscow.",
                      "Troops of the CSTO arrived in Almaty in January.")
    [csto] = _holding(found, "CSTO")
    assert csto.kb_id == "Q318693" and csto.type == "ORG"
    assert "collective security organization" in {m.text for m in csto.mentions}


def test_hashtag_and_run_together_names():
    found = _entities("Crowds gathered as #VladimirPutin trended and the Kremlin said nothing.")
    [putin] = _holding(found, "#VladimirPutin")
    assert putin.kb_id == "Q7747"


def test_a_garbled_place_joins_its_partner_by_coordination():
    found = _entities("Russia recognised Lugansk and Donetsk as independent states in February.",
                      "Kazakhstan will not recognise Lugusk and Donetsk, its president said.",
                      "The status of Rougusk and Donetsk divides Russia's neighbours.")
    [luhansk] = _holding(found, "Lugusk")
    assert {m.text for m in luhansk.mentions} == {"Lugansk", "Lugusk", "Rougusk"}
    assert luhansk.type == "GPE" and luhansk.kb_id == "Q134279"
    assert {e.rule for e in luhansk.evidence} >= {"retyped", "coordination"}


@pytest.mark.parametrize("text,a,b", [
    ("Iran and Iraq signed a border agreement on Monday.", "Iran", "Iraq"),
    ("Austria and Australia played a friendly match in Vienna.", "Austria", "Australia"),
    ("Niger and Nigeria closed their shared border after the coup.", "Niger", "Nigeria"),
    ("Dmitry Medvedev and Dmitry Peskov spoke after the meeting.", "Dmitry Medvedev", "Dmitry Peskov"),
])
def test_never_merge_two_different_real_entities(text, a, b):
    found = _entities(text)
    first, second = _holding(found, a), _holding(found, b)
    assert first and second and first[0].id != second[0].id


def test_never_merge_a_person_with_a_place():
    found = _entities("Georgia Meloni met officials in Georgia last week.",
                      "Later Georgia Meloni flew home from Tbilisi, the capital of Georgia.")
    places = [e for e in found if e.kb_id == "Q230"]
    assert places and all(m.text == "Georgia" for m in places[0].mentions)


def test_unknown_names_stay_unlinked():
    found = _entities("Local farmer Bazarbek Oskenbayuly said the harvest in Zhanatalap was poor this year.")
    [farmer] = _holding(found, "Bazarbek Oskenbayuly")
    assert farmer.kb_id is None


def test_seed_story_entities(seed_articles):
    articles = list(seed_articles.values())
    story = Story(id="seeds", title="t", article_ids=[a.id for a in articles])
    found = entities_for([story], articles, load())
    people = {e.kb_id: e for e in found if e.type == "PERSON" and e.kb_id}
    tokayev = people["Q200881"]
    assert {m.text for m in tokayev.mentions} >= {"Tokayev", "Tokaev", "Tocaev", "Toccyev", "Takayev"}
    assert {m.article_id for m in tokayev.mentions} == {a.id for a in articles}
    assert not [e for e in found if e is not tokayev and {"Tokayev", "Tokaev"} & {m.text for m in e.mentions}]
    assert len([e for e in found if any("Putin" in m.text for m in e.mentions)]) == 1
    assert people["Q7747"].name == "Vladimir Putin"
    luhansk = [e for e in found if {"Lugansk", "Lugusk"} & {m.text for m in e.mentions}]
    donetsk = [e for e in found if {"Donetsk", "Donedsk"} & {m.text for m in e.mentions}]
    assert len(luhansk) == 1 and len(donetsk) == 1
    assert {"Donetsk", "Donedsk"} <= {m.text for m in donetsk[0].mentions}
    [csto] = [e for e in found if e.kb_id == "Q318693"]
    assert csto.type == "ORG" and all(m.text.lower() == "collective security organization" for m in csto.mentions)
    for entity in found:
        for span in entity.mentions:
            assert seed_articles[[k for k, a in seed_articles.items() if a.id == span.article_id][0]].text[
                span.start:span.end] == span.text
