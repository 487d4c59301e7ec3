"""Month and weekday names of many languages, from dateparser's locale data (CLDR), so that a page's date
line is read whatever its language: "13 июня 2013 года", "13. Juni 2013", "le 13 juin 2013", "13 de junio de
2013".

Only the languages with a two-letter code (120 of dateparser's 205 locales: the regional variants add
nothing but abbreviations). A word that names different months in different languages ("listopad" is
November in Czech and Polish, October in Croatian) is left out, and so is a short word common in English
("here", Breton for October, "set", Catalan for September), which a line of English prose could hold.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections import defaultdict
from functools import cache

from dateparser.data import date_translation_data
from wordfreq import zipf_frequency

MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december")
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: a name this short that is this frequent in English is an English word first
SHORT, ENGLISH_WORD_ZIPF = 5, 4.5


def _locales() -> list[dict]:
    return [importlib.import_module(f"{date_translation_data.__name__}.{module.name}").info
            for module in pkgutil.iter_modules(date_translation_data.__path__) if len(module.name) == 2]


def _names(keys: tuple[str, ...]) -> dict[str, int]:
    found: dict[str, set[int]] = defaultdict(set)
    english: dict[str, int] = {}
    for info in _locales():
        for number, key in enumerate(keys, start=1):
            for name in info.get(key, []):
                word = name.lower().rstrip(".")
                if len(word) >= 3 and word.isalpha():
                    found[word].add(number)
                    if info["name"] == "en":
                        english[word] = number
    others = {word: numbers.pop() for word, numbers in found.items() if len(numbers) == 1
              and (len(word) >= SHORT or zipf_frequency(word, "en") < ENGLISH_WORD_ZIPF)}
    return others | english


@cache
def months() -> dict[str, int]:
    """Lower-cased month name or abbreviation (no full stop) -> month number."""
    return _names(MONTH_KEYS)


@cache
def weekdays() -> frozenset[str]:
    """Lower-cased weekday names and abbreviations."""
    return frozenset(_names(WEEKDAY_KEYS))
