"""He and she go to a speaker of their gender: the article's own evidence of who is a woman or a man.

The passages are from ECB+ documents (CC BY 3.0), shortened."""

from __future__ import annotations

from storyweave.quotes.gender import NEUTER, People
from tests.quotes.stories import quotations_of, renderings_of

PAGE = ("Pinup queen Bettie Page was credited with helping to usher in the sexual revolution. Playboy founder Hugh "
        "Hefner said her appearance in his magazine's first year was a milestone. “They were playful parodies that "
        "are now perceived as the early inspiration for Madonna's excursions,” Hefner said. Perhaps the most "
        "memorable photos of Page were her bondage poses, which she said were all pretend. “I never understood how "
        "anyone believed those poses were sexy,” she later said.")
TROY = ("\"I'm not positive all three of the people were targeted, but there appeared to be some purpose,\" Troy Police "
        "Chief Charles Craft said. The families of the two wounded men requested total privacy, and the hospital "
        "would not release any details about their conditions, Beaumont Hospital spokeswoman Ilene Wolfe said. She "
        "said the third victim died on the way to the hospital.")
GOMES = ("The bodies of Robyn Mendes, 48, and Gomes' mother, Catherine Gomes, 61, were found by police in a "
         "second-floor apartment, said DA spokesman Gregg Miliote. Both women had been stabbed to death, Miliote said. "
         "Catherine Gomes lived in that apartment, he said.")


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(text[r.span.start:r.span.start + 20], r.speaker) for r in renderings_of(text)]


def test_she_is_not_the_man_who_spoke_last_but_the_woman_named_before():
    *hefner, page = [q.speaker for q in quotations_of(PAGE)]
    assert hefner and all(s.endswith("Hefner") for s in hefner) and page == "Page"


def test_she_said_after_a_woman_is_named_in_the_sentence_before():
    assert _speakers(TROY)[-1] == ("the third victim die", "Ilene Wolfe")


def test_he_said_is_not_the_woman_just_named_as_the_subject():
    assert _speakers(GOMES)[-1] == ("Catherine Gomes live", "Miliote")


def test_a_pronoun_with_no_one_of_its_gender_in_reach_stays_unattributed():
    text = ("Kate Winslet arrived at the premiere on Friday. “I never expected a film like this to find so many "
            "friends,” he said.")
    assert [q.speaker for q in quotations_of(text)] == [None]


def test_evidence_of_gender_in_the_article():
    people = People("Albany County District Attorney Dave Rossi spoke first. Mr. and Mrs. Smith arrived later, and "
                    "Governor Palin sent a note; the Los Angeles Times reported it. Kevin Gray's sister, Mahnefah Gray, "
                    "spoke too. The actress Jane Roe and Mrs. Benson came. Мария Захарова заявила об этом.")
    assert people.gender("Rossi") == "m" and people.gender("Dave Rossi") == "m"
    assert people.gender("Roe") == "f" and people.gender("Benson") == "f" and people.gender("Захарова") == "f"
    # both genders, no evidence, or a relative's surname: nothing
    assert people.gender("Smith") is None and people.gender("Palin") is None and people.gender("Times") is None
    assert people.gender("Gray") == "m" and people.gender("Mahnefah Gray") is None


def test_he_is_not_the_agency_that_reported_the_statement():
    text = ("Mehdi Zareh, director of the seismological center in Tehran, dismissed concerns that the earthquake would "
            "cause tsunamis, IRNA reported. ''The Persian Gulf is not deep enough so that we can expect tsunamis,” he "
            "was quoted as saying.")
    assert [q.speaker for q in quotations_of(text) if q.direct] == ["Mehdi Zareh"]
    people = People(text)
    assert people.gender("IRNA") == NEUTER and people.gender("AP") == NEUTER
