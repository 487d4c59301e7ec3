"""A cited brief per story (extract.py)."""

from .extract import brief, brief_all

__all__ = ["brief", "brief_all"]
