"""The pipeline, readable top to bottom: inputs in, one ``Report`` out.

    1. ingest    read, decode, clean every input: Articles, and Rejecteds with reasons
    2. store     articles into the store in batches, one transaction each
    3. dedup     mark copies (duplicate_of)                               - not built yet (issue 4)
    4. cluster   articles about one event form a Story                   - not built yet (issue 4)
    5. entities  mentions resolved to canonical, KB-linked entities      - not built yet (issue 5)
    6. quotes    direct and reported speech, aligned across articles     - not built yet (issue 6)
    7. claims    assertions with support, contradiction, independence   - not built yet (issue 6)
    8. timeline  dated events, relative dates resolved                   - not built yet (issue 6)
    9. brief     a cited summary per story                               - not built yet (issue 7)

Stages not built yet leave their section of the report empty, so the report is valid all along.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from os import PathLike

from . import __version__
from .ingest import read_inputs
from .model import Article, Rejected, Report
from .settings import Settings
from .store import SQLiteStore

OnRecord = Callable[[Article | Rejected], None]


@dataclass
class IngestResult:
    """What one ingest run saw: every article id it read (new or stored before) and every rejection."""

    article_ids: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    added: int = 0


def _batches(records: Iterator[Article | Rejected], size: int) -> Iterator[list[Article | Rejected]]:
    while batch := list(islice(records, size)):
        yield batch


def ingest(inputs: Iterable[str | PathLike[str]], store: SQLiteStore, settings: Settings | None = None,
           on_record: OnRecord | None = None) -> IngestResult:
    """Steps 1-2: read inputs into the store; re-ingesting the same inputs adds nothing."""
    settings = settings or Settings()
    result = IngestResult()
    for batch in _batches(read_inputs(inputs, settings), settings.batch_size):
        added, _ = store.add(batch)
        result.added += added
        for record in batch:
            if isinstance(record, Article):
                result.article_ids.append(record.id)
            else:
                result.rejected.append(record)
            if on_record is not None:
                on_record(record)
    return result


def build_report(articles: list[Article], rejected: list[Rejected], settings: Settings | None = None) -> Report:
    """Steps 3-9 over records: no store, no CLI, callable from a test."""
    return Report(articles=articles, rejected=rejected, tool_version=__version__)


def analyze(inputs: Iterable[str | PathLike[str]], settings: Settings | None = None,
            store: SQLiteStore | None = None, on_record: OnRecord | None = None) -> Report:
    """Analyze files and folders into a report of exactly these inputs.

    With no ``store`` the articles are kept in a throwaway in-memory store.
    """
    settings = settings or Settings()
    own = store is None
    store = store or SQLiteStore(":memory:")
    try:
        result = ingest(inputs, store, settings, on_record)
        return build_report(store.articles(result.article_ids), result.rejected, settings)
    finally:
        if own:
            store.close()


def report_from_store(store: SQLiteStore, settings: Settings | None = None) -> Report:
    """The report of everything a store holds."""
    return build_report(store.articles(), store.rejected(), settings)
