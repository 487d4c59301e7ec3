"""The writer's own voice, told apart from reporting and from reported speech."""

from __future__ import annotations

import re

from ..nlp.marks import Quoted

#: the writer's own voice: first person, evaluative adverbs and set phrases of judgement; an adverb that ends
#: its clause tells the manner, not the writer's stance ("she couldn't see the incident clearly “from …”")
OPINION = re.compile(
    r"\b(?:I|we|my|our)\s+(?:think|believe|guess|feel|should|must|need|always|can|do not|don't)\b|\bin my (?:view|opinion)\b"
    r"|\b(?:obviously|clearly|undoubtedly)\b(?!\s*(?:[.;:!?“”\"]|$))"
    r"|\b(?:of course|in itself|no doubt|it is (?:no wonder|reasonable|understandable|obvious|clear))\b", re.I)
#: judgements, exhortations, arguments ("Why Juan Pablo Galavis Should Pick …") and the writer's stance (hedges
#: and attitude adverbs, after Biber's stance markers: "Hopefully, …", "He's probably just pretending", "you have
#: to wonder") that are the writer's unless the sentence reports someone saying them
JUDGEMENT = re.compile(r"\b(?:should|must)\s+(?:be|also|really|not)\b|^\W*why\b[^.!?]*\b(?:should|must)\b"
                       r"|\b(?:is|was|are)\s+(?:wrong|right|impressive|"
                       r"absurd|ridiculous|naive|a mess)\b|\?\s*$"
                       r"|\b(?:hopefully|incredibly|surprisingly|unfortunately|fortunately|sadly|arguably|probably|"
                       r"perhaps|needless to say|to be fair|in a sense|tantamount to|you have to wonder|"
                       r"it is not (?:easy|hard))\b", re.I)
REPORTED = re.compile(r"\b(?:said|says|say|told|stated|asked|asks|announced|reported|according to|declared|"
                      r"explained|added|warned)\b", re.I)


#: a question put to the reader or to the person interviewed ("Can you lay out for us when this all began,
#: Nikos?", "Have you had any problems with your connection yesterday!?"): it asserts nothing, so it is
#: neither a report nor the writer's judgement. "Can you believe it?" and "Can you imagine …?" are the
#: writer's judgement put as a question, and a question between quotation marks is speech being reported
ADDRESSED = re.compile(r"\b(?:Can|Could|Would|Will|Do|Did|Have|Has|Are|Were|Should|May)\s+you\s+"
                       r"(?!(?:\w+\s+)?(?:believe|imagine|think|guess|blame|wonder|see why)\b)[^.!?]*[!?]*\?[!?]*[\s\"”’)]*$")


def is_opinion(text: str) -> bool:
    return bool(OPINION.search(text) or (JUDGEMENT.search(text) and not REPORTED.search(text)))


def quoted_share(start: int, end: int, quotations: list[Quoted]) -> float:
    """How much of the text between ``start`` and ``end`` lies between quotation marks."""
    inside = sum(max(0, min(end, q.end) - max(start, q.start)) for q in quotations)
    return inside / max(1, end - start)


def unquoted(text: str, start: int, quotations: list[Quoted]) -> str:
    """``text`` (which starts at ``start``) with what lies between quotation marks blanked, offsets kept."""
    chars = list(text)
    for q in quotations:
        for i in range(max(q.start, start), min(q.end, start + len(text))):
            chars[i - start] = " "
    return "".join(chars)


def asserts(text: str, start: int, quotations: list[Quoted]) -> bool:
    """Whether a sentence (at ``start``) states something a source can be counted for: not a question it
    addresses to "you" in its own voice."""
    inside = [q for q in quotations if q.end > start and q.start < start + len(text)]
    return not ADDRESSED.search(unquoted(text, start, inside) if inside else text)


def writers_opinion(text: str, start: int, end: int, quotations: list[Quoted]) -> bool:
    """The writer's own judgement: opinion cues outside quotation marks, in a sentence that is not, for the most
    part, a quotation (a quoted "I think this is totally unreasonable." is speech being reported, and so is
    the "What I feel when I see this," of “…,” said one young man, “…”)."""
    if quoted_share(start, end, quotations) > 0.5:
        return False
    inside = [q for q in quotations if q.end > start and q.start < end]
    return is_opinion(unquoted(text, start, inside) if inside else text)
