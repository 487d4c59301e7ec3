"""The writer's own voice against reporting and reported speech."""

from __future__ import annotations

import pytest

from storyweave.claims.opinion import writers_opinion
from storyweave.nlp.marks import quoted


def _opinion(text: str, sentence: str) -> bool:
    start = text.index(sentence)
    return writers_opinion(sentence, start, start + len(sentence), quoted(text))


def test_a_judgement_inside_a_quotation_is_speech_being_reported_not_the_writers_opinion():
    quotation = ("Tokayev made a response: “Now Kazakhstan should always serve Russia. I think this is totally "
                 "unreasonable.” The forum ended on Friday.")
    assert not _opinion(quotation, "I think this is totally unreasonable.")
    assert _opinion("I think this is totally unreasonable. The forum ended.", "I think this is totally unreasonable.")


@pytest.mark.parametrize(("sentence", "opinion"), [
    ("Hopefully, Promises will help her get back on track.", True),
    ("He’s probably just pretending to be confused.", True),
    ("With prices frozen you have to wonder how the Red Sox plan on making this commitment.", True),
    ("Police said the fire was probably set on purpose.", False),
    ("The fire destroyed the store on Friday night.", False),
])
def test_the_writers_stance_is_opinion_unless_the_sentence_reports_someone(sentence, opinion):
    assert _opinion(sentence, sentence) is opinion
