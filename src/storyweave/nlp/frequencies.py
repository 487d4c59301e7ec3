"""Word frequencies from wordfreq's bundled lists, loaded once per process and list."""

from __future__ import annotations

from functools import cache

import numpy as np


@cache
def zipf(language: str, wordlist: str = "best") -> dict[str, float]:
    """Word -> Zipf frequency (log10 per billion words); {} for a language wordfreq has no list for.
    "best" is the whole list (some 300,000 English words), "small" the commonest (some 30,000, a few MB)."""
    import wordfreq

    if language not in wordfreq.available_languages():
        return {}
    return {word: 9 + np.log10(freq) for word, freq in wordfreq.get_frequency_dict(language, wordlist).items()}
