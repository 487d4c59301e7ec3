"""The language a story is read in, so that its claims and quotes are stated in one language where their
renderings allow."""

from __future__ import annotations

from collections import Counter

from ..model import Article


def reading_language(members: list[Article]) -> str:
    """The language most of the articles are in; on a tie English if it is one of them, else the first in
    alphabetical order. Undetermined articles count only when no article's language is known."""
    counts = Counter(a.language for a in members if a.language != "und") or Counter(a.language for a in members)
    top = max(counts.values(), default=0)
    tied = sorted(language for language, n in counts.items() if n == top)
    return "en" if "en" in tied else (tied[0] if tied else "und")
