"""Speech in Russian and Ukrainian: the verbs, names, pronouns and roles of their attributions. Russian and
Ukrainian punctuate speech with a dash after the quotation ("…», — сказал он"), write names in Cyrillic and
decline them ("по словам Пескова"); speech.py reads these beside english.py."""

from __future__ import annotations

import re

#: Russian and Ukrainian speech verbs (past tense in any gender and number, and the present of a few)
SPEECH = (r"(?:(?:сказа|заяви|отмети|добави|написа|писа|рассказа|подчеркну|сообщи|поясни|объясни|заключи|"
          r"предупреди|замети|призна|уточни|ответи|прокомментирова|твитну|зазначи|дода|розпові|підкресли|повідоми|"
          r"попереди|прокоментува|твітну)(?:л|ла|ло|ли|в)|"
          r"говорит|считает|пишет|отмечает|подчеркивает|утверждает|заявляет|рассказывает|добавляет|поясняет|"
          r"объясняет|вспоминает|говорить|вважає|пише|зазначає|стверджує|заявляє|розповідає|пояснює|пригадує)")
#: a capitalised word; a capital inside it too, as transliterated names keep one ("ДеБері", "МакКартни")
_WORD = r"[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+(?:[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+)?"
#: a name written in Cyrillic
WORD = re.compile(_WORD)
#: honorifics before a name, which a speaker's name does not keep ("Господин Маршалл", "Пан Маршалл")
TITLE_WORDS = frozenset("господин госпожа пан пані панi доктор профессор професор мистер миссис мисс сэр".split())
#: a plural adjective opens a group that speaks ("Іранські чиновники заявили", "Российские СМИ сообщили")
GROUP_ADJECTIVE = re.compile(r"(?:ские|цкие|ські|цькі)$")
_PRONOUN = r"[Оо]на?|[Вв]ін|[Вв]она"
_FULL = rf"(?:[А-ЯЁІЇЄҐ]\.\s*){{0,2}}{_WORD}(?:\s+{_WORD})?"
_NAME = rf"(?P<name>(?:{_PRONOUN})\b|{_FULL})"
#: "…», — сказал журналистам глава округа Николай Парфенов." / "…», — заявил он в беседе …": the name that
#: ends the attribution, as in English ("said team president Billy King"), or a pronoun
AFTER = re.compile(rf"^\s*[,.]?\s*[-–—]\s*{SPEECH}\s+(?:[\w.-]+\s+){{0,6}}?"
                   rf"(?P<name>(?:{_PRONOUN})\b|{_FULL}(?=\s*(?:[,.;(]|$)))")
#: "…», — сказала вдова де Вита, Анна Морозова, …": a full name in apposition after an owner in the
#: genitive ("вдова де Вита") is the speaker, not the owner
AFTER_APPOSED = re.compile(rf"^\s*[,.]?\s*[-–—]\s*{SPEECH}\s+(?:[\w.-]+\s+){{0,6}}?{_FULL},\s+"
                           rf"(?P<name>{_WORD}\s+{_WORD})(?=\s*(?:[,.;(]|$))")
#: "…», — написал Алихан Смаилов на своей странице", "…", заявил канадец Стивен Томас Миллер в
#: разговоре с …": a person's full name after the verb (and a word or two), whatever follows it; checked to be a person
AFTER_NAMED = re.compile(rf"^\s*[,.]?\s*[-–—]?\s*{SPEECH}\s+(?:[а-яёіїєґ-]+\s+){{0,3}}?"
                         rf"(?P<name>{_WORD}\s+{_WORD}(?:\s+{_WORD})?)")
#: "…», — заявил Песков журналистам.", "…», — сказал Сомов о планах на осень", "— заявил демократ Лукас на …": a
#: name after the verb (and a word or two that say who), with to whom, where or what about after it; checked to
#: be a person and to follow no preposition (a place stands there too: "— заявили в Москве на брифинге")
AFTER_FOLLOWED = re.compile(rf"^\s*[,.]?\s*[-–—]\s*{SPEECH}\s+(?:[а-яёіїєґ-]+\s+){{0,2}}?(?P<name>{_FULL})"
                            rf"(?=\s+[а-яёіїєґ])")
#: roles in Russian and Ukrainian ("— добавил президент республики" speaks for the person last named with
#: the title, "президент Теббун")
ROLE_WORDS = (r"президент|премьер-министр|прем'єр-міністр|министр|міністр|мэр|мер|губернатор|глава|голова|"
              r"пресс-секретарь|прес-секретар|посол|судья|суддя|прокурор|тренер|директор|председатель|"
              r"канцлер|адвокат|профессор|професор")
#: "Песков заявил: «…»", "Профессор Ли утверждает: «…»" (a title before the name is not part of it); to whom or
#: where may follow the verb before a colon ("Куреши написал послу в ответном твите: «…»")
BEFORE = re.compile(rf"(?:(?i:{ROLE_WORDS})\s+)?{_NAME}\s+(?:[а-яёіїє]+\s+){{0,4}}?{SPEECH}"
                    rf"(?:\s*[:,]?|(?:\s+[^\s:«»\"“”„,.!?]+){{1,4}}\s*:)\s*$")
