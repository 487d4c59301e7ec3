"""Speech in one article: direct and reported statements with their speakers as written, before alignment.

    1. direct speech: text between paired quotation marks (``nlp/marks.py``: “…”, "…", «…», „…“, „…”, 「…」,
       ‘…’, '…', also over several lines), at least a clause long, attributed by a speech verb next to
       it ("…," he said; X stressed: "…"); one or two quoted words when an attribution names the speaker
       or an office and they name nothing ("called him a “true professional”", "A “state of emergency” was
       declared by police"), not an open class ("Critics called it a “bold move”"); a shorter fragment
       only as a translation's rendering
    2. reported speech: "X said that …", "X went on to say that …", "according to X, …", "Ri says it's …",
       "…, the minister said on Monday", "…, police said" (a group, an institution or a document: no antecedent)
    3. the speaker: a name beside the verb, before or after the quotation; "he"/"she" is the more recent
       of the last named speaker and the last sentence opening with a person's name, a few sentences back
       at most; a quotation that follows an attributed one with only that attribution between goes on
       with its speaker; otherwise None, never a guess

Speakers are names as written, matched across spellings by similarity (Tokaev ~ Tokayev); the pipeline
then resolves them to entities (``entities.attach_speakers``). The attribution rules are ``english.py``'s,
for Russian and Ukrainian ``cyrillic.py``'s, for German direct quotations ``german.py``'s, and for Chinese and
Japanese direct quotations ``cjk.py``'s.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property, lru_cache
from itertools import accumulate

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from ..cluster.features import text_vector
from ..model import Article, Span
from ..nlp import cjk_names, figures
from ..nlp.given_names import gender as given_gender_of
from ..nlp.glued import name_end
from ..nlp.marks import DOUBLE, Quoted, quoted
from ..nlp.morph import from_genitive, given_name, opener, person_name, person_part
from ..nlp.sentences import SentenceIndex, words
from . import cjk, cyrillic, english, german
from .gender import PRONOUNS, People

#: a figure with its thousands separators or decimal part and the word after it (``nlp/figures.py``)
_NUMBER = re.compile(rf"(?<!\d)(?P<value>{figures.VALUE}){figures.NOT_A_QUANTITY_AFTER}\s?"
                     r"(?P<scale>[万億亿千]|[^\W\d_]+)?")


def numbers(text: str) -> frozenset[str]:
    """The figures a statement gives, as values, also scaled by a word of scale after them: two renderings
    with different figures are not one statement ("23 million" and "2300万" share 23000000). A number in a
    name ("Covid-19") or a numbered month ("6月") is left out: another language may not write it."""
    return frozenset(r for m in _NUMBER.finditer(text) if not figures.in_name(text, m.start())
                     for r in figures.readings(m.group("value"), m.group("scale")))


#: words and the marks that tell a capitalised word inside a sentence (after a lower-case word or a comma: a
#: name) from one that opens it
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|[,;.!?]")
#: prepositions that put a name after a group into a phrase of place ("Residents along 117th Street", "Scientists
#: at the Royal Institute of Marine Biology")
_PLACE_WORDS = frozenset("along at in from near of on across around outside inside".split())
#: of those, the ones whose object is a place and never who speaks, whatever precedes them ("of" and "from" may
#: name an institution: "The head of Interpol said …")
_PLACE_ONLY = frozenset("along at in near on across around outside inside".split())
#: a group, an institution or a title after a one-word name makes the name its qualifier ("Greek police",
#: "the Egyptian ministry", "Greek prime minister George Papandreou")
_INSTITUTIONS = ("ministry", "government", "army", "military", "navy", "embassy", "court", "parliament", "cabinet")
_GROUP_AFTER = re.compile(r"\s+(?:" + "|".join(sorted({w.lower() for w in english.GROUPS if w.isascii()}
                                                     | set(_INSTITUTIONS) | english.TITLE_WORDS
                                                     | english.PERSON_NOUNS | {"prime"})) + r")\b")
_TITLED_AFTER = re.compile(r"\s+(?:[a-z]+\s+){1,6}?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\b")
#: a name that qualifies a title, and the holder's full name after it ("Nixon press secretary Ron Ziegler
#: dismissed it as “…”", "White House spokesman Tony Fratto called …"): the holder speaks
_HOLDER_AFTER = re.compile(rf"\s+(?:(?!(?:{english.SPEECH})\b)[a-z][\w-]*\s+){{0,2}}"
                           rf"(?:{'|'.join(sorted(english.TITLE_WORDS, key=len, reverse=True))})\s+"
                           r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\b")
#: where a Cyrillic word opens
_CYRILLIC_WORD = re.compile(r"(?<![\w'’-])[А-ЯЁІЇЄҐа-яёіїєґ]")
#: pronouns that stand for a speaker ("he said", "сказал он"; "according to her" reads as "she")
_PRONOUNS = frozenset(PRONOUNS)
_SUBJECT_FORM = {"him": "he", "her": "she", "него": "он", "нее": "она", "неё": "она", "нього": "він", "неї": "вона"}
#: marks that may open a quotation whose closing mark has no partner (two apostrophes: text rebuilt from tokens)
_OPENING_MARK = re.compile(r"''|[“„«\"]")
#: a quotation shorter than these many words is a scare quote or a term ("quasi-state"), not a statement:
#: three where a speech verb names who says it ("It feels very tense," said …), eight where none does
#: (8 found 20 % more WMT quotations than 12 at link precision 0.93)
#: A shorter one is a partial quote when an attribution names its speaker or an office ("Smith called Jackson a
#: “true professional”", "G7 warned Russia of “massive consequences”", "… was declared by police") and it is
#: no name or term (``_term``).
MIN_WORDS, MIN_WORDS_UNATTRIBUTED = 3, 8
#: a quoted fragment below these bounds is a rendering of a statement only where it aligns with a quotation
#: in another language that clears them (a translation that quotes less, or quotes a word the other does
#: not); on its own it is not a quote
MIN_WORDS_FRAGMENT = 1
#: what before a quotation makes it a name or a term rather than words someone said
_NAMING = re.compile(r"\b(?:so\s*-?\s*called|known as|nicknamed|titled|entitled|named|dubbed)\s*$", re.I)
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: what before a quotation in title case makes it someone's characterisation, not a name: a title takes no
#: "a" ("she called the holiday a “Communist Plot”", "described him as an “Enemy Of The People”")
_CHARACTERISED = re.compile(r"\b(?:call(?:ed|s|ing)?|describ(?:ed|es|ing)|label(?:l?ed|s|l?ing)|brand(?:ed|s|ing)|"
                            r"term(?:ed|s))\s+(?:[\w'’-]+\s+){0,4}?(?:as\s+)?an?\s*$", re.I)


def _term(text: str, quote: Quoted) -> bool:
    """A short quotation that names something rather than quoting someone: title case ("Deep Throat",
    "Catching Fire", "Chin"), unless a speaker characterises something with it, or introduced as a name
    ("the so-called “medical conscience” rule")."""
    found = _TITLE_WORD.findall(text[quote.start:quote.end])
    lead = text[max(0, quote.opening - 80):quote.opening]
    return (not found or (all(w[0].isupper() for w in found) and not _CHARACTERISED.search(lead))
            or _NAMING.search(lead[-40:]) is not None)


#: a speaker's own "I", "we" or "you": a quotation in the first or second person is someone speaking ("“I
#: killed him”: …", asking their leaders "how dare you?"), not a name or a term
_PERSON_WORDS = ("me my we us our you your я мы меня мне нас нам мой моя наш наша ты вы вас вам ваш ми мені мій ти "
                 "ви").split()
_PERSONAL = re.compile(rf"(?<![\w'’-])(?:I|{'|'.join(w for word in _PERSON_WORDS for w in (word, word.capitalize()))})"
                       rf"(?![\w'’-])")


def _personal(text: str, quote: Quoted) -> bool:
    return _PERSONAL.search(text, quote.start, quote.end) is not None and not _term(text, quote)


#: a pronoun's speaker is named at most this many sentences back
PRONOUN_REACH = 3
#: two spellings of one name (Tokaev, Tokayev) compare at or above this ratio
NAME_SIMILARITY = 0.8


@dataclass
class Rendering:
    span: Span
    direct: bool
    speaker: str | None
    vector: tuple[np.ndarray, np.ndarray] = field(repr=False)
    numbers: frozenset[str] = frozenset()
    language: str = "und"
    embedding: np.ndarray | None = field(default=None, repr=False)
    fragment: bool = False
    #: the sentences holding it: what is compared across languages, where translators move the marks
    context: str = ""
    #: the speaker is written beside it (a name or a role), not read from "he"/"she" or an earlier quotation
    named: bool = False
    #: a sentence the article gives as its own words, joined to a statement another article attributes
    #: (quotes/align.py): a variant of it, never its text
    unmarked: bool = False
    #: where ``context`` starts in the article's text
    context_start: int = 0


_TITLE_WORDS = english.TITLE_WORDS | cyrillic.TITLE_WORDS
#: month and weekday names, which datelines write in capitals ("WEDNESDAY, MARCH 13, 2013")
_CALENDAR = english.CALENDAR


def _name(raw: str | None) -> str | None:
    if not raw:
        return None
    raw = english.speaker_of(raw)
    raw = raw[:name_end(raw)]
    if english.ROLE.match(raw):
        return raw
    parts = raw.split()
    titled = [i for i, word in enumerate(parts[:-1])
              if word.lower().rstrip(".") in _TITLE_WORDS or word.endswith(("'s", "’s"))]
    if titled:
        parts = parts[titled[-1] + 1:]
        raw = " ".join(parts)
    if len(parts) > 1 and (parts[0] in ("The", "the") or (cyrillic.WORD.fullmatch(parts[0]) and (
            opener(parts[0]) or cyrillic.ROLE.match(parts[0])))):
        parts = parts[1:]  # "Ранее Песков заявил, что …", "Директор Олена Мельник …": not part of the name
        raw = " ".join(parts)
    if parts[0] in english.NOT_NAMES or parts[0].title() in _CALENDAR or raw.endswith(("'s", "’s", "s'", "s’")) or \
            (len(parts) == 1 and cyrillic.GROUP_ADJECTIVE.search(raw)):
        return None
    if len(parts) == 1 and not english.ROLE_ALONE.match(raw) and (
            raw.lower() in english.TITLE_WORDS or raw.rstrip(".") in english.TITLE_ABBREVIATIONS):
        return None  # "said Dr. …", "Assistant chief fire officer …": a title, not who holds it (a role such as
        # "President" is kept: the reader resolves it to the person the article names with it)
    return raw


def _owner_alone(raw: str) -> str:
    """A country's role without the words opening its sentence that ran into its owner ("Yesterday South
    Korea's president", "Monday South Korea's president" of "On Monday …"): only closed lists of such words are
    dropped, so that a place's own words stay ("South", which a text may also write in lower case)."""
    role = english.ROLE.match(raw)
    owner = role.group("owner") if role else None
    if not owner or " " not in owner:
        return raw
    words = owner.split()
    drop = next((i for i, word in enumerate(words)
                 if word not in english.NOT_NAMES and word.title() not in _CALENDAR), len(words) - 1)
    return raw[role.start("owner") + re.match(rf"(?:\S+\s+){{{drop}}}", owner).end():] if drop else raw


