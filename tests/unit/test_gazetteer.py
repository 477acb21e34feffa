import pytest

from agents.enrich.gazetteer import VILLAGE_POPULATION, home_of, load_gazetteer
from agents.enrich.names import fold

KHARKIV = 706483


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize("name", ["Kharkiv", "Kharkov", "Charkiw", "Харків", "Харьков",
                                  "Kharkív", "у Харкові".split()[1], "Харькове"])
def test_every_spelling_and_case_of_kharkiv_is_kharkiv(gazetteer, name):
    assert gazetteer.cities(name)[0].geonames_id == KHARKIV


def test_romanisations_of_one_cyrillic_name_meet(gazetteer):
    assert gazetteer.cities("Chuhuiv")[0].name == "Chuhuyiv"
    assert gazetteer.cities("Avdiivka")[0].name == "Avdiyivka"
    assert gazetteer.region("Zaporizhia").name == "Zaporizhzhia Oblast"


def test_regions_carry_english_names_and_iso_codes(gazetteer):
    oblast = gazetteer.region("Kharkiv Oblast")
    assert (oblast.name, oblast.iso_code, oblast.place_id) == ("Kharkiv Oblast", "UA-63", "admin1:UA.07")
    assert gazetteer.region("Харьковская область") == oblast
    assert gazetteer.region("Донецькій").name == "Donetsk Oblast"  # "у Донецькій області"
    assert gazetteer.region("Харьковской") == oblast  # "в Харьковской области"
    assert gazetteer.region("Ill.").name == "Illinois" and gazetteer.region("TX").name == "Texas"
    assert gazetteer.region("Ukraine").place_id == "country:UA"


def test_a_city_knows_its_region_time_zone_and_population(gazetteer):
    city = gazetteer.city_by_id(KHARKIV)
    assert (city.admin1, city.timezone, city.country) == ("Kharkiv Oblast", "Europe/Kyiv", "UA")
    assert city.population > 1_000_000 and gazetteer.city_by_id(1) is None


def test_villages_below_fifteen_thousand_people_are_there(gazetteer):
    hirnyk = gazetteer.pick("Hirnyk", within=gazetteer.region("Donetsk"))
    assert hirnyk.geonames_id == 708395 and hirnyk.population < VILLAGE_POPULATION
    assert len(gazetteer) > 200_000


def test_a_village_needs_evidence_a_town_does_not(gazetteer):
    assert gazetteer.pick("Smith") is None  # a village in Nevada, and a surname
    assert gazetteer.pick("Smith", evidence=True).country == "US"
    assert gazetteer.pick("Paris").country == "FR"
    assert gazetteer.pick("Гірник").country == "UA"  # its Cyrillic spelling is evidence


def test_the_state_beside_a_name_decides_and_population_when_nothing_does(gazetteer):
    assert gazetteer.pick("Paris", within=gazetteer.region("Texas")).admin1 == "Texas"
    assert gazetteer.pick("Springfield", within=gazetteer.region("Ill.")).admin1 == "Illinois"
    assert gazetteer.pick("Springfield").admin1 == "Missouri"  # the most populous
    assert gazetteer.pick("Kharkiv", within=gazetteer.region("Texas")) is None


def test_the_articles_regions_and_countries_decide_next(gazetteer):
    odesa_oblast = frozenset({"UA", "admin1:UA.17"})
    assert gazetteer.pick("Kozatske", context=odesa_oblast).admin1 == "Odesa Oblast"
    assert gazetteer.pick("Paris", context=frozenset({"US", "admin1:US.TX"})).admin1 == "Texas"


def test_a_major_city_outranks_a_village_that_bears_its_spelling():
    from agents.enrich.gazetteer import load_gazetteer
    gazetteer = load_gazetteer()
    for spelling in ("Zaporizhzhia", "Zaporizhia", "Zaporizhzhya"):
        assert gazetteer.pick(spelling).geonames_id == 687700, spelling


def test_a_city_of_its_own_beside_a_bigger_one_is_no_district_of_it(gazetteer):
    mount_vernon = gazetteer.pick("Mount Vernon", within=gazetteer.region("N.Y."))
    assert gazetteer.place_of(mount_vernon, "Mount Vernon").name == "Mount Vernon"  # not the Bronx
    garner = gazetteer.pick("Garner", within=gazetteer.region("N.C."))
    assert gazetteer.place_of(garner, "Garner").name == "Garner"  # not Raleigh
    englewood = gazetteer.pick("Englewood", within=gazetteer.region("Ill."))
    assert (gazetteer.place_of(englewood, "Englewood").name,
            gazetteer.place_of(englewood, "Englewood").district) == ("Chicago", "Englewood")


