import json

import pytest

from storyweave.ingest import headline, read_inputs
from storyweave.model import Article, Rejected, Removed
from tests.conftest import DATA, FIXTURES


def _read(path):
    return list(read_inputs([path]))


def test_field_name_variants():
    records = _read(FIXTURES / "jsonl" / "mixed_fields.jsonl")
    by_path = {r.source_path.rsplit("/", 1)[-1]: r for r in records}
    first = by_path["mixed_fields.jsonl#1"]
    assert isinstance(first, Article)
    assert (first.title, first.external_id, first.outlet, first.language) == (
        "Esther Williams dies at 91", "rec-1", "Reuters", "en")
    assert first.authors == ["Jane Roe", "John Doe"]
    assert first.published == "2013-06-06T23:12:00Z"

    second = by_path["mixed_fields.jsonl#2"]
    assert second.external_id == "urn:news:2"
    assert second.outlet == "Fox News"
    assert second.authors == ["Sam Poe", "Kim Lee"]
    assert second.published == "2013-08-02T14:00:00Z"
    assert "<p>" not in second.text and "Share this article" not in second.text
    assert "79th Academy Awards" in second.text
    assert any(r.text == "Share this article" for r in second.removed)

    third = by_path["mixed_fields.jsonl#3"]
    assert third.external_id == "http://example.org/rehab"
    assert third.published == "2008-05-03T00:00:00Z"


def test_bad_records_are_rejected_one_by_one():
    records = _read(FIXTURES / "jsonl" / "mixed_fields.jsonl")
    rejected = {r.source_path.rsplit("/", 1)[-1]: r for r in records if isinstance(r, Rejected)}
    assert rejected["mixed_fields.jsonl#4"].code == "no_text"
    assert "no text" in rejected["mixed_fields.jsonl#4"].reason
    assert rejected["mixed_fields.jsonl#6"].code == "invalid_json"
    assert "line 6" in rejected["mixed_fields.jsonl#6"].reason
    assert rejected["mixed_fields.jsonl#7"].code == "no_text"
    assert "not an object" in rejected["mixed_fields.jsonl#7"].reason
    assert sum(isinstance(r, Article) for r in records) == 3


def test_real_dataset_lines_keep_their_ids_outlets_and_dates(tmp_path):
    lines = (DATA / "uci-headlines" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:50]
    sample = tmp_path / "uci.jsonl"
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = _read(sample)
    assert all(isinstance(a, Article) for a in articles) and len(articles) == 50
    for article, line in zip(articles, lines, strict=True):
        record = json.loads(line)
        assert article.external_id == record["id"]
        assert article.outlet == record["outlet"]
        assert article.published == record["published"]
        assert article.title == record["title"]


def test_a_json_array_and_a_container_object(tmp_path):
    rows = [{"id": "a", "title": "One", "text": "The first article says a lot about the weather today."},
            {"id": "b", "title": "Two", "text": "The second article says a lot about the markets today."}]
    (tmp_path / "list.json").write_text(json.dumps(rows), encoding="utf-8")
    (tmp_path / "feed.json").write_text(json.dumps({"status": "ok", "articles": rows[1:]}), encoding="utf-8")
    records = _read(tmp_path)
    assert [r.source_path.rsplit("/", 1)[-1] for r in records] == ["feed.json#1", "list.json#1", "list.json#2"]
    assert [r.external_id for r in records] == ["b", "a", "b"]
    assert len({r.id for r in records}) == 3


