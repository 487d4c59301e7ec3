"""Turn what the user named (files, folders, globs) into readable documents, or say why not.

Every path ends as a ``Document`` or a ``Rejected`` with a specific reason: missing paths, symlink
loops, special files, oversize files, binaries, undecodable bytes and unsupported types are all
reported, never skipped. Folder walks are sorted, so the same tree gives the same order everywhere.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import gzip
import os
import re
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import Rejected
from .feed import is_feed
from .language import known_share

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                 ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
                 ".json": "json",
                 ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl",
                 ".rss": "feed", ".atom": "feed", ".rdf": "feed", ".xml": "feed"}
#: what the unsupported-type reason says storyweave reads
READABLE = ".txt, .md, .html, .json, .jsonl, RSS/Atom feeds (.rss, .atom, .rdf, .xml), .warc, .arc and their .gz"

#: magic numbers of formats people drop into news folders; named so the reason says what the file is
BINARY_MAGIC = ((b"%PDF", "PDF document"), (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"),
                (b"GIF8", "GIF image"), (b"PK\x03\x04", "ZIP archive or Office document"),
                (b"\x7fELF", "executable"), (b"SQLite format 3", "SQLite database"),
                (b"\xd0\xcf\x11\xe0", "legacy Office document"), (b"ID3", "MP3 audio"),
                (b"RIFF", "RIFF media file"), (b"BZh", "bzip2 archive"), (b"\xfd7zXZ", "xz archive"),
                (b"7z\xbc\xaf", "7-Zip archive"))

GZIP_MAGIC = b"\x1f\x8b"
BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
#: charset-normalizer's "chaos" above this means the bytes are not text in any encoding it knows
MAX_CHAOS = 0.25
#: single-byte encodings this close to the least chaotic one are told apart by the words they decode to
#: (charset-normalizer alone read short Western European texts as the Baltic cp775 or the Central European
#: cp1250: ``benchmarks/ingest.py --encodings``)
CHAOS_MARGIN = 0.05
#: single-byte charsets written for the same languages, of which charset-normalizer may propose one alone:
#: Croatian in ISO 8859-2 came back as cp1250 only ("muąkarca" for "muškarca"), so the other is tried too
SIBLINGS = {"cp1250": ("iso8859_2",), "iso8859_2": ("cp1250",)}
_C1 = re.compile("[\x80-\x9f]")
#: the web's most used legacy single-byte charsets, most used first (W3Techs; ISO 8859-1 pages are read as
#: cp1252): where the words tie (a name, "João", no common word has), the likelier charset wins
PREVALENCE = ("cp1252", "cp1251", "cp1250", "iso8859_2")
#: bytes at least this share ASCII, read as Chinese or Korean characters each against a Latin letter, are a
#: Latin text misread (``_latin_read_as_cjk``)
ASCII_SHARE = 0.9
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
#: the legacy multi-byte charsets of Japanese and Chinese, also read strictly: charset-normalizer found no
#: reading of Shift-JIS Japanese rich in katakana names (disorder 0.207 over its limit), or read it as GB18030
MULTI_BYTE = ("cp932", "euc_jp", "gb18030", "big5")
#: where charset-normalizer has no reading, a strict one is taken when this share of its characters are
#: common ones of its language (WMT dev: right readings 0.88-0.94, wrong ones under 0.01)
KNOWN_FLOOR = 0.5
#: ... and where it has one, another replaces it only when this much more often common: GB18030 keeps the kana
#: of EUC-JP bytes and mangles only some kanji and marks, which may score a little higher than the right reading
KNOWN_MARGIN = 0.3
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Source:
    """A regular file to read; ``display`` is the path as the user named it."""

    path: Path
    display: str


@dataclass(frozen=True)
class Document:
    """A decoded input file: its text, the kind of content, and the raw bytes its ids hash. A piece of a long
    JSONL file is a Document too, whose text starts at line ``first_line`` (a piece of a long JSON list: at
    record ``first_line``)."""

    display: str
    kind: str
    text: str
    raw: bytes
    first_line: int = 1


def stat_error(display: str, exc: OSError) -> Rejected:
    if exc.errno == errno.ELOOP:
        return Rejected(display, "symlink loop: the link points back at itself", "symlink_loop")
    if isinstance(exc, FileNotFoundError):
        return Rejected(display, "no such file or directory", "not_found")
    if isinstance(exc, PermissionError):
        return Rejected(display, "permission denied: cannot be read", "unreadable")
    return Rejected(display, f"cannot be read: {exc.strerror or exc}", "unreadable")


def _outside(path: Path, shown: str, root: Path | None) -> Rejected | None:
    """A link (or a path through one) that leads out of ``root``, the resolved folder the user named; None
    when ``root`` is None (links are followed anywhere) or the path stays inside."""
    if root is None or path.resolve().is_relative_to(root):
        return None
    return Rejected(shown, "a link that leads outside the folder given: not followed (name its target "
                               "itself, or pass --follow-links)", "outside_link")


def _walk(root: Path, display_root: str, follow_links: bool) -> Iterator[Source | Rejected]:
    """Walk a folder in sorted order, following links inside it (and out of it with ``follow_links``) but
    never around a loop."""
    seen: set[tuple[int, int]] = set()
    inside = None if follow_links else root.resolve()

    def visit(folder: Path, shown: str) -> Iterator[Source | Rejected]:
        try:
            info = folder.stat()
        except OSError as exc:
            yield stat_error(shown, exc)
            return
        key = (info.st_dev, info.st_ino)
        if key in seen:
            yield Rejected(shown, "symlink loop: this folder link leads back into a folder already read",
                           "symlink_loop")
            return
        seen.add(key)
        try:
            names = sorted(os.listdir(folder))
        except OSError as exc:
            yield stat_error(shown, exc)
            return
        for name in names:
            child, child_shown = folder / name, os.path.join(shown, name)
            try:
                child_info = child.stat()
            except OSError as exc:
                yield stat_error(child_shown, exc)
                continue
            if child.is_symlink() and (away := _outside(child, child_shown, inside)):
                yield away
                continue
            if stat.S_ISDIR(child_info.st_mode):
                yield from visit(child, child_shown)
            else:
                yield _file(child, child_shown, child_info)

    yield from visit(root, display_root)


def _file(path: Path, display: str, info: os.stat_result) -> Source | Rejected:
    if not stat.S_ISREG(info.st_mode):
        kind = "FIFO" if stat.S_ISFIFO(info.st_mode) else "socket" if stat.S_ISSOCK(info.st_mode) else "device"
        return Rejected(display, f"not a regular file ({kind})", "not_regular")
    return Source(path, display)


def _fixed_part(pattern: str) -> Path:
    """The folder a glob pattern searches: its leading components without wildcards."""
    parts = Path(pattern).parts
    fixed = next((i for i, part in enumerate(parts) if glob.has_magic(part)), len(parts))
    return Path(*parts[:fixed]) if fixed else Path(".")


def expand(inputs: Iterable[str | os.PathLike[str]], follow_links: bool = False) -> Iterator[Source | Rejected]:
    """Files, folders (recursively) and glob patterns, in the order given; folders sorted inside. A path named
    is read wherever it leads; inside a folder, or under a glob's fixed part, a link leading out of it is
    rejected unless ``follow_links``."""
    for item in inputs:
        shown = os.fspath(item)
        path = Path(shown)
        try:
            info = path.stat()
        except OSError as exc:
            if not path.is_symlink() and glob.has_magic(shown):
                matches = sorted(glob.glob(shown, recursive=True))
                if not matches:
                    yield Rejected(shown, "the pattern matched no file", "not_found")
                inside = None if follow_links else _fixed_part(shown).resolve()
                for match in matches:
                    away = _outside(Path(match), match, inside)
                    if away:
                        yield away
                    else:
                        yield from expand([match], follow_links)
                continue
            yield stat_error(shown, exc)
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, shown, follow_links)
        else:
            yield _file(path, shown, info)


def human_size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def _gunzip(data: bytes, limit: int) -> bytes:
    out = zlib.decompressobj(16 + zlib.MAX_WBITS)
    body = out.decompress(data, limit + 1)
    if len(body) > limit:
        raise OverflowError
    if not out.eof:
        raise gzip.BadGzipFile("truncated gzip stream")
    return body


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format, or None when the bytes can be text."""
    for magic, name in BINARY_MAGIC:
        if data.startswith(magic):
            return name
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in BOMS):
        return None
    if b"\x00" in head:
        return "contains NUL bytes"
    return None


