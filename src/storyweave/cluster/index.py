"""Nearest-story index over story centroids: exact cosine search over one matrix, persisted beside the store.

Chosen by measurement (benchmarks/story_index.py, benchmarks/clustering.py). Every article moves its story's
centroid, so an index sees one update per article. usearch's HNSW graph, updated by removing and re-adding
the story's key, lost reach of stories under that churn: after WMT dev in a shuffled order only 178 of 316
stories could be found at all, and the articles that missed their story started new ones (streaming BCubed
F1 0.870 against 0.935 with exact search). hnswlib, which updates a point in place, did worse on the same
churn. Exact search has no graph to degrade; at 100k stories it answers well within the 50 ms budget (one
matrix-vector product over 100k x 384 float32, p95 10.8 ms).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..nlp.embed import DIM

#: rows the matrix starts with; it doubles when full
INITIAL_ROWS = 1024


class CentroidIndex:
    """Story id -> centroid vector; ``nearest`` returns story ids, best first."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else None
        self.stamp = 0
        self._reset()

    def _reset(self) -> None:
        self.rows: dict[str, int] = {}
        self.ids: list[str | None] = []
        self.free: list[int] = []
        self.vectors = np.zeros((0, DIM), dtype=np.float32)
        self.live = np.zeros(0, dtype=bool)

    def __len__(self) -> int:
        return len(self.rows)

    def put(self, sid: str, vector: np.ndarray) -> None:
        row = self.rows.get(sid)
        if row is None:
            row = self.free.pop() if self.free else self._append()
            self.rows[sid], self.ids[row], self.live[row] = row, sid, True
        vector = np.asarray(vector, dtype=np.float32)
        self.vectors[row] = vector / max(float(np.linalg.norm(vector)), 1e-12)

    def _append(self) -> int:
        row = len(self.ids)
        if row == len(self.vectors):
            grown = max(INITIAL_ROWS, 2 * row)
            self.vectors = np.vstack([self.vectors, np.zeros((grown - row, DIM), dtype=np.float32)])
            self.live = np.concatenate([self.live, np.zeros(grown - row, dtype=bool)])
        self.ids.append(None)
        return row

    def remove(self, sid: str) -> None:
        row = self.rows.pop(sid, None)
        if row is not None:
            self.ids[row], self.live[row] = None, False
            self.free.append(row)

    def nearest(self, vector: np.ndarray, k: int) -> list[str]:
        if not self.rows:
            return []
        used = len(self.ids)
        scores = np.where(self.live[:used], self.vectors[:used] @ np.asarray(vector, dtype=np.float32), -np.inf)
        k = min(k, len(self.rows))
        top = np.argpartition(-scores, k - 1)[:k] if k < used else np.arange(used)
        top = top[np.argsort(-scores[top], kind="stable")]
        return [self.ids[row] for row in top.tolist() if self.ids[row] is not None]

    def rebuild(self, centroids: dict[str, np.ndarray], stamp: int) -> None:
        """Load the saved index when it was saved at this ``stamp`` (articles assigned), else rebuild it."""
        self.stamp = stamp
        if self.path is not None and self.path.exists() and self._load(centroids):
            return
        self._reset()
        for sid in sorted(centroids):
            self.put(sid, centroids[sid])

    def _load(self, centroids: dict[str, np.ndarray]) -> bool:
        try:
            lines = self.path.with_suffix(".keys").read_text(encoding="utf-8").splitlines()
            if not lines or lines[0] != f"#stamp\t{self.stamp}":
                return False
            ids = [sid for sid in lines[1:] if sid]
            if set(ids) != set(centroids) or len(ids) != len(set(ids)):
                return False
            vectors = np.load(self.path, allow_pickle=False)
        except (OSError, ValueError, EOFError):
            return False
        if vectors.shape != (len(ids), DIM) or vectors.dtype != np.float32:
            return False
        self._reset()
        self.vectors, self.ids = vectors, list(ids)
        self.live = np.ones(len(ids), dtype=bool)
        self.rows = {sid: row for row, sid in enumerate(ids)}
        return True

    def save(self, stamp: int) -> None:
        """The live rows, in row order, with their ids one per line after the stamp."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        rows = [row for row, sid in enumerate(self.ids) if sid is not None]
        with self.path.open("wb") as handle:
            np.save(handle, self.vectors[rows])
        keys = "".join(f"{self.ids[row]}\n" for row in rows)
        self.path.with_suffix(".keys").write_text(f"#stamp\t{stamp}\n{keys}", encoding="utf-8")