def test_a_county_names_its_state_when_one_state_has_it(gazetteer):
    assert gazetteer.county_state("Onslow County").name == "North Carolina"
    assert gazetteer.county_state("ONSLOW COUNTY").name == "North Carolina"
    assert gazetteer.county_state("Paulding County") is None  # Georgia's and Ohio's


def test_a_county_is_found_in_the_state_beside_it_the_storys_state_or_alone_by_its_name(gazetteer):
    wisconsin = gazetteer.region("Wis.")
    assert gazetteer.county("Rock County", within=wisconsin).place_id == "county:US.55105"
    assert gazetteer.county("Rock County", context=frozenset({"US", "admin1:US.NE"})).state.name == "Nebraska"
    assert gazetteer.county("Rock County") is None  # Minnesota's, Nebraska's and Wisconsin's
    assert gazetteer.county("Onslow County", within=wisconsin) is None
    navarro = gazetteer.county("NAVARRO COUNTY")
    assert (navarro.name, navarro.state.name) == ("Navarro County", "Texas")
    assert gazetteer.county_by_place_id(navarro.place_id) == navarro
    assert gazetteer.county("Tangipahoa Parish").state.name == "Louisiana"


def test_a_county_several_states_have_is_the_one_of_the_outlets_state(gazetteer):
    houston = frozenset({"US", home_of(gazetteer.pick("Houston").place_id)})
    assert gazetteer.county("Harris County", context=houston).state.name == "Texas"
    # the story's own state still comes first
    assert gazetteer.county("Harris County", context=houston | {"admin1:US.GA"}).state.name == "Georgia"


def test_georgia_beside_a_town_is_the_state_or_the_country_that_has_the_town(gazetteer):
    assert gazetteer.pick("Macon", within=gazetteer.region("Georgia")).admin1 == "Georgia"
    assert gazetteer.pick("Batumi", within=gazetteer.region("Georgia")).country == "GE"
    assert gazetteer.region("Georgia", frozenset({"US"})).place_id == "admin1:US.GA"
    assert gazetteer.region("Georgia").place_id == "country:GE"


def test_a_town_that_bears_a_name_as_its_own_is_meant_by_it(gazetteer):
    assert gazetteer.pick("Puyallup").name == "Puyallup"  # not Tacoma, also called so
    assert gazetteer.pick("Puyallup", within=gazetteer.region("Wash.")).name == "Puyallup"


def test_another_name_of_a_village_of_the_storys_state_needs_the_text_to_say_it_is_a_place(gazetteer):
    texas = frozenset({"US", "admin1:US.TX"})
    assert gazetteer.pick("Richard", context=texas) is None  # "Donny Richard told reporters"
    assert gazetteer.pick("Richard", context=texas, cued=True).name == "Ricardo"  # "in Richard"


def test_another_name_of_a_city_outside_the_storys_state_is_not_meant_by_it(gazetteer):
    kansas = frozenset({"US", "admin1:US.KS"})
    old_town = gazetteer.pick("Old Town", context=kansas, cued=True)  # Wichita's Old Town
    assert old_town is None or old_town.name != "Las Vegas"  # which GeoNames also calls so
    assert gazetteer.pick("Old Town", context=frozenset({"US", "admin1:US.NV"}), cued=True).name == "Las Vegas"
    assert gazetteer.pick("New York", context=frozenset({"US", "admin1:US.NJ"})).name == "New York City"
    assert gazetteer.pick("Puna", context=frozenset({"US", "admin1:US.HI"}), cued=True) is None  # not Pune
    assert gazetteer.pick("Bombay", context=frozenset({"IN"})).name == "Mumbai"


def test_a_us_states_name_is_no_village_at_home(gazetteer):
    us = frozenset({"US"})
    assert gazetteer.pick("Kansas", context=us, cued=True) is None  # the state, not Kansas, Okla.
    assert gazetteer.pick("Virginia", context=us, cued=True) is None  # nor Virginia, Minn.
    assert gazetteer.pick("Washington", context=us).admin1 == "District of Columbia"


