"""When two sentences that say nearly the same thing disagree: another value (a number, year, time of day,
month or weekday), the opposite polarity (one of them negated), or another actor (the same act done by someone
else). Each test answers only where both sentences give what it compares; silence is no disagreement.

Negation cues exist for the languages listed in NEGATION; elsewhere polarity is unknown and never conflicts.
Month and weekday names and number words are read in English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..cluster.features import STOPWORDS
from ..ingest.byline import date_stamps
from ..nlp import figures

#: a number with what it counts: a currency sign before, the word (hyphenated words) after: "$108 million",
#: "6-foot", "14 points". A value is read as ``figures.value`` reads it: "1,000", "1.000" and "1 000" are one
#: number across languages, as "1,5" and "1.5" are, and "6.0" is 6. A month written as a number ("6月") is no
#: quantity
_FIGURE = re.compile(rf"(?P<sign>[$€£¥])?(?P<value>{figures.VALUE}){figures.NOT_A_QUANTITY_AFTER}"
                     r"(?:\s*-?\s*(?P<unit>[^\W\d_]+(?:-[^\W\d_]+)*))?")
#: number words as digits ("one" left out: mostly a pronoun, "one of them", "no one")
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split(), start=2)} | {w: str(10 * i) for i, w in enumerate(
        "thirty forty fifty sixty seventy eighty ninety".split(), start=3)}
_FIGURE_EN = re.compile(_FIGURE.pattern.replace("(?P<value>", "(?P<value>(?i:\\b(?:" + "|".join(_NUMBER_WORDS) + r")\b)|"))
#: a number given as a bound or an estimate agrees with others ("more than 100 mph", "up to 120 mph")
#: nor does a number that was needed, expected or aimed at, not reported ("needed nine points to pass Ford" against
#: "scored 20 points")
_APPROXIMATE = re.compile(r"\b(?:needs?|needed|needing|requires?|required|expects?|expected|forecasts?|forecast|"
                          r"predicted|projected|aims? for|aimed for|hopes? for|hoped for)\s+(?:(?:just|only|another|a "
                          r"further)\s+)?[$€£¥]?$|"
                          r"\b(?:about|around|nearly|almost|over|under|more than|less than|fewer than|up to|at least|"
                          r"at most|roughly|approximately|some)\s*[$€£¥]?$", re.I)
#: a sentence that counts a running total ("a total of 14 rifles", "so far 923 rounds", "bringing the toll to
#: 120") gives another quantity than one that counts a single event's ("six rifles were seized"): their
#: numbers do not disagree
_RUNNING = re.compile(r"\b(?:(?:a|the|in)\s+total(?:\s+of)?|so\s+far|to\s+date|in\s+all|altogether|cumulative|"
                      r"bringing\s+(?:the|its|their)\s+\w+\s+to|insgesamt|bisher)\b|"
                      r"(?<![\w-])(?:всего|в\s+общей\s+сложности|к\s+настоящему\s+времени|загалом|усього)(?![\w-])",
                      re.I)
#: a time of day ("9:40 p.m.") is compared with times only, not read as two numbers
_TIME = re.compile(r"\b(\d{1,2})\s*:\s*(\d{2})\b")
#: a year is a date, compared with years only ("by March 2022" and "two doses" do not disagree)
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: words after a number that name no kind of thing ("13 for the Bulldogs", "20 were found"): such a number
#: is compared as a number only, across languages
_NOT_UNITS = STOPWORDS | frozenset("a an as at by in is it of on or to".split())
#: "May" is a month only beside a day number or after in/of/since/until (else the modal verb)
_MONTH = re.compile(r"\b(January|February|March|April|June|July|August|September|October|November|December)\b"
                    r"|\b(?:(?<=\d )|(?<=in )|(?<=of )|(?<=since )|(?<=until ))(May)\b|\b(May)(?= \d)")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
#: what negates a clause, per language (ISO 639-1); French counts its "ne", not the "pas" that goes with it.
#: A sentence with any cue is negated: news rarely negates twice, and "Nobody was hurt and the fire did not
#: spread" still agrees with "Nobody was hurt".
NEGATION = {language: re.compile(pattern, re.I) for language, pattern in {
    "en": r"\b(?:not|no|never|nobody|none|nothing|neither|nor|cannot)\b|n['’]t\b",
    "de": r"\b(?:nicht|kein|keine|keinen|keinem|keiner|keines|nie|niemals|niemand|nichts|weder)\b",
    "fr": r"\bne\b|\bn'",
    "es": r"\b(?:no|nunca|nadie|nada|ningún|ninguno|ninguna|jamás)\b",
    "it": r"\b(?:non|mai|nessuno|nessuna|niente|nulla)\b",
    "ru": r"(?<![\w-])(?:не|нет|никогда|никто|ничего|ни)(?![\w-])",
    "uk": r"(?<![\w-])(?:не|немає|ніколи|ніхто|нічого|ні)(?![\w-])",
}.items()}


@dataclass(frozen=True)
class Values:
    """What a sentence states that another rendering could state otherwise."""

    #: numbers with the word that names their kind ("14 points", "36-year-old": year), those of no named kind
    #: ("13 for the Bulldogs"), and every number
    figures: frozenset[tuple[str, str]]
    bare: frozenset[str]
    numbers: frozenset[str]
    #: calendar values: years, times of day, months, weekdays
    years: frozenset[str]
    times: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    negated: bool | None  # None: no cues for the language
    #: the words around each negation cue ("will not close": will, close) and every pair of adjacent words
    denied: frozenset[tuple[str, str]] = frozenset()
    pairs: frozenset[tuple[str, str]] = frozenset()
    running: bool = False
    #: each number's readings across writing conventions (``nlp/figures.py``): "2300万" is 2300 and 23000000
    readings: frozenset[frozenset[str]] = frozenset()

    def counts_alike(self, other: Values) -> bool:
        """Both count a single event's quantity or both a running total, so their numbers are comparable."""
        return self.running == other.running

    def figures_differ(self, other: Values) -> bool:
        """A figure of one kind that each gives otherwise, and the other nowhere: "14 points" against "12
        points". No conflict: an added figure ("88-72, the eighth loss in 10 games"), another unit or
        currency ("60m", "200 feet"; "£88m", "€103m"), a bound or estimate ("more than 100 mph"), or a
        value the other gives for someone else ("Charles rushed for 226 yards while Hillis added 101")."""
        kinds = {unit for _, unit in self.figures} & {unit for _, unit in other.figures}
        for kind in kinds:
            mine = {v for v, u in self.figures if u == kind}
            theirs = {v for v, u in other.figures if u == kind}
            if mine - other.numbers and theirs - self.numbers:
                return True
        return False

    def dates_differ(self, other: Values) -> bool:
        """Another year, time of day, month or weekday, where both give one."""
        return any(_differ(mine, theirs) for mine, theirs in ((self.years, other.years), (self.times, other.times),
                                                              (self.months, other.months),
                                                              (self.weekdays, other.weekdays)))

    def numbers_differ(self, other: Values, units: bool = True) -> bool:
        """Numbers of no named kind that differ; without ``units`` (two languages, whose unit words
        differ) every number is compared with every number."""
        if units:
            return _differ(self.bare, other.bare)
        mine, theirs = frozenset().union(*self.readings), frozenset().union(*other.readings)
        return bool(self.readings and other.readings and any(r.isdisjoint(theirs) for r in self.readings)
                    and any(r.isdisjoint(mine) for r in other.readings))

    def conflicts(self, other: Values, units: bool = True) -> bool:
        """Any value given otherwise: what keeps two sentences from being one claim."""
        return ((units and self.figures_differ(other)) or self.numbers_differ(other, units)
                or self.dates_differ(other))

    def opposed(self, other: Values) -> bool:
        """One negated and the other not."""
        return self.negated is not None and other.negated is not None and self.negated != other.negated

    def denies(self, other: Values) -> bool:
        """This one negates what the other says, word for word around the cue: "The council will not close
        the bridge" against "The council will close the bridge"; not "the source was not one person, but a
        combination" against "the source was a combination", which leaves the denied clause out."""
        return bool(self.negated and other.negated is False and self.denied & other.pairs)


