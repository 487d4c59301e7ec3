import gzip
import json

from storyweave.ingest import json_stream, read_inputs, sources
from storyweave.model import Article, Rejected
from storyweave.settings import Settings
from tests.conftest import DATA


def _dev_records(count):
    lines = (DATA / "ecbplus" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:count]
    return [json.loads(line) for line in lines]


def _read(path, **settings):
    return list(read_inputs([path], Settings(**settings)))


def _whole(path):
    """The records as a read of the whole file gives them, the limit raised above its size."""
    size = len(gzip.decompress(path.read_bytes())) if path.suffix == ".gz" else path.stat().st_size
    return [(r.source_path, r.id) for r in _read(path, max_bytes=size + 1)]


def test_a_json_list_over_the_limit_is_read_record_by_record_with_the_ids_of_a_whole_read(tmp_path, monkeypatch):
    """Scrapy's JSON export is one array of every item: the limit holds for each record."""
    records = _dev_records(120)
    records[5:5] = [{"id": "huge", "title": "Long", "text": "The cat sat on the mat. " * 4000}]
    path = tmp_path / "items.json"
    path.write_text(json.dumps(records, indent=1), encoding="utf-8")
    whole = _whole(path)
    monkeypatch.setattr(sources, "LINES_PIECE", 20_000)
    for workers in (1, 2):
        got = _read(path, max_bytes=60_000, workers=workers)
        [rejected] = [r for r in got if isinstance(r, Rejected)]
        assert rejected.source_path.endswith("items.json#6") and rejected.code == "too_large"
        assert len(got) == len(whole) == 121
        assert [(r.source_path, r.id) for r in got if isinstance(r, Article)] == [
            item for item in whole if not item[0].endswith("#6")]


def test_records_held_under_a_key_gzipped_or_in_a_legacy_charset_keep_the_ids_of_a_whole_read(tmp_path):
    records = _dev_records(60)
    records[3]["title"] = "Café owners in Zürich say the fire began at dawn"
    holder = {"meta": {"articles": [1, 2], "note": "a list under a known key, nested"}, "status": "ok",
              "articles": records}
    plain = tmp_path / "export.json"
    plain.write_text(json.dumps(holder, ensure_ascii=False), encoding="utf-8")
    zipped = tmp_path / "export2.json.gz"
    zipped.write_bytes(gzip.compress(plain.read_bytes()))
    legacy = tmp_path / "export3.json"
    legacy.write_bytes(json.dumps(holder, ensure_ascii=False).encode("cp1252"))
    bom = tmp_path / "export4.json"
    bom.write_bytes(b"\xef\xbb\xbf" + plain.read_bytes())
    wide = tmp_path / "export5.json"
    wide.write_bytes(json.dumps(holder, ensure_ascii=False).encode("utf-16"))
    expected = [item_id for _, item_id in _whole(plain)]
    assert len(expected) == 60
    for path in (plain, zipped, legacy, bom, wide):
        got = _read(path, max_bytes=20_000)
        assert all(isinstance(r, Article) for r in got), [r for r in got if isinstance(r, Rejected)]
        assert [r.id for r in got] == expected
        assert got[-1].source_path == f"{path}#60"
        assert got[3].title.startswith("Café owners in Zürich")


def test_a_json_file_over_the_limit_that_is_one_record_is_rejected_saying_so(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"title": "One", "text": "The cat sat on the mat. " * 100, "items": []}))
    [rejected] = _read(path, max_bytes=1_000)
    assert rejected.code == "too_large" and "holds no list of records" in rejected.reason


