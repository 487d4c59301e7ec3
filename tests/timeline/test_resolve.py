from __future__ import annotations

import dataclasses

import pytest

from storyweave.cluster.batch import cluster
from storyweave.timeline import find, story_timeline


def _values(text, published=None, fallback=None):
    return [(e.text, e.value) for e in find(text, published, fallback)]


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("The fire broke out on June 13, 2013 in Malibu.", None, [("June 13, 2013", "2013-06-13")]),
    ("Sentenced in June 1998 and again in 1999.", None, [("June 1998", "1998-06"), ("in 1999", "1999")]),
    ("Police said on Monday that he fled.", "2013-05-08", [("on Monday", "2013-05-06")]),
    ("He left last Friday.", "2013-05-10", [("last Friday", "2013-05-03")]),
    ("Yesterday the court met; two days later it ruled.", "2013-05-08",
     [("Yesterday", "2013-05-07"), ("two days later", "2013-05-09")]),
    ("He was arrested two days after the May 3, 2013 fire.", None,
     [("two days after", "2013-05-05"), ("May 3, 2013", "2013-05-03")]),
    ("Earlier this month the council voted.", "2013-05-08", [("Earlier this month", "2013-05")]),
    ("Dated 11 / 30 / 09 at noon.", None, [("11 / 30 / 09", "2009-11-30")]),
    ("He may 10 times refuse; he said it in March.", "2013-05-08", [("in March", "2013-03")]),
])
def test_expressions_and_their_dates(text, published, expected):
    assert _values(text, published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Updated Thursday , May 2 , 2013 . She checked in today .", None,
     [("May 2 , 2013", "2013-05-02"), ("today", "2013-05-02")]),
    ("The ship foiled an attack on 10 Nov 11 off Aden.", None, [("10 Nov 11", "2011-11-10")]),
    ("Sentenced for a 2012 car crash; between 1991 and 1998 he was in prison.", None,
     [("a 2012", "2012"), ("between 1991", "1991"), ("1998", "1998")]),
    ("A 2000 people marched; the cable failed often since late 2007.", None, [("late 2007", "2007")]),
    ("The trial will resume Monday; a hearing was scheduled for Wednesday.", "2013-04-12",
     [("Monday", "2013-04-15"), ("Wednesday", "2013-04-17")]),
    ("The trial of the man who shot two co-workers starts Monday.", "2012-09-10", [("Monday", "2012-09-10")]),
    ("He was convicted Tuesday, and will appeal.", "2013-04-24", [("Tuesday", "2013-04-23")]),
])
def test_datelines_two_digit_years_bare_years_and_forward_weekdays(text, published, expected):
    assert _values(text, published) == expected


def test_an_undated_article_takes_its_weekdays_but_not_its_yesterdays_from_the_story():
    assert _values("Police said on Monday that he fled, and yesterday he was seen.", None, "2013-05-08") == [
        ("on Monday", "2013-05-06")]


def test_relative_dates_with_nothing_to_anchor_them_are_not_invented():
    assert _values("Two days ago he said so, and on Monday he left.") == []


def test_a_day_of_the_month_takes_its_month_from_the_nearest_explicit_date():
    text = "On the 18th, a deputy answered. The paper reported on June 18 that the port closes from the 20th."
    assert _values(text, None, "2022-06-19") == [
        ("On the 18th", "2022-06-18"), ("June 18", "2022-06-18"), ("from the 20th", "2022-06-20")]


def test_seed_004_dates_the_duma_statement_and_the_pipeline_shutdown(seed_articles):
    articles = [dataclasses.replace(a) for a in seed_articles.values()]
    story = cluster(articles)[0]
    events = story_timeline(story, {a.id: a for a in articles})
    article_004 = seed_articles["004"].id
    by_date = {}
    for event in events:
        for source in event.sources:
            by_date.setdefault(event.date, []).append((source.article_id, source.text))
    assert any(aid == article_004 and "Duma" in text for aid, text in by_date["2022-06-18"])
    assert any(aid == article_004 and "shut down the oil" in text for aid, text in by_date["2022-06-20"])
    for event in events:
        for source in event.sources:
            assert seed_articles_text(seed_articles, source.article_id)[source.start:source.end] == source.text
    assert "Two days ago" not in " ".join(e.text for e in events)


def seed_articles_text(seed_articles, article_id):
    return next(a.text for a in seed_articles.values() if a.id == article_id)


def test_a_birth_date_does_not_date_an_undated_text():
    text = ("Pin-up model Bettie Page died yesterday at a Los Angeles hospital. Born on April 22, 1923, in Nashville, "
            "Page said she grew up in a family so poor that an orange was a gift.")
    assert [(e.text, e.value) for e in find(text)] == [("April 22, 1923", "1923-04-22")]


def test_an_undated_text_is_dated_by_its_dateline_else_by_its_latest_full_date():
    dateline = "Friday August 2, 2013 Ellen DeGeneres said yesterday she will host the Oscars on March 2, 2014."
    assert [(e.text, e.value) for e in find(dateline)][-2:] == [("yesterday", "2013-08-01"),
                                                                 ("March 2, 2014", "2014-03-02")]
    body = ("The company has struggled for years. " * 9 + "It was founded on May 5, 1950, and listed on June 3, 1987. "
            "Its chief executive resigned yesterday.")
    assert [e.value for e in find(body)] == ["1950-05-05", "1987-06-03", "1987-06-02"]


@pytest.mark.parametrize(("text", "expected"), [
    ("TUESDAY, MARCH 12, 2013, 9:36 AM Anger over the death of a teenager fueled a riot.", [("2013-03-12", "mdy")]),
    ("Seacom started to experience problems on Saturday, 8 October 2011, it said.", [("2011-10-08", "dmy")]),
    ("All circuits were back as of 4 November 02:00 GMT, after the repair of 29 October 2011.",
     [("2011-11-04", "dm"), ("2011-10-29", "dmy")]),
])
def test_a_weekday_before_a_date_is_that_dates_and_a_time_after_a_month_is_no_day(text, expected):
    """Read on its own, the weekday was counted back from the published day (a week early when that is a week
    later), and "November 02:00" was read as November 2."""
    found = find(text, "2011-11-08" if "2011" in text else "2013-03-19")
    assert [(e.value, e.kind) for e in found] == expected


def test_weeks_months_or_years_after_an_undated_event_are_not_counted_from_the_report():
    """UCI headlines: "… Gets Married 8 Months After Breakup" had dated the wedding eight months after the report;
    days after an event ("a day before the game") are most often the story's own, near the report's day."""
    assert find("Stacy Keibler Gets Married 8 Months After Breakup", "2014-03-20") == []
    assert find("A Week After Mt. Gox Collapse, Japan Struggles to Understand Bitcoin", "2014-03-10") == []
    assert [e.value for e in find("A day before the game he was hurt.", "2014-03-20")] == ["2014-03-19"]
    assert [e.value for e in find("He was freed two months after the May 3 fire.", "2014-06-20")][:1] == ["2014-07"]
