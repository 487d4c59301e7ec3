"""Name keys shared by the KB and the resolver: one folded form for lookups, one phonetic skeleton for
spelling variants that machine translation and transliteration produce.

``fold`` maps every script to lower-case ASCII (anyascii), so Токаев, Tokaev and TOKAEV meet; the
``skeleton`` goes further and merges letters that transliteration tables swap (c/k/q, y/i/j, w/v, x/ks,
ph/f) and collapses doubled letters, so Tokayev, Tokaev, Tocaev and Toccyev come within an edit or two;
``similarity`` and ``edits`` also try ts/tz read as c, the way ц is written (Ryabtseva, Ryabceva).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from anyascii import anyascii
from cleanco import basename
from rapidfuzz.distance import Indel, Levenshtein
from rapidfuzz.process import cdist

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_APOSTROPHE = re.compile(r"(?<=\w)['’`](?=\w)")
_DOUBLE = re.compile(r"(.)\1+")
_INITIALISM = re.compile(r"(?:[^\W\d_]\.){1,5}[^\W\d_]\.?")
_SKELETON_SUBS = (("ph", "f"), ("ck", "k"), ("kh", "h"), ("x", "ks"), ("q", "k"), ("c", "k"), ("w", "v"),
                  ("j", "i"), ("y", "i"))
#: titles and roles written before a name; not part of it
TITLES = frozenset("""mr mrs ms miss dr prof sir president premier chancellor minister prime secretary general
governor senator deputy mayor king queen prince princess sheikh emir ambassador chairman chairwoman leader
former late acting vice foreign defence defense state spokesman spokeswoman spokesperson colonel gen lt
""".split())


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces; a name that is all initials ("U.S.", "U.K") is one
    word, as the KB writes it ("US", "UK")."""
    if _INITIALISM.fullmatch(text.strip()):
        text = text.replace(".", "")
    return _NON_ALNUM.sub(" ", _APOSTROPHE.sub("", anyascii(text).lower())).strip()


@lru_cache(maxsize=1 << 16)
def skeleton(text: str, tsc: bool = False) -> str:
    """A transliteration-tolerant key of a folded name (spaces kept); ``tsc`` reads ts/tz as c."""
    out = fold(text)
    if tsc:
        out = out.replace("ts", "c").replace("tz", "c")
    for old, new in _SKELETON_SUBS:
        out = out.replace(old, new)
    return _DOUBLE.sub(r"\1", out)


_VOICING = str.maketrans("dgbzvh", "tkpsfk")


def consonants(key: str) -> str:
    """The skeleton without vowels and voicing (d/t, g/k, b/p, z/s, v/f; Ukrainian h = Russian g), and with
    ch as sh (French and English write ш and ч differently): vowel swaps, dropped vowels and voicing are
    the commonest transliteration noise."""
    return "".join(ch for ch in key.replace("kh", "sh") if ch not in "aeiou").translate(_VOICING)


def _keys(a: str, b: str) -> list[tuple[str, str]]:
    keys = [(skeleton(a).replace(" ", ""), skeleton(b).replace(" ", ""))]
    la, lb = a.lower(), b.lower()
    if ("ts" in la or "tz" in la) != ("ts" in lb or "tz" in lb):
        keys.append((skeleton(a, True).replace(" ", ""), skeleton(b, True).replace(" ", "")))
    return keys


def similarity(a: str, b: str) -> float:
    """Spelling similarity of two names in [0, 1]: the mean of skeleton and consonant-skeleton ratios."""
    best = 0.0
    for sa, sb in _keys(a, b):
        if not sa or not sb:
            return 0.0
        if sa == sb:
            return 1.0
        best = max(best, (Indel.normalized_similarity(sa, sb)
                          + Indel.normalized_similarity(consonants(sa), consonants(sb))) / 2)
    return best


