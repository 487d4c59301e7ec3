"""Quotes: direct and reported speech with its speaker (speech.py, with english.py and cyrillic.py), aligned
across a story's articles (align.py)."""

from .align import quotes_for, story_quotes
from .speech import article_renderings, same_speaker

__all__ = ["article_renderings", "quotes_for", "same_speaker", "story_quotes"]
