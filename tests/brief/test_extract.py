from __future__ import annotations

import dataclasses

import pytest

from storyweave.brief import brief as brief_from_claims
from storyweave.claims import story_claims
from storyweave.cluster.batch import cluster
from storyweave.model import Article, Story
from tests.conftest import wmt_versions


def brief(story, articles):
    return brief_from_claims(story, articles, story_claims(story, {a.id: a for a in articles}))


def _seed_brief(seed_articles):
    articles = [dataclasses.replace(a) for a in seed_articles.values()]
    story = cluster(articles)[0]
    return brief(story, articles), {a.id: a for a in articles}


def test_every_sentence_cites_spans_that_hold_their_text(seed_articles):
    summary, by_id = _seed_brief(seed_articles)
    assert 4 <= len(summary) <= 10
    for sentence in summary:
        assert sentence.citations
        for span in sentence.citations:
            assert by_id[span.article_id].text[span.start:span.end] == span.text
            assert span.text in sentence.text or sentence.citations[0].text in sentence.text


def test_corroborated_facts_lead_and_single_source_ones_are_attributed(seed_articles):
    summary, by_id = _seed_brief(seed_articles)
    first = summary[0]
    assert len({by_id[c.article_id].id for c in first.citations}) >= 3
    assert "193" in first.text and "600" in first.text
    for sentence in summary:
        sources = {c.article_id for c in sentence.citations}
        if len(sources) == 1 and not sentence.text.startswith("Commentary"):
            assert sentence.text.startswith("According to ")


def test_the_writers_commentary_is_labelled(seed_articles):
    summary, _ = _seed_brief(seed_articles)
    commentary = [s for s in summary if s.text.startswith("Commentary in ")]
    assert commentary
    reports = [s.text for s in summary if not s.text.startswith("Commentary in ")]
    assert not any(word in text for text in reports for word in ("obviously", "it is reasonable", "I think"))


def test_a_copy_is_not_counted_as_a_second_source(seed_articles):
    original = dataclasses.replace(seed_articles["003"])
    copy = dataclasses.replace(original, id="copy-of-003", duplicate_of=original.id)
    story = Story("s", "t", [original.id, copy.id])
    summary = brief(story, [original, copy])
    assert summary and all(c.article_id == original.id for s in summary for c in s.citations)
    assert all(s.text.startswith(("According to Wenhui.com: ", "Commentary in Wenhui.com: ")) for s in summary)


def test_a_story_of_headlines_only_still_gets_a_cited_line():
    article = Article(id="h1", source_path="x", text="Bank official says weak sales caused by snow, should not slow "
                                                         "rate rises", title="Bank official says", outlet="LA Times")
    summary = brief(Story("s", "t", ["h1"]), [article])
    assert len(summary) == 1 and summary[0].citations[0].text == article.text
    assert summary[0].text == "According to LA Times: " + article.text, "reported speech is not commentary"


def test_the_same_statement_with_other_numbers_is_shown_as_a_disagreement(disputed_reports):
    summary = brief(Story("s", "t", ["a", "b"]), disputed_reports)
    differ = [s for s in summary if s.text.startswith("Sources differ:")]
    assert len(differ) == 1
    assert {c.article_id for c in differ[0].citations} == {"a", "b"}
    assert "12 people" in differ[0].text and "31 people" in differ[0].text
    agreed = [s for s in summary if "burned for several hours" in s.text]
    assert agreed and len({c.article_id for c in agreed[0].citations}) == 2


def test_a_story_told_in_several_languages_is_titled_and_briefed_in_its_reading_language():
    """Seven translations of one English report: the brief and the title are English throughout, not a
    sentence from each version."""
    articles = wmt_versions("wmt22:euronews-en.19225")
    story = cluster(articles)[0]
    assert len(story.article_ids) == len(articles)
    by_id = {a.id: a for a in articles}
    assert story.title == next(a.title for a in articles if a.language == "en")
    summary = brief(story, articles)
    assert len(summary) >= 4
    assert {by_id[sentence.citations[0].article_id].language for sentence in summary} == {"en"}


_DALEMBERT = "Samuel Dalembert agreed to a six year deal with the Philadelphia 76ers on Saturday, his agent said."
_NAKAJIMA = "日本代表の中島翔哉選手が、所属クラブを離れる見通しだと現地の新聞が伝えた。"


@pytest.mark.parametrize(("text", "language", "title", "name"), [
    (_DALEMBERT, "en", "Agent says Sixers to sign Dalembert to six-year deal", "“Agent says Sixers to sign Dalembert…”"),
    (_DALEMBERT, "en", "Agent says Sixers sign Dalembert", "“Agent says Sixers sign Dalembert”"),
    (_NAKAJIMA, "ja", "中島翔哉、優勝セレモニー欠席は自らの選択？ 現地メディア報じる", "“中島翔哉、優勝セレモニー…”"),  # no spaces: letters
    (_NAKAJIMA, "ja", "中島が退団へ", "“中島が退団へ”"),
])
def test_a_source_without_an_outlet_is_named_by_its_headline_cut_short(text, language, title, name):
    article = Article(id="d", source_path="x", text=text, language=language, title=title)
    [sentence] = brief(Story("s", "t", ["d"]), [article])
    assert sentence.text == f"According to {name}: {text}"


def test_a_sentence_that_is_only_a_quotation_is_given_to_its_speaker():
    """ECB+ dev (34_9ecbplus): "In Dr. Benjamin, we have a brilliant physician …" is a quotation whose speaker,
    Sister Carol Keehan, stands in the sentence before; stated bare, it read as the brief's own praise. A sentence
    that holds its attribution ("Sr. Keehan said the nominee will "enrich the nation" …") stays as it is."""
    from storyweave.model import Claim, Span
    from storyweave.nlp.sentences import spans
    from storyweave.quotes import quotes_for
    from tests.conftest import ecbplus_articles

    [article] = ecbplus_articles("34_9ecbplus")
    story = Story("s", "t", [article.id])
    quotes = quotes_for([story], [article])

    def rendered(opening: str, sources: int, with_quotes=True) -> str:
        start, end = next((s, e) for s, e in spans(article.text) if article.text[s:e].startswith(opening))
        claim = Claim(id="c", text=article.text[start:end], kind="report", support=[Span.of(article, start, end)],
                      contradict=[],
                      independent_sources=sources, story_id="s")
        [sentence] = brief_from_claims(story, [article], [claim], quotes if with_quotes else [])
        return sentence.text

    praise = '"In Dr. Benjamin, we have a brilliant physician'
    assert rendered(praise, 2).startswith("Sister Carol Keehan: " + praise)
    assert rendered(praise, 1).startswith(
        "According to “Obama nominates rural Catholic doctor as…”, Sister Carol Keehan said: " + praise)
    assert rendered(praise, 2, with_quotes=False).startswith(praise)
    assert rendered("Sr. Keehan said the nominee", 2).startswith("Sr. Keehan said the nominee")
