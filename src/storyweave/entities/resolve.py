"""Resolution: a story's mentions become entities, however machine translation spelled them.

1. Mentions with the same name (folded, titles and possessives stripped) form a group; the group's type is
   the vote of its finders. A group NER typed as a person but written "X and Donetsk", where Donetsk is a
   known place, is retyped by its coordination partners (NER on translated text mistypes rare names).
2. Groups link to the KB in three passes: names that are one KB entity's alias, whose places give the
   story's countries; then names several entities share, ranked by prominence and the story's countries;
   then spelling variants and surnames, ranked by letters changed, prominence and context. A link needs a
   clear margin over the next candidate.
3. Groups merge by rules, strongest first: the same KB entity; names run together; acronyms; a firm's
   name with and without its legal form ("Qualys Inc.", "Qualys"; cleanco's list of forms); spelling
   variants (transliteration-tolerant ``names.similarity``); a surname alone and the full name; two rare
   place names coordinated with the same partner ("Lugusk and Donetsk", "Rougusk and Donetsk").
   A merge never joins two KB entities, two names the KB knows as different entities (even where it
   cannot tell which one is meant), or a person with a place or an organisation.
4. Context decides what spelling cannot (``context``): a role phrase links a bent name to the office's
   holder, a minor place abroad picked among namesakes loses its link when nothing in the story is near
   it, and stray names join the story's name in a parallel sentence or the person they share sentences with.
   In a sports story, a place named as its team is the team (``teams``).
Every link and merge is kept as ``Evidence`` on the entity.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, cached_property

import numpy as np
from rapidfuzz.distance import Levenshtein
from wordfreq import zipf_frequency

from ..model import Article, Entity, Evidence, Span, Story
from ..nlp import cjk_names
from ..nlp.given_names import gender as given_gender
from ..nlp.segment import unspaced
from . import context, teams
from .aligned import Aligner
from .kb import KB, Hit, KBEntity
from .mentions import Mention, known_name
from .names import (
    ACRONYM,
    COMMON_WORD_ZIPF,
    FUNCTION_WORDS,
    TITLES,
    acronym,
    edits,
    fold,
    script,
    similarities,
    similarity,
    skeleton,
    strip_title,
    without_legal_form,
)

#: spelling similarity (names.similarity) at which two unlinked names are one entity; calibrated on the
#: KB noise test (benchmarks/entities.py): one- and two-letter transliteration changes of names of five
#: letters or more score 0.85-0.96, distinct KB names of one type above 0.85 are rare and are kept apart
#: by their different KB ids
SPELLING = 0.85
#: names this short (skeleton letters) need more: one letter is a large share of them
SHORT = 5
SHORT_SPELLING = 0.9
#: two coordinated place names that share a partner merge from this similarity
COORDINATED = 0.6
#: a KB candidate needs this spelling similarity, and this sum of similarity and prominence
#: (PRIOR_WEIGHT * prior): a distant spelling of an obscure entity is more likely a name the KB lacks
LINK_SIMILARITY = 0.8
LINK_SCORE = 0.92
PRIOR_WEIGHT = 0.15
#: candidates are ranked by letters changed (EDIT_COST each), prominence (RANK_PRIOR * prior), the kind of
#: alias and the story's countries (CONTEXT_WEIGHT); the best needs LINK_MARGIN over the next entity.
#: Calibrated on the noise test and the false-merge test (benchmarks/entities.py): one letter changed
#: outweighs the prominence gap between a capital and a town (0.3 * 0.25), the story's country outweighs
#: the gap between two towns but not between a capital and a town (Paris, Texas in a US story stays
#: unlinked rather than taking the French capital's place)
EDIT_COST = 0.1
RANK_PRIOR = 0.3
CONTEXT_WEIGHT = 0.08
#: a country the story names at least this share as often as its most named country is one of its main
#: countries; a country only named in passing gives half the context weight in the ranking ("St. Petersburg"
#: in a story about Russia that names the United States a few times is the Russian city)
MAIN_COUNTRY_SHARE = 0.25
LINK_MARGIN = 0.03
#: a bare surname links outside its country's stories only to someone this prominent, and only as written:
#: a word a letter or two from a famous surname ("Omicron", a virus variant) is not that person
FAMOUS = 0.95
#: a one-word spelling variant of a place or organisation links from this similarity alone
FUZZY_SINGLE = 0.9
#: another language's name of an entity that a name equals only by its sound ("Koreas" and a Spanish
#: "Correas", "Сома" and the Russian "Сомма") is a spelling variant of it, scored so, not the name itself
SOUND_ALIKE = 0.99
#: a surname alone, written otherwise than the KB writes it, links only to a person this prominent (a region's
#: head or more): the KB's 2,193 legislators share too many surnames' sounds ("Peskov" is no Peshkov, the
#: ship "Sovetsk" no deputy Shvets)
FUZZY_SURNAME_PRIOR = 0.75
#: a full name links to a KB person whose surname is at most this many letters off in the transliteration
#: skeleton: the consonant skeleton merges voicing, so "Gamov" and "Akimov" score 0.86 though three letters
#: apart, "Startsev" and "Starikov" 0.9 (the noise test's two edits of transliteration stay within two)
SURNAME_EDITS = 2
#: an alias of two or three capitals ("ALA", Åland's code) names its entity only written so, full stops aside
#: ("U.S."): "Ala." is Alabama
SHORT_CAPITALS = re.compile(r"[A-Z]{2,3}")
KIND_WEIGHT = {"label": 0.0, "alias": 0.0, "abbr": 0.0, "variant": -0.02, "translation": -0.03,
               "translit": -0.03, "surname": -0.03}
#: in the ranking, a name that is an entity's own label beats one that is another's translation ("Vienne"
#: is the French department before it is Vienna in French) by more than their prominence differs
RANK_KIND = {"label": 0.0, "alias": -0.02, "abbr": -0.02, "variant": -0.05, "translation": -0.12,
             "translit": -0.05, "surname": -0.05}
#: alias kinds that name an entity in its own right; a name that only translates another entity's
#: name does not stop it merging ("Tasmania" is the state, though Tasman's Russian name is the same)
NAMING = frozenset({"label", "alias", "abbr"})
#: a name's NER type counts as sure when this share of its (two or more) mentions agree
STRONG_SHARE = 0.6
CLASSES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "EVENT": "EVENT"}
_COORDINATION = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)$")
_APPOSITION = re.compile(r"^\s*,\s*$")
#: a name in Han characters, family name first (木下明夫, 习近平): its first characters alone name the person
_HAN_NAME = re.compile(r"[\u4e00-\u9fff々]{2,6}")
#: between two names of one list: what coordinates them, past items no mention was found for ("Kharkov,
#: zaporoze, Kherson": a name machine translation left in lower case)
_LISTED = re.compile(r"^\s*(?:,\s*(?:[\w'’-]+\s*,\s*){0,2}(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)$")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_STOP_AFTER = re.compile(r"\s*(?:[,.;:!?)]|$)")
_STATE_AFTER = re.compile(r"\s*,\s*((?:[A-Z]\.){2}|[A-Z]\.[A-Z][a-z]\.|[A-Z][a-z]{1,4}\.|[A-Z]{2}\b)")
#: the word Chinese and Japanese write after a place's name to say what it is: a city or town (ポートランド市,
#: 悉尼市; not 市場, a market) or a division of a country (ニューヨーク州, ハバロフスク地方, ガリッサ郡, 四川省)
_CJK_CITY_AFTER = re.compile(r"(?:[市町村](?![場场])|城)")
_CJK_DIVISION_AFTER = re.compile(r"(?:州|省|県|县|郡|地方|地区|边疆区|自治区|府)")
#: what stands between a division and a place in it, written in that order (オレゴン州ポートランド, 四川省成都)
_CJK_CONTAINER = re.compile(r"(?:州|省|県|县|府|)")


@dataclass
class Group:
    key: str
    mentions: list[Mention]
    type: str = "OTHER"
    strong: bool = False
    qid: str | None = None
    partners: set[int] = field(default_factory=set)
    #: the other names of the lists it is written in ("Kharkov, Zaporozhye, Kherson and Odessa"), not only the
    #: names beside it: a list names things of one kind
    listed: set[int] = field(default_factory=set)
    coordinated: int = 0
    #: groups written right after it behind a comma, the place it lies in ("Naples, Italy", "Bay City, Michigan")
    within: set[int] = field(default_factory=set)
    #: US states written after it by their abbreviation ("Springfield, Mo.", "Portland, OR"), as QIDs
    within_states: set[str] = field(default_factory=set)
    #: what the word written after it in Chinese or Japanese says it is: "city" (市) or "division" (州, 郡)
    unit: str | None = None
    #: the KB entities this exact name is an alias of: two known names of different entities never merge
    known: frozenset[str] = frozenset()
    #: a one-word name that is some town's own name (GeoNames), spelled so on purpose
    town: bool = False
    evidence: list[Evidence] = field(default_factory=list)

    @cached_property
    def name(self) -> str:
        return Counter(strip_title(m.normal, _titled(m)) for m in self.mentions).most_common(1)[0][0]

    @property
    def cls(self) -> str | None:
        return CLASSES.get(self.type)

    @cached_property
    def readings(self) -> list[str]:
        """How a Japanese name in kanji sounds, romanised (``Mention.reading``), as IPAdic and as English
        news write its long vowels."""
        return sorted({s for m in self.mentions if m.reading for s in cjk_names.spellings(m.reading)})

    @cached_property
    def firm(self) -> str | None:
        """The folded name without the legal form it ends in ("qualys" for Qualys Inc.), if it ends in one."""
        base = without_legal_form(self.name)
        return fold(base) if base else None

    def unlink(self, score: float, detail: str) -> None:
        """Drop the KB link, saying why; the entity stays known, so the name never merges by spelling with
        another name of it."""
        assert self.qid is not None
        self.evidence.append(Evidence("unlinked", score, self.name, self.qid, detail))
        self.known, self.qid = self.known | {self.qid}, None


def _nationality_word(key: str, kb: KB) -> bool:
    """A word for a nationality ("Kazakh"), no entity; unless the KB also gives it as its country's name (the
    country list's nationality of the United Kingdom reads "British, UK")."""
    countries = kb.nationality.get(key)
    return bool(countries) and not any(h.entity.qid in countries and h.kind != "code" for h in kb.exact(key))


