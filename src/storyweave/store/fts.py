"""What the full-text index (SQLite FTS5, unicode61 tokenizer) holds and how a query is put to it.

unicode61 reads a run of letters as one token, and Chinese and Japanese run on without spaces, as Korean runs a
word on into its particles: 托卡耶夫 inside a sentence of ideographs is no token of its own, so no search for it
could match. The letters of those scripts are indexed one token each and a query's are matched as a phrase of
those tokens, so any run of them matches where it stands in the text. Other text is indexed as written.
"""

from __future__ import annotations

import re

#: letters of scripts written without spaces between words: Han ideographs, kana (with half-width katakana),
#: the iteration mark 々, and Hangul syllables
UNSPACED_LETTERS = "\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\uac00-\ud7af"
UNSPACED = re.compile(f"[{UNSPACED_LETTERS}]")


def indexed(text: str) -> str:
    """The text as the index reads it: each letter of an unspaced script a word of its own."""
    return UNSPACED.sub(r" \g<0> ", text) if UNSPACED.search(text) else text


def match(query: str) -> str:
    """The FTS5 expression of a query: every word must match, each quoted, so that operators in user input
    (AND, NEAR, quotes, parentheses) are read as plain words; a word ending in ``*`` matches as a prefix
    ("negotiat*"), a run of unspaced letters anywhere. Empty when the query has no word."""
    terms = []
    for word in query.split():
        prefix = word.endswith("*") and not UNSPACED.search(word)
        word = word.rstrip("*")
        if word:
            terms.append('"' + indexed(word).strip().replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(terms)

