"""Speech in Chinese and Japanese: who a quotation's attribution names. Neither language capitalises names
nor spaces words, so a speaker is read from the subject phrase of the speech verb, not from a capitalised word.

Chinese puts the speaker before the verb on either side of the quotation (普京表示：“…” / “…”，普京说。); a
role stands before the name (外交部发言人汪文斌) or after it (托卡耶夫总统), and a place, a time or an
addressee may come between subject and verb (托卡耶夫在论坛上说). Japanese quotes with と and puts the verb
last; the speaker stands after と (「…」とムニエ氏は語った, or verbless: 「…」とムニエ氏。) or is the topic
before the quotation (モディ首相は、「…」と述べた). What is left of the subject phrase once offices,
honorifics, particles and asides are taken off is a name where the segmenter (``nlp.segment``) reads a
proper noun or a word it does not know; a common noun (警方称, スタッフは) is a subject that names no one.
A verb with no subject at all (と述べた, 表示：) leaves the subject out, as both languages do for the one
spoken of: speech.py gives such a quotation to the last speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp import cjk_names, segment
from ..nlp.marks import Quoted

LANGUAGES = ("zh", "ja")
PRONOUNS = {"他": "he", "她": "she", "彼": "he", "彼女": "she"}


ZH_VERB = cjk_names.ZH_SPEECH
#: Japanese speech verbs after と, in any ending (述べた, 語る, 話した, 書き添えた); not the kana という, which
#: names ("「…」というルール")
JA_VERB = (r"(?:述べ|語|話|言|説明|強調|指摘|記し|書|綴|付け加え|ツイート|投稿|発言|発表|明らかにし|伝え|続け|主張|"
           r"訴え|答え|回答|述懐|呼びかけ|呼び掛け|警告|告げ|明か|振り返|認め|批判|非難|コメント|説|加え|たたえ|"
           r"提言|報じ|期待|促し|声を落と)")
ZH_ROLE = cjk_names.ZH_OFFICES
#: descriptions, which name no office one person holds (这名要求匿名的官员: an official)
_ZH_DESCRIPTIONS = frozenset(("官员", "专家", "记者", "负责人", "分析师", "研究员"))
JA_ROLE = cjk_names.JA_OFFICES
_JA_HONORIFICS = cjk_names.JA_HONORIFICS

_LATIN = cjk_names.LATIN
_KATAKANA = segment.KATAKANA.pattern
_LATIN_NAME = re.compile(rf"{_LATIN}$")
#: a Latin name in brackets after its Chinese rendering (马丁·格里菲思 (Martin Griffiths)); other asides
_ZH_LATIN_ASIDE = re.compile(rf"[（(]\s*({_LATIN})\s*[）)]")
_ZH_ASIDE = re.compile(r"[（(][^）)]{0,40}[）)]")
#: a place, a time or an addressee between subject and verb (在论坛上, 周三, 对记者, 接受…采访时)
_ZH_BETWEEN = re.compile(r"(?:在|于|对|向|接受|通过|当天|当日|随后|此前|同时|昨天|今天|昨日|今日|周[一二三四五六日天]|"
                         r"星期[一二三四五六日天]|[0-9０-９]+日)")
_ZH_ADVERB_END = re.compile(r"(?:也|还|则|又|再|并|更|均|都|曾|已|已经|亦|便|就|将|会|要|正在|随即|最后|同时|此外|另外)+$")
_ZH_ROLE_AT = re.compile(rf"(?:{ZH_ROLE})")
_ZH_DEMONSTRATIVE = re.compile(r"^(?:这位|那位|这名|该|此|前|副)")
#: the end of the phrase a subject can lie in: a clause or sentence mark, a closing quotation mark
_ZH_BOUNDARY = re.compile(r"[，,。！？!?；;：:”」』\n]")
_ZH_AFTER = re.compile(rf"^\s*[，,]?\s*(?P<subject>[^，,。！？!?；;：:“”「」\n]{{0,30}}?)\s*(?:{ZH_VERB})"
                       r"\s*(?:[。，,.：:！!；;]|$)")
_ZH_LEAD = re.compile(rf"(?:{ZH_VERB})(?:道)?\s*[：:，,]?\s*$")

_KATAKANA_RUN = re.compile(rf"{_KATAKANA}+(?:・{_KATAKANA}+)*$")
_PSEUDONYM = re.compile(r"[A-ZＡ-Ｚ][子男]?")
_KANJI_NAME = re.compile(r"[\u4e00-\u9fff々]{2,5}")
#: the last character of a place's or a body's name (共和国大統領 is the republic's president)
_BODY_END = re.compile(r"[国州県省市町村区党部庁社会院局課署]$")
_JA_BOUNDARY = re.compile(r"[、，,。！？!?；;：:」』”\n]")
_JA_TOPIC = re.compile(r"(?:は|が|も)$")
_JA_DEMONSTRATIVE = re.compile(r"^(?:同|その|この|前|元|現)")
#: 「…」と … VERB: after と the speaker (or nobody) and the verb, not a passive (「…」と言われ: is called)
_JA_AFTER = re.compile(rf"^\s*と(?![「『])(?:[、，,]\s*)?(?P<subject>[^、，,。「」]{{0,30}}?)\s*(?:(?:は|が|も)[、，,]?\s*"
                       rf"(?:[^。]{{0,50}}?)?)?(?<![\u4e00-\u9fff]){JA_VERB}(?![わかがさたなばまら]?れ)")
#: 「…」とムニエ氏。: the speaker and the sentence's end
_JA_AFTER_VERBLESS = re.compile(r"^\s*と(?:[、，,]\s*)?(?P<subject>[^、，,。「」はがも]{1,30}?)\s*(?:。|[.]?\s*$)")
#: 「…」という規則, 「…」として: a name or a claim the sentence makes of the words, not speech
_JA_NAMING = re.compile(r"^\s*と(?:いう|いった|して|する)")
#: 「…」と返信した人物もいた: someone said it, unnamed
_JA_AFTER_SOMEONE = re.compile(r"^\s*と[^。「」]{0,30}?(?:人物|人|者|ユーザー|声)(?:も|が|は)")
#: "X は次のように述べた「…", "松本さん：「…": the speaker and a verb or a colon before the quotation
_JA_LEAD = re.compile(rf"(?P<subject>[^、，,。「」]{{1,30}}?)(?:(?:は|が)[、，,]?\s*(?:[^。「」]{{0,30}}?)?"
                      rf"(?<![\u4e00-\u9fff]){JA_VERB}[^。「」]{{0,8}}?[、，,:：]?|\s*[:：])\s*$")
#: asides in a subject phrase: an age or a note in brackets (一郎さん（４８）), a residence between ＝ marks
_JA_ASIDE = re.compile(r"[（(][^）)]{0,20}[）)]|＝[^＝]{0,20}＝")


@dataclass(frozen=True)
class Said:
    """What an attribution names: a person or a body (``name``), an office alone (``role``: its holder speaks),
    a pronoun (``pronoun``: "he" or "she"); ``subject``: a subject is written, named or not (警方, スタッフ);
    ``attributed``: a speech verb or an attribution stands beside the quotation at all."""

    name: str | None = None
    role: str | None = None
    pronoun: str | None = None
    subject: bool = False
    attributed: bool = False

    @property
    def who(self) -> bool:
        return bool(self.name or self.role or self.pronoun)


_NOBODY = Said(attributed=True)
_UNNAMED = Said(subject=True, attributed=True)


def attribution(text: str, quote: Quoted, language: str) -> Said:
    """The attribution beside a quotation on its line: after it first (it names who said it last), then before."""
    line_start = text.rfind("\n", 0, quote.opening) + 1
    line_end = text.find("\n", quote.closing)
    before = text[line_start:quote.opening]
    after = text[quote.closing + 1:line_end if line_end >= 0 else len(text)][:120]
    return _japanese(before, after) if language == "ja" else _chinese(before, after)


#: a month or a year before the verb (这名警官 6 月份在记者会上表示), which ``_ZH_BETWEEN``'s days leave in
_ZH_WHEN = re.compile(r"\s*[0-9０-９]+\s*(?:月份?|年)")
#: "only" and "but", which stand where a subject would (只是说“…”)
_ZH_ONLY = re.compile(r"(?:只是|只|仅仅|仅|但|而|却)+$")
_ZH_PLURAL_PRONOUNS = frozenset(("他们", "她们", "我们", "你们", "它", "它们", "我", "你"))


def described(text: str, opening: int, closing: int) -> tuple[int, int] | None:
    """Where a Chinese attribution beside a quotation (its marks at ``opening`` and ``closing``) writes who says
    it (一位消防部门的发言人说：“…”; “…”，这名不愿透露姓名的警官向记者表示 → 这名不愿透露姓名的警官): the subject
    phrase cut at a time, a place or an addressee, without adverbs, by its offsets in ``text``; None without
    one, for a pronoun, or for a phrase with an aside in brackets."""
    line_start = text.rfind("\n", 0, opening) + 1
    line_end = text.find("\n", closing)
    after_at = closing + 1
    follows = _ZH_AFTER.match(text[after_at:line_end if line_end >= 0 else len(text)][:120])
    if follows:
        at, phrase = after_at + follows.start("subject"), follows.group("subject")
    else:
        before = text[line_start:opening]
        lead = _ZH_LEAD.search(before)
        if lead is None:
            return None
        head = before[:lead.start()]
        cut = max((m.end() for m in _ZH_BOUNDARY.finditer(head)), default=0)
        at, phrase = line_start + cut, head[cut:]
    if _ZH_ASIDE.search(phrase):
        return None
    cuts = [found.start() for found in (_ZH_BETWEEN.search(phrase), _ZH_WHEN.search(phrase)) if found]
    phrase = phrase[:min(cuts)] if cuts else phrase
    phrase = _ZH_ONLY.sub("", _ZH_ADVERB_END.sub("", phrase.rstrip()))
    kept = phrase.strip()
    if not kept or kept in PRONOUNS or kept in _ZH_PLURAL_PRONOUNS or len(kept) > 16:
        return None
    start = at + phrase.index(kept)
    return start, start + len(kept)


def sentence_subject(sentence: str, language: str) -> str | None:
    """The person a sentence is about, named as its subject or topic (for a later 他 / 彼女)."""
    sentence = sentence.rstrip().rstrip("。！？!?")
    if language == "ja":
        said = _ja_before(sentence, whole=True)
        return said.name if said is not None and said.name and _ja_person(said.name) else None
    first = _ZH_BOUNDARY.search(sentence)
    clause = sentence[:first.start()] if first else sentence
    position, named = 0, False
    for word, flag in segment.tagged(clause):
        at = clause.find(word, position)
        if named and flag.startswith("v") and len(word) > 1 and not _ZH_ROLE_AT.match(clause, at):
            clause = clause[:at]  # 托卡耶夫总统出席了论坛: the subject ends at the verb after its name
            break
        named = named or flag.startswith(("nr", "ns", "nt", "nz", "eng")) or _ZH_ROLE_AT.fullmatch(word) is not None
        position = at + len(word)
    said = _zh_subject(clause, opening=True)
    return said.name


def _chinese(before: str, after: str) -> Said:
    follows = _ZH_AFTER.match(after)
    if follows:
        return _zh_subject(follows.group("subject"))
    lead = _ZH_LEAD.search(before)
    if lead is None:
        return Said()
    head = before[:lead.start()]
    cut = max((m.end() for m in _ZH_BOUNDARY.finditer(head)), default=0)
    said = _zh_subject(head[cut:])
    if said == _NOBODY and cut:
        sentence = head[max((m.end() for m in re.finditer(r"[。！？!?\n]", head)), default=0):]
        first = _ZH_BOUNDARY.search(sentence)
        if first is not None:
            opening = _zh_subject(sentence[:first.start()], opening=True)
            if opening.name or opening.pronoun:
                return opening
    return said


def _zh_subject(phrase: str, opening: bool = False) -> Said:
    """The speaker in a Chinese subject phrase. ``opening``: the phrase opens a sentence whose later clause
    holds the verb (民主党人 Lucas 在…节目上谈到…，表示：), so what follows the subject is cut off first.
    A foreign name given in Latin letters in brackets after its Chinese rendering is read in those."""
    given = _ZH_LATIN_ASIDE.search(phrase)
    phrase = _ZH_ASIDE.sub("", phrase).strip()
    between = _ZH_BETWEEN.search(phrase)
    if between is not None and between.start() > 0:
        phrase = phrase[:between.start()].strip()
    elif opening and between is not None:
        return _NOBODY
    phrase = _ZH_ADVERB_END.sub("", phrase).strip()
    if not phrase:
        return _NOBODY
    if phrase in PRONOUNS:
        return Said(pronoun=PRONOUNS[phrase], subject=True, attributed=True)
    if given is not None:
        return Said(name=given.group(1), subject=True, attributed=True)
    rest = re.sub(rf"(?:{ZH_ROLE})$", "", phrase).strip()
    role = phrase[len(rest):].strip() or None
    place = bool(rest) and segment.place_word(rest)
    if (role in _ZH_DESCRIPTIONS and (not rest or _ZH_DEMONSTRATIVE.match(rest) or "的" in rest or place)) or \
            (role and re.match(r"(?:一位|一名|一些|多位|多名)", rest)):
        return _UNNAMED  # 这名官员, 一位发言人: someone described, not an office one person holds
    if not rest or (role and (_ZH_DEMONSTRATIVE.match(rest) or place)):
        return Said(role=role, subject=True, attributed=True)  # 这位外长, 德国外长: the office's holder
    latin = _LATIN_NAME.search(rest)
    if latin is not None:
        return Said(name=latin.group().strip(), subject=True, attributed=True)
    owners = list(re.finditer(rf"(?:{ZH_ROLE})|的", rest))
    if owners:
        rest = rest[owners[-1].end():].strip()
    if len(rest) == 1 and role and segment.unspaced(rest):
        return Said(name=rest + role, subject=True, attributed=True)  # 李教授: a surname and an office
    if _cjk_name(rest, "zh"):
        return Said(name=rest, subject=True, attributed=True)
    return Said(role=role, subject=True, attributed=True)


def _japanese(before: str, after: str) -> Said:
    if _JA_NAMING.match(after):
        return Said()
    follows = _JA_AFTER.match(after)
    if follows is not None:
        said = _ja_subject(follows.group("subject"))
        if said.who or said.subject:
            return said
        return _ja_before(before) or _NOBODY
    verbless = _JA_AFTER_VERBLESS.match(after)
    if verbless is not None:
        said = _ja_subject(verbless.group("subject"))
        if said.who:
            return said
    if _JA_AFTER_SOMEONE.match(after):
        return _UNNAMED
    if after.startswith("と") and not after.startswith(("と「", "と『")):
        return _ja_before(before) or Said()
    lead = _JA_LEAD.search(before)
    if lead is not None:
        return _ja_subject(lead.group("subject"))
    return Said()


def _ja_before(before: str, whole: bool = False) -> Said | None:
    """The speaker a sentence gives before its quotation: a topic (ハンター氏は、「…」と語る; 木下さんは「…」と
    話した) or "X によると", a person's nearest the quotation first ("アルジェリアは" in a president's sentence
    is what he speaks of). ``whole``: the first topic of a whole sentence."""
    sentence = before[max((m.end() for m in re.finditer(r"[。！？!?]", before)), default=0):]
    quoted = [m.span() for m in re.finditer(r"「[^」]*」|『[^』]*』", sentence)]
    found = []
    for match in re.finditer(r"(?:は|も|によると|によれば)[、，,]?\s*", sentence):
        if any(start < match.start() < end for start, end in quoted):
            continue
        head = sentence[:match.start()]
        cut = max((m.end() for m in _JA_BOUNDARY.finditer(head)), default=0)
        said = _ja_subject(head[cut:])
        if said.who:
            found.append(said)
            if whole:
                break
    people = [said for said in found if said.role or said.pronoun or (said.name and _ja_person(said.name))]
    return (people or found or [None])[-1]


def _ja_person(name: str, some: bool = False) -> bool:
    """A person's name: MeCab reads a given name or a family name in it, or it is a word in katakana that
    its dictionary does not know and reads as no place (``some``: one such piece among others, チョー・ハン)."""
    pieces = segment.morphemes(name)
    unknown = [cjk_names.unknown_katakana(p) or p.surface == "・" for p in pieces]
    return any(p.sub2 == "人名" for p in pieces) or (any(unknown) if some else all(unknown))


def _ja_subject(phrase: str) -> Said:
    """The speaker in a Japanese subject phrase: the nouns that end it (ルーカス市長 of 民主党員のルーカス市長),
    an office or an honorific taken off; a name left is a person's (人名), a foreign one in katakana the
    dictionary does not know or in Latin letters, or a body's; 同 or その before an office is the one named
    before. A katakana word after の with no office is a thing of someone's (彼女のツイートは), no speaker."""
    phrase = _JA_ASIDE.sub("", phrase).strip()
    phrase = re.sub(r"\s*[:：]\s*$", "", _JA_TOPIC.sub("", phrase).strip()).strip()
    if not phrase:
        return _NOBODY
    pieces = segment.morphemes(phrase)
    start = len(pieces)
    while start > 0 and (pieces[start - 1].pos in ("名詞", "接頭詞") or pieces[start - 1].surface in ("・", "＝")):
        start -= 1
    owned = start > 0 and pieces[start - 1].surface == "の"
    words = phrase[_offset(phrase, pieces, start):].strip()
    if not words:
        return _NOBODY
    if words in PRONOUNS:
        return Said(pronoun=PRONOUNS[words], subject=True, attributed=True)
    rest = re.sub(rf"(?:{JA_ROLE})$", "", words)
    role = words[len(rest):] or None
    office = role if role not in _JA_HONORIFICS else None
    if not rest or (role and _JA_DEMONSTRATIVE.match(rest)):
        return Said(role=office, subject=True, attributed=True)
    if role and _PSEUDONYM.fullmatch(rest):
        return Said(name=rest, subject=True, attributed=True)  # A子さん, Bさん: a person the article keeps unnamed
    latin = _LATIN_NAME.search(rest)
    katakana = _KATAKANA_RUN.search(rest)
    if latin is not None and len(latin.group()) >= 2:
        return Said(name=latin.group().strip(), subject=True, attributed=True)
    if katakana is not None and len(katakana.group()) >= 2 and (
            role or "・" in katakana.group() or (_ja_person(katakana.group(), some=True) and not owned)):
        return Said(name=katakana.group(), subject=True, attributed=True)
    tail = ""
    for piece in reversed(segment.morphemes(rest)):
        if piece.sub2 == "人名" or (piece.sub1 == "固有名詞" and not tail):
            tail = piece.surface + tail
            continue
        break
    if owned and not role and not any(p.sub2 == "人名" for p in segment.morphemes(tail or rest)):
        return _UNNAMED
    if len(tail) >= 2:
        return Said(name=tail, subject=True, attributed=True)
    if office and _KANJI_NAME.fullmatch(rest) and not _BODY_END.search(rest) and \
            [p.sub2 for p in segment.morphemes(rest)] not in (["地域"], ["組織"]):
        return Said(name=rest, subject=True, attributed=True)  # 平野星矢選手, 汪文斌報道官: names IPAdic does not know
    if tail and role:
        return Said(name=tail + role, subject=True, attributed=True)  # イ教授: a one-letter surname and an office
    return Said(role=office, subject=True, attributed=True)


def _offset(text: str, pieces: list[segment.Morpheme], index: int) -> int:
    """Where the ``index``-th of MeCab's pieces starts in the text (its surfaces leave out spaces)."""
    position = 0
    for piece in pieces[:index]:
        position = text.find(piece.surface, position) + len(piece.surface)
    found = text.find(pieces[index].surface, position) if index < len(pieces) else len(text)
    return found if found >= 0 else len(text)


def _cjk_name(phrase: str, language: str) -> bool:
    """A Chinese subject phrase left as a name: two to eight characters, a proper noun as the segmenter tags
    it among them, and no common word alone."""
    if not 2 <= len(phrase) <= 8 or not segment.unspaced(phrase):
        return False
    return bool(segment.names(phrase, language)) and not segment.common_word(phrase, language)