def decode(data: bytes) -> tuple[str, str] | None:
    """Decode bytes as UTF-8, a BOM-marked Unicode form, or the best detected charset; None if none fits.
    charset-normalizer takes an XML declaration's or HTML meta tag's encoding before guessing."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    found = from_bytes(data)
    best = found.best()
    if best is None or best.chaos > MAX_CHAOS:
        return _multi_byte(data, None)
    single_byte = [(str(m), m.encoding) for m in found
                   if m.chaos <= best.chaos + CHAOS_MARGIN and len(str(m)) == len(data)]
    if _latin_read_as_cjk(data, str(best)):
        single_byte = []
    elif (str(best), best.encoding) not in single_byte:
        return _multi_byte(data, (str(best), best.encoding))
    tried = [s for _, e in single_byte for s in SIBLINGS.get(e, ())] if single_byte else PREVALENCE
    for encoding in tried:
        if all(encoding != e for _, e in single_byte):
            with contextlib.suppress(UnicodeDecodeError):
                text = data.decode(encoding)
                if not _C1.search(text):  # ISO 8859's control codes where the Windows page has letters
                    single_byte.append((text, encoding))
    if not single_byte:
        return str(best), best.encoding
    if len(single_byte) == 1:
        return single_byte[0]
    shares = [known_share(text) for text, _ in single_byte]
    top = max(shares)
    tied = [m for m, share in zip(single_byte, shares, strict=True) if share == top]
    return min(tied, key=lambda m: PREVALENCE.index(m[1]) if m[1] in PREVALENCE else len(PREVALENCE))


def _multi_byte(data: bytes, found: tuple[str, str] | None) -> tuple[str, str] | None:
    """charset-normalizer's multi-byte reading unless a strict one of MULTI_BYTE has characters far more often
    common ones of its language; with no reading of charset-normalizer's, the strict one whose characters
    most often are, if at least KNOWN_FLOOR (bytes that are no text decode to rare characters or controls)."""
    readings = [found] if found else []
    for encoding in MULTI_BYTE:
        with contextlib.suppress(UnicodeDecodeError):
            text = data.decode(encoding)
            if not _CONTROL.search(text) and all(text != seen for seen, _ in readings):
                readings.append((text, encoding))
    if not readings:
        return None
    shares = [known_share(text) for text, _ in readings]
    top = max(range(len(readings)), key=shares.__getitem__)
    if found:
        return readings[top] if shares[top] >= shares[0] + KNOWN_MARGIN else found
    return readings[top] if shares[top] >= KNOWN_FLOOR else None


def _latin_read_as_cjk(data: bytes, text: str) -> bool:
    """A multi-byte reading of bytes mostly ASCII whose every other character sits against a Latin letter:
    a Latin text's accented letters paired up as Chinese or Korean characters ("Jo緌 Louren蔞", "ne老")."""
    if len(text) == len(data) or sum(b < 0x80 for b in data) < ASCII_SHARE * len(data):
        return False
    runs = list(_NON_ASCII.finditer(text))
    return bool(runs) and all(_LATIN.match(text, max(0, r.start() - 1)) or _LATIN.match(text, r.end()) for r in runs)


