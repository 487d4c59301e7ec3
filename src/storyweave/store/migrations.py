"""Versioned schema migrations, applied in order inside one transaction each and recorded.

Add a migration by appending to ``MIGRATIONS``; never edit one that has shipped. Statements stay
plain SQL that PostgreSQL also accepts where it can, so a ``postgres.py`` can reuse the list.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (1, "articles and rejected inputs", (
        """CREATE TABLE articles (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            source_path TEXT NOT NULL,
            external_id TEXT,
            url TEXT,
            title TEXT,
            title_source TEXT,
            published TEXT,
            language TEXT NOT NULL,
            outlet TEXT,
            reposted_from TEXT,
            authors TEXT NOT NULL,
            text TEXT NOT NULL,
            removed TEXT NOT NULL,
            duplicate_of TEXT,
            ingested_at TEXT NOT NULL
        )""",
        "CREATE INDEX articles_published ON articles (published)",
        """CREATE TABLE rejected (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            source_path TEXT NOT NULL,
            code TEXT NOT NULL,
            reason TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            UNIQUE (source_path, reason)
        )""",
    )),
)
