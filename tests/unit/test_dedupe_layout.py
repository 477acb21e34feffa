"""Dedupe's state in its table: a report writes its claim and what it changed, not its place's
history; what dedupe forgets leaves the table; and a write cut short leaves a state that
reads back whole."""

import dataclasses

import pytest

from agents.dedupe.core import dedupe
from agents.dedupe.layout import PlaceStore, claim_key, claims_key, incident_key
from agents.steps import place_states
from streams.json_table import JsonTable
from streams.records import Place, Report

KHARKIV = Place(id="geonames:706483", name="Kharkiv", country="UA")


def _report(report_id: str, killed: int | None = None, injured: int | None = None, *,
            day: int = 2, article: str = "a1", retracts: str | None = None) -> Report:
    return Report(report_id=report_id, article_id=article, revision=1, place=KHARKIV,
                  date=f"2022-03-{day:02d}", killed=killed, killed_low=killed, killed_high=killed,
                  injured=injured, injured_low=injured, injured_high=injured, source="Wire",
                  published_at=f"2022-03-{day:02d}T10:00:00+00:00", retracts=retracts)


class Recording(dict):
    """A table's bytes, with the keys each write touched."""

    def __init__(self) -> None:
        super().__init__()
        self.written: list[str] = []

    def __setitem__(self, key: str, value: bytes) -> None:
        self.written.append(key)
        super().__setitem__(key, value)


def _feed(places, reports, window_days=0):
    for report in reports:
        places[KHARKIV.id] = dedupe(report, places.get(KHARKIV.id), window_days).state


def test_a_state_read_back_from_the_table_is_the_one_written():
    table = JsonTable()
    # Two articles' incidents of one day, a retraction, and a claim counted as victims (four
    # wounded, after one killed and three wounded: the four include the dead).
    _feed(place_states(table), [_report("h", 1, 3), _report("q", None, 4),
                                _report("x", 2, 5, day=1, article="a2"),
                                _report("v", 1, 3, article="a3"), _report("w", 1, 3),
                                _report("y", 2, 5, day=1, article="a2"),
                                _report("r", retracts="y", article="a2")])
    written = place_states(table)[KHARKIV.id]
    read_back = PlaceStore(table).load(KHARKIV.id)
    assert read_back == written and read_back is not written


def test_a_state_whose_incidents_a_story_tied_together_reads_back_whole():
    table = JsonTable()
    # One day's brief, another day's story naming a street, and a story of the first day
    # naming the street too: it ties the two, and its member says so.
    brief = dataclasses.replace(_report("b", 1), date_stated=True)
    street = dataclasses.replace(_report("s", 1, day=5, article="a2"), date_stated=True,
                                 anchors=["street:elm st"])
    tie = dataclasses.replace(_report("t", 1, day=6, article="a3"), date="2022-03-02",
                              date_stated=True, anchors=["street:elm st"])
    _feed(place_states(table), [brief, street, tie])
    written = place_states(table)[KHARKIV.id]
    assert [m.bridges for o in written.incidents for m in o.members] == [False, False, True]
    read_back = PlaceStore(table).load(KHARKIV.id)
    assert read_back == written and read_back is not written


def test_a_report_writes_its_claim_and_what_it_changed_not_the_place_s_history():
    store = Recording()
    places = place_states(JsonTable(store))
    # Thirty days of one incident each, in articles of their own.
    _feed(places, [_report(f"r{day}", 1, 2, day=day, article=f"a{day}") for day in range(1, 31)])
    store.written.clear()
    _feed(places, [_report("late", 3, 4, day=30, article="b")])
    assert len(store.written) == 3  # its claim, its new incident, and the place's own key
    assert claims_key(KHARKIV.id, ("b", 1)) in store.written
    assert all(f"r{day}" not in key for key in store.written for day in range(1, 31))


def test_claims_retracted_and_incidents_forgotten_leave_the_table():
    table = JsonTable()
    places = place_states(table)
    _feed(places, [_report("a", 1, 2), _report("b", 3, 4, article="a2"),
                   _report("c", retracts="b", article="a2")], window_days=30)
    assert claims_key(KHARKIV.id, ("a2", 1)) not in table  # its one claim was retracted
    _feed(places, [_report("later", 5, 6, day=31, article="a3")], window_days=2)
    # The first incident closed: its claim and its incident are gone, as are the retracted ones.
    state = places[KHARKIV.id]
    assert [claim.report_id for claim in state.claims] == ["later"]
    live = {KHARKIV.id, "a3", *(o.incident.incident_id for o in state.incidents)}
    assert {key.split("\0")[2] if "\0" in key else key for key in table} == live


