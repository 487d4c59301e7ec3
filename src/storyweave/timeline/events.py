"""Timeline events: the sentence around each resolved time expression, merged across articles."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ..cluster.features import lexical_cosine, text_vector
from ..model import Article, Span, Story, TimelineEvent
from ..nlp import embed
from ..nlp.sentences import spans
from .resolve import find

#: two articles' sentences on one date are one event when they share this much (lexical cosine, the date's own
#: words left out: every sentence on that date shares them), or, in two languages, when their multilingual
#: embeddings are this close: `benchmarks/timeline.py --cyrillic` (WMT dev) joins translated sentences 95 / 101 /
#: 106 / 105 times at 0.82 / 0.84 / 0.86 / 0.88, and sentences of other lines once at 0.82 and 0.84, never above
#: (an unrelated sentence on the same date scored 0.82 against a translation's 0.90 in the tests)
SAME_EVENT_COSINE = 0.3
SAME_EVENT_ACROSS = 0.86
MAX_TEXT = 240


def _sentence_of(article: Article, position: int) -> tuple[int, int]:
    for start, end in spans(article.text):
        if start <= position < end:
            return start, end
    return position, position + 1


class _Told(NamedTuple):
    """What a dated sentence is compared by: its words (the date's own left out), language and meaning."""

    words: tuple
    language: str
    meaning: np.ndarray | None


def _same(a: _Told, b: _Told) -> bool:
    """Two sentences on one date tell one event: shared words in one language, meaning across two."""
    if a.language == b.language or "und" in (a.language, b.language) or a.meaning is None or b.meaning is None:
        return lexical_cosine(a.words, b.words) >= SAME_EVENT_COSINE
    return float(a.meaning @ b.meaning) >= SAME_EVENT_ACROSS


def story_timeline(story: Story, articles: dict[str, Article]) -> list[TimelineEvent]:
    members = [articles[aid] for aid in story.article_ids if aid in articles and articles[aid].duplicate_of is None]
    fallback = story.first_published
    events: list[tuple[str, list[Span], list[_Told]]] = []
    found = [(article, expression, Span.of(article, *_sentence_of(article, expression.start)))
             for article in members for expression in find(article.text, article.published, fallback, article.language)]
    meaning = {}
    if len({article.language for article, _, _ in found} - {"und"}) > 1:
        texts = list(dict.fromkeys(span.text for _, _, span in found))
        meaning = dict(zip(texts, embed.remembered(texts), strict=True))
    for article, expression, span in found:
        words = span.text[:expression.start - span.start] + " " + span.text[expression.end - span.start:]
        vector = _Told(text_vector(words, article.language), article.language, meaning.get(span.text))
        for value, sources, vectors in events:
            if value == expression.value and any(s.article_id == article.id and s.start == span.start for s in sources):
                break
            if value == expression.value and any(_same(vector, v) for v in vectors):
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
