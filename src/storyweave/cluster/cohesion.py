"""Two tight groups are two events: the cohesion test behind merges, batch and streaming.

A threshold on average similarity alone joins two events of one kind (two fights of one boxer, two
piracy attacks foiled by one navy): they share the topic's words, so their articles' average similarity
passes it, while each event's own articles are far nearer each other than to the other's. Two groups of
at least COHESION_MIN articles stay apart when their average cross similarity is under COHESION_RATIO
times the cohesion (average internal similarity) of the looser one.

Headlines are exempt: a few words give tight groups of rewordings of one headline inside one story
(UCI's "Bitcoin exchange files for US bankruptcy" against "MtGox files for US bankruptcy protection"),
so the test applies only where most articles are full (``features.is_full``).

Calibrated with `benchmarks/clustering.py --calibrate` on the dev sets (BCubed F1 batch / streaming):
ECB+ 0.890 / 0.873 without the test; at ratio 0.7 / 0.75 / 0.8 / 0.85 / 0.9 with COHESION_MIN 5:
0.934 / 0.953 / 0.954 / 0.958 / 0.948 batch, 0.933 / 0.945 / 0.948 / 0.951 / 0.948 streaming (session 19,
exact candidate search; with 4: 0.945 at best, WMT 0.963 / 0.954; with 6: 0.953-0.957 batch, 0.941-0.951
streaming); UCI 0.884 / 0.874 and WMT 0.954 / 0.949 throughout (without the headline
exemption UCI batch fell to 0.717 at 0.75). 0.8 is the middle of the plateau; on halves of the ECB+
topics (even / odd) it gives 0.983 / 0.925 batch against 0.918 / 0.861 without the test. Session 20, with
the short-item weight (features.W_SHORT): ECB+ 0.902 / 0.877 without the test; with COHESION_MIN 5, 0.943 /
0.960 / 0.961 / 0.965 / 0.955 batch and 0.945 / 0.953 / 0.954 / 0.955 / 0.953 streaming; UCI 0.886 / 0.884
and WMT 0.955 / 0.949 throughout.
"""

from __future__ import annotations

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

COHESION_RATIO = 0.8
COHESION_MIN = 5


def cohesion(pair_sum: float, n: int) -> float:
    """Average similarity over a group's pairs, from their sum."""
    return pair_sum / (n * (n - 1) / 2) if n > 1 else 1.0


def testable(members_a: int, full_a: int, members_b: int, full_b: int) -> bool:
    """Whether two groups are large enough, and enough of them full articles, for the cohesion test."""
    return (members_a >= COHESION_MIN and members_b >= COHESION_MIN
            and full_a + full_b >= (members_a + members_b) / 2)


def apart(cross: float, a: tuple[int, float, int], b: tuple[int, float, int]) -> bool:
    """Whether two groups, each (members, sum of internal pair similarities, full articles), are two events
    although their average cross similarity ``cross`` passes the merge threshold."""
    (na, sum_a, full_a), (nb, sum_b, full_b) = a, b
    return testable(na, full_a, nb, full_b) and cross < COHESION_RATIO * min(cohesion(sum_a, na),
                                                                            cohesion(sum_b, nb))


def pairs_total(sim: np.ndarray) -> float:
    """Sum of the similarities of every pair of a group, from its similarity matrix."""
    return float(np.triu(sim, 1).sum())


def average_tree(sim: np.ndarray) -> np.ndarray:
    """The average-linkage tree (scipy's linkage matrix) of a similarity matrix, at distance 1 - similarity."""
    dist = np.clip(1.0 - sim, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    return linkage(squareform((dist + dist.T) / 2, checks=False), method="average")


def groups(sim: np.ndarray, full: list[bool], distance: float) -> list[int]:
    """Average-linkage clusters of a similarity matrix (labels from 0 in order of first appearance): a merge
    happens below ``distance`` unless the two sides are ``apart``; nothing above a refused merge joins."""
    n = len(sim)
    if n < 2:
        return [0] * n
    tree = average_tree(sim)
    size, full_count = np.ones(2 * n - 1, dtype=np.int64), np.zeros(2 * n - 1, dtype=np.int64)
    full_count[:n] = full
    pair_sum = np.zeros(2 * n - 1)
    refused = np.zeros(2 * n - 1)
    for k, (left, right, height, _) in enumerate(tree):
        a, b, node = int(left), int(right), n + k
        size[node], full_count[node] = size[a] + size[b], full_count[a] + full_count[b]
        pair_sum[node] = pair_sum[a] + pair_sum[b] + (1.0 - height) * size[a] * size[b]
        refused[node] = (height > distance or refused[a] or refused[b]
                         or apart(1.0 - height, (size[a], pair_sum[a], full_count[a]),
                                  (size[b], pair_sum[b], full_count[b])))
    labels = fcluster(tree, t=0.5, criterion="monocrit", monocrit=refused[n:])
    first: dict[int, int] = {}
    return [first.setdefault(int(label), len(first)) for label in labels]
