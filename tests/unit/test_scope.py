from datetime import date

import pytest

from agents.extract.core import extract
from agents.extract.scope import (is_background, is_court_story, is_crash_casualty, is_earlier_count,
                                  is_earlier_incident, is_statistic, own_part, ranks_among_others, recall_starts)
from streams.records import Article


@pytest.mark.parametrize("sentence", [
    "So far in 2017, at least 47 people have been killed in Chicago.",
    "The homicide came after 45 people were killed in July.",
    "Five people were killed in weekend shootings across the city.",
    "It was the city's 300th homicide this year.",
    "A man was killed and seven others were wounded in shootings from Saturday morning to early Sunday.",
    "Two others died in a house fire years ago.",
    "Another person was fatally shot Monday night and nine other people were wounded in attacks in Chicago.",
    "One Ukrainian soldier was killed during the day [Fatalities split among 16 events].",
    "Friday was another violent night in Jacksonville that saw five others shot and wounded.",
    "Only eleven days into the new year, two teens have been shot to death in separate accidental shootings.",
    "During the day 2 NAF soldiers were killed and 4 were wounded at unspecified locations.",
    "The rivalry between two street gangs has already claimed two lives over the past couple of years.",
    "Five people have been shot in the past year in the neighborhood.",
    "One soldier and three rebels were killed during the day [Fatalities split over 22 events].",
    "From Friday night through Sunday, gunfire wounded 19 people, police said.",
    "At least 30 people were shot between 6 p.m. Friday and 5 a.m. Monday.",
    "Twelve people were shot across the city over the holiday weekend.",
    "At least 52 people were shot, 9 of them fatally, across Chicago over the Fourth of July weekend.",
    "A cholera outbreak has killed more than 200 people in Kassala state over the past month.",
    "Five people have been shot in the neighborhood in the past two weeks.",
    "Last summer, a gunman killed two and wounded six at the same park.",
    "In the summer of 2019, four people were shot outside the club.",
    "It was the deadliest year in a decade: floods have killed 300 people since June.",
    # many shootings, however they are strung together or counted
    "In three hours, four people died in a string of separate, seemingly unconnected shootings.",
    "A spate of weekend shootings left three men dead, police said.",
    "Three men were killed and nine wounded overnight in shootings across the city.",
    "Five other overnight incidents left seven people hurt.",
    "Two women were wounded in two shooting attacks on Christmas Eve.",
    "Police say 11 people were shot Friday night in what they described as unrelated disputes.",
    "A bloody night in Springfield left nine shot and one stabbed.",
    "They were among 14 people shot during a violent Friday night and Saturday morning.",
    "A woman was killed and six people were hurt in three separate bloody scenes Saturday.",
    "At least five others were wounded at those four crime scenes.",
    "3 killed and 6 others wounded in Saturday shootings",
    # an incident the story recalls as earlier than its own
    "The crowd had gathered to remember a man who was killed in a previous shooting on the same corner.",
    "Two of the victims had been wounded in a prior drive-by shooting.",
    "Floods, which have killed 1,400 people since June, swept away a bridge in Swat.",
    "The cumulative toll stands at 31,184 killed and 72,889 injured.",
])
def test_running_totals_and_roundups_are_statistics(sentence):
    assert is_statistic(sentence)


@pytest.mark.parametrize("sentence", [
    "Four people were shot Sunday in Chicago.",
    "Some 21 people died in the last 24 hours.",
    "Two people were killed in a March 2 attack.",
    "The shootings from the car left two dead.",
    "Two men were wounded in the shootings at the mall.",
    "11-year-old, 2 teens among 4 shot in Mount Oliver",
    "A man shot on Friday died of his wounds on Sunday.",
    "Two men were wounded across the street from the school.",
    "Two men were shot Sunday in what police called a dispute over a parking spot.",
    "One man was killed in a shooting that spread to two different scenes.",
    # an incident ranked against a period is no total over it
    "A bomb killed 20 people at a mosque on Friday, the deadliest attack in Pakistan this year.",
    "A suicide bomber killed 12 people at a wedding, the worst attack in the capital since January.",
    "One man was killed in a shooting in Marseille, the 40th drug-related killing in the city this year.",
    # a period dated by an aside that counts no one
    "Gunmen killed 12 villagers in Zamfara state, which has seen repeated attacks since January.",
    "A missile killed four people in Kharkiv, a city that has been shelled almost daily since the start of the war.",
])
def test_incident_claims_are_not_statistics(sentence):
    assert not is_statistic(sentence)


