"""People named in Chinese and Japanese text, which no offline NER model here reads, and the offices and
honorifics written with their names.

A person's name is read from what the segmenters (``nlp.segment``) tag and what stands beside it:
- Chinese: jieba's person tags (nr, nrt, nrfg), joined with the neighbouring pieces jieba cuts a transliterated
  name into when those are all characters of the standard transliteration table (托 + 卡耶夫, 泽 + 连斯基),
  and through the name dot (利兹·特拉斯). A dot, an office beside it (总统, 发言人) or a speech verb after it
  (普京表示) make it a name: jieba tags too many words a person's alone (许可证, 滑雪者).
- Japanese: IPAdic's person tags (人名: family and given names), katakana words it does not know and reads as no
  place, joined through the name dot (ロバート・ハンター). A family and a given name, a dot, or an honorific or
  an office after it (氏, さん, 首相, 教授) make it a name; a family name alone is too often a word.
- Latin letters, which Chinese and Japanese news keeps for many foreign names, with an office beside them
  (Tebboune 总统, Lee 教授).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from anyascii import anyascii

from . import segment


def alternatives(words: tuple[str, ...]) -> str:
    """A regex alternation, longest first (外交部长 before 部长)."""
    return "|".join(sorted(words, key=len, reverse=True))


#: offices and forms of address written beside a Chinese name (发言人汪文斌, 托卡耶夫总统, 特拉斯女士)
ZH_OFFICES = alternatives((
    "总统", "副总统", "总理", "首相", "主席", "部长", "外长", "外交部长", "发言人", "教授", "博士", "先生", "女士",
    "议员", "参议员", "众议员", "州长", "市长", "大使", "秘书长", "主任", "局长", "院长", "董事长", "理事长", "总裁",
    "首席执行官", "经理", "教练", "主教练", "队长", "法官", "律师", "医生", "国务卿", "司令", "将军", "国王", "女王",
    "王子", "总书记", "书记", "负责人", "官员", "警长", "校长", "总干事", "主持人", "创始人", "研究员", "专家",
    "分析师", "记者", "总监", "会长", "委员长", "省长", "大臣", "董事", "执行董事", "执行主任", "外交大臣", "州参议员"))
#: Chinese speech verbs (补充说 before 说)
ZH_SPEECH = alternatives((
    "说", "表示", "称", "指出", "强调", "认为", "说道", "补充说", "补充道", "写道", "告诉记者", "对记者说", "回答说",
    "答道", "问道", "透露", "宣布", "坦言", "解释说", "解释道", "提到", "声称", "警告说", "警告", "承认", "回应说",
    "回应", "感叹", "直言", "呼吁", "补充", "重申", "说明", "称赞", "发文", "发推", "谈到", "总结道", "讲道", "笑称",
    "介绍说", "介绍", "报道称", "报道说", "报道", "在声明中说", "在声明中表示"))
#: offices and honorifics written after a Japanese name (モディ首相, ムニエ氏)
JA_OFFICES = alternatives((
    "大統領", "副大統領", "首相", "州首相", "総理", "議員", "上院議員", "下院議員", "知事", "長官", "大臣", "外相",
    "報道官", "監督", "選手", "会長", "社長", "委員長", "市長", "主席", "国王", "女王", "王子", "教授", "博士",
    "弁護士", "医師", "代表", "所長", "局長", "署長", "大使", "事務総長", "書記長", "判事", "検事", "議長", "総裁",
    "最高経営責任者", "CEO", "幹事長", "官房長官", "党首", "司令官", "隊長", "院長", "部長", "課長", "研究員",
    "アナリスト", "広報担当者", "担当者", "理事長", "理事", "本部長", "スカウト", "コーチ", "スポークスマン", "氏",
    "さん", "君", "ちゃん", "容疑者", "被告"))
#: honorifics, which name no office
JA_HONORIFICS = frozenset(("氏", "さん", "君", "ちゃん"))
#: characters of the Chinese transliteration table that foreign names are written in (Xinhua usage)
TRANSLITERATION = frozenset(
    "阿埃艾爱安昂奥巴拜班邦鲍贝本比彼毕宾波伯博布查柴戴丹道德登迪蒂丁东杜顿多厄恩尔法凡菲费芬丰冯佛弗福富盖甘冈"
    "高戈哥格根古圭哈海汉豪赫亨洪胡华霍基吉加贾杰金卡凯坎康考柯科克肯库奎拉莱赖兰朗劳勒雷蕾黎里理丽利莉列林琳隆"
    "卢鲁路伦罗洛马玛迈麦曼梅门蒙米明莫墨姆穆纳娜奈南内妮尼纽努诺欧帕潘佩彭皮珀普奇齐恰乔切琴丘萨塞赛桑瑟森沙"
    "莎尚舍圣施什史舒斯松苏索塔泰坦汤唐特提廷图托瓦万旺威韦维卫温沃乌伍西希锡席夏谢辛欣休雅亚扬耶叶伊英尤约泽"
    "扎詹兹朱卓夫逊京连惠琼彻赞翰瑞茨娃娅芙黛丝茜莲露琪珊缇薇")
NAME_DOTS = "·・･"
#: a name in Latin letters, which Chinese and Japanese news keeps for many foreign names
LATIN = r"(?:[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’.-]*\s+){0,3}[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’.-]*"
_JA_OFFICE = re.compile(rf"\s*(?:{JA_OFFICES})")
#: titles written after a person's name (托卡耶夫总统, 特拉斯女士); not offices a body has too (白宫发言人,
#: 美联社记者), which jieba's name tags would make people of
_ZH_TITLES_AFTER = alternatives((
    "总统", "副总统", "总理", "首相", "主席", "部长", "外长", "教授", "博士", "先生", "女士", "议员", "参议员",
    "众议员", "州长", "市长", "大使", "国务卿", "将军", "国王", "女王", "王子", "总书记", "法官", "律师", "医生",
    "教练", "队长", "大臣", "外交大臣"))
_ZH_TITLE_AFTER = re.compile(_ZH_TITLES_AFTER)
_LATIN_BEFORE_OFFICE = {"zh": re.compile(rf"(?<![\w'’.-])(?P<name>{LATIN})\s*(?:{_ZH_TITLES_AFTER})"),
                        "ja": re.compile(rf"(?<![\w'’.-])(?P<name>{LATIN})\s*(?:{JA_OFFICES})")}
_LATIN_AFTER_OFFICE = re.compile(rf"(?:{ZH_OFFICES})\s*(?P<name>{LATIN})(?![\w'’-])")
_ZH_OFFICE_BEFORE = re.compile(rf"(?:{ZH_OFFICES})\s*$")
_ZH_OFFICE_AFTER = re.compile(rf"\s*(?:{ZH_OFFICES})")
#: a speech verb after a name: its bearer speaks (普京表示, 特拉斯说)
_ZH_SPEAKS = re.compile(rf"\s*(?:{ZH_SPEECH})")
#: words after a name that make it a place's, a body's or a people's (萨克拉门托县, 塞尔维亚人, 诺坎普球场; 諏訪市)
_NOT_A_PERSON_AFTER = {
    "zh": re.compile(r"(?:人|县|州|省|市|区|郡|镇|村|岛|山|河|湖|港|湾|球场|体育场|野生动物园|公园|大学|分校|学院|队|俱乐部|"
                     r"公司|集团|银行|医院|地区|王国|共和国)"),
    "ja": re.compile(r"(?:人|県|州|省|市|区|郡|町|村|島|山|川|湖|港|湾|駅|紙|誌|社|大学|球場|公園|地域|共和国|王国)"),
}


@dataclass(frozen=True)
class Piece:
    """A segmenter's word of a line, and what it may be in a person's name."""

    start: int
    end: int
    text: str
    #: tagged a person's name (jieba nr*, IPAdic 人名)
    person: bool
    #: may stand inside a name: a transliteration-table word (zh), an unknown katakana word (ja)
    inner: bool
    family: bool = False
    given: bool = False


def people(text: str, language: str) -> list[tuple[int, int]]:
    """(start, end) of each person's name in a Chinese or Japanese text ("zh" or "ja")."""
    found: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        pieces = _japanese(line) if segment.japanese(line, language) else _chinese(line)
        for start, end in _names(line, pieces, language):
            found.append((position + start, position + end))
        position += len(line) + 1
    found += [m.span("name") for pattern in (_LATIN_BEFORE_OFFICE[language],
                                             _LATIN_AFTER_OFFICE if language == "zh" else None) if pattern
              for m in pattern.finditer(text) if not m.group("name").isupper()]  # MSNBC 主持人: a body's
    return sorted(set(found))


