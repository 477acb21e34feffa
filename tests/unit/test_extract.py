import json

import pytest

from agents.extract.article import parse_article
from agents.extract.attribution import attribution
from agents.extract.core import extract
from agents.extract.text import article_text
from streams.records import Article

KHARKIV = "geonames:706483"


def _seed(seed_article_path):
    return parse_article(seed_article_path.read_bytes(), b"kharkiv-2022-03-02")


def test_seed_gives_exactly_the_five_claims_an_analyst_reads(seed_article_path):
    expected = json.loads(seed_article_path.with_suffix(".expected.json").read_text())["claims"]
    reports = extract(_seed(seed_article_path), None).reports
    got = [(r.place.name, r.killed or 0, r.injured or 0, r.date) for r in reports]
    assert got == [(c["city"], c["killed"], c["injured"], c["date"] if "date" in c else "2022-03-01")
                   for c in expected]
    assert reports[1].killed_qualifier == "at least"
    assert reports[1].attribution == "the mayor of the city"
    assert reports[2].period == "24h" and reports[2].attribution == "Ukrainian officials"
    assert "Ihor Terekhov" in reports[3].attribution
    assert set(reports[0].event_types) == {"air strike", "rocket strike"}
    assert all(r.place.id == KHARKIV and r.place.country == "UA" for r in reports)


def test_the_speaker_who_opens_a_lede_is_told_without_its_dateline():
    assert attribution("LAGOS, March 15 (Example Wire) - Police said 12 people were killed on Sunday.") == "Police"
    # a dash inside the sentence is no dateline's
    assert attribution("Three were killed and eight were wounded — three critically — in 11 shootings "
                       "reported across the city last weekend.") is None


def test_a_passives_subject_is_no_speaker():
    assert attribution("No injuries were reported.") is None
    assert attribution("Up to 20 people may have been killed in the strike on Chernihiv, officials said, "
                       "but the toll could not be confirmed.") is None


def test_every_report_quotes_its_sentence_by_span(seed_article_path):
    article = _seed(seed_article_path)
    text = article_text(article)
    for report in extract(article, None).reports:
        start, end = report.span
        assert text[start:end] == report.sentence
        assert report.article_id == article.id and report.revision == 1 and report.extractor


def test_not_casualties_are_not_claimed(seed_article_path):
    sentences = [r.sentence for r in extract(_seed(seed_article_path), None).reports]
    for phrase in ("Every fourth person", "15,000 soldiers", "plotted to kill", "Tom Swarbrick"):
        assert not any(phrase in s for s in sentences)


def test_same_article_twice_sends_the_same_reports_again(seed_article_path):
    first = extract(_seed(seed_article_path), None)
    again = extract(_seed(seed_article_path), first.seen)
    assert again.reports == first.reports and again.seen == first.seen


def test_a_revision_read_again_sends_its_retractions_and_claims_again():
    first = extract(_odesa("Two people were killed in Odesa.", "2024-03-15T09:10:00+00:00"), None)
    revised = _odesa("Four people were killed in Odesa.", "2024-03-15T14:30:00+00:00")
    second = extract(revised, first.seen)
    again = extract(revised, second.seen)
    assert again.reports == second.reports and again.seen == second.seen


def test_content_read_before_is_not_a_new_revision():
    # No times to order them by: the first content coming back must not undo the second.
    first = extract(_odesa("Two people were killed in Odesa.", None), None)
    second = extract(_odesa("Four people were killed in Odesa.", None), first.seen)
    back = extract(_odesa("Two people were killed in Odesa.", None), second.seen)
    assert back.reports == [] and back.seen == second.seen


def _odesa(body: str, updated: str | None) -> Article:
    return Article(id="odesa-1", body=body, headline="Strike on Odesa",
                   published_at="2024-03-15T09:10:00+00:00", updated_at=updated)


def test_revision_retracts_the_old_claims_and_states_the_new():
    first = extract(_odesa("Two people were killed in Odesa.", "2024-03-15T09:10:00+00:00"), None)
    second = extract(_odesa("Four people were killed in Odesa.", "2024-03-15T14:30:00+00:00"), first.seen)
    retractions = [r for r in second.reports if r.retracts]
    claims = [r for r in second.reports if not r.retracts]
    assert [r.retracts for r in retractions] == [r.report_id for r in first.reports]
    assert all(r.place.id == first.reports[0].place.id for r in retractions)
    assert [c.killed for c in claims] == [4] and second.seen.revision == 2


def test_an_older_revision_arriving_late_changes_nothing():
    newer = extract(_odesa("Four people were killed in Odesa.", "2024-03-15T14:30:00+00:00"), None)
    older = extract(_odesa("Two people were killed in Odesa.", "2024-03-15T09:10:00+00:00"), newer.seen)
    assert older.reports == [] and older.seen == newer.seen


def test_a_correction_taken_back_later_is_a_new_revision():
    # Found by tests/unit/test_delivery_properties.py: the text read first, coming back with a
    # later time, was taken for a late copy, so the tally kept the correction's four.
    first = extract(_odesa("Two people were killed in Odesa.", "2024-03-15T09:10:00+00:00"), None)
    second = extract(_odesa("Four people were killed in Odesa.", "2024-03-15T14:30:00+00:00"), first.seen)
    back = extract(_odesa("Two people were killed in Odesa.", "2024-03-15T16:00:00+00:00"), second.seen)
    assert [c.killed for c in back.reports if not c.retracts] == [2] and back.seen.revision == 3


