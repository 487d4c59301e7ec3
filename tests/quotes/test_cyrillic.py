"""Attributions in Russian and Ukrainian."""

from __future__ import annotations

import pytest

from storyweave.model import Article, Story
from storyweave.quotes import story_quotes


@pytest.mark.parametrize(("text", "speaker"), [
    ("«Первым делом гости видят наше озеро, и это наша главная гордость», — рассказал журналистам глава "
     "Озерского района Николай Зотов.", "Николай Зотов"),
    ("Песков заявил: «Мы не видим никаких оснований для пересмотра наших планов на этот год».", "Песков"),
    ("Андрей Тяжельников выступил на радио. \"Прогулки полезны для здоровья в любое время года, особенно осенью\", "
     "- заявил он в разговоре с ведущим.", "Андрей Тяжельников"),
    ("«Ми будемо намагатися швидко перевіряти нові зразки ґрунту», – заявив професор Лі.", "Лі"),
    ("Песков заявил, что Москва не видит оснований для пересмотра своих планов на этот год.", "Песков"),
    ("По словам Дмитрия Пескова, Москва не видит оснований для пересмотра своих планов на этот год.",
     "Дмитрий Песков"),
    ("Президент России Владимир Путин провел совещание. «Все дороги в регионе отремонтируют до конца лета», "
     "— добавил президент.", "Владимир Путин"),
    ("«Его многие любили, потому что он был удивительно скромен», — сказала вдова де Вита, Анна "
     "Морозова, перед собравшимися гостями.", "Анна Морозова"),
    ("«Решение о новых льготах для фермеров будет принято в мае», - написал Алихан Смаилов на "
     "своей странице.", "Алихан Смаилов"),
    ("Художники \"знали о сложности выбранной темы и не хотели никого обидеть\", заявил канадец Стивен Томас "
     "Миллер в разговоре с гостями.", "Стивен Томас Миллер"),
    ("«Мы открыто сказали, что любые новые пошлины вызовут ответ», — заявила министр иностранных дел Германии "
     "Клара Фельдман на пресс-конференции.", "Клара Фельдман"),
    ("Глава МИД Великобритании Лиз Трасс прибыла в Глазго. Трасс заявила: «Этой весной Великобритания "
     "откроет в Шотландии три новых порта».", "Трасс"),
    ("Профессор Ли утверждает: «Я думаю, что этот материал появится в магазинах через два года».", "Ли"),
    ("Господин Маршалл заявил: «Этих лошадей вывезли раньше, чем многих людей, которые жили в деревне».",
     "Маршалл"),
    ("Прокурор Андрес Гросс выступил на заседании. По словам Гросса, в каждом из трех договоров судья был "
     "заинтересованной стороной, поэтому ему следовало уйти в отставку.", "Гросс"),
])
def test_russian_and_ukrainian_attributions_name_the_speaker(text, speaker):
    """Direct speech with the attribution after or before it, and reported speech ("заявил, что",
    "по словам" with the name put back into the nominative)."""
    language = "uk" if "заявив" in text else "ru"
    article = Article(id="r", source_path="r", text=text, language=language)
    quotes = story_quotes(Story("s", "t", ["r"]), {"r": article})
    assert [q.speaker_name for q in quotes] == [speaker]


def test_a_russian_role_before_a_quotation_is_not_taken_for_a_name():
    text = "Директор Общества городских архитекторов заявил: «Вокзал нуждается в ремонте уже много лет подряд»."
    article = Article(id="r", source_path="r", text=text, language="ru")
    assert [q.speaker_name for q in story_quotes(Story("s", "t", ["r"]), {"r": article})] == [None]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Первое судно этой серии \"Петр Моргунов\" уже несет службу на Балтике, передает ТАСС.", "ТАСС"),
    ("Deutsche Bank просит сотрудников сдавать служебные ноутбуки на ночь, пишет Financial Times.",
     "Financial Times"),
    ("Робот \"Atlas\" испытали на маршруте от 200 до 800 м, сообщает \"МИР24\".", "МИР24"),
])
def test_the_source_named_after_what_is_reported_is_its_speaker(text, speaker):
    article = Article(id="r", source_path="r", text=text, language="ru")
    quotes = story_quotes(Story("s", "t", ["r"]), {"r": article})
    assert [(q.speaker_name, q.variants[0].direct, q.text) for q in quotes] == [(speaker, False, text)]


def test_a_report_that_points_back_at_the_sentence_before_is_no_statement():
    article = Article(id="r", source_path="r", text="Об этом в пятницу, 3 марта, сообщает Die Welt.", language="ru")
    assert story_quotes(Story("s", "t", ["r"]), {"r": article}) == []


@pytest.mark.parametrize(("text", "language"), [
    ("Несколько поездов из главного вокзала Загреба были задержаны из-за снегопада, сообщают СМИ Загреба.", "ru"),
    ("Влада заявила, що сильні зливи пошкодили дороги в кількох районах.", "uk"),
    ("Польські чиновники раніше заявили, що не змінять своєї позиції щодо нових тарифів.", "uk"),
    ("Цей чиновник додав, що новий посланець ЄС повертається до Женеви для консультацій.", "uk"),
    ("Пожар начался после полуночи на старом складе у гавани, сообщили в полиции.", "ru"),
    ("Пожар начался после полуночи на старом складе у гавани, заявили в пресс-службе МВД.", "ru"),
    ("Сильный ливень затопил два квартала на окраине города, сообщают власти.", "ru"),
    ("Пожежа почалася після півночі на старому складі біля гавані, повідомили в поліції.", "uk"),
])
def test_the_media_or_the_authorities_are_no_named_speaker(text, language):
    """A group speaks as many and an office ("сообщили в полиции") is no person: reported, by no one named."""
    article = Article(id="r", source_path="r", text=text, language=language)
    assert [(q.speaker_name, q.variants[0].direct) for q in story_quotes(Story("s", "t", ["r"]), {"r": article})] == [
        (None, False)]
