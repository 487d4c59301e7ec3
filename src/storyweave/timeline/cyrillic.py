"""Time expressions in Russian and Ukrainian: "18 июня 2021 года", "в июне", "в 2015 году", "два дня назад",
"в прошлом году", "в понедельник". Each is read into the terms of the English rules (month and weekday
names, units, "ago", "last"), so that resolve.py anchors and resolves them the same way."""

from __future__ import annotations

import re

from .terms import MONTH_NAMES, WEEKDAY_NAMES

LANGUAGES = frozenset({"ru", "uk"})

#: month stems, Russian then Ukrainian, in calendar order; each takes its case endings
_MONTH_STEMS = (("январ", "січ"), ("феврал", "лют"), ("март", "берез"), ("апрел", "квіт"), ("ма", "трав"),
                ("июн", "черв"), ("июл", "лип"), ("август", "серп"), ("сентябр", "верес"), ("октябр", "жовт"),
                ("ноябр", "листопад"), ("декабр", "груд"))
_MONTH = (r"(?P<mon>январ[ьяею]|феврал[ьяею]|март[аеу]?|апрел[ьяею]|ма[йяею]|июн[ьяею]|июл[ьяею]|август[аеу]?|"
          r"сентябр[ьяею]|октябр[ьяею]|ноябр[ьяею]|декабр[ьяею]|січ(?:ень|ня|ні|ню)|лют(?:ий|ого|ому)|"
          r"берез(?:ень|ня|ні|ню)|квіт(?:ень|ня|ні|ню)|трав(?:ень|ня|ні|ню)|черв(?:ень|ня|ні|ню)|"
          r"лип(?:ень|ня|ні|ню)|серп(?:ень|ня|ні|ню)|верес(?:ень|ня|ні|ню)|жовт(?:ень|ня|ні|ню)|"
          r"листопад[аіу]?|груд(?:ень|ня|ні|ню))")
#: weekday stems, Russian and Ukrainian, Monday first
_WEEKDAY_STEMS = (("понедельник", "понеділ"), ("вторник", "вівтор"), ("сред", "серед"), ("четверг", "четвер"),
                  ("пятниц", "п'ятниц", "пʼятниц", "п’ятниц"), ("суббот", "субот"), ("воскресень", "неділ"))
_WEEKDAY = r"(?P<weekday>" + "|".join(stem + r"\w*" for stems in _WEEKDAY_STEMS for stem in stems) + ")"
_NUMBERS = {w: n for n, words in enumerate((
    (), ("один", "одну", "одна", "одного"), ("два", "две", "дві"), ("три",), ("четыре", "чотири"), ("пять", "п'ять"),
    ("шесть", "шість"), ("семь", "сім"), ("восемь", "вісім"), ("девять", "дев'ять"), ("десять",)))
    for w in words}
_DAY = r"(?P<day>[0-3]?\d)"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_YEAR_WORD = r"(?:\s*(?:года|году|годах|год|г\.|гг\.|року|році|роках|рік|р\.)|-(?:м|го|ом)(?!\w))"
#: what a number after "в" counts when it is no year ("в 2000 метров")
_NOT_YEAR = r"(?!\s*(?:%|процент|руб|долл|евро|тыс|млн|млрд|метр|км|человек|раз|відсот|грн|осіб))"
_COUNT = r"(?P<count>\d+|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")"
_UNIT = r"(?P<unit>дн(?:я|ей|и)|день|недел[иьюя]|недель|тиж(?:ні|нів|день)|месяц(?:а|ев)?|місяц(?:і|ів|ь)?|год(?:а)?|лет|рок(?:и|ів)|рік)"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(pattern, re.I)) for kind, pattern in (
    ("dmy", rf"\b{_DAY}\s+{_MONTH}\s+{_YEAR}{_YEAR_WORD}?(?!\w)"),
    ("my", rf"\b{_MONTH}\s+{_YEAR}{_YEAR_WORD}?(?!\w)"),
    ("dm", rf"\b{_DAY}\s+{_MONTH}\b(?!\s+(?:19|20)\d\d)"),
    ("month", rf"\b(?:в|во|у|с|до|к|з|на)\s+{_MONTH}\b(?!\s+(?:19|20)\d\d)"),
    ("relday", r"\b(?P<word>вчера|сегодня|завтра|вчора|сьогодні)\b"),
    ("ago", rf"\b{_COUNT}\s+{_UNIT}\s+(?P<dir>назад|тому)\b"),
    ("relunit", r"\b(?:в|у)\s+(?P<which>прошлом|этом|текущем|следующем|минулому|цьому|поточному|наступному)\s+"
                r"(?P<unit>году|месяце|році|місяці)\b"),
    ("weekday", rf"\b(?:в|во|у)\s+(?:(?P<which>прошл\w*|следующ\w*|минул\w*|наступн\w*)\s+)?{_WEEKDAY}"),
    ("year", rf"\b{_YEAR}\s*[-–/]\s*(?:19|20)?\d\d{_YEAR_WORD}(?!\w)"),
    ("year", rf"\b(?:с|со|з|от|від)\s+{_YEAR}\s+(?:по|до)\s+(?:19|20)\d\d\b"),
    ("year", rf"(?:\b(?:в|во|с|со|до|к|после|по|у|з|від|після|на)\s+)?{_YEAR}{_YEAR_WORD}(?!\w)"),
    ("year", rf"\b(?:в|у)\s+{_YEAR}\b(?![-–.,/]?\w){_NOT_YEAR}"),
))


def _month(word: str) -> str | None:
    word = word.lower()
    for index, stems in enumerate(_MONTH_STEMS):
        if word.startswith(stems):  # "март" is tried before "ма"
            return MONTH_NAMES[index]
    return None


def _unit(word: str) -> str:
    word = word.lower()
    if word.startswith(("дн", "день")):
        return "day"
    if word.startswith(("недел", "тиж")):
        return "week"
    if word.startswith(("месяц", "місяц")):
        return "month"
    return "year"


def in_english(kind: str, groups: dict[str, str | None]) -> dict[str, str | None] | None:
    """The groups of a match with its words as the English rules name them; None when one does not read."""
    out = dict(groups)
    if groups.get("mon"):
        out["mon"] = _month(groups["mon"])
        if out["mon"] is None:
            return None
    if groups.get("weekday"):
        word = groups["weekday"].lower()
        out["weekday"] = next((WEEKDAY_NAMES[i] for i, stems in enumerate(_WEEKDAY_STEMS)
                               if word.startswith(stems)), None)
        if out["weekday"] is None:
            return None
    if kind in ("ago", "relunit"):
        out["unit"] = _unit(groups["unit"])
    if groups.get("count"):
        count = groups["count"].lower()
        out["count"] = count if count.isdigit() else str(_NUMBERS[count])
    if groups.get("dir"):
        out["dir"] = "ago"
    if groups.get("which"):
        which = groups["which"].lower()
        out["which"] = ("last" if which.startswith(("прошл", "минул")) else
                        "next" if which.startswith(("следующ", "наступн")) else "this")
    if groups.get("word"):
        out["word"] = {"вчера": "yesterday", "вчора": "yesterday", "завтра": "tomorrow"}.get(groups["word"].lower(),
                                                                                          "today")
    return out
