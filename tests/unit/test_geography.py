"""Where extraction places a claim: qualifiers, datelines, the article's other places."""

import pytest

from agents.enrich.gazetteer import load_gazetteer
from agents.extract.core import extract
from agents.extract.people import read_names
from agents.extract.places import mentions, police_names, regions_named
from agents.pipeline import LocalRun
from streams.inputs import Message
from streams.records import Article, dumps

PARIS_TEXAS, PARIS_FRANCE = "geonames:4717560", "geonames:2988507"
CHICAGO = "geonames:4887398"


def _places(headline: str, body: str) -> list[str]:
    article = Article(id="a", headline=headline, body=body, published_at="2024-06-09T15:20:00+00:00")
    return [r.place.id for r in extract(article, None).reports]


def test_paris_texas_by_its_qualifier_and_paris_france_by_default():
    assert _places("Two killed in Paris, Texas", "Two people were killed in Paris, Texas.") == [PARIS_TEXAS] * 2
    assert _places("Two killed in Paris", "Two people were killed in Paris, police said.") == [PARIS_FRANCE] * 2


def test_paris_texas_by_the_articles_other_places():
    body = ("Two people were killed in a shooting in Paris on Saturday. "
            "Deputies from across Texas joined the search.")
    assert _places("Deadly shooting", body) == [PARIS_TEXAS]


def test_springfield_by_its_state_or_dateline_and_by_population_without_either():
    assert [p for p in _places("Three wounded", "Three people were wounded in Springfield, Mass.")] == [
        "geonames:4951788", "geonames:4951788"]
    dateline = "SPRINGFIELD, Ill. (AP) - Three people were wounded in Springfield on Sunday."
    assert set(_places("Three wounded in shooting", dateline)) == {"geonames:4250542"}
    assert _places("Shooting", "Three people were wounded in Springfield on Sunday.") == ["geonames:4409896"]


def test_a_village_a_15000_people_gazetteer_lacks_is_placed():
    assert _places("", "Russian forces shelled Hirnyk, Donetsk region. A civilian was killed.") == [
        "geonames:708395"]
    body = "A woman was killed when Russian forces shelled the village of Kozatske in the Odesa region."
    assert _places("", body) == ["geonames:706567"]  # not the larger Kozatske of Kherson Oblast


def test_a_common_word_or_surname_is_no_village():
    assert set(_places("Man shot", "A man was shot and wounded, according to Smith.")) == {"unknown"}


def test_a_village_the_gazetteer_lacks_keeps_its_name_in_its_region_without_a_point():
    run = LocalRun()
    note = {"id": "n", "published_at": "2024-03-10T12:00:00+00:00", "body":
            "Russian forces shelled Nevelske, Donetsk region. Two civilians were killed."}
    run.feed(Message(origin="test", key=None, value=dumps(note)))
    [incident] = run.incidents.values()
    assert (incident.place_id, incident.admin1, incident.city) == (
        "locality:UA.05:nevelske", "Donetsk Oblast", "Nevelske")
    assert (incident.geo_precision, incident.lat, incident.killed) == (2, None, 2)
    assert [row["city"] for row in run.rows()] == ["Nevelske"]


def test_a_name_the_gazetteer_lacks_beside_a_us_state_is_no_town():
    assert _places("Man shot", "A man was shot Friday, Pennsylvania State Police said.") != [
        "locality:US.PA:friday"]


def _outlet_places(source: str, headline: str, body: str) -> list[str]:
    article = Article(id="a", source=source, headline=headline, body=body,
                      published_at="2016-06-09T15:20:00+00:00")
    return [r.place.id for r in extract(article, None).reports]


def test_a_station_tail_in_the_headline_places_its_namesake_town():
    headline = "Teen dies after being shot in Winchester - WHSV 3 Virginia"
    assert set(_outlet_places("", headline, "A teenager died after he was shot in Winchester.")) == {
        "geonames:4794120"}  # Winchester, Virginia, not England's


def test_call_letters_place_a_town_in_the_united_states():
    body = "MARGATE - Two people were wounded in a shooting on Sunday, police said."
    assert set(_outlet_places("www.wplg.com", "Two wounded", body)) == {"geonames:4163407"}  # Florida
    assert set(_outlet_places("", "Two wounded", body)) == {"geonames:2643044"}  # Kent, England


def test_a_story_that_names_no_town_is_the_city_its_outlet_is_named_after():
    body = "Two teens were charged in the shooting death of a 15-year-old boy inside an apartment."
    assert set(_outlet_places("www.chicagotribune.com", "Teens charged", body)) == {CHICAGO}
    assert set(_outlet_places("www.pittsburghpa.gov", "Teens charged", body)) == {"geonames:5206379"}
    assert set(_outlet_places("lasvegassun.com", "Teens charged", body)) == {"geonames:5506956"}  # run together
    # A city's name inside a word of the site's name is none of the outlet's.
    assert set(_outlet_places("southsidemessenger.com", "Teens charged", body)) == {"unknown"}
    assert set(_outlet_places("www.trentonian.com", "Teens charged", body)) == {"unknown"}


def test_a_byline_and_a_timestamp_are_not_the_opening_sentences_that_name_the_place():
    body = ("9-year-old boy shot in groin in local accident\n\nBy Dwayne Bremer\n\nNov 22, 2014, 00:10\n\n"
            "A child last Friday accidentally shot himself during a family gathering in Bay St. Louis, "
            "authorities said Thursday.")
    assert set(_outlet_places("", "News", body)) == {"geonames:4417205"}  # Bay Saint Louis, Mississippi


def test_a_us_network_affiliates_brand_places_its_stories_in_the_us():
    body = "A 7-year-old girl died after she was shot in her home in Salisbury, police said."
    assert set(_outlet_places("abc11.com", "Girl dies", body)) == {"geonames:4489985"}  # North Carolina's
    assert set(_outlet_places("", "Girl dies", body)) == {"geonames:2638664"}  # England's


def test_a_city_in_the_outlets_name_breaks_a_tie():
    body = "A man was shot and killed in Englewood on Saturday night, police said."
    assert set(_outlet_places("chicago.suntimes.com", "Man killed", body)) == {CHICAGO}  # its Englewood
    assert set(_outlet_places("", "Man killed", body)) == {"geonames:5421250"}  # Colorado's


