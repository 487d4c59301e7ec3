"""HTTP API under load: reads of a story and writes of new articles from 50 concurrent clients.

    python benchmarks/api_load.py [--clients 50] [--seconds 30] [--write-share 0.1]

Analyzes the seed corpus into a fresh store, starts `storyweave serve` on 127.0.0.1 (a free port),
and runs two phases of bounded concurrent clients: first reads alone (GET /stories/{id} of the seed
story), then a mix where each request is, with probability --write-share, POST /articles with a new
article. Prints p50/p95/p99 latency per kind and phase, throughput and errors, then checks the store:
every accepted article stored exactly once. Target: read p95 < 100 ms at 50 clients, zero errors,
nothing lost or duplicated. The load generator runs on the same 2 cores. Only loopback is used.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import numpy as np

from storyweave.pipeline import analyze
from storyweave.store import SQLiteStore

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
WORDS = ("council harbour bridge storm election budget vaccine strike river festival museum rail court "
         "airport drought market reactor satellite treaty glacier school hospital mayor senate").split()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _article(rng: random.Random, n: int) -> dict:
    topic = rng.sample(WORDS, 3)
    text = " ".join(f"The {topic[k % 3]} report number {n}.{k} says officials met on Monday about the "
                    f"{rng.choice(WORDS)} and the {rng.choice(WORDS)}." for k in range(8))
    return {"id": f"load-{n}", "title": f"{topic[0].title()} {topic[1]} update {n}", "text": text,
            "published": "2022-06-20T10:00:00Z", "outlet": f"Outlet {n % 7}"}


async def _client(base: str, story: str, until: float, share: float, seed: int, log: dict) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        n = 0
        while time.monotonic() < until:
            write = rng.random() < share
            start = time.perf_counter()
            try:
                if write:
                    n += 1
                    body = _article(rng, seed * 1_000_000 + n)
                    response = await http.post("/articles", json=body)
                    if response.status_code in (200, 201):
                        log["posted"].extend(a["id"] for a in response.json()["articles"])
                else:
                    response = await http.get(f"/stories/{story}")
                ok = response.status_code in (200, 201)
            except httpx.HTTPError:
                ok = False
            log["write" if write else "read"].append(time.perf_counter() - start)
            if not ok:
                log["errors"] += 1


WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("SW %d %d %f %f %f %f\\n", summary.requests, e.connect + e.read + e.write + e.status + e.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1e6, latency:percentile(95) / 1e6, latency:percentile(99) / 1e6))
end
"""


def _wrk_reads(wrk: str, url: str, clients: int, seconds: float) -> tuple[str, dict, float]:
    """Reads alone from wrk (C, one thread): the Python client below would measure itself, not the server."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_REPORT)
    out = subprocess.run([wrk, "-t1", f"-c{clients}", f"-d{int(seconds)}s", "-s", script.name, url],
                         capture_output=True, text=True, check=True).stdout
    Path(script.name).unlink()
    fields = next(line for line in out.splitlines() if line.startswith("SW ")).split()[1:]
    requests, errors, duration, p50, p95, p99 = int(fields[0]), int(fields[1]), *map(float, fields[2:])
    log = {"read": [], "write": [], "errors": errors, "posted": [], "summary": (requests, p50, p95, p99)}
    return f"reads alone (wrk, {clients} connections)", log, duration


def _percentiles(values: list[float]) -> str:
    if not values:
        return "no requests"
    p50, p95, p99 = (1000 * np.percentile(values, q) for q in (50, 95, 99))
    return f"p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  p99 {p99:6.1f} ms  ({len(values)} requests)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--write-share", type=float, default=0.1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.sqlite"
        with SQLiteStore(db) as store:
            report = analyze([SEEDS], store=store)
            before = store.count_articles()
        story = report.stories[0].id
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-m", "storyweave", "serve", "--db", str(db), "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            httpx.get(f"{base}/stories/{story}", timeout=30)
            phases = []
            wrk = shutil.which("wrk")
            if wrk:
                phases.append(_wrk_reads(wrk, f"{base}/stories/{story}", args.clients, args.seconds))
            for name, share in ((("reads alone", 0.0),) if not wrk else ()) + (
                    (f"mixed, {args.write_share:.0%} writes", args.write_share),):
                log: dict = {"read": [], "write": [], "errors": 0, "posted": []}
                until = time.monotonic() + args.seconds
                started = time.perf_counter()
                asyncio.run(_gather(base, story, until, args.clients, share, log))
                phases.append((name, log, time.perf_counter() - started))
            health = httpx.get(base + "/healthz", timeout=10).json()
        finally:
            server.terminate()
            server.wait(timeout=30)
        with SQLiteStore(db) as store:
            stored = store.articles()
        ids = [a.id for a in stored]
        posted = {aid for _, log, _ in phases for aid in log["posted"]}
        lost = len(posted - set(ids))
        duplicated = len(ids) - len(set(ids))
        errors = sum(log["errors"] for _, log, _ in phases)
        print(f"storyweave API load: {args.clients} clients, {args.seconds:.0f} s a phase, on 127.0.0.1; reads are "
              f"GET /stories/{{seed story}}, writes POST /articles with a new article")
        for name, log, elapsed in phases:
            print(f"  {name}:")
            if "summary" in log:
                requests, p50, p95, p99 = log["summary"]
                print(f"    reads   p50 {1000 * p50:6.1f} ms  p95 {1000 * p95:6.1f} ms  p99 {1000 * p99:6.1f} ms  "
                      f"({requests} requests)")
                print(f"    throughput {requests / elapsed:.0f} requests/s; errors {log['errors']}")
                continue
            print(f"    reads   {_percentiles(log['read'])}")
            if log["write"]:
                print(f"    writes  {_percentiles(log['write'])}")
            total = len(log["read"]) + len(log["write"])
            print(f"    throughput {total / elapsed:.0f} requests/s; errors {log['errors']}")
        print(f"  articles: {before} before, {len(posted)} accepted, {len(ids)} stored after "
              f"(healthz {health['articles']}); lost {lost}, duplicated {duplicated}")
        first = phases[0][1]
        reads = first["read"]
        p95 = 1000 * first["summary"][2] if "summary" in first else (
            1000 * np.percentile(reads, 95) if reads else float("inf"))
        verdict = "ok" if p95 < 100 and errors == 0 and lost == 0 and duplicated == 0 else "BELOW TARGET"
        print(f"  target read p95 < 100 ms (reads alone), zero errors, nothing lost or duplicated: {verdict}")


async def _gather(base: str, story: str, until: float, clients: int, share: float, log: dict) -> None:
    await asyncio.gather(*(_client(base, story, until, share, seed, log) for seed in range(clients)))


if __name__ == "__main__":
    main()
