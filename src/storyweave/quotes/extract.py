"""Who said what: direct and reported speech with its speaker, aligned across a story's articles.

    1. direct speech: text between paired quotation marks (“…”, "…", «…», „…“, 「…」, ‘…’), at least
       a clause long, attributed by a speech verb next to it ("…," he said; X stressed: "…")
    2. reported speech: "X said that …", "X went on to say that …", "according to X, …"
    3. the speaker: a capitalised name beside the verb; "he"/"she" is the last named speaker of the
       article within a few sentences; otherwise None, never a guess
    4. alignment: renderings of one statement in several articles (another translation, direct in one
       and reported in another, shortened) become one Quote: story-weighted lexical cosine with the same
       numbers, and compatible speakers; a sentence of another article that renders an aligned statement
       this closely joins it as a reported variant even where that article names no speaker

Until the entity stage exists, speakers are names as written, matched across spellings by similarity
(Tokaev ~ Tokayev), and ``speaker.entity_id`` stays None. Speech verbs and speakers: English rules;
quotation marks of other languages are read, and renderings in two languages align by embedding.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import numpy as np

from ..cluster.features import lexical_cosine, text_vector
from ..model import Article, Quote, QuoteVariant, Span, Story
from ..nlp import embed
from ..nlp.sentences import spans

SPEECH = (r"said|says|say|stated|states|stressed|stresses|noted|notes|added|adds|warned|warns|told|explained|"
          r"argued|argues|declared|announced|claimed|claims|insisted|emphasi[sz]ed|replied|responded|remarked|"
          r"believes|believed|concluded|pointed out|went on to say|further stated|also said")
_NAME = r"(?P<name>(?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+|[Hh]e|[Ss]he)"
_TITLES = r"(?:(?:President|Prime Minister|Minister|Foreign Minister|Chancellor|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Senator|" \
          r"Governor|Mayor|General|Judge|spokesman|spokeswoman|spokesperson)\s+)?"
QUOTE_PAIRS = (("“", "”"), ("\"", "\""), ("«", "»"), ("„", "“"), ("»", "«"), ("「", "」"), ("『", "』"), ("‘", "’"),
               ("‚", "‘"))
_DIRECT = re.compile("|".join(f"{re.escape(a)}(?P<q{i}>[^{re.escape(a + b)}\\n]{{8,3000}}?){re.escape(b)}"
                              for i, (a, b) in enumerate(QUOTE_PAIRS)))
_REPORTED = re.compile(rf"^(?:.{{0,60}}?\b)?{_TITLES}{_NAME}\s+(?:\w+\s+)?(?:{SPEECH})\s+that\s+(?P<what>.{{20,}})$", re.S)
_ACCORDING = re.compile(rf"^according to\s+{_TITLES}{_NAME},\s+(?P<what>.{{20,}})$", re.I | re.S)
_BEFORE = re.compile(rf"{_TITLES}{_NAME}\s+(?:\w+\s+)?(?:{SPEECH})\s*[:,]?\s*$")
_AFTER = re.compile(rf"^\s*[,.]?\s*(?:(?:{SPEECH})\s+)?{_TITLES}{_NAME}(?:\s+(?:{SPEECH}))?\b")
#: a titled subject ("President Tokayev spoke ...") is who a following "he" or "she" refers to
_TITLED_SUBJECT = re.compile(r"^(?:President|Prime Minister|Minister|Foreign Minister|Chancellor|Mr\.?|Mrs\.?|Ms\.?|"
                             r"Dr\.?|Senator|Governor|Mayor|General|Judge)\s+(?P<name>(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)")
_COLON_LEAD = re.compile(rf"{_TITLES}{_NAME}\b[^.!?:]{{0,80}}:\s*$")
#: capitalised words that begin sentences but name no one who speaks
_NOT_NAMES = {"The", "This", "That", "It", "These", "Those", "There", "In", "On", "At", "As", "But", "And", "However",
              "Today", "Some", "Many", "They", "We", "I", "You", "Who", "What", "If", "When", "While", "Officials",
              "Western", "West"}
_NUMBER = re.compile(r"\d+")
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _words(text: str) -> int:
    """Words, counting two characters of an unspaced script (Chinese, Japanese) as one."""
    return len(text.split()) + len(_UNSPACED.findall(text)) // 2
#: a quotation shorter than this many words is a scare quote or a term ("quasi-state"), not a statement,
#: unless someone is named as saying it (8 for unattributed ones found 20 % more WMT quotations than 12
#: at link precision 0.93)
MIN_WORDS, MIN_WORDS_UNATTRIBUTED = 5, 8
#: lexical cosine (story-weighted) at which two renderings are one statement: the seed corpus's four
#: renderings of Tokayev's 193-vs-500-600 remark score 0.57-0.87, random sentence pairs p99 0.20
ALIGN_COSINE = 0.5
#: multilingual-e5 cosine at which quotations in two languages are one statement. `benchmarks/quotes.py
#: --calibrate` on WMT dev quotations: link precision 0.40 / 0.85 / 0.997 at 0.86 / 0.88 / 0.90, recall
#: falling from 0.23 to 0.08; we keep precision (a wrong alignment puts words in someone's mouth)
CROSS_LANGUAGE_COSINE = 0.9
#: a pronoun speaker is the last named speaker of the article at most this many sentences back
PRONOUN_REACH = 3
#: two spellings of one name (Tokaev, Tokayev) compare at or above this ratio
NAME_SIMILARITY = 0.8


@dataclass
class Rendering:
    span: Span
    direct: bool
    speaker: str | None
    vector: tuple[np.ndarray, np.ndarray] = field(repr=False)
    numbers: frozenset[str] = frozenset()
    language: str = "und"
    embedding: np.ndarray | None = field(default=None, repr=False)


def _name(raw: str | None) -> str | None:
    if not raw:
        return None
    words = raw.split()
    if words[0] in _NOT_NAMES:
        return None
    return raw


def _sound(name: str) -> str:
    """A rough transliteration key: c/k and y spellings and doubled letters count alike (Tocaev, Tokayev)."""
    key = name.lower().replace("c", "k").replace("y", "")
    return re.sub(r"(.)\1+", r"\1", key)


def same_speaker(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    last_a, last_b = _sound(a.split()[-1]), _sound(b.split()[-1])
    return SequenceMatcher(None, last_a, last_b).ratio() >= NAME_SIMILARITY


def _renderings(article: Article) -> list[Rendering]:
    text = article.text
    sentences = list(spans(text))
    found: list[Rendering] = []
    last_speaker: tuple[int, str] | None = None

    def speaker_of(raw: str | None, index: int) -> str | None:
        nonlocal last_speaker
        if raw and raw.lower() in ("he", "she"):
            if last_speaker and index - last_speaker[0] <= PRONOUN_REACH:
                return last_speaker[1]
            return None
        name = _name(raw)
        if name:
            last_speaker = (index, name)
        return name

    def add(start: int, end: int, direct: bool, speaker: str | None) -> None:
        piece = text[start:end]
        found.append(Rendering(Span.of(article, start, end), direct, speaker, text_vector(piece, article.language),
                               frozenset(_NUMBER.findall(piece)), article.language))

    def sentence_index(position: int) -> int:
        return next((i for i, (s, e) in enumerate(sentences) if s <= position < e), len(sentences) - 1)

    direct = []
    for paragraph in re.finditer(r"[^\n]+", text):
        for match in _DIRECT.finditer(paragraph.group()):
            group = next(g for g in match.groupdict() if match.group(g) is not None)
            direct.append((paragraph.start() + match.start(), paragraph.start() + match.end(), group, match))
    for index, (s_start, s_end) in enumerate(sentences):
        sentence = text[s_start:s_end]
        subject = _TITLED_SUBJECT.match(sentence)
        if subject:
            last_speaker = (index, subject.group("name"))
        reported = _REPORTED.match(sentence) or _ACCORDING.match(sentence)
        if reported:
            add(s_start + reported.start("what"), s_end, False, speaker_of(reported.group("name"), index))
        for start, _end, group, match in [d for d in direct if sentence_index(d[0]) == index]:
            line_start = start - match.start()
            line = match.string
            before, after = line[: match.start()], line[match.end():]
            who = _BEFORE.search(before[-200:]) or _AFTER.match(after[:200])
            if who is None and index > 0 and text[sentences[index - 1][1]:start].strip() == "":
                previous = text[sentences[index - 1][0]:sentences[index - 1][1]]
                who = _COLON_LEAD.search(previous)
            inner = match.group(group)
            if inner != inner.strip():
                continue  # a closing mark read as an opening one: real quotations hug their marks
            speaker = speaker_of(who.group("name"), index) if who else None
            words = _words(inner)
            if words < MIN_WORDS or (speaker is None and words < MIN_WORDS_UNATTRIBUTED):
                continue
            add(line_start + match.start(group), line_start + match.end(group), True, speaker)
    return found


def _aligned(a: Rendering, b: Rendering) -> bool:
    if a.span.article_id == b.span.article_id:
        return False
    if a.numbers and b.numbers and a.numbers.isdisjoint(b.numbers):
        return False
    if a.language != b.language:
        # across languages words do not match and names are spelled in other scripts: the embedding decides
        return a.embedding is not None and b.embedding is not None and \
            float(a.embedding @ b.embedding) >= CROSS_LANGUAGE_COSINE
    return same_speaker(a.speaker, b.speaker) and lexical_cosine(a.vector, b.vector) >= ALIGN_COSINE


def _sentence_renderings(articles: list[Article]) -> list[Rendering]:
    """Every sentence as a possible unattributed rendering of a statement aligned elsewhere."""
    out = []
    for article in articles:
        for start, end in spans(article.text):
            piece = article.text[start:end]
            if len(piece) >= 40:
                out.append(Rendering(Span.of(article, start, end), False, None, text_vector(piece, article.language),
                                     frozenset(_NUMBER.findall(piece)), article.language))
    return out


def _group(renderings: list[Rendering]) -> list[list[Rendering]]:
    """Closest pairs first; two groups join only if no article would give one statement twice."""
    pairs = sorted(((lexical_cosine(a.vector, b.vector), i, j) for i, a in enumerate(renderings)
                    for j, b in enumerate(renderings) if i < j and _aligned(a, b)), reverse=True)
    group_of = {i: {i} for i in range(len(renderings))}
    for _, i, j in pairs:
        gi, gj = group_of[i], group_of[j]
        if gi is gj:
            continue
        articles = [renderings[k].span.article_id for k in gi | gj]
        same_language = [renderings[k] for k in gi | gj if renderings[k].language == renderings[i].language]
        speakers = [r.speaker for r in same_language]
        if len(articles) != len(set(articles)) or not all(same_speaker(a, b) for a in speakers for b in speakers):
            continue
        merged = gi | gj
        for k in merged:
            group_of[k] = merged
    seen, groups = set(), []
    for i in range(len(renderings)):
        if id(group_of[i]) not in seen:
            seen.add(id(group_of[i]))
            groups.append([renderings[k] for k in sorted(group_of[i])])
    return groups


def _quote_id(story_id: str | None, variants: list[Rendering]) -> str:
    first = min((v.span.article_id, v.span.start) for v in variants)
    return "q-" + hashlib.sha256(f"{story_id}:{first[0]}:{first[1]}".encode()).hexdigest()[:16]


def story_quotes(story: Story, articles: dict[str, Article]) -> list[Quote]:
    members = [articles[aid] for aid in story.article_ids if aid in articles and articles[aid].duplicate_of is None]
    renderings = [r for article in members for r in _renderings(article)]
    if len({r.language for r in renderings}) > 1:
        vectors = embed.encode([r.span.text for r in renderings])
        for rendering, vector in zip(renderings, vectors, strict=True):
            rendering.embedding = vector
    groups = _group(renderings)
    extra = _sentence_renderings(members)
    quotes = []
    for group in groups:
        if len(group) > 1:
            covered = {v.span.article_id for v in group}
            for candidate in extra:
                if candidate.span.article_id not in covered and any(_aligned(candidate, v) for v in group) and \
                        not any(c.span.article_id == candidate.span.article_id for c in group):
                    group.append(candidate)
                    covered.add(candidate.span.article_id)
        speakers = [v.speaker for v in group if v.speaker]
        speaker = max(speakers, key=lambda s: (speakers.count(s), len(s))) if speakers else None
        fullest = max(group, key=lambda v: (v.direct, len(v.span.text)))
        quotes.append(Quote(_quote_id(story.id, group), speaker, None, fullest.span.text,
                            [QuoteVariant(v.span, v.direct) for v in group], story.id))
    quotes.sort(key=lambda q: (-len(q.variants), q.id))
    return quotes


def quotes_for(stories: list[Story], articles: list[Article]) -> list[Quote]:
    by_id = {a.id: a for a in articles}
    return [quote for story in stories for quote in story_quotes(story, by_id)]
