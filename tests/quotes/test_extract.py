from __future__ import annotations

import dataclasses

import pytest

from storyweave.cluster.batch import cluster
from storyweave.model import Article, Story
from storyweave.quotes import story_quotes
from storyweave.quotes.extract import article_renderings, same_speaker


def _quotes(*texts):
    articles = [Article(id=f"a{i}", source_path=f"a{i}", text=text, language="en") for i, text in enumerate(texts)]
    return story_quotes(Story("s", "t", [a.id for a in articles]), {a.id: a for a in articles})


@pytest.mark.parametrize(("text", "speaker", "said"), [
    ("“We will not recognise these republics under any circumstances,” President Tokayev said on Friday.",
     "Tokayev", "We will not recognise these republics under any circumstances,"),
    ("Tokayev stressed: «The principle applies to every quasi-state entity in the region.»", "Tokayev",
     "The principle applies to every quasi-state entity in the region."),
    ("The mayor said that the bridge will stay closed until the engineers finish their checks next month.",
     "mayor", "the bridge will stay closed until the engineers finish their checks next month."),
    ("According to Holley, the actress looks forward to continuing her treatment at the new facility.",
     "Holley", "the actress looks forward to continuing her treatment at the new facility."),
])
def test_direct_and_reported_speech_with_its_speaker(text, speaker, said):
    quotes = _quotes(text)
    assert len(quotes) == 1
    assert quotes[0].text == said
    assert (quotes[0].speaker_name or "").endswith(speaker) or speaker == "mayor"


def test_a_pronoun_takes_the_last_named_speaker_and_scare_quotes_are_not_quotes():
    quotes = _quotes("President Tokayev spoke at the forum on Friday. He said that Kazakhstan would not recognise the "
                     "two republics in the east. Critics called it a \"bold move\".")
    assert [(q.speaker_name, q.variants[0].direct) for q in quotes] == [("Tokayev", False)]


def test_no_speaker_is_none_not_a_guess():
    quotes = _quotes("“This principle also applies to Lugansk and Donetsk, which are considered quasi-state entities.”")
    assert len(quotes) == 1 and quotes[0].speaker_name is None


def test_spellings_of_one_name_are_one_speaker_and_two_names_are_two():
    assert same_speaker("Tokaev", "President Tokayev") and same_speaker("Tocaev", "Tokayev")
    assert not same_speaker("Tokayev", "Putin")


def test_the_193_remark_is_one_quote_across_four_seed_articles(seed_articles):
    articles = [dataclasses.replace(a) for a in seed_articles.values()]
    story = cluster(articles)[0]
    quotes = story_quotes(story, {a.id: a for a in articles})
    remark = next(q for q in quotes if "193" in q.text)
    assert len({v.span.article_id for v in remark.variants}) == 4
    assert all("193" in v.span.text for v in remark.variants)
    assert same_speaker(remark.speaker_name, "Kassym-Jomart Tokayev")
    by_id = {a.id: a for a in articles}
    for variant in remark.variants:
        assert by_id[variant.span.article_id].text[variant.span.start:variant.span.end] == variant.span.text


def test_a_name_after_a_quotation_is_a_speaker_only_beside_a_speech_verb():
    quotes = _quotes("Nobody settles \u201cnational self determination\u201d. Different. \u201cIt feels very tense,\u201d "
                     "said Risa Kusuma at the evacuation centre.")
    assert [(q.text, q.speaker_name) for q in quotes] == [("It feels very tense,", "Risa Kusuma")]


def _multilingual(*texts_and_languages):
    articles = [Article(id=f"a{i}", source_path=f"a{i}", text=text, language=language)
                for i, (text, language) in enumerate(texts_and_languages)]
    return story_quotes(Story("s", "t", [a.id for a in articles]), {a.id: a for a in articles})


def test_one_statement_in_two_languages_is_one_quote_and_a_translation_that_quotes_less_joins_it():
    english = ("The ministers met in Liverpool on Sunday. \u201cRussia should be in no doubt that further military "
               "aggression against Ukraine would have massive consequences,\u201d the ministers said. The meeting "
               "ends on Monday.")
    german = ("Die Minister trafen sich am Sonntag in Liverpool. Russland solle nicht daran zweifeln, dass weitere "
              "Aggression gegen die Ukraine \u201emassive Konsequenzen haben w\u00fcrde\u201c, sagten die Minister. Das Treffen "
              "endet am Montag.")
    russian = "Министры встретились в Ливерпуле в воскресенье. Встреча завершится в понедельник."
    quotes = _multilingual((english, "en"), (german, "de"), (russian, "ru"))
    assert len(quotes) == 1
    assert {v.span.article_id for v in quotes[0].variants} == {"a0", "a1"}
    assert quotes[0].text.startswith("Russia should be in no doubt")


