"""Entity resolution and KB linking under machine-translation noise, and speed on the seeds.

    python benchmarks/entities.py [--sample N] [--copies N]

1. Noise test. KB names (people, places, organisations; a seeded sample of names of 5+ letters) are
   corrupted the way machine translation and transliteration do it, with ``edits`` operations from this
   noise model:
     - a letter swapped for its transliteration partner (k/c/q, i/y/j, v/w, e/a/ie, u/ou, h/kh/g, s/z, x/ks,
       ts/c, sh/ch, f/ph, o/a),
     - a consonant doubled, or a doubled letter made single,
     - a letter dropped (not the first),
     - first and last name run together (people), and case lost (everything lower-cased).
   Each corrupted name is one mention of its type in a story of its own, resolved and linked by the
   pipeline's own ``resolve``; a hit is a link to the name's QID. Targets: >= 90 % at one edit, >= 70 % at two.
2. False merges. Pairs of distinct KB entities of one type whose names are alike (similarity >= 0.8:
   Austria/Australia, Niger/Nigeria, two Russian deputies with one surname) are put in one story as two
   mentions; a false merge is one entity holding both. Target < 1 %.
3. Speed: the seed corpus copied N times (each copy a story of its own; NER, dictionary and resolution
   all run), mentions per second and peak RSS.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

from storyweave.entities import entities_for, load
from storyweave.entities.mentions import Mention
from storyweave.entities.names import fold, similarity
from storyweave.entities.resolve import resolve
from storyweave.ingest import read_inputs
from storyweave.model import Article, Story

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
PARTNERS = {"k": "cq", "c": "k", "q": "k", "i": "yj", "y": "ij", "j": "iy", "v": "w", "w": "v", "e": "a",
            "a": "eo", "o": "a", "u": "ou", "h": "g", "g": "h", "s": "z", "z": "s", "f": "ph"}
DIGRAPHS = {"ks": "x", "x": "ks", "kh": "h", "ts": "c", "sh": "ch", "ch": "sh", "ph": "f", "ie": "e", "ou": "u"}


def corrupt(name: str, edits: int, rng: random.Random, person: bool) -> str:
    out = name
    for _ in range(edits):
        ops = ["partner", "partner", "double", "drop", "digraph"] + (["run"] if person and " " in out else [])
        op = rng.choice(ops)
        letters = [i for i, ch in enumerate(out) if ch.isalpha() and i > 0]
        if op == "run":
            words = out.split()
            out = " ".join(words[:-2] + [words[-2] + words[-1].lower()])
        elif op == "digraph" and any(d in out.lower() for d in DIGRAPHS):
            d = rng.choice([d for d in DIGRAPHS if d in out.lower()])
            i = out.lower().index(d)
            out = out[:i] + DIGRAPHS[d] + out[i + len(d):]
        elif op == "double" and letters:
            i = rng.choice(letters)
            out = out[:i] + (out[i] if out[i] != out[i - 1] else "") + out[i:] if out[i] != out[i - 1] \
                else out[:i] + out[i + 1:]
        elif op == "drop" and letters:
            i = rng.choice(letters)
            out = out[:i] + out[i + 1:]
        else:
            choices = [i for i in letters if out[i].lower() in PARTNERS]
            if not choices:
                continue
            i = rng.choice(choices)
            out = out[:i] + rng.choice(PARTNERS[out[i].lower()]) + out[i + 1:]
    return out.lower() if rng.random() < 0.2 else out


def _resolve_names(kb, names: list[tuple[str, str]]) -> list:
    text = " ; ".join(n for n, _ in names)
    article = Article(id="x", source_path="x", language="en", text=text)
    mentions, cursor = [], 0
    for name, kind in names:
        mentions.append(Mention("x", cursor, cursor + len(name), name, kind, name, "ner"))
        cursor += len(name) + 3
    return resolve(Story("s", "s", ["x"]), mentions, {"x": article}, kb)


def noise_test(kb, sample: int, rng: random.Random) -> None:
    pool = [e for e in kb.entities.values() if e.qid.startswith("Q") and len(fold(e.name).replace(" ", "")) >= 5
            and fold(e.name) == fold(e.name).strip()]
    picked = rng.sample(pool, min(sample, len(pool)))
    print(f"noise test: {len(picked)} KB names (seed 7): "
          + ", ".join(f"{t} {sum(e.type == t for e in picked)}" for t in ("PERSON", "GPE", "ORG")))
    for edits in (0, 1, 2):
        right = wrong = unlinked = 0
        for entity in picked:
            name = corrupt(entity.name, edits, rng, entity.type == "PERSON")
            [found] = _resolve_names(kb, [(name, entity.type)]) or [None]
            if found is None or found.kb_id is None:
                unlinked += 1
            elif found.kb_id == entity.qid:
                right += 1
            else:
                wrong += 1
        total = len(picked)
        target = {0: "", 1: "  (target >= 90 %)", 2: "  (target >= 70 %)"}[edits]
        print(f"  {edits} edit(s): right {right / total:6.1%}  wrong entity {wrong / total:5.1%}  "
              f"unlinked {unlinked / total:5.1%}{target}")


def false_merges(kb, rng: random.Random, limit: int = 2000) -> None:
    by_type: dict[str, list] = {}
    for entity in kb.entities.values():
        if entity.qid.startswith("Q") and len(fold(entity.name)) >= 4:
            by_type.setdefault(entity.type, []).append(entity)
    pairs = []
    for entities in by_type.values():
        entities.sort(key=lambda e: fold(e.name))
        for a, b in zip(entities, entities[1:], strict=False):
            if fold(a.name) != fold(b.name) and similarity(a.name, b.name) >= 0.8:
                pairs.append((a, b))
    rng.shuffle(pairs)
    pairs = pairs[:limit]
    merged = sum(len(_resolve_names(kb, [(a.name, a.type), (b.name, b.type)])) == 1 for a, b in pairs)
    print(f"false merges: {merged} of {len(pairs)} pairs of distinct, similarly named KB entities "
          f"({merged / max(1, len(pairs)):.2%}; target < 1 %)")


def speed(copies: int) -> None:
    seeds = [a for a in read_inputs([SEEDS]) if isinstance(a, Article)]
    articles, stories = [], []
    for c in range(copies):
        batch = [Article(id=f"{c}:{a.id}", source_path=a.source_path, language=a.language, text=a.text)
                 for a in seeds]
        articles += batch
        stories.append(Story(f"s{c}", "s", [a.id for a in batch]))
    kb = load()
    entities_for(stories[:1], articles[:5], kb)
    start = time.perf_counter()
    found = entities_for(stories, articles, kb)
    elapsed = time.perf_counter() - start
    mentions = sum(len(e.mentions) for e in found)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"speed: seeds x {copies} = {len(articles)} articles, {sum(len(a.text) for a in articles):,} chars: "
          f"{mentions:,} mentions in {elapsed:.1f} s = {mentions / elapsed:,.0f} mentions/s, "
          f"{len(articles) / elapsed:.1f} articles/s; peak RSS {rss:,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=600, help="KB names in the noise test")
    parser.add_argument("--copies", type=int, default=100, help="copies of the seed corpus for the speed figure")
    args = parser.parse_args()
    kb = load()
    noise_test(kb, args.sample, random.Random(7))
    false_merges(kb, random.Random(7))
    speed(args.copies)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