def test_a_title_that_is_only_a_date_stamp_dates_the_record_and_is_no_headline(tmp_path):
    lines = [line for line in (DATA / "ecbplus" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
             if json.loads(line)["title"] in ("Updated: November 11, 2011 20:09 IST", "27 NOVEMBER, 2005",
                                               "Friday, June 7, 2013", "MONDAY, MAY 23, 2005",
                                               "21 July 2013 Last updated at 11:11 GMT")]
    assert len(lines) == 5
    sample = tmp_path / "stamped.jsonl"
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = sorted(_read(sample), key=lambda a: a.published)
    assert [(a.title_source, a.published) for a in articles] == [
        ("first sentence", "2005-05-23"), ("first sentence", "2005-11-27"), ("first sentence", "2011-11-11T20:09:00"),
        ("first sentence", "2013-06-07"), ("first sentence", "2013-07-21T11:11:00")]
    assert all(a.text.startswith(a.title.rstrip("…")) for a in articles)
    assert articles[4].removed[-1] == Removed("21 July 2013 Last updated at 11:11 GMT",
                                              "metadata: date line in the title field (→ published)")
    assert articles[2].text.startswith("Navy foils Somali pirate attack")
    assert articles[3].text.startswith("Hollywood’s mermaid Esther Williams dies")


def test_a_date_stamp_glued_to_the_first_sentence_dates_the_record_and_stays_in_the_text(tmp_path):
    """ECB+ scrapes open with "Published December 23, 2012 Andrew Luck threw …" on one line."""
    wanted = {"29_7ecbplus": "2012-12-23", "22_10ecbplus": None}
    lines = [line for line in (DATA / "ecbplus" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
             if json.loads(line)["id"] in wanted]
    sample = tmp_path / "glued.jsonl"
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = {a.external_id: a for a in _read(sample)}
    assert {k: a.published for k, a in articles.items()} == wanted
    assert articles["29_7ecbplus"].text.startswith("Published December 23, 2012 Andrew Luck threw for 205 yards")


def test_a_record_without_a_title_is_titled_by_its_first_sentence_after_its_date_stamp(tmp_path):
    path = tmp_path / "untitled.jsonl"
    long = "The council voted " + "again and again " * 12 + "to close the bridge."
    path.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "text": "Updated: May 24, 2005, 3:23 PM ET The council voted to close the old bridge. Repairs "
                            "begin in June."},
        {"id": "b", "title": None, "text": long + " Repairs begin in June."},
    ]) + "\n", encoding="utf-8")
    first, second = _read(path)
    assert (first.title, first.title_source, first.published) == (
        "The council voted to close the old bridge.", "first sentence", "2005-05-24T15:23:00")
    assert first.text.startswith("Updated: May 24, 2005")
    cut = second.title.removesuffix("…")
    assert second.title_source == "first sentence" and cut != second.title and len(second.title) <= 160
    assert long.startswith(cut) and long[len(cut)] == " "   # shortened at a word


def test_a_body_given_as_paragraphs_is_read_and_a_body_of_another_kind_is_named_in_the_reason(tmp_path):
    paragraphs = ["A strong earthquake struck northern Chile on Tuesday, the US Geological Survey said.",
                  "  ", "Thousands of people left their homes in Iquique as the buildings shook."]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"id": "p", "title": "Quake in Chile", "text": paragraphs},
        {"id": "n", "title": "A number", "body": 12345},
        {"id": "o", "title": "An object", "content": {"html": "<p>…</p>"}},
        "just a string",
    ]), encoding="utf-8")
    records = {r.source_path.rsplit("#", 1)[-1]: r for r in _read(path)}
    assert isinstance(records["1"], Article)
    assert records["1"].text == f"{paragraphs[0]}\n\n{paragraphs[2]}"
    assert records["2"].reason == "record's 'body' is a number, not text"
    assert records["3"].reason == "record's 'content' is an object, not text"
    assert records["4"].reason == "record is a string, not an object"


def test_json_nested_past_the_parsers_depth_is_rejected_and_the_run_goes_on(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    (tmp_path / "good.json").write_text(json.dumps({"title": "Quake in Chile", "text": (
        "A strong earthquake struck northern Chile on Tuesday, the US Geological Survey said.")}), encoding="utf-8")
    records = {r.source_path.rsplit("/", 1)[-1]: r for r in _read(tmp_path)}
    assert isinstance(records["good.json"], Article)
    assert records["deep.json#1"].code == "invalid_json"
    assert "nests deeper" in records["deep.json#1"].reason


@pytest.mark.parametrize("name", ["records.json", "records.jsonl"])
def test_one_record_nested_too_deep_is_rejected_alone(tmp_path, name):
    good = [{"text": "A strong earthquake struck northern Chile on Tuesday, officials said."},
            {"text": "Rescuers reached the town of Iquique on Wednesday, the army said."}]
    deep = '{"text": "x", "extra": ' + "[" * 50_000 + "]" * 50_000 + "}"
    parts = [json.dumps(good[0]), deep, json.dumps(good[1])]
    (tmp_path / name).write_text("[" + ", ".join(parts) + "]" if name.endswith(".json") else "\n".join(parts) + "\n",
                                 encoding="utf-8")
    records = _read(tmp_path / name)
    assert [r.text for r in records if isinstance(r, Article)] == [g["text"] for g in good]
    [rejected] = [r for r in records if isinstance(r, Rejected)]
    assert rejected.source_path.endswith(f"{name}#2") and "nests deeper" in rejected.reason


def test_a_lone_surrogate_escaped_in_json_becomes_the_replacement_character(tmp_path, fresh_store):
    from storyweave.pipeline import ingest
    from storyweave.settings import Settings

    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "s1", "title": "Lone \\ud800 mark", "text": "A strong earthquake struck northern Chile '
                    'on Tuesday \\udfff, officials said. A pair \\ud83d\\ude00 stays one character."}\n',
                    encoding="utf-8")
    article = _read(path)[0]
    assert article.title == "Lone \ufffd mark"
    assert "Tuesday \ufffd," in article.text and "pair \U0001F600 stays" in article.text
    ingest([path], fresh_store, Settings(), stream=False)
    assert fresh_store.articles([article.id])[0].text == article.text


