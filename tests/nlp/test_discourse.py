from __future__ import annotations

import pytest

from storyweave.nlp.discourse import leans_back


@pytest.mark.parametrize(("sentence", "leans"), [
    ("However, during the forum, Tokayev stated that Kazakhstan would not recognise them.", True),
    ("Tokaev went on to say that the United Nations would have 500 to 600 members.", True),
    ("He further stated that there would not be 193 countries on the earth.", True),
    ("This makes the relationship between Russia and Kazakhstan very delicate.", True),
    ("Tokaev said that the United Nations would have 500 to 600 members.", False),
    ("Thomas suffered a setback in practice last week.", False),
    ("Theresa May said the talks would go on.", False),
])
def test_a_sentence_that_opens_on_the_one_before_leans_back(sentence, leans):
    assert leans_back(sentence, "en") is leans
    assert not leans_back(sentence, "de")