AFTER_ROLE = re.compile(rf"^\s*[,.]?\s*[-–—]\s*{SPEECH}\s+(?:[а-яёіїє-]+\s+){{0,3}}?"
                        rf"(?P<name>{ROLE_WORDS})\b")
ROLE = re.compile(rf"^(?:{ROLE_WORDS})$", re.I)
#: a partial quote in a sentence whose subject calls something by it ("Депутат Павел Рудаков назвал эти решения
#: «ужасными»", "В марте она без объяснений назвала праздник «…»", "Министр назвал обвинения «…»"):
#: the subject right before the verb, a few adverbs apart at most
_CALLING = r"(?:назва(?:л|ла|ло|ли|в)|называ(?:ет|ют|л|ла|ли)|назива(?:є|ють|в|ла|ли)|охарактеризува\w*|охарактеризова\w*)"
CALLS = re.compile(rf"(?:^|[\s,—–-])(?P<name>{_PRONOUN}|(?i:{ROLE_WORDS})|(?:{_WORD}\s+)?{_WORD})\s+"
                   rf"(?:[а-яёіїєґ-]+\s+){{0,3}}?{_CALLING}\s+(?:[^\s«»\"“”„]+\s+){{0,5}}?$")
#: a partial quote in a sentence whose subject, a person, says it ("Ирина Смирнова сообщила, что это «важный
#: сигнал …»", "Андрей Соколов на встрече в Париже предупредил о «серьёзных последствиях»"): the name or pronoun a
#: few words before a speech verb, and the quotation in what it says (after "что", or what it speaks about: "о",
#: "про"; not "сказал в программе «…»", a title); read from each word on (the name nearest the verb speaks:
#: "…университета в Казани Ирина Смирнова сообщила" is Ирина Смирнова)
#: the lower-case particles inside Arabic, Dutch and German names ("Халед аль-Мишри", "Урсула фон дер Ляйен")
_PARTICLE = r"(?:аль|эль|ибн|бен|бин|фон|дер|ван|де|ле|ла|да|ди)"
_SAYING_MORE = r"(?:указа|утвержда|пообеща|обвини|призва|вказа|стверджува|пообіця|звинува|закли(?:ка)?)(?:л|ла|ло|ли|в)"
SUBJECT_SAYS = re.compile(rf"(?P<name>{_PRONOUN}|{_WORD}(?:\s+(?:{_PARTICLE}[\s-]+)*{_WORD})?)\s+(?:[^\s,«»\"“”„]+\s+){{0,4}}?"
                          rf"(?P<verb>{SPEECH}|{_SAYING_MORE})\b(?:,\s*(?:что|що|чтобы|щоб)\b[^«»\"“”„.!?;:]{{0,120}}"
                          rf"|\s+(?:[^\s,«»\"“”„]+\s+){{0,3}}?(?:о|об|обо|про)\s*)$")
#: a preposition before a word puts it in an oblique case: "в Києві", "на встрече в Париже" name no subject
PREPOSITION_BEFORE = re.compile(r"(?:^|\s)(?i:в|во|у|на|с|со|з|із|зі|к|ко|до|от|від|из|по|під|под|над|при|о|об|про|"
                                r"для|за|перед|после|після|между|між|через)\s+$")
ROLE_NAMED = re.compile(rf"(?i:\b(?P<role>{ROLE_WORDS}))\s+(?:\S+\s+){{0,4}}?"
                        rf"(?P<name>{_WORD}(?:\s+{_WORD}){{0,2}})")
#: reported speech: "Песков заявил, что …", "По словам Пескова, …" (the name as written, here in the genitive);
#: an apposition may stand between the name and the verb ("Анна Орлова, директор школы, сообщила, что …")
REPORTED = re.compile(rf"^(?:[^,]{{0,60}},\s+)?{_NAME}(?:,\s+[а-яёіїєґ][^,«»\"“”.!?]{{2,80}},)?\s+"
                      rf"(?:[а-яёіїє]+\s+){{0,3}}?{SPEECH}\s*,\s*(?:что|що),?\s+(?P<what>.{{20,}})$", re.S)
#: reported speech in a relative clause ("…направил послание, в котором он сказал, что …")
REPORTED_RELATIVE = re.compile(rf"^[^«»\"“”]{{10,200}}?,\s+(?:в|во|на|у)\s+(?:котором|которой|которых|якому|якій|яких)\s+"
                               rf"(?P<name>{_PRONOUN})\s+(?:[а-яёіїє]+\s+){{0,2}}?{SPEECH}\s*,\s*(?:что|що),?\s+"
                               rf"(?P<what>.{{20,}})$", re.S)
