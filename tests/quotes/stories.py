"""Stories made of literal texts, one article each, for the quote tests."""

from __future__ import annotations

from storyweave.model import Article, Quote, Story
from storyweave.quotes import article_renderings, story_quotes
from storyweave.quotes.speech import Rendering


def multilingual(*texts_and_languages: tuple[str, str]) -> list[Quote]:
    articles = [Article(id=f"a{i}", source_path=f"a{i}", text=text, language=language)
                for i, (text, language) in enumerate(texts_and_languages)]
    return story_quotes(Story("s", "t", [a.id for a in articles]), {a.id: a for a in articles})


def quotes_of(*texts: str) -> list[Quote]:
    return multilingual(*((text, "en") for text in texts))


def in_order(quotes: list[Quote]) -> list[Quote]:
    return sorted(quotes, key=lambda q: q.variants[0].span.start)


def renderings_of(text: str, language: str = "en") -> list[Rendering]:
    """One article's renderings, before alignment."""
    return article_renderings(Article(id="a", source_path="a", text=text, language=language))


def quotations_of(text: str, language: str = "en") -> list[Rendering]:
    """One article's renderings that are quotes on their own (no fragment)."""
    return [r for r in renderings_of(text, language) if not r.fragment]
