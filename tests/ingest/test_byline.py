from __future__ import annotations

import pytest

from storyweave.ingest.byline import (
    Byline,
    date_stamps,
    find_date,
    glued_stamp,
    leading_stamp,
    parse_date_line,
    parse_metadata_line,
    stamp_date,
)
from storyweave.ingest.months import months


@pytest.mark.parametrize("text, rest", [
    ("Posted: Friday, March 8, 2013 2:39 pm Doug McDermott scored 23 points.", "Doug McDermott"),
    ("First Published: June 13, 2013 4:59 PM EDT Lindsay Lohan has left", "Lindsay Lohan"),
    ("26 September 2013, 10:00 (GMT+05: 00) Parliamentary elections in", "Parliamentary"),
    ("2 / 3 / 2009 5:59:13 PM San Diego Chargers defensive tackle", "San Diego"),
    ("PUBLISHED: 22:07 GMT, 7 July 2012 UPDATED: 22:07 GMT, 7 July 2012 Wladimir Klitschko", "Wladimir"),
    ("July 28, 2004 NASA said the launch would wait.", "NASA said"),
    ("Edited on Mon Dec-19-05 03:49 PM Mob boss Vincent Gigante died.", "Mob boss"),
])
def test_a_date_stamp_glued_to_the_first_sentence_ends_where_the_sentence_starts(text, rest):
    assert text[leading_stamp(text):].startswith(rest)


@pytest.mark.parametrize("line,sentence", [
    ("on Dec 23 2012, 5: 03p Andrew Luck wielded his fourth quarter magic wand yet again.", "Andrew Luck"),
    ("May 2, 2013 | 5: 03pm “The “Mean Girls” star checked in,” her lawyer said.", "“The"),
    ("December 7, 1941 was a date which will live in infamy.", "December"),
    ("Thursday 29 July 2004 08. 23 BST One of the longest-running mysteries may soon be resolved.", "One"),
    ("Published: 09 Sep 2013 11:25 GMT+02: 00 Updated: 09 Sep 2013 11:25 GMT+02: 00 Ram-raiders ploughed", "Ram-"),
    ("At 5:00 a man was seen near the bank.", "At 5:00"),
    ("Updated 9:06 AM A woman has died after being hit by a car that fled the scene in Queens.", "A woman"),
    ("Friday, Sep 10, 2010 | Updated 8:52 PM EDT \"She's not a loose cannon,\" he said.", "\"She's"),
    ("Last Updated: 11:24 am BST Rescuers reached the village.", "Rescuers"),
    ("Posted at 9:30 p.m. Sunday, the video was seen by thousands.", "Posted"),
])
def test_a_glued_stamp_ends_where_its_sentence_starts(line, sentence):
    assert line[glued_stamp(line):].startswith(sentence)


def test_a_stamp_of_a_time_alone_dates_nothing_and_prose_about_an_update_is_no_stamp():
    text = "Updated 9:06 AM A woman has died."
    assert stamp_date(text, glued_stamp(text)) is None
    text = "Lawyer: actress checks into rehab facility Updated 4:08 p. m. ET The actress's attorney said so."
    assert [text[s:e] for s, e in date_stamps(text)] == ["Updated 4:08 p. m. ET "]
    assert date_stamps("The page was updated 9:06 AM to add the toll.") == []


@pytest.mark.parametrize("text", ["On May 5, 2013 the council met.", "Five people died on Monday.",
                                  "2013 was a hard year for the town."])
def test_a_sentence_that_only_mentions_a_date_has_no_stamp(text):
    assert leading_stamp(text) == 0


def test_a_stamp_after_a_glued_headline_is_found_but_a_sentence_about_an_update_is_none():
    text = "Nixon aide was 'bagman' in cover-up updated 7 / 28 / 2004 3:02:00 PM ET Fred LaRue has died."
    assert [text[s:e] for s, e in date_stamps(text)] == ["updated 7 / 28 / 2004 3:02:00 PM ET "]
    assert date_stamps("The story was updated on Monday to add the toll of 12 dead.") == []
    text = "Red Sox ink slugger for eight years 12 / 16 / 08 1:30 AM EST Though the Red Sox continue to operate."
    assert [text[s:e] for s, e in date_stamps(text)] == ["12 / 16 / 08 1:30 AM EST "]   # a date with its clock
    assert date_stamps("The vote of 12 / 16 / 08 stands.") == []