def test_a_quoted_term_alone_is_no_quote_in_any_language():
    assert _multilingual(("Die Partei nennt das \u201eeine gute Idee\u201c.", "de"),
                         ("Il partito lo chiama \u00abuna buona idea\u00bb.", "it")) == []


def _in_order(quotes):
    return sorted(quotes, key=lambda q: q.variants[0].span.start)


def test_a_quotation_after_an_attributed_one_goes_on_with_its_speaker_but_not_across_narrative():
    quotes = _quotes("“It’s called surround and drown, when you are fighting from the air,” Owen said. “And the big "
                     "thing was we had to protect the petroleum depot next door.” Work place fires are rare, police "
                     "say. “Nobody can prepare a business for something like this,” Const. Fanning said.")
    assert [(q.text[:12], q.speaker_name) for q in _in_order(quotes)] == [
        ("It’s called ", "Owen"), ("And the big ", "Owen"), ("Nobody can p", "Fanning")]


def test_he_is_the_person_the_previous_sentence_is_about_when_more_recent_than_the_last_speaker():
    quotes = _quotes("“We will appeal,” said defence lawyer Stephen Bright. Brian Nichols, who argued he was insane, "
                     "spoke for the first time in court on Saturday. “I know that the things I've done caused a lot "
                     "of pain and I'm sorry,” he said.")
    assert [q.speaker_name for q in _in_order(quotes)] == ["Stephen Bright", "Brian Nichols"]


def test_mixed_quotation_marks_of_text_rebuilt_from_tokens_and_the_name_that_ends_an_attribution():
    quotes = _quotes("\"The cars come straight from the avenue and nothing stops them, “said South Richmond Hill "
                     "resident Suri Charanjit. \"We appreciate your respect for her privacy at this time, “Reid's "
                     "representative said.")
    assert [q.speaker_name for q in _in_order(quotes)] == ["Suri Charanjit", None]


def test_across_languages_a_quotation_joins_its_closest_rendering_in_the_other_language_not_any_article():
    quotes = _multilingual(
        ("“We will rebuild the bridge before the winter comes, whatever it costs,” the mayor said on Monday.", "en"),
        ("„Die Brücke ist seit Montag für alle Fahrzeuge gesperrt und bleibt es bis auf Weiteres“, sagte die "
         "Polizei.", "de"),
        ("„Wir werden die Brücke vor dem Winter wieder aufbauen, koste es, was es wolle“, sagte der "
         "Bürgermeister am Montag.", "de"))
    joined = [q for q in quotes if len(q.variants) > 1]
    assert len(joined) == 1
    assert {v.span.article_id for v in joined[0].variants} == {"a0", "a2"}


def test_a_colon_lead_names_its_speaker_after_a_word_that_only_opens_the_sentence():
    quotes = _quotes("On this point, Tokaev also made a response in Russia: “in Russia, some people have distorted "
                     "the whole truth about what happened in January.”")
    assert [q.speaker_name for q in quotes] == ["Tokaev"]


def test_a_quotation_right_after_reported_speech_goes_on_with_its_speaker():
    quotes = _quotes("In his speech, Tokaev said that these remarks would only harm the interests of the two peoples. "
                     "“These remarks are inexplicable to me, and I say so openly.” The forum ended on Saturday. "
                     "“Nobody expected a reply of this kind from the guest,” one observer wrote.")
    assert [(q.text[:14], q.speaker_name) for q in _in_order(quotes)] == [
        ("these remarks ", "Tokaev"), ("These remarks ", "Tokaev"), ("Nobody expecte", None)]


def test_a_term_quoted_inside_reported_speech_is_part_of_it():
    quotes = _quotes("Tocaev believes that sanctions and settlement \"a monthly turmoil\" are two different things "
                     "that cannot be compared.")
    assert [(q.text[:22], q.variants[0].direct) for q in quotes] == [("sanctions and settleme", False)]


