"""Rules that decide by context rather than spelling: a role phrase beside a name, the same sentence in
another article, the names a stray shares its sentences with. They reach names machine translation bent
too far for a spelling rule (``resolve``), and each keeps its evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from wordfreq import zipf_frequency

from ..model import Article, Evidence
from ..nlp import sentences
from . import roles
from .aligned import BACKGROUND, Aligner, Parallel, Sentence
from .kb import KB
from .names import similarity

if TYPE_CHECKING:
    from .mentions import Mention
    from .resolve import Components, Group

_WORDS = re.compile(r"\w+")
#: the words before a name that put it where places stand: "in Ashgabat", "the northern city of Thessaloniki",
#: "the capital, Ashgabat", "a resident of Ashgabat", "who is from Schnectady", the news's "Subryan, 23, of
#: Schenectady"
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|near|outside|from)|\b(?:city|town|village|capital|province|region|residents?|"
                           r"mayor|suburbs?|outskirts)\s+of|\bcapital(?:\s+city)?,?|\bcity,|\b\d{1,3},\s+of)\s+$")
#: ... or the words after it: a place's people ("a Perth doctor", "A Perth man"), a place's police, "Perth-based"
_PLACE_AFTER = re.compile(r"(?:\s+(?:man|woman|men|women|boy|girl|teen|teenager|couple|family|families|resident|"
                          r"residents|native|natives|police|doctor|student|mother|father|climber|pensioner)\b|-based\b)")
#: a name is placed when this share of its mentions stand so
PLACED_SHARE = 0.5

#: a name in a parallel sentence joins the other sentence's name from this similarity (far below SPELLING:
#: the sentence says who is meant; Luton/Luhansk 0.5, Toccerv/Tokayev 0.81); two different surnames at the
#: same place of one sentence (Smith/Jones 0.27, Biden/Trump 0.14) stay apart
PARALLEL_SPELLING = 0.5
#: two sentences in one language are compared by embedding only if this share of their less common words is
#: the same: on the seeds every pair over the parallel margin shares 0.5 or more, and most same-story
#: pairs below it share less than 0.3 (cross-language pairs share no words and are always compared)
PARALLEL_WORDS = 0.3
#: a stray name joins the story's one person whose name (any spelling, or surname) it is this alike to,
#: leading the next person by COOCCURRENCE_MARGIN, when its sentences share COOCCURRING other entities with
#: that person's sentences. Below SPELLING (0.85), above the similarity of 99 % of pairs of different
#: people holding one office in one country (0.68, see ``roles``) less the co-occurrence the rule demands
COOCCURRENCE_SPELLING = 0.65
COOCCURRENCE_MARGIN = 0.1
COOCCURRING = 2
#: a town or region below this prominence, named in one article and chosen among namesakes, keeps its link
#: only if something else the story links lies in its country (capitals and big cities, 0.8 and up, stand
#: on their own)
LONE_PLACE_PRIOR = 0.8
#: ... and only if the story names its country more than in passing: as the ranking's main countries
#: (resolve.MAIN_COUNTRY_SHARE), a share of the most-named country's mentions
LONE_PLACE_SHARE = 0.25


def person_surnames(groups: list[Group]) -> set[str]:
    """The folded surnames of the people the story names in full."""
    return {g.key.split()[-1] for g in groups if g.cls == "PERSON" and " " in g.key}


def retype_placed(groups: list[Group], kb: KB, articles: dict[str, Article], spelling: float) -> None:
    """A name NER typed a person or an organisation that only KB places bear, written where places stand
    in at least PLACED_SHARE of its mentions ("in Ashgabat", "the northern city of Thessaloniki"), is that
    place: NER on rare foreign names guesses their type, the sentence does not. So is a name so written that
    is a spelling variant (``spelling`` similarity) of such a place ("who is from Schnectady"). Not a person's
    surname in the story."""
    people = person_surnames(groups)
    candidates = [g for g in groups if not g.qid and g.cls in ("PERSON", "ORG") and g.key not in people]
    places = []
    for group in candidates:
        hits = [h for h in kb.exact(group.name) if h.kind != "code"]
        if hits and all(h.entity.type == "GPE" and h.kind in ("label", "alias") for h in hits) \
                and _retype_if_placed(group, articles):
            places.append(group)
    for group in candidates:
        if group not in places and any(similarity(group.name, p.name) >= spelling for p in places):
            _retype_if_placed(group, articles)


def _retype_if_placed(group: Group, articles: dict[str, Article]) -> bool:
    placed = sum(1 for m in group.mentions if m.article_id in articles and _placed(articles[m.article_id].text, m))
    if placed < PLACED_SHARE * len(group.mentions):
        return False
    group.evidence.append(Evidence("retyped", 1.0, group.name, "GPE",
                                   f"NER said {group.type}; written where places stand ({placed} of "
                                   f"{len(group.mentions)} mentions: \"in …\", \"city of …\")"))
    group.type, group.strong = "GPE", False
    return True


def _placed(text: str, mention: Mention) -> bool:
    """Written where a place stands, before or after, and not as an owner ("in Jordan's career" is a player's)."""
    return (_PLACE_BEFORE.search(text, max(0, mention.start - 40), mention.start) is not None
            or _PLACE_AFTER.match(text, mention.end) is not None) and text[mention.end:mention.end + 2] not in ("'s", "’s")


def unlink_lone_places(groups: list[Group], kb: KB, articles: dict[str, Article]) -> None:
    """A minor place abroad picked among namesakes by prominence alone, or by a spelling variant, is weak
    when the story's other places lie elsewhere, or its country is named only in passing (mentions of it and
    of what lies in it under LONE_PLACE_SHARE of the most-named country's): "Luton" (two KB places) in a story
    about Ukraine and Kazakhstan that names Britain three times is a mangled name more likely than the
    English town. A name only one KB place bears keeps
    its link ("Lugansk"), and so does any link in a story that names no other place, or one written in a list
    with places of its country ("Kharkov, Kherson, Nikolayev and Odessa"). The entity stays known, so the name
    still never merges with another entity's name by spelling."""
    linked = [g for g in groups if g.qid]
    for group in linked:
        entity = kb.entities[group.qid]
        if entity.type != "GPE" or entity.prior >= LONE_PLACE_PRIOR or entity.country in (None, entity.qid):
            continue
        if any(groups[p].qid and groups[p].qid != entity.qid and kb.entities[groups[p].qid].country == entity.country
               for p in group.listed):
            continue
        namesakes = {h.entity.qid for h in kb.exact(group.name) if h.entity.type == "GPE"}
        if namesakes == {entity.qid}:
            continue
        if len({articles[m.article_id].duplicate_of or m.article_id for m in group.mentions}) != 1:
            continue
        others = [(kb.entities[o.qid], len(o.mentions)) for o in linked if o is not group and o.qid and o.qid != group.qid]
        if not any(o.type == "GPE" for o, _ in others):
            continue
        weight: Counter[str] = Counter()
        for other, mentions in others:
            weight[other.country or other.qid] += mentions
        if weight[entity.country] < LONE_PLACE_SHARE * max(weight.values()):
            country = kb.entities.get(entity.country)
            where = country.name if country else entity.country
            detail = f"{where} is named in passing at most" if weight[entity.country] else \
                f"nothing else in the story is in {where}"
            group.unlink(entity.prior, detail)


def link_by_role(group: Group, kb: KB, articles: dict[str, Article], countries: set[str]) -> None:
    """A name next to a role phrase ("President kalushenko of Belarus") links to the role's holder whose
    name is alike (``roles``), however far the spelling drifted."""
    for mention in group.mentions:
        role = roles.find(articles[mention.article_id].text, mention.start, mention.end, kb)
        found = role and roles.holder(group.name, role, countries, kb)
        if found:
            entity, score = found
            group.qid, group.type = entity.qid, "PERSON"
            group.evidence.append(Evidence("kb-role", score, group.name, entity.name,
                                           f'"{role.phrase}": {entity.name} ({entity.qid}), {entity.role}'))
            return


def parallel_joins(groups: list[Group], components: Components, aligner: Aligner | None,
                   articles: dict[str, Article]) -> list[tuple[int, Evidence]]:
    """Where two parallel sentences each hold exactly one name the other lacks, and one of the two is a
    stray (unlinked, named in one article only; a minor place linked by its name alone has lost that link
    in ``unlink_lone_places``) while the other is the story's (named in two articles or more, or linked to
    the KB), the stray is the story's name mangled. The names must still be faintly alike (``PARALLEL_SPELLING``): two different people at the
    same place of one sentence are a disagreement between sources, not a spelling.

    Embeddings cost, so only strays alike to a name of the story are asked about, in sentences that name
    something else too; each is aligned with the other articles' sentences that hold such a name and half
    its other names or more (in the same language, also ``PARALLEL_WORDS`` of its words). Margins are
    measured article against article over those, each article topped up with its other sentences to
    ``BACKGROUND``."""
    if aligner is None:
        return []
    roots, reach = _reach(groups, components, articles)
    loose = {root for root, idx in roots.items() if len(reach[root]) == 1 and not any(groups[i].qid for i in idx)}
    settled = [root for root, idx in roots.items() if root not in loose
               and (len(reach[root]) >= 2 or any(groups[i].qid for i in idx))]
    alike: dict[int, set[int]] = {}
    for root, idx in roots.items():
        if root in loose:
            names = [n for i in idx for n in _spellings(groups[i])]
            found = {other for other in settled
                     if max(_likeness(n, [groups[i] for i in roots[other]]) for n in names) >= PARALLEL_SPELLING}
            if found:
                alike[root] = found
    if not alike:
        return []
    strays = set(alike)
    at: dict[Sentence, dict[int, int]] = {}
    for article_id, found in _by_article(groups, components).items():
        if articles[article_id].duplicate_of:
            continue
        for start, end, inside in _by_sentence(articles[article_id].text, found):
            for _, root, index in inside:
                at.setdefault(Sentence(article_id, start, end), {}).setdefault(root, index)
    holding, pool = set(), set()
    words: dict[Sentence, set[str]] = {}
    for sentence, found in at.items():
        here = set(found)
        wanted = {root for stray in here & strays for root in alike[stray]}
        others = here - strays
        if not wanted or not others:
            continue
        parallel = {s for s, there in at.items() if s.article_id != sentence.article_id
                    and set(there) & wanted and len(set(there) & others) * 2 >= len(others)
                    and (articles[s.article_id].language != articles[sentence.article_id].language
                         or _word_overlap(words, sentence, s, articles) >= PARALLEL_WORDS)}
        if parallel:
            holding.add(sentence)
            pool |= parallel | {sentence}
    texts = {s.article_id: articles[s.article_id].text for s in pool}
    background: list[Sentence] = []
    for article_id in sorted(texts):
        missing = BACKGROUND - sum(1 for s in pool if s.article_id == article_id)
        rest = sorted((s for s in at if s.article_id == article_id and s not in pool), key=lambda s: s.start)
        if missing > 0 and rest:
            background.extend(rest[::max(1, len(rest) // missing)][:missing])
    out = []
    for pair in aligner.pairs(sorted(pool, key=lambda s: (s.article_id, s.start)), texts, holding, background):
        left, right = at[pair.left], at[pair.right]
        for a, b in _counterparts(set(left) - set(right), set(right) - set(left), strays, alike, groups, roots):
            _join_parallel(a, b, left, right, pair, strays, alike, groups, components, out)
    return out


def _counterparts(only_left: set[int], only_right: set[int], strays: set[int], alike: dict[int, set[int]],
                  groups: list[Group], roots: dict[int, list[int]]) -> list[tuple[int, int]]:
    """The names of two parallel sentences that stand for each other: the one each side lacks, or, where a
    sentence names several people the other lacks ("Australia's Robert Whittaker edged Britain's Darren Till"
    and its translation), each stray person with the person of the other side it is most alike, when that one
    is most alike to it too, by ``COOCCURRENCE_MARGIN`` over any other. Only people: a place or a body the
    other side lacks is as often a different one ("Los Angeles" beside "Los Angeles Chargers")."""
    if len(only_left) == 1 and len(only_right) == 1:
        return [(next(iter(only_left)), next(iter(only_right)))]
    people = {root for root in only_left | only_right if any(groups[i].cls == "PERSON" for i in roots[root])}
    scores: dict[tuple[int, int], float] = {}
    for a in only_left & people:
        for b in only_right & people:
            for stray, known in ((a, b), (b, a)):
                if stray in strays and known in alike[stray]:
                    scores[a, b] = max(_likeness(n, [groups[j] for j in roots[known]])
                                       for i in roots[stray] for n in _spellings(groups[i]))
    out = []
    for (a, b), score in scores.items():
        rivals = [v for (x, y), v in scores.items() if (x == a) != (y == b)]
        if all(score - v >= COOCCURRENCE_MARGIN for v in rivals):
            out.append((a, b))
    return out


def _join_parallel(a: int, b: int, left: dict[int, int], right: dict[int, int], pair: Parallel, strays: set[int],
                   alike: dict[int, set[int]], groups: list[Group], components: Components,
                   out: list[tuple[int, Evidence]]) -> None:
    """Joins the stray of two counterparts to the story's name it stands for (``parallel_joins``)."""
    for stray, known in ((a, b), (b, a)):
        if stray not in strays or known not in alike[stray]:
            continue
        i, j = left.get(stray, right.get(stray)), left.get(known, right.get(known))
        group = groups[i]
        if components.join(j, i):
            where = (f"{pair.left.article_id}[{pair.left.start}:{pair.left.end}] and "
                     f"{pair.right.article_id}[{pair.right.start}:{pair.right.end}]")
            out.append((j, Evidence("parallel-sentence", pair.margin, groups[j].name, group.name,
                                    f"the same sentence in {where} (cosine {pair.cosine}, margin {pair.margin})")))
            strays.discard(stray)
        break


def _word_overlap(cache: dict[Sentence, set[str]], a: Sentence, b: Sentence, articles: dict[str, Article]) -> float:
    """Jaccard of two sentences' less common words (Zipf below 5.5: not "the", "said", "that")."""
    for sentence in (a, b):
        if sentence not in cache:
            text = articles[sentence.article_id].text[sentence.start:sentence.end]
            cache[sentence] = {w for w in _WORDS.findall(text.casefold()) if zipf_frequency(w, "en") < 5.5}
    union = cache[a] | cache[b]
    return len(cache[a] & cache[b]) / len(union) if union else 0.0


def _reach(groups: list[Group], components: Components,
           articles: dict[str, Article]) -> tuple[dict[int, list[int]], dict[int, set[str]]]:
    """Each component's groups, and the articles (a copy counting as its original) that name it."""
    members: dict[int, list[int]] = {}
    for i in range(len(groups)):
        members.setdefault(components.find(i), []).append(i)
    reach = {root: {articles[m.article_id].duplicate_of or m.article_id for i in idx for m in groups[i].mentions}
             for root, idx in members.items()}
    return members, reach


def _by_article(groups: list[Group], components: Components) -> dict[str, list[tuple[int, int, int]]]:
    """(mention start, component, group) of every mention, by article."""
    out: dict[str, list[tuple[int, int, int]]] = {}
    for i, group in enumerate(groups):
        root = components.find(i)
        for mention in group.mentions:
            out.setdefault(mention.article_id, []).append((mention.start, root, i))
    for found in out.values():
        found.sort()
    return out


def _by_sentence(text: str, found: list[tuple[int, int, int]]) -> Iterator[tuple[int, int, list]]:
    """Each sentence of ``text`` (start, end) with the mentions of ``found`` (sorted, from ``_by_article``) that
    begin in it, looked up by position: a long article has thousands of both."""
    starts = [at for at, _, _ in found]
    for start, end in sentences.spans(text):
        yield start, end, found[bisect_left(starts, start):bisect_left(starts, end)]


def cooccurrence_joins(groups: list[Group], components: Components,
                       articles: dict[str, Article]) -> list[tuple[int, Evidence]]:
    """A stray name (unlinked, in one article) faintly like one person of the story (linked, or named in
    two articles or more) whose sentences share other entities with its own is that person ("Toccerv's face
    in front of Putin ... Lugusk and Donetsk" where Tokayev stands before Putin over Luhansk and Donetsk).
    Only people: places and organisations co-occur with everything in their country."""
    members, reach = _reach(groups, components, articles)
    near: dict[int, set[int]] = {}
    for article_id, found in _by_article(groups, components).items():
        for _, _, found_here in _by_sentence(articles[article_id].text, found):
            inside = {root for _, root, _ in found_here}
            for root in inside:
                near.setdefault(root, set()).update(inside - {root})
    people = [r for r, idx in members.items() if any(groups[i].cls == "PERSON" for i in idx)
              and (len(reach[r]) >= 2 or any(groups[i].qid for i in idx))]
    out = []
    for root, idx in sorted(members.items()):
        if len(idx) != 1 or len(reach[root]) != 1 or groups[idx[0]].qid or groups[idx[0]].strong \
                and groups[idx[0]].cls != "PERSON":
            continue
        stray = groups[idx[0]]
        scored = sorted(((max(_likeness(n, [groups[i] for i in members[p]]) for n in _spellings(stray)), p)
                         for p in people),
                        reverse=True)
        if not scored or scored[0][0] < COOCCURRENCE_SPELLING:
            continue
        if len(scored) > 1 and scored[0][0] - scored[1][0] < COOCCURRENCE_MARGIN:
            continue
        score, person = scored[0]
        shared = near.get(root, set()) & near.get(person, set())
        if len(shared) < COOCCURRING:
            continue
        named = sorted(groups[members[r][0]].name for r in shared)
        if components.join(person, idx[0]):
            out.append((person, Evidence("co-occurrence", round(score, 3), groups[person].name, stray.name,
                                         f"spelled alike and named in sentences with {', '.join(named)}")))
    return out


def _likeness(name: str, person: list[Group]) -> float:
    """The best similarity of a name to any spelling of a person, or to its surname; a Japanese name in kanji
    also by its reading (木下 / Kinoshita), family name first."""
    words = {w for g in person for w in (g.name, g.name.split()[-1])}
    words |= {w for g in person for r in g.readings for w in (r, r.split()[0])}
    return max(similarity(name, w) for w in words)


def _spellings(group: Group) -> list[str]:
    """A group's name and, for a Japanese name in kanji, how it sounds (``Group.readings``)."""
    return [group.name, *group.readings]