def test_a_broken_or_cut_file_keeps_the_records_before_the_break(tmp_path):
    """Before it, to the grain of the parser's reads (64 KB): those records are read whole."""
    records = _dev_records(120)
    text = json.dumps(records)
    broken = tmp_path / "broken.json"
    cut_at = text.index('{"', len(text) // 2)
    broken.write_text(text[:cut_at] + '{"title" "no colon"}]', encoding="utf-8")
    *read, failed = _read(broken, max_bytes=20_000)
    assert 0 < len(read) < 120 and all(isinstance(r, Article) for r in read)
    assert failed.code == "invalid_json" and failed.reason.startswith(f"invalid JSON after record {len(read)}: ")
    zipped = tmp_path / "cut.json.gz"
    data = gzip.compress(text.encode("utf-8"))
    zipped.write_bytes(data[: len(data) // 2])
    *read, failed = _read(zipped, max_bytes=20_000)
    assert 0 < len(read) < 120 and failed.code == "undecodable" and "read stopped after record" in failed.reason


def test_a_record_too_long_to_build_stops_the_read_after_the_records_before_it(tmp_path):
    """A string of a hundred times the limit is not built in memory to learn that it is too long."""
    records = _dev_records(5) + [{"title": "Endless", "text": "A" * 2_000_000}] + _dev_records(5)
    path = tmp_path / "endless.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    *read, failed = _read(path, max_bytes=20_000)
    assert len(read) == 5 and all(isinstance(r, Article) for r in read)
    assert (failed.source_path, failed.code) == (f"{path}#6", "too_large")
    assert "not read past it" in failed.reason


def test_json_lines_under_a_json_name_are_read_as_lines_small_or_over_the_limit(tmp_path):
    """Many datasets ship JSON Lines as ``.json``; read whole, that is "Extra data" after the first record."""
    lines = [json.dumps(record) for record in _dev_records(40)]
    lines[7] = '{"title": "broken'
    named = tmp_path / "dump.json"
    named.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proper = tmp_path / "dump.jsonl"
    proper.write_text("\n".join(lines) + "\n", encoding="utf-8")
    def seen(r):
        return type(r).__name__, r.source_path.replace(".jsonl", ".json"), r.id if isinstance(r, Article) else r.code

    expected = [seen(r) for r in _read(proper)]
    assert expected[7] == ("Rejected", f"{named}#8", "invalid_json") and len(expected) == 40
    for max_bytes in (10_000_000, 20_000):
        got = _read(named, max_bytes=max_bytes)
        assert [seen(r) for r in got] == expected



def test_a_chained_read_never_writes_past_the_buffer_it_was_given():
    """A recoded stream gives UTF-8 bytes for characters, more than it was asked for; the rest waits."""
    class Wide:
        def read(self, size):
            return "é".encode("utf-8") * size

    chained = json_stream._Chain(b"", Wide())
    buffer = memoryview(bytearray(10))
    assert chained.readinto(buffer) == 10 and bytes(buffer) == "é".encode("utf-8") * 5
    assert chained.head == "é".encode("utf-8") * 5


def test_a_record_nested_too_deep_stops_the_read_after_the_records_before_it(tmp_path):
    """ijson's prefixes cost the square of the depth: the file below took gigabytes and stopped the run."""
    records = _dev_records(6)
    deep = '{"text": "x", "extra": ' + "[" * 50_000 + "]" * 50_000 + "}"
    listed = ", ".join([*map(json.dumps, records[:3]), deep, *map(json.dumps, records[3:])])
    (tmp_path / "list").mkdir()
    (tmp_path / "held").mkdir()
    as_list = tmp_path / "list" / "items.json"
    as_list.write_text("[" + listed + "]", encoding="utf-8")
    held = tmp_path / "held" / "items.json"
    held.write_text('{"status": "ok", "meta": ' + "[" * 300 + "]" * 300 + ', "articles": [' + listed + "]}",
                    encoding="utf-8")
    for path in (as_list, held):
        got = _read(path, max_bytes=60_000)
        assert [r.external_id for r in got if isinstance(r, Article)] == [r["id"] for r in records[:3]]
        [rejected] = [r for r in got if isinstance(r, Rejected)]
        assert rejected.source_path.endswith("items.json") and rejected.code == "invalid_json"
        assert rejected.reason.startswith("JSON nests deeper") and "after record 3; the file is not read past it" \
            in rejected.reason
    whole = _read(as_list, max_bytes=as_list.stat().st_size + 1)
    assert [r.external_id for r in whole if isinstance(r, Article)] == [r["id"] for r in records], \
        "read whole, only the deep record is rejected"
    too_deep_ahead = tmp_path / "ahead.json"
    too_deep_ahead.write_text('{"meta": ' + "[" * 5_000 + "]" * 5_000 + ', "articles": [' + listed + "]}")
    [rejected] = _read(too_deep_ahead, max_bytes=60_000)
    assert rejected.source_path.endswith("ahead.json") and "after record 0" in rejected.reason
