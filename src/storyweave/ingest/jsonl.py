"""JSON and JSONL article records, with the field names news tools and datasets commonly use."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..model import Rejected, Removed
from . import headline
from .byline import parse_date_line
from .clean import Parsed, clean_body, join
from .html import visible_text
from .language import declared

FIELDS = {
    "title": ("title", "headline", "name"),
    "text": ("text", "body", "content", "articleBody", "article_body", "maintext", "full_text"),
    "published": ("published", "date", "datePublished", "date_published", "published_at", "publishedAt",
                  "pubDate", "date_publish", "publish_date", "publishedTime", "published_time", "timestamp"),
    "url": ("url", "link", "canonical_url", "sourceURL", "source_url"),
    "outlet": ("outlet", "source", "site_name", "sitename", "source_domain", "publisher", "feed"),
    "authors": ("authors", "author", "byline", "creator"),
    "language": ("language", "lang", "inLanguage"),
    "external_id": ("id", "guid", "_id", "uuid", "url"),
}
#: a JSON document holding its articles under one of these keys is a list of records
CONTAINER_KEYS = ("articles", "items", "records", "data", "results", "entries")
_HTML_FRAGMENT = re.compile(r"<(?:p|div|br|span|a|h[1-6]|article|li|em|strong)\b[^>]*>", re.I)
_JSON_KINDS = {bool: "true or false", int: "a number", float: "a number", dict: "an object", list: "a list",
               str: "a string", type(None): "null"}
_SURROGATE = re.compile("[\ud800-\udfff]")
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\band\b|&|\|)\s*")


@dataclass(frozen=True)
class Record:
    """One JSON object with its position (1-based line or index) and the bytes its id hashes."""

    data: Any
    position: int | None
    raw: bytes


def kind(value: Any) -> str:
    """What a JSON value is, in JSON's words ("a list", "a number"), for the reason a record is rejected."""
    return _JSON_KINDS.get(type(value), type(value).__name__)


