"""The tally stage: an enriched incident revision in, its place's running row out.

A row is the sum over the place's active incidents, recomputed from what each incident
contributes now. Each contribution remembers its revision, so a re-delivered or older revision
moves nothing. The row and the contributions are one state, kept under one key, so a crash can
never leave one of them updated without the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from streams.records import CityTally, Incident


@dataclass(slots=True)
class Contribution:
    incident_id: str
    revision: int
    killed: int
    injured: int
    active: bool
    last_updated: str | None = None


@dataclass(slots=True)
class PlaceTally:
    """Tally's state for one place: its row and what each of its incidents contributes."""

    row: CityTally
    contributions: dict[str, Contribution] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict) -> PlaceTally:
        return cls(CityTally.from_dict(data["row"]),
                   {key: Contribution(**value) for key, value in data["contributions"].items()})


@dataclass(slots=True)
class TallyStep:
    state: PlaceTally
    send: bool  # the row changed, or a revision came again whose row a crash may have lost


def _row(incident: Incident, base: CityTally, contributions: dict[str, Contribution]) -> CityTally:
    active = [c for c in contributions.values() if c.active]
    return CityTally(
        place_id=incident.place_id,
        city=incident.city or base.city,
        admin1=incident.admin1 or base.admin1,
        country=incident.country or base.country,
        killed=sum(c.killed for c in active),
        injured=sum(c.injured for c in active),
        incidents=len(active),
        updated_at=max(filter(None, (c.last_updated for c in active)), default=None),
    )


def tally(incident: Incident, state: PlaceTally | None) -> TallyStep:
    counted = state.contributions.get(incident.incident_id) if state else None
    if state is not None and counted is not None and incident.revision <= counted.revision:
        return TallyStep(state, True)
    active = incident.status == "active"
    contribution = Contribution(incident.incident_id, incident.revision,
                                incident.killed if active else 0,
                                incident.injured if active else 0,
                                active, incident.last_updated)
    contributions = {**(state.contributions if state else {}), incident.incident_id: contribution}
    base = state.row if state else CityTally(place_id=incident.place_id, city=incident.city,
                                             admin1=incident.admin1, country=incident.country)
    row = _row(incident, base, contributions)
    return TallyStep(PlaceTally(row, contributions), state is None or row != state.row)
