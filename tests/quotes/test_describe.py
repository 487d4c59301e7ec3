"""Who says what no one named says, as the article writes it (sentences from ECB+ dev articles)."""

from __future__ import annotations

from storyweave.model import Quote
from tests.quotes.stories import in_order, multilingual, quotes_of


def _said_by(quote: Quote) -> str | None:
    return quote.speaker_description.text if quote.speaker_description else None


def test_the_subject_of_the_speech_verb_beside_a_statement_says_who_without_a_name():
    quotes = in_order(quotes_of(
        "Some of the pellets hit the victims and some did not, police said. "
        "“The sailors on Gibe were exchanging small arms fire with the pirates. On spotting the armed Chetak "
        "hovering overhead, the pirate boats broke off their attack,” said an officer. "
        "The Egyptian communications ministry said that ships have already been dispatched to look at the problem. "
        "“The facade has changed but the foundations remain the same,” said a Western diplomat, who requested "
        "anonymity."))
    assert [(q.speaker_name, _said_by(q)) for q in quotes] == [
        (None, "police"), (None, "an officer"), (None, "The Egyptian communications ministry"),
        (None, "a Western diplomat")]


def test_the_description_is_a_span_of_the_article_and_a_named_or_pronoun_speaker_gets_none():
    text = ("“This is a sad day for the Kraft Foods family,” the company said in a statement. "
            "“They drive reckless around here all the time,” Mayor Ann Lee said. "
            "He said the plant would stay closed for the rest of the week and reopen on Monday.")
    quotes = in_order(quotes_of(text))
    span = quotes[0].speaker_description
    assert text[span.start:span.end] == span.text == "the company"
    assert quotes[0].to_dict()["speaker"]["description"] == span.to_dict()
    assert Quote.from_dict(quotes[0].to_dict()).speaker_description == span
    assert (quotes[1].speaker_name, _said_by(quotes[1])) == ("Ann Lee", None)
    assert _said_by(quotes[2]) is None, "“he” without a name says nothing of who"


def test_a_verb_that_does_not_govern_the_quotation_does_not_describe_its_speaker():
    quotes = quotes_of("Jurors heard her daughter screaming, “Mommy, mommy, I got hit. Something hit me in my back”, "
                       "while her mother told her to stop talking.")
    assert [_said_by(q) for q in quotes] == [None]


def test_only_english_is_read():
    quotes = multilingual(("«Мы продолжим расследование этого дела до конца», — сообщили в полиции города.", "ru"))
    assert quotes and all(q.speaker_description is None for q in quotes)
