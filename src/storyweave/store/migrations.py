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
    (2, "copies, article features and stories", (
        "ALTER TABLE articles ADD COLUMN copy_overlap REAL",
        """CREATE TABLE copy_signatures (
            article_id TEXT PRIMARY KEY,
            hashvalues BLOB NOT NULL,
            size INTEGER NOT NULL,
            content_hash TEXT NOT NULL
        )""",
        """CREATE TABLE article_features (
            article_id TEXT PRIMARY KEY,
            language TEXT NOT NULL,
            embedding BLOB NOT NULL,
            lex_keys BLOB NOT NULL,
            lex_vals BLOB NOT NULL,
            year INTEGER,
            day TEXT
        )""",
        """CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE story_articles (
            article_id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL
        )""",
        "CREATE INDEX story_articles_story ON story_articles (story_id)",
        """CREATE TABLE story_merges (
            from_id TEXT PRIMARY KEY,
            into_id TEXT NOT NULL,
            merged_at TEXT NOT NULL
        )""",
    )),
    (3, "full-text search over articles", (
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq')",
        "INSERT INTO articles_fts (rowid, title, text) SELECT seq, COALESCE(title, ''), text FROM articles",
        """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, COALESCE(new.title, ''), new.text);
        END""",
    )),
    (4, "entities with their evidence", (
        """CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            story_id TEXT,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            kb_id TEXT,
            names TEXT NOT NULL,
            mention_count INTEGER NOT NULL,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX entities_story ON entities (story_id)",
        "CREATE INDEX entities_kb ON entities (kb_id)",
    )),
    (5, "stories split in two events by streaming", (
        """CREATE TABLE story_splits (
            from_id TEXT NOT NULL,
            new_id TEXT PRIMARY KEY,
            split_at TEXT NOT NULL
        )""",
    )),
    (6, "facts about the store itself (the recipe its article features were computed with)", (
        "CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    )),
    (7, "copies found by their original (an earlier original met later takes its copies along)", (
        "CREATE INDEX articles_duplicate_of ON articles (duplicate_of)",
    )),
    (8, "full-text index of scripts written without spaces, letter by letter (store/fts.py)", (
        "DROP TRIGGER IF EXISTS articles_fts_insert",
        "INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')",
        "INSERT INTO articles_fts (rowid, title, text) "
        "SELECT seq, storyweave_indexed(COALESCE(title, '')), storyweave_indexed(text) FROM articles",
    )),
    (9, "entities by each of their spellings, for search (store.spellings)", (
        """CREATE TABLE entity_names (
            name TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            PRIMARY KEY (name, entity_id)
        )""",
        "CREATE INDEX entity_names_entity ON entity_names (entity_id)",
        """WITH RECURSIVE split (entity_id, name, rest) AS (
            SELECT id, '', names || char(10) FROM entities
            UNION ALL
            SELECT entity_id, substr(rest, 1, instr(rest, char(10)) - 1), substr(rest, instr(rest, char(10)) + 1)
            FROM split WHERE rest <> ''
        ) INSERT OR IGNORE INTO entity_names (name, entity_id) SELECT name, entity_id FROM split WHERE name <> ''""",
    )),
    (10, "full-text index with combining marks inside words, and Thai, Lao, Khmer and Burmese letter by letter", (
        "DROP TABLE articles_fts",
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq', "
        "tokenize=\"unicode61 categories 'L* N* Co M*'\")",
        "INSERT INTO articles_fts (rowid, title, text) "
        "SELECT seq, storyweave_indexed(COALESCE(title, '')), storyweave_indexed(text) FROM articles",
    )),
    (11, "article features with the lead's cross-language vector (filled as the new feature recipe recomputes them)", (
        "ALTER TABLE article_features ADD COLUMN crosslingual BLOB",
    )),
)
