"""A wire story syndicated thousands of times: streaming ingest time as the groups of copies grow.

    python benchmarks/syndication.py                      # 10,000 copies of 4 ECB+ articles, both kinds
    python benchmarks/syndication.py --copies 20000 --kinds feed
    python benchmarks/syndication.py --copies 2000 --report   # and the report of one story of copies

The ECB+ dev articles are ingested first (the background a store already holds), then copies of a few of
them arrive in random order through ``pipeline.ingest``, as ``storyweave ingest`` reads a JSONL file (tens
of megabytes: read record by record). Two kinds of copy: ``edited`` (another headline, boilerplate around
the body, truncated to 60-100 %, ~2.5 % of words edited: benchmarks/clustering.py's copies) and ``feed``
(the whole body under another headline with an outlet line: one item reposted by many feeds, nearly
identical). Printed: seconds per thousand copies as the groups grow (flat when copy detection keeps up),
the share of copies in their original's group (pointing where it points, or its original: an edit can leave
a copy dated before the original), and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from itertools import pairwise
from pathlib import Path

from clustering import DATA, copy_of

from storyweave.ingest import read_inputs
from storyweave.model import Article
from storyweave.pipeline import ingest, story_report
from storyweave.store import SQLiteStore

CHUNK = 1000


def feed_copy(article: Article, rng: random.Random, other_titles: list[str], n: int) -> Article:
    outlet = f"Posted by The Daily Courier {n}"
    return Article(id=f"{article.id}-feed", source_path="copy", text=f"{outlet}\n\n{article.text}",
                   title=rng.choice(other_titles))


def storm(kind: str, count: int, groups: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    articles = [a for a in read_inputs([DATA / "ecbplus" / "dev.jsonl"]) if isinstance(a, Article)]
    titles = [a.title or "" for a in articles]
    originals = rng.sample([a for a in articles if len(a.text.split()) >= 150], groups)
    records = []
    for n in range(count):
        original = originals[n % groups]
        made = copy_of(original, rng, titles) if kind == "edited" else feed_copy(original, rng, titles, n)
        records.append({"id": f"{original.external_id}~copy{n}", "title": made.title, "text": made.text})
    rng.shuffle(records)
    return records


def run(kind: str, count: int, groups: int, seed: int, with_report: bool = False) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = SQLiteStore(Path(folder) / "store.db")
        began = time.perf_counter()
        ingest([DATA / "ecbplus" / "dev.jsonl"], store)
        background = time.perf_counter() - began
        path = Path(folder) / "storm.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in storm(kind, count, groups, seed)), encoding="utf-8")
        marks = [time.perf_counter()]

        def tick(_record: object) -> None:
            seen = tick.seen = getattr(tick, "seen", 0) + 1
            if seen % CHUNK == 0:
                marks.append(time.perf_counter())

        result = ingest([path], store, on_record=tick)
        if count % CHUNK:
            marks.append(time.perf_counter())
        by_external = {a.external_id: a for a in store.articles()}
        copies = {eid: a for eid, a in by_external.items() if "~copy" in eid}
        originals = {eid: by_external[eid.split("~")[0]] for eid in copies}
        expected = sum((a.duplicate_of or a.id) == (originals[eid].duplicate_of or originals[eid].id)
                       for eid, a in copies.items())
        stories = len({store.story_of(a.id) for a in copies.values()})
        report = _report(store, store.story_of(next(iter(copies.values())).id)) if with_report else None
        store.close()
    per_chunk = [b - a for a, b in pairwise(marks)]
    print(f"\n{kind}: {count} copies of {groups} ECB+ dev articles, after the {len(by_external) - count} "
          f"dev articles ({background:.0f} s)")
    print(f"  added {result.added}, rejected {len(result.rejected)}; copies in their original's group: "
          f"{expected}/{count} ({expected / count:.3f}); stories they are in: {stories}")
    print(f"  total {marks[-1] - marks[0]:.1f} s, {count / (marks[-1] - marks[0]):.0f} copies/s")
    print("  seconds per thousand copies: " + " ".join(f"{s:.1f}" for s in per_chunk))
    if report:
        print(f"  the report of one story of copies: {report}")


def _report(store: SQLiteStore, sid: str) -> str:
    began = time.perf_counter()
    report = story_report(store, sid)
    seconds = time.perf_counter() - began
    copies = sum(a.duplicate_of is not None for a in report.articles)
    return (f"{len(report.articles)} articles ({copies} copies) in {seconds:.1f} s: {len(report.entities)} entities, "
            f"{len(report.quotes)} quotes, {len(report.claims)} claims, "
            f"{len(report.stories[0].summary)} brief sentences")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=10_000)
    parser.add_argument("--groups", type=int, default=4)
    parser.add_argument("--kinds", nargs="+", default=["feed", "edited"], choices=["feed", "edited"])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--report", action="store_true", help="also time the report of one story of copies")
    args = parser.parse_args()
    for kind in args.kinds:
        run(kind, args.copies, args.groups, args.seed, args.report)
    print(f"\npeak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
