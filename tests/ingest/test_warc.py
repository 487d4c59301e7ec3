"""Web archives: pages become articles; every other capture is accounted for; a corrupt record ends the read."""

from __future__ import annotations

import gzip
import shutil
from dataclasses import replace

import pytest

from storyweave import ingest
from storyweave.ingest import read_inputs, warc
from storyweave.model import Article, Rejected
from storyweave.settings import Settings
from tests.conftest import FIXTURES

ARCHIVE = FIXTURES / "warc" / "pages.warc.gz"


def _records(path, **settings):
    return {r.source_path.rsplit("/", 1)[-1]: r for r in read_inputs([path], Settings(**settings))}


def test_captured_pages_become_articles():
    records = _records(ARCHIVE)
    page = records["pages.warc.gz#3"]
    assert isinstance(page, Article)
    assert page.title == "Hollywood's Mermaid, Esther Williams dies at 91", "the gzip-encoded payload is decoded"
    assert page.url == page.external_id == "https://www.chicagotribune.example/esther-williams-dies"
    assert page.published == "2013-06-06T23:12:00Z", "the page's own time, not the capture's"
    legacy = records["pages.warc.gz#4"]
    assert "Lindsay Lohan’s attorney said Thursday" in legacy.text, "windows-1252 from the HTTP header"
    assert "“completely blindsided”" in legacy.text
    assert "All Rights Reserved" not in legacy.text


def test_every_other_capture_is_listed_with_what_it_was():
    records = _records(ARCHIVE)
    rejected = {name: r for name, r in records.items() if isinstance(r, Rejected)}
    assert {name: r.code for name, r in rejected.items()} == {
        "pages.warc.gz#5": "unsupported_type", "pages.warc.gz#6": "not_a_page", "pages.warc.gz#7": "not_a_page",
        "pages.warc.gz#8": "duplicate_input"}
    assert "image/png" in rejected["pages.warc.gz#5"].reason and "logo.png" in rejected["pages.warc.gz#5"].reason
    assert "HTTP 404" in rejected["pages.warc.gz#6"].reason
    assert "revisit" in rejected["pages.warc.gz#8"].reason
    assert len(records) == 6, "warcinfo, request and metadata records hold no capture and are not listed"


def test_an_uncompressed_archive_without_its_suffix(tmp_path):
    (tmp_path / "crawl").write_bytes(gzip.decompress(ARCHIVE.read_bytes()))
    records = list(read_inputs([tmp_path / "crawl"]))
    assert sum(isinstance(r, Article) for r in records) == 2 and len(records) == 6


def test_the_size_limit_applies_to_each_record_not_the_archive():
    assert ARCHIVE.stat().st_size > 1_500
    records = _records(ARCHIVE, max_bytes=1_500)
    assert records["pages.warc.gz#3"].code == "too_large", "a 2.6 kB page over a 1.5 kB limit"
    assert isinstance(records["pages.warc.gz#4"], Article), "a 1.1 kB page under it, in a 5 kB archive"


def test_a_truncated_archive_keeps_what_came_before(tmp_path):
    data = gzip.decompress(ARCHIVE.read_bytes())
    cut = data.index(b"WARC-Target-URI: https://www.chicagotribune.example/logo.png")
    (tmp_path / "cut.warc").write_bytes(data[:cut + 200])
    records = _records(tmp_path / "cut.warc")
    assert isinstance(records["cut.warc#3"], Article) and isinstance(records["cut.warc#4"], Article)
    last = records["cut.warc#5"]
    assert isinstance(last, Rejected) and last.code == "undecodable" and "records before it were read" in last.reason


def test_a_record_cut_short_is_not_read_as_a_page(tmp_path):
    data = ARCHIVE.read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[:3000])
    records = _records(tmp_path / "cut.warc.gz")
    assert isinstance(records["cut.warc.gz#3"], Article)
    assert records["cut.warc.gz#4"].code == "undecodable" and "truncated" in records["cut.warc.gz#4"].reason
    assert len(records) == 2


def test_a_folder_with_an_archive_beside_other_files(tmp_path):
    shutil.copy(ARCHIVE, tmp_path / "pages.warc.gz")
    shutil.copy(FIXTURES / "feeds" / "rehab.atom", tmp_path / "rehab.atom")
    records = list(read_inputs([tmp_path]))
    assert sum(isinstance(r, Article) for r in records) == 4


