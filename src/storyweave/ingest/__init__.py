"""Ingest: paths in, ``Article``s and ``Rejected``s out, in a deterministic order.

    expand paths (sources.py) -> read and decode (sources.py) -> parse by kind (text.py, html.py,
    jsonl.py, feed.py; web archives stream through warc.py) -> clean body (clean.py) -> language
    (language.py) -> Article with a content-hash id
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import replace
from os import PathLike

from ..model import Article, Rejected
from ..settings import Settings
from . import feed, html, jsonl, text, warc
from .clean import Parsed
from .language import detect
from .sources import Document, Source, expand, read

__all__ = ["article_id", "parse_records", "read_inputs"]

ID_VERSION = b"storyweave-article/1\0"


def article_id(raw: bytes, position: int | None = None) -> str:
    """A content hash: the same input bytes (and record position) give the same id everywhere."""
    digest = hashlib.sha256(ID_VERSION + raw)
    if position is not None:
        digest.update(b"\0#%d" % position)
    return digest.hexdigest()[:24]


def _article(parsed: Parsed, display: str, raw: bytes, position: int | None, settings: Settings) -> Article | Rejected:
    if not parsed.text.strip():
        return Rejected(display, "no article text left after removing boilerplate and metadata lines", "no_text")
    language = parsed.language or detect(parsed.text, settings.language_min_chars, settings.language_min_confidence)
    return Article(
        id=article_id(raw, position), source_path=display, text=parsed.text, title=parsed.title,
        published=parsed.published, language=language, outlet=parsed.outlet, reposted_from=parsed.reposted_from,
        authors=parsed.authors, removed=parsed.removed, external_id=parsed.external_id, url=parsed.url,
        title_source=parsed.title_source,
    )


def parse_document(doc: Document, settings: Settings) -> list[Article | Rejected]:
    limit = settings.boilerplate_max_line_chars
    if doc.kind == "text":
        return [_article(text.parse(doc.text, limit), doc.display, doc.raw, None, settings)]
    if doc.kind == "html":
        return [_article(html.parse(doc.text, limit), doc.display, doc.raw, None, settings)]
    out: list[Article | Rejected] = []
    if doc.kind == "feed":
        for item in feed.items(doc.text, doc.display, limit):
            out.append(item if isinstance(item, Rejected) else
                       _article(item.parsed, f"{doc.display}#{item.position}", item.raw, None, settings))
        return out
    for record in jsonl.records(doc.kind, doc.text, doc.display):
        if isinstance(record, Rejected):
            out.append(record)
            continue
        shown = doc.display if record.position is None else f"{doc.display}#{record.position}"
        if not isinstance(record.data, dict):
            out.append(Rejected(shown, f"record is a JSON {type(record.data).__name__}, not an object", "no_text"))
            continue
        parsed = jsonl.to_parsed(record.data, limit)
        if isinstance(parsed, str):
            out.append(Rejected(shown, parsed, "no_text"))
        else:
            out.append(_article(parsed, shown, record.raw, record.position, settings))
    return out


def parse_records(items: list[object], source: str, settings: Settings | None = None) -> list[Article | Rejected]:
    """Article records given as JSON values (an API request): each an Article or a Rejected.

    Ids hash the record's canonical JSON, so posting the same record again adds nothing."""
    settings = settings or Settings()
    out: list[Article | Rejected] = []
    for position, item in enumerate(items, start=1):
        shown = f"{source}#{position}"
        if not isinstance(item, dict):
            out.append(Rejected(shown, f"record is a JSON {type(item).__name__}, not an object", "no_text"))
            continue
        parsed = jsonl.to_parsed(item, settings.boilerplate_max_line_chars)
        if isinstance(parsed, str):
            out.append(Rejected(shown, parsed, "no_text"))
            continue
        raw = json.dumps(item, sort_keys=True, ensure_ascii=False).encode("utf-8")
        out.append(_article(parsed, shown, raw, None, settings))
    return out


def _archive(source: Source, settings: Settings) -> list[Article | Rejected]:
    out: list[Article | Rejected] = []
    for page in warc.pages(source.path, source.display, settings.max_bytes):
        if isinstance(page, Rejected):
            out.append(page)
            continue
        parsed = html.parse(page.html, settings.boilerplate_max_line_chars, url=page.url)
        parsed = replace(parsed, url=page.url or parsed.url, external_id=page.url)
        out.append(_article(parsed, page.display, page.raw, None, settings))
    return out


def _process(item: Source | Rejected, settings: Settings) -> list[Article | Rejected]:
    if isinstance(item, Rejected):
        return [item]
    if warc.is_warc(item.path):
        return _archive(item, settings)
    doc = read(item, settings.max_bytes)
    if isinstance(doc, Rejected):
        return [doc]
    try:
        return parse_document(doc, settings)
    except (ValueError, RecursionError, MemoryError) as exc:
        return [Rejected(item.display, f"could not be parsed as {doc.kind}: {type(exc).__name__}: {exc}",
                         "unparseable")]


def _worker(args: tuple[Source | Rejected, Settings]) -> list[Article | Rejected]:
    return _process(*args)


def read_inputs(inputs: Iterable[str | PathLike[str]], settings: Settings | None = None) -> Iterator[Article | Rejected]:
    """Every input as Articles or Rejecteds, in input order; the same bytes twice are reported once."""
    settings = settings or Settings()
    items = expand(inputs)
    seen: dict[str, str] = {}
    if settings.workers > 1:
        pool = multiprocessing.get_context("fork").Pool(settings.workers)
        results: Iterable[list[Article | Rejected]] = pool.imap(
            _worker, ((item, settings) for item in items), chunksize=8)
    else:
        pool = None
        results = (_process(item, settings) for item in items)
    try:
        for batch in results:
            for record in batch:
                if isinstance(record, Article):
                    if record.id in seen:
                        yield Rejected(record.source_path, f"same content as {seen[record.id]} "
                                                           f"(article {record.id})", "duplicate_input")
                        continue
                    seen[record.id] = record.source_path
                yield record
    finally:
        if pool is not None:
            pool.terminate()