def _titled(mention: Mention) -> bool:
    """Whether a title may open the mention's name: a person's ("President Tokayev"), not a firm's or a place's."""
    return mention.type not in ("ORG", "GPE", "LOC")


def _groups(mentions: list[Mention], kb: KB) -> list[Group]:
    by_key: dict[str, Group] = {}
    for mention in mentions:
        key = fold(strip_title(mention.normal, _titled(mention)))
        if key and not _nationality_word(key, kb):
            by_key.setdefault(key, Group(key, [])).mentions.append(mention)
    groups = sorted(by_key.values(), key=lambda g: g.key)
    for group in groups:
        votes = Counter(m.type for m in group.mentions if m.type != "OTHER").most_common(2)
        if votes and (len(votes) == 1 or votes[0][1] > votes[1][1]):
            kind, count = votes[0]
            group.type = kind
            group.strong = len(group.mentions) >= 2 and count / len(group.mentions) >= STRONG_SHARE
        dictionary = {m.qid for m in group.mentions if m.qid}
        if len(dictionary) == 1:
            group.qid = dictionary.pop()
            group.evidence.append(Evidence("kb-dictionary", 1.0, group.name, group.qid,
                                           "found in text as a KB alias"))
    return groups


def _coordination(groups: list[Group], articles: dict[str, Article]) -> None:
    index = {id(m): i for i, g in enumerate(groups) for m in g.mentions}
    by_article: dict[str, list[Mention]] = {}
    for group in groups:
        for mention in group.mentions:
            by_article.setdefault(mention.article_id, []).append(mention)
    for article_id, found in by_article.items():
        found.sort(key=lambda m: m.start)
        text = articles[article_id].text
        run: list[int] = []
        for left, right in zip(found, found[1:], strict=False):
            if _LISTED.match(text[left.end:right.start]):
                run = run or [index[id(left)]]
                run.append(index[id(right)])
            else:
                _list(groups, run)
                run = []
            if unspaced(left.text) and unspaced(right.text) and _CJK_CONTAINER.fullmatch(text[left.end:right.start]):
                a, b = index[id(left)], index[id(right)]
                if a != b:
                    groups[b].within.add(a)
            if _COORDINATION.match(text[left.end:right.start]):
                a, b = index[id(left)], index[id(right)]
                if a != b and _APPOSITION.match(text[left.end:right.start]):
                    groups[a].within.add(b)
                if a != b:
                    groups[a].partners.add(b)
                    groups[b].partners.add(a)
                    groups[a].coordinated += 1
                    groups[b].coordinated += 1
        _list(groups, run)


def _list(groups: list[Group], members: list[int]) -> None:
    for member in members:
        groups[member].listed.update(other for other in members if other != member)


