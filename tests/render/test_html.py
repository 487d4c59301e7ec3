import re

from storyweave.ingest import read_inputs
from storyweave.model import Article, Rejected, Removed, Report
from storyweave.render import render_html, write_report
from tests.conftest import FIXTURES

ATTACK = "<script>alert(1)</script>"


def test_markup_in_an_article_renders_as_text():
    article = Article(id="x", source_path="<img src=x onerror=alert(9)>.txt", title=ATTACK,
                      text='<img src=x onerror=alert(2)> <a href="javascript:alert(3)">link</a>',
                      authors=["<b>bold</b>"], removed=[Removed("<script>evil()</script>", "<i>why</i>")])
    page = render_html(Report(articles=[article], rejected=[Rejected("<svg onload=alert(4)>", ATTACK, "x")]))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page and "<svg" not in page and "<b>bold" not in page
    assert 'href="javascript:' not in page


def test_hostile_page_from_disk_renders_inert():
    records = list(read_inputs([FIXTURES / "html" / "hostile.html"]))
    article = records[0]
    assert isinstance(article, Article)
    assert "<script>alert(1)</script>" in article.title
    assert "<img src=x onerror=alert(2)>" in article.text
    page = render_html(Report(articles=records))
    assert re.search(r"<script", page, re.I) is None
    assert re.search(r"<img", page, re.I) is None
    assert "javascript:alert(3)" not in re.findall(r'href="([^"]*)"', page)


def test_page_is_self_contained(seed_articles, tmp_path):
    _, html_path = write_report(Report(articles=list(seed_articles.values())), tmp_path)
    page = html_path.read_text(encoding="utf-8")
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page)
    assert "Content-Security-Policy" in page
    for article in seed_articles.values():
        assert article.id in page
    assert "comment form" in page and "Leave a Reply" in page


def test_a_contradicted_claim_shows_what_each_source_says(disputed_reports):
    from storyweave.claims import story_claims
    from storyweave.model import Story

    story = Story("s", "A fire in Lyon", ["a", "b"])
    claims = story_claims(story, {a.id: a for a in disputed_reports})
    page = render_html(Report(articles=disputed_reports, stories=[story], claims=claims))
    claims_section = page[page.index('id="claims"'):page.index('id="timeline"')]
    assert "12 people were injured" in claims_section and "31 people were injured" in claims_section
    assert claims_section.count('class="against"') == 2


def test_a_quote_by_someone_unnamed_shows_who_as_written_and_escaped():
    from dataclasses import replace

    from storyweave.model import Span
    from tests.quotes.stories import quotes_of

    text = "Some of the pellets hit the victims and some did not, police said."
    [quote] = quotes_of(text)
    article = Article(id="a0", source_path="a0", text=text, language="en")
    page = render_html(Report(articles=[article], quotes=[quote]))
    quotes_section = page[page.index('id="quotes"'):page.index('id="claims"')]
    assert '<span class="unnamed" title="no name given: as the article writes it">police</span>' in quotes_section
    assert "unknown speaker" not in quotes_section
    hostile = replace(quote, speaker_description=Span("a0", 0, 9, "<b>x</b>"))
    page = render_html(Report(articles=[article], quotes=[hostile]))
    assert "&lt;b&gt;x&lt;/b&gt;" in page and "<b>x</b>" not in page


def test_a_storys_dates_are_days_whatever_time_of_day_its_outlets_give():
    from storyweave.model import Story
    from storyweave.render.html import days

    assert days("2013-09-17T16:16:00", "2013-09-19") == "2013-09-17 – 2013-09-19"
    assert days("2013-09-09", "2013-09-09T14:08:00") == "2013-09-09"
    assert days(None, None) == "" and days("2012", "2013-01-05") == "2012 – 2013-01-05"
    story = Story(id="st-1", title="Paris hit by jewelry heist", article_ids=["a"],
                  first_published="2013-09-09", last_published="2013-09-09T14:08:00")
    page = render_html(Report(articles=[Article(id="a", source_path="a.txt", text="Thieves took jewels.")],
                              stories=[story]))
    assert '<p class="meta">1 articles &middot; 2013-09-09</p>' in page
