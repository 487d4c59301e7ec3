"""Time expressions in article text, resolved to ISO dates at the precision the text gives.

Anchors, in order: the article's published date; for a day of the month ("on the 18th") or a month
and day without a year, the nearest explicit date in the same article; then the story's earliest
published date — for a weekday too (the last such day on or before it: a story's first report comes
within days of its event, whatever day a later, undated article went out), but never for "yesterday",
"two days ago" or "last month", which count from the article's own, unknown, day. An expression with nothing to anchor it ("two days ago" in an undated article) is
dropped, never guessed. Rules are English, Russian and Ukrainian (``cyrillic.py``), and Chinese and Japanese
(``cjk.py``), each read into the English rules' terms; other languages are read by the English rules, whose
numeric dates (ISO, "12.03.2020") hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from . import cjk, cyrillic
from .terms import WEEKDAY_NAMES

MONTHS = {m: i for i, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")), start=1) for m in names}
WEEKDAYS = {d: i for i, d in enumerate(WEEKDAY_NAMES)}
NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")(?:\s?\.)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
#: between a day and its year: a comma (tokenised text puts a space before it) or white space
_SEP = r"(?:\s?,\s*|\s+)"
#: a date right after a weekday names the weekday's own day ("TUESDAY, MARCH 12, 2013", "on Saturday, 8 October
#: 2011"): the weekday is no expression of its own, to be counted back from another day
_ANY_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_DATE_AFTER = rf"\s?,?\s*(?:{_ANY_MONTH}\.?\s+[0-3]?\d\b|[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?{_ANY_MONTH}\b)"
_COUNT = r"(?P<count>\d+|" + "|".join(NUMBERS) + r"|a|an)"

#: (kind, pattern), tried in this order; an earlier match wins its characters
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(pattern, re.I)) for kind, pattern in (
    ("iso", r"\b(?P<year>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("mdy_num", r"\b(?P<m>[01]?\d)\s?/\s?(?P<day>[0-3]?\d)\s?/\s?(?P<y2>(?:19|20)?\d{2})\b"),
    ("mdy", rf"\b{_MONTH}\s+{_DAY}{_SEP}{_YEAR}\b"),
    ("dmy", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_SEP}{_YEAR}\b"),
    ("dmy2", rf"\b{_DAY}\s+{_MONTH}\s+(?P<y2>\d{{2}})\b(?!\s*[:.]\s*\d)"),
    ("my", rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b"),
    ("md", rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*(?:19|20)\d{{2}})(?!\s*[:.]\s*\d)"),
    ("dm", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?!\s*,?\s*(?:19|20)\d{{2}})"),
    ("month", rf"\b(?:in|since|by|during|until|last|this|next|early|late|mid-?|of)\s+{_MONTH}\b(?!\s*[0-3]?\d\b)"),
    ("ordinal", r"\b(?:on|from|since|until|by|before|after|of)\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b"),
    ("relday", r"\b(?P<word>yesterday|today|tomorrow|tonight)\b"),
    ("ago", rf"\b{_COUNT}\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|earlier|before|later|after)\b"),
    ("relunit", r"\b(?P<which>last|this|next|earlier this|later this|early this|late last)\s+(?P<unit>month|year)\b"),
    ("weekday", rf"\b(?:(?P<which>last|next|this|on|on last)\s+)?{_WEEKDAY}\b(?!{_DATE_AFTER})"),
    ("year", rf"\b(?:in|since|by|during|until|before|after|of|from|between|early|late|mid-?)\s+"
             rf"(?:the\s+(?:year\s+)?)?{_YEAR}\b(?!\s*%)"),
    ("year", rf"(?<=\b(?:19|20)\d\d\sand\s){_YEAR}\b"),
    ("year", rf"\b(?:a|an|the)\s+{_YEAR}(?=\s+[a-z])(?!\s+(?:people|percent|per|times|men|women|troops|"
             rf"residents|votes|units|tons|miles|feet|years|dollars|euros)\b)"),
))

#: words before a bare weekday, in its clause, that point it forward ("the trial will resume Monday",
#: "a hearing was scheduled for Wednesday", "postponed until Monday"); otherwise news means the last one
FUTURE = re.compile(r"\b(?:will|'ll|shall|scheduled|set for|set to|due|expected to|until|till|starts?|"
                    r"begins?|resumes?|postponed|adjourned)\b", re.I)
FUTURE_REACH = 60


#: a text without a published date is dated by a full date this near its start (a dateline), else by its latest
#: full date (a report comes after what it tells), never by a birth date ("Born on April 22, 1923, …")
DATELINE_CHARS = 300
_BORN = re.compile(r"\b(?:[Bb]orn|[Bb]irth)\b[^.;]*$")


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    text: str
    kind: str
    value: str  # YYYY, YYYY-MM or YYYY-MM-DD; "" where unresolved


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _count(text: str) -> int:
    text = text.lower()
    return 1 if text in ("a", "an") else NUMBERS.get(text, None) if not text.isdigit() else int(text)


def _nearest_context(explicit: list[tuple[int, date]], position: int) -> date | None:
    if not explicit:
        return None
    return min(explicit, key=lambda item: abs(item[0] - position))[1]


def _resolve(kind: str, g: dict[str, str | None], anchor: date | None, context: date | None,
             previous: date | None) -> str | None:
    month = MONTHS.get((g.get("mon") or "").lower().rstrip("."))
    if kind == "iso" or kind == "mdy" or kind == "dmy":
        day = _safe(int(g["year"]), month or int(g["m"]), int(g["day"]))
        return day.isoformat() if day else None
    if kind == "dmy2":
        day = _safe(2000 + int(g["y2"]) if int(g["y2"]) < 50 else 1900 + int(g["y2"]), month, int(g["day"]))
        return day.isoformat() if day else None
    if kind == "dmy_num":
        day = _safe(int(g["year"]), int(g["m"]), int(g["day"]))
        return day.isoformat() if day else None
    if kind == "mdy_num":
        year = int(g["y2"]) if len(g["y2"]) == 4 else 2000 + int(g["y2"]) if int(g["y2"]) < 50 else 1900 + int(g["y2"])
        day = _safe(year, int(g["m"]), int(g["day"]))
        return day.isoformat() if day else None
    if kind == "my":
        return f"{int(g['year']):04d}-{month:02d}"
    if kind == "year":
        return g["year"]
    base = context or anchor
    if kind in ("md", "dm"):
        if base is None:
            return None
        day = _safe(base.year, month, int(g["day"]))
        return day.isoformat() if day else None
    if kind == "month":
        if base is None:
            return None
        year = base.year if month <= base.month else base.year - 1
        return f"{year:04d}-{month:02d}"
    if kind == "ordinal":
        if base is None:
            return None
        day = _safe(base.year, base.month, int(g["day"]))
        return day.isoformat() if day else None
    if anchor is None:
        return None
    if kind == "relday":
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[g["word"].lower()]
        return (anchor + timedelta(days=shift)).isoformat()
    if kind == "ago":
        count = _count(g["count"])
        if count is None:
            return None
        unit = g["unit"].lower()
        sign = 1 if g["dir"].lower() in ("later", "after") else -1
        origin = (previous or anchor) if sign > 0 else anchor
        moved = origin + relativedelta(**{unit + "s": sign * count})
        return moved.isoformat() if unit in ("day", "week") else (
            f"{moved.year:04d}-{moved.month:02d}" if unit == "month" else f"{moved.year:04d}")
    if kind == "relunit":
        which, unit = g["which"].lower(), g["unit"].lower()
        step = -1 if "last" in which else 1 if which == "next" else 0
        moved = anchor + relativedelta(**{unit + "s": step})
        return f"{moved.year:04d}-{moved.month:02d}" if unit == "month" else f"{moved.year:04d}"
    if kind == "weekday":
        which = (g.get("which") or "").lower()
        target = WEEKDAYS[g["weekday"].lower()]
        if which == "next":
            return (anchor + timedelta(days=(target - anchor.weekday() - 1) % 7 + 1)).isoformat()
        if g.get("future") and which != "last":
            return (anchor + timedelta(days=(target - anchor.weekday()) % 7)).isoformat()
        back = (anchor.weekday() - target) % 7
        if which in ("last", "on last") and back == 0:
            back = 7
        return (anchor - timedelta(days=back)).isoformat()
    return None


def _as_date(value: str) -> date | None:
    return date.fromisoformat(value) if len(value) == 10 else None


#: a date in digits with dots, day first ("12.03.2020"), as Europe writes it
DOTTED = ("dmy_num", re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<year>(?:19|20)\d{2})\b"))


def _patterns(language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Russian and Ukrainian rules for those languages; the English ones for every other (an article whose
    language was misread keeps them, and most of their numeric forms are not English-only)."""
    if language in cyrillic.LANGUAGES:
        return (PATTERNS[0], DOTTED) + cyrillic.PATTERNS
    if language in cjk.LANGUAGES:
        return (PATTERNS[0],) + cjk.PATTERNS
    return PATTERNS + (DOTTED,)