ACCORDING = re.compile(rf"^(?:По словам|За словами)\s+{_NAME},\s+(?P<what>.{{20,}})$", re.S)
#: the source named after what is reported, ending the sentence ("…, сообщает ТАСС.", "…, пишет Financial
#: Times.", "…, отмечает Бургазлиев.", with when, where or to whom after it: "…, сказал он в интервью."): a
#: person, an outlet or an agency, in Cyrillic or Latin letters or quoted;
#: not "Об этом сообщает …", which points back at the sentence before
_REPORTS = r"сообща(?:ет|ют)|переда(?:ет|ёт|ют)|пиш(?:ет|ут)|отмечает|повідомля(?:є|ють)|переда(?:є|ють)|пише|зазначає"
_SOURCE_WORD = r"[A-ZА-ЯЁІЇЄҐ0-9][\w'’-]*(?:\.[\w'’-]+)*"
REPORTED_AFTER = re.compile(rf"^(?!Об этом|Про це)(?P<what>.{{20,}}?[^»\"“”\s]),\s+(?:{_REPORTS}|{SPEECH})\s+[«\"„“]?"
                            rf"(?P<name>(?:{_PRONOUN})\b|(?=[^0-9]){_SOURCE_WORD}(?:\s+{_SOURCE_WORD}){{0,4}})"
                            r"[»\"“”]?(?:\s+\([^)]{1,20}\))?(?:\s+[а-яёіїєґ][^.!?«»\"“”]{0,60}?)?\s*[.!]?\s*$", re.S)
#: an institution or a group that says what the clause before it states, as the English "…, police said.":
#: "…, сообщили в полиции.", "…, заявили в пресс-службе МВД.", "…, повідомили у поліції." (a plural verb with
#: no subject: the office speaks) or "…, сообщают власти.", "…, сообщила полиция." Nobody is named: a group
#: speaks as many, and an office in the prepositional case is no person
SPEECH_PLURAL = (rf"{SPEECH}(?<=ли)|сообщают|передают|пишут|заявляют|говорят|отмечают|уточняют|повідомляють|пишуть|"
                  r"заявляють|кажуть")
_GROUP_NOUNS = (r"полиция|милиция|прокуратура|власти|спасатели|следователи|чиновники|эксперты|аналитики|очевидцы|"
                r"свидетели|врачи|медики|военные|источники|поліція|влада|рятувальники|слідчі|посадовці|експерти|"
                r"аналітики|свідки|лікарі|військові|джерела")
REPORTED_BY_GROUP = re.compile(
    rf"^(?!Об этом|Про це)(?P<what>[^«»\"“”„]{{20,}}?[^»\"“”\s]),\s+(?:[-–—]\s+)?(?:"
    rf"(?:{SPEECH_PLURAL})\s+(?:[\w-]+\s+){{0,2}}?(?:в|во|у)\s+[^.!?,«»\"“”]{{2,60}}?"
    rf"|(?:{_REPORTS}|{SPEECH})\s+(?:[а-яёіїєґ-]+\s+)?(?:{_GROUP_NOUNS})\b[^.!?«»\"“”]{{0,60}}?"
    rf")\s*[.!]?\s*$", re.S)
#: reported speech of an office, an institution or a group before its verb ("В Минобороны заявили, что …",
#: "Министерство обороны сообщило, что …", "Власти заявили, что …", "У поліції повідомили, що …"): a
#: rendering with no speaker, as "The ministry said that …"; but where the subject ends in a person's name or
#: a pronoun ("Министр финансов Эстонии Кристина Лаур заявила, что …", "При этом она отметила, что …"), hers
REPORTED_UNNAMED = re.compile(
    rf"^(?:[^,]{{0,60}},\s+)?(?:(?:[А-ЯЁІЇЄҐ][а-яёіїєґ]+\s+)?[ВвУу]о?\s+[^,.!?«»\"“”]{{2,60}}?\s+(?:{SPEECH_PLURAL})"
    rf"|(?P<who>[А-ЯЁІЇЄҐ][\w-]*(?:\s+[\w-]+){{0,5}}?)\s+(?:{SPEECH}|{SPEECH_PLURAL}))\s*,\s*(?:что|що),?\s+"
    rf"(?P<what>.{{20,}})$", re.S)
#: a sentence that opens with a name ("Андрей Тяжельников выступил …"), for a following "он" or "она"
NAMED_SUBJECT = re.compile(rf"^(?P<name>{_WORD}(?:\s+{_WORD}){{0,2}})(?=\s+[а-яёіїєґ])")
#: a sentence whose subject is a description ending in a given name and surname ("Психолог Мария Белова,
#: у которой …", "Нападающий клуба Иван Петров признался …", "Мэр города, Игорь Сомов, открыл …"), for a
#: following "он" or "она"
TITLED_SUBJECT = re.compile(rf"^[А-ЯЁІЇЄҐ][\w-]*(?:\s+[\w\"«»„“”.-]+){{0,12}}?,?\s+(?P<name>{_WORD}\s+{_WORD})"
                            rf"(?=\s*,|\s+[а-яёіїєґ])")
#: a given name and surname, whose surname alone may name the speaker later in the article (the first word is
#: checked to be a given name: "Великобритании Элизабет" is none; pairs overlap, "Великобритании Лиз Трасс")
FULL_NAME = re.compile(rf"\b(?P<first>{_WORD})\s+(?=(?P<last>{_WORD}))")