def _differ(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Each gives a value the other does not (one that only adds a value says more, not otherwise)."""
    return bool(mine and theirs and not (mine <= theirs or theirs <= mine))


def values(text: str, language: str) -> Values:
    """What the sentence states, without the date stamps glued into it (a dateline is not the claim)."""
    for start, end in reversed(date_stamps(text)):
        text = text[:start] + " " + text[end:]
    times = frozenset(f"{int(h)}:{m}" for h, m in _TIME.findall(text))
    text = _TIME.sub(" ", text)
    found, bare, numbers = set(), set(), set()
    readings: list[frozenset[str]] = []
    for match in (_FIGURE_EN if language == "en" else _FIGURE).finditer(text):
        raw = match["value"]
        value = figures.written(figures.value(raw)) if raw[0].isdigit() else _NUMBER_WORDS[raw.casefold()]
        numbers.add(value)
        if not figures.in_name(text, match.start()):  # "Covid-19": compared within one language only
            readings.append(frozenset({value} | (figures.readings(raw, match["unit"]) if raw[0].isdigit() else set())))
        if _APPROXIMATE.search(text, 0, match.start()):
            continue
        unit = (match["unit"] or "").casefold()
        if unit and unit.split("-")[0] not in _NOT_UNITS:
            found.add((value, (match["sign"] or "") + unit.removesuffix("s")))
        else:
            bare.add(value)
    years = {v for v in numbers if _YEAR.fullmatch(v)}
    found = {(v, u) for v, u in found if v not in years}
    cues = NEGATION.get(language)
    words = [w.casefold() for w in _WORD.findall(text)]
    denied = set()
    for cue in cues.finditer(text) if cues is not None else ():
        before, after = _WORD.findall(text[:cue.start()])[-1:], _WORD.findall(text, cue.end())[:1]
        if before and after:
            denied.add((before[0].casefold(), after[0].casefold()))
    months = {next(g for g in m.groups() if g) for m in _MONTH.finditer(text)}
    return Values(frozenset(found), frozenset(bare - years), frozenset(numbers - years), frozenset(years), times,
                  frozenset(months), frozenset(_WEEKDAY.findall(text)), None if cues is None else bool(cues.search(text)),
                  frozenset(denied), frozenset(zip(words, words[1:], strict=False)), bool(_RUNNING.search(text)),
                  frozenset(r for r in readings if not r <= years))


def content_words(text: str, language: str) -> frozenset[str]:
    """The words two renderings of one statement share: letters only (numbers are values), casefolded,
    without the language's negation cues (polarity is compared on its own)."""
    cues = NEGATION.get(language)
    if cues is not None:
        text = cues.sub(" ", text)
    return frozenset(w.casefold() for w in _WORD.findall(text) if len(w) > 1 or not w.isascii())


#: languages that capitalise every noun, where a capital tells no name
_NOUNS_CAPITALISED = frozenset({"de", "lb"})


def plain_words(text: str, language: str) -> frozenset[str] | None:
    """The words of a sentence that are neither names nor stop words: casefolded, of three letters or more,
    never written with a capital but as the sentence's first word. Two reports of one statement share some
    of these; two sentences that share only the story's names ("Tokayev is indeed not simple." and "Tokayev
    is the president of the whole Kazakh") need not say the same. None where capitals tell no name (German
    nouns, scripts without case)."""
    if language in _NOUNS_CAPITALISED or not any(c.isupper() for c in text):
        return None
    found = set()
    for i, match in enumerate(_WORD.finditer(text)):
        word = match.group()
        if len(word) >= 3 and (i == 0 or not word[0].isupper()) and word.casefold() not in STOPWORDS:
            found.add(word.casefold())
    return frozenset(found)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two word sets: 1.0 when one sentence says every word of the other and no more."""
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def other_actor(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Each names someone (entity ids) the other does not."""
    return _differ(mine, theirs)
