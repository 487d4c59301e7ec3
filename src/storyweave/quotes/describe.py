"""Who says a statement that no one named says: "police", "a senior officer", "the sheriff's office", "The
Egyptian communications ministry" — the subject of the speech verb beside it, as the article writes it. The
speech rules (``speech.py``) look for names; a reader still wants to know that the police said it and not
the writer. English from spaCy's dependency parse of the sentences holding the statement, Russian from
natasha's (each loaded once), German from its attribution's fixed shape, Chinese from the subject phrase
``cjk.py`` reads beside a quotation; no other language."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Article, Span
from ..nlp import english as spacy_english
from ..nlp.ner import news_embedding
from . import cjk, cyrillic, german
from .english import SPEECH
from .speech import Rendering

#: the attribution rules' speech verbs of one word, which the parse must tag a verb (not "went" or "add" of
#: "went on to add": "Meyer went on to praise …", "users should add sites …")
VERBS = frozenset(word.replace("[sz]", letter) for word in re.sub(r"\([^)]*\)", "", SPEECH).split("|")
                  if re.fullmatch(r"[a-z]+(?:\[sz\][a-z]+)?", word) for letter in "sz") | {"tells"}
#: a subject longer than this is a clause, not a speaker
MAX_TOKENS = 8
#: the speaker's verb stands this close to the statement (characters between them)
NEAR = 80
_SUBJECTS = ("nsubj", "nsubjpass")
#: Russian speech verbs, those of the attribution rules (``cyrillic.py``)
_RUSSIAN_VERB = re.compile(rf"{cyrillic.SPEECH}|{cyrillic.SPEECH_PLURAL}")
_RUSSIAN_PRONOUNS = frozenset("я ты он она оно мы вы они кто который которая которые это".split())


def _phrase(head) -> list:
    """The subject's words without a relative clause ("a western diplomat, who requested anonymity") or the
    punctuation that ends it."""
    left_out = {t.i for child in head.children if child.dep_ == "relcl" for t in child.subtree}
    words = [t for t in head.subtree if t.i not in left_out]
    while len(words) > 1 and (words[-1].is_punct or words[-1].dep_ == "cc"):
        words.pop()
    return words


def _subject(doc, start: int, end: int, direct: bool) -> tuple[int, int] | None:
    """Offsets in the parsed text of the subject of the speech verb nearest to [start, end), outside it; or,
    for reported speech, which holds its attribution ("The talks failed, police said."), its main verb's."""
    best = None
    for token in doc:
        if token.text.lower() not in VERBS or token.pos_ not in ("VERB", "AUX"):
            continue
        inside = start <= token.idx < end
        if inside and (direct or token.dep_ != "ROOT"):
            continue
        gap = 0 if inside else start - token.idx if token.idx < start else token.idx - end
        if gap > NEAR or (direct and not any(start <= t.idx < end for t in token.subtree)):
            continue  # a quotation is what its verb governs, not a sentence beside it ("…”, while her mother told her …)
        for child in token.children:
            if child.dep_ not in _SUBJECTS or child.pos_ == "PRON":
                continue
            words = _phrase(child)
            first, last = words[0].idx, words[-1].idx + len(words[-1])
            if len(words) > MAX_TOKENS or (not inside and first < end and start < last):
                continue
            if best is None or gap < best[0]:
                best = (gap, first, last)
    return best[1:] if best else None


@lru_cache(maxsize=1)
def _russian_parser():
    embedding = news_embedding()  # raises ModelError first when natasha is missing
    from natasha import NewsSyntaxParser, Segmenter

    return Segmenter(), NewsSyntaxParser(embedding)


