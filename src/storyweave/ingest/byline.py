"""Metadata lines inside article text: dates, bylines, sources and repost notices.

Scraped and reposted pages carry their metadata as text ("Author: X source: Y", "This article is
reproduced by X with authorization", "2022-06-23 06:02:24", "Reference source: Z"). A line counts as
metadata only when *all* of it is metadata, so a body sentence that mentions a source stays in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from .boilerplate import strip_temperature
from .months import months, weekdays

_ROLE_LABELS = {
    "author": r"authors?|written by|writer|reporter|correspondent|text|作者|记者|文|автор|авторы",
    "editor": r"editors?|edited by|responsible editor|editor in charge|责任编辑|责编|编辑|редактор",
    "source": r"(?:reference |original |news )?sources?|来源|出处|источник",
    "repost": r"reprinted from|reproduced from|republished from|reposted from|original|originally published (?:in|on|by|at)"
              r"|first published (?:in|on|by|at)|转载自|原载|原文",
    "outlet": r"outlet|publisher|published by|publication|media outlet",
    "date": r"date|published(?: on)?|posted(?: on)?|updated(?: on)?|last updated|first published|发布时间|时间|дата"
            r"|дата публикации|опубликовано|обновлено|опубліковано|оновлено|datum|veröffentlicht(?: am)?"
            r"|aktualisiert(?: am)?|publié le|mis à jour le|publicado(?: el| em)?|actualizado(?: el)?"
            r"|pubblicato(?: il)?|aggiornato(?: il)?|gepubliceerd(?: op)?|publikováno|objavljeno|opublikowano",
}
_LABEL = re.compile(
    r"(?:^|(?<=[\s,;|(]))(?P<label>" + "|".join(f"(?P<{role}>{pattern})" for role, pattern in _ROLE_LABELS.items())
    + r")\s*[:：]", re.I)
_BY = re.compile(r"^(?i:by)\s+(?P<who>[A-Z\u0400-\u04FF][^\d:]{1,80})$")
_REPOST_SENTENCES = (
    re.compile(r"^(?:this (?:article|post|story|piece|text|content) )?(?:is |was |has been )?"
               r"(?:reproduced|reprinted|republished|reposted|syndicated|shared)(?: here)? "
               r"(?:from |by |with (?:the )?(?:kind )?(?:permission|authori[sz]ation) (?:of |from ))"
               r"(?P<who>.+?)(?: with (?:the )?(?:kind )?(?:permission|authori[sz]ation)(?: of the author)?)?$", re.I),
    re.compile(r"^(?:this (?:article|post|story|piece) )?(?:was )?(?:originally|first) "
               r"(?:published|appeared|posted|ran) (?:in|on|at|by) (?P<who>.+?)$", re.I),
    re.compile(r"^(?P<who>.+?) (?:has been |is |was )?(?:reproduced|reprinted|republished) with "
               r"(?:the )?(?:permission|authori[sz]ation)$", re.I),
    re.compile(r"^(?:courtesy of|via) (?P<who>.+)$", re.I),
)
_REPOST_SUFFIX = re.compile(r"\s*(?:,\s*)?(?:has been |is |was )?(?:reproduced|reprinted|republished)"
                            r"(?: with (?:the )?(?:permission|authori[sz]ation))?\s*$", re.I)
_ACCOUNT_ID = re.compile(r"\s*[(（][^()（）]*\bid\s*[:：][^()（）]*[)）]", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|/|、|&)\s*")
_AND = re.compile(r"\s+and\s+")

_MONTHS = {m: i for i, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")), start=1) for m in names}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
#: a weekday, in full or cut short ("Tue", "Thurs"); its first three letters say which
_WEEKDAY_NAME = r"(?P<weekday>mon|tue|wed|thu|fri|sat|sun)[a-z]*"
#: a time after a date: "T06:02", ", 4:59 PM", "at 1: 00pm" and "@ 8: 13am" (scrapes space the colon), "12:00 a. m.",
#: a sports blog's "5: 55p Wladimir …"
_TIME = (r"(?:\s*[T,@-]?\s*(?:at\s+)?(?P<H>\d{1,2}):\s?(?P<M>\d{2})(?::(?P<S>\d{2}))?"
         r"(?:\s*(?P<ampm>[ap](?:\.\s?)?m\.?(?![a-z])|[ap](?=\s+(?-i:[A-Z]))))?)?")
#: a month's name in any language ``months`` knows, looked up once matched; English names are also read glued
#: to the word before them, as scrapes run a headline into its dateline ("… DA SAYSSEPTEMBER 19, 2013")
_MONTH_WORD = r"(?<![^\W_])(?P<mon>[^\W\d_]{3,})\.?"
#: what follows a year in a date in words: "2013 года", "2013 г.", "2013 року", "2013 r.", Croatian "2013."
_YEAR_WORD = r"(?:\s*(?:года|году|г\.|року|р\.|roku|r\.|godine\.?|\.(?!\d)))?"
_DATES = (
    re.compile(r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?" + _TIME, re.I),
    re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})" + _TIME, re.I),
    re.compile(rf"(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})" + _TIME, re.I),
    re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH})\.?,?\s+(?P<y>(?:19|20)\d{{2}})" + _TIME, re.I),
    re.compile(_MONTH_WORD + r"\s+(?P<d>\d{1,2})\.?,?\s+(?P<y>(?:19|20)\d{2})\b" + _TIME, re.I),
    re.compile(r"(?P<d>\d{1,2})\.?\s+(?:de\s+)?" + _MONTH_WORD + r",?\s+(?:de\s+)?(?P<y>(?:19|20)\d{2})\b"
               + _YEAR_WORD + _TIME, re.I),
)
#: a year with its month: "May 2013", "5 May, 2013", "May 5th 2013", "05/02/2013", "2013-05-02"
_DATED_YEAR = re.compile(
    rf"\b(?:(?:{_MONTH})\.?,?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?|\d{{1,2}}\s*[/.-]\s*\d{{1,2}}\s*[/.-]\s*)"
    r"(?P<y>(?:19|20)\d{2})\b|\b(?P<y2>(?:19|20)\d{2})\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}", re.I)
_DATE_LABEL = re.compile(r"^(?:" + _ROLE_LABELS["date"] + r")(?:\s+(?:on|at))?\s*[:：]?\s*", re.I)
#: what may stand beside a date on a date line: weekday, time zone, separators
_DATE_LEFTOVER = re.compile(r"^[\s,|·•\-–—()]*(?:" + _WEEKDAY_NAME + r"\.?|[A-Z]{2,5}|UTC[+-]?\d*|GMT[+-]?\d*"
                            r"|[+-]\d{2}:?\d{2})?[\s,|·•\-–—()]*$")
#: a label and a time after the date: "21 July 2013 Last updated at 11:11 GMT" (BBC's pages)
_LABELLED_TIME = re.compile(r"^[\s,|·•\-–—]*(?:" + _ROLE_LABELS["date"] + r")(?:\s+at)?\s*[:：]?\s*(?P<H>\d{1,2}):"
                            r"(?P<M>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?\s*(?-i:[A-Z]{2,5}|UTC[+-]?\d*|GMT[+-]?\d*)?\s*$",
                            re.I)
#: words a date line may hold beside the date in other languages, besides a weekday: "le 13 juin 2013",
#: "am 13. Juni 2013", "el 13 de junio de 2013"
_BESIDE_DATE = frozenset({"le", "el", "il", "am", "den", "du", "de", "uhr"})
_WORD = re.compile(r"[^\W\d_]+")

#: what may open a date stamp glued to the first sentence ("Posted: Friday, March 8, 2013 2:39 pm Doug …"): a
#: dateline's place in capitals ("WASHINGTON, DC, April 28, 2009 The …"), a label, a time, a weekday
_STAMP_HEAD = re.compile(r"(?-i:[A-Z][A-Z.]+(?:\s+[A-Z][A-Z.]+)*,\s*(?:[A-Z][A-Za-z.]{1,4},\s*)?)?"
                         r"(?:(?-i:on)\s+)?(?:(?:(?:first|originally)\s+)?(?:" + _ROLE_LABELS["date"]
                         + r"|edited|for\s+immediate\s+release)(?:\s+(?:on|at|time))?\s*[:：]?\s*)?"
                         r"(?:\d{1,2}\s?:\s?\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?(?:\s*(?:GMT|UTC|BST|UK|[ECMP][SD]T))?"
                         r"\s*,?\s*)?"
                         r"(?:" + _WEEKDAY_NAME + r"\.?,?\s*)?", re.I)
#: a label, capitalised as a page's stamp is, and a clock time with no date: "Updated 9:06 AM A woman …" (the
#: page's day stood elsewhere); prose's "posted at 9:30 p.m." is not one
_TIMED_LABEL = re.compile(r"(?-i:(?=[A-Z]))(?:(?:first|originally|last)\s+)?(?:updated|posted|published|edited)\s*[:：]?\s*"
                          r"\d{1,2}\s?:\s?\d{2}(?:\s*[ap]\.?\s?m\.?)?", re.I)
#: a slashed date, day and month in either order, or a forum's "Dec-19-05": a stamp, read as a date only when
#: its order can be told (``stamp_date``)
_SLASHED = re.compile(r"(?:(?P<a>\d{1,2})\s*/\s*(?P<b>\d{1,2})\s*/\s*(?P<y>(?:19|20)?\d{2})"
                      r"|(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*-(?P<d>\d{1,2})-"
                      r"(?P<y2>(?:19|20)?\d{2}))" + _TIME + r"(?:\s*[ap]\.?m\.?)?", re.I)
#: time zones that say which way round a slashed date is: the United States write the month first ("PDT 8 / 2 /
#: 2013" is August 2), Britain, Europe and India the day ("BST 14 / 09 / 2013")
_MONTH_FIRST_ZONES = re.compile(r"\b(?:[ECMP][SD]T|AK[SD]T|HST|ET|PT)\b")
_DAY_FIRST_ZONES = re.compile(r"\b(?:UK|BST|GMT|CES?T|EES?T|WES?T|IST|MSK|AEST|AEDT|NZST|NZDT)\b")
_WEEKDAY = re.compile(rf"\b{_WEEKDAY_NAME}\b", re.I)
#: a day a text names ("on May 1", "Feb. 4th"), which dates a report near it: days named up to a week before
#: the stamp or a few after (what is announced) tell which way round its slashed date is
_NAMED_DAY = re.compile(rf"\b(?=(?-i:[A-Z]))(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*[:/])", re.I)
NAMED_DAYS_BEFORE, NAMED_DAYS_AFTER = 7, 3
#: where a stamp may open inside a text, after a headline glued before it ("… in cover-up updated 7 / 28 / 2004
#: 3:02:00 PM ET Fred LaRue …")
_STAMP_LABEL = re.compile(r"\b(?:updated|posted|edited|published)\b", re.I)
_STAMP_TAIL = re.compile(r"(?:\s*(?:[ECMP][SD]T|GMT|UTC|BST|CES?T|IST|MSK|JST|ET|PT)(?:[+-]\d{1,2}(?::\s?\d{2})?)?\b)?"
                         r"(?:\s*hrs\b)?(?:\s*\((?:GMT|UTC)[^()]{0,12}\))?[\s,|·•\-–—.]*")

#: after a glued stamp, maybe a time the stamp did not take ("5: 03pm", as tokenised scrapes space it), then a
#: sentence: a capital letter, maybe after an opening quotation mark
_SENTENCE_OPENS = re.compile(r"\s*(?:\d{1,2}[:.]\s?\d{2}\s*(?:[aApP]\.?(?:[mM]\.?)?)?\s*(?:[A-Z]{2,4}\b)?\s*)?"
                             r"(?P<sentence>[\"“‘'«(]?[^\W\d_](?<![a-z]))")


@dataclass
class Byline:
    """What metadata lines said about an article."""

    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    reposted_from: str | None = None
    published: str | None = None


def _clean_name(value: str) -> str:
    value = _ACCOUNT_ID.sub("", value)
    return value.strip(" \t\"'“”‘’«»:：,.;|-–—")


def find_date(text: str) -> tuple[str, tuple[int, int]] | None:
    """The first calendar date in ``text`` as ISO 8601 at the precision given, with its span."""
    found = [read for pattern in _DATES if (read := _first_date(pattern, text)) is not None]
    return min(found, key=lambda read: read[1][0]) if found else None


def _first_date(pattern: re.Pattern[str], text: str) -> tuple[str, tuple[int, int]] | None:
    for match in pattern.finditer(text):
        parts = match.groupdict()
        month = (_MONTHS.get(parts["mon"].lower()) or months().get(parts["mon"].lower())) if parts.get("mon") \
            else int(parts["m"])
        if month is None:
            continue
        try:
            day = datetime(int(parts["y"]), month, int(parts["d"]))
        except ValueError:
            continue
        iso = day.strftime("%Y-%m-%d")
        if parts.get("H") is not None:
            hour = int(parts["H"])
            if parts.get("ampm"):
                hour = hour % 12 + (12 if parts["ampm"].lower().startswith("p") else 0)
            if hour < 24 and int(parts["M"]) < 60:
                iso += f"T{hour:02d}:{parts['M']}:{parts.get('S') or '00'}"
        return iso, match.span()
    return None


def leading_stamp(text: str) -> int:
    """Where the date stamps that open ``text`` end (label, time, weekday, date, time, zone; "Published
    …  Updated …" gives two; a label with a time alone, "Updated 9:06 AM"), else 0: scraped and rebuilt texts
    glue the dateline to the first sentence."""
    end = 0
    while True:
        head = _STAMP_HEAD.match(text, end).end()
        found = find_date(text[head:head + 60])
        if found is not None and found[1][0] == 0:
            stamp = head + found[1][1]
        elif (slashed := _SLASHED.match(text, head)) is not None:
            stamp = slashed.end()
        elif (timed := _TIMED_LABEL.match(text, end)) is not None:
            stamp = timed.end()
        else:
            return end
        end = _STAMP_TAIL.match(text, stamp).end()


def stamp_date(text: str, end: int) -> str | None:
    """The date of the stamp ``text[:end]``, as ISO 8601: a written date, or a slashed one when it can be told
    which number is the month (one is over 12, both are equal, or a time zone says how its country writes
    dates). The text after the stamp is read too, for a time's "p" before a capital ("5: 55p Wladimir")."""
    found = find_date(text)
    if found is not None and found[1][0] < end:
        return found[0]
    stamp = text[:end]
    slashed = _SLASHED.search(text)
    if slashed is None or slashed.start() >= end:
        return None
    written = slashed["y2"] if slashed["mon"] else slashed["y"]
    year = int(written) + (2000 if len(written) == 2 else 0)
    if slashed["mon"]:
        month, day = _MONTHS[slashed["mon"].lower()], int(slashed["d"])
    else:
        a, b = int(slashed["a"]), int(slashed["b"])
        day_first = _DAY_FIRST_ZONES.search(stamp) is not None
        month_first = _MONTH_FIRST_ZONES.search(stamp) is not None
        if a > 12 or (b <= 12 and a != b and day_first and not month_first):
            day, month = a, b
        elif b > 12 or a == b or (month_first and not day_first):
            month, day = a, b
        elif (told := _told_apart(stamp, text[end:], year, a, b)) is not None:
            month, day = told
        else:
            return None
    try:
        return datetime(year, month, day).strftime("%Y-%m-%d")
    except ValueError:
        return None


def _told_apart(stamp: str, rest: str, year: int, a: int, b: int) -> tuple[int, int] | None:
    """(month, day) of an ambiguous slashed date, where the stamp's weekday fits one reading only, or the text
    after it names a day within a week before it (or days after) for one reading only: a report stamped
    "05 / 02 / 2013" that tells what happened "on May 1" was written on May 2."""
    readings = []
    for month, day in ((a, b), (b, a)):
        try:
            readings.append((month, day, datetime(year, month, day)))
        except ValueError:
            continue
    weekday = _WEEKDAY.search(stamp)
    if weekday:
        fits = [r for r in readings if r[2].strftime("%a").lower() == weekday["weekday"].lower()]
        if len(fits) == 1:
            return fits[0][:2]
    named = []
    for m in _NAMED_DAY.finditer(rest):
        try:
            named.append(datetime(year, _MONTHS[m.group("mon").lower()], int(m.group("d"))))
        except ValueError:
            continue
    fits = [r for r in readings if any(-NAMED_DAYS_BEFORE <= (day - r[2]).days <= NAMED_DAYS_AFTER for day in named)]
    return fits[0][:2] if len(fits) == 1 else None


def glued_stamp(text: str) -> int:
    """Where the sentence starts after a date stamp that opens ``text`` and runs into it ("Published December
    23, 2012 Andrew Luck threw …", "on Dec 23 2012, 5: 03p Andrew …"), else 0. A sentence that opens with a
    date and goes on in lower case ("December 7, 1941 was a date …") has no stamp."""
    end = leading_stamp(text)
    opens = _SENTENCE_OPENS.match(text, end) if end else None
    return opens.start("sentence") if opens else 0


def date_stamps(text: str) -> list[tuple[int, int]]:
    """(start, end) of the date stamps in ``text``: the one that opens it, any that a label opens later, and
    a slashed date with its clock time wherever it stands ("… for eight years 12 / 16 / 08 1:30 AM EST Though
    …": prose writes "at 1:30 a.m. on Dec. 16", a page's stamp the numbers)."""
    first = leading_stamp(text)
    found = [(0, first)] if first else []
    for label in _STAMP_LABEL.finditer(text):
        if found and label.start() < found[-1][1]:
            continue
        end = leading_stamp(text[label.start():])
        if end > label.end() - label.start():
            found.append((label.start(), label.start() + end))
    for slashed in _SLASHED.finditer(text):
        if slashed["H"] is not None and not any(s <= slashed.start() < e for s, e in found):
            found.append((slashed.start(), _STAMP_TAIL.match(text, slashed.end()).end()))
    return sorted(found)


def dated_years(text: str) -> list[int]:
    """The year of every date in ``text`` that has at least its month: a bare year ("her 1999 role")
    is as often history as news, a month and year usually date what is being reported."""
    return [int(m["y"] or m["y2"]) for m in _DATED_YEAR.finditer(text)]


def parse_date_line(line: str) -> tuple[str, bool] | None:
    """(ISO date, carried a weather reading) when the whole line is a date stamp."""
    rest, weather = strip_temperature(_DATE_LABEL.sub("", line.strip()))
    found = find_date(rest)
    if found is None:
        return None
    iso, (start, end) = found
    timed = _LABELLED_TIME.match(rest[end:])
    if timed is not None:
        hour, minute = int(timed["H"]), int(timed["M"])
        if timed["ampm"]:
            hour = hour % 12 + (12 if timed["ampm"].lower().startswith("p") else 0)
        if "T" not in iso and hour < 24 and minute < 60:
            iso += f"T{hour:02d}:{minute:02d}:00"
        end = len(rest)
    leftover = rest[:start] + " " + rest[end:]
    if not _DATE_LEFTOVER.match(leftover.strip()) and not set(_WORD.findall(leftover.lower())) - _BESIDE_DATE <= weekdays():
        return None
    return iso, weather


def _split_people(value: str) -> list[str]:
    """Names in a byline; 'and' separates only capitalised names ("vertical and horizontal" is one pen name)."""
    names = []
    for part in _AUTHOR_SPLIT.split(value):
        pieces = _AND.split(part)
        names.extend(pieces if all(p[:1].isupper() for p in pieces) else [part])
    return [name for name in (_clean_name(n) for n in names) if name]


def _labelled(segment: str, into: Byline) -> bool:
    matches = list(_LABEL.finditer(segment))
    if not matches:
        return False
    prefix = segment[: matches[0].start()].strip()
    if len(prefix.split()) > 5:
        return False
    dated = parse_date_line(prefix) if prefix else None
    if dated is not None:  # "2022年06月19日 10:15  来源：新华社", "June 19, 2022 Source: Reuters"
        into.published = into.published or dated[0]
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        value = segment[match.end(): following.start() if following else len(segment)].strip()
        if not value:
            continue
        role = next(role for role in _ROLE_LABELS if match.group(role))
        reposted = bool(_REPOST_SUFFIX.search(value)) and role in ("source", "author")
        value = _REPOST_SUFFIX.sub("", value)
        if role in ("author", "editor"):
            into.authors.extend(a for a in _split_people(value) if a not in into.authors)
            if reposted:
                into.reposted_from = into.reposted_from or _clean_name(value)
        elif role in ("source", "repost"):
            into.reposted_from = into.reposted_from or _clean_name(value)
        elif role == "outlet":
            into.outlet = into.outlet or _clean_name(value)
        elif role == "date":
            found = find_date(value)
            if found is None:
                return False
            into.published = into.published or found[0]
    return True


def _repost_sentence(segment: str, into: Byline) -> bool:
    text = segment.strip().rstrip(".。!")
    for pattern in _REPOST_SENTENCES:
        match = pattern.match(text)
        if match and len(match.group("who").split()) <= 12:
            into.reposted_from = into.reposted_from or _clean_name(match.group("who"))
            return True
    by = _BY.match(text)
    if by and len(by.group("who").split()) <= 8:
        into.authors.extend(a for a in _split_people(by.group("who")) if a not in into.authors)
        return True
    return False


def parse_metadata_line(line: str, into: Byline) -> bool:
    """Fill ``into`` from a byline/source/repost line; False (and ``into`` untouched) if it is body text."""
    trial = Byline(list(into.authors), into.outlet, into.reposted_from, into.published)
    segments = [s for s in _SENTENCE_END.split(line.strip()) if s.strip()]
    if not segments:
        return False
    for segment in segments:
        if not (_labelled(segment, trial) or _repost_sentence(segment, trial)):
            return False
    into.authors, into.outlet, into.reposted_from, into.published = (
        trial.authors, trial.outlet, trial.reposted_from, trial.published)
    return True