def test_a_small_place_is_not_found_by_another_languages_name_for_it():
    assert set(_places("Man shot", "A man was shot at a market in Cobra on Sunday.")) == {"unknown"}


def test_a_persons_name_is_no_town_nor_is_their_surname_alone():
    body = ("Queric Richardson, 17, was shot and killed at a party on Saturday. "
            "Officer Dan Murphy said Richardson was shot twice.")
    assert set(_places("Teen killed at party", body)) == {"unknown"}


def test_a_town_named_like_a_surname_is_a_town_where_the_story_puts_it_and_the_surname_none():
    dateline = "HAMILTON, Ohio – A 3-year-old boy died after he shot himself with a gun he found at home."
    assert set(_place_names("Boy dies after shooting himself", dateline)) == {("Hamilton", "Ohio")}
    person = "Jamal Hamilton, 19, was shot and killed on Sunday night, police said. Hamilton was a student."
    assert set(_places("Man killed", person)) == {"unknown"}


def test_a_town_after_a_places_modifier_or_a_sentences_first_word_is_a_town():
    assert set(_places("Man shot", "Police said a man was shot in Northwest Houston.")) == {
        "geonames:4699066"}
    assert set(_places("Man shot", "When Houston police arrived, a man had been shot.")) == {
        "geonames:4699066"}


def test_a_state_named_deep_in_the_story_tells_which_namesake_its_town_is():
    body = ("Two people were wounded in a shooting in Bristol on Sunday night, police said. "
            "The victims were taken to a hospital. Connecticut State Police are investigating.")
    assert set(_places("Two wounded in shooting", body)) == {"geonames:5282835"}  # not England's


def test_a_district_is_counted_in_its_city_and_named():
    article = Article(id="a", headline="Man shot", published_at="2016-06-09T15:20:00+00:00",
                      body="CHICAGO - A man was shot in East Garfield Park on Sunday, police said.")
    places = {(r.place.id, r.place.district) for r in extract(article, None).reports}
    assert (CHICAGO, "East Garfield Park") in places


def test_a_dateline_after_a_timestamp_line_or_a_caption_places_the_story():
    body = ("Posted: Sunday, March 29th 2015 at 9:17pm\n\nThe boy was taken to a hospital. "
            "View Full Caption\n\nGAINESVILLE, Fla. - A 3-year-old child was killed on Sunday.")
    assert set(_places("Child killed in accidental shooting", body)) == {"geonames:4156404"}


def test_a_small_town_the_story_puts_something_in_is_placed_in_the_storys_country():
    body = "JEFFERSON - A 3-year-old child was killed in an accidental shooting in Jefferson."
    assert set(_outlet_places("www.wsbtv.com", "Child killed", body)) - {"unknown"}
    assert "unknown" in set(_places("Man from Jefferson dies", "A man from Jefferson died."))


def test_a_major_citys_own_name_is_not_another_places_old_name():
    assert set(_places("Teen shot", "A teenager was shot in South Philadelphia on Sunday.")) == {
        "geonames:4560349"}  # not Amman, once Philadelphia
    assert set(_places("Man shot", "A Florida man was shot in his home.")) != {"geonames:3682385"}


def test_a_county_after_the_dateline_city_tells_its_state():
    body = ("JACKSONVILLE, ONSLOW COUNTY - A 4-year-old boy was wounded when he found a handgun "
            "in a bedroom, police said.")
    assert set(_places("Boy wounded", body)) == {"geonames:4473083"}  # North Carolina, not Florida


def test_a_county_named_in_the_story_tells_which_namesake_its_town_is():
    body = ("A man was shot and killed outside a gas station in Jacksonville on Friday night, "
            "the Onslow County Sheriff's Office said. Deputies are looking for the gunman.")
    assert set(_places("Man killed", body)) == {"geonames:4473083"}  # North Carolina's


def test_a_georgia_town_in_a_us_story_is_in_the_state():
    body = "MACON, Georgia - A teenager was shot and killed at a party on Saturday, deputies said."
    assert set(_places("Teen killed", body)) == {"geonames:4207400"}


def test_the_hospital_the_wounded_were_taken_to_is_not_where_they_were_shot():
    body = ("DANIELSON - A man was shot in the leg on Main Street on Saturday, police said. "
            "The man was taken to Day Kimball Hospital in Putnam, where he was treated. "
            "He was later flown to a hospital in Hartford.")
    places = set(_outlet_places("www.wfsb.com", "Man shot", body))
    assert places and not places & {"geonames:4841187", "geonames:4835797"}  # Putnam, Hartford


def test_a_name_with_small_words_inside_is_one_place():
    body = "NAIROBI, March 15 (Example Wire) - A bus crash killed 12 people in Dar es Salaam on Friday, police said."
    assert set(_places("", body)) == {"geonames:160263"}  # Dar es Salaam, not the dateline's Nairobi


def test_the_town_of_a_detention_centre_or_hospital_the_violence_struck_is_where_it_happened():
    body = ("MEXICO CITY, March 15 (Example Wire) - Nearly 40 migrants were killed in a fire at a detention "
            "centre in Ciudad Juarez late on Monday, the migration institute said.")
    assert set(_places("", body)) == {"geonames:4013708"}  # Ciudad Juárez
    body = ("MEXICO CITY, March 15 (Example Wire) - Two people were killed in a shooting on Friday, and three "
            "were taken to a hospital in Puebla.")
    assert set(_places("", body)) == {"geonames:3530597"}  # Mexico City


def test_the_town_of_a_hospital_centre_where_a_victim_died_is_not_where_they_were_shot():
    body = ("CLARKSBURG, W.Va. - Four people are dead after a shooting on Locust Avenue on Friday. "
            "Three of the victims died at the scene, while a fourth died at United Hospital "
            "Center in Bridgeport from a gunshot wound.")
    places = set(_places("4 dead after shooting", body))
    assert places and "geonames:4800081" not in places  # Bridgeport, W.Va.


