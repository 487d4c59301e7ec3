"""A cited brief per story: extractive, offline, every sentence backed by spans of its articles.

    1. split the story's original articles (copies collapsed) into sentences with offsets
    2. score each: centrality in the story x how many independent sources say the same x lead position
    3. select by MMR against redundancy: reporting first, then where sources give other numbers for the
       same statement ("Sources differ: ..."), then the writers' commentary, labelled as such
    4. a sentence only one source makes is attributed ("According to X: ..."), never stated as settled

Until the claims stage exists, "the same" is lexical: a sentence is backed by another source when one
of that source's sentences shares enough of its weighted words (SUPPORT_COSINE).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from ..cluster.batch import source_key
from ..cluster.features import lexical_cosine, text_vector
from ..model import Article, Span, Story, SummarySentence
from ..nlp.sentences import spans

MIN_SENTENCES, MAX_SENTENCES = 4, 10
#: a sentence shorter than this says too little alone; longer ones are rarely a clean fact
MIN_CHARS, MAX_CHARS = 40, 400
#: lexical cosine (story-weighted) at which another source's sentence counts as saying the same thing.
#: Measured on the seed corpus: the four renderings of Tokayev's 193-vs-500-600 remark score 0.57-0.87
#: pairwise; random sentence pairs from different articles p95 0.09, p99 0.20.
SUPPORT_COSINE = 0.3
#: MMR trade-off between a sentence's own score and its overlap with what is already chosen
MMR_LAMBDA = 0.7
#: the writer's own voice: first person, evaluative adverbs and set phrases of judgement
OPINION = re.compile(
    r"\b(?:I|we|my|our)\s+(?:think|believe|guess|feel|should|must|need|always|can|do not|don't)\b|\bin my (?:view|opinion)\b"
    r"|\b(?:obviously|clearly|undoubtedly|of course|in itself|no doubt|it is (?:no wonder|reasonable|"
    r"understandable|obvious|clear))\b", re.I)
#: judgements and exhortations that are the writer's unless the sentence reports someone saying them
JUDGEMENT = re.compile(r"\b(?:should|must)\s+(?:be|also|really|not)\b|\b(?:is|was|are)\s+(?:wrong|right|impressive|"
                       r"absurd|ridiculous|naive|a mess)\b|\?\s*$", re.I)
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: the same statement with other numbers: sources disagree (a count, a date, a sum)
DISAGREE_COSINE = 0.45
MAX_DISAGREEMENTS = 2
REPORTED = re.compile(r"\b(?:said|says|say|told|stated|asked|asks|announced|reported|according to|declared|"
                      r"explained|added|warned)\b", re.I)


def is_opinion(text: str) -> bool:
    return bool(OPINION.search(text) or (JUDGEMENT.search(text) and not REPORTED.search(text)))


@dataclass
class _Sentence:
    article: Article
    start: int
    end: int
    text: str
    vector: tuple[np.ndarray, np.ndarray]
    position: int
    opinion: bool
    score: float = 0.0
    backing: dict[str, _Sentence] | None = None
    numbers: frozenset[str] = frozenset()


def _source_name(article: Article) -> str:
    name = article.reposted_from or article.outlet
    if name:
        return name
    return f"“{article.title}”" if article.title and not article.title_source else "one article"


def _sentences(article: Article) -> list[_Sentence]:
    found = []
    for position, (start, end) in enumerate(spans(article.text)):
        text = article.text[start:end]
        if MIN_CHARS <= len(text) <= MAX_CHARS:
            vector = text_vector(text, article.language)
            numbers = frozenset(n.replace(",", "") for n in NUMBER.findall(text))
            found.append(_Sentence(article, start, end, text, vector, position, is_opinion(text), numbers=numbers))
    return found


def _story_weighting(candidates: list[_Sentence]) -> None:
    """Re-weight by rarity inside the story: words in most of its sentences (the story's own topic,
    'Kazakhstan' in a story about Kazakhstan) cannot tell one statement from another."""
    df: dict[int, int] = {}
    for s in candidates:
        for key in s.vector[0].tolist():
            df[key] = df.get(key, 0) + 1
    n = len(candidates)
    for s in candidates:
        local = np.array([math.log((1 + n) / (1 + df[k])) for k in s.vector[0].tolist()], dtype=np.float32)
        values = s.vector[1] * local
        s.vector = (s.vector[0], values / max(float(np.linalg.norm(values)), 1e-12))


def _differ(a: _Sentence, b: _Sentence) -> bool:
    return bool(a.numbers and b.numbers and a.numbers.isdisjoint(b.numbers))


def _score(candidates: list[_Sentence]) -> list[tuple[float, _Sentence, _Sentence]]:
    """Set each sentence's backing and score; return pairs where two sources give other numbers."""
    _story_weighting(candidates)
    disagreements: dict[tuple[int, int], tuple[float, _Sentence, _Sentence]] = {}
    by_source: dict[str, list[_Sentence]] = {}
    for sentence in candidates:
        by_source.setdefault(source_key(sentence.article), []).append(sentence)
    keys = np.unique(np.concatenate([s.vector[0] for s in candidates]))
    centroid_vals = np.zeros(len(keys), dtype=np.float32)
    for s in candidates:
        centroid_vals[np.searchsorted(keys, s.vector[0])] += s.vector[1]
    centroid = (keys, centroid_vals / max(float(np.linalg.norm(centroid_vals)), 1e-12))
    for sentence in candidates:
        backing = {}
        own = source_key(sentence.article)
        for source, theirs in by_source.items():
            if source == own:
                continue
            best = max(theirs, key=lambda other: lexical_cosine(sentence.vector, other.vector))
            similarity = lexical_cosine(sentence.vector, best.vector)
            if similarity >= SUPPORT_COSINE and _differ(sentence, best):
                if similarity >= DISAGREE_COSINE:
                    key = tuple(sorted((id(sentence), id(best))))
                    disagreements[key] = (similarity, sentence, best)
            elif similarity >= SUPPORT_COSINE:
                backing[source] = best
        sentence.backing = backing
        lead = 1.0 / (1.0 + sentence.position / 10)
        sentence.score = lexical_cosine(sentence.vector, centroid) * (1 + math.log1p(len(backing))) * lead
    return sorted(disagreements.values(), key=lambda d: -d[0])


