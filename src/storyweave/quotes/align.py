"""Renderings of one statement across a story's articles become one Quote: another translation, direct in one
article and reported in another, shortened.

In one language: story-weighted lexical cosine with the same numbers, and compatible speakers, every two
renderings of a quote sharing words (LINK_FLOOR), not only each with its neighbour in a chain; a sentence of
another article that renders an aligned statement more closely still (ECHO_COSINE) joins it as a reported
variant even where that article names no speaker, but never gives the quote its text. Across languages, where words and spellings do not carry: the embeddings of the
sentences holding the two quotations, each the other's closest in the other language of the story (mutual
best, as in parallel corpus mining), with no conflicting numbers; a sentence without quotation marks that is
this close to a sentence holding a quotation joins it as a reported variant.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from itertools import combinations

import numpy as np

from ..cluster.features import lexical_cosine, text_vector
from ..model import Article, Quote, QuoteVariant, Span, Story
from ..nlp import embed
from ..nlp.reading import reading_language
from ..nlp.sentences import spans, words
from . import describe
from .speech import MIN_WORDS, Rendering, article_renderings, numbers, same_speaker

#: lexical cosine (story-weighted) at which two renderings are one statement: the seed corpus's four
#: renderings of Tokayev's 193-vs-500-600 remark score 0.57-0.87, random sentence pairs p99 0.20
ALIGN_COSINE = 0.5
#: multilingual-e5 cosine of the sentences holding two quotations in two languages, each the other's closest
#: in its article, at which they are one statement. `benchmarks/quotes.py --calibrate` (WMT dev, whole
#: articles): link precision 0.982 / 0.988 / 0.992 / 0.995 at 0.76 / 0.82 / 0.84 / 0.86, recall 0.569 /
#: 0.564 / 0.540 / 0.471; the top of the plateau, as a wrong link puts words in someone's mouth. Without
#: the mutual-best rule 0.90 was needed for precision 0.99, at recall 0.19. Re-swept in session 14 with
#: sentences read as e5 queries (``embed.SENTENCE``): F1 0.859 from 0.76 to 0.82, 0.857 at 0.84; in session 18,
#: with partial quotes read, 0.900 from 0.76 to 0.82, 0.899 at 0.84, 0.879 at 0.86.
CROSS_LANGUAGE_COSINE = 0.82
#: lexical cosine at which a sentence without quotation marks or attribution joins a statement another article
#: of the story attributes, in the same language. Set by reading such sentences of the ECB+ dev stories by
#: band (session 23, two samples of ten per band): at 0.5-0.6 about a third say what the statement says and
#: the rest share only its names ("Raj Chohan was hit by a 2013 gray Camry" joined the prosecutor's words
#: on the charges); at 0.6-0.7 eight in ten do, above 0.7 nearly all. The seeds' unmarked translation of
#: Tokayev's 193 remark scores 0.90.
ECHO_COSINE = 0.6
#: lexical cosine every two renderings of one statement in one language keep, however they joined: closest
#: pairs first, a rendering that holds two statements chained them ("The fire has progressed rapidly …" to
#: "People are asked to avoid the high street area"). On the ECB+ dev stories (session 39) 60 of 942 pairs
#: inside quotes had joined only through others; of those below 0.25, 5 of 6 read as two statements; from
#: 0.25 to 0.35 about half were rewordings of one ("Within a moment or two, the entire roof was engulfed")
LINK_FLOOR = 0.25


def _aligned(a: Rendering, b: Rendering) -> bool:
    """Two renderings in one language: compatible speakers, no conflicting numbers, words in common. A quoted
    fragment shares its few words with any statement that uses the term, so it joins only across languages."""
    if a.span.article_id == b.span.article_id or a.language != b.language or a.fragment or b.fragment:
        return False
    if a.numbers and b.numbers and a.numbers.isdisjoint(b.numbers):
        return False
    return same_speaker(a.speaker, b.speaker) and lexical_cosine(a.vector, b.vector) >= ALIGN_COSINE


def _cross_language(renderings: list[Rendering], sentences: _Sentences | None = None) -> dict[tuple[int, int], float]:
    """Pairs of renderings in two languages that are each other's closest rendering in the other language
    of the story, by embedding, at CROSS_LANGUAGE_COSINE or above; words and name spellings do not carry
    across languages. Closest within the language, not within an article: an article holding a single
    quotation would make any pair its own best. Closest among the story's sentences too, where they are
    given: a version whose rendering of the statement was not extracted holds another statement that is
    the closest rendering but not the closest sentence. Two fragments never pair: a fragment joins only a
    quotation."""
    if len({r.language for r in renderings}) < 2:
        return {}
    vectors = np.stack([r.embedding for r in renderings])
    sims = vectors @ vectors.T
    for i, a in enumerate(renderings):
        for j, b in enumerate(renderings):
            if a.numbers and b.numbers and a.numbers.isdisjoint(b.numbers):
                sims[i, j] = -1.0
    ranks = sims + TIE_BREAK * _quoted_similarity(renderings)
    by_language: dict[str, list[int]] = {}
    for i, rendering in enumerate(renderings):
        by_language.setdefault(rendering.language, []).append(i)
    pairs = {}
    for left, right in combinations(by_language.values(), 2):
        block = sims[np.ix_(left, right)]
        ranked = ranks[np.ix_(left, right)]
        best_right, best_left = ranked.argmax(axis=1), ranked.argmax(axis=0)
        for i, j in enumerate(best_right):
            a, b = left[i], right[j]
            if best_left[j] == i and block[i, j] >= CROSS_LANGUAGE_COSINE and \
                    not (renderings[a].fragment and renderings[b].fragment) and \
                    (sentences is None or sentences.closest(renderings[a], renderings[b])):
                pairs[(a, b)] = float(block[i, j])
    return pairs


#: weight of the quoted words' own similarity in choosing each rendering's closest: it only separates renderings
#: that share one context (two quotations in one sentence compare equal by their sentence)
TIE_BREAK = 1e-3


def _quoted_similarity(renderings: list[Rendering]) -> np.ndarray:
    """Cosine of the quoted words themselves, where some context holds more than one rendering; else zeros."""
    places = [(r.span.article_id, r.context) for r in renderings]
    if len(set(places)) == len(places):
        return np.zeros((len(renderings), len(renderings)), dtype=np.float32)
    vectors = embed.remembered([r.span.text for r in renderings])
    return vectors @ vectors.T


def _sentence_renderings(articles: list[Article]) -> list[Rendering]:
    """Every sentence as a possible unattributed rendering of a statement aligned elsewhere."""
    out = []
    for article in articles:
        for start, end in spans(article.text):
            piece = article.text[start:end]
            if len(piece) >= 40:
                out.append(Rendering(Span.of(article, start, end), False, None, text_vector(piece, article.language),
                                     numbers(piece), article.language))
    return out


@dataclass
class _Sentences:
    """The sentences of a story's articles (of at least MIN_WORDS words) with their embeddings, pooled by
    language: computed once per multilingual story, for the cross-language pairing of quotations and of the
    sentences that render them."""
    places: dict[str, list[tuple[str, int, int]]]  # language -> (article id, start, end) of each sentence
    vectors: dict[str, np.ndarray]  # language -> one row per sentence
    #: (language, article id) -> (index within the language, start, end) of each of the article's sentences
    within: dict[tuple[str, str], list[tuple[int, int, int]]]
    _mutual: dict[tuple[str, str], dict[int, tuple[int, float]]] = field(default_factory=dict, repr=False)
    #: (language a, language b) -> each sentence of a's closest sentence of b
    _nearest: dict[tuple[str, str], np.ndarray] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, members: list[Article]) -> _Sentences:
        places: dict[str, list[tuple[str, int, int]]] = {}
        for article in members:
            for s, e in spans(article.text):
                if words(article.text[s:e]) >= MIN_WORDS:
                    places.setdefault(article.language, []).append((article.id, s, e))
        text = {a.id: a.text for a in members}
        flat = embed.remembered([text[aid][s:e] for found in places.values() for aid, s, e in found])
        vectors, offset = {}, 0
        for language, found in places.items():
            vectors[language] = flat[offset:offset + len(found)]
            offset += len(found)
        within: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
        for language, found in places.items():
            for i, (aid, s, e) in enumerate(found):
                within.setdefault((language, aid), []).append((i, s, e))
        return cls(places, vectors, within)

    def mutual(self, language_a: str, language_b: str) -> dict[int, tuple[int, float]]:
        """Sentence i of language_a -> (sentence j of language_b, cosine) where each is the other's closest
        among the story's sentences of the two languages, at CROSS_LANGUAGE_COSINE or above."""
        key = (language_a, language_b)
        if key not in self._mutual:
            to_b, to_a = self.nearest(language_a, language_b), self.nearest(language_b, language_a)
            found = {}
            for i, j in enumerate(to_b):
                cosine = float(self.vectors[language_a][i] @ self.vectors[language_b][j])
                if to_a[j] == i and cosine >= CROSS_LANGUAGE_COSINE:
                    found[i] = (int(j), cosine)
            self._mutual[key] = found
        return self._mutual[key]

    def holding(self, rendering: Rendering) -> list[int]:
        """The indices of the sentences a rendering lies in, within its language."""
        span = rendering.span
        return [i for i, s, e in self.within.get((rendering.language, span.article_id), [])
                if s < span.end and span.start < e]

    def closest(self, a: Rendering, b: Rendering) -> bool:
        """Whether the closest sentence in b's language to a sentence of ``a`` is one of b's, or the other way
        round (either holding no sentence of at least MIN_WORDS words: nothing to compare)."""
        held_a, held_b = self.holding(a), self.holding(b)
        if not held_a or not held_b:
            return True
        return any(int(self.nearest(a.language, b.language)[i]) in held_b for i in held_a) or \
            any(int(self.nearest(b.language, a.language)[j]) in held_a for j in held_b)

    def nearest(self, language_a: str, language_b: str) -> np.ndarray:
        """For each sentence of language_a, the index of its closest sentence of language_b."""
        key = (language_a, language_b)
        if key not in self._nearest:
            self._nearest[key] = (self.vectors[language_a] @ self.vectors[language_b].T).argmax(axis=1)
        return self._nearest[key]

    def vector(self, rendering: Rendering) -> np.ndarray | None:
        """The embedding of a rendering's context when that is one sentence."""
        span = rendering.span
        for i, s, e in self.within.get((rendering.language, span.article_id), []):
            if s <= span.start and span.end <= e and len(rendering.context) == e - s:
                return self.vectors[rendering.language][i]
        return None