@pytest.mark.parametrize("stamp, date", [
    ("14 / 09 / 2013 ", "2013-09-14"),      # the day is the number over 12
    ("09 / 14 / 2013 ", "2013-09-14"),
    ("04 / 04 / 2012 ", "2012-04-04"),      # either way round
    ("8:13 AM PDT 8 / 2 / 2013 ", "2013-08-02"),   # an American zone: month first
    ("08 / 02 / 2013 11:10 am EDT ", "2013-08-02"),
    ("8 / 2 / 2013 8:13 BST ", "2013-02-08"),      # a British one: day first
    ("Edited on Mon Dec-19-05 03:49 PM ", "2005-12-19"),
    ("05 / 02 / 2013 ", None),              # May 2 or February 5: nothing tells
    ("Thu 05 / 02 / 2013 ", "2013-05-02"),  # May 2, 2013 was a Thursday, February 5 a Tuesday
    ("Tue 05 / 02 / 2013 ", "2013-02-05"),
    ("05 / 02 / 2013 Lohan checked in on May 1.", "2013-05-02"),    # a day the report names, days before
    ("05 / 02 / 2013 A judge on Feb. 4 ordered her into rehab.", "2013-02-05"),
    ("05 / 02 / 2013 A judge in February ordered her into rehab.", None),    # a month alone is no evidence
    ("05 / 02 / 2013 She may 2 times.", None),                               # nor is the verb
    ("05 / 02 / 2013 The ruling of May 1 and the appeal of Feb. 4 stand.", None),   # both fit: nothing tells
    ("31 / 31 / 2013 ", None),
])
def test_a_slashed_date_is_read_only_when_its_order_can_be_told(stamp, date):
    assert stamp_date(stamp, len("05 / 02 / 2013 ") if stamp.startswith("05 /") else len(stamp)) == date


@pytest.mark.parametrize("text, date", [
    ("on Jul 7 2012, 5: 55p Wladimir Klitschko won", "2012-07-07T17:55:00"),   # a blog's "p" before a name
    ("May 2, 2013 5:55 p and more", "2013-05-02T05:55:00"),                   # a lone letter is no "pm"
    ("Dec. 20 2005 12:00 a. m. MST Mob boss", "2005-12-20T00:00:00"),
])
def test_a_time_after_a_date_keeps_its_half_of_the_day(text, date):
    assert find_date(text)[0] == date


def test_the_first_date_is_the_earliest_in_the_text_whatever_its_format():
    text = "26 September 2013, 10:00 Elections planned for December 15, 2013 will be held."
    assert find_date(text) == ("2013-09-26T10:00:00", (0, 24))


@pytest.mark.parametrize("line, date", [
    ("13 июня 2013 года", "2013-06-13"),
    ("Опубликовано: 13 июня 2013 г., 14:25", "2013-06-13T14:25:00"),
    ("13 червня 2013 року", "2013-06-13"),
    ("Montag, 13. Juni 2013, 14:25 Uhr", "2013-06-13T14:25:00"),
    ("Veröffentlicht am 13. Juni 2013", "2013-06-13"),
    ("mardi 13 juin 2013", "2013-06-13"),
    ("Publicado el 13 de junio de 2013", "2013-06-13"),
    ("13. června 2013", "2013-06-13"),
    ("13. lipnja 2013.", "2013-06-13"),
    ("13 czerwca 2013 r.", "2013-06-13"),
    ("Friday, June 7, 2013", "2013-06-07"),         # ECB+ dev: a capitalised weekday had stopped the line
    ("MONDAY, MAY 23, 2005", "2005-05-23"),
    ("21 July 2013 Last updated at 11:11 GMT", "2013-07-21T11:11:00"),   # BBC's stamp, an ECB+ dev title
    ("June 06, 2013, updated 4:05 pm", "2013-06-06T16:05:00"),
])
def test_a_date_line_is_read_in_any_language_dateparser_names_months_in(line, date):
    assert parse_date_line(line) == (date, False)


@pytest.mark.parametrize("line", [
    "Он сказал 13 июня 2013 года, что уйдёт",        # a sentence that holds a date is no date line
    "13 listopad 2013",                              # November in Czech and Polish, October in Croatian
    "5 here 2013",                                    # Breton's October is an English word first
    "21 July 2013 Last updated at 11:11 by the desk",  # a label and a time, then words that are no zone
])
def test_a_line_is_a_date_line_only_when_all_of_it_is_one_date(line):
    assert parse_date_line(line) is None


def test_month_names_are_one_month_whatever_language_gave_them():
    names = months()
    assert names["may"] == names["мая"] == names["mai"] == names["maja"] == 5
    assert names["janeiro"] == 1 and names["grudnia"] == 12 and names["sept"] == 9
    assert "listopad" not in names and "listopada" not in names and "here" not in names and "set" not in names


@pytest.mark.parametrize("line, published, source", [
    ("2022年06月19日 10:15  来源：新华社", "2022-06-19T10:15:00", "新华社"),
    ("June 19, 2022 Source: Reuters", "2022-06-19", "Reuters"),
])
def test_a_date_before_a_source_label_is_the_published_date(line, published, source):
    found = Byline()
    assert parse_metadata_line(line, found)
    assert (found.published, found.reposted_from) == (published, source)


def test_words_before_a_label_are_no_date():
    found = Byline()
    assert parse_metadata_line("Breaking news Source: Reuters", found) and found.published is None
