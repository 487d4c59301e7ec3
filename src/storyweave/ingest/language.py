"""Language of an article, offline, as ISO 639-1 or 'und' (py3langid, loaded once per process)."""

from __future__ import annotations

import re
from functools import cache

#: a window this long identifies a news article's language as well as the whole text (checked on
#: the WMT dev versions in tests/ingest/test_language.py) at a fraction of the cost
SAMPLE_CHARS = 600
_NON_LETTERS = re.compile(r"[\W\d_]+")

#: py3langid's label for "no language" and its codes that are not ISO 639-1
_NOT_A_LANGUAGE = {"zxx", "und"}
_TAG = re.compile(r"[A-Za-z]{2}(?:[-_][A-Za-z0-9]+)*")


def declared(value: str | None) -> str | None:
    """A language tag a source declares ("en-US", "ru_RU", "de") as ISO 639-1; None if it is no such tag."""
    value = (value or "").strip()
    return value[:2].lower() if _TAG.fullmatch(value) else None


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str, min_chars: int = 20, min_confidence: float = 0.5) -> str:
    """'und' when the text has too few letters or the model is unsure."""
    sample = text[:SAMPLE_CHARS]
    if len(_NON_LETTERS.sub("", sample)) < min_chars:
        return "und"
    code, confidence = _identifier().classify(sample)
    if code in _NOT_A_LANGUAGE or len(code) != 2 or confidence < min_confidence:
        return "und"
    return code
