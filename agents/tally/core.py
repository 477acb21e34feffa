"""The tally stage: an enriched incident revision in, its place's running row out.

A row is the sum over the place's incidents, recomputed from what each incident contributes
now: its counted figures, which dedupe sets so that a period total and the incidents within it
are not added together. Each contribution remembers its revision, so a re-delivered or older revision moves
nothing. A closed incident (dedupe has forgotten it: see ``agents.dedupe.core``) is folded into
the place's settled figures and its contribution dropped; its id is remembered for one window
more, so that a replayed older revision of it still moves nothing. A retracted incident adds
nothing, and dedupe forgets it at the same horizon without a final revision: its contribution is
dropped once the place's news has moved a window past its last update, and its id remembered
like a closed one's. The row, the contributions
and the settled figures are one state, kept under one key, so a crash can never leave one of
them updated without the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from agents.window import horizon
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
class Settled:
    """What the place's closed incidents add up to."""

    killed: int = 0
    injured: int = 0
    incidents: int = 0
    last_updated: str | None = None


@dataclass(slots=True)
class PlaceTally:
    """Tally's state for one place: its row, what each of its open incidents contributes, the
    settled figures of its closed ones, and the recently closed ids (id -> closing day)."""

    row: CityTally
    contributions: dict[str, Contribution] = field(default_factory=dict)
    settled: Settled = field(default_factory=Settled)
    closed: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict) -> PlaceTally:
        return cls(CityTally.from_dict(data["row"]),
                   {key: Contribution(**value) for key, value in data["contributions"].items()},
                   Settled(**data.get("settled", {})), dict(data.get("closed", {})))


@dataclass(slots=True)
class TallyStep:
    state: PlaceTally
    send: bool  # the row changed, or a revision came again whose row a crash may have lost


def _row(incident: Incident, base: CityTally, contributions: dict[str, Contribution],
         settled: Settled) -> CityTally:
    active = [c for c in contributions.values() if c.active]
    return CityTally(
        place_id=incident.place_id,
        city=incident.city or base.city,
        admin1=incident.admin1 or base.admin1,
        country=incident.country or base.country,
        killed=settled.killed + sum(c.killed for c in active),
        injured=settled.injured + sum(c.injured for c in active),
        incidents=settled.incidents + len(active),
        updated_at=max(filter(None, [settled.last_updated, *(c.last_updated for c in active)]),
                       default=None),
    )


def _settle(settled: Settled, incident: Incident) -> Settled:
    return Settled(settled.killed + incident.counted_killed,
                   settled.injured + incident.counted_injured,
                   settled.incidents + 1,
                   max(filter(None, (settled.last_updated, incident.last_updated)), default=None))


def _recent(closed: dict[str, str], window_days: int) -> dict[str, str]:
    """The closed ids a replay may still bring an older revision of: those closed within one
    window of the latest closing."""
    first_open = horizon(max(closed.values(), default=""), window_days)
    return {incident_id: day for incident_id, day in closed.items() if day >= first_open}


def _forget_retracted(contributions: dict[str, Contribution], closed: dict[str, str],
                      window_days: int) -> None:
    """Move the retracted incidents a window older than the place's latest news from
    ``contributions`` to ``closed``. Dedupe has forgotten them by then: its stream time for
    the place (the latest report's day) is never behind the latest update tally has seen."""
    latest = max([*closed.values(), *((c.last_updated or "")[:10] for c in contributions.values())],
                 default="")
    first_open = horizon(latest, window_days)
    for contribution in list(contributions.values()):
        day = (contribution.last_updated or "")[:10]
        if not contribution.active and day < first_open:
            del contributions[contribution.incident_id]
            closed[contribution.incident_id] = day


def is_counted(state: PlaceTally | None, incident: Incident) -> bool:
    """This revision of the incident, or a later one, is in the row already."""
    if state is None:
        return False
    if incident.incident_id in state.closed:
        return True
    counted = state.contributions.get(incident.incident_id)
    return counted is not None and incident.revision <= counted.revision


_FIGURES = ("killed", "injured", "counted_killed", "counted_injured")


def _check_figures(incident: Incident) -> None:
    for name in _FIGURES:
        value = getattr(incident, name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise TypeError(f"incident {incident.incident_id} at {incident.place_id}: {name} is "
                            f"{value!r}, not a count")


def tally(incident: Incident, state: PlaceTally | None, window_days: int = 0) -> TallyStep:
    _check_figures(incident)
    if state is not None and is_counted(state, incident):
        return TallyStep(state, True)
    base = state.row if state else CityTally(place_id=incident.place_id, city=incident.city,
                                             admin1=incident.admin1, country=incident.country)
    contributions = dict(state.contributions) if state else {}
    settled = state.settled if state else Settled()
    closed = dict(state.closed) if state else {}
    if incident.status == "closed":
        contributions.pop(incident.incident_id, None)
        settled = _settle(settled, incident)
        closed[incident.incident_id] = (incident.last_updated or incident.date or "")[:10]
    else:
        active = incident.status == "active"
        contributions[incident.incident_id] = Contribution(
            incident.incident_id, incident.revision,
            incident.counted_killed if active else 0, incident.counted_injured if active else 0,
            active, incident.last_updated)
    _forget_retracted(contributions, closed, window_days)
    closed = _recent(closed, window_days)
    row = _row(incident, base, contributions, settled)
    return TallyStep(PlaceTally(row, contributions, settled, closed),
                     state is None or row != state.row)
