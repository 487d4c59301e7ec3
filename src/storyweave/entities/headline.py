"""Names in headline-style lines, where every longer word is capitalised and NER runs names into the words
around them ("Stacy Keibler Marries Boyfriend Jared Pobre" read as one organisation).

The batch itself tells the words apart: what it writes in lower case elsewhere is an ordinary word ("marries",
"boyfriend"); what it names in a sentence-case line is a name ("Stacy Keibler", "Jared Pobre"). A span of a
title-case line is re-cut into the names it holds only when every word of it is one or the other (or, beside a
known name, a common English word the batch never writes); else NER's span stands, since no evidence says
otherwise.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from wordfreq import zipf_frequency

from ..nlp.case import title_case
from .kb import KB
from .names import COMMON_WORD_ZIPF, FUNCTION_WORDS, fold

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
#: what may stand before a sentence's first word
_OPENS = re.compile(r"(?:^|[.!?:;\n\"“‘(\[]|\s[-–—])\s*$")
_POSSESSIVE = re.compile(r"['’]s?$")
#: KB names of these kinds are English names of the entity (not another language's, not a part of one)
_ENGLISH_KINDS = frozenset({"label", "alias", "variant", "abbr"})
#: words of a closed class, ordinary wherever the batch does not say otherwise (a batch of headlines may never
#: write "are" in lower case); not the ones that are also names (Will, May, Mark)
CLOSED_CLASS = frozenset("""a an the and or but nor so yet if as at by for from in into of off on onto out over to
up upon with within without about after against along among around before behind below beneath beside between
beyond during except inside near since than through toward towards under until via am is are was were be been
being has have had having do does did done could would should might must shall gets got get goes going gone
it its it's he she they we you i me him her them us his hers their theirs our ours your yours my mine this that
these those who whom whose which what when where why how not no all any both each every few more most other
some such only own same too very just now then there here""".split())
#: a line is in headline style when more than this share of its longer words, but for HEADLINE_MINOR, are
#: capitalised: all of them, but for one slip in twenty
HEADLINE_SHARE = 0.95
HEADLINE_MINOR = FUNCTION_WORDS | frozenset("with from into onto upon over than that this after about".split())
#: a word the batch gives no evidence for is common enough in English to be taken for a word beside a known name
LOOSE_WORD_ZIPF = 3.5
#: longest name, in words, looked for inside a span
LONGEST_NAME = 6


def headline_line(text: str, position: int) -> bool:
    """Whether the line holding ``position`` is in title case (capitals there tell no name)."""
    start, end = text.rfind("\n", 0, position) + 1, text.find("\n", position)
    return headline_style(text[start:end if end >= 0 else len(text)])


def headline_style(line: str) -> bool:
    """Title case by a stricter measure than ``nlp.case``'s: a sentence dense with names ("She served as Chair of
    the Federation of State Medical Boards of the United States", "She studied at Georgia Tech and at Papua New
    Guinea University of Technology") capitalises 0.7 to 0.9 of its longer words, a headline all of them."""
    return title_case(line, HEADLINE_MINOR, HEADLINE_SHARE)


class Casing:
    """How the batch writes each word: in lower case anywhere, or capitalised inside a sentence of a line that is
    not in title case (where a capital tells a name)."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.lower: Counter[str] = Counter()
        self.capital: Counter[str] = Counter()
        for text in texts:
            for line in text.split("\n"):
                headline = headline_style(line)
                for match in _WORD.finditer(line):
                    word = match.group()
                    if word[0].islower():
                        self.lower[word.casefold()] += 1
                    elif word[0].isupper() and not headline and not word.isupper() \
                            and not _OPENS.search(line, 0, match.start()):
                        self.capital[word.casefold()] += 1

    def ordinary(self, token: str) -> bool:
        """A word the batch writes in lower case at least as often as capitalised inside a sentence, or a word of
        a closed class it never capitalises there; a hyphened token when each of its parts is ("Ex-Girlfriend")."""
        parts = [w.casefold() for w in _WORD.findall(_POSSESSIVE.sub("", token))]
        return bool(parts) and all(self.lower[w] >= self.capital[w] and (self.lower[w] or w in CLOSED_CLASS)
                                   for w in parts)

    def named(self, token: str) -> bool:
        """A word the batch capitalises inside sentences and never writes in lower case."""
        parts = [w.casefold() for w in _WORD.findall(_POSSESSIVE.sub("", token))]
        return bool(parts) and all(self.capital[w] and not self.lower[w] for w in parts)


class Known:
    """The names the batch's sentence-case lines hold (folded name to its type), and the words they are made of."""

    def __init__(self, types: dict[str, str]) -> None:
        self.types = types
        self.words = frozenset(w for name in types for w in name.split())