def test_a_role_speaks_for_the_person_named_with_it_before_and_for_no_one_otherwise():
    quotes = _quotes("Nichols will die in prison after Superior Court Judge James Bodiford handed down the maximum "
                     "sentence. “If there was any more I could give you, I would,” the judge said. Her agent said "
                     "the family was grateful. “We ask for privacy for the family at this difficult time,” the "
                     "spokesman said.")
    assert [q.speaker_name for q in _in_order(quotes)] == ["James Bodiford", None]


def test_reported_speech_of_someone_unnamed_has_no_speaker_and_a_noun_is_no_name():
    quotes = _quotes("Just in April this year, a Russian TV host claimed that Kazakhstan would face the same fate as "
                     "Ukraine. The World Health Organization (WHO) said that a new strain of coronavirus has already "
                     "been detected in 63 countries.")
    assert [(q.text[:20], q.speaker_name) for q in _in_order(quotes)] == [
        ("Kazakhstan would fac", None), ("a new strain of coro", "World Health Organization")]


def test_speech_reported_inside_a_quotation_belongs_to_it():
    quotes = _quotes("Tokaev also made a response: “In Russia, some people have distorted the whole truth. They say "
                     "that Russia saved Kazakhstan in January this year, and that Kazakhstan owes it everything.”")
    assert [(q.speaker_name, q.variants[0].direct) for q in quotes] == [("Tokaev", True)]


def test_he_is_the_subject_after_an_opening_phrase_or_the_owner_of_the_subject():
    quotes = _quotes("President Tokayev spoke at the forum. In Russia, Tokayev said this in the presence of Putin. "
                     "Of course, he is not hard to be hard. He explained: “Our society is open, so it is allowed to "
                     "express different opinions.” The hall was full. Of course, Tokaev’s refusal was very artistic. "
                     "So what kind of support does Russia need? He replied that he supported the policy in the east.")
    assert [(q.text[:12], q.speaker_name) for q in _in_order(quotes)] == [
        ("Our society ", "Tokayev"), ("he supported", "Tokaev")]


def test_a_persons_spokesman_is_not_the_person_a_pronoun_refers_to():
    quotes = _quotes("Putin’s spokesman said the talks went well. He added that “the sides agreed on nothing yet, "
                     "but they will meet again in the summer.”")
    assert all(q.speaker_name is None for q in quotes)


def test_a_short_quotation_whose_sentence_says_who_speaks_is_a_quote():
    quotes = _quotes("Brett Kavanaugh testified for hours on Thursday. He also condemned Democrats on the committee, calling "
                     "the allegations a “grotesque and coordinated character assassination”. The armed forces said "
                     "the helicopter crashed “during operational activity”. Critics called it a “bold move”.")
    assert [(q.text, q.speaker_name) for q in _in_order(quotes)] == [
        ("grotesque and coordinated character assassination", "Brett Kavanaugh"), ("during operational activity", None)]


def test_a_quotation_that_reported_speech_introduces_is_its_rendering_with_its_speaker():
    quotes = _quotes("According to the LA Times, “investigators have had a difficult time determining a motive for the "
                     "killing.” Tokaev’s press secretary explained that “the head of state thanked him for this honor.”")
    assert [(q.text[:14], q.speaker_name, q.variants[0].direct) for q in _in_order(quotes)] == [
        ("investigators ", "LA Times", True), ("the head of st", None, True)]


def test_the_speaker_that_reported_speech_names_beats_an_owner_opening_the_sentence():
    quotes = _quotes("Tokayev’s spokesman Berik Uali explained that “the head of state thanked him for this honor, "
                     "but he will not accept any awards until the end of his term.”")
    assert [q.speaker_name for q in quotes] == ["Berik Uali"]


def test_an_attribution_that_names_no_one_makes_a_short_quotation_a_quote_without_a_speaker():
    quotes = _quotes("Bernd Salzberger chairs the society. “Israel’s experience shows it very convincingly,” "
                     "emphasized the expert. Critics called it a “bold move”.")
    assert [(q.text, q.speaker_name) for q in quotes] == [("Israel’s experience shows it very convincingly,", None)]


