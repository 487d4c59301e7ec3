"""Mentions: every span of an article's text that names an entity.

Four finders, merged so that each stretch of text is one mention:
1. NER (``nlp.ner``): spaCy for English, natasha for Russian; spans trimmed of "the", possessives,
   line breaks and punctuation that the statistical model swallowed ("Putin?Kazakhstan");
2. the KB dictionary (an Aho-Corasick automaton over KB aliases): catches what NER misses, such as
   lower-cased organisation names ("collective security organization"), names in languages without a NER model and
   acronyms. Single words only match capitalised and uncommon as ordinary words; acronyms match their case;
   in Chinese and Japanese, written without spaces, a name must start and end at the words the segmenter
   (``nlp.segment``) finds and be no common word there;
3. hashtags and handles (#VladimirPutin, @kremlin_russia): split at case changes and underscores and
   looked up in the KB, with run-together names (vladimirputin) matched against multi-word aliases;
4. in Chinese and Japanese, people's names as the segmenters tag them and offices and honorifics frame them
   (``nlp.cjk_names``: 发言人汪文斌, 利兹·特拉斯, モディ首相).

``propagate`` then finds, across one story's articles, the names NER found somewhere in it, and the
surnames of people it named in full, where NER missed them ("Klitschko" tagged in one article, not in
the next): a name is the same name wherever the story writes it.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

import ahocorasick
from wordfreq import zipf_frequency

from ..model import Article
from ..nlp import cjk_names
from ..nlp.case import title_case
from ..nlp.glued import name_end
from ..nlp.ner import Found, recognise
from ..nlp.segment import KATAKANA, boundaries, common_word, place_at, unspaced
from .headline import Casing, Known, headline_line, recut
from .kb import KB
from .names import COMMON_WORD_ZIPF, FUNCTION_WORDS, TITLES, fold

#: a one-word name this frequent in English (Zipf) is a name in its own right in English text, not another
#: language's name of a KB entity nor a misspelling of one: "Maurice" (3.8) is a man, not Mauritius in French;
#: "Brooklyn" (4.3) is not Berkeley. Machine translation's garbles ("Tocaev", "Lugusk") are unseen, and real
#: spellings of one name ("Kiev" 3.5, "Kharkiv" 2.9) are the KB's aliases
KNOWN_NAME_ZIPF = 3.6
#: single-word dictionary names (NER finds most of those) only for prominent entities: not every village
SINGLE_WORD_PRIOR = 0.8
#: "person" after a country's name in Chinese and Japanese makes its nationality (中国人, アメリカ人)
DEMONYM_SUFFIXES = frozenset("人")
#: oceans, written after a country's name in the name of a region (インド太平洋, 印度太平洋: the Indo-Pacific)
OCEANS = ("太平洋", "大西洋", "印度洋", "インド洋")
#: words for divisions of a country in Chinese and Japanese, written after the division's name
DIVISION_SUFFIXES = ("県", "县", "縣", "都", "府", "州", "省", "市", "区", "區", "町", "村", "郡", "地方", "自治区")
CJK_LANGUAGES = frozenset({"zh", "ja"})
#: the dots that join the parts of a foreign name in Chinese and Japanese (利兹·特拉斯, ロバート・ウィテカー)
NAME_DOTS = frozenset("·・･")
_HANDLE = re.compile(r"(?<![\w@#])[#@](?P<body>[A-Za-z][A-Za-z0-9_]{3,40})")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING = re.compile(r"(?:['’]s|['’])$")
#: a name ending in initials keeps its last full stop ("U.S.", "Washington, D.C.")
_INITIALS_END = re.compile(r"(?<![\w.])(?:[^\W\d_]\.){2,}$")
_lock = threading.Lock()


@dataclass(frozen=True)
class Mention:
    """One name in one article: offsets into ``Article.text``, the type the finder gave it, the name in
    dictionary form (natasha lemma, or the text), which finder, and the KB entity a dictionary match names."""

    article_id: str
    start: int
    end: int
    text: str
    type: str
    normal: str
    finder: str
    qid: str | None = None
    #: how a Japanese name in kanji sounds, romanised (木下明夫: "kinoshita akio"), for comparing spellings
    reading: str | None = None


#: what stands before a sentence's first word: a stop or nothing, a list number, an opening quotation mark
_SENTENCE_OPENS = re.compile(r"(?:^|[.?!\n])\s*(?:\d+\.\s*)?[\"“‘']?$")
#: a question's first word, which NER reads as a name's first word ("Will Kazakhstan give in?")
_QUESTION_WORD = re.compile(r"(?:Will|Can|Could|Would|Should|Shall|Does|Did|Do|Is|Are|Was|Were|Has|Have|May|Must)\s+")


def _after_question_word(text: str, start: int, end: int, kb: KB) -> tuple[int, str] | None:
    """Where the name starts, and its type, when a question's first word opens the span: the question starts a
    sentence and ends in "?", and what follows the word is a name the KB knows ("Will Kazakhstan give in?";
    Will Smith, whom the KB does not know by surname alone, keeps his name)."""
    word = _QUESTION_WORD.match(text, start, end)
    if word is None or not _SENTENCE_OPENS.search(text, max(0, start - 12), start) \
            or "?" not in re.split(r"[.!\n]", text[end:end + 200], maxsplit=1)[0]:
        return None
    kinds = {h.entity.type for h in kb.exact(text[word.end():end]) if h.kind not in ("surname", "code")}
    return (word.end(), kinds.pop() if len(kinds) == 1 else "OTHER") if kinds else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    cut = re.search(r"[\n?!;:()\[\]\"“”«»]", piece)
    if cut:
        piece = piece[:cut.start()]
    lead = _LEADING.match(piece)
    offset = lead.end() if lead else 0
    piece = piece[offset:].rstrip(" ,-&")
    piece = _TRAILING.sub("", piece if _INITIALS_END.search(piece) else piece.rstrip("."))
    piece = piece[:name_end(piece)]
    return start + offset, start + offset + len(piece)


class _Entry(NamedTuple):
    """A KB alias in the automaton; ``divided``: a minor place's Chinese or Japanese name, which counts only
    written with its kind of division (``_divided``) or where the segmenter reads it as a place's name in its
    sentence (``segment.place_at``)."""

    alias: str
    qid: str
    kind: str
    divided: bool


@lru_cache(maxsize=4)
def _automaton(kb: KB) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    entries: dict[str, list[_Entry]] = {}
    for alias, qid, kind in kb.dictionary():
        key = alias.lower()
        single = " " not in key.strip()
        cjk = unspaced(key)
        minor = kb.entities[qid].prior < SINGLE_WORD_PRIOR
        if len(key) < (2 if cjk else 3) and kind != "abbr":
            continue
        if single and kind != "abbr" and not cjk and (zipf_frequency(key, "en") >= COMMON_WORD_ZIPF or len(key) < 4
                                                      or minor):
            continue
        entries.setdefault(key, []).append(_Entry(alias, qid, kind, cjk and minor))
    for key, value in entries.items():
        automaton.add_word(key, value)
    automaton.make_automaton()
    return automaton


def _lowered(text: str) -> str:
    """Lower case of equal length, so automaton offsets are text offsets."""
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def _dictionary(article: Article, kb: KB) -> list[Mention]:
    text = article.text
    english = article.language in ("en", "und")
    with _lock:
        automaton = _automaton(kb)
    found = []
    words: frozenset[int] | None = None
    for end, entries in automaton.iter(_lowered(text)):
        start = end - len(entries[0].alias.lower()) + 1
        end += 1
        surface = text[start:end]
        cjk = unspaced(surface)
        if cjk:
            words = words if words is not None else boundaries(text, article.language)
            if not _unspaced_word(text, start, end, words):
                continue
        elif _joined(text, start - 1) or _joined(text, end):
            continue
        fits = [e for e in entries if _case_fits(surface, e.alias, e.kind, kb.entities[e.qid].type)
                and not (english and e.kind == "translation" and known_name(e.alias))
                and not (cjk and kb.entities[e.qid].country != e.qid and common_word(surface, article.language))
                and not (e.divided and not (_divided(text, start, end, words)
                                            or place_at(text, start, end, article.language) and _foremost(kb, e.qid)))]
        if not fits:
            continue
        qids = {e.qid for e in fits}
        qid = next(iter(qids)) if len(qids) == 1 else None
        kinds = {kb.entities[q].type for q in qids}
        found.append(Mention(article.id, start, end, surface, kinds.pop() if len(kinds) == 1 else "OTHER",
                             surface, "kb", qid))
    return found


@lru_cache(maxsize=4096)
def known_name(name: str) -> bool:
    """A one-word name common in English (KNOWN_NAME_ZIPF): a name in its own right."""
    return " " not in fold(name) and zipf_frequency(fold(name), "en") >= KNOWN_NAME_ZIPF


def _case_fits(surface: str, alias: str, kind: str, type_: str) -> bool:
    """Acronyms match their case; single words and names of people and places are capitalised; only
    organisations are found lower-cased, the way translations describe them."""
    if kind == "abbr":
        return surface == alias
    if " " not in surface.strip():
        return _capital(surface)
    if type_ == "ORG":
        return True
    return all(_capital(word) for word in surface.split() if fold(word) not in FUNCTION_WORDS)


def _capital(word: str) -> bool:
    """Capitalised, or in a script without case (Chinese, Arabic, Hindi ...), where no capital tells a name."""
    first = word[:1]
    return first.isupper() or first.lower() == first.upper()


def _unspaced_word(text: str, start: int, end: int, words: frozenset[int]) -> bool:
    """A name in Chinese or Japanese text starts and ends where the segmenter parts words, is no nationality
    (中国人, アメリカ人), no part of an ocean's name (インド太平洋, the Indo-Pacific), is not joined by a name dot to a longer name (利兹·特拉斯, Liz Truss, is no Leeds;
    パリ・サンジェルマン a club) and, in katakana, no part of a longer katakana word (タイ in タイロッド)."""
    if start not in words or end not in words or text[end:end + 1] in DEMONYM_SUFFIXES \
            or text.startswith(OCEANS, end):
        return False
    if _dotted(text[end:end + 1], text[end - 1], text[end + 1:end + 2]) \
            or (start > 0 and _dotted(text[start - 1], text[start], text[start - 2:start - 1])):
        return False
    return not (KATAKANA.match(text[start]) and start > 0 and KATAKANA.match(text[start - 1])) \
        and not (KATAKANA.match(text[end - 1]) and KATAKANA.match(text[end:end + 1]))


def _dotted(dot: str, edge: str, beyond: str) -> bool:
    """A name dot joins the name's ``edge`` character to the word ``beyond`` it: Chinese writes its dot only
    inside foreign names; Japanese writes its own inside names in katakana (ロバート・ウィテカー) and between
    the items of a list (日本・中国), so there only katakana on both sides make one name."""
    if dot not in NAME_DOTS or not unspaced(beyond):
        return False
    return dot == "·" or (KATAKANA.match(edge) is not None and KATAKANA.match(beyond) is not None)


def _foremost(kb: KB, qid: str) -> bool:
    """No more prominent KB entity bears the entity's name: a minor place's name alone is that place only
    then (ワシントン alone is the capital, whose Japanese name the KB lacks, not the state; モンタナ in a game
    report a player)."""
    entity = kb.entities[qid]
    return all(hit.entity.prior <= entity.prior for hit in kb.exact(entity.name))


def _divided(text: str, start: int, end: int, words: frozenset[int] | None) -> bool:
    """The name is written with the word of its kind of division, as its own or as the next word (or in 県内,
    "in the prefecture", 市民, "citizens"): 千葉県, ケンタッキー州, 德克萨斯州, 長野県内. A minor place's name (a
    prefecture, a state, a town) alone is too often a surname or a word there (松本 is a city and a surname,
    サムスン Samsun and Samsung)."""
    if text[start:end].endswith(DIVISION_SUFFIXES):
        return True
    if words is None:
        return False
    for suffix in DIVISION_SUFFIXES:
        after = end + len(suffix)
        if text.startswith(suffix, end) and (after in words or (text[after:after + 1] in "内民" and after + 1 in words)):
            return True
    return False


def _joined(text: str, position: int) -> bool:
    """A letter or digit at ``position`` runs on from a name, unless it is of a script written unspaced
    (a Latin name in Chinese text: "在NATO会议上")."""
    return 0 <= position < len(text) and text[position].isalnum() and not unspaced(text[position])


def _handles(article: Article, kb: KB) -> list[Mention]:
    found = []
    for match in _HANDLE.finditer(article.text):
        body = match.group("body")
        words = " ".join(_CAMEL.findall(body.replace("_", " "))) or body
        entities = [h.entity for h in kb.exact(words)] or kb.compact(words)
        if len({e.qid for e in entities}) == 1:
            entity = entities[0]
            found.append(Mention(article.id, match.start(), match.end(), match.group(), entity.type, words,
                                 "handle", entity.qid))
    return found


def _cjk_people(article: Article) -> list[Mention]:
    """People named in Chinese or Japanese (``nlp.cjk_names``), which no NER model here reads; a dictionary
    match of the same stretch wins, as the KB knows no Chinese or Japanese names of people."""
    if article.language not in CJK_LANGUAGES:
        return []
    japanese = article.language == "ja"
    return [Mention(article.id, start, end, article.text[start:end], "PERSON", article.text[start:end], "names",
                    reading=cjk_names.reading(article.text[start:end]) if japanese else None)
            for start, end in cjk_names.people(article.text, article.language)]


def find(articles: list[Article], kb: KB) -> list[Mention]:
    """All mentions in the articles, NER run once over the batch; overlapping finds keep the longer
    (NER on ties), so each stretch of text is one mention."""
    recognised = recognise([a.text for a in articles], [a.language or "und" for a in articles])
    found = [_ner_mentions(article, spans, kb) for article, spans in zip(articles, recognised, strict=True)]
    found = _headlines_recut(articles, found, kb)
    mentions: list[Mention] = []
    for article, candidates in zip(articles, found, strict=True):
        candidates = [part for m in candidates for part in (_countries_side_by_side(article.text, m, kb) or [m])]
        candidates += _dictionary(article, kb) + _handles(article, kb) + _cjk_people(article)
        rank = {"ner": 0, "handle": 1, "kb": 2, "names": 3}
        candidates.sort(key=lambda m: (-(m.end - m.start), rank[m.finder], m.start))
        taken: list[Mention] = []
        starts: list[int] = []
        ends: list[int] = []  # the taken mentions' bounds in text order: they never overlap
        for mention in candidates:
            i = bisect_right(starts, mention.start)
            if (i == 0 or ends[i - 1] <= mention.start) and (i == len(starts) or starts[i] >= mention.end):
                taken.append(mention)
                starts.insert(i, mention.start)
                ends.insert(i, mention.end)
        mentions.extend(sorted(_longer_names(article, taken, kb.nationality), key=lambda m: m.start))
    return mentions


def _ner_mentions(article: Article, spans: list[Found], kb: KB) -> list[Mention]:
    out = []
    for span in spans:
        start, end = _trim(article.text, span.start, span.end)
        asked = _after_question_word(article.text, start, end, kb)
        kind = span.type
        if asked is not None:
            start, kind = asked
        if end - start < 2 or not any(ch.isalpha() for ch in article.text[start:end]):
            continue
        normal = span.normal if span.normal != article.text[span.start:span.end] else article.text[start:end]
        out.append(Mention(article.id, start, end, article.text[start:end], kind, normal, "ner"))
    return out


def _headlines_recut(articles: list[Article], found: list[list[Mention]], kb: KB) -> list[list[Mention]]:
    """NER's spans in English title-case lines re-cut into the names they hold (``headline.recut``), told by how
    the batch writes each word and which names its sentence-case lines hold."""
    english = [i for i, a in enumerate(articles) if (a.language or "und") in ("en", "und")]
    styled = {}
    for i in english:
        text, lines = articles[i].text, {}
        for m in found[i]:
            line = text.rfind("\n", 0, m.start)
            if line not in lines:
                lines[line] = headline_line(text, m.start)
            styled[(i, m.start)] = lines[line]
    if not any(styled.values()):
        return found
    casing = Casing(articles[i].text for i in english)
    votes: dict[str, Counter[str]] = {}
    for i in english:
        for m in found[i]:
            if not styled[(i, m.start)]:
                votes.setdefault(fold(m.text), Counter())[m.type] += 1
    known = Known({name: kinds.most_common(1)[0][0] for name, kinds in votes.items()})
    out = []
    for i, (article, mentions) in enumerate(zip(articles, found, strict=True)):
        kept = []
        for m in mentions:
            parts = recut(article.text, m.start, m.end, m.type, casing, known, kb) if styled.get((i, m.start)) else None
            if parts is None:
                kept.append(m)
                continue
            kept += [Mention(m.article_id, a, b, article.text[a:b], kind, article.text[a:b], m.finder)
                     for a, b, kind in parts]
        out.append(kept)
    return out


_WORD = re.compile(r"[^\s\-–/]+")
_BETWEEN_COUNTRIES = re.compile(r"\s*[-–/]\s*|\s+")


def _countries_side_by_side(text: str, mention: Mention, kb: KB) -> list[Mention] | None:
    """An NER span that is only countries' names side by side ("Russia Kazakhstan bilateral relations", as
    machine translation renders 俄哈; "the US-China talks") is those countries, one mention each."""
    words = list(_WORD.finditer(text, mention.start, mention.end))
    parts, i = [], 0
    while i < len(words):
        for j in range(len(words), i, -1):
            start, end = words[i].start(), words[j - 1].end()
            if any(h.kind != "code" and h.entity.country == h.entity.qid for h in kb.exact(text[start:end])):
                parts.append(Mention(mention.article_id, start, end, text[start:end], "GPE", text[start:end],
                                     mention.finder))
                i = j
                break
        else:
            return None
    if len(parts) < 2 or not all(_BETWEEN_COUNTRIES.fullmatch(text[a.end:b.start])
                                 for a, b in zip(parts, parts[1:], strict=False)):
        return None
    return parts


#: words that may follow a place's name and leave it a place: a title of someone of it ("Moscow Mayor"), a
#: part of it, a day, or an adjective of faith or party ("London Borough", "Paris Saturday", "a rural Alabama
#: Catholic doctor"); nationality words are the KB's
_AFTER_A_PLACE = TITLES | frozenset("""city county state province region oblast krai district island islands
bay river valley street avenue road square airport port area coast border police authorities
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december catholic christian muslim islamic jewish protestant orthodox buddhist hindu
democratic democrat republican chief envoy special assistant officer officers councilman councilwoman attorney
sheriff executive commissioner judge superintendent official officials resident residents native
gov sen rep lt sgt capt det col dist atty supt insp cmdr adm maj const mr mrs ms dr prof rev st""".split())
#: up to three capitalised words (or a number run into letters, "76ers") after one space, up to any mark
_NAME_AFTER = re.compile(r" (?P<rest>(?:[A-Z][\w'’&-]*|\d+[a-z][\w'’-]*)(?: [A-Z][\w'’&-]*){0,2})(?![\w'’&-])")
_PLACE_TYPES = frozenset({"GPE", "LOC"})


def _longer_names(article: Article, taken: list[Mention], nationality: dict[str, set[str]]) -> list[Mention]:
    """A place's name that runs on into a name of something else ("Philadelphia 76ers", "Indianapolis Colts",
    "Washington Post"): NER and the dictionary found the place in it, but the text names a team or a firm,
    so the mention is the whole name, as an organisation's, not the place. Not in a line in title case,
    where every word is capitalised ("Flooding In Texas Kills Five")."""
    if article.language not in ("en", "und"):
        return taken
    text, out = article.text, []
    starts = {m.start for m in taken}
    for mention in taken:
        after = _NAME_AFTER.match(text, mention.end) if mention.type in _PLACE_TYPES else None
        if after is None or not mention.text[:1].isupper() or mention.text.endswith(".") \
                or title_case(_line(text, mention.start), FUNCTION_WORDS):
            out.append(mention)
            continue
        end = mention.end
        for word in re.finditer(r"\S+", after.group("rest")):
            position = after.start("rest") + word.start()
            folded = fold(word.group()).split()[:1] or [""]
            if position in starts or folded[0] in _AFTER_A_PLACE or folded[0] in FUNCTION_WORDS \
                    or folded[0] in nationality or (position == after.start("rest") and word.group().isupper()):
                break
            end = position + len(word.group().rstrip("-"))
        if end == mention.end:
            out.append(mention)
            continue
        name = text[mention.start:end]
        out.append(Mention(article.id, mention.start, end, name, "ORG", name, mention.finder))
    return out


def _line(text: str, position: int) -> str:
    start, end = text.rfind("\n", 0, position) + 1, text.find("\n", position)
    return text[start:end if end >= 0 else len(text)]


#: NER types whose names are carried across a story
PROPAGATED = frozenset({"PERSON", "ORG", "GPE", "LOC"})
#: a propagated one-word name this common in English (Zipf) is taken for the word at a sentence start
SENTENCE_START_ZIPF = 4.0
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n\"“]\s*)$")


def propagate(mentions: list[Mention], articles: list[Article]) -> list[Mention]:
    """The story's mentions plus NER names (and full names' surnames) found again where no finder had
    them. Names are matched as written (or in capitals), whole words only; a common word at the start of
    a sentence is taken for the word, and so is, in a title-case line, a name whose every word the story
    writes in lower case elsewhere ("Married" after a headline's "Gotten Married")."""
    votes: dict[str, Counter[str]] = {}
    for mention in mentions:
        if mention.finder != "ner" or mention.type not in PROPAGATED:
            continue
        words = mention.text.split()
        if len(mention.text) >= 3 and all(w[:1].isupper() or fold(w) in FUNCTION_WORDS for w in words):
            votes.setdefault(mention.text, Counter())[mention.type] += 1
            if mention.type == "PERSON" and len(words) >= 2 and len(words[-1]) >= 3 and words[-1][:1].isupper():
                votes.setdefault(words[-1], Counter())["PERSON"] += 1
    if not votes:
        return mentions
    names = {name: counts.most_common(1)[0][0] for name, counts in votes.items()}
    pattern = re.compile(r"(?<![\w@#])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                         + r")(?!\w)", re.IGNORECASE)
    by_article: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_article.setdefault(mention.article_id, []).append(mention)
    out = list(mentions)
    lookup: dict[str, list[str]] = {}
    for name in names:  # "Red Sox" and "RED SOX" both
        lookup.setdefault(name.lower(), []).append(name)
    casing: Casing | None = None
    for article in articles:
        taken = sorted((m.start, m.end) for m in by_article.get(article.id, []))
        starts, reach = [s for s, _ in taken], list(accumulate((e for _, e in taken), max))
        for match in pattern.finditer(article.text):  # its matches never overlap one another
            surface = match.group(1)
            name = next((n for n in lookup.get(surface.lower(), ()) if surface in (n, n.upper())), None)
            if name is None:
                continue
            start, end = match.span(1)
            before = bisect_left(starts, end)  # the mentions that begin before it ends; one overlaps it if
            if before and reach[before - 1] > start:  # the furthest of their ends is past its start
                continue
            if " " not in name and zipf_frequency(name.lower(), "en") >= SENTENCE_START_ZIPF \
                    and _SENTENCE_START.search(article.text[max(0, start - 3):start]):
                continue
            if headline_line(article.text, start):
                casing = casing or Casing(a.text for a in articles)
                if all(casing.ordinary(w) for w in name.split()):
                    continue
            out.append(Mention(article.id, start, end, surface, names[name], name, "story"))
    return out
