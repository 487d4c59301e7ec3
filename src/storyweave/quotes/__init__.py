"""Quotes: direct and reported speech with its speaker, aligned across articles (extract.py)."""

from .extract import quotes_for, story_quotes

__all__ = ["quotes_for", "story_quotes"]
