"""Nearest-story index over story centroids (usearch HNSW, cosine), persisted beside the store.

Chosen by measurement against exact search (benchmarks/clustering.py --latency): usearch answers in
well under a millisecond at 100k stories, keeps a single file, and supports removal for merged stories.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from usearch.index import Index

from ..nlp.embed import DIM


class CentroidIndex:
    """Story id -> centroid vector; ``nearest`` returns story ids, best first."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else None
        self.keys: dict[str, int] = {}
        self.ids: dict[int, str] = {}
        self._next = 0
        self.stamp = 0
        self.index = Index(ndim=DIM, metric="cos", dtype="f32", connectivity=16, expansion_add=64,
                           expansion_search=64)

    def put(self, sid: str, vector: np.ndarray) -> None:
        key = self.keys.get(sid)
        if key is not None:
            self.index.remove(key)
        else:
            key = self._next
            self._next += 1
            self.keys[sid], self.ids[key] = key, sid
        self.index.add(key, np.asarray(vector, dtype=np.float32))

    def remove(self, sid: str) -> None:
        key = self.keys.pop(sid, None)
        if key is not None:
            self.index.remove(key)
            del self.ids[key]

    def nearest(self, vector: np.ndarray, k: int) -> list[str]:
        if not self.keys:
            return []
        matches = self.index.search(np.asarray(vector, dtype=np.float32), min(k, len(self.keys)))
        return [self.ids[int(key)] for key in matches.keys if int(key) in self.ids]

    def rebuild(self, centroids: dict[str, np.ndarray], stamp: int) -> None:
        """Load the saved index when it was saved at this ``stamp`` (articles assigned), else rebuild it."""
        self.stamp = stamp
        if self.path is not None and self.path.exists() and self._load(centroids):
            return
        self.index.reset()
        self.keys, self.ids, self._next = {}, {}, 0
        for sid in sorted(centroids):
            self.put(sid, centroids[sid])

    def _load(self, centroids: dict[str, np.ndarray]) -> bool:
        keys_file = self.path.with_suffix(".keys")
        if not keys_file.exists():
            return False
        lines = keys_file.read_text(encoding="utf-8").splitlines()
        if not lines or lines[0] != f"#stamp\t{self.stamp}":
            return False
        ids = {int(k): sid for k, sid in (line.split("\t") for line in lines[1:] if line)}
        if set(ids.values()) != set(centroids):
            return False
        self.index.load(str(self.path))
        if len(self.index) != len(ids):
            return False
        self.ids, self.keys = ids, {sid: k for k, sid in ids.items()}
        self._next = max(ids, default=-1) + 1
        return True

    def save(self, stamp: int) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.index.save(str(self.path))
        keys = "".join(f"{k}\t{sid}\n" for k, sid in sorted(self.ids.items()))
        self.path.with_suffix(".keys").write_text(f"#stamp\t{stamp}\n{keys}", encoding="utf-8")
