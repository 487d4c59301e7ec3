"""The WMT multiway texts may be used to measure, never copied into the project (../shared/data/wmt-multiway/
README.md): no file of the project repeats a passage of them. Tests and comments use sentences of our own with
the same shape; benchmarks and tests that need the real texts read them from ../shared/data."""

from __future__ import annotations

import json
import re

from tests.conftest import DATA, ROOT

#: characters of a passage: long enough that stock phrases ("said the Deputy Prime Minister", "President of
#: the Republic") are no copy, short enough to catch a sentence
WINDOW = 50
SUFFIXES = {".py", ".md", ".tsv", ".txt", ".json", ".jsonl", ".html", ".j2", ".toml", ".cfg", ".css", ".js"}
SKIPPED = {".venv", "out", "build", "__pycache__", ".git", ".pytest_cache"}


def _windows(text: str) -> set[str]:
    text = re.sub(r"\s+", " ", text)
    return {text[m.start():m.start() + WINDOW] for m in re.finditer(r"(?<!\w)\w", text)
            if m.start() + WINDOW <= len(text)}


def _wmt_passages() -> set[str]:
    passages: set[str] = set()
    folder = DATA / "wmt-multiway"
    for line in (folder / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        passages |= _windows(f"{record['title']}\n{record['text']}")
    for line in (folder / "dev_quotes.jsonl").read_text(encoding="utf-8").splitlines():
        for segment in json.loads(line)["segments"].values():
            passages |= _windows(segment)
    return passages


def _project_files():
    for path in sorted(ROOT.rglob("*")):
        if path.suffix in SUFFIXES and path.is_file() and not SKIPPED & set(path.relative_to(ROOT).parts):
            yield path


def test_no_file_of_the_project_repeats_a_passage_of_the_wmt_texts():
    passages = _wmt_passages()
    assert len(passages) > 100_000, "the WMT dev texts were not read"
    copied = []
    for path in _project_files():
        found = _windows(path.read_text(encoding="utf-8", errors="replace")) & passages
        copied += [f"{path.relative_to(ROOT)}: {passage!r}" for passage in sorted(found)[:3]]
    assert not copied, "passages of the WMT texts in the project:\n" + "\n".join(copied)