def test_background_is_more_than_a_month_before_publication():
    assert is_background(date(2009, 11, 5), date(2014, 4, 3))
    assert not is_background(date(2014, 3, 30), date(2014, 4, 3))


def test_an_article_recalling_an_old_massacre_claims_only_its_own_incident():
    article = Article(
        id="fort-hood", headline="Gunman kills three at Fort Hood",
        body=("On April 2, a soldier opened fire, killing three and wounding 16 before taking his own life. "
              "On Nov. 5, 2009, a psychiatrist opened fire at the same base, killing 13 people. "
              "So far this year, 20 people have been killed in the county."),
        published_at="2014-04-03T12:00:00+00:00")
    reports = extract(article, None).reports
    assert [(r.killed, r.injured) for r in reports] == [(3, None), (3, 16)]


@pytest.mark.parametrize("headline", [
    "Man sentenced to life for killing three at Elm Street home",
    "Teen pleads guilty in deadly party shooting",
    "Jury finds Springfield man guilty of murder",
    "Springfield man found not guilty in 2021 shooting",
    "Woman convicted of manslaughter in toddler's death",
    "Trial begins for man accused of wounding four outside bar",
    "Two to stand trial in drive-by that killed teen",
    "Detective testifies at hearing over fatal shooting",
    "Murder trial of former officer delayed again",
    "Gunman accepts 25-year prison sentence for wounding four",
])
def test_a_trial_a_verdict_a_plea_or_a_sentence_is_a_court_story(headline):
    assert is_court_story(headline)


@pytest.mark.parametrize("headline", [
    "Convicted felon kills three relatives, then himself",
    "Reward offered for arrest and conviction of gunman who wounded four",
    "Two killed, five wounded in shooting near courthouse",
    "Man charged with murder in Sunday shooting",
    "Inmate serving life sentence shot dead in prison yard",
])
def test_news_of_a_killing_is_no_court_story(headline):
    assert not is_court_story(headline)


def test_a_sentencing_story_claims_nothing_even_without_the_killings_day():
    article = Article(
        id="sentenced", headline="Man sentenced to life for Elm Street triple killing",
        body=("SPRINGFIELD, Ill. (AP) - A man was sentenced Tuesday to life in prison for shooting "
              "three people to death and wounding a fourth at a house on Elm Street, prosecutors said."),
        published_at="2024-05-14T12:00:00+00:00")
    [report] = extract(article, None).reports
    assert report.mention and (report.killed, report.injured, report.victims) == (None, None, None)
    assert report.place.name == "Springfield"


@pytest.mark.parametrize("sentence, recalled", [
    ("The shooting came two days after a woman was killed on the same block.", "a woman was killed on the same block."),
    ("The attack follows a strike that killed 12 people at a market in the city.", "strike that killed 12 people at a market in the city."),
    ("Sunday's shooting comes just weeks after three teens were wounded outside the school.",
     "three teens were wounded outside the school."),
    ("The Riverside killing came on the same day that a gunman shot four at a bar in Lakeview.",
     "a gunman shot four at a bar in Lakeview."),
    ("The shooting occurred six months after a bystander was killed in a gang feud on the same street.",
     "a bystander was killed in a gang feud on the same street."),
])
def test_an_incident_the_storys_is_set_against_is_recalled(sentence, recalled):
    assert sentence[recall_starts(sentence):].strip() == recalled


@pytest.mark.parametrize("sentence", [
    "Their arrival comes after an 18-year-old woman was shot to death outside the store.",
    "The arrest came a week after a man was shot dead in the back seat of his car.",
    "An officer followed the suspect into an alley, where he shot him.",
    "Two people were wounded following an argument at a party.",
    "The shooting happened after a fight broke out and two men were wounded.",
])
def test_the_storys_own_figures_are_not_recalled(sentence):
    assert recall_starts(sentence) == len(sentence)


