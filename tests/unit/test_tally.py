import itertools

from agents.tally.core import tally
from streams.records import Incident


def _incident(revision, killed, injured=0, *, incident_id="i1", status="active"):
    return Incident(incident_id=incident_id, revision=revision, place_id="geonames:706483",
                    city="Kharkiv", admin1="", country="UA", killed=killed, injured=injured,
                    counted_killed=killed, counted_injured=injured, status=status, last_updated=f"2022-03-02T1{revision}:00:00+00:00")


def _apply(incidents, state=None):
    sent = []
    for incident in incidents:
        step = tally(incident, state)
        state = step.state
        sent += [state.row] if step.send else []
    return state, sent


def test_a_revision_moves_the_row_by_the_difference():
    state, _ = _apply([_incident(1, 4, 9), _incident(2, 6, 9)])
    assert (state.row.killed, state.row.injured, state.row.incidents) == (6, 9, 1)


def test_a_redelivered_or_older_revision_moves_nothing_and_sends_the_row_again():
    state, _ = _apply([_incident(1, 4), _incident(2, 6)])
    for stale in (_incident(2, 6), _incident(1, 4)):
        step = tally(stale, state)
        assert step.state == state and step.send


def test_a_revision_that_changes_nothing_sends_nothing():
    state, _ = _apply([_incident(1, 4)])
    same = _incident(2, 4)
    same.last_updated = state.row.updated_at
    assert not tally(same, state).send


def test_incidents_add_up_and_a_retraction_takes_its_share_back():
    state, _ = _apply([_incident(1, 4, 9), _incident(1, 21, 112, incident_id="i2")])
    assert (state.row.killed, state.row.injured, state.row.incidents) == (25, 121, 2)
    state, _ = _apply([_incident(2, 0, 0, incident_id="i2", status="retracted")], state)
    assert (state.row.killed, state.row.injured, state.row.incidents) == (4, 9, 1)


def test_row_carries_the_place_and_the_latest_update_of_its_active_incidents():
    state, _ = _apply([_incident(1, 4), _incident(3, 5), _incident(1, 2, incident_id="i2")])
    row = state.row
    assert (row.place_id, row.city, row.admin1, row.country) == ("geonames:706483", "Kharkiv", "", "UA")
    assert row.updated_at == "2022-03-02T13:00:00+00:00"


def test_the_row_is_the_sum_of_the_latest_revisions_in_any_order():
    revisions = [_incident(1, 4, 9), _incident(2, 6, 9), _incident(3, 0, 0, status="retracted"),
                 _incident(1, 2, 1, incident_id="i2"), _incident(2, 3, 1, incident_id="i2")]
    rows = [_apply(order)[0].row for order in itertools.permutations(revisions)]
    assert all(row == rows[0] for row in rows)
    row = rows[0]
    assert (row.killed, row.injured, row.incidents) == (3, 1, 1)


def test_a_closed_incident_is_settled_into_the_row_and_its_replays_move_nothing():
    state, _ = _apply([_incident(1, 4, 9), _incident(2, 6, 9),
                       _incident(1, 1, 0, incident_id="i2")])
    state, _ = _apply([_incident(3, 6, 9, status="closed")], state)
    assert (state.row.killed, state.row.injured, state.row.incidents) == (7, 9, 2)
    assert set(state.contributions) == {"i2"} and state.settled.killed == 6
    for replay in (_incident(2, 6, 9), _incident(3, 6, 9, status="closed")):
        step = tally(replay, state)
        assert step.state == state and step.send


def test_a_place_remembers_closed_incidents_for_one_window_only():
    state = None
    for day in range(1, 29):
        closed = _incident(2, 1, incident_id=f"i{day}", status="closed")
        closed.last_updated = f"2022-02-{day:02d}T10:00:00+00:00"
        state = tally(closed, state, window_days=7).state
    assert (state.row.killed, state.row.incidents) == (28, 28)
    assert sorted(state.closed) == sorted(f"i{day}" for day in range(21, 29))


def test_a_period_total_counts_what_dedupe_says_it_adds_not_its_own_figure_again():
    total = _incident(1, 21, 112, incident_id="24h")
    within = _incident(1, 0, 6, incident_id="tuesday")
    within.counted_injured, within.within = 0, "24h"
    state, _ = _apply([total, within, _incident(1, 4, 9, incident_id="wednesday")])
    assert (state.row.killed, state.row.injured, state.row.incidents) == (25, 121, 3)


def test_a_retracted_incident_is_forgotten_a_window_after_its_last_update_and_its_replays_move_nothing():
    reported = _incident(1, 4, incident_id="gone")
    reported.last_updated = "2022-02-01T10:00:00+00:00"
    retracted = _incident(2, 0, incident_id="gone", status="retracted")
    retracted.last_updated = reported.last_updated
    state = tally(retracted, tally(reported, None, window_days=7).state, window_days=7).state
    assert "gone" in state.contributions  # a week has not passed: dedupe still holds it
    later = _incident(1, 2, incident_id="later")
    later.last_updated = "2022-02-09T10:00:00+00:00"
    state = tally(later, state, window_days=7).state
    assert set(state.contributions) == {"later"} and "gone" in state.closed
    step = tally(reported, state, window_days=7)  # the first revision, replayed
    assert step.state == state and (step.state.row.killed, step.state.row.incidents) == (2, 1)
