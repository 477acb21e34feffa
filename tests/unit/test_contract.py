"""The AsyncAPI document describes every topic wirewatch uses, each reference in it resolves,
and the records the stage functions produce fit their schemas."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest
from jsonschema import Draft7Validator

from agents.pipeline import LocalRun, process
from streams import admin
from streams.inputs import Message
from streams.records import PlaceReports, dumps
from streams.settings import TopicNames
from tests.conftest import SEEDS
from tests.contract import document, messages_for, schema_files, violations

TOPICS = [getattr(TopicNames, f.name) for f in fields(TopicNames)]


def test_there_is_one_channel_for_each_topic_and_no_other():
    channels = document()["channels"].values()
    assert document()["asyncapi"].startswith("3.")
    assert sorted(c["address"] for c in channels) == sorted(TOPICS)
    for channel in channels:
        assert channel["bindings"]["kafka"]["topic"] == channel["address"]


def test_the_compacted_topic_is_documented_as_compacted():
    specs = {spec.name: spec.config for spec in admin.topic_specs(TopicNames())}
    for channel in document()["channels"].values():
        configured = channel["bindings"]["kafka"].get("topicConfiguration", {})
        documented = ",".join(configured.get("cleanup.policy", ["delete"]))
        assert documented == specs[channel["address"]].get("cleanup.policy", "delete")


def test_every_operation_names_a_channel_and_every_topic_has_a_writer_and_a_reader():
    channels = document()["channels"]
    actions: dict[str, set[str]] = {name: set() for name in channels}
    for operation in document()["operations"].values():
        name = operation["channel"]["$ref"].removeprefix("#/channels/")
        assert name in channels
        actions[name].add(operation["action"])
    readers_optional = {"deadletter"}  # ops read dead letters by hand
    for name, found in actions.items():
        assert "send" in found and ("receive" in found or name in readers_optional), name


@pytest.mark.parametrize("schema", schema_files(), ids=lambda s: s["$id"])
def test_each_schema_is_valid_json_schema(schema):
    Draft7Validator.check_schema(schema)


@pytest.mark.parametrize("topic", TOPICS)
def test_every_message_reference_resolves(topic):
    assert messages_for(topic)


def test_what_the_stages_produce_from_the_seeds_fits_the_contract(tmp_path):
    process([SEEDS], tmp_path)
    outputs = {"reports.jsonl": (TopicNames.reports, "place"),
               "incidents.jsonl": (TopicNames.events, "place_id"),
               "tallies.jsonl": (TopicNames.casualties, "place_id")}
    for file, (topic, key_field) in outputs.items():
        lines = (tmp_path / file).read_bytes().splitlines()
        assert lines, file
        for line in lines:
            record = json.loads(line)
            key = record["place"]["id"] if key_field == "place" else record[key_field]
            assert violations(topic, key, line) == [], (file, record)


def test_a_county_s_report_incident_and_row_fit_the_contract():
    run = LocalRun()
    article = {"id": "c", "published_at": "2016-05-01T15:20:00+00:00", "headline": "Hunter shot",
               "body": "A hunter was shot and wounded Saturday in Rock County, Wis., deputies said."}
    run.feed(Message(origin="test", key=None, value=dumps(article)))
    [incident] = run.incidents.values()
    [row] = run.rows()
    assert {r.place.id for r in run.reports.values()} == {incident.place_id, row["place_id"]} == {"county:US.55105"}
    batch = PlaceReports(list(run.reports.values()))
    assert violations(TopicNames.reports, incident.place_id, dumps(batch)) == []
    # dedupe reads a lone report too (a dead letter of one report, replayed), never no report
    assert violations(TopicNames.reports, incident.place_id, dumps(batch.reports[0])) == []
    assert violations(TopicNames.reports, incident.place_id, dumps(PlaceReports([])))
    assert violations(TopicNames.events, incident.place_id, dumps(incident)) == []
    assert violations(TopicNames.casualties, row["place_id"], dumps(row)) == []


def test_a_mention_and_the_incident_it_joins_fit_the_contract():
    run = LocalRun()
    shooting = {"id": "s", "published_at": "2016-05-01T15:20:00+00:00", "headline": "Man shot",
                "body": "SPRINGFIELD, Ill. (AP) - Marcus Lee Johnson, 24, was shot and killed "
                        "Saturday on Elm Street, police said."}
    arrest = {"id": "a", "published_at": "2016-05-03T15:20:00+00:00", "headline": "Arrest made",
              "body": "SPRINGFIELD, Ill. (AP) - Police arrested a suspect on Monday after a "
                      "search on Elm Street, police said."}
    for article in (shooting, arrest):
        run.feed(Message(origin="test", key=None, value=dumps(article)))
    [mention] = [r for r in run.reports.values() if r.mention]
    [incident] = run.incidents.values()
    assert incident.article_ids == ["s", "a"] and incident.killed == 1
    assert violations(TopicNames.reports, mention.place.id, dumps(PlaceReports([mention]))) == []
    assert violations(TopicNames.events, incident.place_id, dumps(incident)) == []


def test_a_record_missing_a_field_is_caught():
    row = {"place_id": "geonames:706483", "city": "Kharkiv", "admin1": "", "country": "UA",
           "killed": 25, "injured": 127, "updated_at": None}
    problems = violations(TopicNames.casualties, "geonames:706483", json.dumps(row).encode())
    assert problems and "'incidents' is a required property" in problems[0]
    assert violations(TopicNames.casualties, "Kharkiv", json.dumps({**row, "incidents": 3}).encode())


def test_the_seed_articles_fit_the_article_message():
    for line in (SEEDS / "wire-samples.jsonl").read_bytes().splitlines():
        article = json.loads(line)
        assert violations(TopicNames.articles, article["id"], line) == []