def test_a_town_the_story_names_by_its_police_is_placed():
    body = "A Waxhaw Police officer shot and wounded a man during a traffic stop on Sunday."
    assert set(_outlet_places("www.wbtv.com", "Man wounded", body)) == {"geonames:4497833"}


def test_a_us_outlets_story_reads_no_first_name_as_a_place_abroad():
    body = ("Patrick Jones, 24, was shot and killed on Saturday night. Police said Michael "
            "Smith, 30, was wounded.")
    assert set(_outlet_places("www.wsbtv.com", "Two shot", body)) == {"unknown"}


def test_a_story_that_names_no_place_is_placed_at_the_outlets_city_in_its_headline():
    headline = "Two men shot outside a nightclub - WMC Action News 5 - Memphis, Tennessee"
    body = "Two men were shot outside a nightclub early Sunday, police said."
    assert set(_outlet_places("www.wmcactionnews5.com", headline, body)) == {"geonames:4641239"}


def test_a_city_its_police_name_is_no_surname():
    body = ("Skip Embed Share Memphis police are looking for a gunman. Four people were wounded "
            "at a bowling alley in East Memphis on Tuesday night.")
    assert set(_places("Four wounded at bowling alley", body)) == {"geonames:4641239"}


def test_a_town_written_in_a_web_address_is_still_a_town():
    body = ("A Jacksonville teenager was shot and killed on Saturday night, police said. "
            "Tips can be sent to news@jacksonville.com.")
    assert set(_places("Teen killed", body)) == {"geonames:4160021"}


def test_a_place_a_claim_only_passes_by_does_not_move_it():
    body = ("LAFAYETTE, La. - Two people were killed in a shooting at a movie theater on Thursday. "
            "Mayci Breaux, 21, of Franklin, La., died at the scene, police said. "
            "A man from Jefferson was wounded and flown to Baton Rouge.")
    assert set(_places("Two killed at theater", body)) == {"geonames:4330145"}  # Lafayette



def test_a_bare_dateline_is_read_in_the_country_of_the_county_the_story_names():
    body = ("YORK - A man was shot and wounded on Market Street on Sunday, police said. "
            "The York County coroner said a second man died at the scene.")
    assert set(_places("Man shot", body)) == {"geonames:4562407"}  # York, Pennsylvania


def test_a_street_abbreviated_after_a_name_is_no_town():
    body = "Four people were shot and wounded on Clay St. late Saturday, police said."
    assert set(_places("Four shot on Clay St.", body)) == {"unknown"}


def test_a_hotel_named_after_a_town_is_no_town():
    body = ("A man was shot and wounded outside the Peabody Hotel in downtown Memphis on Friday "
            "night, police said.")
    assert set(_place_names("Man Shot Outside Peabody Hotel", body)) == {("Memphis", "Tennessee")}


def test_a_neighbourhood_geonames_lists_as_a_town_keeps_a_claim_in_the_storys_city():
    body = ("CHICAGO - A 17-year-old accidentally shot himself in South Shore on Friday, police "
            "said. Two people were wounded in Evanston later that night.")
    assert _places("Teen shoots himself", body) == [CHICAGO, CHICAGO, "geonames:4891382"]  # Evanston


def test_a_hamlet_geonames_lists_inside_the_storys_city_keeps_a_claim_in_the_city():
    body = ("PHILADELPHIA - A 15-year-old boy was shot in the leg in Manayunk on Saturday night, police "
            "said. Two men were wounded in Reading hours later.")
    assert _place_names("Teen shot", body) == [("Philadelphia", "Pennsylvania")] * 2 + [("Reading", "Pennsylvania")]


def _place_names(headline: str, body: str) -> list[tuple[str, str]]:
    article = Article(id="a", headline=headline, body=body, published_at="2024-06-09T15:20:00+00:00")
    return [(r.place.name, r.place.admin1) for r in extract(article, None).reports]


def test_the_city_whose_police_speak_overrules_a_neighbourhood_dateline_in_another_state():
    body = ("AUSTIN — Four boys were wounded in a shooting on the West Side Monday night, police said, "
            "according to Officer Jose Estrada, a Chicago Police spokesman.")
    assert set(_place_names("Austin shooting wounds 4 boys", body)) == {("Chicago", "Illinois")}


def test_the_police_of_a_town_the_story_is_about_are_that_town_s():
    body = "RICHMOND, Ind. — Four people were wounded in a shooting Sunday, Richmond police said."
    assert set(_place_names("Four wounded", body)) == {("Richmond", "Indiana")}


def test_a_first_name_before_a_surname_the_story_names_is_no_town():
    body = ("Logan Hinrichs, 14, shot himself dead while hunting near Red Wing, Minnesota, "
            "authorities said. Hinrichs was found by relatives.")
    assert ("Logan", "Utah") not in _place_names("Logan Hinrichs, 14, shot dead", body)


def test_a_town_inside_a_longer_name_is_not_where_the_preposition_points():
    body = ("Four people were shot in the parking lot of the Hawthorne Heights Apartments, "
            "the Baton Rouge Police Department said.")
    assert set(_place_names("Four shot at apartments", body)) == {("Baton Rouge", "Louisiana")}


def test_american_police_copy_places_an_ambiguous_town_in_the_us():
    body = ("Police in Chester are investigating a shooting that wounded a 5-year-old child "
            "on the 400 block of Whittington Place on Monday night.")
    assert {admin1 for _, admin1 in _place_names("5-year-old shot in Chester", body)} == {"Pennsylvania"}


def _admin1(source: str, headline: str, body: str) -> set[str]:
    article = Article(id="a", source=source, headline=headline, body=body,
                      published_at="2016-06-09T15:20:00+00:00")
    return {r.place.admin1 for r in extract(article, None).reports}


def test_a_state_in_the_outlets_name_breaks_a_tie():
    body = "An 11-year-old boy was wounded when his father's gun went off in {}, police said."
    assert _admin1("www.nbcconnecticut.com", "Boy wounded", body.format("Bristol")) == {"Connecticut"}
    assert _admin1("", "Boy wounded", body.format("Bristol")) == {"England"}
    assert _admin1("www.arkansasonline.com", "Boy wounded", body.format("Jacksonville")) == {"Arkansas"}


