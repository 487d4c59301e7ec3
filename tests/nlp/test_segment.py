"""Word boundaries and common words in Chinese and Japanese."""

from __future__ import annotations

from storyweave.nlp.segment import boundaries, common_word, japanese, names, unspaced


def test_a_name_inside_a_chinese_word_has_no_boundary_around_it():
    text = "沿海地区增加纳税人，内蒙古和蒙古国。"
    cuts = boundaries(text, "zh")
    haiti = text.index("海地")
    assert not (haiti in cuts and haiti + 2 in cuts)
    inner = text.index("内蒙古")
    assert inner in cuts and inner + 3 in cuts and inner + 1 not in cuts
    assert {0, len(text)} <= cuts


def test_japanese_boundaries_are_offsets_into_the_text_across_spaces_and_lines():
    text = "日本政府は 東京で\nパリの代表と会った。"
    cuts = boundaries(text, "ja")
    for word in ("日本", "政府", "東京", "パリ", "代表"):
        start = text.index(word)
        assert start in cuts and start + len(word) in cuts, word
    assert text.index("日本") + 1 not in cuts


def test_kana_tells_japanese_from_chinese():
    assert japanese("東京でロシアの", "und") and japanese("東京", "ja")
    assert not japanese("北京市", "und") and not japanese("ロシア", "zh")
    assert unspaced("在NATO会议上") and unspaced("ロシア") and not unspaced("Москва and Paris")


def test_common_words_and_names():
    assert common_word("男性", "ja") and common_word("男性", "zh") and common_word("プール", "ja")
    assert not common_word("ロシア", "ja") and not common_word("東京", "ja")
    assert not common_word("北京", "zh") and not common_word("法国", "zh")
    assert not common_word("ロシア連邦", "ja")  # two words: no single common word


def test_names_are_the_proper_nouns_the_segmenters_tag():
    assert names("長野県は山梨県への往来について呼びかけた。", "ja") == ["長野", "山梨"]
    assert "成都" in names("美方驻成都总领事馆被关闭。", "zh")
    assert names("今日はいい天気です。", "ja") == []
