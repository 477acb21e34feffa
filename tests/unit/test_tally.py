import dataclasses

from agents.tally.core import tally
from streams.records import Incident


def _incident(revision, killed, injured=0, *, incident_id="i1", status="active"):
    return Incident(incident_id=incident_id, revision=revision, place_id="geonames:706483",
                    city="Kharkiv", admin1="", country="UA", killed=killed, injured=injured,
                    status=status, last_updated=f"2022-03-02T1{revision}:00:00+00:00")


def _apply(incidents, contributions=None, row=None):
    contributions = dict(contributions or {})
    for incident in incidents:
        step = tally(incident, contributions.get(incident.incident_id), row)
        contributions[incident.incident_id] = step.contribution
        row = step.row
    return contributions, row


def test_a_revision_moves_the_row_by_the_difference():
    _, row = _apply([_incident(1, 4, 9), _incident(2, 6, 9)])
    assert (row.killed, row.injured, row.incidents) == (6, 9, 1)


def test_a_redelivered_or_older_revision_moves_nothing():
    contributions, row = _apply([_incident(1, 4), _incident(2, 6)])
    for stale in (_incident(2, 6), _incident(1, 4)):
        step = tally(stale, contributions["i1"], row)
        assert not step.changed and step.row == row


def test_incidents_add_up_and_a_retraction_takes_its_share_back():
    contributions, row = _apply([_incident(1, 4, 9), _incident(1, 21, 112, incident_id="i2")])
    assert (row.killed, row.injured, row.incidents) == (25, 121, 2)
    _, row = _apply([_incident(2, 0, 0, incident_id="i2", status="retracted")], contributions, row)
    assert (row.killed, row.injured, row.incidents) == (4, 9, 1)


def test_row_carries_the_place_and_the_latest_update():
    _, row = _apply([_incident(1, 4), _incident(3, 5)])
    assert dataclasses.astuple(row)[:4] == ("geonames:706483", "Kharkiv", "", "UA")
    assert row.updated_at == "2022-03-02T13:00:00+00:00"