def test_call_letters_tell_which_side_of_the_mississippi_a_town_is_on():
    body = "A 17-year-old was killed in a shooting in Richmond on Friday night, police said."
    assert _admin1("www.ktvu.com", "Teen killed", body) == {"California"}
    assert _admin1("www.wtvr.com", "Teen killed", body) == {"Virginia"}
    phoenix = "A man was killed in a shooting in Phoenix on Friday night, police said."
    assert _admin1("www.wsbtv.com", "Man killed", phoenix) == {"Arizona"}  # a city of a million


def _city(source: str, headline: str, body: str) -> set[tuple[str, str]]:
    article = Article(id="a", source=source, headline=headline, body=body,
                      published_at="2016-06-09T15:20:00+00:00")
    return {(r.place.name, r.place.admin1) for r in extract(article, None).reports}


def test_a_stations_headline_tail_names_a_state_not_the_country_it_is_named_after():
    headline = "Sylvester shooting reveals 8th victim - WALB.com, South Georgia News, Weather"
    body = "Eight teenagers were wounded when gunfire broke out at a party on Saturday, police said."
    assert _city("www.walb.com", headline, body) == {("Sylvester", "Georgia")}


def test_a_city_several_major_cities_bear_or_a_states_word_says_nothing_in_a_site_name():
    headline = "Child dies after accidentally shooting self in Jefferson"
    body = ("A 3-year-old died of a self-inflicted gunshot wound on Sunday in Jefferson. The "
            "Georgia Bureau of Investigation is looking into the shooting.")
    assert _city("onlineathens.com", headline, body) == {("Jefferson", "Georgia")}  # not Greece's Athens
    body = "A 3-year-old boy was rushed to a hospital after a gun was fired near his face in Conway."
    assert _city("www.carolinalive.com", "Boy injured", body) != {("Conway", "Puerto Rico")}


def test_an_outlets_headline_tail_places_a_story_by_its_only_major_city_or_its_state():
    body = "One man died after a double shooting on Tuesday night, officers said."
    headline = "One dead after double shooting - WDRB 41 Louisville News"
    assert _city("www.wdrb.com", headline, body) == {("Louisville", "Kentucky")}
    headline = "Teen girl shot in the leg - NBC12 - WWBT - Richmond, VA News On Your Side"
    assert _city("www.nbc12.com", headline, body.replace("One man died", "A girl was shot")) == {
        ("Richmond", "Virginia")}


def test_a_story_that_names_no_town_is_the_small_town_s_whose_police_speak():
    body = ("A 4-year-old girl is recovering from a gunshot wound at a children's hospital. "
            "She had to have surgery. Her father is not facing any charges. Her mother thanked "
            "the nurses. Campbellsville police said her father accidentally fired his gun.")
    assert _city("www.wlky.com", "Girl, 4, shot in leg", body) == {("Campbellsville", "Kentucky")}


def test_police_after_a_sentence_that_ends_in_a_name_are_nobody_s_in_particular():
    body = ("A 15-year-old boy was shot dead on Friday. He was pronounced dead at Stroger "
            "Hospital. Police said he was shot in his home.")
    assert ("Hospital", "") not in _city("www.chicagotribune.com", "Boy, 15, shot dead", body)  # Ireland's


def test_an_abbreviated_mount_or_fort_is_the_town_spelled_out():
    body = "MT. JULIET, Tenn. (WKRN) - A teenager was shot in the neck on Tuesday, deputies said."
    assert _city("wkrn.com", "Teen shot", body) == {("Mount Juliet", "Tennessee")}


def test_a_name_before_a_streets_other_words_is_no_town():
    body = ("A 15-year-old was shot in the neck on Tuesday. Deputies responded to a home on "
            "Davis Corner Road shortly after 1 p.m.")
    assert ("Davis", "California") not in _city("wkrn.com", "Teen shot", body)


def test_the_police_of_a_village_in_another_state_than_the_outlets_place_no_story():
    headline = "Man charged with murder in mass shooting - WFMJ.com News for Youngstown-Warren Ohio"
    body = ("A man has been charged with aggravated murder for Saturday's shootings that "
            "killed two people and hospitalized three. He was arrested outside his home. The "
            "victims' names have not been released. Howland police say they were shot in a van.")
    assert ("Howland", "Maine") not in _city("www.wfmj.com", headline, body)


def test_the_town_a_story_puts_a_shooting_in_outranks_the_town_a_victim_is_from():
    body = ("Two shootings near the campus left five people injured and one dead in Champaign. "
            "Jordan Lee, 22, of Mundelein, and Sam Park, 23, of Mundelein, were taken to a hospital.")
    assert _city("www.wandtv.com", "1 dead, 5 injured in 2 shootings", body) == {("Champaign", "Illinois")}


def test_a_compass_quarter_of_a_city_is_no_town():
    body = ("Two male juveniles were wounded after being shot in Northeast D.C. on Wednesday, "
            "police said.")
    assert ("North East", "Maryland") not in _city("wjla.com", "Two teens shot", body)


def test_a_stations_tail_with_its_state_tells_which_namesake_a_town_is():
    headline = "Deputy dies after accidental shooting - Toledo News Now, Toledo, OH"
    body = "A sheriff's deputy was killed in an accidental shooting at his home in Grand Rapids Saturday."
    assert _city("www.wtol.com", headline, body) == {("Grand Rapids", "Ohio")}


def test_kansas_city_names_no_state_but_two_counties_a_story_names_may():
    body = ("Three people, including an infant, were slain inside a south Kansas City home on "
            "Sunday, police said.")
    assert _city("www.kctv5.com", "Three slain in Kansas City home", body) == {("Kansas City", "Missouri")}
    gazetteer = load_gazetteer()
    counties = "a trailer park in central Williamson County; he fled to Caldwell County"
    assert regions_named(counties, gazetteer) == {"US", "admin1:US.TX"}
    assert regions_named("a trailer park in central Williamson County", gazetteer) == {"US"}


ROCK_COUNTY_WI, NAVARRO_COUNTY_TX = "county:US.55105", "county:US.48349"


