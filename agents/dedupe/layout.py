"""Dedupe's state in its table, laid out so that a report writes what it changed, not its
place's whole history.

A place's state was one value, its live claims and its incidents with their members, encoded
and sent to the changelog whole on every report: a city's week of claims, again and again.
Now it is spread over keys of the one table (so over one changelog partition, in order):

- ``<place>\\0claims\\0<article id>\\0<revision>``: the live claims of one revision of an
  article at the place, which arrive in one message: written when they arrive, written again
  when some of them are retracted or forgotten, deleted when none is left;
- ``<place>\\0incident\\0<incident id>\\0<0 or 1>``: an incident and its members, each
  member its claim's report id (``Member.stored``), written when the incident changes, in the
  other of its two slots: the key of the version before stays as it was;
- ``<place>``: the rest, small: the place's stream time, its claims' ids in their order and
  their articles' revisions, its incidents' ids, revisions and slots in theirs, the reports
  handled, the claims withdrawn, and the keys the write dropped.

A message of reports so costs a few small writes (its claims, the incidents it changed, the
place's key) where it cost one of the place's whole state, and a claim a key would cost one
write a report: each is a changelog message, so the
layout trades bytes for messages. An incident's two keys spare a deletion a change: the stale
one is overwritten by the next version, and both go when the incident is forgotten. The slot
is not the revision's parity, since one message of several reports may move an incident on by
two revisions.

A write puts the new claims and incidents first, the place's key next, and last it writes the
claims' keys that lost claims and deletes what the new state no longer holds. Until the place's
key is written the previous state is whole, since an incident that changed is written beside
its previous revision and a claims' key that gains claims keeps those it had; so a crash or the
stage's deadline that cuts a write short leaves the previous state, and the message, read
again, is handled afresh. A claims' key whose shrinking write is cut short holds claims the
place's key no longer lists, which a read passes over. A write cut short after the place's key leaves keys it meant to
delete: the place's key names them, and reading the place from the table deletes them.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, MutableMapping
from typing import Any

from agents.dedupe.core import OpenIncident, PlaceIncidents
from streams.decoded import CAPACITY
from streams.records import Incident, Report

_CLAIM = "\0claim\0"
_CLAIMS = "\0claims\0"
_INCIDENT = "\0incident\0"

Group = tuple[str, int]  # an article's id and revision: whose claims share a key


def claim_key(place: str, report_id: str) -> str:
    """A claim's key before claims were kept by article revision (read to move them)."""
    return f"{place}{_CLAIM}{report_id}"


def claims_key(place: str, group: Group) -> str:
    article_id, revision = group
    return f"{place}{_CLAIMS}{article_id}\0{revision}"


def _groups(claims: list[Report]) -> dict[Group, list[Report]]:
    groups: dict[Group, list[Report]] = {}
    for claim in claims:
        groups.setdefault((claim.article_id, claim.revision), []).append(claim)
    return groups


def incident_key(place: str, incident_id: str, slot: int) -> str:
    return f"{place}{_INCIDENT}{incident_id}\0{slot}"


def _slots(place: str, incident_id: str) -> list[str]:
    return [incident_key(place, incident_id, slot) for slot in (0, 1)]


def _entry(entry: list) -> tuple[str, int, int]:
    """An incident's id, revision and slot as the place's key lists it. A key written before
    slots were listed has the revision's parity for slot."""
    incident_id, revision, *slot = entry
    return incident_id, revision, slot[0] if slot else revision % 2


def _version(open_incident: OpenIncident) -> tuple[str, int]:
    return open_incident.incident.incident_id, open_incident.incident.revision


