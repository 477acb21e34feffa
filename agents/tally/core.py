"""The tally stage: an enriched incident revision in, its place's running row out.

A row is the sum over the place's active incidents. Each incident's last contribution is
remembered with its revision, so the row moves by the difference a newer revision makes and
a re-delivered or older revision moves nothing.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from streams.records import CityTally, Incident


@dataclass(slots=True)
class Contribution:
    incident_id: str
    revision: int
    place_id: str
    killed: int
    injured: int
    active: bool


@dataclass(slots=True)
class TallyStep:
    contribution: Contribution | None
    row: CityTally | None
    changed: bool


def tally(incident: Incident, contribution: Contribution | None,
          row: CityTally | None) -> TallyStep:
    if contribution is not None and incident.revision <= contribution.revision:
        return TallyStep(contribution, row, False)
    active = incident.status == "active"
    new = Contribution(incident.incident_id, incident.revision, incident.place_id,
                       incident.killed if active else 0, incident.injured if active else 0,
                       active)
    old = contribution or Contribution(incident.incident_id, 0, incident.place_id, 0, 0, False)
    base = row or CityTally(place_id=incident.place_id, city=incident.city,
                            admin1=incident.admin1, country=incident.country)
    updated = dataclasses.replace(
        base,
        city=incident.city or base.city,
        admin1=incident.admin1 or base.admin1,
        country=incident.country or base.country,
        killed=base.killed + new.killed - old.killed,
        injured=base.injured + new.injured - old.injured,
        incidents=base.incidents + int(new.active) - int(old.active),
        updated_at=max(filter(None, (base.updated_at, incident.last_updated)), default=None),
    )
    changed = row is None or (updated.killed, updated.injured, updated.incidents) != (
        row.killed, row.injured, row.incidents)
    return TallyStep(new, updated, changed)
