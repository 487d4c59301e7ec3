from __future__ import annotations

from storyweave.claims.conflict import other_actor, plain_words, values


def test_a_figure_added_is_no_conflict_but_a_figure_changed_is():
    five = values("Five people died in the fire on 3 May.", "en")
    assert not five.conflicts(values("5 people died in the fire.", "en"))
    assert five.conflicts(values("Seven people died in the fire on 3 May.", "en"))
    assert values("Storm damage was put at 1,5 million.", "de").numbers == values("1.5 million", "de").numbers


def test_figures_are_compared_kind_by_kind():
    assert values("Carter scored 14 points for the Bulldogs.", "en").conflicts(
        values("Carter added 12 points for the Bulldogs.", "en"))
    assert not values("The 88-72 loss was the team's eighth in 10 games.", "en").conflicts(
        values("The 88-72 loss came in the team's 3rd season under Cheeks.", "en"))
    assert not values("He fell about 60m from a ridge.", "en").conflicts(values("He fell about 200 feet.", "en"))
    assert values("He fell 60 metres.", "de").conflicts(values("He fell 200 Meter.", "de"), units=False)


def test_a_date_stamp_glued_to_the_sentence_is_not_what_it_states():
    assert not values("Posted: Thursday, July 29, 2004 Fred LaRue, a Nixon aide, has died.", "en").conflicts(
        values("Published July 28, 2004 Fred LaRue, a Nixon aide, has died.", "en"))
    assert values("Firefighters were called at 9:40 p.m.", "en").times == frozenset({"9:40"})
    assert not values("He faked illness updated 12 / 19 / 2005 2:48:40 PM ET Mob boss Vincent Gigante died.", "en")\
        .conflicts(values("Edited on Mon Dec-19-05 03:49 PM Mob boss Vincent Gigante died.", "en"))


def test_a_year_is_compared_with_years_only():
    vaccine = values("The builders plan a bridge designed for heavy trucks by March 2022.", "en")
    assert not vaccine.conflicts(values("Two lanes of the bridge carry less traffic.", "en"))
    assert vaccine.conflicts(values("The builders plan a bridge designed for heavy trucks by March 2023.", "en"))


def test_months_and_weekdays_but_not_the_modal_may():
    assert values("The bridge will reopen in June.", "en").conflicts(values("The bridge will reopen in July.", "en"))
    assert values("It happened on Monday.", "en").conflicts(values("It happened on Tuesday.", "en"))
    assert values("The bridge may reopen in June.", "en").months == frozenset({"June"})
    assert values("It was signed on 3 May.", "en").months == frozenset({"May"})


def test_polarity_in_several_languages_and_unknown_elsewhere():
    assert values("Nobody was hurt.", "en").opposed(values("Two people were hurt.", "en"))
    assert values("It didn't work.", "en").negated and values("It didn’t work.", "en").negated
    assert values("Verletzt wurde niemand.", "de").negated and values("Он не приедет.", "ru").negated
    assert values("Il ne viendra pas.", "fr").negated and not values("Il viendra.", "fr").negated
    assert values("Aliyetoa taarifa hakuwa.", "sw").negated is None
    assert not values("Nobody was hurt.", "en").opposed(values("Aliyetoa taarifa.", "sw"))


def test_another_actor_is_someone_the_other_does_not_name():
    assert other_actor(frozenset({"a", "b"}), frozenset({"c", "b"}))
    assert not other_actor(frozenset({"a", "b"}), frozenset({"a"}))
    assert not other_actor(frozenset(), frozenset({"a"}))


def test_bounds_currencies_and_values_given_for_someone_else_are_no_conflict():
    assert not values("Police chased him at more than 100 mph.", "en").conflicts(
        values("Police chased him at speeds up to 120 mph.", "en"))
    assert not values("Robbers took jewels worth £88m.", "en").conflicts(values("Robbers took jewels worth €103m.", "en"))
    assert not values("Peyton Hillis rushed for 101 yards.", "en").conflicts(
        values("Jamaal Charles rushed for 226 yards while Peyton Hillis added 101.", "en"))