@lru_cache(maxsize=1 << 16)
def _sound(name: str) -> str:
    """A rough transliteration key: c/k and y spellings and doubled letters count alike (Tocaev, Tokayev)."""
    key = name.lower().replace("c", "k").replace("y", "")
    return re.sub(r"(.)\1+", r"\1", key)


@lru_cache(maxsize=1 << 16)
def _sounds_alike(a: str, b: str) -> bool:
    """Two keys' difflib ratio at NAME_SIMILARITY or more; keys of lengths too far apart for it (the ratio is
    at most 2·min / sum of the lengths) are not compared. Cached: a long text asks it of each capitalised word
    against every surname it gives."""
    return _near_lengths(len(a), len(b)) and SequenceMatcher(None, a, b).ratio() >= NAME_SIMILARITY


def _near_lengths(a: int, b: int) -> bool:
    return not (a + b and 2 * min(a, b) / (a + b) < NAME_SIMILARITY)


def same_speaker(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return _sounds_alike(_sound(a.split()[-1]), _sound(b.split()[-1]))


def _attributions(text: str, patterns) -> list[re.Match]:
    """The attributions ("…," X said; "…," said X) that open ``text``, in the order of ``patterns``."""
    return [m for m in (pattern.match(text) for pattern in patterns) if m]


def _beside(text: str, quote: Quoted, surnames: set[str], language: str = "en") -> tuple[re.Match | None, bool]:
    """The name beside a quotation's speech verb, on its line, and whether an attribution follows the
    quotation at all (a possessive or a role may attribute it without naming anyone)."""
    before = text[text.rfind("\n", 0, quote.opening) + 1:quote.opening]
    line_end = text.find("\n", quote.closing)
    after = text[quote.closing + 1:line_end if line_end >= 0 else len(text)]
    cut = max(before.rfind(". "), *(before.rfind(mark + " ") for mark in "”\"»"))
    clause = before[cut + 2:] if cut >= 0 else before
    inner = text[quote.start:quote.end]
    after_patterns = english.AFTER_VERB if inner.endswith(".") else (*english.AFTER_VERB, english.AFTER_NAME,
                                                                       english.AFTER_NAME_APPOSED)
    loose = english.BEFORE_LOOSE.search(clause[-200:])
    if loose and " " not in loose.group("name") and not _known(loose.group("name"), surnames):
        loose = None  # a capitalised word opening the sentence, not a name ("Moments after ...")
    attributed = [m for m in _attributions(after[:200], (*after_patterns, cyrillic.AFTER_APPOSED, cyrillic.AFTER,
                                                         cyrillic.AFTER_NAMED, cyrillic.AFTER_FOLLOWED,
                                                         cyrillic.AFTER_ROLE))
                  if (m.re not in (cyrillic.AFTER_APPOSED, cyrillic.AFTER_NAMED) or person_name(m.group("name")))
                  and (m.re is not cyrillic.AFTER_FOLLOWED or _cyrillic_named(m, surnames) is not None)]
    passive = english.AFTER_PASSIVE.match(after[:200])
    if passive and not passive.group("verb") and \
            not english.PASSIVE_BEFORE.search(clause[-60:]):
        passive = None  # "… “X” by Y" is a passive only after "was called", "is described as" …
    if language == "de":
        german_after = _attributions(after[:200], (german.AFTER, german.AFTER_UNNAMED))
        attributed += german_after
        who = next(filter(None, (_german_person(p.search(clause[-200:]), surnames) for p in german.BEFORE)), None) \
            or next(filter(None, (_german_person(m, surnames) for m in german_after)), None) \
            or next((m for m in german_after if german.ROLE.match(m.group("name"))), None)
        return who, bool(attributed)
    who = (english.BEFORE.search(before[-200:]) or _cyrillic_person(cyrillic.BEFORE.search(before[-200:]), surnames)
           or loose or next((m for m in attributed if _name(m.group("name"))), None)
           or (passive if passive and passive.group("name") and _name(passive.group("name")) else None))
    return who, bool(attributed) or passive is not None or english.AFTER_UNNAMED.match(after[:200]) is not None


def _german_person(found: re.Match | None, surnames: set[str]) -> re.Match | None:
    """A German attribution's speaker when it is a person (``_german_name``)."""
    return found if found is not None and _german_name(found.group("name"), surnames) else None


def _german_name(name: str, surnames: set[str]) -> bool:
    """Whether words of a German text name a person: "er" or "sie", a given name and surname, a given name
    alone, a title of address and a surname ("Frau Truss"), or a surname the text gives with a given name or
    after an office ("Präsident Tebboune").
    German capitalises every noun ("sagt ein Mädchen", "so der Bericht", "Die Zahlen"), so a capitalised
    word alone is no name."""
    words = name.split()
    if words and words[0] in german.ADDRESS:
        words = words[1:]
    if len(words) == 1:
        return words[0].lower() in _PRONOUNS or _known(words[0], surnames) or given_gender_of(words[0]) is not None
    return len(words) > 1 and given_gender_of(words[0]) is not None and not german.ROLE.match(words[-1])


def _cyrillic_person(found: re.Match | None, surnames: set[str]) -> re.Match | None:
    """A Cyrillic sentence subject or speaker before a quotation, when it is a pronoun or a person's name: there
    roles open as often ("Директор Общества …", "Министры заявили: …"). A foreign surname the dictionary does
    not know ("Трасс заявила: …") is a name when the text gives it as someone's surname ("Лиз Трасс"). After a
    quotation a name ends the attribution and is kept as written."""
    if found is None:
        return None
    name = " ".join(w for w in found.group("name").split() if w.lower() not in cyrillic.TITLE_WORDS)
    if not name:
        return None
    if name.lower() in _PRONOUNS or person_name(name) or (" " not in name and _known(name, surnames)):
        return found
    return None


def _cyrillic_named(found: re.Match | None, surnames: set[str]) -> re.Match | None:
    """A Cyrillic name beside a speech verb when it is a person's (``_cyrillic_person``) and follows no
    preposition, which puts a place there in an oblique case ("— заявил демократ Лукас на передаче", not
    "— заявили в Москве на брифинге"; "… в Києві заявила" is no speaker Києві)."""
    if found is None or cyrillic.PREPOSITION_BEFORE.search(found.string, 0, found.start("name")):
        return None
    return _cyrillic_person(found, surnames)


def _written(raw: str | None) -> bool:
    """Whether an attribution writes its speaker out, rather than as "he" or "she"."""
    return bool(raw) and raw.lower() not in _PRONOUNS


def _colon_lead(lead: str, surnames: set[str]) -> re.Match | None:
    """The speaker of a clause that ends in a colon before a quotation, when a name (or he/she) opens it
    ("Старцев вспоминает:" closing the line before)."""
    found = english.COLON_LEAD.match(lead) or (lead.rstrip().endswith(":") and _cyrillic_person(
        cyrillic.BEFORE.search(lead.rstrip()[-200:]), surnames)) or None
    return found if found and _name(found.group("name")) else None


class Surnames(frozenset):
    """The surnames a text gives, with their sound keys by length (difflib can find a key alike only among
    those of a near length) and the words already asked about: a long text asks of each capitalised word in
    each sentence, and every surname was compared one by one."""

    @cached_property
    def _by_length(self) -> dict[int, set[str]]:
        out: dict[int, set[str]] = {}
        for name in self:
            key = _sound(name.split()[-1])
            out.setdefault(len(key), set()).add(key)
        return out

    @cached_property
    def _asked(self) -> dict[str, bool]:
        return {}

    def sounds_like(self, word: str) -> bool:
        key = _sound(word.split()[-1])
        if key not in self._asked:
            self._asked[key] = any(_sounds_alike(key, other) for length, others in self._by_length.items()
                                   if _near_lengths(length, len(key))
                                   for other in others)
        return self._asked[key]


def _known(word: str, surnames: set[str]) -> bool:
    """A single capitalised word is a person's name when the text gives it, in some spelling, as a surname."""
    if isinstance(surnames, Surnames):
        return surnames.sounds_like(word)
    return any(same_speaker(word, surname) for surname in surnames)


#: what may join two quotations of one speaker in one sentence ("described it as “folly” and “an attempt to
#: rewrite history”")
_CONNECTIVE = re.compile(r"\s*,?\s*(?:and|or|as well as)\s+(?:(?:as|called|calling)\s+)?(?:(?:a|an|the)\s+)?", re.I)


def _qualifier(found: re.Match) -> bool:
    """Whether a one-word name only qualifies what follows it: a group that speaks unnamed ("Greek police
    said"), an institution ("the Egyptian ministry said") or a title whose holder is named next ("Greek prime
    minister George Papandreou … saying:")."""
    words = found.group("name").split()
    return (len(words) - (words[0] in ("The", "the")) == 1 and words[-1] not in english.OPENERS
            and _GROUP_AFTER.match(found.string, found.end("name")) is not None)


def _named_after(found: re.Match) -> re.Match | None:
    """The holder named after the title a qualifier opens ("Greek prime minister George Papandreou"), if any."""
    return _TITLED_AFTER.match(found.string, found.end("name"))


#: how long the apposition or participle after an attribution may run for the next quotation to go on with its
#: speaker ('…," said Jamie Rappaport Clark, executive vice president of … and former director of …. "…"')
APPOSITION_CHARS = 200


def _continues(between: str) -> bool:
    """Whether a quotation after another one, with only this text between them, goes on with the same
    speaker: nothing but the first one's attribution lies between ("…," Owen said. "…"), no narrative."""
    if not between.strip() or _CONNECTIVE.fullmatch(between):
        return True
    found = _attributions(between, (english.AFTER_NAME, english.AFTER_NAME_APPOSED, *english.AFTER_VERB,
                                    cyrillic.AFTER))
    if not found:
        return False
    rest = english.ABBREVIATED.sub("", between[found[0].end():])
    if not rest.strip() and found[0].group(0).rstrip()[-1:] in ".,;":
        return True  # '…," said Chris Weitz. "…"': the attribution took its full stop
    apposed = (found[0].group(0).rstrip().endswith(",") or rest.lstrip().startswith(",")) and \
        re.match(r"[\s,]*[a-z]", rest) is not None
    return len(rest) <= (APPOSITION_CHARS if apposed else 80) and re.fullmatch(r"[^.!?\"“”]*[.!?,]\s*", rest) is not None


def article_renderings(article: Article) -> list[Rendering]:
    """An article's quotations and reported statements, each with its speaker as written, before alignment."""
    found = _Reader(article).read()
    return [r for r in found if not (r.direct and any(_nested(r, o) for o in found if o is not r))]


#: the author's words inside one pair of marks, as Russian and Ukrainian print an interrupted quotation
#: («Мы готовы, — сказал он, — к переговорам», «…! — воскликнула она. — …»)
_INTERRUPTED = re.compile(rf"([,!?…])\s*[-–—]\s*(?:{cyrillic.SPEECH})\s+[^«»\"“”.!?,;–—-]{{1,80}}?[.,]\s*([-–—])\s*")


def _interrupted(text: str, quotes: list[Quoted]) -> list[Quoted]:
    """Each quotation an attribution interrupts as two, so the attribution reads as it would between two
    pairs of marks ("…», — сказал он. «…")."""
    out = []
    for quote in quotes:
        rest = quote
        while (found := _INTERRUPTED.search(text, rest.start, rest.end)) and \
                found.start() - rest.start > 1 and rest.end - found.end() > 1:
            mark = found.start(1)
            out.append(Quoted(rest.start, mark + (found.group(1) != ","), rest.opening, mark))
            rest = Quoted(found.end(), rest.end, found.start(2), rest.closing)
        out.append(rest)
    return out


class _Reader:
    """One pass over an article's sentences. Speakers carry from sentence to sentence, so the reader keeps
    who spoke last (for "he"/"she"), the last named sentence subject, and the last speech (a quotation
    that goes on after it without a new attribution keeps its speaker)."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        index = SentenceIndex(self.text)
        self.sentences, self.starts, self._at = index.spans, index.starts, index.at
        self.direct = sorted(_interrupted(self.text, quoted(self.text, article.language or "und")),
                             key=lambda q: q.opening)
        self.openings = [q.opening for q in self.direct]
        self.reach = list(accumulate((q.closing for q in self.direct), max))
        self.opened_in: dict[int, list[Quoted]] = {}
        for quote in self.direct:
            self.opened_in.setdefault(self._sentence_of(quote.opening), []).append(quote)
        self.found: list[Rendering] = []
        #: (sentence, name) of the last speaker; the name None where the text described them without naming them
        self.last_speaker: tuple[int, str | None] | None = None
        self.last_subject: tuple[int, str] | None = None
        self.last_said: tuple[int, str | None] | None = None
        self.people = People(self.text, article.language)
        if article.language == "de":  # every noun is capitalised: a surname follows a given name or an office
            self.surnames = {m.group("last") for m in english.FULL_NAME.finditer(self.text)
                             if given_gender_of(m.group().split()[-2])}
            self.surnames |= {m.group("name") for m in german.TITLED.finditer(self.text)}
        else:
            self.surnames = {m.group("last") for m in english.FULL_NAME.finditer(self.text)}
            self.surnames |= {m.group("last") for m in english.TITLED_NAME.finditer(self.text)}
            self.surnames |= {m.group("last") for m in cyrillic.FULL_NAME.finditer(self.text)
                              if given_name(m.group("first"))}
        self.surnames = Surnames(self.surnames)
        tokens = _TOKEN.findall(self.text)
        self.proper = {t for before, t in zip(tokens, tokens[1:], strict=False)
                       if t[0].isupper() and (before in ",;" or before.islower())}
        self.common = {t for t in tokens if t.islower()} | STOP_WORDS
        self.titled = [(m.start(), english.role_key(m.group("role")), m.group("name")) for m in english.ROLE_NAMED.finditer(self.text)
                       if _name(m.group("name"))]
        self.titled += [(m.start(), m.group("role").lower(), person_part(m.group("name")))
                        for m in cyrillic.ROLE_NAMED.finditer(self.text) if person_name(m.group("name"))]
        if article.language == "de":
            self.titled += [(m.start(), m.group("role").lower(), m.group("name")) for m in german.TITLED.finditer(self.text)]
        self.cjk = article.language in cjk.LANGUAGES
        if self.cjk:
            self.titled = sorted(self.titled + cjk_names.titled(self.text, article.language))

    def read(self) -> list[Rendering]:
        for index, (start, end) in enumerate(self.sentences):
            unopened = self._unopened(start, end)
            self._subjects(index, self.text[start:end if unopened is None else unopened.opening])
            introduced = self._reported(index, start, end)
            for quote in self.opened_in.get(index, ()):
                self._quotation(index, quote, introduced)
            if unopened is not None:
                self._quotation(index, unopened, None)
            self._block(index, start, end)
        return self.found

    def _block(self, index: int, start: int, end: int) -> None:
        """A paragraph that a named speaker's "X said:" introduces, with no quotation marks: his direct speech.
        The paragraph runs to the next blank line (to the end of the next line in text without blank lines)."""
        if not self.text[start:end].rstrip().endswith(":"):
            return
        gap = re.match(r"[ \t]*\n\s*", self.text[end:])
        begin = end + gap.end() if gap else -1
        if begin < 0 or begin >= len(self.text) or self.text[begin] in DOUBLE + "«「‘'" or \
                self._covered(begin):
            return
        said = english.COLON_SAID.match(self.text[start:end])
        if said is None or not _name(said.group("name")):
            return
        stop = self.text.find("\n\n" if "\n\n" in self.text else "\n", begin)
        stop = len(self.text) if stop < 0 else stop
        block = self.text[begin:stop].rstrip()
        if words(block) >= MIN_WORDS_UNATTRIBUTED:
            speaker = self._speaker(said.group("name"), index)
            self._add(begin, begin + len(block), True, speaker, named=_written(said.group("name")))
            self.last_said = (begin + len(block), speaker)

    def _unopened(self, start: int, end: int) -> Quoted | None:
        """A closing mark that no opening one matches, with an attribution after it ("… by the lender," said
        the Deputy Prime Minister): the quotation opened in an earlier paragraph, or its opening mark was
        lost or is one the mark reader does not pair (''This …”). Its last part runs from that opening mark,
        else from the sentence start, to the closing one."""
        paired = {q.opening for q in self._opened(start, end)}
        for match in re.finditer(f"[{DOUBLE}»]", self.text[start:end]):
            i = start + match.start()
            if i - start < 2 or self.text[i - 1].isspace() or self._covered(i):
                continue
            line_end = self.text.find("\n", i)
            after = self.text[i + 1:line_end if line_end >= 0 else len(self.text)][:200]
            if not (_attributions(after, (*english.AFTER_VERB, english.AFTER_NAME)) or english.AFTER_UNNAMED.match(after)
                    or english.DASHED.match(after)):
                continue
            openings = [m for m in _OPENING_MARK.finditer(self.text, start, i) if m.start() not in paired
                        and not self.text[m.start() - 1:m.start()].isalnum() and not self.text[m.end()].isspace()]
            opening, begin = (openings[-1].start(), openings[-1].end()) if openings else (start, start)
            return Quoted(begin, i, opening, i) if i - begin > 1 else None
        return None

    def _subjects(self, index: int, sentence: str) -> None:
        if self.cjk:
            name = cjk.sentence_subject(sentence, self.article.language)
            if name:
                self.last_subject = (index, name)
            return
        subject = english.TITLED_SUBJECT.match(sentence)
        if subject:
            self.last_speaker = (index, subject.group("name"))
        named = (english.NAMED_SUBJECT.match(sentence)
                 or _cyrillic_person(cyrillic.NAMED_SUBJECT.match(sentence), self.surnames))
        raw = named.group("name") if named else ""
        if named and _qualifier(named):  # "Greek prime minister George Papandreou condemned …", "Indian navy ships …"
            raw = holder.group("name") if (holder := _named_after(named)) else ""
        name = _name(raw) if raw and raw.split()[0] not in english.NOT_NAMES else None  # not "The American Pie actress"
        if self.article.language == "de" and not (name and _german_name(name, self.surnames)):
            subject = german.NAMED_SUBJECT.match(sentence)
            raw = subject.group("name") if subject and _german_name(subject.group("name"), self.surnames) else ""
            name = raw or None
        if name and (" " in raw or _known(raw, self.surnames)) and name.split()[0] not in english.SHIP_PREFIXES:
            self.last_subject = (index, name)
        elif not named and (titled := cyrillic.TITLED_SUBJECT.match(sentence)) and \
                given_name(titled.group("name").split()[0]) and person_name(titled.group("name")):
            self.last_subject = (index, titled.group("name"))

    def _reported(self, index: int, start: int, end: int) -> tuple[int, str | None] | None:
        """Reported speech in the sentence becomes a rendering. When what is reported opens with a quotation
        ("According to EW, “Weitz is …”"), the quotation is the rendering: returns (its opening, speaker)."""
        sentence = self.text[start:end]
        unnamed = cyrillic.REPORTED_UNNAMED.match(sentence)
        person = self._cyrillic_subject(unnamed.group("who")) if unnamed and unnamed.group("who") else None
        reported = (english.REPORTED.match(sentence) or english.REPORTED_PASSIVE.match(sentence)
                    or english.ACCORDING.match(sentence)
                    or english.ACCORDING_UNNAMED.match(sentence) or english.REPORTED_UNNAMED.match(sentence)
                    or _cyrillic_person(cyrillic.REPORTED.match(sentence), self.surnames)
                    or cyrillic.ACCORDING.match(sentence) or (unnamed if person else None)
                    or cyrillic.REPORTED_RELATIVE.match(sentence))
        inside = self._opened(start, end)
        if not reported and not any(words(self.text[q.start:q.end]) >= MIN_WORDS for q in inside):
            reported = english.REPORTED_BARE.match(sentence) or next(iter(_attributions(
                sentence, (*english.REPORTED_AFTER, english.ACCORDING_AFTER, cyrillic.REPORTED_AFTER,
                           cyrillic.REPORTED_BY_GROUP))), None) or english.REPORTED_UNNAMED_BARE.match(sentence) \
                or english.GROUP_BEFORE.match(sentence) or unnamed
        if not reported and inside and self.text[start:inside[0].opening].strip() and \
                not any(self._spoken(q) for q in inside):
            reported = next(iter(_attributions(sentence, english.REPORTED_AFTER_TERMS)), None)
        if not reported or self._covered(start, strict=True):
            return None
        raw = reported.groupdict().get("name")
        if reported is unnamed:
            raw = person  # "Представитель МИД Мария Захарова заявила, что …" (read even where she is quoted)
        if raw is None and (reported.re in english.GROUP_SAYS or
                            reported.re in (cyrillic.REPORTED_BY_GROUP, cyrillic.REPORTED_UNNAMED)):
            # a group, institution or document: no antecedent for a later "he", nor the speaker of the
            # quotations after it (a newspaper's report goes on with the people it quotes)
            self._add(start + reported.start("what"), end, False, _name(raw), named=_written(raw))
            if english.unnamed_person(sentence):
                self.last_speaker = (index, None)
            return None
        if raw and "name" in reported.re.groupindex:
            before = sentence[:reported.start("name")]
            if _qualifier(reported):
                raw = holder.group("name") if (holder := _named_after(reported)) else None
            elif office := english.ROLE_OF_BEFORE.search(before):
                raw = f"{raw}'s {office.group('role').lower()}"  # "The incoming president of the Philippines said …"
            elif "," not in before and before.split()[:1] and (
                    before.split()[0] in english.GROUPS and any(w in _PLACE_WORDS for w in before.split()[1:])
                    or before.split()[-1] in _PLACE_ONLY):
                raw = None  # "Residents along 117th Street said …", "Few of the people interviewed in Athens said
                # …": the group says it, not the place named after it
        if reported.re in (english.ACCORDING, cyrillic.ACCORDING) and raw:
            raw = _SUBJECT_FORM.get(raw.lower(), raw)
        if reported.re is cyrillic.ACCORDING and raw and raw.lower() not in _PRONOUNS:
            raw = self._nominative(from_genitive(raw))
        speaker = self._speaker(raw, index)
        if reported.group("what")[0] in DOUBLE + "«「‘":
            return start + reported.start("what"), speaker
        self._add(start + reported.start("what"), end, False, speaker, named=_written(raw))
        self.last_said = (end - 1, speaker)
        return None

    def _cyrillic_subject(self, subject: str) -> str | None:
        """The person a Cyrillic subject phrase ends with: a pronoun, a given name and surname, or a surname
        the text gives elsewhere with a given name; None for an office or a group."""
        words = subject.split()
        if words and words[-1].lower() in _PRONOUNS:
            return words[-1]
        names = [m for m in cyrillic.FULL_NAME.finditer(subject)
                 if m.end("last") == len(subject) and given_name(m.group("first"))]
        if names:
            return f"{names[-1].group('first')} {names[-1].group('last')}"
        return words[-1] if len(words) > 1 and cyrillic.WORD.fullmatch(words[-1]) and \
            _known(words[-1], self.surnames) else None

    def _spoken(self, quote: Quoted) -> bool:
        """Whether a quotation is a statement of its own, not a few words quoted within the sentence: a clause
        long with a speech verb beside it, or long enough without one."""
        length = words(self.text[quote.start:quote.end])
        if length >= MIN_WORDS_UNATTRIBUTED:
            return True
        if self.cjk:
            return length >= MIN_WORDS and cjk.attribution(self.text, quote, self.article.language).attributed
        who, attributed = _beside(self.text, quote, self.surnames, self.article.language)
        return length >= MIN_WORDS and (attributed or who is not None)

    def _quotation(self, index: int, quote: Quoted, introduced: tuple[int, str | None] | None) -> None:
        text, (start, _) = self.text, self.sentences[index]
        if self.cjk:
            self._cjk_quotation(index, quote)
            return
        who, attributed = _beside(text, quote, self.surnames, self.article.language)
        if who is None:
            lead_in = text[start:quote.opening]
            if not lead_in.strip() and index > 0:
                lead_in = text[self.sentences[index - 1][0]:self.sentences[index - 1][1]]
            who = _colon_lead(lead_in, self.surnames)
        from_report = introduced is not None and introduced[0] == quote.opening
        if who is None and not attributed and not from_report:
            who = self._says_in_sentence(text[start:quote.opening])
            attributed = who is not None
        if who is not None and _qualifier(who):
            who, attributed = _named_after(who), True
        elif who is not None and (holder := _HOLDER_AFTER.match(who.string, who.end("name"))):
            who = holder
        named = who is not None and _written(who.group("name"))
        if who is not None:
            speaker = self._speaker(who.group("name"), index)
        elif from_report:
            speaker, attributed = introduced[1], True
        elif self.last_said and not attributed and _continues(text[self.last_said[0] + 1:quote.opening]):
            speaker = self.last_said[1]
        elif not attributed and not text[start:quote.opening].strip() and self._goes_on(index):
            speaker = self.last_speaker[1]
        else:
            speaker = None
        diffuse = who is not None and who.group("name") in english.DIFFUSE
        self._direct(quote, speaker, attributed, named, diffuse)

    def _direct(self, quote: Quoted, speaker: str | None, attributed: bool, named: bool, diffuse: bool = False) -> None:
        text = self.text
        self.last_said = (quote.closing, speaker)
        length = words(text[quote.start:quote.end])
        fragment = ((length < MIN_WORDS and ((speaker is None and (diffuse or not attributed)) or _term(text, quote)))
                    or (speaker is None and not attributed and length < MIN_WORDS_UNATTRIBUTED
                        and not (length >= MIN_WORDS and _personal(text, quote))))
        if length >= MIN_WORDS_FRAGMENT:
            self._add(quote.start, quote.end, True, speaker, fragment, named)

    def _cjk_quotation(self, index: int, quote: Quoted) -> None:
        """A Chinese or Japanese quotation: the speaker its attribution names; a pronoun's or an office's
        as in English; an attribution that names nobody (と述べた, 表示：) is the last speaker's, a few
        sentences back at most, as the subject Chinese and Japanese leave out is the one spoken of; a
        quotation that follows another with nothing between goes on with its speaker."""
        said = cjk.attribution(self.text, quote, self.article.language)
        speaker = None
        if said.name:
            speaker = said.name
            self.last_speaker = (index, speaker)
        elif said.pronoun:
            speaker = self._pronoun(PRONOUNS[said.pronoun], index)
        elif said.role:
            speaker = self._holder(said.role, index) or self._spoken_of(index)
            if speaker:
                self.last_speaker = (index, speaker)
        elif said.attributed and not said.subject:
            speaker = self._spoken_of(index)
        elif not said.attributed and self.last_said and _continues(self.text[self.last_said[0] + 1:quote.opening]):
            speaker = self.last_said[1]
        self._direct(quote, speaker, said.attributed, said.name is not None or said.role is not None)

    def _says_in_sentence(self, lead: str) -> re.Match | None:
        """Who says, calls or describes what the sentence quotes next, from the sentence before the quotation:
        its subject (English), else the subject of a clause inside it named right before its verb (a full
        name, a surname the text gives, an acronym, a role or a pronoun; a group is no one), else a Russian or
        Ukrainian subject that calls something by the quoted words (a person, a pronoun or a role), else a
        Russian or Ukrainian person or pronoun that says them, a few words before the speech verb."""
        found = english.SENTENCE_SAYS.match(lead)
        if found and found.group("apposition") and " " not in found.group("name") and \
                not english.APPOSITIVE.match(lead, found.end("apposition")):
            found = None  # "Recently, at …": a word that opens the sentence, not a name before an apposition
        if found is None or not _name(found.group("name")):
            clause = english.CLAUSE_SAYS.match(lead)
            name = clause.group("name") if clause else ""
            if clause and (" " in name or name.lower() in _PRONOUNS or (name.isupper() and len(name) > 1)
                           or _known(name, self.surnames)):
                return clause
        if found is None:
            calls = cyrillic.CALLS.search(lead)
            found = calls if calls and cyrillic.ROLE.match(calls.group("name")) else \
                _cyrillic_person(calls, self.surnames)
        if found is None:
            people = filter(None, (_cyrillic_named(cyrillic.SUBJECT_SAYS.match(lead, word.start()), self.surnames)
                                   for word in _CYRILLIC_WORD.finditer(lead)))
            found = min(people, key=lambda m: (m.start("verb") - m.end("name"), m.start("name")), default=None)
        return found

    def _speaker(self, raw: str | None, index: int) -> str | None:
        """The name a written speaker stands for: "he"/"she" the nearer of the last speaker and the last
        named subject; a person's role the one last named with that title; else the name itself. "X of Y" is
        X, or the whole where X is a body ("Ministry of Defence")."""
        raw = _owner_alone(english.speaker_of(raw)) if raw else raw
        if raw and raw.isupper() and (line := english.DATELINE.match(self.text, self.sentences[index][0])) \
                and raw in line.group("place"):
            return None  # "BEIRUT (AP) - The new head of … announced": where, not who
        if raw and raw.lower() in _PRONOUNS:
            return self._pronoun(PRONOUNS[raw.lower()], index)
        role = english.ROLE.match(raw or "")
        if role and (holder := self._named_with(raw, index)):
            raw, role = holder, None  # "Norway's foreign minister Anniken Huitfeldt wrote …": the holder
        described = bool(raw and (role or english.ROLE_ALONE.match(raw) or english.described_person(raw)))
        if raw and self.article.language == "de" and german.ROLE.match(raw):
            raw = self._holder(raw.lower(), index)  # "…“, sagte der Präsident": the one named Präsident before
        elif raw and (english.ROLE_ALONE.match(raw) or cyrillic.ROLE.match(raw)):
            # "added President of the Republic", "— добавил президент": the role, not a name
            raw = self._holder(raw.lower(), index)
        elif role and not ((role.group("place") or role.group("owner")) and role.group("role").lower() in english.COUNTRY_ROLES):
            # "the judge" is the judge named before; "the Prime Minister" no one names stays the role, which the
            # entity stage resolves to the story's holder of the office
            raw = self._holder(role.group("role").lower(), index) or (
                raw if role.group("role").lower() in english.COUNTRY_ROLES else None)
        if raw and raw.count(" ") >= 2 and cyrillic.WORD.match(raw):
            raw = person_part(raw)  # "Германии Анналена Бербок": a country's genitive runs into the name after it
        name = _name(raw)
        if name and " " not in name and self._opener(name):
            name = None
        if name and self.article.language == "de" and not _german_name(name, self.surnames):
            name = None
        if name:
            self.last_speaker = (index, name)
        elif described:
            self.last_speaker = (index, None)  # "the spokesman said" and no one named so: a "he" after it is him
        return name

    def _named_with(self, role: str, index: int) -> str | None:
        """The full name written right after a role in the sentence ("Norway's foreign minister Anniken
        Huitfeldt"), which the speaker patterns read as the role alone."""
        start, end = self.sentences[index]
        found = re.compile(rf"(?<![\w'’]){re.escape(role)}\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,3}})\b")\
            .search(self.text, start, end)
        if found is None:
            return None
        name = found.group("name")
        return None if name.split()[0] in english.NOT_NAMES or name.split()[0].title() in _CALENDAR else name

    def _spoken_of(self, index: int) -> str | None:
        """The nearer of the last speaker and the last named subject, a few sentences back at most: whom a
        Chinese or Japanese sentence that leaves out its subject, or names only an office, speaks of."""
        near = [c for c in (self.last_speaker, self.last_subject) if c and index - c[0] <= PRONOUN_REACH]
        return max(near, key=lambda c: c[0])[1] if near else None

    def _pronoun(self, sex: str, index: int) -> str | None:
        """Who "he" or "she" is: the nearer of the last speaker and the last named subject, of those the
        article does not give the other gender; when both are of the other gender, the last person of the
        pronoun's gender named outside quotations in the sentences reached."""
        near = sorted((c for c in (self.last_speaker, self.last_subject) if c and index - c[0] <= PRONOUN_REACH),
                      key=lambda c: -c[0])
        if near and near[0][1] is None:
            return None  # the last speaker was someone described, not named
        near = [c for c in near if c[1] is not None]
        fits = [name for _, name in near if self.people.gender(name) in (sex, None)]
        if fits or not near:
            return fits[0] if fits else None
        start = self.sentences[max(0, index - PRONOUN_REACH)][0]
        quoted = [(q.opening, q.closing) for q in self.direct]
        name = self.people.last_named(self.text, start, self.sentences[index][0], sex, quoted)
        if name:
            self.last_speaker = (index, name)
        return name

    def _holder(self, role: str, index: int) -> str | None:
        """The person last named with this title up to the sentence ("Judge James Bodiford ... the judge"), or,
        where the last speaker is one of those so named, the last speaker (after "…," said Bodiford, "the judge"
        is Bodiford, though the article named Judge Rowland Barnes since)."""
        role = english.role_key(role)
        named = [name for at, titled_as, name in self.titled if titled_as == role and at < self.sentences[index][1]]
        if self.last_speaker and index - self.last_speaker[0] <= PRONOUN_REACH:
            spoke = [name for name in named if same_speaker(self.last_speaker[1], name)]
            if spoke:
                return spoke[-1]
        return named[-1] if named else None

    def _nominative(self, name: str) -> str:
        """A foreign surname the dictionary does not decline ("По словам Гросса", "Оливера Няэса") in the form
        the text also writes it in ("Гросс", "Няэс"): its genitive ending -а/-я dropped."""
        words = name.split()
        for i, word in enumerate(words):
            if word[-1:] in "ая" and re.search(rf"(?<![\w-]){re.escape(word[:-1])}(?![\w-])", self.text):
                words[i] = word[:-1]
        return " ".join(words)

    def _goes_on(self, index: int) -> bool:
        """Whether a quotation that opens its sentence with no attribution goes on with the last speaker: the
        sentence before it is about that speaker ("…," Mr. Pigeon said. Mr. Pigeon also commended police for
        their handling of the situation. "They managed to stop any further loss of life.")."""
        return bool(self.last_speaker and self.last_speaker[1] and self.last_subject
                    and self.last_subject[0] == index - 1 and index - self.last_speaker[0] <= PRONOUN_REACH
                    and same_speaker(self.last_subject[1], self.last_speaker[1]))

    def _opener(self, word: str) -> bool:
        """A capitalised word that only opens a sentence ("Last month, the navy said", "Though she did not …"):
        a common word, one the text also writes in lower case, never written as a name inside a sentence nor
        given as someone's surname; a word in -ing of five letters or more opens a participle phrase unless the
        text gives it as a surname ("Writing from Brooklyn, …" / "Dakota Fanning … Fanning said"; "King" is
        no participle)."""
        if word in self.surnames:
            return False
        if word.endswith("ing") and len(word) > 4:
            return True  # "Writing from Brooklyn, Viena K. Neaville told …": a participle, unless given as a surname
        if word in self.proper or word.isupper():
            return False
        return word.lower() in self.common

    def _add(self, start: int, end: int, direct: bool, speaker: str | None, fragment: bool = False,
             named: bool = False) -> None:
        piece = self.text[start:end]
        first = max(0, bisect_right(self.starts, start) - 1)
        around = [(s, e) for s, e in self.sentences[first:bisect_left(self.starts, end)] if start < e] or [(start, end)]
        self.found.append(Rendering(
            Span.of(self.article, start, end), direct, speaker, text_vector(piece, self.article.language),
            numbers(piece), self.article.language, fragment=fragment,
            context=self.text[min(start, around[0][0]):max(end, around[-1][1])], named=named and speaker is not None,
            context_start=min(start, around[0][0])))

    def _sentence_of(self, position: int) -> int:
        i = self._at(position)
        return i if i is not None else len(self.sentences) - 1

    def _opened(self, start: int, end: int) -> list[Quoted]:
        """The quotations whose opening mark lies in [start, end), in order (``self.direct`` is sorted by it)."""
        return self.direct[bisect_left(self.openings, start):bisect_left(self.openings, end)]

    def _covered(self, position: int, strict: bool = False) -> bool:
        """Whether a quotation's marks enclose the position (strictly: not at its marks)."""
        i = (bisect_left if strict else bisect_right)(self.openings, position) - 1
        return i >= 0 and (self.reach[i] > position if strict else self.reach[i] >= position)


def _nested(inner: Rendering, outer: Rendering) -> bool:
    """A quotation inside another, or a few quoted words inside reported speech (a term the speaker
    uses), is part of that statement, not one of its own."""
    a, b = inner.span, outer.span
    if not (b.start <= a.start and a.end <= b.end) or (a.start, a.end) == (b.start, b.end):
        return False
    return outer.direct or words(a.text) < MIN_WORDS_UNATTRIBUTED


