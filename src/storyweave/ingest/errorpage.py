"""Pages a server or a bot wall returns in place of an article ("404 Not Found", "Access Denied", "Just a
moment..."): a crawl saves them as it saves articles, and read as articles they join one another in a story of
their own. A page is one when its headline (or, without one, its first line) is such a title and its text is
short; an article headlined "Access Denied" that goes on to report is kept."""

from __future__ import annotations

import re

from .clean import Parsed

_STATUS = r"(?:(?:http\s*)?(?:error\s*)?\d{3}\s*[-:–.]?\s*)?"
_TITLE = re.compile(
    r"(?i)^\s*(?:error\s*)?" + _STATUS + r"(?:"
    r"(?:page|file|document|url)?\s*not\s*found|(?:the\s+)?page\s+(?:you\s+requested\s+)?(?:could\s+not|cannot|can['’]t)"
    r"\s+be\s+found|this\s+page\s+(?:could\s+not|cannot|can['’]t)\s+be\s+found|forbidden|access\s+denied|"
    r"access\s+to\s+this\s+page\s+has\s+been\s+denied|unauthori[sz]ed|bad\s+request|internal\s+server\s+error|"
    r"bad\s+gateway|service\s+(?:temporarily\s+)?unavailable|gateway\s+time-?out|too\s+many\s+requests|"
    r"request\s+rejected|attention\s+required!?(?:\s*\|\s*cloudflare)?|just\s+a\s+moment\.*|are\s+you\s+a\s+robot\??|"
    r"(?:site|website)\s+(?:is\s+)?(?:under|down\s+for)\s+maintenance|error|oops!?|"
    r"(?:お探しの)?ページ(?:が|は)見つかりません(?:でした)?|アクセスが拒否されました|页面不存在|找不到(?:该|您要的)?页面|"
    r"访问被拒绝|страница\s+не\s+найдена|доступ\s+запрещ[её]н|сторінку\s+не\s+знайдено|seite\s+nicht\s+gefunden|"
    r"zugriff\s+verweigert|stránka\s+(?:nenalezena|nebyla\s+nalezena)|stranica\s+nije\s+pronađena"
    r")[\s.!。！]*$")
#: what a bot wall says in place of the page (its title may be the site's name: an extractor takes a lone <h1>)
_WALL = re.compile(
    r"(?i)checking\s+(?:if\s+the\s+site\s+connection\s+is\s+secure|your\s+browser\s+before\s+accessing)|"
    r"needs\s+to\s+review\s+the\s+security\s+of\s+your\s+connection|"
    r"enable\s+javascript\s+and\s+cookies\s+to\s+continue|verify\s+(?:that\s+)?you\s+are\s+(?:a\s+)?human|"
    r"press\s+(?:&|and)\s+hold\s+to\s+confirm")
#: an error page's text is at most this many words and characters (a server's or a bot wall's few sentences;
#: the characters for Chinese and Japanese, written without spaces)
MAX_WORDS = 60
MAX_CHARS = 600


def error_title(parsed: Parsed) -> str | None:
    """What tells that ``parsed`` is an error page or a bot wall (its title, or the wall's words), else None."""
    if len(parsed.text.split()) > MAX_WORDS or len(parsed.text) > MAX_CHARS:
        return None
    title = (parsed.title or "").strip() or parsed.text.strip().split("\n", 1)[0]
    if _TITLE.match(title):
        return title
    wall = _WALL.search(parsed.text)
    return wall.group(0) if wall else None
