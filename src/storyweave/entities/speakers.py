"""Quote speakers as entities: the name a quote gives its speaker, found among its story's entities."""

from __future__ import annotations

from dataclasses import replace

from ..model import Entity, Quote
from .names import fold, similarity
from .resolve import SPELLING


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


def attach_speakers(quotes: list[Quote], entities: list[Entity]) -> list[Quote]:
    """Quotes with ``speaker.entity_id`` set, and the speaker named canonically, where the speaker resolves."""
    by_story: dict[str | None, list[Entity]] = {}
    for entity in entities:
        by_story.setdefault(entity.story_id, []).append(entity)
    out = []
    for quote in quotes:
        entity = entity_named(quote.speaker_name, by_story.get(quote.story_id, [])) if quote.speaker_name else None
        out.append(replace(quote, speaker_name=entity.name, speaker_entity_id=entity.id) if entity else quote)
    return out
