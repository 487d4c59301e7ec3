"""Word boundaries in Chinese and Japanese, which are written without spaces: jieba for Chinese, MeCab with
IPAdic for Japanese.

A name found in such text is a name only where it starts and ends at word boundaries: 海地 (Haiti) inside
沿海地区 (coastal area) or 蒙古 (Mongolia) inside 内蒙古 (Inner Mongolia) is not (entities.mentions); and two
texts are compared by their words and the names the segmenters tag, not by runs of ideographs up to a comma
(cluster.features). Each segmenter loads once per process, on first use (jieba builds its prefix dictionary in
about 0.7 s); calls are serialised, as one MeCab tagger serves every thread.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import cache, lru_cache
from typing import NamedTuple

#: Han ideographs, kana (with half-width katakana) and the iteration marks: letters of scripts written unspaced
UNSPACED = re.compile(r"[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_KANA = re.compile(r"[\u3040-\u30ff\uff66-\uff9f]")
#: katakana and the prolonged sound mark, but not the middle dot that parts names ("・")
KATAKANA = re.compile(r"[\u30a0-\u30fa\u30fc-\u30ff\uff66-\uff9f]")
#: jieba's tags of names: people (nr, nrfg, nrt), places (ns), organisations (nt), other names (nz)
_JIEBA_NAMES = ("nr", "ns", "nt", "nz")
#: ... and x, for a string its dictionary does not know: no common word either
_JIEBA_NOT_COMMON = (*_JIEBA_NAMES, "x")
_lock = threading.Lock()


def unspaced(text: str) -> bool:
    """Whether the text holds letters of a script written without spaces between words."""
    return UNSPACED.search(text) is not None


def japanese(text: str, language: str) -> bool:
    """Japanese by its language code, or by kana, which Chinese never writes."""
    return language == "ja" or (language != "zh" and _KANA.search(text) is not None)


def boundaries(text: str, language: str) -> frozenset[int]:
    """Every offset where a word of the text starts or ends, the text's start and end among them."""
    cuts = {0, len(text)}
    words = _mecab_words if japanese(text, language) else _jieba_words
    position = 0
    for line in text.split("\n"):
        with _lock:
            spans = words(line)
        for start, end in spans:
            cuts.update((position + start, position + end))
        position += len(line) + 1
    return frozenset(cuts)


def names(text: str, language: str, people: bool = False) -> list[str]:
    """The proper nouns of the text as the segmenter tags them (IPAdic's 固有名詞; jieba's nr, ns, nt, nz),
    runs of them read as one name (勝野 昌慶, a family and a given name), one character alone left out;
    ``people``: persons' names only (IPAdic's 人名, jieba's nr)."""
    found: list[str] = []
    for line in text.split("\n"):
        with _lock:
            if japanese(line, language):
                tagged = [(surface, feature.split(",")[2 if people else 1] == ("人名" if people else "固有名詞"))
                          for surface, feature in _mecab_parse(line)]
            else:
                tagged = [(word, flag.startswith("nr" if people else _JIEBA_NAMES))
                          for word, flag in _jieba_tags().cut(line)]
        run = ""
        for word, name in [*tagged, ("", False)]:
            if name and unspaced(word):
                run += word
                continue
            if len(run) >= 2:
                found.append(run)
            run = ""
    return found


def tagged(line: str) -> list[tuple[str, str]]:
    """jieba's words of a line of Chinese with their part-of-speech flags (托卡耶夫 … 出席 v)."""
    with _lock:
        return [(word, flag) for word, flag in _jieba_tags().cut(line)]


class Morpheme(NamedTuple):
    """A piece of Japanese as MeCab with IPAdic reads it: ルーカス 名詞 固有名詞 人名 姓; ``known``: IPAdic has
    the word (a word it does not know, most often a foreign name in katakana, comes tagged 固有名詞 組織)."""

    surface: str
    pos: str
    sub1: str
    sub2: str
    sub3: str
    known: bool
    #: IPAdic's reading in katakana (キノシタ for 木下); empty for a word it does not know
    reading: str = ""


