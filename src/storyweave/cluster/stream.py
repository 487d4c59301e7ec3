"""Streaming story assignment: each new article joins its best story or starts one, without re-clustering.

A story keeps, per language and length (short or full), the sum of its members' (adjusted) embeddings and
lexical vectors, so the score of a new article against a story is exactly the *average* similarity to its
members, as in the batch's average linkage (lexical sums are cut to their heaviest terms, the one
approximation). Candidate
stories come from a nearest-neighbour index over story centroids (index.py). An article joins the story
it scores best with; another story it also reaches merges in when the two stories' average linkage
passes the threshold too and the two are not two tight groups (cohesion.py). The older story keeps its
id; the merged one's redirects.

Articles of two events of one kind that arrive interleaved join one story before either event has
enough articles to tell them apart, so a story of 2 x COHESION_MIN articles or more is checked again each
time it has grown by SPLIT_GROWTH: its members are clustered as the batch does, and if they form two
groups or more, the group holding its first article keeps the id and each other group becomes a story.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain, count

import numpy as np

from ..model import Article
from ..nlp import paraphrase
from . import cohesion
from .batch import pair_similarity, story_id
from .cohesion import apart, groups, pairs_total, testable
from .features import (
    E5_FLOOR,
    LANGUAGE_PRIOR,
    Features,
    TimeAnchors,
    adjust,
    crosslingual_similarity,
    embed_weight,
    has_terms,
    is_full,
    lexical_cosine,
    time_anchors,
    time_terms,
)
from .index import CentroidIndex

#: the streaming merge distance, swept with `benchmarks/clustering.py --calibrate` on ECB+, UCI and WMT
#: dev, each averaged over five random arrival orders: mean BCubed F1 0.898 / 0.910 / 0.914 / 0.919 / 0.910 /
#: 0.884 at 0.7 / 0.725 / 0.75 / 0.775 / 0.8 / 0.825 (session 20, with the short-item weight; 0.891 / 0.906 /
#: 0.911 / 0.916 / 0.909 / 0.895 in session 19); near the batch's since stories merge only on their average
#: linkage.
STREAM_DISTANCE = 0.775
#: stories scored in full per article, taken from the nearest centroids
CANDIDATES = 20
#: stories of this many members keep their distinct dates between scores (~1 kB each; smaller ones are read as they are)
KEEP_DATES_FROM = 4
#: lexical terms a story keeps per language and length: cut to the heaviest this many when it holds twice as
#: many, which bounds memory per story. Against exact sums (session 24; file order / mean of three orders):
#: ECB+ 0.954 / 0.945 cut, 0.958 / 0.941 exact; UCI 0.884 / 0.878 and WMT 0.949 / 0.934 either way
STORY_TERMS = 300
#: a story is checked for two events again when it has grown by this factor since its last check
SPLIT_GROWTH = 1.25
#: stories larger than this are not checked: the check clusters all members (n x n similarities; 0.08 s at
#: 1,000 members, 0.56 s at 2,000, 2.5 s at 4,000 on the 2-core machine)
SPLIT_MAX = 2000


@dataclass
class LanguagePart:
    n: int = 0
    embedding: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    #: the members' lexical vectors summed, as a sparse vector (sorted keys, sums) that
    #: ``features.lexical_cosine`` reads: arrays (5-10 kB a story), not a dict, whose boxed ints and floats held
    #: 30-65 kB (STORY_TERMS to twice as many terms), most of a 100,000-article stream's memory
    keys: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    sums: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float64))
    #: the sum of the members' cross-language vectors (features.Features.crosslingual), and how many had one
    crossing: np.ndarray | None = None
    crossed: int = 0

    def add_terms(self, keys: np.ndarray, values: np.ndarray, trim: bool = True) -> None:
        """Add a sparse vector to the term sums; ``trim``: past twice STORY_TERMS terms, keep the STORY_TERMS
        heaviest."""
        found, at = np.unique(np.concatenate([self.keys, keys]), return_inverse=True)
        sums = np.bincount(at, weights=np.concatenate([self.sums, values]), minlength=len(found))
        if trim and len(found) > STORY_TERMS * 2:
            heaviest = np.sort(np.argsort(-sums, kind="stable")[:STORY_TERMS])
            found, sums = found[heaviest], sums[heaviest]
        self.keys, self.sums = found, sums

    def terms(self) -> tuple[np.ndarray, np.ndarray]:
        return self.keys, self.sums

    def add_crossing(self, vector: np.ndarray | None, n: int = 1) -> None:
        if vector is not None:
            self.crossing = vector.copy() if self.crossing is None else self.crossing + vector
            self.crossed += n

    @property
    def all_crossed(self) -> bool:
        return self.crossing is not None and self.crossed == self.n


def _embed_term(dot: float, pairs: int, language_a: str, language_b: str, crossing: float | None) -> float:
    """The embedding term summed over ``pairs`` pairs: e5's, or the cross-language vectors' (their dot sum
    ``crossing``, where every member on both sides has one) for two languages, as ``batch.pair_similarity``."""
    if crossing is not None and language_a != language_b:
        return pairs * float(crosslingual_similarity(dot / pairs, crossing / pairs))
    return (dot - E5_FLOOR * pairs) / (1 - E5_FLOOR)


@dataclass
class StoryState:
    id: str
    seq: int
    article_ids: list[str] = field(default_factory=list)
    #: sums per (language, short): the weight of a pair's embedding depends on both (features.embed_weight)
    parts: dict[tuple[str, bool], LanguagePart] = field(default_factory=dict)
    #: per member, aligned with article_ids: year and date ordinal, 0 where unknown
    years: list[int] = field(default_factory=list)
    days: list[int] = field(default_factory=list)
    #: sum of the similarities of its pairs of members (so its cohesion is known; None until computed for
    #: a story restored from the store), and its full articles
    pair_sum: float | None = 0.0
    full: int = 0
    #: members when it was last checked for two events
    checked_at: int = 0
    #: the members' distinct anchors and their counts, kept until the story changes (every score reads them)
    _grouped: tuple[TimeAnchors, np.ndarray] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def n(self) -> int:
        return len(self.article_ids)

    def comparable(self) -> bool:
        """False for a story of items with no terms (``features.has_terms``): no article is compared with it."""
        return any(len(part.keys) for part in self.parts.values())

    def centroid(self) -> np.ndarray:
        total = sum(p.embedding for p in self.parts.values())
        return total / max(float(np.linalg.norm(total)), 1e-12)

    def add(self, feats: Features, adjusted: np.ndarray, score: float = 0.0, crossing: np.ndarray | None = None) -> None:
        """Add a member whose average similarity to the current members is ``score``; ``crossing``: its
        cross-language vector with its language's offset removed."""
        if self.pair_sum is not None:
            self.pair_sum += score * self.n
        self.full += is_full(feats)
        self.article_ids.append(feats.article_id)
        part = self.parts.setdefault((feats.language, not is_full(feats)), LanguagePart(0, np.zeros_like(adjusted)))
        part.n += 1
        part.embedding = part.embedding + adjusted
        part.add_crossing(crossing)
        part.add_terms(*feats.lexical)
        self.years.append(feats.year or 0)
        self.days.append(feats.day.toordinal() if feats.day is not None else 0)
        self._grouped = None

    def absorb(self, other: StoryState, link: float) -> None:
        """Take in another story whose average linkage with this one is ``link``."""
        self.pair_sum = (None if self.pair_sum is None or other.pair_sum is None
                         else self.pair_sum + other.pair_sum + link * self.n * other.n)
        self.full += other.full
        self.article_ids.extend(other.article_ids)
        for kind, theirs in other.parts.items():
            mine = self.parts.setdefault(kind, LanguagePart(0, np.zeros_like(theirs.embedding)))
            mine.n += theirs.n
            mine.embedding = mine.embedding + theirs.embedding
            mine.add_crossing(theirs.crossing, theirs.crossed)
            mine.add_terms(theirs.keys, theirs.sums, trim=False)
        self.years += other.years
        self.days += other.days
        self._grouped = None

    def score(self, feats: Features, adjusted: np.ndarray, crossing: np.ndarray | None = None,
              time_total: float | None = None) -> float:
        """Average similarity of an article to this story's members; ``time_total``: the time term summed over
        them, where ``time_totals`` gave it for many stories at once."""
        total = 0.0
        short = not is_full(feats)
        for (language, part_short), part in self.parts.items():
            w = embed_weight(feats.language, language, short, part_short)
            crossed = (float(crossing @ part.crossing)
                       if crossing is not None and language != feats.language and part.all_crossed else None)
            embed_term = _embed_term(float(adjusted @ part.embedding), part.n, feats.language, language, crossed) / part.n
            lex_term = lexical_cosine(part.terms(), feats.lexical) / part.n
            total += part.n * (w * embed_term + (1 - w) * lex_term)
        if time_total is None:
            time_total = float(time_totals(feats, [self])[0])
        return (total + time_total) / self.n

    def linkage(self, other: StoryState) -> float:
        """Average similarity over all pairs of members of two stories (the batch's average linkage)."""
        total = 0.0
        for (language, short), mine in self.parts.items():
            for (theirs_language, theirs_short), theirs in other.parts.items():
                w = embed_weight(language, theirs_language, short, theirs_short)
                pairs = mine.n * theirs.n
                crossed = (float(mine.crossing @ theirs.crossing)
                           if language != theirs_language and mine.all_crossed and theirs.all_crossed else None)
                embed_sum = _embed_term(float(mine.embedding @ theirs.embedding), pairs, language, theirs_language,
                                        crossed)
                lex_sum = lexical_cosine(mine.terms(), theirs.terms())
                total += w * embed_sum + (1 - w) * lex_sum
        return (total + _grouped_sum(self.grouped(), other.grouped())) / (self.n * other.n)

    def anchors(self) -> TimeAnchors:
        return np.array(self.years), np.array(self.days)

    def grouped(self) -> tuple[TimeAnchors, np.ndarray]:
        """The members' anchors, as distinct anchors and their counts (a small story's as they are)."""
        if self.n < KEEP_DATES_FROM:
            return self.anchors(), np.ones(self.n)
        if self._grouped is None:
            self._grouped = _distinct(self.anchors())
        return self._grouped


