"""A cited brief per story, built from its claims: extractive, offline, every sentence citing its spans.

    1. rank the story's reported claims: independent sources first, then centrality in the story and
       how early in their article they stand
    2. select by MMR against redundancy (MAX_SENTENCES in all)
    3. a claim only one source makes is attributed ("According to X: ..."), never stated as settled;
       a contradicted claim is shown as such ("Sources differ: ..."); the writers' opinion comes last,
       labelled ("Commentary in X: ...")

In a story told in several languages, claims with a rendering in the story's reading language come first;
others fill the brief only where those run out, so a brief does not switch languages sentence by sentence.
"""

from __future__ import annotations

import math

import numpy as np

from ..cluster.batch import source_key
from ..cluster.features import lexical_cosine, text_vector
from ..model import Article, Claim, Span, Story, SummarySentence
from ..nlp import sentences
from ..nlp.reading import reading_language

MIN_SENTENCES, MAX_SENTENCES = 4, 10
MAX_DISAGREEMENTS = 2
MAX_COMMENTARY = 2
#: MMR trade-off between a claim's own score and its overlap with what is already chosen
MMR_LAMBDA = 0.7
#: words of a headline that names a source with no outlet
SOURCE_WORDS = 6
#: a candidate this close to a chosen sentence says the same again and is skipped
REDUNDANT_COSINE = 0.6


def _source_name(article: Article) -> str:
    """The outlet (or the original a repost declares); failing both, the headline, cut to SOURCE_WORDS words
    ("According to “Agent says Sixers to sign Dalembert…”: …"), so an attribution stays shorter than its claim."""
    name = article.reposted_from or article.outlet
    if name:
        return name
    if not article.title or article.title_source:
        return "one article"
    words = article.title.split()
    cut = " ".join(words[:SOURCE_WORDS])
    if sentences.words(cut) > SOURCE_WORDS:  # a headline written without spaces: two letters a word
        cut = cut[:2 * SOURCE_WORDS]
    return f"“{cut}{'…' if cut != ' '.join(words) else ''}”"


def _centroid(vectors: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    keys = np.unique(np.concatenate([v[0] for v in vectors])) if vectors else np.zeros(0, dtype=np.int64)
    values = np.zeros(len(keys), dtype=np.float32)
    for v in vectors:
        values[np.searchsorted(keys, v[0])] += v[1]
    return keys, values / max(float(np.linalg.norm(values)), 1e-12)


def _mmr(pool: list[Claim], scores: dict[str, float], vectors: dict[str, tuple], chosen: list[Claim],
         k: int) -> list[Claim]:
    """Maximal marginal relevance; each candidate's greatest overlap with what is chosen is kept up to date as
    the choice grows, not computed anew every round (a story of a thousand copies has thousands of claims)."""
    picked: list[Claim] = []
    pool = sorted(pool, key=lambda c: -scores[c.id])
    top = max((scores[c.id] for c in pool), default=1.0) or 1.0
    near = {c.id: max((lexical_cosine(vectors[c.id], vectors[o.id]) for o in chosen), default=0.0) for c in pool}
    while pool and len(picked) < k:
        best = max(pool, key=lambda c: MMR_LAMBDA * scores[c.id] / top - (1 - MMR_LAMBDA) * near[c.id])
        pool.remove(best)
        if near[best.id] < REDUNDANT_COSINE:
            picked.append(best)
            for c in pool:
                near[c.id] = max(near[c.id], lexical_cosine(vectors[c.id], vectors[best.id]))
    return picked


def _lead(claim: Claim) -> Span:
    """The span the claim is stated by: its rendering in the story's reading language where it has one."""
    return next((s for s in claim.support if s.text == claim.text), claim.support[0])


def _readable_first(pool: list[Claim], readable, scores: dict[str, float], vectors: dict[str, tuple],
                    chosen: list[Claim], k: int) -> list[Claim]:
    picked = _mmr([c for c in pool if readable(c)], scores, vectors, chosen, k)
    return picked + _mmr([c for c in pool if not readable(c)], scores, vectors, chosen + picked, k - len(picked))


def _render(claim: Claim, articles: dict[str, Article]) -> SummarySentence:
    """The claim in its own words (its rendering in the story's reading language), citing every span."""
    lead = _lead(claim)
    first = articles[lead.article_id]
    if claim.kind == "opinion":
        return SummarySentence(f"Commentary in {_source_name(first)}: {lead.text}", [lead])
    if claim.contradict:
        other = claim.contradict[0]
        text = (f"Sources differ: {_source_name(first)} reports “{lead.text}”, while "
                f"{_source_name(articles[other.article_id])} reports “{other.text}”")
        return SummarySentence(text, [lead, other])
    rest = [s for s in claim.support if s is not lead]
    if claim.independent_sources <= 1:
        return SummarySentence(f"According to {_source_name(first)}: {lead.text}", [lead] + rest)
    return SummarySentence(lead.text, [lead] + rest)


def brief(story: Story, articles: list[Article], claims: list[Claim]) -> list[SummarySentence]:
    """The story's cited summary: corroborated reporting first, then disagreements, then commentary."""
    by_id = {a.id: a for a in articles}
    mine = [c for c in claims if c.story_id == story.id and c.support and c.support[0].article_id in by_id]
    if not mine:
        return []
    vectors = {c.id: text_vector(_lead(c).text, by_id[_lead(c).article_id].language) for c in mine}
    reading = reading_language([by_id[aid] for aid in story.article_ids if aid in by_id])

    def readable(claim: Claim) -> bool:
        return by_id[_lead(claim).article_id].language in (reading, "und")

    centroid = _centroid(list(vectors.values()))
    scores = {}
    for claim in mine:
        span: Span = claim.support[0]
        position = span.start / max(1, len(by_id[span.article_id].text))
        sources = len({source_key(by_id[s.article_id]) for s in claim.support})
        scores[claim.id] = (lexical_cosine(vectors[claim.id], centroid) * (1 + math.log(sources))
                            / (1 + 3 * position))
    reports = [c for c in mine if c.kind == "report" and not c.contradict]
    disputed = sorted((c for c in mine if c.kind == "report" and c.contradict), key=lambda c: -scores[c.id])
    opinions = [c for c in mine if c.kind == "opinion"]
    differ: list[Claim] = []
    for claim in sorted(disputed, key=lambda c: not readable(c)):
        if len(differ) < MAX_DISAGREEMENTS and not any(s in d.contradict for d in differ for s in claim.support):
            differ.append(claim)
    chosen = _readable_first(reports, readable, scores, vectors, [], MAX_SENTENCES - MAX_COMMENTARY - len(differ))
    commentary = _readable_first(opinions, readable, scores, vectors, chosen,
                                 max(MAX_COMMENTARY, MIN_SENTENCES - len(chosen) - len(differ)))
    chosen.sort(key=lambda c: (-c.independent_sources, -scores[c.id]))
    return [_render(c, by_id) for c in chosen + differ + commentary][:MAX_SENTENCES]


def brief_all(stories: list[Story], articles: list[Article], claims: list[Claim]) -> list[Story]:
    for story in stories:
        story.summary = brief(story, articles, claims)
    return stories
