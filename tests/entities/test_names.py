from __future__ import annotations

import pytest

from storyweave.entities.names import acronym, edits, fold, similarities, similarity, skeleton, strip_title


def test_fold_meets_scripts_and_apostrophes():
    assert fold("Луганск") == "lugansk"
    assert fold("Luhans'k") == "luhansk"
    assert fold("Kassym-Jomart") == "kassym jomart"
    assert fold("U.S.") == fold("U.S") == fold("US") == "us"  # all initials: one word, as the KB writes it
    assert fold("A.A. Kokoshin") == "a a kokoshin" and fold("Hong Kong S.A.R.") == "hong kong s a r"


@pytest.mark.parametrize("a,b", [("Tokayev", "Tokaev"), ("Tokayev", "Tocaev"), ("Tokayev", "Toccyev"),
                                 ("Tokayev", "Takayev"), ("Donetsk", "Donedsk"), ("Luhansk", "Lugansk"),
                                 ("Ryabtseva", "Ryabceva"), ("Mitsotakis", "Micotakis"), ("Golushko", "Goluchko")])
def test_transliteration_variants_are_close(a, b):
    assert similarity(a, b) >= 0.85


@pytest.mark.parametrize("a,b", [("Iran", "Iraq"), ("Serbia", "Syria"), ("Gambia", "Zambia"),
                                 ("Putin", "Potanin"), ("Austria", "Hungary")])
def test_different_names_are_not(a, b):
    assert similarity(a, b) < 0.85


def test_skeleton_merges_transliteration_letters():
    assert skeleton("Toccyev") == skeleton("Tokkiev") == "tokiev"


def test_titles_and_acronyms():
    assert strip_title("President Tokayev’s") == "Tokayev"
    assert acronym("Collective Security Treaty Organization") == "CSTO"
    assert acronym("Organization of the Petroleum Exporting Countries") == "OPEC"


def test_edits_count_letters_changed_in_the_skeleton():
    assert edits("Arrekife", "Arrecife") == 0
    assert edits("Arrekife", "Recife") == 1
    assert edits("Mezencev", "Mezentsev") == 0


def test_similarities_at_once_are_each_pairs_similarity():
    """The matrix resolution screens pairs with is ``similarity`` itself, for every pair of real names and
    spellings: ts/tz against c, initials, empty skeletons, other scripts."""
    names = ["Tokayev", "Tokaev", "Tocaev", "Toccyev", "Takayev", "Kassym-Jomart Tokayev", "Ryabtseva",
             "Ryabceva", "Katz", "Kac", "Lugusk", "Luhansk", "Луганск", "Донецк", "托卡耶夫", "トカエフ", "U.S.", "US",
             "Mitsotakis", "Micotakis", "...", "Aeiou", "Putin", "Potanin", "Schwarzenegger", "Shvartseneger"]
    matrix = similarities(names, names[::-1])
    assert matrix.shape == (len(names), len(names))
    assert [[similarity(a, b) for b in names[::-1]] for a in names] == matrix.tolist()
    assert similarities([], names).shape == (0, len(names))
