"""Parallel-sentence alignment (nlp/parallel.py) on the WMT multiway dev stories (../shared/data/wmt-multiway).

    python benchmarks/parallel.py [--stories N] [--calibrate]

Line i of every language version of a WMT story is the same sentence. Each English version is aligned with
each other language version of its story after half of the other version's lines (chosen by a fixed seed)
are removed, so half the English lines have no parallel and any pair found for them is wrong. Printed:
precision (pairs that are the same line) and recall (English lines whose parallel is present and found),
per language and overall; with --calibrate, the same for a grid of MARGIN and MIN_COSINE values.

The entity resolver uses these pairs to join a name the translation mangled with the name in the same
sentence of another article. Not measured here: two English renderings of one sentence (no such labelled
set installs here).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from storyweave.nlp import embed, parallel

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "wmt-multiway" / "dev.jsonl"


def load(limit: int | None) -> dict[str, dict[str, list[str]]]:
    stories: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for line in DATA.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        story = row["id"].rsplit(":", 1)[0]
        stories[story][row["language"]] = [s for s in row["text"].split("\n")]
    keep = [s for s in sorted(stories) if "en" in stories[s] and len(stories[s]) > 1]
    return {s: stories[s] for s in keep[:limit]}


def vectors(stories: dict[str, dict[str, list[str]]]) -> dict[tuple[str, str], np.ndarray]:
    keys = [(s, lang) for s, versions in stories.items() for lang in versions]
    texts = [line for s, lang in keys for line in stories[s][lang]]
    flat = embed.encode(texts, embed.SENTENCE)
    out, at = {}, 0
    for s, lang in keys:
        count = len(stories[s][lang])
        out[(s, lang)] = flat[at:at + count]
        at += count
    return out


def evaluate(stories, vecs, margin: float, min_cosine: float) -> dict[str, tuple[int, int, int]]:
    """Per language: (pairs found, pairs right, English lines with a parallel present)."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for s, versions in stories.items():
        english = vecs[(s, "en")]
        for lang in sorted(versions):
            if lang == "en" or len(versions[lang]) != len(versions["en"]):
                continue
            rng = random.Random(f"{s}:{lang}")
            kept = sorted(rng.sample(range(len(versions[lang])), k=(len(versions[lang]) + 1) // 2))
            other = vecs[(s, lang)][kept]
            near = parallel.neighbourhood(np.vstack([english, other]), ["en"] * len(english) + [lang] * len(other))
            pairs = parallel.align(english, other, near[:len(english)], near[len(english):], margin, min_cosine)
            row = counts[lang]
            row[0] += len(pairs)
            row[1] += sum(1 for p in pairs if kept[p.right] == p.left)
            row[2] += len(kept)
    return {lang: tuple(row) for lang, row in counts.items()}


def summary(counts: dict[str, tuple[int, int, int]]) -> tuple[float, float]:
    found = sum(c[0] for c in counts.values())
    right = sum(c[1] for c in counts.values())
    present = sum(c[2] for c in counts.values())
    return (right / found if found else 0.0), (right / present if present else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=None, help="only the first N stories")
    parser.add_argument("--calibrate", action="store_true")
    args = parser.parse_args()
    stories = load(args.stories)
    started = time.perf_counter()
    vecs = vectors(stories)
    lines = sum(len(v) for v in vecs.values())
    print(f"parallel sentences on WMT multiway dev: {len(stories)} stories, {lines} lines embedded "
          f"in {time.perf_counter() - started:.0f} s")
    counts = evaluate(stories, vecs, parallel.MARGIN, parallel.MIN_COSINE)
    for lang, (found, right, present) in sorted(counts.items()):
        print(f"  en-{lang}: precision {right / found if found else 0:.3f}  recall {right / present:.3f}  "
              f"({present} lines with a parallel)")
    precision, recall = summary(counts)
    print(f"  all: precision {precision:.3f}  recall {recall:.3f}  "
          f"(MARGIN {parallel.MARGIN}, MIN_COSINE {parallel.MIN_COSINE})")
    if args.calibrate:
        for min_cosine in (0.8, 0.85, 0.88, 0.9):
            for margin in (1.0, 1.03, 1.06, 1.09, 1.12):
                precision, recall = summary(evaluate(stories, vecs, margin, min_cosine))
                print(f"  MIN_COSINE {min_cosine:.2f} MARGIN {margin:.2f}: precision {precision:.3f} recall {recall:.3f}")


if __name__ == "__main__":
    main()
