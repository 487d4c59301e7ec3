"""Claims grouped across languages, on the WMT multiway dev stories (../shared/data/wmt-multiway/).

    python benchmarks/claims.py [--calibrate]

Each language version of a WMT article is an article and all versions of one article are one story
(wmt.py), so every sentence of a version asserts what the same line of each other version asserts:
versions are sentence-aligned translations. Gold links: every line of a story whose versions have the
same number of lines, for every pair of its versions. A predicted link joins two supporting spans of one
claim from different versions; it is right when they lie on one line. Printed: link precision, recall
and F1, the share of gold links whose two lines both gave an assertion (the recall extraction allows),
the claims' sizes, how many claims backed by several versions count them as one source (translations
of one text, TRANSLATION_SHARE) and how many stories do (their source_count). Stories whose versions differ in line count are left out of both counts.
Beside it, and for each of several CROSS_CLAIM_COSINE and CLAIM_MARGIN values with --calibrate, it counts
the assertions joined across two unrelated articles (each story's first version with the other versions of
the story closest in meaning: every join is wrong), since translations have a partner for every sentence
and independent coverage does not.

``--contradictions``: each English version beside an edited copy of itself, in which every third sentence
has one thing changed: a number (another value; a year two years later), its polarity ("not" after the first auxiliary) or its
actor (a person it names replaced by a person of another story). Entities come from the entities stage.
A reported contradiction is right when it pairs a changed sentence with its original; recall counts the
changed sentences so paired. Synthetic, like the copies of the clustering benchmark: it shows that each
rule fires where it should and what else it catches, not how often real reports disagree.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections import Counter
from itertools import combinations

from wmt import language, parallel, versions

from storyweave.claims import extract
from storyweave.claims.conflict import NEGATION
from storyweave.entities import entities_for, load_kb
from storyweave.model import Article, Span, Story
from storyweave.nlp import embed
from storyweave.nlp.sentences import spans
from storyweave.settings import Settings

#: characters of a version that stand for its meaning when choosing the closest unrelated story
LEAD = 300


def lines_of(text: str, start: int, end: int) -> set[int]:
    return set(range(text.count("\n", 0, start), text.count("\n", 0, end) + 1))


def links(cosine: float, margin: float) -> None:
    extract.CROSS_CLAIM_COSINE, extract.CLAIM_MARGIN = cosine, margin
    stories, articles = versions()
    stories = [s for s in stories if parallel(s, articles) and len(s.article_ids) > 1]
    gold: set[tuple[str, int, str, str]] = set()
    asserted: set[tuple[str, int, str]] = set()
    for story in stories:
        count = articles[story.article_ids[0]].text.count("\n") + 1
        for line in range(count):
            gold.update((story.id, line, *pair) for pair in
                        combinations(sorted(language(aid) for aid in story.article_ids), 2))
    predicted = right = 0
    credited: set[tuple[str, int, str, str]] = set()
    sizes: Counter[int] = Counter()
    several = once = single = 0
    began = time.perf_counter()
    for story in stories:
        claims, sources = extract.read_story(story, articles)
        single += sources == 1
        for claim in claims:
            sizes[len({s.article_id for s in claim.support})] += 1
            if len({s.article_id for s in claim.support}) > 1:
                several += 1
                once += claim.independent_sources == 1
            placed = []
            for span in claim.support:
                text = articles[span.article_id].text
                on = lines_of(text, span.start, span.end)
                placed.append((language(span.article_id), on))
                asserted.update((story.id, line, language(span.article_id)) for line in on)
            for (la, lines_a), (lb, lines_b) in combinations(placed, 2):
                if la == lb:
                    continue
                predicted += 1
                shared = lines_a & lines_b
                if shared:
                    right += 1
                    credited.update((story.id, line, *sorted((la, lb))) for line in shared)
    seconds = time.perf_counter() - began
    precision = right / predicted if predicted else 0.0
    recall = len(credited & gold) / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    bound = sum(1 for sid, line, a, b in gold if (sid, line, a) in asserted and (sid, line, b) in asserted)
    print(f"claims across languages on WMT multiway dev: {len(stories)} sentence-aligned stories, "
          f"{sum(len(s.article_ids) for s in stories)} versions, {len(gold)} gold links; {seconds:.0f} s")
    print(f"  CROSS_CLAIM_COSINE {cosine:.2f}, CLAIM_MARGIN {margin:.3f}: links precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f} ({predicted} predicted)")
    print(f"  gold links whose two lines both gave an assertion (the recall extraction allows): "
          f"{bound / len(gold) if gold else 0.0:.3f}")
    print("  claims by number of supporting versions: " +
          ", ".join(f"{k}: {v}" for k, v in sorted(sizes.items())))
    print(f"  claims backed by several versions that count them as one source (translations of one text): "
          f"{once} of {several} ({100 * once / max(several, 1):.1f} %)")
    print(f"  stories whose versions count as one source (the story's source_count): {single} of {len(stories)} "
          f"({100 * single / max(len(stories), 1):.1f} %)")


def unrelated(cosine: float, margin: float) -> None:
    """Links between the versions of two different stories, the closest in meaning: all wrong."""
    extract.CROSS_CLAIM_COSINE, extract.CLAIM_MARGIN = cosine, margin
    stories, articles = versions()
    stories = [s for s in stories if len(s.article_ids) > 1]
    means = {}
    for story in stories:
        for aid in story.article_ids:
            means[aid] = embed.remembered([articles[aid].text[:LEAD]])[0]
    joined = assertions = mistaken = one = 0
    for story in stories:
        first = story.article_ids[0]
        others = [s for s in stories if s.id != story.id and language(first) not in map(language, s.article_ids[1:])]
        other = max(others, key=lambda s: float(means[first] @ means[s.article_ids[1]]))
        mixed = Story(f"{story.id}+{other.id}", "", [first] + other.article_ids[1:])
        claims, sources = extract.read_story(mixed, articles)
        one += sources == 1
        for claim in claims:
            ours = sum(1 for span in claim.support if span.article_id == first)
            assertions += ours
            joined += ours if len(claim.support) > ours else 0
        mistaken += any(claim.independent_sources == 1 and len({s.article_id for s in claim.support}) > 1
                        and any(s.article_id == first for s in claim.support) for claim in claims)
    print(f"  unrelated stories: {joined} of {assertions} assertions of the first version joined to the other "
          f"story's ({100 * joined / max(assertions, 1):.1f} %, all wrong); first version taken for a "
          f"translation of the other story in {mistaken} of {len(stories)}; the two stories counted as one "
          f"source: {one} of {len(stories)}")


_AUXILIARY = re.compile(r"\b(?:is|was|are|were|will|would|can|could|has|have|had|should|must|did|does|do)\b")
_DIGITS = re.compile(r"\d+")


def _edit(sentence: str, kind: str, people: list[str], names: list[str], rng: random.Random) -> str | None:
    """The sentence with one thing changed, or None when it has nothing of that kind to change."""
    if kind == "number":
        found = _DIGITS.search(sentence)
        if found is None:
            return None
        value = int(found.group())
        new = value + 2 if 1800 <= value < 2100 else value * 3 + 7
        return sentence[:found.start()] + str(new) + sentence[found.end():]
    if kind == "negation":
        found = _AUXILIARY.search(sentence)
        if found is None or NEGATION["en"].search(sentence):
            return None
        return sentence[:found.end()] + " not" + sentence[found.end():]
    named = [n for n in people if n in sentence]
    if not named:
        return None
    other = rng.choice([n for n in names if n not in people] or [None])
    return None if other is None else sentence.replace(named[0], other)


def contradictions(seed: int = 11) -> None:
    rng = random.Random(seed)
    stories, articles = versions()
    english = [aid for s in stories for aid in s.article_ids if language(aid) == "en"]
    kb = load_kb(Settings())
    found = entities_for([Story(aid, "", [aid]) for aid in english], [articles[aid] for aid in english], kb)
    people: dict[str, list[str]] = {}
    for entity in found:
        if entity.type == "PERSON" and " " in entity.name:
            people.setdefault(entity.mentions[0].article_id, []).append(entity.name)
    names = sorted({n for ns in people.values() for n in ns})
    kinds = ("number", "negation", "actor")
    edited: dict[str, dict[int, str]] = {}
    pairs: list[Story] = []
    for aid in english:
        article = articles[aid]
        pieces, changed, cursor, turn = [], {}, 0, 0
        for index, (start, end) in enumerate(spans(article.text)):
            sentence = article.text[start:end]
            new = None
            if index % 3 == 1:
                kind = kinds[turn % 3]
                new = _edit(sentence, kind, people.get(aid, []), names, rng)
                if new is not None:
                    turn += 1
            pieces.append(article.text[cursor:start])
            if new is not None:
                changed[start] = kind
            pieces.append(new or sentence)
            cursor = end
        pieces.append(article.text[cursor:])
        copy = Article(id=aid + ":edited", source_path=aid, text="".join(pieces), language="en")
        articles[copy.id] = copy
        edited[aid] = changed
        pairs.append(Story(aid + "+edited", "", [aid, copy.id]))
    entities = entities_for(pairs, [articles[aid] for story in pairs for aid in story.article_ids], kb)
    by_story: dict[str | None, list] = {}
    for entity in entities:
        by_story.setdefault(entity.story_id, []).append(entity)
    reported = right = 0
    caught: Counter[str] = Counter()
    for story in pairs:
        original = story.article_ids[0]
        originals = {span.start: span for span in (
            Span.of(articles[original], s, e) for s, e in spans(articles[original].text))}
        for claim in extract.story_claims(story, articles, by_story.get(story.id, [])):
            for support in claim.support:
                for against in claim.contradict:
                    if support.article_id != original or against.article_id == original:
                        continue
                    reported += 1
                    kind = edited[original].get(support.start)
                    if kind and support.start in originals:
                        right += 1
                        caught[kind] += 1
    total = Counter(k for changed in edited.values() for k in changed.values())
    print(f"contradictions on {len(pairs)} English WMT versions beside edited copies: "
          f"{sum(total.values())} sentences changed ({', '.join(f'{k} {total[k]}' for k in kinds)})")
    print(f"  reported {reported}, right {right}: precision {right / max(reported, 1):.3f}, recall "
          f"{right / max(sum(total.values()), 1):.3f}; by change: " +
          ", ".join(f"{k} {caught[k]}/{total[k]}" for k in kinds))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--contradictions", action="store_true")
    args = parser.parse_args()
    if args.contradictions:
        contradictions()
        return
    grid = [(c, m) for m in (1.0, 1.02, 1.03, 1.04, 1.06) for c in (0.8, 0.82)] if args.calibrate else [
        (extract.CROSS_CLAIM_COSINE, extract.CLAIM_MARGIN)]
    for cosine, margin in grid:
        links(cosine, margin)
        unrelated(cosine, margin)


if __name__ == "__main__":
    main()
