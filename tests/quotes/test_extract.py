from __future__ import annotations

import dataclasses

import pytest

from storyweave.cluster.batch import cluster
from storyweave.model import Article, Story
from storyweave.quotes import story_quotes
from storyweave.quotes.extract import same_speaker


def _quotes(*texts):
    articles = [Article(id=f"a{i}", source_path=f"a{i}", text=text, language="en") for i, text in enumerate(texts)]
    return story_quotes(Story("s", "t", [a.id for a in articles]), {a.id: a for a in articles})


@pytest.mark.parametrize(("text", "speaker", "said"), [
    ("“We will not recognise these republics under any circumstances,” President Tokayev said on Friday.",
     "Tokayev", "We will not recognise these republics under any circumstances,"),
    ("Tokayev stressed: «The principle applies to every quasi-state entity in the region.»", "Tokayev",
     "The principle applies to every quasi-state entity in the region."),
    ("The mayor said that the bridge will stay closed until the engineers finish their checks next month.",
     "mayor", "the bridge will stay closed until the engineers finish their checks next month."),
    ("According to Holley, the actress looks forward to continuing her treatment at the new facility.",
     "Holley", "the actress looks forward to continuing her treatment at the new facility."),
])
def test_direct_and_reported_speech_with_its_speaker(text, speaker, said):
    quotes = _quotes(text)
    assert len(quotes) == 1
    assert quotes[0].text == said
    assert (quotes[0].speaker_name or "").endswith(speaker) or speaker == "mayor"


def test_a_pronoun_takes_the_last_named_speaker_and_scare_quotes_are_not_quotes():
    quotes = _quotes("President Tokayev spoke at the forum on Friday. He said that Kazakhstan would not recognise the "
                     "two republics in the east. Critics called it a \"bold move\".")
    assert [(q.speaker_name, q.variants[0].direct) for q in quotes] == [("Tokayev", False)]


def test_no_speaker_is_none_not_a_guess():
    quotes = _quotes("“This principle also applies to Lugansk and Donetsk, which are considered quasi-state entities.”")
    assert len(quotes) == 1 and quotes[0].speaker_name is None


def test_spellings_of_one_name_are_one_speaker_and_two_names_are_two():
    assert same_speaker("Tokaev", "President Tokayev") and same_speaker("Tocaev", "Tokayev")
    assert not same_speaker("Tokayev", "Putin")


def test_the_193_remark_is_one_quote_across_four_seed_articles(seed_articles):
    articles = [dataclasses.replace(a) for a in seed_articles.values()]
    story = cluster(articles)[0]
    quotes = story_quotes(story, {a.id: a for a in articles})
    remark = next(q for q in quotes if "193" in q.text)
    assert len({v.span.article_id for v in remark.variants}) == 4
    assert all("193" in v.span.text for v in remark.variants)
    assert same_speaker(remark.speaker_name, "Kassym-Jomart Tokayev")
    by_id = {a.id: a for a in articles}
    for variant in remark.variants:
        assert by_id[variant.span.article_id].text[variant.span.start:variant.span.end] == variant.span.text
