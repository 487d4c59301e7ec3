"""Claims: assertions grouped across articles with support, contradiction and independence (extract.py)."""

from .extract import claims_and_sources, independent_sources, read_story, story_claims

__all__ = ["claims_and_sources", "independent_sources", "read_story", "story_claims"]