def recut(text: str, start: int, end: int, kind: str, casing: Casing, known: Known,
          kb: KB) -> list[tuple[int, int, str]] | None:
    """The names a title-case span holds, as (start, end, type), or None to keep the span as it is.

    The span parts at its ordinary words (``Casing.ordinary``, function words, marks). From the left, the longest
    run of words that is a known name (``known``, or a KB name that is no ordinary word) and ends at such a
    part is a name of its type, ordinary words inside it included ("Bank of America"); where the span holds a
    known name, a word the batch never writes but common in English (``_loose``) parts too ("Juan Pablo
    Calls"). Else an ordinary word is left out, and a run of other words is a name of the span's type when each
    of its words is one the batch only capitalises or a word of a known name (with the ordinary word before it,
    ``_modifies``). A word that is neither keeps the span whole."""
    tokens = [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]
    words = [text[a:b] for a, b in tokens]
    parts = [casing.ordinary(w) or fold(w) in FUNCTION_WORDS or not _WORD.search(w) for w in words]
    loose = [not part and _loose(w, casing, known) for w, part in zip(words, parts, strict=True)]
    closes = [w[-1] in ",:;!?" for w in words]

    def known_at(i: int) -> tuple[int, tuple[int, int, str]] | None:
        for j in range(min(len(tokens), i + LONGEST_NAME), i, -1):
            if parts[j - 1] or any(closes[i:j - 1]) \
                    or not (j == len(tokens) or parts[j] or loose[j] or closes[j - 1]):
                continue
            a, b = tokens[i][0], _name_end(text, tokens[j - 1])
            kind_of = _known(text[a:b], casing, known, kb)
            if kind_of:
                return j, (a, b, kind_of)
        return None

    if any(known_at(i) for i in range(len(tokens)) if not parts[i] and not loose[i]):
        parts = [part or free for part, free in zip(parts, loose, strict=True)]
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        found = known_at(i)
        if found:
            i, piece = found
            out.append(piece)
            continue
        modifier = parts[i] and _modifies(i, words, parts, closes, casing, known)
        if parts[i] and not modifier:
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and not parts[j] and not closes[j - 1]:
            j += 1
        if not all(casing.named(w) or _in_known(w, known) for w in words[i + modifier:j]):
            return None
        out.append((tokens[i][0], _name_end(text, tokens[j - 1]), kind))
        i = j
    return None if [(a, b) for a, b, _ in out] == [(start, end)] else out


def _loose(word: str, casing: Casing, known: Known) -> bool:
    """A word the batch never writes elsewhere, of no known name and common in English: in a span that holds a
    known name it is taken for a word, not more of a name (a batch of headlines may write "calls" only in title
    case)."""
    folded = [w.casefold() for w in _WORD.findall(_POSSESSIVE.sub("", word))]
    return bool(folded) and not word.isupper() and all(
        not casing.lower[w] and not casing.capital[w] and w not in known.words
        and zipf_frequency(w, "en") >= LOOSE_WORD_ZIPF for w in folded)


def _in_known(word: str, known: Known) -> bool:
    return any(part in known.words for part in fold(word).split())


def _modifies(i: int, words: list[str], parts: list[bool], closes: list[bool], casing: Casing, known: Known) -> bool:
    """An ordinary word right before a word only ever capitalised and of no known name may be the first word of
    its name ("Red Sox"), as it may be a descriptor ("Entrepreneur Jared"): NER's reading stands."""
    return (i + 1 < len(words) and not parts[i + 1] and not closes[i] and _WORD.search(words[i]) is not None
            and fold(words[i]) not in FUNCTION_WORDS and casing.named(words[i + 1])
            and not _in_known(words[i + 1], known))


def _name_end(text: str, token: tuple[int, int]) -> int:
    """A token's end, less a possessive or a mark after it ("Pobre's", "Keibler,")."""
    word = text[token[0]:token[1]]
    trimmed = _POSSESSIVE.sub("", word.rstrip(",.:;!?")) or word
    return token[0] + len(trimmed)


def _known(name: str, casing: Casing, known: Known, kb: KB) -> str | None:
    if not name[:1].isupper():
        return None
    key = fold(name)
    if key in known.types:
        return known.types[key]
    if " " not in name and (casing.ordinary(name) or zipf_frequency(key, "en") >= COMMON_WORD_ZIPF):
        return None
    kinds = {h.entity.type for h in kb.exact(name) if h.kind in _ENGLISH_KINDS}
    return kinds.pop() if len(kinds) == 1 else None