def test_a_version_older_than_an_unchanged_update_is_refused():
    # The same text at a later time is the latest version: one older than it, arriving late,
    # must not replace it.
    first = extract(_odesa("Two people were killed in Odesa.", "2024-03-15T09:10:00+00:00"), None)
    update = extract(_odesa("Two people were killed in Odesa.", "2024-03-15T16:00:00+00:00"), first.seen)
    late = extract(_odesa("Four people were killed in Odesa.", "2024-03-15T14:30:00+00:00"), update.seen)
    assert late.reports == [] and late.seen == update.seen
    assert [c.published_at for c in update.reports if not c.retracts] == ["2024-03-15T16:00:00+00:00"]


def test_a_revision_read_again_retracts_every_earlier_revision():
    # Found by tests/unit/test_delivery_properties.py: a crash lost what revisions 2 and 3 sent
    # while extract's table kept revision 3; read again, revision 3 retracted only revision 2's
    # claims, and revision 1's stayed counted.
    first = extract(_odesa("Two people were killed in Odesa.", "2024-03-15T09:10:00+00:00"), None)
    second = extract(_odesa("Four people were killed in Odesa.", "2024-03-15T14:30:00+00:00"), first.seen)
    latest = _odesa("Five people were killed in Odesa.", "2024-03-15T16:00:00+00:00")
    third = extract(latest, second.seen)
    again = extract(latest, third.seen)
    earlier = [r.report_id for r in first.reports + second.reports if not r.retracts]
    assert [r.retracts for r in again.reports if r.retracts] == earlier
    assert [c.killed for c in again.reports if not c.retracts] == [5]


def test_dateline_with_state_picks_the_right_springfield():
    article = Article(id="s", headline="Three wounded in shooting",
                      body="SPRINGFIELD, Ill. (AP) - Three people were wounded in Springfield.",
                      published_at="2024-06-09T15:20:00+00:00")
    places = {(r.place.name, r.place.admin1) for r in extract(article, None).reports}
    assert places == {("Springfield", "Illinois")}


def test_a_claim_names_its_own_city_when_the_sentence_points_at_it():
    article = Article(id="k", headline="Strikes across Ukraine",
                      body="Two people were killed in Kharkiv. Three were injured in Lviv.",
                      published_at="2022-03-02T10:00:00+00:00")
    assert [r.place.name for r in extract(article, None).reports] == ["Kharkiv", "Lviv"]


def test_cyrillic_and_old_spellings_name_the_same_city():
    for spelling in ("Kharkov", "Харків", "Харьков", "Charkiw"):
        article = Article(id=spelling, headline="", body=f"Two people were killed in {spelling}.",
                          published_at="2022-03-02T10:00:00+00:00")
        assert [r.place.id for r in extract(article, None).reports] == [KHARKIV]


def _places(body, headline="Shooting", published="2016-05-01T10:00:00+00:00"):
    article = Article(id="p", headline=headline, body=body, published_at=published)
    return [(r.place.name, r.place.admin1) for r in extract(article, None).reports]


def test_a_datelines_dash_typed_as_two_hyphens():
    assert set(_places("BAYTOWN -- Two people were found shot dead in a home on Tuesday, and a man was "
                       "arrested near Texas City.")) == {("Baytown", "Texas")}


def test_a_county_is_not_the_city_of_the_same_name():
    assert _places("CHICAGO - Two men were shot in DeKalb County on Sunday.") == [("Chicago", "Illinois")]


def test_a_bare_name_does_not_move_a_claim_to_another_state():
    assert _places("CHICAGO - A man was killed in Austin on Sunday.") == [("Chicago", "Illinois")]
    assert _places("CHICAGO - A man was killed in Austin, Texas, on Sunday.") == [("Austin", "Texas")]


def test_title_case_headline_capitals_are_not_place_names():
    assert _places("A man was shot Sunday in Springfield, Ill.", headline="Man Shot Near Airport") == [
        ("Springfield", "Illinois")] * 2  # the headline's claim and the lede's


def test_the_outlet_named_after_a_headline_is_not_the_story_place():
    from agents.extract.places import headline_story_end
    headline = "3 women killed in Cherokee Co. - WMC Action News 5 - Memphis, Tennessee"
    assert headline[:headline_story_end(headline)] == "3 women killed in Cherokee Co."
    plain = "Four killed and nine wounded as Kharkiv hit by air and rocket strikes"
    assert headline_story_end(plain) == len(plain)
    city_alone = "Vigil held in honor of slain 10-year-old girl | Dayton, OH"
    assert city_alone[:headline_story_end(city_alone)] == "Vigil held in honor of slain 10-year-old girl"


def test_people_told_of_one_by_one_add_up():
    article = Article(id="e", headline="", published_at="2015-05-03T10:00:00+00:00",
                      body="A 25-year-old man was shot in the leg, another man, 55, was struck in the "
                           "torso, and a woman, 22, sustained a leg wound in the Bronx, cops said.")
    assert [r.victims for r in extract(article, None).reports] == [3]


