"""Words hyphened to a name that are no part of it.

Text rebuilt from tokens loses the spaces of a dash ("Jonathan Wright-director of wholesale products at
Interoute-told the BBC", "Zurana Horton-who …"); compounds ("New York-based") and titles ("Mayor-elect") hyphen
a lowercase word to a name as well. A romanised Korean given name writes its second syllable so too ("Kim
Jong-un", "Ban Ki-moon", "Moon Jae-in"), and keeps it.
"""

from __future__ import annotations

import re

from wordfreq import zipf_frequency

_HYPHENED_WORD = re.compile(r"(?<=[^\W\d_])-([^\W\d_]+)$")
#: hyphened words that are never a syllable of a name
_ENGLISH = frozenset({"a", "an", "the", "who", "which", "was", "is", "were", "are", "has", "had", "as", "and",
                      "his", "her", "their", "based", "born", "led", "backed", "owned", "run", "elect", "designate"})
#: a syllable of a romanised Korean name is at most this long, as is the syllable it follows
_SYLLABLE = 5
#: a longer word glued on is an English one this common (Zipf): "director" 5.2, "sent" 5.2, "caliber" 3.7
_COMMON = 4.0


def name_end(name: str) -> int:
    """Where ``name`` ends once a lowercase English word hyphened to it is taken off: ``len(name)`` when none is."""
    found = _HYPHENED_WORD.search(name)
    if found is None or not found.group(1).islower():
        return len(name)
    word, syllable = found.group(1), name[:found.start()].rsplit(" ", 1)[-1]
    if word in _ENGLISH or ((len(word) > _SYLLABLE or len(syllable) > _SYLLABLE)
                            and zipf_frequency(word, "en") >= _COMMON):
        return found.start()
    return len(name)
