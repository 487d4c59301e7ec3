"""The embedded default store: one SQLite file, all SQL of storyweave in this module.

Writes go in batches, one transaction each, with ``INSERT ... ON CONFLICT DO NOTHING`` on the
content-hash id: a run killed at any point and started again stores every article exactly once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from ..errors import StoreError
from ..model import Article, Rejected, Removed
from .migrations import MIGRATIONS

_ARTICLE_COLUMNS = ("id", "source_path", "external_id", "url", "title", "title_source", "published", "language",
                    "outlet", "reposted_from", "authors", "text", "removed", "duplicate_of")

_INSERT_ARTICLE = (f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}, ingested_at) "
                   f"VALUES ({', '.join('?' * len(_ARTICLE_COLUMNS))}, ?) ON CONFLICT (id) DO NOTHING")


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class SQLiteStore:
    """Articles and rejected inputs in one SQLite file (``:memory:`` for tests)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL" if self.path != ":memory:" else "PRAGMA journal_mode=MEMORY")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def migrate(self) -> list[int]:
        """Apply the migrations this file has not seen; returns the versions applied."""
        self.db.execute("CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                        "applied_at TEXT NOT NULL)")
        done = {row[0] for row in self.db.execute("SELECT version FROM migrations")}
        applied = []
        for version, name, statements in MIGRATIONS:
            if version in done:
                continue
            with self.transaction():
                for statement in statements:
                    self.db.execute(statement)
                self.db.execute("INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                                (version, name, _now()))
            applied.append(version)
        return applied

    def schema_version(self) -> int:
        return self.db.execute("SELECT COALESCE(MAX(version), 0) FROM migrations").fetchone()[0]

    def transaction(self) -> _Transaction:
        return _Transaction(self.db)

    def add(self, records: Iterable[Article | Rejected]) -> tuple[int, int]:
        """Store one batch in one transaction; returns (articles added, rejections added)."""
        added = rejected = 0
        try:
            with self.transaction():
                for record in records:
                    if isinstance(record, Article):
                        added += self._insert_article(record)
                    else:
                        rejected += self._insert_rejected(record)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to store {self.path}: {exc}") from exc
        return added, rejected

    def _insert_article(self, article: Article) -> int:
        row = {column: getattr(article, column) for column in _ARTICLE_COLUMNS}
        row["authors"] = json.dumps(article.authors, ensure_ascii=False)
        row["removed"] = json.dumps([r.to_dict() for r in article.removed], ensure_ascii=False)
        cursor = self.db.execute(_INSERT_ARTICLE, [*row.values(), _now()])
        self.db.execute("DELETE FROM rejected WHERE source_path = ?", (article.source_path,))
        return cursor.rowcount

    def _insert_rejected(self, item: Rejected) -> int:
        cursor = self.db.execute(
            "INSERT INTO rejected (source_path, code, reason, seen_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (source_path, reason) DO NOTHING", (item.source_path, item.code, item.reason, _now()))
        return cursor.rowcount

    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def set_duplicates(self, pairs: Iterable[tuple[str, str | None]]) -> None:
        with self.transaction():
            self.db.executemany("UPDATE articles SET duplicate_of = ? WHERE id = ?",
                                [(original, copy) for copy, original in pairs])

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """Stored articles in ingest order (all, or those named)."""
        columns = ", ".join(_ARTICLE_COLUMNS)
        if ids is None:
            rows = self.db.execute(f"SELECT {columns} FROM articles ORDER BY seq").fetchall()
        else:
            wanted = list(dict.fromkeys(ids))
            rows = []
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                rows += self.db.execute(f"SELECT {columns} FROM articles WHERE id IN ({', '.join('?' * len(chunk))})",
                                        chunk).fetchall()
            order = {aid: i for i, aid in enumerate(wanted)}
            rows.sort(key=lambda r: order[r[0]])
        return [self._article(row) for row in rows]

    def iter_article_ids(self) -> Iterator[str]:
        for (aid,) in self.db.execute("SELECT id FROM articles ORDER BY seq"):
            yield aid

    def count_articles(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def rejected(self) -> list[Rejected]:
        rows = self.db.execute("SELECT source_path, reason, code FROM rejected ORDER BY seq").fetchall()
        return [Rejected(*row) for row in rows]

    @staticmethod
    def _article(row: tuple) -> Article:
        data = dict(zip(_ARTICLE_COLUMNS, row, strict=True))
        data["authors"] = json.loads(data["authors"])
        removed = [Removed(**r) for r in json.loads(data.pop("removed"))]
        article = Article(**data)
        article.removed = removed
        return article


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
