from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
DATA = SHARED / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def wmt_versions(document: str) -> list:
    """The language versions of one WMT multiway dev document ("wmt22:euronews-en.19225") as articles."""
    import json

    from storyweave.model import Article

    versions = []
    for line in (DATA / "wmt-multiway" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"].startswith(document + ":"):
            versions.append(Article(id=record["id"], source_path=record["id"], language=record["language"],
                                    title=record["title"], text=record["text"]))
    assert versions, f"no WMT dev document {document}"
    return versions


def ecbplus_articles(*ids: str) -> list:
    """ECB+ dev records as articles, in the order asked."""
    import json

    from storyweave.model import Article

    records = {}
    for line in (DATA / "ecbplus" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] in ids:
            records[record["id"]] = Article(id=record["id"], source_path=record["id"], language="en",
                                            title=record.get("title"), text=record["text"])
    assert len(records) == len(ids), f"ECB+ dev records missing: {set(ids) - set(records)}"
    return [records[i] for i in ids]


def uci_story(record_id: str, folder: Path) -> list:
    """The UCI headlines dev story that holds ``record_id``, read as ``storyweave`` reads a JSONL file."""
    import json

    from storyweave.ingest import read_inputs
    from storyweave.model import Article

    root = DATA / "uci-headlines"
    story = dict(line.split("\t")[:2] for line in (root / "dev_labels.tsv").read_text(encoding="utf-8").splitlines()[1:])
    lines = [line for line in (root / "dev.jsonl").read_text(encoding="utf-8").splitlines()
             if story[json.loads(line)["id"]] == story[record_id]]
    path = folder / "uci_story.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [a for a in read_inputs([path]) if isinstance(a, Article)]


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"the seed corpus is missing at {SEEDS}: clone storyweave beside shared/")
    return SEEDS


@pytest.fixture(scope="session")
def seed_articles(seeds_dir):
    from storyweave.ingest import read_inputs

    articles = {a.source_path.rsplit("/", 1)[-1][:3]: a for a in read_inputs([seeds_dir])}
    assert len(articles) == 5
    return articles


@pytest.fixture()
def fresh_store():
    from storyweave.store import SQLiteStore

    with SQLiteStore(":memory:") as store:
        yield store


@pytest.fixture()
def disputed_reports():
    """Two outlets report one fire; they agree on the fire and give other numbers of injured."""
    from storyweave.model import Article

    lead = "A fire broke out in the old town of Lyon on Monday night and burned for several hours."
    injured = "Officials said that {} people were injured in the fire at the warehouse near the river."
    return [Article(id=aid, source_path=aid, outlet=outlet, language="en", text=f"{lead} {injured.format(n)}")
            for aid, outlet, n in (("a", "Daily Courier", 12), ("b", "Evening Post", 31))]