def test_others_are_more_people():
    article = Article(id="o", headline="", published_at="2016-10-30T10:00:00+00:00",
                      body="Two people were shot and wounded and 3 others were grazed by gunfire in Chicago on Saturday.")
    assert [(r.injured, r.victims) for r in extract(article, None).reports] == [(5, None)]


def test_people_told_of_one_by_one_under_different_fates_are_all_counted_hit():
    body = ("A 7-year-old girl was grazed by a bullet, and a man was shot in the leg in a shooting "
            "near Seventh and Queen streets on Sunday, police said.")
    article = Article(id="w", headline="Girl grazed, man shot", body=body,
                      published_at="2016-06-06T10:00:00+00:00")
    lede = [r for r in extract(article, None).reports if r.sentence.startswith("A 7-year-old")]
    assert [(r.killed, r.injured, r.victims) for r in lede] == [(None, 1, 2)]


@pytest.mark.parametrize("body", [
    ("Officers were called to a home on Birch Lane on Monday night. The victim told police he "
     "was shot in the leg by a man he knew only by a nickname. He was treated and released. The "
     "victim said the man fled on foot."),
    ("Police were called to a hospital on Friday night about a man who came in for treatment. "
     "He told officers he was cleaning his pistol when it discharged and shot him in the thigh, "
     "the chief said."),
])
def test_a_story_that_counts_no_one_counts_the_one_it_first_tells_was_shot(body):
    article = Article(id="v", headline="Man charged after accidental shooting", body=body,
                      published_at="2016-06-06T10:00:00+00:00")
    assert [r.victims for r in extract(article, None).reports if r.victims or r.injured] == [1]


def test_a_country_that_opens_a_sentence_is_where_its_claims_happened():
    body = ("ISLAMABAD, Aug 30 (Wire) - Monsoon floods have killed 1,100 people across Pakistan "
            "since June, the disaster agency said on Tuesday. In Afghanistan, at least 180 people "
            "have died in the floods, officials said. In Pakistan, more than 1,600 were injured.")
    article = Article(id="f", headline="Floods kill 1,100 in Pakistan", body=body,
                      published_at="2022-08-30T15:00:00+00:00")
    places = {(r.place.id, r.killed, r.injured) for r in extract(article, None).reports}
    assert ("country:AF", 180, None) in places
    assert not any(place == "country:AF" for place, _, injured in places if injured)


def test_an_article_with_no_figure_and_no_full_name_street_or_child_makes_no_report():
    # "Johnson" alone is a surname many stories share: nothing ties this one to an incident.
    article = Article(id="a", published_at="2024-05-14T16:00:00+00:00", headline="Suspect arrested",
                      body="SPRINGFIELD, Ill. (AP) - Police arrested a man on Tuesday after a "
                           "four-hour standoff, police said. Johnson is due in court on Friday.")
    assert extract(article, None).reports == []


def test_a_mention_is_retracted_by_the_revision_that_makes_a_claim():
    first = Article(id="a", published_at="2024-05-14T16:00:00+00:00", headline="Arrest on Elm Street",
                    body="Police arrested Marcus Lee Johnson, 24, on Elm Street on Tuesday.")
    [mention] = extract(first, None).reports
    update = Article(id="a", published_at=first.published_at, updated_at="2024-05-15T09:00:00+00:00",
                     headline=first.headline, body=first.body + " A man he shot on Monday died.")
    reports = extract(update, extract(first, None).seen).reports
    assert mention.mention and reports[0].retracts == mention.report_id
    assert [r.killed for r in reports[1:]] == [1] and not reports[1].mention


def test_a_trial_story_recalling_its_killing_long_before_is_a_mention_not_a_claim():
    article = Article(id="t", published_at="2024-05-14T16:00:00+00:00", headline="Man sentenced in 2022 killing",
                      body="SPRINGFIELD, Ill. (AP) - A man was sentenced Tuesday to 40 years in prison "
                           "for killing Jane Marie Doe, 34, in March 2022, prosecutors said.")
    [report] = extract(article, None).reports
    assert report.mention and (report.killed, report.injured, report.victims) == (None, None, None)
    assert (report.place.name, report.date, report.date_stated) == ("Springfield", "2024-05-14", False)
    assert "named:jane doe" in report.anchors


def test_a_story_whose_headline_names_a_shooting_but_no_figure_is_a_mention():
    article = Article(id="c", published_at="2024-05-14T16:00:00+00:00",
                      headline="Teen charged in Springfield shooting",
                      body="SPRINGFIELD, Ill. (AP) - A teenager was charged on Tuesday, police said.")
    [report] = extract(article, None).reports
    assert report.mention and report.place.name == "Springfield" and report.killed is None


def test_a_story_whose_headline_names_a_killing_or_a_funeral_but_no_figure_is_a_mention():
    for headline in ("Teen appears on homicide charge", "Two charged in Springfield killing",
                     "Jane Doe Obituary - Springfield, IL"):
        article = Article(id="k", published_at="2024-05-14T16:00:00+00:00", headline=headline,
                          body="SPRINGFIELD, Ill. (AP) - A teenager appeared in court on Tuesday, police said.")
        [report] = extract(article, None).reports
        assert report.mention and report.place.name == "Springfield" and report.killed is None