def _state_abbreviations(groups: list[Group], articles: dict[str, Article], kb: KB) -> None:
    """The US state a name is written with by its AP or postal abbreviation ("Springfield, Mo.")."""
    if not kb.state_abbreviations:
        return
    for group in groups:
        for mention in group.mentions:
            article = articles.get(mention.article_id)
            after = _STATE_AFTER.match(article.text, mention.end) if article else None
            if after and after.group(1) in kb.state_abbreviations:
                group.within_states.add(kb.state_abbreviations[after.group(1)])


def _units(groups: list[Group], articles: dict[str, Article]) -> None:
    """What the word after a Chinese or Japanese place's name says it is, where its mentions agree: ハバロフスク地方
    is the krai, not the city, ポートランド市 the city."""
    for group in groups:
        units = set()
        for mention in group.mentions:
            article = articles.get(mention.article_id)
            if article is None or not unspaced(mention.text):
                continue
            if _CJK_CITY_AFTER.match(article.text, mention.end):
                units.add("city")
            elif _CJK_DIVISION_AFTER.match(article.text, mention.end):
                units.add("division")
        if len(units) == 1:
            group.unit = units.pop()


def _retype(groups: list[Group], kb: KB) -> None:
    """Unlinked one-word names coordinated, in at least half their mentions, only with KB entities of one
    type take that type; so do those the KB knows as that type alone (surnames aside), when such entities stand
    anywhere in the lists they are written in. A name the KB does not know is not retyped so: lists of clubs and
    brands hold names the KB links to places (Lazio, Saint Laurent)."""
    for group in groups:
        if group.qid or " " in group.key or group.type == "EVENT" or not group.listed \
                or group.coordinated * 2 < len(group.mentions):
            continue
        beside = [p for p in group.partners if groups[p].qid]
        kinds = Counter(kb.entities[groups[p].qid].type for p in beside)
        if not kinds:
            beside = [p for p in group.listed if groups[p].qid]
            kinds = Counter(kb.entities[groups[p].qid].type for p in beside)
            if {h.entity.type for h in kb.exact(group.name) if h.kind not in ("code", "surname")} != set(kinds):
                continue
        if kinds and len(kinds) == 1:
            kind = next(iter(kinds))
            if kind != group.type:
                partner = groups[min(beside)].name
                group.evidence.append(Evidence("retyped", 1.0, group.name, kind,
                                               f"NER said {group.type}; coordinated with {partner}"))
                group.type, group.strong = kind, False


def _surnames(groups: list[Group]) -> None:
    """An unlinked one-word name that is the surname of a person named in full in the story is that
    person's surname, whatever NER typed it ("Tony Thompson ... Thompson said", Thompson tagged ORG)."""
    last: dict[str, set[str]] = {}
    for group in groups:
        words = group.key.split()
        if len(words) >= 2:
            last.setdefault(words[-1], set()).add(group.cls or "")
    for group in groups:
        if group.qid or " " in group.key or group.cls == "PERSON" or last.get(group.key) != {"PERSON"}:
            continue
        group.evidence.append(Evidence("retyped", 1.0, group.name, "PERSON",
                                       f"NER said {group.type}; the surname of a person named in the story"))
        group.type, group.strong = "PERSON", False


def _firm_names(groups: list[Group]) -> None:
    """A name no KB entity bears that is a story organisation's name without its legal form ("Qualys" beside
    "Qualys Inc.") is that organisation's, whatever NER typed it: not a misspelt place (Calais)."""
    firms = {g.firm: g.name for g in groups if g.firm and g.cls in ("ORG", None)}
    surnames = context.person_surnames(groups)
    for group in groups:
        firm = firms.get(group.key)
        if firm is None or group.qid or group.known or group.cls == "ORG" or group.key in surnames:
            continue
        group.evidence.append(Evidence("retyped", 1.0, group.name, "ORG",
                                       f"NER said {group.type}; {firm} without its legal form"))
        group.type, group.strong = "ORG", False


def _compatible(group: Group, entity: KBEntity) -> bool:
    return group.cls is None or CLASSES.get(entity.type) == group.cls


def _state_as_organisation(group: Group, hit: Hit) -> bool:
    """NER often types a state's formal name as an organisation ("the Sahrawi Arab Democratic Republic",
    "Donetsk People's Republic"): a name of several words that is a state's own name in the KB links to it."""
    entity = hit.entity
    return (group.cls == "ORG" and entity.type == "GPE" and entity.country == entity.qid and hit.score == 1.0
            and hit.kind in ("label", "alias", "translation") and " " in fold(group.name))


def word_fits(a: str, b: str) -> bool:
    """Two folded words of a name alike: one letter apart ("del"/"dal", "af"/"of") or spelling variants."""
    return a == b or Levenshtein.distance(a, b) <= 1 or similarity(a, b) >= SPELLING


def _shape_fits(name: str, alias: str, run_together: bool = False) -> bool:
    """A spelling variant keeps the name's shape: as many words, each alike ("Outer Mongolia" is not
    "Inner Mongolia"), and is not much shorter or longer. With ``run_together``, a one-word name may be
    the alias's words written as one ("Igorsergyev"), never the other way ("Central Asia" is no
    "Centralia")."""
    a, b = fold(name), fold(alias)
    wa, wb = a.split(), b.split()
    if min(len(a), len(b)) / max(len(a), len(b)) < 0.75:
        return False
    if len(wa) != len(wb):
        return run_together and len(wa) == 1
    return len(wa) == 1 or all(word_fits(x, y) for x, y in zip(wa, wb, strict=True))


@dataclass
class StoryContext:
    """What the rest of a story tells about one of its names: the countries its linked places lie in (counted
    by mentions, so the main ones stand out), the people it names in full, whether it is about sports, and
    which names are written in English text."""

    full_names: tuple[str, ...] = ()
    sports: bool = False
    english: frozenset[str] = frozenset()
    mentioned: Counter[str] = field(default_factory=Counter)

    @property
    def countries(self) -> set[str]:
        return set(self.mentioned)

    @property
    def main_countries(self) -> frozenset[str]:
        top = max(self.mentioned.values(), default=0)
        return frozenset(c for c, n in self.mentioned.items() if n >= MAIN_COUNTRY_SHARE * top)

    def add_place(self, entity: KBEntity, mentions: int) -> None:
        self.mentioned.update({q: mentions for q in {entity.qid, entity.country} if q})


