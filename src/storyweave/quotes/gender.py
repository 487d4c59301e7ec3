"""Who in an article is a woman and who a man, by what the article itself writes: "she said" must not go to
the last man named, nor "he said" to a woman.

The evidence, read per article: a given name ("Bettie Page", "Мария Захарова"; ``nlp.given_names``), a
title of address ("Mrs. Benson", "Mr. Pigeon", "г-жа Захарова") and a noun of one sex right before the name
("pinup queen Bettie Page", "his wife Ann Smith"). The surname then carries it ("Page said"). A name the
evidence gives both genders (Mr. and Mrs. Smith) has none; so has a name without evidence, and a pronoun
may go to it as before.
"""

from __future__ import annotations

import re

from ..nlp.given_names import FEMALE, MALE, gender
from . import cyrillic, english

PRONOUNS = {"he": MALE, "she": FEMALE, "он": MALE, "она": FEMALE, "він": MALE, "вона": FEMALE, "er": MALE,
            "sie": FEMALE}
_NAME_WORD = r"[A-Z][\w'’-]+"
_TITLES = {FEMALE: r"Mrs|Ms|Miss|Lady|Dame|Madam|Madame|Mme|Mlle|Frau|Señora|г-жа|госпожа|пані",
           MALE: r"Mr|Sir|Herr|Señor|г-н|господин|пан"}
_NOUNS = {FEMALE: "actress|spokeswoman|chairwoman|businesswoman|congresswoman|councilwoman|sportswoman|policewoman|"
                  "queen|princess|duchess|countess|baroness|empress|wife|mother|daughter|sister|girlfriend|widow|"
                  "grandmother|aunt|niece|granddaughter|stepmother|stepdaughter",
          MALE: "spokesman|businessman|congressman|councilman|sportsman|policeman|king|prince|duke|baron|emperor|"
                "husband|father|son|brother|boyfriend|widower|grandfather|uncle|nephew|grandson|stepfather|stepson"}
_SURNAME = rf"(?P<last>{_NAME_WORD}|{cyrillic.WORD.pattern})"
_TITLED = [(g, re.compile(rf"(?<![\w-])(?:{t})\.?\s+(?:{_NAME_WORD}\s+){{0,2}}{_SURNAME}(?!\s+[A-ZА-ЯЁІЇЄҐ])"))
           for g, t in _TITLES.items()]
_COUPLE = re.compile(rf"\b(?:Mr|Mrs)\.?\s+(?:and|&)\s+(?:Mrs|Mr)\.?\s+(?:{_NAME_WORD}\s+)?{_SURNAME}")
_NOUNED = [(g, re.compile(rf"\b(?i:{n})\s+(?P<name>(?:{_NAME_WORD}\s+){{0,2}}{_SURNAME})")) for g, n in _NOUNS.items()]
_POSSESSIVE = re.compile(r"['’]s$")
_ACRONYM = re.compile(r"(?:[A-ZА-ЯЁІЇЄҐ]\.?){2,6}")
NEUTER = "n"
#: the given name opens a name, or follows a title ("District Attorney Dave Rossi"), never an inner word of
#: another name ("Los Angeles Times")
_TITLE_WORDS = english.TITLE_WORDS | {a.lower() for a in english.TITLE_ABBREVIATIONS}


def _given(word: str) -> str | None:
    return None if word.lower().rstrip(".") in _TITLE_WORDS else gender(word)


class People:
    """The genders an article's words give its people, and where it names them."""

    def __init__(self, text: str, language: str = "en") -> None:
        found: dict[str, set[str]] = {}

        def note(name: str, sex: str | None) -> None:
            name = name.rstrip("'’")
            if sex:
                for key in {name, name.split()[-1]}:
                    found.setdefault(key, set()).add(sex)

        for match in english.FULL_NAME.finditer(text):
            words = match.group().split()
            given = max((i for i in range(1, len(words) - 1) if words[i - 1].lower().rstrip(".") in _TITLE_WORDS),
                        default=0)
            if language == "de" and not _given(words[given]):
                given = len(words) - 2  # nouns are capitalised: "Der Verkehrsexperte Thomas Berger"
            note(" ".join(words[given:]), _given(words[given]))
        for match in cyrillic.FULL_NAME.finditer(text):
            note(f"{match.group('first')} {match.group('last')}", gender(match.group("first")))
        for match in _COUPLE.finditer(text):  # "Mr. and Mrs. Smith"
            note(match.group("last"), FEMALE)
            note(match.group("last"), MALE)
        for sex, pattern in (*_TITLED, *_NOUNED):
            for match in pattern.finditer(text):
                note(match.group("last"), sex)
        self.of = {name: sexes.pop() for name, sexes in found.items() if len(sexes) == 1}
        self._names = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(self.of, key=len, reverse=True)))
                                 + r")(?![\w-])") if self.of else None

    def gender(self, name: str) -> str | None:
        """The gender of a speaker as written: the whole name's, else its given name's; a surname alone takes the
        gender the article gives it (a relative's surname is no evidence about "Mahnefah Gray"). A name in
        capitals is an agency's or a body's ("IRNA reported"), ``NEUTER``: no "he" or "she" refers to it."""
        name = _POSSESSIVE.sub("", name.strip())
        words = name.split()
        if not words:
            return None
        if _ACRONYM.fullmatch(name):
            return NEUTER
        if len(words) == 1:
            return self.of.get(name)
        return self.of.get(name) or _given(words[0])

    def last_named(self, text: str, start: int, end: int, sex: str, quoted: list[tuple[int, int]]) -> str | None:
        """The last person of this gender named between start and end outside the quotations."""
        if self._names is None:
            return None
        names = [m for m in self._names.finditer(text, start, end)
                 if self.of[m.group()] == sex and not any(a <= m.start() < b for a, b in quoted)]
        return names[-1].group() if names else None