def test_a_figure_is_compared_by_its_value_not_its_digits():
    six = values("A magnitude 6 quake can cause severe damage.", "en")
    assert not values("A magnitude 6.0 quake can cause severe damage.", "en").conflicts(six)
    assert not values("A magnitude-6. 0 quake can cause severe damage.", "en").conflicts(six)   # tokenised
    assert values("A magnitude 6.1 quake can cause severe damage.", "en").conflicts(six)
    assert not values("It cost 1,000 euros.", "en").conflicts(values("It cost 1.000 euros.", "en"))


def test_a_number_needed_or_expected_is_no_reported_value_but_two_reported_values_still_differ():
    scored = values("The senior scored 20 points in the game against Evansville on Thursday night.", "en")
    assert not values("The senior needed nine points in the game against Evansville on Thursday night.",
                      "en").conflicts(scored)
    assert not values("The city expected 50 million euros in revenue this year.", "en").conflicts(
        values("The city took 42 million euros in revenue this year.", "en"))
    assert values("The senior scored 18 points in the game against Evansville on Thursday night.",
                  "en").conflicts(scored)


def test_a_negation_denies_only_what_the_other_says_word_for_word():
    closes = values("The council will close the bridge in June.", "en")
    assert values("The council will not close the bridge in June.", "en").denies(closes)
    assert values("The council won't close the bridge in June.", "en").opposed(closes)
    combination = values("The source was probably a combination of people.", "en")
    assert not values("The source was not one person but a combination of people.", "en").denies(combination)


def test_across_languages_a_figure_in_another_convention_is_the_same_number():
    english = values("The UN says 23 million people face severe hunger in the country.", "en")
    assert not english.conflicts(values("联合国说，该国有2300万人面临严重饥饿。", "zh"), units=False)
    assert not english.conflicts(values("ООН сообщает, что 23 млн человек в стране голодают.", "ru"), units=False)
    assert not values("Mehr als 2.300 Menschen", "de").conflicts(values("More than 2,300 people", "en"), units=False)
    assert english.conflicts(values("ООН сообщает, что 32 млн человек в стране голодают.", "ru"), units=False)


def test_across_languages_names_with_numbers_and_numbered_months_are_no_quantities():
    english = values("Chester Zoo reopened on June 15 with distancing rules after saying the visit was safe.", "en")
    assert not english.conflicts(values("Честерский зоопарк вновь открылся 15 июня с правилами дистанции из-за Covid-19.", "ru"),
                                 units=False)
    assert not english.conflicts(values("切斯特动物园于 6 月 15 日重新开放，并设置了距离规则。", "zh"), units=False)
    assert not values("And some of these glaciers are over 100,000 years old.", "en").conflicts(
        values("А некоторым из этих ледников более 100 000 лет.", "ru"), units=False)
    assert values("Covid-19 cases rose by 12.", "en").conflicts(values("Covid-23 cases rose by 12.", "en"))


def test_plain_words_leave_out_names_and_stop_words_and_are_none_where_capitals_tell_no_name():
    assert plain_words("First, Tokayev is indeed not simple.", "en") == {"first", "indeed", "simple"}
    assert plain_words("Dort sagte Tokajew, die Lage sei schwierig.", "de") is None
    assert plain_words("托卡耶夫表示哈萨克斯坦不承认。", "zh") is None


def test_a_comma_read_in_the_wrong_charset_or_a_swiss_apostrophe_still_separates_thousands():
    """UCI headlines: "MtGox faced 150‚000 attacks a second" (a comma become U+201A) had contradicted "150000
    attacks per second"."""
    assert values("MtGox faced 150\u201a000 attacks a second", "en").numbers == {"150000"}
    assert values("Die Stadt zählt 150'000 Einwohner", "de").numbers == {"150000"}
    assert not values("MtGox faced 150\u201a000 attacks a second", "en").conflicts(
        values("Bitcoin exchange MtGox faced 150000 attacks per second", "en"))
