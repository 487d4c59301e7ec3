"""The pipeline end to end: batch for `analyze`, streaming for `ingest`, the same contract from both."""

from __future__ import annotations

import shutil

import numpy as np

from storyweave.cluster.stream import StoryStream
from storyweave.model import Features
from storyweave.pipeline import analyze, ingest, report_from_store, stories_from_store
from storyweave.store import SQLiteStore


def test_analyze_the_seeds_into_one_story_kept_in_the_store(seeds_dir, tmp_path):
    with SQLiteStore(tmp_path / "s.sqlite") as store:
        report = analyze([seeds_dir], store=store)
        again = report_from_store(store)
    assert len(report.stories) == 1 and len(report.stories[0].article_ids) == 5
    assert all(a.duplicate_of is None for a in report.articles)
    assert [s.to_dict() for s in again.stories] == [s.to_dict() for s in report.stories]


def test_streaming_ingest_continues_across_runs_and_without_the_index_file(seeds_dir, tmp_path):
    files = sorted(seeds_dir.glob("*.txt"))
    db = tmp_path / "s.sqlite"
    with SQLiteStore(db) as store:
        ingest(files[:3], store)
        first = store.story_members()
    index = tmp_path / "s.sqlite.stories.npy"
    assert index.exists()
    legacy = tmp_path / "s.sqlite.stories.usearch"
    legacy.write_bytes(b"an older release's story index")
    with SQLiteStore(db) as store:
        ingest(files[3:], store)
    assert not legacy.exists()
    with SQLiteStore(db) as store:
        grown = store.story_members()
    shutil.copy(db, tmp_path / "copy.sqlite")
    with SQLiteStore(tmp_path / "copy.sqlite") as store:
        ingest(files, store)
        assert store.story_members() == grown
    assert sum(len(m) for m in grown.values()) == 5
    for sid, members in first.items():
        assert set(members) <= set(grown.get(sid, [])), "stories keep their ids as they grow"


def test_a_bridging_article_merges_two_stories_and_the_old_id_redirects():
    rng = np.random.default_rng(0)
    base = rng.normal(size=384)
    a, b = base + 0.5 * rng.normal(size=384), base + 0.5 * rng.normal(size=384)

    def feats(i, vector, keys):
        vector = (vector / np.linalg.norm(vector)).astype(np.float32)
        weights = np.ones(len(keys), np.float32) / np.sqrt(len(keys))
        return Features(f"x{i}", "en", vector, (np.array(keys, dtype=np.int64), weights), None, None)

    flow = StoryStream(distance=0.8)
    s1 = flow.add(feats(1, a, [1]))
    s2 = flow.add(feats(2, b, [2]))
    assert s1 != s2, "two articles sharing no words and only a loose topic are two stories"
    merged = flow.add(feats(3, a + b, [1, 2]))
    assert flow.resolve(s2) == flow.resolve(s1) == merged == s1
    assert flow.merges == [(s2, s1)]