def time_totals(feats: Features, states: list[StoryState]) -> np.ndarray:
    """The time term of one article summed over each story's members: one ``time_terms`` row over all the
    stories' anchors, cut at their bounds."""
    if not states:
        return np.zeros(0)
    grouped = [state.grouped() for state in states]
    anchors = (np.concatenate([g[0][0] for g in grouped]), np.concatenate([g[0][1] for g in grouped]))
    row = time_terms(time_anchors([feats]), anchors)[0] * np.concatenate([g[1] for g in grouped])
    return np.add.reduceat(row, np.cumsum([0] + [len(g[1]) for g in grouped[:-1]]))


def _grouped_sum(a: tuple[TimeAnchors, np.ndarray], b: tuple[TimeAnchors, np.ndarray]) -> float:
    """Sum of the batch's time term over all pairs of members of a x b, each side given as its distinct
    anchors and their counts (``_distinct``), so two large stories cost their distinct dates, not n x m."""
    (anchors_a, na), (anchors_b, nb) = a, b
    return float(na @ time_terms(anchors_a, anchors_b) @ nb)


def _distinct(anchors: TimeAnchors) -> tuple[TimeAnchors, np.ndarray]:
    """Distinct (year, day ordinal) anchors and how many members have each."""
    counts = Counter(zip(np.asarray(anchors[0]).tolist(), np.asarray(anchors[1]).tolist(), strict=True))
    keys = list(counts)
    return ((np.array([k[0] for k in keys], dtype=np.int64), np.array([k[1] for k in keys], dtype=np.int64)),
            np.array([counts[k] for k in keys], dtype=float))


