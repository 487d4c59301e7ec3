"""Parallel sentences of a story's articles, the context that shows who a mangled name is.

Two outlets translating one statement write the same sentence twice; where one of them turned a name into
another word ("the independence of Luton" for Luhansk), the other sentence names it. Only sentences that
hold a mention are embedded, once per process for all stories (``nlp.embed``), and copies are skipped:
a copy's sentences are its original's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from ..model import Article
from ..nlp import embed, parallel, sentences
from .mentions import Mention


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


def parallel_sentences(groups: list[list[Article]], mentions: list[Mention],
                       encode: Callable[[list[str]], np.ndarray] = embed.encode) -> list[list[Parallel]]:
    """For each group of articles (a story's), the parallel sentence pairs between its articles."""
    holding: dict[str, list[Sentence]] = {}
    by_article: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_article.setdefault(mention.article_id, []).append(mention)
    texts: dict[str, str] = {}
    for articles in groups:
        originals = [a for a in articles if not a.duplicate_of]
        if len(originals) < 2:
            continue
        for article in originals:
            if article.id in holding:
                continue
            starts = sorted(m.start for m in by_article.get(article.id, ()))
            holding[article.id] = [Sentence(article.id, s, e) for s, e in sentences.spans(article.text)
                                   if any(s <= start < e for start in starts)]
            texts[article.id] = article.text
    order = [s for sents in holding.values() for s in sents]
    vectors = encode([texts[s.article_id][s.start:s.end] for s in order])
    row = {s: i for i, s in enumerate(order)}
    out = []
    for articles in groups:
        found: list[Parallel] = []
        ids = sorted({a.id for a in articles if a.id in holding})
        pool = [s for aid in ids for s in holding[aid]]
        near = dict(zip(pool, parallel.neighbourhood(vectors[[row[s] for s in pool]],
                                                     [s.article_id for s in pool]), strict=True))
        for a, b in combinations(ids, 2):
            left, right = holding[a], holding[b]
            pairs = parallel.align(vectors[[row[s] for s in left]], vectors[[row[s] for s in right]],
                                   np.array([near[s] for s in left]), np.array([near[s] for s in right]))
            found.extend(Parallel(left[p.left], right[p.right], p.cosine, p.margin) for p in pairs)
        found.sort(key=lambda p: (-p.margin, p.left.article_id, p.left.start))
        out.append(found)
    return out
