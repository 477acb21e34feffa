import time

import orjson
from click.testing import CliRunner

from agents.enrich import gazetteer, index
from agents.pipeline import LocalRun, process
from streams.cli import main
from streams.inputs import Message
from streams.settings import Settings
from tests.conftest import SEEDS


def _lines(path):
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


def test_process_seed_gives_the_kharkiv_row(tmp_path, seed_article_path):
    result = CliRunner().invoke(main, ["process", str(seed_article_path), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    tallies = _lines(tmp_path / "tallies.jsonl")
    assert [(t["city"], t["country"], t["killed"], t["injured"]) for t in tallies] == [
        ("Kharkiv", "UA", 25, 121)]
    incidents = _lines(tmp_path / "incidents.jsonl")
    assert len(incidents) == 3 and all(i["article_ids"] == ["kharkiv-2022-03-02"] for i in incidents)
    assert len(_lines(tmp_path / "reports.jsonl")) == 5


def test_process_follows_revisions_and_other_outlets(tmp_path):
    CliRunner().invoke(main, ["process", str(SEEDS / "wire-samples.jsonl"), "--out", str(tmp_path)])
    rows = {t["city"]: t for t in _lines(tmp_path / "tallies.jsonl")}
    assert (rows["Odesa"]["killed"], rows["Odesa"]["injured"], rows["Odesa"]["incidents"]) == (4, 8, 1)
    assert (rows["Springfield"]["admin1"], rows["Springfield"]["injured"]) == ("Illinois", 3)
    odesa = [i for i in _lines(tmp_path / "incidents.jsonl") if i["city"] == "Odesa" and i["status"] == "active"]
    assert odesa[0]["sources"] == ["Example Wire", "Another Daily"]


def test_process_counts_a_toll_that_rose_overnight_and_a_strike_filed_from_the_capital_once(tmp_path):
    CliRunner().invoke(main, ["process", str(SEEDS / "wire-samples.jsonl"), "--out", str(tmp_path)])
    rows = {t["place_id"]: (t["city"], t["killed"], t["injured"], t["incidents"])
            for t in _lines(tmp_path / "tallies.jsonl")}
    assert rows["geonames:687700"][1:] == (9, 30, 1)  # Zaporizhzhia: five killed, then "rose to nine"
    assert rows["geonames:712165"] == ("Bila Tserkva", 4, 9, 1)  # under a KYIV dateline
    assert "geonames:703448" not in rows  # Kyiv


def test_a_bad_line_is_dead_lettered_and_the_rest_processed(tmp_path, seed_article_path):
    articles = tmp_path / "in.jsonl"
    articles.write_bytes(b'{"id": "x"\n{"id": "ok", "body": "Two people were killed in Lviv.", '
                         b'"published_at": "2024-01-01T10:00:00+00:00"}\n')
    result = CliRunner().invoke(main, ["process", str(articles), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0
    dead = _lines(tmp_path / "out" / "deadletters.jsonl")
    assert len(dead) == 1 and "JSON" in dead[0]["error"] and dead[0]["origin"].endswith(":1")
    assert [t["city"] for t in _lines(tmp_path / "out" / "tallies.jsonl")] == ["Lviv"]


def _article(article_id, day, body):
    return orjson.dumps({"id": article_id, "body": body, "published_at": f"{day}T10:00:00+00:00"})


NEWS_OF_TWO_YEARS = [
    _article("lviv-1", "2023-01-05", "LVIV (Example Wire) - Two people were killed in Lviv on Thursday."),
    _article("lviv-2", "2023-01-06", "LVIV (Another Daily) - Two people were killed in Lviv on Thursday, officials said."),
    _article("lviv-3", "2024-06-01", "LVIV (Example Wire) - Three people were wounded in Lviv on Saturday."),
]


def test_process_reads_archived_news_in_publication_order_whatever_the_file_order(tmp_path):
    rows = []
    for name, lines in (("forward", NEWS_OF_TWO_YEARS), ("backward", NEWS_OF_TWO_YEARS[::-1])):
        path = tmp_path / f"{name}.jsonl"
        path.write_bytes(b"\n".join(lines))
        result = CliRunner().invoke(main, ["process", str(path), "--out", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert _lines(tmp_path / name / "deadletters.jsonl") == []
        rows.append([(t["city"], t["killed"], t["injured"], t["incidents"])
                     for t in _lines(tmp_path / name / "tallies.jsonl")])
    assert rows[0] == rows[1] == [("Lviv", 2, 3, 2)]


def test_news_older_than_its_places_window_is_dead_lettered_not_counted_twice():
    run = LocalRun(Settings(incident_window_days=30))
    for article_id, line in enumerate(NEWS_OF_TWO_YEARS[::-1]):
        run.feed(Message(str(article_id).encode(), line, f"news:{article_id}"))
    assert [(t["killed"], t["injured"]) for t in run.rows()] == [(0, 3)]
    assert {letter.stage for letter in run.dead_letters} == {"dedupe"}
    assert all("WIREWATCH_INCIDENT_WINDOW_DAYS" in letter.error for letter in run.dead_letters)


def test_a_gazetteer_slower_to_open_than_a_message_may_take_times_no_article_out(
        tmp_path, seed_article_path, monkeypatch):
    # A machine with no index for this code compiles it on first use, which takes longer than
    # a stage may spend on one message.
    real_load = index.load

    def compiling(*args, **kwargs):
        time.sleep(1.5)
        return real_load(*args, **kwargs)

    gazetteer.load_gazetteer.cache_clear()
    monkeypatch.setattr(index, "load", compiling)
    try:
        summary = process([seed_article_path], tmp_path, Settings(stage_timeout=1))
    finally:
        gazetteer.load_gazetteer.cache_clear()
    assert summary.dead_letters == 0 and summary.reports == 5


def test_a_citys_row_comes_after_the_county_named_after_it(tmp_path):
    city = {"id": "city", "source": "example.com", "headline": "Two wounded in St. Louis",
            "body": "Two people were wounded in a shooting in St. Louis, Missouri, on Monday, police said.",
            "published_at": "2016-11-07T10:00:00+00:00"}
    county = {"id": "county", "source": "example.com", "headline": "Man killed in St. Louis County",
              "body": "A man was shot and killed in St. Louis County, Missouri, on Tuesday, police said.",
              "published_at": "2016-11-08T10:00:00+00:00"}
    path = tmp_path / "articles.jsonl"
    path.write_bytes(b"\n".join(orjson.dumps(article) for article in (city, county)))
    process([path], tmp_path / "out")
    assert [(t["city"], t["killed"], t["injured"]) for t in _lines(tmp_path / "out" / "tallies.jsonl")] == [
        ("St. Louis County", 1, 0), ("St. Louis", 0, 2)]


def test_reading_ahead_in_other_processes_changes_no_output(tmp_path, seed_article_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"id": "x"\n' + _article("lviv", "2024-01-01", "Two people were killed in Lviv.") + b"\n")
    inputs = [str(SEEDS / "wire-samples.jsonl"), str(seed_article_path), str(bad)]
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs-{jobs}"
        result = CliRunner().invoke(main, ["process", *inputs, "--out", str(out), "--jobs", jobs])
        assert result.exit_code == 0, result.output
        outputs[jobs] = {name: (out / name).read_bytes() for name in
                         ("reports.jsonl", "incidents.jsonl", "tallies.jsonl", "deadletters.jsonl")}
    assert outputs["2"] == outputs["1"]
    assert b"Lviv" in outputs["2"]["tallies.jsonl"] and outputs["2"]["deadletters.jsonl"].count(b"\n") == 1
