from datetime import date

from agents.extract.when import When, when

WEDNESDAY = date(2022, 3, 2)


def test_weekday_resolves_to_the_latest_such_day():
    assert when("a strike in the early hours of Tuesday", "", WEDNESDAY) == When(date(2022, 3, 1))
    assert when("as a result of Wednesday morning's shelling", "", WEDNESDAY) == When(WEDNESDAY)


def test_relative_and_explicit_days():
    assert when("Two died yesterday.", "", WEDNESDAY).date == date(2022, 3, 1)
    assert when("On 14 August 2020, two died.", "", WEDNESDAY).date == date(2020, 8, 14)
    assert when("Two died on Feb. 27.", "", WEDNESDAY).date == date(2022, 2, 27)
    assert when("Two died on Dec. 30.", "", WEDNESDAY).date == date(2021, 12, 30)


def test_period_totals():
    assert when("21 died in the last 24 hours", "", WEDNESDAY) == When(
        date(2022, 3, 1), date(2022, 3, 2), "24h")


def test_previous_sentence_sets_the_scene_and_publication_date_is_the_fallback():
    assert when("Six people were injured.", "A strike early on Tuesday.", WEDNESDAY).date == date(2022, 3, 1)
    assert when("Six people were injured.", "", WEDNESDAY).date == WEDNESDAY


def test_periods_without_the_last():
    assert when("Seven people shot in 72 hours", "", WEDNESDAY) == When(
        date(2022, 2, 27), WEDNESDAY, "72h")
    assert when("Two died over the past week", "", WEDNESDAY).period == "7d"


def test_month_and_year_name_the_first_of_the_month():
    assert when("In February 2015, an officer shot a man.", "", WEDNESDAY).date == date(2015, 2, 1)