def link(group: Group, kb: KB, story: StoryContext, exact_only: bool, unique: bool = False,
         partner_countries: frozenset[str] = frozenset(),
         within: frozenset[str] = frozenset(),
         states: frozenset[str] = frozenset()) -> tuple[KBEntity, float, str, str] | None:
    """The KB entity this group names, with its score, alias and rule; None when the evidence is not clear.

    A spelling variant (not an exact alias) must keep the group's type; a one-word variant of a place or
    organisation needs ``FUZZY_SINGLE`` similarity unless a name it is coordinated with lies in the same
    country ("Lugusk and Donetsk"). A surname does not link to a KB person when the story names someone
    else in full with it (Rahman is Hasim Rahman there, not Emomali Rahmon). In a ``sports`` story a bare
    surname is a player's before a famous person's: it links only where the person's country is in the story.
    A place written before another behind a comma is one of its candidates that lies there, if one does ("Naples,
    Italy", "Bay City, Michigan": ``within``, the country or first-level subdivision named after it; "Springfield,
    Mo.": ``states``, a US state written by its abbreviation); where such a state holds none of them, it names none
    ("Manchester, Conn."). In Chinese and Japanese the division comes first (オレゴン州ポートランド: ``within`` too),
    and the word after a name says what it is (``Group.unit``): ポートランド市 is a city, ハバロフスク地方 a division.
    Where the name is written in English text, another Latin-script language's name of an entity matches
    as written or by its sound ("Salonika", Spanish "Salónica"), never as a misspelling ("Gabba" is no
    "Gabão", Gabon in Portuguese)."""
    name = group.name
    countries, main_countries, full_names = story.countries, story.main_countries, story.full_names
    sports, english = story.sports, group.key in story.english
    single = " " not in fold(name)
    hits = [h for h in kb.exact(name) if h.kind != "code"]  # "AI", "M.C.": codes are no names in prose
    if single and not hits:
        hits = [Hit(entity, entity.name, "label", 1.0) for entity in kb.compact(name)]
    written_as_acronym = ACRONYM.fullmatch(name) is not None
    if not exact_only and not written_as_acronym:
        hits = hits + kb.fuzzy(name)
    best: dict[str, tuple[float, str, str]] = {}
    name_script = script(name)
    common = single and not name.isupper() and zipf_frequency(fold(name), "en") >= COMMON_WORD_ZIPF
    # a name frequent in English because it is a frequent name ("Texas", "Boston"), not a word: NER reads it as
    # a place wherever the story writes it (once, or mostly), and one KB entity of the story's countries alone is
    # called so (Florida, the US state, in a US story, though a department of Uruguay bears the name; not
    # Washington, a state's and a city's name)
    named_place = common and (group.strong or len(group.mentions) == 1) and group.cls == "PLACE" \
        and len({h.entity.qid for h in hits if h.score == 1.0 and h.kind != "code" and h.entity.country in countries}) == 1
    for hit in hits:
        as_written = fold(hit.alias) == fold(name)
        if hit.score == 1.0 and hit.kind in ("translation", "translit", "surname") and not as_written:
            hit = Hit(hit.entity, hit.alias, hit.kind, SOUND_ALIKE)
        entity = hit.entity
        if not (_compatible(group, entity) or _state_as_organisation(group, hit)) or hit.score < LINK_SIMILARITY \
                or script(hit.alias) != name_script:
            continue
        if SHORT_CAPITALS.fullmatch(hit.alias) and name.replace(".", "") != hit.alias:
            continue
        if hit.kind == "abbr" and hit.score < 1.0:
            continue  # an acronym is letters of other words: "Kaiji" is no misspelled CAJU
        if english and hit.kind == "translation" and hit.score < SOUND_ALIKE and fold(hit.alias) != fold(entity.name) \
                and _latin(hit.alias):
            continue
        if written_as_acronym and hit.kind in ("translation", "translit") and not hit.alias.isupper():
            continue  # "SOS" is no shouted Estonian name of Saue; "PUTIN" in a headline is still Putin
        if hit.kind == "surname" and group.cls != "PERSON":
            continue
        if hit.score < 1.0:
            if known_name(name):  # "Brooklyn" is no misspelling of Berkeley
                continue
            if not _shape_fits(name, hit.alias, run_together=True) or (entity.type == "PERSON"
                                                    and not _person_names_fit(name, hit.alias, SURNAME_EDITS)):
                continue
            if single and hit.kind != "surname" and hit.score < FUZZY_SINGLE \
                    and entity.country not in partner_countries:
                continue
            if single and entity.type in ("GPE", "LOC") and kb.town(name):
                continue  # "Chino" is a town of its own, not China misspelled
            if entity.type == "PERSON" and countries and entity.country \
                    and entity.country not in countries | partner_countries:
                continue  # "Drake coach Mark Phelps" in a St. Louis report is no misspelt prime minister of Guyana
        if common and (entity.prior < 0.9 or hit.kind not in ("label", "alias")) \
                and not (named_place and entity.type in ("GPE", "LOC") and hit.kind == "label"
                         and entity.country in countries):
            continue
        if hit.kind == "surname" and (not single or exact_only or group.cls not in ("PERSON", None)):
            continue
        if len(fold(name).replace(" ", "")) < SHORT and hit.score < 1.0 or (exact_only and hit.score < 1.0):
            continue
        in_context = entity.country in countries
        # in a story that names its countries, a place's name alike only in sound ("LuAnn", Lu'an) is a variant too
        variant = hit.score < 1.0 or bool(countries) and not as_written
        if single and variant and hit.kind != "surname" and entity.type in ("GPE", "LOC") \
                and not in_context and entity.country not in partner_countries \
                and (entity.prior < context.LONE_PLACE_PRIOR
                     or bool(countries) and entity.country not in (None, entity.qid)):
            continue
        if hit.kind == "surname" and any(fold(full).split()[0] == fold(name) for full in full_names):
            continue
        if hit.kind == "surname" and hit.score < 1.0 and entity.prior < FUZZY_SURNAME_PRIOR:
            continue
        if hit.kind == "surname" and (not (in_context or entity.prior >= FAMOUS and hit.score == 1.0 and not sports)
                                      or any(not _person_names_fit(full, entity.name) for full in full_names
                                             if similarity(fold(full).split()[-1], name) >= SPELLING)):
            continue
        kind = KIND_WEIGHT.get(hit.kind, 0.0)
        if hit.score + PRIOR_WEIGHT * entity.prior + kind + CONTEXT_WEIGHT * in_context < LINK_SCORE:
            continue
        main = entity.country in main_countries
        rank = (-EDIT_COST * edits(name, hit.alias) + RANK_PRIOR * entity.prior + RANK_KIND.get(hit.kind, 0.0)
                + CONTEXT_WEIGHT * (in_context + main) / 2)
        if entity.qid not in best or rank > best[entity.qid][0]:
            rule = "kb-surname" if hit.kind == "surname" else "kb-exact" if hit.score == 1.0 else "kb-spelling"
            best[entity.qid] = (rank, hit.score, hit.alias, rule)
    if group.unit:
        of_unit = {qid: found for qid, found in best.items() if kb.entities[qid].country != qid
                   and (kb.entities[qid].role == "city") == (group.unit == "city")}
        best = of_unit or best
    where = within | states
    inside = {qid: found for qid, found in best.items()
              if kb.entities[qid].country in where or kb.entities[qid].region in where}
    if not inside and states:
        return None  # "Manchester, Conn.": the KB knows no Manchester in Connecticut, so it is none of its namesakes
    best = inside or best
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda item: -item[1][0])
    qid, (rank, score, alias, rule) = ranked[0]
    if len(ranked) > 1 and (unique or rank - ranked[1][1][0] < LINK_MARGIN):
        return None
    return kb.entities[qid], score, alias, rule


