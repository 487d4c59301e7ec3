from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from storyweave.ingest import read_inputs
from storyweave.model import Article, Rejected, Removed
from storyweave.pipeline import ingest
from storyweave.store import SQLiteStore
from storyweave.store.migrations import MIGRATIONS


def test_migrations_are_recorded_and_run_once(tmp_path):
    path = tmp_path / "s.sqlite"
    with SQLiteStore(path) as store:
        assert store.schema_version() == MIGRATIONS[-1][0]
        assert store.migrate() == []
    with SQLiteStore(path) as store:
        rows = store.db.execute("SELECT version, name FROM migrations ORDER BY version").fetchall()
    assert rows == [(v, n) for v, n, _ in MIGRATIONS]


def test_articles_round_trip(fresh_store):
    article = Article(id="x1", source_path="a.txt", text="Body.", title="T", published="2022-06-18",
                      language="en", outlet="O", reposted_from="R", authors=["A B"],
                      removed=[Removed("Leave a Reply", "comment form")], external_id="e1", url="http://x")
    assert fresh_store.add([article]) == (1, 0)
    assert fresh_store.articles() == [article]


def test_reingesting_the_same_inputs_adds_nothing(seeds_dir, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with SQLiteStore(tmp_path / "s.sqlite") as store:
        first = ingest([seeds_dir, tmp_path / "empty.txt"], store)
        second = ingest([seeds_dir, tmp_path / "empty.txt"], store)
        assert (first.added, second.added) == (5, 0)
        assert first.article_ids == second.article_ids
        assert store.count_articles() == 5
        assert [r.code for r in store.rejected()] == ["empty"]


def test_a_fixed_file_leaves_the_rejected_list(tmp_path):
    bad = tmp_path / "a.txt"
    bad.write_bytes(b"")
    with SQLiteStore(":memory:") as store:
        ingest([bad], store)
        bad.write_text("Headline\n\nA fire broke out on Monday in the old town.\n", encoding="utf-8")
        ingest([bad], store)
        assert store.rejected() == [] and store.count_articles() == 1


def test_a_failed_batch_is_rolled_back_whole(fresh_store):
    good = Article(id="g", source_path="g.txt", text="Body.")
    broken = Article(id="b", source_path="b.txt", text=None)  # NOT NULL violation inside the batch
    try:
        fresh_store.add([good, broken])
    except Exception:  # noqa: BLE001 - StoreError is what matters below
        pass
    assert fresh_store.count_articles() == 0
    assert fresh_store.add([good]) == (1, 0)


def _write_corpus(folder, n):
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:05d}.txt").write_text(
            f"Headline number {i}\n\nArticle {i} reports that the council met on day {i} and decided item {i}.\n",
            encoding="utf-8")


def test_killed_ingest_resumes_with_every_article_stored_once(tmp_path):
    corpus, db, n = tmp_path / "corpus", tmp_path / "s.sqlite", 600
    _write_corpus(corpus, n)
    command = [sys.executable, "-m", "storyweave.cli", "ingest", str(corpus), "--db", str(db), "--quiet"]
    env = {**os.environ, "STORYWEAVE_BATCH_SIZE": "25"}
    process = subprocess.Popen(command, env=env)
    stored_when_killed = 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as probe:
                    stored_when_killed = probe.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                stored_when_killed = 0
            if stored_when_killed >= 50:
                break
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "ingest finished before it could be killed"
    with SQLiteStore(db) as store:
        partial = store.count_articles()
    assert 0 < partial < n
    assert partial % 25 == 0, "a batch was stored in part"

    subprocess.run(command, env=env, check=True)
    with SQLiteStore(db) as store:
        articles = store.articles()
    assert len(articles) == n
    assert len({a.id for a in articles}) == n
    assert sorted(a.source_path.rsplit("/", 1)[-1] for a in articles) == [f"{i:05d}.txt" for i in range(n)]
    expected = {r.id for r in read_inputs([corpus]) if not isinstance(r, Rejected)}
    assert {a.id for a in articles} == expected
    with SQLiteStore(db) as store:
        assigned = [aid for members in store.story_members().values() for aid in members]
        assert sorted(assigned) == sorted(expected), "every stored article has its story, none twice"
