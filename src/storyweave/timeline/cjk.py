"""Time expressions in Chinese and Japanese: "2022年6月17日", "6月17日", "2015年", "25日" (the 25th, as
Japanese news dates an event of its own month), "昨日" / "昨天", "3日前" / "三天前", "去年" / "昨年", "月曜日" /
"星期一". Each is read into the terms of the English rules (month and weekday names, units, "ago", "last"), so
that resolve.py anchors and resolves them the same way. Digits may be full-width (２５日)."""

from __future__ import annotations

import re

from .terms import MONTH_NAMES, WEEKDAY_NAMES

LANGUAGES = frozenset({"zh", "ja"})

#: Japanese weekdays by their kanji (月曜日), Chinese by their number (星期一; 日 or 天 for Sunday)
_WEEKDAYS = {**dict(zip("月火水木金土日", WEEKDAY_NAMES, strict=True)),
             **dict(zip("一二三四五六日", WEEKDAY_NAMES, strict=True)), "天": "sunday"}
_NUMERALS = {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_UNITS = {"日": "day", "天": "day", "週間": "week", "周": "week", "か月": "month", "ヶ月": "month", "カ月": "month",
          "ヵ月": "month", "个月": "month", "個月": "month", "年": "year"}
_DAYS = {"昨日": "yesterday", "昨天": "yesterday", "今日": "today", "今天": "today", "本日": "today",
         "明日": "tomorrow", "明天": "tomorrow"}
_RELATIVE = {"去年": ("last", "year"), "昨年": ("last", "year"), "今年": ("this", "year"), "来年": ("next", "year"),
             "明年": ("next", "year"), "先月": ("last", "month"), "上个月": ("last", "month"), "上月": ("last", "month"),
             "今月": ("this", "month"), "本月": ("this", "month"), "这个月": ("this", "month"),
             "来月": ("next", "month"), "下个月": ("next", "month")}
_YEAR = r"(?P<year>(?:19|20|１９|２０)\d{2})\s*年"
_MONTH = r"(?P<m>[01０１]?\d)\s*月"
_DAY = r"(?P<day>[0-3０-３]?\d)\s*[日号號]"
#: what follows a number of days that makes it a length of time, not a day of the month
_NOT_A_DATE = r"(?!間|间|連続|连续|以上|以内|未満|あたり|前|後|后|ぶり|目|分|本)"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(pattern)) for kind, pattern in (
    ("dmy", rf"{_YEAR}\s*{_MONTH}\s*{_DAY}{_NOT_A_DATE}"),
    ("my", rf"{_YEAR}\s*{_MONTH}(?!\s*\d{{1,2}}\s*[日号號])"),
    ("dm", rf"(?<![\d年]){_MONTH}\s*{_DAY}{_NOT_A_DATE}"),
    ("year", rf"(?<!\d){_YEAR}(?!\s*\d{{1,2}}\s*月)(?!代|間|间|度)"),
    ("ordinal", rf"(?<![\d月.．]){_DAY}{_NOT_A_DATE}"),
    ("relday", "(?P<word>" + "|".join(_DAYS) + ")"),
    ("ago", r"(?P<count>\d+|[一二两兩三四五六七八九十])\s*(?P<unit>" + "|".join(_UNITS) + r")\s*(?P<dir>前)"),
    ("relunit", "(?P<word>" + "|".join(sorted(_RELATIVE, key=len, reverse=True)) + ")"),
    ("weekday", r"(?:(?P<weekday>[月火水木金土日])曜日|星期(?P<zh>[一二三四五六日天])|礼拜(?P<zh2>[一二三四五六日天]))"),
))


def in_english(kind: str, groups: dict[str, str | None]) -> dict[str, str | None] | None:
    """The groups of a match with its words as the English rules name them and its digits as ASCII ones
    (１９９８ is 1998); None when one does not read."""
    out = {name: str(int(value)) if value and value.isdigit() else value for name, value in groups.items()}
    if groups.get("m"):
        month = int(groups["m"])
        if not 1 <= month <= 12:
            return None
        out["mon"] = MONTH_NAMES[month - 1]
    if kind == "relday":
        out["word"] = _DAYS[groups["word"]]
    if kind == "ago":
        count = groups["count"]
        out["count"] = str(int(count) if count.isdigit() else _NUMERALS[count])
        out["unit"], out["dir"] = _UNITS[groups["unit"]], "ago"
    if kind == "relunit":
        out["which"], out["unit"] = _RELATIVE[groups["word"]]
    if kind == "weekday":
        out["weekday"] = _WEEKDAYS[groups.get("weekday") or groups.get("zh") or groups["zh2"]]
    return out
