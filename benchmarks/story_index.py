"""Nearest-story indexes under a stream's churn: how cluster/index.py was chosen.

    python benchmarks/story_index.py             # storyweave's exact index alone
    pip install usearch==2.26.6 hnswlib==0.8.0   # (not dependencies) to compare them in the same run
    python benchmarks/story_index.py

A stream moves a story's centroid with every article it adds, so its index sees one update per article and
a removal per merge. Vectors sit in a narrow cone (cosine ~0.8 to each other), as sentence embeddings of
unrelated texts do. Printed per index: recall of the exact top 20 for random queries, how many stories are
found in the top 20 by their own centroid, and the time of one query.
"""

from __future__ import annotations

import time

import numpy as np

from storyweave.cluster.index import CentroidIndex
from storyweave.nlp.embed import DIM

STEPS, STORIES, REMOVE_EVERY, K = 3000, 400, 50, 20


class Usearch:
    """usearch's HNSW as storyweave used it until session 19: an update removes the key and adds it again."""

    def __init__(self) -> None:
        from usearch.index import Index

        self.index = Index(ndim=DIM, metric="cos", dtype="f32", connectivity=16, expansion_add=64,
                           expansion_search=64)
        self.keys: dict[str, int] = {}
        self.next = 0

    def put(self, sid: str, vector: np.ndarray) -> None:
        if sid in self.keys:
            self.index.remove(self.keys[sid])
        else:
            self.keys[sid], self.next = self.next, self.next + 1
        self.index.add(self.keys[sid], vector)

    def remove(self, sid: str) -> None:
        self.index.remove(self.keys.pop(sid))

    def nearest(self, vector: np.ndarray, k: int) -> list[str]:
        ids = {key: sid for sid, key in self.keys.items()}
        return [ids[int(key)] for key in self.index.search(vector, k).keys if int(key) in ids]


class Hnswlib:
    """hnswlib's HNSW: adding a label again updates its point in place; a merged story is marked deleted."""

    def __init__(self) -> None:
        import hnswlib

        self.index = hnswlib.Index(space="cosine", dim=DIM)
        self.index.init_index(max_elements=STEPS + STORIES, ef_construction=64, M=16)
        self.index.set_ef(64)
        self.labels: dict[str, int] = {}
        self.next = 0

    def put(self, sid: str, vector: np.ndarray) -> None:
        if sid not in self.labels:
            self.labels[sid], self.next = self.next, self.next + 1
        self.index.add_items(vector[None, :], [self.labels[sid]])

    def remove(self, sid: str) -> None:
        self.index.mark_deleted(self.labels.pop(sid))

    def nearest(self, vector: np.ndarray, k: int) -> list[str]:
        ids = {label: sid for sid, label in self.labels.items()}
        labels, _ = self.index.knn_query(vector, k=k)
        return [ids[int(label)] for label in labels[0] if int(label) in ids]


def _unit(rng: np.random.Generator, cone: np.ndarray) -> np.ndarray:
    vector = (cone + 0.5 * rng.normal(size=DIM)).astype(np.float32)
    return vector / np.linalg.norm(vector)


def churn(index) -> dict[str, np.ndarray]:
    """Feed ``index`` a stream's updates; returns the final centroids."""
    rng, cone = np.random.default_rng(5), np.random.default_rng(0).normal(size=DIM)
    sums: dict[str, np.ndarray] = {}
    centroids: dict[str, np.ndarray] = {}
    for step in range(STEPS):
        sid = f"s{rng.integers(STORIES)}" if step > 300 else f"s{step}"
        sums[sid] = sums.get(sid, 0) + _unit(rng, cone)
        centroids[sid] = (sums[sid] / np.linalg.norm(sums[sid])).astype(np.float32)
        index.put(sid, centroids[sid])
        if step % REMOVE_EVERY == REMOVE_EVERY - 1:
            gone = sorted(centroids)[rng.integers(len(centroids))]
            index.remove(gone)
            del centroids[gone], sums[gone]
    return centroids


def measure(name: str, index) -> None:
    centroids = churn(index)
    ids = sorted(centroids)
    matrix = np.vstack([centroids[sid] for sid in ids])
    rng, cone = np.random.default_rng(12), np.random.default_rng(0).normal(size=DIM)
    hits, seconds = 0, []
    for _ in range(200):
        query = _unit(rng, cone)
        exact = {ids[i] for i in np.argsort(-(matrix @ query))[:K]}
        tick = time.perf_counter()
        found = index.nearest(query, K)
        seconds.append(time.perf_counter() - tick)
        hits += len(exact & set(found))
    own = sum(sid in index.nearest(centroids[sid], K) for sid in ids)
    print(f"{name:10s} top-{K} recall {hits / (200 * K):.3f}; found by its own centroid {own} of {len(ids)} "
          f"stories; query {1000 * float(np.median(seconds)):.2f} ms at {len(ids)} stories")


def main() -> None:
    print(f"{STEPS} updates of up to {STORIES} story centroids, one removal every {REMOVE_EVERY}")
    measure("exact", CentroidIndex())
    for name, make in (("usearch", Usearch), ("hnswlib", Hnswlib)):
        try:
            index = make()
        except ImportError:
            print(f"{name:10s} not installed")
            continue
        measure(name, index)


if __name__ == "__main__":
    main()
