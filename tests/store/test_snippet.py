from __future__ import annotations

from storyweave.model import Article
from storyweave.store.snippet import FTS_SNIPPET_CHARS, snippet


def test_the_snippet_shows_the_words_around_the_first_hit_in_brackets():
    text = "Rain fell all week. " * 50 + "Then the Dnipro dam broke and the dnipro flooded the town. " + "More rain. " * 50
    shown = snippet(text, ["Dnipro"])
    assert shown == "… week. Then the [Dnipro] dam broke and the [dnipro] flooded the town. …"


def test_a_text_without_the_word_shows_its_opening():
    assert snippet("Only a headline here", ["Dnipro"]) == "Only a headline here"
    assert snippet("one two three four five six seven eight nine ten eleven twelve thirteen", ["x"]) == (
        "one two three four five six seven eight nine ten eleven twelve …")


def test_search_in_a_long_text_that_repeats_the_word_gives_a_short_snippet(fresh_store):
    long_text = "The cat sat on the mat and the cat slept. " * (FTS_SNIPPET_CHARS // 40)
    fresh_store.add([
        Article(id="long", source_path="long.txt", text=long_text, title="Cats", language="en"),
        Article(id="short", source_path="short.txt", text="A cat was rescued from a tree on Monday.", title="Tree",
                language="en")])
    hits = {aid: shown for aid, _, shown in fresh_store.search("cat")}
    assert set(hits) == {"long", "short"}
    assert hits["long"] == "The [cat] sat on the mat and the [cat] slept. The [cat] …"
    assert hits["short"] == "A [cat] was rescued from a tree on Monday."
