"""Story clustering and copy detection, measured on the labelled dev data in ../shared/data.

    python benchmarks/clustering.py                 # every figure below, on ecbplus, uci-headlines, wmt-multiway
    python benchmarks/clustering.py --sets ecbplus  # one set
    python benchmarks/clustering.py --calibrate     # sweep the merge distance (how MERGE_DISTANCE was chosen)
    python benchmarks/clustering.py --latency 100000  # streaming p95 with N stories/articles stored (synthetic)

For each set: BCubed precision/recall/F1 and pairwise F1 for batch and streaming (in the file's order and
in ORDERS random arrival orders: mean, spread, worst), articles/s of the
clustering stage (features + assignment, once the models are loaded), and, on the same data in the same run, the reference
baseline: TF-IDF + average-linkage agglomerative clustering with one cosine-distance threshold tuned on
the data itself (its best over a grid, so the baseline is an upper bound for that method). Then copy
detection on copies built from ECB+ articles. Peak RSS at the end. Per set also what its labels allow a text
reader (identical texts they part) and the batch's tree (its best cut, chosen with the labels: an oracle).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from storyweave.cluster import batch, cohesion, stream
from storyweave.cluster.features import lead_vectors
from storyweave.dedup import CopyIndex, signature
from storyweave.dedup.copies import COPY_CONTAINMENT, COPY_JACCARD, is_copy, shingles
from storyweave.ingest import read_inputs
from storyweave.model import Article
from storyweave.nlp import embed

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SETS = ("ecbplus", "uci-headlines", "wmt-multiway")
#: other arrival orders streaming is measured in: a file's order is one of many a stream may bring (the dev
#: files list each story's articles together), and articles of one published minute, or undated, arrive in any
ORDERS = 5


def load(name: str) -> tuple[list[Article], list[str]]:
    articles = [a for a in read_inputs([DATA / name / "dev.jsonl"]) if isinstance(a, Article)]
    gold = {}
    for line in (DATA / name / "dev_labels.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        gold[parts[0]] = parts[1]
    return articles, [gold[a.external_id] for a in articles]


def bcubed(pred: list, gold: list) -> tuple[float, float, float]:
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold, strict=True)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    precision = recall = 0.0
    for p, g in zip(pred, gold, strict=True):
        common = len(by_pred[p] & by_gold[g])
        precision += common / len(by_pred[p])
        recall += common / len(by_gold[g])
    precision, recall = precision / len(pred), recall / len(pred)
    return precision, recall, 2 * precision * recall / (precision + recall)


def pairwise_f1(pred: list, gold: list) -> float:
    def pairs(labels):
        groups = defaultdict(list)
        for i, label in enumerate(labels):
            groups[label].append(i)
        return {(a, b) for members in groups.values() for k, a in enumerate(members) for b in members[k + 1:]}

    p, g = pairs(pred), pairs(gold)
    if not p or not g:
        return 0.0
    tp = len(p & g)
    return 2 * tp / (len(p) + len(g))


def labels_of(stories, articles) -> list[str]:
    where = {aid: s.id for s in stories for aid in s.article_ids}
    return [where[a.id] for a in articles]


def baseline(articles: list[Article], gold: list[str]) -> tuple[float, tuple[float, float, float], float]:
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist
    from sklearn.feature_extraction.text import TfidfVectorizer

    start = time.perf_counter()
    matrix = TfidfVectorizer(sublinear_tf=True).fit_transform([(a.title or "") + "\n" + a.text for a in articles])
    tree = linkage(pdist(matrix.toarray(), metric="cosine"), method="average")
    seconds = time.perf_counter() - start
    best = max(((bcubed(list(fcluster(tree, t, "distance")), gold), t) for t in np.arange(0.3, 1.0, 0.025)),
               key=lambda x: x[0][2])
    return best[1], best[0], seconds


def run_set(name: str, distance: float) -> dict:
    articles, gold = load(name)
    batch.featurize(articles[:2], crossing=True)  # the models and word lists load once per process (~1.5 s)
    start = time.perf_counter()
    vectors = lead_vectors(articles)
    features = batch.featurize(articles, vectors)
    embed_seconds = time.perf_counter() - start
    stories = batch.cluster(articles, distance, features)
    batch_seconds = time.perf_counter() - start
    pred = labels_of(stories, articles)

    by_id = {f.article_id: f for f in features}
    flow = stream.StoryStream(features_of=lambda ids: [by_id[aid] for aid in ids])
    start = time.perf_counter()
    latencies = []
    order = sorted(range(len(articles)), key=lambda i: (articles[i].published is None, articles[i].published or "", i))
    for i in order:
        tick = time.perf_counter()
        flow.add(features[i])
        latencies.append(time.perf_counter() - tick)
    stream_pred = [flow.of_article[a.id] for a in articles]
    stream_seconds = time.perf_counter() - start + embed_seconds
    orders = shuffled_streams(articles, features, gold, distance=stream.STREAM_DISTANCE)
    threshold, base, base_seconds = baseline(articles, gold)
    agreement = label_agreement(articles, features, gold)
    return {
        "set": name, "n": len(articles), "stories": len(set(gold)),
        "batch": bcubed(pred, gold), "batch_pairwise": pairwise_f1(pred, gold),
        "batch_rate": len(articles) / batch_seconds,
        "stream": bcubed(stream_pred, gold), "stream_pairwise": pairwise_f1(stream_pred, gold),
        "stream_rate": len(articles) / stream_seconds,
        "stream_p95_ms": 1000 * float(np.percentile(latencies, 95)),
        "stream_orders": orders,
        "baseline": base, "baseline_threshold": threshold, "baseline_rate": len(articles) / base_seconds,
        "label_agreement": agreement,
    }


#: pairs at or above this story similarity are rewordings of one item (UCI: the same headline from two outlets)
NEAR_SIMILARITY = 0.6


def label_agreement(articles: list[Article], features: list, gold: list[str]) -> dict:
    """How often the gold labels part articles whose texts say the same: pairs of identical texts (casefolded,
    punctuation dropped) and pairs at NEAR_SIMILARITY or more that sit in different gold stories. No method that
    reads the texts can part two identical ones, and rewordings hardly, so this is gold a text reader can't reach.
    ``ceiling``: the gold itself with the stories that identical texts straddle joined, scored against the gold:
    the most any method that keeps identical texts together can score."""
    by_text = defaultdict(list)
    for i, a in enumerate(articles):
        by_text[" ".join(re.findall(r"\w+", ((a.title or "") + " " + a.text).casefold()))].append(i)
    identical = [(i, j) for rows in by_text.values() for k, i in enumerate(rows) for j in rows[k + 1:]]
    labels = np.array(gold)
    sim = batch.similarity_matrix(features)
    upper = np.triu(sim >= NEAR_SIMILARITY, 1)
    near_rows, near_cols = np.nonzero(upper)
    joined = {g: g for g in gold}

    def root(g: str) -> str:
        while joined[g] != g:
            g = joined[g]
        return g

    for i, j in identical:
        joined[root(gold[i])] = root(gold[j])
    return {"identical_pairs": len(identical), "identical_parted": sum(gold[i] != gold[j] for i, j in identical),
            "near_pairs": int(len(near_rows)), "near_parted": int((labels[near_rows] != labels[near_cols]).sum()),
            "ceiling": bcubed([root(g) for g in gold], gold)[2], "tree_cut": tree_ceiling(sim, gold)}


def tree_ceiling(sim: np.ndarray, gold: list[str]) -> tuple[tuple[float, float, float], float]:
    """What any rule for where to cut the batch's average-linkage tree could reach (an oracle, for sizing only):
    the BCubed of the best cut found with the gold, and a bound no cut's F1 passes. A node's precision and recall
    sums are additive over a cut's clusters, so each weighing of the two, ``w P + (1 - w) R``, has an exact best
    cut, found bottom-up. F1 is no such weighing, so the best of those cuts is a cut some rule could make, and
    the highest F1 of any (P, R) under every weighing's best value bounds what all cuts can score."""
    n, sizes = len(gold), Counter(gold)
    if n < 2:
        return bcubed(list(range(n)), gold), 1.0
    tree = cohesion.average_tree(sim)
    counts = [Counter([g]) for g in gold]
    children: list[tuple[int, int]] = []
    for left, right, _, _ in tree:
        children.append((int(left), int(right)))
        counts.append(counts[int(left)] + counts[int(right)])
    precision = np.array([sum(c * c for c in k.values()) / sum(k.values()) for k in counts]) / n
    recall = np.array([sum(c * c / sizes[g] for g, c in k.items()) for k in counts]) / n
    best, bounds = (0.0, 0.0, 0.0), []
    for weight in np.linspace(0.02, 0.98, 49):
        value = weight * precision + (1 - weight) * recall
        whole = np.ones(len(counts), dtype=bool)
        for k, (left, right) in enumerate(children, start=n):
            if value[k] < value[left] + value[right]:
                value[k], whole[k] = value[left] + value[right], False
        bounds.append((weight, value[-1]))
        labels, stack = [0] * n, [(len(counts) - 1, -1)]
        while stack:
            node, label = stack.pop()
            label = node if label < 0 and whole[node] else label
            if node < n:
                labels[node] = label
            else:
                stack += [(child, label) for child in children[node - n]]
        best = max(best, bcubed(labels, gold), key=lambda f: f[2])
    p = np.linspace(0.0, 1.0, 10001)
    r = np.clip(np.min([(v - w * p) / (1 - w) for w, v in bounds], axis=0), 0.0, 1.0)
    # r falls as p grows and F1 grows with both, so between two grid points F1 is at most F1(next p, this r)
    return best, float(np.max(2 * p[1:] * r[:-1] / np.maximum(p[1:] + r[:-1], 1e-12)))


