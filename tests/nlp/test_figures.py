from __future__ import annotations

import pytest

from storyweave.nlp.figures import in_name, readings, value


@pytest.mark.parametrize(("raw", "expected"), [
    ("2,300", 2300), ("2.300", 2300), ("1,234,567", 1234567), ("1.5", 1.5), ("1,5", 1.5), ("２３００", 2300),
    ("10 000", 10000),
])
def test_a_figure_in_any_writing_convention_is_one_value(raw, expected):
    assert value(raw) == expected


def test_a_word_of_scale_adds_the_scaled_reading():
    assert readings("23", "million") == {"23", "23000000"}
    assert readings("2300", "万人") == {"2300", "23000000"}
    assert readings("1.5", "млрд") == {"1.5", "1500000000"}
    assert readings("23", "people") == {"23"}


def test_a_number_inside_a_name_is_told_from_a_quantity():
    text = "Covid-19 cases rose by 12 after the G7 summit on flight MH17, 6-foot tall."
    assert [in_name(text, text.index(n)) for n in ("19", "12", "7 summit", "17", "6-foot")] == [
        True, False, True, True, False]
