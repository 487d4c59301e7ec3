"""Who says what no one named says, as the article writes it (sentences from ECB+ dev articles)."""

from __future__ import annotations

from storyweave.model import Quote
from tests.quotes.stories import in_order, multilingual, quotes_of


def _said_by(quote: Quote) -> str | None:
    return quote.speaker_description.text if quote.speaker_description else None


def test_the_subject_of_the_speech_verb_beside_a_statement_says_who_without_a_name():
    quotes = in_order(quotes_of(
        "Some of the pellets hit the victims and some did not, police said. "
        "“The sailors on Gibe were exchanging small arms fire with the pirates. On spotting the armed Chetak "
        "hovering overhead, the pirate boats broke off their attack,” said an officer. "
        "The Egyptian communications ministry said that ships have already been dispatched to look at the problem. "
        "“The facade has changed but the foundations remain the same,” said a Western diplomat, who requested "
        "anonymity."))
    assert [(q.speaker_name, _said_by(q)) for q in quotes] == [
        (None, "police"), (None, "an officer"), (None, "The Egyptian communications ministry"),
        (None, "a Western diplomat")]


def test_the_description_is_a_span_of_the_article_and_a_named_or_pronoun_speaker_gets_none():
    text = ("“This is a sad day for the Kraft Foods family,” the company said in a statement. "
            "“They drive reckless around here all the time,” Mayor Ann Lee said. "
            "He said the plant would stay closed for the rest of the week and reopen on Monday.")
    quotes = in_order(quotes_of(text))
    span = quotes[0].speaker_description
    assert text[span.start:span.end] == span.text == "the company"
    assert quotes[0].to_dict()["speaker"]["description"] == span.to_dict()
    assert Quote.from_dict(quotes[0].to_dict()).speaker_description == span
    assert (quotes[1].speaker_name, _said_by(quotes[1])) == ("Ann Lee", None)
    assert _said_by(quotes[2]) is None, "“he” without a name says nothing of who"


def test_a_verb_that_does_not_govern_the_quotation_does_not_describe_its_speaker():
    quotes = quotes_of("Jurors heard her daughter screaming, “Mommy, mommy, I got hit. Something hit me in my back”, "
                       "while her mother told her to stop talking.")
    assert [_said_by(q) for q in quotes] == [None]


def _described(text: str, language: str, prefix: int = 19) -> dict[str, str | None]:
    """Each statement's opening words, with who says it."""
    return {q.text[:prefix]: _said_by(q) for q in multilingual((text, language))}


def test_in_russian_the_subject_or_the_office_where_it_was_said():
    """The attribution hangs from the quotation in natasha's parse ("«…», — заявил представитель МВД"), and
    an office speaks without a subject ("сообщили в управлении полиции")."""
    assert _described("Пожар произошёл ночью. «Мы продолжим расследование этого дела до конца», — заявил "
                      "представитель МВД. «Подозреваемый задержан вчера вечером и уже дал признательные показания "
                      "следователям», — сообщили в управлении полиции. Очевидцы рассказали, что взрыв был слышен "
                      "за несколько километров от города. «Я не буду участвовать в этих выборах ни при каких "
                      "условиях», — сказал он журналистам.", "ru") == {
        "Мы продолжим рассле": "представитель МВД", "Подозреваемый задер": "в управлении полиции",
        "взрыв был слышен за": "Очевидцы", "Я не буду участвова": None}


def test_in_german_the_description_after_or_before_the_quotation():
    assert _described("„Wir werden die Ermittlungen in diesem Fall bis zum Ende fortsetzen“, sagte ein Sprecher "
                      "der Polizei am Montag. Ein hochrangiger Beamter des Ministeriums sagte: „Die Gespräche sind "
                      "vorerst gescheitert, aber wir bleiben weiter dran.“ „Ich werde an dieser Wahl unter keinen "
                      "Umständen teilnehmen“, sagte er den Journalisten.", "de") == {
        "Wir werden die Ermi": "ein Sprecher der Polizei",
        "Die Gespräche sind ": "Ein hochrangiger Beamter des Ministeriums", "Ich werde an dieser": None}


def test_in_chinese_the_subject_phrase_beside_the_quotation_without_time_place_or_adverbs():
    assert _described("一位消防部门的发言人说：“火势已经得到控制，目前没有人员受伤的报告。”\n"
                      "“我们将继续调查这起事故的原因，直到水落石出为止，”这名警官 6 月份在记者会上表示。\n"
                      "文件还提到，“新医院将在明年年底之前全面投入使用并接待病人。”\n"
                      "他们说：“我们不会接受任何没有事先协商的方案和条件。”", "zh", prefix=6) == {
        "火势已经得到": "一位消防部门的发言人", "我们将继续调": "这名警官", "新医院将在明": "文件", "我们不会接受": None}


def test_other_languages_are_not_read():
    quotes = multilingual(("«Nous poursuivrons l'enquête sur cette affaire jusqu'au bout», a déclaré un porte-parole "
                           "de la police.", "fr"))
    assert quotes and all(q.speaker_description is None for q in quotes)
