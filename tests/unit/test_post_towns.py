"""US post towns (``zipcodes``) where GeoNames' cities500 lacks a state's town of a name."""

from agents.enrich.core import CITY, enrich
from agents.enrich.gazetteer import load_gazetteer
from agents.extract.core import extract
from agents.pipeline import LocalRun
from streams.inputs import Message
from streams.records import Article, Incident, dumps

REDDING_CONNECTICUT = "zip:06896"
REDDING_CALIFORNIA = "geonames:5570160"


def _places(body: str, source: str = "", headline: str = "Man wounded in shooting") -> set[tuple[str, str, str]]:
    article = Article(id="a", headline=headline, body=body, source=source,
                      published_at="2024-06-09T15:20:00+00:00")
    return {(r.place.id, r.place.name, r.place.admin1) for r in extract(article, None).reports}


def test_a_connecticut_outlets_town_that_cities500_lacks_is_that_town_not_a_namesake_elsewhere():
    body = ("A 34-year-old man was shot and wounded in Redding late Saturday, police said. "
            "Officers found him in the driveway of a home on Sunset Hill Road and he was taken "
            "to a hospital with injuries that are not life-threatening.")
    assert _places(body, source="www.nbcconnecticut.com") == {
        (REDDING_CONNECTICUT, "Redding", "Connecticut")}
    # Nothing sets the story in Connecticut: the city of the name stays the most populous one.
    assert _places(body) == {(REDDING_CALIFORNIA, "Redding", "California")}


def test_a_town_written_beside_its_state_is_the_post_town_not_the_state():
    body = "Two people were wounded in a shooting in Bethany, Conn., on Sunday, state police said."
    assert {(name, admin1) for _, name, admin1 in _places(body)} == {("Bethany", "Connecticut")}


def test_an_uncued_name_of_the_storys_state_is_no_post_town_and_no_namesake():
    # Nothing says where "a Redding man" was shot: in a Connecticut story the name is not
    # enough for the hamlet-sized post town, nor is it Redding, California's.
    body = "Police said a Redding man was shot and killed Friday night after an argument."
    places = {place for place, _, _ in _places(body, source="www.nbcconnecticut.com")}
    assert not places & {REDDING_CONNECTICUT, REDDING_CALIFORNIA}


def test_no_post_town_where_a_city_of_the_state_bears_the_name_however_spelled():
    gazetteer = load_gazetteer()
    assert "admin1:US.IL" not in {t.region_id for t in gazetteer.post_towns("Springfield")}
    assert "admin1:US.FL" not in {t.region_id for t in gazetteer.post_towns("Saint Johns")}  # St. Johns
    assert "admin1:US.TN" not in {t.region_id for t in gazetteer.post_towns("Soddy Daisy")}  # Soddy-Daisy
    assert not gazetteer.post_towns("Georgia")  # a state's name is no town


def test_a_post_town_is_placed_at_its_zip_codes_point_without_population_or_geonames_id():
    incident = enrich(Incident(incident_id="i", revision=1, place_id=REDDING_CONNECTICUT, city="Redding",
                               admin1="Connecticut", country="US", date="2024-06-08",
                               first_seen="2024-06-09T03:00:00+00:00"))
    assert (incident.city, incident.admin1, incident.admin1_code, incident.country) == (
        "Redding", "Connecticut", "US-CT", "US")
    assert incident.geo_precision == CITY and incident.timezone == "America/New_York"
    assert abs(incident.lat - 41.30) < 0.1 and abs(incident.lon + 73.38) < 0.1
    assert incident.population is None and incident.geonames_id is None


def test_a_post_towns_row_is_named_by_the_town_and_its_state():
    run = LocalRun()
    story = {"id": "s", "source": "www.nbcconnecticut.com", "published_at": "2024-06-09T12:00:00+00:00",
             "headline": "Teen wounded in Redding shooting",
             "body": "A 17-year-old was shot and wounded in Redding on Saturday night, police said."}
    run.feed(Message(origin="test", key=None, value=dumps(story)))
    assert [(row["place_id"], row["city"], row["admin1"], row["injured"]) for row in run.rows()] == [
        (REDDING_CONNECTICUT, "Redding", "Connecticut", 1)]


def test_in_the_area_of_a_town_says_where_it_happened_as_in_the_town_does():
    body = ("A 52-year-old hunter was accidentally shot and wounded in the Redding area on Saturday "
            "morning, state police said.")
    assert _places(body, source="www.nbcconnecticut.com", headline="Hunter wounded") == {
        (REDDING_CONNECTICUT, "Redding", "Connecticut")}


def test_an_american_city_of_a_million_outranks_a_post_town_of_the_storys_state():
    # Pennsylvania has a post town called Brooklyn; Moscow, Russia hides no Vermont town.
    assert _places("A Pennsylvania man was shot and killed in Brooklyn early Sunday, his family said.") == {
        ("geonames:5110302", "Brooklyn", "New York")}
    body = "A teen was shot and wounded in Moscow on Sunday, Vermont state police said."
    assert {(name, admin1) for _, name, admin1 in _places(body)} == {("Moscow", "Vermont")}