def test_a_household_name_is_no_major_city_only_also_called_so(gazetteer):
    assert gazetteer.pick("Oklahoma", context=frozenset({"US"}), cued=True) is None  # not Oklahoma City
    assert gazetteer.pick("Panama", cued=True) is None  # the country, not Panama City
    assert gazetteer.pick("New York", context=frozenset({"US"})).name == "New York City"  # a city of millions
    # a region of the story's country, by its own name, is not a city only also called so
    assert gazetteer.pick("Bihar", context=frozenset({"IN"}), cued=True) is None  # not Bihar Sharif
    assert gazetteer.pick("Zaporizhzhia", context=frozenset({"UA"}), cued=True).population > 500_000
    # the region's own name in the context is no story of its country: Gaza, not Mozambique's province
    assert gazetteer.pick("Gaza", context=frozenset({"admin1:MZ.02"}), cued=True).country == "PS"


def test_an_abbreviated_saint_mount_or_fort_finds_every_town_spelled_out(gazetteer):
    assert {c.admin1_code for c in gazetteer.cities("St. Joseph") if c.country == "US"} >= {"MO", "MI"}
    assert [c.name for c in gazetteer.cities("Mt. Juliet")] == ["Mount Juliet"]


def test_a_village_spelled_in_another_romanisation_is_named_by_its_own_name(gazetteer):
    # "near Marinka" is GeoNames' Mar'yinka, a town under fifteen thousand in Donetsk Oblast.
    town = gazetteer.pick("Marinka", context=frozenset({"UA"}), cued=True)
    assert town is not None and (town.geonames_id, town.region_id) == (701845, "admin1:UA.05")
    assert gazetteer.pick("Marinka", context=frozenset({"UA"})) is None  # a village needs a cue


def test_a_town_abroad_spelled_otherwise_is_named_by_its_own_name(gazetteer):
    # "Saada" and "Afgoye" are GeoNames' Sa'dah and Afgooye, towns under 100,000 of the story's country.
    assert gazetteer.pick("Saada", context=frozenset({"YE"})).name == "Sa'dah"
    assert gazetteer.pick("Afgoye", context=frozenset({"SO"})).name == "Afgooye"


@pytest.mark.parametrize("plain, written", [("Dong Nai", "Đồng Nai"), ("Lodz", "Łódź"), ("Diyarbakir", "Diyarbakır")])
def test_letters_without_a_base_letter_fold_to_the_plain_one(plain, written):
    assert fold(plain) == fold(written)


def test_of_regions_of_one_name_the_storys_country_decides(gazetteer):
    assert gazetteer.region("Plateau", frozenset({"NG", "admin1:BJ.17"})).country == "NG"
    assert gazetteer.region("Plateau", frozenset({"BJ"})).country == "BJ"


def test_a_region_of_a_country_the_story_is_not_about_hides_no_town(gazetteer):
    # Guernsey has a parish called Forest; a story set in the US means a town.
    town = gazetteer.pick("Forest", context=frozenset({"US", "admin1:US.MS"}), cued=True)
    assert town is not None and town.region_id == "admin1:US.MS"


def test_a_major_citys_name_in_its_country_is_the_city_even_in_a_story_of_another_region(gazetteer):
    # Caatiba, Bahia, was once called São Paulo; a Bahia story filed from SAO PAULO means the city.
    bahia = frozenset({"admin1:BR.05", "BR"})
    assert gazetteer.pick("SAO PAULO", context=bahia, cued=True).name == "São Paulo"


def test_a_town_of_a_cyrillic_country_is_shown_by_the_name_english_copy_gives_it(gazetteer):
    # GeoNames names them Siverskodonetsk and Niu-York; the news, Severodonetsk and New York.
    for name in ("Severodonetsk", "Berdiansk"):
        assert gazetteer.place_of(gazetteer.pick(name, context=frozenset({"UA"})), name).name == name
    new_york = gazetteer.pick("New York", within=gazetteer.region("Donetsk", frozenset({"UA"})))
    assert gazetteer.place_of(new_york, "New York").name == "New York"
    assert gazetteer.place_of(gazetteer.pick("Kharkiv"), "KHARKIV").name == "Kharkiv"  # capitals say nothing
