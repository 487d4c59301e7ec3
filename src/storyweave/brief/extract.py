"""A cited brief per story, built from its claims: extractive, offline, every sentence citing its spans.

    1. rank the story's reported claims: independent sources first, then centrality in the story and
       how early in their article they stand
    2. select by MMR against redundancy (MAX_SENTENCES in all)
    3. a claim only one source makes is attributed ("According to X: ..."), never stated as settled;
       a contradicted claim is shown as such ("Sources differ: ..."); the writers' opinion comes last,
       labelled ("Commentary in X: ..."); a sentence that is a quotation and nothing else is given to its
       speaker ("Sister Carol Keehan: “In Dr. Benjamin, we have …”"), as the quotes stage found them

In a story told in several languages, claims with a rendering in the story's reading language come first;
others fill the brief only where those run out, so a brief does not switch languages sentence by sentence.
"""

from __future__ import annotations

import math

import numpy as np

from ..cluster.batch import source_key
from ..cluster.features import lexical_cosine, text_vector
from ..model import Article, Claim, Quote, Span, Story, SummarySentence
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


#: quotations in an article: article id -> (start, end, the quote)
Quoted = dict[str, list[tuple[int, int, Quote]]]


def _quoted(quotes: list[Quote]) -> Quoted:
    found: Quoted = {}
    for quote in quotes:
        for variant in quote.variants:
            if variant.direct:
                found.setdefault(variant.span.article_id, []).append((variant.span.start, variant.span.end, quote))
    return found


def _quotation_alone(lead: Span, quoted: Quoted) -> Quote | None:
    """The quote a sentence is, where it holds a quotation and nothing else (its attribution, "… said Lee",
    stands in another sentence): stated bare, it would read as the brief's own or every source's claim."""
    for start, end, quote in quoted.get(lead.article_id, ()):
        if lead.start <= start and end <= lead.end:
            rest = lead.text[:start - lead.start] + lead.text[end - lead.start:]
            if not any(ch.isalpha() for ch in rest):
                return quote
    return None


def _speaker(quote: Quote) -> tuple[str | None, list[Span]]:
    """Who says a quote as the quotes stage found them, and the span that describes an unnamed speaker."""
    if quote.speaker_name:
        return quote.speaker_name, []
    if quote.speaker_description is not None:
        return quote.speaker_description.text, [quote.speaker_description]
    return None, []


def _render(claim: Claim, articles: dict[str, Article], quoted: Quoted | None = None) -> SummarySentence:
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
    quote = _quotation_alone(lead, quoted or {})
    if quote is not None:
        speaker, described = _speaker(quote)
        if claim.independent_sources <= 1:
            text = (f"According to {_source_name(first)}, {speaker} said: {lead.text}" if speaker else
                    f"Quoted in {_source_name(first)}: {lead.text}")
        else:
            text = f"{speaker}: {lead.text}" if speaker else f"Quoted: {lead.text}"
        return SummarySentence(text, [lead] + rest + described)
    if claim.independent_sources <= 1:
        return SummarySentence(f"According to {_source_name(first)}: {lead.text}", [lead] + rest)
    return SummarySentence(lead.text, [lead] + rest)


def brief(story: Story, articles: list[Article], claims: list[Claim],
          quotes: list[Quote] = ()) -> list[SummarySentence]:
    """The story's cited summary: corroborated reporting first, then disagreements, then commentary; with the
    story's ``quotes``, a sentence that is only a quotation names its speaker."""
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
    quoted = _quoted([q for q in quotes if q.story_id in (story.id, None)])
    return [_render(c, by_id, quoted) for c in chosen + differ + commentary][:MAX_SENTENCES]


def brief_all(stories: list[Story], articles: list[Article], claims: list[Claim],
              quotes: list[Quote] = ()) -> list[Story]:
    by_story: dict[str | None, list[Quote]] = {}
    for quote in quotes:
        by_story.setdefault(quote.story_id, []).append(quote)
    for story in stories:
        story.summary = brief(story, articles, claims, by_story.get(story.id, []))
    return stories