def _translated_sentences(groups: list[list[Rendering]], members: list[Article], sentences: _Sentences) -> None:
    """A statement quoted in one language is often given without quotation marks in another: the translator
    drops them, or the other writer reports it. A sentence in another language joins a group as a reported
    variant when it and a sentence holding one of the group's renderings are each other's closest in the
    other language of the story (mutual best, as in ``_cross_language``; within the language, not within an
    article, so that an article of one sentence is no one's best by default), at CROSS_LANGUAGE_COSINE or
    above, with no conflicting numbers, and it holds no rendering of its own. Each article gives a group one
    variant and each sentence joins one group, closest pairs first."""
    held = [(v.span.article_id, v.span.start, v.span.end) for group in groups for v in group]
    text = {a.id: a.text for a in members}
    candidates = []
    for g, group in enumerate(groups):
        covered = {v.span.article_id for v in group}
        for rendering in group:
            source = sentences.places.get(rendering.language, [])
            for h in sentences.holding(rendering):
                _, hs, he = source[h]
                theirs = numbers(text[rendering.span.article_id][hs:he])
                for language, places in sentences.places.items():
                    hit = None if language == rendering.language else sentences.mutual(rendering.language, language).get(h)
                    if hit is None:
                        continue
                    j, cosine = hit
                    aid, s, e = places[j]
                    mine = numbers(text[aid][s:e])
                    if aid not in covered and not (mine and theirs and mine.isdisjoint(theirs)) and \
                            not any(a == aid and s < end and start < e for a, start, end in held):
                        candidates.append((cosine, g, aid, s, e))
    by_id = {a.id: a for a in members}
    used: set[tuple[str, int]] = set()
    for _cosine, g, aid, s, e in sorted(candidates, key=lambda c: -c[0]):
        if (aid, s) in used or any(v.span.article_id == aid for v in groups[g]):
            continue
        used.add((aid, s))
        article, piece = by_id[aid], text[aid][s:e]
        groups[g].append(Rendering(Span.of(article, s, e), False, None, text_vector(piece, article.language),
                                   numbers(piece), article.language, context=piece, unmarked=True))


