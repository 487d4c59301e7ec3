from storyweave.ingest import html
from tests.conftest import FIXTURES


def _page():
    return html.parse((FIXTURES / "html" / "esther_williams.html").read_text(encoding="utf-8"))


def test_metadata_from_the_page():
    parsed = _page()
    assert parsed.title == "Hollywood's Mermaid, Esther Williams dies at 91"
    assert parsed.published == "2013-06-06"
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
