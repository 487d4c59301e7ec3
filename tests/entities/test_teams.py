"""A place named for its sports team, on ECB+ dev reports, and the same words outside sport."""

from __future__ import annotations

import pytest

from storyweave.entities import entities_for, load
from storyweave.entities.teams import sports_story, stands_for_team
from storyweave.model import Story
from tests.conftest import ecbplus_articles, wmt_versions

COLTS = ("29_10ecbplus", "29_12ecbplus", "29_1ecbplus")


@pytest.mark.parametrize("sentence,name,team", [
    ("Indianapolis (11-4) took its first lead of the game.", "Indianapolis", True),
    ("Tyler Hansbrough scored 20 points to help top-ranked North Carolina beat Evansville 91-73.",
     "North Carolina", True),
    ("He was hurt in an overtime loss to Atlanta in Week 3, then missed nine games.", "Atlanta", True),
    ("It's going to be a lot harder for the New Orleans offense to stay balanced.", "New Orleans", True),
    ("The Colts will face the Houston Texans at home in Indianapolis for their final game.", "Indianapolis", False),
    ("Bush finished his third season in New Orleans with just 404 yards and two touchdowns.", "New Orleans", False),
    ("Niyazov, who ruled Turkmenistan for two decades until his death, built the palace.", "Turkmenistan", False),
])
def test_a_name_written_as_a_team(sentence, name, team):
    start = sentence.index(name)
    assert stands_for_team(sentence, start, start + len(name)) is team


def test_only_sports_reports_make_a_sports_story(seed_articles):
    assert sports_story(ecbplus_articles(*COLTS))
    assert not sports_story(list(seed_articles.values()))
    assert sports_story(ecbplus_articles(*(f"5_{n}ecbplus" for n in range(1, 11))))  # a coach's firing, short notes
    assert not sports_story(ecbplus_articles("13_9ecbplus"))
    assert not sports_story([a for a in wmt_versions("wmt22:argumenti.ru.30890") if a.language == "en"])


def test_a_city_named_for_its_team_in_a_sports_story_is_the_team():
    articles = ecbplus_articles(*COLTS)
    found = entities_for([Story(id="s", title="t", article_ids=list(COLTS))], articles, load())
    [indianapolis] = [e for e in found if e.name == "Indianapolis"]
    assert indianapolis.kb_id is None and indianapolis.type == "ORG"
    assert any(ev.rule == "unlinked" and "sports team" in ev.detail for ev in indianapolis.evidence)


def test_an_acronym_in_a_sports_story_is_a_league_not_an_organisation_of_the_kb():
    """ECB+ dev: the NBA of the 76ers' coach's firing is no Niger Basin Authority; outside sport the same
    rule leaves an organisation's acronym linked."""
    ids = tuple(f"5_{n}ecb" for n in range(1, 6))
    found = entities_for([Story(id="s", title="t", article_ids=list(ids))], ecbplus_articles(*ids), load())
    nba = [e for e in found if any(m.text == "NBA" for m in e.mentions)]
    assert nba and all(e.kb_id is None for e in nba)
    assert any(ev.rule == "unlinked" and "sports story" in ev.detail for e in nba for ev in e.evidence)
    loans = ("8_1ecbplus", "8_2ecbplus", "8_3ecbplus")
    found = entities_for([Story(id="s", title="t", article_ids=list(loans))], ecbplus_articles(*loans), load())
    assert {e.kb_id for e in found if any(m.text == "IMF" for m in e.mentions)} == {"Q7804"}


def test_one_sports_term_however_written():
    """"free agent", "free-agent" and "free agents" are one term: three spellings are no sports story."""
    from storyweave.model import Article

    article = Article(id="a", source_path="a", text="A free agent, a free-agent deal and free agents in general.")
    assert not sports_story([article])
    article.text += " The first baseman hit 30 home runs."
    assert sports_story([article])
