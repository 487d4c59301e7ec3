"""Web archives (WARC and ARC, warcio): each captured HTML page is an article, read from the file as a stream.

A crawl's archive holds far more than pages, and every response or resource record the user gave us is
accounted for: a page becomes an article (its URL kept as ``url`` and ``external_id``); an image, a script, an
error page, a redirect or a revisit (a capture that repeats an earlier payload) is listed in ``rejected``
with what it was. Requests, warcinfo and metadata records describe captures rather than hold them and are
not listed. The size limit applies to each record, since archives run to gigabytes.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import Rejected
from .sources import decode, human_size, sniff_binary

#: captures whose payload is a page to read
PAGE_TYPES = {"text/html", "application/xhtml+xml"}
CAPTURES = {"response", "resource", "revisit"}
#: how an HTML page served without a Content-Type starts
_HTML_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
#: the first bytes of a WARC, and of an ARC (the Internet Archive's format before it), which warcio reads as WARC
_MAGIC = (b"WARC/", b"filedesc://")
#: bytes read past the last whole record to tell padding from a record the parser could not start
_TAIL = 4096


@dataclass(frozen=True)
class Page:
    """One captured HTML page: where it sits in the archive, its URL, its decoded text and its bytes."""

    display: str
    url: str | None
    html: str
    raw: bytes


def is_warc(path: Path) -> bool:
    """Whether a file is a WARC or ARC (plain, or gzipped record by record), by its first bytes, not its name."""
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError:
        return False
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, max(map(len, _MAGIC)))
        except zlib.error:
            return False
    return head.startswith(_MAGIC)


def _media_type(value: str | None) -> tuple[str, str | None]:
    """('text/html', 'windows-1252') from a Content-Type header."""
    parts = [p.strip() for p in (value or "").split(";")]
    charset = next((p.split("=", 1)[1].strip("\"' ") for p in parts[1:] if p.lower().startswith("charset=")), None)
    return parts[0].lower(), charset


def _text(body: bytes, charset: str | None) -> str | None:
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    decoded = decode(body)
    return decoded[0] if decoded else None


def _capture(record, shown: str, max_bytes: int) -> Page | Rejected:
    kind = record.rec_type
    uri = record.rec_headers.get_header("WARC-Target-URI")
    where = f" of {uri}" if uri else ""
    if kind == "revisit":
        return Rejected(shown, f"revisit record{where}: it repeats an earlier capture's content and holds none",
                        "duplicate_input")
    http = record.http_headers if record.http_headers is not None and kind == "response" else None
    if http is not None:
        status = http.get_statuscode()
        if status != "200":
            return Rejected(shown, f"HTTP {status} response{where}, not a page", "not_a_page")
        media, charset = _media_type(http.get_header("Content-Type"))
    else:
        media, charset = _media_type(record.rec_headers.get_header("Content-Type"))
    if media and media not in PAGE_TYPES:
        return Rejected(shown, f"{media} capture{where}, not an HTML page", "unsupported_type")
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return Rejected(shown, f"page{where} is over the {human_size(max_bytes)} limit (--max-bytes)", "too_large")
    if not media and not _HTML_START.match(body[:1024]):
        return Rejected(shown, f"untyped capture{where} that does not start as an HTML page", "unsupported_type")
    if not body.strip():
        return Rejected(shown, f"empty page{where}", "empty")
    binary = sniff_binary(body)
    if binary:
        return Rejected(shown, f"page{where} is a binary file ({binary}), not text", "binary")
    html = _text(body, charset)
    if html is None:
        return Rejected(shown, f"page{where} has undecodable bytes", "undecodable")
    return Page(shown, uri, html, body)


def pages(path: Path, display: str, max_bytes: int) -> Iterator[Page | Rejected]:
    """The archive's captures in order, each ``file#N`` by its record number. A record cut short, or bytes
    after the last whole record, end the read with a rejection; what came before stays read. An archive with
    no capture at all is rejected whole, so that it does not vanish from the report."""
    from warcio.archiveiterator import ArchiveIterator

    number = end = captures = 0
    try:
        with path.open("rb") as handle:
            records = ArchiveIterator(handle, arc2warc=True)
            for number, record in enumerate(records, start=1):
                capture = _capture(record, f"{display}#{number}", max_bytes) if record.rec_type in CAPTURES else None
                records.read_to_end(record)
                if getattr(record.raw_stream, "limit", 0):
                    yield Rejected(f"{display}#{number}", "truncated WARC record: the file ends inside it",
                                   "undecodable")
                    return
                if capture is not None:
                    captures += 1
                    yield capture
                end = records.get_record_offset() + records.get_record_length()
            handle.seek(end)
            if handle.read(_TAIL).strip():
                yield Rejected(f"{display}#{number + 1}", f"unreadable WARC data after record {number} (byte {end}):"
                               " truncated or corrupt; records before it were read", "undecodable")
            elif not captures:
                yield Rejected(display, f"web archive holds no capture: its {number} record(s) are requests, warcinfo "
                               "or metadata", "no_text")
    except Exception as exc:  # warcio parses untrusted bytes and raises more than its own errors (AttributeError …)
        yield Rejected(f"{display}#{number + 1}", f"corrupt WARC record: {type(exc).__name__}: {exc}; records "
                       "before it were read", "undecodable")
