import numpy as np

from storyweave.cluster.index import CentroidIndex
from storyweave.nlp.embed import DIM

#: sentence embeddings of unrelated texts sit in a narrow cone (e5: cosine ~0.8), which is what makes a
#: graph index updated in place lose its way; these vectors sit at cosine ~0.8 to each other too
CONE = np.random.default_rng(0).normal(size=DIM)


def _unit(rng: np.random.Generator) -> np.ndarray:
    vector = (CONE + 0.5 * rng.normal(size=DIM)).astype(np.float32)
    return vector / np.linalg.norm(vector)


def _churned(seed: int = 5) -> tuple[CentroidIndex, dict[str, np.ndarray]]:
    """An index updated as a stream updates it: every article moves its story's centroid, merged stories go."""
    rng = np.random.default_rng(seed)
    index, centroids, sums = CentroidIndex(), {}, {}
    for step in range(3000):
        sid = f"s{rng.integers(400)}" if step > 300 else f"s{step}"
        sums[sid] = sums.get(sid, 0) + _unit(rng)
        centroids[sid] = (sums[sid] / np.linalg.norm(sums[sid])).astype(np.float32)
        index.put(sid, centroids[sid])
        if step % 50 == 49:
            gone = sorted(centroids)[rng.integers(len(centroids))]
            index.remove(gone)
            del centroids[gone], sums[gone]
    return index, centroids


def test_every_story_stays_reachable_after_updates_and_removals():
    index, centroids = _churned()
    rng = np.random.default_rng(11)
    assert len(index) == len(centroids)
    for _ in range(20):
        query = _unit(rng)
        assert sorted(index.nearest(query, len(centroids))) == sorted(centroids)


def test_nearest_are_the_exact_top_k_best_first():
    index, centroids = _churned()
    ids = sorted(centroids)
    matrix = np.vstack([centroids[sid] for sid in ids])
    rng = np.random.default_rng(12)
    for _ in range(20):
        query = _unit(rng)
        exact = [ids[i] for i in np.argsort(-(matrix @ query), kind="stable")[:20]]
        assert index.nearest(query, 20) == exact


def test_the_saved_index_is_loaded_at_its_stamp_and_rebuilt_otherwise(tmp_path):
    path = tmp_path / "s.sqlite.stories.npy"
    index, centroids = _churned()
    index.path = path
    index.save(stamp=3000)
    query = _unit(np.random.default_rng(13))
    expected = index.nearest(query, 10)

    loaded = CentroidIndex(path)
    loaded.rebuild({sid: np.zeros(DIM, dtype=np.float32) for sid in centroids}, stamp=3000)
    assert loaded.nearest(query, 10) == expected  # the saved vectors, not the zeros passed in
    loaded.put("new", query)
    assert loaded.nearest(query, 1) == ["new"]  # a loaded index takes updates

    stale = CentroidIndex(path)
    stale.rebuild(centroids | {"new": query}, stamp=3001)
    assert stale.nearest(query, 1) == ["new"]

    keys = path.with_suffix(".keys")
    for damaged, damaged_keys in ((b"not an array", None), (b"", None), (None, b"\xff\xfe not text")):
        if damaged is not None:
            path.write_bytes(damaged)
        if damaged_keys is not None:
            keys.write_bytes(damaged_keys)
        broken = CentroidIndex(path)
        broken.rebuild(centroids, stamp=3000)
        assert broken.nearest(query, 10) == expected
