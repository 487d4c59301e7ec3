"""Timeline events: the sentence around each resolved time expression, merged across articles."""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np

from ..cluster.features import lexical_cosine, text_vector
from ..model import Article, Span, Story, TimelineEvent
from ..nlp import embed
from ..nlp.sentences import SentenceIndex
from .resolve import find

#: two articles' sentences on one date are one event when they share this much (lexical cosine, the date's own
#: words left out: every sentence on that date shares them), or, in two languages, when their multilingual
#: embeddings (sentences as e5 queries, ``embed.SENTENCE``) are this close: `benchmarks/timeline.py --cyrillic`
#: (WMT dev) joins translated sentences 93 / 94 / 99 / 103 / 105 / 88 times at 0.82 / 0.84 / 0.86 / 0.88 /
#: 0.90 / 0.92, and sentences of other lines once up to 0.88, never above (as passages: 106 at 0.86, none wrong)
SAME_EVENT_COSINE = 0.3
SAME_EVENT_ACROSS = 0.9
MAX_TEXT = 240


#: where a sentence's clauses meet: a comma, semicolon or colon, or a dash between spaces; not before a number
#: (a list of years, "1994, 1996, 1999 and 2002"; a time split by tokenising, "8: 13am")
_CLAUSE_BREAK = re.compile(r"(?:[,;:]\s+|\s+[—–-]\s+)(?!(?:and\s+|or\s+)?\d)")
#: what joins two clauses that each carry a date when no punctuation parts them
_CONJUNCTION = re.compile(r"\s+(?:and|but|while|whereas|before|after|then)\s+(?!\d)")
#: a clause of fewer words than this beside its date expressions ("On June 18, 2022,", "Just in April this year,")
#: is read with the next
MIN_CLAUSE_WORDS = 3


def _in_name(sentence: str, conjunction: re.Match) -> bool:
    """A conjunction between two capitalised words joins a name ("Council on Ethical and Judicial Affairs")."""
    before = sentence[:conjunction.start()].rsplit(None, 1)[-1:] or [""]
    after = sentence[conjunction.end():].split(None, 1)[:1] or [""]
    return before[0][:1].isupper() and after[0][:1].isupper()


def _clause(sentence: str, at: tuple[int, int], others: list[tuple[int, int]]) -> str:
    """The clause of ``sentence`` around the date expression at ``at`` (offsets in the sentence), for a
    sentence that dates several events ("… hosted the Academy Awards in 2007, …, following Whoopi Goldberg's
    stints in 1994, 1996, 1999 and 2002"): a break inside an expression is no break; where no punctuation
    parts this date from the next one, the first conjunction after the earlier date does ("deployed on
    November 2 and since then rescued a ship on November 11 and sunk a mother ship on November 19"). An
    ellipsis marks where the sentence goes on."""
    breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(sentence)
              if not any(s <= m.start() < e for s, e in (at, *others))]
    earlier = max((e for s, e in others if e <= at[0]), default=None)
    later = min((s for s, e in others if s >= at[1]), default=None)
    for left, right in ((earlier, at[0]), (at[1], later)):
        if left is not None and right is not None and not any(left <= b[0] and b[1] <= right for b in breaks):
            joined = next((m for m in _CONJUNCTION.finditer(sentence, left) if not _in_name(sentence, m)), None)
            breaks += [joined.span()] if joined and joined.end() <= right else []
    breaks.sort()
    before = [b for b in breaks if b[1] <= at[0]]
    after = [b for b in breaks if b[0] >= at[1]]
    start = before[-1][1] if before else 0
    end = after[0][0] if after else len(sentence)
    rest = "".join(" " if any(s <= i < e for s, e in (at, *others)) else c
                   for i, c in enumerate(sentence[start:end], start))
    if len(rest.split()) < MIN_CLAUSE_WORDS:
        if len(after) > 1 or (after and not before):
            end = after[1][0] if len(after) > 1 else len(sentence)
        elif before:
            start = before[-2][1] if len(before) > 1 else 0
    clause = sentence[start:end].strip()
    return ("…" if start else "") + clause + ("…" if end < len(sentence) else "")


def _sentence_of(sentences: SentenceIndex, position: int) -> tuple[int, int]:
    """Where the sentence holding a position lies; the position's own character where none holds it."""
    i = sentences.at(position)
    return sentences.spans[i] if i is not None else (position, position + 1)


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
    events: list[tuple[str, list[Span], list[_Told], str]] = []
    every = []
    for article in members:
        sentences = SentenceIndex(article.text)
        every += [(article, expression, Span.of(article, *_sentence_of(sentences, expression.start)))
                  for expression in find(article.text, article.published, fallback, article.language, unresolved=True)]
    in_sentence: dict[tuple[str, int], list] = {}
    for article, expression, span in every:
        in_sentence.setdefault((article.id, span.start), []).append(expression)
    found = [(article, expression, span) for article, expression, span in every if expression.value]
    meaning = {}
    if len({article.language for article, _, _ in found} - {"und"}) > 1:
        texts = list(dict.fromkeys(span.text for _, _, span in found))
        meaning = dict(zip(texts, embed.remembered(texts), strict=True))
    for article, expression, span in found:
        words = span.text[:expression.start - span.start] + " " + span.text[expression.end - span.start:]
        vector = _Told(text_vector(words, article.language), article.language, meaning.get(span.text))
        for value, sources, vectors, _ in events:
            if value == expression.value and any(s.article_id == article.id and s.start == span.start for s in sources):
                break
            if value == expression.value and any(_same(vector, v) for v in vectors):
                if all(s.article_id != article.id for s in sources):
                    sources.append(span)
                    vectors.append(vector)
                break
        else:
            others = [(e.start - span.start, e.end - span.start) for e in in_sentence[(article.id, span.start)]
                      if e.value != expression.value]
            told = _clause(span.text, (expression.start - span.start, expression.end - span.start), others) \
                if others else span.text
            events.append((expression.value, [span], [vector], told))
    timeline = []
    for value, sources, _, told in events:
        text = told if len(told) <= MAX_TEXT else told[:MAX_TEXT - 1] + "…"
        timeline.append(TimelineEvent(value, text, sources, story.id))
    timeline.sort(key=lambda e: (e.date, -len(e.sources)))
    return timeline


def timelines(stories: list[Story], articles: list[Article]) -> list[TimelineEvent]:
    by_id = {a.id: a for a in articles}
    return [event for story in stories for event in story_timeline(story, by_id)]
