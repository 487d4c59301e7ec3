import dataclasses
import datetime
from itertools import pairwise

import numpy as np
import pytest

from storyweave.cluster.batch import pair_similarity
from storyweave.cluster.features import is_full
from storyweave.cluster.stream import StoryState, StoryStream
from storyweave.model import Features
from storyweave.nlp.embed import DIM


def _lead(cosine_to_first_axis: float) -> np.ndarray:
    """A unit lead embedding at the given cosine to the first axis (in the plane of the first two)."""
    vector = np.zeros(DIM, dtype=np.float32)
    vector[0], vector[1] = cosine_to_first_axis, np.sqrt(1 - cosine_to_first_axis**2)
    return vector


def _features(article_id: str, embedding: np.ndarray, terms: list[int]) -> Features:
    keys = np.array(sorted(terms), dtype=np.int64)
    weights = np.full(len(keys), 1 / np.sqrt(len(keys)), dtype=np.float32)
    unit = (embedding / np.linalg.norm(embedding)).astype(np.float32)
    return Features(article_id, "en", unit, (keys, weights), None, None)


def test_an_article_near_two_stories_joins_one_and_does_not_merge_them():
    flow = StoryStream()
    a = [flow.add(_features(f"a{i}", _lead(1.0), [1, 2, 3])) for i in range(2)]
    b = [flow.add(_features(f"b{i}", _lead(0.5), [4, 5, 6])) for i in range(2)]
    assert a[0] == a[1] and b[0] == b[1] and a[0] != b[0]
    bridge = flow.add(_features("x", _lead(1.0) + _lead(0.5), [1, 2, 3, 4, 5, 6]))
    assert bridge in (a[0], b[0])
    assert flow.merges == []
    assert len(flow.stories) == 2


def test_stories_merge_when_evidence_joins_them_and_the_older_keeps_its_id():
    flow = StoryStream()
    older = flow.add(_features("a", _lead(1.0), [1, 2, 3]))
    younger = flow.add(_features("b", _lead(0.85), [4, 5, 6]))
    assert older != younger
    joined = flow.add(_features("x", _lead(1.0) + _lead(0.85), [1, 2, 3, 4, 5, 6]))
    assert joined == older
    assert flow.resolve(younger) == older
    assert flow.merges == [(younger, older)]
    assert sorted(flow.stories[older].article_ids) == ["a", "b", "x"]


def test_the_time_term_of_two_stories_sums_the_batch_rule_over_every_pair_of_members():
    from storyweave.cluster.features import TIME_BONUS, TIME_PENALTY, TIME_WINDOW_DAYS
    from storyweave.cluster.stream import _distinct, _grouped_sum

    day = 738000
    a = (np.array([2022, 2022, 2021, 0]), np.array([day, day, 0, 0]))
    b = (np.array([2022, 2023, 0]), np.array([day + 1, day + TIME_WINDOW_DAYS + 30, 0]))
    by_pair = [
        TIME_BONUS, -TIME_PENALTY, 0.0,  # dated member: a day apart, over the window apart, nothing known
        TIME_BONUS, -TIME_PENALTY, 0.0,
        -TIME_PENALTY, -TIME_PENALTY, 0.0,  # a 2021 member without a day: years
        0.0, 0.0, 0.0,  # nothing known
    ]
    assert _grouped_sum(_distinct(a), _distinct(b)) == pytest.approx(sum(by_pair))


def test_the_time_terms_of_an_article_against_many_stories_at_once_are_each_story_s_batch_sums():
    """``time_totals`` cuts one row over all candidates' anchors: each story's total must be its own, for stories
    that keep their dates grouped and for small ones that do not, and a story scored with it gives the batch's average."""
    from storyweave.cluster.features import time_anchors, time_terms
    from storyweave.cluster.stream import KEEP_DATES_FROM, time_totals

    day = datetime.date(2022, 6, 17)
    dates = [(2022, day), (2022, day + datetime.timedelta(days=1)), (2021, None), (None, None),
             (2022, day + datetime.timedelta(days=90)), (2022, day)]
    rng = np.random.default_rng(3)

    def dated(i: int, year: int | None, when: datetime.date | None) -> Features:
        feats = _features(f"d{i}", rng.normal(size=DIM), rng.choice(200, 30, replace=False).tolist())
        return dataclasses.replace(feats, year=year, day=when)

    members = [dated(i, *dates[i % len(dates)]) for i in range(20)]
    sizes = [1, KEEP_DATES_FROM - 1, KEEP_DATES_FROM, 2 * KEEP_DATES_FROM + 1]
    spans = list(pairwise(np.cumsum([1] + sizes).tolist()))
    states = [StoryState(f"s{k}", k) for k in range(len(sizes))]
    for state, (start, end) in zip(states, spans, strict=True):
        for feats in members[start:end]:
            state.add(feats, feats.embedding)
    article = members[0]
    terms = time_terms(time_anchors([article]), time_anchors(members))[0]
    expected = [terms[start:end].sum() for start, end in spans]
    assert len(set(np.round(expected, 6))) > 1
    totals = time_totals(article, states)
    assert totals == pytest.approx(expected)
    sim = pair_similarity(members, np.vstack([f.embedding for f in members]))
    for state, total, (start, end) in zip(states, totals, spans, strict=True):
        assert state.score(article, article.embedding, time_total=float(total)) == pytest.approx(
            sim[0, start:end].mean(), abs=1e-5)
    assert len(time_totals(article, [])) == 0


