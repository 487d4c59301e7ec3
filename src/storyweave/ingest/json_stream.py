"""A JSON document over the size limit, read record by record with ijson: a scraper's export is one file of
every item (Scrapy writes a single array), as a crawl's dump is one JSONL file. The records come in pieces
parsed like files, in parallel, the limit holding for each record; their ids are those of a whole read."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import re
import zlib
from collections.abc import Iterator
from typing import IO

import ijson

from ..model import Rejected
from .jsonl import CONTAINER_KEYS, FIELDS, TOO_DEEP, is_lines
from .sources import (
    BOMS,
    GZIP_MAGIC,
    Document,
    Pieces,
    Source,
    decode,
    human_size,
    read_lines,
    read_stopped,
    sniff_binary,
)

#: bytes of the file looked at to tell its encoding
HEAD = 64 * 1024
#: ijson's read size; a record's bytes are counted to this grain
BUFFER = 64 * 1024
_TEXT_FIELDS = frozenset(FIELDS["text"])
#: ``_prefix`` of a file of JSON Lines named ``.json``
LINES = "lines"
#: JSON nested deeper than this stops the read: ijson's prefixes cost the square of the depth (gigabytes for a
#: record 50,000 levels deep), and Python's own JSON reading recurses, to about 1,000 levels
MAX_DEPTH = 500
#: what the depth scan must see outside strings, and a string's body up to its closing quote
_STRUCTURE = re.compile(rb'[\[\]{}"]')
_STRING_BODY = re.compile(rb"(?:[^\"\\]++|\\.)*+")


class _TooLarge(Exception):
    """More bytes read for one record than any record under the limit takes."""


class _TooDeep(Exception):
    """JSON nested deeper than ``MAX_DEPTH``."""


class _Depth:
    """The nesting depth of JSON bytes as they are read, strings skipped, a string or an escape that a read
    cuts carried to the next."""

    def __init__(self) -> None:
        self.depth, self.in_string, self.escaped = 0, False, False

    def feed(self, data: bytes, most: int) -> int:
        """Where in ``data`` the depth first passes ``most``, else -1."""
        at = 0
        if self.escaped and data:
            self.escaped, at = False, 1
        while at < len(data):
            if self.in_string:
                at = _STRING_BODY.match(data, at).end()
                if at < len(data):
                    self.escaped = data[at] == 0x5C  # a backslash that the read cut from what it escapes
                    self.in_string = self.escaped
                    at += 1
                continue
            found = _STRUCTURE.search(data, at)
            if found is None:
                break
            mark = found.group()
            if mark == b'"':
                self.in_string = True
            elif mark in b"[{":
                self.depth += 1
                if self.depth > most:
                    return found.start()
            else:
                self.depth -= 1
            at = found.end()
        return -1


class _Counted:
    """A byte stream that counts what is read since the last record, so that one endless record cannot be built
    in memory (past ``cap`` bytes the read stops), and follows the nesting depth, so that one too deep is not
    handed to ijson (past ``MAX_DEPTH`` the read stops)."""

    def __init__(self, stream: IO[bytes], cap: int) -> None:
        self.stream, self.cap, self.since, self.depth, self.deep = stream, cap, 0, _Depth(), False

    def read(self, size: int = -1) -> bytes:
        if self.deep:
            raise _TooDeep
        data = self.stream.read(size)
        self.since += len(data)
        if self.since > self.cap:
            raise _TooLarge
        cut = self.depth.feed(data, MAX_DEPTH)
        if cut >= 0:  # the bytes before it go to ijson, so that the records before the deep one are read whole
            self.deep = True
            data = data[:cut]
            if not data:
                raise _TooDeep
        return data


class _Recoded:
    """Text in another charset given to ijson as UTF-8 bytes (ijson reads bytes; text streams are deprecated)."""

    def __init__(self, text: IO[str]) -> None:
        self.text = text

    def read(self, size: int = -1) -> bytes:
        return self.text.read(size).encode("utf-8")


def is_large_json(source: Source, max_bytes: int) -> bool:
    """A ``.json`` file (or its ``.json.gz``) whose content is over the size limit."""
    name = source.display.lower()
    if not name.removesuffix(".gz").endswith(".json"):
        return False
    try:
        if source.path.stat().st_size > max_bytes:
            return True
        if not name.endswith(".gz"):
            return False
        with gzip.open(source.path) as stream:
            while stream.read(HEAD):
                if stream.tell() > max_bytes:
                    return True
    except (OSError, EOFError, zlib.error):
        return False  # the whole read names what is wrong with the file
    return False


def _open(source: Source) -> IO[bytes]:
    raw = source.path.open("rb")
    head = raw.read(2)
    raw.seek(0)
    return gzip.open(raw) if head == GZIP_MAGIC else raw  # type: ignore[return-value]


def _utf8(stream: IO[bytes]) -> IO[bytes] | str:
    """The stream as UTF-8 bytes without a BOM, recoded from the charset its head reads in; or why it can't be."""
    head = stream.read(HEAD)
    if binary := sniff_binary(head[:4096]):
        return f"binary file ({binary}), not text"
    rest: IO[bytes] = io.BufferedReader(_Chain(head, stream))  # type: ignore[arg-type]
    for bom, encoding in BOMS:
        if head.startswith(bom) and bom == codecs.BOM_UTF8:
            rest.read(len(bom))
            return rest
        if head.startswith(bom):
            return _Recoded(io.TextIOWrapper(rest, encoding=encoding))  # type: ignore[return-value]
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return rest
    except UnicodeDecodeError:
        pass
    decoded = decode(head[: len(head) - 3] if len(head) == HEAD else head)
    if decoded is None:
        return "undecodable bytes: not UTF-8, UTF-16 or any charset detected with confidence"
    return _Recoded(io.TextIOWrapper(rest, encoding=decoded[1]))  # type: ignore[return-value]


