"""The stages' state: Faust tables on RocksDB, each backed by a changelog topic.

Keys are strings and values JSON (the orjson codec). Each table is written while processing a
stream keyed the same way, so its changelog partitions line up with the stream's.
"""

from __future__ import annotations

import faust

from streams.app import app
from streams.codecs import CODEC_NAME

_SCHEMA = faust.Schema(key_serializer=CODEC_NAME, value_serializer=CODEC_NAME)


def _table(name: str, help_text: str) -> faust.Table:
    return app.Table(name, default=None, schema=_SCHEMA, help=help_text)


articles_seen = _table("articles-seen", "extract: article id -> fingerprint, revision, last reports")
open_incidents = _table("open-incidents", "dedupe: place id -> its incidents and their members")
contributions = _table("contributions", "tally: incident id -> its last counted contribution")
city_tallies = _table("city-tallies", "tally: place id -> the place's running row")
