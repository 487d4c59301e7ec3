"""Timeline: dated events, absolute and relative dates resolved (resolve.py), merged across articles (events.py)."""

from .events import story_timeline, timelines
from .resolve import TimeExpression, find

__all__ = ["TimeExpression", "find", "story_timeline", "timelines"]