class LanguageStats:
    """Running per-language embedding sums, for the language offset (features.language_offsets)."""

    def __init__(self) -> None:
        self.n: Counter[str] = Counter()
        self.sums: dict[str, np.ndarray] = {}

    def add(self, language: str, embedding: np.ndarray) -> None:
        self.n[language] += 1
        self.sums[language] = self.sums.get(language, np.zeros_like(embedding)) + embedding

    def usual(self) -> str:
        """The language most articles so far were in ("und" if none was told)."""
        known = [(n, language) for language, n in self.n.items() if language != "und"]
        return max(known)[1] if known else "und"

    def offset(self, language: str) -> np.ndarray | None:
        total = sum(self.n.values())
        if not total or language not in self.sums:
            return None
        overall = sum(self.sums.values()) / total
        n = self.n[language]
        return (n / (n + LANGUAGE_PRIOR)) * (self.sums[language] / n - overall)


class StoryStream:
    """Assigns articles to stories one at a time; state can be saved to and loaded from the store."""

    def __init__(self, distance: float = STREAM_DISTANCE, index: CentroidIndex | None = None,
                 features_of: Callable[[list[str]], list[Features]] | None = None) -> None:
        """``features_of`` gives stored articles' features by id (for the check for two events); without
        it only the articles of the current ``assign`` call can be read, and older stories are not checked."""
        self.threshold = 1.0 - distance
        self.stories: dict[str, StoryState] = {}
        self.redirects: dict[str, str] = {}
        self.of_article: dict[str, str] = {}
        self.languages = LanguageStats()
        #: the same for the cross-language vectors, over the articles that have one
        self.crossing_languages = LanguageStats()
        self.index = index if index is not None else CentroidIndex()
        self._seq = 0
        self.merges: list[tuple[str, str]] = []
        self.splits: list[tuple[str, str]] = []
        self.features_of = features_of
        self._recent: dict[str, Features] = {}

    def resolve(self, sid: str) -> str:
        while sid in self.redirects:
            sid = self.redirects[sid]
        return sid

    def adjusted(self, feats: Features) -> np.ndarray:
        return adjust(feats.embedding, self.languages.offset(feats.language)).astype(np.float32)

    def crossing(self, feats: Features) -> np.ndarray | None:
        """The article's cross-language vector with its language's offset removed (None if it has none)."""
        if feats.crosslingual is None:
            return None
        return adjust(feats.crosslingual, self.crossing_languages.offset(feats.language)).astype(np.float32)

    def _count(self, feats: Features) -> None:
        self.languages.add(feats.language, feats.embedding)
        if feats.crosslingual is not None:
            self.crossing_languages.add(feats.language, feats.crosslingual)

    def add(self, feats: Features) -> str:
        """Assign one article; returns its story id. An article near two stories is no evidence that
        they are one, so they merge only on their own average linkage, as in the batch."""
        self._count(feats)
        adjusted, crossing = self.adjusted(feats), self.crossing(feats)
        searched = has_terms(feats)
        found = {self.resolve(sid) for sid in self.index.nearest(adjusted, CANDIDATES)} if searched else set()
        candidates = [self.stories[sid] for sid in sorted(found) if sid in self.stories]
        scored = sorted(((state.score(feats, adjusted, crossing, time), -state.seq, state.id)
                         for state, time in zip(candidates, time_totals(feats, candidates).tolist(), strict=True)),
                        reverse=True)
        joined = [(sid, score) for score, _, sid in scored if score >= self.threshold]
        if joined:
            state, score = self.stories[joined[0][0]], joined[0][1]
        else:
            sid, score = story_id(feats.article_id), 0.0
            state = self.stories.setdefault(sid, StoryState(sid, self._seq))
            self._seq += 1
        state.add(feats, adjusted, score, crossing)
        self.of_article[feats.article_id] = state.id
        for sid, _ in joined[1:]:
            other = self.stories[sid]
            link = state.linkage(other)
            if link >= self.threshold and not self._apart(link, state, other, feats):
                state = self._merge(other, state, link)
        if searched:
            self.index.put(state.id, state.centroid())
        if 2 * cohesion.COHESION_MIN <= state.n <= SPLIT_MAX and state.n >= SPLIT_GROWTH * state.checked_at:
            self._check(state, feats)
        return self.of_article[feats.article_id]

    def _apart(self, link: float, a: StoryState, b: StoryState, current: Features) -> bool:
        """``cohesion.apart`` for two stories; a restored story's pair sum is computed when first needed
        (unknown when its members' features cannot be read or it has over SPLIT_MAX: then the threshold
        alone decides)."""
        if not testable(a.n, a.full, b.n, b.full):
            return False
        summaries = []
        for state in (a, b):
            if state.pair_sum is None:
                members = self._features(state.article_ids, current) if state.n <= SPLIT_MAX else None
                if members is None:
                    return False
                state.pair_sum = pairs_total(self._similarity(members))
            summaries.append((state.n, state.pair_sum, state.full))
        return apart(link, *summaries)

    def _check(self, state: StoryState, current: Features) -> None:
        """Split a story whose members form two events or more (the batch's clustering over them)."""
        state.checked_at = state.n
        members = self._features(state.article_ids, current)
        if members is None:
            return
        sim = self._similarity(members)
        state.pair_sum = pairs_total(sim)
        labels = groups(sim, [is_full(f) for f in members], math.inf)
        if max(labels) == 0:
            return
        self.index.remove(state.id)
        del self.stories[state.id]
        for label in range(max(labels) + 1):
            rows = [i for i, value in enumerate(labels) if value == label]
            if label == 0:
                part = StoryState(state.id, state.seq)
            else:
                part = StoryState(self._free_id([members[i].article_id for i in rows]), self._seq)
                self._seq += 1
                self.splits.append((state.id, part.id))
            for i in rows:
                part.add(members[i], self.adjusted(members[i]), crossing=self.crossing(members[i]))
                self.of_article[members[i].article_id] = part.id
            part.pair_sum = pairs_total(sim[np.ix_(rows, rows)])
            part.checked_at = part.n
            self.stories[part.id] = part
            self.index.put(part.id, part.centroid())

    def _similarity(self, members: list[Features]) -> np.ndarray:
        crossing = np.vstack([c if (c := self.crossing(f)) is not None else np.zeros(paraphrase.DIM, np.float32)
                              for f in members])
        return pair_similarity(members, np.vstack([self.adjusted(f) for f in members]), crossing)

    def _free_id(self, article_ids: list[str]) -> str:
        """A new story's id: named after its first article whose name is not taken (by a story or a redirect)."""
        candidates = chain(article_ids, (f"{article_ids[0]}#{k}" for k in count(1)))
        return next(sid for sid in map(story_id, candidates) if sid not in self.stories and sid not in self.redirects)

    def _features(self, article_ids: list[str], current: Features) -> list[Features] | None:
        """Members' features: the article being added, this ``assign`` call's, then the stored ones."""
        found = {aid: self._recent[aid] for aid in article_ids if aid in self._recent}
        found[current.article_id] = current
        missing = [aid for aid in article_ids if aid not in found]
        if missing and self.features_of is not None:
            found.update((f.article_id, f) for f in self.features_of(missing))
        return [found[aid] for aid in article_ids] if all(aid in found for aid in article_ids) else None

    def _merge(self, a: StoryState, b: StoryState, link: float) -> StoryState:
        """One story of two; the older keeps its id and the younger's redirects to it."""
        into, other = (a, b) if a.seq < b.seq else (b, a)
        self.stories.pop(other.id)
        into.absorb(other, link)
        for aid in other.article_ids:
            self.of_article[aid] = into.id
        self.redirects[other.id] = into.id
        self.merges.append((other.id, into.id))
        self.index.remove(other.id)
        return into

    def restore(self, feats: Features, sid: str, seq: int) -> None:
        """Rebuild state from the store: the article was assigned to ``sid`` before."""
        self._count(feats)
        state = self.stories.get(sid)
        if state is None:
            state = self.stories[sid] = StoryState(sid, seq)
            self._seq = max(self._seq, seq + 1)
        state.add(feats, self.adjusted(feats), crossing=self.crossing(feats))
        state.pair_sum = None
        self.of_article[feats.article_id] = sid

    def finish_restore(self) -> None:
        for state in self.stories.values():
            state.checked_at = state.n
        self.index.rebuild({sid: s.centroid() for sid, s in self.stories.items() if s.comparable()},
                           len(self.of_article))


def assign(stream: StoryStream, articles: list[Article], features: list[Features]) -> list[str]:
    """Assign in published-time order (input order for undated articles, after the dated ones of a batch)."""
    order = sorted(range(len(articles)), key=lambda i: (articles[i].published is None, articles[i].published or "", i))
    stream._recent = {f.article_id: f for f in features}
    try:
        for i in order:
            stream.add(features[i])
    finally:
        stream._recent = {}
    return [stream.resolve(stream.of_article[f.article_id]) for f in features]
