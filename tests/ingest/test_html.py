from storyweave.ingest import html, read_inputs
from storyweave.model import Article
from tests.conftest import FIXTURES


def _page():
    return html.parse((FIXTURES / "html" / "esther_williams.html").read_text(encoding="utf-8"))


def test_metadata_from_the_page():
    parsed = _page()
    assert parsed.title == "Hollywood's Mermaid, Esther Williams dies at 91"
    assert parsed.published == "2013-06-06T23:12:00Z", "the time of day its metadata states (18:12 at -05:00)"
    assert parsed.outlet == "Chicago Tribune"
    assert parsed.authors == ["Reuters"]


def test_body_is_the_article_and_nothing_around_it():
    parsed = _page()
    assert parsed.text.startswith("Esther Williams, whose experiences as a young swimming champion")
    assert parsed.text.endswith("that made her popular.")
    for chrome in ("Entertainment", "Related articles", "Leave a Reply", "Copyright", "Subscribe", "Tweet",
                   "window.analytics"):
        assert chrome not in parsed.text


def test_what_was_left_out_is_listed_with_a_reason():
    removed = {r.text: r.reason for r in _page().removed}
    assert "Related articles" in removed
    assert any("All rights reserved" in t for t in removed)
    assert "Leave a Reply" in removed
    assert all(reason for reason in removed.values())
    assert not any("window.analytics" in t for t in removed)


def test_a_publication_time_is_kept_only_on_the_day_the_page_is_dated():
    """htmldate gives the day alone; the time comes from the page's metadata when it is of that day, and is
    left out when it falls on another day in UTC, so that "yesterday" still means the page's day before."""
    page = (FIXTURES / "html" / "esther_williams.html").read_text(encoding="utf-8")
    late = page.replace("2013-06-06T18:12:00-05:00", "2013-06-06T21:12:00-05:00")
    assert html.parse(late).published == "2013-06-06"
    bare = page.replace('content="2013-06-06T18:12:00-05:00"', 'content="2013-06-06"').replace(
        '"datePublished": "2013-06-06T18:12:00-05:00"', '"datePublished": "2013-06-06"')
    assert html.parse(bare).published == "2013-06-06"
    other = page.replace('content="2013-06-06T18:12:00-05:00"', 'content="2013-06-05T09:00:00Z"')
    assert html.parse(other).published == "2013-06-06T23:12:00Z", "a time of another day is passed over"


BRIDGE = ("<p>The mayor of Springfield said on Monday that the old bridge over the Elm river will close in May for "
          "repairs lasting six weeks, and that traffic will go through the town centre.</p>")


def test_a_page_nested_past_libxml2s_256_levels_keeps_its_text(tmp_path):
    """Unclosed <div>s nest as deep as they are many; libxml2 stops building the tree at 256 levels."""
    page = tmp_path / "unclosed.html"
    page.write_text("<html><head><title>Bridge to close</title></head><body>" + "<div>" * 400 + BRIDGE * 2
                    + "</body></html>", encoding="utf-8")
    [article] = read_inputs([page])
    assert isinstance(article, Article) and article.title == "Bridge to close"
    assert article.text.count("The mayor of Springfield said on Monday") == 2


def test_control_characters_in_a_page_are_dropped_not_the_page(tmp_path):
    page = tmp_path / "controls.html"
    page.write_text("<html><head><title>Bridge</title></head><body>" + BRIDGE.replace("on Monday", "\x1b[31mon\x0c"
                    "Monday\x07") + "</body></html>", encoding="utf-8")
    [article] = read_inputs([page])
    assert isinstance(article, Article)
    assert article.text.startswith("The mayor of Springfield said on Monday that the old bridge")


def _with_metadata(site_name: str, author: str) -> html.Parsed:
    return html.parse(f"<html><head><title>Bridge</title><meta property='og:site_name' content='{site_name}'>"
                      f"<meta name='author' content='{author}'></head><body><article>{BRIDGE}</article></body></html>")


def test_metadata_holding_markup_or_a_script_url_names_no_outlet_or_author():
    parsed = _with_metadata("<img src=x onerror=alert(2)>", "javascript:alert(3)")
    assert parsed.outlet is None
    assert parsed.authors == []
    assert parsed.text.startswith("The mayor of Springfield said on Monday")
    kept = _with_metadata("Springfield Shopper", "Kent Brockman")
    assert kept.outlet == "Springfield Shopper"
    assert kept.authors == ["Kent Brockman"]
