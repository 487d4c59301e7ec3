"""Clean an article body: boilerplate out anywhere, metadata lines out at the top and bottom.

Every line taken out is returned as a ``Removed`` with its reason, and what metadata lines said is
returned as a ``Byline``; body lines are kept whole and in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Removed
from .boilerplate import classify
from .byline import Byline, date_stamps, glued_stamp, parse_date_line, parse_metadata_line, stamp_date

#: how many non-blank lines at the top and at the bottom may hold datelines, bylines and source notes
HEAD_LINES = 6
TAIL_LINES = 4
#: a metadata line is short; longer lines are body text even in the head
METADATA_MAX_CHARS = 250
#: a date stamp glued to the text is looked for in this many first lines
GLUED_LINES = 2
#: a stamp after a glued headline starts within its length, and is this long at most
HEADLINE_CHARS, STAMP_CHARS = 200, 80

_BLANKS = re.compile(r"\n{3,}")
#: control characters, which no reader sees and a terminal obeys: an ANSI escape sequence goes whole, form and
#: line feeds, carriage returns and the Unicode line separators break the line, the rest go; tab and newline stay
_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]")
_RETURNS = re.compile(r"\r\n?")
_BREAKS = re.compile(r"[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@dataclass
class Parsed:
    """What a parser read from one document, before it becomes an ``Article``."""

    text: str
    title: str | None = None
    title_source: str | None = None
    published: str | None = None
    outlet: str | None = None
    reposted_from: str | None = None
    authors: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    language: str | None = None
    url: str | None = None
    external_id: str | None = None


@dataclass
class Cleaned:
    lines: list[str]
    removed: list[Removed] = field(default_factory=list)
    byline: Byline = field(default_factory=Byline)


def visible(value: str, line_break: str = "\n") -> str:
    """The value without control characters (``_CONTROLS``): what a field of an article may hold. In HTML, where
    a line break is a space, ``line_break`` is " "."""
    return _CONTROLS.sub("", _BREAKS.sub(line_break, _RETURNS.sub("\n", _ESCAPE.sub("", value))))


def join(lines: list[str]) -> str:
    """Body text from kept lines: trailing spaces off, at most one blank line between paragraphs."""
    return _BLANKS.sub("\n\n", "\n".join(line.rstrip() for line in lines)).strip()


def _metadata_reason(line: str, byline: Byline) -> str | None:
    if len(line) > METADATA_MAX_CHARS:
        return None
    dated = parse_date_line(line)
    if dated is not None:
        iso, weather = dated
        byline.published = byline.published or iso
        return "metadata: date line (→ published)" + ("; weather widget" if weather else "")
    if parse_metadata_line(line, byline):
        return "metadata: byline/source line (→ authors, outlet, reposted_from)"
    return None


def clean_body(text: str, max_line_chars: int = 160) -> Cleaned:
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    edge = set(filled[:HEAD_LINES]) | set(filled[-TAIL_LINES:])
    result = Cleaned([])
    for i, line in enumerate(lines):
        stripped = line.strip()
        reason = classify(stripped, max_line_chars) if stripped else None
        if reason is None and i in edge:
            reason = _metadata_reason(stripped, result.byline)
        if reason is None:
            result.lines.append(line)
        else:
            result.removed.append(Removed(stripped, reason))
    if result.byline.published is None:
        result.byline.published = glued_date(result.lines)
    return result


def glued_date(lines: list[str]) -> str | None:
    """The date of a stamp glued to the first sentence ("Published May 03, 2013 It seems Lindsay Lohan …", as
    scrapes rebuild pages), or to the headline before it ("… in cover-up updated 7 / 28 / 2004 3:02:00 PM ET
    Fred LaRue …"), in the first GLUED_LINES lines of text. The line stays whole: the stamp is part of it,
    and a body line is never cut."""
    for line in [line.strip() for line in lines if line.strip()][:GLUED_LINES]:
        opening = glued_stamp(line)
        read = stamp_date(line, opening) if opening else None
        if read is not None:
            return read
        for start, end in date_stamps(line[:HEADLINE_CHARS + STAMP_CHARS]):
            if 0 < start <= HEADLINE_CHARS and (read := stamp_date(line[start:], end - start)) is not None:
                return read
    return None
