"""The writer's own voice, told apart from reporting and from reported speech."""

from __future__ import annotations

import re

#: the writer's own voice: first person, evaluative adverbs and set phrases of judgement
OPINION = re.compile(
    r"\b(?:I|we|my|our)\s+(?:think|believe|guess|feel|should|must|need|always|can|do not|don't)\b|\bin my (?:view|opinion)\b"
    r"|\b(?:obviously|clearly|undoubtedly|of course|in itself|no doubt|it is (?:no wonder|reasonable|"
    r"understandable|obvious|clear))\b", re.I)
#: judgements and exhortations that are the writer's unless the sentence reports someone saying them
JUDGEMENT = re.compile(r"\b(?:should|must)\s+(?:be|also|really|not)\b|\b(?:is|was|are)\s+(?:wrong|right|impressive|"
                       r"absurd|ridiculous|naive|a mess)\b|\?\s*$", re.I)
REPORTED = re.compile(r"\b(?:said|says|say|told|stated|asked|asks|announced|reported|according to|declared|"
                      r"explained|added|warned)\b", re.I)


def is_opinion(text: str) -> bool:
    return bool(OPINION.search(text) or (JUDGEMENT.search(text) and not REPORTED.search(text)))