def test_a_closing_mark_with_no_opening_one_ends_a_quotation_when_an_attribution_follows():
    quotes = _quotes("Brady Quinn threw two interceptions on Sunday. ''This game was on my shoulders, all of it,\u201d "
                     "he said.\nThe extension ranged from 30 to 90 days.\nDuring the extension period, the borrower "
                     "paid no fees to the lender,\" said the Deputy Prime Minister.\nThe figures \"were good\", it said.")
    assert [(q.text, q.speaker_name) for q in _in_order(quotes)] == [
        ("This game was on my shoulders, all of it,", "Brady Quinn"),
        ("During the extension period, the borrower paid no fees to the lender,", "the Deputy Prime Minister")]


def test_a_sentence_that_renders_a_quotation_in_another_language_joins_it_as_a_reported_variant():
    english = ("The ministers met in Liverpool on Sunday. \u201cRussia should be in no doubt that further military "
               "aggression against Ukraine would have massive consequences,\u201d the ministers said. The meeting "
               "ends on Monday.")
    german = ("Die Minister trafen sich am Sonntag in Liverpool. Russland solle nicht daran zweifeln, dass weitere "
              "militärische Aggression gegen die Ukraine massive Konsequenzen haben würde, sagten die Minister. "
              "Das Treffen endet am Montag.")
    quotes = _multilingual((english, "en"), (german, "de"))
    assert len(quotes) == 1
    reported = [v for v in quotes[0].variants if v.span.article_id == "a1"]
    assert len(reported) == 1 and not reported[0].direct
    assert reported[0].span.text.startswith("Russland solle nicht daran zweifeln")


def test_a_name_before_an_apposition_is_the_whole_name():
    quotes = _quotes("Christopher Budd, of the software giant's security centre, said the company “encourages all "
                     "customers to deploy this update as soon as possible”.")
    assert [q.speaker_name for q in quotes] == ["Christopher Budd"]
    quotes = _quotes("Recently, at the forum in the city, the minister said the plan was “a very good plan for all of "
                     "us”. TallGrass, a wholesaler of health products, issued a statement saying it was “deeply "
                     "saddened by the death”.")
    assert [q.speaker_name for q in _in_order(quotes)] in ([None, "TallGrass"], ["TallGrass"])


def test_a_one_sentence_article_is_not_a_renderings_closest_by_default():
    quotes = _multilingual(
        ("“We will rebuild the bridge before the winter comes, whatever it costs,” the mayor said on Monday.", "en"),
        ("Der Bürgermeister sagte am Montag, man werde die Brücke vor dem Winter wieder aufbauen, koste es, was es "
         "wolle.", "de"),
        ("Die Polizei sagte am Montag, die Brücke bleibe für alle Fahrzeuge gesperrt, bis der Winter vorbei ist.", "de"))
    assert [sorted(v.span.article_id for v in q.variants) for q in quotes] == [["a0", "a1"]]


@pytest.mark.parametrize(("text", "speaker", "said"), [
    ("Ri says it's a pipe dream that continued sanctions will ever bring the North to its knees.", "Ri",
     "it's a pipe dream that continued sanctions"),
    ("Mr Marshall told the Commons Foreign Affairs Committee that some of those hoping to escape were murdered.",
     "Marshall", "some of those hoping to escape"),
    ("Police Lt. Jeffrey Silva said on Tuesday the landlord's son found the bodies after entering the apartment.",
     "Jeffrey Silva", "the landlord's son found the bodies"),
    ("Officers used a Taser to subdue him after he refused to leave the car, said Sgt. Marty Earley.",
     "Marty Earley", "Officers used a Taser to subdue him"),
    ("In monetary terms, the Russian car market will continue to grow next year, says Sergey Burgazliev, "
     "independent consultant on the car industry.", "Sergey Burgazliev", "In monetary terms, the Russian car"),
    ("Further, deposit rates could even fall to 4% if the Central Bank reduces the key rate, Pokatovich believes.",
     "Pokatovich", "Further, deposit rates could even fall"),
])
def test_reported_speech_without_that_or_with_the_attribution_after_it(text, speaker, said):
    quotes = _quotes(text)
    assert [(q.speaker_name, q.variants[0].direct) for q in quotes] == [(speaker, False)]
    assert quotes[0].text.startswith(said)


