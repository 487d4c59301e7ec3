"""The offline knowledge base: exact and fuzzy alias lookups, and the dictionary of names to find in text.

The shipped file (``entities/data/kb.sqlite``, built by ``storyweave kb build`` from public data; see
``kb_build``) is opened on first use and held once per process. A user's own entities (CSV/JSONL, see
``kb_build.user_records``) are added on top with ``load(extra=...)`` without rebuilding.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from ..errors import InputError, ModelError
from ..nlp.embed import threads
from .kb_build import Record, derived_aliases, user_records
from .names import fold, script, similarity, skeleton

DEFAULT_PATH = Path(__file__).parent / "data" / "kb.sqlite"
#: fuzzy candidates start at this rapidfuzz ratio of skeletons (0-100) before the finer similarity
FUZZY_CUTOFF = 70
#: fuzzy lookups remembered (oldest dropped first), and names looked up together (64 x 77,000 scores: 20 MB)
FUZZY_CACHE = 50_000
FUZZY_BATCH = 64
_lock = threading.Lock()


@dataclass(frozen=True)
class KBEntity:
    qid: str
    name: str
    type: str
    country: str | None
    prior: float
    role: str | None
    #: the first-level subdivision a city lies in (a KB built before session 27 has none)
    region: str | None = None


@dataclass(frozen=True)
class Hit:
    entity: KBEntity
    alias: str
    kind: str
    score: float


class KB:
    def __init__(self, path: Path = DEFAULT_PATH, extra: tuple[Path, ...] = ()) -> None:
        self.path = path
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            regions = dict(db.execute("SELECT qid, region FROM region")) if "region" in tables else {}
            self.entities = {row[0]: KBEntity(*row, region=regions.get(row[0]))
                             for row in db.execute("SELECT * FROM entity")}
            rows = list(db.execute("SELECT key, qid, alias, kind FROM alias"))
            #: names written in Chinese or Japanese that no folded key finds (``kb_build``)
            self.surfaces = list(db.execute("SELECT alias, qid, kind FROM surface")) if "surface" in tables else []
            self.nationality: dict[str, set[str]] = {}
            for key, country in db.execute("SELECT key, country FROM demonym"):
                self.nationality.setdefault(key, set()).add(country)
            self.towns = frozenset(r[0] for r in db.execute("SELECT key FROM town")) if "town" in tables \
                else frozenset()
            #: "Mo." and "MO" -> Missouri's QID (a KB built with the ``kb`` extra)
            self.state_abbreviations: dict[str, str] = dict(db.execute(
                "SELECT text, qid FROM state_abbreviation")) if "state_abbreviation" in tables else {}
            db.close()
        except sqlite3.Error as exc:
            raise ModelError(f"cannot open knowledge base {path}: {exc}") from exc
        for file in extra:
            try:
                for record in user_records(file):
                    rows.extend(self._add_user(record))
            except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
                raise InputError(f"cannot read entity list {file}: {exc}") from exc
        self.by_key: dict[str, list[tuple[str, str, str]]] = {}
        self.by_compact: dict[str, set[str]] = {}
        for key, qid, alias, kind in rows:
            self.by_key.setdefault(key, []).append((qid, alias, kind))
            if " " in key and kind != "surname" and script(alias) == "latin":
                self.by_compact.setdefault(key.replace(" ", ""), set()).add(qid)
        self.by_surface: dict[str, list[tuple[str, str, str]]] = {}
        for alias, qid, kind in self.surfaces:
            self.by_surface.setdefault(alias, []).append((qid, alias, kind))
        self._skeletons: list[str] | None = None
        self._fuzzy_cache: dict[tuple[str, int], list[Hit]] = {}
        self._skeleton_keys: list[str] = []

    def _add_user(self, record: Record) -> list[tuple[str, str, str, str]]:
        derived_aliases(record)
        self.entities[record.qid] = KBEntity(record.qid, record.name, record.type, record.country, record.prior,
                                             record.role)
        return [(fold(alias), record.qid, alias, kind) for alias, kind in record.aliases if fold(alias)]

    def town(self, name: str) -> bool:
        """Whether ``name`` is the own name of some town of the world (a KB built with the ``kb`` extra):
        "Chino", a city in California and one in Japan, is no misspelled China."""
        return fold(name) in self.towns

    def exact(self, name: str) -> list[Hit]:
        """Entities with an alias of the same folded key, or a Chinese or Japanese name written just so."""
        found = self.by_key.get(fold(name), [])
        keyed = {qid for qid, _alias, _kind in found}
        found = found + [entry for entry in self.by_surface.get(name.strip(), ()) if entry[0] not in keyed]
        return [Hit(self.entities[qid], alias, kind, 1.0) for qid, alias, kind in found]

    def compact(self, name: str) -> list[KBEntity]:
        """Entities whose multi-word name, run together, is this name: "vladimirputin", "#VladimirPutin"."""
        return [self.entities[q] for q in sorted(self.by_compact.get(fold(name).replace(" ", ""), ()))]

    def fuzzy(self, name: str, limit: int = 25) -> list[Hit]:
        """Aliases spelled like ``name`` (transliteration-tolerant), best first; remembered per name, as
        the same names recur across a corpus's stories."""
        key = (name, limit)
        cached = self._fuzzy_cache.get(key)
        if cached is None:
            self.prefetch([name], limit)
            cached = self._fuzzy_cache[key]
        return cached

    def prefetch(self, names: list[str], limit: int = 25) -> None:
        """Look up many names at once: rapidfuzz prepares the 77,000 alias skeletons once per call, which
        is most of the cost of one lookup (1 ms a name in batches of 64 against 9 ms alone)."""
        todo = list(dict.fromkeys(n for n in names if (n, limit) not in self._fuzzy_cache))
        skeletons, keys = self._skeleton_index()
        for start in range(0, len(todo), FUZZY_BATCH):
            chunk = todo[start:start + FUZZY_BATCH]
            queries = [skeleton(n).replace(" ", "") for n in chunk]
            scores = process.cdist(queries, skeletons, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF,
                                   dtype=np.float32, workers=threads())
            for name, query, row in zip(chunk, queries, scores, strict=True):
                hits = []
                if len(query) >= 3:
                    found = np.flatnonzero(row)
                    for index in sorted(found.tolist(), key=lambda i: (-row[i], i))[:limit]:
                        for qid, alias, kind in self.by_key[keys[index]]:
                            hits.append(Hit(self.entities[qid], alias, kind, similarity(name, alias)))
                hits.sort(key=lambda h: -h.score)
                self._fuzzy_cache[(name, limit)] = hits
        while len(self._fuzzy_cache) > FUZZY_CACHE:
            self._fuzzy_cache.pop(next(iter(self._fuzzy_cache)))

    def _skeleton_index(self) -> tuple[list[str], list[str]]:
        with _lock:
            if self._skeletons is None:
                pairs = sorted({(skeleton(key).replace(" ", ""), key) for key in self.by_key})
                self._skeletons = [p[0] for p in pairs]
                self._skeleton_keys = [p[1] for p in pairs]
        return self._skeletons, self._skeleton_keys

    def dictionary(self) -> list[tuple[str, str, str]]:
        """(alias, qid, kind) for the dictionary matcher: every alias but bare surnames and ISO codes."""
        return [(alias, qid, kind) for entries in self.by_key.values() for qid, alias, kind in entries
                if kind not in ("surname", "code")] + [s for s in self.surfaces if s[2] not in ("surname", "code")]


@lru_cache(maxsize=4)
def load(path: Path = DEFAULT_PATH, extra: tuple[Path, ...] = ()) -> KB:
    """The KB, opened once per process (per path and extra files)."""
    return KB(path, extra)