def test_a_story_claims_its_own_incident_and_not_the_one_it_came_after():
    article = Article(
        id="came-after", headline="Two wounded in Elm Street shooting",
        body=("Two men were wounded in a shooting on Elm Street in Springfield, Ill., on Sunday, police said. "
              "The shooting came three days after a woman was killed on the same block."),
        published_at="2024-05-14T12:00:00+00:00")
    assert [(r.killed, r.injured, r.victims) for r in extract(article, None).reports] == [
        (None, 2, None), (None, 2, None)]


def test_an_incident_five_days_or_more_before_the_storys_is_an_earlier_one():
    assert is_earlier_incident(date(2024, 5, 3), date(2024, 5, 12))
    assert not is_earlier_incident(date(2024, 5, 10), date(2024, 5, 12))  # a weekend's roundup
    assert not is_earlier_incident(None, date(2024, 5, 12))


def test_a_story_claims_its_own_shooting_and_not_the_one_it_recalls_from_the_week_before():
    article = Article(
        id="earlier", headline="Three wounded outside Springfield bar",
        body=("SPRINGFIELD, Ill. (AP) - Three men were wounded outside a bar on Elm Street on Sunday, May 12, "
              "police said. On May 4, a gunman killed one man and wounded two at a party two blocks away."),
        published_at="2024-05-13T12:00:00+00:00")
    assert [(r.killed, r.injured, r.date) for r in extract(article, None).reports] == [
        (None, 3, "2024-05-12"), (None, 3, "2024-05-12")]


def test_a_headline_telling_a_roundups_total_is_no_incident_of_its_own():
    article = Article(
        id="roundup", headline="1 dead, 6 wounded in Springfield shootings",
        body=("A man was killed and six people were wounded in three separate shootings across "
              "Springfield on Saturday, police said. In the deadliest, a 30-year-old man was shot "
              "and killed on Elm Street. Two women were wounded on Oak Street."),
        published_at="2024-05-13T12:00:00+00:00")
    assert [(r.killed, r.injured) for r in extract(article, None).reports] == [(1, None), (None, 2)]


def test_a_headline_telling_the_only_roundups_total_is_no_incident_either():
    article = Article(
        id="holiday", headline="Chicago violence: 52 shot over holiday weekend",
        body="At least 52 people were shot, 9 of them fatally, across Chicago over the Fourth of July weekend.",
        published_at="2024-07-09T12:00:00+00:00")
    assert [(r.killed, r.injured, r.victims) for r in extract(article, None).reports] == [(None, None, None)]


def test_a_street_crossed_is_no_roundup():
    assert not is_statistic("A man was shot after he ran across Flatbush Avenue, police said.")


def test_a_headline_of_one_incident_stands_beside_a_roundup():
    article = Article(
        id="one-of-many", headline="Two wounded on Oak Street",
        body=("Two women were wounded on Oak Street on Saturday, police said. They were two of six "
              "people wounded in three separate shootings across Springfield."),
        published_at="2024-05-13T12:00:00+00:00")
    assert [(r.injured, r.victims) for r in extract(article, None).reports] == [(2, None), (2, None)]


def test_a_weekend_roundup_keeps_its_friday_shooting():
    article = Article(
        id="weekend", headline="Two shootings leave three wounded",
        body=("Two men were wounded in a shooting on Elm Street on Sunday, police said. "
              "On Friday night, a woman was wounded on Oak Street."),
        published_at="2024-05-13T12:00:00+00:00")
    assert [(r.injured, r.victims, r.date) for r in extract(article, None).reports] == [
        (2, None, "2024-05-12"), (1, None, "2024-05-10")]


@pytest.mark.parametrize("sentence, earlier", [
    ("Earlier on Sunday, officials had reported 30 dead.", True),
    ("Police previously said seven officers were hurt in the attack.", True),
    ("An earlier toll of 25 was revised upward.", True),
    ("Police originally told Channel 9 News that eight people were wounded.", True),
    ("Early reports said one person had died in the shooting.", True),
    ("Officials said earlier that five firefighters were hurt.", True),
    ("The sheriff says initial reports that three people had died were wrong.", True),
    ("Despite earlier reports that two guards had died, officials said both were in surgery.", True),
    ("Initial reports said the shots were fired from a car; two people were wounded.", False),
    ("The sheriff said earlier Sunday that two deputies were wounded.", False),  # the day's news
    ("The gunman originally came from Ohio, where two people were shot.", False),
    ("A caller had reported that a person shot himself.", False),  # the call, no count
    ("The call was first reported as a double shooting, but four people were shot.", False),
    ("Four people were killed, officials said.", False),
])
def test_a_count_given_before_the_storys_own_is_told_apart(sentence, earlier):
    assert is_earlier_count(sentence) is earlier