def _chinese(line: str) -> list[Piece]:
    pieces, position = [], 0
    for word, flag in segment.tagged(line):
        at = line.find(word, position)
        if at < 0:
            continue
        position = at + len(word)
        inner = segment.unspaced(word) and all(ch in TRANSLITERATION for ch in word) and len(word) <= 3
        pieces.append(Piece(at, position, word, flag.startswith("nr"), inner))
    return pieces


def _japanese(line: str) -> list[Piece]:
    pieces, position = [], 0
    for piece in segment.morphemes(line):
        at = line.find(piece.surface, position)
        if at < 0:
            continue
        position = at + len(piece.surface)
        person = piece.sub2 == "人名" and piece.sub1 != "接尾"  # not the honorific 氏, tagged 接尾 人名
        pieces.append(Piece(at, position, piece.surface, person, unknown_katakana(piece),
                            family=person and piece.sub3 == "姓", given=person and piece.sub3 == "名"))
    return pieces


def _names(line: str, pieces: list[Piece], language: str) -> list[tuple[int, int]]:
    out = []
    i = 0
    while i < len(pieces):
        if not (pieces[i].person or pieces[i].inner):
            i += 1
            continue
        j, dotted = i + 1, False
        while j < len(pieces):
            piece = pieces[j]
            if piece.text in NAME_DOTS and j + 1 < len(pieces) and pieces[j - 1].end == piece.start and \
                    (pieces[j + 1].person or pieces[j + 1].inner or _katakana(pieces[j + 1].text)):
                dotted = True
                j += 1
                continue
            if piece.start != pieces[j - 1].end or not (piece.person or piece.inner or
                                                        (dotted and pieces[j - 1].text in NAME_DOTS)):
                break
            j += 1
        run = pieces[i:j]
        dotted = dotted or any(dot in p.text for p in run for dot in NAME_DOTS)
        end = run[-1].end
        while end > run[0].start and line[end - 1] in NAME_DOTS:
            end -= 1  # エメリカ・ of エメリカ・べニタス, where the next part is read apart
        if end > run[0].start and _accepted(line, run, dotted, language):
            out.append((run[0].start, end))
        i = j
    return out


