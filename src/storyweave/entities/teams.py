"""A place named for its sports team: "Indianapolis (11-4) took its first lead", "a win over No. 8
Tennessee", "the New Orleans offense". Sports reports name a team by its city, state or school, and that
name is the team, not the place the KB holds, so in a sports story such a name is not linked to the place.
Their acronyms are leagues, conferences and statistics ("NBA", "the AFC playoffs", ".919 OPS"), not the
intergovernmental organisations and brands the KB holds under the same letters.

Only in a sports story (most of its articles use SPORT_TERMS), and only a name written as a team's in
TEAM_SHARE of its mentions or more: "at home in Indianapolis" in the same story is the city, but one name is
one entity, so the team's reading, where it recurs, decides. Calibrated on the ECB+ dev stories
(benchmarks/entities.py, labelled set): the patterns catch a team's name as a team in 0.13-1.0 of its
mentions (they miss "North Carolina's career scoring record"); linking precision is 87.7 % at any share from
0.05 to 0.25, 79.2 % at 0.3 and 64.8 % (as without the rule) from 0.4, at recall 77.0 % throughout; 0.15 is
the middle of the plateau. Ten of the 66 ECB+ dev stories read as sports stories, all of them sports
reports; of the 232 English WMT dev articles, the nine sports reports (a draft, hockey, a football transfer,
four baseball games, the NFL, the NBA) and no other (session 25 added baseball's and a tournament's words:
the Japanese league's game reports and the 76ers' change of coach had had too few of the others).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Article, Evidence
from .kb import KB
from .names import ACRONYM

if TYPE_CHECKING:
    from .resolve import Group

#: words of sports reports that other news seldom uses; a sports story's articles use SPORT_MIN of them
SPORT_TERMS = re.compile(r"\b(?:touchdowns?|quarterbacks?|playoffs?|postseason|preseason|halftime|rebounds|"
                         r"innings|free throws?|field goals?|(?:semi|quarter)[- ]?finals?|top[- ]seeded|"
                         r"scored \d+ points|assistant coach|coaching|rushing|wild[- ]card|NFL|NBA|NHL|MLB|NCAA|"
                         r"head coach|scorer|scoring record|regular season|running backs?|point guard|"
                         r"goalkeeper|hat[- ]trick|Premier League|World Cup|home runs?|RBIs?|pitchers?|batting|"
                         r"shortstop|basem[ae]n|sluggers?|slugging|free[- ]agents?|outfielders?)\b", re.IGNORECASE)
SPORT_MIN = 2
#: a name stands for its team in at least this share of its mentions (and twice at least)
TEAM_SHARE = 0.15
TEAM_MIN = 2

_RECORD = re.compile(r"\s*(?:['’]\s*s?\s*)?\(\s*\d{1,3}\s*-\s*\d{1,3}(?:\s*-\s*\d{1,3})?\s*\)")
_TEAM_NOUN = re.compile(r"\s*(?:['’]\s*s?\s*)?(?:head\s+)?(?:coach|coaches|quarterback|roster|backfield|offense|"
                        r"offence|basketball|football|baseball|hockey|soccer|touchback|lineup|starters|"
                        r"running\s+backs?|receivers?|fans)\b", re.IGNORECASE)
_RANKED = re.compile(r"(?:\bno\s*\.\s*\d{1,2}|#\d{1,2}|-ranked)\s*$", re.IGNORECASE)
_GAME_BEFORE = re.compile(r"\b(?:win|wins|victory|loss|losses|defeat|upset)\s+(?:over|to|against|at)\s+(?:the\s+)?$|"
                          r"\b(?:beat|beats|beating|defeated|defeats|edged|routed|against|versus|vs\s*\.?)\s+"
                          r"(?:the\s+)?$", re.IGNORECASE)
#: an organisation the KB holds for sport itself keeps its acronym in a sports story ("FIFA")
_SPORT_BODY = re.compile(r"sport|league|olympic|football|basketball|baseball|hockey|soccer|athletic|tennis|golf|"
                         r"cricket|rugby|racing|chess", re.IGNORECASE)
_PLAYS_AFTER = re.compile(r"\s*(?:beat|beats|defeated|edged|routed|lost|won|plays|played|signed|drafted|traded|"
                          r"waived|scored|clinched|picked\s+up)\b", re.IGNORECASE)


def stands_for_team(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is written as a team's: with a win-loss record, a ranking, a
    team's word after it, a game's word before it, or as the subject of a game's verb."""
    after, before = text[end:end + 40], text[max(0, start - 40):start]
    return bool(_RECORD.match(after) or _TEAM_NOUN.match(after) or _PLAYS_AFTER.match(after)
                or _RANKED.search(before) or _GAME_BEFORE.search(before))


def _term(found: str) -> str:
    """One term however written: "free-agent", "free agents" and "Free agent" are one."""
    return re.sub(r"[\s-]+", " ", found.casefold()).removesuffix("s")


def sports_story(articles: list[Article]) -> bool:
    """Most of the story's articles use SPORT_MIN or more distinct sports terms."""
    sporty = sum(len({_term(m.group()) for m in SPORT_TERMS.finditer(a.text)}) >= SPORT_MIN for a in articles)
    return 2 * sporty > len(articles)


def in_sports_story(groups: list[Group], articles: dict[str, Article]) -> bool:
    """Whether the articles these groups' mentions come from make a sports story."""
    present = {m.article_id for g in groups for m in g.mentions}
    return sports_story([articles[a] for a in sorted(present) if a in articles])


def unlink_teams(groups: list[Group], kb: KB, articles: dict[str, Article]) -> None:
    """In a sports story: a linked place whose name stands for a team in TEAM_SHARE of its mentions is the
    team, unlinked and typed an organisation; an organisation named only by an acronym is unlinked
    unless the KB's name of it is a sports body's."""
    for group in groups:
        if group.qid and kb.entities[group.qid].type == "ORG" and ACRONYM.fullmatch(group.name) \
                and not _SPORT_BODY.search(kb.entities[group.qid].name):
            group.unlink(1.0, f"an acronym in a sports story: a league, conference or statistic, not "
                              f"{kb.entities[group.qid].name}")
            continue
        if not group.qid or kb.entities[group.qid].type != "GPE":
            continue
        as_team = sum(stands_for_team(articles[m.article_id].text, m.start, m.end) for m in group.mentions)
        share = as_team / len(group.mentions)
        if as_team >= TEAM_MIN and share >= TEAM_SHARE:
            entity = kb.entities[group.qid]
            group.unlink(round(share, 3), f"named as a sports team in {as_team} of {len(group.mentions)} mentions, "
                                          f"not {entity.name} the place")
            group.evidence.append(Evidence("retyped", round(share, 3), group.name, "ORG",
                                           f"NER said {group.type}; a team's name in a sports story"))
            group.type, group.strong = "ORG", False
