"""The snippet of a search hit in a long text. FTS5's own ``snippet()`` scores every run of tokens by the hits
it holds, which costs the square of a text's hits: over two minutes for one 4 MB article that repeats the
word searched for. Long texts get this one instead: the words around the first hit, hits in brackets."""

from __future__ import annotations

import re

#: texts up to this many characters get FTS5's snippet (a few thousand hits at most: milliseconds)
FTS_SNIPPET_CHARS = 50_000
#: how much of a longer text is read for its first hit
HEAD_CHARS = 1_000_000
#: tokens in a snippet, and how many of them stand before the first hit (FTS5's snippet shows 12)
TOKENS, BEFORE = 12, 3
_TOKEN = re.compile(r"\S+")


def snippet(text: str, words: list[str]) -> str:
    """The ``TOKENS`` tokens of ``text`` around the first whole-word hit of any of ``words`` (any case), each
    hit in brackets, " … " where the text goes on; the opening tokens where no word is found."""
    hit = re.compile("|".join(rf"(?<!\w){re.escape(word)}(?!\w)" for word in words), re.I) if words else None
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
