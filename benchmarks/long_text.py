"""One very long input file: time and peak memory of a whole run as the text grows.

    python benchmarks/long_text.py                      # 125k to 1M characters, two kinds of text
    python benchmarks/long_text.py --sizes 2000000     # up to what --max-bytes (10 MB) lets in
    python benchmarks/long_text.py --kinds digest      # a text whose names keep changing

A file is read whole as one article, so a transcript, a book or a scraped page without paragraphs can be a
single text of megabytes. Three kinds: the seed articles' bodies repeated (real sentences and quotations, one
story's worth of names), one sentence without an end, repeated ("the cat sat on the mat and …"), the
worst case for anything that works sentence by sentence, and a digest: the ECB+ dev articles one after
another (a text whose names keep changing — 1,400 entities in 600 kB — the worst case for anything that
compares names, mentions or surnames with one another). Each size runs in a fresh process (its own peak
RSS, models loaded once, ~3 s of it); the figures should grow in proportion to the size.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
ECBPLUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus" / "dev.jsonl"


def text_of(kind: str, size: int) -> str:
    if kind == "endless":
        return "the cat sat on the mat and " * (size // 27 + 1)
    if kind == "digest":
        texts = [json.loads(line)["text"] for line in ECBPLUS.read_text(encoding="utf-8").splitlines()]
        body = "\n\n".join(texts)
        return "\n\n".join([body] * (size // len(body) + 1))
    bodies = [path.read_text(encoding="utf-8").split("\n", 1)[1] for path in sorted(SEEDS.glob("*.txt"))]
    body = "\n\n".join(bodies)
    return "\n\n".join([body] * (size // len(body) + 1))


def one(kind: str, size: int) -> None:
    import storyweave

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{kind}.txt"
        path.write_text("A long text\n\n" + text_of(kind, size)[:size], encoding="utf-8")
        began = time.perf_counter()
        report = storyweave.analyze([path])
        seconds = time.perf_counter() - began
    print(json.dumps({"seconds": seconds, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "articles": len(report.articles), "rejected": len(report.rejected),
                      "entities": len(report.entities), "quotes": len(report.quotes), "claims": len(report.claims)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[125_000, 250_000, 500_000, 1_000_000])
    parser.add_argument("--kinds", nargs="+", default=["seeds", "endless"], choices=["seeds", "endless", "digest"])
    parser.add_argument("--one", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args.one[0], int(args.one[1]))
        return
    print(f"{'text':<8} {'characters':>10} {'seconds':>8} {'peak RSS MB':>11} {'entities':>8} {'quotes':>6} "
          f"{'claims':>6}")
    for kind in args.kinds:
        for size in args.sizes:
            out = subprocess.run([sys.executable, __file__, "--one", kind, str(size)], capture_output=True,
                                 text=True, check=True)
            figures = json.loads(out.stdout.strip().splitlines()[-1])
            assert figures["articles"] == 1 and figures["rejected"] == 0, figures
            print(f"{kind:<8} {size:>10,} {figures['seconds']:>8.1f} {figures['rss_mb']:>11.0f} "
                  f"{figures['entities']:>8} {figures['quotes']:>6} {figures['claims']:>6}", flush=True)


if __name__ == "__main__":
    main()
