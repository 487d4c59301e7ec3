"""Cross-lingual quote alignment on the WMT multiway dev quotations (../shared/data/wmt-multiway/dev_quotes.jsonl).

    python benchmarks/quotes.py [--calibrate]

Each row is one sentence containing a quotation, given in every language of its story. Every language
version of a sentence becomes a small article; all sentences of one WMT story form one story; the quotes
stage extracts quotations and aligns them. A predicted link joins two extracted quotations of different
languages in one Quote; it is right when both come from the same gold sentence. Gold links: every pair of
language versions of a sentence. Printed: link precision, recall and F1 (target F1 >= 0.90), extraction
coverage per language, and with --calibrate the F1 for several CROSS_LANGUAGE_COSINE values.

Not measured here: speaker attribution (no labelled set yet).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from storyweave.model import Article, Story
from storyweave.quotes import extract

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "wmt-multiway" / "dev_quotes.jsonl"


def load() -> tuple[list[Story], dict[str, Article], dict[str, int]]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles: dict[str, Article] = {}
    row_of: dict[str, int] = {}
    members: dict[str, list[str]] = defaultdict(list)
    for index, row in enumerate(rows):
        for language, text in row["segments"].items():
            aid = f"{index}:{language}"
            articles[aid] = Article(id=aid, source_path=aid, text=text, language=language)
            row_of[aid] = index
            members[row["story_id"]].append(aid)
    stories = [Story(sid, sid, ids) for sid, ids in members.items()]
    return stories, articles, row_of


def evaluate(stories, articles, row_of) -> tuple[float, float, float, Counter, Counter]:
    predicted: set[tuple[str, str]] = set()
    extracted: Counter[str] = Counter()
    for story in stories:
        for quote in extract.story_quotes(story, articles):
            ids = sorted({v.span.article_id for v in quote.variants})
            predicted.update((a, b) for a, b in combinations(ids, 2) if a.split(":")[1] != b.split(":")[1])
            for aid in ids:
                extracted[aid.split(":")[1]] += 1
    by_row: dict[int, list[str]] = defaultdict(list)
    for aid, row in row_of.items():
        by_row[row].append(aid)
    gold = {tuple(sorted(pair)) for ids in by_row.values() for pair in combinations(ids, 2)}
    right = sum(1 for a, b in predicted if row_of[a] == row_of[b])
    precision = right / len(predicted) if predicted else 0.0
    recall = right / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    totals = Counter(aid.split(":")[1] for aid in articles)
    return precision, recall, f1, extracted, totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calibrate", action="store_true")
    args = parser.parse_args()
    stories, articles, row_of = load()
    print(f"quote alignment on WMT multiway dev: {len(set(row_of.values()))} quotation sentences in "
          f"{len(articles)} language versions, {len(stories)} stories")
    values = (0.86, 0.88, 0.9, 0.92, 0.94) if args.calibrate else (extract.CROSS_LANGUAGE_COSINE,)
    for value in values:
        extract.CROSS_LANGUAGE_COSINE = value
        precision, recall, f1, extracted, totals = evaluate(stories, articles, row_of)
        print(f"  CROSS_LANGUAGE_COSINE {value:.2f}: links precision {precision:.3f} recall {recall:.3f} "
              f"F1 {f1:.3f} (target F1 >= 0.90)")
    print("  quotations extracted per language (versions with a quotation found / versions): " +
          ", ".join(f"{lang} {extracted[lang]}/{totals[lang]}" for lang in sorted(totals)))


if __name__ == "__main__":
    main()
