"""Markdown pages, as the crawlers that turn web pages into Markdown write news: the metadata in YAML front
matter (static sites) or in a reader's header ("Title: / URL Source: / Published Time: / Markdown Content:"),
the body's markup rendered by markdown-it and read as text (links by their words, images dropped, headings as
lines of their own). Fields are named as in JSON records (``jsonl.FIELDS``)."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import yaml
from markdown_it import MarkdownIt

from ..model import Removed
from .clean import Parsed
from .html import visible_lines
from .jsonl import FIELDS, to_parsed

#: front matter larger than this is no page's metadata; it is read as text
FRONT_MATTER_MAX = 64 * 1024
_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
#: a reader service's header: "Key: value" lines before "Markdown Content:"
_READER_KEYS = {"title": "title", "url source": "url", "published time": "published", "description": None,
                "language": "language", "author": "author", "source": "source"}
_READER_LINE = re.compile(r"^(?P<key>[A-Z][A-Za-z ]{1,20}):[ \t]*(?P<value>.*)$")
_SCALARS = (str, int, float, date, datetime)
_RENDERER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
_HEADING = re.compile(r"\A\s*<h[1-3][ >]")
_CELL_BETWEEN = re.compile(r"</t[dh]>\s*<t[dh](?:\s[^>]*)?>")
_CELL = re.compile(r"</?t[dh](?:\s[^>]*)?>")


def _plain(value: Any) -> Any:
    """A front matter value kept when it is a scalar or a flat list of them (names, tags): YAML's aliases can
    make a small text a structure too large to walk, and no field we read is deeper."""
    if isinstance(value, _SCALARS):
        return value.isoformat() if isinstance(value, (date, datetime)) else value
    if isinstance(value, list) and len(value) <= 100 and all(isinstance(v, str) for v in value):
        return list(value)
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return {"name": value["name"]}
    return None


def _front_matter(text: str) -> tuple[dict[str, Any], str, list[str]]:
    """(fields, body, the lines the fields were read from)."""
    found = _FRONT.match(text)
    if found and len(found.group(1)) <= FRONT_MATTER_MAX:
        try:
            data = yaml.safe_load(found.group(1))
        except yaml.YAMLError:
            data = None
        if isinstance(data, dict):
            fields = {str(k): v for k, v in ((k, _plain(v)) for k, v in data.items()) if v is not None}
            return fields, text[found.end():], found.group(0).strip().split("\n")
    return _reader_header(text)


def _reader_header(text: str) -> tuple[dict[str, Any], str, list[str]]:
    head, marker, body = text.partition("\nMarkdown Content:")
    if not marker or len(head) > FRONT_MATTER_MAX:
        return {}, text, []
    fields: dict[str, Any] = {}
    lines = [line for line in head.strip().split("\n") if line.strip()]
    for line in lines:
        found = _READER_LINE.match(line.strip())
        if found is None or found.group("key").lower() not in _READER_KEYS:
            return {}, text, []
        name = _READER_KEYS[found.group("key").lower()]
        if name and found.group("value").strip():
            fields[name] = found.group("value").strip()
    return fields, body, [*lines, "Markdown Content:"]


def is_reader_output(text: str) -> bool:
    """Whether a text file is a reader service's Markdown saved as text (its header names the page)."""
    return text.lstrip("\ufeff").startswith("Title:") and bool(_reader_header(text)[2])


def _render(body: str) -> str:
    """The body as HTML, a table's row one line of its cells ("03:00 | Fire starts"), not a line a cell."""
    html = _RENDERER.render(body)
    html = _CELL_BETWEEN.sub(" | ", html)
    return _CELL.sub("", html)


def body_text(markdown: str, title: str | None = None) -> str:
    """A Markdown body as plain text, a paragraph (heading, table row, list item) a line; a leading heading
    that the title holds already ("Fire in Lyon" under "Fire in Lyon | Lyon Daily") is left out."""
    html = _render(markdown)
    lines = visible_lines(html)
    if lines and title and _HEADING.match(html) and lines[0].casefold() in title.casefold():
        lines = lines[1:]
    return "\n\n".join(lines)


def parse(text: str, max_line_chars: int = 160) -> Parsed:
    fields, body, header = _front_matter(text)
    html = _render(body)
    lines = visible_lines(html)
    record = dict(fields)
    given = next((str(record[name]) for name in FIELDS["title"] if isinstance(record.get(name), str)), None)
    if lines and _HEADING.match(html) and (not given or lines[0].casefold() in given.casefold()):
        if not given:
            record["title"] = lines[0]
        lines = lines[1:]
    record["text"] = "\n\n".join(lines)
    parsed = to_parsed(record, max_line_chars)
    if isinstance(parsed, str):
        return Parsed(text="")
    parsed.removed = [Removed(line, "markdown: metadata header") for line in header] + parsed.removed
    return parsed