class _Chain(io.RawIOBase):
    """Bytes already read, then the rest of the stream."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self.head, self.stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self.head:
            size = min(len(buffer), len(self.head))
            buffer[:size], self.head = self.head[:size], self.head[size:]
            return size
        data = self.stream.read(len(buffer))
        if len(data) > len(buffer):  # a recoded stream gives bytes for characters: more than asked for
            data, self.head = data[: len(buffer)], data[len(buffer):]
        buffer[: len(data)] = data
        return len(data)


def _prefix(stream: IO[bytes], max_bytes: int) -> str | None:
    """Where the records are: ``item`` in an array, ``KEY.item`` in an object holding them under one of
    ``CONTAINER_KEYS`` (the first of that order, as a whole read takes), ``LINES`` for JSON Lines under a
    ``.json`` name; None for one record or no list. Read from ijson's unprefixed events: the top level is all
    it looks at, and prefixes cost the square of the depth."""
    start = chunk = b""
    while not start and (chunk := stream.read(4096)):
        start = chunk.lstrip()[:1]
    if start == b"[":
        return "item"  # read no further: an error later in the file is met while reading the records
    if start != b"{":
        return None
    while b"\n" not in chunk.lstrip() and len(chunk) <= max_bytes and (more := stream.read(BUFFER)):
        chunk += more
    chunk += stream.read(BUFFER)
    if is_lines(chunk.decode("utf-8", "replace")):
        return LINES
    lists: set[str] = set()
    key, depth = None, 0
    for event, value in ijson.basic_parse(_Chain(chunk, stream), use_float=True, buf_size=BUFFER):
        if depth == 1 and event == "map_key":
            key = value
        elif depth == 1 and key is not None:
            if key in _TEXT_FIELDS and event not in ("null", "start_array") and value != "":
                return None  # the object is itself a record
            if event == "start_array" and key in CONTAINER_KEYS:
                lists.add(key)
            key = None
        depth += (event in ("start_map", "start_array")) - (event in ("end_map", "end_array"))
    return next((f"{name}.item" for name in CONTAINER_KEYS if name in lists), None)


def _error(exc: Exception) -> str:
    text = exc.args[0] if exc.args else str(exc)
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return str(text).strip().splitlines()[0] if str(text).strip() else type(exc).__name__


def _as_list(texts: list[str]) -> str:
    return "[" + ",".join(texts) + "]"


def read_records(source: Source, max_bytes: int) -> Iterator[Document | Rejected]:
    """The records of a JSON file over the limit, as Documents of about ``LINES_PIECE`` characters, each a
    JSON list whose ``first_line`` is its first record's place; a record over the limit is rejected alone. A
    read that fails part way (invalid JSON, a cut gzip stream) ends with a rejection; what came before stays
    read, to the grain of the parser's reads (``BUFFER``: records in the read that fails are lost with it).
    A lone surrogate escaped in a string reads as "?" (ijson's C parser), not U+FFFD as in a whole read."""
    shown = source.display
    pieces = Pieces(shown, "json", _as_list)
    count = 0
    failed: Rejected | None = None
    try:
        with _open(source) as stream:
            found = _utf8(stream)
            if isinstance(found, str):
                yield Rejected(shown, found, "binary" if found.startswith("binary") else "undecodable")
                return
            prefix = _prefix(found, max_bytes)
        if prefix == LINES:
            yield from read_lines(source, max_bytes)
            return
        if prefix is None:
            yield Rejected(shown, f"file is over the {human_size(max_bytes)} limit (--max-bytes) and holds no list "
                                  "of records to read one by one", "too_large")
            return
        with _open(source) as stream:
            found = _utf8(stream)
            assert not isinstance(found, str)
            counted = _Counted(found, 2 * max_bytes + 2 * BUFFER)
            for item in ijson.items(counted, prefix, use_float=True, buf_size=BUFFER):
                counted.since = 0
                count += 1
                text = json.dumps(item, ensure_ascii=False)
                if len(text.encode("utf-8")) > max_bytes:
                    yield from pieces.flush()
                    yield Rejected(f"{shown}#{count}", f"record is over the {human_size(max_bytes)} limit "
                                                       "(--max-bytes)", "too_large")
                    continue
                yield from pieces.add(text, count)
    except _TooDeep:
        failed = Rejected(shown, f"JSON {TOO_DEEP} after record {count}; the file is not read past it",
                          "invalid_json")
    except _TooLarge:
        failed = Rejected(f"{shown}#{count + 1}", f"record is over the {human_size(max_bytes)} limit (--max-bytes); "
                                                  "the file is not read past it", "too_large")
    except ijson.JSONError as exc:
        failed = Rejected(shown, f"invalid JSON after record {count}: {_error(exc)}", "invalid_json")
    except UnicodeDecodeError as exc:
        failed = Rejected(shown, f"undecodable bytes after record {count}: {exc.reason}", "undecodable")
    except (OSError, EOFError, zlib.error) as exc:
        failed = read_stopped(shown, exc, "record", count)
    else:
        if count == 0:
            failed = Rejected(shown, "JSON holds an empty list: no records", "no_text")
    yield from pieces.flush()
    if failed is not None:
        yield failed
