"""Given names' gender, from the table derived from nomquamgender, and Cyrillic names from the dictionary."""

from __future__ import annotations

import gzip
import json

import pytest

from storyweave.nlp import given_names
from storyweave.nlp.given_names import FEMALE, MALE, gender


@pytest.mark.parametrize(("name", "expected"), [
    ("Bettie", FEMALE), ("Ilene", FEMALE), ("Zoë", FEMALE), ("Annalena", FEMALE), ("Мария", FEMALE),
    ("Hugh", MALE), ("Dave", MALE), ("Olaf", MALE), ("Николай", MALE), ("Volodymyr", MALE),
    # borne by both often enough to tell nothing, or not a name many sources give
    ("Jean", None), ("Kim", None), ("Lindsey", None), ("Саша", None), ("Governor", None), ("Washington", None),
])
def test_a_given_name_has_a_gender_only_when_its_bearers_nearly_all_share_one(name, expected):
    assert gender(name) == expected


def test_the_table_keeps_names_many_sources_agree_on(tmp_path):
    source = tmp_path / "name_data.json"
    source.write_text(json.dumps({
        "ada": [20, 5000, 0.99, 3], "otto": [20, 5000, 0.01, 3], "jean": [31, 2525377, 0.477, 3],
        "rare": [2, 5000, 0.99, 3], "few": [20, 5, 0.99, 3], "&amp;me": [20, 5000, 0.0, 3]}))
    out = tmp_path / "names.tsv.gz"
    assert given_names.build(source, out) == 2
    with gzip.open(out, "rt", encoding="utf-8") as lines:
        assert lines.read().splitlines() == ["ada\tf", "otto\tm"]