def shuffled_streams(articles: list[Article], features: list, gold: list[str], distance: float,
                     orders: int = ORDERS) -> list[float]:
    """Streaming BCubed F1 in ``orders`` random arrival orders (published time still first; its ties and the
    undated in random order), so a figure is not the luck of the file's order."""
    scores = []
    for seed in range(1, orders + 1):
        order = list(range(len(articles)))
        random.Random(seed).shuffle(order)
        pred = stream.assign(stream.StoryStream(distance), [articles[i] for i in order], [features[i] for i in order])
        scores.append(bcubed(pred, [gold[i] for i in order])[2])
    return scores


def _fmt(triple) -> str:
    return "P %.3f R %.3f F1 %.3f" % triple


def report(results: list[dict]) -> None:
    for r in results:
        print(f"\n{r['set']}: {r['n']} articles, {r['stories']} gold stories")
        print(f"  batch     BCubed {_fmt(r['batch'])}  pairwise F1 {r['batch_pairwise']:.3f}  "
              f"{r['batch_rate']:.0f} articles/s")
        print(f"  streaming BCubed {_fmt(r['stream'])}  pairwise F1 {r['stream_pairwise']:.3f}  "
              f"{r['stream_rate']:.0f} articles/s, assignment p95 {r['stream_p95_ms']:.1f} ms")
        orders = r["stream_orders"]
        print(f"  streaming in {len(orders)} other arrival orders: BCubed F1 mean {np.mean(orders):.3f}, "
              f"sd {np.std(orders):.3f}, min {min(orders):.3f}")
        print(f"  baseline  BCubed {_fmt(r['baseline'])}  (TF-IDF + average linkage, threshold "
              f"{r['baseline_threshold']:.3f} tuned on this data; {r['baseline_rate']:.0f} articles/s)")
        print(f"  ratio batch/baseline F1 {r['batch'][2] / r['baseline'][2]:.3f}")
        agree = r["label_agreement"]
        print(f"  gold labels part {agree['identical_parted']} of {agree['identical_pairs']} pairs of identical "
              f"texts and {agree['near_parted']} of {agree['near_pairs']} pairs at similarity >= {NEAR_SIMILARITY}"
              + (f" ({agree['near_parted'] / agree['near_pairs']:.1%})" if agree["near_pairs"] else "")
              + f"; keeping identical texts together, BCubed F1 is at most {agree['ceiling']:.3f}")
        cut, bound = agree["tree_cut"]
        print(f"  the best cut of the batch's average-linkage tree, chosen with the gold (an oracle): BCubed "
              f"{_fmt(cut)}; no cut of it scores over F1 {bound:.3f}")


