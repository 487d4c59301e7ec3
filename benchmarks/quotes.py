"""Cross-lingual quote alignment on the WMT multiway dev quotations (../shared/data/wmt-multiway/).

    python benchmarks/quotes.py [--calibrate] [--sentences]

Gold: ``dev_quotes.jsonl``, sentences whose original contains a quotation, each given in every language of
its story. Read as the pipeline reads a story: each language version of a WMT article (``dev.jsonl``,
title and one sentence a line) is an article, all versions of one article are one story, and the quotes
stage extracts quotations and aligns them. Every extracted variant is placed on the gold sentences
(rows) its span overlaps. A predicted link joins two variants of different languages in one Quote; it is
right when they share a row, and then credits that row's pair of languages; a link off the rows is judged by
the versions' parallel lines (``wmt.line_map``), and left out of the precision when a version's lines cannot
be matched (a story whose language pairs lack a sentence, between the anchors). Gold links: every pair of
language versions of a row. Printed: link precision, recall and F1 (target F1 >= 0.90) and extraction
coverage per language; --calibrate repeats it for several CROSS_LANGUAGE_COSINE values; --sentences reads
each language version of a row alone as a one-sentence article (no context: the harder, older reading).

Speaker attribution is measured by ``benchmarks/speakers.py``.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations

from wmt import DATA, language, line_map, versions

from storyweave.model import Article, Story
from storyweave.quotes import align

#: where each gold row lies in an article: (article id, start, end, row)
Placed = list[tuple[str, int, int, int]]


def _rows() -> list[dict]:
    lines = (DATA / "dev_quotes.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def load_articles() -> tuple[list[Story], dict[str, Article], Placed]:
    """Whole language versions as articles; each gold row found in its version near its line index."""
    stories, articles = versions()
    placed: Placed = []
    for index, row in enumerate(_rows()):
        for lang, segment in row["segments"].items():
            article = articles.get(f"{row['story_id']}:{lang}")
            if article is None or not segment.strip():
                continue
            starts, position = [], article.text.find(segment)
            while position >= 0:
                starts.append(position)
                position = article.text.find(segment, position + 1)
            if not starts:
                continue
            line_of = [article.text.count("\n", 0, s) for s in starts]
            start = min(zip(line_of, starts, strict=True), key=lambda pair: abs(pair[0] - row["seg_idx"]))[1]
            placed.append((article.id, start, start + len(segment), index))
    return stories, articles, placed


def load_sentences() -> tuple[list[Story], dict[str, Article], Placed]:
    """Each language version of a row alone, as a one-sentence article."""
    articles: dict[str, Article] = {}
    members: dict[str, list[str]] = defaultdict(list)
    placed: Placed = []
    for index, row in enumerate(_rows()):
        for lang, text in row["segments"].items():
            aid = f"{index}:{lang}"
            articles[aid] = Article(id=aid, source_path=aid, text=text, language=lang)
            members[row["story_id"]].append(aid)
            placed.append((aid, 0, len(text), index))
    return [Story(sid, sid, ids) for sid, ids in members.items()], articles, placed


@dataclass
class Figures:
    precision: float
    recall: float
    f1: float
    extracted: Counter  # language -> gold versions with a quotation extracted
    totals: Counter  # language -> gold versions
    bound: float  # share of gold links whose two versions both hold an extracted quotation
    linked: float  # share of those that were linked
    precision_on_rows: float  # links right by the quotation rows alone (a link off them counts as wrong)
    unjudged: int  # links off the rows between versions whose lines could not be matched


def _maps(articles, placed: Placed):
    """(version a, version b) -> line map, computed once a pair is asked for."""
    row_line = {(aid, row): articles[aid].text.count("\n", 0, start) for aid, start, _end, row in placed}
    rows_of: dict[str, set[int]] = defaultdict(set)
    for aid, row in row_line:
        rows_of[aid].add(row)
    cache: dict[tuple[str, str], dict[int, int]] = {}

    def get(a: str, b: str) -> dict[int, int]:
        if (a, b) not in cache:
            anchors = [(row_line[a, row], row_line[b, row]) for row in rows_of[a] & rows_of[b]]
            cache[a, b] = line_map(articles[a].text.count("\n"), articles[b].text.count("\n"), anchors)
        return cache[a, b]
    return get


def evaluate(stories, articles, placed: Placed, by_lines: bool = True) -> Figures:
    """Links are judged by the gold rows and, with ``by_lines``, by the lines of whole versions (line i of
    one version renders line ``line_map[i]`` of another)."""
    by_article: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for aid, start, end, row in placed:
        by_article[aid].append((start, end, row))
    maps = _maps(articles, placed)
    gold = set()
    rows: dict[int, list[str]] = defaultdict(list)
    for aid, _start, _end, row in placed:
        rows[row].append(language(aid))
    for row, languages in rows.items():
        gold.update((row, a, b) for a, b in combinations(sorted(set(languages)), 2))
    links = right = right_on_rows = unjudged = 0
    credited: set[tuple[int, str, str]] = set()
    found: Counter[str] = Counter()
    for story in stories:
        for quote in align.story_quotes(story, articles):
            placed_variants = []
            for variant in quote.variants:
                span = variant.span
                text = articles[span.article_id].text
                on = {row for start, end, row in by_article[span.article_id] if span.start < end and start < span.end}
                lines = set(range(text.count("\n", 0, span.start), text.count("\n", 0, span.end) + 1))
                placed_variants.append((span.article_id, on, lines))
                for row in on:
                    found[(row, language(span.article_id))] += 1
            for (a, ra, lines_a), (b, rb, lines_b) in combinations(placed_variants, 2):
                la, lb = language(a), language(b)
                if la == lb:
                    continue
                shared = ra & rb
                if shared:
                    right_on_rows += 1
                    credited.update((row, *sorted((la, lb))) for row in shared)
                    links += 1
                    right += 1
                    continue
                lines = maps(a, b) if by_lines else {}
                mapped = {lines[i] for i in lines_a if i in lines}
                if by_lines and not mapped:
                    unjudged += 1
                    continue
                links += 1
                right += bool(mapped & lines_b)
    both = {(row, a, b) for row, a, b in gold if found[(row, a)] and found[(row, b)]}
    recall = len(credited & gold) / len(gold) if gold else 0.0
    precision = right / links if links else 0.0
    precision_on_rows = right_on_rows / (links + unjudged) if links + unjudged else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    extracted = Counter(lang for _row, lang in found)
    totals = Counter(language(aid) for aid, *_ in placed)
    bound = len(both) / len(gold) if gold else 0.0
    linked = len(credited & both) / len(both) if both else 0.0
    return Figures(precision, recall, f1, extracted, totals, bound, linked, precision_on_rows, unjudged)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--sentences", action="store_true", help="each row's versions alone, one sentence each")
    args = parser.parse_args()
    stories, articles, placed = load_sentences() if args.sentences else load_articles()
    print(f"quote alignment on WMT multiway dev: {len({row for *_, row in placed})} quotation sentences, "
          f"{len(placed)} language versions placed in {len(articles)} "
          f"{'one-sentence articles' if args.sentences else 'articles'}, {len(stories)} stories")
    values = (0.76, 0.78, 0.8, 0.82, 0.84, 0.86) if args.calibrate else (align.CROSS_LANGUAGE_COSINE,)
    for value in values:
        align.CROSS_LANGUAGE_COSINE = value
        began = time.perf_counter()
        figures = evaluate(stories, articles, placed, by_lines=not args.sentences)
        print(f"  CROSS_LANGUAGE_COSINE {value:.2f}: links precision {figures.precision:.3f} recall "
              f"{figures.recall:.3f} F1 {figures.f1:.5f} (target F1 >= 0.90), {time.perf_counter() - began:.0f} s; "
              f"precision by the quotation rows alone {figures.precision_on_rows:.3f}; "
              f"{figures.unjudged} links whose lines could not be matched left out")
    print(f"  at {values[-1]:.2f}, language versions with a quotation extracted (found / gold): " +
          ", ".join(f"{lang} {figures.extracted[lang]}/{figures.totals[lang]}" for lang in sorted(figures.totals)))
    print(f"  gold links whose two versions both had a quotation extracted (the recall extraction allows): "
          f"{figures.bound:.3f}; of those, linked: {figures.linked:.3f}")


if __name__ == "__main__":
    main()
