"""The stages' tables by name, and the topics that back them, known before the Faust app is
built: the worker creates each table's changelog topic with wirewatch's own topics and waits
for them all (``streams.admin``), so Faust never finds one without its partitions."""

from __future__ import annotations

from dataclasses import dataclass

from streams.settings import TopicNames


@dataclass(frozen=True, slots=True)
class TableSpec:
    name: str
    # The ``TopicNames`` field of the stream the table is written from: Faust writes a key to
    # the changelog partition of the message being processed, so the two must have as many.
    source: str


ARTICLES_SEEN = TableSpec("articles-seen", "articles")
PLACE_INCIDENTS = TableSpec("place-incidents", "reports")
PLACE_TALLIES = TableSpec("place-tallies", "events")
TABLES = (ARTICLES_SEEN, PLACE_INCIDENTS, PLACE_TALLIES)


def changelog_topic(app_id: str, table: TableSpec) -> str:
    """Faust's name for the table's changelog topic."""
    return f"{app_id}-{table.name}-changelog"


def source_topic(names: TopicNames, table: TableSpec) -> str:
    return getattr(names, table.source)
