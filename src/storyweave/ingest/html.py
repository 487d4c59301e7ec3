"""HTML pages: main text and metadata by trafilatura; what it left out is listed, not lost."""

from __future__ import annotations

import re

import lxml.html
import trafilatura
from trafilatura.utils import is_dubious_html, repair_faulty_html

from ..model import Removed
from .clean import Parsed, clean_body, join, visible

_BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "section", "article",
               "header", "footer", "nav", "aside", "blockquote", "pre", "br", "dt", "dd", "figcaption",
               "title", "form", "ul", "ol", "table", "main", "label", "button", "option")
_SPACE = re.compile(r"\s+")
#: htmldate's extensive search reads every date-like string on the page; too slow and too loose for news
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


#: libxml2 stops building a tree 256 levels deep unless told otherwise (huge_tree), and a page of unclosed
#: ``<div>``s reaches that quickly: its whole text was lost. Trafilatura's own settings (its utils.HTML_PARSER)
#: besides, so that the page it reads is the one its own parse gives, only whole.
_PAGE_PARSER = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                                    remove_pis=True, huge_tree=True)
_TREE_PARSER = lxml.html.HTMLParser(huge_tree=True)


def _tree(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.fromstring(html, parser=_TREE_PARSER)
    except (lxml.etree.ParserError, ValueError):
        return None


def _page(html: str) -> lxml.html.HtmlElement | str:
    """The page as trafilatura's ``load_html`` parses it, with ``huge_tree``; the string itself where that
    parse fails or looks like no page, for trafilatura to read its own way."""
    beginning = html[:50].lower()
    try:
        tree = lxml.html.fromstring(repair_faulty_html(html, beginning), parser=_PAGE_PARSER)
    except (lxml.etree.ParserError, ValueError):
        return html
    if tree is None or len(tree) < 1 or (is_dubious_html(beginning) and len(tree) < 2):
        return html
    return tree


def _meta_author(html: str) -> list[str]:
    """``<meta name=author>``: trafilatura drops organisations, but a wire agency is a news article's author."""
    tree = _tree(html)
    if tree is None:
        return []
    values = tree.xpath("//meta[@name='author' or @property='article:author']/@content")
    return _authors("; ".join(v for v in values if not v.startswith("http")))


def visible_lines(html: str) -> list[str]:
    """The page's visible text, one block element a line."""
    tree = _tree(visible(html, " "))
    if tree is None:
        return []
    for bad in tree.xpath("//script|//style|//noscript|//template|//svg"):
        bad.drop_tree()
    for element in tree.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
        element.text = "\n" + (element.text or "")
    return [line for line in (_norm(x) for x in tree.text_content().split("\n")) if line]


def visible_text(html: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element."""
    return "\n\n".join(visible_lines(html))


def _left_out(html: str, body: str, kept: set[str]) -> list[Removed]:
    flat = _norm(body)
    removed = []
    for line in visible_lines(html):
        if line not in kept and line not in flat:
            removed.append(Removed(line, "html: outside the main content"))
            kept.add(line)
    return removed


#: where a page states when it was published to the minute: meta tags and schema.org's datePublished
_PUBLISHED_XPATH = ("//meta[@property='article:published_time' or @name='article:published_time' or "
                    "@itemprop='datePublished' or @name='pubdate' or @name='publishdate' or @name='publish-date' or "
                    "@name='parsely-pub-date' or @name='sailthru.date' or @name='dc.date.issued' or "
                    "@name='DC.date.issued' or @property='og:published_time']/@content"
                    "|//time[@itemprop='datePublished']/@datetime")
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"')
_STATED = re.compile(r"publish|pubdate|sailthru\.date|dc\.date", re.I)
_CLOCK = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def _published(html: str, day: str | None) -> str | None:
    """The page's publication time where its metadata gives one on ``day`` (htmldate's date, which drops the
    time of day): a stream orders a day's reports by it, and "this morning" resolves against it."""
    from .dates import normalise

    if not day or not _STATED.search(html):
        return None
    tree = _tree(html)
    stated = [str(v) for v in tree.xpath(_PUBLISHED_XPATH)] if tree is not None else []
    stated += _JSON_LD_PUBLISHED.findall(html)
    for value in stated:
        value = value.strip()
        if _CLOCK.match(value) and value[:10] == day[:10]:
            found = normalise(value)
            if found and "T" in found and found[:10] == day[:10]:
                return found  # not when UTC's day is another: "yesterday" is the page's local day before
    return None


#: what no outlet's or author's name holds: markup, or a scheme that runs code
_NOT_A_NAME = re.compile(r"[<>]|^\s*(?:javascript|data|vbscript):", re.I)


def _name(value: str | None) -> str | None:
    """A page's metadata is the page author's to fill: a value with markup in it names no one."""
    return value if value and not _NOT_A_NAME.search(value) else None


def _authors(value: str | None) -> list[str]:
    return [a for a in (part.strip() for part in re.split(r"\s*;\s*", value or "")) if _name(a)]


def parse(html: str, max_line_chars: int = 160, url: str | None = None) -> Parsed:
    html = visible(html, " ")  # lxml refuses a control character in text it is given: the page was rejected
    doc = trafilatura.bare_extraction(_page(html), url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, date_extraction_params=_DATE_PARAMS)
    raw_text = (doc.text if doc is not None else "") or ""
    title = _norm(doc.title) if doc is not None and doc.title else None
    lines = raw_text.split("\n")
    if title and lines and _norm(lines[0]) == title:
        lines = lines[1:]
    cleaned = clean_body("\n".join(lines), max_line_chars)
    body = join(cleaned.lines)
    seen = {r.text for r in cleaned.removed} | ({title} if title else set())
    byline = cleaned.byline
    authors = _authors(doc.author if doc is not None else None) or byline.authors or _meta_author(html)
    day = doc.date if doc is not None and doc.date else None
    return Parsed(
        text=body,
        title=title,
        published=_published(html, day) or day or byline.published,
        outlet=_name(doc.sitename if doc is not None else None) or byline.outlet,
        reposted_from=byline.reposted_from,
        authors=authors,
        removed=cleaned.removed + _left_out(html, body, seen),
        language=(doc.language if doc is not None else None),
        url=(doc.url if doc is not None and doc.url else url),
    )
