"""Claims: what each source asserts, grouped across a story's articles, with support and contradiction.

    1. every sentence of the story's original articles is an assertion, and of each copy the sentences it
       changed; the writer's own judgements (opinion.py) are kind "opinion", never counted as corroboration
    2. assertions of different articles that carry no conflicting numbers are one claim when they share
       their words (same language: story-weighted lexical cosine) or their meaning (sentence embeddings: in
       one language each the other's closest in the other article, sharing a word beyond names; across
       languages each the other's closest in the other language); each article
       supports a claim once, and two groups join only on the average of their pairs (average linkage);
       a claim is stated in the story's reading language where one of its renderings is in it, by a
       rendering that stands alone rather than one that leans on the sentence before (nlp/discourse.py)
    3. the same statement in another source contradicts it with another value (number, month, weekday),
       the opposite polarity (negated), or another actor (a person, from the entities stage); conflict.py
    4. independent_sources: supporting articles after collapsing copies, articles that declare the same
       original (reposted_from) or outlet, and translations of one text (most of their assertions pair)

Within one language the comparison is lexical. English rules for opinion.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Set
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import csr_matrix

from ..cluster.batch import source_key
from ..cluster.features import HASH_BITS, text_vector
from ..ingest.byline import glued_stamp
from ..model import Article, Claim, Entity, Span, Story
from ..nlp import embed, parallel, paraphrase
from ..nlp.discourse import leans_back
from ..nlp.marks import quoted
from ..nlp.reading import reading_language
from ..nlp.sentences import spans, words
from .conflict import Values, content_words, other_actor, overlap, plain_words, values
from .opinion import REPORTED, asserts, writers_opinion

#: an assertion's length in words (two characters of Chinese or Japanese count as one): shorter sentences
#: are captions, datelines and fragments ("It didn't work." is 3), longer ones run-ons of a bad splitter
MIN_WORDS, MAX_WORDS = 5, 80
#: the same assertion in two articles (story-weighted lexical cosine), set between two figures measured on
#: the seed corpus: the four renderings of Tokayev's 193-vs-500-600 remark score 0.58-0.89 pairwise;
#: random sentence pairs from different articles p95 0.12, p99 0.24
SAME_CLAIM_COSINE = 0.45
#: the same statement with one thing changed is a contradiction: another figure of one kind ("14 points",
#: "12 points") at this cosine and sharing this much of its words (conflict.overlap, Dice); another number
#: of no named kind or another date, negated or another actor (its people masked) sharing nearly every word, as sentences on one event name
#: other days for other moments of it. A cosine alone is no test of "the same statement": a short sentence
#: and another that share only the story's main name can reach 0.6
CONTRADICT_COSINE = 0.45
#: pairs below this cosine are not examined at all: far under the bars above, and two sentences that share
#: 85 % of their words score well over it
PAIR_FLOOR = 0.25
VALUE_OVERLAP = 0.6
SAME_SENTENCE_OVERLAP = 0.85
#: one assertion in two languages: the two sentences are each other's closest in the other language of the
#: story, at this multilingual-e5 cosine and this margin over their nearest neighbours (nlp.parallel).
#: `benchmarks/claims.py --calibrate` (WMT dev), sentences embedded as e5 queries (``embed.SENTENCE``):
#: translations link at precision 0.996-1.000 throughout, with recall 0.954 / 0.932 / 0.861 / 0.803 / 0.715 /
#: 0.372 at margin 1.00 / 1.02 / 1.03 / 1.035 / 1.04 / 1.06 (cosine 0.82; 0.80 the same), while of two
#: unrelated articles 13.8 / 4.8 / 1.6 / 1.0 / 0.5 / 0.1 % of assertions join. Independent coverage has no
#: partner for most sentences, and a wrong join counts a source that did not say it: 1.035, the rate of
#: wrong joins (1.0 %) that 1.04 gave when sentences were embedded as passages (recall 0.740 then)
CROSS_CLAIM_COSINE = 0.82
CLAIM_MARGIN = 1.035
#: one assertion in other words in two articles of one language (ECB+ dev, session 41,
#: `benchmarks/corroboration.py`): the two sentences are each other's closest in the other article at this
#: paraphrase cosine (nlp.paraphrase), with no conflicting values and a word in common beyond names. Judged by
#: ECB+'s event coreference (a pair is right where both sentences mention one annotated event), claims held
#: 4.8 % of the sentence pairs that report one event at precision 0.955 with lexical pairs alone; 5.7 % at 0.957
#: with these at 0.75 (0.80: 5.1 % at 0.957; 0.70: 7.0 % at 0.951; 0.65: 9.0 % at 0.945). That measure is
#: lenient (one event, not one statement), so the bar was set by reading pairs: at 0.80 and over nearly all say
#: one thing, at 0.75-0.80 about nine in ten, at 0.70-0.75 seven in ten, at 0.65-0.70 one in two
SAME_WORDING_COSINE = 0.75
#: two articles in two languages are one text translated when this share of the shorter one's assertions
#: (and at least TRANSLATION_MIN) pair with the other's; `benchmarks/claims.py`
TRANSLATION_SHARE = 0.5
TRANSLATION_MIN = 3


@dataclass
class _Assertion:
    span: Span
    article: Article
    language: str
    vector: tuple[np.ndarray, np.ndarray]
    values: Values
    opinion: bool
    words: frozenset[str] = frozenset()
    #: its words that are neither names nor stop words (conflict.plain_words), None where capitals tell no name
    plain: frozenset[str] | None = None
    #: entity ids of the actors (ACTOR_TYPES) named in it, of those named as possessors ("George Clooney's ex"),
    #: and its words with their names masked
    actors: frozenset[str] = frozenset()
    possessors: frozenset[str] = frozenset()
    masked: frozenset[str] = frozenset()
    group: _Group | None = field(default=None, repr=False)
    meaning: np.ndarray | None = field(default=None, repr=False)
    wording: np.ndarray | None = field(default=None, repr=False)


class _Group:
    """Assertions joined into one claim, with what average linkage needs kept as sums: the mean cosine over two
    groups' pairs is the dot product of their summed vectors over the number of pairs, so a join costs what the
    sums do, not the product of the groups' sizes (a story of a thousand edited copies joins groups of hundreds)."""

    def __init__(self, first: _Assertion) -> None:
        self.members = [first]
        self.articles = {first.article.id}
        self.words = {first.language: dict(zip(first.vector[0].tolist(), first.vector[1].tolist(), strict=True))}
        self.sizes = Counter({first.language: 1})
        self.meanings = {} if first.meaning is None else {first.language: first.meaning.astype(np.float64)}
        self.meant = Counter({first.language: 1} if first.meaning is not None else {})
        self.worded = {} if first.wording is None else {first.language: first.wording.astype(np.float64)}
        self.wordings = Counter({first.language: 1} if first.wording is not None else {})
        #: ids of the assertions that contradict a member: a claim never holds both sides of a contradiction
        self.opposed: set[int] = set()
        self.ids = {id(first)}
        first.group = self

    def apart(self, other: _Group) -> bool:
        """A member of one contradicts a member of the other (look-alikes chained them)."""
        return not self.opposed.isdisjoint(other.ids)

    def linked(self, other: _Group) -> bool:
        """Average linkage, per kind of pair: a chain of look-alikes is not one claim. Pairs of one language
        average their lexical cosine, or else their paraphrase cosine, pairs of two languages their embedding
        cosine; each must pass its bar."""
        lexical, alike, meaning = self.means(other)
        return ((lexical is None or lexical >= SAME_CLAIM_COSINE or (alike is not None and alike >= SAME_WORDING_COSINE))
                and (meaning is None or meaning >= CROSS_CLAIM_COSINE))

    def means(self, other: _Group) -> tuple[float | None, float | None, float | None]:
        """Mean lexical and mean paraphrase cosine over the two groups' pairs of one language, and mean embedding
        cosine over their pairs of two languages (None where there are no such pairs)."""
        shared = self.sizes.keys() & other.sizes.keys()
        lexical_pairs = sum(self.sizes[lang] * other.sizes[lang] for lang in shared)
        lexical = sum(_dot(self.words[lang], other.words[lang]) for lang in shared) / lexical_pairs \
            if lexical_pairs else None
        worded = self.wordings.keys() & other.wordings.keys()
        alike_pairs = sum(self.wordings[lang] * other.wordings[lang] for lang in worded)
        # paraphrase vectors stand in for words only where every pair of one language has them
        alike = sum(float(self.worded[lang] @ other.worded[lang]) for lang in worded) / alike_pairs \
            if alike_pairs and alike_pairs == lexical_pairs else None
        both = self.meant.keys() & other.meant.keys()
        meaning_pairs = self.meant.total() * other.meant.total() - sum(self.meant[lang] * other.meant[lang]
                                                                         for lang in both)
        if not meaning_pairs:
            return lexical, alike, None
        across = float(sum(self.meanings.values()) @ sum(other.meanings.values())) - sum(
            float(self.meanings[lang] @ other.meanings[lang]) for lang in both)
        return lexical, alike, across / meaning_pairs

    def absorb(self, other: _Group) -> None:
        self.members += other.members
        self.articles |= other.articles
        for lang, theirs in other.words.items():
            mine = self.words.setdefault(lang, {})
            if len(mine) < len(theirs):
                mine, theirs = theirs, mine
                self.words[lang] = mine
            for key, value in theirs.items():
                mine[key] = mine.get(key, 0.0) + value
        self.sizes += other.sizes
        for lang, vector in other.meanings.items():
            self.meanings[lang] = self.meanings[lang] + vector if lang in self.meanings else vector
        self.meant += other.meant
        for lang, vector in other.worded.items():
            self.worded[lang] = self.worded[lang] + vector if lang in self.worded else vector
        self.wordings += other.wordings
        self.opposed |= other.opposed
        self.ids |= other.ids
        for x in other.members:
            x.group = self