def test_a_story_that_names_only_a_county_is_counted_at_the_county_in_its_state():
    run = LocalRun()
    article = {"id": "hunter", "published_at": "2016-05-01T15:20:00+00:00",
               "headline": "Accidental shooting kills turkey hunter in Rock County",
               "body": "A turkey hunter was shot and killed Saturday in Rock County, the Wisconsin "
                       "Department of Natural Resources said."}
    run.feed(Message(origin="test", key=None, value=dumps(article)))
    [incident] = run.incidents.values()
    assert (incident.place_id, incident.city, incident.admin1, incident.killed) == (
        ROCK_COUNTY_WI, "Rock County", "Wisconsin", 1)
    [row] = run.rows()
    assert (row["city"], row["admin1"], row["country"], row["killed"]) == ("Rock County", "Wisconsin", "US", 1)


def test_a_county_no_other_state_has_needs_no_state_beside_it():
    body = "A 2-year-old boy was shot and killed by an 8-year-old on Sunday, deputies said."
    assert set(_places("Navarro County Toddler Shot, Killed By 8-Year-Old", body)) == {NAVARRO_COUNTY_TX}


def test_a_county_with_its_states_abbreviation_is_that_states_county():
    body = "A hunter was shot and wounded Saturday in Rock County, Wis., deputies said."
    assert set(_places("Hunter wounded", body)) == {ROCK_COUNTY_WI}
    assert set(_places("Hunter wounded", "A hunter was wounded Saturday in Henry Co., Ind.")) == {
        "county:US.18065"}  # "Co." spelled out


def test_a_story_that_names_a_town_and_its_county_is_the_town_s():
    town_first = ("A man was shot and wounded Saturday in Janesville, the Rock County Sheriff's "
                  "Office said. Deputies said the shooting in Rock County was accidental.")
    county_first = ("A Rock County man was shot and wounded Saturday in Janesville, Wisconsin, "
                    "deputies said.")
    for body in (town_first, county_first):
        assert set(_places("Man shot", body)) == {"geonames:5257754"}, body  # Janesville, Wisconsin


def test_a_countys_police_are_no_towns():
    body = "Three people were shot in Lithonia on Sunday, DeKalb County Police said."
    assert set(_place_names("Three shot", body)) == {("Lithonia", "Georgia")}  # not DeKalb, Illinois
    body = ("Three people were shot Sunday night in Stone Mountain, Georgia. DeKalb police said the "
            "victims were taken to a hospital.")
    assert set(_place_names("Three shot", body)) == {("Stone Mountain", "Georgia")}


def test_a_county_several_states_have_is_no_place_without_a_state_to_tell_which():
    body = "A man was shot and killed in Marion County on Sunday, deputies said."
    assert set(_places("Man killed", body)) == {"unknown"}  # no state guessed among 17
    assert load_gazetteer().county("Marion County") is None


def test_a_claim_in_a_county_moves_there_unless_the_story_is_a_town_s_in_the_countys_state():
    body = ("Two people were wounded in a shooting Saturday in Walworth County, Wis., police said. "
            "A third man was killed Sunday in Rock County, deputies said.")
    assert _places("Shootings", body) == ["county:US.55127", ROCK_COUNTY_WI]
    body = ("Two people were wounded in a shooting Saturday in Janesville, police said. "
            "A third man was killed Sunday in Rock County, deputies said.")
    assert set(_place_names("Shootings", body)) == {("Janesville", "Wisconsin")}
    body = ("Two people were wounded in a shooting in Memphis on Saturday, police said. "
            "A third man was killed Sunday in Marshall County, Miss., deputies said.")
    assert _place_names("Shootings", body) == [("Memphis", "Tennessee"), ("Marshall County", "Mississippi")]


def test_georgia_in_a_story_its_county_sets_in_the_us_is_the_state():
    body = "Three people were shot Sunday night, DeKalb County Police said. Georgia officials said."
    assert set(_places("3 people shot in DeKalb County", body)) == {"county:US.13089"}


def test_the_greater_city_a_sentence_names_keeps_a_claim_in_the_borough_the_story_is_about():
    body = ("BROOKLYN — Nine people were wounded at a block party early Sunday. "
            "Police in New York have arrested a man in connection with the shooting that wounded nine.")
    assert set(_place_names("Nine wounded at block party", body)) == {("Brooklyn", "New York")}


def test_a_street_named_after_a_town_is_no_place_of_the_story():
    body = ("A 5-year-old girl was shot in the arm Wednesday. Paramedics responded to the 5900 block "
            "of South Peoria and found the girl, said a Chicago Police spokesman.")
    assert set(_place_names("Girl, 5, shot", body)) == {("Chicago", "Illinois")}


def test_an_airport_named_after_a_city_is_at_that_city():
    body = ("Two people are dead and three injured after a shooting at the Tulsa International Airport. "
            "The gunman got off a flight from Denver, police said.")
    assert set(_place_names("Shooting at Tulsa Airport", body)) == {("Tulsa", "Oklahoma")}


def test_the_town_of_the_federal_prosecutors_who_charge_a_suspect_is_not_the_storys():
    body = ("Prosecutors have charged the suspect in Friday's shooting at Tulsa International "
            "Airport, which killed three people. A criminal complaint filed by the Denver U.S. attorney's "
            "office accuses him of an act of violence at an international airport resulting in death.")
    assert _city("www.nbcdenver.com", "Airport shooting suspect charged", body) == {("Tulsa", "Oklahoma")}


def test_where_someone_lives_is_their_home_not_where_it_happened():
    body = ("HARVEY, Ill. - Eight people were wounded at a house party early Sunday, police said. Marcus "
            "Hill, 19, who lived in the 15000 block of Wood Street in Dolton, was taken to a hospital, where he died.")
    assert set(_place_names("One killed, eight wounded at house party", body)) == {("Harvey", "Illinois")}
    body = ("Eight people were wounded at a house party early Sunday in Harvey, police said. Marcus Hill, 19, "
            "who lived in Dolton, was taken to a hospital, where he died.")
    assert set(_place_names("One killed, eight wounded at house party", body)) == {("Harvey", "Illinois")}


