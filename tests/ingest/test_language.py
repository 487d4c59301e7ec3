import pytest

from storyweave.ingest.language import detect
from tests.conftest import DATA


@pytest.mark.parametrize(("text", "code"), [
    ("Kazakhstan's president said on Friday that his country would not recognise the two republics.", "en"),
    ("Президент Казахстана заявил в пятницу, что его страна не признает эти две республики.", "ru"),
    ("哈萨克斯坦总统周五表示，该国不会承认这两个共和国。", "zh"),
    ("Der Präsident Kasachstans sagte am Freitag, sein Land werde die beiden Republiken nicht anerkennen.", "de"),
    ("12 34 56", "und"),
    ("", "und"),
])
def test_detect(text, code):
    assert detect(text) == code


def test_wmt_versions_are_detected_as_their_labelled_language():
    import json

    rows = [json.loads(line) for line in (DATA / "wmt-multiway" / "dev.jsonl").open(encoding="utf-8")]
    rows = [r for r in rows if r["language"] in {"en", "ru", "zh", "de", "cs", "ja"}][:120]
    right = sum(detect(r["text"]) == r["language"] for r in rows)
    assert right / len(rows) >= 0.95
