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


@pytest.mark.parametrize(("text", "expected"), [
    ("The 5. 9-magnitude quake struck", "5. 9"),     # tokenised text spaces a decimal point out
    ("a magnitude-6. 0 quake", "6. 0"),
    ("in 2013. 25 people", "2013"),                 # a year then a number: two figures
    ("It rose 2.5 percent", "2.5"),
    ("home to 120 000 people", "120 000"),
])
def test_a_figure_is_read_whole_as_written(text, expected):
    import re

    from storyweave.nlp.figures import VALUE

    assert re.search(VALUE, text).group() == expected
    assert value(expected) == {"5. 9": 5.9, "6. 0": 6.0, "2013": 2013, "2.5": 2.5, "120 000": 120000}[expected]
