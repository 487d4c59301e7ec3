"""What the HTTP API and the web UI share: store access per thread, one writer, cached story reports."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from ..ingest import parse_records
from ..model import Article, Rejected, Report
from ..pipeline import Incremental, store_batch, story_report
from ..settings import Settings
from ..store import SQLiteStore

#: story reports kept, keyed by story id and its members (a story changes only when its members do)
CACHE_SIZE = 512


class Service:
    def __init__(self, db_path: str, settings: Settings | None = None) -> None:
        self.db_path = db_path
        self.settings = settings or Settings()
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._cache_lock = threading.Lock()
        self._cache: OrderedDict[tuple[str, tuple[str, ...]], dict[str, Any]] = OrderedDict()
        self._writer = SQLiteStore(db_path, shared=True)
        self._incremental: Incremental | None = None

    def store(self) -> SQLiteStore:
        """This thread's read connection (SQLite in WAL mode reads while the writer writes)."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = SQLiteStore(self.db_path)
        return store

    def add_articles(self, items: list[object]) -> tuple[list[Article], list[Rejected], int]:
        records = parse_records(items, "api", self.settings)
        with self._write_lock:
            if self._incremental is None:
                self._incremental = Incremental(self._writer)
            added = store_batch(records, self._writer, self._incremental)
            self._incremental.close()
        return ([r for r in records if isinstance(r, Article)], [r for r in records if isinstance(r, Rejected)],
                added)

    def story(self, sid: str) -> dict[str, Any] | None:
        """The story's part of the report contract, or None; merged ids are resolved by the caller."""
        store = self.store()
        key = (sid, tuple(store.members_of(sid)))
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        report: Report | None = story_report(store, sid)
        if report is None:
            return None
        data = report.to_dict()
        with self._cache_lock:
            self._cache[key] = data
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return data

    def close(self) -> None:
        self._writer.close()
