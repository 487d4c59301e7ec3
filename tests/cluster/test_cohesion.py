import numpy as np

from storyweave.cluster.cohesion import COHESION_MIN, apart, cohesion, groups


def _two_groups(size_a: int, size_b: int, inside: float, cross: float) -> np.ndarray:
    n = size_a + size_b
    sim = np.full((n, n), cross)
    sim[:size_a, :size_a] = inside
    sim[size_a:, size_a:] = inside
    np.fill_diagonal(sim, 1.0)
    return sim


def test_two_tight_groups_of_full_articles_stay_apart_though_their_average_passes_the_threshold():
    sim = _two_groups(5, 6, inside=0.6, cross=0.3)
    assert groups(sim, [True] * 11, distance=0.8) == [0] * 5 + [1] * 6
    near = _two_groups(5, 6, inside=0.6, cross=0.5)
    assert groups(near, [True] * 11, distance=0.8) == [0] * 11, "0.5 against 0.8 x 0.6: one story"


def test_headlines_and_small_groups_are_not_split_by_cohesion():
    sim = _two_groups(5, 6, inside=0.6, cross=0.3)
    assert groups(sim, [False] * 11, distance=0.8) == [0] * 11, "rewordings of a headline are tight groups"
    small = _two_groups(COHESION_MIN - 1, 6, inside=0.6, cross=0.3)
    assert groups(small, [True] * (COHESION_MIN + 5), distance=0.8) == [0] * (COHESION_MIN + 5)


def test_the_distance_still_cuts_where_cohesion_does_not_apply():
    sim = _two_groups(2, 2, inside=0.6, cross=0.1)
    assert groups(sim, [True] * 4, distance=0.8) == [0, 0, 1, 1]


def test_apart_compares_the_cross_similarity_with_the_looser_group():
    tight, loose = (5, 0.6 * 10, 5), (5, 0.35 * 10, 5)
    assert cohesion(0.35 * 10, 5) == 0.35
    assert not apart(0.3, tight, loose), "0.3 against 0.8 x 0.35 = 0.28"
    assert apart(0.25, tight, loose)
    assert not apart(0.25, (5, 0.6 * 10, 4), (5, 0.35 * 10, 0)), "mostly headlines"