def _variant_of_linked(group: Group, groups: list[Group]) -> bool:
    """The story's own evidence first: a spelling variant of a name already linked joins it by merging
    rather than by a KB search of its own (Donedsk is Donetsk here, not some Donskoy)."""
    return any(other.qid and _spelling_variants(group, other) for other in groups if other is not group)


def _spelt_otherwise(group: Group, groups: list[Group]) -> bool:
    """The story's own evidence first, the other way round: a name the story writes more often in another,
    still unlinked spelling of its type does not link by its spelling alone; that spelling links or not, and
    this one joins it by merging ("Oitama", a slip for the story's "Okitama", had been Toyama). A spelling NER
    typed otherwise is no such evidence (the English "Tamanrasset", taken for an organisation, beside the
    Russian "Таманрассета")."""
    return any(other.qid is None and len(other.mentions) > len(group.mentions) and other.cls in (None, group.cls)
               and _spelling_variants(group, other) for other in groups if other is not group)


def _spelling_variants(a: Group, b: Group) -> bool:
    return similarity(a.name, b.name) >= SPELLING and _shape_fits(a.name, b.name)


def _link_all(groups: list[Group], kb: KB, articles: dict[str, Article]) -> None:
    for group in groups:
        hits = [h for h in kb.exact(group.name) if h.kind != "code"]
        named = [h for h in hits if h.kind in NAMING]
        group.known = frozenset(h.entity.qid for h in named or hits)
        group.town = " " not in group.key and kb.town(group.name)
    _surnames(groups)
    _firm_names(groups)
    _state_abbreviations(groups, articles, kb)
    _units(groups, articles)
    context.retype_placed(groups, kb, articles, SPELLING)
    story = StoryContext(
        full_names=tuple(g.name for g in groups if g.cls == "PERSON" and " " in g.key),
        sports=teams.in_sports_story(groups, articles),
        english=frozenset(g.key for g in groups if any(articles[m.article_id].language in ("en", "und")
                                                       for m in g.mentions if m.article_id in articles)))
    for exact_only, unique in ((True, True), (True, False), (False, False)):
        if not exact_only:
            _retype(groups, kb)
            kb.prefetch([g.name for g in groups if g.qid is None])
        for group in groups:
            if group.qid is None and not (not exact_only and _variant_of_linked(group, groups)):
                partners = frozenset(kb.entities[q].country or q for q in
                                     (groups[p].qid for p in group.partners) if q)
                within = frozenset(groups[w].qid for w in group.within if groups[w].qid)
                found = link(group, kb, story, exact_only, unique=unique, partner_countries=partners, within=within,
                             states=frozenset(group.within_states))
                if found and found[3] == "kb-spelling" and _spelt_otherwise(group, groups):
                    found = None
                if found:
                    entity, score, alias, rule = found
                    group.qid = entity.qid
                    group.evidence.append(Evidence(rule, round(score, 3), group.name, alias,
                                                   f"{entity.name} ({entity.qid}, {entity.type})"))
            if group.qid and kb.entities[group.qid].type == "GPE":
                story.add_place(kb.entities[group.qid], len(group.mentions))
    for group in groups:
        if group.qid is None and not (group.strong and group.cls in ("PLACE", "EVENT")):
            context.link_by_role(group, kb, articles, story.countries)
    context.unlink_lone_places(groups, kb, articles)
    if story.sports:
        teams.unlink_teams(groups, kb, articles)
    _unlink_spelled_out(groups, kb)
    _unlink_titles(groups, kb, articles)
    _unlink_determined_surnames(groups, articles)


def _latin(text: str) -> bool:
    """Written in Latin letters (``names.script`` puts Cyrillic with them, as both transliterate alike)."""
    return all(ch < "\u0250" for ch in text if ch.isalpha())


def _unlink_titles(groups: list[Group], kb: KB, articles: dict[str, Article]) -> None:
    """An acronym written before a person's name each time is a title ("Qualys CTO Wolfgang Kandek"), not
    the organisation the KB holds under those letters."""
    people = {(m.article_id, m.start) for g in groups if g.cls == "PERSON" for m in g.mentions}
    for group in groups:
        if not group.qid or kb.entities[group.qid].type != "ORG" or not ACRONYM.fullmatch(group.name):
            continue
        if all((m.article_id, _next_word_start(articles, m)) in people for m in group.mentions):
            group.unlink(1.0, f"a title before a person's name in every mention, not {kb.entities[group.qid].name}")


def _unlink_determined_surnames(groups: list[Group], articles: dict[str, Article]) -> None:
    """A bare surname written "the X" and then a stop ("Seeing the Marcos, the pirates surrendered": India's
    marine commandos) is no person's: a surname takes the article only before a noun ("the Obama
    administration")."""
    for group in groups:
        if not group.qid or not any(e.rule == "kb-surname" for e in group.evidence):
            continue
        if all(m.article_id in articles and _THE_BEFORE.search(articles[m.article_id].text, 0, m.start)
               and _STOP_AFTER.match(articles[m.article_id].text, m.end) for m in group.mentions):
            group.unlink(1.0, "written 'the …' on its own, as no person's surname is")


def _next_word_start(articles: dict[str, Article], mention: Mention) -> int:
    text = articles[mention.article_id].text if mention.article_id in articles else ""
    end = mention.end
    while end < len(text) and text[end] == " ":
        end += 1
    return end


