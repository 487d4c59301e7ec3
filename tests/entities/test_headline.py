"""Names in title-case headlines, re-cut by how the batch writes each word (real UCI headlines)."""

from __future__ import annotations

from storyweave.entities import entities_for, load
from storyweave.entities.headline import Casing, Known, headline_style, recut
from storyweave.entities.mentions import Mention, propagate
from storyweave.model import Article, Story
from tests.conftest import uci_story

MARRIAGE = "uci-3652"  # "Stacy Keibler has married Jared Pobre.": 128 headlines of one wedding


def test_headlines_of_one_wedding_name_the_couple_not_the_words_around_them(tmp_path):
    articles = uci_story(MARRIAGE, tmp_path)
    entities = entities_for([Story(id="s", title="t", article_ids=[a.id for a in articles])], articles, load())
    by_name = {e.name: e for e in entities}
    assert by_name["Stacy Keibler"].type == by_name["Jared Pobre"].type == "PERSON"
    assert not [e.name for e in entities if {"Marries", "Weds", "Boyfriend", "Split"} & set(e.name.split())]
    # "Stacy Keibler Has Gotten Married To ...": no headline says "gotten" otherwise, so NER's reading stands
    # there, and only there: "Married" is not found again in the other headlines
    assert [len(e.mentions) for e in entities if "Married" in e.name.split()] == [1]
    [headline] = [a for a in articles if a.text == "Stacy Keibler Marries Jared Pobre"]
    named = {e.name for e in entities for m in e.mentions if m.article_id == headline.id}
    assert {"Stacy Keibler", "Jared Pobre"} <= named


def _recut(line: str, span: str, kind: str, batch: list[str], known: dict[str, str]) -> list[tuple[str, str]] | None:
    start = line.index(span)
    parts = recut(line, start, start + len(span), kind, Casing([line, *batch]), Known(known), load())
    return None if parts is None else [(line[a:b], k) for a, b, k in parts]


def test_a_span_is_cut_at_the_words_the_batch_writes_in_lower_case():
    batch = ["Stacy Keibler has married Jared Pobre.", "The actress marries her boyfriend."]
    known = {"stacy keibler": "PERSON", "jared pobre": "PERSON"}
    line = "Ex Stacy Keibler Marries Boyfriend Jared Pobre In Mexico"
    assert _recut(line, "Ex Stacy Keibler Marries Boyfriend Jared Pobre", "ORG", batch + ["her ex"], known) == [
        ("Stacy Keibler", "PERSON"), ("Jared Pobre", "PERSON")]


def test_a_word_the_batch_never_writes_keeps_the_span_as_ner_read_it():
    line = "Stacy Keibler Has Gotten Married To Jared Pobre"
    assert _recut(line, "Gotten Married", "PERSON", ["Stacy Keibler has married Jared Pobre."], {}) is None


def test_a_known_name_holds_its_ordinary_words_and_an_ordinary_word_before_a_new_name_stays():
    batch = ["The bank of his choice is Bank of America, he said.", "Fans in red cheered the Red Sox and Teixeira."]
    known = {"bank of america": "ORG", "teixeira": "PERSON"}
    line = "Bank Of America Reports Loss"
    assert _recut(line, "Bank Of America Reports", "ORG", batch + ["its reports show a loss"], known) == [
        ("Bank Of America", "ORG")]
    line = "Red Sox Will Nab Teixeira"
    assert _recut(line, line, "ORG", batch + ["he will nab it"], known) == [("Red Sox", "ORG"), ("Teixeira", "PERSON")]


def test_a_sentence_dense_with_names_is_not_a_headline():
    assert headline_style("Stacy Keibler Breaks Hearts of Men Everywhere, Marries Jared Pobre")
    assert not headline_style("She previously served as Chair of the Federation of State Medical Boards of the "
                              "United States and as Associate Dean for Rural Health")


def test_a_name_found_again_in_capitals_or_as_written_and_not_a_word_of_a_headline():
    texts = ["Report: Red Sox offer Teixeira more", "RED SOX MAKE HUGE OFFER", "The Red Sox are pursuing Teixeira.",
             "Stacy Keibler Has Gotten Married", "Stacy Keibler Married In Mexico", "She married him in Mexico."]
    articles = [Article(id=str(i), source_path=str(i), language="en", text=t) for i, t in enumerate(texts)]
    mentions = [Mention("0", 8, 15, "Red Sox", "ORG", "Red Sox", "ner"), Mention("1", 0, 7, "RED SOX", "ORG", "RED SOX", "ner"),
                Mention("3", 18, 32, "Gotten Married", "PERSON", "Gotten Married", "ner")]
    found = {(m.article_id, m.text) for m in propagate(mentions, articles) if m.finder == "story"}
    assert ("2", "Red Sox") in found
    assert not [m for m in found if m[1] == "Married"]


def test_beside_a_known_name_a_common_word_the_batch_never_writes_is_a_word():
    """A batch of headlines may write "calls" only in title case; "Galavis" is rare in English, so it stays."""
    known = {"juan pablo": "PERSON"}
    assert _recut("Juan Pablo Calls Clare", "Juan Pablo Calls", "PERSON", [], known) == [("Juan Pablo", "PERSON")]
    assert _recut("Juan Pablo Galavis Speaks", "Juan Pablo Galavis", "PERSON", [], known) is None
    assert _recut("Pablo Calls Clare", "Pablo Calls", "PERSON", [], {}) is None
