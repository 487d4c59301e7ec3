"""Batch story clustering: average-linkage agglomerative clustering over the article similarity, with
the cohesion test that keeps two events of one kind apart (cohesion.py).

Copies (``duplicate_of``) are not clustered themselves: each joins its original's story.
"""

from __future__ import annotations

import dataclasses
import hashlib

import numpy as np
from scipy.sparse import csr_matrix

from ..model import Article, Story
from ..nlp.reading import reading_language
from ..nlp.sentences import shortened
from .cohesion import groups
from .features import (
    W_CROSS_LANGUAGE,
    W_SAME_LANGUAGE,
    W_SHORT,
    Features,
    adjusted_rows,
    article_features,
    crossing_needed,
    crosslingual_similarity,
    crosslingual_vectors,
    embed_similarity,
    has_terms,
    is_full,
    lead_vectors,
    time_anchors,
    time_terms,
)

#: average-linkage distance (1 - similarity) at which clusters stop merging. Calibrated with
#: `benchmarks/clustering.py --calibrate` on ECB+, UCI and WMT dev: mean BCubed F1 0.909 / 0.918 / 0.923 /
#: 0.931 / 0.923 at 0.725 / 0.75 / 0.775 / 0.8 / 0.825 with the cohesion test (session 15; the plateau was
#: 0.725-0.8 without it). Long commentary pieces on one event (the seed corpus is of this kind) share less
#: of their lead than news reports do, one more reason not to go lower.
MERGE_DISTANCE = 0.8
#: a story title made from text (its central article has no title: records built in code) ends at a word
STAND_IN_CHARS = 120


def featurize(articles: list[Article], vectors: np.ndarray | None = None,
              fallback_language: str = "und", crossing: bool | None = None) -> list[Features]:
    """Features for a batch, with one batched embedding call; an article of undetermined language is read in
    the batch's language, or in ``fallback_language`` (a stream's usual one) when no article's is known.
    ``crossing``: whether to compute cross-language vectors (None: when the batch holds two languages that
    need them, ``features.crossing_needed``; a stream decides by its store's languages too)."""
    if vectors is None:
        vectors = lead_vectors(articles)
    reading = reading_language(articles)
    if reading == "und":
        reading = fallback_language
    features = [article_features(a, v, reading) for a, v in zip(articles, vectors, strict=True)]
    if crossing is None:
        crossing = crossing_needed(f.language for f in features)
    return with_crossing(articles, features) if crossing else features


def with_crossing(articles: list[Article], features: list[Features]) -> list[Features]:
    """The articles' features with their cross-language vectors (for those in languages USE reads)."""
    vectors = crosslingual_vectors(articles, [f.language for f in features])
    return [dataclasses.replace(f, crosslingual=v) for f, v in zip(features, vectors, strict=True)]


def similarity_matrix(features: list[Features]) -> np.ndarray:
    return pair_similarity(features, *adjusted_rows(features))


