from __future__ import annotations

import pytest

from storyweave.nlp.glued import name_end


@pytest.mark.parametrize(("name", "kept"), [
    ("Jonathan Wright-director", "Jonathan Wright"),
    ("Zurana Horton-who", "Zurana Horton"),
    ("Bruce Smith-the", "Bruce Smith"),
    ("New Zealand-born", "New Zealand"),
    ("Wildlife Society-sent", "Wildlife Society"),
    ("Kim Jong-un", "Kim Jong-un"),
    ("Ban Ki-moon", "Ban Ki-moon"),
    ("Moon Jae-in", "Moon Jae-in"),
    ("Chiang Kai-shek", "Chiang Kai-shek"),
    ("Bashar al-Assad", "Bashar al-Assad"),
    ("Jean-Paul Sartre", "Jean-Paul Sartre"),
    ("Ростов-на-Дону", "Ростов-на-Дону"),
])
def test_a_lowercase_english_word_hyphened_to_a_name_is_taken_off_a_korean_syllable_is_not(name, kept):
    assert name[:name_end(name)] == kept