def _unlink_spelled_out(groups: list[Group], kb: KB) -> None:
    """An acronym the story spells out as another name than its KB entity's is that name: "AFC" beside
    "American Football Conference" is not the Africa Finance Corporation, "AMA" beside "American Medical
    Association" not the African Medicines Agency."""
    spelled: dict[str, str] = {}
    for g in sorted(groups, key=lambda g: (fold(g.name).split()[0] in FUNCTION_WORDS, -len(g.mentions), g.key)):
        words = [w for w in fold(g.name).split() if w not in FUNCTION_WORDS]
        if len(words) >= 2 and all(len(w) >= 2 for w in words) and acronym(g.name):
            spelled.setdefault(acronym(g.name), g.name)
    for group in groups:
        letters = group.name.replace(".", "")
        if not group.qid or not ACRONYM.fullmatch(group.name) or letters not in spelled:
            continue
        expansion = spelled[letters]
        if any(h.entity.qid == group.qid for h in kb.exact(expansion)):
            continue
        entity = kb.entities[group.qid]
        group.unlink(1.0, f"the story spells {group.name} out as {expansion}, not {entity.name}")


class Components:
    """Union-find over groups that refuses joins of two KB ids, of two strong, different types, or of two people
    named in full with one surname and different given names ("Kimani Gray" and his sister "Mahnefah Gray",
    whom "Gray" alone had chained into one person)."""

    def __init__(self, groups: list[Group]) -> None:
        self.parent = list(range(len(groups)))
        self.qids = [{g.qid} - {None} for g in groups]
        self.classes = [{g.cls} - {None} if g.strong or g.qid else set() for g in groups]
        self.people = [{g.name} if g.cls == "PERSON" and len(fold(g.name).split()) > 1 else set() for g in groups]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or len(self.qids[ra] | self.qids[rb]) > 1 or len(self.classes[ra] | self.classes[rb]) > 1:
            return False
        if not (self.qids[ra] and self.qids[ra] == self.qids[rb]) and \
                any(_siblings(x, y) for x in self.people[ra] for y in self.people[rb]):
            return False
        self.parent[rb] = ra
        self.qids[ra] |= self.qids[rb]
        self.classes[ra] |= self.classes[rb]
        self.people[ra] |= self.people[rb]
        return True


#: letters two given names share at their start when one is the other's short form ("Alexis", "Alexandros")
SHORT_FORM = 3
#: abbreviated titles and ranks written before a name ("Insp Gaskin", "Sgt. Mourad"), beside names.TITLES
_TITLE_ABBREVIATIONS = frozenset("insp sgt det const capt cpl pvt supt cmdr adm maj rev atty rep sen gov col "
                                 "lt gen dr mr mrs ms st".split())
#: a capitalised word this common in English (Zipf) that is no given name is a word before a name ("Following
#: Gigante's death", "Losing Thomas"), not one; rarer descriptors ("Kicker Ryan Succop") pass, and are met by
#: the rule that any given name of one fitting any of the other's makes one person
_DESCRIPTOR_ZIPF = 4.0


def _given(name: str) -> tuple[list[str], list[str]]:
    """The words before a person's surname, folded: all of them, and those that read as given names (not a
    title, rank, initial, capitalised descriptor or word in capitals)."""
    words = name.split()[:-1]
    every = [fold(w).rstrip(".") for w in words]
    named = [w for w, key in zip(words, every, strict=True)
             if len(key) >= 2 and w[0].isupper() and not w.isupper() and not w.endswith(".")
             and key not in TITLES and key not in _TITLE_ABBREVIATIONS
             and (given_gender(w) is not None or zipf_frequency(key, "en") < _DESCRIPTOR_ZIPF)]
    return [w for w in every if w], [fold(w) for w in named]


@cache
def _nicknames():
    from nicknames import NickNamer

    return NickNamer()


def _forms(a: str, b: str) -> bool:
    """Two folded given names one person may bear: alike, one an initial of the other, one the other's start
    ("Ty" and "Tywon", "Alexis" and "Alexandros"), or an English short form of it ("Bill" and "William", from
    the ``nicknames`` list)."""
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    short, long = sorted((a, b), key=len)
    if word_fits(a, b) or long.startswith(short) or (len(short) >= SHORT_FORM and a[:SHORT_FORM] == b[:SHORT_FORM]):
        return True
    names = _nicknames()
    return b in names.nicknames_of(a) or a in names.nicknames_of(b) or \
        bool(names.canonicals_of(a) & (names.canonicals_of(b) | {b}))


def _siblings(a: str, b: str) -> bool:
    """Two people's full names with one surname whose given names are no form of each other: two people of
    one family ("Kimani Gray", "Mahnefah Gray") or namesakes, not one person. Each must give a given name;
    a title or descriptor before the surname ("Insp Gaskin", "Comedian Ellen DeGeneres") tells nothing, and
    any of one name's given names or initials fitting any of the other's ("L. Patrick Gray", "Patrick Gray")
    makes them one."""
    wa, wb = fold(a).split(), fold(b).split()
    if sorted(wa) == sorted(wb) or similarity(wa[-1], wb[-1]) < SPELLING:
        return False
    (every_a, named_a), (every_b, named_b) = _given(a), _given(b)
    if not named_a or not named_b:
        return False
    return not any(_forms(x, y) for x in every_a for y in every_b)


def _classes_fit(a: Group, b: Group) -> bool:
    return a.cls is None or b.cls is None or a.cls == b.cls or not (a.strong or a.qid) or not (b.strong or b.qid)


def _person_names_fit(a: str, b: str, surname_edits: int | None = None) -> bool:
    """Two full names of people: surnames alike (and, with ``surname_edits``, that few letters apart in
    their skeletons) and given names alike (or one an initial)."""
    wa, wb = fold(a).split(), fold(b).split()
    if len(wa) < 2 or len(wb) < 2:
        return True
    given = wa[0][0] == wb[0][0] and (len(wa[0]) == 1 or len(wb[0]) == 1 or word_fits(wa[0], wb[0]))
    return given and similarity(wa[-1], wb[-1]) >= SPELLING and (
        surname_edits is None or Levenshtein.distance(skeleton(wa[-1]), skeleton(wb[-1])) <= surname_edits)