def calibrate(names: list[str]) -> None:
    """Sweep the batch and the streaming merge distance on each set with one embedding pass."""
    cache = {}
    for name in names:
        articles, gold = load(name)
        cache[name] = (articles, gold, batch.featurize(articles))
    for mode in ("batch", "streaming"):
        print(f"\n{mode}: BCubed F1 by merge distance" + (f" (mean of {ORDERS} arrival orders)" if mode == "streaming" else ""))
        print("distance  " + "  ".join(f"{n:>14s}" for n in names) + "   mean")
        for distance in np.arange(0.55, 0.91, 0.025):
            scores = []
            for name in names:
                articles, gold, features = cache[name]
                if mode == "batch":
                    pred = labels_of(batch.cluster(articles, distance, features), articles)
                    scores.append(bcubed(pred, gold)[2])
                else:
                    scores.append(float(np.mean(shuffled_streams(articles, features, gold, distance))))
            print(f"{distance:8.3f}  " + "  ".join(f"{s:14.3f}" for s in scores) + f"  {np.mean(scores):.3f}")
    print("\nBCubed F1 by cohesion ratio and smallest group (cohesion.py; 0 = no cohesion test), batch / streaming")
    print("ratio min  " + "  ".join(f"{n:>14s}" for n in names))
    chosen = cohesion.COHESION_RATIO, cohesion.COHESION_MIN
    for ratio, smallest in [(0.0, 5), *((r, m) for m in (4, 5, 6) for r in (0.7, 0.75, 0.8, 0.85, 0.9))]:
        cohesion.COHESION_RATIO, cohesion.COHESION_MIN = ratio, smallest
        scores = []
        for name in names:
            articles, gold, features = cache[name]
            pred = labels_of(batch.cluster(articles, batch.MERGE_DISTANCE, features), articles)
            flow = stream.StoryStream()
            scores.append(f"{bcubed(pred, gold)[2]:.3f} / {bcubed(stream.assign(flow, articles, features), gold)[2]:.3f}")
        print(f"{ratio:5.2f} {smallest:3d}  " + "  ".join(f"{s:>14s}" for s in scores))
    cohesion.COHESION_RATIO, cohesion.COHESION_MIN = chosen


