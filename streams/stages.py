"""What every agent does around its stage step: count messages in and out, bound the size of
a message and the time spent on it, and send a message the stage cannot handle to
``news.deadletter`` instead of crashing the agent.

Processing is at least once: Faust flushes the producer before it commits an offset, so a
message whose outputs may have been lost is read again after a crash, and the steps send
their current output again for a message they have handled before.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from faust.types import EventT, Message, TopicT

from agents.steps import StepResult
from streams import origin, topics
from streams.app import metrics, settings
from streams.limits import bounded
from streams.records import DeadLetter, dumps

logger = logging.getLogger(__name__)

Step = Callable[[bytes, bytes | None], StepResult]


async def run_stage(stage: str, event: EventT, out: TopicT, step: Step) -> None:
    """Run ``step`` on the event's raw key and value and send what it returns to ``out``."""
    message = event.message
    series = metrics.per_message[stage]
    series.read.inc()
    published = origin.published_ms(event)
    try:
        result = bounded(step, message.key, message.value,
                         max_bytes=settings.max_message_bytes, timeout=settings.stage_timeout)
        headers = origin.stamp(published)
        for key, record in result.outputs:
            await out.send(key=key.encode("utf-8"), value=dumps(record), headers=headers)
            series.written.inc()
    except Exception as exc:  # any failure of one message is that message's, not the agent's
        await _dead_letter(stage, message, message.value, exc)
        return
    # the parts of the message the step turned away (a report of dedupe's batch)
    for value, exc in result.rejected:
        await _dead_letter(stage, message, value, exc)
    if result.repeated:
        metrics.duplicates.labels(stage).inc()
    if result.language is not None:
        language, read = result.language
        metrics.articles.labels(language, str(read).lower()).inc()
    metrics.observe_latency(stage, published)


async def _dead_letter(stage: str, message: Message, value: bytes | None,
                       error: Exception) -> None:
    metrics.errors.labels(stage).inc()
    letter = DeadLetter.of(stage, error, message.key, value, topic=message.topic,
                           partition=message.partition, offset=message.offset,
                           limit=settings.max_message_bytes)
    logger.warning("%s: dead-lettering %s[%s]@%s: %s", stage, letter.topic,
                   letter.partition, letter.offset, letter.error)
    await topics.deadletter.send(key=letter.key.encode("utf-8") if letter.key else None,
                                 value=dumps(letter))
    metrics.dead_letters.labels(stage).inc()
