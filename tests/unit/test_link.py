"""The place an article's address names, for a story whose text names none."""

from agents.enrich.gazetteer import load_gazetteer
from agents.extract.core import extract
from agents.extract.link import link_place
from streams.records import Article


def _linked(url: str, hints: frozenset[str] = frozenset({"US"})) -> tuple[str, str] | None:
    place = link_place(url, load_gazetteer(), hints)
    return (place.name, place.admin1) if place else None


def test_a_slug_or_a_section_names_a_major_city_or_a_county():
    assert _linked("http://www.example.com/news/local/boy-hit-by-stray-bullet-southeast-atlanta/xk2Qz/") == (
        "Atlanta", "Georgia")
    assert _linked("http://www.example.com/new_orleans/news/crime_police/article_36411d7c.html") == (
        "New Orleans", "Louisiana")
    assert _linked("http://www.example.com/news/2-killed-3-hurt-in-gwinnett-county-shooting/nh6/") == (
        "Gwinnett County", "Georgia")


def test_a_name_in_a_longer_name_a_street_or_a_state_is_no_place():
    assert _linked("http://www.example.com/news/shooting-reported-near-new-paris/x1/") is None
    assert _linked("http://www.example.com/news/police-respond-to-shooting-on-washington-street/33/") is None
    assert _linked("http://www.example.com/news/three-shot-in-west-virginia-bar/") is None
    assert _linked("http://www.example.com/news/a-male-shot-in-the-eye/") is None  # Malé, abroad


def test_a_town_of_the_outlets_state_needs_the_slug_to_put_something_in_it():
    texas = frozenset({"US", "admin1:US.TX"})
    assert _linked("http://www.example.com/news/teen-girl-shot-during-party-in-humble/1295/", texas) == (
        "Humble", "Texas")
    assert _linked("http://www.example.com/news/humble-beginnings-of-a-shooter/1295/", texas) is None


def _places(url: str, body: str) -> set[tuple[str, str]]:
    article = Article(id="a", source="www.example.com", url=url, headline="Man shot in the back",
                      body=body, published_at="2015-05-29T15:20:00+00:00")
    return {(r.place.name, r.place.admin1) for r in extract(article, None).reports}


def test_a_story_that_names_no_place_is_where_its_address_says():
    body = ("A man was seriously hurt after getting shot in the back Thursday night. Police said the "
            "shooting happened near an apartment complex off 84th and Q streets around 9 p.m.")
    assert _places("http://www.example.com/news/milwaukee-man-shot-near-apartments/9243/", body) == {
        ("Milwaukee", "Wisconsin")}
    assert _places("http://www.example.com/news/man-shot-near-apartments/9243/", body) == {("", "")}


def test_a_place_the_story_names_comes_before_its_address():
    body = "A man was shot and wounded in Abilene, Texas, on Sunday, police said."
    assert _places("http://www.example.com/news/milwaukee-man-shot/9243/", body) == {("Abilene", "Texas")}


def test_a_section_named_after_a_state_sets_the_story_in_it():
    url = "http://www.example.com/iowa/news/boy-wounded-in-hunting-accident/x7/"
    article = Article(id="g", source="www.example.com", url=url, headline="Boy wounded",
                      body="A 12-year-old boy was wounded in a hunting accident near Garner on Sunday, deputies said.",
                      published_at="2016-11-20T10:00:00+00:00")
    assert {(r.place.name, r.place.admin1) for r in extract(article, None).reports} == {("Garner", "Iowa")}
    assert {(r.place.name, r.place.admin1) for r in extract(
        Article(id="g", source="www.example.com", url="http://www.example.com/news/x7/", headline="Boy wounded",
                body=article.body, published_at=article.published_at), None).reports} == {("Garner", "North Carolina")}
