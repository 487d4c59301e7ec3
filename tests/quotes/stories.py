"""Stories made of literal texts, one article each, for the quote tests."""

from __future__ import annotations

from storyweave.model import Article, Quote, Story
from storyweave.quotes import story_quotes


def multilingual(*texts_and_languages: tuple[str, str]) -> list[Quote]:
    articles = [Article(id=f"a{i}", source_path=f"a{i}", text=text, language=language)
                for i, (text, language) in enumerate(texts_and_languages)]
    return story_quotes(Story("s", "t", [a.id for a in articles]), {a.id: a for a in articles})


def quotes_of(*texts: str) -> list[Quote]:
    return multilingual(*((text, "en") for text in texts))


def in_order(quotes: list[Quote]) -> list[Quote]:
    return sorted(quotes, key=lambda q: q.variants[0].span.start)
