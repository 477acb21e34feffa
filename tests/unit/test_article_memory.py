"""Extract forgets an article once its partition's stream is a window past it, so that
articles-seen stays one window deep however long the stream runs."""

from datetime import date, timedelta

import orjson

from agents.article_memory import remember
from agents.steps import extract_step
from streams.json_table import JsonTable

WINDOW = 30


def _article(article_id: str, day: str, body: str = "Two people were killed in Kharkiv on Monday.") -> bytes:
    return orjson.dumps({"id": article_id, "headline": "Shelling in Kharkiv", "body": body,
                         "published_at": f"{day}T10:00:00+00:00"})


def _day(offset: int) -> str:
    return (date(2022, 1, 1) + timedelta(days=offset)).isoformat()


def _read(table, article_id, day, partition=0, **fields):
    return extract_step(_article(article_id, day, **fields), None, articles_seen=table,
                        partition=partition, window_days=WINDOW)


def _articles(table) -> set[str]:
    return {key for key in table if not key.startswith("\0")}


def _report_ids(result) -> list[str]:
    return [report.report_id for _, batch in result.outputs for report in batch.reports]


def test_a_resend_within_the_window_is_recognised_and_sends_the_same_reports():
    table = JsonTable()
    first = _read(table, "a1", "2022-03-07")
    _read(table, "a2", "2022-03-30")
    again = _read(table, "a1", "2022-03-07")
    assert first.outputs and not first.repeated
    assert again.repeated and again.outputs == first.outputs


def test_an_article_a_window_behind_its_partitions_stream_is_forgotten():
    table = JsonTable()
    first = _read(table, "a1", "2022-03-07")
    _read(table, "a2", "2022-04-06")  # 30 days on: 2022-03-07 is still the first open day
    assert _articles(table) == {"a1", "a2"}
    _read(table, "a3", "2022-04-07")
    assert _articles(table) == {"a2", "a3"}
    # Read again, it is a new article whose reports carry the ids its first reading gave them,
    # which dedupe holds as a repeat or refuses as late (see agents/article_memory.py).
    again = _read(table, "a1", "2022-03-07")
    assert not again.repeated
    assert _report_ids(again) == _report_ids(first)


def test_what_is_remembered_stays_one_window_deep_as_the_stream_goes_on():
    table = JsonTable()
    sizes = []
    for day in range(400):
        for n in range(3):
            seen = {"version_time": f"{_day(day)}T0{n}:00:00+00:00"}
            remember(table, f"d{day}-{n}", seen, seen["version_time"], partition=0,
                     window_days=WINDOW)
        sizes.append(len(table))
    assert len(_articles(table)) == 3 * (WINDOW + 1)
    assert max(sizes[100:]) == sizes[-1]


def test_forgetting_survives_a_reload_of_the_table():
    table = JsonTable()
    _read(table, "a1", "2022-03-07")
    _read(table, "a2", "2022-03-20")
    reloaded = JsonTable()  # a restarted worker's table, rebuilt from its changelog
    reloaded.update(table.items())
    assert _read(reloaded, "a1", "2022-03-07").repeated
    _read(reloaded, "a3", "2022-04-10")
    assert _articles(reloaded) == {"a2", "a3"}


def test_each_partition_forgets_by_its_own_stream_time():
    table = JsonTable()
    _read(table, "a1", "2022-03-07", partition=0)
    _read(table, "b1", "2022-06-01", partition=1)
    assert _read(table, "a1", "2022-03-07", partition=0).repeated
    _read(table, "a2", "2022-06-01", partition=0)
    assert _articles(table) == {"a2", "b1"}


def test_a_revision_on_a_later_day_is_remembered_past_its_first_day():
    table = JsonTable()
    _read(table, "a1", "2022-03-07")
    revised = extract_step(orjson.dumps({
        "id": "a1", "headline": "Shelling in Kharkiv",
        "body": "Three people were killed in Kharkiv on Monday.",
        "published_at": "2022-03-07T10:00:00+00:00", "updated_at": "2022-03-20T10:00:00+00:00"}),
        None, articles_seen=table, partition=0, window_days=WINDOW)
    assert revised.outputs and table["a1"]["revision"] == 2
    _read(table, "a2", "2022-04-10")  # 2022-03-07 falls out of the window, 2022-03-20 does not
    assert _articles(table) == {"a1", "a2"} and table["a1"]["revision"] == 2


def test_an_article_older_than_the_window_is_remembered_until_the_stream_moves_on():
    table = JsonTable()
    _read(table, "a1", "2022-06-01")
    _read(table, "old", "2022-01-01")
    assert _read(table, "old", "2022-01-01").repeated
    _read(table, "a2", "2022-06-02")
    assert _articles(table) == {"a1", "a2"}


def test_no_window_forgets_nothing():
    table = JsonTable()
    for day in range(0, 400, 50):
        extract_step(_article(f"a{day}", _day(day)), None, articles_seen=table, partition=0,
                     window_days=0)
    assert len(table) == 8


def test_an_undated_article_is_forgotten_a_window_after_the_stream_day_it_was_read_on():
    table = JsonTable()
    for article_id, version_time in (("dated", "2022-03-07T10:00:00+00:00"), ("undated", None),
                                     ("unreadable", "Monday morning"),
                                     ("later", "2022-04-06T10:00:00+00:00")):
        remember(table, article_id, {"version_time": version_time}, version_time, partition=0,
                 window_days=WINDOW)
    assert _articles(table) == {"dated", "undated", "unreadable", "later"}
    remember(table, "next", {"version_time": "2022-04-07T10:00:00+00:00"},
             "2022-04-07T10:00:00+00:00", partition=0, window_days=WINDOW)
    assert _articles(table) == {"later", "next"}
