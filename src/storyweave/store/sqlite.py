"""The embedded default store: one SQLite file, all SQL of storyweave in this module.

Writes go in batches, one transaction each, with ``INSERT ... ON CONFLICT DO NOTHING`` on the
content-hash id: a run killed at any point and started again stores every article exactly once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np

try:
    import fcntl
except ImportError:  # Windows: one writer at a time is the user's to keep
    fcntl = None

from ..errors import StoreError
from ..model import Article, Entity, Features, Rejected, Removed, Signature
from . import fts
from .migrations import MIGRATIONS
from .snippet import FTS_SNIPPET_CHARS, HEAD_CHARS, snippet

_ARTICLE_COLUMNS = ("id", "source_path", "external_id", "url", "title", "title_source", "published", "language",
                    "outlet", "reposted_from", "authors", "text", "removed", "duplicate_of", "copy_overlap")

_INSERT_ARTICLE = (f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}, ingested_at) "
                   f"VALUES ({', '.join('?' * len(_ARTICLE_COLUMNS))}, ?) ON CONFLICT (id) DO NOTHING")


#: a searched name is widened to the spellings of this many entities at most, and this many spellings
SPELLING_ENTITIES, MAX_SPELLINGS = 20, 30
#: ids per ``IN (...)`` query, under SQLite's limit on bound variables
_CHUNK = 500
_FEATURE_COLUMNS = "f.article_id, f.language, f.embedding, f.lex_keys, f.lex_vals, f.year, f.day, f.crosslingual"


def _features(row: tuple) -> Features:
    aid, language, emb, keys, vals, year, day, crossing = row
    return Features(aid, language, np.frombuffer(emb, dtype=np.float32).copy(),
                    (np.frombuffer(keys, dtype=np.int64).copy(), np.frombuffer(vals, dtype=np.float32).copy()),
                    year, date.fromisoformat(day) if day else None,
                    np.frombuffer(crossing, dtype=np.float32).copy() if crossing is not None else None)


def _write_features(db: sqlite3.Connection, features: list[Features]) -> None:
    db.executemany("INSERT OR REPLACE INTO article_features (article_id, language, embedding, lex_keys, lex_vals, "
                   "year, day, crosslingual) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   [(f.article_id, f.language, np.asarray(f.embedding, np.float32).tobytes(),
                     f.lexical[0].astype(np.int64).tobytes(), f.lexical[1].astype(np.float32).tobytes(),
                     f.year, f.day.isoformat() if f.day else None,
                     np.asarray(f.crosslingual, np.float32).tobytes() if f.crosslingual is not None else None)
                    for f in features])


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class SQLiteStore:
    """Articles and rejected inputs in one SQLite file (``:memory:`` for tests)."""

    def __init__(self, path: str | Path, shared: bool = False) -> None:
        """``shared``: the connection may be used from several threads (the caller serialises writes)."""
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30, check_same_thread=not shared)
            self.db.create_function("storyweave_indexed", 1, fts.indexed, deterministic=True)
            self.db.create_function("storyweave_unspaced", 1, lambda text: fts.UNSPACED.search(text or "") is not None,
                                    deterministic=True)
            self.db.execute("PRAGMA journal_mode=WAL" if self.path != ":memory:" else "PRAGMA journal_mode=MEMORY")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        except OSError as exc:
            parent = Path(self.path).parent
            why = f"{parent} is a file, not a folder" if parent.is_file() else f"{exc.strerror}: {exc.filename}"
            raise StoreError(f"cannot open store {self.path}: {why}") from exc

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

    def data_version(self) -> int:
        """SQLite's count of commits by other connections to this file, as this connection has seen them."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    @contextmanager
    def writer_lock(self) -> Iterator[None]:
        """One writer at a time across processes, for as long as a batch takes to derive and store (an advisory
        lock on STORE.lock; SQLite's own lock would time out while a batch is embedded). Waits its turn."""
        if self.path == ":memory:" or fcntl is None:
            yield
            return
        with open(self.path + ".lock", "a+b") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def transaction(self) -> _Transaction:
        return _Transaction(self.db)

    def add(self, records: Iterable[Article | Rejected], derived: Derived | None = None) -> tuple[int, int]:
        """Store one batch, and what was derived from it, in one transaction: (articles added, rejections added)."""
        added = rejected = 0
        try:
            with self.transaction():
                for record in records:
                    if isinstance(record, Article):
                        added += self._insert_article(record)
                    else:
                        rejected += self._insert_rejected(record)
                if derived is not None:
                    self._write_derived(derived)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to store {self.path}: {exc}") from exc
        return added, rejected

    def save_derived(self, derived: Derived) -> None:
        try:
            with self.transaction():
                self._write_derived(derived)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to store {self.path}: {exc}") from exc

    def _write_derived(self, derived: Derived) -> None:
        db = self.db
        db.executemany("INSERT OR REPLACE INTO copy_signatures VALUES (?, ?, ?, ?)",
                       [(s.article_id, s.hashvalues.astype(np.uint64).tobytes(), s.size, s.content_hash)
                        for s in derived.signatures])
        db.executemany("UPDATE articles SET duplicate_of = ?, copy_overlap = ? WHERE id = ?",
                       [(a.duplicate_of, a.copy_overlap, a.id) for a in derived.copies])
        db.executemany("UPDATE articles SET duplicate_of = ? WHERE duplicate_of = ?",
                       [(a.duplicate_of, a.id) for a in derived.copies if a.duplicate_of])
        _write_features(db, derived.features)
        now = _now()
        db.executemany("INSERT INTO stories (id, seq, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
                       [(sid, seq, now) for sid, seq in derived.stories])
        db.executemany("INSERT OR REPLACE INTO story_articles (article_id, story_id) VALUES (?, ?)",
                       list(derived.assignments.items()))
        for source, target in derived.merges:
            db.execute("INSERT OR REPLACE INTO story_merges VALUES (?, ?, ?)", (source, target, now))
            db.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", (target, source))
            db.execute("UPDATE story_merges SET into_id = ? WHERE into_id = ?", (target, source))
            db.execute("DELETE FROM stories WHERE id = ?", (source,))
        if derived.splits:
            db.executemany("INSERT OR REPLACE INTO story_splits VALUES (?, ?, ?)",
                           [(source, new, now) for source, new in derived.splits])
            db.execute("UPDATE story_articles SET story_id = (SELECT root.story_id FROM articles a "
                       "JOIN story_articles root ON root.article_id = a.duplicate_of WHERE a.id = story_articles.article_id) "
                       "WHERE article_id IN (SELECT a.id FROM articles a JOIN story_articles root "
                       "ON root.article_id = a.duplicate_of)")

    def save_entities(self, entities: list[Entity]) -> None:
        """Replace the stored entities of the stories these belong to (entities are derived per story)."""
        stories = sorted({e.story_id for e in entities if e.story_id})
        try:
            with self.transaction():
                self.db.executemany("DELETE FROM entity_names WHERE entity_id IN "
                                    "(SELECT id FROM entities WHERE story_id = ?)", [(sid,) for sid in stories])
                self.db.executemany("DELETE FROM entity_names WHERE entity_id = ?", [(e.id,) for e in entities])
                self.db.executemany("DELETE FROM entities WHERE story_id = ?", [(sid,) for sid in stories])
                names = {e.id: sorted({n.lower() for n in [e.name, *e.aliases] if n}) for e in entities}
                self.db.executemany("INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                    [(e.id, e.story_id, e.name, e.type, e.kb_id, "\n".join(names[e.id]),
                                      len(e.mentions), json.dumps(e.to_dict(), ensure_ascii=False))
                                     for e in entities])
                self.db.executemany("INSERT OR IGNORE INTO entity_names (name, entity_id) VALUES (?, ?)",
                                    [(name, eid) for eid, spelled in names.items() for name in spelled])
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to store {self.path}: {exc}") from exc

    def entity(self, entity_id: str) -> Entity | None:
        row = self.db.execute("SELECT data FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return Entity.from_dict(json.loads(row[0])) if row else None

    def find_entities(self, query: str = "", story_id: str | None = None, limit: int = 50,
                      offset: int = 0) -> list[Entity]:
        """Entities whose name or an alias contains ``query`` (case-insensitive), most mentioned first."""
        sql = "SELECT data FROM entities WHERE (? = '' OR instr(names, ?) > 0)"
        args: list[object] = [query, query.lower()]
        if story_id:
            sql += " AND story_id = ?"
            args.append(story_id)
        sql += " ORDER BY mention_count DESC, name, id LIMIT ? OFFSET ?"
        rows = self.db.execute(sql, [*args, limit, offset]).fetchall()
        return [Entity.from_dict(json.loads(r[0])) for r in rows]

    def existing(self, ids: Iterable[str]) -> set[str]:
        wanted = list(ids)
        found: set[str] = set()
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            found.update(row[0] for row in self.db.execute(
                f"SELECT id FROM articles WHERE id IN ({', '.join('?' * len(chunk))})", chunk))
        return found

    def originals(self, ids: Iterable[str]) -> dict[str, str]:
        """The original of each stored article named (the article itself when it copies none)."""
        wanted = list(ids)
        found: dict[str, str] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            found.update((aid, original or aid) for aid, original in self.db.execute(
                f"SELECT id, duplicate_of FROM articles WHERE id IN ({', '.join('?' * len(chunk))})", chunk))
        return found

    def signatures(self) -> list[Signature]:
        rows = self.db.execute("SELECT article_id, hashvalues, size, content_hash FROM copy_signatures "
                               "JOIN articles ON articles.id = article_id ORDER BY articles.seq")
        return [Signature(aid, np.frombuffer(values, dtype=np.uint64).copy(), size, content)
                for aid, values, size, content in rows]

    def assigned_features(self, story_id: str | None = None) -> Iterator[tuple[Features, str, int]]:
        """(features, story id, story seq) of every assigned article (or one story's), in ingest order."""
        where, args = ("WHERE sa.story_id = ?", (story_id,)) if story_id else ("", ())
        rows = self.db.execute(
            f"SELECT {_FEATURE_COLUMNS}, sa.story_id, s.seq "
            "FROM article_features f JOIN story_articles sa ON sa.article_id = f.article_id "
            f"JOIN stories s ON s.id = sa.story_id JOIN articles a ON a.id = f.article_id {where} ORDER BY a.seq", args)
        for row in rows:
            yield _features(row[:-2]), row[-2], row[-1]

    def features(self, article_ids: list[str]) -> list[Features]:
        """The stored features of these articles (those that have any), in no particular order."""
        found: list[Features] = []
        for start in range(0, len(article_ids), _CHUNK):
            ids = article_ids[start:start + _CHUNK]
            rows = self.db.execute(f"SELECT {_FEATURE_COLUMNS} FROM article_features f "
                                   f"WHERE f.article_id IN ({','.join('?' * len(ids))})", ids)
            found.extend(_features(row) for row in rows)
        return found

    def story_members(self) -> dict[str, list[str]]:
        """Story id -> article ids in ingest order."""
        groups: dict[str, list[str]] = {}
        for sid, aid in self.db.execute("SELECT sa.story_id, sa.article_id FROM story_articles sa "
                                        "JOIN articles a ON a.id = sa.article_id ORDER BY a.seq"):
            groups.setdefault(sid, []).append(aid)
        return groups

    def redirect(self, story_id: str) -> str:
        """The id a story is known by now (merged stories redirect to the story they joined)."""
        row = self.db.execute("SELECT into_id FROM story_merges WHERE from_id = ?", (story_id,)).fetchone()
        return row[0] if row else story_id

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM store_meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO store_meta VALUES (?, ?)", (key, value))

    def featured_ids(self) -> list[str]:
        """Ids of the articles that have stored features, in ingest order."""
        return [row[0] for row in self.db.execute(
            "SELECT f.article_id FROM article_features f JOIN articles a ON a.id = f.article_id ORDER BY a.seq")]

    def feature_languages(self) -> set[str]:
        """The languages stored articles' features were computed in."""
        return {row[0] for row in self.db.execute("SELECT DISTINCT language FROM article_features")}

    def uncrossed_ids(self, languages: Iterable[str]) -> list[str]:
        """Ids of the articles in these languages whose features have no cross-language vector, in ingest order."""
        wanted = sorted(languages)
        return [row[0] for row in self.db.execute(
            "SELECT f.article_id FROM article_features f JOIN articles a ON a.id = f.article_id "
            f"WHERE f.crosslingual IS NULL AND f.language IN ({','.join('?' * len(wanted))}) ORDER BY a.seq",
            wanted)]

    def replace_features(self, features: list[Features]) -> None:
        try:
            with self.transaction() as db:
                _write_features(db, features)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to store {self.path}: {exc}") from exc

    def splits_of(self, story_id: str) -> tuple[str | None, list[str]]:
        """(the story this one was split off from, the stories split off from it), by the ids they are known
        by now; a story split off and later merged back is not listed."""
        row = self.db.execute("SELECT from_id FROM story_splits WHERE new_id = ?", (story_id,)).fetchone()
        came_from = self.redirect(row[0]) if row else None
        rows = self.db.execute("SELECT new_id FROM story_splits WHERE from_id = ? ORDER BY split_at, new_id",
                               (story_id,))
        left = list(dict.fromkeys(self.redirect(new) for (new,) in rows))
        return (came_from if came_from != story_id else None), [sid for sid in left if sid != story_id]

    def redirects(self) -> dict[str, str]:
        """Every merged story's id -> the id it is known by now."""
        return dict(self.db.execute("SELECT from_id, into_id FROM story_merges"))

    def search(self, query: str, limit: int = 20, offset: int = 0,
               spellings: dict[str, list[str]] | None = None) -> list[tuple[str, str | None, str]]:
        """(article id, title, snippet) of articles matching every word of ``query``, best first (``fts.match``:
        operators in user input are plain words, "word*" is a prefix, unspaced scripts match anywhere); a
        word or the query that ``spellings`` holds (``self.spellings``) matches any of its spellings too."""
        expression = fts.match(query, spellings)
        if not expression:
            return []
        rows = self.db.execute(
            "SELECT a.id, a.title, CASE WHEN length(a.text) <= :short AND NOT storyweave_unspaced(a.text) "
            "THEN snippet(articles_fts, 1, '[', ']', ' … ', 12) END, CASE WHEN length(a.text) > :short "
            "OR storyweave_unspaced(a.text) THEN substr(a.text, 1, :head) END FROM articles_fts "
            "JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH :match ORDER BY rank "
            "LIMIT :limit OFFSET :offset",
            {"match": expression, "limit": limit, "offset": offset, "short": FTS_SNIPPET_CHARS, "head": HEAD_CHARS})
        words = fts.query_words(query) + [w for others in (spellings or {}).values() for other in others
                                           for w in other.split()]
        return [(aid, title, short if short is not None else snippet(head, words)) for aid, title, short, head in rows]

    def spellings(self, query: str) -> dict[str, list[str]]:
        """The other spellings of names in a query, by the query's word (or the whole query) in lower case:
        where one is a spelling of stored entities, their names and aliases, the most mentioned entity's
        first, so that a search for "Tokayev" finds the articles that write "Tokaev" or "Toccyev" as well."""
        out: dict[str, list[str]] = {}
        for key in reversed(fts.spelling_keys(query)):
            found: list[str] = []
            for name, aliases in self.db.execute(
                    "SELECT e.name, json_extract(e.data, '$.aliases') FROM entity_names n "
                    "JOIN entities e ON e.id = n.entity_id WHERE n.name = :name "
                    "ORDER BY e.mention_count DESC, e.id LIMIT :entities", {"name": key, "entities": SPELLING_ENTITIES}):
                for spelling in [name, *json.loads(aliases or "[]")]:
                    if spelling.lower() != key and spelling.lower() not in {f.lower() for f in found}:
                        found.append(spelling)
            if found:
                out[key] = found[:MAX_SPELLINGS]
                if " " in key:
                    return {key: out[key]}  # the whole query names an entity: its words are not widened one by one
        return out

    def story_page(self, offset: int, limit: int) -> tuple[int, list[tuple[str, list[str]]]]:
        """(number of stories, [(story id, member article ids)]) largest first, then oldest."""
        total = self.db.execute("SELECT COUNT(DISTINCT story_id) FROM story_articles").fetchone()[0]
        ids = [row[0] for row in self.db.execute(
            "SELECT sa.story_id FROM story_articles sa JOIN stories s ON s.id = sa.story_id "
            "GROUP BY sa.story_id ORDER BY COUNT(*) DESC, MIN(s.seq), sa.story_id LIMIT ? OFFSET ?", (limit, offset))]
        return total, [(sid, self.members_of(sid)) for sid in ids]

    def members_of(self, story_id: str) -> list[str]:
        return [row[0] for row in self.db.execute(
            "SELECT sa.article_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
            "WHERE sa.story_id = ? ORDER BY a.seq", (story_id,))]

    def story_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def next_story_seq(self) -> int:
        return self.db.execute("SELECT COALESCE(MAX(seq), -1) + 1 FROM stories").fetchone()[0]

    def _insert_article(self, article: Article) -> int:
        row = {column: getattr(article, column) for column in _ARTICLE_COLUMNS}
        row["authors"] = json.dumps(article.authors, ensure_ascii=False)
        row["removed"] = json.dumps([r.to_dict() for r in article.removed], ensure_ascii=False)
        cursor = self.db.execute(_INSERT_ARTICLE, [*row.values(), _now()])
        if cursor.rowcount:
            self.db.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                            (cursor.lastrowid, fts.indexed(article.title or ""), fts.indexed(article.text)))
        self.db.execute("DELETE FROM rejected WHERE source_path = ?", (article.source_path,))
        return cursor.rowcount

    def reread(self, articles: Iterable[Article]) -> int:
        """Store these articles' reading of their bytes over the stored one where it differs (a release that
        reads pages better: another date, title or body), the full-text index with it; how many changed.
        Only for a caller that derives everything of these articles again (``pipeline.analyze``): copy
        signatures, features, stories and mentions of the old body are not touched here."""
        fields = [c for c in _ARTICLE_COLUMNS if c not in ("id", "source_path", "duplicate_of", "copy_overlap")]
        changed = 0
        try:
            with self.transaction():
                for article in articles:
                    row = self.db.execute(f"SELECT seq, {', '.join(fields)} FROM articles WHERE id = ?",
                                          (article.id,)).fetchone()
                    if row is None:
                        continue
                    fresh = {c: getattr(article, c) for c in fields}
                    fresh["authors"] = json.dumps(article.authors, ensure_ascii=False)
                    fresh["removed"] = json.dumps([r.to_dict() for r in article.removed], ensure_ascii=False)
                    old = dict(zip(fields, row[1:], strict=True))
                    if old == fresh:
                        continue
                    self.db.execute("INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)",
                                    (row[0], fts.indexed(old["title"] or ""), fts.indexed(old["text"])))
                    self.db.execute(f"UPDATE articles SET {', '.join(c + ' = ?' for c in fields)} WHERE id = ?",
                                    [*fresh.values(), article.id])
                    self.db.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                                    (row[0], fts.indexed(fresh["title"] or ""), fts.indexed(fresh["text"])))
                    changed += 1
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to store {self.path}: {exc}") from exc
        return changed

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
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start:start + _CHUNK]
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


@dataclass
class Derived:
    """What the copy and story stages derived from a batch, written with it."""

    signatures: list[Signature] = field(default_factory=list)
    copies: list[Article] = field(default_factory=list)
    features: list[Features] = field(default_factory=list)
    stories: list[tuple[str, int]] = field(default_factory=list)
    assignments: dict[str, str] = field(default_factory=dict)
    merges: list[tuple[str, str]] = field(default_factory=list)
    #: (story, story split from it): the articles of both are in ``assignments``
    splits: list[tuple[str, str]] = field(default_factory=list)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
