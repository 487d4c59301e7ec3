"""Role phrases: "President kalushenko of Belarus", "the Kazakh President Toccyev", "X, Russia's prime minister".

A head of state or government, a monarch or a foreign minister of one country is one of a handful of people
in the KB, so a name the translation bent further than a spelling variant can still be recognised among
them. Without a country in the phrase, the story's countries stand in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from .kb import KB, KBEntity
from .names import fold, similarity

#: the name must be this alike (names.similarity of surnames) to one holder of the role, and lead the next
#: holder by ROLE_MARGIN. Calibrated on the KB: of the 133 pairs of different people holding one of these
#: roles in one country, all but two have surnames below 0.65 (Massimov/Smaiylov 0.73, a monarch's regnal
#: names); a bent surname of the right holder scores 0.7-0.9 (kalushenko/Lukashenko 0.82).
ROLE_SPELLING = 0.65
ROLE_MARGIN = 0.1
#: role words in text, and the KB roles (folded, before any " of <country>") they stand for
ROLES = {
    "president": ("president",),
    "prime minister": ("prime minister",),
    "premier": ("prime minister",),
    "chancellor": ("chancellor",),
    "king": ("king", "monarch"),
    "queen": ("queen", "monarch"),
    "emir": ("emir",),
    "foreign minister": ("minister of foreign affairs", "foreign minister"),
    "secretary-general": ("secretary-general", "secretary general"),
    "secretary general": ("secretary-general", "secretary general"),
}
_ROLE = "(?i:" + "|".join(sorted((re.escape(r) for r in ROLES), key=len, reverse=True)) + ")"
_PLACE = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
#: "Kazakh President X", "Russia's President X", "President X"
_BEFORE = re.compile(rf"(?:\b(?P<place>{_PLACE})(?:['’]s)?\s+)?\b(?P<role>{_ROLE})\s+$")
#: "President of Kazakhstan X"
_BEFORE_OF = re.compile(rf"\b(?P<role>{_ROLE})\s+of\s+(?:the\s+)?(?P<place>{_PLACE})\s*,?\s+$")
#: "... X of Belarus" after a role word before the name
_AFTER_OF = re.compile(rf"^\s+of\s+(?:the\s+)?(?P<place>{_PLACE})")
#: "X, the President of Kazakhstan", "X, Russia's president"
_AFTER = re.compile(rf"^\s*,\s+(?:the\s+)?(?:(?P<place>{_PLACE})(?:['’]s)?\s+)?(?P<role>{_ROLE})\b"
                    rf"(?:\s+of\s+(?:the\s+)?(?P<place_of>{_PLACE}))?")
REACH = 60


@dataclass(frozen=True)
class Role:
    role: str
    countries: frozenset[str]
    phrase: str


def find(text: str, start: int, end: int, kb: KB) -> Role | None:
    """The role phrase around the name at ``text[start:end]``, with the countries its place words name."""
    before, after = text[max(0, start - REACH):start], text[end:end + REACH]
    for pattern, context in ((_BEFORE_OF, before), (_BEFORE, before), (_AFTER, after)):
        found = pattern.search(context)
        if not found:
            continue
        places = [found.group(g) for g in ("place", "place_of")
                  if g in found.groupdict() and found.group(g) and _is_place(found.group(g), kb)]
        phrase = found.group(0).strip()
        if pattern is _BEFORE and not places:
            following = _AFTER_OF.match(after)
            if following and _is_place(following.group("place"), kb):
                places = [following.group("place")]
                phrase = f"{phrase} … {following.group(0).strip()}"
        countries = frozenset(q for place in places for q in countries_of(place, kb))
        if places and not countries:
            continue
        return Role(fold(found.group("role")), countries, phrase)
    return None


def countries_of(place: str, kb: KB) -> set[str]:
    """Countries a place word names: a nationality ("Kazakh") or a country's name ("Belarus")."""
    key = _place_key(place)
    if key in kb.nationality:
        return set(kb.nationality[key])
    return {h.entity.qid for h in kb.exact(key) if h.entity.type == "GPE" and h.entity.country == h.entity.qid}


def _place_key(words: str) -> str:
    """The place as the KB names it: without a possessive or a leading "the" (the KB has "United States", roles
    read "President of the United States")."""
    return re.sub(r"^the\s+", "", fold(re.sub(r"['’]s$", "", words)))


def _is_place(words: str, kb: KB) -> bool:
    """A nationality or a KB place; other capitalised words before a role ("Then President X") are not."""
    key = _place_key(words)
    return key in kb.nationality or any(h.entity.type == "GPE" for h in kb.exact(key))


@cache
def _holders(kb: KB) -> dict[tuple[str, str], tuple[KBEntity, ...]]:
    """KB people by (role, country); a role "of" somewhere else than the country (President of the Sakha
    Republic, a region of Russia) is left out."""
    out: dict[tuple[str, str], list[KBEntity]] = {}
    wanted = {kb_role for roles in ROLES.values() for kb_role in roles}
    for entity in kb.entities.values():
        if entity.type != "PERSON" or not entity.role or not entity.country:
            continue
        head, _, where = fold(entity.role).partition(" of ")
        if head == "minister" and where == "foreign affairs":
            head, where = "minister of foreign affairs", ""
        if head not in wanted:
            continue
        if where and entity.country not in countries_of(where, kb):
            continue
        out.setdefault((head, entity.country), []).append(entity)
    return {key: tuple(people) for key, people in out.items()}


def holders(kb_roles: tuple[str, ...], countries: Iterable[str], kb: KB) -> dict[str, KBEntity]:
    """The KB people (by QID) holding any of these roles (folded, as in ROLES' values) in these countries."""
    table = _holders(kb)
    return {e.qid: e for kb_role in kb_roles for country in countries for e in table.get((kb_role, country), ())}


def holder(name: str, role: Role, countries: set[str], kb: KB) -> tuple[KBEntity, float] | None:
    """The one holder of ``role`` (in its countries, else the story's) whose name is alike, with the score."""
    people = holders(ROLES[role.role], role.countries or countries, kb)
    words = fold(name).split()
    scored = sorted(((_alike(words, e), e) for e in people.values()), key=lambda item: (-item[0], item[1].qid))
    if not scored or scored[0][0] < ROLE_SPELLING:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < ROLE_MARGIN:
        return None
    return scored[0][1], round(scored[0][0], 3)


def _alike(words: list[str], entity: KBEntity) -> float:
    theirs = fold(entity.name).split()
    if len(words) == 1:
        return similarity(words[0], theirs[-1])
    return similarity(" ".join(words), " ".join(theirs))
