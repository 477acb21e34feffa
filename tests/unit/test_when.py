from datetime import date

from agents.extract.when import When, day_in, when

WEDNESDAY = date(2022, 3, 2)


def when_(sentence, previous, published):
    return when(sentence, previous, published, published)


def test_weekday_resolves_to_the_latest_such_day():
    assert when_("a strike in the early hours of Tuesday", "", WEDNESDAY) == When(date(2022, 3, 1))
    assert when_("as a result of Wednesday morning's shelling", "", WEDNESDAY) == When(WEDNESDAY)


def test_relative_and_explicit_days():
    assert when_("Two died yesterday.", "", WEDNESDAY).date == date(2022, 3, 1)
    assert when_("On 14 August 2020, two died.", "", WEDNESDAY).date == date(2020, 8, 14)
    assert when_("Two died on Feb. 27.", "", WEDNESDAY).date == date(2022, 2, 27)
    assert when_("Two died on Dec. 30.", "", WEDNESDAY).date == date(2021, 12, 30)


def test_the_day_something_was_said_is_not_the_day_it_happened():
    sentence = ("The police department, in a news release issued Tuesday, said officers received "
                "a call at 10:50 a.m. Sunday.")
    assert when_(sentence, "", WEDNESDAY).date == date(2022, 2, 27)
    assert when_("Police said Tuesday a man was shot.", "", WEDNESDAY) == When(WEDNESDAY)
    assert day_in("Two were killed, among them the gunman, identified Tuesday as John Doe.", WEDNESDAY) is None
    assert day_in("The coroner confirmed Monday that the boy died of a gunshot wound.", WEDNESDAY) is None


def test_the_day_a_toll_rose_is_not_the_day_of_its_incident():
    assert day_in("The death toll from Saturday's missile strike rose to 30 on Tuesday.", WEDNESDAY) == date(2022, 2, 26)
    assert day_in("The death toll rose to 30 on Tuesday, officials said.", WEDNESDAY) is None
    assert day_in("The toll climbed to 45 by March 1 as rescuers searched the rubble.", WEDNESDAY) is None
    assert day_in("A missile struck the block on Tuesday, killing 12.", WEDNESDAY) == date(2022, 3, 1)
    assert day_in("As of Tuesday morning, three of the wounded had died.", WEDNESDAY) is None
    assert day_in("Twelve were hurt, as of March 1, in the attack on Monday.", WEDNESDAY) == date(2022, 2, 28)


def test_days_and_weeks_ago_count_back_from_publication():
    assert when_("A teen has died after being shot four days ago.", "", WEDNESDAY).date == date(2022, 2, 26)
    assert when_("He was shot a week ago.", "", WEDNESDAY).date == date(2022, 2, 23)
    assert when_("A woman was shot last week at the same corner.", "", WEDNESDAY).date == date(2022, 2, 23)
    assert when_("Police made an arrest in last week's killing.", "", WEDNESDAY).date == date(2022, 2, 23)


def test_a_wire_datelines_date_is_the_filing_day_not_the_events():
    sentence = "LEEDS, March 2 (Example Wire) - A fire killed five people in Leeds on Tuesday."
    assert when_(sentence, "", WEDNESDAY).date == date(2022, 3, 1)


def test_a_pages_time_stamp_is_no_day_of_the_story():
    headline = "Weapon identified in girl's fatal shooting Posted: Tuesday, March 1, 2022 10:21 PM EST"
    assert when_(headline, "", WEDNESDAY) == When(WEDNESDAY)  # the story's day, not the stamp's
    assert when_("A girl was shot Saturday.", "", WEDNESDAY).date == date(2022, 2, 26)


def test_period_totals():
    assert when_("21 died in the last 24 hours", "", WEDNESDAY) == When(
        date(2022, 3, 1), date(2022, 3, 2), "24h")
    assert when_("Strikes killed three people over the past day", "", WEDNESDAY) == When(
        date(2022, 3, 1), date(2022, 3, 2), "24h")
    # a span of hours told roughly, or as a span
    assert when_("Nine people were shot in Springfield in about eight hours.", "", WEDNESDAY) == When(
        date(2022, 3, 1), date(2022, 3, 2), "8h")
    assert when_("Within a span of three hours, four men were killed.", "", WEDNESDAY) == When(
        date(2022, 3, 1), date(2022, 3, 2), "3h")
    assert when_("It came amid a violent five-hour span in which six were shot.", "", WEDNESDAY) == When(
        date(2022, 3, 1), date(2022, 3, 2), "5h")
    assert when_("A man was shot about two hours after the game.", "", WEDNESDAY).period is None


