"""Cleaning a body: the date of a stamp glued to the first sentence (on lines as ECB+ scrapes give them), and
control characters out of every field."""

import pytest

from storyweave.ingest.clean import glued_date, visible


@pytest.mark.parametrize("lines,date", [
    (["Published December 23, 2012 Andrew Luck threw for 205 yards to break the single-season rookie record."],
     "2012-12-23"),
    (["Lohan heads to rehab", "Fri., May. 3, 2013 11:45 AM PDT Early Friday morning, around 1 a.m., she left."],
     "2013-05-03T11:45:00"),
    (["May 2, 2013 | 5: 03pm “The “Mean Girls” star checked in,” her lawyer said."], "2013-05-02"),
    (["on Jul 7 2012, 5: 55p Wladimir Klitschko won his 16th straight fight today."], "2012-07-07T17:55:00"),
    (["12:52 p. m. EDT May 2, 2013 She checked in today, Lohan lawyer Mark Heller said."], "2013-05-02"),
    (["Friday August 2, 2013 @ 8: 13am PDT Ellen DeGeneres just tweeted she will be hosting the Oscars."],
     "2013-08-02T08:13:00"),
    (["7: 00pm UK, Wednesday 05 May 2010 Three people have died after rioters in Greece set fire to a bank."],
     "2010-05-05"),
    (["WASHINGTON, DC, April 28, 2009 The Obama administration today revoked an eleventh-hour Bush-era rule."],
     "2009-04-28"),
    (["on Tuesday, 16 December 2008 13:45. The Boston Red Sox have made the biggest offer in club history."],
     "2008-12-16T13:45:00"),
    (["Sat Nov 12 2011, 01:19 hrs Warship INS Sukanya on Thursday foiled a piracy attempt."], "2011-11-12T01:19:00"),
    (["Published: Tuesday, Dec. 20 2005 12:00 a. m. MST Mob boss Vincent Gigante died."], "2005-12-20T00:00:00"),
    (["26 September 2013, 10:00 (GMT+05: 00) Parliamentary elections in Turkmenistan, planned for December 15, "
      "2013, will be held on a two-party basis."], "2013-09-26T10:00:00"),
    (["For immediate release: July 13, 2009 The American Medical Association is delighted."], "2009-07-13"),
    (["8:13 AM PDT 8 / 2 / 2013 She will make her second appearance as the show's emcee."], "2013-08-02"),
    (["Last updated 13:26 14 / 09 / 2013 A 36-year-old Australian climber is dead."], "2013-09-14"),
    (["Updated 11 / 27 / 2005 3:41 PM Strong earthquake jolts southern Iran."], "2005-11-27"),
    (["First Posted 23:37:00 05 / 05 / 2010 A fire-bomb attack on a bank in Greece killed three people."],
     "2010-05-05"),
    (["Updated 4 / 9 / 2007 6:04 PM A man suspected of shooting three people was arrested."], None),
    # after a headline glued before it: a label opens the stamp, or a slashed date has its clock time
    (["Lawyer: Nixon aide was 'bagman' in cover-up updated 7 / 28 / 2004 3:02:00 PM ET Fred LaRue, a high-ranking "
      "Nixon administration official, has died."], "2004-07-28"),
    (["Red Sox ink slugger for eight years 12 / 16 / 08 1:30 AM EST Though the Red Sox continue to operate."],
     "2008-12-16"),
    (["On Tue, 16 / 08 / 2011-13:42 An undersea telecommunications cable cut on Tuesday."], "2011-08-16"),
    (["Actress Lindsay Lohan finally checked into rehab late Thursday. PUBLISHED: THURSDAY, MAY 2, 2013, 1:32 PM "
      "UPDATED: FRIDAY, MAY 3, 2013, 9:56 AM Lindsay Lohan checked into the Betty Ford Center."],
     "2013-05-02T13:32:00"),
    (["A judge ordered the actress into rehab in 2012 after the crash on May 1, 2012, and more."], None),
    (["December 7, 1941 was a date which will live in infamy, the president said."], None),
    (["On May 2, 2013, the judge ordered Lohan into a rehabilitation centre."], None),
    (["One", "Two", "May 2, 2013 The third line is no opening any more."], None),
])
def test_a_stamp_glued_to_the_opening_sentence_gives_the_date(lines, date):
    assert glued_date(lines) == date


def test_control_characters_leave_an_articles_fields_and_line_breaks_stay_breaks():
    assert visible("Mayor\x1b[1;31m said\x1b[0m it\x00 will\x07 close.") == "Mayor said it will close."
    assert visible("One.\fTwo.\r\nThree.\rFour.\u2028Five.\x85Six.\vSeven.") == \
        "One.\nTwo.\nThree.\nFour.\nFive.\nSix.\nSeven."
    assert visible("tab\tand newline\nstay; Łódź, 北京 and “quotes” too") == \
        "tab\tand newline\nstay; Łódź, 北京 and “quotes” too"