def pair_similarity(features: list[Features], adjusted: np.ndarray, crossing: np.ndarray | None = None) -> np.ndarray:
    """The article similarity (features.py) of every pair, given the embeddings and cross-language vectors with
    language offsets removed (``features.adjusted_rows``); an item with no terms (``features.has_terms``) is -1
    against every other, so it joins no group."""
    n = len(features)
    languages = np.array([f.language for f in features])
    short = np.array([not is_full(f) for f in features])
    weight = np.where(languages[:, None] == languages[None, :],
                      np.where(short[:, None] & short[None, :], W_SHORT, W_SAME_LANGUAGE), W_CROSS_LANGUAGE)
    cosines = adjusted @ adjusted.T
    meaning = embed_similarity(cosines)
    crossed = np.array([f.crosslingual is not None for f in features], dtype=bool)
    across = (languages[:, None] != languages[None, :]) & crossed[:, None] & crossed[None, :]
    if crossing is not None and across.any():
        meaning = np.where(across, crosslingual_similarity(cosines, crossing @ crossing.T), meaning)
    sim = weight * meaning
    rows = np.concatenate([np.full(len(f.lexical[0]), i) for i, f in enumerate(features)]) if n else []
    terms, cols = np.unique(np.concatenate([f.lexical[0] for f in features]) if n else [], return_inverse=True)
    vals = np.concatenate([f.lexical[1] for f in features]) if n else []
    lex = csr_matrix((vals, (rows, cols)), shape=(n, len(terms)))  # columns: the terms present, not the hash space
    sim += (1 - weight) * (lex @ lex.T).toarray()
    anchors = time_anchors(features)
    sim += time_terms(anchors, anchors)
    bare = np.array([not has_terms(f) for f in features], dtype=bool)
    if bare.any():
        own = sim.diagonal().copy()
        sim[bare, :] = -1.0
        sim[:, bare] = -1.0
        np.fill_diagonal(sim, own)
    return sim


def story_id(first_article_id: str) -> str:
    """Stable: a story is named after its earliest article."""
    return "st-" + hashlib.sha256(first_article_id.encode()).hexdigest()[:16]


def source_key(article: Article) -> str:
    """Who an article's content comes from: its declared original, else its outlet, else itself."""
    return article.reposted_from or article.outlet or f"article:{article.id}"


def _order(article: Article, position: int) -> tuple[int, str, int]:
    return (0, article.published, position) if article.published else (1, "", position)


def headline_article(ranked: list[Article]) -> Article:
    """What a story is titled by: of its articles ranked by centrality, the first with a headline of its own,
    in the story's reading language where one is (translations of one text are equally central)."""
    titled = [a for a in ranked if a.title and not a.title_source]
    reading = reading_language(ranked)
    return next((a for a in titled if a.language == reading), titled[0] if titled else ranked[0])


def make_story(members: list[Article], positions: dict[str, int], central: Article | None = None,
               sid: str | None = None) -> Story:
    ordered = sorted(members, key=lambda a: _order(a, positions[a.id]))
    dated = sorted(a.published for a in members if a.published)
    head = central or ordered[0]
    originals = [a for a in members if a.duplicate_of is None]
    return Story(
        id=sid or story_id(ordered[0].id),
        title=head.title or shortened(head.text.strip().split("\n", 1)[0], STAND_IN_CHARS),
        article_ids=[a.id for a in ordered],
        first_published=dated[0] if dated else None,
        last_published=dated[-1] if dated else None,
        source_count=len({source_key(a) for a in originals}),
    )


def cluster(articles: list[Article], distance: float = MERGE_DISTANCE,
            features: list[Features] | None = None) -> list[Story]:
    """Stories over a batch, largest first; copies join their original's story."""
    positions = {a.id: i for i, a in enumerate(articles)}
    originals = [a for a in articles if a.duplicate_of is None or a.duplicate_of not in positions]
    if not originals:
        return []
    if features is None:
        features = featurize(originals)
    sim = similarity_matrix(features)
    labels = groups(sim, [is_full(f) for f in features], distance)
    members: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        members.setdefault(label, []).append(index)
    by_original = {a.id: label for a, label in zip(originals, labels, strict=True)}
    story_members: dict[int, list[Article]] = {label: [originals[i] for i in idx] for label, idx in members.items()}
    for article in articles:
        if article.id not in by_original:
            root = article.duplicate_of
            story_members[by_original[root]].append(article)
    stories = []
    for label, idx in members.items():
        centrality = sim[np.ix_(idx, idx)].mean(axis=1)
        ranked = [originals[idx[k]] for k in np.argsort(-centrality, kind="stable")]
        stories.append(make_story(story_members[label], positions, headline_article(ranked)))
    stories.sort(key=lambda s: (-len(s.article_ids), s.first_published or "9999", s.id))
    return stories