def test_a_follow_up_filed_from_a_court_is_placed_where_its_opening_says_the_shooting_happened():
    article = Article(id="f", published_at="2024-05-14T16:00:00+00:00",
                      headline="Charges added against man accused in barbershop slayings",
                      body="MADISON, Wis. (AP) - Prosecutors added charges on Tuesday against a man "
                           "accused in the shooting at a barbershop in Baraboo last year that left "
                           "Jane Marie Doe, 34, dead, court records show.")
    [report] = extract(article, None).reports
    assert report.mention and report.place.name == "Baraboo"


def test_the_death_of_one_named_then_told_by_a_definite_owner_is_one_death():
    article = Article(id="d", headline="Town reeling after accidental shooting",
                      body=("Students were told of Jaden's death at an assembly Monday as word spread "
                            "through the school and the town of the teen's death."),
                      published_at="2014-12-02T10:00:00+00:00")
    assert [r.killed for r in extract(article, None).reports] == [1]


def test_a_claim_at_another_block_than_the_storys_is_another_incident_of_the_roundup():
    article = Article(id="r", headline="Toddler's death unites Jacksonville police",
                      body=("A 22-month-old boy was shot and killed Friday in the 700 block of South "
                            "Oak Street, police said. He was shot in the 700 block of Oak Street as he "
                            "sat in a car. A shooting in the 1400 block of Mount Herman Street left two "
                            "men wounded at about 10 p.m."),
                      published_at="2016-05-01T10:00:00+00:00")
    assert [(r.killed, r.injured, r.another_incident) for r in extract(article, None).reports] == [
        (1, None, False), (1, None, False), (None, 2, True)]


def test_the_storys_block_told_again_without_its_streets_kind_is_the_same_address():
    article = Article(id="z", headline="Teen dead, four hurt at park",
                      body=("Five people were shot in the 3100 block of Maple Road on Tuesday night. "
                            "Police said a 17-year-old is dead and four others are hurt after a "
                            "shooting in the 3100 block of Maple."),
                      published_at="2016-05-01T10:00:00+00:00")
    assert not any(r.another_incident for r in extract(article, None).reports)


def _placed(headline, body):
    article = Article.from_dict({"id": "placed", "published_at": "2024-05-14T10:00:00+00:00",
                                 "headline": headline, "body": body})
    return [(r.place.name, r.killed, r.injured) for r in extract(article, None).reports]


def test_a_lede_that_puts_the_headlines_figures_in_another_town_than_the_dateline_places_the_story():
    body = ("KYIV, Ukraine (Example Wire) - A Russian drone strike on a residential building in Bila Tserkva "
            "killed four people overnight, the regional governor said. Nine others were wounded.")
    assert _placed("Drone strike kills four", body) == [
        ("Bila Tserkva", 4, None), ("Bila Tserkva", 4, None), ("Bila Tserkva", None, 9)]


@pytest.mark.parametrize("headline, body, place", [
    # the country's capital is the capital's dateline, not the country at large
    ("Fire kills 46 in Bangladesh",
     "DHAKA, Bangladesh (Example Wire) - A fire in a six-story commercial building in Bangladesh's "
     "capital killed at least 46 people, officials said Friday.", "Dhaka"),
    # an island's settlement, after "of", is where it happened
    ("Two dead after boat capsizes off Lampedusa",
     "ROME (Example Wire) - Two migrants died and about 40 were rescued after their boat capsized "
     "off the Italian island of Lampedusa on Tuesday, the coast guard said.", "Lampedusa"),
    # a district abroad is its seat
    ("Train collision kills 280",
     "BHUBANESWAR (Example Wire) - More than 280 people were killed when two passenger trains "
     "collided in Balasore district of Odisha state on Friday evening, officials said.", "Balasore"),
    # a headline that names the state leaves the town to the lede
    ("Tornado kills four in Oklahoma",
     "OKLAHOMA CITY (Example Wire) - A tornado tore through the small town of Barnsdall late "
     "Monday, killing at least four people and injuring dozens, county officials said.", "Barnsdall"),
])
def test_a_desks_story_is_placed_where_its_lede_says(headline, body, place):
    assert {name for name, _, _ in _placed(headline, body)} == {place}


def test_an_unheld_district_is_the_datelines_region_the_story_names():
    body = ("MUMBAI (Example Wire) - Twelve people were killed when a bus fell into a gorge in Raigad "
            "district on Saturday, police said.")
    article = Article.from_dict({"id": "mh", "published_at": "2024-05-14T10:00:00+00:00",
                                 "headline": "Bus accident kills 12 in Maharashtra", "body": body})
    assert {r.place.id for r in extract(article, None).reports} == {"admin1:IN.16"}


