"""What clustering reads of an article: a headline-only item is embedded as the short text it is."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from storyweave.cluster import batch, features
from storyweave.cluster.batch import featurize
from storyweave.cluster.features import tokens
from storyweave.ingest import read_inputs
from storyweave.model import Article
from storyweave.nlp import embed
from tests.conftest import wmt_versions

UCI = Path(__file__).resolve().parents[3] / "shared" / "data" / "uci-headlines" / "dev.jsonl"


def _headline_item() -> Article:
    record = json.loads(UCI.read_text(encoding="utf-8").splitlines()[0])
    return Article(id="h", source_path="uci", title=record["title"], text=record["text"], language="en")


def test_a_headline_is_read_as_a_query_and_an_article_as_a_passage(seed_articles):
    item, article = _headline_item(), seed_articles["002"]
    assert features.lead_prefix(item) == "query: "
    assert features.lead_prefix(article) == "passage: "
    vectors = features.lead_vectors([item, article])
    assert np.allclose(vectors[0], embed.encode([features.lead(item)], "query: ")[0], atol=1e-5)
    assert np.allclose(vectors[1], embed.encode([features.lead(article)], "passage: ")[0], atol=1e-5)


def test_an_article_whose_body_runs_past_the_lead_is_a_passage():
    item = _headline_item()
    longer = Article(id="l", source_path="x", title=item.title, language="en",
                     text=item.text + " " + "The central bank official spoke in Philadelphia on Monday. " * 4)
    assert len(features.lead(longer)) == features.LEAD_CHARS
    assert features.lead_prefix(longer) == "passage: "


def test_headlines_whose_language_is_not_told_are_compared_as_the_batch_language(tmp_path):
    sample = tmp_path / "uci.jsonl"
    sample.write_text("\n".join(UCI.read_text(encoding="utf-8").splitlines()[:40]) + "\n", encoding="utf-8")
    items = [a for a in read_inputs([sample]) if isinstance(a, Article)]
    unsure = [i for i, a in enumerate(items) if a.language == "und"]
    assert unsure and any(a.language == "en" for a in items)
    vectors = np.zeros((len(items), embed.DIM), dtype=np.float32)
    found = featurize(items, vectors)
    for i in unsure:
        assert items[i].language == "und" and found[i].language == "en"
        expected = features.lexical_vector(features.tokens(items[i]), "en")
        assert np.array_equal(found[i].lexical[0], expected[0]) and np.allclose(found[i].lexical[1], expected[1])
    alone = featurize([items[unsure[0]]], vectors[:1])
    assert alone[0].language == "und"


def _halves(article):
    """An article cut at the line nearest its middle, as two articles: two reports of one event in its language."""
    middle = len(article.text) // 2
    cut = max(article.text.rfind("\n", 0, middle), article.text.rfind("。", 0, middle) + 1)
    return [Article(id=article.id + "/1", source_path="x", language=article.language, title=article.title,
                    text=article.text[:cut]),
            Article(id=article.id + "/2", source_path="x", language=article.language, text=article.text[cut:].strip())]


def test_chinese_and_japanese_are_compared_word_by_word():
    """Read whole, a run of ideographs up to a comma was one "word", and two reports of one event in Chinese or
    Japanese shared none. Segmented, the halves of one article share words and names, and those of two
    articles about other events stay apart."""
    for language in ("zh", "ja"):
        one, other = ([a for a in wmt_versions(doc) if a.language == language][0]
                      for doc in ("wmt22:euronews-en.19225", "wmt21:bbc.500856"))
        first, second = _halves(one)
        assert len(tokens(first)) > 20 and any(t.startswith("n:") for t in tokens(first)), language
        features = batch.featurize([first, second, *_halves(other)])
        sim = batch.similarity_matrix(features)
        assert sim[0, 1] >= 1 - batch.MERGE_DISTANCE > max(sim[0, 2], sim[0, 3], sim[1, 2], sim[1, 3]), language


def test_the_sparse_dot_product_equals_the_dense_one_whatever_the_lengths_and_key_ranges():
    """A story's few hundred term sums meet an article's dozens (keys past either end, none in common, none)."""
    from storyweave.cluster.features import lexical_cosine

    rng = np.random.default_rng(8)
    width = 1000

    def sparse(n: int, low: int = 0, high: int = width) -> tuple[np.ndarray, np.ndarray]:
        keys = np.sort(rng.choice(np.arange(low, high), n, replace=False)).astype(np.int64)
        return keys, rng.random(n).astype(np.float32)

    def dense(v: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        out = np.zeros(width)
        out[v[0]] = v[1]
        return out

    pairs = [(sparse(40), sparse(500)), (sparse(500), sparse(40)), (sparse(30, 900), sparse(300, 0, 600)),
             (sparse(10), sparse(0)), (sparse(0), sparse(0)), (sparse(1, 999), sparse(5, 990))]
    for a, b in pairs:
        assert lexical_cosine(a, b) == pytest.approx(float(dense(a) @ dense(b)), abs=1e-6)
    assert lexical_cosine(*pairs[0]) > 0
    assert lexical_cosine(*pairs[2]) == 0.0