def test_previous_sentence_sets_the_scene_and_publication_date_is_the_fallback():
    assert when_("Six people were injured.", "A strike early on Tuesday.", WEDNESDAY).date == date(2022, 3, 1)
    assert when_("Six people were injured.", "", WEDNESDAY).date == WEDNESDAY


def test_quoted_words_set_the_scene_only_when_they_tell_of_the_violence():
    # A speaker's own day is not the shooting's; a quoted release that tells the shooting is.
    assert when_("Two neighbours were shot dead around 1 a.m. on Elm Street.",
                 "“I saw her yesterday afternoon at the store,” her cousin said.", WEDNESDAY).date == WEDNESDAY
    assert when_("“There, officers found two men with gunshot wounds.",
                 "“On Tuesday at about 9 p.m., officers responded to a shooting,” the release said.",
                 WEDNESDAY).date == date(2022, 3, 1)


def test_the_day_news_was_given_or_is_awaited_is_not_the_incidents():
    assert day_in("Police on Monday announced an inquiry into a shooting death that occurred Saturday.",
                  WEDNESDAY) == date(2022, 2, 26)
    assert day_in("UPDATE 3:40 p.m. Tuesday: The wounded deputy is stable.", WEDNESDAY) is None
    assert day_in("The wounded deputy could go home by Friday.", WEDNESDAY) is None
    assert day_in("Two men were shot in a drive-by Tuesday night.", WEDNESDAY) == date(2022, 3, 1)
    assert day_in("A man shot Tuesday told police he knew the gunman.", WEDNESDAY) == date(2022, 3, 1)


def test_the_day_someone_told_a_paper_something_is_not_the_incidents():
    assert day_in("The neighbour told a local newspaper last week he heard no shots.", WEDNESDAY) is None
    assert day_in("The sheriff said yesterday that two men were shot.", WEDNESDAY) is None
    assert day_in("Two men were shot last week.", WEDNESDAY) == date(2022, 2, 23)


def test_a_day_something_was_planned_for_is_not_the_incidents():
    assert day_in("Man shot near campus was to start a new job Monday", WEDNESDAY) is None
    assert day_in("The suspect is scheduled to appear in court Thursday.", WEDNESDAY) is None
    assert day_in("The man was shot Tuesday and is expected to survive.", WEDNESDAY) == date(2022, 3, 1)


def test_periods_without_the_last():
    assert when_("Seven people shot in 72 hours", "", WEDNESDAY) == When(
        date(2022, 2, 27), WEDNESDAY, "72h")
    assert when_("Two died over the past week", "", WEDNESDAY).period == "7d"


def test_the_last_day_in_ukrainian_and_russian():
    last_day = When(date(2022, 3, 1), WEDNESDAY, "24h")
    assert when_("За минулу добу на Донеччині росіяни вбили трьох цивільних.", "", WEDNESDAY) == last_day
    assert when_("За прошедшие сутки погибли два человека.", "", WEDNESDAY) == last_day


def test_month_and_year_name_the_first_of_the_month():
    assert when_("In February 2015, an officer shot a man.", "", WEDNESDAY).date == date(2015, 2, 1)


def test_yesterday_counts_back_from_publication_not_from_the_story_day():
    monday = date(2022, 2, 28)
    assert when("Two died yesterday.", "", WEDNESDAY, monday).date == date(2022, 3, 1)
    assert when("Two were hurt.", "", WEDNESDAY, monday, event_day_stated=True) == When(monday)
    assert when("Two were hurt.", "", WEDNESDAY, WEDNESDAY, event_day_stated=False).stated is False


