"""Sentences that lean on the one before them.

A sentence that opens with a connective ("However, …", "But …"), a pronoun or demonstrative ("He further
stated …", "This makes …") or a continuation ("Tokaev went on to say …") needs its neighbour to be read. Where
one statement has several renderings, the one that stands alone states it best. English only: elsewhere no
sentence is taken to lean back.
"""

from __future__ import annotations

import re

_OPENING = re.compile(
    r"^\W*(?:However|But|And|Also|Moreover|Furthermore|Meanwhile|Still|Yet|So|Thus|Therefore|Then|Instead|"
    r"Besides|Nevertheless|This|These|That|Those|It|He|She|They|His|Her|Their|Its)\b")
_CONTINUING = re.compile(r"^[^.!?]{0,60}?\b(?:went on to|further|also|then|again)\s+"
                         r"(?:say|said|says|stated|states|added|adds|noted|pointed out)\b")


def leans_back(text: str, language: str) -> bool:
    return language == "en" and bool(_OPENING.match(text) or _CONTINUING.match(text))