def test_a_lede_that_puts_the_story_in_a_town_beyond_the_desks_country_or_state_places_it():
    body = ("NAIROBI, March 15 (Example Wire) - A car bomb exploded in a busy market in Mogadishu on "
            "Thursday, killing at least eight people, police said.")
    assert {place for place, _, _ in _placed("Car bomb kills eight in Somali capital", body)} == {"Mogadishu"}
    body = ("WASHINGTON, March 15 (Example Wire) - Tornadoes tore through Mississippi overnight, killing "
            "at least 25 people in the town of Rolling Fork, state officials said.")
    assert {place for place, _, _ in _placed("Tornadoes kill at least 25", body)} == {"Rolling Fork"}
    # a town abroad known by another of its names, in a lede that names the desk's country, is
    # a namesake: Boni in Mali, not Bonn
    body = ("BAMAKO, March 15 (Example Wire) - Gunmen killed 12 soldiers in an attack on a convoy near Boni "
            "in central Mali on Tuesday, the army said.")
    assert {place for place, _, _ in _placed("Gunmen kill 12 soldiers", body)} == {""}
    # a bare name in another US state is mostly a neighbourhood's: the desk's city stays
    body = "CHICAGO (Example Wire) - A man was shot and killed in Austin on Sunday, police said."
    assert {place for place, _, _ in _placed("Man shot and killed", body)} == {"Chicago"}


def test_a_lede_that_puts_the_story_in_the_country_and_names_no_town_places_it_in_the_country():
    body = ("ISLAMABAD, March 15 (Example Wire) - Floods have killed nearly 1,400 people in Pakistan "
            "since mid-June, the disaster agency said on Friday.")
    article = Article.from_dict({"id": "pk", "published_at": "2024-03-16T10:00:00+00:00",
                                 "headline": "Pakistan floods kill nearly 1,400", "body": body})
    assert {(r.place.name, r.place.country) for r in extract(article, None).reports} == {("", "PK")}
    # a town it names there is where it happened
    body = ("ISLAMABAD, March 15 (Example Wire) - A bomb killed 20 people at a mosque in Islamabad on "
            "Friday as violence flared in Pakistan, police said.")
    assert {place for place, _, _ in _placed("Bomb kills 20 at mosque", body)} == {"Islamabad"}


def test_an_opening_sentence_that_names_the_datelines_country_moves_no_claim_from_the_dateline():
    body = ("ISLAMABAD, March 15 (Example Wire) - A bomb killed 20 people at a mosque in Islamabad on "
            "Friday, the deadliest attack in Pakistan this year, police said.")
    assert {place for place, _, _ in _placed("Bomb kills 20 at mosque", body)} == {"Islamabad"}


def test_an_attacks_target_places_the_claim_beside_a_capitals_dateline():
    body = ("KYIV, March 15 (Example Wire) - Two people were killed in a Russian drone attack on Odesa "
            "early on Friday, the regional governor said.")
    assert {place for place, _, _ in _placed("", body)} == {"Odesa"}
    body = "KYIV, March 15 (Example Wire) - Russian troops shelled Kherson overnight, killing two civilians."
    assert {place for place, _, _ in _placed("", body)} == {"Kherson"}


def test_a_dateline_stays_the_storys_place_when_the_lede_names_one_of_its_neighbourhoods():
    body = "CHICAGO (Example Wire) - A man was shot and killed in Englewood on Sunday, police said."
    assert {place for place, _, _ in _placed("Man shot and killed", body)} == {"Chicago"}


def test_an_opening_sentence_that_says_where_it_happened_places_a_capitals_story():
    body = ("LIMA, Jan 29 (Example Wire) - A bus carrying 60 passengers plunged into a ravine in northern "
            "Peru on Sunday, killing at least 24 people and injuring 35 others, police said. The accident "
            "happened in the Piura region.")
    article = Article.from_dict({"id": "piura", "published_at": "2023-01-29T20:00:00+00:00",
                                 "headline": "Bus plunges into ravine in Peru, killing 24", "body": body})
    assert {(r.place.name, r.place.admin1) for r in extract(article, None).reports} == {("", "Piura")}


def test_an_opening_sentence_that_puts_the_shooting_in_a_town_of_the_datelines_state_places_the_story():
    body = ("MADISON, Wis. (Example Wire) - Deputies are searching for a gunman after a shooting near "
            "Baraboo on Sunday night, the sheriff said. A woman was wounded and taken to a hospital.")
    assert {place for place, _, _ in _placed("Woman wounded in shooting", body)} == {"Baraboo"}


def test_a_headline_that_puts_it_in_a_town_of_the_datelines_state_places_the_story():
    body = ("CHARLESTON, W.Va. (Example Wire) -- A Marion County man was charged Friday with killing three "
            "people earlier in the day, the prosecutor said. All three were shot outside a house at dawn.")
    assert {place for place, _, _ in _placed("3 shot dead in Fairmont; suspect in custody", body)} == {"Fairmont"}
    # "near" a town is not in it: the dateline's city stays the lede's.
    body = ("HOUSTON (Example Wire) - Police are looking for a gunman after a drive-by shooting that left one "
            "man dead at a northeast Houston home late Wednesday.")
    assert _placed("1 dead in drive-by shooting near Humble", body)[-1][0] == "Houston"