def test_the_five_seeds_stream_into_one_story(seed_articles):
    """004 is undated and names 2015 only in passing (a medal awarded then): no evidence against 2022."""
    from storyweave.cluster.batch import featurize
    from storyweave.cluster.stream import assign

    articles = list(seed_articles.values())
    labels = assign(StoryStream(), articles, featurize(articles))
    assert len(set(labels)) == 1


def test_a_story_of_two_interleaved_events_splits_and_its_first_article_keeps_the_id(tmp_path):
    """ECB+ topic 7: the articles of two Klitschko fights arrive alternately, so they first form one story."""
    from storyweave.cluster.batch import featurize, story_id
    from storyweave.cluster.stream import assign
    from tests.cluster.test_batch import _topic_articles

    articles, gold = _topic_articles(tmp_path, "7")
    flow = StoryStream()
    labels = assign(flow, articles, featurize(articles))
    assert flow.splits, "the two events were one story before they split"
    by_story: dict[str, set[str]] = {}
    for label, event in zip(labels, gold, strict=True):
        by_story.setdefault(label, set()).add(event)
    assert sorted(map(sorted, by_story.values())) == [["7_ecb"], ["7_ecbplus"]]
    arrival = sorted(range(len(articles)), key=lambda i: (articles[i].published is None, articles[i].published or "", i))
    first = arrival[0]
    assert labels[first] == story_id(articles[first].id) == flow.splits[0][0]
    assert all(flow.stories[sid].article_ids for sid in labels)


def _two_tight_stories():
    """Two stories of five near-identical articles each; an article near both lifts their average linkage
    over the threshold."""
    from storyweave.cluster.cohesion import COHESION_MIN

    common, own_a, own_b = list(range(12)), list(range(100, 129)), list(range(200, 229))
    a = [_features(f"a{i}", _lead(1.0), common + own_a + [1000 + i]) for i in range(COHESION_MIN)]
    b = [_features(f"b{i}", _lead(0.8), common + own_b + [2000 + i]) for i in range(COHESION_MIN)]
    return a, b, _features("x", _lead(1.0) + _lead(0.8), common + own_a + own_b)


def test_two_tight_stories_do_not_merge_through_one_article_near_both():
    a, b, bridge = _two_tight_stories()
    flow = StoryStream()
    sid_a, sid_b = {flow.add(f) for f in a}, {flow.add(f) for f in b}
    assert len(sid_a) == 1 and len(sid_b) == 1 and sid_a != sid_b
    assert flow.add(bridge) in sid_a | sid_b
    (sid_a,), (sid_b,) = sid_a, sid_b
    assert flow.stories[sid_a].linkage(flow.stories[sid_b]) >= flow.threshold, "the threshold alone would merge"
    assert flow.merges == [] and len(flow.stories) == 2


def test_restored_stories_read_their_members_to_know_their_cohesion():
    a, b, bridge = _two_tight_stories()
    stored = {f.article_id: f for f in a + b}
    for features_of, merged in ((lambda ids: [stored[i] for i in ids], False), (None, True)):
        flow = StoryStream(features_of=features_of)
        for seq, members in enumerate((a, b)):
            for f in members:
                flow.restore(f, f"s{seq}", seq)
        flow.finish_restore()
        flow.add(bridge)
        assert bool(flow.merges) is merged, "without the stored features the threshold alone decides"


def test_a_split_off_story_never_takes_an_id_in_use_or_redirected():
    from storyweave.cluster.stream import StoryState, story_id

    flow = StoryStream()
    assert flow._free_id(["a", "b"]) == story_id("a")
    flow.redirects[story_id("a")] = "st-elsewhere"
    assert flow._free_id(["a", "b"]) == story_id("b")
    flow.stories[story_id("b")] = StoryState(story_id("b"), 0)
    assert flow._free_id(["a", "b"]) == story_id("a#1")


def test_interleaved_stories_each_find_their_story_whatever_came_between():
    """Every article moves its story's centroid in the index; after thousands of such moves an article must
    still reach its own story among hundreds (an approximate index updated this way lost some)."""
    rng = np.random.default_rng(4)
    topics = (rng.normal(size=DIM) + 0.5 * rng.normal(size=(300, DIM))).astype(np.float32)  # cosine ~0.8
    arrivals = [t for t in range(len(topics)) for _ in range(6)]
    rng.shuffle(arrivals)
    flow, story_of_topic = StoryStream(), {}
    for k, topic in enumerate(arrivals):
        lead = topics[topic] + 0.2 * rng.normal(size=DIM).astype(np.float32)
        sid = flow.add(_features(f"t{topic}-{k}", lead, [3 * topic, 3 * topic + 1, 3 * topic + 2]))
        assert story_of_topic.setdefault(topic, sid) == sid
    assert len(flow.stories) == len(topics)


