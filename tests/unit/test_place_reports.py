"""One message on news.reports holds an article's reports at one place: dedupe counts them as
it would one by one, sends each incident they changed once, and turns a bad report away alone."""

import base64

import orjson
import pytest

from agents.dedupe.core import dedupe
from agents.pipeline import LocalRun
from agents.steps import dedupe_step, extract_step, place_states
from streams.inputs import Message
from streams.json_table import JsonTable
from streams.limits import StageTimeout
from streams.records import Place, PlaceReports, Report, dumps

KHARKIV = Place(id="geonames:706483", name="Kharkiv", country="UA")


def _report(report_id: str, killed: int | None = None, injured: int | None = None, *,
            day: str = "2022-03-02", published: str | None = "2022-03-02T10:00:00+00:00",
            article: str = "a1") -> Report:
    return Report(report_id=report_id, article_id=article, revision=1, place=KHARKIV, date=day,
                  killed=killed, killed_low=killed, killed_high=killed, injured=injured,
                  injured_low=injured, injured_high=injured, source="Wire",
                  published_at=published)


# The headline, the lede and an official of one article: one incident, changed three times.
STORY = [_report("h", 1, 3), _report("l", 2, 5), _report("o", 2, 5)]


def _step(places, reports, window_days=0):
    return dedupe_step(dumps(PlaceReports(reports)), KHARKIV.id.encode(),
                       place_incidents=places, window_days=window_days)


def test_a_place_s_reports_in_one_message_end_as_they_would_one_by_one():
    state, one_by_one = None, []
    for report in STORY:
        step = dedupe(report, state)
        state, one_by_one = step.state, one_by_one + step.incidents
    places = place_states(JsonTable())
    result = _step(places, STORY)
    assert places[KHARKIV.id] == state
    # Each incident once, at the last of the revisions the reports made one by one.
    assert [incident for _, incident in result.outputs] == [one_by_one[-1]]
    assert one_by_one[-1].revision == 3 and (one_by_one[-1].killed, one_by_one[-1].injured) == (2, 5)
    assert not result.repeated and not result.rejected


def test_a_message_read_again_changes_nothing_and_sends_the_same_revisions():
    table = JsonTable()
    places = place_states(table)
    first = _step(places, STORY)
    stored = dict(table.items())
    again = _step(places, STORY)
    assert again.repeated and again.outputs == first.outputs
    assert dict(table.items()) == stored


def test_a_bad_report_is_dead_lettered_alone_and_its_batch_mates_are_counted():
    places = place_states(JsonTable())
    _step(places, [_report("news", 4, 0, day="2022-03-02", article="a0")], window_days=30)
    # An undated article's claims speak for their own days: one recalls a day the place's
    # window has closed on. Beside it, a report whose place is no object.
    late = _report("late", 1, 0, day="2022-01-01", published=None, article="a2")
    fresh = _report("fresh", 2, 2, day="2022-03-03", published=None, article="a2")
    broken = {"report_id": "broken", "article_id": "a2", "revision": 1, "place": "Kharkiv"}
    value = dumps({"reports": [late, fresh, broken]})
    result = dedupe_step(value, KHARKIV.id.encode(), place_incidents=places, window_days=30)
    assert [(i.killed, i.injured) for _, i in result.outputs] == [(2, 2)]
    assert [type(error).__name__ for _, error in result.rejected] == ["LateReport", "RecordError"]
    assert {report.report_id for report in places[KHARKIV.id].claims} == {"news", "fresh"}
    # Each is dead-lettered as a lone report, which dedupe reads again as a batch of one.
    late_bytes, _ = result.rejected[0]
    assert Report.from_dict(orjson.loads(late_bytes)) == late
    replayed = dedupe_step(late_bytes, None, place_incidents=place_states(JsonTable()),
                           window_days=0)
    assert [(i.killed, i.injured) for _, i in replayed.outputs] == [(1, 0)]


def test_a_lone_report_is_read_as_a_batch_of_one():
    lone, batch = place_states(JsonTable()), place_states(JsonTable())
    alone = dedupe_step(dumps(STORY[0]), None, place_incidents=lone, window_days=0)
    assert alone.outputs == _step(batch, STORY[:1]).outputs
    assert lone[KHARKIV.id] == batch[KHARKIV.id]


def test_the_deadline_is_the_whole_message_s():
    class Slow(dict):
        def get(self, key, default=None):
            raise StageTimeout("gave up on the message after 10s")

    with pytest.raises(StageTimeout):
        _step(Slow(), STORY)


def test_wirewatch_process_dead_letters_the_bad_report_alone():
    run = LocalRun()
    run.feed(Message(origin="test", key=None, value=dumps(
        {"id": "a0", "published_at": "2022-03-02T10:00:00+00:00", "headline": "Strike",
         "body": "Four people were killed in Kharkiv on Wednesday."})))
    late = _report("late", 1, 0, day="2021-01-01", published=None, article="a2")
    run._run("dedupe", "news.reports", KHARKIV.id, PlaceReports([late, STORY[0]]), "test",
             lambda value, key: dedupe_step(value, key, place_incidents=run.place_incidents,
                                            window_days=30))
    [letter] = run.dead_letters
    assert letter.stage == "dedupe" and "LateReport" in letter.error
    assert orjson.loads(base64.b64decode(letter.value_base64))["report_id"] == "late"
    assert "h" in {claim.report_id for claim in run.place_incidents[KHARKIV.id].claims}


def test_extract_sends_one_message_per_place_with_its_reports_in_reading_order():
    article = {"id": "two", "published_at": "2022-03-02T10:00:00+00:00",
               "headline": "Shelling in Kharkiv and Odesa",
               "body": "Four people were killed in Kharkiv on Tuesday. Two people were injured "
                       "in Odesa on Tuesday. Three more were injured in Kharkiv later."}
    result = extract_step(dumps(article), None, articles_seen=JsonTable(), partition=0,
                          window_days=30)
    spans = [[report.span for report in batch.reports] for _, batch in result.outputs]
    assert [place for place, _ in result.outputs] == ["geonames:706483", "geonames:698740"]
    assert spans[0] == sorted(spans[0]) and len(spans[0]) == 2