def _rule(a: Group, b: Group) -> tuple[str, float] | None:
    """The strongest rule that joins two groups, and its score."""
    if a.qid and a.qid == b.qid:
        return "same-kb-entity", 1.0
    if a.qid and b.qid:
        return None
    if a.known and b.known and not a.known & b.known:
        return None
    ka, kb_ = a.key.replace(" ", ""), b.key.replace(" ", "")
    if ka == kb_:
        return "run-together", 1.0
    for kanji, latin in ((a, b), (b, a)):
        if kanji.readings and "PERSON" in (latin.cls, kanji.cls) and " " in latin.key and (
                latin.key in kanji.readings or " ".join(latin.key.split()[::-1]) in kanji.readings):
            return "reading", 1.0  # 木下明夫 and "Kinoshita Akio" (or "Akio Kinoshita")
    if not _classes_fit(a, b):
        return None
    for short, long in ((a, b), (b, a)):
        if short.name.isupper() and 2 <= len(short.name) <= 8 and acronym(long.name) == short.name \
                and {short.cls, long.cls} <= {"ORG", None}:
            return "acronym", 1.0
    for short, long in ((a, b), (b, a)):
        if long.firm == short.key and {short.cls, long.cls} <= {"ORG", None}:
            return "legal-name", 1.0
    if ACRONYM.fullmatch(a.name) or ACRONYM.fullmatch(b.name):
        return None  # letters of other words: the same acronym is run-together above, never a spelling
    score = similarity(a.name, b.name)
    short = min(len(ka), len(kb_)) < SHORT
    known = [known_name(g.name) for g in (a, b)]
    # a town's own name the KB holds no entity of (Kanuma) is that town, not a Chinese or Japanese place name
    # whose letters, read as Chinese, come close (群馬, Gunma, folds to "qunma")
    town = (a.town and not a.known and unspaced(b.name)) or (b.town and not b.known and unspaced(a.name))
    if score >= (SHORT_SPELLING if short else SPELLING) and _shape_fits(a.name, b.name) and not all(known) \
            and not town:
        if {a.cls, b.cls} <= {"PERSON", None} and not _person_names_fit(a.name, b.name):
            return None
        return "spelling", round(score, 3)
    for one, full in ((a, b), (b, a)):
        words = fold(full.name).split()
        if " " not in one.key and len(words) >= 2 and {one.cls, full.cls} <= {"PERSON", None} \
                and full.cls == "PERSON" and similarity(one.name, words[-1]) >= SPELLING:
            return "surname", round(similarity(one.name, words[-1]), 3)
    # two names common in English are two names ("Europe and America" beside "Europe and Africa"), unless one
    # cuts the other short, as an abbreviation does ("Harrison County, Miss." beside "Jackson, Mississippi")
    if a.cls == b.cls == "PLACE" and score >= COORDINATED and a.partners & b.partners \
            and (not all(known) or ka.startswith(kb_) or kb_.startswith(ka)):
        return "coordination", round(score, 3)
    return None


#: names compared with all the others at once in ``_candidates`` (a float64 per pair: 512 × 10,000 is 41 MB)
_ROWS = 512


def _candidates(groups: list[Group]) -> list[tuple[int, int]]:
    """Every pair of groups ``_rule`` may join, and some it will not, without trying each pair in turn (a story
    of thousands of names has millions of pairs): KB ids, names run together, readings, acronyms and legal
    names are looked up by their keys; spellings, surnames and coordinated places are read off similarities
    computed all at once. A rule added to ``_rule`` needs its pairs found here too (``test_resolve`` compares
    the two on the dev data)."""
    found: set[tuple[int, int]] = set()

    def add(i: int, j: int) -> None:
        if i != j:
            found.add((min(i, j), max(i, j)))

    def pairs_of(index: dict[str, list[int]], lookups: list[tuple[int, str]]) -> None:
        for i, key in lookups:
            for j in index.get(key, ()):
                add(i, j)

    def index_of(keys: list[tuple[int, str | None]]) -> dict[str, list[int]]:
        index: dict[str, list[int]] = {}
        for i, key in keys:
            if key:
                index.setdefault(key, []).append(i)
        return index

    every = range(len(groups))
    for shared in (index_of([(i, groups[i].qid) for i in every]),
                   index_of([(i, groups[i].key.replace(" ", "")) for i in every])):
        for members in shared.values():
            for n, i in enumerate(members):
                for j in members[n + 1:]:
                    add(i, j)
    latin = index_of([(i, groups[i].key) for i in every if " " in groups[i].key]
                     + [(i, " ".join(groups[i].key.split()[::-1])) for i in every if " " in groups[i].key])
    pairs_of(latin, [(i, reading) for i in every for reading in groups[i].readings])
    pairs_of(index_of([(i, groups[i].name) for i in every]), [(i, acronym(groups[i].name)) for i in every])
    pairs_of(index_of([(i, groups[i].key) for i in every]), [(i, groups[i].firm) for i in every if groups[i].firm])
    names = [g.name for g in groups]
    places = np.array([g.cls == "PLACE" and bool(g.partners) for g in groups])
    for start in range(0, len(groups), _ROWS):
        spelled = similarities(names[start:start + _ROWS], names)
        near = (spelled >= SPELLING - 1e-9) | ((spelled >= COORDINATED - 1e-9)
                                               & places[start:start + _ROWS, None] & places[None, :])
        for i, j in zip(*np.nonzero(near), strict=True):
            add(start + int(i), int(j))
    single = [i for i in every if " " not in groups[i].key]
    full = [j for j in every if groups[j].cls == "PERSON" and len(fold(groups[j].name).split()) >= 2]
    surnames = [fold(groups[j].name).split()[-1] for j in full]
    for start in range(0, len(single) if full else 0, _ROWS):
        alike = similarities([groups[i].name for i in single[start:start + _ROWS]], surnames) >= SPELLING - 1e-9
        for a, b in zip(*np.nonzero(alike), strict=True):
            add(single[start + int(a)], full[int(b)])
    return sorted(found)


def _family_names(groups: list[Group]) -> list[tuple[int, int]]:
    """A person's family name alone in Han characters (木下, after 木下明夫: 木下氏, 木下さん) and the one full name
    of the story it begins; Chinese and Japanese write the family name first, so the English surname rule (the
    last word) does not reach it. Where two full names begin with it (木下明夫, 木下花子) it names neither."""
    people = [i for i, g in enumerate(groups) if g.cls == "PERSON" and _HAN_NAME.fullmatch(g.name)]
    found = []
    for i in people:
        family = groups[i].name
        if len(family) > 3:
            continue
        full = {groups[j].name: j for j in people
                if groups[j].name.startswith(family) and 0 < len(groups[j].name) - len(family) <= 3}
        if len(full) == 1:
            found.append((i, next(iter(full.values()))))
    return found


