"""Plain-text pages: the five seeds as they are, and the usual variants of their metadata lines."""

from __future__ import annotations

import re

import pytest

from storyweave.ingest import text
from tests.conftest import seed

BOILERPLATE_LEFT = re.compile(r"℃|Leave a Reply|Spread the love|email address will not be published|"
                              r"reproduced .{0,40}authori[sz]ation|^Author:|Reference Source", re.I | re.M)


def _lines(s: str) -> list[str]:
    return [line.strip() for line in s.split("\n") if line.strip()]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_loses_nothing_and_keeps_no_boilerplate(seed_articles, prefix):
    article = seed_articles[prefix]
    original = _lines(seed(prefix).read_text(encoding="utf-8"))
    body = set(_lines(article.text))
    removed = {r.text for r in article.removed}
    for line in original:
        assert line in body or line in removed or line == article.title, f"lost: {line!r}"
    assert not BOILERPLATE_LEFT.search(article.text)
    assert all(r.reason for r in article.removed)


@pytest.mark.parametrize(("prefix", "title"), [
    ("000", "President Kazakhstan's noodles, refused to recognize Wudong independence, and also made a bright "
            "attitude towards Taiwan's issue."),
    ("002", "In the presence of Putin, Tokayev’s remarks were very unusual!"),
    ("003", "Turn your face to Putin?Kazakhstan falls to the West, saying that it will not violate sanctions "
            "against Russia"),
    ("004", "He didn’t give the emperor face!"),
])
def test_seed_headline_is_the_title_and_not_in_the_body(seed_articles, prefix, title):
    article = seed_articles[prefix]
    assert article.title == title
    assert article.title_source is None
    assert not article.text.startswith(title)


def test_page_without_headline_gets_its_first_sentence_as_title(seed_articles):
    article = seed_articles["001"]
    assert article.title_source == "first sentence"
    assert article.title.startswith("Two days ago, during his attendance at the St. Petersburg International")
    assert article.text.startswith("Two days ago")


@pytest.mark.parametrize(("prefix", "published"), [("000", "2022-06-23T06:02:24"), ("003", "2022-06-19T06:09:38"),
                                                   ("001", None), ("002", None), ("004", None)])
def test_seed_dates_from_their_date_lines(seed_articles, prefix, published):
    assert seed_articles[prefix].published == published


@pytest.mark.parametrize(("prefix", "authors", "reposted_from"), [
    ("001", ["vertical and horizontal"], "Zhonghua city"),
    ("002", ["Niu Danqin"], "Niu Danqin"),
    ("003", [], "Wenhui.com"),
    ("004", ["Xusheng"], "Xusheng"),
    ("000", [], None),
])
def test_seed_bylines_and_repost_lines(seed_articles, prefix, authors, reposted_from):
    article = seed_articles[prefix]
    assert article.authors == authors
    assert article.reposted_from == reposted_from


def test_weather_reading_is_removed_with_its_reason(seed_articles):
    reasons = [r.reason for r in seed_articles["000"].removed]
    assert any("weather" in r and "date" in r for r in reasons)


def test_comment_form_and_share_button_are_removed(seed_articles):
    removed = {r.text: r.reason for r in seed_articles["004"].removed}
    assert removed["Leave a Reply"] == "comment form"
    assert removed["Spread the love"] == "share/like/follow buttons"
    assert "Your email address will not be published. Required fields are marked *" in removed


def test_short_body_lines_stay(seed_articles):
    body = seed_articles["004"].text
    for fragment in ("Novorossisk port", "Improved to", "He explained:", "Putin is such a person."):
        assert fragment in body


@pytest.mark.parametrize(("page", "field", "value"), [
    ("Big fire in the old town\n\nReprinted from The Daily Courier\n\nA fire broke out on Monday.", "reposted_from",
     "The Daily Courier"),
    ("Big fire\n\nA fire broke out on Monday. Dozens of firefighters came.\n\nThis story was originally published "
     "in The Tribune.", "reposted_from", "The Tribune"),
    ("Big fire\n\nOriginal: Evening Post\n\nA fire broke out on Monday.", "reposted_from", "Evening Post"),
    ("Big fire\n\nBy Jane Roe and John Smith\n\nA fire broke out on Monday.", "authors", ["Jane Roe", "John Smith"]),
    ("Big fire\n\nEditor: Li Wei | Source: Xinhua\n\nA fire broke out on Monday.", "authors", ["Li Wei"]),
    ("Big fire\n\nEditor: Li Wei | Source: Xinhua\n\nA fire broke out on Monday.", "reposted_from", "Xinhua"),
    ("Big fire\nPublished: June 13, 2013 4:59 PM EDT\n\nA fire broke out on Monday.", "published",
     "2013-06-13T16:59:00"),
    ("Big fire\n2013年6月13日\n\nA fire broke out on Monday.", "published", "2013-06-13"),
    ("Big fire\nUpdated 13.06.2013\n\nA fire broke out on Monday.", "published", "2013-06-13"),
    ("Big fire\n\nA fire broke out on Monday.\n\nPublisher: Daily Courier", "outlet", "Daily Courier"),
])
def test_metadata_line_variants(page, field, value):
    assert getattr(text.parse(page), field) == value


def test_a_body_sentence_naming_a_source_is_body():
    page = ("Big fire\n\nThe source of the fire was a kitchen, according to officials who spoke on Monday.\n\n"
            "Dozens of firefighters came.")
    parsed = text.parse(page)
    assert parsed.reposted_from is None
    assert "The source of the fire" in parsed.text


def test_metadata_words_deep_in_the_body_are_not_metadata():
    body = "\n\n".join(f"Paragraph {i} of the report, with a full sentence." for i in range(12))
    page = f"Big fire\n\n{body}\n\nSource: Xinhua\n\n{body}"
    parsed = text.parse(page)
    assert "Source: Xinhua" in parsed.text
    assert parsed.reposted_from is None


def test_dated_years_take_years_that_come_with_a_month_only():
    from storyweave.ingest.byline import dated_years

    text = ("Her 1999 role; in May 2013, on 5 May, 2013, Dec. 3, 2008, 05 / 02 / 2012, 2011-04-09 and "
            "2010年6月18日; the 2015 medal.")
    assert dated_years(text) == [2013, 2013, 2008, 2012, 2011, 2010]


@pytest.mark.parametrize(("date_line", "published"), [
    ("Опубликовано: 13 июня 2013 г., 14:25", "2013-06-13T14:25:00"),
    ("Montag, 13. Juni 2013", "2013-06-13"),
    ("Publié le 13 juin 2013", "2013-06-13"),
])
def test_a_date_line_in_the_pages_own_language_dates_it_and_leaves_the_body(date_line, published):
    page = f"Саммит в Санкт-Петербурге\n{date_line}\nПрезидент выступил на форуме в пятницу.\n"
    parsed = text.parse(page)
    assert (parsed.title, parsed.published, parsed.text) == (
        "Саммит в Санкт-Петербурге", published, "Президент выступил на форуме в пятницу.")
    assert [r.text for r in parsed.removed] == [date_line]
