"""Plain-text news pages: headline, date stamp and byline as lines of text, then the body."""

from __future__ import annotations

from ..nlp.sentences import SENTENCE_END, shortened
from .byline import glued_stamp
from .clean import Parsed, clean_body, join

#: a first line longer than this, or holding several sentences, is body text, not a headline
TITLE_MAX_CHARS = 200
TITLE_FALLBACK_CHARS = 160


def _is_headline(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= TITLE_MAX_CHARS and len(SENTENCE_END.findall(line.rstrip(".!?。！？"))) == 0


def first_sentence(text: str) -> str | None:
    """A stand-in title for a page that has none: its first sentence, after any date stamp glued to it,
    shortened at a word if long."""
    head = text.strip().split("\n", 1)[0]
    head = head[glued_stamp(head):]
    end = SENTENCE_END.search(head)
    sentence = head[: end.end()] if end else head
    return shortened(sentence.strip(), TITLE_FALLBACK_CHARS) or None


def parse(text: str, max_line_chars: int = 160) -> Parsed:
    cleaned = clean_body(text, max_line_chars)
    lines = cleaned.lines
    title = None
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    rest = [line for line in lines[first + 1:] if line.strip()] if first is not None else []
    if first is not None and rest and _is_headline(lines[first]):
        title = lines[first].strip()
        lines = lines[first + 1:]
    body = join(lines)
    byline = cleaned.byline
    return Parsed(body, title, None, byline.published, byline.outlet, byline.reposted_from,
                  byline.authors, cleaned.removed)