def test_the_town_of_the_medical_examiners_office_is_not_the_storys():
    body = ("A 16-year-old was shot and killed while hunting in Charlotte County, Virginia, on Friday. "
            "His body was taken to the medical examiner's office in Richmond.")
    assert set(_place_names("Teen killed in hunting accident", body)) == {("Charlotte County", "Virginia")}


def test_streets_named_before_the_word_intersection_are_no_towns():
    body = ("ROCHESTER, N.Y. - Two men were wounded near the Genesee and Clifford intersection early "
            "Monday in an apparent drive-by shooting, police said.")
    assert set(_place_names("Two wounded in drive-by", body)) == {("Rochester", "New York")}


def test_a_capitalised_word_of_a_story_written_in_capitals_is_a_place_only_where_cued():
    body = ("SIX PEOPLE WERE SHOT IN HOUSTON OVERNIGHT. AT SOME POINT, SHOTS WERE FIRED AND "
            "BULLETS HIT SIX PEOPLE.")
    assert set(_place_names("Six shot after fight", body)) == {("Houston", "Texas")}


def test_the_town_of_the_hospital_the_wounded_were_taken_to_is_not_the_storys():
    body = ("A 6-year-old girl who was shot is in critical condition at a Jackson hospital, her family "
            "said. Anyone with information should call Meridian police or the Mississippi Bureau of "
            "Investigation.")
    assert set(_place_names("Child who was shot in critical condition", body)) == {("Meridian", "Mississippi")}
    body = ("Meridian police are investigating a shooting at an apartment complex in Mississippi. "
            "A 1-month-old infant who was shot was airlifted to Jackson.")
    assert set(_place_names("Child shot at apartment complex", body)) == {("Meridian", "Mississippi")}


def test_the_town_of_hospitals_or_of_a_hospital_named_by_its_name_is_not_the_storys():
    body = ("Four people were wounded early Sunday in a shooting in Millville, N.J. One man was airlifted "
            "to a trauma center in Camden while three other victims drove themselves to hospitals in Vineland.")
    assert set(_place_names("Four wounded in shooting", body)) == {("Millville", "New Jersey")}
    body = ("Deputies found a 19-year-old man with a gunshot wound in Palestine, Texas. He was taken to a "
            "local medical center and then to Trinity Mother Frances in Tyler, where he died.")
    assert set(_place_names("Teen dies after shooting", body)) == {("Palestine", "Texas")}


def test_the_home_town_of_a_headlines_victim_yields_to_where_it_happened():
    body = "A man was fatally shot while hunting near Jonesboro, Georgia, on Saturday."
    assert set(_place_names("Atlanta man fatally shot while hunting", body)) == {("Jonesboro", "Georgia")}
    assert set(_place_names("Atlanta man fatally shot", "A man was fatally shot on Saturday.")) == {
        ("Atlanta", "Georgia")}


def test_the_town_whose_police_speak_overrules_a_dateline_in_its_state_but_not_a_borough():
    body = "INDIANAPOLIS — A man was shot and killed outside a bar early Sunday, Beech Grove police said."
    assert set(_place_names("Man killed outside bar", body)) == {("Beech Grove", "Indiana")}
    body = "Nine people were wounded at a Brooklyn block party on Sunday, New York police said."
    assert set(_place_names("Brooklyn shooting", body)) == {("Brooklyn", "New York")}


def test_a_citys_public_safety_department_speaks_as_its_police_do():
    body = ("A 12-year-old boy was shot in the back on Thursday night, Allegheny County officials said. "
            "A Pittsburgh Public Safety spokeswoman said the shooter wore dark clothing.")
    assert set(_place_names("Boy, 12, shot", body)) == {("Pittsburgh", "Pennsylvania")}


def test_a_retired_officer_speaks_for_no_police_of_the_story():
    body = ("WINTER HAVEN, Fla. — A man was shot and killed during a home invasion on Monday. \"He was running "
            "out of options,\" said Bret Bartlett, a retired Tampa police captain.")
    assert set(_place_names("Homeowner kills intruder", body)) == {("Winter Haven", "Florida")}


def test_a_street_named_after_a_state_names_no_state_but_a_states_highway_does():
    body = "A 15-year-old boy was critically injured in a shooting on Massachusetts Avenue on Sunday, police said."
    assert _city("www.example.com", "Boy shot on Massachusetts Avenue", body) == {("", "")}
    assert not regions_named("Shots were fired on Minnesota Avenue in Southeast.", load_gazetteer())
    assert "admin1:US.OK" in regions_named("The crash closed Oklahoma Highway 3 near Atoka.", load_gazetteer())


def test_a_neighbourhood_of_the_outlets_city_or_of_the_city_whose_police_speak_is_that_city():
    body = "A man was shot and wounded in Allapattah on Sunday night."
    assert set(_outlet_places("www.miamiherald.com", "Man wounded", body)) == {"geonames:4164138"}  # Miami
    body = "A man was shot and killed in Mondawmin on Sunday, Baltimore police said."
    assert set(_place_names("Man killed", body)) == {("Baltimore", "Maryland")}


def test_a_bare_name_the_story_also_names_as_a_county_is_that_county():
    body = ("A 13-year-old boy shot his 6-year-old brother to death in Pasco County, Florida, "
            "deputies said.")
    assert set(_places("Sheriff: Pasco 13-year-old kills brother", body)) == {"county:US.12101"}


def test_a_weather_alert_beside_the_story_names_no_state():
    body = ("One man was killed and two others were wounded in a shooting in Buffalo on Sunday.\n"
            "Lake Effect Snow Warning issued January 11 at 6:51PM EST expiring January 14 at "
            "4:00AM EST in effect for: Erie, Wyoming")
    assert set(_places("One man dead after triple shooting in Buffalo", body)) == {"geonames:5110629"}


def test_a_police_station_named_after_its_part_of_town_is_no_towns_police():
    text = "He walked into the Bayview Police Station hours later, Meridian police said."
    assert police_names(text) == ["Meridian"]