def test_a_story_scores_an_article_and_another_story_by_the_batch_similarity_of_every_pair():
    """The sums a story keeps per language and length give exactly the batch's average similarity, with the
    embedding weighted as the pair's languages and lengths ask (features.embed_weight)."""
    rng = np.random.default_rng(5)
    base = rng.normal(size=DIM)

    def member(i: int, language: str, terms: int) -> Features:
        feats = _features(f"m{i}", base + rng.normal(size=DIM), rng.choice(200, terms, replace=False).tolist())
        return dataclasses.replace(feats, language=language)

    members = [member(i, language, terms) for i, (language, terms) in
               enumerate([("en", 5), ("en", 40), ("de", 5), ("de", 40), ("en", 6), ("en", 35)] * 2)]
    assert {is_full(f) for f in members} == {True, False}
    sim = pair_similarity(members, np.vstack([f.embedding for f in members]))
    first, second = StoryState("s1", 0), StoryState("s2", 1)
    for i, feats in enumerate(members[:8]):
        (first if i < 5 else second).add(feats, feats.embedding)
    for k in (8, 9, 10, 11):
        assert first.score(members[k], members[k].embedding) == pytest.approx(sim[k, :5].mean(), abs=1e-5)
    assert first.linkage(second) == pytest.approx(sim[:5, 5:8].mean(), abs=1e-5)


def test_a_story_scores_pairs_of_two_languages_by_the_cross_language_vectors_as_the_batch_does():
    """Members of two languages that both carry a cross-language vector (multilingual USE) are compared by it,
    blended with e5; a language without one (here "cs") keeps e5 alone. The story's sums give the batch's
    average exactly, so stream and batch stay one rule."""
    rng = np.random.default_rng(11)
    base, crossing_base = rng.normal(size=DIM), rng.normal(size=512)

    def member(i: int, language: str, terms: int) -> Features:
        feats = _features(f"m{i}", base + rng.normal(size=DIM), rng.choice(200, terms, replace=False).tolist())
        crossing = None
        if language != "cs":
            crossing = crossing_base + rng.normal(size=512)
            crossing = (crossing / np.linalg.norm(crossing)).astype(np.float32)
        return dataclasses.replace(feats, language=language, crosslingual=crossing)

    members = [member(i, language, terms) for i, (language, terms) in
               enumerate([("en", 40), ("ja", 40), ("cs", 40), ("en", 5), ("ja", 35), ("cs", 6)] * 2)]
    crossing = np.vstack([f.crosslingual if f.crosslingual is not None else np.zeros(512, np.float32)
                          for f in members])
    sim = pair_similarity(members, np.vstack([f.embedding for f in members]), crossing)
    assert sim[0, 1] != pytest.approx(pair_similarity(members[:2], np.vstack([f.embedding for f in members[:2]]))[0, 1])
    first, second = StoryState("s1", 0), StoryState("s2", 1)
    for i, feats in enumerate(members[:8]):
        (first if i < 5 else second).add(feats, feats.embedding, crossing=feats.crosslingual)
    for k in (8, 9, 10, 11):
        assert first.score(members[k], members[k].embedding, members[k].crosslingual) == pytest.approx(
            sim[k, :5].mean(), abs=1e-5)
    assert first.linkage(second) == pytest.approx(sim[:5, 5:8].mean(), abs=1e-5)


def test_a_story_s_term_sums_add_its_members_vectors_and_keep_the_heaviest_terms_when_they_grow():
    from storyweave.cluster.stream import STORY_TERMS, LanguagePart

    rng = np.random.default_rng(9)
    part, expected = LanguagePart(), {}
    for _ in range(4):
        keys = np.sort(rng.choice(STORY_TERMS, 60, replace=False)).astype(np.int64)
        values = rng.random(60).astype(np.float32)
        part.add_terms(keys, values)
        for key, value in zip(keys.tolist(), values.tolist(), strict=True):
            expected[key] = expected.get(key, 0.0) + value
    assert part.keys.tolist() == sorted(expected)
    assert part.sums.tolist() == pytest.approx([expected[k] for k in sorted(expected)], abs=1e-12)

    other = LanguagePart()
    other.add_terms(np.arange(STORY_TERMS, 3 * STORY_TERMS, dtype=np.int64), np.full(2 * STORY_TERMS, 1e-6))
    kept = LanguagePart(keys=part.keys.copy(), sums=part.sums.copy())
    kept.add_terms(other.keys, other.sums, trim=False)  # a merge keeps every term of both stories
    assert len(kept.keys) == len(part.keys) + 2 * STORY_TERMS and np.all(np.diff(kept.keys) > 0)
    part.add_terms(other.keys, other.sums)
    assert len(part.keys) == STORY_TERMS and np.all(np.diff(part.keys) > 0)
    assert len(expected) < STORY_TERMS and set(expected) < set(part.keys.tolist())  # the members' terms outweigh
