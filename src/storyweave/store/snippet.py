"""The snippet of a search hit in a long text. FTS5's own ``snippet()`` scores every run of tokens by the hits
it holds, which costs the square of a text's hits: over two minutes for one 4 MB article that repeats the
word searched for. Long texts get this one instead, and texts in scripts written without spaces, whose index is
of single letters (``fts.py``): the words around the first hit, hits in brackets."""

from __future__ import annotations

import re

from .fts import LETTER, UNSPACED, UNSPACED_LETTERS

#: texts up to this many characters get FTS5's snippet (a few thousand hits at most: milliseconds)
FTS_SNIPPET_CHARS = 50_000
#: how much of a longer text is read for its first hit
HEAD_CHARS = 1_000_000
#: tokens in a snippet, and how many of them stand before the first hit (FTS5's snippet shows 12); a letter
#: of an unspaced script (with its marks) is a token, as it is in the index
TOKENS, BEFORE = 12, 3
_TOKEN = re.compile(rf"{LETTER.pattern}|[^\s{UNSPACED_LETTERS}]+")
#: a letter or digit of a spaced script: what a whole word must not run on into ("WTO" stands alone in 加入WTO后)
_SPACED_WORD = rf"[^\W{UNSPACED_LETTERS}]"


def _pattern(word: str) -> str:
    """A query word as it matches in the text: whole words, a prefix for "word*", anywhere in unspaced script."""
    stem = word.rstrip("*")
    if UNSPACED.search(stem):
        return re.escape(stem)
    tail = rf"{_SPACED_WORD}*" if word.endswith("*") else ""
    return rf"(?<!{_SPACED_WORD}){re.escape(stem)}{tail}(?!{_SPACED_WORD})"


def snippet(text: str, words: list[str]) -> str:
    """The ``TOKENS`` tokens of ``text`` around the first hit of any of the query's ``words`` (any case), each
    hit in brackets, " … " where the text goes on; the opening tokens where no word is found."""
    words = [word for word in words if word.rstrip("*")]
    hit = re.compile("|".join(_pattern(word) for word in words), re.I) if words else None
    found = hit.search(text) if hit else None
    at = found.start() if found else 0
    before = [m.start() for m in _TOKEN.finditer(text, max(0, at - 400), at)][-BEFORE:]
    start = before[0] if before else at
    tokens = list(_TOKEN.finditer(text, start, start + 2_000))[:TOKENS]
    end = tokens[-1].end() if tokens else start
    piece = text[start:end]
    if hit:
        piece = hit.sub(lambda m: f"[{m.group()}]", piece)
    return ("… " if text[:start].strip() else "") + piece + (" …" if text[end:].strip() else "")