def _first(data: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = data.get(name)
        if value not in (None, "", []):
            return value
    return None


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("id")
    if isinstance(value, (str, int, float)) and str(value).strip():
        return str(value).strip()
    return None


def _authors(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = _name(item)
        if name is None:
            continue
        names.extend(part.strip() for part in _AUTHOR_SPLIT.split(name) if part.strip())
    return list(dict.fromkeys(names))


def _published(value: Any) -> str | None:
    from .dates import normalise

    if isinstance(value, (int, float)):
        return normalise(value)
    name = _name(value)
    return normalise(name) if name else None


def _without_surrogates(value: Any) -> Any:
    """The value with each lone surrogate ("\\ud800", which JSON may escape but UTF-8 cannot hold) as U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {key: _without_surrogates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(item) for item in value]
    return value


#: what a scan of JSON must see: strings whole (their brackets and commas are text), brackets and commas
_JSON_TOKEN = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{},]')
#: why a record nested thousands of levels deep is not read
TOO_DEEP = "nests deeper than Python's JSON reader goes (its recursion limit)"


def canonical(item: Any) -> bytes:
    """The bytes a record's id hashes when it has none of its own (an item of a list, a record posted to the
    API): its JSON with sorted keys, each lone surrogate as U+FFFD since UTF-8 cannot hold one."""
    return json.dumps(_without_surrogates(item), sort_keys=True, ensure_ascii=False).encode("utf-8")


def _flattened(data: dict[str, Any]) -> dict[str, Any]:
    """A record with the fields of its ``metadata`` object beside its own (a crawler's output: the page's body
    as ``markdown``, its title and address under ``metadata``); the record's own fields win."""
    meta = data.get("metadata")
    if not isinstance(meta, dict):
        return data
    return {**{key: value for key, value in meta.items() if isinstance(value, (str, int, float, list))}, **data}


def to_parsed(data: dict[str, Any], max_line_chars: int = 160) -> Parsed | str:
    """A record as ``Parsed``, or the reason it cannot be one. A body given only as ``markdown`` is read as
    a Markdown page's body is."""
    data = _flattened(_without_surrogates(data))
    text = _first(data, FIELDS["text"])
    if text is None and isinstance(data.get("markdown"), str):
        from .markdown import body_text

        text = body_text(data["markdown"], _name(_first(data, FIELDS["title"])))
    if isinstance(text, list) and all(isinstance(item, str) for item in text):
        text = "\n\n".join(item.strip() for item in text if item.strip())  # the body as a list of paragraphs
    if text is not None and not isinstance(text, str):
        field = next(name for name in FIELDS["text"] if data.get(name) is text)
        return f"record's {field!r} is {kind(text)}, not text"
    if not text or not text.strip():
        return f"record has no text (looked for {', '.join(FIELDS['text'][:3])})"
    if _HTML_FRAGMENT.search(text):
        text = visible_text(text)
    cleaned = clean_body(text, max_line_chars)
    byline = cleaned.byline
    external = _first(data, FIELDS["external_id"])
    title = _name(_first(data, FIELDS["title"]))
    url = _name(_first(data, FIELDS["url"]))
    outlet = _name(_first(data, FIELDS["outlet"]))
    removed = cleaned.removed
    # a scraper's "Updated: November 11, 2011 20:09 IST" (or "Sunday, March 17, 2013 | 5:00 PM") is the page's
    # date, not its headline; a headline's site names are taken off with every kind's (ingest._article)
    stamp = parse_date_line(headline.trimmed(title, outlet, url)[0]) if title else None
    if stamp is not None:
        removed = [*removed, Removed(title, "metadata: date line in the title field (→ published)")]
        title = None
    return Parsed(
        text=join(cleaned.lines),
        title=title,
        published=_published(_first(data, FIELDS["published"])) or byline.published or (stamp and stamp[0]),
        outlet=outlet or byline.outlet,
        reposted_from=byline.reposted_from,
        authors=_authors(_first(data, FIELDS["authors"])) or byline.authors,
        removed=removed,
        language=declared(_name(_first(data, FIELDS["language"]))),
        url=url,
        external_id=_name(external),
    )


def _error(exc: json.JSONDecodeError) -> str:
    return f"{exc.msg} (line {exc.lineno}, column {exc.colno})"


def _deep_list(text: str, display: str, first_line: int) -> Iterator[Record | Rejected]:
    """A JSON list with a record nested too deep for ``json.loads``: the list is cut into its records' texts
    by a scan that does not recurse, each read alone, so only that record is rejected."""
    pieces = _elements(text)
    if pieces is None:
        yield Rejected(display, f"JSON {TOO_DEEP}", "invalid_json")
        return
    for index, piece in enumerate(pieces, start=first_line):
        try:
            item = json.loads(piece)
        except RecursionError:
            yield Rejected(f"{display}#{index}", f"record {TOO_DEEP}", "invalid_json")
            continue
        except json.JSONDecodeError as exc:
            yield Rejected(f"{display}#{index}", f"invalid JSON: {_error(exc)}", "invalid_json")
            continue
        yield _record(item, index, display)


def _record(item: Any, index: int, display: str) -> Record | Rejected:
    """An item of a list with the bytes its id hashes; one nested nearly as deep as ``json.loads`` goes is read
    but cannot be written again."""
    try:
        return Record(item, index, canonical(item))
    except RecursionError:
        return Rejected(f"{display}#{index}", f"record {TOO_DEEP}", "invalid_json")


def _elements(text: str) -> list[str] | None:
    """The texts of the items of the top-level JSON array in ``text``, or None when it holds no array."""
    body = text.strip().lstrip("\ufeff")
    if not body.startswith("[") or not body.endswith("]"):
        return None
    items, depth, start = [], 0, 1
    for token in _JSON_TOKEN.finditer(body):
        mark = token.group()
        if mark in "[{":
            depth += 1
        elif mark in "]}":
            depth -= 1
            if depth == 0:
                items.append(body[start:token.start()])
        elif mark == "," and depth == 1:
            items.append(body[start:token.start()])
            start = token.end()
    return [item for item in items if item.strip()]


def is_lines(text: str) -> bool:
    """Whether a text is JSON Lines, as many datasets are under a ``.json`` name: its first line is a whole
    object and another line follows."""
    first, _, rest = text.lstrip().partition("\n")
    if not rest.strip():
        return False
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False


def records(kind: str, text: str, display: str, first_line: int = 1) -> Iterator[Record | Rejected]:
    """Split a JSON or JSONL document into records; a broken line is rejected alone. ``first_line``: the
    number of the text's first line in its file (a piece of a long JSONL file), or of its first record (a
    piece of a long JSON list)."""
    if kind == "jsonl":
        for lineno, line in enumerate(text.split("\n"), start=first_line):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Rejected(f"{display}#{lineno}", f"invalid JSON on line {lineno}: {exc.msg} "
                                                      f"(column {exc.colno})", "invalid_json")
                continue
            except RecursionError:
                yield Rejected(f"{display}#{lineno}", f"JSON on line {lineno} {TOO_DEEP}", "invalid_json")
                continue
            yield Record(data, lineno, line.strip().encode("utf-8"))
        return
    try:
        data = json.loads(text)
    except RecursionError:
        yield from _deep_list(text, display, first_line)
        return
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and is_lines(text):
            yield from records("jsonl", text, display, first_line)  # JSON Lines under a .json name
            return
        yield Rejected(display, f"invalid JSON: {_error(exc)}", "invalid_json")
        return
    if isinstance(data, dict) and _first(data, FIELDS["text"]) is None:
        container = next((data[k] for k in CONTAINER_KEYS if isinstance(data.get(k), list)), None)
        if container is not None:
            data = container
    if isinstance(data, list):
        for index, item in enumerate(data, start=first_line):
            yield _record(item, index, display)
        if not data:
            yield Rejected(display, "JSON holds an empty list: no records", "no_text")
        return
    yield Record(data, None, text.encode("utf-8"))
