"""Whether a given name is borne mostly by women or by men, so that "she" is not read as the last man named.

The table (``data/given_names.tsv.gz``) is derived from nomquamgender 0.1.4 (Van Buskirk et al., MIT
licence; name–gender counts from 31 sources in many countries): names seen at least ``MIN_COUNT`` times in
at least ``MIN_SOURCES`` sources whose share of women is at most ``CERTAINTY`` or at least 1 - ``CERTAINTY``.
Names in between (Jean, Kim, Andrea) are left out: they tell nothing. Rebuild it with

    python -m storyweave.nlp.given_names PATH/TO/nomquamgender/name_data.json

Cyrillic given names are read from the Russian dictionary instead (``morph.given_gender``).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from functools import cache
from pathlib import Path

from anyascii import anyascii

from .morph import given_gender

PATH = Path(__file__).parent / "data" / "given_names.tsv.gz"
MIN_COUNT = 20
MIN_SOURCES = 15
CERTAINTY = 0.05
FEMALE, MALE = "f", "m"
_KEY = re.compile(r"[a-z][a-z'-]*[a-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@cache
def _table() -> dict[str, str]:
    with gzip.open(PATH, "rt", encoding="utf-8") as lines:
        return dict(line.rstrip("\n").split("\t") for line in lines)


def gender(given: str) -> str | None:
    """FEMALE or MALE for a given name (accents folded: "Zoë", "Zoe"; Cyrillic by the dictionary, then
    transliterated), None when the name is unknown or borne by both."""
    if _CYRILLIC.match(given) and (found := given_gender(given)):
        return found
    key = anyascii(given).lower().strip()
    return _table().get(key) if _KEY.fullmatch(key) else None


def build(source: Path, out: Path = PATH) -> int:
    """Write the table from nomquamgender's ``name_data.json`` (name -> [sources, count, share of women, …])."""
    data = json.loads(source.read_text(encoding="utf-8"))
    rows = sorted((name, FEMALE if share >= 1 - CERTAINTY else MALE)
                  for name, (sources, count, share, *_) in data.items()
                  if _KEY.fullmatch(name) and count >= MIN_COUNT and sources >= MIN_SOURCES
                  and (share <= CERTAINTY or share >= 1 - CERTAINTY))
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out, "wb", mtime=0) as raw:
        raw.write("".join(f"{name}\t{mark}\n" for name, mark in rows).encode("utf-8"))
    return len(rows)


if __name__ == "__main__":  # pragma: no cover - a maintainer's rebuild
    print(build(Path(sys.argv[1])), "names")