def copy_of(article: Article, rng: random.Random, other_titles: list[str]) -> Article:
    """A syndicated copy: another headline, boilerplate around it, truncated and lightly edited."""
    words = article.text.split()
    keep = int(len(words) * rng.uniform(0.6, 1.0))
    words = words[:keep]
    for _ in range(max(1, len(words) // 40)):
        i = rng.randrange(len(words))
        words[i] = rng.choice(["the", "a", "reportedly", "also", words[i].upper()])
    body = " ".join(words)
    text = "\n\n".join([rng.choice(["Share this", "Advertisement", "Follow us"]), body,
                        rng.choice(["Copyright 2013 News Wire.", "Read more:", "Related coverage below."])])
    return Article(id=article.id + "-copy", source_path="copy", text=text, title=rng.choice(other_titles))


def _exact(a: Article, b: Article) -> tuple[float, float]:
    sa, sb = shingles(a.text), shingles(b.text)
    common = len(sa & sb)
    return common / max(1, len(sa | sb)), common / max(1, min(len(sa), len(sb)))


def _really_copies(a: Article, b: Article) -> bool:
    jaccard, containment = _exact(a, b)
    return jaccard >= COPY_JACCARD or containment >= COPY_CONTAINMENT


def copies(seed: int = 7) -> None:
    """Built copies must be found; every reported pair must really share its text (exact shingle sets)."""
    articles, gold = load("ecbplus")
    rng = random.Random(seed)
    long_enough = [a for a in articles if len(a.text.split()) >= 60]
    originals = rng.sample(long_enough, 200)
    titles = [a.title or "" for a in articles]
    made = [copy_of(a, rng, titles) for a in originals]
    by_id = {a.id: a for a in articles}
    index = CopyIndex()
    for article in articles:
        index.add(signature(article))
    texts = {a.id: a.text for a in articles + made}
    found = {c.id: dict(index.matches(signature(c), texts)) for c in made}
    recall = sum(c.id[:-5] in found[c.id] for c in made) / len(made)
    reported = [(c, by_id[other]) for c in made for other in found[c.id]]
    precision = sum(_really_copies(c, other) for c, other in reported) / max(1, len(reported))
    sigs = {a.id: signature(a) for a in articles}
    story_pairs = flagged = false = 0
    for i, a in enumerate(articles):
        for j in range(i + 1, len(articles)):
            if gold[i] == gold[j]:
                story_pairs += 1
                if is_copy(sigs[a.id], sigs[articles[j].id], (a.text, articles[j].text)) is not None:
                    flagged += 1
                    false += not _really_copies(a, articles[j])
    print(f"\ncopies: {len(made)} copies built from ECB+ dev articles (other headline, boilerplate, truncated to "
          f"60-100 %, ~2.5 % of words edited)")
    print(f"  recall {recall:.3f}; precision {precision:.3f} ({len(reported)} reported pairs, judged by exact "
          f"shingle overlap: the original or another article that really shares the text)")
    print(f"  among {story_pairs} pairs of different ECB+ articles of one story: {flagged} reported as copies, "
          f"{false} of them without real text overlap (exact Jaccard < {COPY_JACCARD} and containment "
          f"< {COPY_CONTAINMENT})")


def latency(n: int, seed: int = 3) -> None:
    """Streaming assignment p95 with n articles already assigned (synthetic vectors, real code path)."""
    from datetime import date

    from storyweave.cluster.features import Features

    topics = np.random.default_rng(seed).normal(size=(max(1, n // 5), embed.DIM)).astype(np.float32)

    def feats(i: int) -> Features:
        """Article i's features, the same each time they are asked for (as the store gives them back)."""
        rng = np.random.default_rng([seed, i])
        vector = topics[rng.integers(len(topics))] + 0.3 * rng.normal(size=embed.DIM).astype(np.float32)
        vector /= np.linalg.norm(vector)
        keys = np.sort(rng.choice(1 << 22, size=120, replace=False)).astype(np.int64)
        vals = rng.random(120).astype(np.float32)
        return Features(f"a{i}", "en", vector, (keys, vals / np.linalg.norm(vals)), 2022,
                        date(2022, 1 + i % 12, 1 + i % 28))

    flow = stream.StoryStream(features_of=lambda ids: [feats(int(aid[1:])) for aid in ids])
    start = time.perf_counter()
    for i in range(n):
        flow.add(feats(i))
    grow = time.perf_counter() - start
    times = []
    for i in range(n, n + 500):
        tick = time.perf_counter()
        flow.add(feats(i))
        times.append(time.perf_counter() - tick)
    print(f"\nstreaming with {n} articles stored ({len(flow.stories)} stories, {len(flow.splits)} split; "
          f"grown in {grow:.0f} s): "
          f"assignment p50 {1000 * np.percentile(times, 50):.1f} ms, p95 {1000 * np.percentile(times, 95):.1f} ms "
          f"(target p95 <= 50 ms); synthetic 384-d vectors around {len(topics)} topics, 120 lexical terms each")


def machine_speed(rounds: int = 100) -> float:
    """GFLOP/s of float32 products of e5's shapes (a batch of 16 leads of 57 pieces through its feed-forward
    layer) on every core: the machine's own speed, to read the stage's articles/s beside (it moved by a third
    within one day in session 43; session 13's machine ran e5's products at ~180)."""
    rng = np.random.default_rng(0)
    a = rng.random((912, 384), dtype=np.float32)
    b = rng.random((384, 1536), dtype=np.float32)
    a @ b
    start = time.perf_counter()
    for _ in range(rounds):
        a @ b
    return rounds * 2 * 912 * 384 * 1536 / (time.perf_counter() - start) / 1e9


def peak_rss(sets: bool) -> None:
    """The process's peak: with sets run, their n × n matrices and the tree oracle's count in it too."""
    whose = ", the sets' n × n matrices and the tree oracle included" if sets else ""
    print(f"\npeak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (this process{whose})")


def halves(languages: list[str]) -> None:
    """Each WMT dev article of a language cut at the line or sentence nearest its middle, as two reports of one
    event in one language (no labelled set holds such reports for most languages): how many pairs of halves of
    one article reach the story threshold, and how many pairs of halves of two articles do."""
    records = [json.loads(line) for line in (DATA / "wmt-multiway" / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    threshold = 1 - batch.MERGE_DISTANCE
    for language in languages:
        articles = []
        for record in (r for r in records if r["language"] == language):
            text, middle = record["text"], len(record["text"]) // 2
            cut = max(text.rfind("\n", 0, middle), text.rfind("。", 0, middle) + 1, text.rfind(". ", 0, middle) + 1)
            if cut >= len(text) // 4:
                articles += [Article(id=record["id"] + "/1", source_path="x", language=language, title=record["title"],
                                     text=text[:cut]),
                             Article(id=record["id"] + "/2", source_path="x", language=language, text=text[cut:].strip())]
        sim = batch.similarity_matrix(batch.featurize(articles))
        n = len(articles) // 2
        same = np.array([sim[2 * i, 2 * i + 1] for i in range(n)])
        other = np.array([sim[2 * i, 2 * j + 1] for i in range(n) for j in range(n) if i != j])
        print(f"halves {language}: {n} articles; halves of one article at the threshold ({threshold:.2f}) "
              f"{(same >= threshold).mean():.0%}, of two articles {(other >= threshold).mean():.2%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", nargs="*", default=list(SETS), choices=SETS,
                        help="labelled sets to measure; none (--sets with no name) with --latency: latency alone")
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--latency", type=int, default=0, help="also measure streaming p95 with N stored")
    parser.add_argument("--no-copies", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--halves", nargs="+", metavar="LANGUAGE",
                        help="only the halves of WMT dev articles in these languages as reports of one event")
    args = parser.parse_args()
    if args.halves:
        halves(args.halves)
        return
    if args.calibrate:
        calibrate(args.sets)
        return
    if args.latency and not args.sets:
        latency(args.latency)
        peak_rss(False)
        return
    speed = machine_speed()
    results = [run_set(name, batch.MERGE_DISTANCE) for name in args.sets]
    print(f"storyweave clustering benchmark (batch MERGE_DISTANCE {batch.MERGE_DISTANCE}, "
          f"streaming STREAM_DISTANCE {stream.STREAM_DISTANCE})")
    print(f"machine: float32 products of e5's shapes at {speed:.0f} GFLOP/s before the sets, "
          f"{machine_speed():.0f} after (the rates below move with it)")
    report(results)
    if not args.no_copies:
        copies()
    if args.latency:
        latency(args.latency)
    peak_rss(bool(args.sets))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
