"""A headline without the site and section names a page title carries after it ("… | Shizuoka Shimbun At-S",
"…｜まちの話題｜佐賀新聞LiVE", "… - Yahoo!ニュース", "…：山陽新聞デジタル"), as scrapers and exports keep a
page's ``<title>``.

A part after a vertical bar is a site or section name when it is short and written as a name (no word in
lower case: "Opening Bell 10 March | Asian markets slump" keeps its second half); after a dash or a full-width
colon only when it names a site (the record's outlet or web host, or a word sites are named with): a dash also
parts a headline from its subtitle ("Algeria: Guemama's Death - Algeria Loses a Patriot") or a score ("Ayr 38 -
17 Melrose").
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .clean import Parsed, Removed

_BAR = re.compile(r"\s*[｜¦]\s*|\s+\|\s+")
_DASH = re.compile(r"\s+[-–—]\s+|\s+--\s*|\s+::\s+|\s+»\s+|\s*：\s*")
#: words sites are named with, and a web address
_SITE_WORDS = re.compile(r"(?i)(?<![^\W_])(?:news|yahoo!?|times|post|journal|daily|tribune|herald|gazette|online|"
                         r"bbc|cnn|reuters|afp|ap|tass|ria|xinhua)(?![^\W_])|ニュース|新聞|\.(?:com|net|org|jp|ru|de|"
                         r"co\.uk|info)\b")
#: a site or section name after a bar is at most this many words
SITE_WORDS = 6
#: a word in lower case (a name's particles aside): what a site's name does not hold
_LOWER = re.compile(r"(?<![^\s(])(?!(?:of|the|and|for|in|on|de|du|la|le|di|del|der|von|und)\s)[a-z]")
REASON = "metadata: a site or section name (or a stamp) after the headline"


def _site(tail: str, names: list[str]) -> bool:
    folded = tail.casefold()
    return bool(_SITE_WORDS.search(tail)) or any(name and (folded == name or folded in name) for name in names)


def _names(outlet: str | None, url: str | None) -> list[str]:
    names = [outlet.casefold()] if outlet else []
    host = urlsplit(url).hostname if url and "//" in url else None
    if host:
        names.append(host.removeprefix("www.").casefold())
    return names


def _last(separator: re.Pattern[str], title: str) -> re.Match[str] | None:
    return next(reversed(list(separator.finditer(title))), None)


def trimmed(title: str, outlet: str | None = None, url: str | None = None) -> tuple[str, list[str]]:
    """The headline, and the names taken off its end, last first."""
    names = _names(outlet, url)
    taken: list[str] = []
    while True:
        bar, dash = _last(_BAR, title), _last(_DASH, title)
        cut = max((m for m in (bar, dash) if m is not None), key=lambda m: m.start(), default=None)
        if cut is None:
            return title, taken
        head, tail = title[:cut.start()].strip(), title[cut.end():].strip()
        short = len(tail.split()) <= SITE_WORDS and len(tail) <= len(head)
        named = cut is bar and not _LOWER.search(tail)
        if not head or not tail or not short or not (named or _site(tail, names)):
            return title, taken
        taken.append(tail)
        title = head


def without_site(parsed: Parsed) -> Parsed:
    """``parsed`` with its title's site and section names in ``removed``."""
    if not parsed.title:
        return parsed
    title, taken = trimmed(parsed.title, parsed.outlet, parsed.url)
    if taken:
        parsed.title = title
        parsed.removed = [*parsed.removed, *(Removed(name, REASON) for name in reversed(taken))]
    return parsed
