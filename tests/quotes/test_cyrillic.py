"""Attributions in Russian and Ukrainian."""

from __future__ import annotations

import pytest

from storyweave.model import Article, Story
from storyweave.quotes import story_quotes


@pytest.mark.parametrize(("text", "speaker"), [
    ("«Прямо в глаза бросается горнолыжный курорт, и это наше главное богатство», — рассказал журналистам глава "
     "Рузского округа Николай Парфенов.", "Николай Парфенов"),
    ("Песков заявил: «Мы не видим никаких оснований для пересмотра наших планов на этот год».", "Песков"),
    ("Андрей Тяжельников выступил на радио. \"Витамины важны для иммунитета в любое время года, особенно зимой\", "
     "- заявил он в беседе с радиостанцией.", "Андрей Тяжельников"),
    ("«Мы будемо намагатися швидко діагностувати нові варіанти вірусу», – заявив професор Лі.", "Лі"),
    ("Песков заявил, что Москва не видит оснований для пересмотра своих планов на этот год.", "Песков"),
    ("По словам Дмитрия Пескова, Москва не видит оснований для пересмотра своих планов на этот год.",
     "Дмитрий Песков"),
    ("Президент России Владимир Путин провел совещание. «Мы обязательно выполним все поставленные задачи в срок», "
     "— добавил президент.", "Владимир Путин"),
    ("«Его часто не понимали, потому что он был чрезвычайно тактичен», — сказала вдова де Клерка, Элита "
     "Гиоргадес, в присутствии 200 человек.", "Элита Гиоргадес"),
    ("«Приказ об отсрочке платежей по займам малого бизнеса принят в апреле», - написал Алихан Смаилов в своем "
     "Telegram-канале.", "Алихан Смаилов"),
    ("Авторы \"понимали остроту поднимаемых тем и не хотели никого оскорбить\", заявил американец Стивен Томас "
     "Окснер в беседе с журналистами.", "Стивен Томас Окснер"),
    ("«Мы ясно дали понять, что у любого вторжения будут последствия», — заявила министр иностранных дел Германии "
     "Анналена Бербок на пресс-конференции.", "Анналена Бербок"),
    ("Глава МИД Великобритании Лиз Трасс прибыла в Ливерпуль. Трасс заявила: «Этой зимой Великобритания "
     "предоставит Афганистану необходимую гуманитарную помощь».", "Трасс"),
    ("Профессор Ли утверждает: «Я считаю, что эта технология выйдет на рынок в следующем году».", "Ли"),
    ("Господин Маршалл заявил: «Этих животных эвакуировали раньше, чем многих людей, которые работали с нами».",
     "Маршалл"),
    ("Прокурор Андрес Гросс выступил на заседании. По словам Гросса, во всех этих случаях у него были личные "
     "интересы, а потому он должен был отстраниться.", "Гросс"),
])
def test_russian_and_ukrainian_attributions_name_the_speaker(text, speaker):
    """Direct speech with the attribution after or before it, and reported speech ("заявил, что",
    "по словам" with the name put back into the nominative)."""
    language = "uk" if "заявив" in text else "ru"
    article = Article(id="r", source_path="r", text=text, language=language)
    quotes = story_quotes(Story("s", "t", ["r"]), {"r": article})
    assert [q.speaker_name for q in quotes] == [speaker]


def test_a_russian_role_before_a_quotation_is_not_taken_for_a_name():
    text = "Директор Общества гражданских инженеров заявил: «Мост нуждается в ремонте уже много лет подряд»."
    article = Article(id="r", source_path="r", text=text, language="ru")
    assert [q.speaker_name for q in story_quotes(Story("s", "t", ["r"]), {"r": article})] == [None]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Головной корабль этой серии \"Иван Грен\" уже служит на Северном флоте, передает ТАСС.", "ТАСС"),
    ("Credit Suisse требует от сотрудников доступ к их мобильным устройствам, пишет Financial Times.",
     "Financial Times"),
    ("БПЛА \"Eren\" протестировали на дистанции от 100 до 500 м, сообщает \"МИР24\".", "МИР24"),
])
def test_the_source_named_after_what_is_reported_is_its_speaker(text, speaker):
    article = Article(id="r", source_path="r", text=text, language="ru")
    quotes = story_quotes(Story("s", "t", ["r"]), {"r": article})
    assert [(q.speaker_name, q.variants[0].direct, q.text) for q in quotes] == [(speaker, False, text)]


def test_a_report_that_points_back_at_the_sentence_before_is_no_statement():
    article = Article(id="r", source_path="r", text="Об этом в субботу, 11 декабря, сообщает Die Welt.", language="ru")
    assert story_quotes(Story("s", "t", ["r"]), {"r": article}) == []


@pytest.mark.parametrize(("text", "language"), [
    ("Несколько рейсов в главный аэропорт Белграда были отменены из-за погодных условий, сообщают СМИ Белграда.", "ru"),
    ("Влада заявила, що сильні вітри пошкодили електропостачання в десятках сіл.", "uk"),
    ("Іранські чиновники раніше заявили, що дотримуються своєї жорсткої позиції на переговорах.", "uk"),
    ("Цей чиновник додав, що спеціальний представник США повертається до Відня для перемовин.", "uk"),
])
def test_the_media_or_the_authorities_are_no_named_speaker(text, language):
    article = Article(id="r", source_path="r", text=text, language=language)
    assert [(q.speaker_name, q.variants[0].direct) for q in story_quotes(Story("s", "t", ["r"]), {"r": article})] == [
        (None, False)]
