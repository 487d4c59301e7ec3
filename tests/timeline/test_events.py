"""Timeline entries: one per dated event, citing the sentence, stated by the clause that dates it."""

from __future__ import annotations

from storyweave.model import Article, Story
from storyweave.timeline.events import story_timeline


def test_a_sentence_dating_several_events_gives_each_entry_its_own_clause_and_cites_the_sentence():
    sentence = ("The television personality hosted the 79th Academy Awards in 2007, becoming only the second woman "
                "to host the ceremony solo, following Whoopi Goldberg's four stints in 1994, 1996, 1999 and 2002.")
    text = sentence + " She also hosted the Emmys in 2001."
    article = Article(id="a", source_path="a", text=text, language="en", published="2013-08-02")
    timeline = {event.date: event for event in story_timeline(Story("s", "t", ["a"]), {"a": article})}
    assert timeline["2007"].text == "The television personality hosted the 79th Academy Awards in 2007…"
    assert timeline["1994"].text == "…following Whoopi Goldberg's four stints in 1994, 1996, 1999 and 2002."
    assert timeline["2001"].text == "She also hosted the Emmys in 2001."
    assert [source.text for source in timeline["1994"].sources] == [sentence]
