"""Timeline events: the sentence around each resolved time expression, merged across articles."""

from __future__ import annotations

from ..cluster.features import lexical_cosine, text_vector
from ..model import Article, Span, Story, TimelineEvent
from ..nlp.sentences import spans
from .resolve import find

#: two articles' sentences on one date are one event when they share this much (lexical cosine)
SAME_EVENT_COSINE = 0.3
MAX_TEXT = 240


def _sentence_of(article: Article, position: int) -> tuple[int, int]:
    for start, end in spans(article.text):
        if start <= position < end:
            return start, end
    return position, position + 1


def story_timeline(story: Story, articles: dict[str, Article]) -> list[TimelineEvent]:
    members = [articles[aid] for aid in story.article_ids if aid in articles and articles[aid].duplicate_of is None]
    fallback = story.first_published
    events: list[tuple[str, list[Span], tuple]] = []
    for article in members:
        for expression in find(article.text, article.published, fallback, article.language):
            start, end = _sentence_of(article, expression.start)
            span = Span.of(article, start, end)
            vector = text_vector(span.text, article.language)
            for value, sources, vectors in events:
                if value == expression.value and any(s.article_id == article.id and s.start == start for s in sources):
                    break
                if value == expression.value and any(lexical_cosine(vector, v) >= SAME_EVENT_COSINE for v in vectors):
                    if all(s.article_id != article.id for s in sources):
                        sources.append(span)
                        vectors.append(vector)
                    break
            else:
                events.append((expression.value, [span], [vector]))
    timeline = []
    for value, sources, _ in events:
        text = sources[0].text if len(sources[0].text) <= MAX_TEXT else sources[0].text[:MAX_TEXT - 1] + "…"
        timeline.append(TimelineEvent(value, text, sources, story.id))
    timeline.sort(key=lambda e: (e.date, -len(e.sources)))
    return timeline


def timelines(stories: list[Story], articles: list[Article]) -> list[TimelineEvent]:
    by_id = {a.id: a for a in articles}
    return [event for story in stories for event in story_timeline(story, by_id)]