def unknown_katakana(piece: segment.Morpheme) -> bool:
    """A katakana word IPAdic does not know and reads as no place: most often a foreign person's name."""
    return _katakana(piece.surface) and not piece.known and piece.sub2 != "地域"


def titled(text: str, language: str) -> list[tuple[int, str, str]]:
    """(offset, office, name) of each person's name written with an office (托卡耶夫总统, 发言人汪文斌; モディ首相),
    for an office that later speaks alone; honorifics (氏, さん) are no office."""
    found = []
    for start, end in people(text, language):
        after = (_JA_OFFICE if language == "ja" else _ZH_OFFICE_AFTER).match(text, end)
        before = None if language == "ja" else _ZH_OFFICE_BEFORE.search(text, max(0, start - 12), start)
        for office in (after, before):
            if office is not None and office.group().strip() not in JA_HONORIFICS:
                found.append((start, office.group().strip(), text[start:end]))
    return sorted(found)


def _katakana(word: str) -> bool:
    """Katakana, with name dots inside (MeCab reads アニタ・ドブソン as one word it does not know)."""
    return segment.KATAKANA.fullmatch(word[:1]) is not None and \
        all(segment.KATAKANA.fullmatch(ch) or ch in NAME_DOTS for ch in word)


def _accepted(line: str, run: list[Piece], dotted: bool, language: str) -> bool:
    """A run of name pieces is a person's name when what it is made of and what stands beside it say so, and
    no word of a place or a body follows it (萨克拉门托县, 諏訪市)."""
    name = line[run[0].start:run[-1].end].strip("".join(NAME_DOTS))
    after = line[run[-1].end:]
    office = (_JA_OFFICE if language == "ja" else _ZH_TITLE_AFTER).match(after) is not None
    if len(name) < 2 or (_NOT_A_PERSON_AFTER[language].match(after) and not office):
        return False  # 萨克拉门托县, 諏訪市; but ルーカス市長, 吉村市长 (an office that starts like a place word)
    if language == "ja":
        if dotted:
            return _katakana(name) and all(_name_part(part) for part in re.split(f"[{NAME_DOTS}]", name))
        if segment.UNSPACED.match(after) and not _JA_OFFICE.match(after) and \
                segment.KATAKANA.match(after) is None:
            return False  # 勝野昌 of 勝野昌慶: the run stops inside a name IPAdic does not know
        return (any(p.person for p in run) and any(p.family for p in run) and any(p.given for p in run)) or \
            ((any(p.person for p in run) or all(p.inner for p in run)) and _JA_OFFICE.match(after) is not None)
    if dotted:
        return all(segment.unspaced(p.text) or p.text in NAME_DOTS for p in run)
    titled = _ZH_TITLE_AFTER.match(after) is not None or _ZH_OFFICE_BEFORE.search(line[:run[0].start]) is not None
    spoken = _ZH_SPEAKS.match(after) is not None
    return (any(p.person for p in run) or all(p.inner for p in run)) and (titled or spoken)


def _name_part(part: str) -> bool:
    """A part of a dotted katakana name: a given or family name, or a word IPAdic does not know (ブラック of
    ブラック・ライブズ・マター, ローリング of ザ・ローリング・ストーンズ are words: no person's name)."""
    pieces = segment.morphemes(part)
    return bool(pieces) and all(p.sub2 == "人名" or not p.known for p in pieces)


def reading(name: str) -> str | None:
    """A Japanese person's name in kanji as it sounds, romanised, family name first (木下明夫 -> "kinoshita
    akio"), from IPAdic's readings: how an English text spells the name. None where a piece has no reading
    or the name is in katakana already (which folds to its sound anyway)."""
    if not name or _katakana(name):
        return None
    pieces = segment.morphemes(name)
    if not pieces or not all(p.reading and p.sub2 == "人名" for p in pieces):
        return None
    family = "".join(p.reading for p in pieces if p.sub3 == "姓")
    given = "".join(p.reading for p in pieces if p.sub3 != "姓")
    return " ".join(anyascii(part).lower() for part in (family, given) if part) or None


def spellings(romanised: str) -> list[str]:
    """A romanised reading as IPAdic writes it and as English news writes it, long vowels short
    (shinichirou, Shinichiro)."""
    short = romanised.replace("ou", "o").replace("uu", "u")
    return [romanised] if short == romanised else [romanised, short]