def _group(renderings: list[Rendering], sentences: _Sentences | None = None) -> list[list[Rendering]]:
    """Closest pairs first; two groups join only if no article would give one statement twice."""
    pairs = [(lexical_cosine(a.vector, b.vector), i, j) for i, a in enumerate(renderings)
             for j, b in enumerate(renderings) if i < j and _aligned(a, b)]
    pairs += [(cosine, i, j) for (i, j), cosine in _cross_language(renderings, sentences).items()]
    pairs.sort(reverse=True)
    group_of = {i: {i} for i in range(len(renderings))}
    for _, i, j in pairs:
        gi, gj = group_of[i], group_of[j]
        if gi is gj:
            continue
        articles = [renderings[k].span.article_id for k in gi | gj]
        same_language = [renderings[k] for k in gi | gj if renderings[k].language == renderings[i].language]
        speakers = [r.speaker for r in same_language]
        if len(articles) != len(set(articles)) or not all(same_speaker(a, b) for a in speakers for b in speakers):
            continue
        if any(renderings[a].language == renderings[b].language and
               lexical_cosine(renderings[a].vector, renderings[b].vector) < LINK_FLOOR for a in gi for b in gj):
            continue
        merged = gi | gj
        for k in merged:
            group_of[k] = merged
    seen, groups = set(), []
    for i in range(len(renderings)):
        if id(group_of[i]) not in seen:
            seen.add(id(group_of[i]))
            groups.append([renderings[k] for k in sorted(group_of[i])])
    return groups