def _russian_subject(text: str, start: int, end: int, direct: bool) -> tuple[int, int] | None:
    """As ``_subject``, in natasha's parse of Russian, where a quotation's attribution hangs from it ("«…», —
    заявил представитель МВД": the verb is the quotation's parataxis) and an office says things without a
    subject ("«…», — сообщили в пресс-службе МЧС": where it was said names who)."""
    from natasha import Doc

    segmenter, syntax = _russian_parser()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.parse_syntax(syntax)
    tokens = {token.id: token for token in doc.tokens}
    children: dict[str, list] = {}
    for token in doc.tokens:
        children.setdefault(token.head_id, []).append(token)

    def subtree(token) -> list:
        found, todo = [], [token]
        while todo:
            found.append(todo.pop())
            todo.extend(children.get(found[-1].id, ()))
        return sorted(found, key=lambda t: t.start)

    best = None
    for verb in doc.tokens:
        if not _RUSSIAN_VERB.fullmatch(verb.text.lower()):
            continue
        inside = start <= verb.start < end
        if inside and (direct or verb.rel != "root"):
            continue
        gap = 0 if inside else start - verb.start if verb.start < start else verb.start - end
        head = tokens.get(verb.head_id)
        governs = any(start <= t.start < end for t in subtree(verb)) or (head is not None and start <= head.start < end)
        if gap > NEAR or (direct and not governs):
            continue
        kids = children.get(verb.id, [])
        said = [k for k in kids if k.rel in ("nsubj", "nsubj:pass") and k.text.lower() not in _RUSSIAN_PRONOUNS]
        if not said and not any(k.rel.startswith("nsubj") for k in kids):
            said = [k for k in kids if k.rel == "obl"
                    and any(c.rel == "case" and c.text.lower() in ("в", "во") for c in children.get(k.id, ()))]
        for head_word in said:
            words = subtree(head_word)
            while len(words) > 1 and words[-1].rel == "punct":
                words.pop()
            first, last = words[0].start, _closed(text, words[0].start, words[-1].stop)
            if len(words) > MAX_TOKENS or (not inside and first < end and start < last):
                continue
            if best is None or gap < best[0]:
                best = (gap, first, last)
    return best[1:] if best else None


_PAIRS = {"«": "»", "„": "“", "“": "”", '"': '"'}


def _closed(text: str, start: int, end: int) -> int:
    """``end``, or past the quotation mark that closes one the phrase opens (представители "Большой двадцатки")."""
    phrase = text[start:end]
    for opening, closing in _PAIRS.items():
        opened = phrase.count(opening) > phrase.count(closing) if opening != closing else phrase.count(opening) % 2
        if opened and text[end:end + 1] == closing:
            return end + 1
    return end


def _german_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The description German writes after a quotation's closing mark or before its opening one (no parser:
    the attribution's shape is fixed, ``german.AFTER_DESCRIBED`` and ``german.BEFORE_DESCRIBED``)."""
    closing = end + 1 if end < len(text) and text[end] in "“”\"»«" else end
    after = german.AFTER_DESCRIBED.match(text[closing:])
    if after:
        return closing + after.start("who"), closing + after.end("who")
    opening = start - 1 if start and text[start - 1] in "„“\"»«" else start
    before = german.BEFORE_DESCRIBED.search(text[:opening])
    return before.span("who") if before else None


def descriptions(renderings: list[Rendering], articles: dict[str, Article]) -> dict[int, Span]:
    """For renderings (by their place in the list) of English, Russian, German or Chinese statements said by
    someone unnamed, the span of the article that says who."""
    wanted = [(i, r) for i, r in enumerate(renderings)
              if r.speaker is None and not r.unmarked and r.language in ("en", "ru", "de", "zh") and r.context
              and r.span.article_id in articles]
    found = {}
    english = [(i, r) for i, r in wanted if r.language == "en"]
    docs = spacy_english.run([r.context for _, r in english], spacy_english.PARSE, 64) if english else []
    for (i, rendering), doc in zip(english, docs, strict=True):
        offset = rendering.context_start
        subject = _subject(doc, rendering.span.start - offset, rendering.span.end - offset, rendering.direct)
        if subject is not None:
            found[i] = Span.of(articles[rendering.span.article_id], offset + subject[0], offset + subject[1])
    for i, rendering in ((i, r) for i, r in wanted if r.language == "zh" and r.direct):
        text, span = articles[rendering.span.article_id].text, rendering.span
        if span.start and span.end < len(text) and text[span.start - 1] in "“「『\"" and text[span.end] in "”」』\"":
            subject = cjk.described(text, span.start - 1, span.end)
            if subject is not None:
                found[i] = Span.of(articles[span.article_id], *subject)
    for i, rendering in ((i, r) for i, r in wanted if r.language in ("ru", "de")):
        offset = rendering.context_start
        start, end = rendering.span.start - offset, rendering.span.end - offset
        if rendering.language == "ru":
            subject = _russian_subject(rendering.context, start, end, rendering.direct)
        else:
            subject = _german_subject(rendering.context, start, end) if rendering.direct else None
        if subject is not None:
            found[i] = Span.of(articles[rendering.span.article_id], offset + subject[0], offset + subject[1])
    return found