#: score of a given name alone joining its one full name: after spellings and surnames, which are surer
GIVEN_NAME_SCORE = 0.9


#: where the full names a given name begins have several surnames, one named this many times as often as the next
#: is the person the given name means ("Juan Pablo": 62 mentions of "Juan Pablo Galavis", one of each headline's
#: "Juan Pablo Disses", "Juan Pablo Dissed" …); else it means no one
GIVEN_NAME_MARGIN = 10


def _given_names(groups: list[Group]) -> list[tuple[int, int]]:
    """A person's given name or names alone ("Kimani", as reports call a teenager; "Juan Pablo") and the one
    person of the story whose full name begins with them ("Kimani Gray"; two or more given names, "Juan Pablo",
    only a name of one more word, "Juan Pablo Galavis", not a headline's run-on), where no one
    else's full name ends with their last word (then it may be a surname; a name that ends with all of them,
    "Unpopular Juan Pablo", is no such evidence) and they link to no KB entity. Where the full names they begin
    are several people's, they name the one whose surname is named GIVEN_NAME_MARGIN times as often as the
    next, or no one."""
    people = {i for i, g in enumerate(groups) if g.cls == "PERSON" and len(fold(g.name).split()) > 1}
    starts: dict[str, set[int]] = {}
    ends: dict[str, list[str]] = {}
    for j in people:
        name = fold(groups[j].name)
        words = name.split()
        ends.setdefault(words[-1], []).append(name)
        for k in range(1, len(words)):
            starts.setdefault(" ".join(words[:k]), set()).add(j)
    found = []
    for i, group in enumerate(groups):
        key = fold(group.name)
        if group.qid or group.cls not in ("PERSON", None) or key not in starts:
            continue
        if any(name != key and not (" " in key and name.endswith(" " + key)) for name in ends.get(key.split()[-1], ())):
            continue
        size = len(key.split())
        longer = sorted((j for j in starts[key] - {i} if size == 1 or len(fold(groups[j].name).split()) == size + 1),
                        key=lambda j: (-len(groups[j].mentions), j))
        named = Counter()
        for j in longer:
            named[fold(groups[j].name).split()[-1]] += len(groups[j].mentions)
        ranked = [n for _, n in named.most_common(2)] + [0]
        if longer and ranked[0] >= GIVEN_NAME_MARGIN * ranked[1]:
            found.append((i, longer[0]))
    return found


def _entity_id(story_id: str | None, key: str) -> str:
    return "ent_" + hashlib.sha1(f"{story_id}|{key}".encode()).hexdigest()[:16]


def resolve(story: Story, mentions: list[Mention], articles: dict[str, Article], kb: KB,
            aligner: Aligner | None = None) -> list[Entity]:
    """The entities of one story's mentions; with an ``aligner``, parallel sentences join mangled names."""
    groups = _groups(mentions, kb)
    _coordination(groups, articles)
    _link_all(groups, kb, articles)
    components = Components(groups)
    pairs = []
    for i, j in _candidates(groups):
        found = _rule(groups[i], groups[j])
        if found:
            pairs.append((-found[1], i, j, found[0]))
    pairs.extend((-1.0, i, j, "family-name") for i, j in _family_names(groups))
    pairs.extend((-GIVEN_NAME_SCORE, i, j, "given-name") for i, j in _given_names(groups))
    partners_shared = []
    joins: dict[int, list[Evidence]] = {}
    # at one score, the pair whose names are written more often first: a surname two people of the story bear
    # goes to the one the story names more ("Felt" to Mark Felt, not his daughter)
    for negative, i, j, rule in sorted(pairs, key=lambda p: (p[0], -len(groups[p[1]].mentions) - len(groups[p[2]].mentions),
                                                             p[1], p[2])):
        if rule == "coordination":
            partners_shared.append((negative, i, j, rule))
            continue
        if components.join(i, j):
            joins.setdefault(i, []).append(Evidence(rule, -negative, groups[i].name, groups[j].name))
    for negative, i, j, rule in partners_shared:
        if components.join(i, j):
            shared = ", ".join(sorted(groups[p].name for p in groups[i].partners & groups[j].partners))
            joins.setdefault(i, []).append(Evidence(rule, -negative, groups[i].name, groups[j].name,
                                                    f"both coordinated with {shared}"))
    for i, evidence in (context.parallel_joins(groups, components, aligner, articles)
                        + context.cooccurrence_joins(groups, components, articles)):
        joins.setdefault(i, []).append(evidence)
    members: dict[int, list[int]] = {}
    for i in range(len(groups)):
        members.setdefault(components.find(i), []).append(i)
    entities = [_entity(story, [groups[i] for i in idx], [e for i in idx for e in joins.get(i, [])], kb, articles)
                for idx in members.values()]
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return entities


def _begins_longer(group: Group, groups: list[Group]) -> bool:
    """A person's name that another name of the entity, one word longer, begins with ("Juan Pablo" of "Juan Pablo
    Galavis"): the entity is shown by the full name, however often the shorter one is written."""
    key = fold(group.name)
    size = len(key.split()) + 1
    return group.cls == "PERSON" and any(fold(g.name).startswith(key + " ") and len(fold(g.name).split()) == size
                                         for g in groups if g is not group)


def _entity(story: Story, groups: list[Group], joins: list[Evidence], kb: KB,
            articles: dict[str, Article]) -> Entity:
    qid = next((g.qid for g in groups if g.qid), None)
    mentions = sorted((m for g in groups for m in g.mentions), key=lambda m: (m.article_id, m.start))
    if qid:
        known = kb.entities[qid]
        name, kind = known.name, known.type if known.type in CLASSES else "OTHER"
    else:
        top = max(groups, key=lambda g: (len(fold(g.name).split()) > 1, not _begins_longer(g, groups), len(g.mentions),
                                         g.key))
        name = top.name
        votes = Counter(m.type for m in mentions if m.type in CLASSES)
        kind = votes.most_common(1)[0][0] if votes else "OTHER"
        retyped = [g.type for g in groups if any(e.rule == "retyped" for e in g.evidence)]
        kind = retyped[0] if retyped else kind
    key = qid or f"{CLASSES.get(kind, kind)}:{fold(name)}"
    spans = [Span.of(articles[m.article_id], m.start, m.end) for m in mentions]
    aliases = sorted({m.text for m in mentions} - {name})
    evidence = [e for g in groups for e in g.evidence] + joins
    return Entity(_entity_id(story.id, key), name, kind, qid if qid and qid.startswith("Q") else None, spans,
                  aliases, story.id, evidence)