def test_a_lone_surrogate_in_a_listed_or_posted_record_is_no_reason_to_reject_it(tmp_path):
    """A list item's id hashes its re-serialised JSON, which must hold the replacement, not the surrogate."""
    from storyweave.ingest import parse_records

    item = {"title": "Lone \ud800 mark", "text": "A strong earthquake struck northern Chile on Tuesday, officials said."}
    other = {"title": "Other", "text": "Rescuers reached the town of Iquique on Wednesday morning."}
    path = tmp_path / "list.json"
    path.write_text(json.dumps([item, other]), encoding="utf-8")
    records = _read(path)
    assert [type(r) for r in records] == [Article, Article]
    assert records[0].title == "Lone \ufffd mark"
    posted = parse_records([item], "request")
    assert isinstance(posted[0], Article) and posted[0].title == "Lone \ufffd mark"


def test_a_crawlers_record_its_body_in_markdown_and_its_fields_under_metadata(tmp_path):
    record = {"markdown": "# Fire in Lyon\n\nA fire destroyed the [market hall](https://x.example/hall) in Lyon on "
                          "Monday, the **fire service** said.\n\n![photo](https://x.example/p.jpg)",
              "metadata": {"title": "Fire in Lyon | Lyon Daily", "sourceURL": "https://lyon-daily.example/fire",
                           "publishedTime": "2024-06-03T08:15:00Z", "language": "en", "statusCode": 200,
                           "ogImage": {"url": "https://x.example/p.jpg"}}}
    path = tmp_path / "crawl.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = _read(path)
    assert (article.title, article.url, article.published) == (
        "Fire in Lyon", "https://lyon-daily.example/fire", "2024-06-03T08:15:00Z")
    assert Removed("Lyon Daily", headline.REASON) in article.removed
    assert article.text == "A fire destroyed the market hall in Lyon on Monday, the fire service said.", \
        "the leading heading is the headline again"


def _dev_lines(count):
    return (DATA / "ecbplus" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:count]


def test_a_jsonl_file_over_the_limit_is_read_record_by_record_with_the_ids_of_a_whole_read(tmp_path, monkeypatch):
    """A crawl's dump is one file of many records: the limit holds for each record, as in a web archive."""
    from storyweave.ingest import sources
    from storyweave.settings import Settings

    lines = _dev_lines(120)
    lines[4:5] = [lines[4], json.dumps({"id": "huge", "title": "Long", "text": "The cat sat on the mat. " * 4000})]
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    whole = [(r.source_path, r.id) for r in read_inputs([path], Settings(max_bytes=path.stat().st_size))]
    monkeypatch.setattr(sources, "LINES_PIECE", 20_000)
    got = list(read_inputs([path], Settings(max_bytes=60_000)))
    [rejected] = [r for r in got if isinstance(r, Rejected)]
    assert rejected.source_path.endswith("dev.jsonl#6") and "over the 60,000 bytes limit" in rejected.reason
    assert len(got) == len(whole) == 121
    assert [(r.source_path, r.id) for r in got if isinstance(r, Article)] == [
        item for item in whole if not item[0].endswith("#6")]


def test_a_gzipped_jsonl_file_streams_and_a_cut_one_keeps_what_came_before(tmp_path):
    import gzip

    lines = _dev_lines(40)
    data = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"))
    whole = tmp_path / "dev.jsonl.gz"
    whole.write_bytes(data)
    got = _read(whole)
    assert len(got) == 40 and all(isinstance(r, Article) for r in got)
    assert got[-1].source_path.endswith("dev.jsonl.gz#40")
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) // 2])
    partial = _read(cut)
    *read, failed = partial
    assert 0 < len(read) < 40 and all(isinstance(r, Article) for r in read)
    assert isinstance(failed, Rejected) and failed.reason.startswith("corrupt gzip file: read stopped after line")
    assert [r.id for r in read] == [r.id for r in got[: len(read)]]


def test_a_streamed_jsonl_file_of_blank_lines_or_binary_bytes_is_rejected_whole(tmp_path):
    import gzip

    blank, binary = tmp_path / "blank.jsonl.gz", tmp_path / "image.jsonl.gz"
    blank.write_bytes(gzip.compress(b"\n  \n\n"))
    binary.write_bytes(gzip.compress(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40))
    [empty], [image] = _read(blank), _read(binary)
    assert (empty.reason, empty.source_path) == ("file holds only white space", str(blank))
    assert image.reason.startswith("binary file (") and image.source_path == str(binary)
