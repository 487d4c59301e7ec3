"""What the full-text index (SQLite FTS5, unicode61 tokenizer) holds and how a query is put to it.

unicode61 reads a run of letters as one token, and Chinese and Japanese run on without spaces, as Korean runs a
word on into its particles: 托卡耶夫 inside a sentence of ideographs is no token of its own, so no search for it
could match. The letters of those scripts are indexed one token each and a query's are matched as a phrase of
those tokens, so any run of them matches where it stands in the text. Thai, Lao, Khmer and Burmese run on
too, and their vowel signs and tone marks are combining marks: there a letter is indexed with the marks on it.
Other text is indexed as written. Marks belong to their word (``TOKENIZE``): by default unicode61 splits a word
at each one, so the Hindi कुमार was the tokens क and मार, and कमार matched it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

#: the index's tokenizer: unicode61 with combining marks as part of a word (Latin accents are still folded away)
TOKENIZE = "unicode61 categories 'L* N* Co M*'"
#: letters of scripts written without spaces between words: Han ideographs, kana (with half-width katakana),
#: the iteration mark 々, and Hangul syllables
_CJK_LETTERS = "\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\uac00-\ud7af"
#: Thai, Lao, Myanmar and Khmer: also unspaced, their letters carrying combining marks
_MARKED_BLOCKS = ((0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF))
_MARKED_SCRIPTS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _MARKED_BLOCKS)
_MARKS = "".join(chr(c) for lo, hi in _MARKED_BLOCKS for c in range(lo, hi + 1)
                 if unicodedata.category(chr(c)).startswith("M"))
UNSPACED_LETTERS = _CJK_LETTERS + _MARKED_SCRIPTS
UNSPACED = re.compile(f"[{UNSPACED_LETTERS}]")
#: what the index holds as one token of an unspaced script: a letter, with the marks on it
LETTER = re.compile(f"[{_CJK_LETTERS}]|[{_MARKED_SCRIPTS}][{_MARKS}]*")
_UNSEARCHABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def indexed(text: str) -> str:
    """The text as the index reads it: each letter of an unspaced script (with its marks) a word of its own."""
    return LETTER.sub(r" \g<0> ", text) if UNSPACED.search(text) else text


def match(query: str, spellings: Mapping[str, Sequence[str]] | None = None) -> str:
    """The FTS5 expression of a query: every word must match, each quoted, so that operators in user input
    (AND, NEAR, quotes, parentheses) are read as plain words; a word ending in ``*`` matches as a prefix
    ("negotiat*"), a run of unspaced letters anywhere. A word, or the whole query, that ``spellings`` holds
    (by its lower-case form: ``spelling_keys``) matches any of its spellings too. Empty when the query has
    no word."""
    spellings = spellings or {}
    words = query_words(query)
    whole = spellings.get(" ".join(words).lower()) if len(words) > 1 else None
    if whole:
        return _any([" ".join(words), *whole])
    terms = []
    for word in words:
        prefix = word.endswith("*") and not UNSPACED.search(word)
        stem = word.rstrip("*")
        if not stem:
            continue
        others = [] if prefix else spellings.get(stem.lower(), [])
        terms.append(_any([stem, *others]) if others else _phrase(stem) + ("*" if prefix else ""))
    return " AND ".join(terms)


def query_words(query: str) -> list[str]:
    """The words of a query, without what no text in the index holds and SQLite cannot be given: control
    characters (a NUL ends an FTS5 string) and lone surrogates (no UTF-8 for them)."""
    return _UNSEARCHABLE.sub(" ", query).split()


def spelling_keys(query: str) -> list[str]:
    """What of a query may be a name to widen to its other spellings: each whole word, and the query whole."""
    words = query_words(query)
    keys = [w.lower() for w in words if not w.endswith("*") and len(w) >= 2]
    whole = len(words) > 1 and not any(w.endswith("*") for w in words)
    return keys + ([" ".join(words).lower()] if whole else [])


def _phrase(text: str) -> str:
    return '"' + indexed(text).strip().replace('"', '""') + '"'


def _any(texts: list[str]) -> str:
    return "(" + " OR ".join(_phrase(t) for t in texts) + ")"
