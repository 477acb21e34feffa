from agents.enrich.cameo import cameo_codes
from agents.enrich.core import CITY, COUNTRY, COUNTY, REGION, enrich
from streams.records import Incident


def _incident(place_id, **fields):
    return Incident(incident_id="i", revision=1, place_id=place_id, city="", admin1="", country="",
                    **fields)


def test_a_city_gets_coordinates_region_population_and_city_precision():
    incident = enrich(_incident("geonames:706483"))
    assert (incident.city, incident.country, incident.country_name) == ("Kharkiv", "UA", "Ukraine")
    assert (incident.admin1, incident.admin1_code, incident.geonames_id) == ("Kharkiv Oblast", "UA-63", 706483)
    assert abs(incident.lat - 49.98) < 0.01 and abs(incident.lon - 36.25) < 0.01
    assert incident.geo_precision == CITY and incident.population > 1_000_000
    assert incident.timezone == "Europe/Kyiv"


def test_a_region_or_country_is_never_given_city_coordinates():
    state = enrich(_incident("admin1:US.TX"))
    assert (state.admin1, state.admin1_code, state.country, state.geo_precision) == (
        "Texas", "US-TX", "US", REGION)
    assert state.lat is None and state.lon is None and state.city == "" and state.geonames_id is None
    oblast = enrich(_incident("admin1:UA.05"))
    assert (oblast.admin1, oblast.geo_precision, oblast.lat) == ("Donetsk Oblast", REGION, None)
    country = enrich(_incident("country:UA"))
    assert (country.country, country.geo_precision, country.lat, country.admin1) == ("UA", COUNTRY, None, "")


def test_a_county_is_named_in_its_state_at_district_precision_without_coordinates():
    county = enrich(_incident("county:US.55105"))
    assert (county.city, county.admin1, county.admin1_code, county.country, county.country_name) == (
        "Rock County", "Wisconsin", "US-WI", "US", "United States")
    assert (county.geo_precision, county.timezone) == (COUNTY, "America/Chicago")
    assert county.lat is None and county.geonames_id is None and county.population is None


def test_the_filing_day_moves_to_the_places_calendar_a_written_day_does_not():
    late = dict(date="2024-03-15", first_seen="2024-03-15T23:30:00+00:00")
    assert enrich(_incident("geonames:703448", **late)).local_date == "2024-03-16"  # Kyiv, UTC+2
    assert enrich(_incident("geonames:5128581", **late)).local_date == "2024-03-15"  # New York
    written = dict(date="2024-03-14", first_seen="2024-03-15T23:30:00+00:00")
    assert enrich(_incident("geonames:703448", **written)).local_date == "2024-03-14"
    assert enrich(_incident("admin1:UA.05", **late)).local_date == "2024-03-16"


def test_event_types_become_cameo_codes():
    incident = enrich(_incident("geonames:706483", event_types=["air strike", "shelling", "air strike"]))
    assert incident.cameo_codes == ["195", "194"]
    assert cameo_codes(["drone strike", "shooting", "stabbing"]) == ["1952", "193", "182"]
    assert cameo_codes(["an event type CAMEO does not know"]) == []


def test_an_unknown_place_stays_unplaced():
    incident = enrich(_incident("unknown"))
    assert incident.geo_precision is None and incident.lat is None