def _mmr(pool: list[_Sentence], chosen: list[_Sentence], k: int) -> list[_Sentence]:
    picked: list[_Sentence] = []
    pool = sorted(pool, key=lambda s: -s.score)
    top = pool[0].score if pool else 1.0
    while pool and len(picked) < k:
        def value(s: _Sentence) -> float:
            overlap = max((lexical_cosine(s.vector, c.vector) for c in chosen + picked), default=0.0)
            return MMR_LAMBDA * s.score / max(top, 1e-12) - (1 - MMR_LAMBDA) * overlap

        best = max(pool, key=value)
        pool.remove(best)
        if max((lexical_cosine(best.vector, c.vector) for c in chosen + picked), default=0.0) < 0.6:
            picked.append(best)
    return picked


def _render(sentence: _Sentence) -> SummarySentence:
    citations = [Span.of(sentence.article, sentence.start, sentence.end)]
    citations += [Span.of(s.article, s.start, s.end) for s in (sentence.backing or {}).values()]
    text = sentence.text
    if sentence.opinion:
        text = f"Commentary in {_source_name(sentence.article)}: {text}"
    elif not sentence.backing:
        text = f"According to {_source_name(sentence.article)}: {text}"
    return SummarySentence(text, citations)


def _render_disagreement(a: _Sentence, b: _Sentence) -> SummarySentence:
    text = (f"Sources differ: {_source_name(a.article)} reports “{a.text}”, while {_source_name(b.article)} "
            f"reports “{b.text}”")
    return SummarySentence(text, [Span.of(a.article, a.start, a.end), Span.of(b.article, b.start, b.end)])


def brief(story: Story, articles: list[Article]) -> list[SummarySentence]:
    """The story's cited summary: reporting backed by the most sources first, then commentary."""
    members = {a.id: a for a in articles}
    originals = [members[aid] for aid in story.article_ids if aid in members and members[aid].duplicate_of is None]
    candidates = [s for article in originals for s in _sentences(article)]
    if not candidates:
        return []
    disagreements = _score(candidates)[:MAX_DISAGREEMENTS]
    reports = [s for s in candidates if not s.opinion]
    opinions = [s for s in candidates if s.opinion]
    chosen = _mmr(reports, [], MAX_SENTENCES - 2 - len(disagreements))
    commentary = _mmr(opinions, chosen, max(2, MIN_SENTENCES - len(chosen) - len(disagreements)))
    chosen.sort(key=lambda s: (-len(s.backing or {}), -s.score))
    differ = [_render_disagreement(a, b) for _, a, b in disagreements]
    return ([_render(s) for s in chosen] + differ + [_render(s) for s in commentary])[:MAX_SENTENCES]


def brief_all(stories: list[Story], articles: list[Article]) -> list[Story]:
    for story in stories:
        story.summary = brief(story, articles)
    return stories
