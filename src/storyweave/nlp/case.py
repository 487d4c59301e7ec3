"""Headline style: a text that capitalises every longer word, where capitals no longer tell a name."""

from __future__ import annotations

import re

#: above this share of capitalised words of four letters or more a text is in title case
TITLE_CASE_SHARE = 0.7
_LONGER_WORD = re.compile(r"[^\W\d_]{4,}")


def title_case(text: str, minor: frozenset[str], share: float = TITLE_CASE_SHARE) -> bool:
    """Whether at least three of the text's longer words, ``minor`` ones (lower case) aside, are there and
    more than ``share`` of them capitalised."""
    words = [w for w in _LONGER_WORD.findall(text) if w.casefold() not in minor]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > share * len(words)
