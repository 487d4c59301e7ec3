"""Ingest + store throughput and peak memory on generated articles.

    python benchmarks/ingest.py [--n 10000] [--workers 2]
    python benchmarks/ingest.py --encodings      # files in legacy encodings: how many decode to their text

Generates N plain-text pages and N HTML pages (headline, date line, byline, body paragraphs and page
furniture, built from the seed corpus's sentences), the same HTML pages as feed items (RSS with
content:encoded) and as captures in web archives, and the texts as the records of one JSONL file and of one
JSON list (over the size limit, so read in pieces), ingests each set into a fresh SQLite store through
``storyweave.pipeline.ingest`` (read, decode, clean, language ID, store in batches; copy detection and
story assignment are left out here and measured in benchmarks/clustering.py), and prints articles/s
and the process's peak RSS. Targets: >= 500 text articles/s, >= 100 HTML pages/s (feeds and archives too),
peak RSS < 500 MB.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import tempfile
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyweave.pipeline import ingest
from storyweave.settings import Settings
from storyweave.store import SQLiteStore

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
#: items per generated feed and pages per generated web archive
PER_FEED = 100
PER_ARCHIVE = 1_000


def _sentences() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if 40 < len(s.strip()) < 400]


def _article(rng: random.Random, sentences: list[str], i: int) -> tuple[str, list[str]]:
    title = f"Report {i}: " + rng.choice(sentences)[:80]
    paragraphs = [" ".join(rng.sample(sentences, 3)) + f" (item {i}.{k})" for k in range(rng.randint(6, 12))]
    return title, paragraphs


def _html(title: str, paragraphs: list[str], day: str, i: int) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{title} | Outlet {i % 9}</title>"
            f"<meta property='og:site_name' content='Outlet {i % 9}'><meta name='author' content='Writer {i % 50}'>"
            f"<meta property='article:published_time' content='{day.replace(' ', 'T')}Z'></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
            f"<article><h1>{title}</h1><div class='share'>Share | Tweet</div>{body}</article>"
            f"<aside><h3>Related articles</h3><ul><li>Other story {i + 1}</li></ul></aside>"
            f"<footer>Copyright 2022 Outlet {i % 9}. All rights reserved.</footer></body></html>")


def _feed_item(title: str, paragraphs: list[str], i: int) -> str:
    body = escape("".join(f"<p>{p}</p>" for p in paragraphs) + "<p>Share | Tweet</p>")
    return (f"<item><title>{escape(title)}</title><link>https://outlet{i % 9}.example/{i}</link>"
            f"<guid>outlet-{i}</guid><pubDate>{format_datetime(datetime(2022, 6, 1 + i % 28, i % 10, 15, tzinfo=UTC))}"
            f"</pubDate><dc:creator>Writer {i % 50}</dc:creator><description>{escape(paragraphs[0][:200])}"
            f"</description><content:encoded>{body}</content:encoded></item>")


def generate(folder: Path, n: int, kind: str, seed: int = 7) -> None:
    """N articles as one file each (text, html), as RSS feeds of PER_FEED items, as web archives of
    PER_ARCHIVE pages (one file is one worker's task, so the work is split over several), or as one file of
    every record (a crawl's JSONL dump, a scraper's JSON export; over the size limit, read in pieces)."""
    rng, sentences = random.Random(seed), _sentences()
    folder.mkdir(parents=True)
    items, archive = [], None
    for i in range(n):
        title, paragraphs = _article(rng, sentences, i)
        day = f"2022-06-{1 + i % 28:02d} 0{i % 10}:15:00"
        if kind == "text":
            page = "\n\n".join([title, f"{day} {rng.randint(5, 30)} ℃", f"Author: Writer {i % 50} source: Outlet {i % 9}",
                                *paragraphs, "Leave a Reply", "Your email address will not be published."])
            (folder / f"{i:06d}.txt").write_text(page, encoding="utf-8")
        elif kind == "html":
            (folder / f"{i:06d}.html").write_text(_html(title, paragraphs, day, i), encoding="utf-8")
        elif kind in ("jsonl", "json"):
            items.append({"id": f"rec-{i}", "title": title, "text": "\n\n".join(paragraphs), "published": day,
                          "source": f"Outlet {i % 9}", "author": f"Writer {i % 50}"})
            if i == n - 1:
                dump = (folder / f"dump.{kind}").open("w", encoding="utf-8")
                with dump:
                    if kind == "json":
                        json.dump(items, dump, ensure_ascii=False, indent=1)
                    else:
                        dump.writelines(json.dumps(item, ensure_ascii=False) + "\n" for item in items)
        elif kind == "feed":
            items.append(_feed_item(title, paragraphs, i))
            if len(items) == PER_FEED or i == n - 1:
                (folder / f"{i:06d}.rss").write_text(
                    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"'
                    ' xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Outlet feed</title>'
                    f"<link>https://outlet.example/</link>{''.join(items)}</channel></rss>", encoding="utf-8")
                items = []
        else:
            if archive is None:
                handle = (folder / f"{i:06d}.warc.gz").open("wb")
                archive = (handle, WARCWriter(handle, gzip=True))
            body = _html(title, paragraphs, day, i).encode("utf-8")
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                               ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            archive[1].write_record(archive[1].create_warc_record(
                f"https://outlet{i % 9}.example/{i}", "response", payload=BytesIO(body), http_headers=http))
            if (i + 1) % PER_ARCHIVE == 0 or i == n - 1:
                archive[0].close()
                archive = None


def measure(folder: Path, db: Path, settings: Settings) -> tuple[int, float]:
    start = time.perf_counter()
    with SQLiteStore(db) as store:
        result = ingest([folder], store, settings, stream=False)
    return result.added, time.perf_counter() - start


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


#: the legacy encodings a language's files come in, before UTF-8 (each WMT dev version is encoded in each)
LEGACY = {"en": ["cp1252"], "de": ["cp1252", "latin-1"], "is": ["cp1252"], "cs": ["cp1250", "iso8859_2"],
          "hr": ["cp1250", "iso8859_2"], "ru": ["cp1251", "koi8_r"], "uk": ["cp1251", "koi8_u"], "zh": ["gb18030"],
          "ja": ["shift_jis", "euc_jp"]}


def encodings() -> None:
    """How often a file in a legacy encoding decodes to its own text: the WMT dev versions, whole and cut to
    their first 150 and 600 characters, in each encoding their language was written in (texts the encoding
    cannot hold, or that are ASCII in it, are left out)."""
    from storyweave.ingest.sources import decode

    tally: dict[tuple[str, str], list[int]] = {}
    for line in (DATA / "wmt-multiway" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for encoding in LEGACY.get(record["language"], []):
            for size in (150, 600, None):
                text = record["text"][:size]
                try:
                    data = text.encode(encoding)
                except UnicodeEncodeError:
                    continue
                if not data.isascii():
                    got = decode(data)
                    tally.setdefault((record["language"], encoding), [0, 0])[got is not None and got[0] == text] += 1
    print(f"{'language':<8} {'encoding':<10} {'decoded right':>14}")
    for (language, encoding), (wrong, right) in sorted(tally.items()):
        print(f"{language:<8} {encoding:<10} {right:>6} / {right + wrong:<6}")
    right = sum(r for _, r in tally.values())
    print(f"{'all':<19} {right:>6} / {sum(map(sum, tally.values()))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles per kind")
    parser.add_argument("--workers", type=int, default=2, help="parsing processes")
    parser.add_argument("--kinds", default="text,html,feed,warc,jsonl,json", help="which inputs, comma-separated")
    parser.add_argument("--encodings", action="store_true", help="only: legacy encodings decoded right")
    args = parser.parse_args()
    if args.encodings:
        encodings()
        return
    settings = Settings(workers=args.workers)
    print(f"storyweave ingest benchmark: {args.n} articles per kind, workers={args.workers}")
    with tempfile.TemporaryDirectory() as tmp:
        for kind, target in (("text", 500), ("html", 100), ("feed", 100), ("warc", 100), ("jsonl", 500),
                             ("json", 500)):
            if kind not in args.kinds.split(","):
                continue
            folder = Path(tmp) / kind
            generate(folder, args.n, kind)
            added, seconds = measure(folder, Path(tmp) / f"{kind}.sqlite", settings)
            size = sum(path.stat().st_size for path in folder.iterdir())
            rate = added / seconds
            verdict = "ok" if rate >= target else "BELOW TARGET"
            print(f"{kind:5s} {added:6d} articles ({size / 1e6:.0f} MB) in {seconds:6.1f} s = {rate:7.0f} articles/s "
                  f"(target >= {target}: {verdict})")
    rss = _peak_rss_mb()
    print(f"peak RSS {rss:.0f} MB (largest of this process and one worker; target < 500 MB: "
          f"{'ok' if rss < 500 else 'ABOVE TARGET'})")


if __name__ == "__main__":
    main()
