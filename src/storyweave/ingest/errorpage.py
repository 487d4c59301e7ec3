"""Pages a server or a bot wall returns in place of an article ("404 Not Found", "Access Denied", "Just a
moment..."): a crawl saves them as it saves articles, and read as articles they join one another in a story of
their own. A page is one when its headline (or, without one, its first line) is such a title and its text is
short; an article headlined "Access Denied" that goes on to report is kept.

Walls say more in friendlier words ("Sorry, we couldn't find that page", "We value your privacy", "This
article is for subscribers only"), at any length (a consent manager's notice runs to hundreds of words): a page
is one when at least two of its sentences (its headline and the lines cleaning removed count too) speak as
that kind of wall does and what it says besides is under ``MIN_LEFT`` words. A lead above "Subscribe to continue
reading" is an article, cut short; one headline about cookies or subscribers is no wall."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import NamedTuple

from ..model import Removed
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
#: what stands in for an article when the page is a wall: one pattern per kind, searched sentence by sentence.
#: English, German, French and Spanish wording (the wording of the sites that most often put walls up); each
#: pattern speaks to the reader ("we", "you", "your", an imperative), as a report about cookies or paywalls does not
_MISSING = re.compile(
    r"(?i)\b(?:could\s*n[o'’]t|can\s*n?[o'’]t|cannot|unable\s+to|did\s*n[o'’]t)\s+(?:find|locate)\b.{0,30}"
    r"\b(?:page|article|content|story|url|link|address)\b|"
    r"\b(?:page|article|url|link|content|story)\b[^.]{0,60}\b(?:(?:could|can)\s*n?[o'’]?t\s+be\s+found|"
    r"cannot\s+be\s+found|was\s+not\s+found|does\s*n[o'’]t\s+exist|does\s+not\s+exist|no\s+longer\s+(?:exists|"
    r"available|online)|(?:has|may\s+have)\s+been\s+(?:moved|removed|deleted|renamed))|"
    r"\b(?:page|article|content|story|url|link)s?\s+(?:that\s+)?you\s*(?:['’]re|are|were|have\s+been)?\s+"
    r"(?:looking|searching)\s+for|\bpage\s+not\s+found\b|\berror\s+404\b|^\s*404\b|"
    r"\b(?:check|verify|double-check)\s+(?:the|that\s+the|your)\s+(?:url|address|link|spelling)|"
    r"\b(?:use|try)\s+(?:the|our)\s+search\b|\b(?:return|go\s+back|back|head\s+back)\s+to\s+(?:the|our)\s+home\s*page\b|"
    r"seite\s+(?:wurde\s+)?nicht\s+gefunden|die\s+(?:von\s+ihnen\s+)?(?:gesuchte|aufgerufene)\s+seite|"
    r"zur\s+startseite|page\s+introuvable|la\s+page\s+(?:que\s+vous\s+)?(?:recherchez|demandée)|"
    r"retour\s+à\s+l['’]accueil|página\s+no\s+encontrada|la\s+página\s+que\s+(?:buscas|busca|estás\s+buscando)|"
    r"volver\s+a\s+la\s+(?:página\s+de\s+)?inicio")
_CONSENT = re.compile(
    r"(?i)\bwe\s+(?:and\s+our\s+(?:\d+\s+)?(?:partners|vendors)\s+)?(?:use|store|set|place|process|access)\b[^.]{0,80}"
    r"\bcookies\b|\b(?:this|our)\s+(?:web)?site\s+uses\s+cookies|\bwe\s+value\s+your\s+privacy|"
    r"\byour\s+privacy\s+(?:choices|matters|is\s+important|settings)|\bbefore\s+you\s+continue\b|"
    r"\bour\s+(?:\d+\s+)?(?:partners|vendors)\b[^.]{0,60}\b(?:cookies|personal\s+data|your\s+data|device|identifiers)|"
    r"\bwe\s+and\s+our\s+(?:\d+\s+)?(?:partners|vendors)\b|\bwith\s+your\s+permission\b|"
    r"\byour\s+(?:personal\s+data|preferences|choices)\b|\byour\s+consent\b|\b(?:consent|agree)\s+to\s+(?:our|the\s+use\s+of\s+cookies|the\s+processing)|"
    r"\b(?:accept|reject|allow|decline|refuse)\s+(?:all|all\s+cookies|cookies|optional\s+cookies)\b|"
    r"\bmanage\s+(?:cookies|preferences|options|settings|choices|consent|my\s+choices)\b|"
    r"\b(?:cookie|privacy)\s+(?:policy|settings|preferences|notice)\b|"
    r"\bchange\s+your\s+(?:cookie\s+|privacy\s+)?(?:preferences|settings|choices)\b|\bwithdraw\s+your\s+consent|"
    r"\bpersonali[sz]ed\s+ads\s+and\s+content|\blegitimate\s+interest|"
    r"\bwir\s+(?:und\s+unsere\s+partner\s+)?(?:verwenden|nutzen|setzen)\b[^.]{0,60}\bcookies|"
    r"\balle\s+(?:akzeptieren|ablehnen)|\bihre\s+(?:einwilligung|zustimmung|privatsphäre)|"
    r"\bdatenschutz-?einstellungen|\beinstellungen\s+verwalten|"
    r"\bnous\s+(?:et\s+nos\s+partenaires\s+)?(?:utilisons|stockons|déposons)\b[^.]{0,60}\bcookies|"
    r"\btout\s+(?:accepter|refuser)|\bvotre\s+consentement|\bgérer\s+mes\s+choix|\bcontinuer\s+sans\s+accepter|"
    r"\b(?:utilizamos|usamos)\b[^.]{0,60}\bcookies|\b(?:aceptar|rechazar)\s+todo|\b(?:tu|su)\s+consentimiento|"
    r"\bconfigurar\s+cookies")
_PAYWALL = re.compile(
    r"(?i)\b(?:for|to)\s+(?:paying\s+|paid\s+|premium\s+|digital\s+)?(?:subscribers|members)\s+only\b|"
    r"\bsubscriber[-\s]only\b|\bthis\s+(?:article|story|content|page)\s+is\s+(?:only\s+)?(?:available\s+|reserved\s+)?"
    r"(?:to|for)\s+(?:our\s+)?(?:paid\s+|premium\s+)?(?:subscribers|members)|"
    r"\b(?:subscribe|sign\s+up|register|log\s*in|sign\s+in|become\s+a\s+(?:member|subscriber)|join)\b(?:\s+\w+){0,3}"
    r"\s+to\s+(?:continue|keep|read|unlock|access|get\s+(?:full|unlimited)|finish)|"
    r"\balready\s+(?:a\s+(?:subscriber|member)|have\s+an\s+account|subscribed)|"
    r"\byou(?:['’]ve|\s+have)\s+(?:reached|used\s+up|used|read)\b[^.]{0,30}\b(?:free|limit)|"
    r"\bunlimited\s+(?:digital\s+)?access\b|\bsubscribe\s+(?:now|today)\b|\bstart\s+(?:your\s+)?(?:free\s+)?trial\b|"
    r"\bnur\s+für\s+abonnenten|\bjetzt\s+(?:abonnieren|weiterlesen)|\bbereits\s+abonnent|\babo\s+abschließen|"
    r"\bréservé\s+aux\s+abonnés|\bdéjà\s+abonné|\babonnez-vous|"
    r"\b(?:solo|sólo|exclusivo)\s+para\s+suscriptores|\bya\s+eres\s+suscriptor|\bsuscríbete")
#: (code, what the page is, its pattern)
WALLS = (("error_page", "missing page", _MISSING), ("consent_wall", "consent wall", _CONSENT),
         ("paywall", "subscription wall", _PAYWALL))
#: words a page must say outside its wall's sentences to be read as an article (a one-sentence brief has 15-30)
MIN_LEFT = 15
#: words of a headline kept as the article behind a subscription wall
HEADLINE_WORDS = 3
#: words a line of a wall may hold besides its sentences, a button's ("Log in", "Se connecter")
BUTTON_WORDS = 4
#: a sentence that reports is a story's, not a wall's ("'We value your privacy,' the company said"); quotation
#: marks alone tell nothing, as walls quote their buttons ('By clicking "Accept all", you agree …')
_REPORTED = re.compile(r"\b(?:said|says|told|according\s+to|announced|reported|wrote|writes|reads|stated)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+|\n+")


class StandIn(NamedTuple):
    code: str
    reason: str


def judge(parsed: Parsed) -> StandIn | None:
    """Why ``parsed`` stands in for an article rather than being one, else None."""
    error = error_title(parsed)
    if error:
        return StandIn("error_page", f"an error or blocked page ({error!r}), not an article")
    found = wall(parsed)
    if found:
        code, what, evidence = found
        return StandIn(code, f"a {what} ({evidence!r}), not an article")
    return None


def behind_paywall(parsed: Parsed) -> Parsed | None:
    """A subscription wall's page as the article it still is, when its headline is the article's (a feed of
    headlines is news too): the lines that are not the wall's (a lead of a few words) or else the headline as its
    text, the wall's lines among the removed. None when the headline is the wall's own ("Subscribers only"), the
    site's name or too short to be one."""
    title = (parsed.title or "").strip()
    if len(title.split()) < HEADLINE_WORDS or _TITLE.match(title) or _is_wall(title) or (
            parsed.outlet and title.casefold() == parsed.outlet.strip().casefold()):
        return None
    lines = [line for line in parsed.text.splitlines() if line.strip()]
    walled = [line for line in lines if _walled(line)]
    kept = "\n".join(line for line in lines if line not in walled)
    return replace(parsed, text=kept or title,
                   removed=[*parsed.removed, *(Removed(line, "subscription wall") for line in walled)])