@pytest.mark.parametrize("text", [
    "The nearly three-month battle in the icy heights of Ladakh had claimed the lives of more than 500 soldiers.",
    "Failing to get the funding he desired from Congress, Trump declared the national emergency in February.",
    "In Russia, Tokayev said this in the presence of Putin and of the other guests at the forum.",
    "In an exclusive interview, the acting head of Khabarovsk Krai told Komsomolskaya Pravda about his trip.",
    "It is because of their focus on him, he said this week on Fox's Tucker Carlson Tonight, journalists are lost.",
])
def test_an_object_or_a_narrated_act_is_not_reported_speech(text):
    assert _quotes(text) == []


def test_a_short_quotation_is_a_partial_quote_when_its_speaker_is_named_and_it_names_nothing():
    quotes = _quotes("Alex Smith threw for 300 yards. Earlier this week, Smith called Jackson a “true professional”.")
    assert [(q.text, q.speaker_name) for q in quotes] == [("true professional", "Smith")]


@pytest.mark.parametrize("text", [
    "Alex Smith threw for 300 yards. On Monday, Smith called “Catching Fire” the best film of the year.",
    "Alex Smith threw for 300 yards. On Monday, Smith called the so-called “medical conscience” rule a mistake.",
])
def test_a_short_quotation_that_names_something_is_no_quote(text):
    assert _quotes(text) == []


def test_a_word_that_only_opens_sentences_is_no_speaker_and_according_to_her_is_she():
    text = ("The navy said its ships were on patrol. Last month, the navy said it had sunk a pirate “mother vessel” "
            "in the gulf and that the crew of the ship had been detained by the last patrol.")
    found = article_renderings(Article(id="a", source_path="a", text=text, language="en"))
    assert [(r.speaker, r.span.text) for r in found] == [(None, "mother vessel")]
    quotes = _quotes("Zukhra Pavlova wrote about it on her Telegram channel. According to her, the weekend migraine is "
                     "most widespread among workaholics.")
    assert [(q.speaker_name, q.text[:20]) for q in quotes] == [("Zukhra Pavlova", "the weekend migraine")]


def test_a_long_opening_phrase_is_not_the_speaker_and_a_plural_owner_is_not_either():
    quotes = _quotes("Watching the PBS documentary looking back at Watergate last summer, LaRue called Magruder a "
                     "“congenital liar” on the air.")
    assert [(q.text, q.speaker_name) for q in quotes] == [("congenital liar", "LaRue")]
    quotes = _quotes("As she came into the courthouse before the sentencing, Nichols' mother expressed their "
                     "sentiments in a few words: “We just want to fade into obscurity and live our lives.”")
    assert all(q.speaker_name != "Nichols'" for q in quotes) and len(quotes) == 1


def test_a_closing_mark_followed_by_a_comma_and_a_dash_ends_a_quotation_whose_opening_was_lost():
    text = ("Глава округа встретился с жителями.\nМы будем развивать курорт и дальше, потому что это наше главное "
            "богатство\", - рассказал журналистам глава округа Николай Парфенов.")
    article = Article(id="r", source_path="r", text=text, language="ru")
    quotes = story_quotes(Story("s", "t", ["r"]), {"r": article})
    assert [q.text for q in quotes] == ["Мы будем развивать курорт и дальше, потому что это наше главное богатство"]


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


def test_a_role_written_as_a_title_without_a_name_speaks_for_the_person_who_holds_it():
    quotes = _quotes("President Abdelmadjid Tebboune sent a message of condolence on Friday. \"He is leaving us "
                     "today at a time when Algeria needs him,\" added President of the Republic.")
    assert [q.speaker_name for q in quotes] == ["Abdelmadjid Tebboune"]


def test_a_quote_in_several_languages_is_stated_in_the_story_reading_language():
    english = Article(id="en", source_path="en", language="en", outlet="A",
                      text="“We will rebuild the town hall within three years, whatever it costs,” the mayor said.")
    english_too = Article(id="en2", source_path="en2", language="en", outlet="B",
                          text="The fire destroyed the old town hall of Bergstadt on Tuesday night.")
    german = Article(id="de", source_path="de", language="de", outlet="C",
                     text="„Wir werden das Rathaus innerhalb von drei Jahren wieder aufbauen, koste es, was es "
                          "wolle, und zwar genau so, wie es früher war“, sagte der Bürgermeister.")
    quotes = story_quotes(Story("s", "t", ["en", "en2", "de"]), {a.id: a for a in (english, english_too, german)})
    joined = [q for q in quotes if len(q.variants) == 2]
    assert len(joined) == 1 and joined[0].text.startswith("We will rebuild")
