"""Error pages and bot walls are rejected, saying so (ingest/errorpage.py); articles are not."""

from __future__ import annotations

import json

import pytest

from storyweave.ingest import read_inputs
from storyweave.model import Article, Rejected
from tests.conftest import DATA, FIXTURES


@pytest.mark.parametrize(("name", "shown"), [
    ("nginx_404.html", "404 Not Found"),
    ("access_denied.html", "Access Denied"),
    ("just_a_moment.html", "Checking if the site connection is secure"),
])
def test_an_error_page_or_a_bot_wall_is_rejected_with_what_told_it(name, shown):
    [record] = read_inputs([FIXTURES / "errors" / name])
    assert isinstance(record, Rejected) and record.code == "error_page"
    assert shown in record.reason


def test_records_that_are_error_pages_are_rejected_and_articles_so_headlined_kept(tmp_path):
    report = ("Access Denied: the council refused on Monday to let reporters into the meeting where the budget "
              "for the new bridge was decided. Members said the talks were confidential, but the mayor later "
              "told the local radio that the bridge would cost about two million euros and that work would "
              "start in the spring. Opposition councillors called the closed meeting a mistake and asked for "
              "the minutes to be published before the next session in April, when the final vote is due.")
    records = [
        {"id": "a", "title": "404 Not Found", "text": "The requested URL was not found on this server."},
        {"id": "b", "title": "Error 503 Service Unavailable", "text": "Please try again later."},
        {"id": "c", "title": "Access Denied", "text": report},
        {"id": "d", "title": "Not Found: The Lost Paintings", "text": "The museum lists forty works as missing."},
        {"id": "e", "title": "お探しのページは見つかりませんでした", "text": "URLが変更されたか、削除された可能性があります。"},
        {"id": "f", "title": "Страница не найдена", "text": "Проверьте адрес или вернитесь на главную."},
        {"id": "g", "title": "ページが見つかりません", "text": "市の図書館で、貸し出し記録から消えた本を探す催しが開かれた。" * 30},
    ]
    path = tmp_path / "crawl.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    got = list(read_inputs([path]))
    assert [type(r) for r in got] == [Rejected, Rejected, Article, Article, Rejected, Rejected, Article]
    assert {r.code for r in got if isinstance(r, Rejected)} == {"error_page"}


def test_no_article_of_the_seeds_and_the_dev_sets_is_taken_for_an_error_page(seeds_dir):
    inputs = [seeds_dir, DATA / "ecbplus" / "dev.jsonl", DATA / "uci-headlines" / "dev.jsonl",
              DATA / "wmt-multiway" / "dev.jsonl"]
    assert not [r for r in read_inputs(inputs) if isinstance(r, Rejected) and r.code == "error_page"]
