"""What every agent does around its stage function: count messages in and out, and send a
message the stage cannot handle to ``news.deadletter`` instead of crashing the agent."""

from __future__ import annotations

import base64
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import faust
from faust.types import EventT, TopicT

from streams import origin, topics
from streams.app import metrics
from streams.records import DeadLetter, dumps

logger = logging.getLogger(__name__)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value.decode("utf-8", errors="replace") if isinstance(value, bytes) else str(value)


def dead_letter(stage: str, event: EventT, error: BaseException) -> DeadLetter:
    message = event.message
    raw = message.value if isinstance(message.value, bytes) else dumps(message.value)
    return DeadLetter(
        stage=stage,
        error=f"{type(error).__name__}: {error}",
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        key=_text(message.key),
        value_base64=base64.b64encode(raw or b"").decode("ascii"),
    )


@asynccontextmanager
async def handling(stage: str, event: EventT) -> AsyncIterator[None]:
    metrics.messages.labels(stage, "in").inc()
    try:
        yield
    except Exception as exc:  # any failure of one message is that message's, not the agent's
        metrics.errors.labels(stage).inc()
        letter = dead_letter(stage, event, exc)
        logger.warning("%s: dead-lettering %s[%s]@%s: %s", stage, letter.topic,
                       letter.partition, letter.offset, letter.error)
        await topics.deadletter.send(key=event.message.key, value=dumps(letter))
        metrics.dead_letters.labels(stage).inc()
    else:
        metrics.observe_latency(stage, origin.published_ms(event))


async def emit(stage: str, topic: TopicT, key: str, record: Any) -> None:
    await topic.send(key=key.encode("utf-8"), value=dumps(record),
                     headers=origin.stamp(faust.current_event()))
    metrics.messages.labels(stage, "out").inc()
