"""People named in Chinese and Japanese: names the segmenters tag, joined through the name dot and across the
pieces jieba cuts a transliteration into, with an office, an honorific or a speech verb beside them; places,
bodies, teams and common words stay out."""

from __future__ import annotations

import pytest

from storyweave.nlp.cjk_names import people, reading, spellings


def _names(text: str, language: str) -> list[str]:
    return [text[start:end] for start, end in people(text, language)]


@pytest.mark.parametrize(("text", "language", "names"), [
    ("托卡耶夫总统在论坛上说，哈萨克斯坦不会承认这两个地区。", "zh", ["托卡耶夫"]),
    ("外交部发言人汪文斌在例行记者会上回答了提问。", "zh", ["汪文斌"]),
    ("英国外交大臣利兹·特拉斯周日宣布了新的援助计划。", "zh", ["利兹·特拉斯"]),
    ("普京表示，俄罗斯将继续与哈萨克斯坦合作。", "zh", ["普京"]),
    ("最后，Okonkwo 总统感谢了所有志愿者。", "zh", ["Okonkwo"]),
    ("港务局记者 Anna Keller 在发布会后发推。", "zh", ["Anna Keller"]),
    ("岸田文雄首相は５日、記者団の取材に応じた。", "ja", ["岸田文雄"]),
    ("モディ首相とケラー教授が会談した。", "ja", ["モディ", "ケラー"]),
    ("トーマス・ケスラー氏は港の拡張について語った。", "ja", ["トーマス・ケスラー"]),
    ("木下さんは冬の乾燥に注意するよう呼びかけた。", "ja", ["木下"]),
    ("民主党員のルーカス市長は番組で語った。", "ja", ["ルーカス"]),  # 市長 an office, though 市 ends a city's name
])
def test_a_person_named_in_chinese_or_japanese_is_found(text, language, names):
    assert _names(text, language) == names


@pytest.mark.parametrize(("text", "language"), [
    ("美联社白宫记者在发布会后提问。", "zh"),              # jieba tags 白宫 a person's name: an office a body has
    ("该国正寻求再获得 81 张许可证。", "zh"),              # a word jieba tags a person's, with nothing beside it
    ("位于美国加州萨克拉门托县东北部的小镇。", "zh"),        # a county
    ("ブラック・ライブズ・マター運動が広がった。", "ja"),    # dotted dictionary words: a movement
    ("ザ・ローリング・ストーンズの曲が流れた。", "ja"),      # a band
    ("山梨県・宮崎県への往来について呼びかけた。", "ja"),    # a list of prefectures
    ("MSNBC 主持人在节目中提问。", "zh"),                 # an acronym before an office: a body's
])
def test_places_bodies_and_words_are_no_people(text, language):
    assert _names(text, language) == []


def test_a_japanese_name_in_kanji_reads_as_english_news_spells_it():
    assert reading("木下明夫") == "kinoshita akio" and reading("木下") == "kinoshita"
    assert reading("ムニエ") is None  # katakana folds to its sound already
    assert spellings("yamashita shinichirou") == ["yamashita shinichirou", "yamashita shinichiro"]
