"""Claims: assertions grouped across articles with support, contradiction and independence (extract.py)."""

from .extract import claims_for, independent_sources, story_claims

__all__ = ["claims_for", "independent_sources", "story_claims"]
