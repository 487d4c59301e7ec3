"""Quote speakers as entities: the name a quote gives its speaker, found among its story's entities."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Article, Entity, Quote, Span
from .kb import KB
from .names import fold, similarity
from .resolve import SPELLING
from .roles import ROLES, countries_of, holders

#: a country's role named instead of a person ("the Kazakh leader", "Kazakhstan's president"); "leader"
#: is whoever leads its state or government. The article or the possessive is required: "Billy King" is a name
_COUNTRY_ROLE = re.compile(r"^(?:(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})"
                           r"|(?P<owner>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})['’]s)\s+(?P<role>(?i:[a-z][a-z -]*))$")
LEADER = ("president", "prime minister", "chancellor", "king", "queen", "monarch", "emir")


def entity_named(name: str, entities: list[Entity]) -> Entity | None:
    """The one entity (people first) this name is a spelling, alias or surname of; None if unsure.
    Words before the name ("Kazakhstan President Toccyev") are dropped one at a time until one fits."""
    words = fold(name).split()
    for start in range(len(words)):
        found = _named(" ".join(words[start:]), entities)
        if found is not None:
            return found
    return None


def _named(key: str, entities: list[Entity]) -> Entity | None:
    for rule in (_alias, _spelling, _surname):
        found = {e.id: e for e in entities if rule(key, e)}
        people = [e for e in found.values() if e.type == "PERSON"]
        pick = people or list(found.values())
        if len(pick) == 1:
            return pick[0]
        if pick:
            return None
    return None


def _alias(key: str, entity: Entity) -> bool:
    return key in {fold(entity.name), *(fold(a) for a in entity.aliases)}


def _spelling(key: str, entity: Entity) -> bool:
    return any(similarity(key, fold(a)) >= SPELLING for a in [entity.name, *entity.aliases]
               if len(fold(a).split()) == len(key.split()))


def _surname(key: str, entity: Entity) -> bool:
    return entity.type == "PERSON" and " " not in key and similarity(key, fold(entity.name).split()[-1]) >= SPELLING


def role_holder(phrase: str, entities: list[Entity], kb: KB) -> tuple[bool, Entity | None]:
    """Whether ``phrase`` names a role with a place ("the Kazakh leader", "the opposition leader"), and the one
    person of ``entities`` the KB says holds it in that country (None when the place is no country)."""
    found = _COUNTRY_ROLE.match(phrase)
    role = fold(found.group("role")) if found else ""
    kb_roles = LEADER if role == "leader" else ROLES.get(role)
    if not kb_roles:
        return False, None
    countries = countries_of(found.group("place") or found.group("owner"), kb)
    if not countries:
        return True, None
    qids = holders(kb_roles, countries, kb)
    people = {e.id: e for e in entities if e.type == "PERSON" and e.kb_id in qids}
    return True, next(iter(people.values())) if len(people) == 1 else None


#: how far from a statement its role is looked for, to describe its speaker when no one holds it
ROLE_REACH = 300


def _written(phrase: str, quote: Quote, articles: dict[str, Article]) -> Span | None:
    """The occurrence of a role phrase nearest to one of the quote's variants, in its article; a country's role
    in the owner form ("Philippines's president") also as written with "of" ("The new president of the
    Philippines"), the form the quotes stage reads it from."""
    pattern = re.escape(phrase)
    owned = _COUNTRY_ROLE.match(phrase)
    if owned and owned.group("owner"):
        pattern += (rf"|(?:(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+){{0,2}}?)?(?i:{re.escape(owned.group('role'))})"
                    rf"\s+of\s+(?:the\s+)?{re.escape(owned.group('owner'))}\b")
    best = None
    for variant in quote.variants:
        article = articles.get(variant.span.article_id)
        if article is None:
            continue
        low, high = max(0, variant.span.start - ROLE_REACH), variant.span.end + ROLE_REACH
        for found in re.finditer(pattern, article.text[low:high]):
            start = low + found.start()
            gap = abs(start - variant.span.start)
            if best is None or gap < best[0]:
                best = (gap, Span.of(article, start, low + found.end()))
    return best[1] if best else None


def attach_speakers(quotes: list[Quote], entities: list[Entity], kb: KB | None = None,
                    articles: list[Article] | None = None) -> list[Quote]:
    """Quotes with ``speaker.entity_id`` set, and the speaker named canonically, where the speaker resolves.
    A country's role ("the Kazakh leader") is the story's one person the KB gives that role, else no one; then,
    with the ``articles``, the role as written describes the speaker."""
    by_article = {a.id: a for a in articles or []}
    by_story: dict[str | None, list[Entity]] = {}
    for entity in entities:
        by_story.setdefault(entity.story_id, []).append(entity)
    out = []
    for quote in quotes:
        if not quote.speaker_name:
            out.append(quote)
            continue
        story = by_story.get(quote.story_id, [])
        is_role, entity = role_holder(quote.speaker_name, story, kb) if kb is not None else (False, None)
        if not is_role:
            entity = entity_named(quote.speaker_name, story)
        if entity is not None:
            out.append(replace(quote, speaker_name=entity.name, speaker_entity_id=entity.id))
        else:
            out.append(replace(quote, speaker_name=None, speaker_entity_id=None,
                               speaker_description=_written(quote.speaker_name, quote, by_article))
                       if is_role else quote)
    return out