def _matches(text: str, language: str) -> list[tuple[int, int, str, dict]]:
    """Every time expression of ``text`` in order as (start, end, kind, groups), resolvable or not."""
    taken: list[tuple[int, int]] = []
    matches = []
    reading = cyrillic if language in cyrillic.LANGUAGES else cjk if language in cjk.LANGUAGES else None
    english = reading is None
    for kind, pattern in _patterns(language):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            if english and (match.groupdict().get("mon") or "A")[0].islower():
                continue  # "may" the verb, "march" the walk: month names are capitalised
            groups = match.groupdict() if english else reading.in_english(kind, match.groupdict())
            if groups is None:
                continue
            taken.append((start, end))
            matches.append((start, end, kind, groups))
    matches.sort()
    return matches


def find(text: str, published: str | None = None, fallback: str | None = None,
         language: str = "en", unresolved: bool = False) -> list[TimeExpression]:
    """Time expressions of ``text`` in order, each resolved; unresolvable ones are left out, or with
    ``unresolved`` kept with an empty value ("in November" with no year known still parts a sentence's
    dated clauses)."""
    anchor = _as_date(published[:10]) if published and len(published) >= 10 else None
    fallback_day = _as_date(fallback[:10]) if fallback and len(fallback) >= 10 else None
    matches = _matches(text, language)
    explicit = []
    for start, _end, kind, groups in matches:
        if kind in ("iso", "mdy", "dmy", "dmy2", "mdy_num", "dmy_num", "md", "dm"):
            value = _resolve(kind, groups, anchor or fallback_day, None, None)
            if value and len(value) == 10:
                explicit.append((start, date.fromisoformat(value)))
    if anchor is None:
        # no published date: the first full date the text gives (a dateline, most often) anchors it
        full = [(s, date.fromisoformat(v)) for s, _e, k, g in matches
                if k in ("iso", "mdy", "dmy", "dmy2", "mdy_num", "dmy_num") and not _BORN.search(text, max(0, s - 40), s)
                for v in [_resolve(k, g, None, None, None)] if v]
        anchor = (full[0][1] if full[0][0] <= DATELINE_CHARS else max(d for _, d in full)) if full else None
    found = []
    previous: date | None = None
    explicit_at = dict(explicit)
    for index, (start, end, kind, groups) in enumerate(matches):
        context = _nearest_context(explicit, start) if kind in ("ordinal", "md", "dm") else None
        following = matches[index + 1] if index + 1 < len(matches) else None
        if kind == "ago" and following and following[0] - end <= 12 and following[0] in explicit_at:
            previous = explicit_at[following[0]]  # "two days after the May 3 fire": counted from that date
        elif kind == "ago" and groups["dir"].lower() in ("after", "before") \
                and groups["unit"].lower() in ("week", "month", "year"):
            # "8 months after breakup", "a week after Mt. Gox collapse": from an event the text does not date, and
            # weeks, months or years away from the report's day (days away, "a day before the game", it is most
            # often the story's own event, near that day)
            if unresolved:
                found.append(TimeExpression(start, end, text[start:end], kind, ""))
            continue
        if kind == "weekday":
            clause = re.split(r"[.!?;]", text[max(0, start - FUTURE_REACH):start])[-1]
            groups = {**groups, "future": groups.get("future") or FUTURE.search(clause) is not None}
        base = anchor or (fallback_day if kind not in ("relday", "ago", "relunit") else None)
        value = _resolve(kind, groups, base, context, previous)
        if value is None:
            if unresolved:
                found.append(TimeExpression(start, end, text[start:end], kind, ""))
            continue
        found.append(TimeExpression(start, end, text[start:end], kind, value))
        if len(value) == 10:
            previous = date.fromisoformat(value)
    return found
