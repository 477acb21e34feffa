"""The stages' tables keep JSON underneath: a worker's Faust table is handed the bytes to store
and send to its changelog, encoded once, and reads give back what was written."""

import orjson

from agents.tally.core import PlaceTally
from streams import tables
from streams.json_table import JsonTable


def test_a_state_is_stored_as_its_json_and_read_back_equal():
    store: dict[str, bytes] = {}
    table = JsonTable(store)
    state = {"row": {"place_id": "geonames:706483", "killed": 25}, "contributions": {}}
    table["geonames:706483"] = state
    assert store == {"geonames:706483": orjson.dumps(state)}
    assert table["geonames:706483"] == state and table.get("elsewhere") is None
    del table["geonames:706483"]
    assert not store and len(table) == 0


def test_a_record_is_stored_as_the_json_a_dict_of_it_would_be():
    table = JsonTable()
    state = PlaceTally.from_dict({"row": {"place_id": "unknown", "city": "", "admin1": "",
                                          "country": ""}, "contributions": {}})
    table["unknown"] = state
    assert table["unknown"] == orjson.loads(orjson.dumps(state))


def test_the_worker_tables_hand_faust_the_bytes_for_changelog_and_store_alike():
    for table in (tables.articles_seen, tables.place_incidents, tables.place_tallies):
        assert isinstance(table, JsonTable)
        assert table._data.value_serializer == "raw"  # Faust stores and sends them as given