def test_a_file_named_warc_that_is_not_one(tmp_path):
    (tmp_path / "notes.warc").write_text("Meeting notes, not an archive.\n", encoding="utf-8")
    (tmp_path / "notes.warc.gz").write_bytes(gzip.compress(b"<html><body>a page</body></html>"))
    (tmp_path / "notes.arc").write_text("Meeting notes, not an archive.\n", encoding="utf-8")
    for name, kind in (("notes.warc", "WARC"), ("notes.warc.gz", "WARC"), ("notes.arc", "ARC")):
        (record,) = read_inputs([tmp_path / name])
        assert isinstance(record, Rejected) and record.code == "undecodable", name
        assert f"does not start with a {kind} record" in record.reason


def test_pages_parsed_in_parallel_are_the_same_records_in_the_same_order():
    alone, pooled = (list(read_inputs([ARCHIVE], Settings(workers=n))) for n in (1, 2))
    assert pooled == alone and len(alone) == 6


@pytest.mark.parametrize("workers", [1, 2])
def test_a_large_archive_is_read_a_few_pages_ahead(monkeypatch, workers):
    """Pool.imap alone would read every page of the archive ahead of the first result; stopping early shuts
    the pool down with its feeder waiting."""
    page = next(p for p in warc.pages(ARCHIVE, "a.warc", 10_000_000) if isinstance(p, warc.Page))
    pulled = []

    def pages(path, display, max_bytes):
        for n in range(1, 10_001):
            pulled.append(n)
            yield replace(page, display=f"{display}#{n}", raw=b"%d" % n)

    monkeypatch.setattr(warc, "pages", pages)
    monkeypatch.setattr(ingest, "PARALLEL_AHEAD", 8)
    records = read_inputs([ARCHIVE], Settings(workers=workers))
    first = next(records)
    assert isinstance(first, Article) and first.source_path.endswith("#1")
    assert len(pulled) <= 8 * workers + 1
    records.close()
    assert len(pulled) < 100


def test_a_page_the_parser_fails_on_is_rejected_and_the_rest_read(monkeypatch):
    parse = ingest.html.parse

    def failing(text, max_line_chars=160, url=None):
        if url and "cbsnews" in url:
            raise ValueError("document is empty")
        return parse(text, max_line_chars, url)

    monkeypatch.setattr(ingest.html, "parse", failing)
    records = _records(ARCHIVE)
    assert records["pages.warc.gz#4"].code == "unparseable" and "document is empty" in records["pages.warc.gz#4"].reason
    assert isinstance(records["pages.warc.gz#3"], Article) and len(records) == 6


def test_an_arc_file_the_format_before_warc():
    records = _records(FIXTURES / "warc" / "pages.arc")
    page, image = records["pages.arc#2"], records["pages.arc#3"]
    assert isinstance(page, Article) and page.url == "http://www.cbsnews.example/lohan-rehab"
    assert "“completely blindsided”" in page.text
    assert image.code == "unsupported_type" and len(records) == 2


def test_a_capture_without_a_content_type_is_read_when_it_starts_as_a_page(tmp_path):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = (FIXTURES / "html" / "esther_williams.html").read_bytes()
    with (tmp_path / "untyped.warc.gz").open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for uri, body in (("https://a.example/page", page), ("https://a.example/data", b'{"not": "a page"}')):
            http = StatusAndHeaders("200 OK", [("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=BytesIO(body), http_headers=http))
    records = _records(tmp_path / "untyped.warc.gz")
    assert isinstance(records["untyped.warc.gz#1"], Article)
    assert records["untyped.warc.gz#2"].code == "unsupported_type"
    assert "untyped capture of https://a.example/data" in records["untyped.warc.gz#2"].reason


def test_an_archive_without_captures_is_rejected_not_lost(tmp_path):
    data = gzip.decompress(ARCHIVE.read_bytes())
    (tmp_path / "info.warc").write_bytes(data[:data.index(b"WARC/1.0", 10)])
    (record,) = read_inputs([tmp_path / "info.warc"])
    assert isinstance(record, Rejected) and record.code == "no_text" and "holds no capture" in record.reason


def test_a_record_warcio_fails_on_is_rejected_and_the_run_goes_on(tmp_path):
    """warcio raises AttributeError for a response record without a target URI (found by fuzzing)."""
    data = gzip.decompress(ARCHIVE.read_bytes())
    start = data.index(b"WARC-Target-URI: http://www.cbsnews.example/lohan-rehab")
    (tmp_path / "bad.warc").write_bytes(data[:start] + data[data.index(b"\r\n", start) + 2:])
    records = list(read_inputs([tmp_path / "bad.warc", FIXTURES / "feeds" / "rehab.atom"]))
    assert isinstance(records[0], Article) and records[0].source_path.endswith("bad.warc#3")
    assert records[1].code == "undecodable" and "AttributeError" in records[1].reason
    assert [r.source_path.rsplit("/", 1)[-1] for r in records[2:]] == ["rehab.atom#1", "rehab.atom#2"]
