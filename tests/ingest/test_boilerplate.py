import pytest

from storyweave.ingest.boilerplate import classify


@pytest.mark.parametrize(("line", "reason"), [
    ("Spread the love", "share/like/follow buttons"),
    ("Share | Tweet | Email", "share/like/follow buttons"),
    ("Follow us on Twitter", "share/like/follow buttons"),
    ("Leave a Reply", "comment form"),
    ("Your email address will not be published. Required fields are marked *", "comment form"),
    ("12 Comments", "comment form"),
    ("12 ℃", "weather widget"),
    ("Sunny 25°C", "weather widget"),
    ("Home > World > Asia", "navigation"),
    ("Related articles", "navigation"),
    ("Tags: Kazakhstan, Russia", "navigation"),
    ("Copyright © 2022 Daily Courier. All rights reserved.", "copyright line"),
    ("Sign up for our daily newsletter", "subscription prompt"),
    ("Advertisement", "advertisement"),
    ("The post Lindsay Lohan Leaves Betty Ford appeared first on Access Hollywood.", "teaser footer"),
    ("Continue reading “Lindsay Lohan Leaves Betty Ford” »", "teaser footer"),
    ("Continue reading the main story", "teaser footer"),
    ("Read the full story at People", "teaser footer"),
    ("Click here to read more", "teaser footer"),
    ("[…]", "teaser footer"),
    ("We use cookies to give you the best experience on our website.", "cookie notice"),
    ("This site uses cookies and similar technologies to analyse traffic.", "cookie notice"),
    ("By continuing to use this site, you agree to our use of cookies.", "cookie notice"),
    ("Accept all cookies", "cookie notice"),
    ("Manage preferences", "cookie notice"),
    ("Please enable JavaScript to view the comments powered by Disqus.", "script notice"),
    ("Enable JS", "script notice"),
    ("Your browser does not support the video tag.", "script notice"),
])
def test_boilerplate_lines(line, reason):
    assert classify(line) == reason


@pytest.mark.parametrize("line", [
    "Share prices fell by 3 percent on Monday after the announcement.",
    "Russia's host even issued a warning on the show, reminding Kazakhstan not to try.",
    "He explained:",
    "Novorossisk port",
    "The temperature reached 40 °C in the capital, the weather service said on Monday.",
    "Follow the money, the senator told reporters.",
    "Home is where the heart is, she wrote in her memoir.",
    "We use cookies of the kind Oreo makes, the baker said.",
    "The company said it would accept all offers.",
    "JavaScript is disabled by default in the new browser, Mozilla said.",
    "OK",
    "Think about it. If there were 500-600 countries in the world, what would it be like?",
    "The post office appeared first on the list of buildings to close, the council said.",
    "Read the full report, the minister urged lawmakers before the vote on Tuesday.",
])
def test_body_lines_are_not_boilerplate(line):
    assert classify(line) is None


def test_long_lines_are_never_judged():
    assert classify("Share " * 40) is None
