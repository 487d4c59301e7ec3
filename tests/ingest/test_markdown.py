"""Markdown pages as web-to-Markdown crawlers write news: front matter or a reader's header, then the body."""

import yaml

from storyweave.ingest import markdown, read_inputs
from storyweave.model import Article, Rejected
from tests.conftest import FIXTURES

PAGES = FIXTURES / "markdown"


def _one(path):
    [record] = list(read_inputs([path]))
    return record


def test_a_readers_header_gives_title_url_and_time_and_the_markup_is_read_as_text():
    page = _one(PAGES / "reader.md")
    assert isinstance(page, Article)
    assert page.title == "Kazakhstan's president refuses to recognise Donetsk and Luhansk"
    assert page.url == page.external_id == "https://news.example/world/2022/06/18/tokayev-spief"
    assert page.published == "2022-06-18T06:30:00Z"
    assert page.authors == ["Anna Petrova"], "the byline under the markup"
    assert page.text.startswith("Kazakhstan's president Kassym-Jomart Tokayev told the St. Petersburg International")
    for markup in ("](", "![", "**", "> ", "* * *", "Image 1"):
        assert markup not in page.text
    assert '"If the right of nations to self-determination' in page.text, "a block quotation is text"
    removed = {r.text: r.reason for r in page.removed}
    assert removed["Markdown Content:"] == "markdown: metadata header"
    assert removed["Share this article"] == "share/like/follow buttons"


def test_front_matter_gives_the_fields_a_json_record_would_and_a_table_row_is_one_line():
    page = _one(PAGES / "hugo.md")
    assert (page.title, page.published, page.outlet) == (
        "Fire destroys historic market hall in Lyon", "2024-06-03T06:15:00Z", "Lyon Daily")
    assert page.authors == ["Marie Dubois", "Paul Martin"]
    assert page.url == "https://lyon-daily.example/2024/06/03/market-fire"
    assert "\n\nWhat happened\n\n" in page.text, "a heading inside the body stays a line of it"
    assert "according to Captain Luc Bernard of the fire service" in page.text
    assert "\n\n03:00 | Fire starts\n\n" in page.text
    assert not page.text.startswith("---") and "tags:" not in page.text
    assert any(r.text == "tags: [fire, lyon]" and r.reason == "markdown: metadata header" for r in page.removed)


def test_a_leading_heading_is_the_title_and_without_one_the_first_sentence_stands_in(tmp_path):
    page = _one(PAGES / "plain.md")
    assert page.title == "Storm batters the coast of Brittany" and page.title_source is None
    assert page.text.startswith("A storm with winds of up to 150 km/h")
    (tmp_path / "untitled.md").write_text("Rescuers reached the village on Wednesday, officials said. More "
                                          "help is on the way.\n", encoding="utf-8")
    untitled = _one(tmp_path / "untitled.md")
    assert (untitled.title, untitled.title_source) == ("Rescuers reached the village on Wednesday, officials said.",
                                                       "first sentence")


def test_broken_or_hostile_front_matter_leaves_the_page_readable(tmp_path):
    """YAML aliases can make a few lines a structure too large to walk; bad YAML is text, not an error."""
    bomb = "\n".join(["---", 'a: &a ["x","x","x","x","x","x","x","x","x"]'] +
                     [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
                      f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]" for i in range(8)] +
                     ["title: Bomb", "---", "", "A storm hit the coast of Brittany on Tuesday, officials said."])
    (tmp_path / "bomb.md").write_text(bomb, encoding="utf-8")
    nested = yaml.safe_load(bomb.split("---")[1])["i"]
    assert markdown._plain(nested) is None, "nine levels of nine: 387 million strings to walk"
    page = _one(tmp_path / "bomb.md")
    assert (page.title, page.text) == ("Bomb", "A storm hit the coast of Brittany on Tuesday, officials said.")
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\n\nA storm hit the coast on Tuesday, officials "
                                     "said.\n", encoding="utf-8")
    bad = _one(tmp_path / "bad.md")
    assert isinstance(bad, Article) and "A storm hit the coast on Tuesday" in bad.text
    (tmp_path / "empty.md").write_text("---\ntitle: Only metadata\n---\n\n![photo](x.jpg)\n", encoding="utf-8")
    assert isinstance(_one(tmp_path / "empty.md"), Rejected)


def test_a_heading_that_repeats_the_front_matters_headline_is_left_out_of_the_body(tmp_path):
    (tmp_path / "repeat.md").write_text("---\nheadline: Fire in Lyon\n---\n\n# Fire in Lyon\n\nA fire destroyed the "
                                        "market hall on Monday, officials said.\n", encoding="utf-8")
    page = _one(tmp_path / "repeat.md")
    assert (page.title, page.text) == ("Fire in Lyon", "A fire destroyed the market hall on Monday, officials said.")


def test_a_readers_markdown_saved_as_text_is_read_as_markdown(tmp_path):
    (tmp_path / "reader.txt").write_bytes((PAGES / "reader.md").read_bytes())
    page = _one(tmp_path / "reader.txt")
    assert page.title == "Kazakhstan's president refuses to recognise Donetsk and Luhansk"
    assert page.url == "https://news.example/world/2022/06/18/tokayev-spief" and "](" not in page.text
