"""The WMT multiway dev versions (../shared/data/wmt-multiway/) read as the pipeline reads a story: each
language version of an article (title, then one sentence a line) is an article, and all versions of one
article are one story. Shared by the quotes and claims benchmarks."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from storyweave.model import Article, Story

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "wmt-multiway"


def versions() -> tuple[list[Story], dict[str, Article]]:
    records = [json.loads(line) for line in (DATA / "dev.jsonl").read_text(encoding="utf-8").splitlines()
               if line.strip()]
    articles: dict[str, Article] = {}
    members: dict[str, list[str]] = defaultdict(list)
    for record in records:
        articles[record["id"]] = Article(id=record["id"], source_path=record["id"],
                                         text=record["title"] + "\n" + record["text"],
                                         language=record["language"])
        members[record["id"].rsplit(":", 1)[0]].append(record["id"])
    return [Story(sid, sid, ids) for sid, ids in members.items()], articles


def language(article_id: str) -> str:
    return article_id.rsplit(":", 1)[1]


def parallel(story: Story, articles: dict[str, Article]) -> bool:
    """Versions with the same number of lines: line i of each renders the same sentence (sentence-aligned)."""
    return len({articles[aid].text.count("\n") for aid in story.article_ids}) == 1


def line_map(lines_a: int, lines_b: int, anchors: list[tuple[int, int]]) -> dict[int, int]:
    """Line i of version a -> line of version b, where it can be told (``lines_a``, ``lines_b``: the index of
    each version's last line).

    Versions with one line count are parallel line by line. Otherwise (a WMT document whose language pairs
    came from test sets missing a sentence or two) the lines known to render each other (the gold quotation
    rows placed in both; not the titles, as one test set may lack the title) anchor the map: a line between
    two anchors of one offset keeps it, a line before the first anchor keeps an offset of 0 and one after the
    last keeps an offset that is the whole difference in length; elsewhere a sentence was dropped and the line
    is left out (not judged)."""
    if lines_a == lines_b:
        return {i: i for i in range(lines_a + 1)}
    points = sorted(set(anchors))
    if not points or any(b1 >= b2 for (_a1, b1), (_a2, b2) in zip(points, points[1:], strict=False)):
        return {}
    mapped: dict[int, int] = dict(points)
    first_a, first_b = points[0]
    if first_a == first_b:
        mapped.update({i: i for i in range(first_a)})
    for (a1, b1), (a2, b2) in zip(points, points[1:], strict=False):
        if b1 - a1 == b2 - a2:
            mapped.update({i: i + b1 - a1 for i in range(a1, a2 + 1)})
    last_a, last_b = points[-1]
    if last_b - last_a == lines_b - lines_a:
        mapped.update({i: i + last_b - last_a for i in range(last_a, lines_a + 1)})
    return mapped