def _kind_from_name(name: str, text_head: str) -> str | None:
    suffix = Path(name).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return TEXT_SUFFIXES[suffix]
    if suffix:
        return None
    if is_feed(text_head):
        return "feed"
    head = text_head.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<p>" in head:
        return "html"
    if head.startswith(("{", "[")):
        return "jsonl" if "\n{" in text_head else "json"
    return "text"


def read(source: Source, max_bytes: int) -> Document | Rejected:
    """Read one file with every check; never raises for a bad file."""
    shown = source.display
    try:
        size = source.path.stat().st_size
        if size > max_bytes:
            return Rejected(shown, f"file is {human_size(size)}, over the {human_size(max_bytes)} limit (--max-bytes)",
                            "too_large")
        with source.path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return stat_error(shown, exc)
    if len(data) > max_bytes:
        return Rejected(shown, f"file grew past the {human_size(max_bytes)} limit while being read", "too_large")
    if not data.strip():
        return Rejected(shown, "empty file" if not data else "file holds only white space", "empty")
    name = shown
    raw = data
    if data.startswith(GZIP_MAGIC):
        try:
            data = _gunzip(data, max_bytes)
        except OverflowError:
            return Rejected(shown, f"gzip content is over the {human_size(max_bytes)} limit (--max-bytes)",
                            "too_large")
        except (zlib.error, gzip.BadGzipFile, EOFError) as exc:
            return Rejected(shown, f"corrupt gzip file: {exc}", "undecodable")
        name = shown[:-3] if shown.lower().endswith(".gz") else shown + ".unknown-inside-gzip"
        if not data.strip():
            return Rejected(shown, "gzip file holds an empty document", "empty")
    elif Path(shown).suffix.lower() in (".gz", ".gzip"):
        return Rejected(shown, "named .gz but is not gzip data", "undecodable")
    suffix = Path(name).suffix.lower()
    binary = sniff_binary(data)
    if suffix in (".warc", ".arc"):
        return Rejected(shown, f"named {suffix} but does not start with a {suffix[1:].upper()} record header",
                        "undecodable")
    if suffix and suffix not in TEXT_SUFFIXES:
        what = f" ({binary})" if binary and binary != "contains NUL bytes" else ""
        return Rejected(shown, f"unsupported type {suffix}{what}: storyweave reads {READABLE}", "unsupported_type")
    if binary:
        return Rejected(shown, f"binary file ({binary}), not text", "binary")
    decoded = decode(data)
    if decoded is None:
        return Rejected(shown, "undecodable bytes: not UTF-8, UTF-16 or any charset detected with confidence",
                        "undecodable")
    text = decoded[0].replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    kind = _kind_from_name(name, text[:4096])
    if kind is None:
        return Rejected(shown, f"unsupported type {suffix}", "unsupported_type")
    if kind == "feed" and not is_feed(text[:4096]):
        return Rejected(shown, f"unsupported type {suffix}: XML that is not an RSS or Atom feed", "unsupported_type")
    return Document(shown, kind, text, raw)


