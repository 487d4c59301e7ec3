"""Ingest: paths in, ``Article``s and ``Rejected``s out, in a deterministic order.

    expand paths (sources.py) -> read and decode (sources.py) -> parse by kind (text.py, markdown.py,
    html.py, jsonl.py, feed.py; web archives stream through warc.py) -> clean body (clean.py) -> language
    (language.py) -> Article with a content-hash id; long JSONL files are read in pieces of lines
    (sources.read_lines), JSON files over the size limit in pieces of records (json_stream.py)
"""

from __future__ import annotations

import hashlib
import multiprocessing
import threading
from collections.abc import Iterable, Iterator
from dataclasses import replace
from os import PathLike

from ..model import Article, Rejected
from ..settings import Settings
from . import errorpage, feed, headline, html, json_stream, jsonl, markdown, text, warc
from .clean import Parsed, visible
from .language import detect
from .sources import Document, Source, decode, expand, in_lines, read, read_lines

__all__ = ["article_id", "parse_feed", "parse_records", "read_inputs"]

ID_VERSION = b"storyweave-article/1\0"
#: tasks per chunk sent to a worker, and tasks handed to the pool ahead of the results taken, per worker
PARALLEL_CHUNK = 8
PARALLEL_AHEAD = 64


def article_id(raw: bytes, position: int | None = None) -> str:
    """A content hash: the same input bytes (and record position) give the same id everywhere."""
    digest = hashlib.sha256(ID_VERSION + raw)
    if position is not None:
        digest.update(b"\0#%d" % position)
    return digest.hexdigest()[:24]


def _article(parsed: Parsed, display: str, raw: bytes, position: int | None, settings: Settings) -> Article | Rejected:
    parsed = headline.without_site(_visible(parsed))
    if not parsed.text.strip():
        return Rejected(display, "no article text left after removing boilerplate and metadata lines", "no_text")
    stand_in = errorpage.judge(parsed)
    kept = errorpage.behind_paywall(parsed) if stand_in and stand_in.code == "paywall" else None
    if stand_in and kept is None:
        return Rejected(display, stand_in.reason, stand_in.code)
    parsed = kept or parsed
    language = parsed.language or detect(parsed.text, settings.language_min_chars, settings.language_min_confidence)
    if not parsed.title:
        parsed = replace(parsed, title=text.first_sentence(parsed.text), title_source="first sentence")
    return Article(
        id=article_id(raw, position), source_path=display, text=parsed.text, title=parsed.title,
        published=parsed.published, language=language, outlet=parsed.outlet, reposted_from=parsed.reposted_from,
        authors=parsed.authors, removed=parsed.removed, external_id=parsed.external_id, url=parsed.url,
        title_source=parsed.title_source,
    )


def _visible(parsed: Parsed) -> Parsed:
    """Control characters out of every field read from the input (a JSON field's escapes give them too)."""
    def shown(value: str | None) -> str | None:
        return visible(value) if value else value

    return replace(parsed, text=visible(parsed.text), title=shown(parsed.title), outlet=shown(parsed.outlet),
                   reposted_from=shown(parsed.reposted_from), authors=[visible(a) for a in parsed.authors])


def parse_document(doc: Document, settings: Settings) -> list[Article | Rejected]:
    limit = settings.boilerplate_max_line_chars
    if doc.kind == "markdown" or doc.kind == "text" and markdown.is_reader_output(doc.text):
        return [_article(markdown.parse(doc.text, limit), doc.display, doc.raw, None, settings)]
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
    for record in jsonl.records(doc.kind, doc.text, doc.display, doc.first_line):
        if isinstance(record, Rejected):
            out.append(record)
            continue
        shown = doc.display if record.position is None else f"{doc.display}#{record.position}"
        if not isinstance(record.data, dict):
            out.append(Rejected(shown, f"record is {jsonl.kind(record.data)}, not an object", "no_text"))
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
            out.append(Rejected(shown, f"record is {jsonl.kind(item)}, not an object", "no_text"))
            continue
        parsed = jsonl.to_parsed(item, settings.boilerplate_max_line_chars)
        if isinstance(parsed, str):
            out.append(Rejected(shown, parsed, "no_text"))
            continue
        out.append(_article(parsed, shown, jsonl.canonical(item), None, settings))
    return out


