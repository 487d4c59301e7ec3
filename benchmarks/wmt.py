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
