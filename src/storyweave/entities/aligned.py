"""Parallel sentences of a story's articles, the context that shows who a mangled name is.

Two outlets translating one statement write the same sentence twice; where one of them turned a name into
another word ("the independence of Luton" for Luhansk), the other sentence names it. The resolver asks only
in stories with a stray name, about the articles that hold it or a sentence sharing a name with it, so a
story without strays costs nothing; vectors are remembered per sentence text (``embed.remembered``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from ..nlp import embed, parallel

#: an article with fewer pool sentences than this is topped up with its other sentences, embedded only to
#: measure margins against (a sentence's nearest neighbours must not all be its own parallel)
BACKGROUND = 6


@dataclass(frozen=True)
class Sentence:
    article_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Parallel:
    left: Sentence
    right: Sentence
    cosine: float
    margin: float


class Aligner:
    """Finds parallel sentences with one embedding model, loaded once and shared by every story."""

    def __init__(self, encode: Callable[[list[str]], np.ndarray] = embed.remembered) -> None:
        self.encode = encode

    def vectors(self, texts: list[str]) -> np.ndarray:
        return self.encode(texts) if texts else np.zeros((0, embed.DIM), np.float32)

    def pairs(self, pool: list[Sentence], texts: dict[str, str], focus: set[Sentence] | None = None,
              background: list[Sentence] = ()) -> list[Parallel]:
        """Parallel pairs among ``pool`` sentences of different articles (``texts`` by article id) that
        hold a ``focus`` sentence (all, without one), best first. As calibrated, margins are taken article
        against article — a statement many outlets carry has one parallel in each — over the pool's and the
        ``background`` sentences (other sentences of the same articles, never paired)."""
        pool = sorted(set(pool), key=lambda s: (s.article_id, s.start))
        if len({s.article_id for s in pool}) < 2:
            return []
        extra = sorted(set(background) - set(pool), key=lambda s: (s.article_id, s.start))
        everything = pool + extra
        vectors = self.vectors([texts[s.article_id][s.start:s.end] for s in everything])
        rows: dict[str, list[int]] = {}
        others: dict[str, list[int]] = {}
        for i, sentence in enumerate(everything):
            (rows if i < len(pool) else others).setdefault(sentence.article_id, []).append(i)
        found = []
        for a, b in combinations(sorted(rows), 2):
            left, right = rows[a], rows[b]
            near = parallel.neighbourhood(vectors[left + others.get(a, []) + right + others.get(b, [])],
                                          [a] * (len(left) + len(others.get(a, []))) +
                                          [b] * (len(right) + len(others.get(b, []))))
            near_left = near[:len(left)]
            at = len(left) + len(others.get(a, []))
            near_right = near[at:at + len(right)]
            for p in parallel.align(vectors[left], vectors[right], near_left, near_right):
                pair = Parallel(everything[left[p.left]], everything[right[p.right]], p.cosine, p.margin)
                if focus is None or pair.left in focus or pair.right in focus:
                    found.append(pair)
        found.sort(key=lambda p: (-p.margin, p.left.article_id, p.left.start))
        return found