def _dot(a: dict[int, float], b: dict[int, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(value * b[key] for key, value in a.items() if key in b)


#: a name followed by a possessive names whose something is meant ("George Clooney's ex marries"), not who acts:
#: possessors are compared with possessors only ("Johnson's government" against "Smith's government")
_POSSESSOR = re.compile(r"['’]s?(?!\w)")
#: ... and a name that opens a sentence and ends at a dash or a colon labels what follows (a headline's topic,
#: "George Clooney - George Clooney's Ex Weds In Mexico"; or its speaker, whose words are reported speech)
_LABEL_END = re.compile(r"\s*(?:[-–—|]\s|:)")


def _assertions(article: Article, actors: list[tuple[int, int, str]], reading: str,
                skip: Set[str] = frozenset()) -> list[_Assertion]:
    """The article's sentences of assertion length that assert something (``asserts``), but for those in
    ``skip``; ``actors``: (start, end, entity id) of its mentions of actors. An article whose language was not
    determined is read in the story's."""
    language = reading if article.language == "und" else article.language
    found = []
    quotations = quoted(article.text, article.language or "und")
    actors = sorted(actors)
    starts = [s for s, _, _ in actors]
    for start, end in spans(article.text):
        start += glued_stamp(article.text[start:end])  # the dateline is the page's, not what the source asserts
        text = article.text[start:end]
        if text not in skip and MIN_WORDS <= words(text) <= MAX_WORDS and asserts(text, start, quotations):
            assertion = _Assertion(Span.of(article, start, end), article, language, text_vector(text, language),
                                   values(text, language), writers_opinion(text, start, end, quotations),
                                   content_words(text, language), plain_words(text, language))
            inside = [(s, e, eid) for s, e, eid in actors[bisect_left(starts, start):bisect_left(starts, end)]
                      if e <= end and not (not article.text[start:s].strip() and _LABEL_END.match(article.text, e))]
            if inside:
                owning = {eid for _, e, eid in inside if _POSSESSOR.match(article.text, e)}
                assertion.actors = frozenset(eid for _, e, eid in inside if not _POSSESSOR.match(article.text, e))
                assertion.possessors = frozenset(owning)
                masked, cursor = [], start
                for s, e, _ in inside:
                    if s >= cursor:
                        masked.append(article.text[cursor:s])
                        cursor = e
                masked.append(article.text[cursor:end])
                assertion.masked = content_words(" ".join(masked), language)
            found.append(assertion)
    return found


def _weight(assertions: list[_Assertion]) -> None:
    """Story-local rarity (smoothed, so a two-article story keeps its shared words): the story's own topic
    words weigh least, as they cannot tell one assertion from another."""
    df: dict[int, int] = {}
    for a in assertions:
        for key in a.vector[0].tolist():
            df[key] = df.get(key, 0) + 1
    n = len(assertions)
    for a in assertions:
        local = np.log((1 + n) / (1 + np.array([df[k] for k in a.vector[0].tolist()], dtype=np.float32))) + 1
        weights = a.vector[1] * local
        a.vector = (a.vector[0], weights / max(float(np.linalg.norm(weights)), 1e-12))


def _conflict(a: _Assertion, b: _Assertion) -> bool:
    return a.values.conflicts(b.values) or a.values.opposed(b.values)


def _contradicts(a: _Assertion, b: _Assertion, similarity: float) -> bool:
    """Two reports of one language that say the same with one thing changed (conflict.py). Another actor
    counts only outside reported speech: two people saying the same is agreement, not contradiction."""
    if a.opinion or b.opinion:
        return False
    shared = overlap(a.words, b.words)
    alike = a.values.counts_alike(b.values)
    if alike and similarity >= CONTRADICT_COSINE and shared >= VALUE_OVERLAP and a.values.figures_differ(b.values):
        return True
    if shared >= SAME_SENTENCE_OVERLAP and ((alike and a.values.numbers_differ(b.values)) or a.values.dates_differ(b.values)
                                            or a.values.denies(b.values) or b.values.denies(a.values)):
        return True
    return ((other_actor(a.actors, b.actors) or other_actor(a.possessors, b.possessors))
            and overlap(a.masked, b.masked) >= SAME_SENTENCE_OVERLAP
            and not REPORTED.search(a.span.text) and not REPORTED.search(b.span.text))


def _beyond_names(a: _Assertion, b: _Assertion) -> bool:
    """Two sentences of one language share a word besides names and stop words, or are the same sentence:
    the cosine of two short sentences that share only the story's main name reaches the bar (ECB+ dev, session
    39: of the 204 joined pairs sharing no such word, three in four read as two statements; of those sharing
    one, most as one)."""
    if a.plain is None or b.plain is None or not a.plain.isdisjoint(b.plain):
        return True
    return overlap(a.words, b.words) >= SAME_SENTENCE_OVERLAP


Pair = tuple[float, "_Assertion", "_Assertion"]


def _cosines_over(vectors: csr_matrix, floor: float, block: int = 1024) -> Iterator[tuple[int, int, float]]:
    """(i, j, cosine) of the rows' pairs i < j at ``floor`` or above, in row order."""
    for begin in range(0, vectors.shape[0], block):
        found = (vectors[begin:begin + block] @ vectors.T).tocoo()
        keep = (found.row + begin < found.col) & (found.data.astype(np.float64) >= floor)
        yield from zip((found.row[keep] + begin).tolist(), found.col[keep].tolist(), found.data[keep].tolist(),
                       strict=True)


def _same_language(assertions: list[_Assertion]) -> tuple[list[Pair], list[tuple[_Assertion, _Assertion]]]:
    """Pairs of one language that share their words, as (score, a, b), and contradictions. The cosines come
    from a sparse product, a block of rows at a time (a story of thousands of sentences shares some word
    in most pairs); only pairs at PAIR_FLOOR or above are examined."""
    pairs, contradictions = [], []
    rows = np.concatenate([np.full(len(a.vector[0]), i) for i, a in enumerate(assertions)])
    vectors = csr_matrix((np.concatenate([a.vector[1] for a in assertions]),
                          (rows, np.concatenate([a.vector[0] for a in assertions]))),
                         shape=(len(assertions), HASH_BITS))
    for i, j, similarity in _cosines_over(vectors, PAIR_FLOOR):
        a, b = assertions[i], assertions[j]
        if a.article.id == b.article.id or a.opinion != b.opinion or a.language != b.language:
            continue
        if _contradicts(a, b, similarity):
            contradictions.append((a, b))
        elif similarity >= SAME_CLAIM_COSINE and not _conflict(a, b) and _beyond_names(a, b):
            pairs.append((similarity / SAME_CLAIM_COSINE, a, b))
    return pairs, contradictions


def _across_languages(assertions: list[_Assertion]) -> list[Pair]:
    """Pairs of two languages that mean the same: each the other's closest in the other language, at
    CROSS_CLAIM_COSINE or above, with no conflicting numbers. Polarity is not compared: translations move
    a negation ("failed to" is "не удалось") where the cue lists cannot follow. Their opinion flags may differ, as the
    opinion rules read English only: a translation of the writer's judgement is one too. Embeds only
    stories of several languages."""
    by_language: dict[str, list[_Assertion]] = {}
    for a in assertions:
        by_language.setdefault(a.language, []).append(a)
    if len(by_language) < 2:
        return []
    vectors = embed.remembered([a.span.text for a in assertions])
    for a, vector in zip(assertions, vectors, strict=True):
        a.meaning = vector
    pairs = []
    languages = sorted(by_language)
    for i, left in enumerate(languages):
        for right in languages[i + 1:]:
            xs, ys = by_language[left], by_language[right]
            near = parallel.neighbourhood(np.vstack([a.meaning for a in xs + ys]), [left] * len(xs) + [right] * len(ys))
            for pair in parallel.align(np.vstack([x.meaning for x in xs]), np.vstack([y.meaning for y in ys]),
                                       near[:len(xs)], near[len(xs):], CLAIM_MARGIN, CROSS_CLAIM_COSINE):
                a, b = xs[pair.left], ys[pair.right]
                if not a.values.conflicts(b.values, units=False):
                    pairs.append((pair.cosine / CROSS_CLAIM_COSINE, a, b))
    return pairs


def _paraphrases(assertions: list[_Assertion]) -> None:
    """Each assertion's paraphrase vector (nlp.paraphrase), in the languages the model reads that two or more
    of the story's articles are written in: only there can two articles say one thing in other words."""
    articles: dict[str, set[str]] = {}
    for a in assertions:
        articles.setdefault(a.language, set()).add(a.article.id)
    wanted = [a for a in assertions if a.language in paraphrase.LANGUAGES and len(articles[a.language]) > 1]
    for a, vector in zip(wanted, paraphrase.remembered([a.span.text for a in wanted]), strict=True):
        a.wording = vector


#: cosines computed at once when pairing paraphrases (a block of rows against every sentence): 32 MB
BLOCK_CELLS = 8_000_000


def _in_other_words(assertions: list[_Assertion]) -> list[Pair]:
    """Pairs of one language that say the same in other words: each the other's closest sentence in the
    other's article, at SAME_WORDING_COSINE or above, of one kind (report or opinion), with no conflicting
    values and a word in common beyond names. Only cosines at the bar are kept, a block of rows at a time, so
    the closest of each article is found among them: a story of thousands of sentences needs no full matrix."""
    by_language: dict[str, list[_Assertion]] = {}
    for a in assertions:
        if a.wording is not None:
            by_language.setdefault(a.language, []).append(a)
    pairs = []
    for group in by_language.values():
        vectors = np.vstack([a.wording for a in group])
        owners = np.array([a.article.id for a in group])
        best: dict[tuple[int, str], tuple[float, int]] = {}
        block = max(1, BLOCK_CELLS // len(group))
        for begin in range(0, len(group), block):
            sims = vectors[begin:begin + block] @ vectors.T
            for i, j in zip(*np.nonzero(sims >= SAME_WORDING_COSINE), strict=True):
                row, cosine = begin + int(i), float(sims[i, j])
                key = (row, owners[j])
                if owners[row] != owners[j] and (key not in best or cosine > best[key][0]):
                    best[key] = (cosine, int(j))
        for (i, _), (cosine, j) in best.items():
            if i < j and best.get((j, owners[i]), (0.0, -1))[1] == i:
                a, b = group[i], group[j]
                if a.opinion == b.opinion and not _conflict(a, b) and _beyond_names(a, b):
                    pairs.append((cosine / SAME_WORDING_COSINE, a, b))
    return pairs


def independent_sources(articles: list[Article], same_text: dict[str, Article] | None = None) -> int:
    """Distinct sources among the articles: copies collapsed, and with ``same_text`` (article id -> the
    article standing for its text: a copy's original, one translation of a text) each text counted once."""
    same_text = same_text or {}
    return len({source_key(same_text.get(a.id, a)) for a in articles
                if a.duplicate_of is None or a.id in same_text})


def _edited(present: list[Article], assertions: list[_Assertion], actors: dict[str, list[tuple[int, int, str]]],
            reading: str) -> list[_Assertion]:
    """The sentences a copy changed: a repost that gives another figure than its original contradicts it, and
    one that adds a sentence asserts it. Sentences it repeats word for word are its original's already."""
    said: dict[str, set[str]] = {}
    for a in assertions:
        said.setdefault(a.article.id, set()).add(a.span.text)
    found = []
    for copy in present:
        if copy.duplicate_of is not None:
            known = said.get(copy.duplicate_of, set())
            found += _assertions(copy, actors.get(copy.id, []), reading, known)
    return found


def _translations(across: list[Pair], assertions: list[_Assertion]) -> dict[str, Article]:
    """Article id -> the article standing for its text, for articles that render one text in several
    languages: two articles are one text when at least TRANSLATION_SHARE of the shorter one's assertions
    (and TRANSLATION_MIN) pair with the other's across languages. A translated wire story is one source."""
    sizes = Counter(a.article.id for a in assertions)
    aligned = Counter(tuple(sorted((a.article.id, b.article.id))) for _, a, b in across)
    by_id = {a.article.id: a.article for a in assertions}
    root = {aid: aid for aid in sizes}

    def find(aid: str) -> str:
        while root[aid] != aid:
            root[aid] = root[root[aid]]
            aid = root[aid]
        return aid

    for (x, y), n in sorted(aligned.items()):
        if n >= TRANSLATION_MIN and n >= TRANSLATION_SHARE * min(sizes[x], sizes[y]):
            rx, ry = sorted((find(x), find(y)))
            root[ry] = rx
    return {aid: by_id[find(aid)] for aid in sizes if find(aid) != aid}


#: entity types that act: another one of these doing the same thing is another actor. People only: the
#: NER takes capitalised phrases for organisations ("the reigning National Player of the Year")
ACTOR_TYPES = frozenset({"PERSON"})


def _actors(entities: list[Entity]) -> dict[str, list[tuple[int, int, str]]]:
    """Article id -> (start, end, entity id) of each mention of an actor (ACTOR_TYPES)."""
    found: dict[str, list[tuple[int, int, str]]] = {}
    for entity in entities:
        if entity.type in ACTOR_TYPES:
            for mention in entity.mentions:
                found.setdefault(mention.article_id, []).append((mention.start, mention.end, entity.id))
    return found


def story_claims(story: Story, articles: dict[str, Article], entities: list[Entity] = ()) -> list[Claim]:
    """The story's claims; with its ``entities``, a sentence naming another actor for the same act
    contradicts."""
    return read_story(story, articles, entities)[0]


def read_story(story: Story, articles: dict[str, Article], entities: list[Entity] = ()) -> tuple[list[Claim], int]:
    """The story's claims, and how many sources its articles are: copies and translations of one text
    count once (the translations are known only here, once assertions pair across languages)."""
    present = [articles[aid] for aid in story.article_ids if aid in articles]
    members = [a for a in present if a.duplicate_of is None]
    actors = _actors(entities)
    reading = reading_language(members)
    assertions = [a for article in members for a in _assertions(article, actors.get(article.id, []), reading)]
    assertions += _edited(present, assertions, actors, reading)
    if not assertions:
        return [], independent_sources(present)
    _weight(assertions)
    pairs, contradictions = _same_language(assertions)
    _paraphrases(assertions)
    across = _across_languages(assertions)
    pairs += _in_other_words(assertions)
    for a in assertions:
        _Group(a)
    pairs += across
    same_text = _translations(across, assertions)
    for a in assertions:
        if a.article.duplicate_of is not None:
            original = articles.get(a.article.duplicate_of, a.article)
            same_text[a.article.id] = same_text.get(original.id, original)
    for a, b in contradictions:
        a.group.opposed.add(id(b))
        b.group.opposed.add(id(a))
    for _, a, b in sorted(pairs, key=lambda p: -p[0]):
        if a.group is b.group or not a.group.articles.isdisjoint(b.group.articles) or a.group.apart(b.group) \
                or not a.group.linked(b.group):
            continue
        a.group.absorb(b.group)
    groups = list({id(a.group): a.group.members for a in assertions}.values())
    opposite: dict[int, list[_Assertion]] = {}
    for a, b in contradictions:
        opposite.setdefault(id(a), []).append(b)
        opposite.setdefault(id(b), []).append(a)
    claims = []
    for group in groups:
        against = [y for x in group for y in opposite.get(id(x), ())]
        head = min(group, key=lambda x: (x.article.id, x.span.start))
        opinion = any(x.opinion for x in group)
        claim_id = "c-" + hashlib.sha256(f"{story.id}:{head.article.id}:{head.span.start}".encode()).hexdigest()[:16]
        # a disputed claim is stated by a rendering another source disputes, so that both sides show what differs
        disputed = [x for x in group if opposite.get(id(x))] or group
        claims.append(Claim(
            id=claim_id,
            text=max(disputed, key=lambda x: (x.language == reading, not leans_back(x.span.text, x.language),
                                              len(x.span.text))).span.text,
            kind="opinion" if opinion else "report",
            support=[x.span for x in group],
            contradict=list({(y.span.article_id, y.span.start): y.span for y in against}.values()),
            independent_sources=0 if opinion else independent_sources([x.article for x in group], same_text),
            story_id=story.id,
        ))
    claims.sort(key=lambda c: (c.kind != "report", -c.independent_sources, -len(c.contradict), c.id))
    return claims, independent_sources(present, same_text)


def claims_and_sources(stories: list[Story], articles: list[Article],
                       entities: list[Entity] = ()) -> tuple[list[Claim], dict[str, int]]:
    """Every story's claims, and story id -> its number of sources (``read_story``)."""
    by_id = {a.id: a for a in articles}
    by_story: dict[str | None, list[Entity]] = {}
    for entity in entities:
        by_story.setdefault(entity.story_id, []).append(entity)
    claims: list[Claim] = []
    sources: dict[str, int] = {}
    for story in stories:
        found, sources[story.id] = read_story(story, by_id, by_story.get(story.id, []))
        claims += found
    return claims, sources
