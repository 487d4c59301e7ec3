"""Copies: exact and near-duplicate articles (syndication, reposts, truncated or lightly edited copies)."""

from .copies import CopyIndex, mark_copies, signature

__all__ = ["CopyIndex", "mark_copies", "signature"]