def test_a_lede_that_puts_it_in_another_us_state_than_the_datelines_places_the_story_in_that_state():
    body = ("CLEVELAND (Example Wire) - Federal agents have arrested the man accused of wounding eight people "
            "at a nightclub in eastern Kentucky, officials said.")
    article = Article.from_dict({"id": "state", "published_at": "2024-05-14T10:00:00+00:00", "body": body,
                                 "headline": "Suspect in Kentucky nightclub shooting arrested in Cleveland"})
    assert {r.place.id for r in extract(article, None).reports} == {"admin1:US.KY"}
    # A state's name inside another name is no state: "the Washington Park neighborhood" of Chicago.
    body = ("CHICAGO (Example Wire) - Three men were hurt in a drive-by shooting in the Washington Park "
            "neighborhood on the South Side late Friday.")
    assert {place for place, _, _ in _placed("Three hurt in drive-by", body)} == {"Chicago"}


def test_figures_told_in_two_towns_in_one_sentence_are_two_claims():
    article = Article.from_dict({"id": "two-towns", "published_at": "2023-08-03T15:00:00+00:00",
                                 "headline": "Russian shelling kills two in Kherson, wounds five in Nikopol",
                                 "body": "Russian shelling killed two people and wounded five in Kherson on Thursday."})
    reports = extract(article, None).reports
    assert [(r.place.name, r.killed, r.injured, r.sentence) for r in reports] == [
        ("Kherson", 2, None, "Russian shelling kills two in Kherson"),
        ("Nikopol", None, 5, "wounds five in Nikopol"),
        ("Kherson", 2, 5, "Russian shelling killed two people and wounded five in Kherson on Thursday.")]
    text = article_text(article)
    assert all(text[r.span[0]:r.span[1]] == r.sentence for r in reports)



def test_a_town_named_like_a_county_the_story_writes_lies_in_a_state_with_that_county():
    # Bedford, Texas's state has no Bedford County; Virginia's Bedford is the most populous
    # namesake in a state that has one.
    assert _places("Deputies of the Bedford County Sheriff's Office said a man was shot dead "
                   "in Bedford on Friday night.") == [("Bedford", "Virginia")]



def test_a_bare_county_name_is_read_in_the_state_the_story_is_in():
    # "Burke" alone is the name of one town of over 15,000 people, in Virginia; beside "Burke
    # County" deputies in a story whose town lies in North Carolina it is that state's
    # county, and says nothing of Virginia.
    assert _places("A man was shot dead in a home in Valdese on Saturday, Burke County deputies said.",
                   headline="Man killed in Burke home invasion") == [("Valdese", "North Carolina")] * 2
    assert _places("A man was shot dead in a home in Chickamauga on Saturday, Walker County deputies said.",
                   headline="Man killed in Walker home invasion") == [("Chickamauga", "Georgia")] * 2


def _places_of(body, headline="Shooting", source=""):
    article = Article(id="p", headline=headline, body=body, source=source, published_at="2016-05-01T10:00:00+00:00")
    return [(r.place.name, r.place.admin1) for r in extract(article, None).reports]


def test_a_headline_town_abroad_the_body_never_names_is_not_the_story_place():
    # "the Hub" is Boston's nickname; GeoNames knows a Hub of 200,000 people in Pakistan.
    assert _places_of("Boston's first killing of the year came late Saturday when a man was shot dead in "
                      "a parked car, police said.", headline="Gunfire in the Hub leaves man dead",
                      source="www.bostonglobe.com") == [("Boston", "Massachusetts")] * 2


def test_a_village_far_from_a_local_outlet_that_names_its_city_is_a_namesake():
    # Chicago's Brainerd neighbourhood is no town of GeoNames; Brainerd, Minnesota is 600 km off.
    assert _places_of("A man was shot dead in a parked car in Brainerd late Saturday, police said. It was the "
                      "third killing in Chicago this weekend.", source="www.chicagotribune.com") == [
        ("Chicago", "Illinois")]
    # A story that does not name the outlet's city, or names the village's state, may be about it.
    assert _places_of("A man was shot dead in a parked car in Brainerd late Saturday, police said.",
                      source="www.chicagotribune.com") == [("Brainerd", "Minnesota")]


def test_of_towns_named_as_often_the_story_is_the_outlets_city():
    assert _places_of("Two people were shot overnight, police said. The shootings happened in Cheektowaga "
                      "and in Buffalo, an hour apart.", source="buffalonews.com") == [("Buffalo", "New York")]


def test_a_county_dateline_keeps_the_story_in_its_state():
    # No Eureka of Wisconsin is known: the California city is a namesake, the county the place.
    assert _places("BROWN COUNTY, Wis. - A man was shot dead Saturday at a hunting cabin near Eureka, the "
                   "sheriff's office said.") == [("Brown County", "Wisconsin")]


def test_a_feature_named_after_a_region_abroad_is_no_region_of_a_story_at_home():
    # "Clare High School" in an American station's story is not Ireland's County Clare.
    article = Article(id="p", headline="Shooting", source="www.abc12.com", published_at="2016-05-01T10:00:00+00:00",
                      body="A 15-year-old was wounded by a stray bullet in Clare on Friday, deputies said. It "
                           "happened not far from Clare High School.")
    assert [(r.place.name, r.place.admin1) for r in extract(article, None).reports] == [("Clare", "Michigan")]


