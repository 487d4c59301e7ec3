"""Language of an article, offline, as ISO 639-1 or 'und' (py3langid, loaded once per process).

A headline or a feed's one-line item is too short for py3langid to be sure of ("Mt. Gox files for US
bankruptcy": English 0.25, Nigerian Pidgin 0.12). Such a text takes, of py3langid's likely candidates, the
language whose common words (wordfreq's small list) its words are, if they mostly are; else it stays 'und'.
"""

from __future__ import annotations

import re
from functools import cache

from ..nlp import frequencies
from ..nlp.segment import UNSPACED

#: a window this long identifies a news article's language as well as the whole text (checked on
#: the WMT dev versions in tests/ingest/test_language.py) at a fraction of the cost
SAMPLE_CHARS = 600
_NON_LETTERS = re.compile(r"[\W\d_]+")
_WORDS = re.compile(r"[^\W\d_]{2,}")
#: scripts written without spaces, whose "words" a word list cannot check (py3langid is sure of them anyway)
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
#: an unsure text's candidates: py3langid's top CANDIDATES languages of at least CANDIDATE_FLOOR probability;
#: the one whose list holds at least KNOWN_SHARE of the text's words (of MIN_WORDS or more), at the highest
#: mean frequency, is taken. Swept on the dev sets' short texts (session 21; right / und / wrong against the
#: labels, before -> after): UCI headlines 1,992 / 1,827 / 0 -> 3,482 / 329 / 8 (at a share of 0.9: 3,016 /
#: 798 / 5; at 0.75: 3,575 / 235 / 9), ECB+ titles 464 / 257 / 0 -> 650 / 67 / 4, WMT titles in ten languages
#: 576 / 104 / 8 -> 608 / 72 / 8. Taking the first candidate whose list knows the words, not the best-known one,
#: labelled 27-56 English headlines German (its list holds many English words).
CANDIDATES = 5
CANDIDATE_FLOOR = 0.05
KNOWN_SHARE = 0.8
MIN_WORDS = 3

#: py3langid's label for "no language" and its codes that are not ISO 639-1
_NOT_A_LANGUAGE = {"zxx", "und"}


def declared(value: str | None) -> str | None:
    """A language a source declares, by tag ("en-US", "ru_RU", "deu", the withdrawn "iw") or by name in any
    language ("English", "Deutsch", "Русский": langcodes' name data), as ISO 639-1; None for a tag of no
    language ("xx", "und", "x-klingon"), a name of none, or one without a two-letter code, which detection reads."""
    from langcodes import Language, LanguageTagError, find

    text = (value or "").strip()
    try:
        code = Language.get(text.replace("_", "-")).language
    except (LanguageTagError, ValueError):
        code = None
    if not _two_letter(code) and (len(text) > 3 or not text.isascii()):
        try:
            code = find(text).language
        except LookupError:
            return None
    return code if _two_letter(code) else None


def _two_letter(code: str | None) -> bool:
    from langcodes import Language

    return bool(code) and len(code) == 2 and Language.get(code).is_valid()


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str, min_chars: int = 20, min_confidence: float = 0.5) -> str:
    """'und' when the text has too few letters, or the model is unsure and no likely language's common words
    are the text's."""
    sample = text[:SAMPLE_CHARS]
    if len(_NON_LETTERS.sub("", sample)) < min_chars:
        return "und"
    code, confidence = _identifier().classify(sample)
    if code in _NOT_A_LANGUAGE or len(code) != 2 or confidence < min_confidence:
        return _by_words(sample)
    return code


def _by_words(sample: str) -> str:
    words = [w.casefold() for w in _WORDS.findall(sample)]
    if len(words) < MIN_WORDS or _UNSPACED.search(sample):
        return "und"
    ranked = [(code, p) for code, p in _identifier().rank(sample) if len(code) == 2 and p >= CANDIDATE_FLOOR]
    best: tuple[float, str] | None = None
    for code, _ in ranked[:CANDIDATES]:
        table = frequencies.zipf(code, "small")
        known = [table.get(w, 0.0) for w in words]
        if table and sum(z > 0 for z in known) >= KNOWN_SHARE * len(words):
            best = max(best or (0.0, "und"), (sum(known) / len(known), code))
    return best[1] if best else "und"


#: languages whose words wordfreq lists under another code (Serbo-Croatian as one list)
_WORDFREQ_NAMES = {"hr": "sh", "bs": "sh", "sr": "sh"}


#: known_share reads this much of a text: enough words to tell a charset, at a bounded cost per reading
#: (charset-normalizer may offer nine readings of a 2 MB file)
SHARE_CHARS = 100_000


def known_share(text: str) -> float:
    """The share of the text's words written with letters outside ASCII that are common words of the
    language it reads as (0 when it has none): how a legacy single-byte encoding is told from the ones that
    decode the same bytes as other letters ("café" from cp775's "cafķ", Czech "příští" from cp1252's "pøíští").
    Chinese and Japanese are read character by character ("の", "国": single characters are words of their
    lists), which tells Shift-JIS from GB18030 decoding the same bytes."""
    text = text[:SHARE_CHARS]
    words = [w.casefold() for w in _WORDS.findall(UNSPACED.sub(" ", text)) if not w.isascii()]
    words += UNSPACED.findall(text)
    if not words:
        return 0.0
    code = _identifier().classify(text[:SAMPLE_CHARS * 4])[0]
    table = frequencies.zipf(_WORDFREQ_NAMES.get(code, code), "small")
    return sum(w in table for w in words) / len(words)
