"""Date stamps glued to the first sentence, on lines as ECB+ scrapes give them."""

import pytest

from storyweave.ingest.byline import glued_stamp
from storyweave.ingest.clean import glued_date


@pytest.mark.parametrize("lines,date", [
    (["Published December 23, 2012 Andrew Luck threw for 205 yards to break the single-season rookie record."],
     "2012-12-23"),
    (["Lohan heads to rehab", "Fri., May. 3, 2013 11:45 AM PDT Early Friday morning, around 1 a.m., she left."],
     "2013-05-03T11:45:00"),
    (["May 2, 2013 | 5: 03pm “The “Mean Girls” star checked in,” her lawyer said."], "2013-05-02"),
    (["on Jul 7 2012, 5: 55p Wladimir Klitschko won his 16th straight fight today."], "2012-07-07"),
    (["12:52 p. m. EDT May 2, 2013 She checked in today, Lohan lawyer Mark Heller said."], "2013-05-02"),
    (["December 7, 1941 was a date which will live in infamy, the president said."], None),
    (["On May 2, 2013, the judge ordered Lohan into a rehabilitation centre."], None),
    (["One", "Two", "May 2, 2013 The third line is no opening any more."], None),
])
def test_a_stamp_glued_to_the_opening_sentence_gives_the_date(lines, date):
    assert glued_date(lines) == date


@pytest.mark.parametrize("line,sentence", [
    ("on Dec 23 2012, 5: 03p Andrew Luck wielded his fourth quarter magic wand yet again.", "Andrew Luck"),
    ("May 2, 2013 | 5: 03pm “The “Mean Girls” star checked in,” her lawyer said.", "“The"),
    ("December 7, 1941 was a date which will live in infamy.", "December"),
])
def test_a_glued_stamp_ends_where_its_sentence_starts(line, sentence):
    assert line[glued_stamp(line):].startswith(sentence)
