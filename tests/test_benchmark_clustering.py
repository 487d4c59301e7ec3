"""The clustering benchmark's oracle for sizing (benchmarks/clustering.py tree_ceiling): its best cut must be a
cut of the tree, and its bound must hold for every cut, or the README's reading of UCI's gap would be wrong."""

from __future__ import annotations

import importlib.util
import sys

import numpy as np

from storyweave.cluster.cohesion import average_tree
from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("clustering_benchmark", ROOT / "benchmarks" / "clustering.py")
bench = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = bench
_spec.loader.exec_module(bench)


def _every_cut(tree: np.ndarray, n: int) -> list[list[int]]:
    """Every clustering a cut of the tree gives, as label lists (brute force, small trees only)."""
    def cuts(node: int) -> list[list[list[int]]]:
        if node < n:
            return [[[node]]]
        left, right = (int(x) for x in tree[node - n][:2])
        return [[leaves(node)]] + [a + b for a in cuts(left) for b in cuts(right)]

    def leaves(node: int) -> list[int]:
        return [node] if node < n else leaves(int(tree[node - n][0])) + leaves(int(tree[node - n][1]))

    clusterings = []
    for groups in cuts(2 * n - 2):
        labels = [0] * n
        for label, members in enumerate(groups):
            for i in members:
                labels[i] = label
        clusterings.append(labels)
    return clusterings


def _similarity(rng: np.random.Generator, n: int) -> np.ndarray:
    points = rng.normal(size=(n, 3))
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    return points @ points.T


def test_the_oracle_s_cut_is_a_cut_of_the_tree_and_its_bound_holds_for_every_cut():
    rng = np.random.default_rng(4)
    for _ in range(12):
        n = 8
        sim = _similarity(rng, n)
        gold = [f"g{k}" for k in rng.integers(0, 3, size=n)]
        tree = average_tree(sim)
        scores = [bench.bcubed(labels, gold)[2] for labels in _every_cut(tree, n)]
        (_, _, found), bound = bench.tree_ceiling(sim, gold)
        assert np.isclose(scores, found, rtol=0, atol=1e-12).any()  # a cut of the tree, no better clustering
        assert bound >= max(scores) >= found


def test_gold_that_is_a_cut_of_the_tree_is_found_whole():
    sim = np.full((6, 6), 0.1)
    sim[:3, :3] = sim[3:, 3:] = 0.9
    gold = ["a", "a", "a", "b", "b", "b"]
    (precision, recall, f1), bound = bench.tree_ceiling(sim, gold)
    assert (precision, recall, f1) == (1.0, 1.0, 1.0) and bound >= 1.0


def test_gold_that_parts_two_alike_items_caps_the_cut():
    sim = np.full((4, 4), 0.0)
    sim[0, 1] = sim[1, 0] = 0.95  # alike items the gold parts: no cut keeps them apart and others together
    sim[0, 2] = sim[2, 0] = sim[1, 2] = sim[2, 1] = 0.9
    np.fill_diagonal(sim, 1.0)
    gold = ["a", "b", "a", "c"]
    scores = [bench.bcubed(labels, gold)[2] for labels in _every_cut(average_tree(sim), 4)]
    (_, _, f1), bound = bench.tree_ceiling(sim, gold)
    assert f1 == max(scores) < 1.0 and max(scores) - 1e-12 <= bound < 1.0
