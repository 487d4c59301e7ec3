from __future__ import annotations

import pytest

from storyweave.timeline import find


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("18 июня 2021 года Песков сделал заявление.", "ru", [("18 июня 2021 года", "2021-06-18")]),
    ("Строители обещают открыть новый мост к марту 2022 года.", "ru", [("марту 2022 года", "2022-03")]),
    ("Полигон эксплуатировался с 1976 по 2016 год.", "ru", [("с 1976 по 2016", "1976")]),
    ("Детали были изготовлены в 2015-2016 годах.", "ru", [("2015-2016 годах", "2015")]),
    ("Он освободил его из тюрьмы в 1990-м.", "ru", [("в 1990-м", "1990")]),
    ("В 2012 автозавод выпустил 40 обезьян.", "ru", [("В 2012", "2012")]),
    ("Забег на дистанцию в 2000 метров отменили.", "ru", []),
    ("Картину тайно продали в 1970-х годах.", "ru", []),
    ("Це сталося 5 березня 2022 року.", "uk", [("5 березня 2022 року", "2022-03-05")]),
])
def test_russian_and_ukrainian_dates_that_a_line_states_in_full(text, language, expected):
    assert [(e.text, e.value) for e in find(text, None, None, language)] == expected


def test_relative_expressions_resolve_against_the_published_date_and_the_nearest_date():
    text = ("18 июня 2021 года Песков заявил, что решение примут 20 июня. Два дня назад завод открыли, "
            "в понедельник рынок упал, а в прошлом году объем вырос. Вчера было объявлено о встрече.")
    found = {e.text: e.value for e in find(text, "2021-06-23", None, "ru")}
    assert found == {"18 июня 2021 года": "2021-06-18", "20 июня": "2021-06-20", "Два дня назад": "2021-06-21",
                     "в понедельник": "2021-06-21", "в прошлом году": "2020", "Вчера": "2021-06-22"}


def test_a_dotted_date_is_day_first_and_english_rules_do_not_read_russian_words():
    assert [(e.text, e.value) for e in find("Am 12.03.2020 wurde der Vertrag unterzeichnet.", None, None, "de")] == [
        ("12.03.2020", "2020-03-12")]
    assert find("18 июня 2021 года", None, None, "en") == []


def test_one_dated_event_told_in_english_and_russian_is_one_entry():
    from storyweave.model import Article, Story
    from storyweave.timeline import story_timeline

    texts = {"en": "The bridge over the river was closed for repairs on June 18, 2021, the city said.",
             "ru": "18 июня 2021 года мост через реку был закрыт на ремонт, сообщили в мэрии.",
             "ru2": "18 июня 2021 года в городе прошел концерт симфонического оркестра под открытым небом."}
    articles = {aid: Article(id=aid, source_path=aid, language=aid[:2], outlet=aid, text=text)
                for aid, text in texts.items()}
    timeline = story_timeline(Story("s", "t", list(texts)), articles)
    assert sorted(sorted(s.article_id for s in e.sources) for e in timeline) == [["en", "ru"], ["ru2"]]
