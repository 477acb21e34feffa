from agents.enrich.core import CITY, COUNTRY, REGION, enrich
from agents.enrich.gazetteer import load_gazetteer
from streams.records import Incident


def _incident(place_id):
    return Incident(incident_id="i", revision=1, place_id=place_id, city="", admin1="", country="")


def test_a_city_gets_coordinates_population_and_city_precision():
    incident = enrich(_incident("geonames:706483"))
    assert (incident.city, incident.country, incident.country_name) == ("Kharkiv", "UA", "Ukraine")
    assert abs(incident.lat - 49.98) < 0.01 and abs(incident.lon - 36.25) < 0.01
    assert incident.geo_precision == CITY and incident.population > 1_000_000


def test_a_region_or_country_is_never_given_city_coordinates():
    state = enrich(_incident("admin1:US.TX"))
    assert (state.admin1, state.country, state.geo_precision) == ("Texas", "US", REGION)
    assert state.lat is None and state.lon is None
    country = enrich(_incident("country:UA"))
    assert (country.country, country.geo_precision, country.lat) == ("UA", COUNTRY, None)


def test_spellings_of_kharkiv_resolve_to_one_geonames_id():
    gazetteer = load_gazetteer()
    for name in ("Kharkiv", "Kharkov", "Charkiw", "Харків", "Харьков"):
        assert gazetteer.cities(name)[0].geonames_id == 706483, name


def test_state_abbreviations_name_us_states():
    gazetteer = load_gazetteer()
    assert gazetteer.region("Ill.").name == "Illinois"
    assert gazetteer.region("TX").name == "Texas"
    assert gazetteer.region("Ukraine").country == "UA"
