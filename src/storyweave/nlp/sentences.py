"""Sentence boundaries with offsets, so every sentence can be cited as a span."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

#: a sentence ends at . ! ? unless the word before is an initial or a dotted abbreviation (J. R. Dabney, U.S.)
#: or a capitalised two-letter abbreviation (Mr., St., and No. before a number), and the next sentence starts with a capital, digit
#: or quote (a doubled '' or `` too, as typed text writes it); CJK full stops always end one. An acronym does end one ("…, reports AP. She hopped …")
#: A decimal point that tokenised text spaced out is no end: after a space or bracket before a digit ("(. 538)"),
#: between short numbers ("a 5. 9-magnitude quake", "$1. 5 billion"), or after an article or a possessive ("a. 357
#: revolver", "his. 38-caliber": no sentence ends in "a", "the" or "their").
_NO_LAST_WORD = ("a", "an", "the", "his", "its", "their", "my", "our", "your")
SENTENCE_END = re.compile(r"(?!(?<=[\s(])\.\s*\d)(?!(?<=\d)(?<!\d\d\d)(?<![,.]\d)(?<![,.]\d\d)\.\s\d{1,2}(?!\d))"
                          r"(?!(?:" + "|".join(rf"(?<=\b{word})" for word in _NO_LAST_WORD) + r")\.\s+\d)"
                          r"(?<!\b[A-Z])(?<!\b(?!No)[A-Z][a-z])[.!?]+(?:''|[\"'”’»)]|\s?(?P<turned>“)(?=\s))?"
                          r"(?=\s+(?:''|``|[\"'“‘«(\[])?[A-Z0-9\u0400-\u04FF]|\s*$)|[。！？]")
#: double quotation marks of any shape: text rebuilt from tokens closes with “ ("… are critical. “ Francesca
#: Grifo said …"), which ends the sentence when it closes a quotation (an odd number of marks before it)
_DOUBLE = re.compile(r"[\"“”„]")
#: longer abbreviations of titles, months and names of firms that a full stop follows inside a sentence
#: (Gen. Smith, Const. Tim Fanning, Oct. 3, Microsoft Corp. said); other capitalised words end it ("… a
#: Rite Aid. The manager said")
ABBREVIATIONS = frozenset("""Gen Gov Sen Rep Col Sgt Maj Det Rev Hon Cpl Pvt Adm Cmdr Capt Const Insp Supt Prof
Lieut Brig Sec Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Ave
Blvd Inc Ltd Corp Bros Assn Dept Univ Vol Fig Calif Conn Ariz Colo Fla Kan Mich Minn Nev Okla Ore Tenn Tex Wis
Wyo""".split())
_LAST_WORD = re.compile(r"(\w+)$")
#: scripts written without spaces between words (Chinese, Japanese kana and kanji)
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def shortened(text: str, limit: int) -> str:
    """``text`` as it is when it fits in ``limit`` characters, else cut at a word with "…" (a title made from
    text)."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


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
            before = _LAST_WORD.search(chunk, cursor, end.start())
            if chunk[end.start()] == "." and before and (before.group(1) in ABBREVIATIONS or before.group(1) == "No"
                                                         and chunk[end.end():].lstrip()[:1].isdigit()):
                continue
            stop = end.end()
            if end.group("turned") and len(_DOUBLE.findall(chunk, 0, end.start("turned"))) % 2 == 0:
                stop = end.start("turned")  # it opens the next sentence's quotation
            yield from _trimmed(text, start + cursor, start + stop)
            cursor = stop
        if cursor < len(chunk):
            yield from _trimmed(text, start + cursor, start + len(chunk))


class SentenceIndex:
    """A text's sentence spans, and which one holds a position, found by bisection: stages that look up many
    positions (every quotation, every date) would otherwise scan the sentences for each."""

    def __init__(self, text: str) -> None:
        self.spans = list(spans(text))
        self.starts = [start for start, _ in self.spans]

    def at(self, position: int) -> int | None:
        """The index of the sentence holding the position; None between sentences or outside them."""
        i = bisect_right(self.starts, position) - 1
        return i if i >= 0 and position < self.spans[i][1] else None


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end
