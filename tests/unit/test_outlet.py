"""Where an outlet is at home, as its site's name tells."""

from agents.enrich.gazetteer import load_gazetteer
from agents.extract.core import extract
from agents.extract.outlet import outlet_places, site_city
from streams.records import Article


def _home(source: str) -> tuple[str, str] | None:
    place = site_city(source, load_gazetteer())
    return (place.name, place.admin1) if place else None


def test_a_local_paper_is_at_home_in_the_town_its_site_opens_with():
    assert _home("www.salina.com") == ("Salina", "Kansas")
    assert _home("www.myrtlebeachonline.com") == ("Myrtle Beach", "South Carolina")
    assert _home("www.thedalleschronicle.com") == ("The Dalles", "Oregon")


def test_a_site_that_opens_with_a_state_or_a_smaller_towns_longer_name_is_no_towns():
    assert _home("www.kentucky.com") is None
    assert _home("www.carolinalive.com") is None
    assert _home("www.blythevillecourier.com") is None  # Blytheville, not Blythe, California


def test_a_city_inside_a_longer_name_of_a_site_is_no_hint():
    places, _ = outlet_places("www.trentonian.com", load_gazetteer())
    assert ("Renton", "Washington") not in {(place.name, place.admin1) for place in places}


def _places(source: str, body: str) -> set[tuple[str, str]]:
    article = Article(id="a", source=source, headline="Man shot", body=body,
                      published_at="2016-06-09T15:20:00+00:00")
    return {(r.place.name, r.place.admin1) for r in extract(article, None).reports}


def test_a_local_papers_town_tells_which_namesake_a_story_means_and_places_one_that_names_none():
    abilene = "A man was shot and wounded in Abilene on Sunday, police said."
    assert _places("www.salina.com", abilene) == {("Abilene", "Kansas")}
    assert _places("www.example.com", abilene) == {("Abilene", "Texas")}
    nowhere = "A man was shot and wounded on Sunday night, police said."
    assert _places("delrionewsherald.com", nowhere) == {("Del Rio", "Texas")}


def test_a_word_two_states_share_in_a_site_name_hints_both():
    body = "A 3-year-old boy was injured when a gun went off in Conway on Sunday, police said."
    assert _places("www.carolinalive.com", body) == {("Conway", "South Carolina")}
    assert _places("www.example.com", body) == {("Conway", "Arkansas")}


def test_a_namesake_near_the_outlets_home_is_the_one_its_story_means():
    body = "A toddler was critically wounded in a shooting in Highland Heights on Sunday, police said."
    assert _places("www.cincinnati.com", body) == {("Highland Heights", "Kentucky")}  # across the river
    assert _places("www.cleveland.com", body) == {("Highland Heights", "Ohio")}


def test_nearness_to_the_outlet_chooses_among_towns_of_the_name_not_a_town_once_so_called():
    # Lacey, Washington was once called Woodland and lies nearer Seattle than Woodland does.
    body = "Two people were found shot dead at a home near Woodland, sheriff's deputies said on Saturday."
    assert _places("www.seattletimes.com", body) == {("Woodland", "Washington")}


def test_a_site_named_after_new_york_is_at_home_in_the_city_and_its_newark_is_new_jerseys():
    newark = "Two teenagers were shot in Newark on Halloween night, police said."
    assert _places("www.nbcnewyork.com", newark) == {("Newark", "New Jersey")}
    assert _places("www.nbcconnecticut.com", "A man was shot and wounded in Bristol, police said.") == {
        ("Bristol", "Connecticut")}


def test_a_network_affiliates_brand_with_a_dash_or_my_sets_its_stories_in_the_us():
    body = "A man was shot in a parked car at the mall, according to the Naples Police Department."
    assert _places("www.nbc-2.com", body) == {("Naples", "Florida")}
    assert _places("myfox8.com", body) == {("Naples", "Florida")}


def test_an_affiliates_brand_that_ends_with_a_states_postal_code_sets_its_stories_in_the_state():
    body = "An 11-year-old boy was struck in the cheek when a rifle went off in Monroe, police said."
    assert _places("foxct.com", body) == {("Monroe", "Connecticut")}
    assert _places("www.example.com", body) == {("Monroe", "Louisiana")}
    assert outlet_places("fox4kc.com", load_gazetteer())[0] == ()  # Kansas City's call, no state's


def test_a_site_named_after_a_town_is_the_namesakes_in_the_state_of_its_phone_numbers():
    body = ("A man died of a gunshot wound on Sunday, Portsmouth Police said. Anyone with "
            "information is asked to call the Portsmouth Police Department at 740-354-1600.")
    assert _places("portsmouth-dailytimes.com", body) == {("Portsmouth", "Ohio")}
