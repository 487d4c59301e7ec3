"""Chinese and Japanese attributions: the speaker before or after the verb, with an office before or after the
name; 他/她 and 彼/彼女; an office alone for the one named with it; a subject left out for the last speaker; a
common noun (警方, スタッフ) or a thing (彼女のツイート) is no speaker; という / と書かれた are no speech."""

from __future__ import annotations

import pytest

from tests.quotes.stories import quotations_of


@pytest.mark.parametrize(("text", "speaker"), [
    ("外交部发言人汪文斌在例行记者会上说：“中方欢迎各方继续保持克制，并通过对话解决分歧。”", "汪文斌"),
    ("托卡耶夫总统在论坛上表示：“哈萨克斯坦不会承认这两个地区的独立地位。”", "托卡耶夫"),
    ("“我们将继续推动各方回到谈判桌前，争取早日达成协议，”汪文斌补充道。", "汪文斌"),
    ("最后，Okonkwo 总统说：“我们将永远铭记他为这座城市作出的贡献。”", "Okonkwo"),
    ("港务局局长安娜·凯勒 (Anna Keller) 说：“新码头明年春天就能投入使用。”", "Anna Keller"),
    ("王教授表示：“这种材料在低温下依然能够保持很高的强度。”", "王教授"),
    ("中国外務省の汪文斌報道官は「各国は対話を通じて問題を解決すべきだ」と述べた。", "汪文斌"),
    ("德国外长贝尔博克周六抵达利物浦参加会议。\n德国外长说：“留给恢复协议的时间已经不多了，各方必须尽快行动。”", "贝尔博克"),
    ("港口管理局执行主任托马斯·伯杰 (Thomas Berger) 周日视察了新码头。\n"
     "他说：“工程进度比我们预想的要快，码头明年就能启用。”", "Thomas Berger"),
    ("托卡耶夫总统出席了论坛并发表讲话。\n总统补充道：“我们与俄罗斯的关系建立在相互尊重和平等的基础上。”", "托卡耶夫"),
    ("トーマス・ベルガー氏は、「新しい港は来年の春には使えるようになる」と語る。", "トーマス・ベルガー"),
    ("「この町の市場は朝が一番にぎやかなんです」とオコンクォ氏。", "オコンクォ"),
    ("「この素材は低温でも強度を保つことができる」とケラー教授は語った。", "ケラー"),
    ("岸田文雄首相は５日、「港の整備を来年度の予算で進めたい」と述べた。", "岸田文雄"),
    ("民主党員のルーカス市長は番組で、「橋の修理には州の支援が必要だ」と語った。", "ルーカス"),
    ("木下さんは「冬は乾燥しやすい」と話し、「加湿器を使うようにして」と注意を促した。", "木下"),
    ("チームの平野星矢選手は「来季は全試合に出場したい」と抱負を述べた。", "平野星矢"),
    ("青年部の山口喜大会長（３９）は「祭りの再開を町全体で応援したい」と話した。", "山口喜大"),
    ("松本好郎さん：「橋ができて本当に助かりました」", "松本好郎"),
    ("後日、A子さんは夫に「家計の管理はあなたにお願いしたい」と伝えた。", "A子"),
    ("ケラー氏は次のように述べている、「港の拡張工事は来月から始まる予定だ」", "ケラー"),
    ("モディ首相はラジオ演説で国民に語りかけた。\n「新しい鉄道は地方の経済を変えるだろう」と首相は語った。", "モディ"),
    ("岸田文雄首相は５日、記者団の取材に応じた。\n「港の整備は地域経済にとって欠かせない」と強調した。", "岸田文雄"),
])
def test_a_cjk_attribution_names_its_speaker(text, speaker):
    language = "zh" if "“" in text else "ja"
    assert [q.speaker for q in quotations_of(text, language)][-1:] == [speaker]


@pytest.mark.parametrize(("text", "language"), [
    ("警方称：“两辆货车在桥上相撞，造成交通中断了大约三个小时。”", "zh"),
    ("这名要求匿名的官员向记者介绍情况时说：“港口的扩建计划将在下个月公布。”", "zh"),
    ("一位发言人说：“码头的扩建工程不会影响附近居民的正常生活。”", "zh"),
    ("伊朗官员此前曾表示：“我们将坚持自己的立场，不会作出任何让步。”", "zh"),
    ("ある港湾スタッフは「船の到着が遅れた理由はまだわからない」と語った。", "ja"),
    ("ケラーのツイートは批判され、「その計画の費用は誰が払うのですか」と返信した人物もいた。", "ja"),
])
def test_a_common_noun_or_a_thing_is_no_speaker(text, language):
    assert [q.speaker for q in quotations_of(text, language)] == [None]


@pytest.mark.parametrize("text", [
    "主人公は劇中で「負けたら町を出ていく」という厳しいルールで勝負する。",
    "住民らが「港の拡張に反対する、海を守れ」と書かれた看板を掲げていた。",
])
def test_naming_and_passives_are_no_speech(text):
    assert all(q.speaker is None for q in quotations_of(text, "ja"))
