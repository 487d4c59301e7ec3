"""Whether Cyrillic words name a person, by the Russian dictionary natasha carries (pymorphy2): speech
attributions and sentence subjects in Russian and Ukrainian open with roles ("Директор Общества …",
"Министры …") as often as with names, and a role is no speaker."""

from __future__ import annotations

from functools import cache

from ..errors import ModelError

#: grammemes of given names, patronymics and surnames
PERSON = frozenset({"Name", "Patr", "Surn"})
#: words the dictionary does not know (foreign names written in Cyrillic: "Лі", "Няэс")
UNKNOWN = frozenset({"UNKN", "LATN"})


@cache
def vocabulary():
    """natasha's MorphVocab (pymorphy2's dictionary), one per process: the NER stage normalises spans with it."""
    try:
        from natasha import MorphVocab
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ModelError(f"natasha not available: {exc}") from exc
    return MorphVocab()


def _named(parses) -> bool:
    return any(PERSON & set(p.tag.grammemes) for p in parses)


def _unknown(parses) -> bool:
    return any(UNKNOWN & set(p.tag.grammemes) for p in parses)


def _personal(word: str) -> bool:
    parses = vocabulary().parse(word)
    return _named(parses) or _unknown(parses)


def given_name(word: str) -> bool:
    """The word can be a given name ("Элизабет", "Николай"), or the dictionary does not know it."""
    parses = vocabulary().parse(word)
    return any("Name" in p.tag for p in parses) or _unknown(parses)


def person_part(name: str) -> str:
    """The name from its first word that can be a person's ("России Владимир Путин" gives "Владимир Путин",
    as a title's words run into the name after it); the whole when none can."""
    words = name.split()
    return next((" ".join(words[i:]) for i, word in enumerate(words) if _personal(word)), name)


#: parts of speech that open a sentence but never a name ("Ранее Песков заявил …": "earlier")
_OPENERS = frozenset({"ADVB", "CONJ", "PRCL", "PREP", "INTJ", "COMP", "PRED", "VERB", "INFN", "GRND"})


def opener(word: str) -> bool:
    """The word is most likely an adverb, conjunction, particle, preposition or verb, and never a name."""
    parses = vocabulary().parse(word)
    return bool(parses) and not _named(parses) and parses[0].tag.POS in _OPENERS


def person_name(name: str) -> bool:
    """Some word of ``name`` can be a given name, patronymic or surname, or none of its words is in the
    dictionary; a name made only of common words ("Директор Общества", "Клерка" read as a noun) is not."""
    parses = [vocabulary().parse(word) for word in name.replace(".", ". ").split() if len(word) > 2]
    return any(map(_named, parses)) or all(map(_unknown, parses))


def from_genitive(name: str) -> str:
    """A name written in the genitive ("По словам Дмитрия Пескова") in the nominative ("Дмитрий Песков"):
    each word that can be a person's name in the genitive is put back; other words stay as written."""
    out = []
    for word in name.split():
        parse = next((p for p in vocabulary().parse(word) if PERSON & set(p.tag.grammemes) and "gent" in p.tag), None)
        inflected = parse.inflect({"Nom"}) if parse is not None else None
        out.append(inflected.word.capitalize() if inflected is not None else word)
    return " ".join(out)


def given_gender(word: str) -> str | None:
    """"f" or "m" when every reading of the word as a given name has that gender ("Мария", "Николай"), else
    None (no such reading, or both: "Саша")."""
    genders = {p.tag.gender for p in vocabulary().parse(word) if "Name" in p.tag}
    return {"femn": "f", "masc": "m"}.get(genders.pop()) if len(genders) == 1 else None
