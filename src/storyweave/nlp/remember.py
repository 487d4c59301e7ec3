"""Vectors of texts remembered for the process, oldest dropped first: the stages read the same sentences of a
story (entities, quotes, claims, the timeline), reposts and quotations repeat sentences across a corpus, and a
server writes one store's report again and again."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

import numpy as np


class Remembered:
    """``encode`` with a memory of at most ``limit`` texts: only texts not seen before are encoded."""

    def __init__(self, encode: Callable[[list[str]], np.ndarray], dim: int, limit: int) -> None:
        self.encode, self.dim, self.limit = encode, dim, limit
        self.vectors: OrderedDict[str, np.ndarray] = OrderedDict()

    def __call__(self, texts: list[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self.vectors))
        for text, vector in zip(missing, self.encode(missing), strict=True):
            self.vectors[text] = vector
        out = np.vstack([self.vectors[t] for t in texts]) if texts else np.zeros((0, self.dim), dtype=np.float32)
        for text in texts:
            self.vectors.move_to_end(text)
        while len(self.vectors) > self.limit:
            self.vectors.popitem(last=False)
        return out