class PlaceStore:
    """Dedupe's states by place, kept in ``table`` (values JSON-able: a ``JsonTable``)."""

    def __init__(self, table: MutableMapping[str, Any]) -> None:
        self._table = table
        # The slot each incident of a place is in, for the places read or written last (the
        # decoded states a write is handed do not know it); else read from the place's key.
        self._slots_of: OrderedDict[str, dict[str, int]] = OrderedDict()

    def load(self, place: str) -> PlaceIncidents | None:
        header = self._get(place)
        if header is None:
            self._slots_of.pop(place, None)
            return None
        self._drop(header["forgotten"])
        if "groups" in header:
            claims = self._grouped_claims(place, header)
        else:
            claims = {report_id: Report.from_dict(self._table[claim_key(place, report_id)])
                      for report_id in dict.fromkeys(header["claims"])}
            self._group_claims(place, header, list(claims.values()))
        entries = [_entry(entry) for entry in header["incidents"]]
        incidents = [OpenIncident.from_dict(self._table[incident_key(place, incident_id, slot)],
                                            claims)
                     for incident_id, _, slot in entries]
        self._remember(place, {incident_id: slot for incident_id, _, slot in entries})
        return PlaceIncidents(incidents, [claims[report_id] for report_id in header["claims"]],
                              header["handled"], header["withdrawn"], header["latest"])

    def incident(self, place: str, incident_id: str) -> Incident | None:
        """One of the place's incidents, read alone: neither its claims nor its other
        incidents (the read API's)."""
        header = self._get(place)
        for entry_id, _, slot in map(_entry, header["incidents"] if header else ()):
            if entry_id == incident_id:
                stored = self._table[incident_key(place, incident_id, slot)]
                return Incident.from_dict(stored["incident"])
        return None

    def save(self, place: str, state: PlaceIncidents, previous: PlaceIncidents | None) -> None:
        """Write ``state`` over ``previous`` (what the table holds for the place, if anything):
        only the claims and incidents that are new or changed."""
        if state is previous:
            return  # a report handled before: nothing changed
        old_groups = _groups(previous.claims) if previous else {}
        old_incidents = ({o.incident.incident_id: o for o in previous.incidents}
                         if previous else {})
        claims = {claim.report_id: claim for claim in state.claims}
        groups = _groups(state.claims)
        shrunk: dict[Group, list[Report]] = {}
        # A report id is a hash of its article, revision and span, so a claim never changes
        # under its id: a key whose claims were all there already is not written again.
        for group, members in groups.items():
            kept = {claim.report_id: claim for claim in old_groups.get(group, ())}
            ids = {claim.report_id for claim in members}
            if not ids <= kept.keys():
                # with the claims the place's key still names, until that key is written
                self._table[claims_key(place, group)] = \
                    list({**kept, **{claim.report_id: claim for claim in members}}.values())
            if not kept.keys() <= ids:
                shrunk[group] = members
        forgotten = [claims_key(place, group) for group in old_groups if group not in groups]
        old_slots = self._stored_slots(place) if previous else {}
        slots: dict[str, int] = {}
        for open_incident in state.incidents:
            incident_id = open_incident.incident.incident_id
            old = old_incidents.pop(incident_id, None)
            slots[incident_id] = slot = old_slots.get(incident_id, 1)
            if old is None or _version(old) != _version(open_incident) \
                    or old.members != open_incident.members:
                slots[incident_id] = slot = 1 - slot
                self._table[incident_key(place, incident_id, slot)] = \
                    open_incident.to_dict(claims)
        forgotten += [key for o in old_incidents.values()
                      for key in _slots(place, o.incident.incident_id)]
        # Should the place's key not be written, it is read again: it is the truth.
        self._slots_of.pop(place, None)
        self._table[place] = {
            "latest": state.latest,
            "claims": [claim.report_id for claim in state.claims],
            "groups": list(groups),
            "incidents": [(*_version(o), slots[o.incident.incident_id]) for o in state.incidents],
            "handled": state.handled,
            "withdrawn": state.withdrawn,
            "forgotten": forgotten,
        }
        self._remember(place, slots)
        for group, members in shrunk.items():
            self._table[claims_key(place, group)] = members
        self._drop(forgotten)

    def delete(self, place: str, previous: PlaceIncidents) -> None:
        self._slots_of.pop(place, None)
        del self._table[place]
        self._drop([claims_key(place, group) for group in _groups(previous.claims)]
                   + [key for o in previous.incidents
                      for key in _slots(place, o.incident.incident_id)])

    def keys(self) -> Iterator[str]:
        """The places (the table's other keys are theirs)."""
        return (key for key in self._table if "\0" not in key)

    def _grouped_claims(self, place: str, header: dict) -> dict[str, Report]:
        """The claims the place's key names, by report id. A claims' key that holds more was
        left so by a write cut short after the place's key: it is written as it should be."""
        named = set(header["claims"])
        claims: dict[str, Report] = {}
        for group in header["groups"]:
            key = claims_key(place, tuple(group))
            stored = self._table[key]
            members = [claim for claim in stored if claim["report_id"] in named]
            if len(members) < len(stored):
                self._table[key] = members
            claims.update((claim["report_id"], Report.from_dict(claim)) for claim in members)
        return claims

    def _group_claims(self, place: str, header: dict, claims: list[Report]) -> None:
        """Move the claims of a place written before they were kept by article revision, each
        under a key of its own, to their revisions' keys: those first, the place's key naming
        them next, the claims' own keys deleted last (named in it, should that be cut short)."""
        groups = _groups(claims)
        for group, members in groups.items():
            self._table[claims_key(place, group)] = members
        forgotten = [claim_key(place, claim.report_id) for claim in claims]
        self._table[place] = {**header, "groups": list(groups), "forgotten": forgotten}
        self._drop(forgotten)

    def _stored_slots(self, place: str) -> dict[str, int]:
        slots = self._slots_of.get(place)
        if slots is None:
            header = self._get(place)
            entries = map(_entry, header["incidents"] if header else ())
            slots = {incident_id: slot for incident_id, _, slot in entries}
        return slots

    def _remember(self, place: str, slots: dict[str, int]) -> None:
        self._slots_of[place] = slots
        self._slots_of.move_to_end(place)
        if len(self._slots_of) > CAPACITY:
            self._slots_of.popitem(last=False)

    def _get(self, key: str) -> Any:
        try:
            return self._table[key]  # None: a Faust table's default
        except KeyError:
            return None

    def _drop(self, keys: list[str]) -> None:
        for key in keys:
            if key in self._table:
                del self._table[key]

