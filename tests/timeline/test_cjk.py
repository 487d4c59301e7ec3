"""Chinese and Japanese time expressions, read into the English rules' terms."""

from __future__ import annotations

from storyweave.timeline import find


def _values(text: str, language: str, published: str | None = "2022-06-19") -> list[tuple[str, str]]:
    return [(e.text, e.value) for e in find(text, published, None, language)]


def test_full_and_partial_dates_in_chinese():
    text = "2022年6月17日，总统在论坛上发言。三天前，他抵达。去年，星期一，6月18日，18日和5号。"
    assert _values(text, "zh") == [("2022年6月17日", "2022-06-17"), ("三天前", "2022-06-16"), ("去年", "2021"),
                                   ("星期一", "2022-06-13"), ("6月18日", "2022-06-18"), ("18日", "2022-06-18"),
                                   ("5号", "2022-06-05")]


def test_japanese_dates_with_full_width_digits_and_lengths_of_time_left_out():
    text = "２０２０年１２月１日、東京で会談した。昨日と３日前、月曜日に。作業は３日間続いた。１９９０年代の話。"
    assert _values(text, "ja") == [("２０２０年１２月１日", "2020-12-01"), ("昨日", "2022-06-18"),
                                   ("３日前", "2022-06-16"), ("月曜日", "2022-06-13")]


def test_a_day_of_the_month_takes_its_month_from_the_nearest_full_date():
    assert _values("2021年3月2日に発表された。調査は５日に始まった。", "ja", None) == [
        ("2021年3月2日", "2021-03-02"), ("５日", "2021-03-05")]


def test_lines_of_wmt_versions_give_the_dates_of_the_english_line():
    """Sentence-aligned Chinese and Japanese versions: the dates the English lines state in full, their lines state
    (a year, a month and year, a full date; WMT versions carry no published date)."""
    from benchmarks.wmt import parallel, versions

    stories, articles = versions()
    english, theirs = set(), set()
    for story in stories:
        ids = {aid.rsplit(":", 1)[1]: aid for aid in story.article_ids}
        if "en" not in ids or not parallel(story, articles):
            continue
        for language in {"zh", "ja"} & set(ids):
            lines = zip(articles[ids["en"]].text.split("\n"), articles[ids[language]].text.split("\n"), strict=True)
            for number, (line_en, line) in enumerate(lines):
                english |= {(story.id, language, number, e.value) for e in find(line_en, None, None, "en")}
                theirs |= {(story.id, language, number, e.value) for e in find(line, None, None, language)}
    assert len(english) >= 50 and len(english & theirs) >= 0.85 * len(english)
    assert len(english & theirs) >= 0.85 * len(theirs)
