"""Damaged files of every kind: whatever the damage, the run goes on and every file is in the output.

Each case is a fixture with bytes changed, cut, inserted or truncated at random (a fixed seed per case, so a
failure reproduces). Run at random, this found a warcio error that stopped the run and an archive that vanished.
"""

from __future__ import annotations

import gzip
import random

import pytest

from storyweave.ingest import read_inputs
from tests.conftest import FIXTURES, seed

CASES = 150


def _fixtures() -> list[tuple[str, bytes]]:
    archive = (FIXTURES / "warc" / "pages.warc.gz").read_bytes()
    return [("feed.rss", (FIXTURES / "feeds" / "celebrity.rss").read_bytes()),
            ("feed.atom", (FIXTURES / "feeds" / "rehab.atom").read_bytes()),
            ("pages.warc", gzip.decompress(archive)), ("pages.warc.gz", archive),
            ("pages.arc", (FIXTURES / "warc" / "pages.arc").read_bytes()),
            ("page.html", (FIXTURES / "html" / "esther_williams.html").read_bytes()),
            ("records.jsonl", (FIXTURES / "jsonl" / "mixed_fields.jsonl").read_bytes()),
            ("seed.txt.gz", gzip.compress(seed("000").read_bytes()))]


def _damaged(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not out:
            break
        at, roll = rng.randrange(len(out)), rng.random()
        if roll < 0.4:
            out[at] = rng.randrange(256)
        elif roll < 0.6:
            del out[at:at + rng.randint(1, 200)]
        elif roll < 0.8:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 50)))
        else:
            del out[at:]
    return bytes(out)


@pytest.mark.parametrize("case", range(CASES))
def test_a_damaged_file_is_read_or_rejected_never_lost(tmp_path, case):
    rng = random.Random(case)
    name, data = rng.choice(_fixtures())
    path = tmp_path / name
    path.write_bytes(_damaged(data, rng))
    records = list(read_inputs([path]))
    assert records, "the file is missing from the output"
    assert all(r.source_path == str(path) or r.source_path.startswith(f"{path}#") for r in records)