def morphemes(line: str) -> list[Morpheme]:
    """MeCab's reading of a line of Japanese, piece by piece."""
    with _lock:
        parsed = _mecab_parse(line)
    out = []
    for surface, feature in parsed:
        fields = feature.split(",")
        known = len(fields) > 7
        out.append(Morpheme(surface, *(fields + ["*"] * 4)[:4], known, fields[7] if known else ""))
    return out


def place_at(text: str, start: int, end: int, language: str) -> bool:
    """The segmenter, reading the whole line, takes ``text[start:end]`` for one word naming a place: IPAdic's
    固有名詞 地域 (ロンドン), jieba's ns for three characters or more (利物浦 in 特拉斯将在利物浦发表讲话); jieba also
    tags words of two, 湖泊 (lakes), 河口 (estuary), 东南 (south-east), as places."""
    if end - start < 3 and not japanese(text[start:end], language):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return (start - line_start, end - line_start) in _place_spans(line, japanese(line, language))


@lru_cache(maxsize=1024)
def _place_spans(line: str, in_japanese: bool) -> frozenset[tuple[int, int]]:
    """(start, end) of the words of a line the segmenter tags a place, tagged once per line."""
    pieces = [(m.surface, m.sub1 == "固有名詞" and m.sub2 == "地域") for m in morphemes(line)] if in_japanese \
        else [(word, flag == "ns") for word, flag in tagged(line)]
    spans, position = set(), 0
    for word, place in pieces:
        found = line.find(word, position)
        if found < 0:
            continue
        if place:
            spans.add((found, found + len(word)))
        position = found + len(word)
    return frozenset(spans)


@cache
def place_word(word: str) -> bool:
    """jieba reads ``word`` as one place's name (ns: 德国, 伊朗), as in 德国外长, a country's office."""
    return [flag for _, flag in tagged(word)] == ["ns"]


@cache
def common_word(word: str, language: str) -> bool:
    """The segmenter reads ``word`` as one ordinary word of the language, no name: MeCab's IPAdic tags
    男性 (man) or プール (pool) a common noun where it tags ロシア or 東京 a proper noun (固有名詞), and jieba
    tags 男性 n where 北京 is ns. Machine-made translations in the KB's sources gave such words as names of
    places ("Malé" as 男性, the English word read as "male"). A word of several tokens is no single word."""
    with _lock:
        if japanese(word, language):
            tags = [feature.split(",")[1] for _, feature in _mecab_parse(word)]
            return len(tags) == 1 and tags[0] != "固有名詞"
        tags = [flag for _, flag in _jieba_tags().cut(word)]
    return len(tags) == 1 and not tags[0].startswith(_JIEBA_NOT_COMMON)


@lru_cache(maxsize=4096)
def _mecab_parse(line: str) -> tuple[tuple[str, str], ...]:
    """MeCab's (surface, features) of a line, parsed once for the words and the names of the same text."""
    out, node = [], _mecab().parseToNode(line)
    while node is not None:
        if node.surface:
            out.append((node.surface, node.feature))
        node = node.next
    return tuple(out)


def _jieba_words(line: str) -> list[tuple[int, int]]:
    return [(start, end) for _, start, end in _jieba().tokenize(line)]


def _mecab_words(line: str) -> list[tuple[int, int]]:
    """MeCab's surfaces found in order in the line (its own offsets count bytes and skip spaces)."""
    spans, position = [], 0
    for surface, _ in _mecab_parse(line):
        start = line.find(surface, position)
        if start >= 0:
            spans.append((start, start + len(surface)))
            position = start + len(surface)
    return spans


@cache
def _jieba():
    import jieba

    jieba.setLogLevel(logging.ERROR)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@cache
def _jieba_tags():
    from jieba.posseg import POSTokenizer

    return POSTokenizer(_jieba())


@cache
def _mecab():
    import ipadic
    import MeCab

    return MeCab.Tagger(ipadic.MECAB_ARGS)
