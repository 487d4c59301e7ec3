"""A headline without the site and section names a page title carries after it ("… | Shizuoka Shimbun At-S",
"…｜まちの話題｜佐賀新聞LiVE", "… - Yahoo!ニュース", "…：山陽新聞デジタル"), as scrapers and exports keep a
page's ``<title>``.

A part after a vertical bar is a site or section name when it is short and written as a name (no word in
lower case: "Opening Bell 10 March | Asian markets slump" keeps its second half); in a headline in title case,
where capitals tell no name, only a site's name or a section before one ("Bakery Chain Announces New Stores |
Shares Price Details" keeps it). After a dash or a full-width colon, a part goes only when it names a site (the
record's outlet or web host, or a word sites are named with): a dash also parts a headline from its subtitle
("Ruritania: The Minister's Resignation - A Loss for the Party") or a score ("Leeds 24 - 10 Bath").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..nlp.case import title_case
from .clean import Parsed, Removed

_BAR = re.compile(r"\s*[｜¦]\s*|\s+\|\s+")
_DASH = re.compile(r"\s+[-–—]\s+|\s+--\s*|\s+::\s+|\s+»\s+|\s*：\s*")
#: words sites are named with, and a web address
_SITE_WORDS = re.compile(r"(?i)(?<![^\W_])(?:news|yahoo!?|times|post|journal|daily|tribune|herald|gazette|online|"
                         r"shimbun|shinbun|bbc|cnn|reuters|afp|ap|tass|ria|xinhua)(?![^\W_])|ニュース|新聞|\.(?:com|net|org|jp|ru|de|"
                         r"co\.uk|info)\b")
_NOT_ALNUM = re.compile(r"[\W_]+")
#: words a headline in title case leaves in lower case
_MINOR = frozenset("a an the and or but of in on at to for from by with as is are vs via".split())
#: a site or section name after a bar is at most this many words
SITE_WORDS = 6
#: a word in lower case (a name's particles aside): what a site's name does not hold
_LOWER = re.compile(r"(?<![^\s(])(?!(?:of|the|and|for|in|on|de|du|la|le|di|del|der|von|und)\s)[a-z]")
REASON = "metadata: a site or section name (or a stamp) after the headline"
#: sites that carry other outlets' articles and credit each in brackets at the headline's end ("…（聯合ニュース ）
#: - Yahoo!ニュース"): the credited outlet is the original the page reposts (the headline keeps it, as shown)
_AGGREGATORS = re.compile(r"(?i)yahoo|\bmsn\b|google news|livedoor|smartnews|line news|goo\s*ニュース")
_CREDIT = re.compile(r"\s*[（(]\s*([^()（）]{1,40}?)\s*[）)]\s*$")


def _folded(name: str) -> str:
    """A name in lower case without spaces or marks: "The Guardian" as in theguardian.com."""
    return _NOT_ALNUM.sub("", name.casefold())


def _site(tail: str, names: list[str]) -> bool:
    folded = _folded(tail)
    return bool(_SITE_WORDS.search(tail)) or (len(folded) >= 3 and any(folded in name for name in names))


def _names(outlet: str | None, url: str | None) -> list[str]:
    names = [_folded(outlet)] if outlet else []
    host = urlsplit(url).hostname if url and "//" in url else None
    if host:
        names.append(_folded(host.removeprefix("www.")))
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
        named = cut is bar and not _LOWER.search(tail) and (bool(taken) or not title_case(head, _MINOR))
        if not head or not tail or not short or not (named or _site(tail, names)):
            return title, taken
        taken.append(tail)
        title = head


@dataclass(frozen=True)
class Trim:
    """A title taken apart: the headline, what was taken off it (in reading order), the site a name there
    names (its outermost) and the original an aggregator credits."""

    headline: str
    removed: list[Removed]
    site: str | None = None
    original: str | None = None


def split(title: str, outlet: str | None = None, url: str | None = None) -> Trim:
    """``title`` without its site and section names and, on an aggregator's page, the outlet it credits."""
    headline, taken = trimmed(title, outlet, url)
    if not taken:
        return Trim(title, [])
    removed = [Removed(name, REASON) for name in reversed(taken)]
    site = taken[0] if _site(taken[0], _names(outlet, url)) else None
    credit = _CREDIT.search(headline) if site and _AGGREGATORS.search(site) else None
    if credit is None or credit.start() == 0:
        return Trim(headline, removed, site)
    return Trim(headline, removed, site, credit.group(1))


def without_site(parsed: Parsed) -> Parsed:
    """``parsed`` with its title's site and section names in ``removed``; the site stands in for an outlet
    the page does not name, and an aggregator's credit is what it reposts."""
    if not parsed.title:
        return parsed
    trim = split(parsed.title, parsed.outlet, parsed.url)
    if trim.removed:
        parsed.title = trim.headline
        parsed.removed = [*parsed.removed, *trim.removed]
        parsed.outlet = parsed.outlet or trim.site
        parsed.reposted_from = parsed.reposted_from or trim.original
    return parsed
