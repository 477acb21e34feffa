"""Dedupe's state in its table, laid out so that a report writes what it changed, not its
place's whole history.

A place's state was one value, its live claims and its incidents with their members, encoded
and sent to the changelog whole on every report: a city's week of claims, again and again.
Now it is spread over keys of the one table (so over one changelog partition, in order):

- ``<place>\\0claim\\0<report id>``: a live claim, written once when it arrives and deleted
  when it is retracted or forgotten;
- ``<place>\\0incident\\0<incident id>\\0<0 or 1>``: an incident and its members, each
  member its claim's report id (``Member.stored``), written when the incident changes, under
  its revision's parity: the key of the revision before stays as it was;
- ``<place>``: the rest, small: the place's stream time, its claims' ids in their order, its
  incidents' ids and revisions in theirs, the reports handled, the claims withdrawn, and the
  keys the write dropped.

A report so costs a few small writes (its claim, the incidents it changed, the place's key)
where it cost one of the place's whole state: each is a changelog message, so the layout trades
bytes for messages. An incident's two keys spare a deletion a change: the stale one is
overwritten by the next revision, and both go when the incident is forgotten.

A write puts the new claims and incidents first, the place's key next, and deletes what the
new state no longer holds last. Until the place's key is written the previous state is whole,
since an incident that changed is written beside its previous revision; so a crash or the
stage's deadline that cuts a write short leaves the previous state, and the message, read
again, is handled afresh. (An incident whose members change while its revision does not, which
takes members that differ and add up to the same incident, is written over in place.) A write
cut short after the place's key leaves keys it meant to delete: the place's key names them, and
reading the place from the table deletes them.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any

from agents.dedupe.core import OpenIncident, PlaceIncidents
from streams.records import Incident, Report

_CLAIM = "\0claim\0"
_INCIDENT = "\0incident\0"


def claim_key(place: str, report_id: str) -> str:
    return f"{place}{_CLAIM}{report_id}"


def incident_key(place: str, incident_id: str, revision: int) -> str:
    """An incident's revisions take turns between two keys: a write leaves the one the place's
    key names as it was, and overwrites the revision before it, which nothing names any more."""
    return f"{place}{_INCIDENT}{incident_id}\0{revision % 2}"


def _slots(place: str, incident_id: str) -> list[str]:
    return [incident_key(place, incident_id, revision) for revision in (0, 1)]


def _version(open_incident: OpenIncident) -> tuple[str, int]:
    return open_incident.incident.incident_id, open_incident.incident.revision


class PlaceStore:
    """Dedupe's states by place, kept in ``table`` (values JSON-able: a ``JsonTable``)."""

    def __init__(self, table: MutableMapping[str, Any]) -> None:
        self._table = table

    def load(self, place: str) -> PlaceIncidents | None:
        header = self._get(place)
        if header is None:
            return None
        self._drop(header["forgotten"])
        claims = {report_id: Report.from_dict(self._table[claim_key(place, report_id)])
                  for report_id in dict.fromkeys(header["claims"])}
        incidents = [OpenIncident.from_dict(self._table[incident_key(place, *entry)], claims)
                     for entry in header["incidents"]]
        return PlaceIncidents(incidents, [claims[report_id] for report_id in header["claims"]],
                              header["handled"], header["withdrawn"], header["latest"])

    def incident(self, place: str, incident_id: str) -> Incident | None:
        """One of the place's incidents, read alone: neither its claims nor its other
        incidents (the read API's)."""
        header = self._get(place)
        for entry_id, revision in header["incidents"] if header else ():
            if entry_id == incident_id:
                stored = self._table[incident_key(place, incident_id, revision)]
                return Incident.from_dict(stored["incident"])
        return None

    def save(self, place: str, state: PlaceIncidents, previous: PlaceIncidents | None) -> None:
        """Write ``state`` over ``previous`` (what the table holds for the place, if anything):
        only the claims and incidents that are new or changed."""
        if state is previous:
            return  # a report handled before: nothing changed
        old_claims = dict.fromkeys(claim.report_id for claim in previous.claims) if previous else {}
        old_incidents = ({o.incident.incident_id: o for o in previous.incidents}
                         if previous else {})
        claims = {claim.report_id: claim for claim in state.claims}
        # A report id is a hash of its article, revision and span, so a claim never changes
        # under its id: one already stored is not written again.
        for report_id, claim in claims.items():
            if report_id not in old_claims:
                self._table[claim_key(place, report_id)] = claim
        forgotten = [claim_key(place, report_id) for report_id in old_claims
                     if report_id not in claims]
        for open_incident in state.incidents:
            old = old_incidents.pop(open_incident.incident.incident_id, None)
            if old is None or _version(old) != _version(open_incident) \
                    or old.members != open_incident.members:
                self._table[incident_key(place, *_version(open_incident))] = \
                    open_incident.to_dict(claims)
        forgotten += [key for o in old_incidents.values()
                      for key in _slots(place, o.incident.incident_id)]
        self._table[place] = {
            "latest": state.latest,
            "claims": [claim.report_id for claim in state.claims],
            "incidents": [_version(o) for o in state.incidents],
            "handled": state.handled,
            "withdrawn": state.withdrawn,
            "forgotten": forgotten,
        }
        self._drop(forgotten)

    def delete(self, place: str, previous: PlaceIncidents) -> None:
        del self._table[place]
        self._drop([claim_key(place, claim.report_id) for claim in previous.claims]
                   + [key for o in previous.incidents
                      for key in _slots(place, o.incident.incident_id)])

    def keys(self) -> Iterator[str]:
        """The places (the table's other keys are theirs)."""
        return (key for key in self._table if "\0" not in key)

    def _get(self, key: str) -> Any:
        try:
            return self._table[key]  # None: a Faust table's default
        except KeyError:
            return None

    def _drop(self, keys: list[str]) -> None:
        for key in keys:
            if key in self._table:
                del self._table[key]

