"""The writer's own voice against reporting and reported speech."""

from __future__ import annotations

import pytest

from storyweave.claims.opinion import asserts, writers_opinion
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
    # UCI headlines: one site argued for each of two finalists, which the brief had shown as sources that differ
    ("Why Juan Pablo Galavis Should Pick Nikki Ferrell in the Bachelor 2014 Finale", True),
    ("Officials explained why the plant should close next year.", False),
    ("Why GM recalled 1.6 million cars", False),
])
def test_the_writers_stance_is_opinion_unless_the_sentence_reports_someone(sentence, opinion):
    assert _opinion(sentence, sentence) is opinion


def test_first_person_inside_a_quotation_split_by_its_attribution_is_the_speakers():
    """Quoted words are under half the sentence, but the cue is in them: speech being reported."""
    text = ("“What I feel when I see this,” said a student at the march, a scarf over his face and a "
            "placard in his hand, “is that the city belongs to us.” The march ended at noon.")
    sentence = text[:text.index(" The march")]
    assert not _opinion(text, sentence)
    assert _opinion("I feel that the city belongs to us, said no one.", "I feel that the city belongs to us, said no one.")


def test_a_quotation_continued_after_a_lost_paragraph_break_is_speech_not_commentary():
    text = ("An official said: “We have a lot of responsibility here. “We are working as fast as we can.” "
            "Services were restored on Monday.")
    assert not _opinion(text, "“We are working as fast as we can.”")


@pytest.mark.parametrize(("sentence", "opinion"), [
    ("The ministry was clearly not ready for the storm.", True),
    ("The witness could not see the shooting clearly.", False),
    ("The witness told detectives she could not see the incident clearly “from the angle I was at.”", False),
    ("Clearly, the ministry was not ready for the storm.", True),
])
def test_an_adverb_that_ends_its_clause_tells_the_manner_not_the_writers_stance(sentence, opinion):
    assert _opinion(sentence, sentence) is opinion


@pytest.mark.parametrize(("sentence", "states"), [
    ("Can you tell us what happened on the night of the fire, Chief Owen?", False),
    ("Undersea cables cut again Have you had any problems with your connection yesterday!?", False),
    ("Who would have thought the forum would end like this?", True),
    ("Can you believe it?", True),
    ("Can you imagine the outcry if the fire had been set on purpose?", True),
    ("The prosecutor asked him, “Are you going to change your answer every time you're asked?”", True),
    ("You can reroute the data through other cables, but that increases traffic.", True),
])
def test_a_question_addressed_to_you_in_the_writers_voice_asserts_nothing(sentence, states):
    """Rhetorical questions are the writer's judgement, and a question in quotation marks is reported speech."""
    assert asserts(sentence, 0, quoted(sentence)) is states