def test_a_named_day_is_its_latest_date_on_or_before_publication():
    assert day_in("found dead at their home on Father's Day", date(2015, 6, 22)) == date(2015, 6, 21)
    assert day_in("accidentally shot a friend on New Year’s Eve", date(2017, 1, 3)) == date(2016, 12, 31)
    assert day_in("shot in the early hours of Easter Sunday", date(2015, 4, 6)) == date(2015, 4, 5)
    assert day_in("8 shot at a Martin Luther King Jr. Day celebration", date(2017, 1, 17)) == date(2017, 1, 16)
    assert day_in("killed on Thanksgiving", date(2014, 12, 1)) == date(2014, 11, 27)
    assert day_in("a deadly Christmas Day shooting", date(2016, 12, 28)) == date(2016, 12, 25)


def test_a_day_reckoned_from_a_named_day_or_its_season_is_not_that_day():
    published = date(2016, 2, 13)
    for sentence in ("the girl was shot two days after Christmas", "a gun he got for Christmas",
                     "shot over the Thanksgiving weekend", "a shooting on MLK Boulevard",
                     "Last Memorial Day, four people were shot", "killed at a Halloween party",
                     "a car drove into a Christmas market"):
        assert day_in(sentence, published) is None, sentence


def test_a_day_that_names_the_incident_is_the_claims_whatever_day_comes_first():
    published = date(2013, 7, 18)  # a Thursday
    assert day_in("He was taken into custody July 14 in connection with the July 9 shooting",
                  published) == date(2013, 7, 9)
    assert day_in("Police arrested a man Tuesday in Sunday's fatal shooting", published) == date(2013, 7, 14)
    assert day_in("Two men charged in the April 28 double murder were indicted Tuesday",
                  published) == date(2013, 4, 28)
    # The scene of a shooting is a place: the day the sentence names first stands.
    assert day_in("Day was shot dead on March 23, a block from Thursday's shooting scene",
                  published) == date(2013, 3, 23)


def test_today_is_the_publication_day_only_where_nothing_else_dates_the_story():
    from agents.extract.when import today_in
    assert day_in("The mother was to be told today that her son had died.", WEDNESDAY) is None
    assert today_in("The mother was to be told today that her son had died.", WEDNESDAY) == WEDNESDAY
    assert today_in("Two men were shot, police said today.", WEDNESDAY) is None
    assert today_in("Four were hurt, USA Today reported.", WEDNESDAY) is None
    # "This morning" is the time of the violence itself.
    assert day_in("A man was shot at 2:30 this morning on Elm Street.", WEDNESDAY) == WEDNESDAY


def test_a_scene_day_is_one_an_opening_sentence_tells_the_violence_on():
    from agents.extract.when import scene_day
    assert scene_day("Shots rang out Tuesday afternoon near the school.", WEDNESDAY) == date(2022, 3, 1)
    for aftermath in ("A man was arrested Tuesday after a shooting on Elm Street.",
                      "Friends held a vigil Tuesday for the teen shot on Elm Street.",
                      "A man is behind bars Tuesday after police say he shot two men in June of 2021.",
                      "The boy who fired the gun received probation Tuesday."):
        assert scene_day(aftermath, WEDNESDAY) is None, aftermath
    assert scene_day("Police held a news conference on Tuesday.", WEDNESDAY) is None
    # The sentence that says when the story's event happened names its day, whatever the event.
    assert scene_day("It happened at Oak Street and 12th Avenue at 11:40 p.m. Tuesday.", WEDNESDAY) == date(2022, 3, 1)
    assert scene_day("The arrest happened Tuesday at a motel.", WEDNESDAY) is None


def test_an_updates_stamp_and_a_day_something_was_revealed_date_no_claim():
    assert day_in("UPDATE (March 1, 2022 11:30 a.m.): The boy died of a gunshot wound to the back.",
                  WEDNESDAY) is None
    assert day_in("The man who stopped the gunman was armed, the sheriff revealed Monday.", WEDNESDAY) is None
    assert day_in("Update: Man wounded in Feb. 27 shooting dies", WEDNESDAY) == date(2022, 2, 27)


def test_overnight_is_the_nights_hours_after_midnight_last_night_the_evening_before():
    assert day_in("Four people were shot overnight at a party on Elm Street.", WEDNESDAY) == WEDNESDAY
    assert day_in("Four people were shot last night at a party on Elm Street.", WEDNESDAY) == date(2022, 3, 1)
    assert day_in("Four people were shot overnight Sunday at a party.", WEDNESDAY) == date(2022, 2, 27)