def _walled(line: str) -> bool:
    """A line of the wall: a wall's sentence, besides it no more than a button's few words ("Log in")."""
    walls = [(_is_wall(s), len(s.split())) for s in _sentences(line)]
    return any(wall for wall, _ in walls) and sum(words for wall, words in walls if not wall) < BUTTON_WORDS


def _is_wall(sentence: str) -> bool:
    return not _REPORTED.search(sentence) and any(pattern.search(sentence) for _, _, pattern in WALLS)


def wall(parsed: Parsed) -> tuple[str, str, str] | None:
    """(code, kind, the first sentence that told it) of a wall page, else None. An article is let go at its
    first ``MIN_LEFT`` words outside walls, so a long text costs no more than its first sentences."""
    sentences = []
    left = 0
    for sentence in _sentences(parsed.text):
        sentences.append(sentence)
        if not _is_wall(sentence):
            left += len(sentence.split())
            if left >= MIN_LEFT:
                return None
    said = [(parsed.title or "").strip(), *sentences, *(s for r in parsed.removed for s in _sentences(r.text))]
    for code, what, pattern in WALLS:
        hits = list(dict.fromkeys(s for s in said if s and pattern.search(s) and not _REPORTED.search(s)))
        if len(hits) >= 2:
            return code, what, hits[0]
    return None


def _sentences(text: str) -> Iterator[str]:
    start = 0
    for end in _SENTENCE_END.finditer(text):
        if text[start:end.start()].strip():
            yield text[start:end.start()].strip()
        start = end.end()
    if text[start:].strip():
        yield text[start:].strip()


def error_title(parsed: Parsed) -> str | None:
    """What tells that ``parsed`` is an error page or a bot wall (its title, or the wall's words), else None."""
    if len(parsed.text.split()) > MAX_WORDS or len(parsed.text) > MAX_CHARS:
        return None
    title = (parsed.title or "").strip() or parsed.text.strip().split("\n", 1)[0]
    if _TITLE.match(title):
        return title
    wall = _WALL.search(parsed.text)
    return wall.group(0) if wall else None