def parse_feed(data: bytes, source: str, settings: Settings | None = None) -> list[Article | Rejected] | str:
    """A feed document given as bytes (an API request): its items as Articles or Rejecteds, ``source#N``;
    or why the bytes are no feed."""
    settings = settings or Settings()
    decoded = decode(data) if data.strip() else None
    if decoded is None:
        return "the body is empty or not text in any encoding" if data.strip() else "the body is empty"
    text = decoded[0]
    if not feed.is_feed(text[:4096]):
        return "the body is not an RSS or Atom feed (its first element is not <rss>, <feed> or <rdf:RDF>)"
    return parse_document(Document(source, "feed", text, data), settings)


def _page(page: warc.Page, settings: Settings) -> Article | Rejected:
    parsed = html.parse(page.html, settings.boilerplate_max_line_chars, url=page.url)
    parsed = replace(parsed, url=page.url or parsed.url, external_id=page.url)
    return _article(parsed, page.display, page.raw, None, settings)


Task = Source | Rejected | warc.Page | Document


def _parse(item: Source | warc.Page | Document, settings: Settings) -> list[Article | Rejected]:
    if isinstance(item, warc.Page):
        return [_page(item, settings)]
    if isinstance(item, Document):
        return parse_document(item, settings)
    doc = read(item, settings.max_bytes)
    return [doc] if isinstance(doc, Rejected) else parse_document(doc, settings)


def _process(item: Task, settings: Settings) -> list[Article | Rejected]:
    if isinstance(item, Rejected):
        return [item]
    try:
        return _parse(item, settings)
    except (ValueError, RecursionError, MemoryError) as exc:
        return [Rejected(item.display, f"could not be parsed: {type(exc).__name__}: {exc}", "unparseable")]


def _worker(args: tuple[Task, Settings]) -> list[Article | Rejected]:
    return _process(*args)


def _tasks(inputs: Iterable[str | PathLike[str]], settings: Settings) -> Iterator[Task]:
    """Files to read, with web archives opened into their pages here, as they are read: an archive of any
    size is one page at a time, and its pages are parsed in parallel like files. Long JSONL files likewise
    come in pieces of lines, and JSON files over the size limit in pieces of records."""
    for item in expand(inputs, settings.follow_links):
        if isinstance(item, Source) and warc.is_warc(item.path):
            yield from warc.pages(item.path, item.display, settings.max_bytes)
        elif isinstance(item, Source) and in_lines(item, settings.max_bytes):
            yield from read_lines(item, settings.max_bytes)
        elif isinstance(item, Source) and json_stream.is_large_json(item, settings.max_bytes):
            yield from json_stream.read_records(item, settings.max_bytes)
        else:
            yield item


class _Ahead:
    """At most ``limit`` tasks handed to a pool and not yet taken back: ``Pool.imap`` would otherwise read its
    whole input ahead, every page of an archive into memory. Its feeder thread waits here for room."""

    def __init__(self, tasks: Iterator[Task], settings: Settings, limit: int) -> None:
        self.tasks, self.settings = tasks, settings
        self.room, self.stopped = threading.Semaphore(limit), threading.Event()

    def __iter__(self) -> Iterator[tuple[Task, Settings]]:
        for task in self.tasks:
            self.room.acquire()
            if self.stopped.is_set():
                return
            yield task, self.settings

    def taken(self) -> None:
        self.room.release()

    def stop(self) -> None:
        """Wake a waiting feeder so that the pool can be shut down."""
        self.stopped.set()
        self.room.release()


def read_inputs(inputs: Iterable[str | PathLike[str]], settings: Settings | None = None) -> Iterator[Article | Rejected]:
    """Every input as Articles or Rejecteds, in input order; the same bytes twice are reported once."""
    settings = settings or Settings()
    tasks = _tasks(inputs, settings)
    seen: dict[str, str] = {}
    if settings.workers > 1:
        pool = multiprocessing.get_context("fork").Pool(settings.workers)
        ahead: _Ahead | None = _Ahead(tasks, settings, max(PARALLEL_AHEAD * settings.workers, 2 * PARALLEL_CHUNK))
        results: Iterable[list[Article | Rejected]] = pool.imap(_worker, ahead, chunksize=PARALLEL_CHUNK)
    else:
        pool = ahead = None
        results = (_process(task, settings) for task in tasks)
    try:
        for batch in results:
            if ahead is not None:
                ahead.taken()
            for record in batch:
                if isinstance(record, Article):
                    if record.id in seen:
                        yield Rejected(record.source_path, f"same content as {seen[record.id]} "
                                                           f"(article {record.id})", "duplicate_input")
                        continue
                    seen[record.id] = record.source_path
                yield record
    finally:
        if ahead is not None:
            ahead.stop()
        if pool is not None:
            pool.terminate()