def _echoes(group: list[Rendering], sentences: list[Rendering]) -> list[Rendering]:
    """Sentences of the story's other articles that say what a statement aligned across articles says, without
    quotation marks or a speaker: per article, the closest at ECHO_COSINE or above to one of the renderings
    the articles mark as speech (not to another such sentence, so that none joins by a chain of them)."""
    marked = [v for v in group if not v.unmarked]
    covered = {v.span.article_id for v in group}
    best: dict[str, tuple[float, Rendering]] = {}
    for candidate in sentences:
        aid = candidate.span.article_id
        if aid in covered:
            continue
        cosine = max((lexical_cosine(candidate.vector, v.vector) for v in marked if _aligned(candidate, v)), default=0.0)
        if cosine >= ECHO_COSINE and cosine > best.get(aid, (0.0, None))[0]:
            best[aid] = (cosine, candidate)
    return [replace(candidate, unmarked=True) for _, candidate in best.values()]


def _quote_id(story_id: str | None, variants: list[Rendering]) -> str:
    first = min((v.span.article_id, v.span.start) for v in variants)
    return "q-" + hashlib.sha256(f"{story_id}:{first[0]}:{first[1]}".encode()).hexdigest()[:16]


def story_quotes(story: Story, articles: dict[str, Article]) -> list[Quote]:
    """The story's quotations, one Quote per statement. An article whose language could not be told ("und": a
    headline is often too short) is read in the story's language, as the claims stage reads it."""
    members = [articles[aid] for aid in story.article_ids if aid in articles and articles[aid].duplicate_of is None]
    reading = reading_language(members)
    members = [replace(a, language=reading) if a.language == "und" else a for a in members]
    renderings = [r for article in members for r in article_renderings(article)]
    multilingual = len({a.language for a in members} - {"und"}) > 1
    sentences = _Sentences.of(members) if multilingual and renderings else None
    if sentences is not None:
        for rendering in renderings:
            rendering.embedding = sentences.vector(rendering)
        missing = [r for r in renderings if r.embedding is None]
        for rendering, vector in zip(missing, embed.encode([r.context for r in missing], embed.SENTENCE), strict=True):
            rendering.embedding = vector
    groups = [group for group in _group(renderings, sentences) if not all(r.fragment for r in group)]
    if sentences is not None and groups:
        _translated_sentences(groups, members, sentences)
    held = [v.span for group in groups for v in group]
    extra = [c for c in _sentence_renderings(members)
             if not any(h.article_id == c.span.article_id and h.start < c.span.end and c.span.start < h.end for h in held)]
    said_by = _descriptions(groups, articles)
    quotes = []
    for group in groups:
        if len(group) > 1:
            group += _echoes(group, extra)
        said = [(v.speaker, v.language) for v in group if v.speaker and v.named] or \
            [(v.speaker, v.language) for v in group if v.speaker]
        names = [name for name, _ in said]
        speaker = max(said, key=lambda s: (names.count(s[0]), s[1] == reading, len(s[0])))[0] if said else None
        fullest = max(group, key=lambda v: (not v.fragment, v.language == reading, not v.unmarked, v.direct,
                                            len(v.span.text)))
        described = said_by.get(id(group[0])) if speaker is None else None
        quotes.append(Quote(_quote_id(story.id, group), speaker, None, fullest.span.text,
                            [QuoteVariant(v.span, v.direct) for v in group], story.id, described))
    quotes.sort(key=lambda q: (-len(q.variants), q.id))
    return quotes


def _descriptions(groups: list[list[Rendering]], articles: dict[str, Article]) -> dict[int, Span]:
    """Who says each statement no variant names a speaker for, keyed by the id of its group's first rendering:
    the description of its first variant that has one (direct quotations first)."""
    unnamed = [group for group in groups if not any(v.speaker for v in group)]
    ordered = [sorted(group, key=lambda v: not v.direct) for group in unnamed]
    flat = [v for group in ordered for v in group]
    found = {id(flat[i]): span for i, span in describe.descriptions(flat, articles).items()}
    out = {}
    for group, variants in zip(unnamed, ordered, strict=True):
        span = next((found[id(v)] for v in variants if id(v) in found), None)
        if span is not None:
            out[id(group[0])] = span
    return out


def quotes_for(stories: list[Story], articles: list[Article]) -> list[Quote]:
    by_id = {a.id: a for a in articles}
    return [quote for story in stories for quote in story_quotes(story, by_id)]