def test_a_city_police_force_known_by_its_initials_places_a_story_that_names_no_town():
    assert set(_places("IMPD: 8-year-old accidentally shoots self",
                       "An 8-year-old boy accidentally shot himself on Sunday, IMPD said.")) == {"geonames:4259418"}



# A story's opening that names its county and no town: the three sentences read first.
_COUNTY_OPENING = ("ROCK COUNTY, Wis. – A Rock County man died after he was shot while hunting on Saturday. "
                   "The sheriff's office received a call around 5 p.m. about a hunter down in a field. "
                   "Deputies found the man lying face down at the edge of the woods. ")


# Each a short story of one reading, with the place it must be at.
@pytest.mark.parametrize("source, headline, body, place", [
    pytest.param("www.myrtlebeachonline.com", "One teen killed in Aynor, another arrested",
                 "Austin police arrest teacher after traffic stop\n\n"
                 "A 17-year-old was shot and killed Saturday night, the county coroner said.",
                 ("Aynor", "South Carolina"),
                 id="police_of_another_state_do_not_move_a_story_its_headline_puts_in_the_outlets_state"),
    pytest.param("", "Teen dies in shooting at mall",
                 "NAPLES, Fla.- A 17-year-old died after being shot in a car at the mall, police said.",
                 ("Naples", "Florida"), id="a_datelines_dash_right_after_the_states_abbreviation_keeps_the_state"),
    pytest.param("", "Toddler shot and killed",
                 "A 2-year-old boy was shot and killed near his home in Denmark on Saturday, "
                 "the Bamberg County coroner said.",
                 ("Denmark", "South Carolina"), id="a_country_a_story_of_one_us_state_puts_something_in_is_its_town"),
    pytest.param("", "Rock County man killed in hunting accident",
                 _COUNTY_OPENING + "The field lies off a county road near Milton, deputies said.",
                 ("Milton", "Wisconsin"), id="a_county_story_is_at_the_town_of_its_state_it_names_further_down"),
    pytest.param("", "Rock County man killed in hunting accident",
                 _COUNTY_OPENING + "John Smith, 44, of Milton, was an experienced hunter, his brother said.",
                 ("Rock County", "Wisconsin"), id="a_county_story_stays_at_the_county_when_it_names_a_town_only_as_a_home"),
    pytest.param("", "Boone County man dies after accidentally shooting himself",
                 "BOONE COUNTY, Ind. – A Boone County man died after he accidentally shot himself on Thursday. "
                 "Deputies found him lying in the yard of his home in the area of 300 South 500 West in Lebanon.",
                 ("Lebanon", "Indiana"), id="a_countrys_name_in_a_county_story_is_the_town_of_the_countys_state"),
    pytest.param("", "Man kills family, then himself",
                 "A man shot and killed his wife and children before killing himself in Saratoga Springs "
                 "on Sunday, Louisville police said.",
                 ("Louisville", "Kentucky"), id="a_force_named_after_a_major_city_is_that_citys_not_a_village_once_so_called"),
    pytest.param("", "Police arrest suspect in bar shooting - WOWK 13 Charleston, SC News",
                 "A bartender was shot and killed at a bar in Charleston last weekend, police said. "
                 "The Boondocks Bar on Washington Street in Charleston, W.Va., was closed on Monday.",
                 ("Charleston", "West Virginia"), id="a_bare_name_the_story_also_writes_with_its_state_is_that_states"),
    pytest.param("", "Girl, 7, shot in Southeast DC",
                 "A 7-year-old girl was shot on a sidewalk in Southeast D.C. on Monday afternoon, police said.",
                 ("Washington", "District of Columbia"), id="the_district_of_columbia_is_the_city_of_washington"),
    pytest.param("", "Four shot",
                 "Four people were shot in Chester, Delaware County, on Sunday night, the district attorney said.",
                 ("Chester", "Pennsylvania"), id="a_county_after_a_town_is_no_state_of_its_name"),
    pytest.param("", "Athens man wounded in drive-by shooting",
                 "An Athens-Clarke County officer was dispatched Thursday to a shooting and found a man "
                 "with multiple gunshot wounds.",
                 ("Athens", "Georgia"), id="a_consolidated_city_county_is_its_city"),
    pytest.param("", "Man charged in deadly shooting",
                 "A man was booked into the Orleans Parish jail on Friday after a deadly shooting, "
                 "according to the Orleans Parish Sheriff's Office.",
                 ("New Orleans", "Louisiana"), id="a_parish_one_with_its_city_is_the_city"),
    pytest.param("", "Teen wounded in shooting",
                 "A 16-year-old was shot in the leg in Kings County, N.Y., on Saturday night, police said.",
                 ("Brooklyn", "New York"), id="a_county_of_new_york_city_is_its_borough"),
    # A story that names no town of its own is at no place rather than at a namesake of a word.
    pytest.param("", "Man killed in accidental shooting",
                 "A former Murray State College basketball player was accidentally shot and killed "
                 "by a 3-year-old on Friday, the sheriff said.",
                 ("", ""), id="a_state_college_named_after_a_town_is_no_place_of_the_story"),
    pytest.param("", "Suspect shot himself",
                 "Get email notifications on KYLE ODEGARD daily!\n\n"
                 "A man shot himself after a standoff with officers on Tuesday, witnesses said.",
                 ("", ""), id="a_name_in_capitals_beside_another_in_capitals_is_a_byline"),
])
def test_the_place_a_story_is_read_at(source: str, headline: str, body: str, place: tuple[str, str]):
    assert _city(source, headline, body) == {place}


def test_a_town_named_like_a_season_is_a_place_only_after_in():
    body = "A man was shot dead outside a home in Spring on Wednesday, Harris County deputies said."
    assert _city("", "Man killed in shooting", body) == {("Spring", "Texas")}
    body = "Spring classes were cancelled after a student was shot on Wednesday, Harris County deputies said."
    assert _city("", "Student shot at campus", body) == {("", "")}


def test_a_day_that_ends_a_sentence_after_a_town_leaves_the_town_a_place():
    # "Circle" and "Apartments" read as surnames make "Sunday" look like one after "Memphis".
    body = ("A man was killed and two others were wounded in a shooting in North Memphis Sunday.\n\n"
            "It happened in the 1200 block of Ash Circle at the Oakwood Place Apartments.")
    assert _city("", "Man killed in shooting", body) == {("Memphis", "Tennessee")}


