from collections import Counter

import pytest

from storyweave.ingest.language import _identifier, detect
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


@pytest.mark.parametrize(("text", "code"), [
    ("Mt. Gox files for US bankruptcy", "en"),
    ("ECB to reveal bad loan hurdles for euro zone bank test", "en"),
    ("EU Week Ahead March 10-14: Bank Resolution, Transparency, Ukraine", "en"),
    ("Carl Icahn: Donahoe Cost eBay Investors More Than $4B", "und"),
    ("Juan Pablo Galavis Nikki Ferrell Clare Crawley", "und"),
])
def test_a_short_text_py3langid_is_unsure_of_takes_the_language_its_common_words_are_from(text, code):
    assert _identifier().classify(text)[1] < 0.5, "py3langid alone is unsure"
    assert detect(text) == code


def test_headlines_are_read_as_english_and_seldom_as_another_language():
    """UCI's headlines are English; py3langid alone is sure of only 52 % of them."""
    import json

    titles = [json.loads(line)["title"] for line in (DATA / "uci-headlines" / "dev.jsonl").open(encoding="utf-8")]
    found = Counter(detect(title) for title in titles)
    assert found["en"] >= 0.9 * len(titles)
    assert sum(n for code, n in found.items() if code not in ("en", "und")) <= 0.005 * len(titles)


@pytest.mark.parametrize(("tag", "code"), [
    ("en-US", "en"), ("ru_RU", "ru"), ("DE", "de"), ("zh-Hant-TW", "zh"), ("deu", "de"), ("iw", "he"),
    ("xx", None), ("xx-YY-zz", None), ("und", None), ("x-klingon", None), ("123", None), ("", None), (None, None),
    ("English", "en"), ("english", "en"), ("Deutsch", "de"), ("français", "fr"), ("Русский", "ru"), ("中文", "zh"),
    ("Portuguese (Brazil)", "pt"), ("Klingon", None), ("news", None),
])
def test_a_declared_language_tag_or_name_is_read_as_iso_639_1_or_left_to_detection(tag, code):
    from storyweave.ingest.language import declared

    assert declared(tag) == code


def test_a_record_declaring_no_real_language_is_detected(tmp_path):
    import json

    from storyweave.ingest import read_inputs

    (tmp_path / "r.jsonl").write_text(json.dumps({"title": "Quake", "language": "xx", "text": (
        "A strong earthquake struck northern Chile on Tuesday, the US Geological Survey said.")}), encoding="utf-8")
    assert next(iter(read_inputs([tmp_path / "r.jsonl"]))).language == "en"