def test_a_later_toll_with_a_long_subject_replaces_the_count_reported_earlier():
    body = ("ODESA, May 3 (Wire) - The death toll from a Russian drone strike on a five-storey "
            "apartment building in the southern Ukrainian port city of Mykolaiv rose to 12 on "
            "Friday, with 40 people wounded, the regional governor said. Earlier on Thursday, "
            "officials had reported 8 dead.")
    article = Article(id="m", headline="Drone strike on Mykolaiv apartment block kills 12", body=body,
                      published_at="2024-05-03T15:00:00+00:00")
    claims = [(r.place.name, r.killed, r.injured) for r in extract(article, None).reports if r.killed]
    assert claims == [("Mykolaiv", 12, None), ("Mykolaiv", 12, 40)]


def test_a_sentence_that_revises_its_earlier_count_stands_revised():
    article = Article(
        id="raised", headline="One killed in Springfield shooting",
        body=("SPRINGFIELD, Ill. (AP) - A man was killed in a shooting on Elm Street on Sunday, police "
              "said. Police originally reported that four other people were injured; that number was "
              "later raised to five."),
        published_at="2024-05-13T12:00:00+00:00")
    assert [(r.killed, r.injured) for r in extract(article, None).reports] == [(1, None), (1, None), (None, 5)]


def test_a_casualty_put_down_to_a_crash_is_told_apart():
    assert is_crash_casualty("Her uncle died in a car crash shortly after the shooting.")
    assert is_crash_casualty("Two teens killed in a traffic accident were remembered at the game.")
    assert is_crash_casualty("A driver was killed when he smashed his truck into a wall on Elm Street.")
    assert not is_crash_casualty("A man was shot and killed after a crash on Elm Street.")
    assert not is_crash_casualty("Two people were killed in a shooting at a bar.")


def _claimed(headline, body):
    article = Article(id="c", headline=headline, body=body, published_at="2022-03-04T15:00:00+00:00")
    return [(r.killed, r.injured, r.victims) for r in extract(article, None).reports if not r.retracts]


def test_a_shooting_storys_claims_leave_out_a_crash_and_a_crash_storys_keep_it():
    body = ("A 9-year-old boy was shot and killed at a house on Elm Street in Springfield on Thursday night.\n\n"
            "The boy's grandfather died in a car crash on the way to the hospital, deputies said.")
    assert _claimed("Boy, 9, fatally shot in Springfield", body) == [(1, None, None), (1, None, None)]
    crash = ("Three people were killed in a crash on Route 9 in Springfield on Thursday night.\n\n"
             "A fourth died in the crash on the way to the hospital, troopers said.")
    assert _claimed("Three dead on Route 9", crash) == [(3, None, None), (3, None, None), (4, None, None)]


def test_a_story_ranked_among_others_of_the_week_leaves_out_the_others_it_goes_on_to_tell():
    assert ranks_among_others("It was the third shooting in the neighborhood this week.")
    assert ranks_among_others("This is the second time in as many days that a child was shot in Oakdale.")
    assert not ranks_among_others("A second man was wounded in the leg.")
    body = ("SPRINGFIELD - A 6-year-old girl was shot in the arm at a house on Elm Street on Friday "
            "night, police said.\n\n"
            "It was the second shooting this week in which a child was hurt in the neighborhood.\n\n"
            "On Monday, a 4-year-old boy and his father were left in critical condition after a "
            "shooting on Oak Street.")
    # the girl's claims only: the ranking tells of her, and Monday's shooting is another
    assert _claimed("Girl, 6, shot in Springfield", body) == [(None, None, 1), (None, None, 1), (None, 1, None)]


def test_what_else_a_place_saw_over_a_period_is_no_part_of_the_sentences_incident():
    sentence = ("A 16-year-old boy was fatally shot Saturday on a block in Paterson where three other "
                "homicides have taken place in the past 18 months.")
    assert own_part(sentence) == "A 16-year-old boy was fatally shot Saturday on a block in Paterson"
    assert own_part("A man was shot on the corner where he grew up.") == "A man was shot on the corner where he grew up."
