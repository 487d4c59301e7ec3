"""Sentence boundaries with offsets, so every sentence can be cited as a span."""

from __future__ import annotations

import re
from collections.abc import Iterator

#: a sentence ends at . ! ? unless the word before is a short capitalised abbreviation (St., Mr., U.S.) or an
#: initial (J. R. Dabney), and the next sentence starts with a capital, digit or quote; CJK full stops always
#: end one. An acronym does end one ("…, reports AP. She hopped …", "… the BBC. The")
SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})[.!?]+[\"'”’»)]?"
                          r"(?=\s+[\"'“‘«(\[]?[A-Z0-9\u0400-\u04FF]|\s*$)|[。！？]")
#: scripts written without spaces between words (Chinese, Japanese kana and kanji)
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def words(text: str) -> int:
    """Words, counting two characters of an unspaced script as one, so that length bounds hold across
    languages."""
    return len(text.split()) + len(_UNSPACED.findall(text)) // 2


def spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence, paragraphs never joined, white space trimmed."""
    for paragraph in re.finditer(r"[^\n]+", text):
        start = paragraph.start()
        chunk = paragraph.group()
        cursor = 0
        for end in SENTENCE_END.finditer(chunk):
            yield from _trimmed(text, start + cursor, start + end.end())
            cursor = end.end()
        if cursor < len(chunk):
            yield from _trimmed(text, start + cursor, start + len(chunk))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end
