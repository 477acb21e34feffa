"""A story's local phone numbers tell which state it is told in."""

from agents.enrich.gazetteer import load_gazetteer
from agents.extract.core import extract
from agents.extract.phones import phone_states
from streams.records import Article


def _states(text: str) -> set[str]:
    return set(phone_states(text, load_gazetteer()))


def test_an_area_code_is_its_states_in_every_way_copy_writes_a_number():
    assert _states("call CRIMESTOPPERS at 504-822-1111.") == {"US", "admin1:US.LA"}
    assert _states("Call (630) 264-1234 or (901)528-2274.") == {"US", "admin1:US.IL", "admin1:US.TN"}
    assert _states("Tips: 1-843.554.1111") == {"US", "admin1:US.SC"}


def test_a_toll_free_or_canadian_number_or_a_case_number_is_no_states():
    assert _states("the hotline at 1-800-222-8477") == set()
    assert _states("Toronto police at 416-808-2222") == set()
    assert _states("This incident is reported on case number 223413-2016.") == set()


def _admin1(body: str) -> set[str]:
    article = Article(id="a", headline="Man shot in Springfield", body=body,
                      published_at="2016-06-09T15:20:00+00:00", source="www.example-news.com")
    return {r.place.admin1 for r in extract(article, None).reports}


def test_a_tip_lines_area_code_tells_which_namesake_the_storys_town_is():
    body = "A man was shot and wounded in Springfield on Sunday, police said."
    assert _admin1(body + " Anyone with information should call 217-788-8427.") == {"Illinois"}
    assert _admin1(body + " Anyone with information should call 413-787-6300.") == {"Massachusetts"}
