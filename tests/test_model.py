import json

import pytest

from storyweave.model import (
    Article,
    Claim,
    Entity,
    Quote,
    QuoteVariant,
    Rejected,
    Report,
    Span,
    Story,
    SummarySentence,
    TimelineEvent,
)


@pytest.fixture()
def full_report():
    article = Article(id="a1", source_path="a.txt", text="Tokayev said no. Putin listened.", title="T",
                      published="2022-06-17", language="en", authors=["X"])
    span = Span.of(article, 0, 16)
    return Report(
        articles=[article], rejected=[Rejected("b.txt", "empty file", "empty")],
        stories=[Story("s1", "T", ["a1"], [SummarySentence("Tokayev said no.", [span])], "2022-06-17", "2022-06-17", 1)],
        entities=[Entity("e1", "Kassym-Jomart Tokayev", "PERSON", "Q1", [Span.of(article, 0, 7)], ["Tokayev"])],
        quotes=[Quote("q1", "Kassym-Jomart Tokayev", "e1", "no", [QuoteVariant(span, False)], "s1")],
        claims=[Claim("c1", "Tokayev said no.", "report", [span], [], 1, "s1")],
        timeline=[TimelineEvent("2022-06-17", "Tokayev said no.", [span], "s1")],
        tool_version="0.1.0",
    )


def test_span_of_holds_its_text():
    article = Article(id="a", source_path="p", text="Hello world")
    assert Span.of(article, 6, 11).text == "world"


def test_report_round_trips_through_json(full_report):
    again = Report.from_json(full_report.to_json())
    assert again == full_report
    assert json.loads(again.to_json()) == json.loads(full_report.to_json())


def test_report_passes_the_contract(full_report):
    jsonschema = pytest.importorskip("jsonschema")
    from tests.conftest import SHARED

    schema = json.loads((SHARED / "contracts" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(json.loads(full_report.to_json()))
