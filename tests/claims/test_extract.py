from __future__ import annotations

import dataclasses

from storyweave.claims import story_claims
from storyweave.cluster.batch import cluster
from storyweave.model import Article, Story


def _seed_claims(seed_articles):
    articles = [dataclasses.replace(a) for a in seed_articles.values()]
    story = cluster(articles)[0]
    return story_claims(story, {a.id: a for a in articles}), {k: a.id for k, a in seed_articles.items()}


def test_the_193_remark_is_backed_by_four_independent_sources(seed_articles):
    claims, _ = _seed_claims(seed_articles)
    top = claims[0]
    assert top.kind == "report" and top.independent_sources == 4 and "193" in top.text
    assert len({s.article_id for s in top.support}) == 4


def test_the_writers_ironic_asides_are_opinion_and_never_corroborate(seed_articles):
    claims, ids = _seed_claims(seed_articles)
    opinions = {s.text: c for c in claims if c.kind == "opinion" for s in c.support}
    assert "Of course, Tokaev’s refusal was very artistic." in opinions
    assert any(text.startswith("However, I always feel that the questions raised by Tokaev") for text in opinions)
    assert all(c.independent_sources == 0 for c in claims if c.kind == "opinion")
    assert any(s.article_id == ids["002"] for c in opinions.values() for s in c.support)
    assert any(s.article_id == ids["004"] for c in opinions.values() for s in c.support)


def test_copies_and_declared_originals_count_once():
    text = "Officials said on Monday that the old bridge over the river will close for repairs in June."
    a = Article(id="a", source_path="a", text=text, outlet="Wire", language="en")
    b = Article(id="b", source_path="b", text=text.replace("Monday", "Monday evening"), reposted_from="Wire",
                language="en")
    c = Article(id="c", source_path="c", text=text + " ", outlet="Other", duplicate_of="a", language="en")
    claims = story_claims(Story("s", "t", ["a", "b", "c"]), {x.id: x for x in (a, b, c)})
    assert claims[0].independent_sources == 1
    assert {s.article_id for s in claims[0].support} == {"a", "b"}


def test_the_same_statement_with_another_number_contradicts(disputed_reports):
    claims = story_claims(Story("s", "t", ["a", "b"]), {a.id: a for a in disputed_reports})
    injured = [c for c in claims if "injured" in c.text]
    assert len(injured) == 2 and all(len(c.contradict) == 1 for c in injured)
    shared = next(c for c in claims if "burned for several hours" in c.text)
    assert shared.independent_sources == 2 and not shared.contradict
