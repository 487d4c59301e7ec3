"""What the HTTP API and the web UI share: store access per thread, one writer, cached story reports.

Story reports are cached as finished JSON bytes and dropped when a write touches their story, so a read
of an unchanged story costs a dictionary lookup: under load, reads are what the API mostly serves. A write by
another process drops them all.
"""

from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from ..cluster.batch import make_story
from ..ingest import parse_records
from ..model import Article, Rejected, Report
from ..pipeline import Incremental, store_batch, story_report
from ..settings import Settings
from ..store import SQLiteStore

#: story reports kept (LRU); a write drops the reports of the stories it changed
CACHE_SIZE = 512
#: the story index file is saved after this many writes (and at shutdown); a stale file is rebuilt on load
SAVE_EVERY = 100
#: seconds between checks whether another process wrote to the store, which drops every cached report
OTHERS_CHECK_SECONDS = 1.0
#: SQLite's largest integer: a page offset past it is refused (it could only be empty), not an overflow
MAX_OFFSET = 2**63 - 1


class Service:
    def __init__(self, db_path: str, settings: Settings | None = None) -> None:
        self.db_path = db_path
        self.settings = settings or Settings()
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._cache_lock = threading.Lock()
        self._cache: OrderedDict[str, bytes] = OrderedDict()
        self._writer = SQLiteStore(db_path, shared=True)
        self._incremental: Incremental | None = None
        self._writes = 0
        self.redirects: dict[str, str] = {}
        self._others_version = self._writer.data_version()
        self._others_checked = time.monotonic()

    def store(self) -> SQLiteStore:
        """This thread's read connection (SQLite in WAL mode reads while the writer writes)."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = SQLiteStore(self.db_path)
        return store

    def add_articles(self, items: list[object]) -> tuple[list[Article], list[Rejected], int]:
        return self.add(lambda: parse_records(items, "api", self.settings))

    def add(self, parse: Callable[[], list[Article | Rejected]]) -> tuple[list[Article], list[Rejected], int]:
        """Store what ``parse`` reads: its articles checked for copies and assigned to stories."""
        with self._write_lock:
            # parsing inside the lock too: one thread doing Python work at a time leaves the GIL to the reads
            records = parse()
            if self._incremental is None:
                self._incremental = Incremental(self._writer)
            added, derived = store_batch(records, self._writer, self._incremental)
            self._writes += 1
            if self._writes % SAVE_EVERY == 0:
                self._incremental.close()
        if derived is not None:
            touched = set(derived.assignments.values()) | {s for pair in derived.merges for s in pair}
            with self._cache_lock:
                for source, target in derived.merges:
                    self.redirects[source] = target
                for sid in touched:
                    self._cache.pop(sid, None)
        return ([r for r in records if isinstance(r, Article)], [r for r in records if isinstance(r, Rejected)],
                added)

    def _drop_if_written_elsewhere(self) -> None:
        """Reports cached before another process wrote to the store (``storyweave ingest`` beside ``serve``)
        are dropped, at most OTHERS_CHECK_SECONDS later: which stories it touched is not known here. The
        writer's connection counts only other connections' commits, so this server's own writes drop nothing."""
        now = time.monotonic()
        if now - self._others_checked < OTHERS_CHECK_SECONDS or not self._write_lock.acquire(blocking=False):
            return
        try:
            version = self._writer.data_version()
        finally:
            self._write_lock.release()
        self._others_checked = now
        if version != self._others_version:
            self._others_version = version
            with self._cache_lock:
                self._cache.clear()

    def story_json(self, sid: str) -> bytes | None:
        """The story's part of the report contract as JSON bytes, or None; merged ids resolve first."""
        self._drop_if_written_elsewhere()
        with self._cache_lock:
            cached = self._cache.get(sid)
            if cached is not None:
                self._cache.move_to_end(sid)
                return cached
        report: Report | None = story_report(self.store(), sid, self.settings)
        if report is None:
            return None
        with self._write_lock:
            self._writer.save_entities(report.entities)
        data = json.dumps(report.to_dict(), ensure_ascii=False).encode("utf-8")
        with self._cache_lock:
            self._cache[sid] = data
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return data

    def is_cached(self, sid: str) -> bool:
        self._drop_if_written_elsewhere()
        return sid in self._cache

    def story_summary(self, sid: str, members: list[str]) -> dict[str, Any]:
        """What the story list shows: title from its first headline, counts and dates."""
        articles = self.store().articles(members)
        titled = next((a for a in articles if a.title and not a.title_source), articles[0] if articles else None)
        story = make_story(articles, {a.id: i for i, a in enumerate(articles)}, titled, sid)
        return {"id": story.id, "title": story.title, "article_count": len(story.article_ids),
                "source_count": story.source_count, "first_published": story.first_published,
                "last_published": story.last_published}

    def story(self, sid: str) -> dict[str, Any] | None:
        data = self.story_json(sid)
        return json.loads(data) if data is not None else None

    def resolve(self, sid: str) -> str:
        """The id a story is known by now; merges made by this server are known without a query."""
        if sid in self.redirects:
            while sid in self.redirects:
                sid = self.redirects[sid]
            return sid
        return self.store().redirect(sid)

    def close(self) -> None:
        with self._write_lock:
            if self._incremental is not None:
                self._incremental.close()
            self._writer.close()
