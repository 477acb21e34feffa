"""Dedupe keeps its places' states decoded between messages: that must change no output, and
a state the table has lost or replaced must not come back from memory."""

import asyncio
from pathlib import Path

from agents.dedupe.core import PlaceIncidents
from agents.dedupe.layout import PlaceStore
from agents.pipeline import LocalRun
from agents.steps import place_states
from streams.decoded import DecodedTable
from streams.inputs import read_messages
from streams.json_table import JsonTable
from streams.records import dumps
from streams.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
CORPORA = [ROOT / "seeds", *sorted((ROOT / "tests" / "fixtures").glob("*.jsonl"))]


def _outputs(run: LocalRun) -> list[bytes]:
    for message in read_messages(CORPORA):
        run.feed(message)
    return [dumps(record) for record in [*run.incidents.values(), *run.rows(), *run.dead_letters]]


def test_kept_states_give_the_outputs_of_states_decoded_from_the_table_every_time():
    always_decoded = DecodedTable(PlaceStore(JsonTable()), capacity=0)
    settings = Settings()
    assert _outputs(LocalRun(settings)) == _outputs(LocalRun(settings,
                                                            place_incidents=always_decoded))


def test_a_state_read_back_is_the_one_written_until_it_is_forgotten():
    table = JsonTable()
    places = place_states(table)
    state = PlaceIncidents(latest="2024-03-15")
    places["geonames:706483"] = state
    assert places["geonames:706483"] is state
    assert table["geonames:706483"]["latest"] == "2024-03-15"  # the table has every write
    place_states(table)["geonames:706483"] = PlaceIncidents(latest="2024-03-16")  # a recovery
    places.forget()
    assert places["geonames:706483"].latest == "2024-03-16"


def test_a_key_the_table_lost_is_not_served_from_memory():
    table = JsonTable()
    places = place_states(table)
    places["geonames:706483"] = PlaceIncidents()
    del places["geonames:706483"]
    assert places.get("geonames:706483") is None
    assert "geonames:706483" not in table


def test_only_the_most_recently_used_states_are_kept():
    table = JsonTable()
    places = DecodedTable(PlaceStore(table), capacity=1)
    first, second = PlaceIncidents(latest="2024-01-01"), PlaceIncidents(latest="2024-01-02")
    places["a"], places["b"] = first, second
    assert places["b"] is second
    assert places["a"] is not first and places["a"] == first  # decoded again from the table


def test_the_dedupe_agent_forgets_what_it_kept_when_a_rebalance_starts_and_ends(monkeypatch):
    from agents.dedupe import agent  # the worker's app: made, not started (no broker)

    table = JsonTable()
    monkeypatch.setattr(agent, "places", place_states(table))
    for signal, arguments in ((agent.app.on_partitions_revoked, (set(),)),
                              (agent.app.on_rebalance_complete, ())):
        agent.places["geonames:706483"] = PlaceIncidents(latest="2024-03-15")
        place_states(table)["geonames:706483"] = PlaceIncidents(latest="2024-03-16")  # restored
        asyncio.run(signal.send(*arguments))
        assert agent.places["geonames:706483"].latest == "2024-03-16"
