"""Persistence. All SQL lives here; stages never see a connection."""

from .sqlite import Derived, SQLiteStore

__all__ = ["Derived", "SQLiteStore", "open_store"]


def open_store(path: str) -> SQLiteStore:
    """The store behind a path; SQLite is the embedded default (a PostgreSQL URL will select that backend)."""
    return SQLiteStore(path)
