"""RSS and Atom feeds (feedparser): each item is an article record.

An item's id hashes its own content, not its place in the feed, so a feed read again as it grows adds only
the items that are new. An item with a headline and no text is kept as a headline (feeds of headlines are
news too); one with neither is rejected with its position.
"""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..model import Rejected
from .clean import Parsed, clean_body, join
from .dates import normalise
from .html import visible_text
from .language import declared

#: a DOCTYPE's internal subset, read past quoted values and comments (which may hold "]" or quotes)
_INTERNAL = r"""\[(?:<!--.*?-->|"[^"]*"|'[^']*'|[^\]"'])*+\]"""
_SUBSET = re.compile(rf"(?P<head><!DOCTYPE[^\[>]*){_INTERNAL}", re.S)
#: what may stand before a doctype: white space, the XML declaration and other processing instructions, comments
_MISC = r"\s+|<\?.*?\?>|<!--.*?-->"
_LEAD = re.compile(rf"(?:{_MISC})*", re.S)
#: a feed's root element, after the XML prolog (declaration, comments, doctype)
_PROLOG = re.compile(rf"^(?:{_MISC}|<!DOCTYPE[^\[>]*(?:{_INTERNAL})?\s*>)*", re.S | re.I)
_ROOT = re.compile(r"<(?:rss|feed|(?:[\w-]+:)?RDF)\b", re.I)
_TAG = re.compile(r"<[a-zA-Z/][^>]*>")
_MAIL_NAME = re.compile(r"[^\s@()<>]+@[^\s()<>]+\s*\((?P<name>[^()]*)\)")
_NAME_MAIL = re.compile(r"(?P<name>[^<>]*?)\s*<[^<>@\s]+@[^<>\s]+>")
#: the text is decoded already; this header makes feedparser read the bytes as what they are now, not as the
#: encoding the XML declaration names
_DECODED = {"content-type": "application/xml; charset=utf-8"}


@dataclass(frozen=True)
class Item:
    """One feed item, parsed, with its 1-based position and the bytes its id hashes."""

    parsed: Parsed
    position: int
    raw: bytes


def is_feed(head: str) -> bool:
    """Whether a document's first element is an RSS, RSS 1.0 (RDF) or Atom feed root."""
    return _ROOT.match(head, _PROLOG.match(head).end()) is not None


def without_entities(text: str) -> str:
    """The feed without the entities its own DTD declares: expat expands them up to 100 times the input's
    size (its billion-laughs guard stops only beyond that), so a feed within the size limit could grow past
    it. Their references stay as written, as any undefined entity does."""
    found = _SUBSET.match(text, _LEAD.match(text).end())
    if not found or "<!ENTITY" not in found.group():
        return text
    return text[:found.start()] + found.group("head") + text[found.end():]


def _plain(value: str | None) -> str:
    if not value:
        return ""
    return visible_text(value) if _TAG.search(value) else html.unescape(value).strip()


def _body(entry: Any) -> str:
    """The fullest text the item carries: Atom content or content:encoded, else the summary/description."""
    texts = [_plain(part.get("value")) for part in entry.get("content") or []]
    texts.append(_plain(entry.get("summary")))
    return max(texts, key=len)


def _person(value: str) -> str | None:
    """A name from an RSS author ("mail@host (Name)", "Name <mail@host>", a bare name); None for a bare address.
    feedparser's own split cuts addresses whose domain ends in a long TLD."""
    value = value.strip()
    found = _MAIL_NAME.fullmatch(value) or _NAME_MAIL.fullmatch(value)
    if found:
        return found.group("name").strip() or None
    return None if "@" in value or not value else value


def _authors(entry: Any, rss: bool) -> list[str]:
    """Atom's and dc:creator's names as feedparser gives them; an RSS ``<author>`` (an address, perhaps with
    a name) parsed from the element's text."""
    if rss and isinstance(entry.get("author"), str) and "@" in entry["author"]:
        names = [_person(entry["author"])]
    else:
        names = [_person(author.get("name") or "") for author in entry.get("authors") or []]
    return list(dict.fromkeys(name for name in names if name))


def _outlet(entry: Any, channel: Any, link: str | None) -> str | None:
    """An item's ``<source>``, else the feed's title, unless the item links to another site than the feed
    (an aggregator's feed): then that site's host, so each outlet counts once as a source."""
    named = ((entry.get("source") or {}).get("title") or "").strip()
    if named:
        return named
    host, home = urlsplit(link or "").hostname, urlsplit(channel.get("link") or "").hostname
    if host and home and host.removeprefix("www.") != home.removeprefix("www."):
        return host.removeprefix("www.")
    return (channel.get("title") or "").strip() or host or None


def _url(link: str | None, channel: Any) -> str | None:
    """An item's link as a web address: a relative one ("/news/1") read against the feed's own link; an id
    that feedparser gives as the link when there is none ("tag:site,2024:1") is no address."""
    if not link or not link.strip():
        return None
    found = urljoin(channel.get("link") or "", link.strip())
    return found if urlsplit(found).scheme in ("http", "https") else None


def _published(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            found = normalise(value)
            if found:
                return found
    return None


def _item(entry: Any, channel: Any, rss: bool, position: int, max_line_chars: int) -> Item | str:
    title = _plain(entry.get("title")) or None
    body = _body(entry)
    if not body and not title:
        return "feed item has no title and no text"
    cleaned = clean_body(body or title or "", max_line_chars)
    text = join(cleaned.lines) or (title or "")
    link = entry.get("link") or None
    url = _url(link, channel)
    external = entry.get("id") or url or link
    parsed = Parsed(
        text=text,
        title=title,
        published=_published(entry) or cleaned.byline.published,
        outlet=_outlet(entry, channel, url) or cleaned.byline.outlet,
        reposted_from=cleaned.byline.reposted_from,
        authors=_authors(entry, rss) or cleaned.byline.authors,
        removed=cleaned.removed,
        language=declared(channel.get("language")),
        url=url,
        external_id=external,
    )
    given = {"id": entry.get("id") or link, "link": link, "title": title, "text": body, "published": parsed.published}
    raw = json.dumps(given, sort_keys=True, ensure_ascii=False).encode("utf-8")  # as given, so ids stay the same
    return Item(parsed, position, raw)


def items(text: str, display: str, max_line_chars: int = 160) -> Iterator[Item | Rejected]:
    """A feed's items in document order; a broken feed is rejected whole only when nothing could be read."""
    import feedparser

    feed = feedparser.parse(io.BytesIO(without_entities(text).encode("utf-8")), response_headers=_DECODED,
                            resolve_relative_uris=False)
    if not feed.entries:
        problem = feed.get("bozo_exception") if feed.get("bozo") else None
        reason = f"not a readable feed: {problem}" if problem else "feed holds no items"
        yield Rejected(display, reason, "unparseable" if problem else "no_text")
        return
    for position, entry in enumerate(feed.entries, start=1):
        item = _item(entry, feed.feed, feed.get("version", "").startswith("rss"), position, max_line_chars)
        yield Rejected(f"{display}#{position}", item, "no_text") if isinstance(item, str) else item