def test_the_town_of_a_persons_address_moves_no_claim():
    body = ("A man was shot dead on the South Side of Chicago on Friday, police said. The medical "
            "examiner identified the man who died as Dale Horne, 24, of the 500 block of West Elm Street in "
            "Harvey.")
    assert _city("www.chicagotribune.com", "Man shot dead", body) == {("Chicago", "Illinois")}


def test_a_bare_county_name_of_the_storys_state_is_the_county_not_a_town_elsewhere():
    body = ("Four people were wounded in a shooting at an apartment complex near Decatur on Monday, "
            "a DeKalb fire department spokesman said.")
    assert _city("www.georgianewsnow.com", "Four wounded in DeKalb shooting", body) == {("Decatur", "Georgia")}


def test_a_neighbourhood_named_with_its_citys_possessive_is_the_city_wherever_the_story_names_it():
    body = "Two teenagers and a man were shot Friday night in Baltimore's Brooklyn neighborhood, police said."
    assert _city("", "Three shot in Brooklyn", body) == {("Baltimore", "Maryland")}
    body = "A man was shot dead in Philadelphia's Kensington neighborhood on Sunday, police said."
    assert _city("", "Man shot in Kensington", body) == {("Philadelphia", "Pennsylvania")}
    body = "Police say a teenage boy was shot in the Juniata section of Philadelphia early Monday."
    assert _city("", "Teen critical after being shot in Juniata", body) == {("Philadelphia", "Pennsylvania")}


def test_a_town_before_neighborhood_without_the_is_the_town_a_neighbourhood_of_it_lies_in():
    body = "A teenager was shot in the leg Friday in a Bluffton neighborhood, police said."
    assert _city("", "Teen shoots himself in the leg in Bluffton neighborhood", body) == {("Bluffton", "South Carolina")}
    # a village is no town a neighbourhood is named after: Louisville's Russell, not Russell, Ky.
    body = "Two men were shot in the Russell neighborhood on Friday, police said."
    assert ("Russell", "Kentucky") not in _city("www.wave3.com", "2 shot, 1 dead, in Russell neighborhood", body)


def test_where_a_suspect_was_caught_moves_no_claim():
    body = ("Two men were shot dead at a house in Pine Bluff on Friday, police said. Marcus Hale, who is "
            "accused of killing both men, was arrested late Saturday in Texarkana.")
    assert _city("", "Woman shot dead", body) == {("Pine Bluff", "Arkansas")}


def test_a_landmark_a_distance_is_measured_from_is_no_place_of_the_story():
    for body in ("Two officers were wounded Sunday night about 40 miles northeast of Oklahoma City, the sheriff said.",
                 "Two soldiers were wounded on Sunday 12 km from Kharkiv, the military said."):
        assert _city("", "Two wounded", body) == {("", "")}, body


def test_the_streets_of_an_intersection_or_a_corner_are_no_towns():
    for body in ("Four people were wounded near the intersection of Poydras and Bolivar early Monday, police said.",
                 "A man was shot and killed at the corner of Baltimore and McHenry on Sunday, police said."):
        assert _city("", "Shooting", body) == {("", "")}, body  # not Ciudad Bolívar, nor Baltimore


def test_a_township_named_after_a_place_is_no_region():
    for body in ("Five teenagers were wounded at a house party in Washington Township on Saturday, police said.",
                 "Five teenagers were wounded at a house party in Hamilton Twp. on Saturday, police said."):
        assert _city("", "Teens shot", body) == {("", "")}, body  # not the state, nor Bermuda's parish


def test_a_country_named_in_a_story_set_abroad_stays_the_country():
    abroad = "Two people were shot and killed in Denmark on Saturday, police said."
    assert set(_places("Two killed", abroad)) == {"country:DK"}


def test_a_towns_name_that_is_also_a_region_abroad_is_no_evidence_for_that_region():
    # The Isle of Man's parish of Douglas took "near Douglas" abroad, with its town.
    assert set(_places("Man shot and killed near Douglas",
                       "A man was shot and killed near Douglas on Sunday, the Coffee County "
                       "Sheriff's Office in Georgia said.")) == {"geonames:4191916"}  # Douglas, Georgia


def test_a_holiday_a_street_corner_and_a_compass_quarter_are_no_towns():
    headline = "Christmas night shooting leaves girl, 3 others shot on Jacksonville's Eastside"
    body = ("A hail of Christmas night bullets left a 2-year-old Eastside Jacksonville girl in critical "
            "condition. The shooting at Franklin and Odessa streets happened in the early evening.")
    assert set(_place_names(headline, body)) == {("Jacksonville", "Florida")}


def test_a_city_whose_sheriff_is_its_police_is_placed_by_its_sheriffs_office():
    body = ("Four people were wounded in a shooting near Odessa and Franklin streets on Friday, "
            "the Jacksonville Sheriff's Office said.")
    assert set(_place_names("Four shot on Christmas", body)) == {("Jacksonville", "Florida")}


def test_a_word_that_opens_a_sentence_for_people_told_of_is_no_town():
    text = "Many have asked for an address to send cards to his family."
    louisiana = frozenset({"US", "admin1:US.LA"})
    assert mentions(text, 0, len(text), load_gazetteer(), louisiana) == []


def test_a_surname_written_as_an_owner_is_still_a_surname():
    text = "According to Kody Lott’s arrest affidavit, Lott confessed that he shot both girls."
    assert "lott" in read_names(text, 0, load_gazetteer()).surnames


def test_a_village_the_donbas_republics_forces_shell_is_the_donbas_ones():
    body = "On 8 June 2024, NAF rebel forces shelled with unspecified artillery Pivdenne. A civilian was wounded."
    assert {admin1 for _, admin1 in _place_names("", body)} == {"Donetsk Oblast"}
    assert {admin1 for _, admin1 in _place_names("", body.replace("NAF rebel", "Russian"))} != {"Donetsk Oblast"}