#: JSONL files are read in pieces of about this many characters, each parsed apart (and in parallel)
LINES_PIECE = 1_000_000
_JSONL_SUFFIXES = tuple(suffix for suffix, kind in TEXT_SUFFIXES.items() if kind == "jsonl")


class Pieces:
    """Records of one long file gathered into Documents of about ``LINES_PIECE`` characters, each parsed apart
    (in parallel with --workers); ``first_line`` is the place of a piece's first record."""

    def __init__(self, shown: str, kind: str, join: Callable[[list[str]], str]) -> None:
        self.shown, self.kind, self.join = shown, kind, join
        self.texts: list[str] = []
        self.first = self.size = 0

    def add(self, text: str, place: int) -> Iterator[Document]:
        if not self.texts:
            self.first = place
        self.texts.append(text)
        self.size += len(text)
        if self.size >= LINES_PIECE:
            yield from self.flush()

    def flush(self) -> Iterator[Document]:
        if self.texts:
            yield Document(self.shown, self.kind, self.join(self.texts), b"", self.first)
            self.texts.clear()
        self.size = 0


def read_stopped(shown: str, exc: OSError | EOFError | zlib.error, unit: str, count: int) -> Rejected:
    """Why a read of records ended part way, after ``count`` of them (``unit``: "line", "record"): a corrupt or
    cut gzip stream, or the file itself."""
    if isinstance(exc, (gzip.BadGzipFile, zlib.error, EOFError)):
        return Rejected(shown, f"corrupt gzip file: read stopped after {unit} {count}: {exc or 'cut short'}",
                        "undecodable")
    if count == 0:
        return stat_error(shown, exc)
    return Rejected(shown, f"read stopped after {unit} {count}: {exc}", "undecodable")


def in_lines(source: Source, max_bytes: int) -> bool:
    """A JSONL file over the size limit, or gzipped, is read line by line, the limit holding for each record:
    a dump of a news crawl is one file of many records, like a web archive."""
    name = source.display.lower()
    gzipped = name.endswith(".gz")
    if not name.removesuffix(".gz").endswith(_JSONL_SUFFIXES):
        return False
    try:
        return gzipped or source.path.stat().st_size > max_bytes
    except OSError:
        return False


def read_lines(source: Source, max_bytes: int) -> Iterator[Document | Rejected]:
    """A JSONL file (or its .gz) in pieces of whole lines, each a Document with its first line's number; a
    record over the limit, or undecodable, is rejected alone. A read that fails part way (a corrupt or cut
    gzip stream) ends with a rejection; what came before stays read."""
    shown = source.display
    pieces = Pieces(shown, "jsonl", "\n".join)
    lineno = 0
    reported = False
    try:
        with source.path.open("rb") as raw:
            head = raw.read(2)
            raw.seek(0)
            handle = gzip.open(raw) if head == GZIP_MAGIC else raw
            while line := handle.readline(max_bytes + 1):
                lineno += 1
                if lineno == 1 and (binary := sniff_binary(line[:4096])):
                    yield Rejected(shown, f"binary file ({binary}), not text", "binary")
                    return
                if len(line) > max_bytes and not line.endswith(b"\n"):
                    while line and not line.endswith(b"\n"):
                        line = handle.readline(1 << 20)
                    yield from pieces.flush()
                    yield Rejected(f"{shown}#{lineno}", f"record is over the {human_size(max_bytes)} limit "
                                                        "(--max-bytes)", "too_large")
                    reported = True
                    continue
                text = _line_text(line.removeprefix(b"\xef\xbb\xbf") if lineno == 1 else line)
                if text is None:
                    yield from pieces.flush()
                    yield Rejected(f"{shown}#{lineno}", "undecodable bytes: not UTF-8 or any charset detected "
                                                        "with confidence", "undecodable")
                    reported = True
                    continue
                reported = reported or bool(text.strip())
                yield from pieces.add(text, lineno)
    except (OSError, EOFError, zlib.error) as exc:
        failed: Rejected | None = read_stopped(shown, exc, "line", lineno)
    else:
        failed = None if reported else Rejected(shown, "empty file" if not lineno else "file holds only white space",
                                               "empty")
    yield from pieces.flush()
    if failed is not None:
        yield failed


def _line_text(line: bytes) -> str | None:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        decoded = decode(line)
        if decoded is None:
            return None
        text = decoded[0]
    return text.rstrip("\r\n").replace("\x00", "")
