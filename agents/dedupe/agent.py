"""Faust shell of the dedupe stage: ``news.reports`` -> ``news.incidents`` (keyed by place)."""

from agents.dedupe.core import PlaceIncidents, dedupe
from streams import tables, topics
from streams.app import app, metrics
from streams.records import Report, loads
from streams.stages import emit, handling

STAGE = "dedupe"


@app.agent(topics.reports, name=STAGE)
async def dedupe_agent(stream):
    async for event in stream.events():
        async with handling(STAGE, event):
            report = Report.from_dict(loads(event.value))
            state = tables.open_incidents.get(report.place.id)
            result = dedupe(report, PlaceIncidents.from_dict(state) if state else None)
            tables.open_incidents[report.place.id] = result.state
            if not result.incidents:  # a report it already holds, or a retraction already applied
                metrics.duplicates.labels(STAGE).inc()
            for incident in result.incidents:
                await emit(STAGE, topics.incidents, incident.place_id, incident)
