"""A worker starts only on topics the brokers list whole: a new topic whose partitions have
no leader yet is waited for, and a table whose changelog has other partitions than its source
topic stops the worker with a message that names both."""

from __future__ import annotations

import asyncio

import pytest

from streams import admin
from streams.changelogs import TABLES, changelog_topic, source_topic
from streams.settings import Settings

LEADER_NOT_AVAILABLE = 5


def described(name: str, leaders: list[int], error: int = 0) -> dict:
    return {"error_code": error, "topic": name, "is_internal": False,
            "partitions": [{"error_code": 0, "partition": number, "leader": leader,
                            "replicas": [1], "isr": [1]}
                           for number, leader in enumerate(leaders)]}


class Metadata:
    """An admin client whose metadata answers come from a script, the last one repeated."""

    def __init__(self, *answers: list[dict]) -> None:
        self.answers = list(answers)
        self.asked = 0

    async def describe_topics(self, topics: list[str]) -> list[dict]:
        self.asked += 1
        answer = self.answers[0] if len(self.answers) == 1 else self.answers.pop(0)
        return [topic for topic in answer if topic["topic"] in topics]


def test_a_topic_counts_once_every_partition_has_a_leader() -> None:
    ready = admin.leaders_ready([described("whole", [1, 1]), described("electing", [1, -1]),
                                 described("new", [], error=LEADER_NOT_AVAILABLE),
                                 described("listed-empty", [])])
    assert ready == {"whole": 2}


def test_the_worker_waits_for_a_changelog_the_broker_lists_without_partitions() -> None:
    metadata = Metadata([described("news.events", [1] * 4),
                         described("app-place-tallies-changelog", [], LEADER_NOT_AVAILABLE)],
                        [described("news.events", [1] * 4),
                         described("app-place-tallies-changelog", [-1] * 4)],
                        [described("news.events", [1] * 4),
                         described("app-place-tallies-changelog", [1] * 4)])
    topics = ["news.events", "app-place-tallies-changelog"]
    partitions = asyncio.run(admin.wait_for_leaders(metadata, topics, timeout=5))
    assert partitions == {"news.events": 4, "app-place-tallies-changelog": 4}
    assert metadata.asked == 3


def test_a_topic_that_never_gets_its_leaders_is_named_in_the_error() -> None:
    metadata = Metadata([described("news.events", [1] * 4),
                         described("app-place-tallies-changelog", [-1] * 4)])
    with pytest.raises(admin.TopicsNotReady, match="app-place-tallies-changelog") as error:
        asyncio.run(admin.wait_for_leaders(
            metadata, ["news.events", "app-place-tallies-changelog"], timeout=0.3))
    assert "news.events" not in str(error.value)


def _partitions(settings: Settings, changelog_count: int) -> dict[str, int]:
    counts = {source_topic(settings.topics, table): 4 for table in TABLES}
    counts.update({changelog_topic(settings.app_id, table): 4 for table in TABLES})
    counts[changelog_topic(settings.app_id, TABLES[-1])] = changelog_count
    return counts


def test_a_changelog_left_with_other_partitions_stops_the_worker() -> None:
    settings = Settings(app_id="app")
    admin.check_table_partitions(_partitions(settings, 4), settings)
    with pytest.raises(admin.TopicsNotReady,
                       match="app-place-tallies-changelog has 2, news.events 4"):
        admin.check_table_partitions(_partitions(settings, 2), settings)


def test_the_worker_creates_each_tables_changelog_compacted() -> None:
    specs = {spec.name: spec.config for spec in admin.changelog_specs("app")}
    assert specs == {f"app-{name}-changelog": {"cleanup.policy": "compact"}
                     for name in ("articles-seen", "place-incidents", "place-tallies")}


def test_the_changelogs_created_are_the_ones_faust_writes() -> None:
    from streams import tables  # noqa: F401  (declares the tables on the app)
    from streams.app import app

    assert ({table.changelog_topic_name for table in app.tables.values()}
            == {changelog_topic(app.conf.id, table) for table in TABLES})
