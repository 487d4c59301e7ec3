"""Near-duplicate detection with MinHash/LSH over word shingles, plus exact content hashes.

A copy points at the earliest article of its group (published date, then ingest order). Thresholds
(see benchmarks/clustering.py, "copies"): calibrated on copies built from ECB+ dev articles with other
headlines, boilerplate, truncation and light edits, against all ECB+ pairs of one story as negatives.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..model import Article, Signature

NUM_PERM = 128
#: pinned so stored signatures stay comparable across datasketch releases
SCHEME = "affine32"
SHINGLE_WORDS = 5
#: CJK and other unspaced scripts are shingled by characters instead of words
SHINGLE_CHARS = 8
#: LSH recall point: candidates from here on are checked with the estimates below
LSH_THRESHOLD = 0.3
#: estimated Jaccard of shingle sets at or above which two articles are copies of each other
COPY_JACCARD = 0.6
#: share of the shorter article's shingles found in the longer one for a partial copy
COPY_CONTAINMENT = 0.75
#: articles with fewer shingles than this are too short to call copies by containment
MIN_SHINGLES = 20

_WORD = re.compile(r"\w+", re.UNICODE)
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def shingles(text: str) -> set[bytes]:
    text = _normalise(text)
    sample = text[:2000]
    if len(_UNSPACED.findall(sample)) > 0.3 * max(1, sum(ch.isalpha() for ch in sample)):
        compact = "".join(_WORD.findall(text))
        return {compact[i:i + SHINGLE_CHARS].encode() for i in range(max(1, len(compact) - SHINGLE_CHARS + 1))}
    words = _WORD.findall(text)
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(article: Article) -> Signature:
    items = shingles(article.text)
    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    mh.update_batch(list(items))
    content = hashlib.sha256(" ".join(_WORD.findall(_normalise(article.text))).encode()).hexdigest()
    return Signature(article.id, mh.hashvalues, len(items), content)


def overlaps(sig: Signature, others: list[Signature]) -> tuple[np.ndarray, np.ndarray]:
    """(estimated Jaccard, estimated containment of the smaller set in the larger) of ``sig`` with each of ``others``."""
    jaccard = (np.stack([o.hashvalues for o in others]) == sig.hashvalues).mean(axis=1)
    sizes = np.array([o.size for o in others], dtype=float)
    small = np.minimum(sizes, sig.size)
    intersection = jaccard * (sizes + sig.size) / (1 + jaccard)
    containment = np.where(small > 0, np.minimum(1.0, intersection / np.maximum(small, 1)), 0.0)
    same = np.array([o.content_hash == sig.content_hash for o in others])
    jaccard[same], containment[same] = 1.0, 1.0
    return jaccard, containment


def overlap(a: Signature, b: Signature) -> tuple[float, float]:
    """(estimated Jaccard, estimated containment) of two signatures."""
    jaccard, containment = overlaps(a, [b])
    return float(jaccard[0]), float(containment[0])


def is_copy(a: Signature, b: Signature, texts: tuple[str, str] | None = None) -> float | None:
    """When one is a copy of the other, the share of the shorter one's text found in the longer; else None.

    The MinHash estimate decides when the texts are not at hand; with ``texts``, an estimated copy is
    confirmed on the exact shingle sets (the estimate errs by ~0.05 at 128 permutations, enough to call two
    reports of one event that share a few sentences copies)."""
    jaccard, containment = overlap(a, b)
    if not _over(jaccard, containment, min(a.size, b.size)):
        return None
    if texts is None or a.content_hash == b.content_hash:
        return containment
    sa, sb = shingles(texts[0]), shingles(texts[1])
    common = len(sa & sb)
    jaccard, containment = common / max(1, len(sa | sb)), common / max(1, min(len(sa), len(sb)))
    return containment if _over(jaccard, containment, min(len(sa), len(sb))) else None


def _over(jaccard: float | np.ndarray, containment: float | np.ndarray,
          smaller: int | np.ndarray) -> bool | np.ndarray:
    return (jaccard >= COPY_JACCARD) | ((smaller >= MIN_SHINGLES) & (containment >= COPY_CONTAINMENT))


#: the LSH's bands and rows per band: datasketch's choice for LSH_THRESHOLD at NUM_PERM permutations
_BANDING = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
BANDS, ROWS = _BANDING.b, _BANDING.r
#: most articles one LSH bucket lists. A story syndicated thousands of times fills the buckets of the bands its
#: copies share, and a new copy then meets the first of them rather than every earlier one (benchmarks/syndication.py)
BUCKET_CAP = 100


class CopyIndex:
    """MinHash LSH over signatures, with capped buckets; add articles in order and each is checked against
    those added before. The banding is datasketch's (``MinHashLSH``'s b and r for the threshold); its index
    is not used since a bucket there grows with every copy of a group, and each query returns the group whole."""

    def __init__(self, signatures: Iterable[Signature] = ()) -> None:
        self.signatures: dict[str, Signature] = {}
        self.position: dict[str, int] = {}
        self.by_hash: dict[str, str] = {}
        #: a bucket holds one article's id, or a list of them (most buckets hold one, and a list costs 64 bytes more)
        self.buckets: list[dict[bytes, str | list[str]]] = [{} for _ in range(BANDS)]
        for sig in signatures:
            self.insert(sig)

    def insert(self, sig: Signature) -> None:
        if sig.article_id in self.signatures:
            return
        self.signatures[sig.article_id] = sig
        self.position[sig.article_id] = len(self.position)
        self.by_hash.setdefault(sig.content_hash, sig.article_id)
        for bucket, key in zip(self.buckets, _band_keys(sig), strict=True):
            members = bucket.get(key)
            if members is None:
                bucket[key] = sig.article_id
            elif isinstance(members, str):
                bucket[key] = [members, sig.article_id]
            elif len(members) < BUCKET_CAP:
                members.append(sig.article_id)

    def candidates(self, sig: Signature) -> list[str]:
        """Earlier articles the MinHash estimate calls copies of this one (or it of them), the largest
        estimated overlap first."""
        met = set()
        exact = self.by_hash.get(sig.content_hash)
        if exact is not None:
            met.add(exact)
        for bucket, key in zip(self.buckets, _band_keys(sig), strict=True):
            members = bucket.get(key, ())
            if isinstance(members, str):
                met.add(members)
            else:
                met.update(members)
        met.discard(sig.article_id)
        if not met:
            return []
        ids = sorted(met, key=self.position.__getitem__)
        known = [self.signatures[other] for other in ids]
        jaccard, containment = overlaps(sig, known)
        over = _over(jaccard, containment, np.minimum([k.size for k in known], sig.size))
        likeliest = np.lexsort((-jaccard, -containment))
        return [ids[i] for i in likeliest if over[i]]

    def matches(self, sig: Signature, texts: Mapping[str, str] | None = None) -> list[tuple[str, float]]:
        """Earlier articles this one copies or is copied by, with the overlap ratio; confirmed on the
        exact text where ``texts`` (by article id) holds both."""
        found = {}
        for other in self.candidates(sig):
            ratio = self.confirm(sig, other, texts)
            if ratio is not None:
                found[other] = ratio
        return sorted(found.items())

    def confirm(self, sig: Signature, other: str, texts: Mapping[str, str] | None = None) -> float | None:
        """``is_copy`` against an article in the index, on the exact texts where ``texts`` holds both."""
        pair = (texts[sig.article_id], texts[other]) if texts and sig.article_id in texts and other in texts else None
        return is_copy(sig, self.signatures[other], pair)

    def add(self, sig: Signature, texts: Mapping[str, str] | None = None) -> list[tuple[str, float]]:
        found = self.matches(sig, texts)
        self.insert(sig)
        return found


def _band_keys(sig: Signature) -> list[bytes]:
    values = sig.hashvalues[:BANDS * ROWS].astype(np.uint64).reshape(BANDS, ROWS)
    return [row.tobytes() for row in values]


def _order_key(article: Article, position: int) -> tuple[int, str, int]:
    return (0, article.published, position) if article.published else (1, "", position)


def mark_copies(articles: list[Article], known: CopyIndex | None = None,
                originals: dict[str, Article] | None = None,
                signatures: dict[str, Signature] | None = None) -> list[Article]:
    """Set ``duplicate_of`` (and ``copy_overlap``) on copies, pointing at the earliest of each group.

    Returns the articles whose ``duplicate_of`` changed (stored ones included, when a new article
    turns out to be an earlier original).

    ``known`` holds signatures of articles stored before; ``originals`` maps their ids to articles so
    an earlier stored article can be the original of a new one.

    A candidate already in the article's group is not confirmed again: however many copies of it the group
    holds, joining it once is enough, and a syndicated story's thousandth copy costs what its first did.
    """
    index = known or CopyIndex()
    everything = {**(originals or {}), **{a.id: a for a in articles}}
    order = {aid: i for i, aid in enumerate(everything)}
    parent = {aid: aid for aid in everything}
    for aid, article in everything.items():
        if article.duplicate_of in everything:
            parent[aid] = article.duplicate_of

    def root(aid: str) -> str:
        while parent[aid] != aid:
            parent[aid] = parent[parent[aid]]
            aid = parent[aid]
        return aid

    ratios: dict[str, float] = {}
    texts = {aid: a.text for aid, a in everything.items() if a.text}
    for article in articles:
        sig = (signatures or {}).get(article.id) or signature(article)
        for other in index.candidates(sig):
            if other not in everything or root(other) == root(article.id):
                continue
            ratio = index.confirm(sig, other, texts)
            if ratio is None:
                continue
            first, second = sorted((root(article.id), root(other)), key=lambda x: _order_key(everything[x], order[x]))
            parent[second] = first
            ratios[article.id] = max(ratios.get(article.id, 0.0), ratio)
        index.insert(sig)
    changed = []
    for aid, article in everything.items():
        top = root(aid)
        if top != aid and article.duplicate_of != top:
            article.duplicate_of = top
            article.copy_overlap = round(ratios.get(aid, article.copy_overlap or 1.0), 3)
            changed.append(article)
    return changed