def test_a_headline_tail_that_names_its_state_after_its_towns_sets_the_outlets_state():
    assert _places("Two people were wounded in a shooting in Springfield overnight, police said.",
                   headline="Two hurt in overnight shooting - WXYZ 9 Springfield, Decatur IL News, Weather") == [
        ("Springfield", "Illinois")] * 2


def _dates(body, headline, published="2022-03-04T15:00:00+00:00"):  # a Friday
    article = Article(id="d", headline=headline, body=body, published_at=published)
    return [(r.date, r.date_stated) for r in extract(article, None).reports if not r.retracts]


def test_the_story_is_dated_by_the_violence_its_opening_tells_not_by_today():
    body = ("Police are looking for a gunman after a shooting near Elm Street School left one "
            "student dead and two others wounded.\n\n"
            "Shots rang out Wednesday afternoon as classes let out in Springfield.\n\n"
            "The boy's family is to be told today that he did not survive, police said.")
    dates = _dates(body, "Teen killed near Springfield school")
    assert dates and all(found == ("2022-03-02", True) for found in dates), dates


def test_a_day_a_later_claim_recalls_does_not_date_the_story():
    body = ("SPRINGFIELD, Ill. - A 4-year-old boy shot himself with a pistol he found in a closet.\n\n"
            "Officers were called to a house on Elm Street on Wednesday evening after a shot was fired.\n\n"
            "The boy died at the hospital.\n\n"
            "In a similar case, a 15-year-old boy was charged after shooting a friend on Feb. 12.")
    dates = _dates(body, "Boy, 4, dies after shooting himself")
    # The boy's own claims are his Wednesday's; the Feb. 12 case is another, left out.
    assert set(dates) == {("2022-03-02", True)}, dates


def test_an_incident_recalled_weeks_ago_is_not_the_storys_when_its_opening_says_when_it_happened():
    body = ("Two people were wounded in a shooting outside a corner store in Springfield.\n\n"
            "It happened at Oak Street and 12th Avenue at 11:40 p.m. Wednesday.\n\n"
            "A neighbor said she was still shaken by the shooting at a cookout that happened "
            "three weeks ago, where six people were shot.")
    article = Article(id="d", headline="Two hurt in Springfield shooting", body=body,
                      published_at="2022-03-04T15:00:00+00:00")
    claims = [(r.date, r.injured, r.victims) for r in extract(article, None).reports if not r.retracts]
    assert set(claims) == {("2022-03-02", 2, None)}, claims


def test_the_scene_may_be_set_several_paragraphs_into_the_story():
    body = ("Police are looking for two men after three people were wounded at a party in Springfield.\n\n"
            "A neighbor said the music had been loud for hours.\n\n"
            "\"We heard yelling, then it all went quiet,\" she said.\n\n"
            "Another neighbor said the house had been rented for the party.\n\n"
            "The owner could not be reached for comment.\n\n"
            "Officers were called to the house on Elm Street shortly before 1 a.m. Thursday after shots were fired.")
    dates = _dates(body, "Three hurt at Springfield party")
    assert dates and set(dates) == {("2022-03-03", True)}, dates


def test_a_settlement_the_gazetteer_lacks_written_with_its_state_after_in_is_that_states():
    # GeoNames knows only North Carolina's Waynesville; Indiana's is an unincorporated
    # community. The bare name later in the story is the same place, and so are its police.
    body = ("Four people were found shot dead in a farmhouse in Waynesville, Indiana, on Saturday. "
            "Neighbors in Waynesville said they heard nothing, Waynesville police said.")
    assert set(_places(body)) == {("Waynesville", "Indiana")}


def test_a_word_written_before_a_state_without_in_is_no_settlement():
    assert set(_places("A man was shot dead on Friday, Pennsylvania State Police said.")) == {("", "Pennsylvania")}


def test_a_townships_police_are_named_after_the_township():
    body = ("Two teenagers were wounded at a house party in Hamilton Township, New Jersey, on Saturday, "
            "Hamilton police said.")
    assert set(_places(body)) == {("Hamilton Township", "New Jersey")}


def test_a_part_of_a_city_is_the_citys_not_a_namesake_towns():
    # Juniata is also a village in Nebraska; Orchards a place of its own near Vancouver.
    assert set(_places("A teenager was shot five times in the Juniata section of Philadelphia on "
                       "Sunday, police said.")) == {("Philadelphia", "Pennsylvania")}
    assert set(_places("A clerk was wounded in a robbery at a store in the Orchards area of Vancouver, "
                       "Washington, on Tuesday.")) == {("Vancouver", "Washington")}


def test_a_town_is_read_in_the_one_state_that_has_every_place_the_story_names():
    # Georgia has a Dallas and a Paulding County; Texas, whose Dallas is larger, has no Paulding County.
    assert _places("A man was killed in a shooting at a motel in Dallas on Sunday, Paulding County "
                   "deputies said.") == [("Dallas", "Georgia")]
    # Texas and Georgia both have a Dallas and a Franklin County: the names settle nothing.
    assert _places("A man was killed in a shooting at a motel in Dallas on Sunday, Franklin County "
                   "deputies said.") == [("Dallas", "Texas")]
    # Of the Carolinas, which both have a Beaufort County, only North Carolina has a Pinetown (a
    # post town): police copy sets the story in the US, so it is not Pinetown, South Africa.
    assert _places("A 9-year-old boy was wounded at a home in Pinetown on Saturday, Beaufort County "
                   "deputies said.") == [("Pinetown", "North Carolina")]


