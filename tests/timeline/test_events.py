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


def test_dates_joined_by_and_each_get_the_clause_between_the_conjunctions():
    sentence = ("The Navy rushed its frigate INS Tabar, which was deployed to the Gulf of Aden on November 2 and since "
                "then it rescued an Indian vessel and a Saudi cargo ship on November 11 and also sank a pirate mother "
                "ship on November 19.")
    article = Article(id="a", source_path="a", text=sentence, language="en", published="2008-11-26")
    timeline = {event.date: event.text for event in story_timeline(Story("s", "t", ["a"]), {"a": article})}
    assert timeline == {
        "2008-11-02": "…which was deployed to the Gulf of Aden on November 2…",
        "2008-11-11": "…since then it rescued an Indian vessel and a Saudi cargo ship on November 11…",
        "2008-11-19": "…also sank a pirate mother ship on November 19.",
    }


def test_a_time_the_sentence_names_without_a_resolvable_date_still_parts_its_clauses():
    sentence = ("It was in November that the government authorized the navy to pursue pirates into the waters of "
                "Somalia, which has not had a functioning government since 1991.")
    article = Article(id="a", source_path="a", text=sentence, language="en")
    [event] = story_timeline(Story("s", "t", ["a"]), {"a": article})
    assert (event.date, event.text) == ("1991", "…which has not had a functioning government since 1991.")
    assert event.sources[0].text == sentence


def test_a_clause_of_time_words_alone_is_read_with_the_next():
    sentence = ("Just in April this year, a Russian TV host claimed that Kazakhstan would face the same fate as "
                "Ukraine.")
    article = Article(id="a", source_path="a", text=sentence, language="en", published="2022-06-20")
    timeline = {event.date: event.text for event in story_timeline(Story("s", "t", ["a"]), {"a": article})}
    assert timeline["2022-04"] == sentence
