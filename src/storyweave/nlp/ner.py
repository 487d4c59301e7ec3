"""Named-entity recognition, loaded once per process and run in batches.

English (and undetermined text) goes through spaCy's en_core_web_sm, its NER component alone (``english.py``);
Russian through natasha, whose spans also carry the lemmatised name (Токаева -> Токаев). Other languages have
no offline NER model here: their mentions come from the KB dictionary matcher alone.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

from ..errors import ModelError
from . import english as spacy_english
from .morph import vocabulary

#: spaCy labels kept, mapped to the contract's types (NORP - "Russian", "Western" - is not an entity)
SPACY_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC", "EVENT": "EVENT"}
NATASHA_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
SPACY_LANGUAGES = frozenset({"en", "und"})
_lock = threading.Lock()
#: spaCy's memory grows with the characters it reads at once (about 4 MB per 1,000; its own limit on a text is
#: 1,000,000): a longer text is read in pieces cut at a paragraph, line or space, and a batch holds pieces
#: up to a total length, so that a book-length file needs no more than a batch of articles
PIECE_CHARS = 20_000
BATCH_CHARS = 100_000
#: a paragraph this long met again makes its text a copy (``recognise``); shorter ones ("Read more:") are common
SHARED_PARAGRAPH = 200
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Found:
    """One NER span: offsets into the text, the contract type, and the name in its dictionary form."""

    start: int
    end: int
    type: str
    normal: str


@lru_cache(maxsize=1)
def news_embedding():
    """natasha's word embedding (navec), which its taggers and parser share: read once per process."""
    try:
        from natasha import NewsEmbedding
    except ImportError as exc:
        raise ModelError(f"natasha not available: {exc}") from exc
    return NewsEmbedding()


@lru_cache(maxsize=1)
def _natasha():
    embedding = news_embedding()  # raises ModelError first when natasha is missing
    from natasha import NewsMorphTagger, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(embedding), NewsMorphTagger(embedding), vocabulary()


def pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """The text cut into pieces of at most ``limit`` characters, each with its offset: at the last paragraph
    break before the limit, else a line break, else a space, else at the limit itself."""
    out, at = [], 0
    while len(text) - at > limit:
        window = text[at:at + limit]
        cut = next((i + len(mark) for mark in ("\n\n", "\n", " ") if (i := window.rfind(mark)) > limit // 2), limit)
        out.append((at, window[:cut]))
        at += cut
    out.append((at, text[at:]))
    return out


def _plan(texts: list[tuple[int, str]]) -> tuple[list[tuple[int, int, str]], dict[int, list[tuple[int, int, int, int]]]]:
    """What spaCy reads, as (text, offset, piece), and for each copy the paragraphs it takes from where they were
    read first, as (offset, source text, offset there, length)."""
    cut: list[tuple[int, int, str]] = []
    copied: dict[int, list[tuple[int, int, int, int]]] = {}
    first: dict[str, tuple[int, int]] = {}
    for i, text in texts:
        parts = paragraphs(text)
        if not any(len(part) >= SHARED_PARAGRAPH and part in first for _, part in parts):
            cut += [(i, offset, piece) for offset, piece in pieces(text, PIECE_CHARS)]
            for offset, part in parts:
                first.setdefault(part, (i, offset))
            continue
        copied[i] = []
        for offset, part in parts:
            if part in first:
                source, at = first[part]
                copied[i].append((offset, source, at, len(part)))
            else:
                first[part] = (i, offset)
                cut += [(i, offset + inner, piece) for inner, piece in pieces(part, PIECE_CHARS)]
    return cut, copied


def batches(texts: list[str], most: int, chars: int = BATCH_CHARS) -> list[list[str]]:
    """The texts in order, in batches of at most ``most`` texts and ``chars`` characters (one text at least)."""
    out: list[list[str]] = []
    size = 0
    for text in texts:
        if not out or len(out[-1]) >= most or size + len(text) > chars:
            out.append([])
            size = 0
        out[-1].append(text)
        size += len(text)
    return out


def paragraphs(text: str) -> list[tuple[int, str]]:
    """The text's paragraphs (split at blank lines), each with its offset."""
    out, at = [], 0
    for gap in _BLANK_LINE.finditer(text):
        out.append((at, text[at:gap.start()]))
        at = gap.end()
    out.append((at, text[at:]))
    return [(offset, paragraph) for offset, paragraph in out if paragraph.strip()]


def recognise(texts: list[str], languages: list[str], batch_size: int = 16) -> list[list[Found]]:
    """NER spans of each text; a text in a language without a model gets none.

    A text that repeats a long paragraph of an earlier one is a copy: its paragraphs read before take their
    spans from there, and only its new ones are read, each alone. A story syndicated a thousand times is then
    read about once; every other text is read whole, as before."""
    out: list[list[Found]] = [[] for _ in texts]
    english = [i for i, lang in enumerate(languages) if lang in SPACY_LANGUAGES]
    if english:
        cut, copied = _plan([(i, texts[i]) for i in english])
        docs = []
        for batch in batches([piece for _, _, piece in cut], batch_size):
            docs += spacy_english.run(batch, spacy_english.RECOGNISE, len(batch))
        for (i, offset, _), doc in zip(cut, docs, strict=True):
            out[i] += [Found(offset + e.start_char, offset + e.end_char, SPACY_TYPES[e.label_], e.text)
                       for e in doc.ents if e.label_ in SPACY_TYPES]
        starts: dict[int, list[int]] = {}
        for i, reused in copied.items():
            for offset, source, at, length in reused:
                if source not in starts:
                    starts[source] = [f.start for f in out[source]]
                inside = out[source][bisect_left(starts[source], at):bisect_left(starts[source], at + length)]
                out[i] += [replace(f, start=f.start - at + offset, end=f.end - at + offset)
                           for f in inside if f.end <= at + length]
            out[i].sort(key=lambda f: (f.start, f.end))
    russian = [i for i, lang in enumerate(languages) if lang == "ru"]
    if russian:
        from natasha import Doc

        segmenter, tagger, morph, vocab = _natasha()
        with _lock:
            for i in russian:
                doc = Doc(texts[i])
                doc.segment(segmenter)
                doc.tag_ner(tagger)
                doc.tag_morph(morph)
                found = []
                for span in doc.spans:
                    span.normalize(vocab)
                    found.append(Found(span.start, span.stop, NATASHA_TYPES.get(span.type, "OTHER"),
                                       span.normal or span.text))
                out[i] = found
    return out