def test_a_street_named_like_a_region_abroad_does_not_set_the_story_abroad():
    # "Bay" is a region of Somalia; "Bay Oaks Drive" is a street of the town the story names.
    body = ("A boy was accidentally shot during a family gathering in Bay St. Louis, police said. "
            "Officers were called to a home on Bay Oaks Drive at 10:50 p.m. Friday, police said the boy was wounded.")
    assert set(_places(body)) == {("Bay Saint Louis", "Mississippi")}


def _killed(headline, body):
    article = Article(id="also-killed", headline=headline, body=body, published_at="2024-05-13T12:00:00+00:00")
    return [r.killed for r in extract(article, None).reports]


def test_a_victim_told_as_also_killed_is_one_more_than_those_told_one_by_one():
    assert _killed("Shooting at Springfield barber shop", (
        "SPRINGFIELD, Ill. (AP) - Marcus Lane, 22, was shot and killed Sunday inside a barber shop on "
        "Elm Street, police said. Devon Price, a customer at the shop, was also killed.")) == [1, 2]


def test_people_told_dead_one_by_one_by_other_names_add_up():
    assert _killed("Shooting on Elm Street", (
        "SPRINGFIELD, Ill. (AP) - Marcus Lane was shot in the chest on Elm Street on Sunday and taken to "
        "Memorial Hospital, where he was pronounced dead. Devon suffered gunshot wounds to the head and was "
        "also taken to Memorial, where he was pronounced dead an hour later.")) == [1, 2]
    assert _killed("Struggle over gun on Elm Street", (
        "SPRINGFIELD, Ill. (AP) - Deputies said Price shot at officers on Elm Street on Sunday. Price later "
        "died from his injuries. Although Lane died during the altercation, he saved his wife.")) == [1, 2]


def test_a_name_told_dead_again_or_after_an_unnamed_death_or_another_shooting_adds_no_one():
    # the same person by another part of the name
    assert _killed("Shooting on Elm Street", (
        "SPRINGFIELD, Ill. (AP) - Marcus Lane was shot on Elm Street on Sunday and taken to Memorial "
        "Hospital, where he was pronounced dead. Lane later died of his wounds, police said.")) == [1, 1]
    # the names after an unnamed death may be that death's: "a man was killed ... Lane died"
    assert _killed("Shooting on Elm Street", (
        "SPRINGFIELD, Ill. (AP) - A man was shot and killed on Elm Street on Sunday. Price later died from "
        "his injuries. Lane died at the scene, police said.")) == [1, 1, 1]
    # another shooting's dead are its own
    assert _killed("Two shootings on Elm Street", (
        "SPRINGFIELD, Ill. (AP) - Price was taken to Memorial Hospital on Sunday where he later died. "
        "A second shooting was reported to police at Lincoln Park around 8:30 p.m. Lane was flown to a "
        "hospital in St. Louis where he later died.")) == [1, 1]


def _told(headline, body):
    article = Article(id="told", headline=headline, body=body, published_at="2024-05-13T12:00:00+00:00")
    return [(r.killed, r.injured, r.victims) for r in extract(article, None).reports]


def test_the_hurt_told_before_some_of_them_died_are_the_people_hit():
    assert _told("Shooting on Elm Street", (
        "SPRINGFIELD, Ill. (AP) - Three people were wounded in a shooting on Elm Street on Saturday night. "
        "One of the victims has since died, police said.")) == [(None, None, 3), (1, None, None)]
    # after a death told before, the hurt are others
    assert _told("Shooting on Elm Street", (
        "SPRINGFIELD, Ill. (AP) - A man was killed and three people were wounded in a shooting on Elm "
        "Street on Saturday night. One of the wounded has since died, police said.")) == [(1, 3, None), (1, None, None)]


def test_a_victim_told_as_also_killed_after_a_count_is_one_of_those_counted():
    assert _killed("Two killed at Springfield barber shop", (
        "SPRINGFIELD, Ill. (AP) - Two men were killed Sunday inside a barber shop on Elm Street, police "
        "said. Devon Price, a customer at the shop, was also killed.")) == [2, 2, 1]


def test_what_a_death_also_did_is_no_other_death():
    assert _killed("Boy killed on Elm Street", (
        "SPRINGFIELD, Ill. (AP) - A 9-year-old boy was shot and killed Sunday on Elm Street, police said. "
        "Jaden's death also sparked an outpouring of grief at his school.")) == [1, 1, 1]


def test_a_headline_tells_of_its_people_first():
    article = Article(id="passenger", headline="Driver shot to death on Elm Street; his passenger is wounded",
                      body="SPRINGFIELD, Ill. (AP) - Gunfire struck a car on Elm Street late Sunday, police said.",
                      published_at="2024-05-13T12:00:00+00:00")
    assert [(r.killed, r.injured) for r in extract(article, None).reports] == [(1, 1)]