class CutShort(Exception):
    pass


class Failing(dict):
    """A table whose ``fail_at``-th write from now fails (the stage's deadline, a crash)."""

    fail_at: int | None = None

    def __setitem__(self, key: str, value: bytes) -> None:
        if self.fail_at is not None:
            self.fail_at -= 1
            if self.fail_at < 0:
                raise CutShort(key)
        super().__setitem__(key, value)

    def __delitem__(self, key: str) -> None:
        if self.fail_at is not None and self.fail_at <= 0:
            raise CutShort(key)
        super().__delitem__(key)


JOINS = (_report("m", 1, 3, article="a2"),)  # writes its claim, its incident, the place's key
# writes the incident and the place's key, then its article's claims without "l"
RETRACTS = (_report("x", retracts="l"),)
# One message of two reports that both join the incident: it moves on two revisions, so the
# version it replaces must not be in the slot the new one is written to.
TWO_JOIN = (_report("m", 1, 3, article="a2"), _report("n", 1, 3, article="a2"))


def _fold(state, reports):
    for report in reports:
        state = dedupe(report, state).state
    return state


@pytest.mark.parametrize(("reports", "writes"),
                         [(JOINS, 0), (JOINS, 1), (JOINS, 2), (RETRACTS, 0), (RETRACTS, 1),
                          (RETRACTS, 2), (TWO_JOIN, 0), (TWO_JOIN, 1), (TWO_JOIN, 2)])
def test_a_write_cut_short_and_its_reports_read_again_leave_the_table_as_a_whole_write(
        reports, writes):
    """Cut before any of its writes, or before the one after the place's key: the table reads
    back as the state before the message or after it, and the message read again (as after a
    crash) leaves the table as if nothing had been cut."""
    store, uncut = Failing(), Failing()
    for table in (store, uncut):
        _feed(place_states(JsonTable(table)), [_report("h", 1, 3), _report("l", 1, 3)])
    before = PlaceStore(JsonTable(store)).load(KHARKIV.id)
    after = _fold(before, reports)
    store.fail_at = writes
    with pytest.raises(CutShort):
        place_states(JsonTable(store))[KHARKIV.id] = after
    store.fail_at = None
    restarted = place_states(JsonTable(store))
    assert restarted[KHARKIV.id] in (before, after)
    restarted[KHARKIV.id] = _fold(restarted[KHARKIV.id], reports)
    uncut_places = place_states(JsonTable(uncut))
    uncut_places[KHARKIV.id] = _fold(uncut_places[KHARKIV.id], reports)
    assert restarted[KHARKIV.id] == after
    assert store == uncut


def test_the_read_api_reads_one_incident_by_its_id():
    table = JsonTable()
    places = place_states(table)
    _feed(places, [_report("a", 1, 2), _report("b", 3, 4, day=20, article="a2")])
    state = places[KHARKIV.id]
    for open_incident in state.incidents:
        found = PlaceStore(table).incident(KHARKIV.id, open_incident.incident.incident_id)
        assert found == open_incident.incident
    assert PlaceStore(table).incident(KHARKIV.id, "no-such-incident") is None
    assert PlaceStore(table).incident("geonames:0", "no-such-incident") is None


def test_a_place_written_with_a_key_a_claim_is_read_and_its_claims_moved_to_one_key():
    """A table written before claims were kept by article revision (and before incidents'
    slots were listed) reads back whole, and leaves no claim's own key behind."""
    state = dedupe(_report("l", 2, 5), dedupe(_report("h", 1, 3), None).state).state
    claims = {claim.report_id: claim for claim in state.claims}
    table = JsonTable()
    for claim in state.claims:
        table[claim_key(KHARKIV.id, claim.report_id)] = claim
    for o in state.incidents:
        revision = o.incident.revision
        table[incident_key(KHARKIV.id, o.incident.incident_id, revision % 2)] = o.to_dict(claims)
    table[KHARKIV.id] = {"latest": state.latest, "claims": list(claims),
                         "incidents": [(o.incident.incident_id, o.incident.revision)
                                       for o in state.incidents],
                         "handled": state.handled, "withdrawn": state.withdrawn, "forgotten": []}
    assert PlaceStore(table).load(KHARKIV.id) == state
    assert claims_key(KHARKIV.id, ("a1", 1)) in table
    assert not any("\0claim\0" in key for key in table)
    assert PlaceStore(table).load(KHARKIV.id) == state
