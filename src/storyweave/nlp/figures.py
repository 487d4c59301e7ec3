"""Figures as values, whatever the writing convention: thousands separators and decimal commas ("2,300" and
"2.300"; "1.5" and "1,5"), full-width digits ("２３００"), and the word of scale languages place differently
("23 million", "23 млн", "2300万" are one value)."""

from __future__ import annotations

import re

#: words of scale after a figure, lower-cased (CJK by their first character)
SCALES = {"thousand": 10**3, "тыс": 10**3, "тысяч": 10**3, "тысячи": 10**3, "тисяч": 10**3, "千": 10**3,
          "万": 10**4, "million": 10**6, "millions": 10**6, "mln": 10**6, "млн": 10**6, "миллиона": 10**6,
          "миллионов": 10**6, "мільйонів": 10**6, "мільйона": 10**6, "millionen": 10**6, "milionů": 10**6,
          "mio": 10**6, "milioni": 10**6, "milijuna": 10**6, "milijun": 10**6, "miliónů": 10**6,
          "milion": 10**6, "milionu": 10**6, "milióna": 10**6, "milljónir": 10**6, "milljón": 10**6,
          "milljóna": 10**6, "tisíc": 10**3, "tis": 10**3, "tisuća": 10**3, "tisuće": 10**3, "þúsund": 10**3,
          "billion": 10**9, "billions": 10**9, "bn": 10**9, "млрд": 10**9, "milliarden": 10**9, "mrd": 10**9,
          "miliard": 10**9, "miliardy": 10**9, "milijardi": 10**9, "milljarðar": 10**9, "milljarða": 10**9,
          "億": 10**8, "亿": 10**8}
_SEPARATOR = re.compile(r"[.,\u00a0\u202f \u201a'’]")
#: a figure as written: digits with thousands separators (a space only before three digits) or a decimal part,
#: also as tokenised text spaces it out after a short number ("5. 9-magnitude"; nlp.sentences ends no sentence there);
#: before three digits also the Swiss apostrophe ("150'000") and the low quotation mark that a comma becomes when
#: Windows-1252 text is read in another charset ("150‚000")
VALUE = r"\d+(?:(?:[.,]|[\u00a0\u202f \u201a'’](?=\d{3}(?!\d))|(?<!\d{3})\.\s(?=\d{1,2}(?!\d)))\d+)*"
#: what after a figure makes it no quantity: a month written as a number ("6月")
NOT_A_QUANTITY_AFTER = r"(?!\d)(?!\s?月)"


#: what before a number makes it part of a name ("Covid-19", "G7", "MH17"), which another language's wording
#: of the name may drop or transliterate
_NAME_BEFORE = re.compile(r"(?:[A-Za-zА-Яа-яЁёІіЇїЄєҐґ]-?)$")


def in_name(text: str, start: int) -> bool:
    """Whether the number at ``start`` is part of a name rather than a quantity."""
    return _NAME_BEFORE.search(text, max(0, start - 2), start) is not None


def value(raw: str) -> float:
    """"2,300" and "2.300" are 2300, "1,5" and "1.5" are 1.5: a last group of three digits is thousands."""
    groups = _SEPARATOR.split(raw)
    if len(groups) > 1 and len(groups[-1]) != 3:
        return float(f"{int(''.join(groups[:-1]))}.{int(groups[-1])}")
    return float(int("".join(groups)))


def written(number: float) -> str:
    return str(int(number)) if number.is_integer() else f"{number:.10g}"


def scale(word: str | None) -> int | None:
    """The multiplier a word after a figure stands for ("million", "млн", "万人" read by its 万), if any."""
    if not word:
        return None
    return SCALES.get(word.lower()) or SCALES.get(word[0])


def readings(raw: str, word: str | None = None) -> frozenset[str]:
    """The figure as written and, with a word of scale after it, scaled: what another language may write."""
    number = value(raw)
    multiplier = scale(word)
    return frozenset({written(number)} | ({written(number * multiplier)} if multiplier else set()))
