"""Entities: mentions found in a story's articles, resolved to canonical entities, linked to the KB."""

from __future__ import annotations

from pathlib import Path

from ..model import Article, Entity, Story
from ..settings import Settings
from .aligned import Aligner
from .kb import DEFAULT_PATH, KB, load
from .mentions import Mention, find, propagate
from .resolve import resolve
from .speakers import attach_speakers

__all__ = ["KB", "Mention", "attach_speakers", "entities_for", "find", "load", "load_kb", "resolve"]


def load_kb(settings: Settings) -> KB:
    """The KB the settings name (``kb_path``, ``kb_extra``), opened once per process."""
    extra = tuple(Path(p.strip()) for p in settings.kb_extra.split(",") if p.strip())
    return load(Path(settings.kb_path) if settings.kb_path else DEFAULT_PATH, extra)


def entities_for(stories: list[Story], articles: list[Article], kb: KB | None = None) -> list[Entity]:
    """Every story's entities; NER runs once over all the articles."""
    kb = kb or load()
    by_id = {a.id: a for a in articles}
    members = [by_id[aid] for story in stories for aid in story.article_ids if aid in by_id]
    mentions = find(list({a.id: a for a in members}.values()), kb)
    by_article: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_article.setdefault(mention.article_id, []).append(mention)
    aligner = Aligner()
    out: list[Entity] = []
    for story in stories:
        members = [by_id[aid] for aid in story.article_ids if aid in by_id]
        story_mentions = propagate([m for aid in story.article_ids for m in by_article.get(aid, [])], members)
        out.extend(resolve(story, story_mentions, by_id, kb, aligner))
    return out
