"""The stages' state: Faust tables on RocksDB, each backed by a changelog topic.

Keys are strings and values JSON. Faust stores the values as the bytes it is given
(``value_type=bytes``), and each table is seen through a ``JsonTable`` that encodes a state
once: Faust's codec would encode it once for the changelog and again for RocksDB. Each table
is written while processing a stream keyed the same way, so its changelog partitions line up
with the stream's. Each stage keeps one table. Tally writes one key a message; dedupe writes
several and the one that names the others last (``agents/dedupe/layout.py``), so that after a
crash its state is never half of one message's update. RocksDB keeps no write-ahead log
(``streams/stores.py``).
"""

from __future__ import annotations

import faust

from streams.app import app
from streams.changelogs import ARTICLES_SEEN, PLACE_INCIDENTS, PLACE_TALLIES, TableSpec
from streams.codecs import CODEC_NAME
from streams.json_table import JsonTable

_SCHEMA = faust.Schema(key_serializer=CODEC_NAME, value_serializer="raw")


def _table(spec: TableSpec, help_text: str) -> JsonTable:
    return JsonTable(app.Table(spec.name, default=None, schema=_SCHEMA, value_type=bytes,
                               help=help_text))


articles_seen = _table(ARTICLES_SEEN, "extract: article id -> fingerprint, revision, last reports")
place_incidents = _table(PLACE_INCIDENTS, "dedupe: place id -> its claims and incidents")
place_tallies = _table(PLACE_TALLIES, "tally: place id -> its row and its incidents' shares")