def test_report_from_store_passes_the_contract(seeds_dir, tmp_path):
    import json

    import jsonschema

    from tests.conftest import SHARED

    with SQLiteStore(tmp_path / "s.sqlite") as store:
        ingest([seeds_dir], store)
        report = report_from_store(store)
    schema = json.loads((SHARED / "contracts" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(json.loads(report.to_json()))
    assert sum(len(s.article_ids) for s in report.stories) == 5


def test_streaming_ingest_splits_two_interleaved_events_and_copies_follow_their_originals(tmp_path):
    """ECB+ topic 7 in batches of four, so the split reads earlier members' features from the store; a copy
    of each of the first two articles (one per event) is ingested before the split."""
    import json

    from storyweave.settings import Settings
    from tests.cluster.test_batch import _ecb_topic

    lines, gold, _, _ = _ecb_topic("7")
    first, second = (json.loads(line) for line in lines[:2])
    assert gold[first["id"]] != gold[second["id"]]
    copies = [json.dumps({**record, "id": record["id"] + "-copy", "title": "Reposted: " + record["title"]})
              for record in (first, second)]
    path = tmp_path / "topic7.jsonl"
    path.write_text("\n".join([*lines[:2], *copies, *lines[2:]]) + "\n", encoding="utf-8")
    with SQLiteStore(tmp_path / "s.sqlite") as store:
        ingest([path], store, Settings(batch_size=4))
        members = store.story_members()
        articles = {a.id: a for a in store.articles()}
        splits = store.db.execute("SELECT from_id, new_id FROM story_splits").fetchall()
        stories = {s.id: s for s in stories_from_store(store, list(articles.values()))}
    assert splits and all(new in members for _, new in splits)
    events = {sid: {gold.get(articles[aid].external_id, "copy") for aid in ids} - {"copy"}
              for sid, ids in members.items()}
    assert sorted(map(sorted, events.values())) == [["7_ecb"], ["7_ecbplus"]]
    where = {aid: sid for sid, ids in members.items() for aid in ids}
    copied = [a for a in articles.values() if a.duplicate_of]
    assert {first["id"] + "-copy", second["id"] + "-copy"} <= {a.external_id for a in copied}
    assert all(where[a.id] == where[a.duplicate_of] for a in copied)
    [(kept, split_off)] = [(s.split_from, s.id) for s in stories.values() if s.split_from]
    assert set(stories) == {kept, split_off}, "the split-off story names the story it left, by its id now"
    assert stories[kept].split_into == [split_off] and stories[split_off].split_into is None


def test_stored_features_of_another_recipe_are_recomputed_once(seeds_dir, tmp_path):
    """A store whose leads were embedded another way (an older release, one without cross-language vectors
    before session 42) is brought up to date before new articles are compared with it; the saved story index
    goes with the old vectors."""
    import dataclasses

    from storyweave.cluster.features import RECIPE
    from storyweave.pipeline import RECIPE_KEY, refresh_features

    db = tmp_path / "s.sqlite"
    with SQLiteStore(db) as store:
        ingest([seeds_dir, _wmt_file(tmp_path, "wmt21:yahoo-ja.977657", "ja")], store)
        assert store.meta(RECIPE_KEY) == RECIPE
        fresh = {f.article_id: f for f, _, _ in store.assigned_features()}
        aid = sorted(a for a in fresh if fresh[a].language == "en")[0]
        assert all(f.crosslingual is not None and f.crosslingual.shape == (512,) for f in fresh.values())
        store.replace_features([dataclasses.replace(fresh[aid], embedding=np.zeros(384, dtype=np.float32),
                                                    crosslingual=None)])
        assert store.features([aid])[0].crosslingual is None
        store.set_meta(RECIPE_KEY, "an older recipe")
    index = tmp_path / "s.sqlite.stories.npy"
    assert index.exists()
    with SQLiteStore(db) as store:
        assert refresh_features(store) == 6
        again = {f.article_id: f for f, _, _ in store.assigned_features()}
        assert np.allclose(again[aid].embedding, fresh[aid].embedding, atol=1e-4)
        assert np.allclose(again[aid].crosslingual, fresh[aid].crosslingual, atol=1e-4)
        assert store.meta(RECIPE_KEY) == RECIPE
        assert refresh_features(store) == 0
    assert not index.exists()


def test_a_story_of_translations_reports_one_source(tmp_path):
    """The claims stage finds the eight versions to be one text translated; the report's story says so, while
    the stored story (no claims stage) counts the versions, which name no outlet."""
    from tests.conftest import DATA

    lines = [line for line in (DATA / "wmt-multiway" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
             if '"wmt21:voa-en.100681:' in line]
    (tmp_path / "versions.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with SQLiteStore(tmp_path / "s.sqlite") as store:
        report = analyze([tmp_path / "versions.jsonl"], store=store)
        stored = stories_from_store(store, store.articles())
    assert len(lines) == 8 and [len(s.article_ids) for s in report.stories] == [8]
    assert report.stories[0].source_count == 1 and stored[0].source_count == 8
    from storyweave.render import render_html

    assert "8 articles" in render_html(report) and "1 independent source<" in render_html(report)


def test_a_headline_of_undetermined_language_streams_in_as_the_store_usual_language(seeds_dir, tmp_path):
    item = tmp_path / "headline.json"
    item.write_text('{"id": "h1", "title": "Fed\'s Plosser: Nasty Weather Has Curbed Job Growth", '
                    '"text": "Fed\'s Plosser: Nasty Weather Has Curbed Job Growth"}', encoding="utf-8")
    with SQLiteStore(tmp_path / "s.sqlite") as store:
        ingest([seeds_dir], store)
        ingest([item], store)
        headline = next(a for a in store.articles() if a.external_id == "h1")
        assert headline.language == "und"
        assert store.features([headline.id])[0].language == "en"


def test_a_chinese_page_gives_its_date_line_source_places_and_dated_events(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("总统在论坛上表示不承认独立\n2022年06月19日 10:15  来源：新华社\n\n"
                    "哈萨克斯坦总统17日在圣彼得堡国际经济论坛上表示，哈萨克斯坦不承认这些地区的独立。\n\n"
                    "俄罗斯总统出席了论坛全体会议。\n", encoding="utf-8")
    report = analyze([page])
    [article] = report.articles
    assert (article.language, article.published, article.reposted_from) == ("zh", "2022-06-19T10:15:00", "新华社")
    assert {"Q232", "Q159"} <= {e.kb_id for e in report.entities}  # Kazakhstan, Russia
    assert [(event.date, event.text[:4]) for event in report.timeline] == [("2022-06-17", "哈萨克斯")]


def test_analyze_into_a_store_reads_stored_inputs_anew(seeds_dir, tmp_path):
    """An earlier release's reading of the same bytes (another date, title and body) gives way to this one's,
    in the report, the store and its full-text index."""
    import dataclasses

    with SQLiteStore(tmp_path / "s.sqlite") as store:
        first = analyze([seeds_dir], store=store)
        article = first.articles[0]
        older = dataclasses.replace(article, title="Zyzzyva headline", published=None, text=article.text + " zyzzyva")
        assert store.reread([older]) == 1 and store.search("zyzzyva")
        again = analyze([seeds_dir], store=store)
        stored = store.articles([article.id])[0]
        assert not store.search("zyzzyva") and store.reread([article]) == 0
    assert [a.to_dict() for a in again.articles] == [a.to_dict() for a in first.articles]
    assert (stored.title, stored.published, stored.text) == (article.title, article.published, article.text)


def test_two_writers_on_one_store_see_each_others_stories(seeds_dir, tmp_path):
    """Two processes streaming into one store (two `ingest` runs, or `ingest` beside `serve`) take turns under
    the store's writer lock, and a writer whose store another one changed reads its stories anew: the seeds
    form one story however their batches are shared out."""
    from storyweave.ingest import read_inputs
    from storyweave.pipeline import Incremental, store_batch

    records = list(read_inputs(sorted(seeds_dir.glob("*.txt"))))
    db = tmp_path / "s.sqlite"
    with SQLiteStore(db) as first, SQLiteStore(db) as second:
        one, other = Incremental(first), Incremental(second)  # both loaded while the store is empty
        store_batch(records[:2], first, one)
        store_batch(records[2:4], second, other)
        store_batch(records[4:], first, one)
        members = first.story_members()
    assert len(members) == 1 and sum(map(len, members.values())) == 5
    assert (tmp_path / "s.sqlite.lock").exists()


def test_an_earlier_original_met_later_takes_every_stored_copy_along(seeds_dir, tmp_path, monkeypatch):
    """A new article published before a stored group's original becomes the group's original. It meets only
    the stored copies its buckets hold (two here), and the store moves the rest along."""
    import json

    from storyweave.dedup import copies

    monkeypatch.setattr(copies, "BUCKET_CAP", 2)
    text = sorted(seeds_dir.glob("*.txt"))[3].read_text(encoding="utf-8").split("\n", 1)[1]
    wire = [{"id": "wire", "title": "Tokayev at the forum", "text": text, "published": "2022-06-22"}]
    wire += [{"id": f"feed{n}", "title": f"Feed {n}", "text": f"Posted by The Daily Courier {n}\n\n{text}",
              "published": "2022-06-23"} for n in range(8)]
    first, later = tmp_path / "wire.jsonl", tmp_path / "earlier.jsonl"
    first.write_text("".join(json.dumps(r) + "\n" for r in wire), encoding="utf-8")
    later.write_text(json.dumps({"id": "early", "title": "Tokayev speaks", "text": text + "\n\nRead more:",
                                 "published": "2022-06-18"}) + "\n", encoding="utf-8")
    with SQLiteStore(tmp_path / "s.sqlite") as store:
        ingest([first], store)
        ingest([later], store)
        articles = {a.external_id: a for a in store.articles()}
    early = articles.pop("early")
    assert early.duplicate_of is None
    assert {eid: a.duplicate_of for eid, a in articles.items()} == dict.fromkeys(articles, early.id)


def test_a_new_copy_reads_the_likeliest_few_of_a_large_stored_group(seeds_dir, tmp_path):
    import json

    from storyweave.dedup import signature
    from storyweave.model import Article
    from storyweave.pipeline import GROUP_CANDIDATES, Incremental

    text = sorted(seeds_dir.glob("*.txt"))[1].read_text(encoding="utf-8").split("\n", 1)[1]
    records = [{"id": "wire", "title": "Tokayev at the forum", "text": text, "published": "2022-06-17"}]
    records += [{"id": f"feed{n}", "title": f"Feed {n}", "text": f"Posted by The Daily Courier {n}\n\n{text}"}
                for n in range(30)]
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    late = Article(id="late", source_path="late.txt", text=text + "\n\nRead more:", title="Late")
    with SQLiteStore(tmp_path / "s.sqlite") as store:
        ingest([path], store)
        wire = next(a for a in store.articles() if a.external_id == "wire")
        read = Incremental(store)._stored_candidates([late], {late.id: signature(late)})
    assert wire.id in read and len(read) <= GROUP_CANDIDATES + 1


def _wmt_file(folder, document: str, *languages: str):
    """A JSONL file of one WMT dev document's versions in these languages."""
    import json

    from tests.conftest import wmt_versions

    path = folder / f"{document.replace(':', '_')}-{'-'.join(languages)}.jsonl"
    path.write_text("".join(json.dumps({"id": a.id, "title": a.title, "text": a.text}, ensure_ascii=False) + "\n"
                            for a in wmt_versions(document) if a.language in languages), encoding="utf-8")
    return path


def test_a_store_in_one_language_gets_cross_language_vectors_when_a_second_language_arrives(tmp_path):
    """English alone needs no cross-language vectors (USE's time saved); the first Japanese report gives the
    stored English ones theirs, and a Japanese original joins its English translation's story."""
    document = "wmt21:yahoo-ja.977657"
    db = tmp_path / "s.sqlite"
    with SQLiteStore(db) as store:
        ingest([_wmt_file(tmp_path, document, "en")], store)
        english = {f.article_id: f for f, _, _ in store.assigned_features()}
        assert [f.language for f in english.values()] == ["en"]
        assert all(f.crosslingual is None for f in english.values())
    with SQLiteStore(db) as store:
        ingest([_wmt_file(tmp_path, document, "ja")], store)
        both = {f.article_id: f for f, _, _ in store.assigned_features()}
        assert sorted(f.language for f in both.values()) == ["en", "ja"]
        assert all(f.crosslingual is not None for f in both.values())
        assert len(store.story_members()) == 1
