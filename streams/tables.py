"""The stages' state: Faust tables on RocksDB, each backed by a changelog topic.

Keys are strings and values JSON (the orjson codec). Each table is written while processing a
stream keyed the same way, so its changelog partitions line up with the stream's. Each stage
keeps one table, written once per message, so that after a crash a stage's state is never
half of one message's update.
"""

from __future__ import annotations

import faust

from streams.app import app
from streams.codecs import CODEC_NAME

_SCHEMA = faust.Schema(key_serializer=CODEC_NAME, value_serializer=CODEC_NAME)


def _table(name: str, help_text: str) -> faust.Table:
    return app.Table(name, default=None, schema=_SCHEMA, help=help_text)


articles_seen = _table("articles-seen", "extract: article id -> fingerprint, revision, last reports")
place_incidents = _table("place-incidents", "dedupe: place id -> its claims and incidents")
place_tallies = _table("place-tallies", "tally: place id -> its row and its incidents' shares")