def _prepared(names: list[str], tsc: bool) -> tuple[list[str], list[str], np.ndarray]:
    keys = [skeleton(name, tsc).replace(" ", "") for name in names]
    has_ts = np.array([("ts" in name.lower() or "tz" in name.lower()) for name in names], dtype=bool)
    return keys, [consonants(key) for key in keys], has_ts


def _ratios(left: list[str], right: list[str]) -> np.ndarray:
    return cdist(left, right, scorer=Indel.normalized_similarity, dtype=np.float64)


def similarities(left: list[str], right: list[str]) -> np.ndarray:
    """``similarity`` of every pair of names, as a len(left) × len(right) matrix: rapidfuzz compares them all
    in C, where a story of thousands of names compared one pair at a time took minutes. The matrix is dense:
    callers with many names pass them some rows at a time."""
    if not left or not right:
        return np.zeros((len(left), len(right)), dtype=np.float64)
    (keys_l, cons_l, ts_l), (keys_r, cons_r, ts_r) = _prepared(left, False), _prepared(right, False)
    best = (_ratios(keys_l, keys_r) + _ratios(cons_l, cons_r)) / 2
    differ = ts_l[:, None] != ts_r[None, :]
    if differ.any():
        (tkeys_l, tcons_l, _), (tkeys_r, tcons_r, _) = _prepared(left, True), _prepared(right, True)
        best = np.where(differ, np.maximum(best, (_ratios(tkeys_l, tkeys_r) + _ratios(tcons_l, tcons_r)) / 2), best)
    empty = np.array([not key for key in keys_l])[:, None] | np.array([not key for key in keys_r])[None, :]
    best[empty] = 0.0
    return best


def edits(a: str, b: str) -> int:
    """Letters changed between two names' skeletons (spaces ignored): the ranking key among KB candidates,
    where a normalised similarity would let a prominent name one letter off beat an exact obscure one."""
    return min(Levenshtein.distance(sa, sb) for sa, sb in _keys(a, b))


def strip_title(text: str, titles: bool = True) -> str:
    """The name without leading titles and a trailing possessive: "President Tokayev's" -> "Tokayev"; with
    ``titles`` false only the possessive goes (a title word opens names of firms and places: "General Motors",
    "State Department", "Prince Edward Island")."""
    words = text.split()
    while titles and len(words) > 1 and fold(words[0]) in TITLES:
        words = words[1:]
    name = " ".join(words)
    return re.sub(r"[’']s?$", "", name).strip() or text


#: a name written as an acronym ("NBA", "U.S.", "COVID"): letters of other words, so it matches an alias
#: exactly or not at all, never as a misspelling of another name ("COVID" is not Kovind, "CBS" not "CBSS")
ACRONYM = re.compile(r"(?:[A-Z]\.?){2,5}")


def acronym(name: str) -> str:
    """Initials of the capitalised (or all) content words: Collective Security Treaty Organization -> CSTO."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in FUNCTION_WORDS]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


#: a single-word alias whose lower-case form is this common in English (Zipf) is a word, not a name
COMMON_WORD_ZIPF = 4.5
FUNCTION_WORDS = frozenset("of the and for on in to a an at by de la le du des".split())


def content_words(name: str) -> list[str]:
    return [w for w in fold(name).split() if w not in FUNCTION_WORDS]


def script(text: str) -> str:
    """Latin and Cyrillic names compare through their transliteration; other scripts (whose anyascii
    form is, say, the pinyin of Japanese kanji, or the consonants of a Hebrew name) only with themselves."""
    letters = [ch for ch in text if ch.isalpha()]
    if all(ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\u0400" <= ch <= "\u04ff" for ch in letters):
        return "latin"
    return "other"


def without_legal_form(name: str) -> str | None:
    """A firm's name without the legal form it ends in ("Qualys Inc." is Qualys, "Siemens AG" Siemens), by
    cleanco's list of legal forms worldwide; None when it ends in none or nothing else is left."""
    base = basename(name).strip(" ,")
    key = fold(base)
    return base if key and key != fold(name) and not set(key.split()) <= FUNCTION_WORDS else None
