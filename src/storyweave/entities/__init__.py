"""Entities: mentions found in a story's articles, resolved to canonical entities, linked to the KB."""

from __future__ import annotations

from ..model import Article, Entity, Story
from .kb import KB, load
from .mentions import Mention, find
from .resolve import resolve

__all__ = ["KB", "Mention", "entities_for", "find", "load", "resolve"]


def entities_for(stories: list[Story], articles: list[Article], kb: KB | None = None) -> list[Entity]:
    """Every story's entities; NER runs once over all the articles."""
    kb = kb or load()
    by_id = {a.id: a for a in articles}
    members = [by_id[aid] for story in stories for aid in story.article_ids if aid in by_id]
    mentions = find(list({a.id: a for a in members}.values()), kb)
    by_article: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_article.setdefault(mention.article_id, []).append(mention)
    out: list[Entity] = []
    for story in stories:
        story_mentions = [m for aid in story.article_ids for m in by_article.get(aid, [])]
        out.extend(resolve(story, story_mentions, by_id, kb))
    return out
